#include "ui/unit_detail_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/lineage.h"
#include "core/palette.h"
#include "ui/timeline_panel.h"
#include "ui/widgets.h"

namespace ntm::ui {
namespace {

const ImVec4 kMet(0.0f, 0.50f, 0.22f, 1.0f);
const ImVec4 kNotMet(0.78f, 0.12f, 0.12f, 1.0f);

bool vi() { return current_lang() == Lang::Vi; }

ImFont* bold_font() {
    // The app adds regular, bold and large faces, in that order (render/fonts.h).
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    return atlas->Fonts.Size > 1 ? atlas->Fonts[1] : nullptr;
}

const char* criterion_name(const CriteriaSet& set, int number) {
    const Criterion* c = set.find(number);
    if (!c) return "";
    return vi() || c->name_en.empty() ? c->name_vi.c_str() : c->name_en.c_str();
}

const char* level_name(Level level) { return vi() ? level_name_vi(level) : level_name_en(level); }

std::string join_numbers(const std::vector<int>& numbers) {
    std::string s;
    for (size_t i = 0; i < numbers.size(); ++i) {
        if (i) s += ", ";
        s += std::to_string(numbers[i]);
    }
    return s;
}

}  // namespace

void UnitDetailPanel::refresh(const AppState& state, int unit) {
    if (state.data_version() == data_version_ && unit == unit_) return;
    data_version_ = state.data_version();
    unit_ = unit;
    history_.clear();
    events_.clear();
    formation_.reset();
    successors_.clear();
    const Dataset& ds = state.dataset();
    if (unit < 0 || unit >= static_cast<int>(ds.units.size())) return;
    history_ = unit_history(ds, unit);
    // Lineage does not depend on the date shown (predecessors are read on the day before the
    // change), so it is found once per unit, not every frame.
    formation_ = state.index() ? formation(ds, *state.index(), unit) : std::nullopt;
    successors_ = successors_of(ds, unit);
    events_ = state.events_of_unit(unit);
}

void UnitDetailPanel::draw(AppState& state) {
    const Dataset& ds = state.dataset();
    const int unit = state.primary_unit();
    if (unit < 0 || unit >= static_cast<int>(ds.units.size())) {
        refresh(state, -1);
        ImGui::PushTextWrapPos(0);
        if (state.selection().size() > 1)
            ImGui::Text(tr("Đã chọn %zu đơn vị.", "%zu units selected."), state.selection().size());
        note(tr("Nhấp vào một xã trên bản đồ để xem chi tiết",
                                     "Click a commune on the map for its details"));
        ImGui::PopTextWrapPos();
        return;
    }
    refresh(state, unit);
    ImGui::PushID(unit);
    draw_header(state, unit);
    ImGui::Separator();
    const Unit& u = ds.units[unit];
    if (!u.assessed()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImVec4(0.45f, 0.45f, 0.45f, 1), "%s", tr("Không áp dụng", "Not applicable"));
        ImGui::TextWrapped("%s", tr("Bộ tiêu chí nông thôn mới cấp xã không áp dụng cho phường, thị trấn; "
                                    "đơn vị này không được tính vào các số liệu thống kê xã.",
                                    "The commune NTM criteria do not apply to wards and townships; this "
                                    "unit is left out of every commune statistic."));
        ImGui::PopTextWrapPos();
    } else {
        draw_attainment(state, unit);
        draw_checklist(state, unit);
        draw_history(state);
    }
    draw_lineage(state, unit);
    draw_events(state, unit);
    ImGui::PopID();
}

