#include "ui/criteria_panel.h"

#include <imgui.h>

#include <algorithm>
#include <numeric>
#include <string>

#include "core/selection.h"
#include "ui/widgets.h"

namespace ntm::ui {
namespace {

bool en() { return current_lang() == Lang::En; }

const ImU32 kBar = IM_COL32(214, 96, 77, 255);
const ImU32 kBarActive = IM_COL32(165, 15, 21, 255);
const ImU32 kTrack = IM_COL32(128, 128, 128, 40);

}  // namespace

const std::vector<CriterionMisses>& CriteriaPanel::misses(const AppState& state) {
    if (data_version_ != state.data_version() || planner_version_ != planner_.version() || date_ != state.date()) {
        // Counted over the filter without its criterion: choosing a bar must not empty the others.
        misses_ = criterion_misses(state.dataset(), state.states(), planner_.filter_without_criterion());
        data_version_ = state.data_version();
        planner_version_ = planner_.version();
        date_ = state.date();
    }
    return misses_;
}

void CriteriaPanel::sync(AppState& state) {
    planner_.sync_data(state.data_version());
    const int criterion = planner_.criterion();
    if (criterion == 0) {
        if (applied_criterion_ != 0) state.set_highlighted_units({}, "");
        applied_criterion_ = 0;
        return;
    }
    const bool lang = en();
    if (criterion == applied_criterion_ && applied_data_ == state.data_version() &&
        applied_planner_ == planner_.version() && applied_date_ == state.date() && applied_en_ == lang)
        return;
    CriterionHighlight h = planner_.criterion_highlight(state.dataset(), state.states(), lang);
    state.set_highlighted_units(std::move(h.units), std::move(h.label));
    applied_criterion_ = criterion;
    applied_data_ = state.data_version();
    applied_planner_ = planner_.version();
    applied_date_ = state.date();
    applied_en_ = lang;
}

void CriteriaPanel::draw(AppState& state) {
    sync(state);
    if (!state.has_data()) {
        note(tr("Chưa mở dữ liệu.", "No data open."));
        return;
    }
    const std::vector<CriterionMisses>& m = misses(state);
    const int with_data = m.empty() ? 0 : m.front().xa_with_data;
    ImGui::TextDisabled("%s — %s", tr("Số xã chưa đạt từng tiêu chí", "Xã missing each criterion"),
                        format_date(state.date()).c_str());
    ImGui::TextDisabled(tr("%d xã có dữ liệu%s", "%d xã with data%s"), with_data,
                        planner_.filter_without_criterion().empty() ? "" : tr(" (theo bộ lọc)", " (filtered)"));
    ImGui::SameLine();
    ImGui::Checkbox(tr("Xếp theo số xã", "Most missed first"), &by_count_);
    if (m.empty()) return;

    std::vector<size_t> order(m.size());
    std::iota(order.begin(), order.end(), size_t(0));
    if (by_count_)
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return m[a].count > m[b].count; });

    const ImGuiStyle& style = ImGui::GetStyle();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float line_h = ImGui::GetTextLineHeight() + 4.0f;
    const float count_w = ImGui::CalcTextSize("0000 (100,00 %)").x;
    const float label_w = std::max(ImGui::GetFontSize() * 6, avail * 0.45f);
    const float bar_w = std::max(ImGui::GetFontSize() * 2, avail - label_w - count_w - 2 * style.ItemSpacing.x);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const int active = planner_.criterion();

    for (size_t i : order) {
        const CriterionMisses& c = m[i];
        const std::string name = en() && !c.name_en.empty() ? c.name_en : c.name_vi;
        const std::string label = std::to_string(c.number) + ". " + name;
        const std::string count = std::to_string(c.count) + " (" + format_percent(c.percent) + ")";
        ImGui::PushID(c.number);
        // The name wraps within its column ("3. Thủy lợi và phòng, chống thiên tai" on two
        // lines), never cut; the row is as tall as it.
        const float wrap_w = label_w - style.ItemSpacing.x;
        const float text_h = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap_w).y;
        const float h = std::max(line_h, text_h + 4.0f);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        if (ImGui::Selectable("##bar", active == c.number, 0, ImVec2(avail, h))) {
            planner_.toggle_criterion(c.number);
            sync(state);
        }
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(label.c_str());
            ImGui::Text(tr("%d trên %d xã có dữ liệu chưa đạt", "%d of %d xã with data miss it"), c.count,
                        c.xa_with_data);
            note(active == c.number
                                          ? tr("Nhấp lần nữa để bỏ tô sáng và bỏ lọc",
                                               "Click again to clear the highlight and the filter")
                                          : tr("Nhấp để tô sáng các xã này trên bản đồ và lọc danh sách",
                                               "Click to highlight these xã on the map and filter the lists"));
            ImGui::EndTooltip();
        }
        const float ty = p.y + (h - ImGui::GetTextLineHeight()) * 0.5f;
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x, p.y + (h - text_h) * 0.5f), text, label.c_str(),
                    nullptr, wrap_w);
        const float x0 = p.x + label_w;
        const float by0 = p.y + (h - line_h) * 0.5f + 2, by1 = by0 + line_h - 4;
        dl->AddRectFilled(ImVec2(x0, by0), ImVec2(x0 + bar_w, by1), kTrack);
        // Bars as shares of xã with data, so districts and dates compare on one scale.
        const float w = bar_w * static_cast<float>(std::clamp(c.percent, 0.0, 100.0) / 100.0);
        dl->AddRectFilled(ImVec2(x0, by0), ImVec2(x0 + w, by1), active == c.number ? kBarActive : kBar);
        dl->AddText(ImVec2(x0 + bar_w + style.ItemSpacing.x, ty), text, count.c_str());
        ImGui::PopID();
    }

    if (active) {
        ImGui::Separator();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(state.highlighted_units_label().c_str());
        ImGui::PopTextWrapPos();
        ImGui::Text(tr("%zu xã được tô sáng trên bản đồ", "%zu xã highlighted on the map"),
                    state.highlighted_units().size());
        if (ImGui::SmallButton(tr("Chọn các xã này", "Select these xã"))) state.select_units(state.highlighted_units());
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Bỏ tô sáng", "Clear highlight"))) {
            planner_.set_criterion(0);
            sync(state);
        }
    }
}

}  // namespace ntm::ui
