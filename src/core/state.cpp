#include "core/state.h"

#include <algorithm>

namespace ntm {

AttainmentIndex::AttainmentIndex(const Dataset& dataset)
    : dataset_(dataset), criteria_count_(dataset.criteria.size()) {
    const size_t units = dataset.units.size();
    marks_.resize(units * criteria_count_);
    grants_.resize(units);
    for (const Observation& o : dataset.observations) {
        const int u = dataset.find_unit(o.unit_code);
        // Records with unknown units or criteria are rejected at import; skip them defensively.
        if (u < 0 || o.criterion < 1 || o.criterion > criteria_count_) continue;
        marks_[u * criteria_count_ + o.criterion - 1].push_back({o.date, o.met});
    }
    for (const Recognition& r : dataset.recognitions) {
        const int u = dataset.find_unit(r.unit_code);
        if (u >= 0) grants_[u].push_back({r.date, r.level});
    }
    // Stable: two observations on one day keep their input order, the later one wins.
    for (auto& m : marks_)
        std::stable_sort(m.begin(), m.end(), [](const Mark& a, const Mark& b) { return a.date < b.date; });
    for (auto& g : grants_)
        std::stable_sort(g.begin(), g.end(), [](const Grant& a, const Grant& b) { return a.date < b.date; });
}

UnitState AttainmentIndex::state(int unit, Date date) const {
    UnitState s;
    s.met.assign(criteria_count_, 0);
    for (int c = 0; c < criteria_count_; ++c) {
        const auto& marks = marks_[unit * criteria_count_ + c];
        // Last mark with mark.date <= date.
        auto it = std::upper_bound(marks.begin(), marks.end(), date,
                                   [](Date d, const Mark& m) { return d < m.date; });
        if (it == marks.begin()) continue;
        s.has_data = true;
        if ((it - 1)->met) {
            s.met[c] = 1;
            ++s.count;
        }
    }
    const auto& grants = grants_[unit];
    auto g = std::upper_bound(grants.begin(), grants.end(), date,
                              [](Date d, const Grant& x) { return d < x.date; });
    if (g != grants.begin()) s.level = (g - 1)->level;
    if (s.has_data && dataset_.units[unit].assessed()) s.band = dataset_.criteria.band_of(s.count);
    return s;
}

std::vector<UnitState> AttainmentIndex::states(Date date) const {
    std::vector<UnitState> out;
    out.reserve(dataset_.units.size());
    for (size_t u = 0; u < dataset_.units.size(); ++u) out.push_back(state(static_cast<int>(u), date));
    return out;
}

}  // namespace ntm
