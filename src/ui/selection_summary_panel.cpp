#include "ui/selection_summary_panel.h"

#include <imgui.h>

#include <vector>

#include "core/palette.h"
#include "core/selection.h"
#include "ui/widgets.h"

namespace ntm::ui {

const Summary& SelectionSummaryPanel::summary(const AppState& state) {
    // Comparing the set costs less than summarising it again every frame.
    if (data_version_ != state.data_version() || date_ != state.date() || selection_ != state.selection()) {
        selection_ = state.selection();
        Selection s;
        s.replace(std::vector<int>(selection_.begin(), selection_.end()));
        summary_ = summarize_selection(state.dataset(), state.states(), state.date(), s);
        data_version_ = state.data_version();
        date_ = state.date();
    }
    return summary_;
}

void SelectionSummaryPanel::draw(AppState& state) {
    planner_.sync_data(state.data_version());
    if (!state.has_data()) {
        note(tr("Chưa mở dữ liệu.", "No data open."));
        return;
    }
    const Dataset& ds = state.dataset();
    const Summary& s = summary(state);

    if (ImGui::SmallButton(tr("Chọn theo bộ lọc", "Select filtered")))
        state.select_units(units_matching(ds, state.states(), planner_.filter()));
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", planner_.filter().describe(ds, state.date(), current_lang() == Lang::En).c_str());
    if (!state.selection().empty()) {
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Phóng tới", "Zoom to"))) {
            const geo::Bounds b =
                state.bounds_of_units(std::vector<int>(state.selection().begin(), state.selection().end()));
            if (!b.empty()) {
                ViewRequest v;
                v.kind = ViewRequest::Kind::Bounds;
                v.bounds = b;
                state.request_view(v);
            }
        }
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Bỏ chọn", "Clear"))) state.clear_selection();
    }

    if (state.selection().empty()) {
        note(tr("Chưa chọn đơn vị nào (nhấp, Ctrl/Shift+nhấp hoặc kéo hộp trên bản đồ, "
                                     "hoặc nhấp một dòng trong danh sách).",
                                     "Nothing selected (click, ctrl/shift-click or drag a box on the map, or click "
                                     "a row of a list)."));
        return;
    }
    const std::string chosen =
        current_lang() == Lang::Vi
            ? "Đã chọn " + std::to_string(s.units_total) + " đơn vị: " + std::to_string(s.xa_total) + " xã, " +
                  std::to_string(s.not_applicable) + " phường/thị trấn"
            : count_of(s.units_total, "", "unit", "units") + " selected: " + count_of(s.xa_total, "", "commune", "communes") +
                  ", " + count_of(s.not_applicable, "", "ward or township", "wards or townships");
    ImGui::TextWrapped("%s", chosen.c_str());
    if (s.xa_with_data == 0) {
        note(tr("Không xã nào được chọn có dữ liệu vào ngày này.",
                                     "No selected xã has data on this date."));
        return;
    }
    const std::string average = std::string(tr("Bình quân tiêu chí/xã", "Average criteria per xã")) + ": " +
                                format_decimal(s.average_criteria, 2) + " (" +
                                count_of(s.xa_with_data, "xã có dữ liệu", "commune with data", "communes with data") + ")";
    ImGui::TextWrapped("%s", average.c_str());
    ImGui::TextWrapped("%s: %d (%s)", tr("Đạt chuẩn", "At standard"), s.at_standard,
                       format_percent(s.xa_total ? 100.0 * s.at_standard / s.xa_total : 0).c_str());
    const std::string levels = levels_line(s);
    if (!levels.empty()) ImGui::TextWrapped("%s", levels.c_str());

    const int band_count = static_cast<int>(ds.criteria_on(state.date()).bands.size());
    if (ImGui::BeginTable("##selection_bands", 3, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("band", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("count", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("percent", ImGuiTableColumnFlags_WidthFixed);
        for (int b = 0; b < band_count && b < static_cast<int>(s.bands.size()); ++b)
            count_row(band_colour(b, band_count), false,
                      s.bands[b].label + " " + tr("tiêu chí", "criteria"), s.bands[b].count, s.bands[b].percent);
        const int no_data = s.xa_total - s.xa_with_data;
        if (no_data > 0) count_row(no_data_colour(), false, tr("Chưa có dữ liệu", "No data"), no_data);
        ImGui::EndTable();
    }
}

}  // namespace ntm::ui
