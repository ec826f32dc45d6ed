#include "geo/outlying_units.h"

#include <algorithm>
#include <cmath>

namespace ntm::geo {

std::vector<int> outlying_units(const MapGeometry& geometry, const std::vector<uint8_t>* eligible,
                                double gap_fraction) {
    // Boxes per part, not per unit: an archipelago's box spans the sea between its islands and
    // can reach the coast when none of its islands does.
    struct Part {
        Bounds box;
        int unit;
    };
    std::vector<Part> parts;
    std::vector<int> live;
    Bounds all;
    for (size_t u = 0; u < geometry.shapes.size(); ++u) {
        if (eligible && (u >= eligible->size() || !(*eligible)[u])) continue;
        bool any = false;
        for (const Polygon& p : geometry.shapes[u].parts) {
            Bounds b;
            for (const Vec2& v : p.outer) b.add(v);
            if (b.empty()) continue;
            parts.push_back({b, static_cast<int>(u)});
            all.add(b);
            any = true;
        }
        if (any) live.push_back(static_cast<int>(u));
    }
    std::vector<int> out;
    if (live.size() < 3) return out;
    const double gap = gap_fraction * std::max(all.width(), all.height());
    auto distance = [](const Bounds& a, const Bounds& b) {
        const double dx = std::max({0.0, a.min_x - b.max_x, b.min_x - a.max_x});
        const double dy = std::max({0.0, a.min_y - b.max_y, b.min_y - a.max_y});
        return std::hypot(dx, dy);
    };
    // Sorted by min_x, so each part looks only at the parts that start within `gap` of it.
    std::sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) { return a.box.min_x < b.box.min_x; });
    double widest = 0;
    for (const Part& p : parts) widest = std::max(widest, p.box.width());
    std::vector<uint8_t> near(geometry.shapes.size(), 0);
    for (size_t i = 0; i < parts.size(); ++i) {
        const Part& p = parts[i];
        if (near[p.unit]) continue;
        auto it = std::lower_bound(parts.begin(), parts.end(), p.box.min_x - gap - widest,
                                   [](const Part& q, double x) { return q.box.min_x < x; });
        for (; it != parts.end() && it->box.min_x <= p.box.max_x + gap; ++it)
            if (it->unit != p.unit && distance(p.box, it->box) < gap) {
                near[p.unit] = 1;
                break;
            }
    }
    for (int u : live)
        if (!near[u]) out.push_back(u);
    if (out.empty() || out.size() * 2 >= live.size()) return {};  // scattered units, not a mainland with islands
    Bounds rest;
    for (const Part& p : parts)
        if (near[p.unit]) rest.add(p.box);
    const bool shrinks = rest.min_x > all.min_x || rest.min_y > all.min_y || rest.max_x < all.max_x || rest.max_y < all.max_y;
    if (!shrinks) return {};
    return out;
}

}  // namespace ntm::geo
