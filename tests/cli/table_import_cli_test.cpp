// `template` and `import` of the province's own layouts (issue 11), through the binary.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

#include "support/test_support.h"

namespace {

using ntm::test::run_cli;
using Json = nlohmann::json;

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// The real 2025 units (65, no districts): the template for the 2026–2030 set, refused back unfilled
// (its filled round trip: annex_test TemplateRoundTripOnReal2025Units).
TEST(TableImportCli, TemplateThenImport) {
    const std::string boundaries = ntm::test::shared_data("boundaries/langson_communes_2025.geojson");
    if (boundaries.empty()) GTEST_SKIP() << "../shared/data is absent; skipping";
    const std::string dir = ntm::test::temp_dir("template_cli");
    auto r = run_cli("template --out '" + dir + "/t.xlsx' --boundaries '" + boundaries + "' --date 2026-06-30");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "Wrote " + dir + "/t.xlsx: 65 units (boundary version 'default'), 10 criteria of the 2026-2030 set, "
                     "for 2026-06-30\n");
    // Unfilled, it is refused (it would read as 0 of 10 for every xã), and nothing is written.
    r = run_cli("import --out '" + dir + "/d.gpkg' --boundaries '" + boundaries + "' --attainment '" + dir + "/t.xlsx'");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: " + dir + "/t.xlsx: no unit's row has a mark or a total — an unfilled template? Nothing "
                     "imported (mark met criteria with x, 1, Đạt or ✓)\n");
    EXPECT_FALSE(std::filesystem::exists(dir + "/d.gpkg"));
    // A path that cannot be written: one line, no file.
    r = run_cli("template --out '" + dir + "/no/such/t.xlsx' --boundaries '" + boundaries + "'");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: " + dir + "/no/such/t.xlsx: cannot be written (No such file or directory)\n");
}

// Names that match no unit: all listed at once with candidates, nothing written; with
// --skip-unmatched the rest is imported and what was left out is listed.
TEST(TableImportCli, UnmatchedNamesAndSkipUnmatched) {
    const std::string boundaries = ntm::test::shared_data("boundaries/langson_communes_2025.geojson");
    if (boundaries.empty()) GTEST_SKIP() << "../shared/data is absent; skipping";
    const std::string dir = ntm::test::temp_dir("unmatched_cli");
    const std::string table = dir + "/u.csv";
    std::ofstream(table) << "BIỂU TỔNG HỢP NĂM 2026\n"
                            "STT,Đơn vị,TC1,TC2\n"
                            "1,Xã Tân Thanh,x,x\n"
                            "2,Xã Tân Thành,x,\n"
                            "3,Phường Đông Kinh,x,x\n"
                            "4,Xa Ba Son,x,\n";
    const std::string import = "import --out '" + dir + "/u.gpkg' --boundaries '" + boundaries + "' --attainment '" + table + "'";
    auto r = run_cli(import);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: " + table + ": 2 units did not match the units of boundary version 'default'; nothing "
                     "imported (--skip-unmatched imports the rest)\n" +
                     table + ", row 3: 'Xã Tân Thanh': no unit of that name in boundary version 'default'; closest: "
                     "Xã Tân Thành (06445); Phường Tam Thanh (05986)\n" +
                     table + ", row 6: 'Xa Ba Son': no unit of that name in boundary version 'default'; closest: "
                     "Xã Ba Sơn (06196)\n");
    EXPECT_FALSE(std::filesystem::exists(dir + "/u.gpkg"));
    r = run_cli(import + " --skip-unmatched");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "65 units, 4 observations")) << r.out;
    EXPECT_TRUE(contains(r.out, "2026-12-31 (tiêu đề: BIỂU TỔNG HỢP NĂM 2026), boundary version 'default', 2 of 4 rows matched"))
        << r.out;
    EXPECT_EQ(r.err, "left out: " + table + ", row 3: 'Xã Tân Thanh': no unit of that name in boundary version 'default'; "
                     "closest: Xã Tân Thành (06445); Phường Tam Thanh (05986)\n"
                     "left out: " + table + ", row 6: 'Xa Ba Son': no unit of that name in boundary version 'default'; "
                     "closest: Xã Ba Sơn (06196)\n");
}

// The standard annex on its second sheet and the CSV with two unmatched names, written by
// tests/data/tables/make_annexes.py from the real units, through `import` and `summary`: the
// units per band as the annex gives them (every unit's criteria are checked in
// tests/io/annex_layouts_test.cpp).
TEST(TableImportCli, GeneratedAnnexesBandsThroughSummary) {
    const std::string units = ntm::test::shared_data("units/langson_units_2025-03.csv");
    const std::string boundaries = ntm::test::shared_data("boundaries/langson_communes_2025.geojson");
    if (units.empty() || boundaries.empty()) GTEST_SKIP() << "../shared/data is absent; skipping";
    const std::string py = std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    if (std::system((py + " -c 'import openpyxl, xlwt, odf' 2>/dev/null").c_str()) != 0)
        GTEST_SKIP() << "python3-openpyxl, python3-xlwt or python3-odf is not installed (setup.sh installs them)";
    const std::string dir = ntm::test::temp_dir("annexes_cli");
    ASSERT_EQ(std::system((py + " '" NTM_TEST_DATA_DIR "/tables/make_annexes.py' '" +
                           std::filesystem::path(units).parent_path().parent_path().string() + "' '" + dir +
                           "' > /dev/null").c_str()),
              0);
    const std::string base = "import --units '" + units + "' --valid-to 2025-06-30 --boundaries '" + boundaries + "'";
    auto r = run_cli(base + " --out '" + dir + "/a.gpkg' --attainment '" + dir + "/a01_standard_second_sheet.xlsx'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "194 of 194 rows matched; skipped 4 title, 11 heading, 12 total, 2 note, 5 signature, "
                                "0 other rows")) << r.out;
    r = run_cli("summary --data '" + dir + "/a.gpkg' --date 2024-12-31 --format json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    Json j = Json::parse(r.out);
    std::vector<int> counts;
    for (const Json& b : j["bands"]) counts.push_back(b["count"].get<int>());
    EXPECT_EQ(counts, (std::vector<int>{10, 32, 44, 47, 42}));
    EXPECT_EQ(j["xa_with_data"], 175);
    // Unmatched names: nothing written, both listed; with --skip-unmatched the rest.
    const std::string csv = dir + "/a07_csv_unmatched.csv";
    r = run_cli(base + " --out '" + dir + "/b.gpkg' --attainment '" + csv + "'");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, csv + ", row 222: 'Xa Hoang Dong' (Huyện Đình Lập): no unit of that name in boundary "
                                      "version 'langson_units_2025-03'; closest: Xã Hoàng Đồng (05986, Thành phố Lạng Sơn)"))
        << r.err;
    EXPECT_TRUE(contains(r.err, csv + ", row 223: 'Xã Tân Thanh' (Huyện Đình Lập): no unit of that name in Huyện Đình Lập"))
        << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir + "/b.gpkg"));
    r = run_cli(base + " --out '" + dir + "/b.gpkg' --attainment '" + csv + "' --skip-unmatched");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run_cli("summary --data '" + dir + "/b.gpkg' --date 2024-12-31 --format json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    j = Json::parse(r.out);
    counts.clear();
    for (const Json& b : j["bands"]) counts.push_back(b["count"].get<int>());
    EXPECT_EQ(counts, (std::vector<int>{10, 32, 44, 47, 42}));
    std::filesystem::remove_all(dir);
}

}  // namespace
