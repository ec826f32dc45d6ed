// The map as the app draws it, offscreen: state from AppState (date, selection, legend band),
// colours and flags as the map view sends them, pixels read back at interior points and
// compared with what `summary --format json` says about the same units on the same date.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>
#include <regex>

#include "core/map_colours.h"
#include "io/dataset_file.h"
#include "render/render_fixture.h"
#include "support/test_support.h"
#include "ui/app_state.h"
#include "ui/map_view.h"

namespace ntm::ui {
namespace {

using test::GlTest;

std::unique_ptr<LoadedData> load_demo() {
    io::DatasetFile file = io::load_dataset(NTM_DEMO_DATASET);
    auto data = std::make_unique<LoadedData>();
    data->dataset = std::move(file.dataset);
    data->geometry = std::move(file.geometry);
    data->path = NTM_DEMO_DATASET;
    data->prepare_derived(2);
    return data;
}

Rgb parse_hex(const std::string& hex) {
    unsigned r = 0, g = 0, b = 0;
    std::sscanf(hex.c_str(), "#%02x%02x%02x", &r, &g, &b);
    return {uint8_t(r), uint8_t(g), uint8_t(b)};
}

// Band label -> colour, and unit code -> band label, from `summary --by unit --format json`.
struct SummaryColours {
    std::map<std::string, Rgb> band_colour;
    std::map<std::string, std::string> unit_band;
};

SummaryColours summary_colours(const std::string& date) {
    const auto r = test::run_cli("summary --by unit --format json --date " + date);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    SummaryColours out;
    const auto j = nlohmann::json::parse(r.out);
    for (const auto& band : j["bands"]) out.band_colour[band["label"]] = parse_hex(band["colour"]);
    for (const auto& unit : j["units"])
        if (!unit["band"].get<std::string>().empty()) out.unit_band[unit["code"]] = unit["band"];  // xã with data only
    return out;
}

class MapRender : public GlTest {
protected:
    void SetUp() override {
        GlTest::SetUp();
        if (IsSkipped()) return;
        state.set_data(load_demo());
        state.set_date(*parse_date("2020-07-31"));
    }
    render::Image draw(const render::Camera& camera) {
        renderer.upload(state.shared_geometry());
        renderer.set_unit_colours(paint_units(state.dataset(), state.states(), state.date()).fill);
        renderer.set_unit_flags(map_unit_flags(state));
        return test::draw_to_image(renderer, camera, kSize, kSize, 1);
    }
    geo::Vec2 interior(int unit) const { return state.data()->unit_anchors[unit].point; }

    static constexpr int kSize = 1200;
    AppState state;
    render::MapRenderer renderer;
};

TEST_F(MapRender, InteriorColoursEqualTheSummaryBandColours) {
    const SummaryColours summary = summary_colours("2020-07-31");
    ASSERT_EQ(summary.band_colour.size(), 5u);
    ASSERT_EQ(summary.unit_band.size(), 181u) << "a band for every xã";
    const auto camera = render::Camera::fit(state.geometry().bounds(), kSize, kSize, 10);
    const render::Image image = draw(camera);
    const Dataset& ds = state.dataset();
    int checked = 0;
    for (const char* code : {"06190", "05986", "06085", "06313", "06418", "06520", "06646"}) {
        const int u = ds.find_unit(code, state.date());  // the unit of 2020, not the 2025 one
        ASSERT_GE(u, 0) << code;
        const auto band = summary.unit_band.find(code);
        ASSERT_NE(band, summary.unit_band.end()) << code;
        EXPECT_EQ(test::pixel_at(image, camera, interior(u)), summary.band_colour.at(band->second))
            << code << " " << ds.units[u].name;
        ++checked;
    }
    // And every other xã large enough on screen to sample away from its outline.
    for (size_t u = 0; u < ds.units.size(); ++u) {
        if (!ds.in_force(static_cast<int>(u), state.date())) continue;
        const auto band = summary.unit_band.find(ds.units[u].code);
        if (band == summary.unit_band.end()) continue;
        if (state.data()->unit_anchors[u].radius / camera.metres_per_pixel < 4) continue;
        EXPECT_EQ(test::pixel_at(image, camera, interior(u)), summary.band_colour.at(band->second))
            << ds.units[u].code;
        ++checked;
    }
    EXPECT_GT(checked, 150);
}

TEST_F(MapRender, SelectionOutlineAndLegendHighlightAppear) {
    const int u = state.dataset().find_unit("06190", state.date());
    ASSERT_GE(u, 0);
    const auto camera = render::Camera::fit(state.bounds_of_units({u}), kSize, kSize, 200);
    const render::Image before = draw(camera);
    const Rgb fill = test::pixel_at(before, camera, interior(u));

    state.select_unit(u);
    const render::Image selected = draw(camera);
    // The selection outline runs along the unit's edge: find its colour on the ring.
    const geo::Ring& ring = state.geometry().shapes[u].parts[0].outer;
    int outline_hits = 0;
    for (const geo::Vec2& v : ring) outline_hits += test::pixel_at(selected, camera, v) == selection_colour();
    EXPECT_GT(outline_hits, static_cast<int>(ring.size()) / 2);
    EXPECT_EQ(test::pixel_at(selected, camera, interior(u)), fill) << "the fill stays the band colour";

    // Highlighting the unit's band from the legend lightens it.
    state.toggle_highlighted_band(state.states()[u].band);
    const render::Image highlighted = draw(camera);
    const Rgb lit = test::pixel_at(highlighted, camera, interior(u));
    EXPECT_GT(lit.r + lit.g + lit.b, fill.r + fill.g + fill.b + 60) << "lightened";
}

TEST(MapLegend, CountsEqualTheSummaryCommand) {
    AppState state;
    state.set_data(load_demo());
    for (const char* date : {"2015-12-31", "2020-07-31", "2024-06-30"}) {
        state.set_date(*parse_date(date));
        const auto r = test::run_cli(std::string("summary --format json --date ") + date);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const Summary& s = state.summary();
        ASSERT_EQ(s.bands.size(), 5u);
        for (size_t b = 0; b < s.bands.size(); ++b) {
            const auto j = nlohmann::json::parse(r.out);
            EXPECT_EQ(j["bands"][b]["label"], s.bands[b].label) << date << " band " << b;
            EXPECT_EQ(j["bands"][b]["count"], s.bands[b].count) << date << " band " << b;
        }
    }
}

}  // namespace
}  // namespace ntm::ui
