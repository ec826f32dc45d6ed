// A corpus of bad inputs, each built here from a good file by one change, run through the
// binary: every case must end with its exact one-line message and exit code, leave every file
// that was there before untouched (a good output included) and, when refused, write nothing.
// The cases follow the list of issue 14: boundaries, shapefiles and .prj, text encoding, FIFOs
// and devices, datasets (damaged, foreign, wrong tables, columns, types and values), the
// command line, good files that must survive, and the tables' criterion numbers.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "support/test_support.h"

namespace fs = std::filesystem;
using ntm::test::read_file;
using ntm::test::run_cli;

namespace {

// --- builders --------------------------------------------------------------------------------

struct Feature {
    std::string code = "", name, district = "Huyện Cao Lộc";
    std::string geometry;  // GeoJSON geometry text
};

std::string square(int i, const std::string& x_override = "") {
    const double x = 106.5 + 0.01 * (i % 3), y = 21.8 + 0.01 * (i / 3);
    std::ostringstream s;
    s.precision(10);
    const std::string x1 = x_override.empty() ? [&] { std::ostringstream t; t.precision(10); t << x + 0.01; return t.str(); }() : x_override;
    s << R"({"type":"Polygon","coordinates":[[[)" << x << "," << y << "],[" << x1 << "," << y << "],["
      << x + 0.01 << "," << y + 0.01 << "],[" << x << "," << y + 0.01 << "],[" << x << "," << y << "]]]}";
    return s.str();
}

std::vector<Feature> nine() {
    std::vector<Feature> f(9);
    for (int i = 0; i < 9; ++i) {
        f[i].code = std::to_string(6000 + i);
        f[i].code.insert(0, 5 - f[i].code.size(), '0');
        f[i].name = "Xã Đồng " + std::to_string(i);
        f[i].geometry = square(i);
    }
    return f;
}

// code "~" leaves the property out, "null" writes JSON null.
std::string geojson(const std::vector<Feature>& features, const std::string& extra_member = "") {
    std::string s = R"({"type":"FeatureCollection",)" + extra_member + R"("features":[)";
    for (size_t i = 0; i < features.size(); ++i) {
        const Feature& f = features[i];
        s += i ? "," : "";
        s += R"({"type":"Feature","properties":{)";
        if (f.code == "null") s += R"("ma_xa":null,)";
        else if (f.code != "~") s += R"("ma_xa":")" + f.code + R"(",)";
        s += R"("ten":")" + f.name + R"(","huyen":")" + f.district + R"("},"geometry":)" + f.geometry + "}";
    }
    return s + "]}";
}

void write(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

// SQL run on a copy of a GeoPackage, through GDAL's native SQLite dialect.
void run_sql(const std::string& path, const std::vector<std::string>& statements) {
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
    ASSERT_TRUE(ds) << path;
    for (const std::string& sql : statements) {
        CPLErrorReset();
        OGRLayer* r = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
        if (r) ds->ReleaseResultSet(r);
        ASSERT_EQ(CPLGetLastErrorType(), CE_None) << sql << ": " << CPLGetLastErrorMsg();
    }
}

// A shapefile of the nine squares written by GDAL, with an optional .prj replaced.
void write_shapefile(const std::string& path) {
    GDALAllRegister();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference wgs;
    wgs.importFromEPSG(4326);
    OGRLayer* l = ds->CreateLayer("units", &wgs, wkbPolygon, nullptr);
    OGRFieldDefn code("ma_xa", OFTString), name("ten", OFTString);
    l->CreateField(&code);
    l->CreateField(&name);
    for (const Feature& f : nine()) {
        OGRFeature feature(l->GetLayerDefn());
        feature.SetField("ma_xa", f.code.c_str());
        feature.SetField("ten", ("Xa Dong " + f.code).c_str());
        feature.SetGeometryDirectly(OGRGeometry::FromHandle(OGR_G_CreateGeometryFromJson(f.geometry.c_str())));
        EXPECT_EQ(l->CreateFeature(&feature), OGRERR_NONE);
    }
}

// --- the corpus ------------------------------------------------------------------------------

struct Case {
    std::string name;
    std::function<void(const std::string& dir)> make;  // writes the inputs into dir
    std::string args;                                   // {dir} is replaced
    int exit_code;
    std::string message;  // the exact stderr ({dir} replaced); for exit 0 a line of stdout
};

// gtest prints the case by name, not as bytes.
void PrintTo(const Case& k, std::ostream* os) { *os << k.name; }

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    return s;
}

std::function<void(const std::string&)> boundaries(std::function<void(std::vector<Feature>&)> edit,
                                                    const std::string& file = "b.geojson") {
    return [edit, file](const std::string& dir) {
        auto f = nine();
        edit(f);
        write(dir + "/" + file, geojson(f));
    };
}

// A copy of the demo dataset changed by SQL.
std::function<void(const std::string&)> dataset(std::vector<std::string> sql) {
    return [sql](const std::string& dir) {
        fs::copy_file(NTM_DEMO_DATASET, dir + "/d.gpkg");
        if (!sql.empty()) run_sql(dir + "/d.gpkg", sql);
    };
}

std::function<void(const std::string&)> bytes_of_demo(std::function<void(std::string&)> edit) {
    return [edit](const std::string& dir) {
        std::string b = read_file(NTM_DEMO_DATASET);
        edit(b);
        write(dir + "/d.gpkg", b);
    };
}

const std::string kOff = "ntm-atlas: {dir}/b.geojson: ";
const std::string kDs = "ntm-atlas: {dir}/d.gpkg: ";

std::vector<Case> corpus() {
    std::vector<Case> c;
    auto check = [&](std::string name, std::function<void(std::vector<Feature>&)> edit, std::string message,
                     std::string extra = "") {
        c.push_back({name, boundaries(edit), "check {dir}/b.geojson --no-topology" + extra, 1, kOff + message});
    };
    // Geometry: coordinates.
    check("LongitudeOutOfRange", [](auto& f) { f[4].geometry = square(4, "400"); },
          "feature 4 (code 06004) has a vertex at (400, 21.81) that is not a longitude/latitude (−180…180, −90…90)");
    check("LongitudeNegativeOutOfRange", [](auto& f) { f[0].geometry = square(0, "-181"); },
          "feature 0 (code 06000) has a vertex at (-181, 21.8) that is not a longitude/latitude (−180…180, −90…90)");
    check("Coordinate1e300", [](auto& f) { f[2].geometry = square(2, "1e300"); },
          "feature 2 (code 06002) has a vertex at (1e+300, 21.8) that is not a longitude/latitude (−180…180, −90…90)");
    check("LatitudeOutOfRange", [](auto& f) { f[8].geometry = R"({"type":"Polygon","coordinates":[[[106.5,95],[106.6,95],[106.6,96],[106.5,95]]]})"; },
          "feature 8 (code 06008) has a vertex at (106.5, 95) that is not a longitude/latitude (−180…180, −90…90)");
    check("NaNVertex", [](auto& f) { f[1].geometry = square(1, "NaN"); },
          "feature 1 has a non-finite coordinate (nan, 21.8) at vertex 1");
    check("InfinityVertex", [](auto& f) { f[6].geometry = square(6, "Infinity"); },
          "feature 6 has a non-finite coordinate (inf, 21.82) at vertex 1");
    check("NegativeInfinityVertex", [](auto& f) { f[3].geometry = square(3, "-Infinity"); },
          "feature 3 has a non-finite coordinate (-inf, 21.81) at vertex 1");
    check("EveryGeometryNull", [](auto& f) { for (auto& x : f) x.geometry = "null"; },
          "none of the 9 features of layer 'b' has a polygon (every geometry is null, empty or not a polygon): nothing to draw");
    check("EveryGeometryEmpty", [](auto& f) { for (auto& x : f) x.geometry = R"({"type":"Polygon","coordinates":[]})"; },
          "none of the 9 features of layer 'b' has a polygon (every geometry is null, empty or not a polygon): nothing to draw");
    check("EveryGeometryAPoint", [](auto& f) { for (auto& x : f) x.geometry = R"({"type":"Point","coordinates":[106.5,21.8]})"; },
          "no polygon layer (found b (Point))");
    check("EveryGeometryALine", [](auto& f) { for (auto& x : f) x.geometry = R"({"type":"LineString","coordinates":[[106.5,21.8],[106.6,21.9]]})"; },
          "no polygon layer (found b (Line String))");
    // Codes.
    check("DuplicateCode", [](auto& f) { f[3].code = f[1].code; },
          "field 'ma_xa' has 1 duplicated code: 06001 (features 1 and 3)");
    check("ThreeTimesTheSameCode", [](auto& f) { f[3].code = f[5].code = f[1].code; },
          "field 'ma_xa' has 1 duplicated code: 06001 (features 1, 3 and 5)");
    check("TwoDuplicatedCodes", [](auto& f) { f[3].code = f[1].code; f[8].code = f[7].code; },
          "field 'ma_xa' has 2 duplicated codes: 06001 (features 1 and 3), 06007 (features 7 and 8)");
    check("NullCode", [](auto& f) { f[3].code = "null"; },
          "1 feature has no code in field 'ma_xa': feature 3 (Xã Đồng 3)");
    check("EmptyCode", [](auto& f) { f[2].code = ""; f[7].code = "  "; },
          "2 features have no code in field 'ma_xa': feature 2 (Xã Đồng 2), feature 7 (Xã Đồng 7)");
    check("AbsentCodeProperty", [](auto& f) { f[0].code = "~"; },
          "1 feature has no code in field 'ma_xa': feature 0 (Xã Đồng 0)");
    check("NoCodeField", [](auto& f) { for (auto& x : f) x.code = "~"; },
          "no field with unit codes found (a field named like ma_xa, ma_dvhc, code or commune_id whose values are "
          "unique digits); name it with --code-field");
    check("CodeFieldOfLetters", [](auto& f) { for (auto& x : f) x.code = "X" + x.name.substr(x.name.size() - 1); },
          "no field with unit codes found (a field named like ma_xa, ma_dvhc, code or commune_id whose values are "
          "unique digits); name it with --code-field");
    check("UnknownCodeFieldOverride", [](auto&) {}, "no field 'maso' for the unit code (fields: ma_xa, ten, huyen)",
          " --code-field maso");
    // Text.
    check("NoNameField", [](auto& f) { for (auto& x : f) x.name = std::to_string(x.name.size()); },
          "no field with unit names found; name it with --name-field");
    // CRS.
    c.push_back({"DisplayCrsGeographic", boundaries([](auto&) {}), "check {dir}/b.geojson --display-crs EPSG:4326", 1,
                 "ntm-atlas: --display-crs EPSG:4326: EPSG:4326 WGS 84 is not a projected CRS (its units are degrees, "
                 "not metres); give a projected one such as EPSG:9215 (VN-2000 / TM-3 107-15) or EPSG:3405 (VN-2000 / UTM 48N)"});
    c.push_back({"DisplayCrsVn2000Geographic", boundaries([](auto&) {}), "check {dir}/b.geojson --display-crs EPSG:4756", 1,
                 "ntm-atlas: --display-crs EPSG:4756: EPSG:4756 VN-2000 is not a projected CRS (its units are degrees, "
                 "not metres); give a projected one such as EPSG:9215 (VN-2000 / TM-3 107-15) or EPSG:3405 (VN-2000 / UTM 48N)"});
    c.push_back({"DisplayCrsInFeet", boundaries([](auto&) {}), "check {dir}/b.geojson --display-crs EPSG:2240", 1,
                 "ntm-atlas: --display-crs EPSG:2240: EPSG:2240 NAD83 / Georgia West (ftUS) is in US survey foot, not "
                 "metres; give a projected CRS in metres such as EPSG:9215"});
    c.push_back({"DisplayCrsUnknownCode", boundaries([](auto&) {}), "check {dir}/b.geojson --display-crs EPSG:999999", 1,
                 "ntm-atlas: --display-crs: CRS 'EPSG:999999' is not understood (PROJ: proj_create_from_database: crs not found)"});
    c.push_back({"SourceCrsGarbage", boundaries([](auto&) {}), "check {dir}/b.geojson --source-crs nonsense", 1,
                 "ntm-atlas: {dir}/b.geojson: CRS 'nonsense' is not understood"});
    c.push_back({"GarbagePrj",
                 [](const std::string& dir) {
                     write_shapefile(dir + "/s.shp");
                     write(dir + "/s.prj", "this is not a CRS at all");
                 },
                 "check {dir}/s.shp --no-topology", 1,
                 "ntm-atlas: {dir}/s.prj: is not a CRS definition GDAL understands; fix or remove it, or give the CRS "
                 "with --source-crs"});
    c.push_back({"EmptyPrj",
                 [](const std::string& dir) {
                     write_shapefile(dir + "/s.shp");
                     write(dir + "/s.prj", "");
                 },
                 "check {dir}/s.shp --no-topology", 1,
                 "ntm-atlas: {dir}/s.prj: is not a CRS definition GDAL understands; fix or remove it, or give the CRS "
                 "with --source-crs"});
    c.push_back({"ShapefileWithoutShx",
                 [](const std::string& dir) {
                     write_shapefile(dir + "/s.shp");
                     fs::remove(dir + "/s.shx");
                 },
                 "check {dir}/s.shp", 1,
                 "ntm-atlas: {dir}/s.shp: the index file s.shx is missing beside it (copy all the shapefile's files together)"});
    c.push_back({"ShapefileWithoutDbf",
                 [](const std::string& dir) {
                     write_shapefile(dir + "/s.shp");
                     fs::remove(dir + "/s.dbf");
                 },
                 "check {dir}/s.shp", 1,
                 "ntm-atlas: {dir}/s.shp: the attribute file s.dbf is missing beside it (copy all the shapefile's files together)"});
    auto shapefile = [&](std::string name, std::function<void(const std::string&)> edit, std::string message,
                         std::string extra = "") {
        c.push_back({name,
                     [edit](const std::string& dir) {
                         write_shapefile(dir + "/s.shp");
                         edit(dir);
                     },
                     "check {dir}/s.shp --no-topology" + extra, 1, "ntm-atlas: {dir}/s." + message});
    };
    const auto shorten = [](const std::string& path, std::uintmax_t by) { fs::resize_file(path, fs::file_size(path) - by); };
    shapefile("ShpTruncated", [&](const std::string& dir) { shorten(dir + "/s.shp", 20); },
              "shp: feature 8 cannot be read (...)");
    shapefile("DbfTruncated", [&](const std::string& dir) { shorten(dir + "/s.dbf", 30); },
              "shp: feature 8 cannot be read (...)");
    shapefile("ShxTruncated", [&](const std::string& dir) { shorten(dir + "/s.shx", 20); },
              "shp: cannot be opened as vector data (...)");
    shapefile("ShpHeaderZeroed", [](const std::string& dir) {
                  std::fstream f(dir + "/s.shp", std::ios::in | std::ios::out | std::ios::binary);
                  f.write("\0\0\0\0", 4);
              },
              "shp: cannot be opened as vector data");
    shapefile("UnknownCpg", [](const std::string& dir) { write(dir + "/s.cpg", "NOPE-ENC\r\n"); },
              "cpg: 'NOPE-ENC' is not a text encoding NTM Atlas knows; give the encoding with --encoding");
    shapefile("BinaryCpg", [](const std::string& dir) { write(dir + "/s.cpg", std::string("\xff\x01\x02", 3)); },
              "cpg: its content is not a text encoding NTM Atlas knows; give the encoding with --encoding");
    shapefile("UnknownEncodingOption", [](const std::string&) {},
              "shp: --encoding: unknown text encoding 'klingon' (known: UTF-8, CP1258, TCVN3, VNI, and any iconv name)",
              " --encoding klingon");
    // Invalid UTF-8 in a UTF-8 file: named, never decoded as a legacy encoding.
    auto utf8_case = [&](std::string name, std::function<void(std::string&)> edit, std::string message) {
        c.push_back({name,
                     [edit](const std::string& dir) {
                         std::string s = geojson(nine());
                         edit(s);
                         write(dir + "/b.geojson", s);
                     },
                     "check {dir}/b.geojson --no-topology", 1, kOff + message});
    };
    utf8_case("InvalidUtf8OneRun", [](std::string& s) { s = replace_all(s, "Đồng 5", "\xC3(ng 5"); },
              "feature 5, field 'ten': invalid UTF-8 byte 0xC3 at byte 4; the text is UTF-8 (17 of 18 non-ASCII values "
              "are UTF-8): fix those values, or give the encoding with --encoding");
    utf8_case("InvalidUtf8TwoRuns",
              [](std::string& s) { s = replace_all(replace_all(s, "Đồng 5", "\xC3(ng 5"), "Đồng 7", "\xD0\xFF ng 7"); },
              "feature 5, field 'ten': invalid UTF-8 byte 0xC3 at byte 4 (and 1 more value); the text is UTF-8 (16 of "
              "18 non-ASCII values are UTF-8): fix those values, or give the encoding with --encoding");
    utf8_case("InvalidUtf8InDistrict", [](std::string& s) {
                  const size_t at = s.rfind("Cao Lộc");
                  s.replace(at, std::string("Cao Lộc").size(), "Cao L\xE1\xBB");
              },
              "feature 8, field 'huyen': invalid UTF-8 byte 0xE1 at byte 13; the text is UTF-8 (17 of 18 non-ASCII "
              "values are UTF-8): fix those values, or give the encoding with --encoding");
    utf8_case("OverlongUtf8", [](std::string& s) { s = replace_all(s, "Đồng 2", "\xC0\xAFng 2"); },
              "feature 2, field 'ten': invalid UTF-8 byte 0xC0 at byte 4; the text is UTF-8 (17 of 18 non-ASCII values "
              "are UTF-8): fix those values, or give the encoding with --encoding");
    utf8_case("Utf8Surrogate", [](std::string& s) { s = replace_all(s, "Đồng 2", "\xED\xA0\x80ng 2"); },
              "feature 2, field 'ten': invalid UTF-8 byte 0xED at byte 4; the text is UTF-8 (17 of 18 non-ASCII values "
              "are UTF-8): fix those values, or give the encoding with --encoding");
    // Not a boundary file at all.
    auto raw = [&](std::string name, std::string bytes, std::string message) {
        c.push_back({name, [bytes](const std::string& dir) { write(dir + "/b.geojson", bytes); },
                     "check {dir}/b.geojson", 1, kOff + message});
    };
    raw("EmptyFile", "", "cannot be opened as vector data");
    raw("NotJson", "\x01\x02\x03 binary \xFF\xFE", "cannot be opened as vector data");
    raw("EmptyFeatureCollection", R"({"type":"FeatureCollection","features":[]})", "layer 'b' has no features");
    c.push_back({"MissingFile", [](const std::string&) {}, "check {dir}/none.geojson", 1,
                 "ntm-atlas: {dir}/none.geojson: no such file"});
    // Nothing blocks: pipes and devices are refused before any open.
    auto fifo = [](const std::string& name) {
        return [name](const std::string& dir) { ASSERT_EQ(mkfifo((dir + "/" + name).c_str(), 0600), 0); };
    };
    c.push_back({"FifoAsSource", fifo("p.geojson"), "check {dir}/p.geojson", 1,
                 "ntm-atlas: {dir}/p.geojson: is not a regular file (a named pipe)"});
    c.push_back({"FifoAsGzipSource", fifo("p.geojson.gz"), "check /vsigzip/{dir}/p.geojson.gz", 1,
                 "ntm-atlas: /vsigzip/{dir}/p.geojson.gz: is not a regular file (a named pipe)"});
    c.push_back({"FifoAsDataset", fifo("p.gpkg"), "summary --data {dir}/p.gpkg", 1,
                 "ntm-atlas: {dir}/p.gpkg: is not a regular file (a named pipe)"});
    c.push_back({"FifoAsBoundaries", fifo("p.geojson"), "summary --boundaries {dir}/p.geojson", 1,
                 "ntm-atlas: {dir}/p.geojson: is not a regular file (a named pipe)"});
    c.push_back({"CharacterDeviceAsSource", [](const std::string&) {}, "check /dev/zero", 1,
                 "ntm-atlas: /dev/zero: is not a regular file (a character device)"});
    c.push_back({"DevNullAsDataset", [](const std::string&) {}, "summary --data /dev/null", 1,
                 "ntm-atlas: /dev/null: is not a regular file (a character device)"});
    // Warnings where keeping the rest is what a user wants: exit 0, the report counts them.
    c.push_back({"OneNullGeometryIsKeptAndReported", boundaries([](auto& f) { f[4].geometry = "null"; }),
                 "check {dir}/b.geojson --no-topology", 0, "  feature 4 (06004): has no geometry: kept as a unit without a shape"});

    // --- datasets ------------------------------------------------------------------------------
    auto data = [&](std::string name, std::function<void(const std::string&)> make, std::string message) {
        c.push_back({name, make, "summary --data {dir}/d.gpkg", 1, message});
    };
    data("MalformedSqlite", bytes_of_demo([](std::string& b) {
             for (size_t i = b.size() / 3; i < b.size() / 3 + 4096 && i < b.size(); ++i) b[i] = char(0x5A);
         }),
         kDs + "the SQLite file is damaged (integrity check: On tree page (...)");
    data("TruncatedSqlite", bytes_of_demo([](std::string& b) { b.resize(b.size() / 2); }),
         kDs + "the SQLite file is damaged (database disk image is malformed); it is left as it is");
    data("NotSqliteAtAll", [](const std::string& dir) { write(dir + "/d.gpkg", "just text, not SQLite\n"); },
         kDs + "not a GeoPackage (it is not an SQLite file)");
    data("MissingObservations", dataset({"DROP TABLE observations"}),
         kDs + "not an NTM Atlas dataset (missing table observations); open boundary files with --boundaries");
    data("MissingMetadata", dataset({"DROP TABLE metadata"}),
         kDs + "not an NTM Atlas dataset (missing table metadata); open boundary files with --boundaries");
    data("MissingUnitsAndEvents", dataset({"DROP TABLE units", "DROP TABLE events"}),
         kDs + "not an NTM Atlas dataset (missing tables units,events); open boundary files with --boundaries");
    data("MissingCriteriaSets", dataset({"DROP TABLE criteria_sets"}),
         kDs + "dataset format 2 needs table criteria_sets, which the file lacks");
    data("MissingLineage", dataset({"DROP TABLE lineage"}), kDs + "dataset format 2 needs table lineage, which the file lacks");
    data("NoFormatKey", dataset({"DELETE FROM metadata WHERE key = 'format'"}),
         kDs + "not an NTM Atlas dataset (the metadata table has no 'format' key)");
    data("FutureFormat", dataset({"UPDATE metadata SET value = 'ntm-atlas-dataset-9' WHERE key = 'format'"}),
         kDs + "dataset format 'ntm-atlas-dataset-9' is not one this version reads (ntm-atlas-dataset-2 or older)");
    data("DroppedCodeColumn", dataset({"ALTER TABLE units DROP COLUMN code"}),
         "ntm-atlas: {dir}/d.gpkg, table 'units', column 'code': missing");
    data("DroppedNameColumn", dataset({"ALTER TABLE units DROP COLUMN name"}),
         "ntm-atlas: {dir}/d.gpkg, table 'units', column 'name': missing");
    data("DroppedDateColumn", dataset({"ALTER TABLE observations DROP COLUMN date"}),
         "ntm-atlas: {dir}/d.gpkg, table 'observations', column 'date': missing");
    data("TextInCriterion", dataset({"UPDATE observations SET criterion = 'abc' WHERE fid = 5"}),
         "ntm-atlas: {dir}/d.gpkg, table 'observations', column 'criterion': value 'abc' is not a number");
    data("TextInMet", dataset({"UPDATE observations SET met = 'yes' WHERE fid = 9"}),
         "ntm-atlas: {dir}/d.gpkg, table 'observations', column 'met': value 'yes' is not a number");
    data("RealInInteger", dataset({"UPDATE observations SET criterion = 2.5 WHERE fid = 9"}),
         "ntm-atlas: {dir}/d.gpkg, table 'observations', column 'criterion': value 2.5 is not a number");
    data("BlobInText", dataset({"UPDATE units SET name = X'00FF' WHERE fid = 2"}),
         "ntm-atlas: {dir}/d.gpkg, table 'units', column 'name': value X'00FF' is not text");
    data("CriterionOutOfRange", dataset({"UPDATE observations SET criterion = 42 WHERE fid = 3"}),
         "ntm-atlas: d.gpkg, observations row 3, column criterion: 42 is not a criterion of any set (1–19)");
    data("CriterionZero", dataset({"UPDATE observations SET criterion = 0 WHERE fid = 3"}),
         "ntm-atlas: d.gpkg, observations row 3, column criterion: 0 is not a criterion of any set (1–19)");
    data("MetNotBoolean", dataset({"UPDATE observations SET met = 7 WHERE fid = 4"}),
         "ntm-atlas: d.gpkg, observations row 4, column met: 7 is not 0 or 1");
    data("ObservationOfUnknownUnit", dataset({"UPDATE observations SET unit_code = '99999' WHERE fid = 6"}),
         "ntm-atlas: d.gpkg, observations row 6: unit code '99999' is not in the 'units' table");
    data("RecognitionOfUnknownUnit", dataset({"UPDATE recognitions SET unit_code = '99998' WHERE fid = 1"}),
         "ntm-atlas: d.gpkg, recognitions row 1: unit code '99998' is not in the 'units' table");
    data("DuplicateUnitCode", dataset({"UPDATE units SET code = (SELECT code FROM units WHERE fid = 1) WHERE fid = 2"}),
         "ntm-atlas: d.gpkg, units row 2: code 05971 is also the code of units row 1");
    data("NullUnitCode", dataset({"UPDATE units SET code = NULL WHERE fid = 3"}), "ntm-atlas: d.gpkg, units row 3: the unit has no code");
    data("EmptyUnitName", dataset({"UPDATE units SET name = '' WHERE fid = 3"}),
         "ntm-atlas: d.gpkg, units row 3: unit 05977 has no name");
    data("NoGeometryAtAll", dataset({"UPDATE units SET geom = NULL"}),
         kDs + "no unit has a geometry (the 'units' table's shapes are all missing or unreadable)");
    data("GarbageGeometry", dataset({"UPDATE units SET geom = X'4750000100000000DEADBEEF' WHERE fid = 1"}),
         kDs + "units row 1 cannot be read (...)");
    data("UndefinedSrs", dataset({"UPDATE gpkg_geometry_columns SET srs_id = 0", "UPDATE gpkg_contents SET srs_id = 0 WHERE table_name = 'units'"}),
         kDs + "the 'units' layer has no defined CRS");
    data("EmptyUnitsTable", dataset({"DELETE FROM units"}), kDs + "the 'units' table is empty");
    data("IllustrativeNotYesNo", dataset({"UPDATE metadata SET value = 'maybe' WHERE key = 'illustrative'"}),
         kDs.substr(0, kDs.size() - 2) + ", metadata: illustrative is 'maybe', not 'yes' or 'no'");
    data("UnknownBoundaryVersion", dataset({"UPDATE units SET version = 'v9' WHERE fid = 1"}),
         "ntm-atlas: d.gpkg, units row 1: unknown boundary version 'v9'");
    data("UnknownLevel", dataset({"UPDATE recognitions SET level = 'gold' WHERE fid = 1"}),
         "ntm-atlas: d.gpkg, recognitions row 1: unknown level 'gold'");
    data("BadDate", dataset({"UPDATE observations SET date = '31/02/2020' WHERE fid = 1"}),
         "ntm-atlas: d.gpkg, observations row 1, column date: '31/02/2020' is not a date (YYYY-MM-DD)");
    data("ForeignGeoPackage",
         [](const std::string& dir) {
             ASSERT_EQ(std::system(("ogr2ogr -q -f GPKG '" + dir + "/d.gpkg' '" + dir + "/../b.geojson' -nln roads 2>/dev/null").c_str()), 0);
         },
         kDs + "not an NTM Atlas dataset (missing tables units,metadata,observations,recognitions,events,reported_figures); "
               "open boundary files with --boundaries");

    // --- command line ----------------------------------------------------------------------------
    auto cli = [&](std::string name, std::string args, std::string message) {
        c.push_back({name, dataset({}), args, 1, message});
    };
    cli("OptionWithOneDash", "summary --data {dir}/d.gpkg -date 2020-01-01",
        "ntm-atlas: summary: unknown option -date (options take two dashes: --date)");
    cli("StrayArgument", "summary --data {dir}/d.gpkg stray", "ntm-atlas: summary: unexpected argument 'stray'");
    cli("UnknownLanguage", "summary --data {dir}/d.gpkg --lang xx", "ntm-atlas: --lang: 'xx' is not a language (use vi or en)");
    cli("DataAndBoundaries", "summary --data {dir}/d.gpkg --boundaries {dir}/../b.geojson",
        "ntm-atlas: summary: give --boundaries or --data, not both");
    cli("TopologyAndNoTopology", "check {dir}/../b.geojson --topology --no-topology",
        "ntm-atlas: check: give --no-topology or --topology, not both");
    cli("UnknownOption", "summary --data {dir}/d.gpkg --bogus", "ntm-atlas: summary: unknown option --bogus");
    cli("OptionWithoutValue", "summary --data {dir}/d.gpkg --date", "ntm-atlas: summary: --date needs a value");
    cli("ImpossibleDate", "summary --data {dir}/d.gpkg --date 2020-13-45",
        "ntm-atlas: --date: '2020-13-45' is not a date (use YYYY-MM-DD)");
    cli("TitleNotUtf8", "export --data {dir}/d.gpkg --title \"$(printf '\\377\\376 bad')\" --out {dir}/m.png",
        "ntm-atlas: --title: not valid UTF-8 text");
    // A good file is never the output of a command that reads it, however it is spelled.
    cli("ImportOverItsSource", "import --out {dir}/d.gpkg --boundaries {dir}/d.gpkg",
        "ntm-atlas: import: --out {dir}/d.gpkg is also --boundaries {dir}/d.gpkg (write the dataset to another file); nothing written");
    cli("ImportOverItsSourceDotted", "import --out {dir}/./d.gpkg --boundaries {dir}/d.gpkg",
        "ntm-atlas: import: --out {dir}/./d.gpkg is also --boundaries {dir}/d.gpkg (write the dataset to another file); nothing written");
    c.push_back({"ImportOverItsSourceSymlink",
                 [](const std::string& dir) {
                     fs::copy_file(NTM_DEMO_DATASET, dir + "/d.gpkg");
                     fs::create_symlink(dir + "/d.gpkg", dir + "/link.gpkg");
                 },
                 "import --out {dir}/link.gpkg --boundaries {dir}/d.gpkg", 1,
                 "ntm-atlas: import: --out {dir}/link.gpkg is also --boundaries {dir}/d.gpkg (write the dataset to another file); nothing written"});
    c.push_back({"ImportOverItsSourceHardLink",
                 [](const std::string& dir) {
                     fs::copy_file(NTM_DEMO_DATASET, dir + "/d.gpkg");
                     fs::create_hard_link(dir + "/d.gpkg", dir + "/hard.gpkg");
                 },
                 "import --out {dir}/hard.gpkg --boundaries {dir}/d.gpkg", 1,
                 "ntm-atlas: import: --out {dir}/hard.gpkg is also --boundaries {dir}/d.gpkg (write the dataset to another file); nothing written"});
    cli("ImportOverItsAttainmentTable", "import --out {dir}/d.gpkg --boundaries {dir}/../b.geojson --attainment {dir}/d.gpkg",
        "ntm-atlas: import: --out {dir}/d.gpkg is also --attainment {dir}/d.gpkg (write the dataset to another file); nothing written");
    // An export that cannot draw leaves the picture that was there.
    c.push_back({"ExportOfNullGeometriesKeepsThePng",
                 [](const std::string& dir) {
                     auto f = nine();
                     for (auto& x : f) x.geometry = "null";
                     write(dir + "/b.geojson", geojson(f));
                     write(dir + "/old.png", "\x89PNG\r\n\x1a\n a picture made earlier");
                 },
                 "export --boundaries {dir}/b.geojson --out {dir}/old.png", 1,
                 kOff + "none of the 9 features of layer 'b' has a polygon (every geometry is null, empty or not a polygon): nothing to draw"});
    // import-news never rewrites a damaged dataset as a clean-looking smaller one.
    c.push_back({"ImportNewsIntoTruncatedDataset",
                 bytes_of_demo([](std::string& b) { b.resize(b.size() / 2); }),
                 "import-news --data {dir}/d.gpkg " NTM_TEST_DATA_DIR "/news/bulletin_2021-07_ket-qua.txt", 1,
                 kDs + "the SQLite file is damaged (database disk image is malformed); it is left as it is"});
    c.push_back({"ImportNewsIntoMalformedDataset",
                 bytes_of_demo([](std::string& b) {
                     for (size_t i = b.size() / 3; i < b.size() / 3 + 4096 && i < b.size(); ++i) b[i] = char(0x5A);
                 }),
                 "import-news --data {dir}/d.gpkg " NTM_TEST_DATA_DIR "/news/bulletin_2021-07_ket-qua.txt", 1,
                 kDs + "the SQLite file is damaged (integrity check: On tree page (...)"});

    // --- tables: criterion numbers keep their punctuation ----------------------------------------
    auto table = [&](std::string name, std::string csv, std::string message) {
        c.push_back({name,
                     [csv](const std::string& dir) {
                         write(dir + "/b.geojson", geojson(nine()));
                         write(dir + "/a.csv", csv);
                     },
                     "import --out {dir}/n.gpkg --boundaries {dir}/b.geojson --attainment {dir}/a.csv", 1,
                     "ntm-atlas: {dir}/a.csv, " + message});
    };
    const std::string kLong = "ma_xa,tieu_chi,dat,ngay\n06001,";
    const std::string kNotNumber = "' is not a criterion number (write 3, TC3 or Tiêu chí 3)";
    table("CriterionDecimal", kLong + "1.5,x,2020-12-31\n", "row 2, column tieu_chi: '1.5" + kNotNumber);
    table("CriterionNegative", kLong + "-1,x,2020-12-31\n", "row 2, column tieu_chi: '-1" + kNotNumber);
    table("CriterionFraction", kLong + "1/9,x,2020-12-31\n", "row 2, column tieu_chi: '1/9" + kNotNumber);
    table("CriterionRange", kLong + "1-2,x,2020-12-31\n", "row 2, column tieu_chi: '1-2" + kNotNumber);
    table("CriterionHeaderDecimal", "ma_xa,ngay,TC 1.5\n06001,2020-12-31,x\n",
          "column 'TC 1.5': not a criterion number (criteria are whole numbers: 1, TC1, Tiêu chí 1)");
    return c;
}

class BadInput : public ::testing::TestWithParam<Case> {};

TEST_P(BadInput, ExactMessageAndGoodFilesUntouched) {
    const Case& k = GetParam();
    const std::string dir = ntm::test::temp_dir("bad-" + k.name) + "/in";
    fs::create_directories(dir);
    write(dir + "/../b.geojson", geojson(nine()));  // a good file some cases convert
    k.make(dir);
    if (::testing::Test::HasFatalFailure()) return;
    // Every input file is left as it was.
    std::map<std::string, std::string> before;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file()) before[e.path().string()] = read_file(e.path().string());
    const std::string args = replace_all(k.args, "{dir}", dir);
    const auto r = run_cli(args);
    const std::string expected = replace_all(k.message, "{dir}", dir);
    EXPECT_EQ(r.exit_code, k.exit_code) << args << "\n" << r.err;
    if (k.exit_code == 0) {
        EXPECT_NE(r.out.find(expected + "\n"), std::string::npos) << r.out;
    } else {
        const size_t dots = expected.find("(...)");
        if (dots == std::string::npos) EXPECT_EQ(r.err, expected + "\n");
        else EXPECT_EQ(r.err.substr(0, dots), expected.substr(0, dots)) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "not one line: " << r.err;
        EXPECT_EQ(r.out, "");
    }
    for (const auto& [path, bytes] : before) EXPECT_EQ(read_file(path), bytes) << path << " was changed";
    // A refused input leaves nothing behind: no output, no temporary file.
    if (k.exit_code != 0) {
        for (const auto& e : fs::directory_iterator(dir))
            EXPECT_TRUE(before.count(e.path().string()) || e.is_fifo() || e.is_symlink()) << e.path() << " was written";
    }
    fs::remove_all(fs::path(dir).parent_path());
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInput, ::testing::ValuesIn(corpus()),
                         [](const auto& info) { return info.param.name; });

TEST(BadInputCorpus, HasAtLeastSixtyCases) { EXPECT_GE(corpus().size(), 60u); }

}  // namespace
