#include "render/map_renderer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "render/offscreen.h"
#include "render_fixture.h"

namespace {

using ntm::Rgb;
using ntm::geo::Vec2;
using ntm::render::Camera;
using ntm::render::Framebuffer;
using ntm::render::Image;
using ntm::render::MapRenderer;
using ntm::test::kX0;
using ntm::test::kY0;
using ntm::test::pixel;
using ntm::test::pixel_at;
using ntm::test::sample_hole;
using ntm::test::sample_interior;

constexpr int W = 400, H = 300;
const Rgb kWhite{255, 255, 255};
const std::vector<Rgb> kColours{{230, 25, 75}, {60, 180, 75}, {0, 130, 200}, {245, 130, 48}};

class MapRendererTest : public ntm::test::GlTest, public ::testing::WithParamInterface<int> {};
class MapRendererPlain : public ntm::test::GlTest {};

TEST_P(MapRendererTest, EachUnitShowsExactlyItsColourAndTheHoleIsBackground) {
    MapRenderer renderer;
    renderer.upload(ntm::test::sample_map());
    renderer.set_unit_colours(kColours);
    const Camera camera = Camera::fit(renderer.bounds(), W, H, 10);
    const Image image = ntm::test::draw_to_image(renderer, camera, W, H, GetParam());
    ASSERT_EQ(image.width, W);
    ASSERT_EQ(image.height, H);
    for (int u = 0; u < 4; ++u) EXPECT_EQ(pixel_at(image, camera, sample_interior(u)), kColours[u]) << "unit " << u;
    EXPECT_EQ(pixel_at(image, camera, sample_hole()), kWhite);
    EXPECT_EQ(pixel(image, 2, 2), kWhite);  // margin
    // Top-right area of the L's bounding box is outside every unit.
    EXPECT_EQ(pixel_at(image, camera, {kX0 + 2500, kY0 + 2200}), kWhite);
}

TEST_P(MapRendererTest, RecolouringChangesPixelsWithoutNewGeometry) {
    MapRenderer renderer;
    renderer.upload(ntm::test::sample_map());
    renderer.set_unit_colours(kColours);
    const Camera camera = Camera::fit(renderer.bounds(), W, H, 10);
    Framebuffer target(W, H, GetParam());
    renderer.draw(camera, W, H);
    const Image before = target.read_pixels();
    const auto stats = renderer.stats();

    const std::vector<Rgb> next{{1, 2, 3}, {250, 251, 252}, {37, 52, 148}, {161, 218, 180}};
    renderer.set_unit_colours(next);
    renderer.draw(camera, W, H);
    const Image after = target.read_pixels();
    for (int u = 0; u < 4; ++u) {
        EXPECT_EQ(pixel_at(before, camera, sample_interior(u)), kColours[u]);
        EXPECT_EQ(pixel_at(after, camera, sample_interior(u)), next[u]) << "unit " << u;
    }
    EXPECT_EQ(renderer.stats().gpu_bytes, stats.gpu_bytes);
    EXPECT_EQ(renderer.stats().triangles, stats.triangles);

    // Fewer colours than units: the rest show "no data".
    renderer.set_unit_colours({next[0]});
    renderer.draw(camera, W, H);
    const Image partial = target.read_pixels();
    EXPECT_EQ(pixel_at(partial, camera, sample_interior(0)), next[0]);
    EXPECT_EQ(pixel_at(partial, camera, sample_interior(3)), ntm::no_data_colour());
}

TEST_P(MapRendererTest, ColourAppearsWhereTheCameraPutsIt) {
    MapRenderer renderer;
    renderer.upload(ntm::test::sample_map());
    renderer.set_unit_colours(kColours);
    Camera camera = Camera::fit(renderer.bounds(), W, H, 10);
    // Zoom in about an off-centre point and pan: the mapping must still agree with the image.
    camera.zoom_about({40, 280}, 2, W, H);
    camera.pan({10, -25});
    const Image image = ntm::test::draw_to_image(renderer, camera, W, H, GetParam());

    // Unit 0's left edge (x = kX0) has nothing to its left: background 3 px left, colour 3 px
    // right (the 1 px outline lies between).
    const Vec2 edge = camera.world_to_screen({kX0, kY0 + 500}, W, H);
    ASSERT_GT(edge.x, 5);
    ASSERT_LT(edge.x, W - 5);
    const int row = int(std::floor(edge.y));
    EXPECT_EQ(pixel(image, int(std::floor(edge.x)) - 3, row), kWhite);
    EXPECT_EQ(pixel(image, int(std::floor(edge.x)) + 3, row), kColours[0]);
    // Bottom edge of unit 0 (y = kY0): background below, colour above.
    const Vec2 bottom = camera.world_to_screen({kX0 + 300, kY0}, W, H);
    ASSERT_LT(bottom.y, H - 5);
    EXPECT_EQ(pixel(image, int(std::floor(bottom.x)), int(std::floor(bottom.y)) + 3), kWhite);
    EXPECT_EQ(pixel(image, int(std::floor(bottom.x)), int(std::floor(bottom.y)) - 3), kColours[0]);

    // Every pixel whose centre is well inside a unit (2 px from any edge) has its colour.
    int checked = 0;
    for (int y = 0; y < H; y += 3)
        for (int x = 0; x < W; x += 3) {
            const Vec2 w = camera.screen_to_world({x + 0.5, y + 0.5}, W, H);
            const double m = 2 * camera.metres_per_pixel;
            const auto geometry = ntm::test::sample_map();
            for (size_t u = 0; u < geometry.shapes.size(); ++u) {
                bool deep = true;
                for (Vec2 d : {Vec2{-m, -m}, Vec2{m, -m}, Vec2{m, m}, Vec2{-m, m}})
                    deep = deep && ntm::geo::contains(geometry.shapes[u], {w.x + d.x, w.y + d.y});
                if (deep) {
                    ASSERT_EQ(pixel(image, x, y), kColours[u]) << "pixel " << x << "," << y;
                    ++checked;
                }
            }
        }
    EXPECT_GT(checked, 500);
}

TEST_P(MapRendererTest, HatchedUnitHasHatchAndBaseColourInDiagonalStripes) {
    MapRenderer renderer;
    renderer.upload(ntm::test::sample_map());
    std::vector<Rgb> colours = kColours;
    colours[2] = ntm::not_applicable_colour();
    renderer.set_unit_colours(colours);
    renderer.set_unit_flags({0, 0, ntm::render::kUnitHatched, 0});
    const Camera camera = Camera::fit(renderer.bounds(), W, H, 10);
    const Image image = ntm::test::draw_to_image(renderer, camera, W, H, GetParam());
    const ntm::render::MapStyle style;

    const Vec2 c = camera.world_to_screen(sample_interior(2), W, H);
    std::map<std::string, int> counts;
    for (int y = int(c.y) - 20; y < int(c.y) + 20; ++y)
        for (int x = int(c.x) - 20; x < int(c.x) + 20; ++x) {
            const Rgb p = pixel(image, x, y);
            // Stripes follow window coordinates: gl_FragCoord.x + gl_FragCoord.y = x + (H - y).
            const bool stripe = (x + (H - y)) % 8 < 2;
            EXPECT_EQ(p, stripe ? style.hatch : ntm::not_applicable_colour()) << x << "," << y;
            ++counts[p == style.hatch ? "hatch" : p == ntm::not_applicable_colour() ? "base" : "other"];
        }
    EXPECT_EQ(counts["other"], 0);
    EXPECT_EQ(counts["hatch"], 1600 / 4);
    EXPECT_EQ(counts["base"], 1600 * 3 / 4);
    // Units without the flag are not hatched.
    EXPECT_EQ(pixel_at(image, camera, sample_interior(1)), kColours[1]);
}

INSTANTIATE_TEST_SUITE_P(Samples, MapRendererTest, ::testing::Values(1, 4),
                         [](const ::testing::TestParamInfo<int>& info) {
                             return info.param == 1 ? std::string("Aliased")
                                                    : "Msaa" + std::to_string(info.param);
                         });

TEST_F(MapRendererPlain, OutlinesSelectionDistrictsHighlightAndHidden) {
    MapRenderer renderer;
    renderer.upload(ntm::test::sample_map());
    renderer.set_unit_colours(kColours);
    const Camera camera = Camera::fit(renderer.bounds(), W, H, 10);
    const ntm::render::MapStyle style;

    // Thin outline on the shared edge of units 0 and 1.
    {
        const Image image = ntm::test::draw_to_image(renderer, camera, W, H, 1);
        const Vec2 s = camera.world_to_screen({kX0 + 1000, kY0 + 500}, W, H);
        const int x = int(std::floor(s.x)), y = int(std::floor(s.y));
        EXPECT_TRUE(pixel(image, x, y) == style.outline || pixel(image, x - 1, y) == style.outline);
        EXPECT_EQ(pixel(image, x - 3, y), kColours[0]);
        EXPECT_EQ(pixel(image, x + 3, y), kColours[1]);
    }
    // Selection: unit 1 gets a 3 px outline in the selection colour on top.
    renderer.set_unit_flag(1, ntm::render::kUnitSelected, true);
    {
        const Image image = ntm::test::draw_to_image(renderer, camera, W, H, 1);
        const Vec2 s = camera.world_to_screen({kX0 + 1500, kY0}, W, H);
        const int x = int(std::floor(s.x)), y = int(std::floor(s.y));
        EXPECT_EQ(pixel(image, x, y), style.selection);
        EXPECT_EQ(pixel(image, x, y - 1), style.selection);
        EXPECT_EQ(pixel(image, x, y + 1), style.selection);
        EXPECT_EQ(pixel(image, x, y - 4), kColours[1]);
        // Unit 0's bottom edge is not selected.
        const Vec2 o = camera.world_to_screen({kX0 + 500, kY0}, W, H);
        EXPECT_FALSE(pixel(image, int(o.x), int(o.y)) == style.selection);
    }
    renderer.set_unit_flag(1, ntm::render::kUnitSelected, false);

    // District outline along unit 2's square, 2.5 px wide.
    renderer.set_district_outlines({ntm::test::rect(kX0 + 2000, kY0, kX0 + 3000, kY0 + 1000)});
    {
        const Image image = ntm::test::draw_to_image(renderer, camera, W, H, 1);
        const Vec2 s = camera.world_to_screen({kX0 + 3000, kY0 + 500}, W, H);
        const int x = int(std::floor(s.x)), y = int(std::floor(s.y));
        EXPECT_EQ(pixel(image, x, y), style.district_outline);
        EXPECT_EQ(pixel(image, x - 4, y), kColours[2]);
        EXPECT_EQ(pixel(image, x + 4, y), kWhite);
        EXPECT_EQ(renderer.stats().district_segments, 4u);
    }
    renderer.set_district_outlines({});

    // Highlight lightens; hidden removes the unit and its outline.
    renderer.set_unit_flags({ntm::render::kUnitHidden, ntm::render::kUnitHighlight, 0, 0});
    {
        const Image image = ntm::test::draw_to_image(renderer, camera, W, H, 1);
        EXPECT_EQ(pixel_at(image, camera, sample_interior(0)), kWhite);
        const Vec2 left = camera.world_to_screen({kX0, kY0 + 500}, W, H);
        for (int dx = -2; dx <= 2; ++dx)
            EXPECT_EQ(pixel(image, int(std::floor(left.x)) + dx, int(left.y)), kWhite);
        const Rgb lit = pixel_at(image, camera, sample_interior(1));
        const auto mixed = [&](uint8_t c) { return c + (255 - c) * style.highlight_amount; };
        EXPECT_NEAR(lit.r, mixed(kColours[1].r), 1.0);
        EXPECT_NEAR(lit.g, mixed(kColours[1].g), 1.0);
        EXPECT_NEAR(lit.b, mixed(kColours[1].b), 1.0);
        EXPECT_EQ(pixel_at(image, camera, sample_interior(3)), kColours[3]);
    }
}

TEST_F(MapRendererPlain, WideOutlinesAtPrintScale) {
    MapRenderer renderer;
    renderer.upload(ntm::test::sample_map());
    renderer.set_unit_colours(kColours);
    ntm::render::MapStyle style;
    style.pixel_scale = 3;  // outlines 3 px wide through the geometry shader
    renderer.set_style(style);
    const Camera camera = Camera::fit(renderer.bounds(), W, H, 10);
    const Image image = ntm::test::draw_to_image(renderer, camera, W, H, 1);
    const Vec2 s = camera.world_to_screen({kX0 + 1000, kY0 + 500}, W, H);
    const int x = int(std::floor(s.x)), y = int(std::floor(s.y));
    // A 3 px line centred on the edge: exactly three outline pixels in the row, next to each
    // other, within 2 px of the edge.
    int first = 99, count = 0;
    for (int dx = -4; dx <= 4; ++dx)
        if (pixel(image, x + dx, y) == style.outline) {
            first = std::min(first, dx);
            ++count;
        }
    EXPECT_EQ(count, 3);
    EXPECT_GE(first, -2);
    EXPECT_LE(first, -1);
    EXPECT_EQ(pixel(image, x + first + 1, y), style.outline);
    EXPECT_EQ(pixel(image, x + first + 2, y), style.outline);
    EXPECT_EQ(pixel(image, x - 4, y), kColours[0]);
    EXPECT_EQ(pixel(image, x + 4, y), kColours[1]);
}

TEST_F(MapRendererPlain, EmptyMapClearsToBackground) {
    MapRenderer renderer;
    renderer.upload(ntm::geo::MapGeometry{});
    const Image image = ntm::test::draw_to_image(renderer, Camera{}, 64, 48, 4);
    for (int y = 0; y < 48; y += 7)
        for (int x = 0; x < 64; x += 7) EXPECT_EQ(pixel(image, x, y), kWhite);
}

TEST_F(MapRendererPlain, TooLargeFramebufferIsAClearError) {
    const int limit = Framebuffer::max_size();
    EXPECT_GE(limit, 4096);
    try {
        Framebuffer f(limit + 1, 10, 1);
        FAIL() << "no error";
    } catch (const ntm::Error& e) {
        EXPECT_NE(std::string(e.what()).find("in one piece"), std::string::npos) << e.what();
    }
}

TEST_F(MapRendererPlain, ContextReportsOpenGl33OrLater) {
    const std::string description = ntm::render::gl_description();
    std::cout << "[ info ] OpenGL: " << description << "\n";
    EXPECT_NE(description.find("|"), std::string::npos);
}

// render_map_image makes its own context; run it with the shared one released.
TEST_F(MapRendererPlain, RenderMapImageConvenienceAndPng) {
    context()->release_current();
    const auto geometry = ntm::test::sample_map();
    ntm::render::MapImageOptions options;
    options.width = W;
    options.height = H;
    std::vector<Rgb> colours = kColours;
    colours[2] = ntm::not_applicable_colour();
    options.flags = {0, ntm::render::kUnitSelected, ntm::render::kUnitHatched, 0};
    options.district_outlines = {ntm::test::rect(kX0, kY0, kX0 + 1000, kY0 + 2500)};
    const Image image = ntm::render::render_map_image(geometry, colours, options);
    const Camera camera = Camera::fit(geometry.bounds(), W, H, 0.02 * H);
    EXPECT_EQ(pixel_at(image, camera, sample_interior(0)), colours[0]);
    EXPECT_EQ(pixel_at(image, camera, sample_interior(3)), colours[3]);
    EXPECT_EQ(pixel_at(image, camera, sample_hole()), kWhite);
    ntm::render::write_png("/tmp/render_test.png", image, 96);
    const Image back = ntm::render::read_png("/tmp/render_test.png");
    EXPECT_EQ(back.rgba, image.rgba);

    const Image simple = ntm::render::render_map_image(geometry, kColours, 200, 150);
    EXPECT_EQ(simple.width, 200);
    EXPECT_EQ(pixel_at(simple, Camera::fit(geometry.bounds(), 200, 150, 3), sample_interior(1)),
              kColours[1]);
    context()->make_current();
}

}  // namespace
