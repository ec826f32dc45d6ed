#pragma once
// The one selection shared by the map, the legend, the lists, the criteria view and the charts
// (GeoDa-style linking): any view changes it, every view shows it.
#include <cstdint>
#include <string>
#include <vector>

#include "core/filters.h"

namespace ntm {

// How a gesture combines with the current selection: click = Replace, shift-click = Add,
// ctrl-click = Toggle, alt-click = Remove.
enum class SelectMode { Replace, Add, Toggle, Remove };

// A set of unit indices (into Dataset::units), iterated in ascending order.
class Selection {
public:
    bool empty() const { return units_.empty(); }
    size_t size() const { return units_.size(); }
    bool contains(int unit) const;
    const std::vector<int>& units() const { return units_; }  // ascending, no duplicates
    std::vector<int>::const_iterator begin() const { return units_.begin(); }
    std::vector<int>::const_iterator end() const { return units_.end(); }

    void clear();
    void replace(std::vector<int> units);
    void add(int unit);
    void add(const std::vector<int>& units);
    void remove(int unit);
    void remove(const std::vector<int>& units);
    void toggle(int unit);
    void toggle(const std::vector<int>& units);
    // The gesture on a list of units (a box result, a band, a criterion bar, a district ...).
    void apply(const std::vector<int>& units, SelectMode mode);

    // The unit last added or toggled on (for the detail panel), -1 when none or when it left.
    int focus() const { return focus_; }
    // Increases on every change, so views can tell whether to refresh.
    uint64_t version() const { return version_; }
    // 1 per selected unit, parallel to dataset.units (indices >= unit_count are left out).
    std::vector<uint8_t> mask(size_t unit_count) const;

    friend bool operator==(const Selection& a, const Selection& b) { return a.units_ == b.units_; }
    friend bool operator!=(const Selection& a, const Selection& b) { return !(a == b); }

private:
    void changed(int focus_hint);
    std::vector<int> units_;
    int focus_ = -1;
    uint64_t version_ = 0;
};

// Sources of a selection. Each returns ascending unit indices, optionally only those passing
// `within` (the current filter).
// Xã whose band on the date is `band` (legend click).
std::vector<int> units_in_band(const Dataset& dataset, const std::vector<UnitState>& states,
                               int band, const UnitFilterSpec& within = {});
// Xã with data that do not meet criterion `number` (criteria-view bar click).
std::vector<int> units_missing_criterion(const Dataset& dataset,
                                         const std::vector<UnitState>& states, int number,
                                         const UnitFilterSpec& within = {});
// Every unit of the district with this key (district_key(); a code, or a name without code).
std::vector<int> units_in_district(const Dataset& dataset, const std::vector<UnitState>& states,
                                   const std::string& district, const UnitFilterSpec& within = {});
// Every unit passing the filter.
std::vector<int> units_matching(const Dataset& dataset, const std::vector<UnitState>& states,
                                const UnitFilterSpec& spec);
// A box or lasso result from the map's picking index: sorted, duplicates and indices outside
// the dataset dropped.
std::vector<int> units_from_indices(const Dataset& dataset, const std::vector<UnitState>& states,
                                    std::vector<int> indices, const UnitFilterSpec& within = {});

// The selection's own summary (count, average, bands, ...): summarize() over the selected units.
// scope_code is "selection", scope_name is empty.
Summary summarize_selection(const Dataset& dataset, const std::vector<UnitState>& states, Date date,
                            const Selection& selection);

}  // namespace ntm
