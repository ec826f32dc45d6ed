#include "geo/label_anchor.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <queue>
#include <thread>

#include "geo/picking.h"

namespace ntm::geo {

namespace {

constexpr double kSqrt2 = 1.4142135623730951;
constexpr double kPi = 3.14159265358979323846;
// Safety net for pathological inputs; ordinary communes need a few hundred cells.
constexpr size_t kMaxCells = 200000;

struct Cell {
    Vec2 c;
    double half = 0;  // half the side
    double d = 0;     // signed distance of the centre
    double max = 0;   // best distance any point of the cell can have
};

struct ByMax {
    bool operator()(const Cell& a, const Cell& b) const { return a.max < b.max; }
};

// The midpoint of the widest inside stretch of the horizontal line y (even-odd over every ring),
// which is inside the polygon; false when the line misses the interior.
bool scanline_point(const Polygon& polygon, double y, std::vector<double>& xs, Vec2& out) {
    xs.clear();
    auto add_ring = [&](const Ring& r) {
        const size_t n = r.size();
        for (size_t i = 0, j = n - 1; i < n; j = i++) {
            const Vec2 a = r[i], b = r[j];
            if ((a.y > y) != (b.y > y)) xs.push_back((b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x);
        }
    };
    add_ring(polygon.outer);
    for (const Ring& h : polygon.holes) add_ring(h);
    if (xs.size() < 2) return false;
    std::sort(xs.begin(), xs.end());
    double widest = 0;
    for (size_t i = 0; i + 1 < xs.size(); i += 2)
        if (xs[i + 1] - xs[i] > widest) {
            widest = xs[i + 1] - xs[i];
            out = {(xs[i] + xs[i + 1]) / 2, y};
        }
    return widest > 0;
}

// Centroid sums of one ring relative to `o`: twice the signed area and the first moments.
void ring_moments(const Ring& r, Vec2 o, double& a2, double& mx, double& my) {
    a2 = mx = my = 0;
    const size_t n = r.size();
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        const double x0 = r[j].x - o.x, y0 = r[j].y - o.y, x1 = r[i].x - o.x, y1 = r[i].y - o.y;
        const double cross = x0 * y1 - x1 * y0;
        a2 += cross;
        mx += (x0 + x1) * cross;
        my += (y0 + y1) * cross;
    }
}

// Outer rings count positive and holes negative, whatever their direction.
void polygon_moments(const Polygon& p, Vec2 o, double& a2, double& mx, double& my) {
    double ra, rx, ry;
    ring_moments(p.outer, o, ra, rx, ry);
    const double so = ra < 0 ? -1 : 1;
    a2 = so * ra;
    mx = so * rx;
    my = so * ry;
    for (const Ring& hole : p.holes) {
        ring_moments(hole, o, ra, rx, ry);
        const double sh = ra > 0 ? -1 : 1;
        a2 += sh * ra;
        mx += sh * rx;
        my += sh * ry;
    }
}

Vec2 polygon_centroid(const Polygon& p) {
    const Vec2 o = p.outer.front();
    double a2, mx, my;
    polygon_moments(p, o, a2, mx, my);
    if (!(std::abs(a2) > 0)) return o;
    return {o.x + mx / (3 * a2), o.y + my / (3 * a2)};
}

// The cell search, for a polygon whose area is known.
LabelAnchor pole_search(const Polygon& polygon, double precision, double polygon_area) {
    LabelAnchor result;
    const Ring& outer = polygon.outer;
    if (outer.empty()) return result;
    result.part = 0;
    result.point = outer.front();
    const ShapeIndex index(polygon);
    const Bounds b = index.bounds();
    const double w = b.width(), h = b.height();
    if (outer.size() < 3 || !(w > 0) || !(h > 0) || !(polygon_area > 0)) {
        if (outer.size() >= 3) result.point = b.center();
        return result;
    }
    precision = std::max(precision, std::max(w, h) * 1e-9);
    auto make = [&](Vec2 c, double half, double bound) {
        const double d = index.signed_distance(c, bound);
        return Cell{c, half, d, d + half * kSqrt2};
    };
    constexpr double kNoBound = ShapeIndex::kInfinity;

    // Starting points: inside points on two scanlines and the centroid; the best one bounds the
    // search from the start.
    const Vec2 centroid = polygon_centroid(polygon);
    Cell best = make(centroid, 0, kNoBound);
    std::vector<double> xs;
    for (double y : {b.min_y + 0.5 * h, centroid.y}) {
        Vec2 p;
        if (scanline_point(polygon, y, xs, p)) {
            const Cell c = make(p, 0, kNoBound);
            if (c.d > best.d) best = c;
        }
    }

    // Square cells over the bounds; at most 64 along the long side for very elongated shapes.
    const double size = std::max(std::min(w, h), std::max(w, h) / 64);
    std::priority_queue<Cell, std::vector<Cell>, ByMax> queue;
    for (double y = b.min_y; y < b.max_y; y += size)
        for (double x = b.min_x; x < b.max_x; x += size)
            queue.push(make({x + size / 2, y + size / 2}, size / 2, kNoBound));

    size_t cells = queue.size();
    while (!queue.empty() && cells < kMaxCells) {
        const Cell cell = queue.top();
        queue.pop();
        if (cell.d > best.d) best = cell;
        if (cell.max - best.d <= precision) continue;
        // A child's centre is q * sqrt(2) from this one's, so its distance is at most this far
        // from the parent's: a bound (kept a hair above, so the search stays exact).
        const double q = cell.half / 2;
        const double bound = (std::abs(cell.d) + q * kSqrt2) * (1 + 1e-9) + 1e-9;
        queue.push(make({cell.c.x - q, cell.c.y - q}, q, bound));
        queue.push(make({cell.c.x + q, cell.c.y - q}, q, bound));
        queue.push(make({cell.c.x - q, cell.c.y + q}, q, bound));
        queue.push(make({cell.c.x + q, cell.c.y + q}, q, bound));
        cells += 4;
    }
    result.point = best.c;
    result.radius = std::max(0.0, best.d);
    return result;
}

}  // namespace

LabelAnchor pole_of_inaccessibility(const Polygon& polygon, double precision) {
    return pole_search(polygon, precision, area(polygon));
}

LabelAnchor label_anchor(const MultiPolygon& shape, const AnchorOptions& options) {
    std::vector<double> areas(shape.parts.size());
    std::vector<size_t> order(shape.parts.size());
    for (size_t i = 0; i < shape.parts.size(); ++i) areas[i] = area(shape.parts[i]);
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return areas[a] > areas[b]; });

    LabelAnchor best;
    for (size_t k = 0; k < order.size(); ++k) {
        const size_t i = order[k];
        if (shape.parts[i].outer.empty()) continue;
        if (best.valid()) {
            if (!options.widest_part) break;
            if (std::sqrt(std::max(0.0, areas[i]) / kPi) <= best.radius) break;
        }
        const double precision = options.relative_precision * std::sqrt(std::max(0.0, areas[i]));
        LabelAnchor a = pole_search(shape.parts[i], precision, areas[i]);
        a.part = static_cast<int>(i);
        if (!best.valid() || a.radius > best.radius) best = a;
    }
    return best;
}

