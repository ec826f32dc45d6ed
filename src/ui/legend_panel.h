#pragma once
// Legend: each band with its colour, exact label, count and percentage of xã on the date; a
// click highlights the band's communes on the map (again to clear). Rows for "not applicable"
// (phường, thị trấn) and "no data" follow, then the headline figures.
#include "ui/app_state.h"

namespace ntm::ui {

class LegendPanel {
public:
    void draw(AppState& state);
};

}  // namespace ntm::ui
