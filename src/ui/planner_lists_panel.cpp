#include "ui/planner_lists_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <set>
#include <string>

#include "core/filters.h"
#include "ui/widgets.h"

namespace ntm::ui {
namespace {

const ImVec4 kBad(0.78f, 0.12f, 0.12f, 1.0f);

bool en() { return current_lang() == Lang::En; }

std::string criterion_label(const Criterion& c) {
    return std::to_string(c.number) + ". " + (en() && !c.name_en.empty() ? c.name_en : c.name_vi);
}

const char* level_label(Level l) {
    if (l == Level::None) return tr("Chưa công nhận", "Not recognised");
    return en() ? level_name_en(l) : level_name_vi(l);
}

// "Tất cả" / the single value / "3 mục": the preview of a multi-choice drop-down.
std::string preview(size_t chosen, const std::string& single) {
    if (chosen == 0) return tr("Tất cả", "All");
    if (chosen == 1) return single;
    char buf[48];
    std::snprintf(buf, sizeof buf, tr("%zu mục", "%zu chosen"), chosen);
    return buf;
}

// One check-like entry in a drop-down that stays open, so several values can be ticked.
bool choice(const std::string& label, bool on) {
    return ImGui::Selectable(label.c_str(), on, ImGuiSelectableFlags_DontClosePopups);
}

}  // namespace

// --- DateField -----------------------------------------------------------------------------------

std::optional<Date> DateField::draw(const char* id, Date value, float width) {
    ImGui::PushID(id);
    // Show the value unless the user is typing.
    if (!editing_ && shown_ != value && !bad_) {
        std::snprintf(text_, sizeof text_, "%s", value.iso().c_str());
        shown_ = value;
    }
    ImGui::SetNextItemWidth(width);
    if (bad_) ImGui::PushStyleColor(ImGuiCol_Text, kBad);
    ImGui::InputText("##date", text_, sizeof text_);
    editing_ = ImGui::IsItemActive();
    if (bad_) ImGui::PopStyleColor();
    std::optional<Date> applied;
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        if (const auto d = parse_date(text_)) {
            applied = *d;
            bad_ = false;
            shown_.reset();  // re-show in canonical form
        } else {
            bad_ = true;
        }
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", bad_ ? tr("Không phải ngày: nhập YYYY-MM-DD hoặc DD/MM/YYYY",
                                         "Not a date: type YYYY-MM-DD or DD/MM/YYYY")
                                    : tr("YYYY-MM-DD hoặc DD/MM/YYYY, Enter để áp dụng",
                                         "YYYY-MM-DD or DD/MM/YYYY, Enter to apply"));
    ImGui::PopID();
    return applied;
}

// --- PlannerFilterBar ------------------------------------------------------------------------------

void PlannerFilterBar::refresh(const AppState& state) {
    // The boundary version changes with the date (districts until 30/6/2025, none after).
    const int version = state.dataset().version_on(state.date());
    if (state.data_version() == data_version_ && version == version_) return;
    data_version_ = state.data_version();
    version_ = version;
    const Dataset& ds = state.dataset();
    districts_ = ds.districts(state.date());
    std::set<int> kinds, groups;
    std::set<std::string> tags;
    for (const Unit& u : ds.units) {
        if (u.version != version && ds.versions.size() > 1) continue;
        if (u.assessed()) groups.insert(u.commune_group);
        kinds.insert(static_cast<int>(u.kind));
        tags.insert(u.tags.begin(), u.tags.end());
    }
    kinds_.clear();
    for (int k : kinds) kinds_.push_back(static_cast<UnitKind>(k));
    tags_.assign(tags.begin(), tags.end());
    groups_.assign(groups.begin(), groups.end());
}

