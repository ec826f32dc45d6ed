// `import` with two boundary versions and a merger list, then `lineage` on the result: codes
// reused across versions, names settled by district, text and JSON, one-line errors.
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/test_support.h"

namespace fs = std::filesystem;
using ntm::test::run_cli;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

int line_count(const std::string& s) {
    int n = 0;
    for (char c : s) n += c == '\n';
    return n;
}

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// A square of `side` degrees at (lon, lat), counter-clockwise.
std::string square(double lon, double lat, double w, double h) {
    std::ostringstream s;
    s << "{\"type\":\"Polygon\",\"coordinates\":[[[" << lon << "," << lat << "],[" << lon + w << "," << lat << "],["
      << lon + w << "," << lat + h << "],[" << lon << "," << lat + h << "],[" << lon << "," << lat << "]]]}";
    return s.str();
}

std::string feature(const std::string& properties, const std::string& geometry) {
    return "{\"type\":\"Feature\",\"properties\":{" + properties + "},\"geometry\":" + geometry + "}";
}

std::string collection(const std::vector<std::string>& features) {
    std::string out = "{\"type\":\"FeatureCollection\",\"features\":[";
    for (size_t i = 0; i < features.size(); ++i) out += (i ? ",\n" : "\n") + features[i];
    return out + "]}\n";
}

// Before the reform: three xã in each of two districts, two names in both (Chi Lăng, Hồng Thái)
// and two that differ only by a diacritic (Tân Thành, Tân Thanh). After: one xã per district,
// reusing the codes 06001 and 06101, and a code field the loader does not know (ma_moi).
class LineageCli : public ::testing::Test {
protected:
    void SetUp() override {
        dir = ntm::test::temp_dir("lineage-cli");
        old_path = dir + "/communes_2025-03.geojson";
        new_path = dir + "/communes_2025-07.geojson";
        merger = dir + "/merger.csv";
        out = dir + "/two.gpkg";
        auto old_unit = [](const char* code, const char* name, const char* dcode, const char* dname, int i, int j) {
            return feature(std::string("\"ma_xa\":\"") + code + "\",\"ten_xa\":\"" + name + "\",\"ma_huyen\":\"" + dcode +
                               "\",\"ten_huyen\":\"" + dname + "\"",
                           square(106.5 + 0.1 * i, 21.8 + 0.1 * j, 0.1, 0.1));
        };
        write(old_path, collection({old_unit("06001", "Xã Chi Lăng", "180", "Huyện Tràng Định", 0, 0),
                                    old_unit("06002", "Xã Hồng Thái", "180", "Huyện Tràng Định", 1, 0),
                                    old_unit("06003", "Xã Tân Thành", "180", "Huyện Tràng Định", 2, 0),
                                    old_unit("06101", "Xã Hồng Thái", "187", "Huyện Chi Lăng", 0, 1),
                                    old_unit("06102", "Xã Tân Thanh", "187", "Huyện Chi Lăng", 1, 1),
                                    old_unit("06104", "Xã Chi Lăng", "187", "Huyện Chi Lăng", 2, 1)}));
        write(new_path, collection({feature("\"ma_moi\":\"06001\",\"ten_xa\":\"Xã Tràng Định\"", square(106.5, 21.8, 0.3, 0.1)),
                                    feature("\"ma_moi\":\"06101\",\"ten_xa\":\"Xã Chi Lăng\"", square(106.5, 21.9, 0.3, 0.1))}));
        write(merger, "code_2025,name_2025,formed_from\n"
                      "06001,Xã Tràng Định,\"Xã Chi Lăng (huyện Tràng Định), Xã Hồng Thái, Xã Tân Thành\"\n"
                      "06101,Xã Chi Lăng,\"Xã Chi Lăng (huyện Chi Lăng), Xã Hồng Thái, Xã Tân Thanh\"\n");
    }
    void TearDown() override { fs::remove_all(dir); }