std::vector<LabelAnchor> label_anchors(const MapGeometry& geometry, int threads,
                                       const AnchorOptions& options) {
    const size_t n = geometry.shapes.size();
    std::vector<LabelAnchor> out(n);
    // Units are taken a few at a time from a shared counter, so a huge unit does not hold up
    // one thread's share; every unit's anchor depends on that unit alone.
    std::atomic<size_t> next{0};
    constexpr size_t kBatch = 8;
    auto worker = [&]() {
        for (size_t s; (s = next.fetch_add(kBatch)) < n;)
            for (size_t u = s; u < std::min(n, s + kBatch); ++u)
                out[u] = label_anchor(geometry.shapes[u], options);
    };
    const size_t extra = std::min<size_t>(size_t(std::max(1, threads)) - 1, n / kBatch);
    std::vector<std::thread> pool;
    for (size_t t = 0; t < extra; ++t) pool.emplace_back(worker);
    worker();
    for (std::thread& t : pool) t.join();
    return out;
}

Vec2 area_centroid(const MultiPolygon& shape) {
    Vec2 origin;
    bool any = false;
    for (const Polygon& p : shape.parts)
        if (!p.outer.empty()) {
            origin = p.outer.front();
            any = true;
            break;
        }
    if (!any) return {};
    double a2 = 0, mx = 0, my = 0;
    for (const Polygon& p : shape.parts) {
        if (p.outer.empty()) continue;
        double pa, px, py;
        polygon_moments(p, origin, pa, px, py);
        a2 += pa;
        mx += px;
        my += py;
    }
    if (!(std::abs(a2) > 0)) return shape.bounds().center();
    return {origin.x + mx / (3 * a2), origin.y + my / (3 * a2)};
}

LabelAnchor group_label_anchor(const MapGeometry& geometry,
                               const std::vector<LabelAnchor>& unit_anchors,
                               const std::vector<int>& members) {
    std::vector<int> valid;
    for (int u : members)
        if (u >= 0 && size_t(u) < unit_anchors.size() && size_t(u) < geometry.shapes.size() &&
            unit_anchors[size_t(u)].valid())
            valid.push_back(u);
    std::sort(valid.begin(), valid.end());
    valid.erase(std::unique(valid.begin(), valid.end()), valid.end());
    if (valid.empty()) return {};

    // Area-weighted centroid of the members, relative to the first anchor for precision.
    const Vec2 o = unit_anchors[size_t(valid.front())].point;
    double total = 0, cx = 0, cy = 0, widest = 0;
    for (int u : valid) {
        const double a = area(geometry.shapes[size_t(u)]);
        const Vec2 c = area_centroid(geometry.shapes[size_t(u)]);
        total += a;
        cx += a * (c.x - o.x);
        cy += a * (c.y - o.y);
        widest = std::max(widest, unit_anchors[size_t(u)].radius);
    }
    const Vec2 centre = total > 0 ? Vec2{o.x + cx / total, o.y + cy / total} : o;

    int chosen = -1;
    double chosen_d2 = 0;
    for (int u : valid) {
        const LabelAnchor& a = unit_anchors[size_t(u)];
        if (a.radius < widest / 2) continue;
        const double dx = a.point.x - centre.x, dy = a.point.y - centre.y;
        const double d2 = dx * dx + dy * dy;
        if (chosen < 0 || d2 < chosen_d2) {
            chosen = u;
            chosen_d2 = d2;
        }
    }
    return unit_anchors[size_t(chosen)];
}

}  // namespace ntm::geo
