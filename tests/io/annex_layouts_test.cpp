// The layouts provincial offices produce (issue 11), written by tests/data/tables/make_annexes.py
// from the real units of Lạng Sơn (../shared/data) with python3-openpyxl (XLSX), python3-xlwt
// (XLS, Excel 97–2003) and python3-odf (ODS), and imported against those units: the criteria met
// by every unit, the units per band, the unmatched names with their rows, the warnings for a
// "Tổng số tiêu chí đạt" that disagrees with the marks, the Ghi chú kept with the source.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <tuple>

#include "core/error.h"
#include "core/text.h"
#include "io/boundary_loader.h"
#include "io/lineage_table.h"
#include "io/table_import.h"
#include "io/tables.h"
#include "support/test_support.h"

namespace ntm::io {
namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;

std::string python() { return fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; }

class AnnexLayouts : public ::testing::Test {
protected:
    static inline std::string dir, skip;
    static inline Json key;
    static inline Dataset d2025, d2009;

    static void SetUpTestSuite() {
        const std::string shared = ntm::test::shared_data("");
        if (shared.empty()) {
            skip = "../shared/data is absent; skipping";
            return;
        }
        if (std::system((python() + " -c 'import openpyxl, xlwt, odf' 2>/dev/null").c_str()) != 0) {
            skip = "python3-openpyxl, python3-xlwt or python3-odf is not installed (setup.sh installs them); skipping";
            return;
        }
        dir = ntm::test::temp_dir("annex_layouts");
        const std::string cmd = python() + " '" NTM_TEST_DATA_DIR "/tables/make_annexes.py' '" + shared + "' '" + dir +
                                "' > '" + dir + "/make.log' 2>&1";
        if (std::system(cmd.c_str()) != 0) {
            skip = "make_annexes.py failed: " + ntm::test::read_file(dir + "/make.log");
            return;
        }
        key = Json::parse(ntm::test::read_file(dir + "/key.json"));
        // The 194 units of March 2025 in 11 districts until 30/6/2025, the 65 units after.
        d2025.versions = {BoundaryVersion{"2025-03", "trước 01/07/2025", {}, Date::from_ymd(2025, 6, 30), Grouping::District},
                          BoundaryVersion{"2025-07", "từ 01/07/2025", Date::from_ymd(2025, 7, 1), {}, Grouping::None}};
        for (Unit u : read_unit_list(shared + "/units/langson_units_2025-03.csv")) d2025.units.push_back(u);
        for (Unit u : read_unit_list(shared + "/units/langson_units_2025-07.csv")) {
            u.version = 1;
            d2025.units.push_back(u);
        }
        d2025.reindex();
        // The 226 units of the 2009 census (before the 2019–2020 mergers), one version.
        LoadOptions o;
        o.source = shared + "/boundaries/langson_communes_2009.geojson";
        o.check_topology = false;
        LoadedBoundaries b = load_boundaries(o);
        d2009.versions = {BoundaryVersion{"2009", "Đơn vị hành chính 2009", {}, {}, Grouping::District}};
        d2009.units = b.units;
        d2009.reindex();
    }
    void SetUp() override {
        if (!skip.empty()) GTEST_SKIP() << skip;
    }

    const Dataset& dataset_of(const std::string& file) const {
        return key[file]["units"] == "2009" ? d2009 : d2025;
    }

