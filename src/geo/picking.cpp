#include "geo/picking.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <limits>

namespace ntm::geo {

namespace {

constexpr uint32_t kLeaf = 16;  // edges per leaf box
constexpr uint32_t kFan = 8;    // children per inner box

// Nearest float at or below / at or above x, so float boxes always contain the double ones.
float float_down(double x) {
    if (x > double(FLT_MAX)) return FLT_MAX;
    if (x < -double(FLT_MAX)) return -std::numeric_limits<float>::infinity();
    float f = static_cast<float>(x);
    if (double(f) > x) f = std::nextafter(f, -std::numeric_limits<float>::infinity());
    return f;
}

float float_up(double x) {
    if (x > double(FLT_MAX)) return std::numeric_limits<float>::infinity();
    if (x < -double(FLT_MAX)) return -FLT_MAX;
    float f = static_cast<float>(x);
    if (double(f) < x) f = std::nextafter(f, std::numeric_limits<float>::infinity());
    return f;
}

double segment_distance2(Vec2 p, Vec2 a, Vec2 b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    double px = p.x - a.x, py = p.y - a.y;
    const double len2 = dx * dx + dy * dy;
    if (len2 > 0) {
        const double t = (px * dx + py * dy) / len2;
        if (t >= 1) {
            px = p.x - b.x;
            py = p.y - b.y;
        } else if (t > 0) {
            px -= t * dx;
            py -= t * dy;
        }
    }
    return px * px + py * py;
}

// Closed segment against closed box: the boxes overlap and the segment's line does not leave all
// four corners strictly on one side.
bool segment_touches_box(Vec2 a, Vec2 b, const Bounds& box) {
    if (std::max(a.x, b.x) < box.min_x || std::min(a.x, b.x) > box.max_x ||
        std::max(a.y, b.y) < box.min_y || std::min(a.y, b.y) > box.max_y)
        return false;
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double corners[4][2] = {{box.min_x, box.min_y}, {box.max_x, box.min_y},
                                  {box.max_x, box.max_y}, {box.min_x, box.max_y}};
    bool positive = false, negative = false;
    for (const auto& c : corners) {
        const double s = dx * (c[1] - a.y) - dy * (c[0] - a.x);
        if (s >= 0) positive = true;
        if (s <= 0) negative = true;
    }
    return positive && negative;
}

}  // namespace

// --- ShapeIndex -------------------------------------------------------------------------------

namespace {
// Boxes of every level for a polygon's rings (a slight overestimate).
size_t box_estimate(const Polygon& p) {
    size_t leaves = p.outer.size() / kLeaf + 1;
    for (const Ring& h : p.holes) leaves += h.size() / kLeaf + 1;
    return leaves + leaves / (kFan - 1) + 2 * (1 + p.holes.size());
}
}  // namespace

ShapeIndex::ShapeIndex(const Polygon& polygon) {
    part_rings_.reserve(2);
    part_rings_.push_back(0);
    rings_.reserve(1 + polygon.holes.size());
    boxes_.reserve(box_estimate(polygon));
    add_part(polygon);
}

ShapeIndex::ShapeIndex(const MultiPolygon& shape) {
    part_rings_.reserve(shape.parts.size() + 1);
    part_rings_.push_back(0);
    size_t boxes = 0, rings = 0;
    for (const Polygon& p : shape.parts) {
        boxes += box_estimate(p);
        rings += 1 + p.holes.size();
    }
    rings_.reserve(rings);
    boxes_.reserve(boxes);
    for (const Polygon& p : shape.parts) add_part(p);
}

void ShapeIndex::add_part(const Polygon& polygon) {
    if (!polygon.outer.empty()) {
        Bounds b = bounds_;
        for (Vec2 v : polygon.outer) {
            b.min_x = std::min(b.min_x, v.x);
            b.max_x = std::max(b.max_x, v.x);
            b.min_y = std::min(b.min_y, v.y);
            b.max_y = std::max(b.max_y, v.y);
        }
        bounds_ = b;
    }
    add_ring(polygon.outer);
    for (const Ring& h : polygon.holes) add_ring(h);
    part_rings_.push_back(static_cast<uint32_t>(rings_.size()));
}

void ShapeIndex::add_ring(const Ring& ring) {
    if (ring.empty()) return;
    RingTree r;
    r.v = ring.data();
    r.n = static_cast<uint32_t>(ring.size());
    // Level 0: one box per run of kLeaf edges (edge i joins v[i] and v[(i + 1) % n]).
    r.first[0] = static_cast<uint32_t>(boxes_.size());
    for (uint32_t s = 0; s < r.n; s += kLeaf) {
        const uint32_t e = std::min(s + kLeaf, r.n);
        double x0 = ring[e % r.n].x, x1 = x0, y0 = ring[e % r.n].y, y1 = y0;
        for (uint32_t i = s; i < e; ++i) {
            const Vec2 v = ring[i];
            x0 = std::min(x0, v.x);
            x1 = std::max(x1, v.x);
            y0 = std::min(y0, v.y);
            y1 = std::max(y1, v.y);
        }
        boxes_.push_back({float_down(x0), float_down(y0), float_up(x1), float_up(y1)});
    }
    r.count[0] = static_cast<uint32_t>(boxes_.size()) - r.first[0];
    r.levels = 1;
    while (r.count[r.levels - 1] > kFan && r.levels < kMaxLevels) {
        const uint32_t below = r.first[r.levels - 1], below_count = r.count[r.levels - 1];
        r.first[r.levels] = static_cast<uint32_t>(boxes_.size());
        for (uint32_t c = 0; c < below_count; c += kFan) {
            Box b = boxes_[below + c];
            for (uint32_t k = c + 1; k < std::min(c + kFan, below_count); ++k) {
                const Box& o = boxes_[below + k];
                b.min_x = std::min(b.min_x, o.min_x);
                b.min_y = std::min(b.min_y, o.min_y);
                b.max_x = std::max(b.max_x, o.max_x);
                b.max_y = std::max(b.max_y, o.max_y);
            }
            boxes_.push_back(b);
        }
        r.count[r.levels] = static_cast<uint32_t>(boxes_.size()) - r.first[r.levels];
        ++r.levels;
    }
    rings_.push_back(r);
}

size_t ShapeIndex::memory_bytes() const {
    return rings_.capacity() * sizeof(RingTree) + part_rings_.capacity() * sizeof(uint32_t) +
           boxes_.capacity() * sizeof(Box);
}

namespace {
// Edges spanned by one node at `level`.
inline uint64_t span(uint32_t level) {
    uint64_t s = kLeaf;
    for (uint32_t l = 0; l < level; ++l) s *= kFan;
    return s;
}
}  // namespace

bool ShapeIndex::ring_parity_node(const RingTree& r, uint32_t level, uint32_t node, Vec2 p) const {
    const Box& b = boxes_[r.first[level] + node];
    // Every vertex on one side of the line y = p.y, or every edge left of p: no crossing.
    if (b.max_y <= p.y || b.min_y > p.y || b.max_x <= p.x) return false;
    const uint64_t sp = span(level);
    const uint32_t s = static_cast<uint32_t>(node * sp);
    const uint32_t e = static_cast<uint32_t>(std::min<uint64_t>(s + sp, r.n));
    if (b.min_x > p.x) {
        // The whole run is right of p, so the ray crosses it as often as the run crosses the
        // line: an odd number of times exactly when its two ends are on different sides.
        return (r.v[s].y > p.y) != (r.v[e % r.n].y > p.y);
    }
    bool odd = false;
    if (level == 0) {
        // The crossing test of geo::contains, with its vertex order, for identical answers.
        for (uint32_t i = s; i < e; ++i) {
            const Vec2 a = r.v[i + 1 == r.n ? 0 : i + 1], c = r.v[i];
            if ((a.y > p.y) != (c.y > p.y) && p.x < (c.x - a.x) * (p.y - a.y) / (c.y - a.y) + a.x)
                odd = !odd;
        }
        return odd;
    }
    const uint32_t c0 = node * kFan, c1 = std::min(c0 + kFan, r.count[level - 1]);
    for (uint32_t c = c0; c < c1; ++c) odd ^= ring_parity_node(r, level - 1, c, p);
    return odd;
}

bool ShapeIndex::ring_parity(const RingTree& r, Vec2 p) const {
    const uint32_t top = r.levels - 1;
    bool odd = false;
    for (uint32_t k = 0; k < r.count[top]; ++k) odd ^= ring_parity_node(r, top, k, p);
    return odd;
}

bool ShapeIndex::contains(Vec2 p) const {
    if (p.x < bounds_.min_x || p.x > bounds_.max_x || p.y < bounds_.min_y || p.y > bounds_.max_y)
        return false;
    for (size_t part = 0; part + 1 < part_rings_.size(); ++part) {
        bool odd = false;
        for (uint32_t k = part_rings_[part]; k < part_rings_[part + 1]; ++k)
            odd ^= ring_parity(rings_[k], p);
        if (odd) return true;
    }
    return false;
}

void ShapeIndex::ring_nearest(const RingTree& r, uint32_t level, uint32_t node, Vec2 p,
                              double& best2) const {
    if (level == 0) {
        const uint32_t s = node * kLeaf, e = std::min(s + kLeaf, r.n);
        for (uint32_t i = s; i < e; ++i)
            best2 = std::min(best2, segment_distance2(p, r.v[i], r.v[i + 1 == r.n ? 0 : i + 1]));
        return;
    }
    const uint32_t c0 = node * kFan;
    nearest_among(r, level - 1, c0, std::min(c0 + kFan, r.count[level - 1]), p, best2);
}

// Nodes [c0, c1) of `level` (at most kFan), nearest first, pruned by the distance to their boxes.
void ShapeIndex::nearest_among(const RingTree& r, uint32_t level, uint32_t c0, uint32_t c1, Vec2 p,
                               double& best2) const {
    std::pair<double, uint32_t> order[kFan];
    uint32_t m = 0;
    for (uint32_t c = c0; c < c1; ++c) {
        const Box& b = boxes_[r.first[level] + c];
        const double dx = std::max({double(b.min_x) - p.x, 0.0, p.x - double(b.max_x)});
        const double dy = std::max({double(b.min_y) - p.y, 0.0, p.y - double(b.max_y)});
        const double d2 = dx * dx + dy * dy;
        if (d2 >= best2) continue;
        uint32_t k = m++;
        while (k > 0 && order[k - 1].first > d2) {
            order[k] = order[k - 1];
            --k;
        }
        order[k] = {d2, c};
    }
    for (uint32_t k = 0; k < m; ++k) {
        if (order[k].first >= best2) break;
        ring_nearest(r, level, order[k].second, p, best2);
    }
}

double ShapeIndex::boundary_distance(Vec2 p, double upper_bound) const {
    double best2 = upper_bound < kInfinity ? upper_bound * upper_bound : kInfinity;
    for (const RingTree& r : rings_) {
        // The top level is treated as the children of a virtual root.
        const uint32_t top = r.levels - 1;
        nearest_among(r, top, 0, r.count[top], p, best2);
    }
    return std::sqrt(best2);
}

double ShapeIndex::signed_distance(Vec2 p, double upper_bound) const {
    const double d = boundary_distance(p, upper_bound);
    return contains(p) ? d : -d;
}

bool ShapeIndex::ring_touches(const RingTree& r, uint32_t level, uint32_t node,
                              const Bounds& box) const {
    const Box& b = boxes_[r.first[level] + node];
    if (b.min_x > box.max_x || b.max_x < box.min_x || b.min_y > box.max_y || b.max_y < box.min_y)
        return false;
    // A run whose box lies inside the query box has its edges inside it.
    if (b.min_x >= box.min_x && b.max_x <= box.max_x && b.min_y >= box.min_y && b.max_y <= box.max_y)
        return true;
    if (level == 0) {
        const uint32_t s = node * kLeaf, e = std::min(s + kLeaf, r.n);
        for (uint32_t i = s; i < e; ++i)
            if (segment_touches_box(r.v[i], r.v[i + 1 == r.n ? 0 : i + 1], box)) return true;
        return false;
    }
    const uint32_t c0 = node * kFan, c1 = std::min(c0 + kFan, r.count[level - 1]);
    for (uint32_t c = c0; c < c1; ++c)
        if (ring_touches(r, level - 1, c, box)) return true;
    return false;
}

bool ShapeIndex::intersects(const Bounds& box) const {
    if (box.empty() || bounds_.empty() || box.min_x > bounds_.max_x || box.max_x < bounds_.min_x ||
        box.min_y > bounds_.max_y || box.max_y < bounds_.min_y)
        return false;
    for (const RingTree& r : rings_) {
        const uint32_t top = r.levels - 1;
        for (uint32_t k = 0; k < r.count[top]; ++k)
            if (ring_touches(r, top, k, box)) return true;
    }
    // No edge meets the box, so the box is wholly inside the shape or wholly outside it.
    return contains(box.center());
}

// --- PickingIndex -----------------------------------------------------------------------------

PickingIndex::PickingIndex(const MapGeometry& geometry) : geometry_(&geometry) {
    const size_t units = geometry.shapes.size();
    shapes_.reserve(units);
    unit_bounds_.reserve(units);
    for (const MultiPolygon& shape : geometry.shapes) {
        shapes_.emplace_back(shape);
        unit_bounds_.push_back(shapes_.back().bounds());
        bounds_.add(unit_bounds_.back());
    }
    if (bounds_.empty()) return;

    // About two cells per unit, square-ish in world units.
    const double w = std::max(bounds_.width(), 1e-9), h = std::max(bounds_.height(), 1e-9);
    const double target = std::max<double>(1, 2.0 * double(units));
    cols_ = std::clamp(static_cast<int>(std::ceil(std::sqrt(target * w / h))), 1, 4096);
    rows_ = std::clamp(static_cast<int>(std::ceil(target / cols_)), 1, 4096);
    cell_w_ = w / cols_;
    cell_h_ = h / rows_;

    std::vector<uint32_t> count(size_t(cols_) * rows_ + 1, 0);
    for (size_t u = 0; u < units; ++u) {
        if (unit_bounds_[u].empty()) continue;
        int x0, y0, x1, y1;
        cell_range(unit_bounds_[u], x0, y0, x1, y1);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) ++count[size_t(y) * cols_ + x];
    }
    cell_first_.assign(count.size(), 0);
    for (size_t c = 0; c + 1 < count.size(); ++c) cell_first_[c + 1] = cell_first_[c] + count[c];
    cell_units_.resize(cell_first_.back());
    std::vector<uint32_t> fill(cell_first_.begin(), cell_first_.end() - 1);
    for (size_t u = 0; u < units; ++u) {
        if (unit_bounds_[u].empty()) continue;
        int x0, y0, x1, y1;
        cell_range(unit_bounds_[u], x0, y0, x1, y1);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) cell_units_[fill[size_t(y) * cols_ + x]++] = uint32_t(u);
    }
}

