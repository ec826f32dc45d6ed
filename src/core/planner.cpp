#include "core/planner.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "core/text.h"

namespace ntm {

namespace {

std::string fixed2(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

// "80", "12.5": a number without trailing zeros.
std::string number_text(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

const char* level_text(Level level, bool en) { return en ? level_name_en(level) : level_name_vi(level); }

std::vector<MissingCriterion> missing_of(const CriteriaSet& set, const std::vector<int>& numbers) {
    std::vector<MissingCriterion> out;
    for (int n : numbers) {
        MissingCriterion m;
        m.number = n;
        if (const Criterion* c = set.find(n)) {
            m.name_vi = c->name_vi;
            m.name_en = c->name_en;
        }
        out.push_back(std::move(m));
    }
    return out;
}

UnitRow unit_row(const Dataset& dataset, const UnitRank& r) {
    const Unit& u = dataset.units[r.unit];
    UnitRow row;
    row.unit = r.unit;
    row.code = u.code;
    row.name = u.name;
    row.district_code = u.district_code;
    row.district_name = u.district_name;
    row.count = r.count;
    const CriteriaSet& set = dataset.criteria_set(r.criteria_set);
    row.of = set.size();
    row.band = r.band;
    if (r.band >= 0 && r.band < static_cast<int>(set.bands.size())) row.band_label = set.bands[r.band].label;
    row.level = r.level;
    row.missing = missing_of(set, r.missing);
    return row;
}

// Competition ranks over rows already sorted by count (equal counts share the first position).
void assign_ranks(std::vector<UnitRow>& rows) {
    for (size_t i = 0; i < rows.size(); ++i)
        rows[i].rank = (i > 0 && rows[i].count == rows[i - 1].count) ? rows[i - 1].rank
                                                                       : static_cast<int>(i) + 1;
}

// Whether an event's [start, end] overlaps [from, to].
bool overlaps(const Event& e, Date from, Date to) { return e.start <= to && e.end >= from; }

// District keys and unit indices an event names.
struct EventReach {
    std::set<std::string> districts;  // named directly or through one of their units
    std::set<std::string> named_districts;
    std::vector<int> units;
    bool names_anything = false;
};

EventReach reach_of(const Dataset& dataset, const Event& e) {
    EventReach r;
    for (const std::string& d : e.district_codes) {
        r.districts.insert(d);
        r.named_districts.insert(d);
    }
    for (const std::string& code : e.unit_codes) {
        const int u = dataset.find_unit(code);
        if (u < 0) continue;
        r.units.push_back(u);
        r.districts.insert(district_key(dataset.units[u]));
    }
    r.names_anything = !e.district_codes.empty() || !e.unit_codes.empty();
    return r;
}

bool district_allowed(const UnitFilterSpec& filter, const District& d) {
    return filter.districts.empty() ||
           std::find(filter.districts.begin(), filter.districts.end(), district_key(d)) != filter.districts.end();
}

// The filter, and the district: the scope of one district row.
UnitFilter district_scope(const Dataset& dataset, const std::vector<UnitState>& states,
                          const UnitFilterSpec& filter, const std::string& key) {
    return [&dataset, &states, &filter, key](int u) {
        return district_key(dataset.units[u]) == key && filter.matches(dataset, states, u);
    };
}

}  // namespace

// --- Lists ---------------------------------------------------------------------------------

std::vector<UnitRow> lagging_list(const Dataset& dataset, const std::vector<UnitState>& states,
                                  const UnitFilterSpec& filter) {
    std::vector<UnitRow> out;
    for (const UnitRank& r : rank_lagging(dataset, states, to_unit_filter(filter, dataset, states)))
        out.push_back(unit_row(dataset, r));
    assign_ranks(out);
    return out;
}

std::vector<UnitRow> close_to_standard_list(const Dataset& dataset,
                                            const std::vector<UnitState>& states,
                                            const UnitFilterSpec& filter) {
    std::vector<UnitRow> out;
    for (const UnitRank& r : closest_to_standard(dataset, states, to_unit_filter(filter, dataset, states)))
        out.push_back(unit_row(dataset, r));
    assign_ranks(out);
    return out;
}

std::vector<RegressionRow> regressions(const Dataset& dataset, const AttainmentIndex& index,
                                       Date from, Date to, const UnitFilterSpec& filter) {
    std::vector<RegressionRow> out;
    if (to < from) return out;
    std::vector<UnitState> states_to;
    if (!filter.empty()) states_to = index.states(to);

    // A criterion's number means the same thing across sets that continue each other's
    // numbering (2010–2025), not across the change to the 10-criterion set: one series each.
    const auto& sets = dataset.criteria_sets;
    const std::vector<int> chain = dataset.numbering_chains();
    int n = 0;
    for (const CriteriaSet& set : sets) n = std::max(n, set.size());
    const size_t chains = std::max<size_t>(sets.size(), 1);
    auto slot = [&](size_t u, int ch, int c) { return (u * chains + ch) * n + c; };

    // Observation indices per unit, chain and criterion, in date order (input order within a day).
    std::vector<std::vector<size_t>> series(dataset.units.size() * chains * static_cast<size_t>(n));
    for (size_t i = 0; i < dataset.observations.size(); ++i) {
        const Observation& o = dataset.observations[i];
        if (!o.indicator.empty()) continue;
        const int u = dataset.find_unit(o.unit_code, o.date);
        const int set = dataset.criteria_index_on(o.date);
        if (u < 0 || set < 0 || o.criterion < 1 || o.criterion > sets[set].size() ||
            !dataset.units[u].assessed())
            continue;
        series[slot(u, chain[set], o.criterion - 1)].push_back(i);
    }
    for (size_t u = 0; u < dataset.units.size(); ++u) {
        if (!dataset.units[u].assessed()) continue;
        if (!filter.empty() && !filter.matches(dataset, states_to, static_cast<int>(u))) continue;
        for (size_t ch = 0; ch < chains; ++ch)
        for (int c = 0; c < n; ++c) {
            std::vector<size_t>& s = series[slot(u, static_cast<int>(ch), c)];
            if (s.empty()) continue;
            std::stable_sort(s.begin(), s.end(), [&](size_t a, size_t b) {
                return dataset.observations[a].date < dataset.observations[b].date;
            });
            // The last observation of each day decides that day.
            std::vector<size_t> days;
            for (size_t k = 0; k < s.size(); ++k)
                if (k + 1 == s.size() || dataset.observations[s[k + 1]].date != dataset.observations[s[k]].date)
                    days.push_back(s[k]);
            for (size_t k = 1; k < days.size(); ++k) {
                const Observation& before = dataset.observations[days[k - 1]];
                const Observation& now = dataset.observations[days[k]];
                if (!before.met || now.met || now.date < from || now.date > to) continue;
                const Unit& unit = dataset.units[u];
                RegressionRow row;
                row.unit = static_cast<int>(u);
                row.code = unit.code;
                row.name = unit.name;
                row.district_code = unit.district_code;
                row.district_name = unit.district_name;
                row.criterion = c + 1;
                if (const Criterion* crit = dataset.criteria_on(now.date).find(c + 1)) {
                    row.criterion_vi = crit->name_vi;
                    row.criterion_en = crit->name_en;
                }
                row.lost_on = now.date;
                row.source = now.source;
                row.count_before = index.state(static_cast<int>(u), Date{now.date.days - 1}).count;
                row.count_after = index.state(static_cast<int>(u), now.date).count;
                for (size_t j = k + 1; j < days.size(); ++j) {
                    const Observation& later = dataset.observations[days[j]];
                    if (later.date > to) break;
                    if (later.met) {
                        row.regained_on = later.date;
                        break;
                    }
                }
                out.push_back(std::move(row));
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const RegressionRow& a, const RegressionRow& b) {
        if (a.lost_on != b.lost_on) return a.lost_on < b.lost_on;
        if (a.district_name != b.district_name) return a.district_name < b.district_name;
        if (a.name != b.name) return compare_vietnamese(a.name, b.name) < 0;
        if (a.unit != b.unit) return a.unit < b.unit;
        return a.criterion < b.criterion;
    });
    return out;
}

NeverInspected never_inspected(const Dataset& dataset, const std::vector<UnitState>& states,
                               Date from, Date to, const UnitFilterSpec& filter,
                               const InspectionRules& rules) {
    const size_t units = dataset.units.size();
    std::map<std::string, std::vector<int>> by_district;
    for (size_t u = 0; u < units; ++u) by_district[district_key(dataset.units[u])].push_back(static_cast<int>(u));

    std::vector<uint8_t> unit_inspected(units, 0);
    std::set<std::string> district_inspected;
    std::vector<std::optional<LastInspection>> unit_last(units);
    std::map<std::string, LastInspection> district_last;
    auto later = [](const std::optional<LastInspection>& have, Date d) { return !have || have->date <= d; };

    for (const Event& e : dataset.events) {
        if (e.kind != EventKind::Inspection) continue;
        const EventReach r = reach_of(dataset, e);
        if (!r.names_anything) continue;
        std::vector<int> reached = r.units;
        if (rules.district_covers_units)
            for (const std::string& d : r.named_districts) {
                const auto it = by_district.find(d);
                if (it != by_district.end()) reached.insert(reached.end(), it->second.begin(), it->second.end());
            }
        if (overlaps(e, from, to)) {
            for (int u : reached) unit_inspected[u] = 1;
            district_inspected.insert(r.districts.begin(), r.districts.end());
        } else if (e.end < from) {
            for (int u : reached)
                if (later(unit_last[u], e.end)) unit_last[u] = LastInspection{e.end, e.title};
            for (const std::string& d : r.districts) {
                const auto it = district_last.find(d);
                if (it == district_last.end() || it->second.date <= e.end) district_last[d] = {e.end, e.title};
            }
        }
    }

    NeverInspected out;
    std::map<std::string, int> in_scope;  // district key -> units passing the filter
    for (size_t u = 0; u < units; ++u) {
        if (!filter.matches(dataset, states, static_cast<int>(u))) continue;
        const Unit& unit = dataset.units[u];
        ++in_scope[district_key(unit)];
        if (unit_inspected[u]) continue;
        UninspectedUnit row;
        row.unit = static_cast<int>(u);
        row.code = unit.code;
        row.name = unit.name;
        row.district_code = unit.district_code;
        row.district_name = unit.district_name;
        row.kind = unit.kind;
        row.last_before = unit_last[u];
        out.units.push_back(std::move(row));
    }
    for (const District& d : dataset.districts()) {
        const std::string key = district_key(d);
        const auto scope = in_scope.find(key);
        if (scope == in_scope.end() || district_inspected.count(key)) continue;
        UninspectedDistrict row;
        row.code = d.code;
        row.name = d.name;
        row.units = scope->second;
        const auto last = district_last.find(key);
        if (last != district_last.end()) row.last_before = last->second;
        out.districts.push_back(std::move(row));
    }
    return out;
}

std::vector<CriterionMisses> criterion_misses(const Dataset& dataset,
                                              const std::vector<UnitState>& states,
                                              const UnitFilterSpec& filter) {
    std::vector<CriterionMisses> out;
    int set_index = -1;
    for (const UnitState& st : states)
        if (st.in_force && st.criteria_set >= 0) set_index = st.criteria_set;
    for (const Criterion& c : dataset.criteria_set(set_index).criteria) {
        CriterionMisses m;
        m.number = c.number;
        m.name_vi = c.name_vi;
        m.name_en = c.name_en;
        out.push_back(std::move(m));
    }
    int with_data = 0;
    for (size_t u = 0; u < dataset.units.size(); ++u) {
        if (!dataset.units[u].assessed() || u >= states.size() || !states[u].has_data) continue;
        if (!filter.matches(dataset, states, static_cast<int>(u))) continue;
        ++with_data;
        const UnitState& st = states[u];
        for (CriterionMisses& m : out)
            if (m.number >= 1 && m.number <= static_cast<int>(st.met.size()) && !st.met[m.number - 1]) {
                ++m.count;
                m.units.push_back(static_cast<int>(u));
            }
    }
    for (CriterionMisses& m : out) {
        m.xa_with_data = with_data;
        m.percent = with_data ? 100.0 * m.count / with_data : 0;
    }
    return out;
}

// --- Targets ---------------------------------------------------------------------------------

static TargetStatus share(const char* id, const char* vi, const char* en, int num, int den,
                      double target, TargetRule rule) {
    TargetStatus x;
    x.id = id;
    x.label_vi = vi;
    x.label_en = en;
    x.numerator = num;
    x.denominator = den;
    x.value = den ? 100.0 * num / den : 0;
    x.target = target;
    x.percent = true;
    x.rule = rule;
    x.met = den > 0 && x.value >= target;
    return x;
}

// Targets of the summary's scope, none yet.
static ScopeTargets scope_of(const Summary& s) {
    ScopeTargets t;
    t.scope_code = s.scope_code;
    t.scope_name = s.scope_name;
    return t;
}

static void stamp(ScopeTargets& t, int year, const char* decision) {
    for (TargetStatus& x : t.targets) {
        x.year = year;
        x.decision = decision;
    }
}

ScopeTargets targets_263(const Summary& s) {
    ScopeTargets t = scope_of(s);
    t.targets.push_back(share("standard", "Tỷ lệ xã đạt chuẩn nông thôn mới",
                              "Share of xã at the NTM standard", s.at_standard, s.xa_total, 80,
                              TargetRule::AtLeast));
    t.targets.push_back(share("advanced", "Tỷ lệ xã đạt chuẩn đạt nông thôn mới nâng cao",
                              "Share of xã at standard that are advanced", s.advanced + s.model,
                              s.at_standard, 40, TargetRule::About));
    t.targets.push_back(share("model", "Tỷ lệ xã đạt chuẩn đạt nông thôn mới kiểu mẫu",
                              "Share of xã at standard that are model", s.model, s.at_standard, 10,
                              TargetRule::AtLeast));
    TargetStatus below;
    below.id = "below_threshold";
    below.label_vi = "Số xã dưới " + std::to_string(s.threshold) + " tiêu chí";
    below.label_en = "Xã below " + std::to_string(s.threshold) + " criteria";
    below.numerator = s.below_threshold;
    below.denominator = s.xa_with_data;
    below.value = s.below_threshold;
    below.target = 0;
    below.percent = false;
    below.rule = TargetRule::None;
    below.met = s.below_threshold == 0;
    t.targets.push_back(std::move(below));
    stamp(t, 2025, "263/QĐ-TTg");
    return t;
}

ScopeTargets targets_2026_2030(const Summary& s) {
    ScopeTargets t = scope_of(s);
    t.targets.push_back(share("standard", "Tỷ lệ xã đạt chuẩn nông thôn mới",
                              "Share of xã at the NTM standard", s.at_standard, s.xa_total, 65,
                              TargetRule::About));
    t.targets.push_back(share("modern", "Tỷ lệ xã đạt nông thôn mới hiện đại",
                              "Share of xã that are modern NTM communes", s.modern, s.xa_total, 10,
                              TargetRule::About));
    stamp(t, 2030, "417/QĐ-BNNMT");
    return t;
}

ScopeTargets programme_targets(const Summary& s) {
    if (s.criteria_set == "2021-2025") return targets_263(s);
    if (s.criteria_set == "2026-2030") return targets_2026_2030(s);
    return scope_of(s);
}

TargetsReport targets_report(const Dataset& dataset, const std::vector<UnitState>& states, Date date,
                             const UnitFilterSpec& filter) {
    TargetsReport r;
    Summary total = summarize_filtered(dataset, states, date, filter);
    r.province = programme_targets(total);
    for (const District& d : dataset.districts(date)) {
        if (!district_allowed(filter, d)) continue;
        Summary s = summarize(dataset, states, date, district_scope(dataset, states, filter, district_key(d)));
        s.scope_code = d.code;
        s.scope_name = d.name;
        r.districts.push_back(programme_targets(s));
    }
    return r;
}

// --- District table --------------------------------------------------------------------------

DistrictTable district_table(const Dataset& dataset, const std::vector<UnitState>& states, Date date,
                             const UnitFilterSpec& filter) {
    DistrictTable t;
    t.date = date;
    const Date window_start = add_months(date, -12);  // exclusive
    auto row_of = [&](const Summary& s, const std::string& code, const std::string& name) {
        DistrictRow row;
        row.code = code;
        row.name = name;
        row.xa_total = s.xa_total;
        row.xa_with_data = s.xa_with_data;
        row.at_standard = s.at_standard;
        row.percent_standard = s.xa_total ? 100.0 * s.at_standard / s.xa_total : 0;
        row.average_criteria = s.average_criteria;
        row.below_threshold = s.below_threshold;
        row.advanced = s.advanced;
        row.model = s.model;
        return row;
    };

    std::vector<EventReach> reach;
    std::vector<const Event*> recent;
    for (const Event& e : dataset.events)
        if (e.end > window_start && e.start <= date) {
            recent.push_back(&e);
            reach.push_back(reach_of(dataset, e));
        }

    std::set<std::string> keys;
    for (const District& d : dataset.districts()) {
        if (!district_allowed(filter, d)) continue;
        const std::string key = district_key(d);
        keys.insert(key);
        const Summary s = summarize(dataset, states, date, district_scope(dataset, states, filter, key));
        DistrictRow row = row_of(s, d.code, d.name);
        for (const EventReach& r : reach) row.events_12_months += r.districts.count(key) ? 1 : 0;
        t.rows.push_back(std::move(row));
    }
    const Summary total = summarize_filtered(dataset, states, date, filter);
    t.threshold = total.threshold;
    t.total = row_of(total, "", dataset.info.title);
    for (const EventReach& r : reach) {
        bool counted = !r.names_anything && filter.districts.empty();
        for (const std::string& k : r.districts) counted = counted || keys.count(k);
        t.total.events_12_months += counted ? 1 : 0;
    }
    return t;
}

// --- Tables ----------------------------------------------------------------------------------

int Table::column(const std::string& id) const {
    for (size_t i = 0; i < columns.size(); ++i)
        if (columns[i].id == id) return static_cast<int>(i);
    return -1;
}

namespace {

TableCell text_cell(std::string text) { return {std::move(text), 0, false}; }
TableCell number_cell(double v, std::string text) { return {std::move(text), v, true}; }
TableCell int_cell(int v) { return number_cell(v, std::to_string(v)); }
TableCell date_cell(const std::optional<Date>& d) {
    return d ? number_cell(d->days, d->iso()) : text_cell("");
}

void add_row(Table& t, std::vector<TableCell> cells, int unit, std::string district) {
    t.rows.push_back(std::move(cells));
    t.row_unit.push_back(unit);
    t.row_district.push_back(std::move(district));
}

std::string unit_district_key(const std::string& code, const std::string& name) {
    return code.empty() ? name : code;
}

Table unit_rows_table(const Dataset& dataset, const std::vector<UnitRow>& rows, bool en, bool close) {
    Table t;
    t.columns = {{"rank", "Hạng", "Rank", true},
                 {"code", "Mã", "Code", false},
                 {"name", "Xã", "Commune", false},
                 {"district", "Huyện", "District", false},
                 {"criteria", "Số tiêu chí", "Criteria", true},
                 {"band", "Khoảng tiêu chí", "Band", true},
                 {"level", "Mức", "Level", false}};
    if (close) t.columns.push_back({"missing_count", "Số tiêu chí còn thiếu", "Criteria missing", true});
    t.columns.push_back({"missing", "Tiêu chí chưa đạt", "Missing criteria", false});
    t.columns.push_back({"missing_names", "Tên tiêu chí chưa đạt", "Missing criteria (names)", false});
    for (const UnitRow& r : rows) {
        std::vector<TableCell> cells = {
            int_cell(r.rank),
            text_cell(r.code),
            text_cell(r.name),
            text_cell(r.district_name),
            number_cell(r.count, std::to_string(r.count) + "/" + std::to_string(r.of)),
            // Sorted by band: ascending means fewer criteria first, like the other numbers.
            number_cell(-r.band, r.band_label),
            text_cell(level_text(r.level, en))};
        if (close) cells.push_back(int_cell(static_cast<int>(r.missing.size())));
        cells.push_back(text_cell(missing_numbers(r.missing)));
        cells.push_back(text_cell(missing_names(r.missing, en)));
        add_row(t, std::move(cells), r.unit, unit_district_key(r.district_code, r.district_name));
    }
    return t;
}

}  // namespace

const char* grouping_name_vi(Grouping g) { return g == Grouping::Province ? "Tỉnh" : "Huyện"; }
const char* grouping_name_en(Grouping g) { return g == Grouping::Province ? "Province" : "District"; }

void fit_grouping(Table& t, Grouping g) {
    const int c = t.column("district");
    if (c < 0 || g == Grouping::District) return;
    if (g == Grouping::Province) {
        t.columns[c].header_vi = grouping_name_vi(g);
        t.columns[c].header_en = grouping_name_en(g);
        return;
    }
    t.columns.erase(t.columns.begin() + c);
    for (auto& row : t.rows)
        if (c < static_cast<int>(row.size())) row.erase(row.begin() + c);
}

Table lagging_table(const Dataset& dataset, const std::vector<UnitRow>& rows, bool en) {
    return unit_rows_table(dataset, rows, en, false);
}

Table close_to_standard_table(const Dataset& dataset, const std::vector<UnitRow>& rows, bool en) {
    return unit_rows_table(dataset, rows, en, true);
}

Table regressions_table(const std::vector<RegressionRow>& rows, bool en) {
    Table t;
    t.columns = {{"lost_on", "Ngày mất tiêu chí", "Lost on", true},
                 {"code", "Mã", "Code", false},
                 {"name", "Xã", "Commune", false},
                 {"district", "Huyện", "District", false},
                 {"criterion", "Tiêu chí", "Criterion", true},
                 {"criterion_name", "Tên tiêu chí", "Criterion name", false},
                 {"count_before", "Số tiêu chí trước", "Criteria before", true},
                 {"count_after", "Số tiêu chí sau", "Criteria after", true},
                 {"regained_on", "Ngày đạt lại", "Regained on", true},
                 {"source", "Nguồn", "Source", false}};
    for (const RegressionRow& r : rows)
        add_row(t,
                {date_cell(r.lost_on), text_cell(r.code), text_cell(r.name), text_cell(r.district_name),
                 int_cell(r.criterion), text_cell(en ? r.criterion_en : r.criterion_vi),
                 int_cell(r.count_before), int_cell(r.count_after), date_cell(r.regained_on),
                 text_cell(r.source)},
                r.unit, unit_district_key(r.district_code, r.district_name));
    return t;
}

Table uninspected_units_table(const std::vector<UninspectedUnit>& rows, bool en) {
    Table t;
    t.columns = {{"code", "Mã", "Code", false},
                 {"name", "Tên", "Name", false},
                 {"kind", "Loại", "Kind", false},
                 {"district", "Huyện", "District", false},
                 {"last_inspection", "Lần kiểm tra gần nhất trước đó", "Last inspection before", true},
                 {"last_title", "Nội dung", "Title", false}};
    for (const UninspectedUnit& r : rows)
        add_row(t,
                {text_cell(r.code), text_cell(r.name), text_cell(en ? kind_name_en(r.kind) : kind_name_vi(r.kind)),
                 text_cell(r.district_name),
                 date_cell(r.last_before ? std::optional<Date>(r.last_before->date) : std::nullopt),
                 text_cell(r.last_before ? r.last_before->title : "")},
                r.unit, unit_district_key(r.district_code, r.district_name));
    return t;
}

Table uninspected_districts_table(const std::vector<UninspectedDistrict>& rows, bool en) {
    (void)en;
    Table t;
    t.columns = {{"code", "Mã", "Code", false},
                 {"district", "Huyện", "District", false},
                 {"units", "Số đơn vị", "Units", true},
                 {"last_inspection", "Lần kiểm tra gần nhất trước đó", "Last inspection before", true},
                 {"last_title", "Nội dung", "Title", false}};
    for (const UninspectedDistrict& r : rows)
        add_row(t,
                {text_cell(r.code), text_cell(r.name), int_cell(r.units),
                 date_cell(r.last_before ? std::optional<Date>(r.last_before->date) : std::nullopt),
                 text_cell(r.last_before ? r.last_before->title : "")},
                -1, unit_district_key(r.code, r.name));
    return t;
}

Table criterion_misses_table(const Dataset& dataset, const std::vector<CriterionMisses>& rows, bool en) {
    Table t;
    t.columns = {{"criterion", "Tiêu chí", "Criterion", true},
                 {"name", "Tên tiêu chí", "Name", false},
                 {"missing", "Số xã chưa đạt", "Xã missing it", true},
                 {"percent", "Tỷ lệ (%)", "Share (%)", true},
                 {"xa_with_data", "Số xã có dữ liệu", "Xã with data", true},
                 {"units", "Các xã chưa đạt", "Xã missing it (names)", false}};
    for (const CriterionMisses& r : rows) {
        std::string names;
        for (int u : r.units) names += (names.empty() ? "" : "; ") + dataset.units[u].name;
        add_row(t,
                {int_cell(r.number), text_cell(en ? r.name_en : r.name_vi), int_cell(r.count),
                 number_cell(r.percent, fixed2(r.percent)), int_cell(r.xa_with_data), text_cell(names)},
                -1, "");
    }
    return t;
}

Table targets_table(const TargetsReport& report, bool en) {
    Table t;
    t.columns = {{"scope_code", "Mã", "Code", false},
                 {"scope", "Địa bàn", "Scope", false},
                 {"target", "Mục tiêu", "Target", false},
                 {"value", "Hiện tại", "Current", true},
                 {"goal", "Chỉ tiêu", "Goal", false},
                 {"numerator", "Số xã", "Xã", true},
                 {"denominator", "Trên tổng số", "Out of", true},
                 {"met", "Đánh giá", "Status", false}};
    auto rows_of = [&](const ScopeTargets& s, const std::string& key) {
        for (const TargetStatus& x : s.targets) {
            const std::string goal = x.rule == TargetRule::None    ? "0"
                                     : x.rule == TargetRule::About ? "≈ " + number_text(x.target) + " %"
                                                                   : "≥ " + number_text(x.target) + " %";
            add_row(t,
                    {text_cell(s.scope_code), text_cell(s.scope_name), text_cell(en ? x.label_en : x.label_vi),
                     number_cell(x.value, x.percent ? fixed2(x.value) : std::to_string(x.numerator)),
                     text_cell(goal), int_cell(x.numerator), int_cell(x.denominator),
                     text_cell(x.met ? (en ? "met" : "đạt") : (en ? "not met" : "chưa đạt"))},
                    -1, key);
        }
    };
    rows_of(report.province, "");
    for (const ScopeTargets& s : report.districts) rows_of(s, unit_district_key(s.scope_code, s.scope_name));
    return t;
}

Table district_table_table(const DistrictTable& table, bool en) {
    (void)en;
    Table t;
    const std::string below = std::to_string(table.threshold);
    t.columns = {{"code", "Mã", "Code", false},
                 {"district", "Huyện", "District", false},
                 {"xa_total", "Số xã", "Xã", true},
                 {"at_standard", "Đạt chuẩn", "At standard", true},
                 {"percent_standard", "Tỷ lệ đạt chuẩn (%)", "At standard (%)", true},
                 {"average_criteria", "Bình quân tiêu chí/xã", "Average criteria", true},
                 {"below_threshold", "Dưới " + below + " tiêu chí", "Below " + below + " criteria", true},
                 {"advanced", "Nâng cao", "Advanced", true},
                 {"model", "Kiểu mẫu", "Model", true},
                 {"events_12_months", "Sự kiện 12 tháng qua", "Events, last 12 months", true}};
    auto row = [&](const DistrictRow& r, const std::string& key) {
        add_row(t,
                {text_cell(r.code), text_cell(r.name), int_cell(r.xa_total), int_cell(r.at_standard),
                 number_cell(r.percent_standard, fixed2(r.percent_standard)),
                 number_cell(r.average_criteria, fixed2(r.average_criteria)), int_cell(r.below_threshold),
                 int_cell(r.advanced), int_cell(r.model), int_cell(r.events_12_months)},
                -1, key);
    };
    for (const DistrictRow& r : table.rows) row(r, unit_district_key(r.code, r.name));
    row(table.total, "");
    return t;
}

// --- Sorting ---------------------------------------------------------------------------------

namespace {

// Position in the Vietnamese alphabet (f, j, w, z where Latin puts them), or -1.
int alphabet_index(char base, VnMark mark) {
    static const struct {
        char base;
        VnMark mark;
    } kOrder[] = {{'a', VnMark::none}, {'a', VnMark::breve}, {'a', VnMark::circumflex}, {'b', VnMark::none},
                  {'c', VnMark::none}, {'d', VnMark::none},  {'d', VnMark::stroke},     {'e', VnMark::none},
                  {'e', VnMark::circumflex}, {'f', VnMark::none}, {'g', VnMark::none}, {'h', VnMark::none},
                  {'i', VnMark::none}, {'j', VnMark::none},  {'k', VnMark::none},       {'l', VnMark::none},
                  {'m', VnMark::none}, {'n', VnMark::none},  {'o', VnMark::none},       {'o', VnMark::circumflex},
                  {'o', VnMark::horn}, {'p', VnMark::none},  {'q', VnMark::none},       {'r', VnMark::none},
                  {'s', VnMark::none}, {'t', VnMark::none},  {'u', VnMark::none},       {'u', VnMark::horn},
                  {'v', VnMark::none}, {'w', VnMark::none},  {'x', VnMark::none},       {'y', VnMark::none},
                  {'z', VnMark::none}};
    for (size_t i = 0; i < sizeof kOrder / sizeof kOrder[0]; ++i)
        if (kOrder[i].base == base && kOrder[i].mark == mark) return static_cast<int>(i);
    return -1;
}

// Dictionary order of the tones: ngang, huyền, hỏi, ngã, sắc, nặng.
int tone_rank(VnTone tone) {
    switch (tone) {
        case VnTone::level: return 0;
        case VnTone::grave: return 1;
        case VnTone::hook: return 2;
        case VnTone::tilde: return 3;
        case VnTone::acute: return 4;
        case VnTone::dot_below: return 5;
    }
    return 0;
}

struct CollationKey {
    std::vector<uint32_t> primary;
    std::vector<uint8_t> tones, cases;
};

CollationKey collation_key(std::string_view s) {
    CollationKey k;
    size_t pos = 0;
    char32_t cp = 0;
    while (pos < s.size()) {
        if (!next_code_point(s, pos, cp)) cp = 0xFFFD;
        if (cp >= 0x300 && cp <= 0x36F) continue;  // combining marks (NFD input): ignored
        VnLetter l;
        uint32_t primary = 0;
        uint8_t tone = 0, upper = 0;
        if (split_vietnamese_letter(cp, l)) {
            primary = 300 + alphabet_index(l.base, l.mark);
            tone = static_cast<uint8_t>(tone_rank(l.tone));
            upper = l.upper;
        } else if (cp < 128 && ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))) {
            const char lower = static_cast<char>(cp | 0x20);
            primary = 300 + alphabet_index(lower, VnMark::none);
            upper = cp < 'a';
        } else if (cp >= '0' && cp <= '9') {
            primary = 200 + (cp - '0');
        } else if (is_space_code_point(cp)) {
            primary = 1;
        } else if (cp < 128) {
            primary = 10 + cp;
        } else {
            primary = 1000 + cp;
        }
        k.primary.push_back(primary);
        k.tones.push_back(tone);
        k.cases.push_back(upper);
    }
    return k;
}

template <class V>
int compare_vectors(const V& a, const V& b) {
    if (std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end())) return -1;
    if (std::lexicographical_compare(b.begin(), b.end(), a.begin(), a.end())) return 1;
    return 0;
}

}  // namespace

int compare_vietnamese(std::string_view a, std::string_view b) {
    if (a == b) return 0;
    const CollationKey ka = collation_key(a), kb = collation_key(b);
    if (int c = compare_vectors(ka.primary, kb.primary)) return c;
    if (int c = compare_vectors(ka.tones, kb.tones)) return c;
    if (int c = compare_vectors(ka.cases, kb.cases)) return c;
    return a < b ? -1 : 1;
}

std::vector<size_t> sort_order(const Table& table, int column, bool ascending) {
    std::vector<size_t> order(table.rows.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (column < 0 || column >= static_cast<int>(table.columns.size())) return order;
    const bool numeric = table.columns[column].numeric;
    std::vector<CollationKey> keys;
    if (!numeric) {
        keys.reserve(table.rows.size());
        for (const auto& row : table.rows)
            keys.push_back(collation_key(static_cast<size_t>(column) < row.size() ? row[column].text : ""));
    }
    auto cell = [&](size_t r) -> const TableCell* {
        return static_cast<size_t>(column) < table.rows[r].size() ? &table.rows[r][column] : nullptr;
    };
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (numeric) {
            const TableCell *ca = cell(a), *cb = cell(b);
            const bool na = ca && ca->numeric, nb = cb && cb->numeric;
            if (na != nb) return na;  // empty cells last, whatever the direction
            if (!na) return false;
            return ascending ? ca->number < cb->number : cb->number < ca->number;
        }
        int c = compare_vectors(keys[a].primary, keys[b].primary);
        if (!c) c = compare_vectors(keys[a].tones, keys[b].tones);
        if (!c) c = compare_vectors(keys[a].cases, keys[b].cases);
        return ascending ? c < 0 : c > 0;
    });
    return order;
}

