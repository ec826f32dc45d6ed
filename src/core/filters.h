#pragma once
// The unit filter shared by the map, the legend, the planner lists and the criteria view.
//
// A filter is a set of facets. Within a facet the listed values are alternatives (any of them);
// across facets every non-empty facet must hold. An empty facet does not restrict, so an empty
// filter matches every unit. The band, level and criterion facets are about NTM assessment: a
// unit the criteria do not apply to (phường, thị trấn) or one without data fails them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/statistics.h"

namespace ntm {

struct UnitFilterSpec {
    // District keys: District::code, or the name for a district without a code (district_key()).
    std::vector<std::string> districts;
    std::vector<UnitKind> kinds;
    std::vector<int> bands;             // indices into CriteriaSet::bands (0 = top band)
    std::vector<Level> levels;          // recognised level on the date; Level::None = not recognised
    std::vector<std::string> tags;      // Unit::tags, e.g. "border"
    std::vector<int> groups;            // commune groups (Unit::commune_group; 0 = not known)
    std::vector<int> missing;           // criterion numbers the unit does not meet on the date
    bool missing_all = false;           // true: must miss every listed criterion (default: any)

    bool empty() const;
    void clear();
    // True when unit `unit` passes every facet; `states` is parallel to dataset.units.
    bool matches(const Dataset& dataset, const std::vector<UnitState>& states, int unit) const;
    // One line for display: "Tất cả đơn vị" / "All units" when empty, else the facets, e.g.
    // "Huyện/thành phố: Huyện Cao Lộc; Nhóm tiêu chí: 15–18; Chưa đạt tiêu chí: 5 Trường học".
    // Bands and criteria are named as in the set in force on `date`.
    std::string describe(const Dataset& dataset, Date date, bool en) const;

    friend bool operator==(const UnitFilterSpec& a, const UnitFilterSpec& b);
    friend bool operator!=(const UnitFilterSpec& a, const UnitFilterSpec& b) { return !(a == b); }
};

// 1 per unit passing the filter, 0 otherwise (parallel to dataset.units).
std::vector<uint8_t> filter_mask(const UnitFilterSpec& spec, const Dataset& dataset,
                                 const std::vector<UnitState>& states);
// The filter as a predicate for summarize() and friends. Holds references to all three
// arguments: they must outlive the returned function. An empty spec gives an empty function.
UnitFilter to_unit_filter(const UnitFilterSpec& spec, const Dataset& dataset,
                          const std::vector<UnitState>& states);
// summarize() over the units passing the filter.
Summary summarize_filtered(const Dataset& dataset, const std::vector<UnitState>& states, Date date,
                           const UnitFilterSpec& spec);

// The key a filter uses for a unit's or a district's district: its code, or its name without one.
std::string district_key(const Unit& unit);
std::string district_key(const District& district);
// The district named by a user's text: a code ("183"), a full name ("Huyện Cao Lộc") or a name
// without its type word ("Cao Lộc", "cao loc"); case- and diacritic-insensitive. nullopt if none.
std::optional<District> find_district(const Dataset& dataset, const std::string& text);

// Display name of a unit tag ("border" -> "xã biên giới" / "border commune"; others as they are).
std::string tag_display_name(const std::string& tag, bool en);

}  // namespace ntm
