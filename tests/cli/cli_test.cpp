// The command line as scripts and users see it: output, exit codes and one-line errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace fs = std::filesystem;
using ntm::test::run_cli;
using Json = nlohmann::json;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

TEST(Cli, SummaryOnTheDemoReproducesTheJuly2020Report) {
    const auto r = run_cli("summary --date 2020-07-31");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "Số xã: 181")) << r.out;
    EXPECT_TRUE(contains(r.out, "19 tiêu chí         51 xã  28,18 %")) << r.out;
    EXPECT_TRUE(contains(r.out, "15–18 tiêu chí      4 xã  2,21 %")) << r.out;
    EXPECT_TRUE(contains(r.out, "10–14 tiêu chí      36 xã  19,89 %")) << r.out;
    EXPECT_TRUE(contains(r.out, "5–9 tiêu chí        90 xã  49,72 %")) << r.out;
    EXPECT_TRUE(contains(r.out, "0–4 tiêu chí        0 xã  0,00 %")) << r.out;
    EXPECT_TRUE(contains(r.out, "Bình quân tiêu chí/xã: 11,66")) << r.out;
    EXPECT_TRUE(contains(r.out, "Dữ liệu minh họa")) << r.out;
}

TEST(Cli, SummaryJsonListsBandsWithColours) {
    const auto r = run_cli("summary --date 2020-07-31 --format json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Json j = Json::parse(r.out);
    EXPECT_EQ(j["bands"][0], Json::parse(R"({"label": "19", "column": "band_19", "lo": 19, "hi": 19, "count": 51,
                                             "percent": 28.18, "colour": "#253494"})"));
    EXPECT_EQ(j["bands"][1]["label"], "15–18");
    EXPECT_EQ(j["bands"][1]["column"], "band_15_18");
    EXPECT_EQ(j["bands"][1]["count"], 4);
    EXPECT_EQ(j["bands"][1]["percent"], 2.21);
    EXPECT_EQ(j["average_criteria"], 11.66);
    EXPECT_EQ(j["xa_total"], 181);
    EXPECT_EQ(j["illustrative"], true);
}

// Before the first assessment there is no data: not "average 0.00, below 15: 0".
TEST(Cli, SummaryWithoutAssessmentsSaysSo) {
    auto r = run_cli("summary --date 2005-01-01");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "Số xã: 181 (có dữ liệu 0)")) << r.out;
    EXPECT_TRUE(contains(r.out, "Chưa có dữ liệu đánh giá\n")) << r.out;
    EXPECT_FALSE(contains(r.out, "Bình quân")) << r.out;
    EXPECT_FALSE(contains(r.out, "dưới 15 tiêu chí")) << r.out;
    r = run_cli("summary --date 2005-01-01 --lang en");
    EXPECT_TRUE(contains(r.out, "No assessment data\n")) << r.out;
    r = run_cli("summary --date 2005-01-01 --format json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Json j = Json::parse(r.out);
    EXPECT_TRUE(j["average_criteria"].is_null());
    EXPECT_TRUE(j["below_threshold"].is_null());
    EXPECT_TRUE(j["bands"][0]["percent"].is_null());
    EXPECT_EQ(j["xa_with_data"], 0);
    r = run_cli("summary --date 2005-01-01 --format csv");
    EXPECT_EQ(r.out.substr(r.out.find('\n') + 1), ",Lạng Sơn,2005-01-01,181,0,19,0,,0,,0,,0,,0,,,0,0,0,0,\n");
}

