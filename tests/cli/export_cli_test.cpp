// `export` and `atlas` as report writers and scripts use them: sizes and resolution in the PNG
// header, the world file and .prj beside it (checked with GDAL's own tools when gdal-bin is
// installed), colours at communes' interior points against `summary`, one-line errors, good files
// never replaced by failed exports, no display server needed.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <vector>

#include "support/test_support.h"

namespace fs = std::filesystem;
using ntm::test::read_file;
using ntm::test::run_cli;
using ntm::test::temp_dir;

namespace {

struct PngHeader {
    bool ok = false;
    uint32_t width = 0, height = 0;
    bool has_phys = false;
    uint32_t ppu_x = 0, ppu_y = 0;
    int unit = -1;  // 1: metre
};

uint32_t be32(const std::string& s, size_t at) {
    return uint32_t(uint8_t(s[at])) << 24 | uint32_t(uint8_t(s[at + 1])) << 16 | uint32_t(uint8_t(s[at + 2])) << 8 |
           uint32_t(uint8_t(s[at + 3]));
}

// IHDR and pHYs, read from the chunks before the image data.
PngHeader png_header(const std::string& path) {
    PngHeader h;
    std::ifstream in(path, std::ios::binary);
    std::string s(1 << 16, '\0');
    in.read(&s[0], std::streamsize(s.size()));
    s.resize(size_t(in.gcount()));
    if (s.size() < 33 || s.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return h;
    for (size_t at = 8; at + 8 <= s.size();) {
        const uint32_t length = be32(s, at);
        const std::string type = s.substr(at + 4, 4);
        if (at + 12 + length > s.size()) break;
        if (type == "IHDR") {
            h.width = be32(s, at + 8);
            h.height = be32(s, at + 12);
            h.ok = true;
        } else if (type == "pHYs") {
            h.has_phys = true;
            h.ppu_x = be32(s, at + 8);
            h.ppu_y = be32(s, at + 12);
            h.unit = uint8_t(s[at + 16]);
        } else if (type == "IDAT") {
            break;
        }
        at += 12 + length;
    }
    return h;
}

std::vector<double> world_file(const std::string& path) {
    std::ifstream in(path);
    std::vector<double> v;
    double x;
    while (in >> x) v.push_back(x);
    return v;
}

bool have_tool(const char* name) {
    return std::system((std::string("command -v ") + name + " >/dev/null 2>&1").c_str()) == 0;
}

std::string capture(const std::string& command) {
    std::string out;
    FILE* p = popen(command.c_str(), "r");
    if (!p) return out;
    char buffer[4096];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, p)) > 0) out.append(buffer, n);
    pclose(p);
    return out;
}

std::string quote(const std::string& s) { return "'" + s + "'"; }

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// A point well inside a ring: on the horizontal line through the middle of its bounds, the
// middle of the widest run inside (even-odd). `width` gets that run's length.
std::array<double, 2> interior_point(const std::vector<std::array<double, 2>>& ring, double* width) {
    double y0 = 1e300, y1 = -1e300;
    for (const auto& p : ring) y0 = std::min(y0, p[1]), y1 = std::max(y1, p[1]);
    const double y = (y0 + y1) / 2 + (y1 - y0) * 1e-7;
    std::vector<double> xs;
    for (size_t i = 0; i < ring.size(); ++i) {
        const auto& a = ring[i];
        const auto& b = ring[(i + 1) % ring.size()];
        if ((a[1] <= y) != (b[1] <= y)) xs.push_back(a[0] + (y - a[1]) / (b[1] - a[1]) * (b[0] - a[0]));
    }
    std::sort(xs.begin(), xs.end());
    std::array<double, 2> best{0, y};
    *width = 0;
    for (size_t i = 0; i + 1 < xs.size(); i += 2)
        if (xs[i + 1] - xs[i] > *width) {
            *width = xs[i + 1] - xs[i];
            best[0] = (xs[i] + xs[i + 1]) / 2;
        }
    return best;
}

