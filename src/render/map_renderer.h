#pragma once
// Draws a map's units: fills coloured per unit, hatching, thin unit outlines, wide district
// outlines and a selection outline. Geometry is uploaded once; colours and flags live in a small
// per-unit table on the GPU, so recolouring for a new date or filter costs one tiny texture
// upload and never touches the geometry.
//
// Needs a current OpenGL 3.3 core context with the functions loaded (gl_context.h) for its whole
// life; it does not care who made the context (EGL offscreen, GLFW window).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/palette.h"
#include "geo/geometry.h"
#include "geo/tessellate.h"
#include "render/camera.h"

namespace ntm::render {

// Per-unit flags (bits of a uint8_t).
enum UnitFlag : uint8_t {
    kUnitHighlight = 1,  // fill lightened (hover)
    kUnitSelected = 2,   // drawn with the selection outline on top
    kUnitHatched = 4,    // diagonal hatching over the fill (units the criteria do not apply to)
    kUnitHidden = 8,     // not drawn at all (filtered out, other districts in a district export)
};

struct MapStyle {
    Rgb background{255, 255, 255};
    bool clear_background = true;  // draw() clears the current viewport first

    bool draw_outlines = true;
    Rgb outline{110, 110, 110};    // thin unit (commune) outlines
    float outline_width_px = 1.0f;

    Rgb district_outline{40, 40, 40};
    float district_width_px = 2.5f;

    Rgb selection = selection_colour();
    float selection_width_px = 3.0f;

    Rgb hatch{120, 120, 120};
    float hatch_opacity = 1.0f;
    float hatch_period_px = 8.0f;  // stripe repeat, measured along x
    float hatch_width_px = 2.0f;   // stripe width, measured along x

    Rgb highlight{255, 255, 255};
    float highlight_amount = 0.35f;

    // Multiplies every width and the hatch period: 1 on screen, dpi / 96 for print exports.
    float pixel_scale = 1.0f;
};

struct MapRendererStats {
    size_t units = 0, vertices = 0, triangles = 0, outline_segments = 0, district_segments = 0;
    size_t gpu_bytes = 0;  // geometry buffers
};

class MapRenderer {
public:
    // Compiles the shaders; throws ntm::Error (with the compiler log) on failure.
    MapRenderer();
    ~MapRenderer();
    MapRenderer(MapRenderer&&) noexcept;
    MapRenderer& operator=(MapRenderer&&) noexcept;

    // Tessellates (with `threads` threads) and uploads the geometry, replacing any earlier one.
    // Colours reset to no_data_colour(), flags to none; district outlines are kept.
    void upload(const geo::MapGeometry& geometry, int threads = 2);
    // The same from an already tessellated mesh (for example cached in a prepared dataset).
    void upload(const geo::MapMesh& mesh);

    // Fill colour per unit, parallel to MapGeometry::shapes. Missing entries get
    // no_data_colour(), extra ones are ignored. Only the per-unit table is sent to the GPU.
    void set_unit_colours(const std::vector<Rgb>& fill);
    // UnitFlag bits per unit; missing entries get 0.
    void set_unit_flags(const std::vector<uint8_t>& flags);
    void set_unit_flag(size_t unit, uint8_t flag, bool on);
    const std::vector<uint8_t>& unit_flags() const;

    // Wide outlines (district boundaries), in world metres; `closed` rings get their closing
    // edge, open polylines do not. Replaces the previous set; an empty set draws none.
    void set_district_outlines(const std::vector<geo::Ring>& rings, bool closed = true);

    void set_style(const MapStyle& style);
    const MapStyle& style() const;

    // Draws into the currently bound framebuffer's current viewport, which must be
    // viewport_w x viewport_h pixels (Framebuffer::bind() sets it). Clears that viewport first
    // when style().clear_background. Leaves blending, depth and stencil tests disabled.
    void draw(const Camera& camera, int viewport_w, int viewport_h);

    size_t unit_count() const;
    const geo::Bounds& bounds() const;  // of the uploaded geometry, world metres
    MapRendererStats stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ntm::render
