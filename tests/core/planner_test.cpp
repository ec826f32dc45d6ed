// The planner lists on a small dataset with known answers and on the demo: lagging, close to the
// standard, regressions, never inspected, criterion misses, Decision 263 targets, the district
// table, tables and their sorting.
#include "core/planner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "core/demo.h"
#include "core/unit_history.h"
#include "support/demo_fixture.h"

namespace ntm {
namespace {

Date d(const char* iso) { return *parse_date(iso); }

Unit make_unit(const std::string& code, const std::string& name, UnitKind kind, const std::string& district) {
    Unit u;
    u.code = code;
    u.name = name;
    u.kind = kind;
    u.district_code = district;
    u.district_name = district == "180" ? "Huyện A" : "Huyện B";
    return u;
}

void assess(Dataset& ds, const std::string& code, const char* date, int count, const char* source = "2015") {
    for (int c = 1; c <= ds.criteria_on(ntm::Date::from_ymd(2024, 1, 1)).size(); ++c) ds.observations.push_back({code, c, c <= count, d(date), source});
}

Event event(EventKind kind, const char* start, const char* end, std::vector<std::string> units,
            std::vector<std::string> districts, const char* title) {
    Event e;
    e.kind = kind;
    e.start = d(start);
    e.end = d(end);
    e.unit_codes = std::move(units);
    e.district_codes = std::move(districts);
    e.title = title;
    return e;
}

// Two districts: A (180) with three xã and a ward, B (181) with two xã and a township.
class PlannerTest : public ::testing::Test {
protected:
    void SetUp() override {
        ds.info.title = "Tỉnh thử";
        ds.units = {make_unit("00001", "An", UnitKind::Xa, "180"),    make_unit("00002", "Bình", UnitKind::Xa, "180"),
                    make_unit("00003", "Cao", UnitKind::Xa, "180"),   make_unit("00004", "Đông", UnitKind::Phuong, "180"),
                    make_unit("00005", "Em", UnitKind::Xa, "181"),    make_unit("00006", "Giang", UnitKind::Xa, "181"),
                    make_unit("00007", "Hà", UnitKind::ThiTran, "181")};
        ds.reindex();
        assess(ds, "00001", "2015-01-01", 19);
        assess(ds, "00002", "2015-01-01", 16);
        assess(ds, "00003", "2015-01-01", 7);
        assess(ds, "00004", "2015-01-01", 19);
        assess(ds, "00005", "2015-01-01", 16);
        // 00006: no data.
        ds.recognitions.push_back({"00001", Level::Standard, d("2015-06-01"), "QĐ 1"});
        ds.recognitions.push_back({"00001", Level::Advanced, d("2019-06-01"), "QĐ 2"});

        // 2022: An loses criterion 5 on 1 March and regains it on 1 September.
        ds.observations.push_back({"00001", 5, false, d("2022-03-01"), "KT 03/2022"});
        ds.observations.push_back({"00001", 5, true, d("2022-09-01"), "KT 09/2022"});
        // Bình: criterion 3 lost and restored on one day (no loss); criterion 4 restored and lost
        // on one day (a loss, recorded by the second observation).
        ds.observations.push_back({"00002", 3, false, d("2022-05-10"), "sáng"});
        ds.observations.push_back({"00002", 3, true, d("2022-05-10"), "chiều"});
        ds.observations.push_back({"00002", 4, true, d("2022-05-10"), "sáng"});
        ds.observations.push_back({"00002", 4, false, d("2022-05-10"), "chiều"});
        // A re-inspection confirming a criterion is not a change.
        ds.observations.push_back({"00002", 1, true, d("2022-06-01"), "xác nhận"});
        // The ward loses one: wards are not assessed, so it is no regression.
        ds.observations.push_back({"00004", 2, false, d("2022-04-01"), "KT"});
        // Em loses criterion 1 in 2023.
        ds.observations.push_back({"00005", 1, false, d("2023-02-01"), "KT 2023"});

        ds.events = {
            event(EventKind::Inspection, "2022-04-01", "2022-04-01", {"00001"}, {}, "Kiểm tra xã An"),
            event(EventKind::Inspection, "2022-06-01", "2022-06-03", {}, {"181"}, "Kiểm tra huyện B"),
            event(EventKind::Training, "2022-05-01", "2022-05-01", {}, {"180"}, "Tập huấn huyện A"),
            event(EventKind::Inspection, "2021-11-20", "2021-11-20", {}, {"180"}, "Kiểm tra 2021"),
            event(EventKind::Inspection, "2022-07-01", "2022-07-01", {}, {}, "Kiểm tra toàn tỉnh"),
        };
        index = std::make_unique<AttainmentIndex>(ds);
    }
    std::vector<std::string> codes(const std::vector<UnitRow>& rows) const {
        std::vector<std::string> out;
        for (const UnitRow& r : rows) out.push_back(r.code);
        return out;
    }
    using V = std::vector<std::string>;
    Dataset ds;
    std::unique_ptr<AttainmentIndex> index;
};

TEST_F(PlannerTest, LaggingFromFewestUpWithSharedRanks) {
    const auto states = index->states(d("2021-01-01"));
    const auto rows = lagging_list(ds, states);
    ASSERT_EQ(codes(rows), (V{"00003", "00002", "00005", "00001"}));
    EXPECT_EQ(rows[0].rank, 1);
    EXPECT_EQ(rows[1].rank, 2);
    EXPECT_EQ(rows[2].rank, 2);  // same count as Bình
    EXPECT_EQ(rows[3].rank, 4);
    EXPECT_EQ(rows[0].count, 7);
    EXPECT_EQ(rows[0].of, 19);
    EXPECT_EQ(rows[0].band_label, "5\u20139");
    EXPECT_EQ(rows[0].district_name, "Huyện A");
    EXPECT_EQ(rows[0].missing.size(), 12u);
    EXPECT_EQ(rows[0].missing.front().number, 8);
    EXPECT_EQ(rows[3].level, Level::Advanced);
    EXPECT_TRUE(rows[3].missing.empty());
    EXPECT_EQ(ds.units[rows[1].unit].code, "00002");

    UnitFilterSpec b;
    b.districts = {"181"};
    EXPECT_EQ(codes(lagging_list(ds, states, b)), (V{"00005"}));
}

TEST_F(PlannerTest, CloseToStandardWithTheExactMissingCriteria) {
    const auto states = index->states(d("2021-01-01"));
    const auto rows = close_to_standard_list(ds, states);
    ASSERT_EQ(codes(rows), (V{"00002", "00005"}));
    EXPECT_EQ(rows[0].rank, 1);
    EXPECT_EQ(rows[1].rank, 1);
    ASSERT_EQ(rows[0].missing.size(), 3u);
    EXPECT_EQ(rows[0].missing[0].number, 17);
    EXPECT_EQ(rows[0].missing[0].name_vi, "Môi trường và an toàn thực phẩm");
    EXPECT_EQ(rows[0].missing[2].name_en, "Defence and security");
    EXPECT_EQ(missing_numbers(rows[0].missing), "17 18 19");
    EXPECT_EQ(missing_names(rows[0].missing, false),
              "17 Môi trường và an toàn thực phẩm; 18 Hệ thống chính trị và tiếp cận pháp luật; 19 Quốc phòng và An ninh");
    EXPECT_EQ(missing_names(rows[0].missing, true),
              "17 Environment and food safety; 18 Political system and access to law; 19 Defence and security");

    // On 30 June 2022 An has lost criterion 5 (1 March, regained 1 September): an advanced xã
    // at 18 is close to the standard again, and first. After 10 May Bình has 15: still close,
    // but after Em (16).
    const auto later = close_to_standard_list(ds, index->states(d("2022-06-30")));
    ASSERT_EQ(codes(later), (V{"00001", "00005", "00002"}));
    EXPECT_EQ(later[0].count, 18);
    EXPECT_EQ(later[0].rank, 1);
    EXPECT_EQ(later[0].level, Level::Advanced);
    EXPECT_EQ(missing_numbers(later[0].missing), "5");
    EXPECT_EQ(later[1].rank, 2);
    EXPECT_EQ(later[2].count, 15);
    EXPECT_EQ(later[2].rank, 3);
    EXPECT_EQ(missing_numbers(later[2].missing), "4 17 18 19");
    // After An regains it (1 September), only Em and Bình remain.
    const auto autumn = close_to_standard_list(ds, index->states(d("2022-09-01")));
    EXPECT_EQ(codes(autumn), (V{"00005", "00002"}));
}

TEST_F(PlannerTest, RegressionsWithExactDatesCriteriaAndSources) {
    auto rows = regressions(ds, *index, d("2022-01-01"), d("2022-12-31"));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].code, "00001");
    EXPECT_EQ(rows[0].criterion, 5);
    EXPECT_EQ(rows[0].criterion_vi, "Trường học");
    EXPECT_EQ(rows[0].criterion_en, "Schools");
    EXPECT_EQ(rows[0].lost_on.iso(), "2022-03-01");
    EXPECT_EQ(rows[0].source, "KT 03/2022");
    EXPECT_EQ(rows[0].count_before, 19);
    EXPECT_EQ(rows[0].count_after, 18);
    ASSERT_TRUE(rows[0].regained_on);
    EXPECT_EQ(rows[0].regained_on->iso(), "2022-09-01");
    EXPECT_EQ(rows[1].code, "00002");
    EXPECT_EQ(rows[1].criterion, 4);
    EXPECT_EQ(rows[1].lost_on.iso(), "2022-05-10");
    EXPECT_EQ(rows[1].source, "chiều");
    EXPECT_EQ(rows[1].count_before, 16);
    EXPECT_EQ(rows[1].count_after, 15);
    EXPECT_FALSE(rows[1].regained_on);

