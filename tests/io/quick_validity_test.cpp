// The cheap validity proof never vouches for a polygon GEOS finds invalid, on synthetic cases and
// on every polygon of the real boundary files, and vouches for most real communes.
#include "io/quick_validity.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <memory>

#include "io/gdal_session.h"
#include "io/ogr_convert.h"
#include "support/test_support.h"

namespace ntm::io {
namespace {

std::unique_ptr<OGRGeometry> wkt(const char* text) {
    OGRGeometry* g = nullptr;
    EXPECT_EQ(OGRGeometryFactory::createFromWkt(text, nullptr, &g), OGRERR_NONE) << text;
    return std::unique_ptr<OGRGeometry>(g);
}

bool vouched(const OGRGeometry& g) {
    geo::MultiPolygon shape;
    int duplicates = 0;
    append_ogr(g, shape, &duplicates);
    return certainly_valid(g, shape);
}

TEST(QuickValidity, SyntheticCases) {
    ensure_gdal();
    struct Case {
        const char* wkt;
        bool vouched;
    };
    const Case cases[] = {
        {"POLYGON ((0 0,1 0,1 1,0 1,0 0))", true},
        {"MULTIPOLYGON (((0 0,1 0,1 1,0 1,0 0)))", true},
        {"POLYGON ((0 0,1 0,1 0,1 1,0 1,0 0))", true},        // a repeated vertex is valid
        {"POLYGON ((0 0,2 0,2 1,1 1,1 1,0 1,0 0))", true},
        {"POLYGON ((0 0,1 1,1 0,0 1,0 0))", false},           // bow tie
        {"POLYGON ((0 0,2 0,1 1,2 2,0 2,1 1,0 0))", false},   // touches itself at a vertex
        {"POLYGON ((0 0,2 0,2 1,3 1,2 1,2 2,0 2,0 0))", false},  // spike out and back
        {"POLYGON ((0 0,1 0,2 0,0 0))", false},               // no area
        {"POLYGON ((0 0,4 0,4 4,2 4,2 0,1 4,0 4,0 0))", false},      // a vertex on the base edge
        {"POLYGON ((0 0,4 0,4 4,2 4,2 1e-14,1 4,0 4,0 0))", true},   // just above it: valid, and shown
        {"POLYGON ((0 0,1 0,1 1,0 1,0 0),(0.2 0.2,0.4 0.2,0.4 0.4,0.2 0.2))", false},  // holes: GEOS
        {"MULTIPOLYGON (((0 0,1 0,1 1,0 0)),((2 2,3 2,3 3,2 2)))", false},              // two parts: GEOS
    };
    for (const Case& c : cases) {
        const auto g = wkt(c.wkt);
        EXPECT_EQ(vouched(*g), c.vouched) << c.wkt;
        if (vouched(*g)) EXPECT_TRUE(g->IsValid()) << c.wkt;
    }
    // An unclosed ring: GEOS refuses it, so no proof either.
    OGRPolygon open;
    auto* ring = new OGRLinearRing;
    ring->addPoint(0, 0);
    ring->addPoint(1, 0);
    ring->addPoint(1, 1);
    ring->addPoint(0, 1);
    open.addRingDirectly(ring);
    EXPECT_FALSE(vouched(open));
}

void every_polygon_agrees_with_geos(const std::string& path, double min_share) {
    ensure_gdal();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(ds) << path;
    OGRLayer* layer = ds->GetLayer(0);
    int features = 0, proved = 0;
    for (OGRFeatureUniquePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature())) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g) continue;
        ++features;
        if (!vouched(*g)) continue;
        ++proved;
        EXPECT_TRUE(g->IsValid()) << path << ": feature " << f->GetFID() << " vouched for but invalid";
    }
    EXPECT_GT(features, 0);
    EXPECT_GE(proved, min_share * features) << proved << " of " << features;
}

TEST(QuickValidity, RealLangSonFilesNeverDisagreeWithGeos) {
    NTM_REQUIRE_SHARED(a, "boundaries/langson_communes_2025.geojson");
    NTM_REQUIRE_SHARED(b, "boundaries/langson_communes_2009.geojson");
    every_polygon_agrees_with_geos(a, 0.5);
    every_polygon_agrees_with_geos(b, 0.5);
}

TEST(QuickValidity, RealNationalFileNeverDisagreesWithGeos) {
    NTM_REQUIRE_SHARED(vn, "boundaries/vn_communes_2025.geojson.gz");
    every_polygon_agrees_with_geos("/vsigzip/" + vn, 0.5);
}

}  // namespace
}  // namespace ntm::io
