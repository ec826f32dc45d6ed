#include "io/tables.h"
#include "io/table_import.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>

#include "core/error.h"
#include "core/text.h"
#include "io/gdal_session.h"
#include "support/test_support.h"

namespace ntm::io {
namespace {

Dataset tables_dataset() {
    Dataset ds;
    const auto add = [&](const char* code, const char* name, UnitKind kind, const char* dcode,
                         const char* dname) {
        Unit u;
        u.code = code;
        u.name = name;
        u.kind = kind;
        u.district_code = dcode;
        u.district_name = dname;
        u.search_key = fold_search_key(name);
        ds.units.push_back(u);
    };
    add("06184", "Mai Pha", UnitKind::Xa, "178", "Thành phố Lạng Sơn");
    add("06187", "Hoàng Đồng", UnitKind::Xa, "178", "Thành phố Lạng Sơn");
    add("05971", "Đồng Đăng", UnitKind::ThiTran, "180", "Huyện Cao Lộc");
    add("05977", "Thụy Hùng", UnitKind::Xa, "180", "Huyện Cao Lộc");
    ds.reindex();
    return ds;
}

std::string write_text(const std::string& dir, const std::string& name, const std::string& text) {
    const std::string path = dir + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

// The message of the ntm::Error `f` throws, or "(no error)".
std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

const Observation* find_obs(const std::vector<Observation>& obs, const std::string& code,
                            int criterion, Date date) {
    for (const Observation& o : obs)
        if (o.unit_code == code && o.criterion == criterion && o.date == date) return &o;
    return nullptr;
}

int met_count(const std::vector<Observation>& obs, const std::string& code, Date date) {
    return static_cast<int>(std::count_if(obs.begin(), obs.end(), [&](const Observation& o) {
        return o.unit_code == code && o.date == date && o.met;
    }));
}

// A header "ma_xa,ngay,<prefix>1..<prefix>19" joined with `sep`.
std::string wide_header(const std::string& first, const std::string& prefix, char sep) {
    std::string h = first;
    for (int i = 1; i <= 19; ++i) h += sep + prefix + std::to_string(i);
    return h + "\n";
}

struct SheetColumn {
    std::string name;
    OGRFieldType type;
};

// Writes one table through a GDAL driver ("XLSX", "ODS", "GPKG"); "" cells stay unset.
void write_sheet(const std::string& path, const char* driver_name,
                 const std::vector<SheetColumn>& columns,
                 const std::vector<std::vector<std::string>>& rows) {
    ensure_gdal();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
    ASSERT_NE(driver, nullptr);
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_TRUE(ds);
    OGRLayer* layer = ds->CreateLayer("Sheet1", nullptr, wkbNone, nullptr);
    ASSERT_NE(layer, nullptr);
    for (const SheetColumn& c : columns) {
        OGRFieldDefn f(c.name.c_str(), c.type);
        ASSERT_EQ(layer->CreateField(&f), OGRERR_NONE);
    }
    for (const auto& row : rows) {
        OGRFeature feature(layer->GetLayerDefn());
        for (size_t i = 0; i < row.size(); ++i) {
            if (row[i].empty()) continue;
            const int f = static_cast<int>(i);
            if (columns[i].type == OFTInteger) {
                feature.SetField(f, std::stoi(row[i]));
            } else if (columns[i].type == OFTDate) {
                const Date d = *parse_date(row[i]);
                feature.SetField(f, d.year(), d.month(), d.day());
            } else {
                feature.SetField(f, row[i].c_str());
            }
        }
        ASSERT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
    }
}

class Tables : public ::testing::Test {
protected:
    void SetUp() override { dir = test::temp_dir("tables"); }
    void TearDown() override {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    std::string write(const std::string& name, const std::string& text) {
        return write_text(dir, name, text);
    }
    std::string dir;
    Dataset ds = tables_dataset();
    const Date d2020 = Date::from_ymd(2020, 7, 31);
    const Date d2021 = Date::from_ymd(2021, 12, 15);
};

// --- Attainment: wide form ------------------------------------------------------------------

TEST_F(Tables, WideCsvWithMixedMarks) {
    std::string csv = wide_header("Mã xã,Tên xã,Ngày đánh giá,Nguồn", "TC", ',');
    // 06184: criteria 1-4 met by x, 1, Đạt and ✓, criteria 5-19 blank.
    csv += " 06184 ,Mai Pha,2020-07-31,Báo cáo 2020,x,1,Đạt,✓,,,,,,,,,,,,,,,\n";
    // 06187: all met with assorted marks, except 19 written "0" and 18 "chưa đạt".
    csv += "06187,Hoàng Đồng,31/7/2020,,X,1,đạt,✔,v,yes,có,true,DAT,dat,x,x,x,x,x,x,x,chưa đạt,0\n";
    // 06184 again on a later date, every criterion met.
    csv += "06184,Mai Pha,15/12/2021,Báo cáo 2021";
    for (int i = 0; i < 19; ++i) csv += ",x";
    csv += "\n";
    const std::string path = write("wide.csv", csv);

    const std::vector<Observation> obs = read_attainment_table(path, ds);
    ASSERT_EQ(obs.size(), 3u * 19u);
    EXPECT_EQ(met_count(obs, "06184", d2020), 4);
    EXPECT_EQ(met_count(obs, "06187", d2020), 17);
    EXPECT_EQ(met_count(obs, "06184", d2021), 19);
    ASSERT_NE(find_obs(obs, "06184", 4, d2020), nullptr);
    EXPECT_TRUE(find_obs(obs, "06184", 4, d2020)->met);
    EXPECT_FALSE(find_obs(obs, "06184", 5, d2020)->met);
    EXPECT_FALSE(find_obs(obs, "06187", 18, d2020)->met);
    EXPECT_FALSE(find_obs(obs, "06187", 19, d2020)->met);
    EXPECT_TRUE(find_obs(obs, "06187", 17, d2020)->met);
    // Row order, then criteria ascending.
    EXPECT_EQ(obs[0].unit_code, "06184");
    EXPECT_EQ(obs[0].criterion, 1);
    EXPECT_EQ(obs[18].criterion, 19);
    EXPECT_EQ(obs[0].source, "Báo cáo 2020");
    EXPECT_EQ(find_obs(obs, "06187", 1, d2020)->source, "wide.csv");  // blank source: the file
}

TEST_F(Tables, SemicolonCsvWithBomAndUnpaddedCodes) {
    std::string csv = "\xEF\xBB\xBF" + wide_header("ma_xa;ngay", "Tiêu chí ", ';');
    csv += "6184;31/7/2020";
    for (int i = 1; i <= 19; ++i) csv += std::string(";") + (i <= 15 ? " Đạt " : "Chưa đạt");
    csv += "\n5977;1/8/2020";
    for (int i = 1; i <= 19; ++i) csv += std::string(";") + (i % 2 ? "x" : "");
    csv += "\n";
    const std::string path = write("semicolon.csv", csv);

    const std::vector<Observation> obs = read_attainment_table(path, ds);
    ASSERT_EQ(obs.size(), 38u);
    EXPECT_EQ(met_count(obs, "06184", d2020), 15);
    EXPECT_EQ(met_count(obs, "05977", Date::from_ymd(2020, 8, 1)), 10);
    EXPECT_TRUE(find_obs(obs, "06184", 15, d2020)->met);
    EXPECT_FALSE(find_obs(obs, "06184", 16, d2020)->met);
}

TEST_F(Tables, CriterionColumnNameVariants) {
    const std::string path = write(
        "variants.csv",
        "ma_dvhc,date,source,1,TC 2,tc_03,Tiêu chí 4,tieu_chi_5,criterion_6,C7,TC08,Ghi chú 2\n"
        "06184,2020-07-31,s,x,x,,x,,x,x,,note\n");
    const std::vector<Observation> obs = read_attainment_table(path, ds);
    ASSERT_EQ(obs.size(), 8u);
    for (int i = 0; i < 8; ++i) EXPECT_EQ(obs[i].criterion, i + 1);
    EXPECT_EQ(met_count(obs, "06184", d2020), 5);
    EXPECT_FALSE(find_obs(obs, "06184", 3, d2020)->met);
    EXPECT_TRUE(find_obs(obs, "06184", 7, d2020)->met);
}

TEST_F(Tables, XlsxWideWithNumericCodesAndDateCells) {
    const std::string path = dir + "/wide.xlsx";
    std::vector<SheetColumn> columns = {{"ma_xa", OFTInteger}, {"ngay_danh_gia", OFTDate}};
    for (int i = 1; i <= 19; ++i)
        columns.push_back({"TC" + std::to_string(i), i <= 10 ? OFTInteger : OFTString});
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> a = {"6184", "2020-07-31"}, b = {"6187", "2021-12-15"};
    for (int i = 1; i <= 19; ++i) {
        a.push_back(i <= 10 ? (i <= 6 ? "1" : "0") : (i <= 12 ? "x" : ""));
        b.push_back(i <= 10 ? "1" : "Đạt");
    }
    rows.push_back(a);
    rows.push_back(b);
    write_sheet(path, "XLSX", columns, rows);

    const std::vector<Observation> obs = read_attainment_table(path, ds);
    ASSERT_EQ(obs.size(), 38u);
    EXPECT_EQ(met_count(obs, "06184", d2020), 8);
    EXPECT_EQ(met_count(obs, "06187", d2021), 19);
    EXPECT_TRUE(find_obs(obs, "06184", 6, d2020)->met);
    EXPECT_FALSE(find_obs(obs, "06184", 7, d2020)->met);
    EXPECT_TRUE(find_obs(obs, "06184", 12, d2020)->met);
    EXPECT_FALSE(find_obs(obs, "06184", 13, d2020)->met);

    // Rows are spreadsheet lines: the second data row is line 3.
    const std::string bad = dir + "/bad.xlsx";
    rows[1][0] = "9999";
    write_sheet(bad, "XLSX", columns, rows);
    EXPECT_EQ(error_of([&] { read_attainment_table(bad, ds); }),
              bad + ": 1 unit did not match the units of boundary version 'default'; nothing imported "
                    "(--skip-unmatched imports the rest)\n" +
                  bad + ", row 3: unknown unit code '9999' (not among the dataset's units)");
}

TEST_F(Tables, GeoPackageAttributeTableAndOds) {
    const std::vector<SheetColumn> columns = {
        {"unit_code", OFTInteger}, {"date", OFTDate}, {"TC1", OFTString}, {"TC2", OFTInteger}};
    const std::vector<std::vector<std::string>> rows = {{"6184", "2020-07-31", "x", "0"},
                                                        {"5977", "2020-07-31", "", "1"}};
    for (const char* driver : {"GPKG", "ODS"}) {
        SCOPED_TRACE(driver);
        const std::string path = dir + "/table." + (std::string(driver) == "GPKG" ? "gpkg" : "ods");
        write_sheet(path, driver, columns, rows);
        const std::vector<Observation> obs = read_attainment_table(path, ds);
        ASSERT_EQ(obs.size(), 4u);
        EXPECT_TRUE(find_obs(obs, "06184", 1, d2020)->met);
        EXPECT_FALSE(find_obs(obs, "06184", 2, d2020)->met);
        EXPECT_FALSE(find_obs(obs, "05977", 1, d2020)->met);
        EXPECT_TRUE(find_obs(obs, "05977", 2, d2020)->met);
    }
}

// --- Attainment: long form ------------------------------------------------------------------

TEST_F(Tables, LongCsv) {
    const std::string path = write("long.csv",
                                   "unit_code,criterion,met,date,source\n"
                                   "06184,1,x,2020-07-31,KT 2020\n"
                                   "06184,TC2,0,2020-07-31,\n"
                                   "6187,3,Đạt,31/7/2020,KT 2020\n"
                                   "06187,3,chưa đạt,15/12/2021,KT 2021\n"
                                   "\n"
                                   "05977,Tiêu chí 19,✓,2020-07-31,\n");
    const std::vector<Observation> obs = read_attainment_table(path, ds);
    ASSERT_EQ(obs.size(), 5u);
    EXPECT_TRUE(find_obs(obs, "06184", 1, d2020)->met);
    EXPECT_FALSE(find_obs(obs, "06184", 2, d2020)->met);
    EXPECT_TRUE(find_obs(obs, "06187", 3, d2020)->met);
    EXPECT_FALSE(find_obs(obs, "06187", 3, d2021)->met);
    EXPECT_TRUE(find_obs(obs, "05977", 19, d2020)->met);
    EXPECT_EQ(obs[0].source, "KT 2020");
    EXPECT_EQ(obs[1].source, "long.csv");
}

// --- Attainment: errors ---------------------------------------------------------------------

TEST_F(Tables, ErrorNoSuchFile) {
    const std::string path = dir + "/missing.csv";
    EXPECT_EQ(error_of([&] { read_attainment_table(path, ds); }), path + ": no such file");
}

TEST_F(Tables, ErrorNotATable) {
    const std::string path = write("broken.xlsx", "this is not a spreadsheet\n");
    const std::string msg = error_of([&] { read_attainment_table(path, ds); });
    EXPECT_EQ(msg.rfind(path + ": cannot be read as a table (", 0), 0u) << msg;
    EXPECT_EQ(msg.back(), ')') << msg;
    EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
}

TEST_F(Tables, ErrorMissingColumns) {
    // Issue 11: a table without codes is matched by name.
    const std::string a = write("a.csv", "ten_xa,ngay,TC1\nMai Pha,2020-07-31,x\n");
    EXPECT_EQ(read_attainment_table(a, ds).at(0).unit_code, "06184");
    const std::string a2 = write("a2.csv", "ngay,TC1,TC2\n2020-07-31,x,x\n");
    EXPECT_EQ(error_of([&] { read_attainment_table(a2, ds); }),
              a2 + ": no unit column (expected one of: Mã xã, Đơn vị, Tên xã, Xã)");
    const std::string b = write("b.csv", "ma_xa,nam,TC1\n06184,2020,x\n");
    EXPECT_EQ(error_of([&] { read_attainment_table(b, ds); }),
              b + ": no report date (no date column, none in the title rows; give --date)");
    const std::string c = write("c.csv", "ma_xa,ngay,dien_tich\n06184,2020-07-31,12\n");
    EXPECT_EQ(error_of([&] { read_attainment_table(c, ds); }),
              c + ": no criterion columns (name them 1..19, TC1..TC19 or Tiêu chí 1..19)");
    // A sheet of counts alone is refused with why and what would import (issue 11).
    const std::string d = write("d.csv", "Mã xã,Ngày,Tổng số tiêu chí đạt\n06184,2020-07-31,12\n");
    EXPECT_EQ(error_of([&] { read_attainment_table(d, ds); }),
              d + ", column 'Tổng số tiêu chí đạt': only a count of criteria met per unit, not which criteria; add "
                  "a column per criterion (1..19, TC1..TC19 or the criteria names; `ntm-atlas template` writes the "
                  "layout)");
}

TEST_F(Tables, ErrorUnknownUnitCode) {
    const std::string path = write("u.csv", "ma_xa,ngay,TC1\n06184,2020-07-31,x\n07000,2020-07-31,x\n");
    EXPECT_EQ(error_of([&] { read_attainment_table(path, ds); }),
              path + ": 1 unit did not match the units of boundary version 'default'; nothing imported "
                     "(--skip-unmatched imports the rest)\n" +
                  path + ", row 3: unknown unit code '07000' (not among the dataset's units)");
}

TEST_F(Tables, ErrorRowNumbersCountBlankLines) {
    const std::string path =
        write("blank.csv", "ma_xa,ngay,TC1\n06184,2020-07-31,x\n\n\"06187\",2020-07-31,x\n99,2020-07-31,x\n");
    EXPECT_EQ(error_of([&] { read_attainment_table(path, ds); }),
              path + ": 1 unit did not match the units of boundary version 'default'; nothing imported "
                     "(--skip-unmatched imports the rest)\n" +
                  path + ", row 5: unknown unit code '99' (not among the dataset's units)");
}

TEST_F(Tables, ErrorCriterionOutOfRange) {
    const std::string wide = write("w.csv", "ma_xa,ngay,TC19,TC20\n06184,2020-07-31,x,x\n");
    EXPECT_EQ(error_of([&] { read_attainment_table(wide, ds); }),
              wide + ", row 2, column TC20: criterion 20 is out of range (the 2016-2020 set, in force on 2020-07-31, has 19)");
    const std::string lng =
        write("l.csv", "ma_xa,criterion,met,date\n06184,19,x,2020-07-31\n06184,20,x,2020-07-31\n");
    EXPECT_EQ(error_of([&] { read_attainment_table(lng, ds); }),
              lng + ", row 3, column criterion: criterion 20 is out of range (the 2016-2020 set, in force on 2020-07-31, has 19)");
}

TEST_F(Tables, ErrorBadDate) {
    const std::string path = write("d.csv", "ma_xa,date,TC1\n06184,2020-07-31,x\n06187,31/13/2020,x\n");
    EXPECT_EQ(error_of([&] { read_attainment_table(path, ds); }),
              path + ", row 3, column date: '31/13/2020' is not a date (use YYYY-MM-DD or D/M/YYYY)");
}

TEST_F(Tables, ErrorBadMark) {
    const std::string path =
        write("m.csv", "ma_xa,ngay,TC1,TC2,TC3\n06184,2020-07-31,x,,x\n06187,2020-07-31,x,x,maybe\n");
    EXPECT_EQ(error_of([&] { read_attainment_table(path, ds); }),
              path + ", row 3, column TC3: 'maybe' is not a mark (use x, 1, Đạt or ✓ for met; leave blank for not met)");
}

TEST_F(Tables, ErrorDuplicateRows) {
    const std::string wide = write("dw.csv",
                                   "ma_xa,ngay,TC1\n06184,2020-07-31,x\n06187,2020-07-31,x\n"
                                   "6184,31/7/2020,\n");
    EXPECT_EQ(error_of([&] { read_attainment_table(wide, ds); }),
              wide + ", row 4: duplicates row 2 (unit 06184, 2020-07-31)");
    const std::string lng = write("dl.csv",
                                  "ma_xa,tieu_chi,dat,ngay\n06184,1,x,2020-07-31\n06184,2,x,2020-07-31\n"
                                  "06184,TC1,,31/7/2020\n");
    EXPECT_EQ(error_of([&] { read_attainment_table(lng, ds); }),
              lng + ", row 4: duplicates row 2 (unit 06184, criterion 1, 2020-07-31)");
}

TEST_F(Tables, ErrorNoRows) {
    const std::string header_only = write("h.csv", "ma_xa,ngay,TC1\n");
    EXPECT_EQ(error_of([&] { read_attainment_table(header_only, ds); }), header_only + ": no rows");
    const std::string empty = write("e.csv", "");
    EXPECT_EQ(error_of([&] { read_attainment_table(empty, ds); }), empty + ": no rows");
    const std::string blank_rows = write("br.csv", "ma_xa,ngay,TC1\n,,\n , , \n");
    EXPECT_EQ(error_of([&] { read_attainment_table(blank_rows, ds); }), blank_rows + ": no rows");
}

// Issue 14: punctuation is not dropped from criterion numbers.
TEST_F(Tables, ErrorCriterionNumbersWithPunctuation) {
    for (const char* text : {"1.5", "-1", "1/9", "1-2"}) {
        SCOPED_TRACE(text);
        const std::string lng = write("p.csv", std::string("ma_xa,tieu_chi,dat,ngay\n06184,") + text + ",x,2020-07-31\n");
        EXPECT_EQ(error_of([&] { read_attainment_table(lng, ds); }),
                  lng + ", row 2, column tieu_chi: '" + text + "' is not a criterion number (write 3, TC3 or Tiêu chí 3)");
    }
    const std::string wide = write("pw.csv", "ma_xa,ngay,TC 1,TC 1.5\n06184,2020-07-31,x,x\n");
    EXPECT_EQ(error_of([&] { read_attainment_table(wide, ds); }),
              wide + ", column 'TC 1.5': not a criterion number (criteria are whole numbers: 1, TC1, Tiêu chí 1)");
    const std::string range = write("pr.csv", "ma_xa,ngay,1-2\n06184,2020-07-31,x\n");
    EXPECT_EQ(error_of([&] { read_attainment_table(range, ds); }),
              range + ", column '1-2': not a criterion number (criteria are whole numbers: 1, TC1, Tiêu chí 1)");
    // Whole numbers as spreadsheets store them still count.
    const std::string ok = write("ok.csv", "ma_xa,tieu_chi,dat,ngay\n06184,3.0,x,2020-07-31\n");
    EXPECT_EQ(read_attainment_table(ok, ds).at(0).criterion, 3);
}

// --- Recognitions ---------------------------------------------------------------------------

TEST_F(Tables, Recognitions) {
    const std::string path = write("rec.csv",
                                   "ma_xa,level,ngay,so_quyet_dinh\n"
                                   "06184,Đạt chuẩn,17/6/2020,\"Quyết định số 1062/QĐ-UBND\"\n"
                                   "6187,nâng cao,2021-12-15,\n"
                                   "05977,model,2021-12-15,QĐ 12\n");
    const std::vector<Recognition> recs = read_recognitions_table(path, ds);
    ASSERT_EQ(recs.size(), 3u);
    EXPECT_EQ(recs[0].unit_code, "06184");
    EXPECT_EQ(recs[0].level, Level::Standard);
    EXPECT_EQ(recs[0].date, Date::from_ymd(2020, 6, 17));
    EXPECT_EQ(recs[0].decision, "Quyết định số 1062/QĐ-UBND");
    EXPECT_EQ(recs[1].unit_code, "06187");
    EXPECT_EQ(recs[1].level, Level::Advanced);
    EXPECT_EQ(recs[2].level, Level::Model);

    const std::string bad = write("rec_bad.csv", "ma_xa,level,ngay\n06184,Đạt chuẩn,2020-06-17\n06187,xuất sắc,2021-12-15\n");
    EXPECT_EQ(error_of([&] { read_recognitions_table(bad, ds); }),
              bad + ", row 3, column level: unknown level 'xuất sắc'");
}

// --- Events ---------------------------------------------------------------------------------

TEST_F(Tables, Events) {
    const std::string path = write(
        "events.csv",
        "start,end,kind,organiser,units,districts,title,source,participants\n"
        "2024-05-12,14/5/2024,Kiểm tra,Văn phòng Điều phối NTM tỉnh,\"06184; Hoàng Đồng\","
        "\"huyện Cao Lộc, Lạng Sơn\",Kiểm tra tiến độ,https://example.org/a,25\n"
        "3/6/2024,,tập huấn,Sở NN&PTNT,,178,Tập huấn cán bộ,,1.200\n"
        "2024-07-01,,công văn,UBND tỉnh,xã Thụy Hùng,THÀNH PHỐ LẠNG SƠN,,,\n");
    const std::vector<Event> events = read_events_table(path, ds);
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0].start, Date::from_ymd(2024, 5, 12));
    EXPECT_EQ(events[0].end, Date::from_ymd(2024, 5, 14));
    EXPECT_EQ(events[0].kind, EventKind::Inspection);
    EXPECT_EQ(events[0].organiser, "Văn phòng Điều phối NTM tỉnh");
    EXPECT_EQ(events[0].unit_codes, (std::vector<std::string>{"06184", "06187"}));
    EXPECT_EQ(events[0].district_codes, (std::vector<std::string>{"180", "178"}));
    EXPECT_EQ(events[0].title, "Kiểm tra tiến độ");
    EXPECT_EQ(events[0].source, "https://example.org/a");
    EXPECT_EQ(events[0].participants, 25);
    EXPECT_EQ(events[1].end, events[1].start);
    EXPECT_EQ(events[1].kind, EventKind::Training);
    EXPECT_EQ(events[1].district_codes, (std::vector<std::string>{"178"}));
    EXPECT_EQ(events[1].participants, 1200);
    EXPECT_EQ(events[1].source, "events.csv");
    EXPECT_EQ(events[2].kind, EventKind::Directive);
    EXPECT_EQ(events[2].unit_codes, (std::vector<std::string>{"05977"}));
    EXPECT_EQ(events[2].district_codes, (std::vector<std::string>{"178"}));
    EXPECT_EQ(events[2].participants, 0);
}

TEST_F(Tables, EventErrors) {
    // Issue 11: an unknown kind is 'other', with a warning naming the row and the word.
    const std::string kind = write("k.csv", "ngay,kind,title\n2024-05-12,kiểm tra,a\n2024-05-13,picnic,b\n");
    const TableImportResult r = import_table(kind, ds, TableImportOptions{TableKind::Events, {}, false, {}});
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[1].kind, EventKind::Other);
    EXPECT_EQ(r.preview.warnings, (std::vector<std::string>{kind + ", row 3, column kind: unknown event kind 'picnic', read as 'other'"}));
    const std::string district =
        write("dd.csv", "date,kind,districts\n2024-05-12,hội nghị,Cao Lộc\n2024-05-13,hội nghị,huyện Lộc Bình\n");
    EXPECT_EQ(error_of([&] { read_events_table(district, ds); }),
              district + ", row 3, column districts: unknown district 'huyện Lộc Bình'");
    const std::string no_date = write("nd.csv", "kind,title\nkiểm tra,a\n");
    EXPECT_EQ(error_of([&] { read_events_table(no_date, ds); }),
              no_date + ": no date column (expected one of: start, date, ngay)");
}

}  // namespace
}  // namespace ntm::io
