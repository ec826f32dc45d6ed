#include "core/statistics.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace ntm {
namespace {

Date d(const char* iso) { return *parse_date(iso); }

Unit unit(const std::string& code, const std::string& name, UnitKind kind, const std::string& district) {
    Unit u;
    u.code = code;
    u.name = name;
    u.kind = kind;
    u.district_code = district;
    u.district_name = "Huyện " + district;
    return u;
}

// Marks the first `count` criteria met (and the rest not met) for `code` on `date`.
void assess(Dataset& ds, const std::string& code, const char* date, int count) {
    for (int c = 1; c <= ds.criteria_on(ntm::Date::from_ymd(2024, 1, 1)).size(); ++c)
        ds.observations.push_back({code, c, c <= count, d(date), "test"});
}

class StatisticsTest : public ::testing::Test {
protected:
    void SetUp() override {
        ds.info.title = "Test";
        ds.units = {unit("00001", "An", UnitKind::Xa, "180"), unit("00002", "Bình", UnitKind::Xa, "180"),
                    unit("00003", "Cao", UnitKind::Xa, "181"), unit("00004", "Đông", UnitKind::Phuong, "181"),
                    unit("00005", "Em", UnitKind::Xa, "181")};
        ds.reindex();
        assess(ds, "00001", "2015-01-01", 19);
        assess(ds, "00002", "2015-01-01", 16);
        assess(ds, "00003", "2015-01-01", 7);
        assess(ds, "00004", "2015-01-01", 19);  // a ward: never counted
        // 00005 has no data
        ds.recognitions.push_back({"00001", Level::Standard, d("2015-06-01"), "QĐ 1"});
        ds.recognitions.push_back({"00001", Level::Advanced, d("2019-06-01"), "QĐ 2"});
    }
    Dataset ds;
};

TEST_F(StatisticsTest, BandsCountOnlyXaAndPercentOfAllXa) {
    AttainmentIndex index(ds);
    const Summary s = summarize(ds, index.states(d("2016-01-01")), d("2016-01-01"));
    EXPECT_EQ(s.units_total, 5);
    EXPECT_EQ(s.not_applicable, 1);
    EXPECT_EQ(s.xa_total, 4);
    EXPECT_EQ(s.xa_with_data, 3);
    ASSERT_EQ(s.bands.size(), 5u);
    EXPECT_EQ(s.bands[0].label, "19");
    EXPECT_EQ(s.bands[1].label, "15\u201318");
    EXPECT_EQ(s.bands[0].count, 1);
    EXPECT_EQ(s.bands[1].count, 1);
    EXPECT_EQ(s.bands[2].count, 0);
    EXPECT_EQ(s.bands[3].count, 1);
    EXPECT_DOUBLE_EQ(s.bands[0].percent, 25.0);
    EXPECT_DOUBLE_EQ(s.average_criteria, (19 + 16 + 7) / 3.0);
    EXPECT_EQ(s.at_standard, 1);
    EXPECT_EQ(s.below_threshold, 1);
    EXPECT_EQ(s.threshold, 15);
    EXPECT_EQ(s.misses[0], 0);   // criterion 1: everyone met it
    EXPECT_EQ(s.misses[18], 2);  // criterion 19: 00002 and 00003 miss it
}

TEST_F(StatisticsTest, BeforeAnyObservationThereIsNoData) {
    AttainmentIndex index(ds);
    const Summary s = summarize(ds, index.states(d("2014-12-31")), d("2014-12-31"));
    EXPECT_EQ(s.xa_with_data, 0);
    EXPECT_EQ(s.average_criteria, 0);
    for (const BandCount& b : s.bands) EXPECT_EQ(b.count, 0);
}

TEST_F(StatisticsTest, CriteriaCanBeLostAndTheLatestObservationWins) {
    ds.observations.push_back({"00001", 5, false, d("2018-03-01"), "re-inspection"});
    ds.observations.push_back({"00001", 5, true, d("2019-03-01"), "regained"});
    AttainmentIndex index(ds);
    EXPECT_EQ(index.state(0, d("2018-02-28")).count, 19);
    const UnitState lost = index.state(0, d("2018-03-01"));
    EXPECT_EQ(lost.count, 18);
    EXPECT_EQ(lost.band, 1);
    EXPECT_EQ(lost.met[4], 0);
    EXPECT_EQ(index.state(0, d("2019-03-01")).count, 19);
}

TEST_F(StatisticsTest, LevelFollowsTheLatestRecognition) {
    AttainmentIndex index(ds);
    EXPECT_EQ(index.state(0, d("2015-05-31")).level, Level::None);
    EXPECT_EQ(index.state(0, d("2015-06-01")).level, Level::Standard);
    EXPECT_EQ(index.state(0, d("2020-01-01")).level, Level::Advanced);
    const Summary s = summarize(ds, index.states(d("2020-01-01")), d("2020-01-01"));
    EXPECT_EQ(s.advanced, 1);
    EXPECT_EQ(s.model, 0);
}

TEST_F(StatisticsTest, PerDistrictSummariesPartitionTheProvince) {
    AttainmentIndex index(ds);
    const auto states = index.states(d("2016-01-01"));
    const auto districts = summarize_by_district(ds, states, d("2016-01-01"));
    ASSERT_EQ(districts.size(), 2u);
    EXPECT_EQ(districts[0].scope_code, "180");
    EXPECT_EQ(districts[0].xa_total, 2);
    EXPECT_DOUBLE_EQ(districts[0].average_criteria, 17.5);
    EXPECT_EQ(districts[1].scope_code, "181");
    EXPECT_EQ(districts[1].xa_total, 2);
    EXPECT_EQ(districts[1].not_applicable, 1);
    EXPECT_EQ(districts[1].xa_with_data, 1);
}

TEST_F(StatisticsTest, RankingAndClosestToStandard) {
    AttainmentIndex index(ds);
    const auto states = index.states(d("2016-01-01"));
    const auto lagging = rank_lagging(ds, states);
    ASSERT_EQ(lagging.size(), 3u);  // xã with data only
    EXPECT_EQ(ds.units[lagging[0].unit].code, "00003");
    EXPECT_EQ(lagging[0].count, 7);
    EXPECT_EQ(lagging[0].missing.size(), 12u);
    const auto close = closest_to_standard(ds, states);
    ASSERT_EQ(close.size(), 1u);
    EXPECT_EQ(ds.units[close[0].unit].code, "00002");
    EXPECT_EQ(close[0].missing, (std::vector<int>{17, 18, 19}));
}

TEST_F(StatisticsTest, TimeSeriesPerMonthAndYear) {
    ds.observations.push_back({"00003", 8, true, d("2016-02-10"), "gain"});
    AttainmentIndex index(ds);
    const auto monthly = time_series(ds, index, d("2016-01-01"), d("2016-03-15"), Step::Month);
    ASSERT_EQ(monthly.size(), 3u);
    EXPECT_EQ(monthly[0].date.iso(), "2016-01-31");
    EXPECT_EQ(monthly[1].date.iso(), "2016-02-29");
    EXPECT_EQ(monthly[2].date.iso(), "2016-03-15");
    EXPECT_DOUBLE_EQ(monthly[0].average_criteria, 42 / 3.0);
    EXPECT_DOUBLE_EQ(monthly[1].average_criteria, 43 / 3.0);
    const auto yearly = time_series(ds, index, d("2014-01-01"), d("2016-06-30"), Step::Year);
    ASSERT_EQ(yearly.size(), 3u);
    EXPECT_EQ(yearly[0].date.iso(), "2014-12-31");
    EXPECT_EQ(yearly[0].xa_with_data, 0);
    EXPECT_EQ(yearly[2].date.iso(), "2016-06-30");
}

TEST(CriteriaSets, BandsAreDerivedFromTheSetSize) {
    const CriteriaSet s19 = criteria_set_2021_2025();
    ASSERT_EQ(s19.size(), 19);
    std::vector<std::string> labels;
    for (const Band& b : s19.bands) labels.push_back(b.label);
    EXPECT_EQ(labels, (std::vector<std::string>{"19", "15\u201318", "10\u201314", "5\u20139", "0\u20134"}));
    EXPECT_EQ(s19.band_of(19), 0);
    EXPECT_EQ(s19.band_of(15), 1);
    EXPECT_EQ(s19.band_of(14), 2);
    EXPECT_EQ(s19.band_of(0), 4);
    EXPECT_EQ(s19.band_of(20), -1);
    EXPECT_EQ(s19.criteria[2].name_vi, "Thủy lợi và phòng, chống thiên tai");
    const CriteriaSet s10 = criteria_set_2026_2030();
    ASSERT_EQ(s10.size(), 10);
    labels.clear();
    for (const Band& b : s10.bands) labels.push_back(b.label);
    EXPECT_EQ(labels, (std::vector<std::string>{"10", "8\u20139", "5\u20137", "3\u20134", "0\u20132"}));
}

TEST(CriteriaSets, UnknownIdIsAnError) {
    try {
        criteria_set_by_id("2030");
        FAIL();
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "unknown criteria set '2030' (known: 2010-2015, 2016-2020, 2021-2025, 2026-2030)");
    }
}

}  // namespace
}  // namespace ntm