    // Imports FILE with --skip-unmatched and checks it against the key; returns the result.
    TableImportResult check(const std::string& file) {
        const Json& k = key.at(file);
        const Dataset& ds = dataset_of(file);
        TableImportOptions options;
        options.skip_unmatched = true;
        TableImportResult r = import_table(dir + "/" + file, ds, options);
        const TablePreview& p = r.preview;
        EXPECT_EQ(p.kind, TableKind::Attainment) << file;
        EXPECT_TRUE(p.date && p.date->iso() == k["date"].get<std::string>()) << file << ": " << (p.date ? p.date->iso() : "none");
        EXPECT_EQ(p.criteria_set, k["set"].get<std::string>()) << file;
        // Criteria met per unit, every unit of the key.
        std::map<std::string, int> met, expected;
        for (const Observation& o : r.observations) met[o.unit_code] += o.met;
        for (const auto& [code, n] : k["met"].items()) expected[code] = n.get<int>();
        EXPECT_EQ(met.size(), expected.size()) << file;
        int wrong = 0;
        for (const auto& [code, n] : expected) {
            const auto it = met.find(code);
            if (it == met.end() || it->second != n) {
                if (++wrong <= 5)
                    ADD_FAILURE() << file << ": unit " << code << " met " << (it == met.end() ? -1 : it->second)
                                  << ", expected " << n;
            }
        }
        EXPECT_EQ(wrong, 0) << file;
        // Every unmatched name, with its row.
        std::vector<std::pair<int, std::string>> unmatched, expected_unmatched;
        for (const NameProblem& np : p.unmatched) unmatched.emplace_back(np.line, np.name);
        for (const Json& u : k["unmatched"]) expected_unmatched.emplace_back(u[0].get<int>(), u[1].get<std::string>());
        EXPECT_EQ(unmatched, expected_unmatched) << file;
        // A total that disagrees with the marks: the marks are imported, the row is warned about.
        for (const Json& w : k["warned_totals"]) {
            // A workbook of several sheets: messages name the sheet.
            const std::string in = file + (p.sheets.size() > 1 ? ", sheet '" + p.sheet + "'" : "");
            const std::string text = in + ", row " + std::to_string(w[0].get<int>()) + ", column " +
                                     k["total_name"].get<std::string>() + ": says " + std::to_string(w[1].get<int>()) +
                                     " criteria met, the marks give " + std::to_string(w[2].get<int>());
            bool found = false;
            for (const std::string& s : p.warnings) found = found || s.find(text) != std::string::npos;
            EXPECT_TRUE(found) << text;
        }
        // Ghi chú kept with the source of the row's observations.
        for (const auto& [code, note] : k["notes"].items()) {
            bool found = false;
            for (const Observation& o : r.observations)
                found = found || (o.unit_code == code && o.source == file + "; ghi chú: " + note.get<std::string>());
            EXPECT_TRUE(found) << file << ": note of " << code;
        }
        return r;
    }

