#pragma once
// Display colours shared by the map, the legend, exports and `summary --format json`.
#include <cstdint>
#include <string>

namespace ntm {

struct Rgb {
    uint8_t r = 0, g = 0, b = 0;
    std::string hex() const;  // "#rrggbb"
    friend bool operator==(Rgb a, Rgb b) { return a.r == b.r && a.g == b.g && a.b == b.b; }
};

// Band colours from a sequential ColorBrewer-style yellow-green-blue ramp: lightness falls
// monotonically with attainment, so colour-blind readers and greyscale prints keep the order.
// `band` indexes CriteriaSet::bands (0 = top band); `band_count` is bands.size().
Rgb band_colour(int band, int band_count);
Rgb not_applicable_colour();  // phường / thị trấn, drawn hatched
Rgb no_data_colour();
Rgb selection_colour();

}  // namespace ntm
