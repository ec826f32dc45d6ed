#pragma once
// Reported against computed: each figure published in a bulletin or report (ReportedFigure)
// beside the same figure computed from the dataset on the date it describes, for the same scope
// (the province or a district), with differences beyond the reported value's rounding flagged.
// Draws inside a window the caller has begun. Rows come from core reconcile() and are computed
// once per data version.
#include <cstdint>
#include <vector>

#include "core/reconciliation.h"
#include "ui/app_state.h"

namespace ntm::ui {

class ReconciliationPanel {
public:
    void draw(AppState& state);

    bool only_flagged() const { return only_flagged_; }
    void set_only_flagged(bool on) { only_flagged_ = on; }

private:
    void refresh(const AppState& state);

    uint64_t data_version_ = UINT64_MAX;
    std::vector<ReconciliationRow> rows_;
    int flagged_ = 0;
    int not_comparable_ = 0;  // national or unknown-scope figures left out
    bool only_flagged_ = false;
};

}  // namespace ntm::ui
