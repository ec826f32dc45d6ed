// Timings of the drawing path on a synthetic map (printed, with loose sanity bounds only; the
// real benchmarks belong in bench/). Units are cells of a grid whose shared edges are wiggly
// polylines with identical vertices on both sides, like real commune boundaries.
// NTM_RENDER_TIMING_VERTICES=N changes the size (default 100 000 vertices).
#include <glad/gl.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "geo/tessellate.h"
#include "render/framebuffer.h"
#include "render/map_renderer.h"
#include "render_fixture.h"

namespace {

using ntm::geo::MapGeometry;
using ntm::geo::Ring;
using ntm::geo::Vec2;

// A cols x rows grid of cells, `per_side` vertices on each side of every cell.
MapGeometry wiggly_grid(int cols, int rows, int per_side, double cell) {
    const double amplitude = cell * 0.08;
    auto horizontal = [&](double x, int j) {  // on the grid line y = j * cell
        return Vec2{ntm::test::kX0 + x, ntm::test::kY0 + j * cell + amplitude * std::sin(x / cell * 7.0 + j)};
    };
    auto vertical = [&](double y, int i) {  // on the grid line x = i * cell
        return Vec2{ntm::test::kX0 + i * cell + amplitude * std::sin(y / cell * 5.0 + 2 * i), ntm::test::kY0 + y};
    };
    MapGeometry g;
    for (int j = 0; j < rows; ++j)
        for (int i = 0; i < cols; ++i) {
            Ring r;
            const double step = cell / per_side;
            // Corners are shared by four cells; take them from the horizontal lines.
            for (int k = 0; k < per_side; ++k) r.push_back(horizontal(i * cell + k * step, j));
            for (int k = 0; k < per_side; ++k) {
                if (k == 0) r.push_back(horizontal((i + 1) * cell, j));
                else r.push_back(vertical(j * cell + k * step, i + 1));
            }
            for (int k = 0; k < per_side; ++k) r.push_back(horizontal((i + 1) * cell - k * step, j + 1));
            for (int k = 0; k < per_side; ++k) {
                if (k == 0) r.push_back(horizontal(i * cell, j + 1));
                else r.push_back(vertical((j + 1) * cell - k * step, i));
            }
            ntm::geo::MultiPolygon m;
            m.parts.push_back({std::move(r), {}});
            g.shapes.push_back(std::move(m));
        }
    return g;
}

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

class RenderTiming : public ntm::test::GlTest {};

TEST_F(RenderTiming, SyntheticMapUploadAndFrame) {
    long target = 100000;
    if (const char* env = std::getenv("NTM_RENDER_TIMING_VERTICES")) target = std::atol(env);
    // 1000 cells of 100 vertices for the default size.
    const int per_side = 25;
    const int cells = int(std::max(1L, target / (4 * per_side)));
    const int cols = int(std::ceil(std::sqrt(cells * 1.6))), rows = (cells + cols - 1) / cols;
    const MapGeometry geometry = wiggly_grid(cols, rows, per_side, 2000);
    size_t vertices = 0;
    for (const auto& s : geometry.shapes) vertices += s.vertex_count();

    using clock = std::chrono::steady_clock;
    auto t0 = clock::now();
    const ntm::geo::MapMesh one = ntm::geo::tessellate_map(geometry, 1);
    const double tess1 = ms_since(t0);
    t0 = clock::now();
    const ntm::geo::MapMesh mesh = ntm::geo::tessellate_map(geometry, 2);
    const double tess2 = ms_since(t0);
    EXPECT_EQ(one.triangles, mesh.triangles);

    ntm::render::MapRenderer renderer;
    t0 = clock::now();
    renderer.upload(mesh);
    glFinish();
    const double upload = ms_since(t0);

    std::vector<ntm::Rgb> colours(geometry.shapes.size());
    for (size_t u = 0; u < colours.size(); ++u) colours[u] = ntm::band_colour(int(u % 5), 5);
    renderer.set_unit_colours(colours);
    std::vector<uint8_t> flags(geometry.shapes.size(), 0);
    for (size_t u = 0; u < flags.size(); u += 17) flags[u] = ntm::render::kUnitHatched;
    renderer.set_unit_flags(flags);

    const int w = 1920, h = 1080;
    const ntm::render::Camera fit = ntm::render::Camera::fit(renderer.bounds(), w, h, 20);
    std::printf("[ timing ] %zu units, %zu input vertices -> %zu mesh vertices, %zu triangles, "
                "%zu outline segments, %.1f MB of GPU buffers\n",
                geometry.shapes.size(), vertices, mesh.vertex_count(), mesh.triangle_count(),
                mesh.segment_count(), renderer.stats().gpu_bytes / 1e6);
    std::printf("[ timing ] tessellate: %.1f ms on 1 thread, %.1f ms on 2; upload %.1f ms\n", tess1,
                tess2, upload);

    // Best of a few frames: other processes share these two cores, so means are noisy.
    auto best_of = [](int n, auto&& body) {
        double best = 1e300;
        for (int i = 0; i < n; ++i) {
            const auto t = clock::now();
            body(i);
            glFinish();
            best = std::min(best, ms_since(t));
        }
        return best;
    };
    for (int samples : {1, 4}) {
        ntm::render::Framebuffer target(w, h, samples);
        renderer.draw(fit, w, h);  // warm-up (shader variants, first allocation)
        glFinish();
        const double frame = best_of(5, [&](int) { renderer.draw(fit, w, h); });
        ntm::render::Camera zoomed = fit;
        zoomed.zoom_about({w * 0.4, h * 0.6}, 6, w, h);
        const double frame_zoomed = best_of(5, [&](int) { renderer.draw(zoomed, w, h); });
        const double recolour = best_of(5, [&](int f) {
            colours[size_t(f)] = ntm::no_data_colour();
            renderer.set_unit_colours(colours);
            renderer.draw(fit, w, h);
        });
        t0 = clock::now();
        const ntm::render::Image image = target.read_pixels();
        const double read = ms_since(t0);
        std::printf("[ timing ] 1920x1080, %d sample%s: frame %.1f ms (whole map), %.1f ms (zoomed "
                    "x6), recolour + frame %.1f ms, resolve + read back %.1f ms (best of 5)\n",
                    samples, samples > 1 ? "s" : "", frame, frame_zoomed, recolour, read);
        if (samples == 4 && vertices <= 200000)
            ntm::render::write_png("/tmp/render_timing.png", image);
        EXPECT_GT(frame, 0.0);
    }
}

}  // namespace