// code -> first outer ring, from the dataset's unit layer through ogr2ogr (display CRS metres).
// Units of one boundary version when `version` is given (codes are reused across versions).
std::map<std::string, std::vector<std::array<double, 2>>> unit_rings(const std::string& gpkg,
                                                                      const std::string& version = "") {
    std::map<std::string, std::vector<std::array<double, 2>>> out;
    const std::string layers = capture("ogrinfo -ro -q " + quote(gpkg) + " 2>/dev/null");
    std::smatch m;
    std::string layer = "units";
    if (std::regex_search(layers, m, std::regex("\\d+: (\\w+) \\((Multi Polygon|Polygon)")) ) layer = m[1];
    const std::string where = version.empty() ? "" : " -where \"version = '" + version + "'\"";
    const std::string csv = capture("ogr2ogr -f CSV /vsistdout/ " + quote(gpkg) + " " + layer + where +
                                    " -lco GEOMETRY=AS_WKT 2>/dev/null");
    std::istringstream in(csv);
    std::string line;
    std::getline(in, line);  // header: WKT,...,code,...
    std::vector<std::string> header;
    {
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, ',')) header.push_back(cell);
    }
    size_t code_column = 0;
    for (size_t i = 0; i < header.size(); ++i)
        if (header[i] == "code") code_column = i;
    while (std::getline(in, line)) {
        // "MULTIPOLYGON (((x y,x y,...)),...)",rest
        const size_t open = line.find("(((");
        const size_t close = line.find(')', open);
        const size_t after = line.find("\",", close);
        if (open == std::string::npos || close == std::string::npos || after == std::string::npos) continue;
        std::vector<std::array<double, 2>> ring;
        std::stringstream coords(line.substr(open + 3, close - open - 3));
        std::string pair;
        while (std::getline(coords, pair, ',')) {
            std::stringstream xy(pair);
            std::array<double, 2> p;
            if (xy >> p[0] >> p[1]) ring.push_back(p);
        }
        std::vector<std::string> cells;
        std::stringstream rest(line.substr(after + 2));
        std::string cell;
        cells.push_back("");  // the WKT column
        while (std::getline(rest, cell, ',')) cells.push_back(cell);
        if (code_column < cells.size()) {
            std::string code = cells[code_column];
            code.erase(std::remove(code.begin(), code.end(), '"'), code.end());
            out[code] = ring;
        }
    }
    return out;
}

struct UnitBand {
    std::string code, name, kind, band;
    bool has_data = false;
};

