// Exports of the real boundary files (../shared/data; skipped when absent): names on the 2025 and
// 2009 Lạng Sơn maps, the national map's inset with Hoàng Sa and Trường Sa and its 34 province
// names, and the source line read back by OCR (tesseract -l vie; skipped when not installed).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/map_colours.h"
#include "core/text.h"
#include "io/boundary_loader.h"
#include "io/dataset_file.h"
#include "render/map_export.h"
#include "render/render_fixture.h"

namespace {

namespace fs = std::filesystem;
using ntm::render::ExportOptions;
using ntm::render::ExportResult;

std::string boundary_file(const char* name) { return std::string(NTM_SHARED_DATA_DIR) + "/boundaries/" + name; }

class RealExport : public ntm::test::GlTest {
protected:
    static ntm::io::DatasetFile load(const std::string& path) {
        ntm::io::LoadOptions o;
        o.source = path;
        o.check_topology = false;
        return ntm::io::dataset_from_boundaries(o);
    }
    void SetUp() override {
        GlTest::SetUp();
        if (IsSkipped()) return;
        if (!fs::exists(boundary_file("langson_communes_2025.geojson")))
            GTEST_SKIP() << "no ../shared/data (the real boundary files)";
    }
};

bool overlaps(const ntm::geo::Bounds& a, const ntm::geo::Bounds& b) {
    return a.min_x < b.max_x && b.min_x < a.max_x && a.min_y < b.max_y && b.min_y < a.max_y;
}

void expect_no_overlap(const ExportResult& r) {
    for (size_t i = 0; i < r.labels.size(); ++i)
        for (size_t j = i + 1; j < r.labels.size(); ++j)
            EXPECT_FALSE(overlaps(r.labels[i].box, r.labels[j].box))
                << r.label_names[r.labels[i].label].text << " / " << r.label_names[r.labels[j].label].text;
}

std::set<std::string> texts(const ExportResult& r) {
    std::set<std::string> out;
    for (const auto& d : r.labels) out.insert(r.label_names[d.label].text);
    return out;
}

TEST_F(RealExport, LangSon2025NamesMostCommunes) {
    const auto f = load(boundary_file("langson_communes_2025.geojson"));
    ntm::render::MapExporter exporter(f.dataset, f.geometry);
    ExportOptions o;
    o.date = ntm::default_date(f.dataset);
    ExportResult r;
    exporter.render_image(o, &r);
    // The issue found 9 of 61 names; no districts after the reform, so only unit names.
    EXPECT_GE(r.labels.size(), 45u);
    for (const auto& d : r.labels) EXPECT_EQ(r.label_names[d.label].units.size(), 1u);
    expect_no_overlap(r);
    // Nothing assessed: the page says so.
    EXPECT_NE(r.decorations.no_data_note.find("Chưa có dữ liệu đánh giá"), std::string::npos);
    EXPECT_NE(r.decorations.source_line.find("langson_communes_2025.geojson"), std::string::npos);
}

TEST_F(RealExport, LangSon2009NamesEveryDistrictInside) {
    const auto f = load(boundary_file("langson_communes_2009.geojson"));
    ntm::render::MapExporter exporter(f.dataset, f.geometry);
    ExportOptions o;
    o.date = ntm::default_date(f.dataset);
    ExportResult r;
    exporter.render_image(o, &r);
    const auto t = texts(r);
    for (const char* name : {"Huyện Bình Gia", "Huyện Cao Lộc", "Huyện Văn Quan", "Thành phố Lạng Sơn"})
        EXPECT_TRUE(t.count(name)) << name;
    expect_no_overlap(r);
    // Each district name is centred over one of its own communes.
    for (const auto& d : r.labels) {
        const auto& l = r.label_names[d.label];
        if (l.units.size() < 2) continue;
        const ntm::geo::Vec2 c = r.camera.screen_to_world({(d.box.min_x + d.box.max_x) / 2, (d.box.min_y + d.box.max_y) / 2},
                                                          r.width, r.height);
        bool inside = false;
        for (int u : l.units) inside = inside || ntm::geo::contains(f.geometry.shapes[u], c);
        EXPECT_TRUE(inside) << l.text;
        // And most of its box: the issue found "Thành phố Lạng Sơn" drawn in one long line over
        // two other districts; a name that cannot fit is drawn where it covers its own place most.
        int in = 0, all = 0;
        for (double fy : {0.2, 0.5, 0.8})
            for (int i = 0; i <= 8; ++i) {
                const ntm::geo::Vec2 p = r.camera.screen_to_world(
                    {d.box.min_x + (0.03 + 0.94 * i / 8) * d.box.width(), d.box.min_y + fy * d.box.height()}, r.width, r.height);
                bool hit = false;
                for (int u : l.units) hit = hit || ntm::geo::contains(f.geometry.shapes[u], p);
                in += hit;
                ++all;
            }
        EXPECT_GE(double(in) / all, 0.6) << l.text << ": " << in << " of " << all << " sample points inside";
    }
}

TEST_F(RealExport, NationalMapHasTheIslandsInAnInsetAndEveryProvinceNamed) {
    if (!fs::exists(boundary_file("vn_communes_2025.geojson.gz"))) GTEST_SKIP() << "no national file";
    const auto f = load("/vsigzip/" + boundary_file("vn_communes_2025.geojson.gz"));
    ntm::render::MapExporter exporter(f.dataset, f.geometry);
    ExportOptions o;
    o.date = ntm::default_date(f.dataset);
    ExportResult r;
    const ntm::render::Image image = exporter.render_image(o, &r);
    std::set<std::string> islands;
    for (int u : r.islands) islands.insert(f.dataset.units[u].full_name());
    EXPECT_EQ(islands, (std::set<std::string>{"Đặc khu Hoàng Sa", "Đặc khu Trường Sa"}));
    ASSERT_FALSE(r.inset.empty());
    // The inset holds the islands: inside its frame only they are drawn (no mainland, no
    // province lines), so its non-white pixels are theirs.
    int island_pixels = 0;
    for (int y = int(r.inset.y) + 3; y < int(r.inset.bottom()) - 3; ++y)
        for (int x = int(r.inset.x) + 3; x < int(r.inset.right()) - 3; ++x) {
            const ntm::Rgb p = ntm::test::pixel(image, x, y);
            island_pixels += p.r + p.g + p.b < 3 * 235;
        }
    EXPECT_GT(island_pixels, 200);
    // The mainland fills the map: Trường Sa's southern reefs lie below the main map's frame.
    double lowest = 1e300;
    for (int u : r.islands) lowest = std::min(lowest, f.geometry.shapes[u].bounds().min_y);
    EXPECT_GT(r.camera.world_to_screen({0, lowest}, r.width, r.height).y, r.map_area.bottom());
    // Every province named, Hà Nội among them, and the two archipelagos in the inset.
    int provinces = 0;
    for (const auto& d : r.labels) provinces += r.label_names[d.label].units.size() > 1;
    EXPECT_EQ(provinces, 34);
    if (provinces != 34) {
        std::set<std::string> placed;
        for (const auto& d : r.labels) placed.insert(r.label_names[d.label].text);
        for (const auto& l : r.label_names)
            if (l.units.size() > 1 && !placed.count(l.text)) ADD_FAILURE() << "not named: " << l.text;
    }
    const auto t = texts(r);
    EXPECT_TRUE(t.count("Hà Nội"));
    EXPECT_TRUE(t.count("Đặc khu Hoàng Sa"));
    EXPECT_TRUE(t.count("Đặc khu Trường Sa"));
    expect_no_overlap(r);
}

TEST_F(RealExport, TheSourceLineReadsBackByOcr) {
    if (std::system("tesseract --list-langs 2>/dev/null | grep -qx vie") != 0)
        GTEST_SKIP() << "tesseract with Vietnamese (tesseract-ocr-vie) is not installed";
    const auto f = load(boundary_file("langson_communes_2025.geojson"));
    ntm::render::MapExporter exporter(f.dataset, f.geometry);
    ExportOptions o;
    o.date = ntm::default_date(f.dataset);
    o.source = "Kiểm tra nhận dạng chữ của NTM Atlas";
    o.world_file = false;
    const fs::path dir = fs::temp_directory_path() / ("ntm-ocr-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string png = (dir / "map.png").string(), txt = (dir / "map").string();
    exporter.export_png(o, png);
    ASSERT_EQ(std::system(("tesseract " + png + " " + txt + " -l vie >/dev/null 2>&1").c_str()), 0);
    std::ifstream in(txt + ".txt");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    fs::remove_all(dir);
    const std::string key = ntm::fold_search_key(text);
    EXPECT_NE(key.find("nhan dang chu"), std::string::npos) << text;
    EXPECT_NE(key.find("nguon"), std::string::npos) << text;
}

}  // namespace
