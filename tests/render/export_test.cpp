// Exports as images in memory: the colour at a unit's interior point is its band colour, the
// legend's counts are core's statistics, --map-only draws no decorations, tiling gives the same
// picture, a district export mutes the rest, the world file matches the camera.
#include "render/map_export.h"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "core/demo.h"
#include "core/error.h"
#include "core/map_colours.h"
#include "core/state.h"
#include "core/statistics.h"
#include "geo/label_anchor.h"
#include "render_fixture.h"

namespace {

using ntm::Rgb;
using ntm::render::ExportOptions;
using ntm::render::ExportResult;
using ntm::render::Image;
using ntm::render::MapExporter;
using ntm::test::pixel;

struct Demo {
    ntm::Dataset dataset = ntm::demo::make_demo_dataset();
    ntm::geo::MapGeometry geometry = ntm::test::demo_geometry_in_metres(dataset);
};

const Demo& demo() {
    static const Demo d;
    return d;
}

const ntm::Date kDate = ntm::Date::from_ymd(2020, 7, 31);

class ExportTest : public ntm::test::GlTest {
protected:
    MapExporter& exporter() {
        static std::unique_ptr<MapExporter> e;  // one upload for the suite (same context)
        if (!e) e = std::make_unique<MapExporter>(demo().dataset, demo().geometry);
        return *e;
    }
    static ExportOptions options(int w = 1600, int h = 1000) {
        ExportOptions o;
        o.width = w;
        o.height = h;
        o.date = kDate;
        o.labels = false;  // these tests read the fills at the units' poles (labels_test.cpp has the names)
        return o;
    }
};

bool near(Rgb a, Rgb b, int tolerance) {
    return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance && std::abs(a.b - b.b) <= tolerance;
}

// Counts pixels of exactly `c`.
size_t count_colour(const Image& image, Rgb c) {
    size_t n = 0;
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) n += pixel(image, x, y) == c;
    return n;
}

// For every assessed unit whose interior point has room (a circle of 6 px), the pixel there has
// exactly its colour from paint_units(); returns how many were checked.
int check_interior_colours(const Image& image, const ExportResult& r, const std::vector<Rgb>& expected,
                           const std::vector<uint8_t>& skip) {
    const auto& d = demo();
    int checked = 0;
    for (size_t u = 0; u < d.dataset.units.size(); ++u) {
        if (skip[u]) continue;
        const ntm::geo::LabelAnchor a = ntm::geo::label_anchor(d.geometry.shapes[u]);
        if (!a.valid() || a.radius < 6 * r.camera.metres_per_pixel) continue;
        const ntm::geo::Vec2 s = r.camera.world_to_screen(a.point, image.width, image.height);
        const int x = int(std::floor(s.x)), y = int(std::floor(s.y));
        const ntm::render::PixelRect& m = r.map_area;
        if (x < m.x + 2 || y < m.y + 2 || x > m.right() - 3 || y > m.bottom() - 3) continue;
        EXPECT_EQ(pixel(image, x, y), expected[u]) << d.dataset.units[u].name << " at " << x << "," << y;
        ++checked;
    }
    return checked;
}

TEST_F(ExportTest, InteriorPointsShowTheirBandColours) {
    ExportResult r;
    const Image image = exporter().render_image(options(), &r);
    ASSERT_EQ(image.width, 1600);
    ASSERT_EQ(image.height, 1000);
    const auto& d = demo();
    const auto states = ntm::AttainmentIndex(d.dataset).states(kDate);
    const ntm::UnitPaint paint = ntm::paint_units(d.dataset, states, kDate);
    // Not-applicable units are hatched: their interior pixel may be a stripe.
    const int checked = check_interior_colours(image, r, paint.fill, paint.not_applicable);
    EXPECT_GT(checked, 150);
    // Every band appears on the map.
    for (int b = 0; b < 4; ++b)
        EXPECT_GT(count_colour(image, ntm::band_colour(b, 5)), 100u) << "band " << b;
}

