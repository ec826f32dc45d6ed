#include "io/views_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "support/test_support.h"

namespace fs = std::filesystem;

namespace ntm::io {
namespace {

Date ymd(int y, int m, int d) { return Date::from_ymd(y, m, d); }

BriefingViews sample_views() {
    BriefingViews views;
    BriefingView a;
    a.title = "Toàn tỉnh Lạng Sơn — tiến độ đến 31/12/2024";
    a.date = ymd(2024, 12, 31);
    a.compare_date = ymd(2020, 12, 31);
    views.create(a);
    BriefingView b;
    b.title = "Huyện Cao Lộc: xã thiếu tiêu chí 17 \"Môi trường\"\nvà an toàn thực phẩm";
    b.date = ymd(2022, 6, 30);
    b.focus = ViewFocus::District;
    b.district_code = "183";
    b.highlighted_criterion = 17;
    views.create(b);
    BriefingView c;
    c.title = "Vùng biên giới · nhóm 15–18";
    c.date = ymd(2020, 7, 31);
    c.focus = ViewFocus::Extent;
    c.extent = {412345.123456789, 2360000.5, 455001.0000001, 2401234.75};
    c.highlighted_band = 1;
    views.create(c);
    return views;
}

void write_text(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

TEST(ViewsFile, RoundTripKeepsEverythingExactly) {
    const std::string dir = test::temp_dir("views");
    const std::string path = dir + "/lang-son.gpkg.views.json";
    const BriefingViews views = sample_views();
    write_views_file(path, views, "EPSG:9215");
    const ViewsFileContent back = read_views_file(path);
    EXPECT_EQ(back.views, views);
    EXPECT_EQ(back.crs, "EPSG:9215");
    EXPECT_EQ(back.views.at(0).title, "Toàn tỉnh Lạng Sơn — tiến độ đến 31/12/2024");
    // Vietnamese text is stored as UTF-8, not escaped.
    EXPECT_NE(test::read_file(path).find("Vùng biên giới · nhóm 15–18"), std::string::npos);
    // No temporary file is left behind.
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        (void)e;
        ++files;
    }
    EXPECT_EQ(files, 1);
    // Saving again keeps the previous good file as a backup.
    BriefingViews more = views;
    more.remove(0);
    write_views_file(path, more, "EPSG:9215");
    EXPECT_EQ(read_views_file(path).views, more);
    EXPECT_EQ(read_views_file(path + ".bak").views, views);
}

TEST(ViewsFile, MissingFileMeansNoViewsAndNoError) {
    const std::string dir = test::temp_dir("views");
    const ViewsFileContent c = read_views_file(dir + "/none.views.json");
    EXPECT_TRUE(c.views.empty());
    ViewsStore store;
    EXPECT_TRUE(store.load(dir + "/none.views.json"));
    EXPECT_EQ(store.error(), "");
    EXPECT_FALSE(store.save_blocked());
    EXPECT_TRUE(store.views().empty());
}

TEST(ViewsFile, FileCutInHalfIsReportedWithFileAndPosition) {
    const std::string dir = test::temp_dir("views");
    const std::string path = dir + "/d.views.json";
    write_views_file(path, sample_views());
    const std::string whole = test::read_file(path);
    for (size_t cut : {whole.size() / 2, whole.size() - 3, size_t{1}, size_t{20}}) {
        const std::string half = whole.substr(0, cut);
        write_text(path, half);
        try {
            read_views_file(path);
            FAIL() << "a file cut at " << cut << " was accepted";
        } catch (const Error& e) {
            const std::string m = e.what();
            EXPECT_NE(m.find(path), std::string::npos) << m;
            EXPECT_NE(m.find("line "), std::string::npos) << m;
            EXPECT_NE(m.find("column "), std::string::npos) << m;
            EXPECT_NE(m.find("cut short"), std::string::npos) << m;
        }
    }
}

TEST(ViewsFile, GarbageAndWrongContentAreErrors) {
    auto error_of = [](const std::string& text) {
        try {
            parse_views_json(text, "x.views.json");
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    EXPECT_NE(error_of("\x89PNG\r\n\x1a\n\x00\x01garbage").find("x.views.json: line 1, column 1 (byte 0)"),
              std::string::npos);
    EXPECT_NE(error_of("").find("empty"), std::string::npos);
    EXPECT_NE(error_of("hello").find("expected a value"), std::string::npos);
    EXPECT_NE(error_of("{\"format\": \"ntm-atlas-views\", \"views\": []} trailing").find("after the end"),
              std::string::npos);
    EXPECT_NE(error_of("[1, 2]").find("must be an object"), std::string::npos);
    EXPECT_NE(error_of("{\"views\": []}").find("not an NTM Atlas views file"), std::string::npos);
    const std::string bad_date = error_of("{\"format\": \"ntm-atlas-views\",\n \"views\": [{\"date\": \"2020-13-01\"}]}");
    // Content of the wrong shape names the view and the field.
    EXPECT_EQ(bad_date, "x.views.json: view 1: \"date\" must be a date YYYY-MM-DD, not '2020-13-01'") << bad_date;
    EXPECT_EQ(error_of("{\"format\": \"ntm-atlas-views\", \"views\": [{\"date\": \"2020-01-01\"}, "
                       "{\"date\": \"2020-01-01\", \"extent\": [1, 2, \"x\", 4]}]}"),
              "x.views.json: view 2: \"extent\" item 3 must be a number, not text");
    EXPECT_EQ(error_of("{\"format\": \"ntm-atlas-views\", \"views\": {}}"),
              "x.views.json: \"views\" must be a list, not an object");
    EXPECT_EQ(error_of("{\"format\": \"ntm-atlas-views\",\n \"views\": [\n"),
              "x.views.json: line 3, column 1 (byte 42): the file is cut short (it ends inside a value)");
    // A foreign JSON file.
    EXPECT_EQ(error_of("{\"type\": \"FeatureCollection\", \"features\": []}"),
              "x.views.json: not an NTM Atlas views file (\"format\" must be \"ntm-atlas-views\")");
    EXPECT_NE(error_of("{\"format\": \"ntm-atlas-views\", \"views\": [{\"title\": 5, \"date\": \"2020-01-01\"}]}")
                  .find("\"title\" must be text"),
              std::string::npos);
    EXPECT_NE(error_of("{\"format\": \"ntm-atlas-views\", \"version\": 9, \"views\": []}").find("newer"),
              std::string::npos);
    EXPECT_NE(error_of("{\"format\": \"ntm-atlas-views\", \"views\": [{\"date\": \"2020-01-01\", \"focus\": \"extent\"}]}")
                  .find("no \"extent\""),
              std::string::npos);
    EXPECT_NE(error_of("{\"format\": \"ntm-atlas-views\", \"views\": [], }").find("field name"), std::string::npos);
    EXPECT_NE(error_of("{\"format\": \"ntm-atlas-views\", \"views\": [\"a\xC3\"]}").find("UTF-8"), std::string::npos);
}

TEST(ViewsFile, UnknownFieldsAreIgnoredAndEscapesRead) {
    const ViewsFileContent c = parse_views_json(
        "\xEF\xBB\xBF{\"format\": \"ntm-atlas-views\", \"version\": 1, \"author\": {\"name\": [1, true, null]},\n"
        " \"views\": [{\"title\": \"X\\u00e3 \\u0110\\u1ed3ng \\\"\\u0110\\u0103ng\\\" \\ud83d\\ude00\", \"date\": \"2021-05-31\","
        " \"colour\": \"red\", \"zoom\": 1.5e3, \"compare_date\": null, \"extent\": null}]}");
    ASSERT_EQ(c.views.size(), 1);
    EXPECT_EQ(c.views.at(0).title, "Xã Đồng \"Đăng\" \xF0\x9F\x98\x80");
    EXPECT_EQ(c.views.at(0).date, ymd(2021, 5, 31));
    EXPECT_EQ(c.views.at(0).focus, ViewFocus::All);
    EXPECT_FALSE(c.views.at(0).compare_date);
}

TEST(ViewsStore, DamagedFileKeepsViewsAndRefusesToSaveUntilConfirmed) {
    const std::string dir = test::temp_dir("views");
    const std::string path = views_path_for(dir + "/demo.gpkg");
    EXPECT_EQ(path, dir + "/demo.gpkg.views.json");
    const BriefingViews samples = sample_views();
    ViewsStore store;
    ASSERT_TRUE(store.load(path, "EPSG:9215"));
    for (const auto& v : samples.views()) store.views().create(v);
    ASSERT_TRUE(store.save()) << store.error();
    EXPECT_FALSE(store.crs_mismatch());

    // Restart: the views come back.
    ViewsStore again;
    ASSERT_TRUE(again.load(path, "EPSG:9215"));
    EXPECT_EQ(again.views(), sample_views());

    // Someone (or a crash of another tool) cuts the file in half.
    const std::string whole = test::read_file(path);
    const std::string half = whole.substr(0, whole.size() / 2);
    write_text(path, half);
    EXPECT_FALSE(store.load(path, "EPSG:9215"));  // the same file: views stay in memory
    EXPECT_NE(store.error().find(path), std::string::npos);
    EXPECT_NE(store.error().find("line "), std::string::npos);
    EXPECT_EQ(store.views(), sample_views());
    EXPECT_TRUE(store.save_blocked());
    store.views().rename(0, "Đổi tên");
    EXPECT_FALSE(store.save());
    EXPECT_TRUE(store.dirty());
    EXPECT_EQ(test::read_file(path), half);  // untouched

    // A fresh start on the damaged file: no views, an error, nothing written.
    ViewsStore fresh;
    EXPECT_FALSE(fresh.load(path));
    EXPECT_TRUE(fresh.views().empty());
    EXPECT_FALSE(fresh.save());
    EXPECT_EQ(test::read_file(path), half);

    // Confirmed: the damaged file is moved aside, the views are saved.
    ASSERT_TRUE(store.confirm_overwrite()) << store.error();
    EXPECT_EQ(test::read_file(path + ".damaged"), half);
    ASSERT_TRUE(store.save()) << store.error();
    EXPECT_EQ(read_views_file(path).views.at(0).title, "Đổi tên");
}

TEST(ViewsStore, BackupRestoresThePreviousGoodViews) {
    const std::string dir = test::temp_dir("views");
    const std::string path = dir + "/d.views.json";
    const BriefingViews samples = sample_views();
    ViewsStore store;
    store.load(path);
    for (const auto& v : samples.views()) store.views().create(v);
    ASSERT_TRUE(store.save());
    store.views().remove(2);
    ASSERT_TRUE(store.save());  // the first version is now the backup
    write_text(path, "{\"format\": \"ntm-at");
    ViewsStore fresh;
    EXPECT_FALSE(fresh.load(path));
    EXPECT_TRUE(fresh.backup_available());
    ASSERT_TRUE(fresh.restore_backup());
    EXPECT_EQ(fresh.views(), sample_views());
    EXPECT_TRUE(fresh.save_blocked());  // restoring does not overwrite without confirmation
}

TEST(ViewsStore, CrsMismatchAndPaths) {
    const std::string dir = test::temp_dir("views");
    const std::string path = dir + "/d.views.json";
    write_views_file(path, sample_views(), "EPSG:9215");
    ViewsStore store;
    ASSERT_TRUE(store.load(path, "EPSG:3405"));
    EXPECT_TRUE(store.crs_mismatch());
    EXPECT_EQ(views_path_for("/vsigzip//data/vn.geojson.gz"), "/data/vn.geojson.gz.views.json");
    EXPECT_EQ(views_path_for("/data/shp/"), "/data/shp.views.json");
    ViewsStore none;
    EXPECT_FALSE(none.save());
    EXPECT_NE(none.error(), "");
}

}  // namespace
}  // namespace ntm::io
