#include "geo/simplify.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <limits>
#include <thread>

#include "core/random.h"

namespace ntm::geo {
namespace {

// A grid node, in cells from the grid's anchor.
struct Node {
    int64_t x = 0, y = 0;
    bool operator==(const Node& o) const { return x == o.x && y == o.y; }
    bool operator!=(const Node& o) const { return !(*this == o); }
    bool operator<(const Node& o) const { return x != o.x ? x < o.x : y < o.y; }
};

// std::llround (halves away from zero) without the library call, which was a tenth of a
// national export: truncation, then the exact remainder decides. Same result for every value
// llround defines.
inline int64_t round_half_away(double v) {
    int64_t t = static_cast<int64_t>(v);
    const double rest = v - static_cast<double>(t);
    if (rest >= 0.5) ++t;
    else if (rest <= -0.5) --t;
    return t;
}

Node to_node(Vec2 p, const SnapGrid& g) {
    return {round_half_away((p.x - g.anchor.x) / g.step), round_half_away((p.y - g.anchor.y) / g.step)};
}

Vec2 to_world(Node n, const SnapGrid& g) {
    return {g.anchor.x + double(n.x) * g.step, g.anchor.y + double(n.y) * g.step};
}

size_t usable_size(const Ring& ring) {
    size_t n = ring.size();
    if (n >= 2 && ring.front().x == ring.back().x && ring.front().y == ring.back().y) --n;
    return n;
}

// Twice the signed area, exact while the ring's extent stays below about 2^30 cells.
int64_t twice_area(const std::vector<Node>& r) {
    int64_t sum = 0;
    const Node o = r[0];
    for (size_t i = 1; i + 1 < r.size(); ++i)
        sum += (r[i].x - o.x) * (r[i + 1].y - o.y) - (r[i + 1].x - o.x) * (r[i].y - o.y);
    return sum;
}

// Snaps a ring to grid nodes, merging repeats and removing spikes; false when it collapses.
bool snap_nodes(const Ring& ring, const SnapGrid& grid, std::vector<Node>& out) {
    out.clear();
    const size_t n = usable_size(ring);
    for (size_t i = 0; i < n; ++i) {
        const Node q = to_node(ring[i], grid);
        if (!out.empty() && out.back() == q) continue;
        if (out.size() >= 2 && out[out.size() - 2] == q) {  // a, b, a: back to a
            out.pop_back();
            continue;
        }
        out.push_back(q);
    }
    // The same across the ring's start; `start` drops vertices from the front.
    size_t start = 0;
    for (;;) {
        const size_t m = out.size() - start;
        if (m >= 2 && out[start] == out.back()) {
            out.pop_back();
        } else if (m >= 3 && out[out.size() - 2] == out[start]) {  // ..., a, b | a, ...
            out.pop_back();
        } else if (m >= 3 && out.back() == out[start + 1]) {  // ..., a | b, a, ...
            ++start;
        } else {
            break;
        }
    }
    out.erase(out.begin(), out.begin() + std::ptrdiff_t(start));
    if (out.size() < 3 || twice_area(out) == 0) {
        out.clear();
        return false;
    }
    return true;
}

Ring to_ring(const std::vector<Node>& nodes, const SnapGrid& grid) {
    Ring r;
    r.reserve(nodes.size());
    for (Node q : nodes) r.push_back(to_world(q, grid));
    return r;
}

uint64_t node_key(Node n) { return (uint64_t(uint32_t(int32_t(n.x))) << 32) | uint32_t(int32_t(n.y)); }

// Runs body(i) for i in [0, count) on up to `threads` threads, in small interleaved batches.
template <class Body>
void parallel_for(size_t count, int threads, Body&& body) {
    const size_t workers = std::min<size_t>(size_t(std::max(1, threads)), std::max<size_t>(1, count));
    if (workers <= 1) {
        for (size_t i = 0; i < count; ++i) body(i);
        return;
    }
    std::atomic<size_t> next{0};
    std::exception_ptr error;
    std::atomic<bool> failed{false};
    auto run = [&]() {
        constexpr size_t kBatch = 16;
        try {
            for (size_t first; !failed && (first = next.fetch_add(kBatch)) < count;)
                for (size_t i = first; i < std::min(count, first + kBatch); ++i) body(i);
        } catch (...) {
            if (!failed.exchange(true)) error = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    for (size_t t = 1; t < workers; ++t) pool.emplace_back(run);
    run();
    for (std::thread& t : pool) t.join();
    if (error) std::rethrow_exception(error);
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

Vec2 SnapGrid::snap(Vec2 p) const { return to_world(to_node(p, *this), *this); }

bool snap_ring(const Ring& ring, const SnapGrid& grid, Ring& out) {
    std::vector<Node> nodes;
    const bool ok = snap_nodes(ring, grid, nodes);
    out = ok ? to_ring(nodes, grid) : Ring{};
    return ok;
}

MultiPolygon snap_shape(const MultiPolygon& shape, const SnapGrid& grid, bool* tiny) {
    MultiPolygon out;
    std::vector<Node> nodes;
    for (const Polygon& part : shape.parts) {
        if (!snap_nodes(part.outer, grid, nodes)) continue;
        Polygon p;
        p.outer = to_ring(nodes, grid);
        for (const Ring& hole : part.holes)
            if (snap_nodes(hole, grid, nodes)) p.holes.push_back(to_ring(nodes, grid));
        out.parts.push_back(std::move(p));
    }
    if (tiny) *tiny = false;
    if (!out.parts.empty()) return out;

    // Everything collapsed: the box of the largest part, at least one cell each way.
    const Polygon* largest = nullptr;
    double largest_area = -1;
    for (const Polygon& part : shape.parts) {
        if (part.outer.empty()) continue;
        const double a = std::abs(signed_area(part.outer));
        if (a > largest_area) {
            largest_area = a;
            largest = &part;
        }
    }
    if (!largest) return out;
    Bounds b;
    for (Vec2 p : largest->outer) b.add(p);
    const Vec2 c = b.center();
    const double hw = std::max(b.width(), grid.step) / 2, hh = std::max(b.height(), grid.step) / 2;
    Polygon box;
    box.outer = {{c.x - hw, c.y - hh}, {c.x + hw, c.y - hh}, {c.x + hw, c.y + hh}, {c.x - hw, c.y + hh}};
    out.parts.push_back(std::move(box));
    if (tiny) *tiny = true;
    return out;
}

std::vector<Ring> snap_lines(const std::vector<Ring>& lines, const SnapGrid& grid, bool closed) {
    std::vector<Ring> out;
    for (const Ring& line : lines) {
        const size_t n = closed ? usable_size(line) : line.size();
        Ring r;
        for (size_t i = 0; i < n; ++i) {
            const Vec2 p = grid.snap(line[i]);
            if (r.empty() || r.back().x != p.x || r.back().y != p.y) r.push_back(p);
        }
        if (closed)
            while (r.size() >= 2 && r.front().x == r.back().x && r.front().y == r.back().y) r.pop_back();
        if (r.size() >= 2) out.push_back(std::move(r));
    }
    return out;
}

size_t remove_shared_collinear(std::vector<MultiPolygon>& shapes, const SnapGrid& grid,
                               const std::vector<uint8_t>& skip) {
    auto skipped = [&](size_t u) { return u < skip.size() && skip[u]; };
    // Keys pack the node into 64 bits, so the nodes must fit in 32 bits each way.
    size_t total = 0;
    Bounds b;
    for (size_t u = 0; u < shapes.size(); ++u) {
        if (skipped(u)) continue;
        total += shapes[u].vertex_count();
        b.add(shapes[u].bounds());
    }
    if (total == 0) return 0;
    const double span = std::max({std::abs(b.min_x - grid.anchor.x), std::abs(b.max_x - grid.anchor.x),
                                  std::abs(b.min_y - grid.anchor.y), std::abs(b.max_y - grid.anchor.y)});
    if (span / grid.step > 1e9) return 0;

    // Per node: a hash of the unordered pair of neighbours seen at its first visit, and whether
    // every later visit agreed. Open addressing.
    size_t capacity = 16;
    while (capacity < total + total / 2) capacity *= 2;
    struct Slot {
        uint64_t key;
        uint64_t pair;  // 0: empty slot; 1: node with disagreeing neighbours; else pair hash | 2
    };
    std::vector<Slot> table(capacity, Slot{0, 0});
    const size_t mask = capacity - 1;
    auto pair_hash = [](Node a, Node c) {
        const uint64_t ha = mix64(node_key(a) ^ 0x9e3779b97f4a7c15ULL), hc = mix64(node_key(c) ^ 0x9e3779b97f4a7c15ULL);
        return (ha + hc) | 2;  // commutative; never 0 or 1
    };
    auto find = [&](uint64_t key) -> Slot& {
        for (size_t i = mix64(key) & mask;; i = (i + 1) & mask)
            if (table[i].pair == 0 || table[i].key == key) return table[i];
    };

    std::vector<Node> nodes;
    auto load = [&](const Ring& ring) {
        nodes.clear();
        for (Vec2 p : ring) nodes.push_back(to_node(p, grid));
    };
    auto for_rings = [&](auto&& body) {
        for (size_t u = 0; u < shapes.size(); ++u) {
            if (skipped(u)) continue;
            for (Polygon& part : shapes[u].parts) {
                body(part.outer);
                for (Ring& hole : part.holes) body(hole);
            }
        }
    };
    for_rings([&](Ring& ring) {
        load(ring);
        const size_t n = nodes.size();
        for (size_t i = 0; i < n; ++i) {
            const Node p = nodes[(i + n - 1) % n], v = nodes[i], q = nodes[(i + 1) % n];
            Slot& s = find(node_key(v));
            const uint64_t h = pair_hash(p, q);
            if (s.pair == 0) {
                s.key = node_key(v);
                s.pair = h;
            } else if (s.pair != h) {
                s.pair = 1;
            }
        }
    });
    size_t removed = 0;
    for_rings([&](Ring& ring) {
        load(ring);
        const size_t n = nodes.size();
        Ring kept;
        kept.reserve(n);
        for (size_t i = 0; i < n; ++i) {
            const Node p = nodes[(i + n - 1) % n], v = nodes[i], q = nodes[(i + 1) % n];
            const int64_t ax = p.x - v.x, ay = p.y - v.y, bx = q.x - v.x, by = q.y - v.y;
            const bool straight = ax * by - ay * bx == 0 && ax * bx + ay * by < 0;
            if (straight && find(node_key(v)).pair != 1) {
                ++removed;
                continue;
            }
            kept.push_back(ring[i]);
        }
        ring = std::move(kept);
    });
    return removed;
}

size_t LodPlan::level_for(double metres_per_pixel, double pixel_tolerance) const {
    const double target = metres_per_pixel * pixel_tolerance;
    size_t best = 0;
    for (size_t k = 1; k < tolerance.size(); ++k)
        if (tolerance[k] <= target) best = k;
    return best;
}

LodPlan plan_levels(const MapGeometry& geometry, const LodOptions& options) {
    LodPlan plan;
    const size_t units = geometry.shapes.size();
    plan.unit_bounds.resize(units);
    plan.unit_vertices.resize(units);
    std::vector<double> perimeter(units, 0.0);
    std::vector<size_t> rings(units, 0);
    for (size_t u = 0; u < units; ++u) {
        Bounds& b = plan.unit_bounds[u];
        auto walk = [&](const Ring& r) {
            const size_t n = usable_size(r);
            if (n == 0) return;
            ++rings[u];
            plan.unit_vertices[u] += n;
            for (size_t i = 0, j = n - 1; i < n; j = i++) {
                b.add(r[i]);
                perimeter[u] += std::hypot(r[i].x - r[j].x, r[i].y - r[j].y);
            }
        };
        for (const Polygon& p : geometry.shapes[u].parts) {
            walk(p.outer);
            for (const Ring& h : p.holes) walk(h);
        }
        plan.bounds.add(b);
        plan.source_vertices += plan.unit_vertices[u];
    }
    plan.origin = plan.bounds.empty() ? Vec2{} : plan.bounds.center();

    // Simplified levels from the coarsest down, while they save enough. A ring of perimeter P
    // snapped to cells of t keeps about P / t vertices (fewer where it runs straight).
    std::vector<double> tolerances;
    std::vector<size_t> estimates;
    if (!plan.bounds.empty() && options.factor > 1 && options.coarsest_pixels > 0) {
        const double extent = std::max(plan.bounds.width(), plan.bounds.height());
        for (double t = extent / options.coarsest_pixels; t > 1e-3; t /= options.factor) {
            size_t estimate = 0;
            for (size_t u = 0; u < units; ++u)
                estimate += std::min(plan.unit_vertices[u], size_t(perimeter[u] / t) + 3 * rings[u]);
            if (double(estimate) > options.max_fraction * double(plan.source_vertices)) break;
            tolerances.push_back(t);
            estimates.push_back(estimate);
        }
    }
    plan.tolerance.push_back(0);
    plan.estimate.push_back(plan.source_vertices);
    for (size_t i = tolerances.size(); i-- > 0;) {
        plan.tolerance.push_back(tolerances[i]);
        plan.estimate.push_back(estimates[i]);
    }
    for (size_t e : plan.estimate) plan.complete.push_back(e <= options.complete_vertices ? 1 : 0);
    return plan;
}

MapGeometry simplify_level(const MapGeometry& geometry, const LodPlan& plan, size_t level,
                           const std::vector<uint32_t>& units, int threads,
                           std::vector<uint32_t>* tiny) {
    MapGeometry out;
    out.crs_wkt = geometry.crs_wkt;
    out.crs_name = geometry.crs_name;
    const size_t count = geometry.shapes.size();
    out.shapes.resize(count);
    if (tiny) tiny->clear();
    if (level >= plan.level_count()) return out;
    const bool all = units.empty() || plan.complete[level];
    auto unit_at = [&](size_t i) { return all ? i : size_t(units[i]); };
    const size_t n = all ? count : units.size();
    if (level == 0) {
        for (size_t i = 0; i < n; ++i)
            if (unit_at(i) < count) out.shapes[unit_at(i)] = geometry.shapes[unit_at(i)];
        return out;
    }
    const SnapGrid grid = plan.grid(level);
    std::vector<uint8_t> is_tiny(count, 0);
    parallel_for(n, threads, [&](size_t i) {
        const size_t u = unit_at(i);
        if (u >= count) return;
        bool t = false;
        out.shapes[u] = snap_shape(geometry.shapes[u], grid, &t);
        is_tiny[u] = t ? 1 : 0;
    });
    if (plan.complete[level]) remove_shared_collinear(out.shapes, grid, is_tiny);
    if (tiny)
        for (size_t u = 0; u < count; ++u)
            if (is_tiny[u]) tiny->push_back(uint32_t(u));
    return out;
}

LevelBatch prepare_level(const MapGeometry& geometry, const LodPlan& plan, size_t level,
                         const std::vector<uint32_t>& units, int threads) {
    LevelBatch batch;
    batch.level = level;
    if (level >= plan.level_count()) return batch;
    const size_t count = geometry.shapes.size();
    batch.complete = units.empty() || plan.complete[level];
    if (batch.complete) {
        batch.units.resize(count);
        for (size_t u = 0; u < count; ++u) batch.units[u] = uint32_t(u);
    } else {
        for (uint32_t u : units)
            if (u < count) batch.units.push_back(u);
        std::sort(batch.units.begin(), batch.units.end());
        batch.units.erase(std::unique(batch.units.begin(), batch.units.end()), batch.units.end());
    }

    auto t0 = std::chrono::steady_clock::now();
    if (level == 0) {
        batch.mesh = tessellate_map(geometry, plan.origin, batch.complete ? nullptr : &batch.units, threads);
        batch.seconds_tessellate = seconds_since(t0);
        return batch;
    }
    MapGeometry simplified = simplify_level(geometry, plan, level, batch.units, threads, &batch.tiny);
    batch.seconds_simplify = seconds_since(t0);
    t0 = std::chrono::steady_clock::now();
    batch.mesh = tessellate_map(simplified, plan.origin, nullptr, threads);
    batch.seconds_tessellate = seconds_since(t0);
    if (batch.complete) batch.geometry = std::move(simplified);
    return batch;
}

MapLevels prepare_levels(const MapGeometry& geometry, const LodOptions& options, int threads,
                         size_t max_levels) {
    MapLevels levels;
    levels.plan = plan_levels(geometry, options);
    for (size_t k = levels.plan.level_count(); k-- > 0 && levels.batches.size() < max_levels;) {
        if (!levels.plan.complete[k]) break;
        levels.batches.push_back(prepare_level(geometry, levels.plan, k, {}, threads));
    }
    return levels;
}

}  // namespace ntm::geo
