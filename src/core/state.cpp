#include "core/state.h"

#include <algorithm>

namespace ntm {

AttainmentIndex::AttainmentIndex(const Dataset& dataset) : dataset_(dataset) {
    const auto& sets = dataset.criteria_sets;
    const std::vector<int> chain = dataset.numbering_chains();
    for (size_t s = 0; s < sets.size(); ++s) {
        if (chain[s] == static_cast<int>(s)) {
            period_offset_.push_back(0);
            period_criteria_.push_back(sets[s].size());
            period_indicators_.emplace_back();
        }
        const int p = static_cast<int>(period_offset_.size()) - 1;
        period_of_set_.push_back(p);
        for (const Criterion& c : sets[s].criteria)
            for (const Indicator& i : c.indicators) {
                auto& list = period_indicators_[p];
                if (std::find(list.begin(), list.end(), i.number) == list.end()) list.push_back(i.number);
            }
    }
    // Slots per period: its criteria, then its indicators.
    for (size_t p = 0; p < period_offset_.size(); ++p) {
        period_offset_[p] = slots_;
        slots_ += period_criteria_[p] + static_cast<int>(period_indicators_[p].size());
    }
    const size_t units = dataset.units.size();
    marks_.resize(units * std::max(slots_, 1));
    grants_.resize(units);
    for (const Observation& o : dataset.observations) {
        const int u = dataset.find_unit(o.unit_code, o.date);
        int set = dataset.criteria_index_on(o.date);
        if (!o.criteria_set.empty())
            for (size_t s = 0; s < sets.size(); ++s)
                if (sets[s].id == o.criteria_set) set = static_cast<int>(s);
        // Records with unknown units or criteria are rejected at import; skip them defensively.
        if (u < 0 || set < 0) continue;
        const int p = period_of_set_[set];
        if (o.criterion < 1 || o.criterion > period_criteria_[p]) continue;
        int slot = o.criterion - 1;
        if (!o.indicator.empty()) {
            const auto& list = period_indicators_[p];
            const auto it = std::find(list.begin(), list.end(), o.indicator);
            if (it == list.end()) continue;
            slot = period_criteria_[p] + static_cast<int>(it - list.begin());
        }
        marks_[u * slots_ + period_offset_[p] + slot].push_back({o.date, o.met});
    }
    for (const Recognition& r : dataset.recognitions) {
        const int u = dataset.find_unit(r.unit_code, r.date);
        if (u >= 0) grants_[u].push_back({r.date, r.level});
    }
    // Stable: two observations on one day keep their input order, the later one wins.
    for (auto& m : marks_)
        std::stable_sort(m.begin(), m.end(), [](const Mark& a, const Mark& b) { return a.date < b.date; });
    for (auto& g : grants_)
        std::stable_sort(g.begin(), g.end(), [](const Grant& a, const Grant& b) { return a.date < b.date; });
}

const std::vector<AttainmentIndex::Mark>* AttainmentIndex::marks(int unit, int period, int slot) const {
    return &marks_[unit * slots_ + period_offset_[period] + slot];
}

// The last mark on or before `date`, or nullptr.
template <typename Marks>
static auto latest(const Marks& marks, Date date) -> decltype(&marks[0]) {
    auto it = std::upper_bound(marks.begin(), marks.end(), date,
                               [](Date d, const auto& m) { return d < m.date; });
    return it == marks.begin() ? nullptr : &*(it - 1);
}

std::vector<IndicatorState> AttainmentIndex::indicators(int unit, int criterion, Date date) const {
    std::vector<IndicatorState> out;
    const int set = dataset_.criteria_index_on(date);
    if (set < 0) return out;
    const Criterion* c = dataset_.criteria_sets[set].find(criterion);
    if (!c) return out;
    const int p = period_of_set_[set];
    const auto& list = period_indicators_[p];
    for (const Indicator& ind : c->indicators) {
        IndicatorState s{ind.number, false, false, {}};
        const auto it = std::find(list.begin(), list.end(), ind.number);
        if (it != list.end()) {
            const int slot = period_criteria_[p] + static_cast<int>(it - list.begin());
            if (const Mark* m = latest(*marks(unit, p, slot), date)) {
                s.has_data = true;
                s.met = m->met;
                s.date = m->date;
            }
        }
        out.push_back(std::move(s));
    }
    return out;
}

UnitState AttainmentIndex::state(int unit, Date date) const {
    UnitState s;
    s.in_force = dataset_.in_force(unit, date);
    const int set_index = dataset_.criteria_index_on(date);
    if (set_index < 0) return s;
    s.criteria_set = set_index;
    const CriteriaSet& set = dataset_.criteria_sets[set_index];
    const int p = period_of_set_[set_index];
    s.met.assign(set.size(), 0);
    for (int c = 0; c < set.size() && c < period_criteria_[p]; ++c) {
        const Mark* whole = latest(*marks(unit, p, c), date);
        // Indicators: the criterion is met when every indicator's latest mark is met.
        std::optional<Date> ind_date;
        bool ind_all_met = true, ind_all_known = true;
        // (Most sets carry no indicators: skip the lookup then, it runs per unit and criterion.)
        if (!period_indicators_[p].empty())
        for (const IndicatorState& i : indicators(unit, c + 1, date)) {
            if (!i.has_data) { ind_all_known = false; continue; }
            if (!ind_date || i.date > *ind_date) ind_date = i.date;
            ind_all_met = ind_all_met && i.met;
        }
        bool has = false, met = false;
        // Whichever was recorded later decides: a whole-criterion result, or the indicators.
        if (ind_date && (!whole || *ind_date > whole->date)) {
            has = true;
            met = ind_all_met && ind_all_known;
        } else if (whole) {
            has = true;
            met = whole->met;
        }
        if (!has) continue;
        s.has_data = true;
        if (met) {
            s.met[c] = 1;
            ++s.count;
        }
    }
    // A recognised level counts while the set in force has that level (advanced and model end
    // with 2021–2025; whether a standard recognised under an earlier set still stands is the
    // province's decision, recorded as a revocation when it does not).
    const Grant* g = latest(grants_[unit], date);
    if (g && set.has_level(g->level)) s.level = g->level;
    if (!s.in_force) {
        s.has_data = false;
        s.count = 0;
        s.level = Level::None;
        std::fill(s.met.begin(), s.met.end(), 0);
    }
    if (s.has_data && dataset_.units[unit].assessed()) s.band = set.band_of(s.count);
    return s;
}

std::vector<UnitState> AttainmentIndex::states(Date date) const {
    std::vector<UnitState> out;
    out.reserve(dataset_.units.size());
    for (size_t u = 0; u < dataset_.units.size(); ++u) out.push_back(state(static_cast<int>(u), date));
    return out;
}

}  // namespace ntm
