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
};

// Band colour for assessed units with data, no_data_colour() for assessed units without,
// not_applicable_colour() for units the criteria do not apply to.
UnitPaint paint_units(const Dataset& dataset, const std::vector<UnitState>& states);

}  // namespace ntm
