// Level-of-detail timings on the national map. Usage:
//   bench_national DATASET.gpkg [--png DIR]
//   bench_national SOURCE.geojson.gz [--gpkg OUT.gpkg] [--png DIR]   (converts once, then as above)
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "core/error.h"
#include "geo/district_outlines.h"
#include "geo/simplify.h"
#include "io/dataset_file.h"

namespace {

using clock_type = std::chrono::steady_clock;

double ms_since(clock_type::time_point t0) {
    return std::chrono::duration<double, std::milli>(clock_type::now() - t0).count();
}

double peak_mib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024.0;
}

bool ends_with(const std::string& s, const char* suffix) {
    const size_t n = std::strlen(suffix);
    return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_national DATASET.gpkg|SOURCE.geojson[.gz] [--gpkg OUT] [--png DIR]\n");
        return 2;
    }
    std::string source = argv[1], gpkg = "/tmp/ntm-national.gpkg", png_dir;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--gpkg") == 0) gpkg = argv[i + 1];
        else if (std::strcmp(argv[i], "--png") == 0) png_dir = argv[i + 1];
    }
    try {
        if (ends_with(source, ".geojson") || ends_with(source, ".gz") || ends_with(source, ".json")) {
            ntm::io::LoadOptions o;
            o.source = ends_with(source, ".gz") && source.rfind("/vsi", 0) != 0 ? "/vsigzip/" + source : source;
            o.check_topology = false;
            const auto t = clock_type::now();
            const ntm::io::DatasetFile f = ntm::io::dataset_from_boundaries(o);
            std::printf("convert: read %s in %.0f ms\n", source.c_str(), ms_since(t));
            ntm::io::save_dataset(gpkg, f.dataset, f.geometry);
            source = gpkg;
        }
        auto t = clock_type::now();
        ntm::io::DatasetFile file = ntm::io::load_dataset(source);
        std::printf("load %s: %.0f ms, %zu units\n", source.c_str(), ms_since(t), file.dataset.units.size());
        t = clock_type::now();
        const ntm::geo::LodPlan plan = ntm::geo::plan_levels(file.geometry);
        std::printf("plan: %.0f ms, %zu source vertices, %zu levels\n", ms_since(t), plan.source_vertices,
                    plan.level_count());
        for (size_t k = plan.level_count(); k-- > 0;) {
            if (plan.estimate[k] > 3000000) {
                std::printf("level %zu: tolerance %.1f m, estimate %zu (skipped)\n", k, plan.tolerance[k], plan.estimate[k]);
                continue;
            }
            const ntm::geo::LevelBatch b = ntm::geo::prepare_level(file.geometry, plan, k, {}, 2);
            std::printf("level %zu: tolerance %.1f m, estimate %zu, vertices %zu, triangles %zu, tiny %zu, "
                        "simplify %.0f ms, tessellate %.0f ms\n",
                        k, plan.tolerance[k], plan.estimate[k], b.mesh.vertex_count(), b.mesh.triangle_count(),
                        b.tiny.size(), b.seconds_simplify * 1e3, b.seconds_tessellate * 1e3);
        }
        std::vector<std::string> groups;
        for (const auto& u : file.dataset.units) groups.push_back(u.district_code);
        t = clock_type::now();
        ntm::geo::OutlineStats os;
        const auto lines = ntm::geo::district_outlines(file.geometry, groups, 0.01, &os);
        std::printf("district outlines (full detail): %.0f ms, %zu edges, %zu boundary edges, %zu polylines, %.0f km\n",
                    ms_since(t), os.edges, os.boundary_edges, os.polylines, os.length / 1000);
        std::printf("peak memory: %.0f MiB\n", peak_mib());
    } catch (const ntm::Error& e) {
        std::fprintf(stderr, "bench_national: %s\n", e.what());
        return 1;
    }
    return 0;
}