// Units and band colours of `summary --by unit --format json`.
void summary_units(const std::string& args, std::vector<UnitBand>* units, std::map<std::string, std::string>* colours) {
    const auto r = run_cli("summary --by unit --format json " + args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    for (const auto& band : j["bands"])
        (*colours)[band["label"].get<std::string>()] = band["colour"].get<std::string>().substr(1);
    for (const auto& u : j["units"])
        units->push_back({u["code"], u["name"], u["kind"], u["band"], u["has_data"].get<bool>()});
}

std::string hex_of(int r, int g, int b) {
    char text[8];
    std::snprintf(text, sizeof text, "%02x%02x%02x", r, g, b);
    return text;
}

std::string lower(std::string s) {
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// ---------------------------------------------------------------------------------------------

TEST(ExportCli, PresetsRecordSizeAndResolution) {
    const std::string dir = temp_dir("export-presets");
    struct Case {
        const char* preset;
        uint32_t w, h, ppm;
    };
    // 96 dpi = 3780 px/m, 300 dpi = 11811 px/m.
    for (const Case& c : {Case{"hd", 1920, 1080, 3780}, Case{"4k", 3840, 2160, 3780}, Case{"a4-300", 3508, 2480, 11811}}) {
        const std::string out = dir + "/" + c.preset + ".png";
        const auto r = run_cli("export --date 2020-07-31 --preset " + std::string(c.preset) + " --out " + quote(out));
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_TRUE(contains(r.out, out)) << r.out;
        const PngHeader h = png_header(out);
        ASSERT_TRUE(h.ok) << out;
        EXPECT_EQ(h.width, c.w) << c.preset;
        EXPECT_EQ(h.height, c.h) << c.preset;
        ASSERT_TRUE(h.has_phys) << c.preset;
        EXPECT_EQ(h.ppu_x, c.ppm) << c.preset;
        EXPECT_EQ(h.ppu_y, c.ppm) << c.preset;
        EXPECT_EQ(h.unit, 1) << c.preset;
    }
    // --dpi overrides the preset's resolution; --size gives any size.
    const std::string out = dir + "/custom.png";
    const auto r = run_cli("export --date 2020-07-31 --size 1000x700 --dpi 150 --out " + quote(out));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const PngHeader h = png_header(out);
    EXPECT_EQ(h.width, 1000u);
    EXPECT_EQ(h.height, 700u);
    EXPECT_EQ(h.ppu_x, 5906u);  // 150 dpi
    fs::remove_all(dir);
}

TEST(ExportCli, WorldFileAndPrjPlaceTheImage) {
    const std::string dir = temp_dir("export-world");
    const std::string out = dir + "/map.png";
    const auto r = run_cli("export --date 2020-07-31 --size 1600x1000 --out " + quote(out));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::vector<double> w = world_file(dir + "/map.pgw");
    ASSERT_EQ(w.size(), 6u);
    EXPECT_GT(w[0], 0);
    EXPECT_EQ(w[1], 0);
    EXPECT_EQ(w[2], 0);
    EXPECT_DOUBLE_EQ(w[3], -w[0]);
    // The demo lies in Lạng Sơn: VN-2000 / TM-3 107°15' eastings near 400–530 km, northings 2350–2490 km.
    EXPECT_GT(w[4], 300000);
    EXPECT_LT(w[4], 560000);
    EXPECT_GT(w[5], 2350000);
    EXPECT_LT(w[5], 2600000);
    const std::string prj = read_file(dir + "/map.prj");
    EXPECT_TRUE(contains(prj, "PROJCS[")) << prj;
    EXPECT_TRUE(contains(prj, "VN-2000")) << prj;
    EXPECT_TRUE(contains(prj, "107.25")) << prj;
    // No temporaries left behind.
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        ++files;
        EXPECT_FALSE(contains(e.path().string(), ".tmp")) << e.path();
    }
    EXPECT_EQ(files, 4);  // .png, .pgw, .prj, .png.aux.xml

    if (!have_tool("gdalinfo")) GTEST_SKIP() << "gdalinfo (gdal-bin) is not installed; the GDAL read-back is skipped";
    const std::string info = capture("gdalinfo " + quote(out) + " 2>&1");
    EXPECT_TRUE(contains(info, "Size is 1600, 1000")) << info;
    char origin[128];
    std::snprintf(origin, sizeof origin, "Origin = (%.15f,", w[4] - w[0] / 2);
    EXPECT_TRUE(contains(info, std::string(origin).substr(0, 20))) << origin << "\n" << info;
    EXPECT_TRUE(contains(info, "VN-2000")) << "GDAL does not see the CRS:\n" << info;
    EXPECT_TRUE(contains(info, "107.25")) << info;
    fs::remove_all(dir);
}

TEST(ExportCli, InteriorColoursMatchSummaryBands) {
    if (!have_tool("gdallocationinfo") || !have_tool("ogr2ogr"))
        GTEST_SKIP() << "gdallocationinfo / ogr2ogr (gdal-bin) are not installed";
    const std::string dir = temp_dir("export-colours");
    const std::string out = dir + "/map.png";
    // --map-only: the names drawn at the units' poles would cover the colours read there.
    const auto r = run_cli("export --date 2020-07-31 --preset hd --map-only --out " + quote(out));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::vector<double> w = world_file(dir + "/map.pgw");
    ASSERT_EQ(w.size(), 6u);

    std::vector<UnitBand> units;
    std::map<std::string, std::string> colours;
    summary_units("--date 2020-07-31", &units, &colours);
    ASSERT_EQ(units.size(), 200u);
    ASSERT_EQ(colours.size(), 5u);
    const auto rings = unit_rings(NTM_DEMO_DATASET, "2020");  // the units in force on 31/07/2020
    ASSERT_EQ(rings.size(), 200u);

    int checked = 0;
    for (size_t i = 0; i < units.size(); i += 7) {
        const UnitBand& u = units[i];
        if (u.kind != "xa" || !u.has_data) continue;
        const auto ring = rings.find(u.code);
        ASSERT_NE(ring, rings.end()) << u.code;
        double width = 0;
        const auto p = interior_point(ring->second, &width);
        if (width < 12 * w[0]) continue;  // too narrow at this scale to stay clear of outlines
        char xy[96];
        std::snprintf(xy, sizeof xy, " %.3f %.3f", p[0], p[1]);
        const std::string values = capture("gdallocationinfo -valonly -geoloc " + quote(out) + xy + " 2>&1");
        int red = -1, green = -1, blue = -1;
        ASSERT_EQ(std::sscanf(values.c_str(), "%d %d %d", &red, &green, &blue), 3) << values;
        ASSERT_TRUE(colours.count(u.band)) << u.band;
        EXPECT_EQ(hex_of(red, green, blue), lower(colours[u.band])) << u.code << " " << u.name << " band " << u.band;
        ++checked;
    }
    EXPECT_GE(checked, 15);
    fs::remove_all(dir);
}

TEST(ExportCli, RealLangSonCommunesMatchTheirBandColours) {
    NTM_REQUIRE_SHARED(source, "boundaries/langson_communes_2025.geojson");
    if (!have_tool("gdallocationinfo") || !have_tool("ogr2ogr"))
        GTEST_SKIP() << "gdallocationinfo / ogr2ogr (gdal-bin) are not installed";
    const std::string dir = temp_dir("export-real");
    const std::string data = dir + "/ls.gpkg", out = dir + "/ls.png";
    auto r = run_cli("import --out " + quote(data) + " --boundaries " + quote(source));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run_cli("export --data " + quote(data) + " --out " + quote(out) + " --preset hd --map-only");  // no names over the poles
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::vector<double> w = world_file(dir + "/ls.pgw");
    ASSERT_EQ(w.size(), 6u);
    std::vector<UnitBand> units;
    std::map<std::string, std::string> colours;
    summary_units("--data " + quote(data), &units, &colours);
    const auto rings = unit_rings(data);
    ASSERT_EQ(rings.size(), units.size());
    // Without attainment data every xã is "no data" (grey); wards are hatched and skipped.
    int checked = 0;
    for (const UnitBand& u : units) {
        if (u.kind != "xa") continue;
        const auto ring = rings.find(u.code);
        if (ring == rings.end()) continue;
        double width = 0;
        const auto p = interior_point(ring->second, &width);
        if (width < 12 * w[0]) continue;
        char xy[96];
        std::snprintf(xy, sizeof xy, " %.3f %.3f", p[0], p[1]);
        const std::string values = capture("gdallocationinfo -valonly -geoloc " + quote(out) + xy + " 2>&1");
        int red = -1, green = -1, blue = -1;
        ASSERT_EQ(std::sscanf(values.c_str(), "%d %d %d", &red, &green, &blue), 3) << values;
        const std::string expected = u.has_data ? lower(colours[u.band]) : "";
        if (!expected.empty()) EXPECT_EQ(hex_of(red, green, blue), expected) << u.code << " " << u.name;
        else EXPECT_TRUE(red == green && green == blue) << u.code << " " << u.name << ": no-data grey expected";
        if (++checked == 20) break;
    }
    EXPECT_GE(checked, 10);
    fs::remove_all(dir);
}

TEST(ExportCli, A16000x12000ExportCompletes) {
    // Beyond llvmpipe's framebuffer limit in one direction and far beyond a tile: rendered in
    // tiles and streamed to the PNG strip by strip (about 10 s and 220 MiB here).
    const std::string dir = temp_dir("export-huge");
    const std::string out = dir + "/huge.png";
    const auto r = run_cli("export --date 2020-07-31 --size 16000x12000 --out " + quote(out));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const PngHeader h = png_header(out);
    EXPECT_EQ(h.width, 16000u);
    EXPECT_EQ(h.height, 12000u);
    EXPECT_EQ(h.ppu_x, 3780u);
    EXPECT_EQ(world_file(dir + "/huge.pgw").size(), 6u);
    fs::remove_all(dir);
}

TEST(ExportCli, AtlasGivesTheProvinceAndEveryDistrict) {
    const std::string dir = temp_dir("atlas");
    const auto r = run_cli("atlas --date 2020-07-31 --size 800x600 --out-dir " + quote(dir));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> pngs;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".png") pngs.push_back(e.path().filename().string());
    std::sort(pngs.begin(), pngs.end());
    ASSERT_EQ(pngs.size(), 12u);
    EXPECT_EQ(pngs[0], "00_toan-tinh.png");
    EXPECT_EQ(pngs[1].substr(0, 3), "01_");
    EXPECT_EQ(pngs[11].substr(0, 3), "11_");
    for (const std::string& p : pngs) {
        EXPECT_TRUE(fs::exists(dir + "/" + fs::path(p).replace_extension(".pgw").string())) << p;
        EXPECT_EQ(png_header(dir + "/" + p).width, 800u) << p;
    }
    // District images are zoomed in: a smaller pixel than the province's.
    EXPECT_LT(world_file(dir + "/" + fs::path(pngs[5]).replace_extension(".pgw").string())[0],
              world_file(dir + "/00_toan-tinh.pgw")[0]);

    const std::string dir2 = temp_dir("atlas-pattern");
    const auto p = run_cli("atlas --date 2020-07-31 --size 400x300 --map-only --pattern 'ntm_{code}_{date}.png' --out-dir " +
                           quote(dir2));
    ASSERT_EQ(p.exit_code, 0) << p.err;
    EXPECT_TRUE(fs::exists(dir2 + "/ntm_tinh_2020-07-31.png"));
    EXPECT_TRUE(fs::exists(dir2 + "/ntm_178_2020-07-31.png"));
    fs::remove_all(dir);
    fs::remove_all(dir2);
}

