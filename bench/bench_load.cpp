// Times loading and preparing a boundary source (read, decode, reproject, repair), and the
// dataset GeoPackage written from it, with peak memory. Usage: bench_load SOURCE [runs]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "core/error.h"
#include "io/boundary_loader.h"
#include "io/dataset_file.h"

namespace {

double seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

double peak_mib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_load SOURCE [runs]\n");
        return 2;
    }
    const std::string source = argv[1];
    const int runs = argc > 2 ? std::stoi(argv[2]) : 1;
    try {
        for (int run = 0; run < runs; ++run) {
            ntm::io::LoadOptions o;
            o.source = source;
            o.check_topology = false;
            auto t = std::chrono::steady_clock::now();
            ntm::io::LoadedBoundaries b = ntm::io::load_boundaries(o);
            const double load = seconds(t);
            std::printf("load+prepare %s: %.3f s (open %.3f s, read+prepare %.3f s), %d units, %zu vertices\n",
                        source.c_str(), load, b.report.seconds_open, b.report.seconds_read,
                        b.report.features, b.report.vertices);
            ntm::Dataset d;
            d.units = b.units;
            const std::string gpkg = (std::filesystem::temp_directory_path() / "ntm-bench.gpkg").string();
            t = std::chrono::steady_clock::now();
            ntm::io::save_dataset(gpkg, d, b.geometry);
            std::printf("save dataset: %.3f s\n", seconds(t));
            t = std::chrono::steady_clock::now();
            const ntm::io::DatasetFile f = ntm::io::load_dataset(gpkg);
            std::printf("open prepared dataset: %.3f s (%zu units)\n", seconds(t), f.dataset.units.size());
            std::filesystem::remove(gpkg);
        }
        std::printf("peak memory: %.0f MiB\n", peak_mib());
    } catch (const ntm::Error& e) {
        std::fprintf(stderr, "bench_load: %s\n", e.what());
        return 1;
    }
    return 0;
}
