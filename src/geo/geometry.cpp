#include "geo/geometry.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace ntm::geo {

void Bounds::add(Vec2 p) {
    min_x = std::min(min_x, p.x);
    min_y = std::min(min_y, p.y);
    max_x = std::max(max_x, p.x);
    max_y = std::max(max_y, p.y);
}

void Bounds::add(const Bounds& b) {
    if (b.empty()) return;
    add(Vec2{b.min_x, b.min_y});
    add(Vec2{b.max_x, b.max_y});
}

size_t MultiPolygon::vertex_count() const {
    size_t n = 0;
    for (const Polygon& p : parts) {
        n += p.outer.size();
        for (const Ring& h : p.holes) n += h.size();
    }
    return n;
}

Bounds MultiPolygon::bounds() const {
    Bounds b;
    for (const Polygon& p : parts)
        for (Vec2 v : p.outer) b.add(v);
    return b;
}

double signed_area(const Ring& ring) {
    double twice = 0;
    const size_t n = ring.size();
    for (size_t i = 0, j = n - 1; i < n; j = i++)
        twice += (ring[j].x - ring[i].x) * (ring[j].y + ring[i].y);
    return twice / 2;
}

double area(const Polygon& polygon) {
    double a = std::abs(signed_area(polygon.outer));
    for (const Ring& h : polygon.holes) a -= std::abs(signed_area(h));
    return a;
}

double area(const MultiPolygon& shape) {
    double a = 0;
    for (const Polygon& p : shape.parts) a += area(p);
    return a;
}

static bool ring_contains(const Ring& ring, Vec2 p) {
    bool inside = false;
    const size_t n = ring.size();
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        const Vec2 a = ring[i], b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
            inside = !inside;
    }
    return inside;
}

bool contains(const Polygon& polygon, Vec2 p) {
    if (!ring_contains(polygon.outer, p)) return false;
    for (const Ring& h : polygon.holes)
        if (ring_contains(h, p)) return false;
    return true;
}

bool contains(const MultiPolygon& shape, Vec2 p) {
    for (const Polygon& part : shape.parts)
        if (contains(part, p)) return true;
    return false;
}

Bounds MapGeometry::bounds() const {
    Bounds b;
    for (const MultiPolygon& s : shapes) b.add(s.bounds());
    return b;
}

namespace {

// Sign of the orientation of c relative to the line a→b: +1, -1, or 0 when the rounding error of
// the two products (bounded far above Shewchuk's 3.3e-16 relative bound) could flip it.
int certain_orientation(Vec2 a, Vec2 b, Vec2 c) {
    const double t1 = (b.x - a.x) * (c.y - a.y), t2 = (b.y - a.y) * (c.x - a.x);
    const double det = t1 - t2, bound = 1e-12 * (std::abs(t1) + std::abs(t2));
    return det > bound ? 1 : det < -bound ? -1 : 0;
}

struct Segment {
    double x0, x1, y0, y1;
    uint32_t i;
};

}  // namespace

bool certainly_simple_single_ring(const MultiPolygon& shape) {
    if (shape.parts.size() != 1 || !shape.parts[0].holes.empty()) return false;
    const Ring& r = shape.parts[0].outer;
    const size_t n = r.size();
    if (n < 3 || n > 0xffffffffu) return false;
    std::vector<Segment> segments(n);
    for (size_t i = 0; i < n; ++i) {
        const Vec2 a = r[i], b = r[(i + 1) % n];
        if (a.x == b.x && a.y == b.y) return false;  // a repeated vertex
        segments[i] = {std::min(a.x, b.x), std::max(a.x, b.x), std::min(a.y, b.y), std::max(a.y, b.y), uint32_t(i)};
    }
    std::sort(segments.begin(), segments.end(), [](const Segment& a, const Segment& b) { return a.x0 < b.x0; });
    for (size_t s = 0; s < n; ++s) {
        const Segment& p = segments[s];
        for (size_t t = s + 1; t < n && segments[t].x0 <= p.x1; ++t) {
            const Segment& q = segments[t];
            if (q.y0 > p.y1 || q.y1 < p.y0) continue;  // boxes apart (exact comparisons)
            const size_t i = p.i, j = q.i;
            const Vec2 p0 = r[i], p1 = r[(i + 1) % n], q0 = r[j], q1 = r[(j + 1) % n];
            if ((i + 1) % n == j || (j + 1) % n == i) {
                // Consecutive edges a→b→c: they must not fold back onto each other.
                const size_t first = (i + 1) % n == j ? i : j;
                const Vec2 a = r[first], b = r[(first + 1) % n], c = r[(first + 2) % n];
                if (n == 3) {
                    if (certain_orientation(a, b, c) == 0) return false;
                    continue;
                }
                if (certain_orientation(a, b, c) == 0 && (b.x - a.x) * (c.x - b.x) + (b.y - a.y) * (c.y - b.y) <= 0)
                    return false;
                continue;
            }
            const int s1 = certain_orientation(p0, p1, q0), s2 = certain_orientation(p0, p1, q1);
            if (s1 != 0 && s1 == s2) continue;
            const int s3 = certain_orientation(q0, q1, p0), s4 = certain_orientation(q0, q1, p1);
            if (s3 != 0 && s3 == s4) continue;
            return false;  // they meet, or may
        }
    }
    return signed_area(r) != 0;
}

}  // namespace ntm::geo
