#pragma once
// The district table: per district and for the province, xã count, at standard, average
// criteria, below 15, advanced, model and events in the last 12 months, with the Decision
// 263/QĐ-TTg targets (≥ 80 % of xã at standard, about 40 % of those advanced, ≥ 10 % model, no
// xã below 15) as the current value against the target, coloured met / not met. Sortable by its
// headers (the province stays last), exportable to CSV; clicking a row zooms the map to it.
#include <cstdint>
#include <string>

#include "core/planner.h"
#include "ui/app_state.h"
#include "ui/planner_state.h"
#include "ui/planner_table_view.h"

namespace ntm::ui {

class DistrictTablePanel {
public:
    explicit DistrictTablePanel(PlannerState& planner) : planner_(planner) {}
    void draw(AppState& state);

private:
    const Table& table(const AppState& state);
    void draw_targets(const AppState& state, const Table& t);

    PlannerState& planner_;
    uint64_t data_version_ = UINT64_MAX, planner_version_ = 0;
    Date date_;
    bool en_ = false;
    Table table_;
    CsvExportField export_;
    std::string selected_;  // district key of the row clicked last ("" none)
};

}  // namespace ntm::ui
