// Label anchors: the pole of inaccessibility of a unit's polygon, and anchors for groups.
#include "geo/label_anchor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "support/geometry_fixture.h"

namespace {

using ntm::geo::AnchorOptions;
using ntm::geo::LabelAnchor;
using ntm::geo::MapGeometry;
using ntm::geo::MultiPolygon;
using ntm::geo::Polygon;
using ntm::geo::Ring;
using ntm::geo::Vec2;

using ntm::test::grid_of_squares;
using ntm::test::rect;
using ntm::test::shifted;
using ntm::test::single;
using ntm::test::X0;
using ntm::test::Y0;

Vec2 local(Vec2 p) { return {p.x - X0, p.y - Y0}; }

double segment_distance(Vec2 p, Vec2 a, Vec2 b) {
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0;
    return std::hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}

// Brute force: distance from p to every edge of the polygon.
double brute_distance(const Polygon& poly, Vec2 p) {
    double best = 1e300;
    auto ring = [&](const Ring& r) {
        for (size_t i = 0; i < r.size(); ++i)
            best = std::min(best, segment_distance(p, r[i], r[(i + 1) % r.size()]));
    };
    ring(poly.outer);
    for (const Ring& h : poly.holes) ring(h);
    return best;
}

TEST(LabelAnchor, SquareIsItsCentre) {
    const LabelAnchor a = ntm::geo::label_anchor(single({rect(0, 0, 10, 10), {}}));
    ASSERT_TRUE(a.valid());
    EXPECT_EQ(a.part, 0);
    EXPECT_NEAR(local(a.point).x, 5, 0.02);
    EXPECT_NEAR(local(a.point).y, 5, 0.02);
    EXPECT_NEAR(a.radius, 5, 0.01);
    EXPECT_LE(a.radius, 5 + 1e-9);
}

TEST(LabelAnchor, RadiusValues) {
    // A 40 x 10 rectangle: the inscribed circle has radius 5 and its centre on the mid-line.
    LabelAnchor a = ntm::geo::label_anchor(single({rect(0, 0, 40, 10), {}}));
    EXPECT_NEAR(a.radius, 5, 0.02);
    EXPECT_NEAR(local(a.point).y, 5, 0.1);
    EXPECT_GT(local(a.point).x, 5 - 0.1);
    EXPECT_LT(local(a.point).x, 35 + 0.1);

    // Right triangle with legs 300 and 400: inradius (300 + 400 - 500) / 2 = 100 at (100, 100).
    a = ntm::geo::label_anchor(single({shifted({{0, 0}, {400, 0}, {0, 300}}), {}}));
    EXPECT_NEAR(a.radius, 100, 0.3);
    EXPECT_NEAR(local(a.point).x, 100, 2);
    EXPECT_NEAR(local(a.point).y, 100, 2);

    // Regular hexagon of circumradius 1000: inradius 1000 * cos(30°).
    Ring hex;
    for (int k = 0; k < 6; ++k)
        hex.push_back({X0 + 1000 * std::cos(k * M_PI / 3), Y0 + 1000 * std::sin(k * M_PI / 3)});
    a = ntm::geo::label_anchor(single({hex, {}}));
    EXPECT_NEAR(a.radius, 1000 * std::cos(M_PI / 6), 1.0);
    EXPECT_NEAR(std::hypot(local(a.point).x, local(a.point).y), 0, 2.0);
}

TEST(LabelAnchor, UShapeAnchorIsInTheThickerArmNotInTheNotch) {
    // Base 0..30 x 0..4; left arm 12 wide, right arm 6 wide, notch 12..24 x 4..30.
    const Polygon u{shifted({{0, 0}, {30, 0}, {30, 30}, {24, 30}, {24, 4}, {12, 4}, {12, 30}, {0, 30}}), {}};
    const Vec2 c = ntm::geo::area_centroid(single(u));
    EXPECT_FALSE(ntm::geo::contains(u, c));  // the centroid is useless here: it is in the notch
    const LabelAnchor a = ntm::geo::label_anchor(single(u));
    const Vec2 p = local(a.point);
    EXPECT_TRUE(ntm::geo::contains(u, a.point));
    EXPECT_GT(p.x, 0);
    EXPECT_LT(p.x, 12);
    EXPECT_NEAR(p.x, 6, 0.1);
    EXPECT_GE(p.y, 6 - 0.1);
    EXPECT_LE(p.y, 24 + 0.1);
    EXPECT_NEAR(a.radius, 6, 0.05);
    EXPECT_NEAR(a.radius, brute_distance(u, a.point), 1e-9);
}

TEST(LabelAnchor, SquareWithHoleIsNotInTheHole) {
    // 100 x 100 with a 20 x 20 hole in the middle: the best points are towards the corners, at
    // (t, t) with t = (40 - t) * sqrt(2), radius 40 sqrt(2) / (1 + sqrt(2)).
    const Polygon p{rect(0, 0, 100, 100), {rect(40, 40, 60, 60, false)}};
    const LabelAnchor a = ntm::geo::label_anchor(single(p));
    const Vec2 q = local(a.point);
    EXPECT_FALSE(q.x > 40 && q.x < 60 && q.y > 40 && q.y < 60) << q.x << ", " << q.y;
    EXPECT_TRUE(ntm::geo::contains(p, a.point));
    const double expected = 40 * std::sqrt(2.0) / (1 + std::sqrt(2.0));
    EXPECT_NEAR(a.radius, expected, 0.15);
    EXPECT_LE(a.radius, expected + 1e-6);
    EXPECT_NEAR(std::min(q.x, 100 - q.x), expected, 1.0);
    EXPECT_NEAR(std::min(q.y, 100 - q.y), expected, 1.0);
    // The hole's direction does not matter.
    const Polygon ccw_hole{rect(0, 0, 100, 100), {rect(40, 40, 60, 60, true)}};
    EXPECT_NEAR(ntm::geo::label_anchor(single(ccw_hole)).radius, a.radius, 0.15);
}

TEST(LabelAnchor, LargestPartOrWidestPart) {
    MultiPolygon m;
    m.parts.push_back({rect(0, 0, 10, 10), {}});     // area 100, radius 5
    m.parts.push_back({rect(100, 0, 250, 2), {}});   // area 300, radius 1
    const LabelAnchor largest = ntm::geo::label_anchor(m);
    EXPECT_EQ(largest.part, 1);
    EXPECT_NEAR(largest.radius, 1, 0.01);
    AnchorOptions o;
    o.widest_part = true;
    const LabelAnchor widest = ntm::geo::label_anchor(m, o);
    EXPECT_EQ(widest.part, 0);
    EXPECT_NEAR(widest.radius, 5, 0.02);
    EXPECT_TRUE(ntm::geo::contains(m.parts[0], widest.point));
}

TEST(LabelAnchor, DegenerateInputs) {
    EXPECT_FALSE(ntm::geo::label_anchor(MultiPolygon{}).valid());
    EXPECT_FALSE(ntm::geo::label_anchor(single({})).valid());
    // Collinear: no interior, radius 0, no crash.
    const LabelAnchor line = ntm::geo::label_anchor(single({shifted({{0, 0}, {5, 5}, {10, 10}}), {}}));
    EXPECT_TRUE(line.valid());
    EXPECT_EQ(line.radius, 0);
    // A very thin sliver still gets a point inside it.
    const Polygon sliver{shifted({{0, 0}, {10000, 0}, {10000, 0.01}, {0, 0.01}}), {}};
    const LabelAnchor s = ntm::geo::label_anchor(single(sliver));
    EXPECT_TRUE(ntm::geo::contains(sliver, s.point));
    EXPECT_NEAR(s.radius, 0.005, 1e-4);
}

// A star-shaped ring with `n` vertices and random radii around (cx, cy), counter-clockwise.
Ring star(std::mt19937& rng, int n, double cx, double cy, double r0, double r1) {
    std::uniform_real_distribution<double> radius(r0, r1);
    Ring r;
    for (int k = 0; k < n; ++k) {
        const double t = 2 * M_PI * k / n, rr = radius(rng);
        r.push_back({X0 + cx + rr * std::cos(t), Y0 + cy + rr * std::sin(t)});
    }
    return r;
}

// The anchor is inside, its radius is its true distance to the boundary, and no point of a fine
// sample does better than the radius plus the precision.
TEST(LabelAnchor, NoSampledPointBeatsTheAnchor) {
    std::mt19937 rng(42);
    for (int trial = 0; trial < 6; ++trial) {
        Polygon p{star(rng, 400, 0, 0, 600, 1000), {}};
        Ring hole = star(rng, 60, 150, -100, 80, 200);
        std::reverse(hole.begin(), hole.end());
        if (trial % 2) p.holes.push_back(hole);
        const MultiPolygon m = single(p);
        AnchorOptions o;
        const LabelAnchor a = ntm::geo::label_anchor(m, o);
        ASSERT_TRUE(ntm::geo::contains(p, a.point));
        EXPECT_NEAR(a.radius, brute_distance(p, a.point), 1e-6);
        const double precision = o.relative_precision * std::sqrt(ntm::geo::area(p));
        double best = 0;
        for (int i = 0; i < 80; ++i)
            for (int j = 0; j < 80; ++j) {
                const Vec2 q{X0 - 1000 + 2000 * (i + 0.5) / 80, Y0 - 1000 + 2000 * (j + 0.5) / 80};
                if (ntm::geo::contains(p, q)) best = std::max(best, brute_distance(p, q));
            }
        EXPECT_GE(a.radius, best - precision) << "trial " << trial;
    }
}

TEST(LabelAnchor, AllUnitsSameWithAnyThreadCount) {
    MapGeometry g = grid_of_squares(6, 100);
    std::mt19937 rng(7);
    for (int k = 0; k < 20; ++k) g.shapes.push_back(single({star(rng, 300, 1000 + 300 * k, 0, 50, 120), {}}));
    g.shapes.push_back({});  // a unit without geometry
    const auto one = ntm::geo::label_anchors(g, 1);
    const auto two = ntm::geo::label_anchors(g, 2);
    const auto four = ntm::geo::label_anchors(g, 4);
    ASSERT_EQ(one.size(), g.shapes.size());
    ASSERT_EQ(two.size(), g.shapes.size());
    for (size_t u = 0; u < one.size(); ++u) {
        EXPECT_EQ(one[u].point.x, two[u].point.x);
        EXPECT_EQ(one[u].point.y, two[u].point.y);
        EXPECT_EQ(one[u].radius, four[u].radius);
        EXPECT_EQ(one[u].valid(), !g.shapes[u].parts.empty());
        if (one[u].valid()) {
            EXPECT_TRUE(ntm::geo::contains(g.shapes[u], one[u].point));
        }
    }
    for (size_t u = 0; u < 36; ++u) EXPECT_NEAR(one[u].radius, 50, 0.1);
}

TEST(LabelAnchor, AreaCentroid) {
    Vec2 c = local(ntm::geo::area_centroid(single({rect(0, 0, 10, 20), {}})));
    EXPECT_NEAR(c.x, 5, 1e-9);
    EXPECT_NEAR(c.y, 10, 1e-9);
    // A hole on the right pulls the centroid left: (100 * 5 - 4 * 8) / 96 in x.
    c = local(ntm::geo::area_centroid(single({rect(0, 0, 10, 10), {rect(7, 4, 9, 6, false)}})));
    EXPECT_NEAR(c.x, (100 * 5 - 4 * 8) / 96.0, 1e-9);
    EXPECT_NEAR(c.y, 5, 1e-9);
    // Two parts: area-weighted.
    MultiPolygon m;
    m.parts.push_back({rect(0, 0, 10, 10), {}});
    m.parts.push_back({rect(20, 0, 30, 30), {}});
    c = local(ntm::geo::area_centroid(m));
    EXPECT_NEAR(c.x, (100 * 5 + 300 * 25) / 400.0, 1e-9);
    EXPECT_NEAR(c.y, (100 * 5 + 300 * 15) / 400.0, 1e-9);
}

TEST(LabelAnchor, GroupAnchorNearTheCentreInAWideMember) {
    // 3 x 3 squares: the group's anchor is the centre square's.
    const MapGeometry g = grid_of_squares(3, 100);
    const auto anchors = ntm::geo::label_anchors(g, 2);
    std::vector<int> all = {0, 1, 2, 3, 4, 5, 6, 7, 8};
    LabelAnchor a = ntm::geo::group_label_anchor(g, anchors, all);
    EXPECT_NEAR(local(a.point).x, 150, 0.5);
    EXPECT_NEAR(local(a.point).y, 150, 0.5);
    EXPECT_NEAR(a.radius, 50, 0.1);
    // The order of members does not matter; invalid ones are ignored.
    std::vector<int> shuffled = {8, 4, -1, 2, 0, 6, 42, 1, 3, 5, 7};
    const LabelAnchor b = ntm::geo::group_label_anchor(g, anchors, shuffled);
    EXPECT_EQ(a.point.x, b.point.x);
    EXPECT_EQ(a.point.y, b.point.y);
    // An L of three squares: the centroid is in the corner square, which wins.
    a = ntm::geo::group_label_anchor(g, anchors, {0, 1, 3});
    EXPECT_NEAR(local(a.point).x, 50, 0.5);
    EXPECT_NEAR(local(a.point).y, 50, 0.5);
    EXPECT_FALSE(ntm::geo::group_label_anchor(g, anchors, {}).valid());
    EXPECT_FALSE(ntm::geo::group_label_anchor(g, anchors, {-3, 99}).valid());
}

TEST(LabelAnchor, GroupAnchorSkipsNarrowMembersAtTheCentre) {
    // A narrow strip sits at the group's centre between two wide squares: the label goes into
    // a wide square rather than the strip.
    MapGeometry g;
    g.shapes.push_back(single({rect(0, 0, 100, 100), {}}));
    g.shapes.push_back(single({rect(100, 0, 110, 100), {}}));
    g.shapes.push_back(single({rect(110, 0, 210, 100), {}}));
    const auto anchors = ntm::geo::label_anchors(g, 1);
    const LabelAnchor a = ntm::geo::group_label_anchor(g, anchors, {0, 1, 2});
    EXPECT_NEAR(a.radius, 50, 0.1);
    EXPECT_NEAR(local(a.point).x, 50, 0.5);  // ties go to the lower index
}

}  // namespace
