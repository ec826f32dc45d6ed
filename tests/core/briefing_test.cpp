#include "core/briefing.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/demo.h"
#include "core/map_colours.h"
#include "core/palette.h"
#include "core/state.h"

namespace ntm {
namespace {

Date ymd(int y, int m, int d) { return Date::from_ymd(y, m, d); }

BriefingView view(const std::string& title) {
    BriefingView v;
    v.title = title;
    v.date = ymd(2020, 7, 31);
    return v;
}

std::vector<std::string> titles(const BriefingViews& views) {
    std::vector<std::string> out;
    for (const auto& v : views.views()) out.push_back(v.title);
    return out;
}

TEST(BriefingViews, CreateRenameMoveDelete) {
    BriefingViews views;
    EXPECT_EQ(views.create(view("A")), 0);
    EXPECT_EQ(views.create(view("B")), 1);
    EXPECT_EQ(views.create(view("C")), 2);
    EXPECT_EQ(views.create(view("Đầu")), 3);
    EXPECT_EQ(views.create(view("Chèn"), 1), 1);
    EXPECT_EQ(titles(views), (std::vector<std::string>{"A", "Chèn", "B", "C", "Đầu"}));

    EXPECT_TRUE(views.rename(1, "Huyện Cao Lộc — 31/07/2020"));
    EXPECT_EQ(views.at(1).title, "Huyện Cao Lộc — 31/07/2020");
    EXPECT_FALSE(views.rename(9, "x"));

    EXPECT_EQ(views.move_up(0), 0);  // already first
    EXPECT_EQ(views.move_up(2), 1);
    EXPECT_EQ(titles(views)[1], "B");
    EXPECT_EQ(views.move_down(4), 4);  // already last
    EXPECT_EQ(views.move_down(0), 1);
    EXPECT_EQ(titles(views), (std::vector<std::string>{"B", "A", "Huyện Cao Lộc — 31/07/2020", "C", "Đầu"}));
    EXPECT_EQ(views.move_up(-1), -1);
    EXPECT_EQ(views.move_down(5), -1);

    EXPECT_TRUE(views.remove(2));
    EXPECT_FALSE(views.remove(4));
    EXPECT_EQ(titles(views), (std::vector<std::string>{"B", "A", "C", "Đầu"}));

    BriefingView replaced = view("Z");
    replaced.focus = ViewFocus::District;
    replaced.district_code = "183";
    EXPECT_TRUE(views.replace(0, replaced));
    EXPECT_EQ(views.at(0), replaced);
    EXPECT_FALSE(views.replace(4, replaced));
}

TEST(BriefingStepping, NextPreviousClampAndJump) {
    EXPECT_EQ(next_slide(0, 3), 1);
    EXPECT_EQ(next_slide(2, 3), 2);
    EXPECT_EQ(previous_slide(0, 3), 0);
    EXPECT_EQ(previous_slide(2, 3), 1);
    EXPECT_EQ(next_slide(-1, 3), 0);  // nothing shown yet: the first
    EXPECT_EQ(next_slide(0, 0), -1);
    EXPECT_EQ(previous_slide(0, 0), -1);
    EXPECT_EQ(slide_for_number(1, 5), 0);
    EXPECT_EQ(slide_for_number(5, 5), 4);
    EXPECT_EQ(slide_for_number(9, 5), 4);
    EXPECT_EQ(slide_for_number(0, 5), 0);
    EXPECT_EQ(slide_for_number(3, 0), -1);
    EXPECT_EQ(clamp_slide(7, 3), 2);
}

TEST(BriefingStepping, PresenterKeys) {
    using K = SlideCommand::Kind;
    SlideKeys keys;
    for (BriefingKey k : {BriefingKey::Right, BriefingKey::PageDown, BriefingKey::Space, BriefingKey::Down})
        EXPECT_EQ(keys.press(k, 1, 4), (SlideCommand{K::Go, 2}));
    for (BriefingKey k : {BriefingKey::Left, BriefingKey::PageUp, BriefingKey::Up})
        EXPECT_EQ(keys.press(k, 1, 4), (SlideCommand{K::Go, 0}));
    EXPECT_EQ(keys.press(BriefingKey::Right, 3, 4), (SlideCommand{K::Go, 3}));  // clamped at the end
    EXPECT_EQ(keys.press(BriefingKey::Left, 0, 4), (SlideCommand{K::Go, 0}));
    EXPECT_EQ(keys.press(BriefingKey::Home, 2, 4), (SlideCommand{K::Go, 0}));
    EXPECT_EQ(keys.press(BriefingKey::End, 0, 4), (SlideCommand{K::Go, 3}));
    EXPECT_EQ(keys.press(BriefingKey::Right, 0, 0), SlideCommand{});  // no slides

    // Digits then Enter jump; Backspace edits; the typed number is clamped.
    EXPECT_EQ(keys.press(BriefingKey::Digit, 0, 12, false, 1), SlideCommand{});
    EXPECT_EQ(keys.press(BriefingKey::Digit, 0, 12, false, 2), SlideCommand{});
    EXPECT_EQ(keys.typed(), "12");
    EXPECT_EQ(keys.press(BriefingKey::Backspace, 0, 12), SlideCommand{});
    EXPECT_EQ(keys.typed(), "1");
    EXPECT_EQ(keys.press(BriefingKey::Digit, 0, 12, false, 0), SlideCommand{});
    EXPECT_EQ(keys.press(BriefingKey::Enter, 0, 12), (SlideCommand{K::Go, 9}));
    EXPECT_EQ(keys.typed(), "");
    keys.press(BriefingKey::Digit, 0, 12, false, 9);
    keys.press(BriefingKey::Digit, 0, 12, false, 9);
    EXPECT_EQ(keys.press(BriefingKey::Enter, 0, 12), (SlideCommand{K::Go, 11}));
    EXPECT_EQ(keys.press(BriefingKey::Enter, 0, 12), SlideCommand{});  // nothing typed

    // Escape first clears typed digits, then exits.
    keys.press(BriefingKey::Digit, 0, 12, false, 3);
    EXPECT_EQ(keys.press(BriefingKey::Escape, 0, 12), SlideCommand{});
    EXPECT_EQ(keys.typed(), "");
    EXPECT_EQ(keys.press(BriefingKey::Escape, 0, 12), (SlideCommand{K::Exit, -1}));
    // Another key drops half-typed digits.
    keys.press(BriefingKey::Digit, 0, 12, false, 3);
    EXPECT_EQ(keys.press(BriefingKey::Right, 0, 12), (SlideCommand{K::Go, 1}));
    EXPECT_EQ(keys.typed(), "");

    // While playing, next/previous pause first.
    EXPECT_EQ(keys.press(BriefingKey::Space, 1, 4, true), (SlideCommand{K::PausePlayback, -1}));
    EXPECT_EQ(keys.press(BriefingKey::PageUp, 1, 4, true), (SlideCommand{K::PausePlayback, -1}));
    EXPECT_EQ(keys.press(BriefingKey::Play, 1, 4, true), (SlideCommand{K::TogglePlayback, -1}));
    EXPECT_EQ(keys.press(BriefingKey::Contrast, 1, 4), (SlideCommand{K::ToggleContrast, -1}));
    EXPECT_EQ(keys.press(BriefingKey::Other, 1, 4), SlideCommand{});
}

TEST(BriefingCards, FiguresOfTheSeedDateAgainstTargets) {
    const Dataset d = demo::make_demo_dataset();
    const AttainmentIndex index(d);
    const Date date = ymd(2020, 7, 31);
    const auto states = index.states(date);
    const Summary s = summarize(d, states, date);
    const auto cards = headline_cards(d, states, date);
    ASSERT_EQ(cards.size(), 5u);
    EXPECT_EQ(cards[0].id, "standard");
    EXPECT_EQ(cards[0].value, s.at_standard);
    EXPECT_EQ(cards[0].of, 181);
    EXPECT_EQ(cards[0].value_text(true), std::to_string(s.at_standard) + "/181");
    EXPECT_NEAR(cards[0].percent, 100.0 * s.at_standard / 181, 1e-9);
    // 2020 is of the 2016–2020 programme: the 2021–2025 targets of Decision 263 do not apply.
    EXPECT_FALSE(cards[0].target);
    EXPECT_FALSE(cards[0].compare_date);
    EXPECT_EQ(cards[0].change_text(true), "");

    EXPECT_EQ(cards[1].id, "average");
    EXPECT_EQ(cards[1].value_text(true), "11,66");
    EXPECT_EQ(cards[1].value_text(false), "11.66");
    EXPECT_FALSE(cards[1].target);
    EXPECT_EQ(cards[1].target_text(true), "");

    EXPECT_EQ(cards[2].id, "advanced");
    EXPECT_EQ(cards[2].value, s.advanced);
    EXPECT_EQ(cards[3].id, "model");
    EXPECT_EQ(cards[3].value, s.model);
    EXPECT_EQ(cards[4].id, "below_threshold");
    EXPECT_EQ(cards[4].label_vi, "Xã dưới 15 tiêu chí");
    EXPECT_EQ(cards[4].value, 36 + 90);  // 10–14 and 5–9 on the seed date (no xã at 0–4)
    EXPECT_EQ(cards[4].value_text(true), "126");
    EXPECT_FALSE(cards[4].target);
    EXPECT_EQ(cards[4].target_text(true), "");

    // On 31/12/2024 the 2021–2025 targets apply.
    const Date d24 = ymd(2024, 12, 31);
    const auto cards24 = headline_cards(d, index.states(d24), d24);
    ASSERT_EQ(cards24.size(), 5u);
    ASSERT_TRUE(cards24[0].target);
    EXPECT_EQ(cards24[0].target->target, 80);
    ASSERT_TRUE(cards24[4].target);
    EXPECT_EQ(cards24[4].target_text(true).rfind("Mục tiêu 2025: không còn xã nào · ", 0), 0u);
    EXPECT_EQ(cards24[0].target_text(false).rfind("Target 2025: ≥ 80 % · ", 0), 0u);
}

TEST(BriefingCards, ChangeSinceAComparisonDate) {
    Summary before, now;
    before.date = ymd(2020, 12, 31);
    before.xa_total = now.xa_total = 200;
    before.xa_with_data = now.xa_with_data = 200;
    before.at_standard = 100;
    now.at_standard = 130;
    before.average_criteria = 14.5;
    now.average_criteria = 16.25;
    before.advanced = 10;
    now.advanced = 30;
    before.model = 2;
    now.model = 2;
    before.below_threshold = 40;
    now.below_threshold = 12;
    now.threshold = before.threshold = 15;
    now.criteria_set = before.criteria_set = "2021-2025";
    now.levels = before.levels = {Level::Standard, Level::Advanced, Level::Model};
    const auto cards = headline_cards(now, &before);
    ASSERT_EQ(cards.size(), 5u);
    EXPECT_EQ(cards[0].change, 30);
    EXPECT_NEAR(cards[0].percent_change, 15.0, 1e-9);
    EXPECT_EQ(cards[0].change_text(true), "+30 xã (+15,00 điểm %) so với 31/12/2020");
    EXPECT_EQ(cards[0].change_text(false), "+30 xã (+15.00 points) since 2020-12-31");
    EXPECT_EQ(cards[0].percent_text(true), "65,00 % số xã");
    EXPECT_TRUE(cards[0].target);
    EXPECT_EQ(cards[0].target_text(true), "Mục tiêu 2025: ≥ 80 % · chưa đạt");
    EXPECT_EQ(cards[1].change_text(true), "+1,75 so với 31/12/2020");
    // advanced: (30 + 2) / 130 = 24.62 % vs (10 + 2) / 100 = 12 %
    EXPECT_NEAR(cards[2].percent, 100.0 * 32 / 130, 1e-9);
    EXPECT_EQ(cards[2].target_text(true), "Mục tiêu 2025: khoảng 40 % · chưa đạt");
    EXPECT_EQ(cards[3].change_text(true), "không đổi (-0,46 điểm %) so với 31/12/2020");
    EXPECT_EQ(cards[4].change_text(true), "-28 xã so với 31/12/2020");
}

TEST(BriefingCards, ComparisonThroughTheIndexAndScope) {
    const Dataset d = demo::make_demo_dataset();
    const AttainmentIndex index(d);
    const Date date = ymd(2024, 12, 31), before = ymd(2020, 7, 31);
    const auto states = index.states(date);
    const std::string district = d.units.front().district_code;
    auto in_district = [&](int u) { return d.units[u].district_code == district; };
    const auto cards = headline_cards(d, states, date, &index, before, in_district);
    const Summary s_now = summarize(d, states, date, in_district);
    const Summary s_before = summarize(d, index.states(before), before, in_district);
    EXPECT_EQ(cards[0].value, s_now.at_standard);
    EXPECT_EQ(cards[0].of, s_now.xa_total);
    EXPECT_EQ(cards[0].change, s_now.at_standard - s_before.at_standard);
    EXPECT_EQ(*cards[0].compare_date, before);
    EXPECT_NEAR(cards[1].change, s_now.average_criteria - s_before.average_criteria, 1e-9);
}

TEST(BriefingPlayback, MonthEndsFromStartToEndPauseAnywhere) {
    Playback p;
    EXPECT_FALSE(p.playing());
    p.start(ymd(2018, 12, 31), ymd(2020, 7, 31), 12);  // 19 months at 12 per second
    EXPECT_TRUE(p.playing());
    EXPECT_EQ(p.date(), ymd(2018, 12, 31));
    EXPECT_TRUE(p.advance(1.0 / 12 + 1e-9));
    EXPECT_EQ(p.date(), ymd(2019, 1, 31));
    p.advance(0.5);
    EXPECT_EQ(p.date(), ymd(2019, 7, 31));
    p.pause();
    EXPECT_FALSE(p.advance(5));
    EXPECT_EQ(p.date(), ymd(2019, 7, 31));
    p.resume();
    EXPECT_TRUE(p.advance(10));
    EXPECT_EQ(p.date(), ymd(2020, 7, 31));
    EXPECT_FALSE(p.playing());
    EXPECT_TRUE(p.finished());
    EXPECT_DOUBLE_EQ(p.progress(), 1.0);
    p.resume();  // at the end: from the start again
    EXPECT_EQ(p.date(), ymd(2018, 12, 31));
    // A date in the middle of a month ends exactly on `to`.
    p.start(ymd(2020, 1, 1), ymd(2020, 3, 15), 1);
    p.advance(1.5);
    EXPECT_EQ(p.date(), ymd(2020, 2, 29));
    p.advance(1);
    EXPECT_EQ(p.date(), ymd(2020, 3, 15));
}

TEST(BriefingTransition, EaseAndInterpolation) {
    EXPECT_DOUBLE_EQ(ease_in_out(0), 0);
    EXPECT_DOUBLE_EQ(ease_in_out(1), 1);
    EXPECT_DOUBLE_EQ(ease_in_out(0.5), 0.5);
    EXPECT_DOUBLE_EQ(ease_in_out(-3), 0);
    EXPECT_DOUBLE_EQ(ease_in_out(7), 1);
    EXPECT_NEAR(ease_in_out(0.25) + ease_in_out(0.75), 1.0, 1e-12);  // symmetric
    for (double t = 0; t < 1; t += 0.01) EXPECT_LE(ease_in_out(t), ease_in_out(t + 0.01));
    EXPECT_LT(ease_in_out(0.1), 0.1);  // starts slowly

    const Extent a{0, 0, 100, 50}, b{1000, 1000, 1010, 1005};
    EXPECT_EQ(interpolate_extent(a, b, 0), a);
    EXPECT_EQ(interpolate_extent(a, b, 1), b);
    const Extent mid = interpolate_extent(a, b, 0.5);
    EXPECT_NEAR((mid.min_x + mid.max_x) / 2, (50 + 1005) / 2.0, 1e-9);
    EXPECT_NEAR(mid.width(), std::sqrt(100.0 * 10.0), 1e-9);  // geometric
    EXPECT_NEAR(mid.height(), std::sqrt(50.0 * 5.0), 1e-9);
    EXPECT_EQ(interpolate_extent(Extent{}, b, 0.3), b);  // no start: the target

    EXPECT_EQ(interpolate_date(ymd(2020, 1, 1), ymd(2020, 1, 11), 0.5), ymd(2020, 1, 6));
    EXPECT_EQ(interpolate_date(ymd(2020, 1, 1), ymd(2019, 1, 1), 1), ymd(2019, 1, 1));

    Transition tr;
    EXPECT_FALSE(tr.running());
    tr.start(a, ymd(2015, 1, 1), b, ymd(2020, 7, 31), 2.0);
    EXPECT_TRUE(tr.running());
    EXPECT_EQ(tr.extent(), a);
    EXPECT_EQ(tr.date(), ymd(2015, 1, 1));
    tr.advance(1.0);
    EXPECT_NEAR(tr.t(), 0.5, 1e-12);
    EXPECT_TRUE(tr.running());
    tr.advance(5.0);
    EXPECT_FALSE(tr.running());
    EXPECT_EQ(tr.extent(), b);
    EXPECT_EQ(tr.date(), ymd(2020, 7, 31));
    tr.start(a, ymd(2015, 1, 1), b, ymd(2020, 7, 31), 2.0);
    tr.finish();
    EXPECT_EQ(tr.date(), ymd(2020, 7, 31));
}

TEST(BriefingViews, DefaultTitles) {
    Dataset d;
    d.info.title = "Lạng Sơn";
    Unit u;
    u.code = "06184";
    u.district_code = "183";
    u.district_name = "Huyện Cao Lộc";
    d.units.push_back(u);
    BriefingView v = view("");
    EXPECT_EQ(default_view_title(d, v, true), "Toàn tỉnh Lạng Sơn — 31/07/2020");
    EXPECT_EQ(default_view_title(d, v, false), "Lạng Sơn province — 2020-07-31");
    v.focus = ViewFocus::District;
    v.district_code = "183";
    EXPECT_EQ(default_view_title(d, v, true), "Huyện Cao Lộc — 31/07/2020");
}

TEST(BriefingPalette, HighContrastIsOptInAndOrdered) {
    ASSERT_EQ(current_palette(), PaletteKind::Standard);
    const Rgb standard_top = band_colour(0, 5);
    EXPECT_EQ(standard_top, band_colour(0, 5, PaletteKind::Standard));
    const unsigned version = palette_version();
    set_palette(PaletteKind::HighContrast);
    EXPECT_GT(palette_version(), version);
    EXPECT_EQ(band_colour(0, 5), band_colour(0, 5, PaletteKind::HighContrast));
    EXPECT_FALSE(band_colour(0, 5) == standard_top);
    // Lightness falls with attainment in both palettes.
    auto luma = [](Rgb c) { return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b; };
    for (PaletteKind k : {PaletteKind::Standard, PaletteKind::HighContrast})
        for (int b = 0; b + 1 < 5; ++b) EXPECT_LT(luma(band_colour(b, 5, k)), luma(band_colour(b + 1, 5, k)));
    // The map's fills follow the current palette.
    const Dataset d = demo::make_demo_dataset();
    const auto states = AttainmentIndex(d).states(ymd(2020, 7, 31));
    const UnitPaint hc = paint_units(d, states, ymd(2020, 7, 31));
    const unsigned same = palette_version();
    set_palette(PaletteKind::HighContrast);
    EXPECT_EQ(palette_version(), same);  // no change, no bump
    set_palette(PaletteKind::Standard);
    const UnitPaint st = paint_units(d, states, ymd(2020, 7, 31));
    EXPECT_FALSE(hc.fill == st.fill);
    EXPECT_EQ(current_palette(), PaletteKind::Standard);
}

}  // namespace
}  // namespace ntm

namespace ntm {
namespace {

TEST(BriefingCards, NoAssessmentsShowNoResultsAndNoTargetsMet) {
    Summary none;
    none.xa_total = 61;
    none.threshold = 15;
    none.criteria_set = "2021-2025";
    none.levels = {Level::Standard, Level::Advanced, Level::Model};
    const auto cards = headline_cards(none);
    ASSERT_EQ(cards.size(), 5u);
    for (const HeadlineCard& c : cards) {
        EXPECT_TRUE(c.no_data) << c.id;
        EXPECT_FALSE(c.target) << c.id << ": no target can be met or missed without data";
        EXPECT_EQ(c.target_text(true), "Chưa có dữ liệu đánh giá") << c.id;
        EXPECT_EQ(c.target_text(false), "No assessments yet") << c.id;
    }
    EXPECT_EQ(cards[0].value_text(true), "0/61");
    EXPECT_EQ(cards[1].value_text(true), "—") << "an average of nothing is not 0,00";
    EXPECT_EQ(cards[4].value_text(true), "—") << "no xã below 15 would read as the target met";
}

}  // namespace
}  // namespace ntm