    // Both ends included; a regain after `to` is not reported.
    rows = regressions(ds, *index, d("2022-03-01"), d("2022-08-31"));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_FALSE(rows[0].regained_on);
    rows = regressions(ds, *index, d("2022-03-02"), d("2022-05-10"));
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].code, "00002");
    EXPECT_TRUE(regressions(ds, *index, d("2022-12-31"), d("2022-01-01")).empty());
    EXPECT_TRUE(regressions(ds, *index, d("2015-01-01"), d("2021-12-31")).empty());  // first results are no loss

    // The filter applies to the states on `to`.
    UnitFilterSpec b;
    b.districts = {"181"};
    EXPECT_TRUE(regressions(ds, *index, d("2022-01-01"), d("2022-12-31"), b).empty());
    rows = regressions(ds, *index, d("2022-01-01"), d("2023-12-31"), b);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].code, "00005");
    EXPECT_EQ(rows[0].criterion, 1);
    UnitFilterSpec at15;
    at15.bands = {1};
    at15.missing = {4};
    rows = regressions(ds, *index, d("2022-01-01"), d("2022-12-31"), at15);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].code, "00002");
}

TEST_F(PlannerTest, NeverInspectedInAPeriod) {
    const Date from = d("2022-01-01"), to = d("2022-12-31");
    const auto states = index->states(to);
    NeverInspected n = never_inspected(ds, states, from, to);
    std::vector<std::string> units;
    for (const UninspectedUnit& u : n.units) units.push_back(u.code);
    // An was named; district B was inspected as a whole; the province-wide item names nobody and
    // the training is no inspection.
    EXPECT_EQ(units, (V{"00002", "00003", "00004"}));
    ASSERT_TRUE(n.units[0].last_before);
    EXPECT_EQ(n.units[0].last_before->date.iso(), "2021-11-20");
    EXPECT_EQ(n.units[0].last_before->title, "Kiểm tra 2021");
    EXPECT_TRUE(n.districts.empty());  // A: through An; B: directly

    // Only events naming a unit count for units.
    InspectionRules strict;
    strict.district_covers_units = false;
    n = never_inspected(ds, states, from, to, {}, strict);
    units.clear();
    for (const UninspectedUnit& u : n.units) units.push_back(u.code);
    EXPECT_EQ(units, (V{"00002", "00003", "00004", "00005", "00006", "00007"}));
    EXPECT_FALSE(n.units[3].last_before);

    // From 3 June: B's inspection ends that day and still counts; A's last one was An's.
    n = never_inspected(ds, states, d("2022-06-03"), to);
    ASSERT_EQ(n.districts.size(), 1u);
    EXPECT_EQ(n.districts[0].code, "180");
    EXPECT_EQ(n.districts[0].name, "Huyện A");
    EXPECT_EQ(n.districts[0].units, 4);
    ASSERT_TRUE(n.districts[0].last_before);
    EXPECT_EQ(n.districts[0].last_before->date.iso(), "2022-04-01");
    EXPECT_EQ(n.units.size(), 4u);
    EXPECT_EQ(n.units[0].code, "00001");
    EXPECT_EQ(n.units[0].last_before->title, "Kiểm tra xã An");

    // From 4 June nothing in B either; the filter narrows units and districts.
    UnitFilterSpec xa;
    xa.kinds = {UnitKind::Xa};
    n = never_inspected(ds, states, d("2022-06-04"), to, xa);
    units.clear();
    for (const UninspectedUnit& u : n.units) units.push_back(u.code);
    EXPECT_EQ(units, (V{"00001", "00002", "00003", "00005", "00006"}));
    ASSERT_EQ(n.districts.size(), 2u);
    EXPECT_EQ(n.districts[1].code, "181");
    EXPECT_EQ(n.districts[1].units, 2);
    EXPECT_EQ(n.districts[1].last_before->date.iso(), "2022-06-03");
    UnitFilterSpec only_a;
    only_a.districts = {"180"};
    n = never_inspected(ds, states, d("2022-06-04"), to, only_a);
    ASSERT_EQ(n.districts.size(), 1u);
    EXPECT_EQ(n.districts[0].code, "180");
}