    // Xã per band of the set in force (phường and thị trấn have no band), from the criteria met.
    std::vector<int> bands(const std::string& file, const TableImportResult& r) const {
        const Dataset& ds = dataset_of(file);
        const CriteriaSet& set = ds.criteria_on(*r.preview.date);
        std::map<std::string, int> met;
        for (const Observation& o : r.observations) met[o.unit_code] += o.met;
        std::vector<int> out(set.bands.size(), 0);
        const int v = ds.version_on(*r.preview.date);
        for (const auto& [code, n] : met) {
            const int u = cells::resolve_unit_code(ds, code, r.preview.date);
            if (u >= 0 && ds.units[u].version == v && ds.units[u].kind == UnitKind::Xa) ++out[set.band_of(n)];
        }
        return out;
    }
};

// The standard annex on its second sheet after a cover sheet: two-row merged header, a hidden
// blank column, headings "I. Huyện Tràng Định", "Huyện Bình Gia (19 xã)", "Huyện Văn Lãng",
// "4. Huyện Cao Lộc", subtotals "Cộng Huyện …", "Tổng cộng", notes, signatures.
TEST_F(AnnexLayouts, StandardAnnexOnTheSecondSheet) {
    const std::string f = "a01_standard_second_sheet.xlsx";
    const TableImportResult r = check(f);
    EXPECT_EQ(r.preview.sheet, "Biểu 01");
    EXPECT_EQ(r.preview.matched, 194);
    EXPECT_EQ(r.preview.skipped.heading, 11);
    EXPECT_EQ(r.preview.skipped.total, 12);
    EXPECT_EQ(r.preview.skipped.signature, 5);
    EXPECT_EQ(bands(f, r), (std::vector<int>{10, 32, 44, 47, 42}));
}

// Three header rows: "Tiêu chí" over the five groups over the numbers, "Quy hoạch" merged down
// over criterion 1; headings "II" in STT beside the district; two names of no unit.
TEST_F(AnnexLayouts, ThreeHeaderRows) {
    const std::string f = "a02_three_row_header.xlsx";
    const TableImportResult r = check(f);
    EXPECT_EQ(r.preview.header_lines.size(), 3u);
    EXPECT_EQ(r.preview.matched, 194);
    EXPECT_EQ(bands(f, r), (std::vector<int>{9, 33, 43, 43, 47}));
}

// Criteria by the names of Decision 318/QĐ-TTg, a Huyện/Thành phố column instead of headings.
TEST_F(AnnexLayouts, CriteriaByName2021AndADistrictColumn) {
    const std::string f = "a03_names_2021_district_column.xlsx";
    const TableImportResult r = check(f);
    EXPECT_EQ(r.preview.mapping.criteria.size(), 19u);
    EXPECT_EQ(bands(f, r), (std::vector<int>{9, 38, 43, 42, 43}));
}

// XLS (Excel 97–2003), the 226 units of 2009, the names of Decision 1980/QĐ-TTg under three
// header rows.
TEST_F(AnnexLayouts, XlsOf2009UnitsCriteriaByName2016) {
    const std::string f = "a04_names_2016_units_2009.xls";
    const TableImportResult r = check(f);
    EXPECT_EQ(r.preview.matched, 226);
    EXPECT_EQ(r.preview.mapping.criteria.size(), 19u);
    EXPECT_EQ(bands(f, r), (std::vector<int>{11, 39, 51, 54, 52}));
}

// ODS with title rows and merged headers; codes that lost their leading zero; headings in the
// code column ("Huyện Cao Lộc (22 xã)" merged over STT, Mã xã and Đơn vị).
TEST_F(AnnexLayouts, OdsWithMergedHeaderAndCodes) {
    const std::string f = "a05_ods_merged_codes.ods";
    const TableImportResult r = check(f);
    EXPECT_EQ(r.preview.matched, 194);
    EXPECT_EQ(r.preview.skipped.heading, 11);
    EXPECT_EQ(bands(f, r), (std::vector<int>{10, 33, 46, 45, 41}));
}

// The 65 units after 1 July 2025 against the ten criteria of Decision 51/2025/QĐ-TTg by name; a
// unit merged away on that day is reported.
TEST_F(AnnexLayouts, Units2025Criteria2026ByName) {
    const std::string f = "a06_units_2025_criteria_2026.xlsx";
    const TableImportResult r = check(f);
    EXPECT_EQ(r.preview.version_id, "2025-07");
    EXPECT_EQ(r.preview.matched, 65);
    EXPECT_EQ(r.preview.mapping.criteria.size(), 10u);
    EXPECT_EQ(bands(f, r), (std::vector<int>{5, 10, 17, 12, 17}));
}

// CSV (UTF-8 with BOM): a name with its diacritics folded away and a name of another district
// are reported, never linked to a lookalike.
TEST_F(AnnexLayouts, CsvWithUnmatchedNames) {
    const std::string f = "a07_csv_unmatched.csv";
    const TableImportResult r = check(f);
    EXPECT_EQ(r.preview.matched, 194);
    EXPECT_EQ(bands(f, r), (std::vector<int>{10, 32, 44, 47, 42}));
    // By default nothing is imported, and the message lists both names.
    try {
        import_table(dir + "/" + f, d2025, {});
        ADD_FAILURE() << "imported";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("2 units did not match"), std::string::npos) << e.what();
    }
}

