#pragma once
// The criteria view: for the map's date, one horizontal bar per criterion (with its name) of how
// many xã miss it, over the xã the shared filter allows (its own criterion facet aside). Clicking
// a bar highlights on the map the xã that miss it and filters the lists by it; clicking it again
// clears both.
#include <cstdint>
#include <vector>

#include "core/planner.h"
#include "ui/app_state.h"
#include "ui/planner_state.h"

namespace ntm::ui {

class CriteriaPanel {
public:
    explicit CriteriaPanel(PlannerState& planner) : planner_(planner) {}
    void draw(AppState& state);
    // Keeps the map's highlight equal to the xã missing the chosen criterion as the date, the
    // data or the filter change. draw() calls it; call it every frame when the panel may be
    // hidden, so the highlight follows the date during playback.
    void sync(AppState& state);

private:
    const std::vector<CriterionMisses>& misses(const AppState& state);

    PlannerState& planner_;
    bool by_count_ = false;  // bars ordered by how many miss them, most first

    // The bars, cached per data, date, planner version and language.
    uint64_t data_version_ = UINT64_MAX, planner_version_ = 0;
    Date date_;
    std::vector<CriterionMisses> misses_;

    // What was last sent to AppState::set_highlighted_units.
    int applied_criterion_ = 0;
    uint64_t applied_data_ = UINT64_MAX, applied_planner_ = 0;
    Date applied_date_;
    bool applied_en_ = false;
};

}  // namespace ntm::ui
