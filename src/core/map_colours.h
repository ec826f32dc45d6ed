#pragma once
// What each unit looks like on a date: the one mapping from attainment state to fill colour that
// the app, exports and `summary --format json` share.
#include <cstdint>
#include <vector>

#include "core/palette.h"
#include "core/state.h"

namespace ntm {

struct UnitPaint {
    std::vector<Rgb> fill;                // per unit, parallel to Dataset::units
    std::vector<uint8_t> not_applicable;  // 1 for phường / thị trấn / unknown kinds (hatched)
    std::vector<uint8_t> hidden;          // 1 for units of another boundary version (not drawn)
};

// Band colour for assessed units with data, no_data_colour() for assessed units without,
// not_applicable_colour() for units the criteria do not apply to; units not in force on the
// states' date are hidden. Band colours are of the set in force on `date`.
UnitPaint paint_units(const Dataset& dataset, const std::vector<UnitState>& states, Date date);

}  // namespace ntm
