#pragma once
// Shared by the render tests: one offscreen context for the whole test program (skipped with the
// reason when EGL cannot make one, unless NTM_REQUIRE_GL is set), pixel helpers, and a small
// synthetic map in VN-2000 / TM-3 like metres.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <ostream>
#include <string>

#include "core/error.h"
#include "core/palette.h"
#include "core/dataset.h"
#include "geo/demo_tiling.h"
#include "geo/geometry.h"
#include "render/camera.h"
#include "render/framebuffer.h"
#include "render/gl_context.h"
#include "render/map_renderer.h"
#include "render/png_writer.h"

namespace ntm {
inline void PrintTo(const Rgb& c, std::ostream* os) {
    *os << "rgb(" << int(c.r) << ", " << int(c.g) << ", " << int(c.b) << ")";
}
}  // namespace ntm

namespace ntm::test {

class GlTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (context()) return;
        try {
            context() = std::make_unique<render::OffscreenContext>();
        } catch (const Error& e) {
            skip_reason() = e.what();
        }
    }
    void SetUp() override {
        if (!context()) {
            if (std::getenv("NTM_REQUIRE_GL")) FAIL() << skip_reason();
            GTEST_SKIP() << "no offscreen OpenGL context: " << skip_reason();
        }
        context()->make_current();
    }
    static std::unique_ptr<render::OffscreenContext>& context() {
        static std::unique_ptr<render::OffscreenContext> c;
        return c;
    }
    static std::string& skip_reason() {
        static std::string reason;
        return reason;
    }
};

inline Rgb pixel(const render::Image& image, int x, int y) {
    const uint8_t* p = &image.rgba[(size_t(y) * size_t(image.width) + size_t(x)) * 4];
    return {p[0], p[1], p[2]};
}

// The pixel whose square contains the screen position of `world`.
inline Rgb pixel_at(const render::Image& image, const render::Camera& camera, geo::Vec2 world) {
    const geo::Vec2 s = camera.world_to_screen(world, image.width, image.height);
    return pixel(image, int(std::floor(s.x)), int(std::floor(s.y)));
}

inline geo::Ring rect(double x0, double y0, double x1, double y1, bool ccw = true) {
    if (ccw) return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
    return {{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}};
}

constexpr double kX0 = 450000, kY0 = 2400000;

// Units 0-2: 1 km squares side by side along the bottom; unit 3: an L over them (a 3 km x 0.5 km
// bar plus a 1 km x 1 km arm on the left) with a 1 km x 0.3 km hole in the bar.
inline geo::MapGeometry sample_map() {
    geo::MapGeometry g;
    for (int i = 0; i < 3; ++i) {
        geo::MultiPolygon m;
        m.parts.push_back({rect(kX0 + 1000 * i, kY0, kX0 + 1000 * (i + 1), kY0 + 1000), {}});
        g.shapes.push_back(m);
    }
    geo::Polygon l;
    l.outer = {{kX0, kY0 + 1000},        {kX0 + 3000, kY0 + 1000}, {kX0 + 3000, kY0 + 1500},
               {kX0 + 1000, kY0 + 1500}, {kX0 + 1000, kY0 + 2500}, {kX0, kY0 + 2500}};
    l.holes.push_back(rect(kX0 + 1500, kY0 + 1100, kX0 + 2500, kY0 + 1400, false));
    geo::MultiPolygon m;
    m.parts.push_back(l);
    g.shapes.push_back(m);
    return g;
}

// A point well inside each unit of sample_map(), and one inside the hole.
inline geo::Vec2 sample_interior(int unit) {
    switch (unit) {
        case 0: return {kX0 + 500, kY0 + 500};
        case 1: return {kX0 + 1500, kY0 + 500};
        case 2: return {kX0 + 2500, kY0 + 500};
        default: return {kX0 + 500, kY0 + 2000};
    }
}
inline geo::Vec2 sample_hole() { return {kX0 + 2000, kY0 + 1250}; }

inline render::Image draw_to_image(render::MapRenderer& renderer, const render::Camera& camera,
                                   int width, int height, int samples) {
    render::Framebuffer target(width, height, samples);
    target.bind();
    renderer.draw(camera, width, height);
    return target.read_pixels();
}

// The demo's tiling in metres on a plain equirectangular projection: the render layer does not
// care which projection, and io's reprojection is not linked into the render tests.
inline geo::MapGeometry demo_geometry_in_metres(const Dataset& dataset) {
    geo::MapGeometry g;
    g.shapes = geo::make_demo_tiling(dataset);
    const double lat0 = 21.9 * M_PI / 180, r = 6371000.0 * M_PI / 180;
    for (auto& shape : g.shapes)
        for (auto& part : shape.parts) {
            for (auto& p : part.outer) p = {p.x * r * std::cos(lat0), p.y * r};
            for (auto& hole : part.holes)
                for (auto& p : hole) p = {p.x * r * std::cos(lat0), p.y * r};
        }
    return g;
}

}  // namespace ntm::test