// After the reform there are no districts: the atlas makes a page per commune-level unit.
TEST(ExportCli, AtlasAfterTheReformGivesAPagePerCommune) {
    const std::string dir = temp_dir("atlas-2026");
    const auto r = run_cli("atlas --date 2026-06-30 --size 400x300 --map-only --pattern '{n}_{code}.png' --out-dir " +
                           quote(dir));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    size_t pngs = 0;
    for (const auto& e : fs::directory_iterator(dir)) pngs += e.path().extension() == ".png";
    EXPECT_EQ(pngs, 66u) << "the province and its 65 units";
    EXPECT_TRUE(fs::exists(dir + "/00_tinh.png"));
    EXPECT_TRUE(fs::exists(dir + "/01_05977.png")) << "Phường Đông Kinh, the first unit of 2025";
    // A commune page is zoomed in on its unit.
    EXPECT_LT(world_file(dir + "/01_05977.pgw")[0], world_file(dir + "/00_tinh.pgw")[0]);
    fs::remove_all(dir);
}

TEST(ExportCli, SeriesGivesNumberedFrames) {
    const std::string dir = temp_dir("series");
    const auto r = run_cli("export --from 2020-01-15 --to 2020-04-10 --step month --size 400x300 --out-dir " + quote(dir));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* name : {"frame_0001_2020-01-31.png", "frame_0002_2020-02-29.png", "frame_0003_2020-03-31.png",
                             "frame_0004_2020-04-10.png"})
        EXPECT_TRUE(fs::exists(dir + "/" + name)) << name << "\n" << r.out;
    int n = 0;
    for (const auto& e : fs::directory_iterator(dir)) n += e.path().extension() == ".png";
    EXPECT_EQ(n, 4);
    fs::remove_all(dir);
}

