#include "core/unit_history.h"

#include <algorithm>

namespace ntm {

std::vector<CriterionChange> unit_history(const Dataset& dataset, const std::string& unit_code) {
    std::vector<CriterionChange> out;
    const int n = dataset.criteria.size();
    if (n <= 0 || dataset.find_unit(unit_code) < 0) return out;

    // Observations of this unit per criterion, in input order.
    std::vector<std::vector<const Observation*>> per(n);
    for (const Observation& o : dataset.observations)
        if (o.unit_code == unit_code && o.criterion >= 1 && o.criterion <= n)
            per[o.criterion - 1].push_back(&o);

    for (int c = 0; c < n; ++c) {
        auto& obs = per[c];
        std::stable_sort(obs.begin(), obs.end(),
                         [](const Observation* a, const Observation* b) { return a->date < b->date; });
        bool met = false;  // "no observation yet" behaves as not met
        for (size_t i = 0; i < obs.size(); ++i) {
            // The last observation of a day decides that day.
            if (i + 1 < obs.size() && obs[i + 1]->date == obs[i]->date) continue;
            const Observation& o = *obs[i];
            if (o.met != met) out.push_back({o.date, c + 1, o.met, o.source});
            met = o.met;
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const CriterionChange& a, const CriterionChange& b) {
        if (a.date != b.date) return a.date < b.date;
        return a.criterion < b.criterion;
    });
    return out;
}

ChangeCounts count_changes(const std::vector<CriterionChange>& history) {
    ChangeCounts c;
    for (const CriterionChange& h : history) (h.gained ? c.gained : c.lost)++;
    return c;
}

}  // namespace ntm
