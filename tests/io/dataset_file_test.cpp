#include "io/dataset_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "io/crs.h"
#include "support/test_support.h"

namespace fs = std::filesystem;

namespace ntm::io {
namespace {

geo::MultiPolygon square(double lon, double lat, double size) {
    geo::MultiPolygon m;
    m.parts.push_back({{{lon, lat}, {lon + size, lat}, {lon + size, lat + size}, {lon, lat + size}}, {}});
    return m;
}

TEST(DatasetFile, RoundTripKeepsEverything) {
    Dataset d;
    d.info = {"Lạng Sơn", "20", "nguồn thử", true};
    Unit a;
    a.code = "06184";
    a.name = "Đồng Đăng";
    a.kind = UnitKind::Xa;
    a.district_code = "183";
    a.district_name = "Huyện Cao Lộc";
    a.tags = {"border", "pilot"};
    Unit b = a;
    b.code = "05971";
    b.name = "Hoàng Văn Thụ";
    b.kind = UnitKind::Phuong;
    b.tags.clear();
    d.units = {a, b};
    d.observations = {{"06184", 3, true, Date::from_ymd(2015, 5, 1), "kiểm tra"},
                      {"06184", 3, false, Date::from_ymd(2018, 5, 1), "mất tiêu chí"}};
    d.recognitions = {{"06184", Level::Advanced, Date::from_ymd(2021, 2, 3), "QĐ 1062/QĐ-UBND", 2020, "UBND tỉnh",
                       "Công nhận lại"}};
    Event e;
    e.start = Date::from_ymd(2023, 7, 26);
    e.end = Date::from_ymd(2023, 7, 27);
    e.kind = EventKind::Training;
    e.organiser = "Văn phòng Điều phối";
    e.district_codes = {"188"};
    e.unit_codes = {"06184", "05971"};
    e.title = "Tập huấn, \"NTM\"";
    e.source = "bulletin.txt";
    e.participants = 100;
    d.events = {e};
    d.reported = {{Date::from_ymd(2020, 7, 31), "province:20", "band:19:count", 51, "báo cáo"}};
    const geo::MapGeometry g = project_lonlat({square(106.7, 21.9, 0.02), square(106.72, 21.9, 0.02)});

    const std::string path = test::temp_dir("gpkg") + "/d.gpkg";
    save_dataset(path, d, g);
    const DatasetFile f = load_dataset(path);
    const Dataset& r = f.dataset;
    EXPECT_EQ(r.info.title, "Lạng Sơn");
    EXPECT_TRUE(r.info.illustrative);
    ASSERT_EQ(r.units.size(), 2u);
    EXPECT_EQ(r.units[0].name, "Đồng Đăng");
    EXPECT_EQ(r.units[0].search_key, "dong dang");
    EXPECT_EQ(r.units[0].tags, (std::vector<std::string>{"border", "pilot"}));
    EXPECT_EQ(r.units[1].kind, UnitKind::Phuong);
    EXPECT_TRUE(r.units[1].tags.empty());
    ASSERT_EQ(r.observations.size(), 2u);
    EXPECT_FALSE(r.observations[1].met);
    EXPECT_EQ(r.observations[1].date.iso(), "2018-05-01");
    ASSERT_EQ(r.recognitions.size(), 1u);
    EXPECT_EQ(r.recognitions[0].level, Level::Advanced);
    EXPECT_EQ(r.recognitions[0].year, 2020);
    EXPECT_EQ(r.recognitions[0].issuer, "UBND tỉnh");
    EXPECT_EQ(r.recognitions[0].note, "Công nhận lại");
    ASSERT_EQ(r.events.size(), 1u);
    EXPECT_EQ(r.events[0].title, "Tập huấn, \"NTM\"");
    EXPECT_EQ(r.events[0].unit_codes, (std::vector<std::string>{"06184", "05971"}));
    EXPECT_EQ(r.events[0].end.iso(), "2023-07-27");
    EXPECT_EQ(r.events[0].participants, 100);
    ASSERT_EQ(r.reported.size(), 1u);
    EXPECT_EQ(r.reported[0].value, 51);
    ASSERT_EQ(r.criteria_sets.size(), 4u);
    EXPECT_EQ(r.criteria_on(Date::from_ymd(2020, 7, 31)).id, "2016-2020");
    EXPECT_EQ(r.criteria_on(Date::from_ymd(2026, 6, 30)).size(), 10);
    EXPECT_EQ(r.criteria_on(Date::from_ymd(2026, 6, 30)).bands[1].label, "8\u20139");
    ASSERT_EQ(f.geometry.shapes.size(), 2u);
    EXPECT_NEAR(geo::area(f.geometry.shapes[0]), geo::area(g.shapes[0]), 1e-6);
    EXPECT_NE(f.geometry.crs_name.find("9215"), std::string::npos);
}

TEST(DatasetFile, FailedSaveLeavesTheGoodFile) {
    const std::string dir = test::temp_dir("atomic");
    const std::string path = dir + "/d.gpkg";
    std::ofstream(path) << "good";
    Dataset d;
    geo::MapGeometry g;
    g.crs_wkt = "not a crs";
    EXPECT_THROW(save_dataset(path, d, g), Error);
    EXPECT_EQ(test::read_file(path), "good");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
}

TEST(DatasetFile, NotADataset) {
    const std::string dir = test::temp_dir("notds");
    try {
        load_dataset(dir + "/missing.gpkg");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), dir + "/missing.gpkg: no such file");
    }
    std::ofstream(dir + "/junk.gpkg") << "junk";
    EXPECT_THROW(load_dataset(dir + "/junk.gpkg"), Error);
}

}  // namespace
}  // namespace ntm::io
