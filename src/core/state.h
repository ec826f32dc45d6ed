#pragma once
// Attainment on a date: each criterion's latest observation on or before it.
#include <cstdint>
#include <vector>

#include "core/dataset.h"

namespace ntm {

struct UnitState {
    bool has_data = false;  // at least one observation on or before the date
    int count = 0;          // criteria met
    int band = -1;          // index into CriteriaSet::bands; -1 without data or when not assessed
    Level level = Level::None;
    std::vector<uint8_t> met;  // met[number-1] == 1 when criterion `number` is met
};

// Observations grouped per unit and criterion, sorted by date, so a state is a binary search.
class AttainmentIndex {
public:
    explicit AttainmentIndex(const Dataset& dataset);

    UnitState state(int unit, Date date) const;
    std::vector<UnitState> states(Date date) const;

private:
    struct Mark { Date date; bool met; };
    struct Grant { Date date; Level level; };
    const Dataset& dataset_;
    int criteria_count_ = 0;
    std::vector<std::vector<Mark>> marks_;    // [unit * criteria_count + criterion-1]
    std::vector<std::vector<Grant>> grants_;  // [unit], recognitions by date
};

}  // namespace ntm