// Headings in capitals ("HUYỆN TRÀNG ĐỊNH"), abbreviated ("H. Cao Lộc", "TP. Lạng Sơn") and
// numbered "III - Huyện …" in NFD; criteria headed "1. Quy hoạch"; totals "16/19"; marks "Đ",
// "Đạt (*)", " X ", "✔" and "CĐ"; a "Tỷ lệ (%)" row under "TỔNG CỘNG TOÀN TỈNH".
TEST_F(AnnexLayouts, CapitalHeadingsAndNumberedNames) {
    const std::string f = "a08_capital_headings_numbered_names.xlsx";
    const TableImportResult r = check(f);
    EXPECT_EQ(r.preview.matched, 194);
    EXPECT_EQ(r.preview.skipped.heading, 11);
    EXPECT_EQ(r.preview.skipped.total, 13);
    EXPECT_EQ(r.preview.skipped.other, 0);
    EXPECT_EQ(r.preview.mapping.criteria.size(), 19u);
    EXPECT_EQ(bands(f, r), (std::vector<int>{9, 33, 43, 43, 47}));
}

// CSV in CP1258 (tone marks combining, as Windows writes it): the names of Decision 491/QĐ-TTg
// ("Chợ nông thôn", "Bưu điện", "An ninh, trật tự xã hội") heading a 2017 sheet of the 2009 units.
TEST_F(AnnexLayouts, Cp1258WithTheFirstSetsNames) {
    const std::string f = "a09_names_2010_cp1258.csv";
    const TableImportResult r = check(f);
    EXPECT_EQ(r.preview.matched, 226);
    EXPECT_EQ(r.preview.mapping.criteria.size(), 19u);
    EXPECT_EQ(bands(f, r), (std::vector<int>{11, 38, 53, 52, 53}));
}

// A Huyện/Thành phố column merged down over each district's communes (the name in its first row
// only) settles the three Tân Thành; "TT Na Sầm", "TT. Bình Gia", "1. Xã Tân Thành".
TEST_F(AnnexLayouts, DistrictColumnMergedDown) {
    const std::string f = "a11_district_column_merged_down.xlsx";
    const TableImportResult r = check(f);
    EXPECT_EQ(r.preview.matched, 194);
    EXPECT_EQ(bands(f, r), (std::vector<int>{9, 38, 42, 42, 44}));
}

// ODS with the district column before the unit column and long header names: "Đơn vị hành
// chính cấp huyện", "Tên đơn vị hành chính cấp xã", "Kết quả (số tiêu chí đạt)" (two rows wrong).
TEST_F(AnnexLayouts, DistrictColumnFirstLongNames) {
    const std::string f = "a12_district_first_long_names.ods";
    const TableImportResult r = check(f);
    EXPECT_EQ(r.preview.matched, 194);
    EXPECT_EQ(r.preview.skipped.heading, 0);
    EXPECT_EQ(bands(f, r), (std::vector<int>{9, 33, 43, 47, 43}));
}

