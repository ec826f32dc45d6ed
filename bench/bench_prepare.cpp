// Times the "prepare" steps that follow loading: label anchors, the picking index and queries on
// it, and a label layout. Usage: bench_prepare SOURCE [threads]
// SOURCE is a dataset GeoPackage (.gpkg, read with io::load_dataset) or any boundary source.
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "core/error.h"
#include "geo/label_anchor.h"
#include "geo/label_layout.h"
#include "geo/picking.h"
#include "io/boundary_loader.h"
#include "io/dataset_file.h"

namespace {

double seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_prepare SOURCE [threads]\n");
        return 2;
    }
    const std::string source = argv[1];
    const int threads = argc > 2 ? std::stoi(argv[2]) : 2;
    try {
        auto t = std::chrono::steady_clock::now();
        ntm::geo::MapGeometry g;
        if (ends_with(source, ".gpkg")) {
            g = ntm::io::load_dataset(source).geometry;
        } else {
            ntm::io::LoadOptions o;
            o.source = source;
            o.check_topology = false;
            g = ntm::io::load_boundaries(o).geometry;
        }
        size_t vertices = 0, parts = 0;
        for (const auto& s : g.shapes) {
            vertices += s.vertex_count();
            parts += s.parts.size();
        }
        std::printf("load: %.3f s, %zu units, %zu parts, %zu vertices\n", seconds(t), g.shapes.size(),
                    parts, vertices);

        std::vector<ntm::geo::LabelAnchor> anchors;
        for (int n : {1, threads}) {
            t = std::chrono::steady_clock::now();
            anchors = ntm::geo::label_anchors(g, n);
            std::printf("label anchors, %d thread%s: %.3f s\n", n, n == 1 ? "" : "s", seconds(t));
        }
        ntm::geo::AnchorOptions widest;
        widest.widest_part = true;
        t = std::chrono::steady_clock::now();
        const auto widest_anchors = ntm::geo::label_anchors(g, threads, widest);
        std::printf("label anchors (widest part), %d threads: %.3f s\n", threads, seconds(t));
        size_t moved = 0;
        for (size_t u = 0; u < anchors.size(); ++u) moved += widest_anchors[u].part != anchors[u].part;
        std::printf("  units whose widest part is not the largest: %zu\n", moved);

        t = std::chrono::steady_clock::now();
        const ntm::geo::PickingIndex picking(g);
        std::printf("picking index build: %.3f s, %.1f MiB\n", seconds(t),
                    picking.memory_bytes() / 1048576.0);

        // Anchors must be inside their units and pick them.
        size_t wrong = 0, outside = 0;
        t = std::chrono::steady_clock::now();
        for (size_t u = 0; u < anchors.size(); ++u) {
            if (!anchors[u].valid()) continue;
            if (!ntm::geo::contains(g.shapes[u], anchors[u].point)) ++outside;
            if (picking.unit_at(anchors[u].point) != int(u)) ++wrong;
        }
        std::printf("anchor check (contains + unit_at for %zu units): %.3f s; %zu outside, %zu "
                    "picking another unit\n",
                    anchors.size(), seconds(t), outside, wrong);

        const ntm::geo::Bounds b = g.bounds();
        std::mt19937 rng(1);
        std::uniform_real_distribution<double> x(b.min_x, b.max_x), y(b.min_y, b.max_y);
        std::vector<ntm::geo::Vec2> points(10000);
        for (auto& p : points) p = {x(rng), y(rng)};
        t = std::chrono::steady_clock::now();
        size_t hits = 0;
        for (const auto& p : points) hits += picking.unit_at(p) >= 0;
        const double point_s = seconds(t);
        std::printf("10k unit_at at random points: %.3f s (%.2f us each), %zu hits\n", point_s,
                    point_s * 1e6 / points.size(), hits);
        t = std::chrono::steady_clock::now();
        for (size_t k = 0; k < 10000; ++k) hits += picking.unit_at(anchors[k % anchors.size()].point) >= 0;
        const double anchor_s = seconds(t);
        std::printf("10k unit_at at anchors: %.3f s (%.2f us each)\n", anchor_s, anchor_s * 1e6 / 10000);

        // Boxes of about 1 % and 10 % of the extent (a zoomed view's drag selection).
        for (double f : {0.01, 0.1}) {
            t = std::chrono::steady_clock::now();
            size_t selected = 0;
            const int n = 1000;
            for (int k = 0; k < n; ++k) {
                const ntm::geo::Vec2 c = points[size_t(k)];
                const ntm::geo::Bounds q{c.x, c.y, c.x + f * b.width(), c.y + f * b.height()};
                selected += picking.units_in_box(q).size();
            }
            const double s = seconds(t);
            std::printf("1k units_in_box of %.0f%% of the extent: %.3f s (%.1f us each, %.1f units "
                        "each)\n",
                        f * 100, s, s * 1e6 / n, double(selected) / n);
        }

        // Labels for every unit on a 1920 x 1080 view of everything.
        const double scale = std::max(b.width() / 1920, b.height() / 1080);
        std::vector<ntm::geo::LabelCandidate> candidates;
        for (size_t u = 0; u < anchors.size(); ++u) {
            ntm::geo::LabelCandidate c;
            c.id = int(u);
            c.anchor = {(anchors[u].point.x - b.min_x) / scale, (b.max_y - anchors[u].point.y) / scale};
            c.width = 60;
            c.height = 14;
            c.priority = anchors[u].radius;
            candidates.push_back(c);
        }
        t = std::chrono::steady_clock::now();
        ntm::geo::LabelLayoutOptions lo;
        lo.viewport_width = 1920;
        lo.viewport_height = 1080;
        lo.padding = 2;
        const auto placed = ntm::geo::layout_labels(candidates, lo);
        std::printf("label layout of %zu candidates: %.2f ms, %zu placed\n", candidates.size(),
                    seconds(t) * 1e3, placed.size());
    } catch (const ntm::Error& e) {
        std::fprintf(stderr, "bench_prepare: %s\n", e.what());
        return 1;
    }
    return 0;
}
