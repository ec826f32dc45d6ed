#include "ui/chart_series.h"

#include <gtest/gtest.h>

#include <map>

#include "core/demo.h"
#include "support/demo_fixture.h"

namespace ntm::ui {
namespace {

Date d(const char* iso) { return *parse_date(iso); }

using DemoSeries = test::DemoTest;

TEST_F(DemoSeries, MonthlyStackAtJuly2020MatchesThePublishedFigures) {
    const Date first = *ds->first_date();
    const Date last = *ds->last_date();
    const ChartSeries s =
        make_chart_series(time_series(*ds, *index, first, last, Step::Month), first, *ds);
    ASSERT_FALSE(s.empty());
    EXPECT_EQ(s.band_labels, (std::vector<std::string>{"19", "15–18", "10–14", "5–9", "0–4"}));
    EXPECT_EQ(s.steps.front().begin, first);
    const int i = step_at(s, d("2020-07-31"));
    ASSERT_GE(i, 0);
    const ChartStep& st = s.steps[i];
    EXPECT_EQ(st.date, d("2020-07-31"));
    EXPECT_EQ(st.begin, d("2020-07-01"));
    EXPECT_EQ(st.counts, (std::vector<int>{51, 4, 36, 90, 0}));
    EXPECT_EQ(st.no_data, 0);
    EXPECT_EQ(st.xa_total, 181);
    EXPECT_NEAR(st.average, 11.66, 0.005);
    EXPECT_EQ(stacked_tops(st), (std::vector<int>{51, 55, 91, 181, 181, 181}));
    EXPECT_EQ(s.max_total, 181);
    // Any day of July 2020 falls in that step.
    EXPECT_EQ(step_at(s, d("2020-07-01")), i);
    EXPECT_EQ(step_at(s, d("2020-08-01")), i + 1);
    // Before the start and after the end: clamped.
    EXPECT_EQ(step_at(s, d("1999-01-01")), 0);
    EXPECT_EQ(step_at(s, d("2099-01-01")), static_cast<int>(s.steps.size()) - 1);
    // Consecutive steps tile the span without gaps.
    for (size_t k = 1; k < s.steps.size(); ++k)
        EXPECT_EQ(s.steps[k].begin.days, s.steps[k - 1].date.days + 1);
    EXPECT_EQ(s.steps.back().date, last);
}

TEST_F(DemoSeries, YearlyStepsEndOnThirtyFirstDecember) {
    const Date first = *ds->first_date();
    const Date last = *ds->last_date();
    const ChartSeries s = make_chart_series(time_series(*ds, *index, first, last, Step::Year), first, *ds);
    ASSERT_EQ(s.steps.size(), static_cast<size_t>(last.year() - first.year() + 1));
    const int i = step_at(s, d("2020-07-31"));
    EXPECT_EQ(s.steps[i].date, d("2020-12-31"));
    for (const ChartStep& st : s.steps) {
        const auto tops = stacked_tops(st);
        EXPECT_EQ(tops.back(), st.xa_total);
    }
}

TEST_F(DemoSeries, StepUnderAPixel) {
    const Date first = *ds->first_date();
    const Date last = *ds->last_date();
    const ChartSeries s =
        make_chart_series(time_series(*ds, *index, first, last, Step::Month), first, *ds);
    const TimeAxis axis = fit_axis(first, last, 50, 1050, 0);
    const float x = (axis.x_of(d("2020-07-10")) + axis.x_of(d("2020-07-11"))) / 2;
    const int i = step_at_x(s, axis, x);
    ASSERT_GE(i, 0);
    EXPECT_EQ(s.steps[i].date, d("2020-07-31"));
}

TEST_F(DemoSeries, ReportedFiguresBecomeReferencePoints) {
    std::map<int32_t, Summary> cache;
    auto summary_at = [&](Date at) -> const Summary* {
        auto it = cache.find(at.days);
        if (it == cache.end()) it = cache.emplace(at.days, summarize(*ds, index->states(at), at)).first;
        return &it->second;
    };
    const auto points = reference_points(*ds, summary_at);
    // Province figures of July 2020: 4 band counts, the total, the average; national ones are
    // left out (another scope).
    ASSERT_EQ(points.size(), 6u);
    for (const auto& p : points) {
        EXPECT_EQ(p.date, d("2020-07-31"));
        EXPECT_EQ(p.scope, "province:20");
        EXPECT_FALSE(p.source.empty());
    }
    EXPECT_EQ(points[0].band, -1);  // xa_total
    EXPECT_EQ(points[0].axis, ReferenceAxis::Count);
    EXPECT_DOUBLE_EQ(points[0].value, 181);
    EXPECT_DOUBLE_EQ(points[0].computed, 181);
    EXPECT_EQ(points[1].band, 0);  // band:19:count sits on the top of the bottom segment
    EXPECT_DOUBLE_EQ(points[1].value, 51);
    EXPECT_DOUBLE_EQ(points[1].y, 51);
    EXPECT_DOUBLE_EQ(points[1].percent, 28.18);
    EXPECT_EQ(points[2].band, 1);  // band:15-18:count, stacked on the 51
    EXPECT_DOUBLE_EQ(points[2].y, 55);
    EXPECT_DOUBLE_EQ(points[2].computed, 4);
    EXPECT_DOUBLE_EQ(points[2].percent, 2.21);
    EXPECT_EQ(points[3].band, 2);
    EXPECT_DOUBLE_EQ(points[3].y, 91);
    EXPECT_EQ(points[4].band, 3);
    EXPECT_DOUBLE_EQ(points[4].y, 181);
    EXPECT_EQ(points[5].axis, ReferenceAxis::Average);
    EXPECT_DOUBLE_EQ(points[5].value, 11.66);
    EXPECT_NEAR(points[5].computed, 11.66, 0.005);
}

TEST(ReferencePoints, ScopesLabelsAndAliases) {
    Dataset ds;
    ds.info.province_code = "20";
    const Date at = d("2021-12-31");
    ds.reported = {{at, "national", "average_criteria", 17.1, "national"},
                   {at, "district:183", "band:19:count", 3, "district"},
                   {at, "province:20", "band:15–18:count", 7, "en dash label"},
                   {at, "province:20", "at_standard:count", 60, "alias"},
                   {at, "province:20", "at_standard:percent", 33.1, "alias percent"},
                   {at, "", "band:7-9:count", 1, "no such band"},
                   {at, "province:21", "xa_total", 99, "another province"},
                   {at, "", "something_else", 5, "unknown figure"}};
    EXPECT_TRUE(reported_scope_matches(ds, ""));
    EXPECT_TRUE(reported_scope_matches(ds, "province:20"));
    EXPECT_FALSE(reported_scope_matches(ds, "province:21"));
    EXPECT_FALSE(reported_scope_matches(ds, "national"));
    EXPECT_EQ(band_of_label(ds.criteria_on(ntm::Date::from_ymd(2024, 1, 1)), "15-18"), 1);
    EXPECT_EQ(band_of_label(ds.criteria_on(ntm::Date::from_ymd(2024, 1, 1)), "15–18"), 1);
    EXPECT_EQ(band_of_label(ds.criteria_on(ntm::Date::from_ymd(2024, 1, 1)), "0-4"), 4);
    EXPECT_EQ(band_of_label(ds.criteria_on(ntm::Date::from_ymd(2024, 1, 1)), "10-15"), -1);
    const auto points = reference_points(ds, nullptr);  // no computed summary: y is the value
    ASSERT_EQ(points.size(), 2u);
    EXPECT_EQ(points[0].band, 0);
    EXPECT_DOUBLE_EQ(points[0].value, 60);
    EXPECT_DOUBLE_EQ(points[0].percent, 33.1);
    EXPECT_DOUBLE_EQ(points[0].computed, -1);
    EXPECT_EQ(points[1].band, 1);
    EXPECT_DOUBLE_EQ(points[1].y, 7);
}

}  // namespace
}  // namespace ntm::ui

