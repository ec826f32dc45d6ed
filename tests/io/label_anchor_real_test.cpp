// Label anchors and picking on real boundaries (skipped when ../shared is absent).
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "geo/label_anchor.h"
#include "geo/picking.h"
#include "io/boundary_loader.h"
#include "support/test_support.h"

namespace {

ntm::io::LoadedBoundaries load(const std::string& path) {
    ntm::io::LoadOptions o;
    o.source = path;
    o.check_topology = false;
    return ntm::io::load_boundaries(o);
}

TEST(LabelAnchorReal, LangSon2025AnchorsAreInsideAndPickTheirUnit) {
    NTM_REQUIRE_SHARED(path, "boundaries/langson_communes_2025.geojson");
    const ntm::io::LoadedBoundaries b = load(path);
    const ntm::geo::MapGeometry& g = b.geometry;
    ASSERT_EQ(g.shapes.size(), b.units.size());
    ASSERT_GT(g.shapes.size(), 50u);
    const auto anchors = ntm::geo::label_anchors(g, 2);
    const ntm::geo::PickingIndex picking(g);
    ASSERT_EQ(anchors.size(), g.shapes.size());
    for (size_t u = 0; u < g.shapes.size(); ++u) {
        const ntm::geo::LabelAnchor& a = anchors[u];
        ASSERT_TRUE(a.valid()) << b.units[u].code;
        EXPECT_TRUE(ntm::geo::contains(g.shapes[u], a.point)) << b.units[u].code;
        EXPECT_TRUE(ntm::geo::contains(g.shapes[u].parts[size_t(a.part)], a.point)) << b.units[u].code;
        // Communes are kilometres across: the label circle is at least a few hundred metres.
        EXPECT_GT(a.radius, 300) << b.units[u].code;
        EXPECT_EQ(picking.unit_at(a.point), int(u)) << b.units[u].code;
        // A small box around the anchor selects the unit, and only it.
        const ntm::geo::Bounds around{a.point.x - a.radius / 2, a.point.y - a.radius / 2,
                                      a.point.x + a.radius / 2, a.point.y + a.radius / 2};
        EXPECT_EQ(picking.units_in_box(around), std::vector<int>({int(u)})) << b.units[u].code;
    }
    // The whole province, selected by its bounds.
    EXPECT_EQ(picking.units_in_box(g.bounds(), true).size(), g.shapes.size());
}

TEST(LabelAnchorReal, LangSon2009DistrictAnchorsLieInTheirDistrict) {
    NTM_REQUIRE_SHARED(path, "boundaries/langson_communes_2009.geojson");
    const ntm::io::LoadedBoundaries b = load(path);
    const ntm::geo::MapGeometry& g = b.geometry;
    std::map<std::string, std::vector<int>> districts;
    for (size_t u = 0; u < b.units.size(); ++u)
        if (!b.units[u].district_name.empty() || !b.units[u].district_code.empty())
            districts[b.units[u].district_code + "|" + b.units[u].district_name].push_back(int(u));
    if (districts.size() < 2) GTEST_SKIP() << "no district fields in " << path;
    const auto anchors = ntm::geo::label_anchors(g, 2);
    const ntm::geo::PickingIndex picking(g);
    for (const auto& [district, members] : districts) {
        const ntm::geo::LabelAnchor a = ntm::geo::group_label_anchor(g, anchors, members);
        ASSERT_TRUE(a.valid()) << district;
        const int u = picking.unit_at(a.point);
        EXPECT_NE(std::find(members.begin(), members.end(), u), members.end()) << district;
    }
}

}  // namespace