TEST_F(PlannerTest, CriterionMisses) {
    const auto states = index->states(d("2022-06-30"));
    const auto rows = criterion_misses(ds, states);
    ASSERT_EQ(rows.size(), 19u);
    EXPECT_EQ(rows[3].number, 4);
    EXPECT_EQ(rows[3].name_vi, "Điện");
    EXPECT_EQ(rows[3].count, 1);  // Bình (lost on 10 May)
    EXPECT_EQ(rows[3].xa_with_data, 4);
    EXPECT_DOUBLE_EQ(rows[3].percent, 25.0);
    EXPECT_EQ(rows[3].units, (std::vector<int>{1}));
    EXPECT_EQ(rows[4].units, (std::vector<int>{0}));  // An (criterion 5 lost in March)
    EXPECT_EQ(rows[0].count, 0);
    EXPECT_EQ(rows[18].count, 3);
    const Summary s = summarize(ds, states, d("2022-06-30"));
    for (size_t c = 0; c < rows.size(); ++c) EXPECT_EQ(rows[c].count, s.misses[c]);
    UnitFilterSpec a;
    a.districts = {"180"};
    EXPECT_EQ(criterion_misses(ds, states, a)[18].count, 2);
}

TEST(Targets263, Arithmetic) {
    Summary s;
    s.scope_name = "X";
    s.xa_total = 10;
    s.xa_with_data = 10;
    s.at_standard = 8;
    s.advanced = 2;
    s.model = 1;
    s.threshold = 15;
    const ScopeTargets t = targets_263(s);
    ASSERT_EQ(t.targets.size(), 4u);
    EXPECT_EQ(t.scope_name, "X");
    EXPECT_EQ(t.targets[0].id, "standard");
    EXPECT_DOUBLE_EQ(t.targets[0].value, 80.0);
    EXPECT_TRUE(t.targets[0].met);
    EXPECT_EQ(t.targets[1].id, "advanced");
    EXPECT_EQ(t.targets[1].numerator, 3);  // a model xã has passed the advanced level
    EXPECT_EQ(t.targets[1].denominator, 8);
    EXPECT_DOUBLE_EQ(t.targets[1].value, 37.5);
    EXPECT_EQ(t.targets[1].rule, TargetRule::About);
    EXPECT_FALSE(t.targets[1].met);
    EXPECT_EQ(t.targets[2].id, "model");
    EXPECT_DOUBLE_EQ(t.targets[2].value, 12.5);
    EXPECT_TRUE(t.targets[2].met);
    EXPECT_EQ(t.targets[3].id, "below_threshold");
    EXPECT_EQ(t.targets[3].label_vi, "Số xã dưới 15 tiêu chí");
    EXPECT_FALSE(t.targets[3].percent);
    EXPECT_TRUE(t.targets[3].met);

    s.at_standard = 7;   // 70 %
    s.advanced = 3;      // 4 of 7 = 57.14 %
    s.model = 1;
    s.below_threshold = 1;
    const ScopeTargets u = targets_263(s);
    EXPECT_FALSE(u.targets[0].met);
    EXPECT_TRUE(u.targets[1].met);
    EXPECT_NEAR(u.targets[1].value, 400.0 / 7, 1e-12);
    EXPECT_TRUE(u.targets[2].met);  // 14.29 %
    EXPECT_FALSE(u.targets[3].met);
    EXPECT_DOUBLE_EQ(u.targets[3].value, 1);

    Summary none;  // no xã at all: no share can be met
    const ScopeTargets z = targets_263(none);
    EXPECT_DOUBLE_EQ(z.targets[0].value, 0);
    EXPECT_FALSE(z.targets[0].met);
    EXPECT_FALSE(z.targets[1].met);
    EXPECT_TRUE(z.targets[3].met);
}

