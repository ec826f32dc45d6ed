#include "io/boundary_loader.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <cstdio>
#include <fstream>

#include "core/error.h"
#include "io/gdal_session.h"
#include "io/text_encoding.h"
#include "support/test_support.h"

namespace fs = std::filesystem;

namespace ntm::io {
namespace {

// Loads `source` and returns the error message, or "" when it loaded.
std::string load_error(const LoadOptions& o) {
    try {
        load_boundaries(o);
        return "";
    } catch (const Error& e) {
        return e.what();
    }
}

LoadOptions options(const std::string& source) {
    LoadOptions o;
    o.source = source;
    return o;
}

struct FixtureUnit {
    std::string code, name;  // name with its kind prefix, UTF-8
    double lon, lat;         // south-west corner of a 0.02° square
};

// Writes a polygon shapefile (or any OGR format) with fields ma_xa, ten_xa and huyen.
// Text is written as the raw bytes of `encoding`; `srs` is the layer CRS (may be null).
void write_units(const std::string& path, const std::vector<FixtureUnit>& units,
                 const std::string& encoding = "UTF-8", const char* driver_name = "ESRI Shapefile",
                 const char* srs_def = "EPSG:4326", OGRwkbGeometryType type = wkbPolygon) {
    ensure_gdal();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
    ASSERT_NE(driver, nullptr);
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_TRUE(ds);
    OGRSpatialReference srs;
    if (srs_def) {
        srs.SetFromUserInput(srs_def);
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    }
    const char* raw[] = {"ENCODING=", nullptr};
    OGRLayer* layer = ds->CreateLayer("units", srs_def ? &srs : nullptr, type,
                                      std::string(driver_name) == "ESRI Shapefile" ? const_cast<char**>(raw) : nullptr);
    ASSERT_NE(layer, nullptr);
    for (const char* name : {"ma_xa", "ten_xa", "huyen"}) {
        OGRFieldDefn f(name, OFTString);
        f.SetWidth(60);
        layer->CreateField(&f);
    }
    OGRCoordinateTransformation* ct = nullptr;
    if (srs_def && std::string(srs_def) != "EPSG:4326") {
        OGRSpatialReference wgs;
        wgs.SetFromUserInput("EPSG:4326");
        wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        ct = OGRCreateCoordinateTransformation(&wgs, &srs);
    }
    for (const FixtureUnit& u : units) {
        OGRFeature f(layer->GetLayerDefn());
        f.SetField("ma_xa", u.code.c_str());
        f.SetField("ten_xa", encode_text(u.name, encoding).c_str());
        f.SetField("huyen", encode_text("Huyện Cao Lộc", encoding).c_str());
        if (type == wkbPoint) {
            OGRPoint p(u.lon, u.lat);
            f.SetGeometry(&p);
        } else {
            OGRLinearRing ring;
            const double s = 0.02;
            for (auto [x, y] : {std::pair{0.0, 0.0}, {s, 0.0}, {s, s}, {0.0, s}, {0.0, 0.0}})
                ring.addPoint(u.lon + x, u.lat + y);
            OGRPolygon poly;
            poly.addRing(&ring);
            if (ct) poly.transform(ct);
            f.SetGeometry(&poly);
        }
        ASSERT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
    }
    if (ct) OGRCoordinateTransformation::DestroyCT(ct);
}

const std::vector<FixtureUnit> kUnits = {
    {"06184", "Xã Đồng Đăng", 106.70, 21.95},
    {"06187", "Thị trấn Cao Lộc", 106.72, 21.95},
    {"05971", "Phường Hoàng Văn Thụ", 106.74, 21.95},
    {"06190", "Xã Quốc Khánh", 106.70, 21.97},
    {"06193", "Xã Hồng Phong", 106.72, 21.97},
};

// --- real files ------------------------------------------------------------------------------

TEST(BoundaryLoader, LangSon2025) {
    NTM_REQUIRE_SHARED(path, "boundaries/langson_communes_2025.geojson");
    const LoadedBoundaries b = load_boundaries(options(path));
    const LoadReport& r = b.report;
    EXPECT_EQ(r.features, 65);
    EXPECT_EQ(b.units.size(), 65u);
    EXPECT_EQ(r.units_per_kind.at(UnitKind::Xa), 61);
    EXPECT_EQ(r.units_per_kind.at(UnitKind::Phuong), 4);
    EXPECT_EQ(r.units_per_kind.count(UnitKind::Unknown), 0u);
    EXPECT_EQ(r.display_crs, "EPSG:9215 VN-2000 / TM-3 107-15");
    EXPECT_EQ(r.fields.at("code"), "code");
    EXPECT_EQ(r.fields.at("name"), "name");
    EXPECT_EQ(r.duplicate_vertices_removed, 2298);
    EXPECT_GE(r.degenerate_parts_removed, 1);
    EXPECT_GT(r.rings_reoriented, 60);  // exterior rings are clockwise in this file
    bool degenerate_06184 = false;
    for (const Repair& rep : r.repairs)
        if (rep.unit_code == "06184" && rep.what.find("degenerate part") != std::string::npos) degenerate_06184 = true;
    EXPECT_TRUE(degenerate_06184);
    // 06325's fullName is lower-case ("xã Bắc Sơn"): still a xã.
    for (const Unit& u : b.units)
        if (u.code == "06325") {
            EXPECT_EQ(u.kind, UnitKind::Xa);
            EXPECT_EQ(u.name, "Bắc Sơn");
        }
    EXPECT_TRUE(r.topology_checked);
    // Projected to metres around false easting 500 000 m.
    const geo::Bounds bounds = b.geometry.bounds();
    EXPECT_GT(bounds.min_x, 350000);
    EXPECT_LT(bounds.max_x, 520000);
    EXPECT_GT(bounds.min_y, 2350000);
    EXPECT_LT(bounds.max_y, 2500000);
    for (const geo::MultiPolygon& s : b.geometry.shapes)
        for (const geo::Polygon& p : s.parts) EXPECT_GT(geo::signed_area(p.outer), 0);
}

TEST(BoundaryLoader, LangSon2009WithDistrictsAndOverlaps) {
    NTM_REQUIRE_SHARED(path, "boundaries/langson_communes_2009.geojson");
    const LoadedBoundaries b = load_boundaries(options(path));
    const LoadReport& r = b.report;
    EXPECT_EQ(r.features, 226);
    EXPECT_EQ(r.units_per_kind.at(UnitKind::Xa), 207);
    EXPECT_EQ(r.units_per_kind.at(UnitKind::ThiTran), 14);
    EXPECT_EQ(r.units_per_kind.at(UnitKind::Phuong), 5);
    EXPECT_EQ(r.units_per_district.size(), 11u);
    EXPECT_EQ(r.fields.at("name"), "commune_vn");
    EXPECT_EQ(r.fields.at("district"), "district_vn");
    EXPECT_EQ(r.display_crs, "EPSG:9215 VN-2000 / TM-3 107-15");
    EXPECT_TRUE(r.topology_checked);
    EXPECT_GT(r.overlap_pairs, 100);
    EXPECT_GT(r.gaps, 0);
    ASSERT_FALSE(r.worst_overlaps.empty());
    EXPECT_GE(r.worst_overlaps.front().area_m2, r.worst_overlaps.back().area_m2);
    EXPECT_NE(r.text().find("Overlaps:"), std::string::npos);
}

// --- encodings and projections ---------------------------------------------------------------

class EncodedShapefile : public ::testing::TestWithParam<std::string> {};

TEST_P(EncodedShapefile, IsDetectedWithoutCpg) {
    const std::string dir = test::temp_dir("enc");
    const std::string shp = dir + "/units.shp";
    write_units(shp, kUnits, GetParam());
    fs::remove(dir + "/units.cpg");
    const LoadedBoundaries b = load_boundaries(options(shp));
    EXPECT_EQ(b.report.encoding, GetParam());
    ASSERT_EQ(b.units.size(), 5u);
    EXPECT_EQ(b.units[0].name, "Đồng Đăng");
    EXPECT_EQ(b.units[0].kind, UnitKind::Xa);
    EXPECT_EQ(b.units[1].name, "Cao Lộc");
    EXPECT_EQ(b.units[1].kind, UnitKind::ThiTran);
    EXPECT_EQ(b.units[2].name, "Hoàng Văn Thụ");
    EXPECT_EQ(b.units[2].kind, UnitKind::Phuong);
    EXPECT_EQ(b.units[3].name, "Quốc Khánh");
    EXPECT_EQ(b.units[0].district_name, "Huyện Cao Lộc");
}

INSTANTIATE_TEST_SUITE_P(Legacy, EncodedShapefile, ::testing::Values("UTF-8", "CP1258", "TCVN3", "VNI"));

TEST(BoundaryLoader, CpgAndExplicitEncodingWin) {
    const std::string dir = test::temp_dir("cpg");
    const std::string shp = dir + "/units.shp";
    write_units(shp, kUnits, "CP1258");
    std::ofstream(dir + "/units.cpg") << "1258";
    LoadedBoundaries b = load_boundaries(options(shp));
    EXPECT_EQ(b.report.encoding, "CP1258");
    EXPECT_NE(b.report.encoding_reason.find("units.cpg"), std::string::npos);
    EXPECT_EQ(b.units[0].name, "Đồng Đăng");
    LoadOptions o = options(shp);
    o.encoding = "CP1258";
    b = load_boundaries(o);
    EXPECT_EQ(b.report.encoding_reason, "given with --encoding");
    o.encoding = "klingon";
    EXPECT_EQ(load_error(o), shp + ": --encoding: unknown text encoding 'klingon' (known: UTF-8, CP1258, TCVN3, VNI, and any iconv name)");
}

TEST(BoundaryLoader, EthIsFoldedToDWithStroke) {
    const std::string dir = test::temp_dir("eth");
    const std::string path = dir + "/units.geojson";
    std::vector<FixtureUnit> units = kUnits;
    units[0].name = "X\u00e3 \u00d0\u1ed3ng \u00d0\u0103ng";  // Ð (U+00D0), as some files have it
    write_units(path, units, "UTF-8", "GeoJSON");
    const LoadedBoundaries b = load_boundaries(options(path));
    EXPECT_EQ(b.units[0].name, "Đồng Đăng");
    EXPECT_EQ(b.units[0].search_key, "dong dang");
}

TEST(BoundaryLoader, Vn2000SourceLandsWhereTheWgs84OneDoes) {
    const std::string dir = test::temp_dir("vn2000");
    write_units(dir + "/wgs.shp", kUnits);
    write_units(dir + "/vn2000.shp", kUnits, "UTF-8", "ESRI Shapefile", "EPSG:9210");  // VN-2000 / UTM 48N
    const LoadedBoundaries a = load_boundaries(options(dir + "/wgs.shp"));
    const LoadedBoundaries b = load_boundaries(options(dir + "/vn2000.shp"));
    EXPECT_NE(b.report.source_crs.find("9210"), std::string::npos);
    EXPECT_EQ(b.report.display_crs, "EPSG:9215 VN-2000 / TM-3 107-15");
    const geo::Vec2 pa = a.geometry.shapes[0].parts[0].outer[0];
    const geo::Vec2 pb = b.geometry.shapes[0].parts[0].outer[0];
    // The same corner within a few metres (datum shift approximations differ slightly).
    EXPECT_NEAR(pa.x, pb.x, 5.0);
    EXPECT_NEAR(pa.y, pb.y, 5.0);
}

TEST(BoundaryLoader, MissingPrjWithLonLatIsAssumedWgs84) {
    const std::string dir = test::temp_dir("noprj");
    write_units(dir + "/units.shp", kUnits);
    fs::remove(dir + "/units.prj");
    const LoadedBoundaries b = load_boundaries(options(dir + "/units.shp"));
    EXPECT_NE(b.report.source_crs.find("assumed EPSG:4326"), std::string::npos);
}

TEST(BoundaryLoader, FieldOverrides) {
    const std::string dir = test::temp_dir("override");
    write_units(dir + "/units.shp", kUnits);
    LoadOptions o = options(dir + "/units.shp");
    o.fields.name = "huyen";
    const LoadedBoundaries b = load_boundaries(o);
    EXPECT_EQ(b.units[0].name, "Huyện Cao Lộc");
    o.fields.name = "ten";
    EXPECT_EQ(load_error(o), dir + "/units.shp: no field 'ten' for the unit name (fields: ma_xa, ten_xa, huyen)");
}

// --- bad input: one clear line ----------------------------------------------------------------

TEST(BoundaryLoaderErrors, MissingFile) {
    EXPECT_EQ(load_error(options("/nonexistent/x.shp")), "/nonexistent/x.shp: no such file");
}

TEST(BoundaryLoaderErrors, MissingDbfAndShx) {
    const std::string dir = test::temp_dir("sidecar");
    write_units(dir + "/a.shp", kUnits);
    fs::remove(dir + "/a.dbf");
    EXPECT_EQ(load_error(options(dir + "/a.shp")),
              dir + "/a.shp: the attribute file a.dbf is missing beside it (copy all the shapefile's files together)");
    write_units(dir + "/b.shp", kUnits);
    fs::remove(dir + "/b.shx");
    EXPECT_EQ(load_error(options(dir + "/b.shp")),
              dir + "/b.shp: the index file b.shx is missing beside it (copy all the shapefile's files together)");
}

TEST(BoundaryLoaderErrors, TruncatedShp) {
    const std::string dir = test::temp_dir("trunc");
    write_units(dir + "/t.shp", kUnits);
    fs::resize_file(dir + "/t.shp", fs::file_size(dir + "/t.shp") - 100);
    const std::string e = load_error(options(dir + "/t.shp"));
    EXPECT_EQ(e.rfind(dir + "/t.shp: ", 0), 0u) << e;
    EXPECT_NE(e.find("feature"), std::string::npos) << e;
}

TEST(BoundaryLoaderErrors, PointLayer) {
    const std::string dir = test::temp_dir("points");
    write_units(dir + "/p.shp", kUnits, "UTF-8", "ESRI Shapefile", "EPSG:4326", wkbPoint);
    EXPECT_EQ(load_error(options(dir + "/p.shp")), dir + "/p.shp: no polygon layer (found p (Point))");
}

TEST(BoundaryLoaderErrors, EmptyLayer) {
    const std::string dir = test::temp_dir("empty");
    write_units(dir + "/e.shp", {});
    EXPECT_EQ(load_error(options(dir + "/e.shp")), dir + "/e.shp: layer 'e' has no features");
}

TEST(BoundaryLoaderErrors, NotVectorData) {
    const std::string dir = test::temp_dir("garbage");
    std::ofstream(dir + "/g.geojson") << "this is not json";
    const std::string e = load_error(options(dir + "/g.geojson"));
    EXPECT_EQ(e.rfind(dir + "/g.geojson: cannot be opened as vector data", 0), 0u) << e;
}

// More features than one conversion batch (256), with a self-intersecting "bow tie" late in the
// file and a duplicated vertex in each square: repairs and counts land on the right features.
TEST(BoundaryLoader, InvalidPolygonsAreRepairedInOrderAcrossBatches) {
    const std::string dir = test::temp_dir("bowtie");
    std::ofstream out(dir + "/many.geojson");
    out << R"({"type":"FeatureCollection","features":[)";
    for (int i = 0; i < 300; ++i) {
        const double x = 106.0 + (i % 20) * 0.01, y = 21.5 + (i / 20) * 0.01;
        char code[8];
        std::snprintf(code, sizeof code, "%05d", 10000 + i);
        out << (i ? "," : "") << R"({"type":"Feature","properties":{"ma_xa":")" << code
            << R"(","ten_xa":"Xã Số )" << i << R"("},"geometry":{"type":"Polygon","coordinates":[[)";
        if (i == 280)  // bow tie: the edges cross in the middle
            out << "[" << x << "," << y << "],[" << x + 0.01 << "," << y + 0.01 << "],[" << x + 0.01 << "," << y
                << "],[" << x << "," << y + 0.01 << "],[" << x << "," << y << "]";
        else
            out << "[" << x << "," << y << "],[" << x + 0.01 << "," << y << "],[" << x + 0.01 << "," << y
                << "],[" << x + 0.01 << "," << y + 0.01 << "],[" << x << "," << y + 0.01 << "],[" << x << ","
                << y << "]";
        out << "]]}}";
    }
    out << "]}";
    out.close();
    LoadOptions o = options(dir + "/many.geojson");
    o.check_topology = false;
    const LoadedBoundaries b = load_boundaries(o);
    ASSERT_EQ(b.units.size(), 300u);
    EXPECT_EQ(b.report.invalid_repaired, 1);
    EXPECT_EQ(b.report.duplicate_vertices_removed, 299) << "one per square";
    int bowtie_repairs = 0;
    for (const Repair& r : b.report.repairs)
        if (r.what.find("MakeValid") != std::string::npos) {
            ++bowtie_repairs;
            EXPECT_EQ(r.feature, 280);
            EXPECT_EQ(r.unit_code, "10280");
        }
    EXPECT_EQ(bowtie_repairs, 1);
    EXPECT_EQ(b.geometry.shapes[280].parts.size(), 2u) << "a bow tie is two triangles";
    for (size_t i = 1; i < b.report.repairs.size(); ++i)
        EXPECT_LE(b.report.repairs[i - 1].feature, b.report.repairs[i].feature) << "repairs in feature order";
}

}  // namespace
}  // namespace ntm::io