TEST(Cli, SummaryCsvHeaderHasStableNames) {
    const auto r = run_cli("summary --date 2020-07-31 --format csv --lang en");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
              "scope_code,scope_name,date,xa_total,xa_with_data,not_applicable,band_19,band_19_percent,band_15_18,"
              "band_15_18_percent,band_10_14,band_10_14_percent,band_5_9,band_5_9_percent,band_0_4,band_0_4_percent,"
              "average_criteria,at_standard,advanced,model,modern,below_threshold");
    EXPECT_TRUE(contains(r.out, ",Lạng Sơn,2020-07-31,181,181,19,51,28.18,4,2.21,36,19.89,90,49.72,0,0.00,11.66,51,1,0,0,126\n"))
        << r.out;
    // From 2026 the level is "modern" (hiện đại): its own column, the 2021–2025 ones stay at 0.
    const auto m = run_cli("summary --date 2026-12-01 --format csv");
    EXPECT_TRUE(contains(m.out, ",Lạng Sơn,2026-12-01,61,61,4,5,8.20,10,16.39,38,62.30,8,13.11,0,0.00,6.46,5,0,0,1,\n"))
        << m.out;
    const auto u = run_cli("summary --date 2020-07-31 --by unit --format csv");
    EXPECT_EQ(u.out.substr(0, u.out.find('\n')), "code,name,kind,district_code,district,has_data,criteria,band,level,missing");
}

TEST(Cli, SummaryByDistrictAndUnitAddUp) {
    const auto d = run_cli("summary --date 2020-07-31 --by district --format csv");
    ASSERT_EQ(d.exit_code, 0) << d.err;
    int xa = 0, at19 = 0;
    std::istringstream in(d.out);
    std::string line;
    std::getline(in, line);  // header
    std::vector<std::string> rows;
    while (std::getline(in, line)) rows.push_back(line);
    ASSERT_EQ(rows.size(), 12u);  // 11 districts + the province
    for (size_t i = 0; i + 1 < rows.size(); ++i) {
        std::vector<std::string> cells;
        std::stringstream ss(rows[i]);
        std::string cell;
        while (std::getline(ss, cell, ',')) cells.push_back(cell);
        xa += std::stoi(cells[3]);
        at19 += std::stoi(cells[6]);
    }
    EXPECT_EQ(xa, 181);
    EXPECT_EQ(at19, 51);
    const auto u = run_cli("summary --date 2020-07-31 --by unit --format csv");
    ASSERT_EQ(u.exit_code, 0) << u.err;
    int units = -1, band19 = 0;
    std::istringstream uin(u.out);
    while (std::getline(uin, line)) {
        ++units;
        if (contains(line, ",19,19,")) ++band19;
    }
    EXPECT_EQ(units, 200);
    EXPECT_EQ(band19, 51);
}

TEST(Cli, BadInputGivesOneLineAndNonZeroExit) {
    auto r = run_cli("summary --date 2020-13-01");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: --date: '2020-13-01' is not a date (use YYYY-MM-DD)\n");
    r = run_cli("frobnicate");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "ntm-atlas: unknown command 'frobnicate' (see ntm-atlas --help)\n");
    r = run_cli("summary --colour red");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: summary: unknown option --colour\n");
    r = run_cli("summary --data /nonexistent/d.gpkg");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: /nonexistent/d.gpkg: no such file\n");
    r = run_cli("check /nonexistent/x.shp");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: /nonexistent/x.shp: no such file\n");
}

