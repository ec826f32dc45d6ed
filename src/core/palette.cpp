#include "core/palette.h"

#include <atomic>
#include <cstdio>

namespace ntm {
namespace {

std::atomic<int> g_palette{static_cast<int>(PaletteKind::Standard)};
std::atomic<unsigned> g_palette_version{0};

constexpr int kRampSize = 5;
// Darkest first: top band (all criteria) is the darkest blue, the lowest a pale yellow.
constexpr Rgb kStandardRamp[kRampSize] = {
    {37, 52, 148}, {44, 127, 184}, {65, 182, 196}, {161, 218, 180}, {255, 255, 204}};
// For projectors: saturated, with large lightness steps (viridis-like, dark violet to yellow).
constexpr Rgb kHighContrastRamp[kRampSize] = {
    {68, 1, 84}, {49, 104, 142}, {31, 158, 137}, {109, 205, 89}, {253, 231, 37}};

}  // namespace

std::string Rgb::hex() const {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
    return buf;
}

void set_palette(PaletteKind kind) {
    if (g_palette.exchange(static_cast<int>(kind)) != static_cast<int>(kind)) ++g_palette_version;
}

PaletteKind current_palette() { return static_cast<PaletteKind>(g_palette.load()); }
unsigned palette_version() { return g_palette_version.load(); }

Rgb band_colour(int band, int band_count, PaletteKind kind) {
    const Rgb* ramp = kind == PaletteKind::HighContrast ? kHighContrastRamp : kStandardRamp;
    if (band < 0 || band_count <= 0) return no_data_colour(kind);
    if (band_count >= kRampSize) return ramp[band < kRampSize ? band : kRampSize - 1];
    // Fewer bands: spread them over the ramp so the top and bottom stay at its ends.
    const int index = band_count == 1 ? 0 : band * (kRampSize - 1) / (band_count - 1);
    return ramp[index];
}

Rgb not_applicable_colour(PaletteKind kind) {
    return kind == PaletteKind::HighContrast ? Rgb{140, 140, 140} : Rgb{200, 200, 200};
}
Rgb no_data_colour(PaletteKind kind) {
    return kind == PaletteKind::HighContrast ? Rgb{255, 255, 255} : Rgb{245, 245, 245};
}

Rgb band_colour(int band, int band_count) { return band_colour(band, band_count, current_palette()); }
Rgb not_applicable_colour() { return not_applicable_colour(current_palette()); }
Rgb no_data_colour() { return no_data_colour(current_palette()); }
Rgb selection_colour() { return {230, 85, 13}; }

}  // namespace ntm
