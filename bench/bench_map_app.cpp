// The map app's path on a real file, offscreen: open (with the app's prepared-dataset cache),
// prepare the coarse levels, label anchors and picking index as the loader thread does, upload,
// then 1920×1080 frames zoomed out and zoomed in, and a recolour for a new date. Usage:
//   bench_map_app SOURCE [--cache DIR] [--frames N]
// e.g. bench_map_app ../shared/data/boundaries/vn_communes_2025.geojson.gz
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <glad/gl.h>

#include "core/error.h"
#include "core/map_colours.h"
#include "geo/simplify.h"
#include "io/dataset_file.h"
#include "render/framebuffer.h"
#include "render/gl_context.h"
#include "render/map_renderer.h"
#include "ui/app_state.h"
#include "ui/map_view.h"

namespace {

using clock_type = std::chrono::steady_clock;

double ms_since(clock_type::time_point t0) {
    return std::chrono::duration<double, std::milli>(clock_type::now() - t0).count();
}

double rss_mib() {
    FILE* f = std::fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (f) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return resident * 4096.0 / (1 << 20);
}

double peak_mib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024.0;
}

constexpr int kW = 1920, kH = 1080;

// Mean time of `frames` draws, each finished on the GPU (llvmpipe: the CPU).
double frame_ms(ntm::render::MapRenderer& renderer, const ntm::render::Camera& camera, int frames) {
    renderer.prepare(camera, kW, kH);  // geometry is prepared once per view, not per frame
    renderer.draw(camera, kW, kH);
    glFinish();
    const auto t = clock_type::now();
    double submit = 0;
    for (int i = 0; i < frames; ++i) {
        const auto s = clock_type::now();
        renderer.draw(camera, kW, kH);
        submit += ms_since(s);
        glFinish();
    }
    // llvmpipe runs vertex work inside the draw calls, on this thread; rasterising on its own.
    std::printf("    (of which in draw() calls, vertex work: %.1f ms)\n", submit / frames);
    return ms_since(t) / frames;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_map_app SOURCE [--cache DIR] [--frames N]\n");
        return 2;
    }
    std::string source = argv[1], cache = "/tmp/ntm-bench-cache";
    int frames = 20;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--cache") == 0) cache = argv[i + 1];
        else if (std::strcmp(argv[i], "--frames") == 0) frames = std::atoi(argv[i + 1]);
    }
    try {
        namespace ui = ntm::ui;
        auto t = clock_type::now();
        ntm::io::DatasetFile file = ntm::io::open_any(source, cache, nullptr);
        const double open_ms = ms_since(t);
        std::printf("  memory after open: %.0f MiB resident, %.0f MiB peak\n", rss_mib(), peak_mib());
        auto data = std::make_unique<ui::LoadedData>();
        data->dataset = std::move(file.dataset);
        data->geometry = std::move(file.geometry);
        t = clock_type::now();
        ntm::geo::MapLevels levels = ntm::geo::prepare_levels(data->geometry, {}, 2);
        const double levels_ms = ms_since(t);
        std::printf("  memory after levels: %.0f MiB resident, %.0f MiB peak\n", rss_mib(), peak_mib());
        t = clock_type::now();
        data->prepare_derived(2);
        const double derived_ms = ms_since(t);
        std::printf("  memory after labels and index: %.0f MiB resident, %.0f MiB peak\n", rss_mib(), peak_mib());
        size_t vertices = 0;
        for (const auto& s : data->geometry.shapes) vertices += s.vertex_count();
        std::printf("%s: %zu units, %zu vertices\n", source.c_str(), data->dataset.units.size(), vertices);
        std::printf("open (GDAL or prepared cache in %s): %.0f ms\n", cache.c_str(), open_ms);
        std::printf("coarse levels (%zu): %.0f ms; labels + picking index: %.0f ms\n", levels.batches.size(),
                    levels_ms, derived_ms);

        ui::AppState state;
        state.set_data(std::move(data));
        ntm::render::OffscreenContext context;
        ntm::render::MapRenderer renderer;
        {
            // As the app's map view (2 px); NTM_PIXEL_TOLERANCE=1 for the export's setting.
            ntm::render::MapLodSettings lod = renderer.lod_settings();
            const char* tol = std::getenv("NTM_PIXEL_TOLERANCE");
            lod.pixel_tolerance = tol ? std::atof(tol) : 2.0;
            renderer.set_lod_settings(lod);
        }
        t = clock_type::now();
        renderer.upload(state.shared_geometry(), std::move(levels), 2);
        renderer.set_district_groups(state.data()->district_groups);
        renderer.set_unit_colours(ntm::paint_units(state.dataset(), state.states(), state.date()).fill);
        renderer.set_unit_flags(ui::map_unit_flags(state));
        std::printf("upload: %.0f ms\n", ms_since(t));
        std::printf("  memory after upload: %.0f MiB resident, %.0f MiB peak\n", rss_mib(), peak_mib());

        // Single-sampled, like the app's window (GLFW's default framebuffer).
        ntm::render::Framebuffer target(kW, kH, 1);
        target.bind();
        const auto whole = ntm::render::Camera::fit(state.geometry().bounds(), kW, kH, 20);
        // As the app draws it: commune outlines off while communes are under 6 px (MapView).
        ntm::render::MapStyle overview = renderer.style();
        overview.draw_outlines = false;
        renderer.set_style(overview);
        const double out_ms = frame_ms(renderer, whole, frames);
        std::printf("frame zoomed out (whole map, %dx%d): %.1f ms (level %zu, %zu triangles)\n", kW, kH, out_ms,
                    renderer.stats().level, renderer.stats().drawn_triangles);
        ntm::render::Camera nowhere = whole;
        nowhere.center.x += 1e7;  // nothing in view: the cost of clearing and finishing a frame
        std::printf("  empty frame (baseline: clear + finish): %.1f ms\n", frame_ms(renderer, nowhere, frames));
        // Where the time goes: the same view with parts of the drawing switched off.
        {
            const ntm::render::MapStyle full = renderer.style();
            ntm::render::MapStyle st = full;
            st.draw_outlines = true;
            renderer.set_style(st);
            std::printf("  with commune outlines: %.1f ms\n", frame_ms(renderer, whole, frames));
            st.draw_outlines = false;
            st.district_width_px = 0;
            renderer.set_style(st);
            std::printf("  without district (province) outlines: %.1f ms\n", frame_ms(renderer, whole, frames));
            renderer.set_style(full);
        }
        ntm::render::MapStyle detail = renderer.style();
        detail.draw_outlines = true;
        renderer.set_style(detail);
        // Zoomed in on the biggest unit's neighbourhood: 20 km across.
        ntm::render::Camera in = whole;
        in.center = state.data()->unit_anchors[state.dataset().units.size() / 2].point;
        in.metres_per_pixel = 20000.0 / kW;
        t = clock_type::now();
        renderer.prepare(in, kW, kH);
        const double refine_ms = ms_since(t);
        const double in_ms = frame_ms(renderer, in, frames);
        std::printf("zoom in (20 km wide): detail prepared in %.0f ms; frame %.1f ms (level %zu, %zu units, "
                    "%zu triangles)\n",
                    refine_ms, in_ms, renderer.stats().level, renderer.stats().drawn_units,
                    renderer.stats().drawn_triangles);
        {
            ntm::render::MapStyle st = renderer.style();
            st.district_width_px = 0;
            renderer.set_style(st);
            std::printf("  without district outlines: %.1f ms\n", frame_ms(renderer, in, frames));
            st.district_width_px = ntm::render::MapStyle{}.district_width_px;
            renderer.set_style(st);
        }

        // The floor: one unit covering the whole viewport (a handful of triangles).
        ntm::render::Camera inside = in;
        inside.metres_per_pixel = 100.0 / kW;
        std::printf("  one unit filling the viewport (llvmpipe's fill floor): %.1f ms\n",
                    frame_ms(renderer, inside, frames));

        // A new date: states, colours (one small texture upload) and one frame.
        const ntm::Date first = state.first_date(), last = state.last_date();
        t = clock_type::now();
        for (int i = 0; i < frames; ++i) {
            state.set_date(i % 2 ? first : last);
            renderer.set_unit_colours(ntm::paint_units(state.dataset(), state.states(), state.date()).fill);
            renderer.draw(in, kW, kH);
            glFinish();
        }
        std::printf("recolour for a new date + frame (zoomed in): %.1f ms\n", ms_since(t) / frames);
        // The recolour alone: states on the new date, fills, one small texture upload.
        t = clock_type::now();
        for (int i = 0; i < frames; ++i) {
            state.set_date(i % 2 ? first : last);
            renderer.set_unit_colours(ntm::paint_units(state.dataset(), state.states(), state.date()).fill);
        }
        glFinish();
        std::printf("recolour alone (states, fills, upload of %zu colours): %.2f ms\n", state.dataset().units.size(),
                    ms_since(t) / frames);
        std::printf("peak memory: %.0f MiB\n", peak_mib());
    } catch (const ntm::Error& e) {
        std::fprintf(stderr, "bench_map_app: %s\n", e.what());
        return 1;
    }
    return 0;
}
