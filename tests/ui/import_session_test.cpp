// The import dialog's logic without a window: preview, edits of date and mapping, the import
// written with the file before it kept, Undo; and the file chooser run as a child process.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <xlsxwriter.h>

#include "io/dataset_file.h"
#include "support/test_support.h"
#include "ui/file_browser.h"
#include "ui/import_session.h"

namespace fs = std::filesystem;
using namespace ntm;
using namespace ntm::ui;

namespace {

void write(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::string square(double lon, double lat) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "[[[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f]]]", lon, lat,
                  lon + 0.05, lat, lon + 0.05, lat + 0.05, lon, lat + 0.05, lon, lat);
    return buf;
}

std::string feature(const std::string& code, const std::string& name, const std::string& district,
                    const std::string& district_code, double lon, double lat) {
    return R"({"type":"Feature","properties":{"ma_xa":")" + code + R"(","ten_xa":")" + name +
           R"(","ten_huyen":")" + district + R"(","ma_huyen":")" + district_code +
           R"("},"geometry":{"type":"Polygon","coordinates":)" + square(lon, lat) + "}}";
}

// The annex layout: title rows with the date, a two-row header, district headings, a name that
// names no unit, a totals row and a signature row.
std::string annex_csv() {
    std::string marks19, marks15, marks10;
    for (int i = 1; i <= 19; ++i) {
        marks19 += ",x";
        marks15 += i <= 15 ? ",x" : ",";
        marks10 += i <= 10 ? ",x" : ",";
    }
    std::string numbers;
    for (int i = 1; i <= 19; ++i) numbers += "," + std::to_string(i);
    return "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI" + std::string(22, ',') + "\n" +
           "(Số liệu tính đến ngày 31/12/2024)" + std::string(22, ',') + "\n" +
           "STT,Đơn vị,Tiêu chí" + std::string(18, ',') + ",Tổng số tiêu chí đạt,Ghi chú\n" +
           "," + numbers + ",,\n" +
           "I,Huyện Cao Lộc" + std::string(21, ',') + "\n" +
           "1,Xã Tân Thành" + marks19 + ",19,\n" +
           "2,Xã Hòa Cư" + marks15 + ",15,\n" +
           "II,Huyện Văn Lãng" + std::string(21, ',') + "\n" +
           "3,Xã Tân Thanh" + marks10 + ",10,\n" +
           "4,Xã Không Có" + marks10 + ",10,\n" +
           "Tổng cộng" + std::string(22, ',') + "\n" +
           ",Người lập biểu" + std::string(21, ',') + "\n";
}

class ImportSessionTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir = test::temp_dir("import_session");
        boundaries = dir + "/xa.geojson";
        write(boundaries, R"({"type":"FeatureCollection","features":[)" +
                              feature("06325", "Xã Tân Thành", "Huyện Cao Lộc", "178", 106.80, 21.90) + "," +
                              feature("06328", "Xã Hòa Cư", "Huyện Cao Lộc", "178", 106.85, 21.90) + "," +
                              feature("06112", "Xã Tân Thanh", "Huyện Văn Lãng", "181", 106.60, 22.10) + "]}");
        dataset = dir + "/xa.gpkg";
        io::LoadOptions options;
        options.source = boundaries;
        const io::DatasetFile made = io::dataset_from_boundaries(options);
        io::save_dataset(dataset, made.dataset, made.geometry);
        table = dir + "/annex.csv";
        write(table, annex_csv());
    }

    io::DatasetFile open() const { return io::load_dataset(dataset); }

    int column_of_criterion(const ImportSession& s, int number) const {
        for (const auto& [c, n] : s.preview().mapping.criteria)
            if (n == number) return c;
        return -1;
    }

    std::string dir, boundaries, dataset, table;
};

}  // namespace

