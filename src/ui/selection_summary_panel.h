#pragma once
// The selection's own summary beside the map and lists (GeoDa-style linking): how many units
// are selected, how many are xã with data, their average criteria, how many are at standard,
// advanced, model, below 15, and their bands, from core/selection summarize_selection. Buttons
// select what the shared filter allows, zoom to the selection and clear it.
#include <cstdint>
#include <set>

#include "core/statistics.h"
#include "ui/app_state.h"
#include "ui/planner_state.h"

namespace ntm::ui {

class SelectionSummaryPanel {
public:
    explicit SelectionSummaryPanel(PlannerState& planner) : planner_(planner) {}
    void draw(AppState& state);

private:
    const Summary& summary(const AppState& state);

    PlannerState& planner_;
    uint64_t data_version_ = UINT64_MAX;
    Date date_;
    std::set<int> selection_;  // what `summary_` was made from
    Summary summary_;
};

}  // namespace ntm::ui