// One sheet per district, each headed by the district's bare name ("Cao Lộc", beside Thị trấn
// Cao Lộc's own row): the first sheet is read and the other is said.
TEST_F(AnnexLayouts, SheetPerDistrict) {
    const std::string f = "a13_sheet_per_district.xlsx";
    const TableImportResult r = check(f);
    EXPECT_EQ(r.preview.sheet, "Cao Lộc");
    EXPECT_EQ(r.preview.matched, 22);
    EXPECT_EQ(r.preview.skipped.heading, 1);
    bool said = false;
    for (const std::string& w : r.preview.warnings)
        said = said || w == dir + "/" + f + ": sheet 'Bắc Sơn' also holds a table (header on line 3); only sheet 'Cao Lộc' "
                            "is read (--sheet NAME reads another, --all-sheets every one)";
    EXPECT_TRUE(said);
    EXPECT_EQ(bands(f, r), (std::vector<int>{1, 4, 5, 5, 5}));

    // --sheet reads the one named; --all-sheets both, as one table, each row in its district.
    TableImportOptions one;
    one.sheet = "bắc sơn";
    const TableImportResult b = import_table(dir + "/" + f, d2025, one);
    EXPECT_EQ(b.preview.sheet, "Bắc Sơn");
    int bac_son = 0;  // units of Huyện Bắc Sơn before 1/7/2025, from the unit list
    for (const Unit& u : d2025.units) bac_son += u.version == 0 && u.district_name == "Huyện Bắc Sơn";
    EXPECT_EQ(b.preview.matched, bac_son);
    one.sheet = "Hữu Lũng";
    std::string error;
    try {
        import_table(dir + "/" + f, d2025, one);
    } catch (const Error& e) {
        error = e.what();
    }
    EXPECT_EQ(error,
              dir + "/" + f + ": no sheet 'Hữu Lũng' (its sheets: 'Cao Lộc', 'Bắc Sơn')");
    TableImportOptions all;
    all.all_sheets = true;
    const TableImportResult both = import_table(dir + "/" + f, d2025, all);
    EXPECT_EQ(both.preview.sheet, "Cao Lộc, Bắc Sơn");
    EXPECT_EQ(both.preview.matched, 22 + bac_son);
    EXPECT_EQ(both.observations.size(), r.observations.size() + b.observations.size());
    for (const std::string& w : both.preview.warnings) EXPECT_EQ(w.find("also holds a table"), std::string::npos) << w;
}

// ODS of the 65 units of July 2025 grouped "A. CÁC PHƯỜNG" / "B. CÁC XÃ" in the Đơn vị column,
// "Tiêu chí" over 1…10 (Decision 51/2025/QĐ-TTg), a wrong total on one row.
TEST_F(AnnexLayouts, Units2025GroupedByKind) {
    const std::string f = "a10_units_2025_grouped.ods";
    const TableImportResult r = check(f);
    EXPECT_EQ(r.preview.version_id, "2025-07");
    EXPECT_EQ(r.preview.matched, 65);
    EXPECT_EQ(r.preview.skipped.heading, 2);
    EXPECT_EQ(r.preview.skipped.other, 0);
    EXPECT_EQ(bands(f, r), (std::vector<int>{6, 11, 17, 10, 17}));
}

// Headings and names as offices write them, each settling which Tân Thành: "(có 22 xã)",
// ": 23 xã", "III - Huyện Bắc Sơn - 18 xã", a bare "Văn Lãng"; "TT Na Sầm", "1. Xã Tân Thanh".
TEST_F(AnnexLayouts, HeadingAndNameVariants) {
    std::ofstream(dir + "/v.csv") << "NĂM 2024\nSTT,Đơn vị,TC1,TC2\n"
                                     "I,Huyện Cao Lộc (có 22 xã),,\n1,Tân Thành,x,x\n"
                                     ",Huyện Hữu Lũng: 23 xã,,\n1,Tân Thành,x,\n"
                                     "III - Huyện Bắc Sơn - 18 xã,,,\n1,Tân Thành,,\n"
                                     ",Văn Lãng,,\n1,TT Na Sầm,x,\n2,1. Xã Tân Thanh,,x\n";
    const TableImportResult r = import_table(dir + "/v.csv", d2025, {});
    std::map<std::string, int> met;
    for (const Observation& o : r.observations) met[o.unit_code] += o.met;
    EXPECT_EQ(met, (std::map<std::string, int>{{"06250", 2}, {"06442", 1}, {"06379", 0}, {"06124", 1}, {"06166", 1}}));
    EXPECT_EQ(r.preview.skipped.heading, 4);
}