TEST_F(ImportSessionTest, PreviewSaysWhatWasDetectedAndWhatDidNotMatch) {
    const io::DatasetFile d = open();
    ImportSession s;
    s.load(table, d.dataset);
    ASSERT_TRUE(s.has_preview()) << s.error();
    const io::TablePreview& p = s.preview();
    EXPECT_EQ(p.kind, io::TableKind::Attainment);
    ASSERT_TRUE(p.date.has_value());
    EXPECT_EQ(p.date->iso(), "2024-12-31");
    EXPECT_EQ(p.date_from.rfind("tiêu đề", 0), 0u) << p.date_from;
    EXPECT_EQ(p.mapping.criteria.size(), 19u);
    EXPECT_EQ(p.rows_read, 4);
    EXPECT_EQ(p.matched, 3) << "Tân Thành and Tân Thanh are two units, each in its district";
    ASSERT_EQ(p.unmatched.size(), 1u);
    EXPECT_EQ(p.unmatched[0].name, "Xã Không Có");
    EXPECT_EQ(p.skipped.heading, 2);
    EXPECT_EQ(p.skipped.total, 1);
    EXPECT_FALSE(s.blocker().empty()) << "an unmatched name stops the import by default";
    s.set_skip_unmatched(true, d.dataset);
    EXPECT_EQ(s.blocker(), "");
}

TEST_F(ImportSessionTest, DateAndMappingEditsPreviewAgain) {
    const io::DatasetFile d = open();
    ImportSession s;
    s.load(table, d.dataset);
    ASSERT_TRUE(s.has_preview()) << s.error();

    EXPECT_TRUE(s.set_date("30/06/2025", d.dataset));
    EXPECT_EQ(s.preview().date->iso(), "2025-06-30");
    EXPECT_EQ(s.preview().date_from, "--date");
    EXPECT_FALSE(s.set_date("31/13/2024", d.dataset));
    EXPECT_FALSE(s.date_error().empty());
    EXPECT_EQ(s.preview().date->iso(), "2025-06-30") << "a bad date changes nothing";
    EXPECT_TRUE(s.set_date("", d.dataset));
    EXPECT_EQ(s.preview().date->iso(), "2024-12-31") << "empty: the table's own date again";

    const int c3 = column_of_criterion(s, 3);
    ASSERT_GE(c3, 0);
    s.set_criterion(c3, 0, d.dataset);
    EXPECT_TRUE(s.mapping_changed());
    EXPECT_EQ(s.criterion_of(c3), 0);
    EXPECT_EQ(s.preview().mapping.criteria.size(), 18u);
    // Criterion 4's column given criterion 3: it is taken from column c3 + 1, which then holds 3.
    s.set_criterion(c3 + 1, 3, d.dataset);
    EXPECT_EQ(s.criterion_of(c3 + 1), 3);
    EXPECT_EQ(column_of_criterion(s, 4), -1);
    s.reset_mapping(d.dataset);
    EXPECT_FALSE(s.mapping_changed());
    EXPECT_EQ(s.criterion_of(c3), 3);

    // Without a unit column there is nothing to match: the preview says so and blocks.
    s.set_role(&io::ColumnMapping::name, -1, d.dataset);
    ASSERT_TRUE(s.has_preview());
    EXPECT_FALSE(s.preview().errors.empty());
    EXPECT_EQ(s.blocker(), s.preview().errors.front());
}

