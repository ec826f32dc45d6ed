// `ntm-atlas lagging`: the planner's lagging list on the command line, checked against
// `summary --by unit` and against the core lists; `summary --by district` against the district
// table; exit codes and one-line errors.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "core/demo.h"
#include "core/planner.h"
#include "support/test_support.h"

using ntm::test::run_cli;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

const ntm::Dataset& demo() {
    static const ntm::Dataset d = ntm::demo::make_demo_dataset();
    return d;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) out.push_back(line);
    return out;
}

TEST(LaggingCli, CsvEqualsWhatSummaryByUnitImplies) {
    const auto lag = run_cli("lagging --date 2020-07-31 --format csv --lang en");
    ASSERT_EQ(lag.exit_code, 0) << lag.err;
    const auto unit = run_cli("summary --date 2020-07-31 --by unit --format csv");
    ASSERT_EQ(unit.exit_code, 0) << unit.err;

    // summary: code,name,kind,district_code,district,has_data,criteria,band,level,missing
    std::map<std::string, std::vector<std::string>> by_code;
    const auto u = ntm::parse_csv(unit.out);
    for (size_t i = 1; i < u.size(); ++i)
        if (u[i][2] == "xa" && u[i][5] == "true") by_code[u[i][0]] = u[i];

    const auto l = ntm::parse_csv(lag.out);
    // Stable English names and numbers a spreadsheet can sum, whatever --lang says.
    ASSERT_EQ(l[0], (std::vector<std::string>{"rank", "code", "name", "district_code", "district", "criteria_met",
                                              "criteria_total", "band", "level", "missing", "missing_names"}));
    ASSERT_EQ(l.size(), by_code.size() + 1);
    EXPECT_EQ(by_code.size(), 181u);
    int previous = -1, previous_rank = 0;
    for (size_t i = 1; i < l.size(); ++i) {
        const auto& row = l[i];
        ASSERT_TRUE(by_code.count(row[1])) << row[1];
        const auto& s = by_code[row[1]];
        EXPECT_EQ(row[2], s[1]);
        EXPECT_EQ(row[3], s[3]);
        EXPECT_EQ(row[4], s[4]);
        EXPECT_EQ(row[5], s[6]);
        EXPECT_EQ(row[6], "19");
        EXPECT_EQ(row[7], s[7]);
        EXPECT_EQ(row[9], s[9]);
        const int count = std::stoi(s[6]);
        EXPECT_LE(previous, count);
        const int rank = std::stoi(row[0]);
        EXPECT_EQ(rank, count == previous ? previous_rank : static_cast<int>(i));
        previous = count;
        previous_rank = rank;
    }
}

TEST(LaggingCli, SameFiguresAsTheCoreList) {
    const auto r = run_cli("lagging --date 2023-06-30 --format csv");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const ntm::AttainmentIndex index(demo());
    const auto states = index.states(ntm::Date::from_ymd(2023, 6, 30));
    const auto rows = ntm::lagging_list(demo(), states);
    const auto csv = ntm::parse_csv(r.out);
    ASSERT_EQ(csv.size(), rows.size() + 1);
    for (size_t i = 0; i < rows.size(); ++i) {
        EXPECT_EQ(csv[i + 1][0], std::to_string(rows[i].rank));
        EXPECT_EQ(csv[i + 1][1], rows[i].code);
        EXPECT_EQ(csv[i + 1][5], std::to_string(rows[i].count));
        EXPECT_EQ(csv[i + 1][9], ntm::missing_numbers(rows[i].missing));
    }
}

TEST(LaggingCli, TextLimitAndDistrict) {
    auto r = run_cli("lagging --date 2020-07-31 --limit 5");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto l = lines(r.out);
    ASSERT_EQ(l.size(), 3u + 5u) << r.out;
    EXPECT_EQ(l[0], "NTM Atlas — Lạng Sơn, 2020-07-31 (Dữ liệu minh họa)");
    EXPECT_EQ(l[1], "Xã theo số tiêu chí đạt, từ thấp nhất: 181 xã có dữ liệu, 5 xã đầu");
    EXPECT_EQ(l[2].rfind("Hạng  Mã     Xã", 0), 0u) << l[2];
    EXPECT_TRUE(contains(l[2], "Tiêu chí chưa đạt")) << l[2];
    EXPECT_TRUE(contains(l[3], "/19")) << l[3];
    EXPECT_EQ(l[3].rfind("   1  ", 0), 0u) << l[3];

    // A district by code, by name, without diacritics: the same list, only its xã.
    r = run_cli("lagging --date 2020-07-31 --district 183 --format csv");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(run_cli("lagging --date 2020-07-31 --district 'Cao Lộc' --format csv").out, r.out);
    EXPECT_EQ(run_cli("lagging --date 2020-07-31 --district 'huyen cao loc' --format csv").out, r.out);
    const auto rows = ntm::parse_csv(r.out);
    ASSERT_GT(rows.size(), 1u);
    for (size_t i = 1; i < rows.size(); ++i) EXPECT_EQ(rows[i][4], "Huyện Cao Lộc");
    int xa183 = 0;
    for (const ntm::Unit& u : demo().units) xa183 += u.district_code == "183" && u.assessed();
    EXPECT_EQ(static_cast<int>(rows.size()) - 1, xa183);
    EXPECT_EQ(rows[1][0], "1");

    r = run_cli("lagging --date 2020-07-31 --district 183 --lang en --limit 2");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    l = lines(r.out);
    EXPECT_EQ(l[0], "NTM Atlas — Lạng Sơn, 2020-07-31 (illustrative data)");
    EXPECT_EQ(l[1], "Huyện Cao Lộc (183)");
    EXPECT_EQ(l[2], "Communes (xã) from fewest criteria met: " + std::to_string(xa183) + " with data, first 2 shown");
    EXPECT_EQ(l.size(), 6u);
}

