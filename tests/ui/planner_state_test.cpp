// The planner panels' shared state without ImGui: the filter facets, the criterion chosen in the
// criteria view and what it highlights, list and sort choices, the dates of the regressions and
// never-inspected lists, the tables the panels draw (equal to core/planner's), the district
// table with targets, and CSV export.
#include "ui/planner_state.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/demo.h"
#include "core/selection.h"
#include "support/test_support.h"

namespace ntm::ui {
namespace {

Date ymd(int y, int m, int d) { return Date::from_ymd(y, m, d); }

const Dataset& demo() {
    static const Dataset d = demo::make_demo_dataset();
    return d;
}

const AttainmentIndex& demo_index() {
    static const AttainmentIndex index(demo());
    return index;
}

std::vector<std::string> texts(const Table& t, const std::string& column) {
    std::vector<std::string> out;
    const int c = t.column(column);
    for (const auto& row : t.rows) out.push_back(c >= 0 ? row[c].text : "?");
    return out;
}

TEST(PlannerState, FacetsToggleAndOnlyRealChangesBumpTheVersion) {
    PlannerState p;
    const uint64_t v0 = p.version();
    p.set_district("183", true);
    p.set_kind(UnitKind::Xa, true);
    p.set_band(1, true);
    p.set_level(Level::None, true);
    p.set_tag("border", true);
    EXPECT_GT(p.version(), v0);
    EXPECT_TRUE(p.has_district("183"));
    EXPECT_TRUE(p.has_kind(UnitKind::Xa));
    EXPECT_TRUE(p.has_band(1));
    EXPECT_TRUE(p.has_level(Level::None));
    EXPECT_TRUE(p.has_tag("border"));
    EXPECT_EQ(p.filter().districts, std::vector<std::string>{"183"});

    const uint64_t v1 = p.version();
    p.set_district("183", true);  // already on
    p.set_band(2, false);         // already off
    EXPECT_EQ(p.version(), v1);

    p.set_band(1, false);
    EXPECT_FALSE(p.has_band(1));
    EXPECT_GT(p.version(), v1);
    p.clear_filter();
    EXPECT_TRUE(p.filter().empty());
}

TEST(PlannerState, ClickingACriterionSetsItAndClickingAgainClearsIt) {
    PlannerState p;
    p.set_district("183", true);
    EXPECT_EQ(p.criterion(), 0);
    EXPECT_EQ(p.toggle_criterion(5), 5);
    EXPECT_EQ(p.filter().missing, std::vector<int>{5});
    EXPECT_EQ(p.toggle_criterion(17), 17);  // another bar replaces it
    EXPECT_EQ(p.filter().missing, std::vector<int>{17});
    EXPECT_EQ(p.toggle_criterion(17), 0);
    EXPECT_TRUE(p.filter().missing.empty());
    EXPECT_EQ(p.filter().districts, std::vector<std::string>{"183"});  // the rest stays

    p.set_criterion(3);
    const UnitFilterSpec without = p.filter_without_criterion();
    EXPECT_TRUE(without.missing.empty());
    EXPECT_EQ(without.districts, std::vector<std::string>{"183"});
}

TEST(PlannerState, TheHighlightIsExactlyTheXaMissingTheCriterion) {
    const Dataset& ds = demo();
    const auto states = demo_index().states(ymd(2020, 7, 31));
    PlannerState p;
    EXPECT_EQ(p.criterion_highlight(ds, states, false).criterion, 0);
    EXPECT_TRUE(p.criterion_highlight(ds, states, false).units.empty());

    p.toggle_criterion(5);
    CriterionHighlight h = p.criterion_highlight(ds, states, false);
    EXPECT_EQ(h.criterion, 5);
    EXPECT_EQ(h.label, "Thiếu tiêu chí 5. Trường học");
    EXPECT_EQ(p.criterion_highlight(ds, states, true).label, "Missing criterion 5. Schools");
    // Exactly the xã with data whose state misses criterion 5.
    std::vector<int> expected;
    for (size_t u = 0; u < ds.units.size(); ++u)
        if (ds.units[u].assessed() && states[u].has_data && !states[u].met[4]) expected.push_back(static_cast<int>(u));
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(h.units, expected);
    EXPECT_EQ(h.units, units_missing_criterion(ds, states, 5));
    // The bar counts the same xã.
    const auto misses = criterion_misses(ds, states, p.filter_without_criterion());
    EXPECT_EQ(misses[4].units, h.units);
    EXPECT_EQ(misses[4].count, static_cast<int>(h.units.size()));
    // And the lists, filtered by it, hold those xã and no others.
    const Table lag = p.build(PlannerTable::Lagging, ds, &demo_index(), states, ymd(2020, 7, 31), false);
    std::vector<int> listed = lag.row_unit;
    std::sort(listed.begin(), listed.end());
    EXPECT_EQ(listed, h.units);

    // The other facets still apply to the highlight.
    p.set_district("183", true);
    h = p.criterion_highlight(ds, states, false);
    ASSERT_FALSE(h.units.empty());
    for (int u : h.units) EXPECT_EQ(ds.units[u].district_code, "183");
    UnitFilterSpec f183;
    f183.districts = {"183"};
    EXPECT_EQ(h.units, units_missing_criterion(ds, states, 5, f183));
}

TEST(PlannerState, MapMaskIsTheFilter) {
    const Dataset& ds = demo();
    const auto states = demo_index().states(ymd(2020, 7, 31));
    PlannerState p;
    p.set_band(1, true);
    const auto mask = p.map_mask(ds, states);
    ASSERT_EQ(mask.size(), ds.units.size());
    int shown = 0;
    for (uint8_t m : mask) shown += m;
    EXPECT_EQ(shown, 4);  // the published 4 xã at 15–18 on 31 July 2020
}

TEST(PlannerState, ListsEqualTheCoreListsFilteredAndSorted) {
    const Dataset& ds = demo();
    const Date date = ymd(2023, 6, 30);
    const auto states = demo_index().states(date);
    PlannerState p;
    p.set_district("183", true);
    const Table lag = p.build(PlannerTable::Lagging, ds, &demo_index(), states, date, true);
    UnitFilterSpec f;
    f.districts = {"183"};
    const Table expected = lagging_table(ds, lagging_list(ds, states, f), true);
    EXPECT_EQ(to_csv(lag, true), to_csv(expected, true));
    EXPECT_EQ(lag.row_unit, expected.row_unit);

    // Sorted by name, descending; then back to the list's own order.
    p.set_sort(PlannerTable::Lagging, {"name", false});
    const Table by_name = p.build(PlannerTable::Lagging, ds, &demo_index(), states, date, true);
    const auto names = texts(by_name, "name");
    for (size_t i = 1; i < names.size(); ++i) EXPECT_GE(compare_vietnamese(names[i - 1], names[i]), 0);
    // Rows keep their units when sorted.
    for (size_t i = 0; i < by_name.rows.size(); ++i)
        EXPECT_EQ(ds.units[by_name.row_unit[i]].name, by_name.rows[i][by_name.column("name")].text);
    p.set_sort(PlannerTable::Lagging, {});
    EXPECT_EQ(to_csv(p.build(PlannerTable::Lagging, ds, &demo_index(), states, date, true), true), to_csv(expected, true));
    // Each table keeps its own sort.
    EXPECT_EQ(p.sort(PlannerTable::Close).column, "");
}

TEST(PlannerState, CloseToStandardNamesTheMissingCriteria) {
    const Dataset& ds = demo();
    const Date date = ymd(2020, 7, 31);
    const auto states = demo_index().states(date);
    PlannerState p;
    const Table t = p.build(PlannerTable::Close, ds, &demo_index(), states, date, false);
    ASSERT_EQ(t.rows.size(), 4u);
    for (size_t i = 0; i < t.rows.size(); ++i) {
        const UnitState& st = states[t.row_unit[i]];
        EXPECT_EQ(st.band, 1);
        std::string names;
        for (int c = 1; c <= ds.criteria_on(date).size(); ++c)
            if (!st.met[c - 1]) names += (names.empty() ? "" : "; ") + std::to_string(c) + " " + ds.criteria_on(date).find(c)->name_vi;
        EXPECT_EQ(t.rows[i][t.column("missing_names")].text, names);
    }
}

TEST(PlannerState, RegressionsAndNeverInspectedUseTheirDates) {
    const Dataset& ds = demo();
    const Date date = ymd(2024, 12, 31);
    const auto states = demo_index().states(date);
    PlannerState p;
    EXPECT_EQ(p.regression_from(date), ymd(2023, 12, 31));  // 12 months back by default
    EXPECT_EQ(p.inspected_since(date), ymd(2023, 12, 31));
    const Table r = p.build(PlannerTable::Regressions, ds, &demo_index(), states, date, false);
    EXPECT_EQ(to_csv(r, false), to_csv(regressions_table(regressions(ds, demo_index(), ymd(2023, 12, 31), date), false), false));
    EXPECT_TRUE(p.build(PlannerTable::Regressions, ds, nullptr, states, date, false).rows.empty());

    p.set_regression_from(ymd(2015, 1, 1));
    EXPECT_EQ(p.regression_from(date), ymd(2015, 1, 1));
    const Table wide = p.build(PlannerTable::Regressions, ds, &demo_index(), states, date, false);
    EXPECT_EQ(to_csv(wide, false), to_csv(regressions_table(regressions(ds, demo_index(), ymd(2015, 1, 1), date), false), false));
    EXPECT_GE(wide.rows.size(), r.rows.size());
    p.set_regression_from(std::nullopt);
    EXPECT_EQ(p.regression_from(date), ymd(2023, 12, 31));

    p.set_inspected_since(ymd(2022, 1, 1));
    const NeverInspected n = never_inspected(ds, states, ymd(2022, 1, 1), date);
    EXPECT_EQ(p.table_of(PlannerList::NeverInspected), PlannerTable::UninspectedUnits);
    EXPECT_EQ(p.build(PlannerTable::UninspectedUnits, ds, &demo_index(), states, date, false).rows.size(), n.units.size());
    p.set_uninspected_units(false);
    EXPECT_EQ(p.table_of(PlannerList::NeverInspected), PlannerTable::UninspectedDistricts);
    const Table d = p.build(PlannerTable::UninspectedDistricts, ds, &demo_index(), states, date, false);
    EXPECT_EQ(d.rows.size(), n.districts.size());
    for (int u : d.row_unit) EXPECT_EQ(u, -1);
}

TEST(PlannerState, DistrictTableOf2020HasNoTargetsOfALaterPeriod) {
    const Dataset& ds = demo();
    const Date date = ymd(2020, 7, 31);
    const auto states = demo_index().states(date);
    PlannerState p;
    const Table t = p.district_targets(ds, states, date, false);
    // The province: 51 of 181 at standard (28.18 %); 126 below 15.
    EXPECT_EQ(t.rows.back()[t.column("xa_total")].text, "181");
    EXPECT_EQ(t.rows.back()[t.column("percent_standard")].text, "28.18");
    EXPECT_EQ(t.rows.back()[t.column("below_threshold")].text, "126");
    for (const TableColumn& c : t.columns) EXPECT_NE(c.id.rfind("target_", 0), 0u) << c.id;
}

TEST(PlannerState, DistrictTableWithTargetsKeepsTheProvinceLast) {
    const Dataset& ds = demo();
    const Date date = ymd(2024, 12, 31);
    const auto states = demo_index().states(date);
    PlannerState p;
    const auto by_district = summarize_by_district(ds, states, date);
    Table t = p.district_targets(ds, states, date, false);
    ASSERT_EQ(t.rows.size(), by_district.size() + 1);
    EXPECT_EQ(t.row_district.back(), "");
    const int xa = t.column("xa_total"), std_col = t.column("percent_standard"), met = t.column("target_standard");
    const int below = t.column("below_threshold"), below_met = t.column("target_below_threshold");
    ASSERT_GE(xa, 0);
    ASSERT_GE(met, 0);
    ASSERT_GE(t.column("advanced_percent"), 0);
    ASSERT_GE(t.column("model_percent"), 0);
    for (size_t i = 0; i < by_district.size(); ++i) {
        const Summary& s = by_district[i];
        EXPECT_EQ(t.rows[i][xa].text, std::to_string(s.xa_total));
        const ScopeTargets targets = targets_263(s);
        EXPECT_EQ(t.rows[i][met].text, targets.targets[0].met ? "đạt" : "chưa đạt");
        EXPECT_EQ(t.rows[i][below_met].text, s.below_threshold == 0 ? "đạt" : "chưa đạt");
    }
    // The province, against Decision 263's 80 %.
    const Summary total = summarize(ds, states, date);
    EXPECT_EQ(t.rows.back()[xa].text, std::to_string(total.xa_total));
    EXPECT_EQ(t.rows.back()[met].text, targets_263(total).targets[0].met ? "đạt" : "chưa đạt");
    EXPECT_EQ(t.rows.back()[below].text, std::to_string(total.below_threshold));
    EXPECT_EQ(t.columns[std_col].header_vi, "Tỷ lệ đạt chuẩn (%, mục tiêu ≥ 80)");

    p.set_sort(PlannerTable::Districts, {"percent_standard", false});
    t = p.district_targets(ds, states, date, true);
    EXPECT_EQ(t.row_district.back(), "");  // still last
    EXPECT_EQ(t.rows.back()[met].text, targets_263(total).targets[0].met ? "met" : "not met");
    for (size_t i = 1; i + 1 < t.rows.size(); ++i) EXPECT_GE(t.rows[i - 1][std_col].number, t.rows[i][std_col].number);
    EXPECT_EQ(to_csv(p.build(PlannerTable::Districts, ds, &demo_index(), states, date, true), true), to_csv(t, true));

    // Filtered only when asked.
    p.set_district("183", true);
    EXPECT_EQ(p.district_targets(ds, states, date, false).rows.size(), by_district.size() + 1);
    p.set_districts_filtered(true);
    t = p.district_targets(ds, states, date, false);
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.row_district[0], "183");
}

// Boundaries alone (no assessment, no recognition): every figure of the district table is "no
// data" (empty, drawn "—"), never 0 at standard.
TEST(PlannerState, DistrictTableWithoutDataHasNoFigures) {
    Dataset ds = demo();
    ds.observations.clear();
    ds.recognitions.clear();
    const AttainmentIndex index(ds);
    const Date date = ymd(2024, 12, 31);
    const auto states = index.states(date);
    PlannerState p;
    const Table t = p.district_targets(ds, states, date, false);
    ASSERT_FALSE(t.rows.empty());
    for (const auto& row : t.rows) {
        EXPECT_NE(row[t.column("xa_total")].text, "");
        for (const char* id : {"at_standard", "percent_standard", "average_criteria", "below_threshold"})
            EXPECT_EQ(row[t.column(id)].text, "") << id;
        EXPECT_EQ(row[t.column("target_standard")].text, "chưa có dữ liệu");
    }
}

TEST(PlannerState, ExportWritesTheWholeTableOrSaysWhy) {
    const Dataset& ds = demo();
    const Date date = ymd(2020, 7, 31);
    const auto states = demo_index().states(date);
    PlannerState p;
    const Table t = p.build(PlannerTable::Close, ds, &demo_index(), states, date, false);
    const std::string dir = test::temp_dir("planner_export");
    const std::string path = dir + "/" + default_export_name(PlannerTable::Close, date);
    EXPECT_EQ(default_export_name(PlannerTable::Close, date), "ntm_close_to_standard_2020-07-31.csv");

    ExportResult r = export_table_csv(t, path, false);
    ASSERT_TRUE(r.ok) << r.message;
    EXPECT_EQ(r.path, std::filesystem::path(path).lexically_normal().string());
    EXPECT_NE(r.message.find("Đã ghi 4 dòng vào "), std::string::npos) << r.message;
    EXPECT_EQ(test::read_file(path), to_csv(t, false));
    const auto rows = parse_csv(test::read_file(path));
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0][0], "Hạng");

    // Excel: BOM, semicolons, CRLF.
    r = export_table_csv(t, path, true, true);
    ASSERT_TRUE(r.ok) << r.message;
    const std::string excel = test::read_file(path);
    EXPECT_EQ(excel.rfind("\xEF\xBB\xBF", 0), 0u);
    EXPECT_EQ(parse_csv(excel, ';')[0][0], "Rank");
    EXPECT_NE(excel.find("\r\n"), std::string::npos);

    // Only the file itself is left (no temporary files).
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) files += e.is_regular_file();
    EXPECT_EQ(files, 1);

    // A missing folder: no file, the path in the message; nothing thrown.
    r = export_table_csv(t, dir + "/no/such/dir/x.csv", false);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.message.find("no/such/dir"), std::string::npos) << r.message;
    EXPECT_FALSE(std::filesystem::exists(dir + "/no"));
    r = export_table_csv(t, "", true);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.message, "Give a file name first.");
}

