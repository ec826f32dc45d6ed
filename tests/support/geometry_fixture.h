#pragma once
// Small shapes for geometry tests, in metres near (X0, Y0) as VN-2000 / TM-3 coordinates are,
// so float precision and large offsets are exercised as in real data.
#include <algorithm>
#include <utility>
#include <vector>

#include "geo/geometry.h"

namespace ntm::test {

constexpr double X0 = 450000, Y0 = 2400000;

// The rectangle (x0, y0)-(x1, y1) relative to (X0, Y0); counter-clockwise unless `ccw` is false.
inline geo::Ring rect(double x0, double y0, double x1, double y1, bool ccw = true) {
    geo::Ring r{{X0 + x0, Y0 + y0}, {X0 + x1, Y0 + y0}, {X0 + x1, Y0 + y1}, {X0 + x0, Y0 + y1}};
    if (!ccw) std::reverse(r.begin(), r.end());
    return r;
}

// Points relative to (X0, Y0).
inline geo::Ring shifted(std::vector<geo::Vec2> pts) {
    for (geo::Vec2& p : pts) p = {X0 + p.x, Y0 + p.y};
    return pts;
}

inline geo::MultiPolygon single(geo::Polygon p) {
    geo::MultiPolygon m;
    m.parts.push_back(std::move(p));
    return m;
}

// n x n squares of `side` metres; unit j * n + i is column i, row j.
inline geo::MapGeometry grid_of_squares(int n, double side) {
    geo::MapGeometry g;
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i)
            g.shapes.push_back(single({rect(i * side, j * side, (i + 1) * side, (j + 1) * side), {}}));
    return g;
}

}  // namespace ntm::test