TEST_F(ExportTest, LegendCountsAreCoreStatisticsAndTheTitleCarriesTheDate) {
    ExportResult r;
    exporter().render_image(options(800, 600), &r);
    const auto& d = demo();
    const ntm::Summary s = ntm::summarize(d.dataset, ntm::AttainmentIndex(d.dataset).states(kDate), kDate);
    ASSERT_GE(r.decorations.legend.size(), s.bands.size());
    for (size_t b = 0; b < s.bands.size(); ++b) {
        EXPECT_EQ(r.decorations.legend[b].count, s.bands[b].count) << b;
        EXPECT_DOUBLE_EQ(r.decorations.legend[b].percent, s.bands[b].percent) << b;
        EXPECT_EQ(r.decorations.legend[b].label, d.dataset.criteria_on(ntm::Date::from_ymd(2024, 1, 1)).bands[b].label);
    }
    // The published figures of 31 July 2020: 51, 4, 36, 90, 0 of 181 xã.
    EXPECT_EQ(r.decorations.legend[0].count, 51);
    EXPECT_EQ(r.decorations.legend[1].count, 4);
    EXPECT_EQ(r.decorations.legend[2].count, 36);
    EXPECT_EQ(r.decorations.legend[3].count, 90);
    EXPECT_EQ(r.decorations.legend.back().count, 19);  // 5 phường + 14 thị trấn, not applicable
    EXPECT_NE(r.decorations.title.find("31/07/2020"), std::string::npos) << r.decorations.title;
    EXPECT_NE(r.decorations.title.find("Lạng Sơn"), std::string::npos) << r.decorations.title;
    EXPECT_NE(r.decorations.legend_note.find("11,66"), std::string::npos) << r.decorations.legend_note;
    EXPECT_TRUE(r.decorations.illustrative);

    ExportOptions en = options(800, 600);
    en.vietnamese = false;
    exporter().render_image(en, &r);
    EXPECT_NE(r.decorations.title.find("2020-07-31"), std::string::npos) << r.decorations.title;
    EXPECT_NE(r.decorations.legend_note.find("11.66"), std::string::npos) << r.decorations.legend_note;
}

TEST_F(ExportTest, MapOnlyHasNoDecorations) {
    // Text is drawn in two colours no map feature uses: the body text and the red
    // "Dữ liệu minh họa" note.
    const Rgb text{31, 31, 31}, warning{176, 0, 32};
    ExportResult r;
    const Image decorated = exporter().render_image(options(), &r);
    EXPECT_GT(count_colour(decorated, text), 200u);
    EXPECT_GT(count_colour(decorated, warning), 50u);
    ExportOptions o = options();
    o.decorations = false;
    const Image plain = exporter().render_image(o, &r);
    EXPECT_EQ(count_colour(plain, text), 0u);
    EXPECT_EQ(count_colour(plain, warning), 0u);
    EXPECT_TRUE(r.decorations.title.empty());
    EXPECT_TRUE(r.decorations.legend.empty());
    // The map alone fills the frame (2 % margin): far larger than beside the legend.
    ExportResult with;
    exporter().render_image(options(), &with);
    EXPECT_LT(r.camera.metres_per_pixel, with.camera.metres_per_pixel);
}

TEST_F(ExportTest, TiledRenderingGivesTheSamePicture) {
    ExportOptions o = options(900, 700);
    ExportResult whole_r, tiled_r;
    const Image whole = exporter().render_image(o, &whole_r);
    o.max_tile = 256;
    const Image tiled = exporter().render_image(o, &tiled_r);
    EXPECT_EQ(whole_r.tiles, 1);
    EXPECT_GE(tiled_r.tiles, 12);
    ASSERT_EQ(whole.rgba.size(), tiled.rgba.size());
    size_t differ = 0;
    for (int y = 0; y < whole.height; ++y)
        for (int x = 0; x < whole.width; ++x) differ += !near(pixel(whole, x, y), pixel(tiled, x, y), 8);
    // Edges may anti-alias a little differently across tile seams; fills and text do not move.
    EXPECT_LT(differ, size_t(whole.width) * whole.height / 200) << differ << " pixels differ";
    const auto states = ntm::AttainmentIndex(demo().dataset).states(kDate);
    const ntm::UnitPaint paint = ntm::paint_units(demo().dataset, states, kDate);
    EXPECT_GT(check_interior_colours(tiled, tiled_r, paint.fill, paint.not_applicable), 100);
}