TEST_F(PlannerTest, TargetsForTheProvinceAndEachDistrict) {
    const Date date = d("2021-01-01");
    const auto states = index->states(date);
    const TargetsReport r = targets_report(ds, states, date);
    // 5 xã; 1 at standard (An, advanced); Cao below 15.
    EXPECT_EQ(r.province.scope_name, "Tỉnh thử");
    EXPECT_DOUBLE_EQ(r.province.targets[0].value, 20.0);
    EXPECT_EQ(r.province.targets[0].denominator, 5);
    EXPECT_DOUBLE_EQ(r.province.targets[1].value, 100.0);
    EXPECT_TRUE(r.province.targets[1].met);
    EXPECT_DOUBLE_EQ(r.province.targets[2].value, 0.0);
    EXPECT_FALSE(r.province.targets[2].met);
    EXPECT_EQ(r.province.targets[3].numerator, 1);
    ASSERT_EQ(r.districts.size(), 2u);
    EXPECT_EQ(r.districts[0].scope_code, "180");
    EXPECT_NEAR(r.districts[0].targets[0].value, 100.0 / 3, 1e-12);
    EXPECT_EQ(r.districts[1].scope_code, "181");
    EXPECT_EQ(r.districts[1].targets[0].numerator, 0);
    EXPECT_EQ(r.districts[1].targets[0].denominator, 2);
    EXPECT_EQ(r.districts[1].targets[1].denominator, 0);
    EXPECT_FALSE(r.districts[1].targets[1].met);
    EXPECT_TRUE(r.districts[1].targets[3].met);
    UnitFilterSpec b;
    b.districts = {"181"};
    const TargetsReport rb = targets_report(ds, states, date, b);
    ASSERT_EQ(rb.districts.size(), 1u);
    EXPECT_EQ(rb.province.targets[0].denominator, 2);

    const Table t = targets_table(r, false);
    ASSERT_EQ(t.rows.size(), 12u);
    EXPECT_EQ(t.rows[0][2].text, "Tỷ lệ xã đạt chuẩn nông thôn mới");
    EXPECT_EQ(t.rows[0][3].text, "20.00");
    EXPECT_EQ(t.rows[0][4].text, "≥ 80 %");
    EXPECT_EQ(t.rows[1][4].text, "≈ 40 %");
    EXPECT_EQ(t.rows[3][3].text, "1");
    EXPECT_EQ(t.rows[3][4].text, "0");
    EXPECT_EQ(t.rows[0][7].text, "chưa đạt");
    EXPECT_EQ(t.rows[1][7].text, "đạt");
    EXPECT_EQ(t.row_district[0], "");
    EXPECT_EQ(t.row_district[4], "180");
    EXPECT_EQ(targets_table(r, true).rows[0][7].text, "not met");
}

