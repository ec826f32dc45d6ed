#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "core/demo.h"
#include "geo/demo_tiling.h"
#include "support/test_support.h"
#include "ui/app_state.h"
#include "ui/settings.h"

namespace ntm::ui {
namespace {

std::unique_ptr<LoadedData> demo_data() {
    auto data = std::make_unique<LoadedData>();
    data->dataset = demo::make_demo_dataset();
    data->geometry.shapes = geo::make_demo_tiling(data->dataset);  // degrees are fine here
    data->path = "demo";
    return data;
}

Date ymd(int y, int m, int d) { return Date::from_ymd(y, m, d); }

TEST(AppState, DataSetsTheSpanAndSummaryFollowsTheDate) {
    AppState s;
    s.set_data(demo_data());
    EXPECT_EQ(s.first_date(), *s.dataset().first_date());
    EXPECT_EQ(s.last_date(), *s.dataset().last_date());
    s.set_date(ymd(2020, 7, 31));
    const Summary& sum = s.summary();
    ASSERT_EQ(sum.bands.size(), 5u);
    EXPECT_EQ(sum.bands[0].count, 51);
    EXPECT_EQ(sum.bands[1].count, 4);
    EXPECT_EQ(sum.bands[2].count, 36);
    EXPECT_EQ(sum.bands[3].count, 90);
    const uint64_t colours = s.colour_version();
    s.set_date(ymd(2020, 7, 31));
    EXPECT_EQ(s.colour_version(), colours);  // same date: nothing to recolour
    s.set_date(ymd(1990, 1, 1));
    EXPECT_EQ(s.date(), s.first_date());     // clamped
    EXPECT_GT(s.colour_version(), colours);
}

TEST(AppState, MonthStepsLandOnMonthEndsAndYearStepsKeepTheDay) {
    AppState s;
    s.set_data(demo_data());
    s.set_date(ymd(2020, 7, 15));
    EXPECT_TRUE(s.step(PlayStep::Month, 1));
    EXPECT_EQ(s.date(), ymd(2020, 7, 31));
    s.step(PlayStep::Month, 1);
    EXPECT_EQ(s.date(), ymd(2020, 8, 31));
    s.step(PlayStep::Month, 6);
    EXPECT_EQ(s.date(), ymd(2021, 2, 28));
    s.step(PlayStep::Month, -1);
    EXPECT_EQ(s.date(), ymd(2021, 1, 31));
    s.set_date(ymd(2020, 7, 15));
    s.step(PlayStep::Month, -1);
    EXPECT_EQ(s.date(), ymd(2020, 6, 30));
    s.step(PlayStep::Year, 1);
    EXPECT_EQ(s.date(), ymd(2021, 6, 30));
    s.set_date(s.last_date());
    EXPECT_FALSE(s.step(PlayStep::Year, 1));  // clamped at the end
}

TEST(AppState, PlaybackAdvancesBySpeedAndStopsAtTheEnd) {
    AppState s;
    s.set_data(demo_data());
    s.set_date(ymd(2024, 12, 31));
    s.set_play_step(PlayStep::Month);
    s.set_play_speed(4);
    EXPECT_FALSE(s.advance(1.0));  // not playing
    s.set_playing(true);
    EXPECT_FALSE(s.advance(0.2));  // 0.8 of a step
    EXPECT_TRUE(s.advance(0.1));   // 1.2 steps
    EXPECT_EQ(s.date(), ymd(2025, 1, 31));
    s.advance(0.5);                // two more
    EXPECT_EQ(s.date(), ymd(2025, 3, 31));
    s.advance(100);
    EXPECT_EQ(s.date(), s.last_date());
    EXPECT_FALSE(s.playing());
    s.set_playing(true);           // playing again from the end starts over
    EXPECT_EQ(s.date(), s.first_date());
}

TEST(AppState, SelectionClickCtrlClickAndBandHighlight) {
    AppState s;
    s.set_data(demo_data());
    s.set_date(ymd(2020, 7, 31));
    const uint64_t v0 = s.flag_version();
    s.select_unit(3);
    EXPECT_EQ(s.selection(), (std::set<int>{3}));
    EXPECT_EQ(s.primary_unit(), 3);
    s.select_unit(5, true);
    EXPECT_EQ(s.selection(), (std::set<int>{3, 5}));
    EXPECT_EQ(s.primary_unit(), 5);
    s.select_unit(5, true);  // ctrl-click again removes
    EXPECT_EQ(s.selection(), (std::set<int>{3}));
    EXPECT_EQ(s.primary_unit(), 3);
    s.select_unit(-1);       // click on nothing clears
    EXPECT_TRUE(s.selection().empty());
    EXPECT_EQ(s.primary_unit(), -1);
    EXPECT_GT(s.flag_version(), v0);

    s.toggle_highlighted_band(0);
    const auto mask = s.highlight_mask();
    int highlighted = 0;
    for (uint8_t m : mask) highlighted += m;
    EXPECT_EQ(highlighted, 51);  // the 51 xã at 19 criteria on 2020-07-31
    s.toggle_highlighted_band(0);
    EXPECT_EQ(s.highlighted_band(), -1);
}

TEST(AppState, EventsFilterByKindAndActivateSelectsWhatTheyConcern) {
    AppState s;
    s.set_data(demo_data());
    const auto all = s.visible_events();
    ASSERT_EQ(all.size(), s.dataset().events.size());
    for (size_t i = 1; i < all.size(); ++i)
        EXPECT_LE(s.dataset().events[all[i - 1]].start, s.dataset().events[all[i]].start);
    s.set_event_kind_shown(EventKind::Inspection, false);
    for (int e : s.visible_events()) EXPECT_NE(s.dataset().events[e].kind, EventKind::Inspection);

    // The first event naming districts but no unit selects every unit of those districts.
    int chosen = -1;
    for (size_t i = 0; i < s.dataset().events.size(); ++i) {
        const Event& e = s.dataset().events[i];
        if (e.unit_codes.empty() && e.district_codes.size() == 1) { chosen = static_cast<int>(i); break; }
    }
    ASSERT_GE(chosen, 0);
    const Event& e = s.dataset().events[chosen];
    s.activate_event(chosen);
    EXPECT_EQ(s.date(), std::clamp(e.start, s.first_date(), s.last_date()));
    const auto expected = s.units_of_district(e.district_codes[0]);
    EXPECT_EQ(s.selection(), std::set<int>(expected.begin(), expected.end()));
    const auto request = s.take_view_request();
    ASSERT_TRUE(request.has_value());
    EXPECT_EQ(request->kind, ViewRequest::Kind::Bounds);
    EXPECT_FALSE(s.take_view_request().has_value());  // consumed
    // That event concerns every unit of the district.
    const auto of_unit = s.events_of_unit(expected[0]);
    EXPECT_NE(std::find(of_unit.begin(), of_unit.end(), chosen), of_unit.end());
}

TEST(AppState, LanguageSwitchesEveryString) {
    AppState s;
    s.set_lang(Lang::En);
    EXPECT_STREQ(tr("Chú giải", "Legend"), "Legend");
    s.set_lang(Lang::Vi);
    EXPECT_STREQ(tr("Chú giải", "Legend"), "Chú giải");
}

TEST(Settings, RoundTripAndDefaultsForBadValues) {
    const std::string dir = test::temp_dir("settings");
    const std::string path = dir + "/sub/settings.ini";
    Settings s;
    s.window_width = 1280;
    s.lang = "en";
    s.show_bottom = false;
    s.left_width = 300;
    s.add_recent("/data/a.gpkg");
    s.add_recent("/data/b.geojson");
    s.add_recent("/data/a.gpkg");  // moves to the front, no duplicate
    ASSERT_TRUE(save_settings(s, path));
    const Settings back = load_settings(path);
    EXPECT_EQ(back.window_width, 1280);
    EXPECT_EQ(back.lang, "en");
    EXPECT_FALSE(back.show_bottom);
    EXPECT_FLOAT_EQ(back.left_width, 300);
    EXPECT_EQ(back.recent, (std::vector<std::string>{"/data/a.gpkg", "/data/b.geojson"}));

    std::ofstream(path) << "window_width = -5\nlang = fr\nplay_speed = abc\nnonsense\nrecent = /x\n";
    const Settings bad = load_settings(path);
    EXPECT_EQ(bad.window_width, Settings{}.window_width);
    EXPECT_EQ(bad.lang, "vi");
    EXPECT_DOUBLE_EQ(bad.play_speed, Settings{}.play_speed);
    EXPECT_EQ(bad.recent, (std::vector<std::string>{"/x"}));
    EXPECT_EQ(load_settings(dir + "/missing.ini").lang, "vi");

    for (int i = 0; i < 20; ++i) s.add_recent("/f" + std::to_string(i));
    EXPECT_EQ(s.recent.size(), Settings::kMaxRecent);
    EXPECT_EQ(s.recent.front(), "/f19");
}

TEST(Settings, PathFollowsXdg) {
    setenv("XDG_CONFIG_HOME", "/tmp/xdg-test", 1);
    EXPECT_EQ(settings_path(), "/tmp/xdg-test/ntm-atlas/settings.ini");
    unsetenv("XDG_CONFIG_HOME");
    setenv("HOME", "/home/someone", 1);
    EXPECT_EQ(settings_path(), "/home/someone/.config/ntm-atlas/settings.ini");
}

}  // namespace
}  // namespace ntm::ui
