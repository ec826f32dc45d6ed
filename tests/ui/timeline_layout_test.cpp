#include "ui/timeline_layout.h"

#include <gtest/gtest.h>

#include "core/demo.h"

namespace ntm::ui {
namespace {

Date d(const char* iso) { return *parse_date(iso); }

Event event(EventKind kind, const char* start, const char* end, const char* title) {
    Event e;
    e.kind = kind;
    e.start = d(start);
    e.end = d(end);
    e.title = title;
    return e;
}

std::array<bool, kEventKindCount> all_shown() {
    std::array<bool, kEventKindCount> a;
    a.fill(true);
    return a;
}

TEST(TimeAxis, MapsDatesToPixelsAndBack) {
    // 2020-01-01 .. 2021-01-01 (366 days, a leap year) over 0..732 px: 2 px per day.
    TimeAxis a;
    a.day0 = d("2020-01-01").days;
    a.day1 = d("2021-01-01").days;
    a.x0 = 0;
    a.x1 = 732;
    EXPECT_FLOAT_EQ(a.x_of(d("2020-01-01")), 0);
    EXPECT_FLOAT_EQ(a.x_of(d("2020-07-01")), 2 * 182);
    EXPECT_EQ(a.date_at(2 * 182 + 1.5f), d("2020-07-01"));
    EXPECT_EQ(a.date_at(2 * 182 + 2.5f), d("2020-07-02"));
    EXPECT_EQ(a.date_at(731.9f), d("2020-12-31"));
}

TEST(TimeAxis, ZoomKeepsTheDayUnderTheCursorAndStaysInRange) {
    TimeAxis a = fit_axis(d("2011-01-01"), d("2025-12-31"), 100, 1100, 0);
    const double lo = a.day0, hi = a.day1;
    const float x = 600;
    const double before = a.day_at(x);
    a.zoom_about(x, 0.5, lo, hi, 30);
    EXPECT_NEAR(a.day_at(x), before, 1e-6);
    EXPECT_NEAR(a.span(), (hi - lo) / 2, 1e-6);
    // Zooming out past the whole range shows exactly the whole range.
    a.zoom_about(x, 10, lo, hi, 30);
    EXPECT_DOUBLE_EQ(a.day0, lo);
    EXPECT_DOUBLE_EQ(a.day1, hi);
    // Zooming in stops at the minimum span.
    for (int i = 0; i < 50; ++i) a.zoom_about(x, 0.5, lo, hi, 30);
    EXPECT_NEAR(a.span(), 30, 1e-6);
    // Panning cannot leave the range.
    a.pan_pixels(1e6f, lo, hi);
    EXPECT_DOUBLE_EQ(a.day0, lo);
    a.pan_pixels(-1e6f, lo, hi);
    EXPECT_DOUBLE_EQ(a.day1, hi);
}

TEST(TimeAxis, PanMovesByPixels) {
    TimeAxis a = fit_axis(d("2020-01-01"), d("2020-12-31"), 0, 732, 0);
    a.zoom_about(0, 0.5, a.day0, a.day1, 10);  // first half of 2020, 4 px per day
    const double d0 = a.day0;
    a.pan_pixels(-40, d("2020-01-01").days, d("2021-01-01").days);  // drag left: later dates
    EXPECT_NEAR(a.day0, d0 + 10, 1e-9);
}

TEST(Lanes, OnePerShownKindThatHasEvents) {
    std::vector<Event> events = {event(EventKind::Inspection, "2020-01-01", "2020-01-01", "a"),
                                 event(EventKind::Conference, "2020-02-01", "2020-02-01", "b"),
                                 event(EventKind::Recognition, "2020-03-01", "2020-03-01", "c")};
    auto shown = all_shown();
    LaneLayout l = assign_lanes(events, shown, true);
    ASSERT_EQ(l.count(), 3);
    EXPECT_EQ(l.lane_of[static_cast<int>(EventKind::Inspection)], 0);
    EXPECT_EQ(l.lane_of[static_cast<int>(EventKind::Conference)], 1);
    EXPECT_EQ(l.lane_of[static_cast<int>(EventKind::Recognition)], 2);
    EXPECT_EQ(l.lane_of[static_cast<int>(EventKind::Training)], -1);
    shown[static_cast<int>(EventKind::Conference)] = false;
    l = assign_lanes(events, shown, true);
    ASSERT_EQ(l.count(), 2);
    EXPECT_EQ(l.lane_of[static_cast<int>(EventKind::Recognition)], 1);
    l = assign_lanes(events, all_shown(), false);
    EXPECT_EQ(l.count(), kEventKindCount);
    EXPECT_EQ(l.lane_of[static_cast<int>(EventKind::Other)], 6);
}

TEST(HitTest, FindsTheRightEvent) {
    std::vector<Event> events = {
        event(EventKind::Inspection, "2020-01-10", "2020-01-10", "one day"),
        event(EventKind::Training, "2020-03-01", "2020-03-31", "a month"),
        event(EventKind::Inspection, "2020-01-20", "2020-01-20", "ten days later"),
        event(EventKind::Training, "2020-03-15", "2020-03-15", "inside the month"),
    };
    const LaneLayout lanes = assign_lanes(events, all_shown(), true);
    ASSERT_EQ(lanes.count(), 2);  // inspections, trainings
    // 2 px per day from 2020-01-01.
    const TimeAxis axis = fit_axis(d("2020-01-01"), d("2020-12-31"), 0, 732, 0);
    const std::vector<int> order = {0, 2, 1, 3};
    const auto marks = layout_events(events, order, lanes, axis);
    ASSERT_EQ(marks.size(), 4u);
    EXPECT_TRUE(marks[0].point());
    EXPECT_FLOAT_EQ(marks[0].x0, 18);  // 9 days after 1 January
    EXPECT_FALSE(marks[2].point());
    EXPECT_FLOAT_EQ(marks[2].x0, 2 * 60);          // 1 March 2020 is day 60
    EXPECT_FLOAT_EQ(marks[2].x1, 2 * (60 + 31));  // through 31 March
    const LaneGeometry geo{10, 20};  // lane 0: y 10..30, lane 1: y 30..50
    EXPECT_EQ(hit_test(marks, geo, lanes.count(), 19, 20, 4), 0);
    EXPECT_EQ(hit_test(marks, geo, lanes.count(), 37, 20, 4), 2);   // 20 Jan is at x 38
    EXPECT_EQ(hit_test(marks, geo, lanes.count(), 28, 20, 4), -1);  // between them, too far
    // 10 px from both: the one drawn last (on top) wins.
    EXPECT_EQ(hit_test(marks, geo, lanes.count(), 28, 20, 12), 2);
    EXPECT_EQ(hit_test(marks, geo, lanes.count(), 19, 40, 4), -1);  // the training lane is empty there
    EXPECT_EQ(hit_test(marks, geo, lanes.count(), 19, 55, 4), -1);  // below every lane
    EXPECT_EQ(hit_test(marks, geo, lanes.count(), 130, 40, 4), 1);  // inside the month bar
    EXPECT_EQ(hit_test(marks, geo, lanes.count(), 2 * 74 + 1, 40, 4), 3);  // point inside the bar wins
    const auto all = hit_test_all(marks, geo, lanes.count(), 2 * 74 + 1, 40, 4);
    EXPECT_EQ(all, (std::vector<int>{3, 1}));
}

TEST(HitTest, DemoEventsAreFoundWhereTheyAreDrawn) {
    const Dataset ds = demo::make_demo_dataset();
    ASSERT_FALSE(ds.events.empty());
    const LaneLayout lanes = assign_lanes(ds.events, all_shown(), true);
    const TimeAxis axis = fit_axis(*ds.first_date(), *ds.last_date(), 0, 20000, 0);
    std::vector<int> all;
    for (size_t i = 0; i < ds.events.size(); ++i) all.push_back(static_cast<int>(i));
    const auto marks = layout_events(ds.events, all, lanes, axis);
    ASSERT_EQ(marks.size(), ds.events.size());
    const LaneGeometry geo{0, 16};
    // The Lộc Bình training of 26–27 July 2023 sits in the training lane.
    int training = -1;
    for (size_t i = 0; i < ds.events.size(); ++i)
        if (ds.events[i].kind == EventKind::Training && ds.events[i].start == d("2023-07-26"))
            training = static_cast<int>(i);
    ASSERT_GE(training, 0);
    const int lane = lanes.lane_of[static_cast<int>(EventKind::Training)];
    const float x = axis.x_of(d("2023-07-27"));
    const auto hits = hit_test_all(marks, geo, lanes.count(), x, geo.centre(lane), 0.5f);
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits.front(), training);
}

TEST(Ticks, OneMajorTickPerYearLabelledWhenThereIsRoom) {
    // 2011-01-01 .. 2026-01-01 over 1500 px: about 100 px per year.
    TimeAxis a;
    a.day0 = d("2011-01-01").days;
    a.day1 = d("2026-01-01").days;
    a.x0 = 0;
    a.x1 = 1500;
    auto ticks = time_ticks(a, 40, 1000);
    ASSERT_EQ(ticks.size(), 16u);  // 2011 .. 2026, no months
    EXPECT_EQ(ticks.front().date, d("2011-01-01"));
    EXPECT_FLOAT_EQ(ticks.front().x, 0);
    EXPECT_EQ(ticks.back().date, d("2026-01-01"));
    EXPECT_FLOAT_EQ(ticks.back().x, 1500);
    for (const auto& t : ticks) {
        EXPECT_TRUE(t.major);
        EXPECT_TRUE(t.labelled);
    }
    EXPECT_NEAR(ticks[9].x, a.x_of(d("2020-01-01")), 1e-3);
    // Labels need 150 px: every second year.
    ticks = time_ticks(a, 150, 1000);
    int labelled = 0;
    for (const auto& t : ticks) labelled += t.labelled;
    EXPECT_EQ(labelled, 8);  // 2012, 2014, ..., 2026
    EXPECT_FALSE(ticks[0].labelled);
    EXPECT_TRUE(ticks[1].labelled);
    // Months get minor ticks when they are 8 px apart.
    ticks = time_ticks(a, 40, 8);
    EXPECT_EQ(ticks.size(), 15u * 12 + 1);
}

}  // namespace
}  // namespace ntm::ui