void UnitDetailPanel::draw_header(const AppState& state, int unit) {
    const Unit& u = state.dataset().units[unit];
    ImFont* large = ImGui::GetIO().Fonts->Fonts.Size > 2 ? ImGui::GetIO().Fonts->Fonts[2] : bold_font();
    if (large) ImGui::PushFont(large);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(u.full_name().c_str());
    ImGui::PopTextWrapPos();
    if (large) ImGui::PopFont();
    std::string line = std::string(tr("Mã", "Code")) + " " + u.code + " · " +
                       (vi() ? kind_name_vi(u.kind) : kind_name_en(u.kind));
    if (!u.district_name.empty()) line += " · " + u.district_name;
    // The commune group sets the thresholds of the 2026–2030 criteria.
    if (u.assessed() && state.dataset().criteria_on(state.date()).commune_groups)
        line += " · " + (u.commune_group > 0 ? std::string(tr("Nhóm ", "Group ")) + std::to_string(u.commune_group)
                                             : std::string(tr("chưa rõ nhóm xã", "commune group not known")));
    ImGui::PushTextWrapPos(0);
    note(line.c_str());
    if (!state.dataset().in_force(unit, state.date()))
        note(tr("Đơn vị không còn (hoặc chưa) tồn tại vào ngày đang xem",
                                     "This unit does not exist on the date shown"));
    ImGui::PopTextWrapPos();
    if (state.selection().size() > 1)
        ImGui::TextDisabled(tr("(một trong %zu đơn vị đã chọn)", "(one of %zu selected units)"),
                            state.selection().size());
}

void UnitDetailPanel::draw_attainment(AppState& state, int unit) {
    const Dataset& ds = state.dataset();
    const auto& states = state.states();
    if (unit >= static_cast<int>(states.size())) return;
    const UnitState& st = states[unit];
    const std::string date = format_date(state.date());
    if (!st.has_data) {
        ImGui::TextDisabled(tr("Chưa có dữ liệu đánh giá đến ngày %s", "No assessment as of %s"), date.c_str());
    } else {
        const CriteriaSet& set = ds.criteria_set(st.criteria_set);
        const int bands = static_cast<int>(set.bands.size());
        ImFont* bold = bold_font();
        if (bold) ImGui::PushFont(bold);
        ImGui::Text("%s: %d/%d", tr("Số tiêu chí đạt", "Criteria attained"), st.count, set.size());
        if (bold) ImGui::PopFont();
        ImGui::SameLine();
        ImGui::TextDisabled("(%s %s)", tr("ngày", "on"), date.c_str());
        if (st.band >= 0 && st.band < bands) {
            swatch(band_colour(st.band, bands), false);
            ImGui::SameLine();
            ImGui::Text("%s %s", set.bands[st.band].label.c_str(), tr("tiêu chí", "criteria"));
        }
        note((vi() ? set.short_label_vi() : set.short_label_en()).c_str());
        {
        }
    }
    if (st.level != Level::None)
        ImGui::Text("%s: %s", tr("Mức công nhận", "Recognised level"), level_name(st.level));
    else
        note(tr("Chưa được công nhận đạt chuẩn", "Not recognised at any level"));

    // Recognition decisions (later ones dimmed); a click goes to the decision's date.
    std::vector<const Recognition*> recognitions;
    for (const Recognition& r : ds.recognitions)
        if (r.unit_code == ds.units[unit].code && ds.find_unit(r.unit_code, r.date) == unit)
            recognitions.push_back(&r);
    if (recognitions.empty()) return;
    std::stable_sort(recognitions.begin(), recognitions.end(),
                     [](const Recognition* a, const Recognition* b) { return a->date < b->date; });
    char title[96];
    std::snprintf(title, sizeof title, "%s (%zu)###recognitions", tr("Quyết định công nhận", "Recognitions"),
                  recognitions.size());
    if (!ImGui::CollapsingHeader(title, ImGuiTreeNodeFlags_DefaultOpen)) return;
    ImGui::PushTextWrapPos(0);
    for (size_t i = 0; i < recognitions.size(); ++i) {
        const Recognition& r = *recognitions[i];
        const bool later = r.date > state.date();
        ImGui::PushID(static_cast<int>(i));
        if (later) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        std::string label = format_date(r.date) + " · " +
                            (r.level == Level::None ? std::string(tr("Thu hồi công nhận", "Recognition revoked"))
                                                    : std::string(level_name(r.level)));
        if (ImGui::Selectable(label.c_str(), false)) state.set_date(r.date);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", later ? tr("Sau ngày đang xem · nhấp để chuyển đến ngày này",
                                                "After the date shown · click to go to this date")
                                          : tr("Nhấp để chuyển đến ngày này", "Click to go to this date"));
        if (!r.decision.empty() || !r.note.empty()) {
            ImGui::Indent();
            if (!r.decision.empty()) note(r.decision.c_str());
            if (!r.note.empty()) note((std::string(tr("Ghi chú: ", "Note: ")) + r.note).c_str());
            ImGui::Unindent();
        }
        if (later) ImGui::PopStyleColor();
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
}

