// The fast GeoJSON reader against GDAL's own driver: same layer, fields, values and geometry on
// the real files; declines what it does not take, so GDAL reads those.
#include "io/geojson_reader.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <cstdlib>
#include <fstream>
#include <vector>

#include "core/error.h"
#include "io/boundary_loader.h"
#include "io/gdal_session.h"
#include "support/test_support.h"

namespace ntm::io {
namespace {

GDALDatasetUniquePtr open_with_gdal(const std::string& path) {
    const char* drivers[] = {"GeoJSON", nullptr};
    return GDALDatasetUniquePtr(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
}

std::vector<unsigned char> wkb(const OGRGeometry& g) {
    std::vector<unsigned char> out(g.WkbSize());
    g.exportToWkb(wkbNDR, out.data(), wkbVariantIso);
    return out;
}

// Every layer property, field definition, value (as the loader reads them) and geometry (WKB,
// bit for bit) of the two datasets is the same.
void expect_same_dataset(const std::string& path) {
    ensure_gdal();
    GDALDatasetUniquePtr fast = open_geojson_fast(path);
    ASSERT_TRUE(fast) << path << ": the fast reader declined it";
    GDALDatasetUniquePtr gdal = open_with_gdal(path);
    ASSERT_TRUE(gdal);
    EXPECT_STREQ(fast->GetDriver()->GetDescription(), "GeoJSON");
    ASSERT_EQ(fast->GetLayerCount(), 1);
    ASSERT_EQ(gdal->GetLayerCount(), 1);
    OGRLayer* a = fast->GetLayer(0);
    OGRLayer* b = gdal->GetLayer(0);
    EXPECT_STREQ(a->GetName(), b->GetName());
    EXPECT_EQ(a->GetGeomType(), b->GetGeomType());
    ASSERT_EQ(a->GetFeatureCount(FALSE), b->GetFeatureCount(TRUE));
    ASSERT_TRUE(a->GetSpatialRef() && b->GetSpatialRef());
    EXPECT_TRUE(a->GetSpatialRef()->IsSame(b->GetSpatialRef()));
    EXPECT_EQ(a->GetSpatialRef()->GetDataAxisToSRSAxisMapping(), b->GetSpatialRef()->GetDataAxisToSRSAxisMapping());
    OGRFeatureDefn* da = a->GetLayerDefn();
    OGRFeatureDefn* db = b->GetLayerDefn();
    ASSERT_EQ(da->GetFieldCount(), db->GetFieldCount());
    for (int i = 0; i < da->GetFieldCount(); ++i) {
        EXPECT_STREQ(da->GetFieldDefn(i)->GetNameRef(), db->GetFieldDefn(i)->GetNameRef()) << "field " << i;
        EXPECT_EQ(da->GetFieldDefn(i)->GetType(), db->GetFieldDefn(i)->GetType()) << da->GetFieldDefn(i)->GetNameRef();
    }
    a->ResetReading();
    b->ResetReading();
    int n = 0, differences = 0;
    for (OGRFeatureUniquePtr fa(a->GetNextFeature()), fb(b->GetNextFeature()); fa || fb;
         fa.reset(a->GetNextFeature()), fb.reset(b->GetNextFeature()), ++n) {
        ASSERT_TRUE(fa && fb) << "feature " << n << " is missing on one side";
        for (int i = 0; i < da->GetFieldCount(); ++i) {
            const bool set = fa->IsFieldSetAndNotNull(i);
            if (set != bool(fb->IsFieldSetAndNotNull(i)) ||
                (set && std::string(fa->GetFieldAsString(i)) != fb->GetFieldAsString(i))) {
                if (++differences < 5)
                    ADD_FAILURE() << "feature " << n << ", field " << da->GetFieldDefn(i)->GetNameRef() << ": '"
                                  << fa->GetFieldAsString(i) << "' vs GDAL's '" << fb->GetFieldAsString(i) << "'";
            }
        }
        const OGRGeometry* ga = fa->GetGeometryRef();
        const OGRGeometry* gb = fb->GetGeometryRef();
        ASSERT_EQ(ga == nullptr, gb == nullptr) << "feature " << n;
        if (ga && wkb(*ga) != wkb(*gb) && ++differences < 5) ADD_FAILURE() << "feature " << n << ": geometry differs";
    }
    EXPECT_EQ(differences, 0);
    EXPECT_GT(n, 0);
}

struct EnvGuard {
    explicit EnvGuard(const char* value) { setenv("NTM_GEOJSON_READER", value, 1); }
    ~EnvGuard() { unsetenv("NTM_GEOJSON_READER"); }
};

LoadedBoundaries load(const std::string& path, bool fast) {
    EnvGuard env(fast ? "fast" : "gdal");
    LoadOptions o;
    o.source = path;
    o.check_topology = false;
    return load_boundaries(o);
}

// The loader gives the same units, names, codes, districts and geometry through either reader.
void expect_same_load(const std::string& path) {
    const LoadedBoundaries a = load(path, true), b = load(path, false);
    EXPECT_EQ(a.report.driver, b.report.driver);
    EXPECT_EQ(a.report.layer, b.report.layer);
    EXPECT_EQ(a.report.source_crs, b.report.source_crs);
    EXPECT_EQ(a.report.display_crs, b.report.display_crs);
    EXPECT_EQ(a.report.encoding, b.report.encoding);
    EXPECT_EQ(a.report.fields, b.report.fields);
    EXPECT_EQ(a.report.vertices, b.report.vertices);
    EXPECT_EQ(a.report.invalid_repaired, b.report.invalid_repaired);
    EXPECT_EQ(a.report.repairs.size(), b.report.repairs.size());
    EXPECT_EQ(a.province_name, b.province_name);
    EXPECT_EQ(a.grouping, b.grouping);
    EXPECT_EQ(a.geometry.crs_wkt, b.geometry.crs_wkt);
    ASSERT_EQ(a.units.size(), b.units.size());
    ASSERT_EQ(a.geometry.shapes.size(), b.geometry.shapes.size());
    for (size_t u = 0; u < a.units.size(); ++u) {
        EXPECT_EQ(a.units[u].code, b.units[u].code) << u;
        EXPECT_EQ(a.units[u].name, b.units[u].name) << u;
        EXPECT_EQ(a.units[u].kind, b.units[u].kind) << u;
        EXPECT_EQ(a.units[u].district_name, b.units[u].district_name) << u;
        EXPECT_EQ(a.units[u].district_code, b.units[u].district_code) << u;
        const auto& pa = a.geometry.shapes[u].parts;
        const auto& pb = b.geometry.shapes[u].parts;
        ASSERT_EQ(pa.size(), pb.size()) << u;
        for (size_t p = 0; p < pa.size(); ++p) {
            ASSERT_EQ(pa[p].outer.size(), pb[p].outer.size()) << u;
            for (size_t v = 0; v < pa[p].outer.size(); ++v)
                ASSERT_TRUE(pa[p].outer[v].x == pb[p].outer[v].x && pa[p].outer[v].y == pb[p].outer[v].y) << u;
            ASSERT_EQ(pa[p].holes.size(), pb[p].holes.size()) << u;
            for (size_t h = 0; h < pa[p].holes.size(); ++h) {
                ASSERT_EQ(pa[p].holes[h].size(), pb[p].holes[h].size()) << u;
                for (size_t v = 0; v < pa[p].holes[h].size(); ++v)
                    ASSERT_TRUE(pa[p].holes[h][v].x == pb[p].holes[h][v].x && pa[p].holes[h][v].y == pb[p].holes[h][v].y);
            }
        }
    }
}

TEST(GeoJsonReader, LangSon2025IsReadAsGdalReadsIt) {
    NTM_REQUIRE_SHARED(path, "boundaries/langson_communes_2025.geojson");
    expect_same_dataset(path);
    expect_same_load(path);
}

TEST(GeoJsonReader, LangSon2009IsReadAsGdalReadsIt) {
    // Integer and real properties, a CRS84 "crs" member, no feature ids.
    NTM_REQUIRE_SHARED(path, "boundaries/langson_communes_2009.geojson");
    expect_same_dataset(path);
    expect_same_load(path);
}

TEST(GeoJsonReader, NationalFileIsReadAsGdalReadsIt) {
    NTM_REQUIRE_SHARED(path, "boundaries/vn_communes_2025.geojson.gz");
    expect_same_dataset("/vsigzip/" + path);
}

std::string write(const std::string& name, const std::string& text) {
    const std::string path = ntm::test::temp_dir("geojson") + "/" + name;
    std::ofstream(path) << text;
    return path;
}

std::string collection(const std::string& properties, const std::string& geometry,
                       const std::string& extra = "", const std::string& id = "") {
    return "{\"type\":\"FeatureCollection\"" + extra + ",\"features\":[{\"type\":\"Feature\"" + id +
           ",\"properties\":" + properties + ",\"geometry\":" + geometry + "}]}";
}

const char* kSquare = R"({"type":"Polygon","coordinates":[[[106,21],[106.1,21],[106.1,21.1],[106,21.1],[106,21]]]})";

TEST(GeoJsonReader, SmallFileWithNullsAndMixedNumbersMatchesGdal) {
    const std::string text =
        R"({"type":"FeatureCollection","name":"xa","bbox":[0,0,1,1],"features":[)"
        R"({"type":"Feature","properties":{"ma":"00001","n":1,"r":2,"e":null,"big":3,"s":"a\"{b}\\"},"geometry":)" +
        std::string(kSquare) +
        R"(},{"properties":{"ma":"00002","n":2.5,"r":null,"e":null,"big":5000000000,"s":"ư"},"geometry":null,"type":"Feature"})"
        R"(,{"type":"Feature","properties":null,"geometry":{"coordinates":[],"type":"MultiPolygon"}}]})";
    expect_same_dataset(write("small.geojson", text));
}

TEST(GeoJsonReader, LayerNamedAfterTheFileWithoutNameMember) {
    const std::string text =
        R"({"type":"FeatureCollection","features":[{"type":"Feature","id":"a","properties":{"k":1},"geometry":)" +
        std::string(kSquare) +
        R"(},{"type":"Feature","id":"b","properties":{"k":2},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]]]}}]})";
    expect_same_dataset(write("communes_x.geojson", text));
}

TEST(GeoJsonReader, DeclinesWhatGdalShouldRead) {
    ensure_gdal();
    const std::string props = R"({"ma":"00001"})";
    const std::vector<std::pair<const char*, std::string>> declined = {
        {"boolean", collection(R"({"ok":true})", kSquare)},
        {"array value", collection(R"({"a":[1,2]})", kSquare)},
        {"date", collection(R"({"d":"2025-07-01"})", kSquare)},
        {"string and number", collection(R"({"a":"x"})", kSquare) + ""},
        {"numeric id", collection(props, kSquare, "", ",\"id\":7")},
        {"projected crs", collection(props, kSquare, R"(,"crs":{"type":"name","properties":{"name":"EPSG:3405"}})")},
        {"point", collection(props, R"({"type":"Point","coordinates":[106,21]})")},
        {"3D position", collection(props, R"({"type":"Polygon","coordinates":[[[106,21,5],[106.1,21,5],[106,21.1,5],[106,21,5]]]})")},
        {"syntax error", collection(props, kSquare).substr(0, 80)},
        {"trailing text", collection(props, kSquare) + " x"},
        {"a single feature", R"({"type":"Feature","properties":{},"geometry":null})"},
    };
    for (const auto& [what, text] : declined) {
        if (std::string(what) == "string and number") continue;  // below, needs two features
        EXPECT_FALSE(open_geojson_fast(write("declined.geojson", text))) << what;
    }
    const std::string mixed = R"({"type":"FeatureCollection","features":[)"
                              R"({"type":"Feature","properties":{"a":"x"},"geometry":null},)"
                              R"({"type":"Feature","properties":{"a":1},"geometry":null}]})";
    EXPECT_FALSE(open_geojson_fast(write("mixed.geojson", mixed)));
    EXPECT_FALSE(open_geojson_fast(write("shape.shp", collection(props, kSquare)))) << "not a .geojson name";
    EXPECT_TRUE(open_geojson_fast(write("ok.geojson", collection(props, kSquare))));
    {
        EnvGuard off("gdal");
        EXPECT_FALSE(open_geojson_fast(write("off.geojson", collection(props, kSquare))));
    }
}

TEST(GeoJsonReader, LoaderFallsBackToGdalForDeclinedFiles) {
    // A boolean property: the fast reader declines, GDAL reads it, the units load the same.
    const std::string text = R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)"
                             R"({"ma_xa":"00001","ten_xa":"Xã A","ok":true},"geometry":)" +
                             std::string(kSquare) + "}]}";
    const std::string path = write("fallback.geojson", text);
    const LoadedBoundaries a = load(path, true);
    ASSERT_EQ(a.units.size(), 1u);
    EXPECT_EQ(a.units[0].code, "00001");
    EXPECT_EQ(a.units[0].name, "A");
    EXPECT_EQ(a.report.driver, "GeoJSON");
}

}  // namespace
}  // namespace ntm::io
