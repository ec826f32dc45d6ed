// The province's own layouts (issue 11): annexes with title rows, merged two-row headers,
// district headings, totals, notes and signatures; units by name within their district; the
// report date from the title; CSV in every encoding Excel saves; recognitions and events sheets;
// the template written and read back.
//
// Layouts follow the annexes provinces publish ("Biểu tổng hợp kết quả thực hiện bộ tiêu chí xã
// nông thôn mới": STT | Đơn vị | Tiêu chí 1…19 | Tổng số tiêu chí đạt | Ghi chú, a heading row per
// huyện). Unit names and codes are Lạng Sơn's, from ../shared/data/units/langson_units_2025-03.csv.
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>

#include "core/error.h"
#include "core/text.h"
#include "io/annex_template.h"
#include "io/lineage_table.h"
#include "io/table_import.h"
#include "io/tables.h"
#include "io/text_encoding.h"
#include "support/test_support.h"

namespace ntm::io {
namespace {

// Real units of Lạng Sơn before July 2025 (langson_units_2025-03.csv): Tân Thành is a xã of three
// districts, Tân Thanh of a fourth; Chi Lăng is a phường, a thị trấn and two xã.
Dataset annex_dataset() {
    Dataset ds;
    ds.versions = {BoundaryVersion{"2020", "Đơn vị hành chính 2020", {}, Date::from_ymd(2025, 6, 30), Grouping::District}};
    const auto add = [&](const char* code, const char* name, UnitKind kind, const char* dcode, const char* dname) {
        Unit u;
        u.code = code;
        u.name = name;
        u.kind = kind;
        u.district_code = dcode;
        u.district_name = dname;
        u.search_key = fold_search_key(name);
        ds.units.push_back(u);
    };
    add("05983", "Chi Lăng", UnitKind::Phuong, "178", "Thành phố Lạng Sơn");
    add("06184", "Mai Pha", UnitKind::Xa, "178", "Thành phố Lạng Sơn");
    add("06034", "Chi Lăng", UnitKind::Xa, "180", "Huyện Tràng Định");
    add("06166", "Tân Thanh", UnitKind::Xa, "182", "Huyện Văn Lãng");
    add("06175", "Hồng Thái", UnitKind::Xa, "182", "Huyện Văn Lãng");
    add("06205", "Hồng Phong", UnitKind::Xa, "183", "Huyện Cao Lộc");
    add("06250", "Tân Thành", UnitKind::Xa, "183", "Huyện Cao Lộc");
    add("06379", "Tân Thành", UnitKind::Xa, "185", "Huyện Bắc Sơn");
    add("06442", "Tân Thành", UnitKind::Xa, "186", "Huyện Hữu Lũng");
    add("06466", "Chi Lăng", UnitKind::ThiTran, "187", "Huyện Chi Lăng");
    add("06523", "Chi Lăng", UnitKind::Xa, "187", "Huyện Chi Lăng");
    add("06079", "Hồng Phong", UnitKind::Xa, "181", "Huyện Bình Gia");
    ds.reindex();
    return ds;
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

struct Merge {
    int r1, c1, r2, c2;
};

// An XLSX written with libxlsxwriter as a spreadsheet program would: merged ranges hold their
// value in the first cell; cells of digits are numbers.
void write_xlsx(const std::string& path, const std::vector<std::vector<std::string>>& rows,
                const std::vector<Merge>& merges = {}) {
    lxw_workbook* wb = workbook_new(path.c_str());
    ASSERT_NE(wb, nullptr);
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    auto merged = [&](int r, int c) {
        for (const Merge& m : merges)
            if (r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2) return true;
        return false;
    };
    for (const Merge& m : merges) {
        const std::string& v = rows[m.r1][m.c1];
        worksheet_merge_range(ws, m.r1, m.c1, m.r2, m.c2, v.c_str(), nullptr);
    }
    for (size_t r = 0; r < rows.size(); ++r)
        for (size_t c = 0; c < rows[r].size(); ++c) {
            const std::string& v = rows[r][c];
            if (v.empty() || merged(static_cast<int>(r), static_cast<int>(c))) continue;
            const bool number = std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) &&
                                v.size() < 6 && v[0] != '0';
            if (number) worksheet_write_number(ws, r, c, std::stod(v), nullptr);
            else worksheet_write_string(ws, r, c, v.c_str(), nullptr);
        }
    ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
}

std::string write_text(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

// Criteria met per unit code.
std::map<std::string, int> met_per_unit(const std::vector<Observation>& obs) {
    std::map<std::string, int> out;
    for (const Observation& o : obs) out[o.unit_code] += o.met;
    return out;
}

// Units per band of the set (index into set.bands) from counts of criteria met.
std::map<int, int> per_band(const CriteriaSet& set, const std::map<std::string, int>& met) {
    std::map<int, int> out;
    for (const auto& [code, n] : met) ++out[set.band_of(n)];
    return out;
}

// The standard annex, as a grid: titles, the merged header over 19 criteria, a row of column
// numbers, district headings, units by name only, a totals row, a note and a signature block.
// `marks[i]` is the number of criteria the i-th unit meets (the first ones, marked in turn x,
// X, Đạt; the rest blank or "Chưa đạt").
struct Annex {
    std::vector<std::vector<std::string>> rows;
    std::vector<Merge> merges;
};

Annex standard_annex(const std::vector<std::pair<std::string, std::vector<std::pair<std::string, int>>>>& districts,
                     const std::string& title_date) {
    Annex a;
    const int width = 2 + 19 + 2;
    auto row = [&](std::vector<std::string> cells) {
        cells.resize(width);
        a.rows.push_back(cells);
        return static_cast<int>(a.rows.size()) - 1;
    };
    a.merges.push_back({row({"UBND TỈNH LẠNG SƠN"}), 0, 0, 5});
    a.merges.push_back({row({"BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI " + title_date}), 0, 1, width - 1});
    a.merges.push_back({row({"(Kèm theo Báo cáo số 15/BC-UBND ngày 10/01/2025 của UBND tỉnh)"}), 0, 2, width - 1});
    row({});
    std::vector<std::string> h1 = {"STT", "Đơn vị", "Tiêu chí"}, h2 = {"", ""};
    for (int i = 1; i <= 19; ++i) h2.push_back(std::to_string(i));
    h1.resize(21);
    h1.push_back("Tổng số tiêu chí đạt");
    h1.push_back("Ghi chú");
    const int r1 = row(h1);
    row(h2);
    a.merges.push_back({r1, 0, r1 + 1, 0});
    a.merges.push_back({r1, 1, r1 + 1, 1});
    a.merges.push_back({r1, 2, r1, 20});
    a.merges.push_back({r1, 21, r1 + 1, 21});
    a.merges.push_back({r1, 22, r1 + 1, 22});
    std::vector<std::string> numbers;
    for (int i = 1; i <= width; ++i) numbers.push_back("(" + std::to_string(i) + ")");
    row(numbers);
    static const char* roman[] = {"I", "II", "III", "IV", "V", "VI"};
    int d = 0;
    for (const auto& [district, units] : districts) {
        if (!district.empty()) {
            // Most annexes number the heading; some write the district alone.
            const std::string label = d % 2 == 0 ? std::string(roman[d / 2]) + ". " + district : district;
            const int r = row({label});
            if (d % 2 == 0) a.merges.push_back({r, 0, r, 1});
            else a.rows[r] = [&] { std::vector<std::string> c(width); c[1] = label; return c; }();
        }
        ++d;
        int stt = 0;
        for (const auto& [name, met] : units) {
            std::vector<std::string> cells = {std::to_string(++stt), name};
            static const char* yes[] = {"x", "X", "Đạt"};
            for (int i = 0; i < 19; ++i) cells.push_back(i < met ? yes[i % 3] : (i % 2 ? "Chưa đạt" : ""));
            cells.push_back(std::to_string(met));
            row(cells);
        }
    }
    const int total = row({"Tổng cộng"});
    a.merges.push_back({total, 0, total, 1});
    row({});
    row({"", "Ghi chú: x là tiêu chí đạt."});
    row({"", "* Số liệu do các huyện báo cáo."});
    std::vector<std::string> place(width);
    place[15] = "Lạng Sơn, ngày 15 tháng 01 năm 2025";
    row(place);
    std::vector<std::string> sign(width);
    sign[1] = "Người lập biểu";
    sign[15] = "KT. CHỦ TỊCH";
    row(sign);
    std::vector<std::string> names(width);
    names[1] = "Nguyễn Văn An";
    names[15] = "Hoàng Văn Bình";
    row(names);
    return a;
}

using Districts = std::vector<std::pair<std::string, std::vector<std::pair<std::string, int>>>>;

// Four districts with a Tân Thành or Tân Thanh each: names only, settled by the headings.
const Districts kFour = {
    {"Huyện Cao Lộc", {{"Xã Tân Thành", 19}, {"Hồng Phong", 17}}},
    {"Huyện Bắc Sơn", {{"Tân Thành", 15}}},
    {"Huyện Hữu Lũng", {{"xã Tân Thành", 12}}},
    {"Huyện Văn Lãng", {{"Xã Tân Thanh", 19}, {"Xã Hồng Thái", 9}}},
};

class Annexes : public ::testing::Test {
protected:
    void SetUp() override { dir = test::temp_dir("annex"); }
    void TearDown() override {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    std::string dir;
    Dataset ds = annex_dataset();
};

TEST_F(Annexes, XlsxAnnexByNameUnderDistrictHeadings) {
    const Annex a = standard_annex(kFour, "NĂM 2024");
    const std::string path = dir + "/annex.xlsx";
    write_xlsx(path, a.rows, a.merges);

    const TableImportResult r = import_table(path, ds, {});
    const TablePreview& p = r.preview;
    EXPECT_EQ(p.kind, TableKind::Attainment);
    EXPECT_EQ(p.header_lines, (std::vector<int>{5, 6, 7}));
    ASSERT_TRUE(p.date);
    // "năm 2024" is the report's year; the date of the report it is attached to is not.
    EXPECT_EQ(*p.date, Date::from_ymd(2024, 12, 31));
    EXPECT_EQ(p.date_from, "tiêu đề: BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI NĂM 2024");
    EXPECT_EQ(p.criteria_set, "2021-2025");
    EXPECT_EQ(p.version_id, "2020");
    EXPECT_EQ(p.mapping.criteria.size(), 19u);
    EXPECT_EQ(p.columns[2], "Tiêu chí 1");
    EXPECT_EQ(p.columns[20], "Tiêu chí 19");
    EXPECT_EQ(p.mapping.name, 1);
    EXPECT_EQ(p.mapping.total, 21);
    EXPECT_EQ(p.mapping.note, 22);
    EXPECT_EQ(p.rows_read, 6);
    EXPECT_EQ(p.matched, 6);
    EXPECT_EQ(p.skipped.title, 3);
    EXPECT_EQ(p.skipped.heading, 4);
    EXPECT_EQ(p.skipped.total, 1);
    EXPECT_EQ(p.skipped.note, 2);
    EXPECT_EQ(p.skipped.signature, 3);
    EXPECT_TRUE(p.unmatched.empty());
    EXPECT_TRUE(p.warnings.empty()) << p.warnings.front();

    const std::map<std::string, int> met = met_per_unit(r.observations);
    EXPECT_EQ(met, (std::map<std::string, int>{
                       {"06250", 19}, {"06205", 17}, {"06379", 15}, {"06442", 12}, {"06166", 19}, {"06175", 9}}));
    EXPECT_EQ(r.observations.size(), 6u * 19u);
    const CriteriaSet& set = ds.criteria_on(*p.date);
    // Bands 19 | 15–18 | 10–14 | 5–9 | 0–4.
    EXPECT_EQ(per_band(set, met), (std::map<int, int>{{0, 2}, {1, 2}, {2, 1}, {3, 1}}));
    EXPECT_EQ(r.observations.front().source, "annex.xlsx");
    EXPECT_EQ(p.summary_lines(), (std::vector<std::string>{
                                     "Loại bảng: Kết quả tiêu chí (attainment)", "Trang tính: Sheet1",
                                     "Dòng tiêu đề cột: 5 6 7",
                                     "Ngày báo cáo: 31/12/2024 (tiêu đề: BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ "
                                     "NÔNG THÔN MỚI NĂM 2024)",
                                     "Bộ tiêu chí: 2021-2025", "Đơn vị hành chính: phiên bản '2020' (Đơn vị hành chính 2020)",
                                     "Số dòng đơn vị: 6, khớp 6, không khớp 0",
                                     "Bỏ qua: 3 dòng tiêu đề, 4 dòng huyện, 1 dòng tổng, 2 dòng ghi chú, 3 dòng chữ ký, "
                                     "1 dòng trống, 0 dòng khác"}));
}

TEST_F(Annexes, TitleDatesAndDateOverride) {
    struct Case {
        std::string title;
        Date date;
    };
    for (const Case& c : {Case{"NĂM 2024", Date::from_ymd(2024, 12, 31)},
                          Case{"(tính đến ngày 31/12/2023)", Date::from_ymd(2023, 12, 31)},
                          Case{"đến hết tháng 6/2025", Date::from_ymd(2025, 6, 30)},
                          Case{"6 tháng đầu năm 2024", Date::from_ymd(2024, 6, 30)}}) {
        SCOPED_TRACE(c.title);
        const Annex a = standard_annex(kFour, c.title);
        const std::string path = dir + "/t.xlsx";
        write_xlsx(path, a.rows, a.merges);
        const TablePreview p = preview_table(path, ds, {});
        ASSERT_TRUE(p.date);
        EXPECT_EQ(*p.date, c.date);
    }
    // --date wins over the title.
    TableImportOptions o;
    o.date = Date::from_ymd(2022, 9, 30);
    const TablePreview p = preview_table(dir + "/t.xlsx", ds, o);
    EXPECT_EQ(*p.date, Date::from_ymd(2022, 9, 30));
    EXPECT_EQ(p.date_from, "--date");
    // No date anywhere but the attached report's (it is taken only when nothing else is dated)
    // and none at all: a clear error.
    Annex none = standard_annex(kFour, "");
    none.rows[2][0] = "(Kèm theo Báo cáo của UBND tỉnh)";
    write_xlsx(dir + "/none.xlsx", none.rows, none.merges);
    EXPECT_EQ(error_of([&] { import_table(dir + "/none.xlsx", ds, {}); }),
              dir + "/none.xlsx: no report date (no date column, none in the title rows; give --date)");
    const Annex attached = standard_annex(kFour, "");
    write_xlsx(dir + "/att.xlsx", attached.rows, attached.merges);
    EXPECT_EQ(*preview_table(dir + "/att.xlsx", ds, {}).date, Date::from_ymd(2025, 1, 10));
}

TEST_F(Annexes, UnmatchedNamesAllAtOnceWithCandidates) {
    const Districts bad = {
        {"Huyện Cao Lộc", {{"Xã Tân Thanh", 19}, {"Hồng Phong", 17}}},  // Tân Thanh is of Văn Lãng
        {"Huyện Văn Lãng", {{"Xã Tân Thanh", 19}, {"Xã Hông Thái", 9}}},  // a letter off
        {"", {}},
    };
    Annex a = standard_annex(bad, "năm 2024");
    const std::string path = dir + "/bad.xlsx";
    write_xlsx(path, a.rows, a.merges);
    const std::string expected =
        path + ": 2 units did not match the units of boundary version '2020'; nothing imported (--skip-unmatched imports the rest)\n" +
        path + ", row 9: 'Xã Tân Thanh' (Huyện Cao Lộc): no unit of that name in Huyện Cao Lộc (boundary version '2020'); "
               "closest: Xã Tân Thành (06250, Huyện Cao Lộc); Xã Tân Thanh (06166, Huyện Văn Lãng); Xã Tân Thành (06379, Huyện Bắc Sơn); "
               "Xã Tân Thành (06442, Huyện Hữu Lũng)\n" +
        path + ", row 13: 'Xã Hông Thái' (Huyện Văn Lãng): no unit of that name in boundary version '2020'; closest: "
               "Xã Hồng Thái (06175, Huyện Văn Lãng)";
    EXPECT_EQ(error_of([&] { import_table(path, ds, {}); }), expected);

    TableImportOptions skip;
    skip.skip_unmatched = true;
    const TableImportResult r = import_table(path, ds, skip);
    EXPECT_EQ(r.preview.skipped.unmatched, 2);
    EXPECT_EQ(r.preview.unmatched.size(), 2u);
    EXPECT_EQ(met_per_unit(r.observations), (std::map<std::string, int>{{"06205", 17}, {"06166", 19}}));

    // A name found in several districts without a heading: ambiguous, never a guess.
    const std::string flat = write_text(dir + "/flat.csv", "Tên xã,Ngày,TC1\nXã Tân Thành,31/12/2024,x\nChi Lăng,31/12/2024,x\n");
    const TablePreview p = preview_table(flat, ds, {});
    ASSERT_EQ(p.unmatched.size(), 2u);
    EXPECT_EQ(p.unmatched[0].message(),
              flat + ", row 2: 'Xã Tân Thành': 3 units of that name in boundary version '2020'; give the district (a heading "
                     "row or a Huyện column); closest: Xã Tân Thành (06250, Huyện Cao Lộc); Xã Tân Thành (06379, Huyện Bắc Sơn); "
                     "Xã Tân Thành (06442, Huyện Hữu Lũng)");
    EXPECT_EQ(p.unmatched[1].candidates.size(), 4u);
    // A district column settles it; the type word tells Thị trấn Chi Lăng from Xã Chi Lăng.
    const std::string with_district = write_text(
        dir + "/d.csv",
        "Tên xã,Huyện,Ngày,TC1\nXã Tân Thành,Bắc Sơn,31/12/2024,x\nThị trấn Chi Lăng,Huyện Chi Lăng,31/12/2024,x\n"
        "Xã Chi Lăng,Chi Lăng,31/12/2024,\n");
    const TableImportResult d = import_table(with_district, ds, {});
    EXPECT_EQ(met_per_unit(d.observations), (std::map<std::string, int>{{"06379", 1}, {"06466", 1}, {"06523", 0}}));
}

// The same annex saved by Excel as CSV UTF-8 (with BOM), CSV without BOM, CSV in Windows-1258,
// and "Unicode text" (UTF-16 LE or BE with BOM, tab separated); and in the pre-Unicode TCVN3
// (ABC) and VNI encodings older office machines still save.
TEST_F(Annexes, CsvInEveryEncoding) {
    const Annex a = standard_annex(kFour, "đến hết tháng 6/2024");
    auto joined = [&](char sep) {
        std::string s;
        for (const auto& row : a.rows) {
            for (size_t c = 0; c < row.size(); ++c) {
                const bool quote = row[c].find(sep) != std::string::npos || row[c].find(',') != std::string::npos;
                s += (c ? std::string(1, sep) : "") + (quote ? "\"" + row[c] + "\"" : row[c]);
            }
            s += "\r\n";
        }
        return s;
    };
    auto utf16 = [](const std::string& utf8, bool le) {
        std::string out = le ? "\xFF\xFE" : "\xFE\xFF";
        const std::string body = encode_text(utf8, le ? "UTF-16LE" : "UTF-16BE");
        return out + body;
    };
    const std::map<std::string, std::string> files = {
        {"utf8_bom.csv", "\xEF\xBB\xBF" + joined(',')},
        {"utf8.csv", joined(';')},
        {"cp1258.csv", encode_text(joined(','), "CP1258")},
        {"tcvn3.csv", encode_text(joined(','), "TCVN3")},
        {"vni.csv", encode_text(joined(','), "VNI")},
        {"utf16le.txt", utf16(joined('\t'), true)},
        {"utf16be.txt", utf16(joined('\t'), false)},
    };
    for (const auto& [name, bytes] : files) {
        SCOPED_TRACE(name);
        const std::string path = write_text(dir + "/" + name, bytes);
        const TableImportResult r = import_table(path, ds, {});
        EXPECT_EQ(*r.preview.date, Date::from_ymd(2024, 6, 30));
        EXPECT_EQ(r.preview.skipped.heading, 4);
        EXPECT_EQ(r.preview.skipped.signature, 3);
        EXPECT_EQ(met_per_unit(r.observations), (std::map<std::string, int>{
                                                    {"06250", 19}, {"06205", 17}, {"06379", 15}, {"06442", 12}, {"06166", 19}, {"06175", 9}}));
    }
}

// Criteria named instead of numbered under the merged "Tiêu chí", and a code column that lost
// its leading zero.
TEST_F(Annexes, CriteriaByNameAndCodes) {
    std::vector<std::vector<std::string>> rows = {
        {"KẾT QUẢ THỰC HIỆN TIÊU CHÍ NÔNG THÔN MỚI ĐẾN NGÀY 31/12/2020"},
        {"STT", "Mã xã", "Tên xã", "Tiêu chí", "", "", "", "Ghi chú"},
        {"", "", "", "Quy hoạch", "Giao thông", "Thủy lợi", "Điện", ""},
        {"1", "6184", "Mai Pha", "x", "x", "", "x", "đạt 2019"},
        {"2", "06205", "Hồng Phong", "", "x", "", "", ""},
    };
    for (auto& r : rows) r.resize(8);
    write_xlsx(dir + "/named.xlsx", rows, {{1, 0, 2, 0}, {1, 1, 2, 1}, {1, 2, 2, 2}, {1, 3, 1, 6}, {1, 7, 2, 7}});
    const TableImportResult r = import_table(dir + "/named.xlsx", ds, {});
    EXPECT_EQ(r.preview.criteria_set, "2016-2020");
    EXPECT_EQ(r.preview.mapping.criteria, (std::vector<std::pair<int, int>>{{3, 1}, {4, 2}, {5, 3}, {6, 4}}));
    EXPECT_EQ(met_per_unit(r.observations), (std::map<std::string, int>{{"06184", 3}, {"06205", 1}}));
}

TEST_F(Annexes, RecognitionsByNameWithTheirHeaders) {
    std::vector<std::vector<std::string>> rows = {
        {"DANH SÁCH XÃ ĐẠT CHUẨN NÔNG THÔN MỚI"},
        {"STT", "Tên xã", "Huyện", "Mức đạt chuẩn", "Số quyết định", "Ngày quyết định", "Ghi chú"},
        {"1", "Tân Thành", "Hữu Lũng", "Đạt chuẩn", "1062/QĐ-UBND", "17/6/2024", ""},
        {"2", "Xã Mai Pha", "Thành phố Lạng Sơn", "Nâng cao", "2010/QĐ-UBND", "2023-12-28", "Đạt chuẩn NTM năm 2019"},
        {"3", "Chi Lăng", "Tràng Định", "Kiểu mẫu", "15/QĐ-UBND", "05/01/2024", ""},
    };
    write_xlsx(dir + "/rec.xlsx", rows);
    TableImportOptions o;
    o.kind = TableKind::Recognitions;
    const TableImportResult r = import_table(dir + "/rec.xlsx", ds, o);
    ASSERT_EQ(r.recognitions.size(), 3u);
    EXPECT_EQ(r.recognitions[0].unit_code, "06442");
    EXPECT_EQ(r.recognitions[0].level, Level::Standard);
    EXPECT_EQ(r.recognitions[0].date, Date::from_ymd(2024, 6, 17));
    EXPECT_EQ(r.recognitions[0].decision, "1062/QĐ-UBND ngày 17/06/2024");
    EXPECT_EQ(r.recognitions[1].unit_code, "06184");
    EXPECT_EQ(r.recognitions[1].level, Level::Advanced);
    EXPECT_EQ(r.recognitions[0].note, "");
    EXPECT_EQ(r.recognitions[1].note, "Đạt chuẩn NTM năm 2019") << "the row's Ghi chú stays with its recognition";
    EXPECT_EQ(r.recognitions[2].unit_code, "06034");
    EXPECT_EQ(r.recognitions[2].level, Level::Model);
    // Told apart without being told.
    EXPECT_EQ(preview_table(dir + "/rec.xlsx", ds, {}).kind, TableKind::Recognitions);
}

TEST_F(Annexes, EventsSheetWithTitleRow) {
    const std::string path = write_text(
        dir + "/events.csv",
        "KẾ HOẠCH KIỂM TRA, TẬP HUẤN NĂM 2024,,,,,\n"
        ",,,,,\n"
        "Ngày,Loại hoạt động,Đơn vị,Huyện,Nội dung,Đơn vị tổ chức\n"
        "12/3/2024,Kiểm tra,Tân Thành,Bắc Sơn,Kiểm tra tiêu chí 17,Văn phòng Điều phối NTM tỉnh\n"
        "20/3/2024,Khảo sát,Xã Mai Pha,,Khảo sát mô hình,Sở Nông nghiệp\n"
        "2/4/2024,Tập huấn,\"Tân Thanh; Hồng Thái\",Văn Lãng,Tập huấn cán bộ xã,\n"
        "5/4/2024,Hội nghị,UBND xã Tân Thành,Hữu Lũng,Hội nghị sơ kết,\n");
    TableImportOptions o;
    o.kind = TableKind::Events;
    const TableImportResult r = import_table(path, ds, o);
    ASSERT_EQ(r.events.size(), 4u);
    EXPECT_EQ(r.events[3].unit_codes, (std::vector<std::string>{"06442"}));
    EXPECT_EQ(r.events[3].kind, EventKind::Conference);
    EXPECT_EQ(r.events[0].unit_codes, (std::vector<std::string>{"06379"}));  // the row's huyện settles it
    EXPECT_EQ(r.events[0].kind, EventKind::Inspection);
    EXPECT_EQ(r.events[0].organiser, "Văn phòng Điều phối NTM tỉnh");
    EXPECT_EQ(r.events[0].district_codes, (std::vector<std::string>{"185"}));
    EXPECT_EQ(r.events[1].kind, EventKind::Other);
    EXPECT_EQ(r.events[1].unit_codes, (std::vector<std::string>{"06184"}));
    EXPECT_EQ(r.events[1].organiser, "Sở Nông nghiệp");
    EXPECT_EQ(r.events[2].unit_codes, (std::vector<std::string>{"06166", "06175"}));
    EXPECT_EQ(r.preview.warnings,
              (std::vector<std::string>{path + ", row 5, column Loại hoạt động: unknown event kind 'Khảo sát', read as 'other'"}));
    EXPECT_EQ(r.preview.header_lines, (std::vector<int>{3}));
    // Without the row's huyện, Tân Thành is ambiguous and reported.
    const std::string amb = write_text(dir + "/amb.csv", "Ngày,Loại hoạt động,Xã\n12/3/2024,Kiểm tra,Tân Thành\n");
    EXPECT_EQ(preview_table(amb, ds, o).unmatched.size(), 1u);
}

// Other words real sheets use: "Tên đơn vị", "Số TC đã đạt", "Kết quả thực hiện các tiêu chí", a
// district qualifier in the name, "TP Lạng Sơn" headings, a note of a data row that names a
// chairman, and a signature block opened by "TM." and "KT.GIÁM ĐỐC".
TEST_F(Annexes, HeaderAndLabelVariants) {
    const std::string path = write_text(
        dir + "/v.csv",
        "TỔNG HỢP KẾT QUẢ THỰC HIỆN TIÊU CHÍ (tính đến ngày 30/9/2024)\n"
        "STT;Tên đơn vị;Kết quả thực hiện các tiêu chí;;;Số TC đã đạt;Ghi chú\n"
        ";;TC1;TC2;TC3;;\n"
        "A;TP Lạng Sơn;;;;;\n"
        "1;Mai Pha;x;x;;2;Chủ tịch xã mới\n"
        "B;Các huyện;;;;;\n"
        "2;Xã Tân Thành (huyện Hữu Lũng);x;;x;2;\n"
        "3;Chi Lăng (huyện Tràng Định);x;x;x;3;\n"
        "Cộng;;3;2;2;;\n"
        "TM. ỦY BAN NHÂN DÂN;;;;;;\n"
        ";KT.GIÁM ĐỐC;;;;;\n"
        ";Lê Văn Cường;;;;;\n");
    const TableImportResult r = import_table(path, ds, {});
    EXPECT_EQ(*r.preview.date, Date::from_ymd(2024, 9, 30));
    EXPECT_EQ(r.preview.mapping.total, 5);
    EXPECT_EQ(r.preview.mapping.criteria, (std::vector<std::pair<int, int>>{{2, 1}, {3, 2}, {4, 3}}));
    EXPECT_EQ(met_per_unit(r.observations), (std::map<std::string, int>{{"06184", 2}, {"06442", 2}, {"06034", 3}}));
    EXPECT_EQ(r.preview.skipped.heading, 2);
    EXPECT_EQ(r.preview.skipped.total, 1);
    EXPECT_EQ(r.preview.skipped.signature, 3);
    EXPECT_TRUE(r.preview.warnings.empty()) << r.preview.warnings.front();
}

// A recognitions list with only the year, levels in long phrases.
TEST_F(Annexes, RecognitionsWithYearsAndLongLevels) {
    const std::string path = write_text(
        dir + "/years.csv",
        "Xã,Huyện,Năm đạt chuẩn,Mức công nhận\n"
        "Tân Thành,Bắc Sơn,2019,Xã đạt chuẩn NTM\n"
        "Mai Pha,Thành phố Lạng Sơn,2022,Đạt chuẩn nông thôn mới nâng cao\n"
        "Hồng Phong,Cao Lộc,2023,NTM kiểu mẫu\n");
    const TableImportResult r = import_table(path, ds, {});
    EXPECT_EQ(r.preview.kind, TableKind::Recognitions);
    ASSERT_EQ(r.recognitions.size(), 3u);
    EXPECT_EQ(r.recognitions[0].unit_code, "06379");
    EXPECT_EQ(r.recognitions[0].level, Level::Standard);
    EXPECT_EQ(r.recognitions[0].year, 2019);
    EXPECT_EQ(r.recognitions[0].date, Date::from_ymd(2019, 12, 31));
    EXPECT_EQ(r.recognitions[1].level, Level::Advanced);
    EXPECT_EQ(r.recognitions[2].unit_code, "06205");
    EXPECT_EQ(r.recognitions[2].level, Level::Model);
    ASSERT_EQ(r.preview.warnings.size(), 1u);
    EXPECT_EQ(r.preview.warnings[0], path + ": no date column nor a date in the title; each recognition dated the last "
                                            "day of its year (column Năm đạt chuẩn), give --date to set one");
}

// The dialog's way: preview, change the mapping, import, merge into the open dataset.
TEST_F(Annexes, MappingOverrideAndMerge) {
    const std::string path = write_text(dir + "/m.csv",
                                        "KẾT QUẢ GIAI ĐOẠN 2021-2025, NĂM 2023\n"
                                        "Xã,Huyện,Cột A,Cột B\n"
                                        "Tân Thành,Cao Lộc,x,\n"
                                        "Tân Thành,Bắc Sơn,x,x\n");
    const TablePreview p = preview_table(path, ds, {});
    EXPECT_EQ(*p.date, Date::from_ymd(2023, 12, 31)) << p.date_from;
    ASSERT_FALSE(p.errors.empty());  // no criterion columns the reader could tell
    EXPECT_EQ(p.errors[0], path + ": no criterion columns (name them 1..19, TC1..TC19 or Tiêu chí 1..19)");
    TableImportOptions o;
    o.kind = TableKind::Attainment;
    o.mapping = p.detected;
    o.mapping->criteria = {{2, 6}, {3, 7}};
    const TableImportResult r = import_table(path, ds, o);
    EXPECT_EQ(met_per_unit(r.observations), (std::map<std::string, int>{{"06250", 1}, {"06379", 2}}));
    ASSERT_EQ(r.observations.size(), 4u);
    EXPECT_EQ(r.observations[0].criterion, 6);
    // A column the table does not have is refused, not read.
    o.mapping->criteria = {{9, 1}};
    EXPECT_EQ(error_of([&] { import_table(path, ds, o); }),
              path + ": the column mapping names column 10 of 4 for criterion 1");

    Dataset open = ds;
    open.observations.push_back({"06250", 6, true, Date::from_ymd(2023, 12, 31), "old", "", ""});
    open.observations.push_back({"06250", 6, true, Date::from_ymd(2022, 12, 31), "older", "", ""});
    EXPECT_EQ(merge_import(open, r), 4u);
    ASSERT_EQ(open.observations.size(), 5u);  // the same unit, criterion and date replaced
    EXPECT_EQ(open.observations[0].source, "older");
}

// A workbook whose first sheet is instructions: the annex is found on the second.
TEST_F(Annexes, HeaderOnAnotherSheet) {
    const std::string path = dir + "/two.xlsx";
    lxw_workbook* wb = workbook_new(path.c_str());
    lxw_worksheet* help = workbook_add_worksheet(wb, "Hướng dẫn");
    worksheet_write_string(help, 0, 0, "Điền x vào tiêu chí đạt.", nullptr);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Biểu 01");
    worksheet_write_string(ws, 0, 0, "KẾT QUẢ NĂM 2024", nullptr);
    const char* header[] = {"STT", "Đơn vị", "TC1", "TC2"};
    for (int c = 0; c < 4; ++c) worksheet_write_string(ws, 1, c, header[c], nullptr);
    worksheet_write_number(ws, 2, 0, 1, nullptr);
    worksheet_write_string(ws, 2, 1, "Xã Mai Pha", nullptr);
    worksheet_write_string(ws, 2, 2, "x", nullptr);
    ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
    const TableImportResult r = import_table(path, ds, {});
    EXPECT_EQ(r.preview.sheet, "Biểu 01");
    EXPECT_EQ(r.preview.header_lines, (std::vector<int>{2}));
    EXPECT_EQ(met_per_unit(r.observations), (std::map<std::string, int>{{"06184", 1}}));
}

// A summary by district on the first sheet (it has a header: Huyện, Số xã) and the communes'
// annex on the second: the second is read, and the first said to be left.
TEST_F(Annexes, SummarySheetFirstThenTheAnnex) {
    const std::string path = dir + "/summary_first.xlsx";
    lxw_workbook* wb = workbook_new(path.c_str());
    lxw_worksheet* sum = workbook_add_worksheet(wb, "Tong hop");
    const char* sum_header[] = {"STT", "Huyện", "Số xã", "Số xã đạt chuẩn"};
    for (int c = 0; c < 4; ++c) worksheet_write_string(sum, 0, c, sum_header[c], nullptr);
    worksheet_write_string(sum, 1, 1, "Huyện Văn Lãng", nullptr);
    worksheet_write_number(sum, 1, 2, 2, nullptr);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Chi tiet xa");
    worksheet_write_string(ws, 0, 0, "KẾT QUẢ NĂM 2024", nullptr);
    const char* header[] = {"STT", "Đơn vị", "TC1", "TC2"};
    for (int c = 0; c < 4; ++c) worksheet_write_string(ws, 1, c, header[c], nullptr);
    worksheet_write_string(ws, 2, 1, "Xã Mai Pha", nullptr);
    worksheet_write_string(ws, 2, 2, "x", nullptr);
    ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
    const TableImportResult r = import_table(path, ds, {});
    EXPECT_EQ(r.preview.sheet, "Chi tiet xa");
    EXPECT_EQ(met_per_unit(r.observations), (std::map<std::string, int>{{"06184", 1}}));
    ASSERT_FALSE(r.preview.warnings.empty());
    EXPECT_EQ(r.preview.warnings.front().rfind(path + ": sheet 'Tong hop' is not read: ", 0), 0u) << r.preview.warnings.front();
}

// Layouts of other offices: "2. Tràng Định" and "UBND huyện Cao Lộc" headings, a note in brackets
// after a name ("Mai Pha (xã biên giới)"), "P Chi Lăng" for the phường, marks √, + and
// "Hoàn thành", last year's count and the criteria missed beside the total (neither is the
// total), and "NGƯỜI LẬP BIỂU" merged over STT and Mã xã (in the code column).
TEST_F(Annexes, HeadingsMarksAndCountsOfOtherOffices) {
    const std::string path = write_text(
        dir + "/other.csv",
        "BIỂU TỔNG HỢP (tính đến ngày 30/6/2024);;;;;;;;\n"
        "STT;Mã xã;Tên xã;Số tiêu chí đạt năm 2023;Số tiêu chí chưa đạt;TC1;TC2;TC3;Tổng số tiêu chí đạt\n"
        ";;1. Thành phố Lạng Sơn;;;;;;\n"
        "1;;Mai Pha (xã biên giới);0;1;√;√;;2\n"
        "2;;P Chi Lăng;;;x;;;1\n"
        ";;2. Tràng Định;;;;;;\n"
        "1;;Chi Lăng;1;2;√;;;1\n"
        ";;UBND huyện Cao Lộc;;;;;;\n"
        "1;;Tân Thành;2;0;+;Hoàn thành;√;3\n"
        "2;;Hồng Phong;1;2;+;-;Chưa hoàn thành;1\n"
        ";NGƯỜI LẬP BIỂU;;;;;;;\n");
    const TableImportResult r = import_table(path, ds, {});
    EXPECT_EQ(met_per_unit(r.observations), (std::map<std::string, int>{
                                                 {"06184", 2}, {"05983", 1}, {"06034", 1}, {"06250", 3}, {"06205", 1}}));
    EXPECT_EQ(r.preview.mapping.total, 8);
    EXPECT_EQ(r.preview.skipped.heading, 3);
    EXPECT_EQ(r.preview.skipped.signature, 1);
    for (const std::string& w : r.preview.warnings) EXPECT_EQ(w.find("the marks give"), std::string::npos) << w;
    EXPECT_EQ(cells::parse_mark("√"), 1);
    EXPECT_EQ(cells::parse_mark("Chưa hoàn thành"), 0);
}

// Each criterion over an "Đạt" | "Chưa đạt" pair (the "Đạt" column read, its twin left out); a row
// of "0" marks is a row filled with "not met", not a blank one.
TEST_F(Annexes, MetAndNotMetColumnPairsAndRowsOfZeros) {
    const std::string path = dir + "/pairs.xlsx";
    write_xlsx(path,
               {{"KẾT QUẢ (Tính đến ngày 30/6/2024)"},
                {"STT", "Tên xã", "Tiêu chí 1", "", "Tiêu chí 2", "", "Tổng số tiêu chí đạt"},
                {"", "", "Đạt", "Chưa đạt", "Đạt", "Chưa đạt", ""},
                {"1", "Xã Mai Pha", "x", "", "", "x", "1"},
                {"2", "Xã Hồng Thái", "x", "", "x", "", "2"}},
               {{1, 2, 1, 3}, {1, 4, 1, 5}});
    const TableImportResult r = import_table(path, ds, {});
    EXPECT_EQ(r.preview.mapping.criteria, (std::vector<std::pair<int, int>>{{2, 1}, {4, 2}}));  // (column, criterion)
    EXPECT_EQ(met_per_unit(r.observations), (std::map<std::string, int>{{"06184", 1}, {"06175", 2}}));
    const std::string zeros = write_text(dir + "/zeros.csv",
                                         "KẾT QUẢ (tính đến ngày 30/6/2024)\nSTT,Đơn vị,TC1,TC2,Tổng số tiêu chí đạt\n"
                                         "1,Xã Mai Pha,0,0,\n2,Xã Hồng Thái,1,1,\n");
    const TableImportResult z = import_table(zeros, ds, {});
    EXPECT_EQ(met_per_unit(z.observations), (std::map<std::string, int>{{"06184", 0}, {"06175", 2}}));
    EXPECT_TRUE(z.preview.warnings.empty()) << z.preview.warnings.front();
}

// The criteria under the groups of the set ("I. QUY HOẠCH" over "TC 1 - Quy hoạch"), a total
// with a decimal comma ("2,00", not 200), and "1,000" still a thousand.
TEST_F(Annexes, CriteriaUnderGroupRowsAndDecimalCommaTotals) {
    const std::string path = dir + "/groups.xlsx";
    write_xlsx(path,
               {{"KẾT QUẢ (Tính đến ngày 30/6/2024)"},
                {"STT", "Tên xã", "I. QUY HOẠCH", "II. HẠ TẦNG KINH TẾ - XÃ HỘI", "", "Tổng số tiêu chí đạt"},
                {"", "", "TC 1 - Quy hoạch", "TC 2 - Giao thông", "TC 3 - Thủy lợi", ""},
                {"1", "Xã Mai Pha", "x", "", "x", "2,00"},
                {"2", "Xã Hồng Thái", "x", "x", "x", "3,00"}},
               {{1, 3, 1, 4}});
    const TableImportResult r = import_table(path, ds, {});
    EXPECT_EQ(r.preview.mapping.criteria, (std::vector<std::pair<int, int>>{{2, 1}, {3, 2}, {4, 3}}));
    EXPECT_EQ(met_per_unit(r.observations), (std::map<std::string, int>{{"06184", 2}, {"06175", 3}}));
    for (const std::string& w : r.preview.warnings) EXPECT_EQ(w.find("the marks give"), std::string::npos) << w;
    EXPECT_EQ(cells::strip_decimal_zeros("15,00"), "15");
    EXPECT_EQ(cells::strip_decimal_zeros("1,000"), "1,000");
    EXPECT_EQ(cells::parse_count("1,000"), 1000);
}

// A recognitions list grouped under "Năm 2018" heading rows (the year each is for), headed
// "Thuộc huyện" and "Mức", and one with the decision's number and day in one cell.
TEST_F(Annexes, RecognitionsUnderYearHeadings) {
    const std::string path = write_text(
        dir + "/years.csv",
        "DANH SÁCH CÁC XÃ ĐẠT CHUẨN NÔNG THÔN MỚI QUA CÁC NĂM,,,,,\n"
        "STT,Tên xã,Thuộc huyện,Quyết định số,Ngày,Mức\n"
        "I,Năm 2018,,,,\n"
        "1,Xã Tân Thành,Huyện Bắc Sơn,2165/QĐ-UBND,31/10/2018,Đạt chuẩn\n"
        "II,Năm 2022,,,,\n"
        "1,Xã Chi Lăng,Huyện Tràng Định,99/QĐ-UBND,26/01/2023,Nâng cao\n");
    TableImportOptions o;
    o.kind = TableKind::Recognitions;
    const TableImportResult r = import_table(path, ds, o);
    ASSERT_EQ(r.recognitions.size(), 2u);
    EXPECT_EQ(r.recognitions[0].unit_code, "06379");
    EXPECT_EQ(r.recognitions[0].level, Level::Standard);
    EXPECT_EQ(r.recognitions[0].year, 2018);
    EXPECT_EQ(r.recognitions[1].unit_code, "06034");
    EXPECT_EQ(r.recognitions[1].level, Level::Advanced);
    EXPECT_EQ(r.recognitions[1].year, 2022);
    EXPECT_EQ(r.recognitions[1].date, Date::from_ymd(2023, 1, 26));
    const std::string one = write_text(dir + "/one.csv",
                                       "Xã,Huyện,\"Số, ngày quyết định công nhận\",Mức độ đạt chuẩn\n"
                                       "Mai Pha,Thành phố Lạng Sơn,\"99/QĐ-UBND, 26/01/2023\",NTM nâng cao\n");
    const TableImportResult c = import_table(one, ds, o);
    ASSERT_EQ(c.recognitions.size(), 1u);
    EXPECT_EQ(c.recognitions[0].decision, "99/QĐ-UBND, 26/01/2023");
    EXPECT_EQ(c.recognitions[0].date, Date::from_ymd(2023, 1, 26));
    EXPECT_EQ(c.recognitions[0].level, Level::Advanced);
}

// An events plan: periods in the date cell ("Từ 15-17/4/2024", "Tháng 5/2024", "Quý III/2024"),
// kinds from the titles when there is no kind column, a unit's district after it in brackets or
// a dash; a row whose unit does not match is left out whole under --skip-unmatched.
TEST_F(Annexes, EventsPlanWithPeriodsAndDistrictsBesideUnits) {
    const std::string path = write_text(
        dir + "/plan.csv",
        "Thời gian,Nội dung công việc,Địa bàn,Đơn vị chủ trì\n"
        "Tháng 4/2024,,,\n"
        "Từ 15-17/4/2024,Thẩm định hồ sơ xã,Xã Tân Thành (Bắc Sơn),Sở Nông nghiệp\n"
        "Tháng 5/2024,Tập huấn cán bộ xã,Xã Tân Thành - Hữu Lũng,VPĐP\n"
        "Quý III/2024,\"Kiểm tra, đánh giá\",Xã Mai Pha,HĐND tỉnh\n"
        "20/8/2024,Hội nghị sơ kết,Xã Không Có,VPĐP\n");
    TableImportOptions o;
    o.kind = TableKind::Events;
    o.skip_unmatched = true;
    const TableImportResult r = import_table(path, ds, o);
    ASSERT_EQ(r.events.size(), 3u);
    EXPECT_EQ(r.preview.matched, 3);
    EXPECT_EQ(r.preview.unmatched.size(), 1u);
    EXPECT_EQ(r.events[0].start, Date::from_ymd(2024, 4, 15));
    EXPECT_EQ(r.events[0].end, Date::from_ymd(2024, 4, 17));
    EXPECT_EQ(r.events[0].kind, EventKind::Inspection);
    EXPECT_EQ(r.events[0].unit_codes, (std::vector<std::string>{"06379"}));
    EXPECT_EQ(r.events[0].title, "Thẩm định hồ sơ xã");
    EXPECT_EQ(r.preview.skipped.heading, 1);  // "Tháng 4/2024" alone heads the month's rows
    // A xã and a thị trấn of one name in the row's district: the kind is what is missing.
    const std::string both = write_text(dir + "/both.csv", "Ngày,Xã,Huyện,Nội dung\n12/3/2024,Chi Lăng,Chi Lăng,Kiểm tra\n");
    const TablePreview b = preview_table(both, ds, o);
    ASSERT_EQ(b.unmatched.size(), 1u);
    EXPECT_EQ(b.unmatched[0].reason, "2 units of that name in Huyện Chi Lăng (boundary version '2020'); write the kind "
                                     "before the name (Xã, Phường, Thị trấn)");
    EXPECT_EQ(r.events[1].start, Date::from_ymd(2024, 5, 1));
    EXPECT_EQ(r.events[1].end, Date::from_ymd(2024, 5, 31));
    EXPECT_EQ(r.events[1].kind, EventKind::Training);
    EXPECT_EQ(r.events[1].unit_codes, (std::vector<std::string>{"06442"}));
    EXPECT_EQ(r.events[2].start, Date::from_ymd(2024, 7, 1));
    EXPECT_EQ(r.events[2].end, Date::from_ymd(2024, 9, 30));
    EXPECT_EQ(r.events[2].kind, EventKind::Inspection);
    EXPECT_EQ(r.preview.warnings.back(), path + ": no kind column; 4 of 4 events take their kind from the title's "
                                                "first words, the others are 'other'");
}

// --- The template, written and read back ---------------------------------------------------

// Fills the template's marks: the i-th unit meets `count(i)` criteria (the first ones), and
// writes the same layout (merges included) back with libxlsxwriter.
std::map<std::string, int> fill_template(const std::string& in, const std::string& out, const Dataset& ds, Date date,
                                         const std::function<int(int)>& count) {
    const TextGrid g = read_text_grid(in);
    std::vector<std::vector<std::string>> rows(g.lines.back());
    for (size_t r = 0; r < g.rows.size(); ++r) rows[g.lines[r] - 1] = g.rows[r];
    const int n = ds.criteria_on(date).size();
    std::map<std::string, int> expected;
    std::vector<Merge> merges = {{4, 0, 5, 0}, {4, 1, 5, 1}, {4, 2, 4, 1 + n}, {4, 2 + n, 5, 2 + n}, {4, 3 + n, 5, 3 + n}};
    int unit = 0;
    const int version = ds.version_on(date);
    std::vector<int> units;
    for (size_t i = 0; i < ds.units.size(); ++i)
        if (ds.units[i].version == version) units.push_back(static_cast<int>(i));
    for (size_t r = 6; r < rows.size(); ++r) {
        auto& row = rows[r];
        row.resize(4 + n);
        if (row[1].empty() || row[0].empty() || row[1] == "Ghi chú: đánh dấu x vào tiêu chí đạt; để trống tiêu chí chưa đạt.")
            continue;
        if (row[0].find('.') != std::string::npos || row[0] == "Tổng cộng") continue;
        const int met = count(unit++);
        for (int c = 0; c < n; ++c) row[2 + c] = c < met ? "x" : "";
        // The unit of the row: by its full name, in row order among the units in force.
        for (int u : units)
            if (ds.units[u].full_name() == row[1] && !expected.count(ds.units[u].code)) {
                expected[ds.units[u].code] = met;
                break;
            }
    }
    write_xlsx(out, rows, merges);
    return expected;
}

// A table of a date no boundary version covers is not matched by name against units of
// another time (many communes of July 2025 bear the name of one they were formed from).
TEST_F(Annexes, TableOutsideEveryVersionIsRefused) {
    const std::string late = write_text(dir + "/late.csv", "Tên xã,Ngày,TC1\nXã Tân Thành,30/06/2026,x\n");
    EXPECT_EQ(error_of([&] { import_table(late, ds, {}); }),
              late + ": the table's date 2026-06-30 is after the units of boundary version '2020' (in force until "
                     "2025-06-30); add the boundaries in force on that date first (import --boundaries FILE)");
    Dataset undated = ds;
    undated.versions[0].valid_to.reset();  // districts: until 30/06/2025 all the same
    EXPECT_EQ(preview_table(late, undated, {}).errors,
              std::vector<std::string>{late + ": the table's date 2026-06-30 is after the units of boundary version '2020' "
                                              "(in force until 2025-06-30: it has a district level); add the boundaries in "
                                              "force on that date first (import --boundaries FILE)"});
    Dataset modern = ds;
    modern.versions[0] = BoundaryVersion{"2025-07", "từ 01/07/2025", Date::from_ymd(2025, 7, 1), {}, Grouping::None};
    const std::string early = write_text(dir + "/early.csv", "Tên xã,Ngày,TC1\nXã Tân Thành,31/12/2024,x\n");
    EXPECT_EQ(error_of([&] { import_table(early, modern, {}); }),
              early + ": the table's date 2024-12-31 is before the units of boundary version '2025-07' (in force from "
                      "2025-07-01); add the boundaries in force on that date first (import --boundaries FILE)");
    // Within the period: read as before.
    const std::string ok = write_text(dir + "/ok.csv", "Tên xã,Ngày,TC1\nXã Tân Thành,31/12/2024,x\n");
    EXPECT_TRUE(preview_table(ok, undated, {}).errors.empty());
}

// The dialog leaves the rows' numbers out of its criteria columns.
TEST(AnnexHeaders, RowNumberColumns) {
    for (const char* h : {"STT", "TT", "Số TT", "Số thứ tự", "stt"}) EXPECT_TRUE(is_row_number_header(h)) << h;
    for (const char* h : {"TC1", "1", "Tiêu chí 1", "Tổng số tiêu chí đạt", "Mã xã", "Đơn vị", "Ghi chú"})
        EXPECT_FALSE(is_row_number_header(h)) << h;
}

TEST_F(Annexes, TemplateRoundTrip) {
    const Date date = Date::from_ymd(2024, 12, 31);
    const AnnexTemplateSummary s = write_annex_template(dir + "/blank.xlsx", ds, date);
    EXPECT_EQ(s.units, 12);
    EXPECT_EQ(s.districts, 8);
    EXPECT_EQ(s.criteria, 19);
    EXPECT_EQ(s.criteria_set, "2021-2025");
    // Blank, its layout reads back whole, but it is refused: not a single mark or total, so
    // importing it would paint every unit at 0 criteria met.
    const TablePreview blank = preview_table(dir + "/blank.xlsx", ds, {});
    EXPECT_EQ(blank.rows_read, 12);
    EXPECT_EQ(blank.matched, 12);
    EXPECT_EQ(*blank.date, date);
    EXPECT_EQ(blank.skipped.heading, 8);
    EXPECT_EQ(blank.skipped.total, 1);
    EXPECT_EQ(blank.skipped.note, 1);
    EXPECT_EQ(blank.skipped.signature, 3);
    EXPECT_EQ(error_of([&] { import_table(dir + "/blank.xlsx", ds, {}); }),
              dir + "/blank.xlsx: no unit's row has a mark or a total — an unfilled template? Nothing imported "
                    "(mark met criteria with x, 1, Đạt or ✓)");
    // One row with a total of 0 is a real answer: the table is filled.
    const std::string zero = write_text(dir + "/zero.csv", "Mã xã,Ngày,TC1,TC2,Tổng số tiêu chí đạt\n" + ds.units[0].code +
                                                               ",31/12/2024,,,0\n" + ds.units[1].code + ",31/12/2024,,,\n");
    const TableImportResult z = import_table(zero, ds, {});
    EXPECT_EQ(z.observations.size(), 4u);
    for (const Observation& o : z.observations) EXPECT_FALSE(o.met);
    // The other row says nothing at all: read as none met, and said.
    EXPECT_EQ(z.preview.warnings, std::vector<std::string>{zero + ": 1 row has no mark and no total (row 3): read as no "
                                                                  "criterion met (write 0 in the total to say so)"});

    const auto expected = fill_template(dir + "/blank.xlsx", dir + "/filled.xlsx", ds, date, [](int i) { return (i * 7) % 20; });
    ASSERT_EQ(expected.size(), 12u);
    const TableImportResult r = import_table(dir + "/filled.xlsx", ds, {});
    const auto met = met_per_unit(r.observations);
    EXPECT_EQ(met, expected);
    const CriteriaSet& set = ds.criteria_on(date);
    EXPECT_EQ(per_band(set, met), per_band(set, expected));
    // An existing file is replaced only by a complete one; a bad path leaves no file behind.
    EXPECT_NE(error_of([&] { write_annex_template(dir + "/no/such/dir/t.xlsx", ds, date); }), "(no error)");
    EXPECT_FALSE(std::filesystem::exists(dir + "/no"));
}

// The real 2025 units of Lạng Sơn (65, no districts) on the 2026–2030 set (10 criteria).
TEST_F(Annexes, TemplateRoundTripOnReal2025Units) {
    NTM_REQUIRE_SHARED(list, "units/langson_units_2025-07.csv");
    Dataset real;
    real.units = read_unit_list(list);
    real.versions = {BoundaryVersion{"2025-07", "Đơn vị hành chính từ 01/07/2025", Date::from_ymd(2025, 7, 1), {}, Grouping::None}};
    real.reindex();
    ASSERT_EQ(real.units.size(), 65u);
    const Date date = Date::from_ymd(2026, 6, 30);
    const AnnexTemplateSummary s = write_annex_template(dir + "/real.xlsx", real, date);
    EXPECT_EQ(s.units, 65);
    EXPECT_EQ(s.districts, 0);
    EXPECT_EQ(s.criteria, 10);
    EXPECT_EQ(s.criteria_set, "2026-2030");
    const auto expected = fill_template(dir + "/real.xlsx", dir + "/real_filled.xlsx", real, date, [](int i) { return (i * 3) % 11; });
    ASSERT_EQ(expected.size(), 65u);
    const TableImportResult r = import_table(dir + "/real_filled.xlsx", real, {});
    EXPECT_EQ(r.preview.version_id, "2025-07");
    EXPECT_EQ(r.preview.matched, 65);
    const auto met = met_per_unit(r.observations);
    EXPECT_EQ(met, expected);
    const CriteriaSet& set = real.criteria_on(date);
    EXPECT_EQ(per_band(set, met), per_band(set, expected));
}

// The 194 units of March 2025 in 11 districts: the template lists them under their districts,
// and a table dated before July 2025 is matched against that version, after against the other.
TEST_F(Annexes, VersionOfTheTableDate) {
    NTM_REQUIRE_SHARED(before, "units/langson_units_2025-03.csv");
    NTM_REQUIRE_SHARED(after, "units/langson_units_2025-07.csv");
    Dataset two;
    two.versions = {BoundaryVersion{"2025-03", "trước 01/07/2025", {}, Date::from_ymd(2025, 6, 30), Grouping::District},
                    BoundaryVersion{"2025-07", "từ 01/07/2025", Date::from_ymd(2025, 7, 1), {}, Grouping::None}};
    for (Unit u : read_unit_list(before)) two.units.push_back(u);
    for (Unit u : read_unit_list(after)) {
        u.version = 1;
        two.units.push_back(u);
    }
    two.reindex();
    const AnnexTemplateSummary s = write_annex_template(dir + "/old.xlsx", two, Date::from_ymd(2024, 12, 31));
    EXPECT_EQ(s.units, 194);
    EXPECT_EQ(s.districts, 11);
    const TablePreview p = preview_table(dir + "/old.xlsx", two, {});
    EXPECT_EQ(p.version_id, "2025-03");
    EXPECT_EQ(p.matched, 194);
    EXPECT_TRUE(p.unmatched.empty()) << p.unmatched.front().message();
    // A unit of 2024 in a table dated after the reform: not linked to a namesake, reported.
    const std::string late = write_text(dir + "/late.csv", "Tên xã,Ngày,TC1\nXã Mai Pha,30/09/2025,x\n"
                                                           "Xã Quý Hòa,30/09/2025,x\nXã Thụy Hùng,30/09/2025,x\n");
    const TablePreview q = preview_table(late, two, {});
    EXPECT_EQ(q.version_id, "2025-07");
    ASSERT_EQ(q.unmatched.size(), 1u);
    EXPECT_EQ(q.unmatched[0].line, 2);
    EXPECT_EQ(q.unmatched[0].reason, "no unit of that name in boundary version '2025-07'");
    // The list of July 2025 writes "Quý Hoà" and "Thuỵ Hùng" (old tone placement): the same names.
    EXPECT_EQ(q.matched, 2);
}

// Group headings named without their type word after a roman numeral or a letter ("I. Cao
// Lộc"); in a national file the groups are provinces (vn_communes_2025: Xã Phú Tân is a xã of
// An Giang, 30406, and of Cà Mau, 32218).
TEST_F(Annexes, LetteredHeadingsAndProvinces) {
    const std::string path = write_text(dir + "/l.csv",
                                        "NĂM 2024\nSTT,Đơn vị,TC1\nI. Cao Lộc,,\n1,Tân Thành,x\n"
                                        "II,Hữu Lũng,\n1,Tân Thành,\n");
    const TableImportResult r = import_table(path, ds, {});
    EXPECT_EQ(met_per_unit(r.observations), (std::map<std::string, int>{{"06250", 1}, {"06442", 0}}));
    EXPECT_EQ(r.preview.skipped.heading, 2);

    Dataset national;
    national.versions = {BoundaryVersion{"2025", "", {}, {}, Grouping::Province}};
    for (const auto& [code, province] : {std::pair<const char*, const char*>{"30406", "An Giang"}, {"32218", "Cà Mau"}}) {
        Unit u;
        u.code = code;
        u.name = "Phú Tân";
        u.kind = UnitKind::Xa;
        u.district_name = province;
        u.search_key = fold_search_key(u.name);
        national.units.push_back(u);
    }
    national.reindex();
    const Date date = Date::from_ymd(2026, 6, 30);
    const AnnexTemplateSummary s = write_annex_template(dir + "/vn.xlsx", national, date);
    EXPECT_EQ(s.districts, 2);
    const auto expected = fill_template(dir + "/vn.xlsx", dir + "/vn_filled.xlsx", national, date, [](int i) { return 3 + i; });
    const TableImportResult v = import_table(dir + "/vn_filled.xlsx", national, {});
    EXPECT_TRUE(v.preview.unmatched.empty()) << v.preview.unmatched.front().message();
    EXPECT_EQ(met_per_unit(v.observations), (std::map<std::string, int>{{"30406", 3}, {"32218", 4}}));
}

}  // namespace
}  // namespace ntm::io