    std::string import_args(const std::string& lineage) const {
        return "import --out '" + out + "' --boundaries '" + old_path + "' --valid-to 2025-06-30 --boundaries '" +
               new_path + "' --version-id 2025-07 --code-field ma_moi --lineage '" + lineage + "'";
    }
    void import() {
        const auto r = run_cli(import_args(merger));
        ASSERT_EQ(r.exit_code, 0) << r.err;
        ASSERT_TRUE(contains(r.out, "8 units in 2 boundary versions (communes_2025-03, until 2025-06-30: 6; "
                                    "2025-07, from 2025-07-01: 2), 6 lineage links")) << r.out;
    }
    std::string data() const { return "--data '" + out + "' "; }

    std::string dir, old_path, new_path, merger, out;
};

TEST_F(LineageCli, ACodeIsTheLatestUnitOrTheOneInForceOnTheDate) {
    import();
    const auto after = run_cli("lineage " + data() + "06001 --lang en");
    ASSERT_EQ(after.exit_code, 0) << after.err;
    EXPECT_TRUE(contains(after.out, "06001  Xã Tràng Định  [version 2025-07, from 2025-07-01]")) << after.out;
    EXPECT_TRUE(contains(after.out, "Formed on 2025-07-01 from Xã Chi Lăng (huyện Tràng Định), Xã Hồng Thái (huyện "
                                    "Tràng Định), Xã Tân Thành")) << after.out;
    // Hồng Thái settled by the district of the other two; Tân Thành is unique (Tân Thanh is
    // another name), so it needs no district.
    EXPECT_TRUE(contains(after.out, "  06002  Xã Hồng Thái (huyện Tràng Định)  — no data")) << after.out;
    EXPECT_TRUE(contains(after.out, "  06003  Xã Tân Thành, Huyện Tràng Định  — no data")) << after.out;
    EXPECT_TRUE(contains(after.out, "No successors in the data")) << after.out;
    EXPECT_EQ(run_cli("lineage " + data() + "06001 --date 2025-07-01 --lang en").out, after.out);

    const auto before = run_cli("lineage " + data() + "06001 --date 2025-06-30");
    ASSERT_EQ(before.exit_code, 0) << before.err;
    EXPECT_TRUE(contains(before.out, "06001  Xã Chi Lăng (huyện Tràng Định)  [phiên bản communes_2025-03, đến 30/06/2025]"))
        << before.out;
    EXPECT_TRUE(contains(before.out, "Không có đơn vị tiền thân trong dữ liệu")) << before.out;
    EXPECT_TRUE(contains(before.out, "Sáp nhập vào:\n  06001  Xã Tràng Định  từ 01/07/2025\n")) << before.out;
}

TEST_F(LineageCli, ANameWithTheDistrictOrUnique) {
    import();
    const auto r = run_cli("lineage " + data() + "'hong thai (huyen chi lang)' --lang en");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "06101  Xã Hồng Thái (huyện Chi Lăng)  [version communes_2025-03, until 2025-06-30]"))
        << r.out;
    EXPECT_TRUE(contains(r.out, "Became part of:\n  06101  Xã Chi Lăng  from 2025-07-01\n")) << r.out;
    // Unquoted words are one name; in force on the date only.
    const auto words = run_cli("lineage " + data() + "Xã Tràng Định --date 2025-07-01");
    ASSERT_EQ(words.exit_code, 0) << words.err;
    EXPECT_TRUE(contains(words.out, "06001  Xã Tràng Định")) << words.out;
}

