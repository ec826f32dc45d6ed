// District outlines for files whose neighbours do not share vertices: the check that tells them
// apart, and the GEOS dissolve that closes their slivers.
#include <gtest/gtest.h>

#include "geo/district_outlines.h"
#include "io/boundary_loader.h"
#include "io/district_dissolve.h"
#include "support/test_support.h"

namespace ntm::io {
namespace {

geo::MultiPolygon square(double x0, double y0, double x1, double y1, std::vector<geo::Vec2> extra_bottom = {}) {
    geo::Polygon p;
    p.outer = {{x0, y0}};
    for (geo::Vec2 v : extra_bottom) p.outer.push_back(v);
    p.outer.insert(p.outer.end(), {{x1, y0}, {x1, y1}, {x0, y1}});
    geo::MultiPolygon m;
    m.parts.push_back(p);
    return m;
}

// Six 1 km squares in two groups of three (a row each); the second row is digitised on its own:
// its vertices do not match the first row's, and it leaves a 1 m gap.
geo::MapGeometry two_rows() {
    geo::MapGeometry g;
    for (int i = 0; i < 3; ++i) g.shapes.push_back(square(i * 1000, 0, (i + 1) * 1000, 1000));
    for (int i = 0; i < 3; ++i)
        g.shapes.push_back(square(i * 1000 + 0.5, 1001, (i + 1) * 1000 - 0.5, 2000, {{i * 1000 + 500.3, 1001}}));
    return g;
}

TEST(DistrictDissolve, SharedVerticesAreRecognised) {
    const geo::MapGeometry g = two_rows();
    EXPECT_TRUE(geo::neighbours_share_vertices(g, {"a", "a", "a", "b", "b", "b"}))
        << "the first row's squares share their edges";
    EXPECT_FALSE(geo::neighbours_share_vertices(g, {"a", "a", "b", "b", "b", "b"}))
        << "the smallest group of three is the second row, whose squares leave gaps";
}

TEST(DistrictDissolve, OneRingPerGroupAcrossGaps) {
    const geo::MapGeometry g = two_rows();
    const auto rings = dissolve_group_outlines(g, {"a", "a", "a", "b", "b", "b"}, 5.0);
    ASSERT_EQ(rings.size(), 2u) << "each row is one outline: the 1 m gaps are closed";
    for (size_t i = 0; i < rings.size(); ++i) {
        geo::Bounds b;
        for (geo::Vec2 p : rings[i]) b.add(p);
        EXPECT_NEAR(b.width(), i == 0 ? 3000 : 2999, 1.5);
        EXPECT_NEAR(b.height(), i == 0 ? 1000 : 999, 1.5);
    }
    EXPECT_TRUE(dissolve_group_outlines(g, {"", "", "", "", "", ""}).empty()) << "no groups, no outlines";
}

TEST(DistrictDissolve, LangSon2009DistrictsFromCommunesWithoutSharedVertices) {
    NTM_REQUIRE_SHARED(path, "boundaries/langson_communes_2009.geojson");
    LoadOptions o;
    o.source = path;
    o.check_topology = false;
    const LoadedBoundaries b = load_boundaries(o);
    std::vector<std::string> groups;
    for (const Unit& u : b.units) groups.push_back(u.district_code.empty() ? u.district_name : u.district_code);
    EXPECT_FALSE(geo::neighbours_share_vertices(b.geometry, groups));
    const auto rings = dissolve_group_outlines(b.geometry, groups);
    // Eleven districts; a few may keep a detached islet or a real hole.
    EXPECT_GE(rings.size(), 11u);
    EXPECT_LE(rings.size(), 24u);
}

}  // namespace
}  // namespace ntm::io