void PlannerFilterBar::draw(AppState& state) {
    refresh(state);
    const Dataset& ds = state.dataset();
    const UnitFilterSpec& f = planner_.filter();
    const float w = ImGui::GetFontSize() * 8.5f;
    ImGui::PushID("filter");

    // Drop-downs flow onto the next line when the panel is narrow.
    bool first = true;
    auto combo = [&](const char* label, const std::string& preview_text, auto body) {
        const float need = ImGui::CalcTextSize(label).x + ImGui::GetStyle().ItemSpacing.x + w;
        if (!first) {
            const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
            if (ImGui::GetItemRectMax().x + ImGui::GetFontSize() + need <= right)
                ImGui::SameLine(0, ImGui::GetFontSize());
        }
        first = false;
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(w);
        ImGui::PushID(label);
        if (ImGui::BeginCombo("##c", preview_text.c_str(), ImGuiComboFlags_HeightLarge)) {
            body();
            ImGui::EndCombo();
        }
        ImGui::PopID();
    };

    // District names, not keys, in the preview.
    std::string one_district;
    if (f.districts.size() == 1)
        for (const District& d : districts_)
            if (district_key(d) == f.districts[0]) one_district = d.name;
    const Grouping grouping = ds.grouping_on(state.date());
    if (!districts_.empty())
    combo(current_lang() == Lang::Vi ? grouping_name_vi(grouping) : grouping_name_en(grouping),
          preview(f.districts.size(), one_district), [&] {
        for (const District& d : districts_) {
            const std::string key = district_key(d);
            const bool on = planner_.has_district(key);
            if (choice((d.name.empty() ? key : d.name) + "##" + key, on)) planner_.set_district(key, !on);
        }
    });
    combo(tr("Loại", "Kind"),
          preview(f.kinds.size(), f.kinds.size() == 1 ? (en() ? kind_name_en(f.kinds[0]) : kind_name_vi(f.kinds[0])) : ""),
          [&] {
              for (UnitKind k : kinds_) {
                  const bool on = planner_.has_kind(k);
                  if (choice(en() ? kind_name_en(k) : kind_name_vi(k), on)) planner_.set_kind(k, !on);
              }
          });
    const CriteriaSet& set = ds.criteria_on(state.date());
    // Commune groups (nhóm 1, 2, 3) of the 2026–2030 set, when the data has them.
    if (set.commune_groups && (groups_.size() > 1 || (groups_.size() == 1 && groups_[0] != 0))) {
        auto group_label = [&](int g) {
            return g == 0 ? std::string(tr("Chưa rõ nhóm", "Group not known"))
                          : std::string(tr("Nhóm ", "Group ")) + std::to_string(g);
        };
        combo(tr("Nhóm xã", "Commune group"),
              preview(f.groups.size(), f.groups.size() == 1 ? group_label(f.groups[0]) : ""), [&] {
                  for (int g : groups_) {
                      const bool on = planner_.has_group(g);
                      if (choice(group_label(g) + "##g" + std::to_string(g), on)) planner_.set_group(g, !on);
                  }
              });
    }
    const auto& bands = set.bands;
    combo(tr("Số tiêu chí", "Band"),
          preview(f.bands.size(), f.bands.size() == 1 && f.bands[0] >= 0 && f.bands[0] < static_cast<int>(bands.size())
                                      ? bands[f.bands[0]].label
                                      : ""),
          [&] {
              for (int b = 0; b < static_cast<int>(bands.size()); ++b) {
                  const bool on = planner_.has_band(b);
                  if (choice(bands[b].label + " " + tr("tiêu chí", "criteria") + "##b" + std::to_string(b), on))
                      planner_.set_band(b, !on);
              }
          });
    combo(tr("Mức", "Level"), preview(f.levels.size(), f.levels.size() == 1 ? level_label(f.levels[0]) : ""), [&] {
        std::vector<Level> levels = {Level::None};
        levels.insert(levels.end(), set.levels.begin(), set.levels.end());
        for (Level l : levels) {
            const bool on = planner_.has_level(l);
            if (choice(level_label(l), on)) planner_.set_level(l, !on);
        }
    });
    if (!tags_.empty())
        combo(tr("Nhãn", "Tag"),
              preview(f.tags.size(), f.tags.size() == 1 ? tag_display_name(f.tags[0], en()) : ""), [&] {
                  for (const std::string& t : tags_) {
                      const bool on = planner_.has_tag(t);
                      if (choice(tag_display_name(t, en()) + "##" + t, on)) planner_.set_tag(t, !on);
                  }
              });
    // One criterion at a time, as the criteria view sets it.
    const int crit = planner_.criterion();
    const Criterion* chosen = crit ? set.find(crit) : nullptr;
    combo(tr("Chưa đạt tiêu chí", "Missing criterion"),
          chosen ? std::to_string(chosen->number) + ". " + (en() && !chosen->name_en.empty() ? chosen->name_en : chosen->name_vi)
                 : std::string(tr("Không lọc", "Any")),
          [&] {
              if (ImGui::Selectable(tr("Không lọc", "Any"), crit == 0)) planner_.set_criterion(0);
              for (const Criterion& c : set.criteria)
                  if (ImGui::Selectable(criterion_label(c).c_str(), crit == c.number)) planner_.set_criterion(c.number);
          });

    // What the filter is, in words, and how to drop it.
    if (!f.empty()) {
        if (ImGui::SmallButton(tr("Xóa bộ lọc", "Clear filter"))) planner_.clear_filter();
        ImGui::SameLine();
    }
    ImGui::PushTextWrapPos(0);
    note(f.empty() ? tr("Không lọc: mọi đơn vị", "No filter: every unit")
                                        : planner_.filter().describe(ds, state.date(), en()).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopID();
}

// --- PlannerListsPanel -----------------------------------------------------------------------------

PlannerListsPanel::PlannerListsPanel(PlannerState& planner) : planner_(planner), filter_bar_(planner) {}

const Table& PlannerListsPanel::table(const AppState& state, PlannerTable which) {
    Cached& c = cache_[static_cast<size_t>(which)];
    const bool lang = en();
    if (c.data_version != state.data_version() || c.planner_version != planner_.version() || c.date != state.date() ||
        c.en != lang) {
        c.table = planner_.build(which, state.dataset(), state.index(), state.states(), state.date(), lang);
        c.data_version = state.data_version();
        c.planner_version = planner_.version();
        c.date = state.date();
        c.en = lang;
    }
    return c.table;
}

void PlannerListsPanel::draw(AppState& state) {
    planner_.sync_data(state.data_version());
    if (!state.has_data()) {
        note(tr("Chưa mở dữ liệu.", "No data open."));
        return;
    }
    filter_bar_.draw(state);
    ImGui::Separator();

    struct Tab {
        PlannerList list;
        const char* vi;
        const char* en;
        const char* id;
    };
    static const Tab kTabs[] = {
        {PlannerList::Lagging, "Xã chậm nhất", "Lagging", "###lagging"},
        {PlannerList::Close, "Gần đạt chuẩn", "Close to standard", "###close"},
        {PlannerList::Regressions, "Mất tiêu chí", "Regressions", "###regressions"},
        {PlannerList::NeverInspected, "Chưa kiểm tra", "Not inspected", "###uninspected"},
    };
    if (!ImGui::BeginTabBar("##planner_lists")) return;
    // A list chosen elsewhere (planner_.set_list) becomes the selected tab once.
    const bool external = drawn_list_ ? *drawn_list_ != planner_.list() : planner_.list() != PlannerList::Lagging;
    for (const Tab& tab : kTabs) {
        const std::string label = std::string(tr(tab.vi, tab.en)) + tab.id;
        const ImGuiTabItemFlags flags = external && tab.list == planner_.list() ? ImGuiTabItemFlags_SetSelected : 0;
        const bool open = ImGui::BeginTabItem(label.c_str(), nullptr, flags);
        // A narrow panel shortens the tabs: the full name on hover.
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(tab.vi, tab.en));
        if (open) {
            if (!external) planner_.set_list(tab.list);
            drawn_list_ = tab.list;
            draw_list(state, tab.list);
            ImGui::EndTabItem();
        }
    }
    ImGui::EndTabBar();
}