TEST_F(LineageCli, Json) {
    import();
    const auto r = run_cli("lineage " + data() + "06101 --format json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["unit"]["code"], "06101");
    EXPECT_EQ(j["unit"]["name"], "Chi Lăng");
    EXPECT_EQ(j["unit"]["full_name"], "Xã Chi Lăng");
    EXPECT_EQ(j["formed"]["date"], "2025-07-01");
    EXPECT_EQ(j["formed"]["xa"], 3);
    EXPECT_EQ(j["formed"]["xa_at_standard"], 0);
    const auto& p = j["formed"]["predecessors"];
    ASSERT_EQ(p.size(), 3u);
    const auto expected = nlohmann::json::parse(R"json({"code": "06104", "name": "Chi Lăng", "full_name": "Xã Chi Lăng",
        "label": "Xã Chi Lăng (huyện Chi Lăng)", "kind": "xa", "district_code": "187",
        "district_name": "Huyện Chi Lăng", "version": "communes_2025-03", "valid_from": null,
        "valid_to": "2025-06-30", "state_date": "2025-06-30", "has_data": false, "criteria": null})json");
    EXPECT_NE(std::find(p.begin(), p.end(), expected), p.end()) << r.out;
    EXPECT_TRUE(contains(r.out, "\"code\": \"06102\"")) << r.out;
    EXPECT_EQ(j["successors"], nlohmann::json::array());
}

TEST_F(LineageCli, ErrorsAreOneLine) {
    import();
    struct Case {
        std::string args, message;
    } cases[] = {
        {"99999", "ntm-atlas: lineage: unknown unit code '99999'\n"},
        {"06002 --date 2025-07-01",
         "ntm-atlas: lineage: no unit 06002 in force on 2025-07-01 (the code names Xã Hồng Thái (06002, Huyện Tràng "
         "Định, communes_2025-03))\n"},
        // Diacritic-insensitive: Tân Thanh and Tân Thành.
        {"'tan thanh'", "ntm-atlas: lineage: 'tan thanh' names 2 units: Xã Tân Thành (06003, Huyện Tràng Định, "
                        "communes_2025-03); Xã Tân Thanh (06102, Huyện Chi Lăng, communes_2025-03) (give the code, "
                        "and --date for a code of an earlier version)\n"},
        {"'Hồng Thái' --date 2025-07-01", "ntm-atlas: lineage: no unit named 'Hồng Thái' in force on 2025-07-01\n"},
        {"06001 --format csv", "ntm-atlas: --format: 'csv' is not one of text or json\n"},
    };
    for (const Case& c : cases) {
        const auto r = run_cli("lineage " + data() + c.args);
        EXPECT_EQ(r.exit_code, 1) << c.args;
        EXPECT_EQ(r.err, c.message) << c.args;
        EXPECT_EQ(r.out, "") << c.args;
    }
    const auto ambiguous = run_cli("lineage " + data() + "'Hồng Thái'");
    EXPECT_EQ(ambiguous.exit_code, 1);
    EXPECT_EQ(line_count(ambiguous.err), 1) << ambiguous.err;
    EXPECT_TRUE(contains(ambiguous.err, "'Hồng Thái' names 2 units: Xã Hồng Thái (06002, Huyện Tràng Định, "
                                        "communes_2025-03); Xã Hồng Thái (06101, Huyện Chi Lăng")) << ambiguous.err;
}

