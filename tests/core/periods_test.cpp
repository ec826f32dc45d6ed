// Criteria sets and boundary versions follow the date: which set and which units are in force,
// how observations carry across sets, indicators, commune groups, levels and targets per period.
#include <gtest/gtest.h>

#include "core/filters.h"
#include "core/lineage.h"
#include "core/planner.h"
#include "core/statistics.h"
#include "core/unit_history.h"

namespace ntm {
namespace {

Date d(const char* iso) { return *parse_date(iso); }

Unit unit(const std::string& code, const std::string& name, UnitKind kind, int version,
          const std::string& district = "") {
    Unit u;
    u.code = code;
    u.name = name;
    u.kind = kind;
    u.version = version;
    u.district_code = district;
    u.district_name = district.empty() ? "" : "Huyện " + district;
    return u;
}

void assess(Dataset& ds, const std::string& code, const char* date, int count, int of) {
    for (int c = 1; c <= of; ++c) ds.observations.push_back({code, c, c <= count, d(date), "test"});
}

TEST(CriteriaPeriods, TheSetInForceFollowsTheDate) {
    const Dataset ds;  // the national sets
    EXPECT_EQ(ds.criteria_on(d("2012-06-30")).id, "2010-2015");
    EXPECT_EQ(ds.criteria_on(d("2012-06-30")).decision, "491/QĐ-TTg");
    EXPECT_EQ(ds.criteria_on(d("2015-12-31")).id, "2010-2015");
    EXPECT_EQ(ds.criteria_on(d("2016-01-01")).id, "2016-2020");
    EXPECT_EQ(ds.criteria_on(d("2020-07-31")).decision, "1980/QĐ-TTg");
    EXPECT_EQ(ds.criteria_on(d("2021-01-01")).id, "2021-2025");
    EXPECT_EQ(ds.criteria_on(d("2026-02-14")).decision, "318/QĐ-TTg");
    const CriteriaSet& now = ds.criteria_on(d("2026-02-15"));
    EXPECT_EQ(now.id, "2026-2030");
    EXPECT_EQ(now.decision, "51/2025/QĐ-TTg");
    ASSERT_EQ(now.size(), 10);
    EXPECT_EQ(now.criteria[0].name_vi, "Quy hoạch");
    EXPECT_EQ(now.criteria[2].name_vi, "Phát triển kinh tế nông thôn");
    EXPECT_EQ(now.criteria[6].name_vi, "Khoa học công nghệ và chuyển đổi số");
    EXPECT_EQ(now.criteria[9].name_vi, "Tiếp cận pháp luật và an ninh, quốc phòng");
    EXPECT_TRUE(now.commune_groups);
    EXPECT_EQ(now.levels, (std::vector<Level>{Level::Standard, Level::Modern}));
    EXPECT_EQ(ds.criteria_on(d("2024-01-01")).levels,
              (std::vector<Level>{Level::Standard, Level::Advanced, Level::Model}));
    EXPECT_EQ(ds.criteria_on(d("2012-01-01")).levels, (std::vector<Level>{Level::Standard}));
    // Before the first set: the first; labels say which set.
    EXPECT_EQ(ds.criteria_on(d("2001-01-01")).id, "2010-2015");
    EXPECT_EQ(now.short_label_vi(), "Bộ tiêu chí 2026\u20132030 (10 tiêu chí)");
    EXPECT_EQ(ds.criteria_on(d("2024-01-01")).short_label_en(), "2021\u20132025 criteria set (19 criteria)");
    // The 1980 and 318 sets name criterion 11 as their decisions do.
    EXPECT_EQ(ds.criteria_on(d("2020-07-31")).criteria[10].name_vi, "Hộ nghèo");
    EXPECT_EQ(ds.criteria_on(d("2024-07-31")).criteria[10].name_vi, "Nghèo đa chiều");
}

class PeriodsTest : public ::testing::Test {
protected:
    void SetUp() override {
        ds.versions = {BoundaryVersion{"old", "", std::nullopt, d("2025-06-30"), Grouping::District},
                       BoundaryVersion{"new", "", d("2025-07-01"), std::nullopt, Grouping::None}};
        // 00010 is reused: Xã Cũ until 30/6/2025, Xã Mới (formed from 00010 and 00011) after.
        ds.units = {unit("00010", "Cũ", UnitKind::Xa, 0, "180"), unit("00011", "Bên", UnitKind::Xa, 0, "180"),
                    unit("00012", "Phố", UnitKind::Phuong, 0, "181"), unit("00010", "Mới", UnitKind::Xa, 1),
                    unit("00012", "Phố", UnitKind::Phuong, 1)};
        ds.units[3].commune_group = 2;
        ds.reindex();
        ds.lineage = {{0, 3, d("2025-07-01"), "merger list"}, {1, 3, d("2025-07-01"), "merger list"},
                      {2, 4, d("2025-07-01"), "merger list"}};
        assess(ds, "00010", "2020-07-31", 19, 19);  // the old unit: all 19 in 2020 (1980 set)
        assess(ds, "00011", "2020-07-31", 12, 19);
        assess(ds, "00010", "2025-07-01", 17, 19);  // the new unit, still on the 19 criteria
        assess(ds, "00010", "2026-06-30", 8, 10);   // the new unit on the 10-criterion set
    }
    Dataset ds;
};

TEST_F(PeriodsTest, CodesNameTheUnitOfTheVersionInForce) {
    EXPECT_EQ(ds.find_unit("00010", d("2025-06-30")), 0);
    EXPECT_EQ(ds.find_unit("00010", d("2025-07-01")), 3);
    EXPECT_EQ(ds.find_unit("00011", d("2025-07-01")), -1);
    EXPECT_EQ(ds.find_unit("00010"), 3);  // the latest version
    EXPECT_EQ(ds.units_with_code("00010"), (std::vector<int>{0, 3}));
    EXPECT_EQ(ds.predecessors(3), (std::vector<int>{0, 1}));
    EXPECT_EQ(ds.successors(1), (std::vector<int>{3}));
    EXPECT_EQ(ds.districts(d("2025-06-30")).size(), 2u);
    EXPECT_TRUE(ds.districts(d("2025-07-01")).empty()) << "no districts after the reform";
    EXPECT_EQ(ds.grouping_on(d("2026-01-01")), Grouping::None);
}

TEST_F(PeriodsTest, StatesAndSummariesUseTheVersionAndSetInForce) {
    const AttainmentIndex index(ds);
    // 30/6/2025: the old units; the 2021–2025 set carries the 2020 observations (same numbering).
    auto st = index.states(d("2025-06-30"));
    EXPECT_TRUE(st[0].in_force);
    EXPECT_FALSE(st[3].in_force);
    EXPECT_EQ(st[0].count, 19);
    EXPECT_EQ(ds.criteria_set(st[0].criteria_set).id, "2021-2025");
    Summary s = summarize(ds, st, d("2025-06-30"));
    EXPECT_EQ(s.units_total, 3);
    EXPECT_EQ(s.xa_total, 2);
    EXPECT_EQ(s.at_standard, 1);
    EXPECT_EQ(s.criteria_count, 19);

    // 1/7/2025: the new units only; the reused code's observations of 2020 stay with the old unit.
    st = index.states(d("2025-07-01"));
    EXPECT_FALSE(st[0].in_force);
    EXPECT_EQ(st[0].count, 0);
    EXPECT_TRUE(st[3].in_force);
    EXPECT_EQ(st[3].count, 17);
    s = summarize(ds, st, d("2025-07-01"));
    EXPECT_EQ(s.units_total, 2);
    EXPECT_EQ(s.xa_total, 1);
    EXPECT_EQ(s.not_applicable, 1);

    // 1/3/2026: the 10-criterion set starts from no data: 17 of 19 is not 17 of 10.
    st = index.states(d("2026-03-01"));
    EXPECT_FALSE(st[3].has_data);
    EXPECT_EQ(st[3].met.size(), 10u);
    s = summarize(ds, st, d("2026-03-01"));
    EXPECT_EQ(s.criteria_set, "2026-2030");
    EXPECT_EQ(s.xa_with_data, 0);
    EXPECT_EQ(s.threshold, 0) << "no 'below N' count is reported for the 10 criteria";

    st = index.states(d("2026-12-31"));
    EXPECT_EQ(st[3].count, 8);
    EXPECT_EQ(ds.criteria_set(st[3].criteria_set).bands[st[3].band].label, "8\u20139");
}

TEST_F(PeriodsTest, HistoryRestartsWithTheTenCriteriaAndStaysWithItsUnit) {
    const auto old_history = unit_history(ds, 0);
    ASSERT_EQ(old_history.size(), 19u);  // the 2020 gains of the old unit only
    for (const CriterionChange& c : old_history) EXPECT_EQ(c.date, d("2020-07-31"));
    const auto h = unit_history(ds, 3);
    int gained_2025 = 0, gained_2026 = 0;
    for (const CriterionChange& c : h) {
        if (c.date == d("2025-07-01")) gained_2025 += c.gained;
        if (c.date == d("2026-06-30")) {
            gained_2026 += c.gained;
            EXPECT_EQ(ds.criteria_set(c.criteria_set).id, "2026-2030");
        }
    }
    EXPECT_EQ(gained_2025, 17);
    EXPECT_EQ(gained_2026, 8) << "the 10 criteria start from nothing: 8 gains, no losses from the 19";
}

TEST_F(PeriodsTest, FormationSaysWhatThePredecessorsHadTheDayBefore) {
    const AttainmentIndex index(ds);
    const auto f = formation(ds, index, 3);
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->date, d("2025-07-01"));
    ASSERT_EQ(f->predecessors.size(), 2u);
    EXPECT_EQ(f->xa, 2);
    EXPECT_EQ(f->xa_at_standard, 1);
    EXPECT_EQ(describe_formation(ds, *f, true),
              "Hình thành ngày 01/07/2025 từ Xã Cũ, Xã Bên; 1/2 xã đạt chuẩn ngày 30/06/2025");
    EXPECT_EQ(describe_formation(ds, *f, false),
              "Formed on 2025-07-01 from Xã Cũ, Xã Bên; 1 of 2 xã at standard on 2025-06-30");
    EXPECT_EQ(describe_successors(ds, successors_of(ds, 1), true), "Sáp nhập vào Xã Mới từ ngày 01/07/2025");
    EXPECT_FALSE(formation(ds, index, 0).has_value());
}

TEST_F(PeriodsTest, TablesGroupByTheFormerDistrictWhenAsked) {
    const AttainmentIndex index(ds);
    const auto st = index.states(d("2026-12-31"));
    EXPECT_TRUE(summarize_by_district(ds, st, d("2026-12-31")).empty()) << "no districts after the reform";
    const auto former = summarize_by_former_district(ds, st, d("2026-12-31"));
    ASSERT_EQ(former.size(), 2u);
    EXPECT_EQ(former[0].scope_name, "Huyện 180 (cũ)");  // Xã Mới: both predecessors in 180
    EXPECT_EQ(former[0].xa_total, 1);
    EXPECT_EQ(former[0].at_standard, 0);
    EXPECT_EQ(former[1].scope_name, "Huyện 181 (cũ)");  // the ward
    EXPECT_EQ(former[1].not_applicable, 1);
}

TEST_F(PeriodsTest, CommuneGroupsFilter) {
    const AttainmentIndex index(ds);
    const auto st = index.states(d("2026-12-31"));
    UnitFilterSpec f;
    f.groups = {2};
    EXPECT_TRUE(f.matches(ds, st, 3));
    EXPECT_FALSE(f.matches(ds, st, 4));
    EXPECT_EQ(f.describe(ds, d("2026-12-31"), false), "Nhóm xã: nhóm 2");
    f.groups = {0};
    EXPECT_FALSE(f.matches(ds, st, 3));
}

TEST(IndicatorsToCriteria, ACriterionIsMetWhenAllItsIndicatorsAre) {
    Dataset ds;
    CriteriaSet set = criteria_set_2026_2030();
    set.valid_from = d("2000-01-01");
    // Test indicators (not the decision's, which are not carried): criterion 2 has three.
    set.criteria[1].indicators = {{"2.1", "a", "a"}, {"2.2", "b", "b"}, {"2.3", "c", "c"}};
    ds.criteria_sets = {set};
    ds.units = {unit("00001", "An", UnitKind::Xa, 0)};
    ds.reindex();
    auto ind = [&](const char* number, bool met, const char* date) {
        Observation o{"00001", 2, met, d(date), "t"};
        o.indicator = number;
        ds.observations.push_back(o);
    };
    ind("2.1", true, "2026-03-01");
    ind("2.2", true, "2026-03-01");
    {
        const AttainmentIndex index(ds);
        const UnitState s = index.state(0, d("2026-03-31"));
        EXPECT_TRUE(s.has_data);
        EXPECT_EQ(s.met[1], 0) << "2.3 has no result yet";
        const auto marks = index.indicators(0, 2, d("2026-03-31"));
        ASSERT_EQ(marks.size(), 3u);
        EXPECT_TRUE(marks[0].met);
        EXPECT_FALSE(marks[2].has_data);
    }
    ind("2.3", true, "2026-04-01");
    {
        const AttainmentIndex index(ds);
        EXPECT_EQ(index.state(0, d("2026-04-01")).met[1], 1);
        EXPECT_EQ(index.state(0, d("2026-04-01")).count, 1);
    }
    ind("2.2", false, "2026-05-01");
    {
        const AttainmentIndex index(ds);
        EXPECT_EQ(index.state(0, d("2026-05-01")).met[1], 0) << "one indicator lost: the criterion is lost";
    }
    // A later result for the whole criterion decides until an indicator is recorded again.
    ds.observations.push_back({"00001", 2, true, d("2026-06-01"), "whole"});
    {
        const AttainmentIndex index(ds);
        EXPECT_EQ(index.state(0, d("2026-06-01")).met[1], 1);
    }
}

TEST(LevelsPerPeriod, AdvancedEndsWith2025AndModernBelongsTo2026) {
    Dataset ds;
    ds.units = {unit("00001", "An", UnitKind::Xa, 0), unit("00002", "Bình", UnitKind::Xa, 0)};
    ds.reindex();
    ds.recognitions = {{"00001", Level::Advanced, d("2023-05-01"), "QĐ 1"},
                       {"00002", Level::Modern, d("2026-10-01"), "QĐ 2"}};
    const AttainmentIndex index(ds);
    EXPECT_EQ(index.state(0, d("2025-12-31")).level, Level::Advanced);
    EXPECT_EQ(index.state(0, d("2026-03-01")).level, Level::None) << "no advanced level in 2026–2030";
    EXPECT_EQ(index.state(1, d("2026-10-01")).level, Level::Modern);
    const Summary s = summarize(ds, index.states(d("2026-12-31")), d("2026-12-31"));
    EXPECT_EQ(s.modern, 1);
    EXPECT_EQ(s.advanced, 0);
    Level l;
    ASSERT_TRUE(parse_level("NTM hiện đại", &l));
    EXPECT_EQ(l, Level::Modern);
}

TEST(TargetsPerPeriod, Decision263Until2025AndThe2030TargetsAfter) {
    Summary s;
    s.xa_total = 100;
    s.xa_with_data = 100;
    s.at_standard = 70;
    s.modern = 12;
    s.criteria_set = "2021-2025";
    EXPECT_EQ(programme_targets(s).targets.size(), 4u);
    EXPECT_EQ(programme_targets(s).targets[0].target, 80);
    s.criteria_set = "2026-2030";
    const ScopeTargets t = programme_targets(s);
    ASSERT_EQ(t.targets.size(), 2u);
    EXPECT_EQ(t.targets[0].id, "standard");
    EXPECT_EQ(t.targets[0].target, 65);
    EXPECT_EQ(t.targets[0].year, 2030);
    EXPECT_TRUE(t.targets[0].met);
    EXPECT_EQ(t.targets[1].id, "modern");
    EXPECT_EQ(t.targets[1].target, 10);
    EXPECT_TRUE(t.targets[1].met);
    s.criteria_set = "2016-2020";
    EXPECT_TRUE(programme_targets(s).targets.empty()) << "no targets are carried before 2021";
}

}  // namespace
}  // namespace ntm

