// The transverse Mercator series (geo/transverse_mercator.h) against PROJ's exact transverse
// Mercator: under a millimetre on every vertex of the real boundary files and at the edge of its
// reach; used only where it applies (WGS 84 to a transverse Mercator on WGS 84).
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <cstdio>

#include "io/crs.h"
#include "io/gdal_session.h"
#include "io/geojson_reader.h"
#include "support/test_support.h"

namespace ntm::io {
namespace {

std::vector<geo::Vec2> all_vertices(const std::string& path) {
    ensure_gdal();
    GDALDatasetUniquePtr ds = open_geojson_fast(path);  // GDAL's own reader takes ~10 s nationally
    if (!ds) ds.reset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    EXPECT_TRUE(ds) << path;
    std::vector<geo::Vec2> out;
    if (!ds) return out;
    OGRLayer* layer = ds->GetLayer(0);
    for (auto& f : *layer) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g) continue;
        auto ring = [&](const OGRLinearRing* r) {
            for (int i = 0; i < r->getNumPoints(); ++i) out.push_back({r->getX(i), r->getY(i)});
        };
        auto polygon = [&](const OGRPolygon* p) {
            ring(p->getExteriorRing());
            for (int i = 0; i < p->getNumInteriorRings(); ++i) ring(p->getInteriorRing(i));
        };
        if (wkbFlatten(g->getGeometryType()) == wkbPolygon) polygon(g->toPolygon());
        else
            for (const OGRPolygon* p : *g->toMultiPolygon()) polygon(p);
    }
    return out;
}

// Largest distance (m) between the series and PROJ over `points`, in the CRS `definition`.
double worst_difference(const std::vector<geo::Vec2>& points, const std::string& definition) {
    const auto wgs84 = make_srs("EPSG:4326", "WGS 84");
    const auto tmerc = make_srs(definition, "test");
    const std::optional<geo::TransverseMercator> tm = series_projection(*wgs84, *tmerc, points);
    EXPECT_TRUE(tm) << definition;
    if (!tm) return 1e9;
    std::vector<geo::Vec2> ours = points, theirs = points;
    tm->forward(ours);
    EXPECT_TRUE(transform_points(*make_transform(*wgs84, *tmerc), theirs));
    double worst = 0;
    for (size_t i = 0; i < points.size(); ++i)
        worst = std::max(worst, std::hypot(ours[i].x - theirs[i].x, ours[i].y - theirs[i].y));
    return worst;
}

// The national display CRS (what choose_display_crs picks for the national file).
std::string national_crs(const std::vector<geo::Vec2>& points) {
    geo::Bounds b;
    for (const geo::Vec2& v : points) b.add(v);
    return choose_display_crs(b).definition;
}

TEST(TransverseMercatorSeries, EveryNationalVertexWithinAMillimetreOfProj) {
    NTM_REQUIRE_SHARED(vn, "boundaries/vn_communes_2025.geojson.gz");
    const std::vector<geo::Vec2> points = all_vertices("/vsigzip/" + vn);
    ASSERT_GT(points.size(), 7000000u);
    const std::string crs = national_crs(points);
    ASSERT_EQ(crs.rfind("+proj=tmerc", 0), 0u) << crs;
    const double worst = worst_difference(points, crs);
    std::printf("national: %zu vertices, worst difference %.3g m\n", points.size(), worst);
    EXPECT_LT(worst, 1e-3);
    // Also against a standard zone (UTM 48N) the vertices are up to ~7° away from (every tenth).
    std::vector<geo::Vec2> tenth;
    for (size_t i = 0; i < points.size(); i += 10) tenth.push_back(points[i]);
    EXPECT_LT(worst_difference(tenth, "EPSG:32648"), 1e-3);
}

TEST(TransverseMercatorSeries, EveryLangSonVertexWithinAMillimetreOfProj) {
    for (const char* file : {"boundaries/langson_communes_2025.geojson", "boundaries/langson_communes_2009.geojson"}) {
        const std::string path = test::shared_data(file);
        if (path.empty()) GTEST_SKIP() << "../shared/data/" << file << " is absent; skipping";
        const std::vector<geo::Vec2> points = all_vertices(path);
        ASSERT_GT(points.size(), 5000u) << file;
        // (The province's own display CRS is VN-2000, which the series does not stand in for.)
        EXPECT_LT(worst_difference(points, "+proj=tmerc +lon_0=107.25 +k=0.9999 +x_0=500000 +datum=WGS84 +units=m"), 1e-3)
            << file;
    }
}

TEST(TransverseMercatorSeries, WithinAMillimetreToTheEdgeOfItsReach) {
    std::vector<geo::Vec2> grid;
    for (double lat = -84; lat <= 84; lat += 3)
        for (double dlon = -kSeriesReach; dlon <= kSeriesReach; dlon += 2.5) grid.push_back({105 + dlon, lat});
    EXPECT_LT(worst_difference(grid, "+proj=tmerc +lon_0=105 +k=0.9999 +x_0=500000 +datum=WGS84 +units=m"), 1e-3);
    // Far from the meridian the series is not used for a ring.
    geo::TransverseMercator tm;
    tm.lon0 = 105;
    EXPECT_TRUE(within_series_reach(tm, {{105 + kSeriesReach, 10}}));
    EXPECT_FALSE(within_series_reach(tm, {{105, 10}, {105 + kSeriesReach + 0.1, 10}}));
    EXPECT_FALSE(within_series_reach(tm, {{105, 85}}));
}

TEST(TransverseMercatorSeries, OnlyWhereItApplies) {
    const std::vector<geo::Vec2> sample{{106.5, 21.8}, {107.2, 22.3}};
    const auto wgs84 = make_srs("EPSG:4326", "WGS 84");
    // VN-2000 has its own datum (a shift from WGS 84): PROJ's business.
    EXPECT_FALSE(series_projection(*wgs84, *make_srs("EPSG:9215", "t"), sample));
    EXPECT_FALSE(series_projection(*wgs84, *make_srs("EPSG:3405", "t"), sample));
    // Not a transverse Mercator; a source that is not WGS 84; a latitude of origin off the equator.
    EXPECT_FALSE(series_projection(*wgs84, *make_srs("EPSG:3857", "t"), sample));
    EXPECT_FALSE(series_projection(*make_srs("EPSG:4756", "t"), *make_srs("EPSG:32648", "t"), sample));
    EXPECT_FALSE(series_projection(*wgs84, *make_srs("+proj=tmerc +lat_0=10 +lon_0=105 +datum=WGS84 +units=m", "t"), sample));
    // Nothing within reach to check it on.
    EXPECT_FALSE(series_projection(*wgs84, *make_srs("EPSG:32648", "t"), {{-60, 0}}));
    // A UTM zone on WGS 84 does apply, with its parameters as read.
    const auto utm = series_projection(*wgs84, *make_srs("EPSG:32648", "t"), sample);
    ASSERT_TRUE(utm);
    EXPECT_DOUBLE_EQ(utm->lon0, 105);
    EXPECT_DOUBLE_EQ(utm->k0, 0.9996);
    EXPECT_DOUBLE_EQ(utm->false_easting, 500000);
    // A known point: 105 °E on the equator is the false easting.
    const geo::Vec2 origin = utm->forward({105, 0});
    EXPECT_NEAR(origin.x, 500000, 1e-9);
    EXPECT_NEAR(origin.y, 0, 1e-9);
}

}  // namespace
}  // namespace ntm::io