TEST_F(ImportSessionTest, ImportKeepsTheFileBeforeAndUndoPutsItBack) {
    const std::string before = test::read_file(dataset);
    const io::DatasetFile d = open();
    ASSERT_TRUE(d.dataset.observations.empty());
    ImportSession s;
    s.load(table, d.dataset);
    s.set_skip_unmatched(true, d.dataset);
    ASSERT_EQ(s.blocker(), "");

    const ImportTarget target = import_target(dataset, io::is_dataset_file(dataset));
    EXPECT_EQ(target.dataset, dataset);
    EXPECT_EQ(target.backup, dir + "/xa.before-import.gpkg");
    const ImportRecord record = s.commit(d.dataset, d.geometry, target);
    EXPECT_EQ(record.records, 3u * 19u);
    EXPECT_EQ(test::read_file(target.backup), before) << "the file before the import is kept as it was";

    const io::DatasetFile after = open();
    EXPECT_EQ(after.dataset.observations.size(), 3u * 19u);
    int met_tan_thanh = 0, met_tan_thanh_van_lang = 0;
    for (const Observation& o : after.dataset.observations) {
        met_tan_thanh += o.unit_code == "06325" && o.met;
        met_tan_thanh_van_lang += o.unit_code == "06112" && o.met;
    }
    EXPECT_EQ(met_tan_thanh, 19);
    EXPECT_EQ(met_tan_thanh_van_lang, 10);
    for (const auto& e : fs::directory_iterator(dir))
        EXPECT_EQ(e.path().string().find(".tmp-"), std::string::npos) << "no temporary file left: " << e.path();

    undo_import(record);
    EXPECT_EQ(test::read_file(dataset), before);
    EXPECT_TRUE(open().dataset.observations.empty());
}

// A workbook of one sheet per district: the dialog reads the first, another chosen, or all.
TEST_F(ImportSessionTest, AWorkbookOfSeveralSheetsReadsTheSheetChosen) {
    const std::string path = dir + "/per_district.xlsx";
    lxw_workbook* book = workbook_new(path.c_str());
    auto sheet = [&](const char* name, std::vector<std::pair<const char*, int>> units) {
        lxw_worksheet* ws = workbook_add_worksheet(book, name);
        worksheet_write_string(ws, 0, 0, "BIỂU TỔNG HỢP (Số liệu tính đến ngày 31/12/2024)", nullptr);
        worksheet_write_string(ws, 1, 0, "STT", nullptr);
        worksheet_write_string(ws, 1, 1, "Đơn vị", nullptr);
        for (int c = 1; c <= 19; ++c) worksheet_write_number(ws, 1, 1 + c, c, nullptr);
        int row = 2;
        for (const auto& [unit, met] : units) {
            worksheet_write_number(ws, row, 0, row - 1, nullptr);
            worksheet_write_string(ws, row, 1, unit, nullptr);
            for (int c = 1; c <= met; ++c) worksheet_write_string(ws, row, 1 + c, "x", nullptr);
            ++row;
        }
    };
    sheet("Cao Lộc", {{"Xã Tân Thành", 19}, {"Xã Hòa Cư", 15}});
    sheet("Văn Lãng", {{"Xã Tân Thanh", 10}});
    ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);

    const io::DatasetFile d = open();
    ImportSession s;
    s.load(path, d.dataset);
    ASSERT_TRUE(s.has_preview()) << s.error();
    EXPECT_EQ(s.preview().sheets, (std::vector<std::string>{"Cao Lộc", "Văn Lãng"}));
    EXPECT_EQ(s.preview().sheet, "Cao Lộc");
    EXPECT_EQ(s.preview().matched, 2);

    s.set_sheet("Văn Lãng", false, d.dataset);
    ASSERT_TRUE(s.has_preview()) << s.error();
    EXPECT_EQ(s.preview().sheet, "Văn Lãng");
    EXPECT_EQ(s.preview().matched, 1) << "Tân Thanh of Văn Lãng, not Tân Thành of Cao Lộc";

    s.set_sheet("", true, d.dataset);
    ASSERT_TRUE(s.has_preview()) << s.error();
    EXPECT_TRUE(s.all_sheets());
    EXPECT_EQ(s.preview().sheet, "Cao Lộc, Văn Lãng");
    EXPECT_EQ(s.preview().matched, 3);
    EXPECT_EQ(s.blocker(), "");
}

TEST_F(ImportSessionTest, BoundariesAloneGoToANewDatasetBesideThem) {
    ImportTarget t = import_target(boundaries, false);
    EXPECT_EQ(t.dataset, dir + "/xa-2.gpkg") << "xa.gpkg exists already and is not replaced";
    EXPECT_EQ(t.backup, "");
    EXPECT_EQ(t.reopen_on_undo, boundaries);
    fs::remove(dataset);
    t = import_target(boundaries, false);
    EXPECT_EQ(t.dataset, dir + "/xa.gpkg");
}

