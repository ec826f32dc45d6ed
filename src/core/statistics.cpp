#include "core/statistics.h"

#include <algorithm>

namespace ntm {

bool Summary::has_level(Level l) const {
    return std::find(levels.begin(), levels.end(), l) != levels.end();
}

Summary summarize(const Dataset& dataset, const std::vector<UnitState>& states, Date date,
                  const UnitFilter& in_scope) {
    const CriteriaSet& set = dataset.criteria_on(date);
    Summary s;
    s.date = date;
    s.scope_name = dataset.info.title;
    s.criteria_set = set.id;
    s.criteria_count = set.size();
    s.levels = set.levels;
    s.bands.resize(set.bands.size());
    for (size_t b = 0; b < set.bands.size(); ++b) s.bands[b].label = set.bands[b].label;
    s.misses.assign(set.size(), 0);
    s.threshold = set.threshold;
    long total = 0;
    for (size_t u = 0; u < dataset.units.size(); ++u) {
        if (!states[u].in_force) continue;
        if (in_scope && !in_scope(static_cast<int>(u))) continue;
        ++s.units_total;
        if (!dataset.units[u].assessed()) {
            ++s.not_applicable;
            const UnitKind kind = dataset.units[u].kind;
            if (std::find(s.not_applicable_kinds.begin(), s.not_applicable_kinds.end(), kind) ==
                s.not_applicable_kinds.end())
                s.not_applicable_kinds.push_back(kind);
            continue;
        }
        ++s.xa_total;
        const UnitState& st = states[u];
        if (st.level == Level::Advanced) ++s.advanced;
        if (st.level == Level::Model) ++s.model;
        if (st.level == Level::Modern) ++s.modern;
        if (!st.has_data) continue;
        ++s.xa_with_data;
        total += st.count;
        if (st.band >= 0) ++s.bands[st.band].count;
        if (st.count == set.size()) ++s.at_standard;
        if (s.threshold > 0 && st.count < s.threshold) ++s.below_threshold;
        for (int c = 0; c < set.size(); ++c)
            if (!st.met[c]) ++s.misses[c];
    }
    std::sort(s.not_applicable_kinds.begin(), s.not_applicable_kinds.end());
    for (BandCount& b : s.bands) b.percent = s.xa_total ? 100.0 * b.count / s.xa_total : 0;
    s.average_criteria = s.xa_with_data ? static_cast<double>(total) / s.xa_with_data : 0;
    return s;
}

std::string not_applicable_label(const Summary& summary, bool vi) {
    std::string list;
    for (UnitKind k : summary.not_applicable_kinds) {
        const char* word = nullptr;
        switch (k) {
            case UnitKind::Phuong: word = vi ? "phường" : "wards"; break;
            case UnitKind::ThiTran: word = vi ? "thị trấn" : "townships"; break;
            case UnitKind::DacKhu: word = vi ? "đặc khu" : "special zones"; break;
            default: word = vi ? "khác" : "other"; break;
        }
        list += (list.empty() ? "" : ", ") + std::string(word);
    }
    if (list.empty()) list = vi ? "phường, thị trấn" : "wards, townships";
    return (vi ? "Không áp dụng (" : "Not applicable (") + list + ")";
}

std::vector<Summary> summarize_by_district(const Dataset& dataset,
                                           const std::vector<UnitState>& states, Date date) {
    std::vector<Summary> out;
    for (const District& d : dataset.districts(date)) {
        Summary s = summarize(dataset, states, date, [&](int u) {
            const Unit& unit = dataset.units[u];
            return d.code.empty() ? unit.district_name == d.name : unit.district_code == d.code;
        });
        s.scope_code = d.code;
        s.scope_name = d.name;
        out.push_back(std::move(s));
    }
    return out;
}

District former_district(const Dataset& dataset, int unit) {
    std::vector<std::pair<District, int>> votes;
    for (int p : dataset.predecessors(unit)) {
        const Unit& u = dataset.units[p];
        if (u.district_code.empty() && u.district_name.empty()) continue;
        auto it = std::find_if(votes.begin(), votes.end(), [&](const auto& v) {
            return v.first.code == u.district_code && v.first.name == u.district_name;
        });
        if (it == votes.end()) votes.push_back({{u.district_code, u.district_name}, 1});
        else ++it->second;
    }
    if (votes.empty()) return {};
    return std::max_element(votes.begin(), votes.end(),
                            [](const auto& a, const auto& b) { return a.second < b.second; })
        ->first;
}

std::vector<Summary> summarize_by_former_district(const Dataset& dataset,
                                                  const std::vector<UnitState>& states, Date date) {
    std::vector<District> order;
    std::vector<std::string> key(dataset.units.size());
    for (size_t u = 0; u < dataset.units.size(); ++u) {
        if (!states[u].in_force) continue;
        const District d = former_district(dataset, static_cast<int>(u));
        if (d.code.empty() && d.name.empty()) continue;
        key[u] = d.code + "|" + d.name;
        if (std::none_of(order.begin(), order.end(), [&](const District& o) { return o.code == d.code && o.name == d.name; }))
            order.push_back(d);
    }
    std::vector<Summary> out;
    for (const District& d : order) {
        const std::string k = d.code + "|" + d.name;
        Summary s = summarize(dataset, states, date, [&](int u) { return key[u] == k; });
        s.scope_code = d.code;
        s.scope_name = d.name + " (cũ)";
        out.push_back(std::move(s));
    }
    return out;
}

static std::vector<UnitRank> assessed_ranks(const Dataset& dataset,
                                            const std::vector<UnitState>& states,
                                            const UnitFilter& in_scope) {
    std::vector<UnitRank> out;
    for (size_t u = 0; u < dataset.units.size(); ++u) {
        const UnitState& st = states[u];
        if (!st.in_force || !dataset.units[u].assessed() || !st.has_data) continue;
        if (in_scope && !in_scope(static_cast<int>(u))) continue;
        UnitRank r{static_cast<int>(u), st.count, st.band, st.level, {}, st.criteria_set};
        for (size_t c = 0; c < st.met.size(); ++c)
            if (!st.met[c]) r.missing.push_back(static_cast<int>(c) + 1);
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<UnitRank> rank_lagging(const Dataset& dataset, const std::vector<UnitState>& states,
                                   const UnitFilter& in_scope) {
    std::vector<UnitRank> out = assessed_ranks(dataset, states, in_scope);
    std::stable_sort(out.begin(), out.end(), [&](const UnitRank& a, const UnitRank& b) {
        const Unit &ua = dataset.units[a.unit], &ub = dataset.units[b.unit];
        if (a.count != b.count) return a.count < b.count;
        if (ua.district_name != ub.district_name) return ua.district_name < ub.district_name;
        return ua.search_key < ub.search_key;
    });
    return out;
}

std::vector<UnitRank> closest_to_standard(const Dataset& dataset,
                                          const std::vector<UnitState>& states,
                                          const UnitFilter& in_scope) {
    std::vector<UnitRank> out;
    for (UnitRank& r : rank_lagging(dataset, states, in_scope))
        if (r.band == 1) out.push_back(std::move(r));  // band 1: just below the top band
    std::stable_sort(out.begin(), out.end(),
                     [](const UnitRank& a, const UnitRank& b) { return a.count > b.count; });
    return out;
}

std::vector<Summary> time_series(const Dataset& dataset, const AttainmentIndex& index, Date from,
                                 Date to, Step step, const UnitFilter& in_scope) {
    std::vector<Summary> out;
    if (to < from) return out;
    Date at = step == Step::Month ? last_day_of_month(from.year(), from.month())
                                  : Date::from_ymd(from.year(), 12, 31);
    while (true) {
        const Date clamped = at > to ? to : at;
        out.push_back(summarize(dataset, index.states(clamped), clamped, in_scope));
        if (at >= to) break;
        at = step == Step::Month ? last_day_of_month(add_months(at, 1).year(), add_months(at, 1).month())
                                 : Date::from_ymd(at.year() + 1, 12, 31);
    }
    return out;
}

}  // namespace ntm
