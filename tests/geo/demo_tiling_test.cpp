// The schematic polygons of the demo dataset: a tiling of the outline without gaps or overlaps,
// shared edges with identical vertices, districts contiguous and roughly in place.
#include "geo/demo_tiling.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/demo.h"
#include "core/error.h"

namespace {

using ntm::geo::MultiPolygon;
using ntm::geo::Ring;
using ntm::geo::Vec2;

const ntm::Dataset& demo() {
    static const ntm::Dataset dataset = ntm::demo::make_demo_dataset();
    return dataset;
}

const ntm::geo::DemoTiling& tiling() {
    static const ntm::geo::DemoTiling t = ntm::geo::build_demo_tiling(demo());
    return t;
}

const Ring& ring_of(size_t unit) { return tiling().shapes[unit].parts.front().outer; }

using Key = std::pair<double, double>;
Key key(Vec2 p) { return {p.x, p.y}; }

double distance_to_segment(Vec2 p, Vec2 a, Vec2 b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = std::max(0.0, std::min(1.0, t));
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

TEST(DemoTiling, OnePolygonPerUnitWellFormed) {
    const auto& t = tiling();
    ASSERT_EQ(t.shapes.size(), demo().units.size());
    EXPECT_EQ(ntm::geo::make_demo_tiling(demo()).size(), demo().units.size());
    for (size_t u = 0; u < t.shapes.size(); ++u) {
        ASSERT_EQ(t.shapes[u].parts.size(), 1u) << demo().units[u].code;
        const Ring& r = ring_of(u);
        ASSERT_GE(r.size(), 3u);
        EXPECT_GT(ntm::geo::signed_area(r), 0) << "not counter-clockwise: " << demo().units[u].code;
        EXPECT_TRUE(t.shapes[u].parts.front().holes.empty());
        for (size_t i = 0; i < r.size(); ++i) {
            const Vec2 a = r[i], b = r[(i + 1) % r.size()];
            EXPECT_FALSE(a.x == b.x && a.y == b.y) << "repeated vertex in " << demo().units[u].code;
            // On the 1e-7° grid.
            EXPECT_NEAR(a.x * 1e7, std::round(a.x * 1e7), 1e-4);
            EXPECT_NEAR(a.y * 1e7, std::round(a.y * 1e7), 1e-4);
        }
    }
    EXPECT_GT(ntm::geo::signed_area(t.outline), 0);
}

TEST(DemoTiling, InsideLangSonsExtent) {
    ntm::geo::Bounds all;
    for (const MultiPolygon& m : tiling().shapes) {
        const ntm::geo::Bounds b = m.bounds();
        EXPECT_GE(b.min_x, 106.09);
        EXPECT_LE(b.max_x, 107.37);
        EXPECT_GE(b.min_y, 21.32);
        EXPECT_LE(b.max_y, 22.47);
        all.add(b);
    }
    // It fills most of the extent.
    EXPECT_LT(all.min_x, 106.15);
    EXPECT_GT(all.max_x, 107.30);
    EXPECT_LT(all.min_y, 21.40);
    EXPECT_GT(all.max_y, 22.40);
}

TEST(DemoTiling, AreasSumToTheOutline) {
    double sum = 0;
    for (const MultiPolygon& m : tiling().shapes) sum += ntm::geo::area(m);
    const double outline = ntm::geo::signed_area(tiling().outline);
    EXPECT_NEAR(sum / outline, 1.0, 1e-9);
    EXPECT_GT(outline, 0.5);  // square degrees: a province-sized outline
}

// Every edge is shared with exactly one neighbour (same two vertices, opposite direction) or
// lies on the outline: no gaps, no overlaps, no T-junctions.
TEST(DemoTiling, EdgesArePairedOrOnTheOutline) {
    std::map<std::pair<Key, Key>, int> directed;
    for (size_t u = 0; u < tiling().shapes.size(); ++u) {
        const Ring& r = ring_of(u);
        for (size_t i = 0; i < r.size(); ++i) ++directed[{key(r[i]), key(r[(i + 1) % r.size()])}];
    }
    std::set<std::pair<Key, Key>> outline;
    const Ring& o = tiling().outline;
    for (size_t i = 0; i < o.size(); ++i) outline.insert({key(o[i]), key(o[(i + 1) % o.size()])});

    size_t on_outline = 0;
    for (const auto& [edge, count] : directed) {
        EXPECT_EQ(count, 1) << "edge used twice in the same direction";
        const bool paired = directed.count({edge.second, edge.first}) > 0;
        const bool boundary = outline.count(edge) > 0;
        EXPECT_TRUE(paired != boundary)
            << "edge (" << edge.first.first << ", " << edge.first.second << ") -> ("
            << edge.second.first << ", " << edge.second.second << ") is "
            << (paired ? "paired and on the outline" : "unpaired");
        on_outline += boundary;
    }
    EXPECT_EQ(on_outline, o.size());  // every outline edge belongs to one polygon
}

TEST(DemoTiling, EveryPointInExactlyOnePolygon) {
    const auto& t = tiling();
    std::vector<ntm::geo::Bounds> boxes;
    for (const MultiPolygon& m : t.shapes) boxes.push_back(m.bounds());
    ntm::geo::Polygon outline{t.outline, {}};
    const ntm::geo::Bounds box = MultiPolygon{{outline}}.bounds();
    const int n = 300;
    int inside = 0;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            // Irrational-ish offsets so the grid does not line up with the 1e-7° vertex grid.
            const Vec2 p{box.min_x + (i + 0.5 + 0.1234567) / n * box.width(),
                         box.min_y + (j + 0.5 + 0.2345678) / n * box.height()};
            int count = 0;
            for (size_t u = 0; u < t.shapes.size(); ++u) {
                const auto& b = boxes[u];
                if (p.x < b.min_x || p.x > b.max_x || p.y < b.min_y || p.y > b.max_y) continue;
                count += ntm::geo::contains(t.shapes[u], p) ? 1 : 0;
            }
            const int expected = ntm::geo::contains(outline, p) ? 1 : 0;
            inside += expected;
            if (count == expected) continue;
            // Only acceptable within a hair of an edge.
            double nearest = 1e300;
            for (size_t u = 0; u < t.shapes.size(); ++u) {
                const Ring& r = ring_of(u);
                for (size_t k = 0; k < r.size(); ++k)
                    nearest =
                        std::min(nearest, distance_to_segment(p, r[k], r[(k + 1) % r.size()]));
            }
            EXPECT_LT(nearest, 1e-6) << "point (" << p.x << ", " << p.y << ") is in " << count
                                     << " polygons, expected " << expected;
        }
    EXPECT_GT(inside, n * n / 3);
}

std::map<std::string, std::vector<size_t>> units_by_district() {
    std::map<std::string, std::vector<size_t>> out;
    for (size_t u = 0; u < demo().units.size(); ++u)
        out[demo().units[u].district_code].push_back(u);
    return out;
}

TEST(DemoTiling, DistrictsAreContiguous) {
    // Undirected edge -> units having it.
    std::map<std::pair<Key, Key>, std::vector<size_t>> owners;
    for (size_t u = 0; u < tiling().shapes.size(); ++u) {
        const Ring& r = ring_of(u);
        for (size_t i = 0; i < r.size(); ++i) {
            Key a = key(r[i]), b = key(r[(i + 1) % r.size()]);
            if (b < a) std::swap(a, b);
            owners[{a, b}].push_back(u);
        }
    }
    std::map<size_t, std::set<size_t>> neighbours;
    for (const auto& [edge, units] : owners)
        if (units.size() == 2) {
            neighbours[units[0]].insert(units[1]);
            neighbours[units[1]].insert(units[0]);
        }
    for (const auto& [district, units] : units_by_district()) {
        const std::set<size_t> members(units.begin(), units.end());
        std::set<size_t> seen = {units.front()};
        std::vector<size_t> stack = {units.front()};
        while (!stack.empty()) {
            const size_t u = stack.back();
            stack.pop_back();
            for (size_t v : neighbours[u])
                if (members.count(v) && seen.insert(v).second) stack.push_back(v);
        }
        EXPECT_EQ(seen.size(), members.size()) << "district " << district << " is not contiguous";
    }
}

Vec2 centroid(const std::vector<size_t>& units, double* total_area = nullptr) {
    double area = 0, x = 0, y = 0;
    for (size_t u : units) {
        const Ring& r = ring_of(u);
        const double a = ntm::geo::signed_area(r);
        Vec2 c{0, 0};
        for (Vec2 p : r) {
            c.x += p.x / static_cast<double>(r.size());
            c.y += p.y / static_cast<double>(r.size());
        }
        area += a;
        x += c.x * a;
        y += c.y * a;
    }
    if (total_area) *total_area = area;
    return {x / area, y / area};
}

TEST(DemoTiling, DistrictsRoughlyWhereTheRealOnesAre) {
    std::map<std::string, Vec2> c;
    std::map<std::string, double> area;
    for (const auto& [district, units] : units_by_district())
        c[district] = centroid(units, &area[district]);
    EXPECT_NEAR(c["178"].x, 106.76, 0.05);  // Thành phố Lạng Sơn
    EXPECT_NEAR(c["178"].y, 21.85, 0.05);
    for (const auto& [district, a] : area)
        if (district != "178") {
            EXPECT_GT(a, 4 * area["178"]) << district;
        }
    EXPECT_GT(c["180"].y, c["184"].y);  // Tràng Định north of Văn Quan
    EXPECT_GT(c["180"].y, 22.15);
    EXPECT_LT(c["181"].x, c["182"].x);  // Bình Gia west of Văn Lãng
    EXPECT_LT(c["185"].x, c["184"].x);  // Bắc Sơn west of Văn Quan
    EXPECT_LT(c["186"].y, 21.65);       // Hữu Lũng south-west
    EXPECT_LT(c["186"].x, c["187"].x);
    EXPECT_LT(c["187"].y, c["184"].y);  // Chi Lăng south of Văn Quan
    EXPECT_GT(c["183"].x, c["184"].x);  // Cao Lộc east of Văn Quan
    EXPECT_GT(c["188"].x, c["187"].x);  // Lộc Bình east of Chi Lăng
    for (const auto& [district, centre] : c)
        if (district != "189") {
            EXPECT_GT(c["189"].x, centre.x) << district;  // Đình Lập: far east
        }

    // Townships and wards are smaller than the average xã of their district.
    for (const auto& [district, units] : units_by_district()) {
        double xa_area = 0;
        int xa = 0;
        for (size_t u : units)
            if (demo().units[u].assessed()) {
                xa_area += ntm::geo::area(tiling().shapes[u]);
                ++xa;
            }
        for (size_t u : units)
            if (!demo().units[u].assessed()) {
                EXPECT_LT(ntm::geo::area(tiling().shapes[u]), xa_area / xa) << demo().units[u].code;
            }
    }
}

TEST(DemoTiling, Deterministic) {
    const std::vector<MultiPolygon> again = ntm::geo::make_demo_tiling(demo());
    ASSERT_EQ(again.size(), tiling().shapes.size());
    for (size_t u = 0; u < again.size(); ++u) {
        const Ring& a = again[u].parts.front().outer;
        const Ring& b = ring_of(u);
        ASSERT_EQ(a.size(), b.size());
        for (size_t i = 0; i < a.size(); ++i) {
            EXPECT_EQ(a[i].x, b[i].x);
            EXPECT_EQ(a[i].y, b[i].y);
        }
    }
}

TEST(DemoTiling, UnknownDistrictIsAnError) {
    ntm::Dataset ds = demo();
    ds.units[0].district_code = "999";
    EXPECT_THROW(ntm::geo::build_demo_tiling(ds), ntm::Error);
}

}  // namespace