TEST(LaggingCli, Json) {
    const auto r = run_cli("lagging --date 2020-07-31 --format json --limit 3 --lang en");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["date"], "2020-07-31");
    EXPECT_TRUE(j["district"].is_null());
    EXPECT_EQ(j["xa_with_data"], 181);
    EXPECT_EQ(j["shown"], 3);
    ASSERT_EQ(j["units"].size(), 3u);
    EXPECT_EQ(j["units"][0]["rank"], 1);
    EXPECT_EQ(j["units"][0]["criteria_total"], 19);
    EXPECT_EQ(j["units"][0]["band"], "5–9");
    EXPECT_EQ(j["units"][0]["missing"].size(), 19u - j["units"][0]["criteria_met"].get<size_t>());
    EXPECT_EQ(j["units"][0]["missing_names"].size(), j["units"][0]["missing"].size());
    // Before any observation: an empty list, still valid.
    const auto e = run_cli("lagging --date 2005-01-01 --format json");
    ASSERT_EQ(e.exit_code, 0) << e.err;
    const auto empty = nlohmann::json::parse(e.out);
    EXPECT_EQ(empty["xa_with_data"], 0);
    EXPECT_EQ(empty["shown"], 0);
    EXPECT_EQ(empty["units"], nlohmann::json::array());
    const auto t = run_cli("lagging --date 2005-01-01");
    EXPECT_TRUE(contains(t.out, "Chưa có xã nào có dữ liệu vào ngày này.")) << t.out;
}

TEST(LaggingCli, ErrorsAreOneLineWithExitCode1) {
    auto r = run_cli("lagging --district 'Hà Quảng' --date 2024-12-31");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: lagging: unknown district 'Hà Quảng' (give a district code or name, e.g. 178 or Thành phố Lạng Sơn)\n");
    EXPECT_EQ(r.out, "");
    r = run_cli("lagging --district 'Cao Lộc' --date 2026-06-30");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: lagging: unknown district 'Cao Lộc' (the units in force on 2026-06-30 have no districts)\n");
    r = run_cli("lagging --limit 0");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: lagging: --limit must be at least 1 (not '0')\n");
    r = run_cli("lagging --limit ten");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: --limit: 'ten' is not a whole number\n");
    r = run_cli("lagging --format xml");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: --format: 'xml' is not one of text, csv or json\n");
    r = run_cli("lagging --lang fr");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: --lang: 'fr' is not a language (use vi or en)\n");
    r = run_cli("lagging --by district");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: lagging: unknown option --by\n");
    r = run_cli("lagging --date 2020-02-30");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: --date: '2020-02-30' is not a date (use YYYY-MM-DD)\n");
    r = run_cli("lagging --data /nonexistent/d.gpkg");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: /nonexistent/d.gpkg: no such file\n");
    r = run_cli("lagging --district");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: lagging: --district needs a value\n");
}

// `summary --by district` prints the same figures as the planner's district table.
TEST(LaggingCli, SummaryByDistrictEqualsTheDistrictTable) {
    for (const char* iso : {"2020-07-31", "2024-12-31"}) {
        const auto r = run_cli(std::string("summary --by district --format csv --date ") + iso);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const auto rows = ntm::parse_csv(r.out);
        const ntm::Date date = *ntm::parse_date(iso);
        const ntm::AttainmentIndex index(demo());
        const auto states = index.states(date);
        const ntm::DistrictTable t = ntm::district_table(demo(), states, date);
        const ntm::Table table = ntm::district_table_table(t, false);
        ASSERT_EQ(rows.size(), t.rows.size() + 2);  // header, districts, province
        const auto& header = rows[0];
        auto col = [&](const std::string& name) {
            for (size_t c = 0; c < header.size(); ++c)
                if (header[c] == name) return c;
            ADD_FAILURE() << "no column " << name;
            return size_t(0);
        };
        for (size_t i = 0; i + 1 < rows.size(); ++i) {
            const auto& s = rows[i + 1];
            const ntm::DistrictRow& d = i < t.rows.size() ? t.rows[i] : t.total;
            const auto& cells = table.rows[i];
            if (i < t.rows.size()) {
                EXPECT_EQ(s[col("scope_code")], d.code);
            }
            EXPECT_EQ(s[col("xa_total")], std::to_string(d.xa_total));
            EXPECT_EQ(s[col("at_standard")], std::to_string(d.at_standard));
            EXPECT_EQ(s[col("average_criteria")], cells[table.column("average_criteria")].text);
            EXPECT_EQ(s[col("advanced")], std::to_string(d.advanced));
            EXPECT_EQ(s[col("model")], std::to_string(d.model));
            EXPECT_EQ(s[col("below_threshold")], std::to_string(d.below_threshold));
            EXPECT_EQ(s[col("band_19")], cells[table.column("at_standard")].text);
        }
    }
}