TEST_F(PlannerTest, DistrictTableAndItsEvents) {
    const Date date = d("2022-12-31");
    const auto states = index->states(date);
    const DistrictTable t = district_table(ds, states, date);
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.threshold, 15);
    const DistrictRow& a = t.rows[0];
    EXPECT_EQ(a.code, "180");
    EXPECT_EQ(a.xa_total, 3);
    EXPECT_EQ(a.at_standard, 1);
    EXPECT_NEAR(a.percent_standard, 100.0 / 3, 1e-12);
    EXPECT_DOUBLE_EQ(a.average_criteria, (19 + 15 + 7) / 3.0);
    EXPECT_EQ(a.below_threshold, 1);
    EXPECT_EQ(a.advanced, 1);
    EXPECT_EQ(a.model, 0);
    EXPECT_EQ(a.events_12_months, 2);  // An's inspection (through the unit) and the training
    EXPECT_EQ(t.rows[1].events_12_months, 1);
    EXPECT_EQ(t.total.events_12_months, 4);  // + the province-wide item
    EXPECT_EQ(t.total.name, "Tỉnh thử");
    EXPECT_EQ(t.total.xa_total, 5);

    // The window is (date - 12 months, date]: the 2021-11-20 inspection falls out on 2022-11-20.
    EXPECT_EQ(district_table(ds, states, d("2022-11-19")).rows[0].events_12_months, 3);
    EXPECT_EQ(district_table(ds, states, d("2022-11-20")).rows[0].events_12_months, 2);

    // With a district facet the province-wide item is not counted.
    UnitFilterSpec b;
    b.districts = {"181"};
    const DistrictTable tb = district_table(ds, states, date, b);
    ASSERT_EQ(tb.rows.size(), 1u);
    EXPECT_EQ(tb.total.events_12_months, 1);
    EXPECT_EQ(tb.total.xa_total, 2);

    const Table table = district_table_table(t, false);
    ASSERT_EQ(table.rows.size(), 3u);
    EXPECT_EQ(table.columns[6].header_vi, "Dưới 15 tiêu chí");
    EXPECT_EQ(table.rows[0][4].text, "33.33");
    EXPECT_EQ(table.rows[0][5].text, "13.67");
    EXPECT_EQ(table.rows[2][1].text, "Tỉnh thử");
    EXPECT_EQ(table.row_district[2], "");
}

