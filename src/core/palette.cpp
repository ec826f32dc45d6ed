#include "core/palette.h"

#include <cstdio>

namespace ntm {

std::string Rgb::hex() const {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
    return buf;
}

Rgb band_colour(int band, int band_count) {
    // Darkest first: top band (all criteria) is the darkest blue, the lowest a pale yellow.
    static const Rgb ramp[] = {{37, 52, 148}, {44, 127, 184}, {65, 182, 196}, {161, 218, 180},
                               {255, 255, 204}};
    constexpr int ramp_size = sizeof ramp / sizeof ramp[0];
    if (band < 0 || band_count <= 0) return no_data_colour();
    if (band_count >= ramp_size) return ramp[band < ramp_size ? band : ramp_size - 1];
    // Fewer bands: spread them over the ramp so the top and bottom stay at its ends.
    const int index = band_count == 1 ? 0 : band * (ramp_size - 1) / (band_count - 1);
    return ramp[index];
}

Rgb not_applicable_colour() { return {200, 200, 200}; }
Rgb no_data_colour() { return {245, 245, 245}; }
Rgb selection_colour() { return {230, 85, 13}; }

}  // namespace ntm