void PickingIndex::cell_range(const Bounds& b, int& x0, int& y0, int& x1, int& y1) const {
    auto cx = [&](double x) {
        const double c = std::floor((x - bounds_.min_x) / cell_w_);
        return static_cast<int>(std::clamp(c, 0.0, double(cols_ - 1)));
    };
    auto cy = [&](double y) {
        const double c = std::floor((y - bounds_.min_y) / cell_h_);
        return static_cast<int>(std::clamp(c, 0.0, double(rows_ - 1)));
    };
    x0 = cx(b.min_x);
    x1 = cx(b.max_x);
    y0 = cy(b.min_y);
    y1 = cy(b.max_y);
}

int PickingIndex::unit_at(Vec2 p, const std::vector<uint8_t>* eligible) const {
    if (cols_ == 0 || !(p.x >= bounds_.min_x && p.x <= bounds_.max_x && p.y >= bounds_.min_y &&
                        p.y <= bounds_.max_y))
        return -1;
    int x0, y0, x1, y1;
    cell_range(Bounds{p.x, p.y, p.x, p.y}, x0, y0, x1, y1);
    const size_t cell = size_t(y0) * cols_ + x0;
    int found = -1;
    double found_area = -1;  // computed only when a second unit also contains p
    for (uint32_t k = cell_first_[cell]; k < cell_first_[cell + 1]; ++k) {
        const uint32_t u = cell_units_[k];
        if (eligible && (u >= eligible->size() || !(*eligible)[u])) continue;
        const Bounds& b = unit_bounds_[u];
        if (p.x < b.min_x || p.x > b.max_x || p.y < b.min_y || p.y > b.max_y) continue;
        if (!shapes_[u].contains(p)) continue;
        if (found < 0) {
            found = int(u);
            continue;
        }
        // Overlapping units are rare, so their areas are computed here rather than stored.
        if (found_area < 0) found_area = area(geometry_->shapes[size_t(found)]);
        const double a = area(geometry_->shapes[u]);
        if (a < found_area || (a == found_area && int(u) < found)) {
            found = int(u);
            found_area = a;
        }
    }
    return found;
}