TEST_F(PlannerTest, TablesAndCsv) {
    const auto states = index->states(d("2021-01-01"));
    const Table t = lagging_table(ds, lagging_list(ds, states), false);
    ASSERT_EQ(t.columns.size(), 9u);
    EXPECT_EQ(t.row_unit, (std::vector<int>{2, 1, 4, 0}));
    EXPECT_EQ(t.row_district, (std::vector<std::string>{"180", "180", "181", "180"}));
    EXPECT_EQ(t.rows[0][4].text, "7/19");
    EXPECT_EQ(t.rows[3][6].text, "Nâng cao");
    EXPECT_EQ(to_csv(t, false).rfind("Hạng,Mã,Xã,Huyện,Số tiêu chí,Khoảng tiêu chí,Mức,Tiêu chí chưa đạt,Tên tiêu chí chưa đạt\n"
                                     "1,00003,Cao,Huyện A,7/19,5–9,,8 9 10",
                                     0),
              0u);
    const std::string en = to_csv(lagging_table(ds, lagging_list(ds, states), true), true);
    EXPECT_EQ(en.substr(0, en.find('\n')), "Rank,Code,Commune,District,Criteria,Band,Level,Missing criteria,Missing criteria (names)");
    EXPECT_NE(en.find("2,00002,Bình,Huyện A,16/19,15–18,,17 18 19,17 Environment and food safety; 18 Political system "
                      "and access to law; 19 Defence and security\n"),
              std::string::npos)
        << en;
    // A CSV of a table reads back cell for cell.
    const auto parsed = parse_csv(to_csv(t, false));
    ASSERT_EQ(parsed.size(), t.rows.size() + 1);
    for (size_t r = 0; r < t.rows.size(); ++r)
        for (size_t c = 0; c < t.columns.size(); ++c) EXPECT_EQ(parsed[r + 1][c], t.rows[r][c].text);

    const Table close = close_to_standard_table(ds, close_to_standard_list(ds, states), false);
    ASSERT_GE(close.column("missing_count"), 0);
    EXPECT_EQ(close.rows[0][close.column("missing_count")].text, "3");
    const Table reg = regressions_table(regressions(ds, *index, d("2022-01-01"), d("2022-12-31")), true);
    EXPECT_EQ(reg.rows[0][0].text, "2022-03-01");
    EXPECT_EQ(reg.rows[0][5].text, "Schools");
    EXPECT_EQ(reg.rows[0][8].text, "2022-09-01");
    EXPECT_EQ(reg.rows[1][8].text, "");
    const NeverInspected n = never_inspected(ds, states, d("2022-06-04"), d("2022-12-31"));
    const Table nu = uninspected_units_table(n.units, false);
    EXPECT_EQ(nu.rows[3][2].text, "Phường");
    const Table nd = uninspected_districts_table(n.districts, true);
    EXPECT_EQ(nd.rows.size(), 2u);
    EXPECT_EQ(nd.rows[1][3].text, "2022-06-03");
    const Table cm = criterion_misses_table(ds, criterion_misses(ds, states), false);
    EXPECT_EQ(cm.rows[18][5].text, "Bình; Cao; Em");
    EXPECT_EQ(cm.rows[18][3].text, "75.00");
}

TEST(Collation, VietnameseDictionaryOrder) {
    auto less = [](const char* a, const char* b) { return compare_vietnamese(a, b) < 0; };
    EXPECT_TRUE(less("a", "ă"));
    EXPECT_TRUE(less("ă", "â"));
    EXPECT_TRUE(less("â", "b"));
    EXPECT_TRUE(less("d", "đ"));
    EXPECT_TRUE(less("đ", "e"));
    EXPECT_TRUE(less("Dương", "Đông"));  // d before đ, whatever follows
    EXPECT_TRUE(less("Đông", "Em"));
    EXPECT_TRUE(less("o", "ô"));
    EXPECT_TRUE(less("ô", "ơ"));
    EXPECT_TRUE(less("ơ", "p"));
    EXPECT_TRUE(less("u", "ư"));
    EXPECT_TRUE(less("ư", "v"));
    // Tones only decide between otherwise equal words: ngang, huyền, hỏi, ngã, sắc, nặng.
    EXPECT_TRUE(less("ma", "mà"));
    EXPECT_TRUE(less("mà", "mả"));
    EXPECT_TRUE(less("mả", "mã"));
    EXPECT_TRUE(less("mã", "má"));
    EXPECT_TRUE(less("má", "mạ"));
    EXPECT_TRUE(less("mạ", "mai"));
    EXPECT_TRUE(less("An Bình", "Anh"));  // word by word
    EXPECT_TRUE(less("Hà", "hạ"));
    EXPECT_TRUE(less("an", "An"));        // then case
    EXPECT_TRUE(less("2", "a"));
    EXPECT_EQ(compare_vietnamese("Lạng Sơn", "Lạng Sơn"), 0);
    EXPECT_GT(compare_vietnamese("Đình Lập", "Cao Lộc"), 0);
}

