#include "core/unit_history.h"

#include <algorithm>
#include <map>
#include <utility>

namespace ntm {

std::vector<CriterionChange> unit_history(const Dataset& dataset, int unit) {
    std::vector<CriterionChange> out;
    if (unit < 0 || unit >= static_cast<int>(dataset.units.size())) return out;
    const auto& sets = dataset.criteria_sets;
    // Sets that continue each other's numbering form one chain of histories.
    const std::vector<int> chain = dataset.numbering_chains();

    // Observations of this unit per (chain, criterion), in input order.
    std::map<std::pair<int, int>, std::vector<const Observation*>> per;
    const std::string& code = dataset.units[unit].code;
    for (const Observation& o : dataset.observations) {
        if (o.unit_code != code || !o.indicator.empty()) continue;
        const int set = dataset.criteria_index_on(o.date);
        if (set < 0 || o.criterion < 1 || o.criterion > sets[set].size()) continue;
        if (dataset.find_unit(o.unit_code, o.date) != unit) continue;
        per[{chain[set], o.criterion}].push_back(&o);
    }

    for (auto& [key, obs] : per) {
        std::stable_sort(obs.begin(), obs.end(),
                         [](const Observation* a, const Observation* b) { return a->date < b->date; });
        bool met = false;  // "no observation yet" behaves as not met
        for (size_t i = 0; i < obs.size(); ++i) {
            // The last observation of a day decides that day.
            if (i + 1 < obs.size() && obs[i + 1]->date == obs[i]->date) continue;
            const Observation& o = *obs[i];
            if (o.met != met)
                out.push_back({o.date, key.second, dataset.criteria_index_on(o.date), o.met, o.source});
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
