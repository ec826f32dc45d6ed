// End-to-end export timings: process start to PNG written, as a report writer's script sees them.
// Runs the ntm-atlas binary (default: ../ntm-atlas beside this program's folder) on the real files
// in ../shared/data/boundaries/ and prints wall time and the child's peak memory per workload:
//   - Việt Nam 2025 (vn_communes_2025.geojson.gz, 3,321 units, 7.1 M vertices): imported once
//     into a prepared dataset (.gpkg), then exported at 1920×1080 and 3840×2160; also the first
//     open straight from the GeoJSON at 1920×1080;
//   - Lạng Sơn 2025 (65 units) at 1920×1080 from the GeoJSON and from a prepared dataset, and at
//     16000×12000 (tiled, streamed to the PNG).
// Usage: bench_export [--binary PATH] [--data DIR] [--out DIR] [--runs N]
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

extern char** environ;

namespace fs = std::filesystem;

namespace {

struct Run {
    int status = -1;
    double seconds = 0;
    double peak_mib = 0;
};

Run run(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    Run r;
    const auto t0 = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
        std::perror("posix_spawn");
        return r;
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.peak_mib = usage.ru_maxrss / 1024.0;
    posix_spawn_file_actions_destroy(&actions);
    return r;
}

// Best of `runs` (the first run also warms the page cache).
Run best_of(const std::vector<std::string>& args, int runs) {
    Run best;
    for (int i = 0; i < runs; ++i) {
        const Run r = run(args);
        if (r.status != 0) return r;
        if (i == 0 || r.seconds < best.seconds) best = r;
    }
    return best;
}

void report(const char* what, const Run& r, const std::string& png) {
    if (r.status != 0) {
        std::printf("%-58s FAILED (exit %d)\n", what, r.status);
        return;
    }
    const double mib = fs::exists(png) ? fs::file_size(png) / 1048576.0 : 0;
    std::printf("%-58s %7.2f s  peak %6.0f MiB  PNG %6.1f MiB\n", what, r.seconds, r.peak_mib, mib);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    const fs::path self = fs::absolute(argv[0]).parent_path();
    std::string binary = (self.parent_path() / "ntm-atlas").string();
    // This file is bench/bench_export.cpp of the repository; the data lie beside the repository.
    std::string data = (fs::path(__FILE__).parent_path().parent_path().parent_path() / "shared" / "data" / "boundaries")
                           .lexically_normal()
                           .string();
    std::string out = "/tmp/ntm-bench-export";
    int runs = 2;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--binary")) binary = argv[i + 1];
        else if (!std::strcmp(argv[i], "--data")) data = argv[i + 1];
        else if (!std::strcmp(argv[i], "--out")) out = argv[i + 1];
        else if (!std::strcmp(argv[i], "--runs")) runs = std::max(1, std::atoi(argv[i + 1]));
    }
    if (!fs::exists(binary)) {
        std::fprintf(stderr, "bench_export: no ntm-atlas at %s (give --binary)\n", binary.c_str());
        return 2;
    }
    fs::create_directories(out);
    const std::string national = data + "/vn_communes_2025.geojson.gz";
    const std::string langson = data + "/langson_communes_2025.geojson";
    const std::string vn_gpkg = out + "/vn_2025.gpkg", ls_gpkg = out + "/ls_2025.gpkg";
    std::printf("ntm-atlas export, end to end (process start to PNG written), best of %d\n", runs);

    if (fs::exists(langson)) {
        Run r = run({binary, "import", "--out", ls_gpkg, "--boundaries", langson});
        report("import Lạng Sơn 2025 GeoJSON -> prepared .gpkg", r, "");
        report("Lạng Sơn 2025 GeoJSON (first open) -> 1920×1080",
               best_of({binary, "export", "--boundaries", langson, "--preset", "hd", "--out", out + "/ls_geojson_hd.png"}, runs),
               out + "/ls_geojson_hd.png");
        report("Lạng Sơn 2025 prepared -> 1920×1080",
               best_of({binary, "export", "--data", ls_gpkg, "--preset", "hd", "--out", out + "/ls_hd.png"}, runs),
               out + "/ls_hd.png");
        report("Lạng Sơn 2025 prepared -> 16000×12000 (tiled)",
               run({binary, "export", "--data", ls_gpkg, "--size", "16000x12000", "--out", out + "/ls_16000.png"}),
               out + "/ls_16000.png");
    } else {
        std::printf("skipped Lạng Sơn: %s is absent\n", langson.c_str());
    }

    if (fs::exists(national)) {
        const std::string source = "/vsigzip/" + national;
        report("Việt Nam 2025 GeoJSON.gz (first open) -> 1920×1080",
               run({binary, "export", "--boundaries", source, "--preset", "hd", "--out", out + "/vn_geojson_hd.png"}),
               out + "/vn_geojson_hd.png");
        if (!fs::exists(vn_gpkg)) report("import Việt Nam 2025 -> prepared .gpkg", run({binary, "import", "--out", vn_gpkg, "--boundaries", source}), "");
        report("Việt Nam 2025 prepared -> 1920×1080",
               best_of({binary, "export", "--data", vn_gpkg, "--preset", "hd", "--out", out + "/vn_hd.png"}, runs),
               out + "/vn_hd.png");
        report("Việt Nam 2025 prepared -> 3840×2160",
               best_of({binary, "export", "--data", vn_gpkg, "--preset", "4k", "--out", out + "/vn_4k.png"}, runs),
               out + "/vn_4k.png");
    } else {
        std::printf("skipped Việt Nam: %s is absent\n", national.c_str());
    }
    std::printf("images in %s\n", out.c_str());
    return 0;
}