TEST_F(ImportSessionTest, AnUnreadableTableSaysWhy) {
    const io::DatasetFile d = open();
    ImportSession s;
    s.load(dir + "/missing.xlsx", d.dataset);
    EXPECT_FALSE(s.has_preview());
    EXPECT_NE(s.error().find("missing.xlsx"), std::string::npos) << s.error();
    EXPECT_EQ(s.blocker(), s.error());
}

// --- the file chooser -------------------------------------------------------------------------

TEST(FileBrowser, ZenityArguments) {
    FileRequest r;
    r.title = "Chọn bảng";
    r.start = "/data/";
    r.save = true;
    r.filters = {{"Bảng", {"*.xlsx", "*.csv"}}, {"Tất cả", {"*"}}};
    const std::vector<std::string> expected = {"zenity",          "--file-selection",     "--title=Chọn bảng",
                                               "--save",          "--confirm-overwrite", "--filename=/data/",
                                               "--file-filter=Bảng | *.xlsx *.csv", "--file-filter=Tất cả | *"};
    EXPECT_EQ(zenity_arguments(r), expected);
    EXPECT_EQ(folder_of("/a/b/c.xlsx"), "/a/b/");
    EXPECT_EQ(folder_of("c.xlsx"), "");
}

namespace {

// Polls as a frame would, until the chooser ends (or 10 s pass).
FileBrowser::Outcome wait_for(FileBrowser& b) {
    for (int i = 0; i < 1000; ++i) {
        const FileBrowser::Outcome o = b.poll();
        if (o != FileBrowser::Outcome::None) return o;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return FileBrowser::Outcome::None;
}

std::string stand_in(const std::string& dir, const std::string& body) {
    const std::string path = dir + "/zenity";
    write(path, "#!/bin/sh\n" + body + "\n");
    ::chmod(path.c_str(), 0755);
    return path;
}

}  // namespace

TEST(FileBrowser, ChosenCancelledFailedAndMissing) {
    const std::string dir = test::temp_dir("file_browser");
    {
        // It answers after a while: polls before that return None and do not block.
        FileBrowser b(stand_in(dir, "sleep 0.3; echo \"/tmp/Bảng tổng hợp.xlsx\""));
        ASSERT_TRUE(b.available());
        ASSERT_TRUE(b.start({}));
        const auto t0 = std::chrono::steady_clock::now();
        EXPECT_EQ(b.poll(), FileBrowser::Outcome::None);
        EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(100));
        EXPECT_TRUE(b.running());
        EXPECT_FALSE(b.start({})) << "one chooser at a time";
        EXPECT_EQ(wait_for(b), FileBrowser::Outcome::Chosen);
        EXPECT_EQ(b.path(), "/tmp/Bảng tổng hợp.xlsx");
        EXPECT_FALSE(b.running());
    }
    {
        FileBrowser b(stand_in(dir, "exit 1"));
        ASSERT_TRUE(b.start({}));
        EXPECT_EQ(wait_for(b), FileBrowser::Outcome::Cancelled);
    }
    {
        FileBrowser b(stand_in(dir, "exit 255"));
        ASSERT_TRUE(b.start({}));
        EXPECT_EQ(wait_for(b), FileBrowser::Outcome::Failed);
        EXPECT_NE(b.error().find("status 255"), std::string::npos) << b.error();
    }
    {
        FileBrowser b("ntm-no-such-chooser");
        EXPECT_FALSE(b.available());
        EXPECT_FALSE(b.start({}));
        EXPECT_FALSE(b.error().empty());
    }
    {
        // A chooser still open when the dialog goes away is ended, not left behind.
        FileBrowser b(stand_in(dir, "sleep 30"));
        ASSERT_TRUE(b.start({}));
    }
}