std::vector<size_t> sort_table(Table& table, int column, bool ascending) {
    const std::vector<size_t> order = sort_order(table, column, ascending);
    table.rows = reorder(table.rows, order);
    if (table.row_unit.size() == order.size()) table.row_unit = reorder(table.row_unit, order);
    if (table.row_district.size() == order.size()) table.row_district = reorder(table.row_district, order);
    return order;
}

std::string to_csv(const Table& table, bool en, const CsvOptions& options) {
    CsvWriter w(options);
    std::vector<std::string> fields;
    for (const TableColumn& c : table.columns) fields.push_back(en ? c.header_en : c.header_vi);
    w.row(fields);
    for (const auto& row : table.rows) {
        fields.clear();
        for (const TableCell& c : row) fields.push_back(c.text);
        w.row(fields);
    }
    return w.str();
}

std::string missing_names(const std::vector<MissingCriterion>& missing, bool en) {
    std::string out;
    for (const MissingCriterion& m : missing) {
        const std::string& name = en ? m.name_en : m.name_vi;
        out += (out.empty() ? "" : "; ") + std::to_string(m.number) + (name.empty() ? "" : " " + name);
    }
    return out;
}

std::string missing_numbers(const std::vector<MissingCriterion>& missing) {
    std::string out;
    for (const MissingCriterion& m : missing) out += (out.empty() ? "" : " ") + std::to_string(m.number);
    return out;
}

}  // namespace ntm