// "Đơn vị" merged over "Huyện" | "Xã": the second header row names the columns under it.
TEST_F(AnnexLayouts, UnitHeaderOverDistrictAndName) {
    const TableImportResult r = import_table(dir + "/a14_unit_header_over_district_and_name.xlsx", d2025, {});
    EXPECT_EQ(r.preview.header_lines, (std::vector<int>{2, 3}));
    std::map<std::string, int> met;
    for (const Observation& o : r.observations) met[o.unit_code] += o.met;
    EXPECT_EQ(met, (std::map<std::string, int>{{"06250", 2}, {"06442", 1}, {"06166", 3}}));
}

// An events sheet with title rows: "Thời gian", "Loại hoạt động", "Nội dung", "Đơn vị" (the
// units, not the organiser), "Huyện" settling which Tân Thành, "Số người tham dự", "Ghi chú";
// "Khảo sát" read as other with a warning; a name of no unit listed and its row left out
// (--skip-unmatched imports the rows whose units matched).
TEST_F(AnnexLayouts, EventsSheet) {
    const std::string f = "e01_events_title_rows.xlsx";
    TableImportOptions o;
    o.skip_unmatched = true;
    const TableImportResult r = import_table(dir + "/" + f, d2025, o);
    EXPECT_EQ(r.preview.kind, TableKind::Events);
    EXPECT_EQ(r.preview.skipped.title, 2);
    EXPECT_EQ(r.preview.skipped.signature, 1);
    ASSERT_EQ(r.events.size(), 3u);
    EXPECT_EQ(r.preview.matched, 3);
    EXPECT_EQ(r.events[0].start.iso(), "2024-03-15");
    EXPECT_EQ(r.events[0].kind, EventKind::Inspection);
    EXPECT_EQ(r.events[0].unit_codes, (std::vector<std::string>{"06250"}));
    EXPECT_EQ(r.events[0].participants, 25);
    EXPECT_EQ(r.events[0].title, "Kiểm tra tiến độ xây dựng nông thôn mới");
    EXPECT_EQ(r.events[0].organiser, "");
    EXPECT_EQ(r.events[1].kind, EventKind::Training);
    EXPECT_EQ(r.events[1].unit_codes, (std::vector<std::string>{"06442", "06166"}));
    EXPECT_EQ(r.events[1].source, f + "; ghi chú: Kinh phí sự nghiệp");
    EXPECT_EQ(r.events[2].kind, EventKind::Other);
    EXPECT_EQ(r.events[2].unit_codes, (std::vector<std::string>{"05986"}));
    ASSERT_EQ(r.preview.unmatched.size(), 1u);
    EXPECT_EQ(r.preview.unmatched[0].line, 8);
    EXPECT_EQ(r.preview.unmatched[0].name, "Xã Tân Thành Công");
    EXPECT_EQ(r.preview.unmatched[0].candidates.size(), 3u);  // the three Tân Thành
    bool warned = false;
    for (const std::string& w : r.preview.warnings)
        warned = warned || w.find("row 7, column Loại hoạt động: unknown event kind 'Khảo sát', read as 'other'") !=
                               std::string::npos;
    EXPECT_TRUE(warned);
}