void UnitDetailPanel::draw_checklist(const AppState& state, int unit) {
    const Dataset& ds = state.dataset();
    const auto& states = state.states();
    if (unit >= static_cast<int>(states.size()) || !states[unit].has_data) return;
    const UnitState& st = states[unit];
    char title[128];
    std::snprintf(title, sizeof title, "%s %s###checklist", tr("Các tiêu chí ngày", "Criteria on"),
                  format_date(state.date()).c_str());
    if (!ImGui::CollapsingHeader(title, ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (!ImGui::BeginTable("##criteria", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) return;
    ImGui::TableSetupColumn("mark", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("number", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch);
    const CriteriaSet& set = ds.criteria_set(st.criteria_set);
    for (int c = 0; c < set.size(); ++c) {
        const Criterion& crit = set.criteria[c];
        const bool met = c < static_cast<int>(st.met.size()) && st.met[c];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextColored(met ? kMet : kNotMet, "%s", met ? "✓" : "✗");
        ImGui::TableNextColumn();
        ImGui::Text("%d", crit.number);
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(criterion_name(set, crit.number));
        ImGui::PopTextWrapPos();
        // Indicators (chỉ tiêu), where the set carries them: the criterion is met when all are.
        if (!crit.indicators.empty() && state.index()) {
            const auto marks = state.index()->indicators(unit, crit.number, state.date());
            for (size_t i = 0; i < crit.indicators.size() && i < marks.size(); ++i) {
                const Indicator& ind = crit.indicators[i];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TableNextColumn();
                if (!marks[i].has_data) ImGui::TextDisabled("·");
                else ImGui::TextColored(marks[i].met ? kMet : kNotMet, "%s", marks[i].met ? "✓" : "✗");
                ImGui::TableNextColumn();
                ImGui::PushTextWrapPos(0);
                ImGui::TextDisabled("%s %s", ind.number.c_str(),
                                    vi() || ind.name_en.empty() ? ind.name_vi.c_str() : ind.name_en.c_str());
                ImGui::PopTextWrapPos();
            }
        }
        if (ImGui::IsItemHovered()) {
            // Since when: the last change of this criterion on or before the date.
            const CriterionChange* since = nullptr;
            for (const CriterionChange& h : history_)
                if (h.criterion == crit.number && h.criteria_set == st.criteria_set && h.date <= state.date())
                    since = &h;
            ImGui::BeginTooltip();
            ImGui::Text("%s %d — %s", tr("Tiêu chí", "Criterion"), crit.number,
                        met ? tr("đạt", "met") : tr("chưa đạt", "not met"));
            if (since)
                ImGui::TextDisabled("%s %s · %s", since->gained ? tr("Đạt từ", "Met since") : tr("Mất từ", "Lost on"),
                                    format_date(since->date).c_str(), since->source.c_str());
            else
                note(tr("Chưa từng đạt", "Never met so far"));
            ImGui::EndTooltip();
        }
    }
    ImGui::EndTable();
}

void UnitDetailPanel::draw_history(AppState& state) {
    const Dataset& ds = state.dataset();
    const ChangeCounts n = count_changes(history_);
    char title[160];
    std::snprintf(title, sizeof title, tr("Lịch sử đạt/mất tiêu chí (%d đạt, %d mất)###history",
                                          "Criteria gained and lost (%d gained, %d lost)###history"),
                  n.gained, n.lost);
    if (!ImGui::CollapsingHeader(title, ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (history_.empty()) {
        note(tr("Không có thay đổi nào.", "No changes."));
        return;
    }
    // One row per date and source: the criteria gained and lost that day.
    if (!ImGui::BeginTable("##history", 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) return;
    ImGui::TableSetupColumn("date", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("changes", ImGuiTableColumnFlags_WidthStretch);
    const float line = ImGui::GetTextLineHeightWithSpacing();
    // A history across two criteria sets (19 criteria to 2025, 10 from 2026) numbers them in
    // different sets: each row where the set changes names it.
    const bool several_sets = std::any_of(history_.begin(), history_.end(), [&](const CriterionChange& c) {
        return c.criteria_set != history_.front().criteria_set;
    });
    for (size_t i = 0; i < history_.size();) {
        size_t j = i;
        std::vector<int> gained, lost;
        while (j < history_.size() && history_[j].date == history_[i].date &&
               history_[j].source == history_[i].source) {
            (history_[j].gained ? gained : lost).push_back(history_[j].criterion);
            ++j;
        }
        const CriterionChange& h = history_[i];
        const bool later = h.date > state.date();
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (later) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        const bool names_set = several_sets && h.criteria_set >= 0 &&
                               (i == 0 || history_[i - 1].criteria_set != h.criteria_set);
        const int lines = 1 + (!gained.empty() && !lost.empty()) + !h.source.empty() + names_set;
        const std::string date = format_date(h.date);
        if (ImGui::Selectable(date.c_str(), h.date == state.date(),
                              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                              ImVec2(0, line * lines - ImGui::GetStyle().ItemSpacing.y)))
            state.set_date(h.date);
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
            ImGui::Text("%s%s", format_date(h.date).c_str(),
                        later ? tr(" (sau ngày đang xem)", " (after the date shown)") : "");
            for (size_t k = i; k < j; ++k)
                ImGui::TextColored(history_[k].gained ? kMet : kNotMet, "%s %d. %s",
                                   history_[k].gained ? "✓" : "✗", history_[k].criterion,
                                   criterion_name(ds.criteria_set(history_[k].criteria_set), history_[k].criterion));
            if (!h.source.empty()) ImGui::TextDisabled("%s: %s", tr("Nguồn", "Source"), h.source.c_str());
            note(tr("Nhấp để chuyển đến ngày này", "Click to go to this date"));
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0);
        const ImVec4 dim = ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
        if (names_set) {
            const CriteriaSet& set = ds.criteria_sets[h.criteria_set];
            note((current_lang() == Lang::Vi ? set.short_label_vi() : set.short_label_en()).c_str());
        }
        if (!gained.empty())
            ImGui::TextColored(later ? dim : kMet, "✓ %s %s", tr("đạt", "gained"), join_numbers(gained).c_str());
        if (!lost.empty())
            ImGui::TextColored(later ? dim : kNotMet, "✗ %s %s", tr("mất", "lost"), join_numbers(lost).c_str());
        if (!h.source.empty()) note(h.source.c_str());
        ImGui::PopTextWrapPos();
        if (later) ImGui::PopStyleColor();
        ImGui::PopID();
        i = j;
    }
    ImGui::EndTable();
}

void UnitDetailPanel::draw_lineage(AppState& state, int unit) {
    const Dataset& ds = state.dataset();
    const std::optional<Formation>& formed = formation_;
    const std::vector<LineageStep>& next = successors_;
    if (unit != unit_ || (!formed && next.empty())) return;
    if (!ImGui::CollapsingHeader(tr("Sắp xếp đơn vị hành chính###lineage", "Administrative rearrangement###lineage"),
                                 ImGuiTreeNodeFlags_DefaultOpen))
        return;
    ImGui::PushTextWrapPos(0);
    if (formed) {
        ImGui::TextWrapped("%s", describe_formation(ds, *formed, vi()).c_str());
        // Each predecessor as it stood the day before; a click shows it on that date.
        const Date before{formed->date.days - 1};
        for (size_t i = 0; i < formed->predecessors.size(); ++i) {
            const PredecessorState& p = formed->predecessors[i];
            const Unit& pu = ds.units[p.unit];
            std::string line = lineage_name(ds, p.unit, true) + " (" + pu.code + ")";
            if (!pu.assessed()) line += tr(" — không áp dụng", " — not applicable");
            else if (!p.before.has_data) line += tr(" — chưa có dữ liệu", " — no data");
            else
                line += " — " + std::to_string(p.before.count) + "/" +
                        std::to_string(ds.criteria_set(p.before.criteria_set).size()) + tr(" tiêu chí", " criteria") +
                        (p.before.level != Level::None ? std::string(" · ") + level_name(p.before.level) : "");
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(line.c_str(), false)) {
                state.set_date(before);
                state.select_units({p.unit});
            }
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s %s", tr("Nhấp để xem đơn vị này ngày", "Click to show this unit on"),
                                  format_date(before).c_str());
            ImGui::PopID();
        }
    }
    if (!next.empty()) {
        ImGui::TextWrapped("%s", describe_successors(ds, next, vi()).c_str());
        for (size_t i = 0; i < next.size(); ++i) {
            ImGui::PushID(1000 + static_cast<int>(i));
            const std::string line = lineage_name(ds, next[i].unit, true) + " (" + ds.units[next[i].unit].code + ")";
            if (ImGui::Selectable(line.c_str(), false)) {
                state.set_date(next[i].date);
                state.select_units({next[i].unit});
            }
            ImGui::PopID();
        }
    }
    ImGui::PopTextWrapPos();
}

void UnitDetailPanel::draw_events(AppState& state, int unit) {
    const Dataset& ds = state.dataset();
    char title[128];
    std::snprintf(title, sizeof title, "%s (%zu)###events", tr("Sự kiện liên quan", "Events concerning it"),
                  events_.size());
    if (!ImGui::CollapsingHeader(title, ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (events_.empty()) {
        note(tr("Không có sự kiện nào.", "No events."));
        return;
    }
    const float h = ImGui::GetTextLineHeight();
    ImGui::PushTextWrapPos(0);
    for (int e : events_) {
        if (e < 0 || e >= static_cast<int>(ds.events.size())) continue;
        const Event& ev = ds.events[e];
        ImGui::PushID(e);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + h * 0.2f), ImVec2(p.x + h * 0.6f, p.y + h * 0.8f),
                                                  event_kind_colour(ev.kind), 2);
        ImGui::Dummy(ImVec2(h * 0.6f, h));
        ImGui::SameLine();
        std::string label = format_date(ev.start) + " · " + event_kind_name(ev.kind);
        const bool on_date = ev.start <= state.date() && state.date() <= std::max(ev.start, ev.end);
        if (ImGui::Selectable(label.c_str(), on_date)) {
            state.activate_event(e);
            // Keep this unit in the panel: it was concerned by the event (perhaps through its
            // district), so it joins the selection as its primary unit.
            state.select_units({unit}, true);
        }
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            event_details(state, e);
            ImGui::Separator();
            note(tr("Nhấp: chọn ngày và các đơn vị liên quan",
                                         "Click: go to its date and select what it concerns"));
            ImGui::EndTooltip();
        }
        ImGui::Indent(h * 0.6f + ImGui::GetStyle().ItemSpacing.x);
        note(ev.title.c_str());
        ImGui::Unindent(h * 0.6f + ImGui::GetStyle().ItemSpacing.x);
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
}

}  // namespace ntm::ui