// The close-to-standard list and the criteria view's counts (the panels' figures) equal what
// `summary --by unit` implies on the same date.
TEST(LaggingCli, CloseToStandardAndCriterionMissesEqualSummaryByUnit) {
    const ntm::AttainmentIndex index(demo());
    for (const char* iso : {"2020-07-31", "2023-06-30"}) {
        const auto unit = run_cli(std::string("summary --by unit --format csv --date ") + iso);
        ASSERT_EQ(unit.exit_code, 0) << unit.err;
        const auto u = ntm::parse_csv(unit.out);
        // code,name,kind,district_code,district,has_data,criteria,band,level,missing
        std::map<std::string, std::string> close;  // code -> missing numbers
        std::vector<int> misses(19, 0);
        for (size_t i = 1; i < u.size(); ++i) {
            if (u[i][2] != "xa" || u[i][5] != "true") continue;
            if (u[i][7] == "15\u201318") close[u[i][0]] = u[i][9];
            std::istringstream in(u[i][9]);
            for (int n; in >> n;) ++misses[n - 1];
        }
        const auto states = index.states(*ntm::parse_date(iso));
        const auto rows = ntm::close_to_standard_list(demo(), states);
        ASSERT_EQ(rows.size(), close.size()) << iso;
        int previous = 19;
        for (const ntm::UnitRow& r : rows) {
            ASSERT_TRUE(close.count(r.code)) << r.code;
            EXPECT_EQ(ntm::missing_numbers(r.missing), close[r.code]) << r.code;
            EXPECT_LE(r.count, previous);  // closest first
            previous = r.count;
        }
        const auto bars = ntm::criterion_misses(demo(), states);
        ASSERT_EQ(bars.size(), 19u);
        for (const ntm::CriterionMisses& b : bars) EXPECT_EQ(b.count, misses[b.number - 1]) << "criterion " << b.number;
    }
}

// On an imported dataset too: `lagging` lists the xã with data as `summary --by unit` has them.
TEST(LaggingCli, ImportedDatasetLaggingEqualsSummaryByUnit) {
    const std::string path = ntm::test::shared_data("boundaries/langson_communes_2025.geojson");
    if (path.empty()) GTEST_SKIP() << "../shared/data is absent; skipping";
    const std::string dir = ntm::test::temp_dir("lagging_import");
    std::ofstream(dir + "/tc.csv") << "ma_xa,ngay,TC1,TC2,TC3,TC4,TC5,TC6,TC7,TC8,TC9,TC10,TC11,TC12,TC13,TC14,TC15,TC16,TC17,TC18,TC19\n"
                                      "06184,2024-06-30,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x\n"
                                      "06001,2024-06-30,x,x,x,,,x,x,x,x,x,x,x,x,x,x,x,x,x,\n";
    auto r = run_cli("import --out '" + dir + "/ls.gpkg' --boundaries '" + path + "' --attainment '" + dir + "/tc.csv'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto lag = run_cli("lagging --data '" + dir + "/ls.gpkg' --date 2024-12-31 --format csv --lang en");
    ASSERT_EQ(lag.exit_code, 0) << lag.err;
    const auto unit = run_cli("summary --data '" + dir + "/ls.gpkg' --date 2024-12-31 --by unit --format csv");
    ASSERT_EQ(unit.exit_code, 0) << unit.err;
    std::map<std::string, std::vector<std::string>> by_code;
    const auto u = ntm::parse_csv(unit.out);
    for (size_t i = 1; i < u.size(); ++i)
        if (u[i][2] == "xa" && u[i][5] == "true") by_code[u[i][0]] = u[i];
    const auto l = ntm::parse_csv(lag.out);
    ASSERT_EQ(l.size(), by_code.size() + 1);
    ASSERT_EQ(l.size(), 3u);
    EXPECT_EQ(l[1][1], "06001");  // 16 criteria before 19
    EXPECT_EQ(l[2][1], "06184");
    // The 2025 units have no district: the list has no district column.
    EXPECT_EQ(l[0], (std::vector<std::string>{"rank", "code", "name", "criteria_met", "criteria_total", "band", "level",
                                              "missing", "missing_names"}));
    for (size_t i = 1; i < l.size(); ++i) {
        const auto& s = by_code[l[i][1]];
        EXPECT_EQ(l[i][3], s[6]);
        EXPECT_EQ(l[i][4], "19");
        EXPECT_EQ(l[i][5], s[7]);
        EXPECT_EQ(l[i][7], s[9]);
    }
    EXPECT_EQ(l[1][7], "4 5 19");
}

}  // namespace