std::vector<int> PickingIndex::units_in_box(const Bounds& box, bool fully_inside,
                                            const std::vector<uint8_t>* eligible) const {
    std::vector<int> out;
    if (cols_ == 0 || box.empty() || box.min_x > bounds_.max_x || box.max_x < bounds_.min_x ||
        box.min_y > bounds_.max_y || box.max_y < bounds_.min_y)
        return out;
    int x0, y0, x1, y1;
    cell_range(box, x0, y0, x1, y1);
    std::vector<uint32_t> candidates;
    for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) {
            const size_t c = size_t(y) * cols_ + x;
            candidates.insert(candidates.end(), cell_units_.begin() + cell_first_[c],
                              cell_units_.begin() + cell_first_[c + 1]);
        }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (uint32_t u : candidates) {
        if (eligible && (u >= eligible->size() || !(*eligible)[u])) continue;
        const Bounds& b = unit_bounds_[u];
        if (b.min_x > box.max_x || b.max_x < box.min_x || b.min_y > box.max_y || b.max_y < box.min_y)
            continue;
        const bool within = b.min_x >= box.min_x && b.max_x <= box.max_x && b.min_y >= box.min_y &&
                            b.max_y <= box.max_y;
        if (fully_inside ? within : (within || shapes_[u].intersects(box))) out.push_back(int(u));
    }
    return out;
}

size_t PickingIndex::memory_bytes() const {
    size_t n = shapes_.capacity() * sizeof(ShapeIndex) + unit_bounds_.capacity() * sizeof(Bounds) +
               (cell_first_.capacity() + cell_units_.capacity()) * sizeof(uint32_t);
    for (const ShapeIndex& s : shapes_) n += s.memory_bytes();
    return n;
}

}  // namespace ntm::geo
