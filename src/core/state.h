#pragma once
// Attainment on a date: each criterion's latest observation on or before it, in the criteria set
// in force on that date, for the units of the boundary version in force on that date.
#include <cstdint>
#include <string>
#include <vector>

#include "core/dataset.h"

namespace ntm {

struct UnitState {
    bool in_force = true;   // the unit belongs to the boundary version in force on the date
    int criteria_set = -1;  // index into Dataset::criteria_sets of the set in force on the date
    bool has_data = false;  // at least one observation on or before the date, in this period
    int count = 0;          // criteria met
    int band = -1;          // index into the set's bands; -1 without data, not assessed or not in force
    Level level = Level::None;
    std::vector<uint8_t> met;  // met[number-1] == 1 when criterion `number` is met
};

struct IndicatorState {
    std::string number;  // "2.1"
    bool has_data = false;
    bool met = false;
    Date date;           // of the latest observation (when has_data)
};

// Observations grouped per unit, criteria period and criterion, sorted by date, so a state is a
// binary search. Sets whose criteria continue the previous set's numbering (2016, 2021) share
// one period: an old observation counts until the criterion is re-inspected. A set that does
// not (2026–2030) starts from no data.
class AttainmentIndex {
public:
    explicit AttainmentIndex(const Dataset& dataset);

    UnitState state(int unit, Date date) const;
    std::vector<UnitState> states(Date date) const;
    // The indicators of criterion `number` of the set in force on `date`, for the unit.
    std::vector<IndicatorState> indicators(int unit, int criterion, Date date) const;

private:
    struct Mark { Date date; bool met; };
    struct Grant { Date date; Level level; };
    const std::vector<Mark>* marks(int unit, int period, int slot) const;
    const Dataset& dataset_;
    std::vector<int> period_of_set_;          // criteria set index -> period
    std::vector<int> period_offset_;          // period -> first slot
    std::vector<std::vector<std::string>> period_indicators_;  // period -> indicator numbers
    std::vector<int> period_criteria_;        // period -> criteria count
    int slots_ = 0;                           // criteria + indicators over all periods
    std::vector<std::vector<Mark>> marks_;    // [unit * slots_ + slot]
    std::vector<std::vector<Grant>> grants_;  // [unit], recognitions by date
};

}  // namespace ntm
