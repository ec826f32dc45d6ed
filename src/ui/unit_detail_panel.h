#pragma once
// Unit detail: for the selection's primary unit, its code, name, kind and district; criteria
// attained n/N on the date with the band; the recognised level and the recognition decisions;
// the checklist of criteria on the date (✓/✗ with numbers and names); the history of criteria
// gained and lost (date, criteria, source; a click goes to that date); the events that concerned
// it (a click activates the event and keeps this unit in the detail panel). For phường and
// thị trấn it says that the commune criteria do not apply. With nothing selected, a hint.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/lineage.h"
#include "core/unit_history.h"
#include "ui/app_state.h"

namespace ntm::ui {

class UnitDetailPanel {
public:
    void draw(AppState& state);

private:
    void refresh(const AppState& state, int unit);
    void draw_header(const AppState& state, int unit);
    void draw_attainment(AppState& state, int unit);
    void draw_checklist(const AppState& state, int unit);
    void draw_history(AppState& state);
    void draw_lineage(AppState& state, int unit);  // predecessors and successors across versions
    void draw_events(AppState& state, int unit);

    // Cached per (data version, unit): the history and the events of the unit.
    uint64_t data_version_ = UINT64_MAX;
    int unit_ = -1;
    std::vector<CriterionChange> history_;
    std::vector<int> events_;
    std::optional<Formation> formation_;  // how the unit was formed, when the lineage says
    std::vector<LineageStep> successors_;
};

}  // namespace ntm::ui