TEST(PlannerState, ANewDatasetClearsTheFilterAndDates) {
    PlannerState p;
    EXPECT_FALSE(p.sync_data(1));
    p.set_district("183", true);
    p.toggle_criterion(5);
    p.set_regression_from(ymd(2020, 1, 1));
    p.set_sort(PlannerTable::Lagging, {"name", true});
    EXPECT_FALSE(p.sync_data(1));  // same data
    EXPECT_FALSE(p.filter().empty());
    EXPECT_TRUE(p.sync_data(2));
    EXPECT_TRUE(p.filter().empty());
    EXPECT_FALSE(p.regression_from_setting());
    EXPECT_EQ(p.sort(PlannerTable::Lagging).column, "name");  // a view choice, kept
}

TEST(PlannerState, ApplySortKeepsATotalRowLast) {
    Table t;
    t.columns = {{"n", "n", "n", true}};
    for (int v : {3, 1, 2, 100}) {
        t.rows.push_back({{std::to_string(v), double(v), true}});
        t.row_unit.push_back(-1);
        t.row_district.push_back(v == 100 ? "" : std::to_string(v));
    }
    Table a = t;
    apply_sort(a, {"n", true}, true);
    EXPECT_EQ(texts(a, "n"), (std::vector<std::string>{"1", "2", "3", "100"}));
    EXPECT_EQ(a.row_district, (std::vector<std::string>{"1", "2", "3", ""}));
    apply_sort(a, {"n", false}, true);
    EXPECT_EQ(texts(a, "n"), (std::vector<std::string>{"3", "2", "1", "100"}));
    Table b = t;
    apply_sort(b, {"n", false});
    EXPECT_EQ(texts(b, "n"), (std::vector<std::string>{"100", "3", "2", "1"}));
    apply_sort(b, {"nope", true});  // unknown column: unchanged
    EXPECT_EQ(texts(b, "n"), (std::vector<std::string>{"100", "3", "2", "1"}));
}

}  // namespace
}  // namespace ntm::ui
