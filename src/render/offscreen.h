#pragma once
// One-call map images without a window: an EGL surfaceless context, a framebuffer, the map
// renderer and a read-back. For the command line and tests; a GUI that already has a context
// current should use Framebuffer + MapRenderer on it instead (a thread has one current context).
#include <optional>
#include <vector>

#include "core/palette.h"
#include "geo/geometry.h"
#include "render/camera.h"
#include "render/map_renderer.h"
#include "render/png_writer.h"

namespace ntm::render {

struct MapImageOptions {
    int width = 800, height = 600;
    int samples = 4;                // multisampling for smooth edges; 1 for none
    std::optional<Camera> camera;   // default: Camera::fit(geometry bounds, ..., margin_px)
    double margin_px = -1;          // < 0: 2 % of the shorter side
    std::vector<uint8_t> flags;     // UnitFlag bits per unit
    std::vector<geo::Ring> district_outlines;
    MapStyle style;
    int threads = 2;                // for tessellation
};

// Renders `geometry` with fill `colours` (parallel to geometry.shapes) at width x height,
// fitted with a small margin. Throws ntm::Error when no OpenGL context can be made or the size is
// beyond the implementation's limit.
Image render_map_image(const geo::MapGeometry& geometry, const std::vector<Rgb>& colours, int width,
                       int height);
Image render_map_image(const geo::MapGeometry& geometry, const std::vector<Rgb>& colours,
                       const MapImageOptions& options);

}  // namespace ntm::render