TEST(TableSort, StableNumericTextAndEmptyLast) {
    Table t;
    t.columns = {{"name", "Tên", "Name", false}, {"n", "Số", "N", true}};
    auto row = [&](const char* name, std::optional<double> n, int unit) {
        t.rows.push_back({{name, 0, false}, n ? TableCell{std::to_string(int(*n)), *n, true} : TableCell{"", 0, false}});
        t.row_unit.push_back(unit);
        t.row_district.push_back("");
    };
    row("Đông", 10, 0);
    row("Dương", 2, 1);
    row("Em", std::nullopt, 2);
    row("ăn", 2, 3);
    row("Bình", 10, 4);
    EXPECT_EQ(sort_order(t, 0, true), (std::vector<size_t>{3, 4, 1, 0, 2}));
    EXPECT_EQ(sort_order(t, 0, false), (std::vector<size_t>{2, 0, 1, 4, 3}));
    EXPECT_EQ(sort_order(t, 1, true), (std::vector<size_t>{1, 3, 0, 4, 2}));   // ties keep their order
    EXPECT_EQ(sort_order(t, 1, false), (std::vector<size_t>{0, 4, 1, 3, 2}));  // empty still last
    EXPECT_EQ(sort_order(t, 7, true), (std::vector<size_t>{0, 1, 2, 3, 4}));   // no such column
    const std::vector<size_t> order = sort_table(t, 1, true);
    EXPECT_EQ(t.row_unit, (std::vector<int>{1, 3, 0, 4, 2}));
    EXPECT_EQ(t.rows[0][0].text, "Dương");
    const std::vector<std::string> typed = {"a", "b", "c", "d", "e"};
    EXPECT_EQ(reorder(typed, order), (std::vector<std::string>{"b", "d", "a", "e", "c"}));
}

// --- The demo: the lists equal what the states (and so `summary --by unit`) say. ------------

using PlannerDemo = test::DemoTest;

TEST_F(PlannerDemo, ListsEqualTheStatesOfJuly2020) {
    const Date date = d("2020-07-31");
    const auto states = index->states(date);
    const Summary s = summarize(*ds, states, date);
    const auto lag = lagging_list(*ds, states);
    ASSERT_EQ(static_cast<int>(lag.size()), s.xa_with_data);
    EXPECT_EQ(lag.size(), 181u);
    int total = 0;
    std::vector<int> per_band(ds->criteria_on(date).bands.size(), 0);
    for (size_t i = 0; i < lag.size(); ++i) {
        const UnitRow& r = lag[i];
        const UnitState& st = states[r.unit];
        EXPECT_EQ(r.count, st.count);
        EXPECT_EQ(r.band, st.band);
        EXPECT_EQ(r.level, st.level);
        EXPECT_EQ(static_cast<int>(r.missing.size()), 19 - st.count);
        for (const MissingCriterion& m : r.missing) EXPECT_EQ(st.met[m.number - 1], 0);
        if (i) {
            EXPECT_LE(lag[i - 1].count, r.count);
            EXPECT_EQ(r.rank, r.count == lag[i - 1].count ? lag[i - 1].rank : static_cast<int>(i) + 1);
        }
        total += r.count;
        ++per_band[r.band];
    }
    EXPECT_NEAR(static_cast<double>(total) / lag.size(), 11.66, 0.005);
    for (size_t b = 0; b < per_band.size(); ++b) EXPECT_EQ(per_band[b], s.bands[b].count);

    const auto close = close_to_standard_list(*ds, states);
    EXPECT_EQ(close.size(), 4u);  // "4 at 15–18"
    for (const UnitRow& r : close) {
        EXPECT_EQ(r.band_label, "15\u201318");
        EXPECT_FALSE(r.missing.empty());
        EXPECT_FALSE(r.missing.front().name_vi.empty());
    }
    const auto misses = criterion_misses(*ds, states);
    for (size_t c = 0; c < misses.size(); ++c) EXPECT_EQ(misses[c].count, s.misses[c]);
}

