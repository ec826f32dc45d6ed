// Reported against computed, for the same date and scope, with differences flagged.
#include "core/reconciliation.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/demo.h"

namespace ntm {
namespace {

const Dataset& demo_data() {
    static const Dataset d = demo::make_demo_dataset();
    return d;
}

TEST(Reconciliation, FigureNames) {
    FigureName f = parse_figure_name("band:15-18:percent");
    EXPECT_EQ(f.what, FigureName::Band);
    EXPECT_EQ(f.lo, 15);
    EXPECT_EQ(f.hi, 18);
    EXPECT_TRUE(f.percent);
    f = parse_figure_name("band:19:count");
    EXPECT_EQ(f.what, FigureName::Band);
    EXPECT_EQ(f.lo, 19);
    EXPECT_EQ(f.hi, 19);
    EXPECT_FALSE(f.percent);
    EXPECT_EQ(parse_figure_name("xa_total").what, FigureName::XaTotal);
    EXPECT_EQ(parse_figure_name("average_criteria").what, FigureName::Average);
    EXPECT_EQ(parse_figure_name("xa_advanced_percent").what, FigureName::Advanced);
    EXPECT_TRUE(parse_figure_name("xa_advanced_percent").percent);
    EXPECT_EQ(parse_figure_name("xa_model_count").what, FigureName::Model);
    for (const char* bad : {"band:18-15:count", "band:15-18", "band:x:count", "band:15-18:share", "xa_standard", ""})
        EXPECT_EQ(parse_figure_name(bad).what, FigureName::Unknown) << bad;
    EXPECT_EQ(band_figure_name(15, 18, "count"), "band:15-18:count");
    EXPECT_EQ(band_figure_name(0, 4, "percent"), "band:0-4:percent");
    EXPECT_EQ(band_figure_name(19, 19, "count"), "band:19:count");
}

TEST(Reconciliation, ToleranceIsHalfTheLastReportedDecimal) {
    EXPECT_NEAR(rounding_tolerance(51), 0.5, 1e-6);
    EXPECT_NEAR(rounding_tolerance(28.18), 0.005, 1e-6);
    EXPECT_NEAR(rounding_tolerance(12.4), 0.05, 1e-6);
    EXPECT_NEAR(rounding_tolerance(11.66), 0.005, 1e-6);
    EXPECT_NEAR(rounding_tolerance(0), 0.5, 1e-6);
}

TEST(Reconciliation, TheDemoReproducesTheJuly2020Report) {
    const std::vector<ReconciliationRow> rows = reconcile(demo_data());
    // Ten province figures of July 2020; the national figures of October 2022 are not computable.
    ASSERT_EQ(rows.size(), 10u);
    for (const ReconciliationRow& r : rows) {
        EXPECT_EQ(r.date, Date::from_ymd(2020, 7, 31));
        EXPECT_EQ(r.scope, "province:20");
        EXPECT_FALSE(r.flagged) << r.figure << ": reported " << r.reported << ", computed " << r.computed;
    }
    EXPECT_EQ(rows[0].figure, "xa_total");
    EXPECT_EQ(rows[0].computed, 181);
    EXPECT_EQ(rows[1].figure, "band:19:count");
    EXPECT_EQ(rows[1].computed, 51);
    EXPECT_NEAR(rows[2].computed, 100.0 * 51 / 181, 1e-9);  // 28.18 as reported
}

TEST(Reconciliation, DifferencesAreFlaggedForTheSameDateAndScope) {
    Dataset d = demo_data();
    d.reported.clear();
    const Date june_2021 = Date::from_ymd(2021, 6, 30);
    const AttainmentIndex index(d);
    const double total_183 = *compute_figure(d, index, june_2021, "district:183", "xa_total");
    const double standard = *compute_figure(d, index, june_2021, "province:20", "xa_standard_count");
    const double average = *compute_figure(d, index, june_2021, "province", "average_criteria");
    EXPECT_GT(total_183, 0);
    d.reported = {
        {june_2021, "province:20", "xa_standard_count", standard + 3, "bản tin: 3 xã nhiều hơn"},
        {june_2021, "district:183", "xa_total", total_183, "bản tin: khớp"},
        {june_2021, "national", "xa_standard_count", 5860, "bản tin: toàn quốc"},
        {june_2021, "province:20", "average_criteria", std::round(average * 10) / 10, "bản tin: làm tròn"},
        {june_2021, "district:999", "xa_total", 10, "huyện không có"},
        {june_2021, "province:21", "xa_total", 10, "tỉnh khác"},
        {june_2021, "province:20", "unknown_figure", 10, "không rõ"},
    };
    const std::vector<ReconciliationRow> rows = reconcile(d);
    ASSERT_EQ(rows.size(), 3u);
    // Sorted by date, then scope.
    EXPECT_EQ(rows[0].scope, "district:183");
    EXPECT_FALSE(rows[0].flagged);
    EXPECT_EQ(rows[0].difference, 0);
    EXPECT_EQ(rows[1].figure, "xa_standard_count");
    EXPECT_TRUE(rows[1].flagged);
    EXPECT_EQ(rows[1].difference, -3);
    EXPECT_EQ(rows[1].source, "bản tin: 3 xã nhiều hơn");
    EXPECT_EQ(rows[2].figure, "average_criteria");
    EXPECT_FALSE(rows[2].flagged);  // within the rounding of one decimal
    EXPECT_LE(std::fabs(rows[2].difference), 0.05 + 1e-9);
}

TEST(Reconciliation, BandsAreAnyClosedRange) {
    const Dataset& d = demo_data();
    const AttainmentIndex index(d);
    const Date july_2020 = Date::from_ymd(2020, 7, 31);
    // 0-4 was empty in July 2020; 5-14 is the sum of two configured bands (90 + 36).
    EXPECT_EQ(*compute_figure(d, index, july_2020, "province:20", "band:0-4:count"), 0);
    EXPECT_EQ(*compute_figure(d, index, july_2020, "province:20", "band:5-14:count"), 126);
    EXPECT_NEAR(*compute_figure(d, index, july_2020, "province:20", "band:15-18:percent"), 100.0 * 4 / 181, 1e-9);
    EXPECT_FALSE(compute_figure(d, index, july_2020, "national", "band:19:count").has_value());
}

}  // namespace
}  // namespace ntm