void PlannerListsPanel::draw_list(AppState& state, PlannerList list) {
    const float date_w = ImGui::GetFontSize() * 6.5f;
    switch (list) {
        case PlannerList::Lagging:
            ImGui::TextDisabled("%s %s", tr("Xã có dữ liệu, từ ít tiêu chí nhất, ngày", "Xã with data, fewest criteria first, on"),
                                format_date(state.date()).c_str());
            break;
        case PlannerList::Close:
            ImGui::TextDisabled("%s %s", tr("Xã đạt 15–18 tiêu chí và các tiêu chí còn thiếu, ngày",
                                            "Xã at 15–18 criteria and the criteria they miss, on"),
                                format_date(state.date()).c_str());
            break;
        case PlannerList::Regressions: {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(tr("Mất tiêu chí từ ngày", "Criteria lost from"));
            ImGui::SameLine();
            if (auto d = regression_from_.draw("from", planner_.regression_from(state.date()), date_w))
                planner_.set_regression_from(*d);
            ImGui::SameLine();
            ImGui::Text("%s %s", tr("đến ngày trên bản đồ", "to the map's date"), format_date(state.date()).c_str());
            ImGui::SameLine();
            if (ImGui::SmallButton(tr("12 tháng", "12 months"))) planner_.set_regression_from(std::nullopt);
            if (planner_.regression_from(state.date()) > state.date())
                ImGui::TextColored(kBad, "%s", tr("Ngày bắt đầu sau ngày trên bản đồ.", "The start is after the map's date."));
            break;
        }
        case PlannerList::NeverInspected: {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(tr("Không có đợt kiểm tra nào từ ngày", "No inspection from"));
            ImGui::SameLine();
            if (auto d = inspected_since_.draw("since", planner_.inspected_since(state.date()), date_w))
                planner_.set_inspected_since(*d);
            ImGui::SameLine();
            ImGui::Text("%s %s", tr("đến", "to"), format_date(state.date()).c_str());
            ImGui::SameLine(0, ImGui::GetFontSize());
            if (ImGui::RadioButton(tr("Đơn vị", "Units"), planner_.uninspected_units())) planner_.set_uninspected_units(true);
            ImGui::SameLine();
            if (ImGui::RadioButton(tr("Huyện", "Districts"), !planner_.uninspected_units()))
                planner_.set_uninspected_units(false);
            break;
        }
    }

    const PlannerTable which = planner_.table_of(list);
    const Table& t = table(state, which);
    TableViewOptions options;
    options.selection = &state.selection();
    options.selected_district = which == PlannerTable::UninspectedDistricts ? selected_district_ : "";
    if (which == PlannerTable::Lagging) {
        // Names make the row very wide here: they show on hover (and in the CSV).
        options.hidden = {"missing_names"};
        options.tooltip_column = "missing_names";
    }
    // The band says again what the count says (and the map's legend shows): shown from the
    // header's menu, kept in the CSV, hidden at first so the missing criteria fit the panel.
    if (which == PlannerTable::Lagging || which == PlannerTable::Close) options.hidden.push_back("band");
    if (t.rows.empty()) {
        note(tr("Không có dòng nào với bộ lọc và ngày này.", "No rows for this filter and date."));
    }
    static const char* kIds[] = {"##lagging_t", "##close_t", "##regr_t", "##unins_u", "##unins_d", "##districts_t"};
    const TableClick click = draw_table(kIds[static_cast<size_t>(which)], t, planner_, which, options, CsvExportField::height());
    if (click.row >= 0) {
        const int unit = t.row_unit[click.row];
        if (unit >= 0) {
            state.select_unit(unit, click.add);
            ViewRequest v;
            v.kind = ViewRequest::Kind::Unit;
            v.unit = unit;
            state.request_view(v);
        } else if (!t.row_district[click.row].empty()) {
            selected_district_ = t.row_district[click.row];
            ViewRequest v;
            v.kind = ViewRequest::Kind::District;
            v.district_code = selected_district_;
            state.request_view(v);
        }
    }
    export_[static_cast<size_t>(which)].draw("export", t, default_export_name(which, state.date()));
}

}  // namespace ntm::ui
