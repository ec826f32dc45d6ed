#include "render/offscreen.h"

#include <algorithm>

#include "render/framebuffer.h"
#include "render/gl_context.h"

namespace ntm::render {

Image render_map_image(const geo::MapGeometry& geometry, const std::vector<Rgb>& colours, int width,
                       int height) {
    MapImageOptions options;
    options.width = width;
    options.height = height;
    return render_map_image(geometry, colours, options);
}

Image render_map_image(const geo::MapGeometry& geometry, const std::vector<Rgb>& colours,
                       const MapImageOptions& options) {
    OffscreenContext context;
    Framebuffer target(options.width, options.height, options.samples);
    MapRenderer renderer;
    renderer.upload(geometry, options.threads);
    renderer.set_unit_colours(colours);
    if (!options.flags.empty()) renderer.set_unit_flags(options.flags);
    if (!options.district_outlines.empty()) renderer.set_district_outlines(options.district_outlines);
    renderer.set_style(options.style);
    const double margin = options.margin_px >= 0
                              ? options.margin_px
                              : 0.02 * std::min(options.width, options.height);
    const Camera camera = options.camera ? *options.camera
                                         : Camera::fit(renderer.bounds(), options.width,
                                                       options.height, margin);
    target.bind();
    renderer.draw(camera, options.width, options.height);
    return target.read_pixels();
}

}  // namespace ntm::render