TEST_F(ExportTest, DistrictExportZoomsInAndMutesTheRest) {
    const auto& d = demo();
    const std::vector<ntm::District> districts = d.dataset.districts();
    ASSERT_EQ(districts.size(), 11u);
    ExportOptions o = options();
    o.district = 1;
    ExportResult r, whole;
    const Image image = exporter().render_image(o, &r);
    exporter().render_image(options(), &whole);
    EXPECT_LT(r.camera.metres_per_pixel, whole.camera.metres_per_pixel);
    EXPECT_EQ(r.summary.scope_code, districts[1].code);
    EXPECT_NE(r.decorations.title.find(districts[1].name.substr(districts[1].name.find(' ') + 1)), std::string::npos)
        << r.decorations.title;

    const auto states = ntm::AttainmentIndex(d.dataset).states(kDate);
    ntm::UnitPaint paint = ntm::paint_units(d.dataset, states, kDate);
    std::vector<uint8_t> skip = paint.not_applicable;
    int inside = 0;
    for (size_t u = 0; u < d.dataset.units.size(); ++u) {
        const bool in = d.dataset.units[u].district_code == districts[1].code;
        inside += in && !skip[u];
        if (!in) {
            // Muted: 60 % of the way to a light grey (220).
            Rgb& c = paint.fill[u];
            auto m = [](uint8_t v) { return uint8_t(std::lround(v + (220 - v) * 0.6)); };
            c = {m(c.r), m(c.g), m(c.b)};
        }
    }
    EXPECT_GT(inside, 5);
    EXPECT_GT(check_interior_colours(image, r, paint.fill, skip), inside);
    int counted = 0;
    for (const auto& row : r.decorations.legend) counted += row.count;
    EXPECT_EQ(counted, r.summary.units_total);
}

TEST_F(ExportTest, WorldFileDescribesTheImage) {
    ExportResult r;
    exporter().render_image(options(1000, 800), &r);
    const double mpp = r.camera.metres_per_pixel;
    EXPECT_DOUBLE_EQ(r.world[0], mpp);
    EXPECT_EQ(r.world[1], 0);
    EXPECT_EQ(r.world[2], 0);
    EXPECT_DOUBLE_EQ(r.world[3], -mpp);
    const ntm::geo::Vec2 centre = r.camera.screen_to_world({0.5, 0.5}, 1000, 800);
    EXPECT_NEAR(r.world[4], centre.x, 1e-6);
    EXPECT_NEAR(r.world[5], centre.y, 1e-6);
    // A point through the world file lands on the pixel the camera puts it on.
    const ntm::geo::Vec2 p = demo().geometry.bounds().center();
    const double col = (p.x - r.world[4]) / r.world[0] + 0.5, row = (p.y - r.world[5]) / r.world[3] + 0.5;
    const ntm::geo::Vec2 s = r.camera.world_to_screen(p, 1000, 800);
    EXPECT_NEAR(col, s.x, 1e-6);
    EXPECT_NEAR(row, s.y, 1e-6);
}

TEST_F(ExportTest, PrintResolutionScalesTextAndLines) {
    ExportResult screen, print;
    ExportOptions o = options(1200, 850);
    o.dpi = 96;
    const Image a = exporter().render_image(o, &screen);
    o.width = 3600;
    o.height = 2550;
    o.dpi = 288;  // three times the pixels and three times the dpi: the same page, sharper
    const Image b = exporter().render_image(o, &print);
    EXPECT_EQ(print.decorations.dpi, 288);
    // The map gets the same share of the page: metres per pixel a third.
    EXPECT_NEAR(print.camera.metres_per_pixel * 3, screen.camera.metres_per_pixel,
                screen.camera.metres_per_pixel * 0.02);
    // Text covers about nine times the pixels.
    const Rgb text{31, 31, 31};
    const double ratio = double(count_colour(b, text)) / double(count_colour(a, text));
    EXPECT_GT(ratio, 5.0);
    EXPECT_LT(ratio, 20.0);
}

