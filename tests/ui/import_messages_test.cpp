// The import's messages in Vietnamese (issue 11): the dialog shows io's errors, warnings and
// match reasons in the dialog's language, values kept.
#include <gtest/gtest.h>

#include <fstream>

#include "core/error.h"
#include "core/text.h"
#include "io/table_import.h"
#include "support/test_support.h"
#include "ui/app_state.h"
#include "ui/import_messages.h"

namespace ntm::ui {
namespace {

Dataset two_districts() {
    Dataset ds;
    ds.versions = {BoundaryVersion{"2020", "Đơn vị hành chính 2020", {}, {}, Grouping::District}};
    const auto add = [&](const char* code, const char* name, const char* dcode, const char* dname) {
        Unit u;
        u.code = code;
        u.name = name;
        u.kind = UnitKind::Xa;
        u.district_code = dcode;
        u.district_name = dname;
        u.search_key = fold_search_key(name);
        ds.units.push_back(u);
    };
    // Real units of Lạng Sơn before July 2025 (langson_units_2025-03.csv).
    add("06166", "Tân Thanh", "182", "Huyện Văn Lãng");
    add("06250", "Tân Thành", "183", "Huyện Cao Lộc");
    ds.reindex();
    return ds;
}

std::string write(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

TEST(ImportMessages, ReadersMessagesInVietnamese) {
    const Dataset ds = two_districts();
    const std::string dir = ntm::test::temp_dir("import_messages");
    const std::string t = write(dir + "/t.csv",
                                "BIỂU TỔNG HỢP NĂM 2024\nSTT,Đơn vị,TC1,TC2,Tổng số tiêu chí đạt\n"
                                "I. Huyện Cao Lộc,,,,\n1,Tân Thanh,x,,1\n2,Tân Thành,x,x,1\n3,,,,\n");
    const io::TablePreview p = io::preview_table(t, ds, {});
    ASSERT_EQ(p.unmatched.size(), 1u);
    // The row's district first: a tone off there before the same letters in another district.
    EXPECT_EQ(import_message_vi(p.unmatched[0].message()),
              t + ", dòng 4: 'Tân Thanh' (Huyện Cao Lộc): không có đơn vị tên này ở Huyện Cao Lộc (phiên bản ranh giới "
                  "'2020'); gần nhất: Xã Tân Thành (06250, Huyện Cao Lộc); Xã Tân Thanh (06166, Huyện Văn Lãng)");
    ASSERT_EQ(p.warnings.size(), 2u);
    EXPECT_EQ(import_message_vi(p.warnings[1]),
              t + ", dòng 5, cột Tổng số tiêu chí đạt: ghi 1 tiêu chí đạt, các dấu cho 2 (nhập theo các dấu)");
    EXPECT_EQ(import_message_vi(p.warnings[0]),
              t + ", dòng 6: bỏ qua: không có đơn vị (không mã, không tên), cũng không phải dòng huyện, dòng tổng, "
                  "ghi chú hay chữ ký");
    try {
        io::import_table(t, ds, {});
        ADD_FAILURE() << "imported";
    } catch (const Error& e) {
        const std::string vi = import_message_vi(e.what());
        EXPECT_EQ(vi.substr(0, vi.find('\n')),
                  t + ": 1 đơn vị không khớp với đơn vị của phiên bản ranh giới '2020'; chưa nhập gì (chọn “Bỏ qua tên "
                      "không khớp” để nhập phần còn lại)");
    }
    // Another sheet that holds a table: the app's way to read it, not the command line's.
    EXPECT_EQ(import_message_vi("/d/b.xlsx: sheet 'Bắc Sơn' also holds a table (header on line 3); only sheet 'Cao Lộc' "
                                "is read (--sheet NAME reads another, --all-sheets every one)"),
              "/d/b.xlsx: trang tính 'Bắc Sơn' cũng có bảng (tiêu đề cột ở dòng 3); chỉ đọc trang 'Cao Lộc' (chọn trang "
              "khác hoặc tất cả ở “Trang tính”)");
    EXPECT_EQ(import_message_vi("/d/b.xlsx: sheet 'Tong hop' is not read: no unit column (expected one of: Mã xã, Đơn vị, "
                                "Tên xã, Xã); read "
                                "sheet 'Chi tiet' instead (--sheet NAME reads another)"),
              "/d/b.xlsx: không đọc trang tính 'Tong hop': không có cột đơn vị (Mã xã, Đơn vị, Tên xã, Xã); đọc "
              "trang "
              "'Chi tiet' thay vào (chọn trang khác ở “Trang tính”)");
    EXPECT_EQ(import_message_vi("/d/e.csv: no kind column; 3 of 4 events take their kind from the title's first words, "
                                "the others are 'other'"),
              "/d/e.csv: không có cột loại hoạt động; 3 trong 4 hoạt động lấy loại theo những chữ đầu của nội dung, "
              "còn lại là 'khác'");
    // A bad mark, a table with no report date, a file that is not there.
    const std::string bad = write(dir + "/b.csv", "STT,Đơn vị,TC1\n1,Tân Thành,có lẽ\n");
    const io::TablePreview b = io::preview_table(bad, ds, {});
    ASSERT_EQ(b.errors.size(), 1u);
    EXPECT_EQ(import_message_vi(b.errors[0]), bad + ": không có ngày báo cáo (không có cột ngày, các dòng tiêu đề không "
                                                     "ghi ngày; hãy đặt ngày)");
    io::TableImportOptions o;
    o.date = Date::from_ymd(2024, 12, 31);
    const io::TablePreview m = io::preview_table(bad, ds, o);
    ASSERT_EQ(m.errors.size(), 1u);
    EXPECT_EQ(import_message_vi(m.errors[0]), bad + ", dòng 2, cột TC1: 'có lẽ' không phải dấu đánh giá (x, 1, Đạt hoặc ✓ "
                                                  "là đạt; để trống là chưa đạt)");
    // An unfilled template: its preview says so before anything is imported.
    const std::string blank = write(dir + "/blank.csv", "STT,Đơn vị,TC1,TC2\n1,Tân Thành,,\n2,Tân Thanh,,\n");
    const io::TablePreview u = io::preview_table(blank, ds, o);
    ASSERT_EQ(u.errors.size(), 1u);
    EXPECT_EQ(import_message_vi(u.errors[0]), blank + ": không dòng đơn vị nào có dấu đánh giá hay tổng số — biểu mẫu "
                                                      "chưa điền? Chưa nhập gì (đánh dấu tiêu chí đạt bằng x, 1, Đạt hoặc ✓)");
    EXPECT_EQ(import_message_vi("/d/t.csv: 2 rows have no mark and no total (rows 7, 9): read as no criterion met (write 0 in "
                                "the total to say so)"),
              "/d/t.csv: 2 dòng không có dấu đánh giá và không có tổng số (dòng 7, 9): nhập là chưa đạt tiêu chí nào (ghi 0 ở "
              "cột tổng để khẳng định)");
    // A table of 2026 beside units with districts (which ended on 30/06/2025).
    const std::string late = write(dir + "/late.csv", "Tên xã,Ngày,TC1\nTân Thành,30/06/2026,x\n");
    const io::TablePreview l = io::preview_table(late, ds, {});
    ASSERT_EQ(l.errors.size(), 1u);
    EXPECT_EQ(import_message_vi(l.errors[0]), late + ": ngày của bảng 2026-06-30 sau thời gian của các đơn vị thuộc phiên "
                                                     "bản ranh giới '2020' (có cấp huyện: đến 2025-06-30); hãy thêm ranh giới "
                                                     "có hiệu lực vào ngày đó trước");
    try {
        io::preview_table(dir + "/none.xlsx", ds, {});
        ADD_FAILURE() << "read";
    } catch (const Error& e) {
        EXPECT_EQ(import_message_vi(e.what()), dir + "/none.xlsx: không có tệp này");
    }
    // English stays English; an unknown form is kept as written.
    set_current_lang(Lang::En);
    EXPECT_EQ(import_message(p.warnings[0]), p.warnings[0]);
    set_current_lang(Lang::Vi);
    EXPECT_EQ(import_message("something new"), "something new");
}

}  // namespace
}  // namespace ntm::ui
