#pragma once
// Draws a map's units: fills coloured per unit, hatching, thin unit outlines, wide district
// outlines and a selection outline. Geometry is uploaded once; colours and flags live in a small
// per-unit table on the GPU, so recolouring for a new date or filter costs one tiny texture
// upload and never touches the geometry.
//
// Levels of detail (geo/simplify.h). The renderer keeps the map's geometry (shared, not copied)
// and a plan of levels; each draw() picks the coarsest level whose snapping tolerance is at most
// MapLodSettings::pixel_tolerance pixels at the camera's metres_per_pixel, so a whole-country
// view draws (and tessellates) a small fraction of the vertices and a zoomed-in view draws full
// detail for the few units it shows. Only units whose bounds meet the view are drawn
// (glMultiDrawElements over per-unit index ranges), at every level.
//
// Geometry per level lives in growable GPU buffers: coarse levels are prepared whole (every
// unit at once), fine levels unit by unit as views need them. Preparing (simplify + tessellate,
// geo::prepare_level) is pure computation and is kept apart from the GL upload (add_batch):
//  - Preparation::OnDraw (default; exports, tests, the command line): draw() prepares what the
//    view lacks on the calling thread with `threads` workers, then draws. An export of the whole
//    map therefore only ever tessellates the one coarse level it draws.
//  - Preparation::Background (the app): draw() never tessellates; it starts a worker thread for
//    what the view lacks and meanwhile draws those units from the nearest level it has (usually
//    a coarser one); finished work is uploaded by a later draw() on the GL thread. preparing()
//    says whether more frames are needed. The app can also prepare levels itself (for example
//    geo::prepare_levels on its loader thread) and pass them to upload().
// Levels not drawn lately are dropped from the GPU when their total exceeds gpu_budget_bytes
// (the coarsest complete level is always kept as a fallback).
//
// District outlines come either as polylines (set_district_outlines) or as a group per unit
// (set_district_groups), dissolved by the renderer (geo/district_outlines.h) from each level's
// own simplified geometry (complete levels) or from the full detail. Either way they are snapped
// to the drawn level's grid, so they lie exactly on the level's unit edges.
//
// Needs a current OpenGL 3.3 core context with the functions loaded (gl_context.h) for its whole
// life; it does not care who made the context (EGL offscreen, GLFW window).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/palette.h"
#include "geo/geometry.h"
#include "geo/simplify.h"
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

enum class Preparation { OnDraw, Background };

struct MapLodSettings {
    double pixel_tolerance = 1.0;  // the level drawn snaps vertices to cells at most this many px
    Preparation preparation = Preparation::OnDraw;
    int threads = 2;                          // workers for preparing levels
    size_t gpu_budget_bytes = size_t(96) << 20;  // geometry kept on the GPU across levels
    geo::LodOptions levels;                   // how upload() plans levels when not given a plan
};

struct MapRendererStats {
    // Resident geometry, summed over levels; district segments of the last drawn level (before
    // any draw: of the polylines given).
    size_t units = 0, vertices = 0, triangles = 0, outline_segments = 0, district_segments = 0;
    size_t gpu_bytes = 0;  // geometry and district-line buffers (capacity)
    // Levels and the last draw().
    size_t levels = 0;            // in the plan (1 when uploaded from a mesh)
    size_t level = 0;             // drawn by the last draw()
    double level_tolerance = 0;   // its tolerance, metres (0: full detail)
    size_t drawn_units = 0;       // units the last draw() filled
    size_t drawn_triangles = 0;
    size_t fallback_units = 0;    // of those, drawn from another level (Background mode)
    double prepare_ms = 0;        // preparing + uploading geometry inside the last draw()
};

class MapRenderer {
public:
    // Compiles the shaders; throws ntm::Error (with the compiler log) on failure.
    MapRenderer();
    ~MapRenderer();
    MapRenderer(MapRenderer&&) noexcept;
    MapRenderer& operator=(MapRenderer&&) noexcept;

    // Takes the map's geometry (shared: kept, not copied, to prepare levels later) with the
    // levels already prepared, if any (`levels.plan` empty: planned here with
    // lod_settings().levels, a pass over the vertices). Nothing is tessellated here; draw()
    // prepares what it needs (see Preparation). Replaces any earlier map; colours reset to
    // no_data_colour(), flags to none; district outlines and groups are kept. `threads` sets
    // lod_settings().threads. Throws ntm::Error when the plan does not match the geometry.
    void upload(std::shared_ptr<const geo::MapGeometry> geometry, geo::MapLevels levels = {},
                int threads = 2);
    // The same from a copy of `geometry` (moved in by the && overload).
    void upload(const geo::MapGeometry& geometry, int threads = 2);
    void upload(geo::MapGeometry&& geometry, int threads = 2);
    // A single full-detail level from an already tessellated mesh (no levels of detail).
    void upload(const geo::MapMesh& mesh);

    // Uploads prepared geometry of one level (from geo::prepare_level with this renderer's
    // lod_plan()); units already there are replaced. GL thread only.
    void add_batch(geo::LevelBatch batch);

    void set_lod_settings(const MapLodSettings& settings);
    const MapLodSettings& lod_settings() const;
    const geo::LodPlan& lod_plan() const;
    // The level draw() uses for this camera.
    size_t level_for(const Camera& camera) const;
    // Prepares and uploads, on this thread, whatever a draw with this view needs and lacks
    // (whatever the Preparation mode): lets exports and benchmarks time geometry apart from the
    // frame, and the app warm a view before showing it.
    void prepare(const Camera& camera, int viewport_w, int viewport_h);
    // Background mode: work is running or the last draw() lacked geometry; draw again soon.
    bool preparing() const;

    // Fill colour per unit, parallel to MapGeometry::shapes. Missing entries get
    // no_data_colour(), extra ones are ignored. Only the per-unit table is sent to the GPU.
    void set_unit_colours(const std::vector<Rgb>& fill);
    // UnitFlag bits per unit; missing entries get 0.
    void set_unit_flags(const std::vector<uint8_t>& flags);
    void set_unit_flag(size_t unit, uint8_t flag, bool on);
    const std::vector<uint8_t>& unit_flags() const;

    // Wide outlines (district boundaries), in world metres; `closed` rings get their closing
    // edge, open polylines do not. Replaces the previous set (and any groups); an empty set
    // draws none. Snapped to each level's grid when drawn at that level.
    void set_district_outlines(const std::vector<geo::Ring>& rings, bool closed = true);
    // District outlines dissolved from the units by group (`groups[u]`, e.g. the district or
    // province code of unit u), per level. Replaces the previous outlines; empty: none.
    void set_district_groups(const std::vector<std::string>& groups);

    void set_style(const MapStyle& style);
    const MapStyle& style() const;

    // Draws into the currently bound framebuffer's current viewport, which must be
    // viewport_w x viewport_h pixels (Framebuffer::bind() sets it). Clears that viewport first
    // when style().clear_background. Leaves blending, depth and stencil tests disabled.
    void draw(const Camera& camera, int viewport_w, int viewport_h);

    size_t unit_count() const;
    const geo::Bounds& bounds() const;  // of the uploaded geometry, world metres
    // Resident geometry, district lines included, and what the last draw() did.
    MapRendererStats stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ntm::render
