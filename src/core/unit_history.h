#pragma once
// The history of one unit's criteria: when each criterion was gained or lost, from its dated
// observations. Only actual changes count; a re-inspection that confirms the previous result is
// not a change.
#include <string>
#include <vector>

#include "core/dataset.h"

namespace ntm {

struct CriterionChange {
    Date date;
    int criterion = 0;    // 1-based number in the criteria set in force on `date`
    int criteria_set = -1;  // index into Dataset::criteria_sets of that set
    bool gained = false;  // true: met after not met (or no observation); false: lost
    std::string source;   // of the observation that made the change
};

// Changes of the unit with this code, by date, then criterion number. Per criterion, the
// observations are taken in date order (input order within a day, as the attainment index
// does) and the last one of a day is that day's result: the first result "met" is a gain, "met"
// after "not met" a gain, "not met" after "met" a loss. Observations of criteria outside the
// set are ignored. A criterion's history restarts with a set that does not continue the previous
// numbering (the 10 criteria of 2026). Observations with this unit's code count when the code
// names this unit on their date (codes are reused across boundary versions). Empty for an
// index out of range.
std::vector<CriterionChange> unit_history(const Dataset& dataset, int unit);

// Counts of gains and losses in a history (for summaries such as "12 gained, 1 lost").
struct ChangeCounts {
    int gained = 0, lost = 0;
};
ChangeCounts count_changes(const std::vector<CriterionChange>& history);

}  // namespace ntm