// A date before the first assessment: the map says "Chưa có dữ liệu đánh giá" and so does stderr,
// for a single image and for each frame of a series; a date with data warns of nothing.
TEST(ExportCli, ADateWithoutDataWarnsOnStderr) {
    const std::string dir = temp_dir("export-no-data");
    auto r = run_cli("export --date 2005-01-01 --size 400x300 --out " + quote(dir + "/a.png"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "warning: " + dir + "/a.png: no xã shown has an assessment on 2005-01-01 (the map says "
                     "\"Chưa có dữ liệu đánh giá\")\n");
    r = run_cli("export --date 2020-07-31 --size 400x300 --out " + quote(dir + "/b.png"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    r = run_cli("export --from 2010-12-31 --to 2011-03-31 --step month --size 400x300 --out-dir " + quote(dir + "/s"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // The demo's first assessments are of March 2011: the three frames before warn, the last does not.
    EXPECT_NE(r.err.find("frame_0001_2010-12-31.png: no xã shown has an assessment on 2010-12-31"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("frame_0004_2011-03-31.png"), std::string::npos) << r.err;
    fs::remove_all(dir);
}

TEST(ExportCli, BadOptionsGiveOneLineErrors) {
    const std::string dir = temp_dir("export-errors");
    const std::string out = quote(dir + "/x.png");
    struct Case {
        std::string args, err;
    };
    const Case cases[] = {
        {"export --out " + out + " --size 12x", "ntm-atlas: --size: '12x' is not a size (use WIDTHxHEIGHT, e.g. 1920x1080)\n"},
        {"export --out " + out + " --size 8x8", "ntm-atlas: --size: 8x8 is outside 16..32768 pixels per side\n"},
        {"export --out " + out + " --preset a5", "ntm-atlas: --preset: unknown preset 'a5' (use hd, 4k, a4-300 or a3-300)\n"},
        {"export --out " + out + " --preset hd --size 100x100", "ntm-atlas: export: give either --size or --preset, not both\n"},
        {"export --out " + out + " --date 2020-02-30", "ntm-atlas: --date: '2020-02-30' is not a date (use YYYY-MM-DD)\n"},
        {"export --out " + out + " --dpi 5", "ntm-atlas: --dpi: 5 is outside 10..2400\n"},
        {"export --out " + out + " --lang fr", "ntm-atlas: --lang: 'fr' is not a language (use vi or en)\n"},
        {"export --out " + quote(dir + "/x.jpg"), "ntm-atlas: --out: '" + dir + "/x.jpg' must name a .png file\n"},
        {"export --out " + out + " --district 'Huyện Không Có' --date 2020-07-31",
         "ntm-atlas: export: unknown district 'Huyện Không Có' (give a district code or name, e.g. Thành phố Lạng Sơn "
         "(178), Huyện Tràng Định (180), Huyện Bình Gia (181), …)\n"},
        // After the reform the units have no district (the demo's last date is in 2026).
        {"export --out " + out + " --district 'Huyện Cao Lộc' --date 2026-06-30",
         "ntm-atlas: export: unknown district 'Huyện Cao Lộc' (the units in force on 2026-06-30 have no districts)\n"},
    };
    for (const Case& c : cases) {
        const auto r = run_cli(c.args);
        EXPECT_EQ(r.exit_code, 1) << c.args;
        EXPECT_EQ(r.err, c.err) << c.args;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    }
    EXPECT_FALSE(fs::exists(dir + "/x.png"));
    fs::remove_all(dir);
}

TEST(ExportCli, AFailedExportLeavesTheGoodFileAlone) {
    const std::string dir = temp_dir("export-keep");
    const std::string out = dir + "/map.png";
    auto r = run_cli("export --date 2020-07-31 --size 300x200 --out " + quote(out));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string good = read_file(out), good_pgw = read_file(dir + "/map.pgw");
    ASSERT_FALSE(good.empty());
    // Fails before drawing.
    r = run_cli("export --date 2020-07-31 --size 300x200 --district 999 --out " + quote(out));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(read_file(out), good);
    // Fails after the image is written: the world file cannot replace a folder.
    fs::remove(dir + "/map.pgw");
    fs::create_directory(dir + "/map.pgw");
    r = run_cli("export --date 2015-01-31 --size 320x200 --out " + quote(out));
    EXPECT_EQ(r.exit_code, 1) << r.out;
    EXPECT_TRUE(contains(r.err, out)) << r.err;
    EXPECT_EQ(read_file(out), good);
    for (const auto& e : fs::directory_iterator(dir)) EXPECT_FALSE(contains(e.path().string(), ".tmp")) << e.path();
    fs::remove_all(dir);
}

TEST(ExportCli, WorksWithoutAnyDisplay) {
    const std::string dir = temp_dir("export-nodisplay");
    const std::string a = dir + "/egl.png";
    const std::string cmd = std::string("env -u DISPLAY -u WAYLAND_DISPLAY ") + quote(NTM_BINARY) +
                            " export --date 2020-07-31 --size 640x480 --out " + quote(a) + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    EXPECT_EQ(png_header(a).width, 640u);
    // Forcing the window fallback without a display fails with one line naming both reasons.
    const std::string forced = std::string("env -u DISPLAY NTM_HEADLESS=glfw ") + quote(NTM_BINARY) +
                               " export --size 640x480 --out " + quote(dir + "/glfw.png") + " 2>&1";
    const std::string err = capture(forced);
    EXPECT_TRUE(contains(err, "no $DISPLAY for a hidden window either")) << err;
    EXPECT_FALSE(fs::exists(dir + "/glfw.png"));
    // With a display (Xvfb), the hidden-window fallback draws the same image.
    if (have_tool("xvfb-run")) {
        const std::string b = dir + "/glfw.png";
        const std::string xcmd = std::string("NTM_HEADLESS=glfw xvfb-run -a -s '-screen 0 800x600x24' ") + quote(NTM_BINARY) +
                                 " export --date 2020-07-31 --size 640x480 --out " + quote(b) + " >/dev/null 2>&1";
        ASSERT_EQ(std::system(xcmd.c_str()), 0);
        EXPECT_EQ(read_file(a), read_file(b)) << "EGL and hidden-window images differ";
    }
    fs::remove_all(dir);
}

}  // namespace
