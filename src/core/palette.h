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

// Palettes. Standard is the default everywhere (exports, `summary --format json`, the app).
// HighContrast is for projectors, which wash out pale colours: a saturated ramp still ordered by
// lightness (dark for the top band, bright yellow for the lowest) and darker greys, so every
// class stays distinct on a washed-out screen and in greyscale.
enum class PaletteKind { Standard, HighContrast };

// The functions above use the current palette. Setting it bumps palette_version(), so views that
// cache colours (the map's per-unit colour table) know to recolour. Process-wide; set it from
// the UI thread.
void set_palette(PaletteKind kind);
PaletteKind current_palette();
unsigned palette_version();

// The colours of a given palette regardless of the current one.
Rgb band_colour(int band, int band_count, PaletteKind kind);
Rgb not_applicable_colour(PaletteKind kind);
Rgb no_data_colour(PaletteKind kind);

}  // namespace ntm