TEST_F(PlannerDemo, DistrictTableEqualsSummaryByDistrict) {
    for (const char* iso : {"2020-07-31", "2023-12-31", "2025-06-30"}) {
        const Date date = d(iso);
        const auto states = index->states(date);
        const auto by = summarize_by_district(*ds, states, date);
        const DistrictTable t = district_table(*ds, states, date);
        ASSERT_EQ(t.rows.size(), by.size());
        int xa = 0;
        for (size_t i = 0; i < by.size(); ++i) {
            const DistrictRow& r = t.rows[i];
            EXPECT_EQ(r.code, by[i].scope_code);
            EXPECT_EQ(r.name, by[i].scope_name);
            EXPECT_EQ(r.xa_total, by[i].xa_total);
            EXPECT_EQ(r.at_standard, by[i].at_standard);
            EXPECT_DOUBLE_EQ(r.average_criteria, by[i].average_criteria);
            EXPECT_EQ(r.below_threshold, by[i].below_threshold);
            EXPECT_EQ(r.advanced, by[i].advanced);
            EXPECT_EQ(r.model, by[i].model);
            xa += r.xa_total;
        }
        const Summary all = summarize(*ds, states, date);
        EXPECT_EQ(xa, all.xa_total);
        EXPECT_EQ(t.total.at_standard, all.at_standard);
        EXPECT_DOUBLE_EQ(t.total.average_criteria, all.average_criteria);
        // Each district had its yearly inspection in the last 12 months (from 2021 on).
        if (date.year() >= 2022) {
            for (const DistrictRow& r : t.rows) EXPECT_GE(r.events_12_months, 1) << r.name << " " << iso;
        }
    }
}

TEST_F(PlannerDemo, RegressionsAreTheLossesOfEachUnitHistory) {
    const Date from = d("2021-01-01"), to = d("2024-12-31");
    const auto rows = regressions(*ds, *index, from, to);
    ASSERT_FALSE(rows.empty());  // the demo re-assesses in 2022 and some criteria are lost
    size_t losses = 0;
    for (const Unit& u : ds->units) {
        if (!u.assessed()) continue;
        for (const CriterionChange& c : unit_history(*ds, ds->find_unit(u.code, from)))
            if (!c.gained && c.date >= from && c.date <= to) {
                ++losses;
                const bool found = std::any_of(rows.begin(), rows.end(), [&](const RegressionRow& r) {
                    return r.code == u.code && r.criterion == c.criterion && r.lost_on == c.date && r.source == c.source;
                });
                EXPECT_TRUE(found) << u.code << " " << c.criterion << " " << c.date.iso();
            }
    }
    EXPECT_EQ(rows.size(), losses);
    for (size_t i = 1; i < rows.size(); ++i) EXPECT_LE(rows[i - 1].lost_on, rows[i].lost_on);
    for (const RegressionRow& r : rows) {
        EXPECT_EQ(index->state(r.unit, Date{r.lost_on.days - 1}).met[r.criterion - 1], 1) << r.code;
        EXPECT_EQ(index->state(r.unit, r.lost_on).met[r.criterion - 1], 0);
    }
}

TEST_F(PlannerDemo, NeverInspectedAndTargets) {
    // Every district had its yearly inspection in 2023.
    const Date date = d("2023-12-31");
    const auto states = index->states(date);
    const NeverInspected n = never_inspected(*ds, states, d("2023-01-01"), date);
    EXPECT_TRUE(n.districts.empty());
    EXPECT_TRUE(n.units.empty());
    // Before the baseline survey nothing was inspected.
    const auto first = *ds->first_date();
    const NeverInspected before = never_inspected(*ds, states, Date{first.days - 400}, Date{first.days - 1});
    EXPECT_EQ(before.districts.size(), ds->districts().size());
    EXPECT_EQ(before.units.size(), ds->units.size());

    const TargetsReport t = targets_report(*ds, states, date);
    const Summary s = summarize(*ds, states, date);
    EXPECT_EQ(t.province.targets[0].numerator, s.at_standard);
    EXPECT_EQ(t.province.targets[0].denominator, 181);
    EXPECT_EQ(t.province.targets[3].numerator, s.below_threshold);
    EXPECT_EQ(t.districts.size(), ds->districts().size());
    int standard = 0;
    for (const ScopeTargets& dt : t.districts) standard += dt.targets[0].numerator;
    EXPECT_EQ(standard, s.at_standard);
}

}  // namespace
}  // namespace ntm
