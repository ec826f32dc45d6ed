#include "geo/geometry.h"

#include <algorithm>
#include <cmath>

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

}  // namespace ntm::geo