// A briefing view's highlighted criterion: the xã missing it get the selection outline.
TEST_F(ExportTest, HighlightedCriterionOutlinesTheXaMissingIt) {
    ExportOptions o = options();
    o.decorations = false;
    ExportResult plain_result;
    const Image plain = exporter().render_image(o, &plain_result);
    EXPECT_EQ(count_colour(plain, ntm::selection_colour()), 0u) << "nothing outlined without a highlight";

    const ntm::AttainmentIndex index(demo().dataset);
    const auto states = index.states(kDate);
    o.highlight_criterion = 2;  // Giao thông: missed by 129 xã on the date
    ExportResult r;
    const Image image = exporter().render_image(o, &r);
    std::vector<char> missing(demo().dataset.units.size(), 0);
    for (size_t u = 0; u < states.size(); ++u)
        missing[u] = demo().dataset.units[u].assessed() && states[u].has_data && states[u].met.size() >= 2 && !states[u].met[1];
    // The outline colour on most of the boundary of each xã missing it.
    size_t outlined = 0, checked_missing = 0;
    for (size_t u = 0; u < missing.size(); ++u) {
        if (!missing[u]) continue;
        ++checked_missing;
        size_t hits = 0;
        const auto& ring = demo().geometry.shapes[u].parts[0].outer;
        for (const auto& v : ring) hits += ntm::test::pixel_at(image, r.camera, v) == ntm::selection_colour();
        outlined += hits > ring.size() / 2;
    }
    EXPECT_EQ(checked_missing, 129u);
    EXPECT_EQ(outlined, checked_missing) << "every xã missing criterion 2 is outlined";
    const size_t outline_pixels = count_colour(image, ntm::selection_colour());
    o.highlight_criterion = 4;  // Điện: met by every xã on the date
    const Image none = exporter().render_image(o, &r);
    EXPECT_EQ(count_colour(none, ntm::selection_colour()), 0u) << "no xã misses criterion 4";
    EXPECT_GT(outline_pixels, 1000u);
}

TEST(ExportOptionsTest, PresetsAndSizes) {
    using ntm::render::export_preset;
    ASSERT_TRUE(export_preset("hd"));
    EXPECT_EQ(export_preset("hd")->width, 1920);
    EXPECT_EQ(export_preset("hd")->height, 1080);
    EXPECT_EQ(export_preset("4k")->width, 3840);
    EXPECT_EQ(export_preset("a4-300")->width, 3508);
    EXPECT_EQ(export_preset("a4-300")->height, 2480);
    EXPECT_EQ(export_preset("a4-300")->dpi, 300);
    EXPECT_EQ(export_preset("a3-300")->width, 4961);
    EXPECT_EQ(export_preset("a3-300")->height, 3508);
    EXPECT_FALSE(export_preset("a5"));
    const auto s = ntm::render::parse_export_size("16000x12000");
    EXPECT_EQ(s.width, 16000);
    EXPECT_EQ(s.height, 12000);
    EXPECT_EQ(ntm::render::parse_export_size("800×600").height, 600);
    EXPECT_THROW(ntm::render::parse_export_size("800"), ntm::Error);
    EXPECT_THROW(ntm::render::parse_export_size("8x8"), ntm::Error);
    EXPECT_THROW(ntm::render::parse_export_size("-5x100"), ntm::Error);
    EXPECT_THROW(ntm::render::parse_export_size("40000x100"), ntm::Error);
}

TEST(ExportOptionsTest, FileSlugs) {
    EXPECT_EQ(ntm::render::file_slug("Huyện Cao Lộc"), "huyen-cao-loc");
    EXPECT_EQ(ntm::render::file_slug("Thành phố Lạng Sơn"), "thanh-pho-lang-son");
    EXPECT_EQ(ntm::render::file_slug("Đình Lập"), "dinh-lap");
}

}  // namespace
