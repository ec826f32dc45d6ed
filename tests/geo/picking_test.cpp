// Picking: exact point-in-polygon and box selection through the grid and per-shape indexes.
#include "geo/picking.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "support/geometry_fixture.h"

namespace {

using ntm::geo::Bounds;
using ntm::geo::MapGeometry;
using ntm::geo::MultiPolygon;
using ntm::geo::PickingIndex;
using ntm::geo::Polygon;
using ntm::geo::Ring;
using ntm::geo::ShapeIndex;
using ntm::geo::Vec2;

using ntm::test::grid_of_squares;
using ntm::test::rect;
using ntm::test::shifted;
using ntm::test::single;
using ntm::test::X0;
using ntm::test::Y0;

Vec2 at(double x, double y) { return {X0 + x, Y0 + y}; }
Bounds box(double x0, double y0, double x1, double y1) { return {X0 + x0, Y0 + y0, X0 + x1, Y0 + y1}; }

TEST(Picking, EachSquareCentreMapsToItsUnit) {
    const MapGeometry g = grid_of_squares(10, 100);
    const PickingIndex index(g);
    EXPECT_EQ(index.unit_count(), 100u);
    for (int j = 0; j < 10; ++j)
        for (int i = 0; i < 10; ++i) {
            EXPECT_EQ(index.unit_at(at(i * 100 + 50, j * 100 + 50)), j * 10 + i);
            EXPECT_EQ(index.unit_at(at(i * 100 + 1, j * 100 + 99)), j * 10 + i);
        }
    EXPECT_EQ(index.unit_at(at(-1, 50)), -1);
    EXPECT_EQ(index.unit_at(at(50, 1000.5)), -1);
    EXPECT_EQ(index.unit_at(at(1e7, 1e7)), -1);
}

TEST(Picking, HolesGiveNothingOrTheUnitInside) {
    MapGeometry g;
    g.shapes.push_back(single({rect(0, 0, 30, 30), {rect(10, 10, 20, 20, false)}}));
    {
        const PickingIndex index(g);
        EXPECT_EQ(index.unit_at(at(15, 15)), -1);
        EXPECT_EQ(index.unit_at(at(5, 15)), 0);
        EXPECT_EQ(index.unit_at(at(25, 25)), 0);
    }
    g.shapes.push_back(single({rect(10, 10, 20, 20), {}}));  // the enclave filling the hole
    const PickingIndex index(g);
    EXPECT_EQ(index.unit_at(at(15, 15)), 1);
    EXPECT_EQ(index.unit_at(at(5, 15)), 0);
    // Box selection: inside the hole only the enclave; across the hole's edge both.
    EXPECT_EQ(index.units_in_box(box(12, 12, 18, 18)), std::vector<int>({1}));
    EXPECT_EQ(index.units_in_box(box(8, 12, 12, 18)), std::vector<int>({0, 1}));
    EXPECT_EQ(index.units_in_box(box(1, 1, 9, 9)), std::vector<int>({0}));  // inside, no edge
}

TEST(Picking, MultipartUnits) {
    MapGeometry g;
    MultiPolygon islands;
    islands.parts.push_back({rect(0, 0, 10, 10), {}});
    islands.parts.push_back({rect(100, 100, 110, 110), {}});
    g.shapes.push_back(islands);
    g.shapes.push_back(single({rect(40, 40, 60, 60), {}}));
    const PickingIndex index(g);
    EXPECT_EQ(index.unit_at(at(5, 5)), 0);
    EXPECT_EQ(index.unit_at(at(105, 105)), 0);
    EXPECT_EQ(index.unit_at(at(50, 50)), 1);
    EXPECT_EQ(index.unit_at(at(30, 30)), -1);  // in unit 0's bounding box, in neither part
    EXPECT_EQ(index.units_in_box(box(20, 20, 35, 35)), std::vector<int>());
    EXPECT_EQ(index.units_in_box(box(20, 20, 105, 105)), std::vector<int>({0, 1}));
    EXPECT_EQ(index.units_in_box(box(20, 20, 105, 105), true), std::vector<int>({1}));
}

TEST(Picking, OverlapGoesToTheSmallerUnit) {
    MapGeometry g;
    g.shapes.push_back(single({rect(0, 0, 100, 100), {}}));
    g.shapes.push_back(single({rect(40, 40, 50, 50), {}}));  // an enclave not cut out
    g.shapes.push_back(single({rect(40, 40, 50, 50), {}}));  // a duplicate: lower index wins
    const PickingIndex index(g);
    EXPECT_EQ(index.unit_at(at(45, 45)), 1);
    EXPECT_EQ(index.unit_at(at(20, 20)), 0);
}

TEST(Picking, BoxSelectionIsExactOnPolygons) {
    const MapGeometry g = grid_of_squares(10, 100);
    const PickingIndex index(g);
    // Columns 1..3, rows 2..4 are touched; only column 2, row 3 lies fully inside.
    std::vector<int> expected;
    for (int j = 2; j <= 4; ++j)
        for (int i = 1; i <= 3; ++i) expected.push_back(j * 10 + i);
    EXPECT_EQ(index.units_in_box(box(150, 250, 350, 450)), expected);
    EXPECT_EQ(index.units_in_box(box(150, 250, 350, 450), true), std::vector<int>({32}));
    // Touching an edge counts (closed box, closed polygon).
    EXPECT_EQ(index.units_in_box(box(100, 150, 100, 150)), std::vector<int>({10, 11}));
    // Everything, and nothing.
    EXPECT_EQ(index.units_in_box(box(-10, -10, 2000, 2000)).size(), 100u);
    EXPECT_EQ(index.units_in_box(box(-10, -10, 2000, 2000), true).size(), 100u);
    EXPECT_TRUE(index.units_in_box(box(1100, 0, 1200, 100)).empty());
    EXPECT_TRUE(index.units_in_box(Bounds{}).empty());
}

TEST(Picking, LShapesBoundingBoxOnlyRegionIsExcluded) {
    // L: a 20 x 20 bounding box whose upper-right 15 x 15 is empty.
    MapGeometry g;
    g.shapes.push_back(single({shifted({{0, 0}, {20, 0}, {20, 5}, {5, 5}, {5, 20}, {0, 20}}), {}}));
    const PickingIndex index(g);
    EXPECT_EQ(index.unit_at(at(15, 15)), -1);
    EXPECT_EQ(index.unit_at(at(2, 15)), 0);
    EXPECT_EQ(index.unit_at(at(15, 2)), 0);
    EXPECT_TRUE(index.units_in_box(box(8, 8, 18, 18)).empty());
    EXPECT_TRUE(index.units_in_box(box(10, 6, 30, 30)).empty());
    EXPECT_EQ(index.units_in_box(box(1, 15, 3, 18)), std::vector<int>({0}));
    EXPECT_EQ(index.units_in_box(box(4, 4, 18, 18)), std::vector<int>({0}));  // clips the corner
    // A box crossing the L's diagonal gap only through the empty corner.
    EXPECT_TRUE(index.units_in_box(box(6, 19, 19, 30)).empty());
    EXPECT_TRUE(index.units_in_box(box(4, 4, 18, 18), true).empty());
    EXPECT_EQ(index.units_in_box(box(0, 0, 20, 20), true), std::vector<int>({0}));
}

TEST(Picking, DiagonalEdgeAgainstBox) {
    // A triangle whose hypotenuse passes near a box's corner: the box's bbox test passes but
    // the polygon misses it by 0.5 m, or clips it.
    MapGeometry g;
    g.shapes.push_back(single({shifted({{0, 0}, {100, 0}, {0, 100}}), {}}));
    const PickingIndex index(g);
    EXPECT_TRUE(index.units_in_box(box(50.5, 50.5, 60, 60)).empty());
    EXPECT_EQ(index.units_in_box(box(49.5, 49.5, 60, 60)), std::vector<int>({0}));
    EXPECT_EQ(index.units_in_box(box(50, 50, 60, 60)), std::vector<int>({0}));  // touches
}

TEST(Picking, EmptyGeometry) {
    const MapGeometry g;
    const PickingIndex index(g);
    EXPECT_EQ(index.unit_at(at(0, 0)), -1);
    EXPECT_TRUE(index.units_in_box(box(0, 0, 1, 1)).empty());
    MapGeometry with_empty = grid_of_squares(2, 10);
    with_empty.shapes.insert(with_empty.shapes.begin() + 1, MultiPolygon{});
    const PickingIndex index2(with_empty);
    EXPECT_EQ(index2.unit_at(at(15, 5)), 2);
    EXPECT_EQ(index2.units_in_box(box(-1, -1, 30, 30)), std::vector<int>({0, 2, 3, 4}));
    const PickingIndex default_index;
    EXPECT_EQ(default_index.unit_at(at(0, 0)), -1);
}

// --- ShapeIndex against brute force on rings long enough for several tree levels --------------

Ring star(std::mt19937& rng, int n, double cx, double cy, double r0, double r1) {
    std::uniform_real_distribution<double> radius(r0, r1);
    Ring r;
    for (int k = 0; k < n; ++k) {
        const double t = 2 * M_PI * k / n, rr = radius(rng);
        r.push_back({X0 + cx + rr * std::cos(t), Y0 + cy + rr * std::sin(t)});
    }
    return r;
}

double brute_distance(const MultiPolygon& m, Vec2 p) {
    double best = 1e300;
    auto ring = [&](const Ring& r) {
        for (size_t i = 0; i < r.size(); ++i) {
            const Vec2 a = r[i], b = r[(i + 1) % r.size()];
            const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
            const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0;
            best = std::min(best, std::hypot(p.x - a.x - t * dx, p.y - a.y - t * dy));
        }
    };
    for (const Polygon& part : m.parts) {
        ring(part.outer);
        for (const Ring& h : part.holes) ring(h);
    }
    return best;
}

bool brute_intersects(const MultiPolygon& m, const Bounds& b) {
    // Dense sampling of the box plus its edges is not exact; instead: an edge crosses the box
    // (tested by clipping), or a box corner is inside, or a vertex is inside the box.
    auto clip = [&](Vec2 a, Vec2 c) {
        double t0 = 0, t1 = 1;
        const double dx = c.x - a.x, dy = c.y - a.y;
        const double p[4] = {-dx, dx, -dy, dy};
        const double q[4] = {a.x - b.min_x, b.max_x - a.x, a.y - b.min_y, b.max_y - a.y};
        for (int k = 0; k < 4; ++k) {
            if (p[k] == 0) {
                if (q[k] < 0) return false;
            } else {
                const double t = q[k] / p[k];
                if (p[k] < 0) t0 = std::max(t0, t);
                else t1 = std::min(t1, t);
            }
        }
        return t0 <= t1;
    };
    for (const Polygon& part : m.parts) {
        std::vector<const Ring*> rings = {&part.outer};
        for (const Ring& h : part.holes) rings.push_back(&h);
        for (const Ring* r : rings)
            for (size_t i = 0; i < r->size(); ++i)
                if (clip((*r)[i], (*r)[(i + 1) % r->size()])) return true;
    }
    return ntm::geo::contains(m, b.center());
}

TEST(ShapeIndex, AgreesWithBruteForce) {
    std::mt19937 rng(1234);
    MultiPolygon m;
    Polygon a{star(rng, 5000, 0, 0, 700, 1000), {}};
    Ring hole = star(rng, 700, 100, 50, 150, 300);
    std::reverse(hole.begin(), hole.end());
    a.holes.push_back(hole);
    m.parts.push_back(a);
    m.parts.push_back({star(rng, 100, 2500, 0, 200, 400), {}});
    m.parts.push_back({star(rng, 10, 100, 50, 20, 40), {}});  // an island in the hole
    const ShapeIndex index(m);
    EXPECT_EQ(index.ring_count(), 4u);
    std::uniform_real_distribution<double> x(-1200, 3000), y(-1200, 1200), size(0, 200);
    int inside = 0, touching = 0;
    for (int k = 0; k < 4000; ++k) {
        const Vec2 p = at(x(rng), y(rng));
        const bool c = ntm::geo::contains(m, p);
        inside += c;
        ASSERT_EQ(index.contains(p), c) << k;
        const double d = brute_distance(m, p);
        ASSERT_NEAR(index.boundary_distance(p), d, 1e-9 * (1 + d)) << k;
        ASSERT_NEAR(index.signed_distance(p), c ? d : -d, 1e-9 * (1 + d));
        const Bounds b{p.x, p.y, p.x + size(rng), p.y + size(rng) / 4};
        const bool t = brute_intersects(m, b);
        touching += t;
        ASSERT_EQ(index.intersects(b), t) << k;
    }
    EXPECT_GT(inside, 500);
    EXPECT_GT(touching, 800);
    EXPECT_LT(touching, 3800);
    // Exactly on the sampled vertices' horizontal lines (the half-open crossing rule).
    for (size_t i = 0; i < a.outer.size(); i += 37) {
        const Vec2 p{a.outer[i].x - 0.25, a.outer[i].y};
        ASSERT_EQ(index.contains(p), ntm::geo::contains(m, p)) << i;
    }
    EXPECT_FALSE(ShapeIndex().contains(at(0, 0)));
    EXPECT_TRUE(std::isinf(ShapeIndex().boundary_distance(at(0, 0))));
}

}  // namespace