// Recognitions keyed by name under headings "I | Huyện Cao Lộc", "Huyện Chi Lăng (20 xã)":
// "Mức đạt chuẩn" (Đạt chuẩn NTM, NTM nâng cao, NTM kiểu mẫu), "Số quyết định", "Ngày quyết định".
TEST_F(AnnexLayouts, RecognitionsByName) {
    const std::string f = "r01_recognitions_by_name.xlsx";
    TableImportOptions o;
    o.skip_unmatched = true;
    const TableImportResult r = import_table(dir + "/" + f, d2025, o);
    EXPECT_EQ(r.preview.kind, TableKind::Recognitions);
    EXPECT_EQ(r.preview.skipped.heading, 3);
    EXPECT_EQ(r.preview.skipped.total, 1);
    ASSERT_EQ(r.recognitions.size(), 4u);
    const std::vector<std::tuple<std::string, Level, std::string, std::string>> expected = {
        {"06250", Level::Standard, "2023-06-17", "1062/QĐ-UBND"},
        {"06205", Level::Advanced, "2023-06-17", "1063/QĐ-UBND"},
        {"06442", Level::Model, "2023-12-20", "2001/QĐ-UBND"},
        {"06523", Level::Standard, "2023-12-20", "2002/QĐ-UBND"}};
    for (size_t i = 0; i < expected.size(); ++i) {
        const auto& [code, level, date, decision] = expected[i];
        EXPECT_EQ(r.recognitions[i].unit_code, code) << i;
        EXPECT_EQ(r.recognitions[i].level, level) << i;
        EXPECT_EQ(r.recognitions[i].date.iso(), date) << i;
        EXPECT_EQ(r.recognitions[i].decision.rfind(decision, 0), 0u) << r.recognitions[i].decision;
    }
    ASSERT_EQ(r.preview.unmatched.size(), 1u);
    EXPECT_EQ(r.preview.unmatched[0].line, 10);
    EXPECT_EQ(r.preview.unmatched[0].district, "Huyện Chi Lăng");
}

// Events as Excel's "Unicode text" (UTF-16, tabs): "Địa điểm" holding "Xã Tân Thành, huyện Bắc
// Sơn" (the district is the event's and settles which Tân Thành), or a district alone.
TEST_F(AnnexLayouts, EventsUtf16PlacesWithDistricts) {
    TableImportOptions o;
    o.kind = TableKind::Events;
    const TableImportResult r = import_table(dir + "/e02_events_utf16.txt", d2025, o);
    EXPECT_TRUE(r.preview.unmatched.empty()) << r.preview.unmatched.front().message();
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[0].start.iso(), "2024-03-12");
    EXPECT_EQ(r.events[0].kind, EventKind::Inspection);
    EXPECT_EQ(r.events[0].unit_codes, (std::vector<std::string>{"06379"}));
    EXPECT_EQ(r.events[0].district_codes, (std::vector<std::string>{"185"}));
    EXPECT_EQ(r.events[0].organiser, "Văn phòng Điều phối nông thôn mới tỉnh");
    EXPECT_EQ(r.events[0].participants, 30);
    EXPECT_EQ(r.events[1].kind, EventKind::Conference);
    EXPECT_TRUE(r.events[1].unit_codes.empty());
    EXPECT_EQ(r.events[1].district_codes, (std::vector<std::string>{"178"}));
}

// Recognitions in XLS dated by the day their decision names ("… ngày 17/6/2023", "ngày 05 tháng
// 12 năm 2022"), or by "Năm đạt chuẩn" when it names none; the level from the title.
TEST_F(AnnexLayouts, RecognitionsDatedByTheirDecisions) {
    const TableImportResult r = import_table(dir + "/r02_recognitions_decision_days.xls", d2025, {});
    EXPECT_EQ(r.preview.kind, TableKind::Recognitions);
    ASSERT_EQ(r.recognitions.size(), 3u);
    EXPECT_EQ(r.recognitions[0].unit_code, "06442");
    EXPECT_EQ(r.recognitions[0].date.iso(), "2023-06-17");
    EXPECT_EQ(r.recognitions[0].year, 2023);
    EXPECT_EQ(r.recognitions[0].level, Level::Standard);
    EXPECT_EQ(r.recognitions[0].decision, "Quyết định số 1062/QĐ-UBND ngày 17/6/2023");
    EXPECT_EQ(r.recognitions[1].unit_code, "06079");
    EXPECT_EQ(r.recognitions[1].date.iso(), "2022-12-05");
    EXPECT_EQ(r.recognitions[2].unit_code, "06034");
    EXPECT_EQ(r.recognitions[2].date.iso(), "2021-12-31");
    EXPECT_EQ(r.recognitions[2].decision, "55/QĐ-UBND");
}

}  // namespace
}  // namespace ntm::io
