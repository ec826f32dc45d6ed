#include "core/selection.h"

#include <algorithm>
#include <iterator>

namespace ntm {

namespace {

std::vector<int> sorted_unique(std::vector<int> v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
}

}  // namespace

bool Selection::contains(int unit) const {
    return std::binary_search(units_.begin(), units_.end(), unit);
}

void Selection::changed(int focus_hint) {
    if (focus_hint >= 0 && contains(focus_hint)) focus_ = focus_hint;
    else if (!contains(focus_)) focus_ = -1;
    ++version_;
}

void Selection::clear() {
    if (units_.empty() && focus_ < 0) return;
    units_.clear();
    changed(-1);
}

void Selection::replace(std::vector<int> units) {
    units = sorted_unique(std::move(units));
    if (units == units_) return;
    units_ = std::move(units);
    focus_ = -1;
    changed(units_.size() == 1 ? units_.front() : -1);
}

void Selection::add(int unit) { add(std::vector<int>{unit}); }

void Selection::add(const std::vector<int>& units) {
    const std::vector<int> more = sorted_unique(units);
    std::vector<int> merged;
    merged.reserve(units_.size() + more.size());
    std::set_union(units_.begin(), units_.end(), more.begin(), more.end(), std::back_inserter(merged));
    if (merged == units_) return;
    units_ = std::move(merged);
    changed(units.size() == 1 ? units.front() : -1);
}

void Selection::remove(int unit) { remove(std::vector<int>{unit}); }

void Selection::remove(const std::vector<int>& units) {
    const std::vector<int> less = sorted_unique(units);
    std::vector<int> kept;
    std::set_difference(units_.begin(), units_.end(), less.begin(), less.end(), std::back_inserter(kept));
    if (kept == units_) return;
    units_ = std::move(kept);
    changed(-1);
}

void Selection::toggle(int unit) { toggle(std::vector<int>{unit}); }

void Selection::toggle(const std::vector<int>& units) {
    const std::vector<int> flip = sorted_unique(units);
    if (flip.empty()) return;
    std::vector<int> out;
    std::set_symmetric_difference(units_.begin(), units_.end(), flip.begin(), flip.end(),
                                  std::back_inserter(out));
    units_ = std::move(out);
    changed(flip.size() == 1 ? flip.front() : -1);
}

void Selection::apply(const std::vector<int>& units, SelectMode mode) {
    switch (mode) {
        case SelectMode::Replace: replace(units); break;
        case SelectMode::Add: add(units); break;
        case SelectMode::Toggle: toggle(units); break;
        case SelectMode::Remove: remove(units); break;
    }
}

std::vector<uint8_t> Selection::mask(size_t unit_count) const {
    std::vector<uint8_t> m(unit_count, 0);
    for (int u : units_)
        if (u >= 0 && static_cast<size_t>(u) < unit_count) m[u] = 1;
    return m;
}

std::vector<int> units_matching(const Dataset& dataset, const std::vector<UnitState>& states,
                                const UnitFilterSpec& spec) {
    std::vector<int> out;
    for (size_t u = 0; u < dataset.units.size(); ++u)
        if (spec.matches(dataset, states, static_cast<int>(u))) out.push_back(static_cast<int>(u));
    return out;
}

std::vector<int> units_in_band(const Dataset& dataset, const std::vector<UnitState>& states,
                               int band, const UnitFilterSpec& within) {
    std::vector<int> out;
    for (int u : units_matching(dataset, states, within))
        if (dataset.units[u].assessed() && u < static_cast<int>(states.size()) && states[u].band >= 0 &&
            states[u].band == band)
            out.push_back(u);
    return out;
}

std::vector<int> units_missing_criterion(const Dataset& dataset,
                                         const std::vector<UnitState>& states, int number,
                                         const UnitFilterSpec& within) {
    std::vector<int> out;
    for (int u : units_matching(dataset, states, within)) {
        if (!dataset.units[u].assessed() || u >= static_cast<int>(states.size())) continue;
        const UnitState& st = states[u];
        if (st.has_data && number >= 1 && number <= static_cast<int>(st.met.size()) && !st.met[number - 1])
            out.push_back(u);
    }
    return out;
}

std::vector<int> units_in_district(const Dataset& dataset, const std::vector<UnitState>& states,
                                   const std::string& district, const UnitFilterSpec& within) {
    std::vector<int> out;
    for (int u : units_matching(dataset, states, within))
        if (district_key(dataset.units[u]) == district) out.push_back(u);
    return out;
}

std::vector<int> units_from_indices(const Dataset& dataset, const std::vector<UnitState>& states,
                                    std::vector<int> indices, const UnitFilterSpec& within) {
    indices = sorted_unique(std::move(indices));
    std::vector<int> out;
    for (int u : indices)
        if (u >= 0 && u < static_cast<int>(dataset.units.size()) &&
            (within.empty() || within.matches(dataset, states, u)))
            out.push_back(u);
    return out;
}

Summary summarize_selection(const Dataset& dataset, const std::vector<UnitState>& states, Date date,
                            const Selection& selection) {
    Summary s = summarize(dataset, states, date, [&](int unit) { return selection.contains(unit); });
    s.scope_code = "selection";
    s.scope_name.clear();
    return s;
}

}  // namespace ntm
