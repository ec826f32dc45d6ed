// The bundled 2025 boundaries (data/geo/, simplified) load cleanly and match the merger list; the
// demo with two boundary versions survives the dataset GeoPackage.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "core/demo.h"
#include "geo/demo_tiling.h"
#include "io/boundary_loader.h"
#include "io/crs.h"
#include "io/dataset_file.h"
#include "support/test_support.h"

namespace {

using ntm::Date;

const std::string kBundled = std::string(NTM_TEST_DATA_DIR) + "/../../data/geo/";

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const ntm::Dataset& demo() {
    static const ntm::Dataset d = ntm::demo::make_demo_dataset_2026(
        ntm::demo::parse_merger_list(read_text(kBundled + "langson_merger_2025-07.csv")));
    return d;
}

ntm::io::LoadedBoundaries load_bundled() {
    ntm::io::LoadOptions o;
    o.source = kBundled + "langson_communes_2025_simplified.geojson";
    o.display_crs = "EPSG:9215";
    return ntm::io::load_boundaries(o);
}

TEST(Demo2025Files, BundledBoundariesMatchTheMergerList) {
    const ntm::io::LoadedBoundaries b = load_bundled();
    ASSERT_EQ(b.units.size(), 65u);
    EXPECT_EQ(b.grouping, ntm::Grouping::None);
    EXPECT_EQ(b.report.invalid_repaired, 0);
    EXPECT_EQ(b.report.degenerate_parts_removed, 0);
    EXPECT_EQ(b.report.duplicate_vertices_removed, 0);
    EXPECT_LE(b.report.overlap_pairs, 1);  // 06565 / 06601, as in the source
    EXPECT_NE(b.geometry.crs_name.find("9215"), std::string::npos);
    std::set<std::string> loaded, listed;
    for (const ntm::Unit& u : b.units) loaded.insert(u.code);
    for (const ntm::Unit& u : demo().units)
        if (u.version == 1) listed.insert(u.code);
    EXPECT_EQ(loaded, listed);
    for (size_t i = 0; i < b.units.size(); ++i) {
        const int u = demo().find_unit(b.units[i].code, Date::from_ymd(2025, 7, 1));
        ASSERT_GE(u, 0);
        EXPECT_EQ(b.units[i].kind, demo().units[u].kind) << b.units[i].code;
        EXPECT_EQ(b.units[i].name, demo().units[u].name) << b.units[i].code;
        EXPECT_FALSE(b.geometry.shapes[i].parts.empty());
    }
}

TEST(Demo2025Files, RoundTripKeepsVersionsAndLineage) {
    const ntm::Dataset& d = demo();
    // Geometry as `ntm-atlas demo` makes it: the schematic 2020 cells, the bundled 2025 shapes.
    ntm::Dataset units_2020;
    for (const ntm::Unit& u : d.units)
        if (u.version == 0) units_2020.units.push_back(u);
    ntm::geo::MapGeometry g = ntm::io::project_lonlat(ntm::geo::make_demo_tiling(units_2020));
    const ntm::io::LoadedBoundaries b = load_bundled();
    ASSERT_EQ(g.crs_wkt, b.geometry.crs_wkt);
    for (const ntm::Unit& u : d.units)
        if (u.version == 1)
            for (size_t i = 0; i < b.units.size(); ++i)
                if (b.units[i].code == u.code) g.shapes.push_back(b.geometry.shapes[i]);
    ASSERT_EQ(g.shapes.size(), d.units.size());

    const std::string path = ntm::test::temp_dir("demo2025") + "/d.gpkg";
    ntm::io::save_dataset(path, d, g);
    const ntm::io::DatasetFile f = ntm::io::load_dataset(path);
    const ntm::Dataset& r = f.dataset;
    ASSERT_EQ(r.versions.size(), 2u);
    for (size_t v = 0; v < 2; ++v) {
        EXPECT_EQ(r.versions[v].id, d.versions[v].id);
        EXPECT_EQ(r.versions[v].name, d.versions[v].name);
        EXPECT_EQ(r.versions[v].valid_from, d.versions[v].valid_from);
        EXPECT_EQ(r.versions[v].valid_to, d.versions[v].valid_to);
        EXPECT_EQ(r.versions[v].grouping, d.versions[v].grouping);
    }
    ASSERT_EQ(r.units.size(), d.units.size());
    for (size_t u = 0; u < d.units.size(); ++u) {
        EXPECT_EQ(r.units[u].code, d.units[u].code);
        EXPECT_EQ(r.units[u].version, d.units[u].version);
        EXPECT_EQ(r.units[u].commune_group, d.units[u].commune_group) << d.units[u].code;
    }
    ASSERT_EQ(r.lineage.size(), d.lineage.size());
    for (size_t i = 0; i < d.lineage.size(); ++i) {
        EXPECT_EQ(r.lineage[i].from, d.lineage[i].from);
        EXPECT_EQ(r.lineage[i].to, d.lineage[i].to);
        EXPECT_EQ(r.lineage[i].date, d.lineage[i].date);
    }
    EXPECT_EQ(r.observations.size(), d.observations.size());
    EXPECT_EQ(r.recognitions.size(), d.recognitions.size());
    const int ba_son = r.find_unit("06196", Date::from_ymd(2025, 7, 1));
    ASSERT_GE(ba_son, 0);
    EXPECT_EQ(r.units[ba_son].name, "Ba Sơn");
    EXPECT_EQ(r.predecessors(ba_son).size(), 3u);
    ASSERT_EQ(f.geometry.shapes.size(), d.units.size());
}

}  // namespace
