#include "ui/legend_panel.h"

#include <imgui.h>

#include <cstdio>

#include "core/palette.h"
#include "ui/widgets.h"

namespace ntm::ui {

void LegendPanel::draw(AppState& state) {
    const Dataset& ds = state.dataset();
    const Summary& s = state.summary();
    const CriteriaSet& set = ds.criteria_on(state.date());
    const int band_count = static_cast<int>(set.bands.size());
    ImGui::TextDisabled("%s — %s", tr("Số tiêu chí đạt", "Criteria met"), format_date(state.date()).c_str());
    // Which set the counts are out of, and its decision.
    note((current_lang() == Lang::Vi ? set.short_label_vi() : set.short_label_en()).c_str());
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s\n%s %s (%s)", current_lang() == Lang::Vi ? set.name_vi.c_str() : set.name_en.c_str(),
                          tr("Quyết định", "Decision"), set.decision.c_str(), set.decision_date.c_str());
    if (ImGui::BeginTable("##legend", 3, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("band", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("count", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("percent", ImGuiTableColumnFlags_WidthFixed);
        for (int b = 0; b < band_count && b < static_cast<int>(s.bands.size()); ++b) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(b);
            const bool on = state.highlighted_band() == b;
            swatch(band_colour(b, band_count), false);
            ImGui::SameLine();
            char label[96];
            std::snprintf(label, sizeof label, "%s %s", s.bands[b].label.c_str(), tr("tiêu chí", "criteria"));
            if (ImGui::Selectable(label, on, ImGuiSelectableFlags_SpanAllColumns))
                state.toggle_highlighted_band(b);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", tr("Nhấp để tô sáng các xã của nhóm này trên bản đồ",
                                           "Click to highlight this band's communes on the map"));
            ImGui::PopID();
            // No xã assessed: the bands are unknown, not empty.
            ImGui::TableNextColumn();
            if (s.xa_with_data > 0) ImGui::Text("%d", s.bands[b].count);
            else ImGui::TextDisabled("—");
            ImGui::TableNextColumn();
            if (s.xa_with_data > 0) ImGui::TextUnformatted(format_percent(s.bands[b].percent).c_str());
            else ImGui::TextDisabled("—");
        }
        const int no_data = s.xa_total - s.xa_with_data;
        if (no_data > 0)
            count_row(no_data_colour(), false, tr("Chưa có dữ liệu", "No data"), no_data,
                      s.xa_total ? 100.0 * no_data / s.xa_total : 0);
        if (s.not_applicable > 0)
            count_row(not_applicable_colour(), true,
                      not_applicable_label(s, current_lang() == Lang::Vi), s.not_applicable);
        ImGui::EndTable();
    }
    ImGui::Separator();
    ImGui::Text("%s: %d", tr("Tổng số xã", "Communes (xã)"), s.xa_total);
    if (s.xa_with_data > 0) {
        ImGui::Text("%s: %d (%s)", tr("Đạt chuẩn NTM", "At NTM standard"), s.at_standard,
                    format_percent(s.xa_total ? 100.0 * s.at_standard / s.xa_total : 0).c_str());
        ImGui::Text("%s: %s", tr("Bình quân tiêu chí/xã", "Average criteria per xã"),
                    format_decimal(s.average_criteria, 2).c_str());
        const std::string levels = levels_line(s);
        if (!levels.empty()) ImGui::TextWrapped("%s", levels.c_str());
    }
}

}  // namespace ntm::ui