namespace ntm {
namespace {

// A boundary file opened alone (one undated version) and without assessments: the default date
// lies within what is known of its period, and the criteria set is the one of that date.
TEST(DefaultDate, UndatedDistrictLevelBoundariesEndBeforeTheReform) {
    Dataset ds;  // one version, no dates, grouped by district (a file with a district field)
    ds.units = {unit("0001", "A", UnitKind::Xa, 0, "001")};
    ds.reindex();
    ASSERT_LT(Date::from_ymd(2025, 6, 30), today_local()) << "the test assumes today is after the reform";
    EXPECT_EQ(default_date(ds), d("2025-06-30"));
    EXPECT_EQ(ds.criteria_on(default_date(ds)).decision, "318/QĐ-TTg");
    const VersionPeriod p = version_period(ds, 0);
    EXPECT_FALSE(p.dated);
    EXPECT_TRUE(p.to_inferred);
    EXPECT_EQ(undated_boundaries_note(ds, default_date(ds), true),
              "Thời gian hiệu lực của ranh giới không rõ (có cấp huyện: trước 01/07/2025)");
    EXPECT_EQ(undated_boundaries_note(ds, default_date(ds), false),
              "Boundary validity unknown (district level: before 2025-07-01)");

    // Without a district level nothing is known: today, and the note says so.
    ds.versions.front().grouping = Grouping::None;
    EXPECT_EQ(default_date(ds), today_local());
    EXPECT_EQ(undated_boundaries_note(ds, today_local(), true), "Thời gian hiệu lực của ranh giới không rõ");

    // A version with its own dates: within them, and nothing to say.
    ds.versions.front() = BoundaryVersion{"2009", "", d("2009-04-01"), d("2019-12-31"), Grouping::District};
    EXPECT_EQ(default_date(ds), d("2019-12-31"));
    EXPECT_EQ(ds.criteria_on(default_date(ds)).decision, "1980/QĐ-TTg");
    EXPECT_EQ(undated_boundaries_note(ds, default_date(ds), true), "");
    ds.versions.front().valid_from = Date{today_local().days + 10};  // not begun: its first day
    ds.versions.front().valid_to.reset();
    EXPECT_EQ(default_date(ds), Date{today_local().days + 10});

    // Assessments decide the date; the boundaries' note is for datasets without them.
    ds.versions.front() = BoundaryVersion{"default", "", {}, {}, Grouping::District};
    assess(ds, "0001", "2020-07-31", 5, 19);
    EXPECT_EQ(default_date(ds), d("2020-07-31"));
    EXPECT_EQ(undated_boundaries_note(ds, d("2020-07-31"), true), "");
}

}  // namespace
}  // namespace ntm