TEST_F(LineageCli, BadLineageNamesWriteNothing) {
    const std::string bad = dir + "/bad.csv";
    write(bad, "code_2025,name_2025,formed_from\n"
               "06001,Xã Tràng Định,\"Xã Chi Lăng (huyện Tràng Định), Xã Tân Thàn\"\n"
               "06101,Xã Chi Lăng,\"Xã Hồng Thái\"\n");
    const auto r = run_cli(import_args(bad));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(line_count(r.err), 1) << r.err;
    EXPECT_TRUE(contains(r.err, "ntm-atlas: import: 2 names in bad.csv did not match the units of boundary version "
                                "'communes_2025-03': row 2 (06001 Xã Tràng Định): 'Xã Tân Thàn' — no unit of that "
                                "name (Xã Tân Thành (06003, Huyện Tràng Định), Xã Tân Thanh (06102, Huyện Chi Lăng))"))
        << r.err;
    EXPECT_TRUE(contains(r.err, "; row 3 (06101 Xã Chi Lăng): 'Xã Hồng Thái' — 2 units of that name")) << r.err;
    EXPECT_TRUE(contains(r.err, "; nothing written\n")) << r.err;
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(LineageCli, VersionOptionsFollowTheirBoundaries) {
    const std::string o = "import --out '" + out + "' ";
    const struct {
        std::string args, message;
    } cases[] = {
        {o + "--valid-to 2025-06-30 --boundaries '" + old_path + "'",
         "ntm-atlas: import: --valid-to must follow the --boundaries it applies to\n"},
        {o + "--boundaries '" + old_path + "' --lineage '" + merger + "' --boundaries '" + new_path + "'",
         "ntm-atlas: import: --lineage " + merger + " follows the first --boundaries; give it after the "
         "--boundaries of the version its new units belong to\n"},
        {o + "--boundaries '" + old_path + "' --boundaries '" + new_path + "' --code-field ma_moi",
         "ntm-atlas: import: boundary versions 'communes_2025-03' and 'communes_2025-07' need a date between them "
         "(give --valid-to after the first --boundaries or --valid-from after the second)\n"},
        {o + "--boundaries '" + old_path + "' --valid-to 2025-06-30 --boundaries '" + new_path +
             "' --code-field ma_moi --valid-from 2025-03-01",
         "ntm-atlas: import: boundary version 'communes_2025-07' begins on 2025-03-01, before 'communes_2025-03' ends "
         "on 2025-06-30 (give the versions oldest first)\n"},
        {o + "--boundaries '" + old_path + "' --valid-from 2025-07-01 --valid-to 2025-06-30",
         "ntm-atlas: import: boundary version 'communes_2025-03' ends on 2025-06-30, before it begins on 2025-07-01\n"},
        {o + "--boundaries '" + old_path + "' --valid-to 2025-06-30 --valid-to 2025-06-29",
         "ntm-atlas: import: --valid-to is given twice for " + old_path + "\n"},
        {o + "--boundaries '" + old_path + "' --valid-to 2025-13-01", "ntm-atlas: --valid-to: '2025-13-01' is not a "
                                                                      "date (use YYYY-MM-DD)\n"},
    };
    for (const auto& c : cases) {
        const auto r = run_cli(c.args);
        EXPECT_EQ(r.exit_code, 1) << c.args;
        EXPECT_EQ(r.err, c.message) << c.args;
        EXPECT_FALSE(fs::exists(out));
    }
}

TEST_F(LineageCli, OneBoundariesIsOneVersionAsBefore) {
    const auto r = run_cli("import --out '" + out + "' --boundaries '" + old_path + "'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "Wrote " + out + ": 6 units, 0 observations, 0 recognitions, 0 events; 0 repairs (see "
                     "`ntm-atlas check " + old_path + "`)\n");
    const auto l = run_cli("lineage " + data() + "06001 --lang en");
    ASSERT_EQ(l.exit_code, 0) << l.err;
    EXPECT_TRUE(contains(l.out, "06001  Xã Chi Lăng (huyện Tràng Định)  [version default]")) << l.out;
    EXPECT_TRUE(contains(l.out, "No predecessors in the data\nNo successors in the data\n")) << l.out;
}

TEST_F(LineageCli, AnEarlierVersionFromACodeList) {
    const std::string codes = dir + "/units_2025-03.csv";
    write(codes, "district_code,district_name,commune_code,commune_name,commune_type\n"
                 "180,Huyện Tràng Định,06001,Xã Chi Lăng,Xã\n180,Huyện Tràng Định,06002,Xã Hồng Thái,Xã\n"
                 "180,Huyện Tràng Định,06003,Xã Tân Thành,Xã\n187,Huyện Chi Lăng,06101,Xã Hồng Thái,Xã\n"
                 "187,Huyện Chi Lăng,06102,Xã Tân Thanh,Xã\n187,Huyện Chi Lăng,06104,Xã Chi Lăng,Xã\n");
    const auto r = run_cli("import --out '" + out + "' --units '" + codes + "' --boundaries '" + new_path +
                           "' --valid-from 2025-07-01 --code-field ma_moi --lineage '" + merger + "'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "(units_2025-03, until 2025-06-30: 6; communes_2025-07, from 2025-07-01: 2), 6 lineage "
                                "links")) << r.out;
    const auto l = run_cli("lineage " + data() + "06102 --date 2025-01-01 --lang en");
    ASSERT_EQ(l.exit_code, 0) << l.err;
    EXPECT_TRUE(contains(l.out, "Became part of:\n  06101  Xã Chi Lăng  from 2025-07-01\n")) << l.out;
}

TEST(LineageCliReal, LangSonMergerOfJuly2025) {
    NTM_REQUIRE_SHARED(before, "units/langson_units_2025-03.csv");
    NTM_REQUIRE_SHARED(after, "boundaries/langson_communes_2025.geojson");
    NTM_REQUIRE_SHARED(merger, "units/langson_merger_2025-07.csv");
    const std::string dir = ntm::test::temp_dir("lineage-real"), out = dir + "/ls.gpkg";
    const auto r = run_cli("import --out '" + out + "' --units '" + before + "' --valid-to 2025-06-30 --boundaries '" +
                           after + "' --lineage '" + merger + "'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "259 units in 2 boundary versions")) << r.out;
    EXPECT_TRUE(contains(r.out, "196 lineage links")) << r.out;
    const auto l = run_cli("lineage --data '" + out + "' 06196 --date 2025-07-01 --lang en");
    ASSERT_EQ(l.exit_code, 0) << l.err;
    EXPECT_TRUE(contains(l.out, "06196  Xã Ba Sơn")) << l.out;
    EXPECT_TRUE(contains(l.out, "  06238  Xã Mẫu Sơn (huyện Cao Lộc)  —")) << l.out;
    EXPECT_TRUE(contains(l.out, "  06196  Xã Cao Lâu, Huyện Cao Lộc  —")) << l.out;
    EXPECT_TRUE(contains(l.out, "  06202  Xã Xuất Lễ, Huyện Cao Lộc  —")) << l.out;
    fs::remove_all(dir);
}

}  // namespace

namespace {

// The demo dataset has the 65 units of 1 July 2025 with their lineage.
TEST(LineageCliDemo, BaSonWasFormedFromThreeXa) {
    const auto r = run_cli("lineage 06196 --date 2025-07-01 --lang en");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "06196  Xã Ba Sơn  [version 2025-07, from 2025-07-01]")) << r.out;
    EXPECT_TRUE(contains(r.out, "Formed on 2025-07-01 from Xã Mẫu Sơn (huyện Cao Lộc), Xã Cao Lâu, Xã Xuất Lễ")) << r.out;
    EXPECT_TRUE(contains(r.out, "  06238  Xã Mẫu Sơn (huyện Cao Lộc)  — ")) << r.out;
    EXPECT_TRUE(contains(r.out, "  06196  Xã Cao Lâu, Huyện Cao Lộc  — ")) << r.out;
    EXPECT_TRUE(contains(r.out, "  06202  Xã Xuất Lễ, Huyện Cao Lộc  — ")) << r.out;
    // The same code the day before is Xã Cao Lâu, which became part of Ba Sơn.
    const auto before = run_cli("lineage 06196 --date 2025-06-30 --lang en");
    ASSERT_EQ(before.exit_code, 0) << before.err;
    EXPECT_TRUE(contains(before.out, "06196  Xã Cao Lâu, Huyện Cao Lộc")) << before.out;
    EXPECT_TRUE(contains(before.out, "Became part of:\n  06196  Xã Ba Sơn  from 2025-07-01\n")) << before.out;
}

}  // namespace