TEST(Cli, CheckLangSon2025) {
    const std::string path = ntm::test::shared_data("boundaries/langson_communes_2025.geojson");
    if (path.empty()) GTEST_SKIP() << "../shared/data is absent; skipping";
    const auto r = run_cli("check '" + path + "'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "Units:        65 (61 Xã, 4 Phường)")) << r.out;
    EXPECT_TRUE(contains(r.out, "Display CRS:  EPSG:9215 VN-2000 / TM-3 107-15")) << r.out;
    EXPECT_TRUE(contains(r.out, "2298 duplicate vertices removed")) << r.out;
    EXPECT_TRUE(contains(r.out, "(06184): degenerate part")) << r.out;
    EXPECT_TRUE(contains(r.out, "Districts:    none (no level between province and commune)")) << r.out;
}

TEST(Cli, CheckLangSon2009) {
    const std::string path = ntm::test::shared_data("boundaries/langson_communes_2009.geojson");
    if (path.empty()) GTEST_SKIP() << "../shared/data is absent; skipping";
    const auto r = run_cli("check '" + path + "'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "Units:        226 (207 Xã, 14 Thị trấn, 5 Phường)")) << r.out;
    EXPECT_TRUE(contains(r.out, "Districts:    11")) << r.out;
    EXPECT_TRUE(contains(r.out, "overlapping neighbour pairs")) << r.out;
}

TEST(Cli, CheckNationalFile) {
    const std::string path = ntm::test::shared_data("boundaries/vn_communes_2025.geojson.gz");
    if (path.empty()) GTEST_SKIP() << "../shared/data is absent; skipping";
    const auto r = run_cli("check '" + path + "'");  // a plain .gz path: read through /vsigzip/
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "Units:        3321 (2611 Xã, 697 Phường, 13 Đặc khu)")) << r.out;
    EXPECT_TRUE(contains(r.out, "Provinces:    34")) << r.out;  // grouped by province, not "districts"
    EXPECT_TRUE(contains(r.out, "Timings:")) << r.out;
    EXPECT_TRUE(contains(r.out, "Transverse Mercator")) << r.out;
}

TEST(Cli, ImportThenSummary) {
    const std::string path = ntm::test::shared_data("boundaries/langson_communes_2025.geojson");
    if (path.empty()) GTEST_SKIP() << "../shared/data is absent; skipping";
    const std::string dir = ntm::test::temp_dir("import");
    std::ofstream(dir + "/tc.csv") << "ma_xa,ngay,TC1,TC2,TC3,TC4,TC5,TC6,TC7,TC8,TC9,TC10,TC11,TC12,TC13,TC14,TC15,TC16,TC17,TC18,TC19\n"
                                      "06184,2024-06-30,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x\n"
                                      "06001,2024-06-30,x,x,x,,,x,x,x,x,x,x,x,x,x,x,x,x,x,\n";
    auto r = run_cli("import --out '" + dir + "/ls.gpkg' --boundaries '" + path + "' --attainment '" + dir + "/tc.csv'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run_cli("summary --data '" + dir + "/ls.gpkg' --date 2024-12-31 --format json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Json j = Json::parse(r.out);
    EXPECT_EQ(j["xa_total"], 61);
    EXPECT_EQ(j["xa_with_data"], 2);
    EXPECT_EQ(j["at_standard"], 1);
    EXPECT_EQ(j["average_criteria"], 17.5);
    // A table with an unknown code fails with one line and leaves the good dataset alone.
    std::ofstream(dir + "/bad.csv") << "ma_xa,ngay,TC1\n99999,2024-06-30,x\n";
    const auto before = ntm::test::read_file(dir + "/ls.gpkg");
    r = run_cli("import --out '" + dir + "/ls.gpkg' --boundaries '" + path + "' --attainment '" + dir + "/bad.csv'");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: " + dir + "/bad.csv: 1 unit did not match the units of boundary version 'default'; "
                     "nothing imported (--skip-unmatched imports the rest)\n" +
                     dir + "/bad.csv, row 2: unknown unit code '99999' (not among the dataset's units)\n");
    EXPECT_EQ(ntm::test::read_file(dir + "/ls.gpkg"), before);
    // --attainment more than once: every table is read; one given twice, or two giving the same
    // unit on the same day, are refused.
    std::ofstream(dir + "/later.csv") << "ma_xa,ngay,TC1\n06184,2025-06-30,x\n";
    r = run_cli("import --out '" + dir + "/two.gpkg' --boundaries '" + path + "' --attainment '" + dir +
                "/tc.csv' --attainment '" + dir + "/later.csv'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find(" 39 observations"), std::string::npos) << r.out;
    r = run_cli("import --out '" + dir + "/two.gpkg' --boundaries '" + path + "' --attainment '" + dir +
                "/tc.csv' --attainment '" + dir + "/tc.csv'");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: import: --attainment " + dir + "/tc.csv is given twice; nothing written\n");
    std::ofstream(dir + "/same.csv") << "ma_xa,ngay,TC2\n06184,2024-06-30,x\n";
    r = run_cli("import --out '" + dir + "/two.gpkg' --boundaries '" + path + "' --attainment '" + dir +
                "/tc.csv' --attainment '" + dir + "/same.csv'");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: import: " + dir + "/same.csv and " + dir + "/tc.csv both give unit 06184 on "
                     "2024-06-30; nothing written\n");
}

