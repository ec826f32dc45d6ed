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
        ImGui::TextDisabled("%s", tr("Chưa mở dữ liệu.", "No data open."));
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
        ImGui::TextDisabled("%s", tr("Chưa chọn đơn vị nào (nhấp, Ctrl/Shift+nhấp hoặc kéo hộp trên bản đồ, "
                                     "hoặc nhấp một dòng trong danh sách).",
                                     "Nothing selected (click, ctrl/shift-click or drag a box on the map, or click "
                                     "a row of a list)."));
        return;
    }
    ImGui::Text(tr("Đã chọn %d đơn vị: %d xã, %d phường/thị trấn", "%d units selected: %d xã, %d wards/townships"),
                s.units_total, s.xa_total, s.not_applicable);
    if (s.xa_with_data == 0) {
        ImGui::TextDisabled("%s", tr("Không xã nào được chọn có dữ liệu vào ngày này.",
                                     "No selected xã has data on this date."));
        return;
    }
    ImGui::Text("%s: %s (%d %s)", tr("Bình quân tiêu chí/xã", "Average criteria per xã"),
                format_decimal(s.average_criteria, 2).c_str(), s.xa_with_data, tr("xã có dữ liệu", "xã with data"));
    ImGui::Text("%s: %d (%s)", tr("Đạt chuẩn", "At standard"), s.at_standard,
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
