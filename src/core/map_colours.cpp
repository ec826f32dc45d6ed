#include "core/map_colours.h"

namespace ntm {

UnitPaint paint_units(const Dataset& dataset, const std::vector<UnitState>& states, Date date) {
    UnitPaint paint;
    const size_t n = dataset.units.size();
    paint.fill.assign(n, no_data_colour());
    paint.not_applicable.assign(n, 0);
    paint.hidden.assign(n, 0);
    const int band_count = static_cast<int>(dataset.criteria_on(date).bands.size());
    for (size_t u = 0; u < n; ++u) {
        if (u < states.size() && !states[u].in_force) paint.hidden[u] = 1;
        if (!dataset.units[u].assessed()) {
            paint.fill[u] = not_applicable_colour();
            paint.not_applicable[u] = 1;
        } else if (u < states.size() && states[u].has_data && states[u].band >= 0) {
            paint.fill[u] = band_colour(states[u].band, band_count);
        }
    }
    return paint;
}

}  // namespace ntm