// A 2026 table on the 10-criterion set, with the commune group of each xã (nhóm 1, 2, 3).
TEST(Cli, ImportTenCriteriaWithCommuneGroups) {
    const std::string path = ntm::test::shared_data("boundaries/langson_communes_2025.geojson");
    if (path.empty()) GTEST_SKIP() << "../shared/data is absent; skipping";
    const std::string dir = ntm::test::temp_dir("import_groups");
    std::ofstream(dir + "/tc.csv") << "ma_xa,ngay,Nhóm xã,TC1,TC2,TC3,TC4,TC5,TC6,TC7,TC8,TC9,TC10\n"
                                      "06184,30/06/2026,Nhóm 1,x,x,x,x,x,x,x,x,x,x\n"
                                      "06001,30/06/2026,3,x,x,x,,,x,x,x,x,\n";
    auto r = run_cli("import --out '" + dir + "/ls.gpkg' --boundaries '" + path + "' --attainment '" + dir + "/tc.csv'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "Commune groups set for 2 units")) << r.out;
    r = run_cli("summary --data '" + dir + "/ls.gpkg' --by unit --format json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Json j = Json::parse(r.out);
    EXPECT_EQ(j["date"], "2026-06-30") << "the last date with data, not today";
    EXPECT_EQ(j["criteria_set"]["id"], "2026-2030");
    EXPECT_EQ(j["at_standard"], 1);
    EXPECT_EQ(j["average_criteria"], 8.5);
    std::map<std::string, Json> units;
    for (const Json& u : j["units"]) units[u["code"]] = u;
    ASSERT_EQ(units.count("06184"), 1u);
    EXPECT_EQ(units["06184"]["name"], "Đồng Đăng");
    EXPECT_EQ(units["06184"]["kind"], "xa");
    EXPECT_EQ(units["06184"]["district"], "");
    EXPECT_EQ(units["06184"]["commune_group"], 1);
    EXPECT_EQ(units["06001"]["name"], "Đoàn Kết");
    EXPECT_EQ(units["06001"]["commune_group"], 3);
    // A criterion the set in force on the row's date does not have, and a group that is none.
    std::ofstream(dir + "/tc11.csv") << "ma_xa,ngay,TC1,TC11\n06184,2026-06-30,x,x\n";
    r = run_cli("import --out '" + dir + "/x.gpkg' --boundaries '" + path + "' --attainment '" + dir + "/tc11.csv'");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: " + dir + "/tc11.csv, row 2, column TC11: criterion 11 is out of range (the 2026-2030 set, "
                     "in force on 2026-06-30, has 10)\n");
    std::ofstream(dir + "/g.csv") << "ma_xa,nhom_xa\n06184,4\n";
    r = run_cli("import --out '" + dir + "/x.gpkg' --boundaries '" + path + "' --groups '" + dir + "/g.csv'");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: " + dir + "/g.csv, row 2, column nhom_xa: '4' is not a commune group (write 1, 2 or 3)\n");
    EXPECT_FALSE(std::filesystem::exists(dir + "/x.gpkg"));
}

TEST(Cli, DemoIsDeterministic) {
    const std::string dir = ntm::test::temp_dir("demo");
    ASSERT_EQ(run_cli("demo --out '" + dir + "/a.gpkg'").exit_code, 0);
    const auto a = run_cli("summary --data '" + dir + "/a.gpkg' --date 2025-06-30 --by unit --format csv");
    const auto b = run_cli("summary --date 2025-06-30 --by unit --format csv");
    ASSERT_EQ(a.exit_code, 0) << a.err;
    EXPECT_EQ(a.out, b.out);
}

}  // namespace
