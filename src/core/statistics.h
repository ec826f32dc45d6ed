#pragma once
// Statistics on a date over xã only (phường and thị trấn are "not applicable"), in the criteria
// set and boundary version in force on that date (units of other versions are left out).
#include <functional>
#include <string>
#include <vector>

#include "core/state.h"

namespace ntm {

struct BandCount {
    std::string label;
    int count = 0;
    double percent = 0;  // of xã in scope (with or without data)
};

struct Summary {
    Date date;
    std::string scope_code, scope_name;  // "" / province title for the whole dataset
    std::string criteria_set;            // id of the set in force on `date`
    int criteria_count = 0;              // its size: counts below are out of this
    std::vector<Level> levels;           // the levels that set's period recognises
    bool has_level(Level l) const;
    int units_total = 0;                 // every unit in scope
    int not_applicable = 0;              // phường, thị trấn (and unknown kinds)
    std::vector<UnitKind> not_applicable_kinds;  // which of those kinds are in scope, in enum order
    int xa_total = 0;
    int xa_with_data = 0;
    std::vector<BandCount> bands;        // same order as CriteriaSet::bands
    double average_criteria = 0;         // over xã with data
    int at_standard = 0;                 // all criteria met
    int advanced = 0, model = 0;         // by recognised level (2016–2025 levels)
    int modern = 0;                      // xã nông thôn mới hiện đại (2026–2030)
    int below_threshold = 0;             // below the set's reported threshold (15 of 19)
    int threshold = 0;                   // that edge, e.g. 15; 0 when the set reports none
    double percent_at_standard() const { return xa_total ? 100.0 * at_standard / xa_total : 0; }
    std::vector<int> misses;             // misses[number-1]: xã with data missing that criterion
};

using UnitFilter = std::function<bool(int unit)>;

// "Không áp dụng (phường)" / "Not applicable (wards, townships)": the kinds the summary's scope
// holds (after July 2025 Lạng Sơn has phường and no thị trấn), both words when it names none.
std::string not_applicable_label(const Summary& summary, bool vietnamese);

Summary summarize(const Dataset& dataset, const std::vector<UnitState>& states, Date date,
                  const UnitFilter& in_scope = nullptr);
// One summary per district in force on `date`, in Dataset::districts(date) order.
std::vector<Summary> summarize_by_district(const Dataset& dataset,
                                           const std::vector<UnitState>& states, Date date);

// After a reform without districts: one summary per former district, each unit in force counted
// in the district most of its predecessors belonged to (the first such in lineage order on a
// tie); scope names say "(cũ)". Units with no predecessors are left out. Empty when no unit in
// force has predecessors with districts.
std::vector<Summary> summarize_by_former_district(const Dataset& dataset,
                                                  const std::vector<UnitState>& states, Date date);
// The former district of a unit for that grouping ("" when none), as a District.
District former_district(const Dataset& dataset, int unit);

struct UnitRank {
    int unit = -1;
    int count = 0;
    int band = -1;
    Level level = Level::None;
    std::vector<int> missing;  // criterion numbers not met
    int criteria_set = -1;     // UnitState::criteria_set
};

// Xã with data from fewest criteria up (ties by district, then name).
std::vector<UnitRank> rank_lagging(const Dataset& dataset, const std::vector<UnitState>& states,
                                   const UnitFilter& in_scope = nullptr);
// Xã short of the standard but in the band just below it, fewest missing first.
std::vector<UnitRank> closest_to_standard(const Dataset& dataset,
                                          const std::vector<UnitState>& states,
                                          const UnitFilter& in_scope = nullptr);

enum class Step { Month, Year };
// Summaries at the end of each month (or year) from `from` to `to`, both included.
std::vector<Summary> time_series(const Dataset& dataset, const AttainmentIndex& index, Date from,
                                 Date to, Step step, const UnitFilter& in_scope = nullptr);

}  // namespace ntm