namespace ntm::ui {
namespace {

// Counts out of 19 and out of 10 never run on as one series: the chart marks the change to the
// 10-criterion set (and not the 2016 and 2021 changes, which kept the numbering), and each step
// says which set its average is out of.
TEST(ChartSetChanges, MarkedWhereTheCountsChangeMeaning) {
    Dataset ds;
    Unit u;
    u.code = "00001";
    u.name = "An";
    u.kind = UnitKind::Xa;
    ds.units = {u};
    ds.reindex();
    for (int c = 1; c <= 19; ++c) ds.observations.push_back({"00001", c, c <= 15, *parse_date("2015-06-30"), "t"});
    for (int c = 1; c <= 10; ++c) ds.observations.push_back({"00001", c, c <= 6, *parse_date("2026-06-30"), "t"});
    const AttainmentIndex index(ds);
    const Date first = *parse_date("2015-01-01"), last = *parse_date("2026-12-31");
    const ChartSeries s = make_chart_series(time_series(ds, index, first, last, Step::Year), first, ds);
    ASSERT_EQ(s.set_changes.size(), 1u);
    EXPECT_EQ(s.set_changes[0].date, *parse_date("2026-02-15"));
    EXPECT_EQ(s.set_changes[0].label, "Bộ tiêu chí 2026\u20132030 (10 tiêu chí)");
    EXPECT_EQ(s.set_changes[0].criteria_count, 10);
    EXPECT_EQ(s.steps[step_at(s, *parse_date("2025-12-31"))].criteria_count, 19);
    const ChartStep& y2026 = s.steps[step_at(s, *parse_date("2026-12-31"))];
    EXPECT_EQ(y2026.criteria_count, 10);
    EXPECT_EQ(y2026.criteria_set, "2026-2030");
    EXPECT_DOUBLE_EQ(y2026.average, 6);
}

}  // namespace
}  // namespace ntm::ui
