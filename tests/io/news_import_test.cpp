// News bulletins: every dated item of each bulletin, one by one (date, kind, places), nothing
// invented; on the real samples in ../shared/news and on held-out ones in tests/data/news.
#include "io/news_import.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "core/demo.h"
#include "core/error.h"
#include "io/dataset_file.h"
#include "support/test_support.h"

namespace fs = std::filesystem;

namespace ntm::io {
namespace {

// The demo dataset (real Lạng Sơn unit names and codes, 2020): the generated file when it is
// there, else the generator's own output, which is the same data.
const Dataset& demo() {
    static const Dataset d = [] {
        if (fs::exists(NTM_DEMO_DATASET)) return load_dataset(NTM_DEMO_DATASET).dataset;
        return demo::make_demo_dataset();
    }();
    return d;
}

std::string shared_news(const std::string& name) {
    const fs::path p = fs::path(NTM_SHARED_DATA_DIR) / ".." / "news" / name;
    return fs::exists(p) ? p.lexically_normal().string() : std::string();
}

std::string held_out(const std::string& name) { return std::string(NTM_TEST_DATA_DIR) + "/news/" + name; }

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& s : v) out += (out.empty() ? "" : ",") + s;
    return out;
}

// "2023-07-26..2023-07-27 training [188] [06079]": dates, kind, district codes, unit codes.
std::string item(const NewsEvent& ne) {
    const Event& e = ne.event;
    const std::string dates = e.start == e.end ? e.start.iso() : e.start.iso() + ".." + e.end.iso();
    return dates + " " + event_kind_id(e.kind) + " [" + join(e.district_codes) + "] [" + join(e.unit_codes) + "]";
}

std::vector<std::string> items(const NewsBulletin& b) {
    std::vector<std::string> out;
    for (const NewsEvent& e : b.events) out.push_back(item(e));
    return out;
}

std::string figure(const NewsFigure& f) {
    char value[32];
    std::snprintf(value, sizeof value, "%g", f.figure.value);
    return f.figure.date.iso() + " " + f.figure.scope + " " + f.figure.figure + " " + value;
}

std::vector<std::string> figures(const NewsBulletin& b) {
    std::vector<std::string> out;
    for (const NewsFigure& f : b.figures) out.push_back(figure(f));
    return out;
}

NewsBulletin import_shared(const std::string& name) { return import_news_file(shared_news(name), demo()); }

#define REQUIRE_SHARED_NEWS(name)                                                            \
    if (shared_news(name).empty()) GTEST_SKIP() << "../shared/news/" name " is absent; skipping"

// --- ../shared/news ---------------------------------------------------------------------------

TEST(NewsShared, TinTuc2022HasOneDatedItemAndTheNationalFigures) {
    REQUIRE_SHARED_NEWS("bulletin_2022-10_tin-tuc.txt");
    const NewsBulletin b = import_shared("bulletin_2022-10_tin-tuc.txt");
    // Eight paragraphs, one with a day of its own: "Ngày 06/10/2022, UBND huyện Cao Lộc ...".
    EXPECT_EQ(items(b), (std::vector<std::string>{"2022-10-06 campaign [183] []"}));
    ASSERT_EQ(b.events.size(), 1u);
    EXPECT_EQ(b.events[0].event.organiser, "UBND huyện Cao Lộc");
    EXPECT_EQ(b.events[0].date_text, "Ngày 06/10/2022");
    ASSERT_EQ(b.events[0].places.size(), 1u);
    EXPECT_EQ(b.events[0].places[0].name, "Huyện Cao Lộc");
    EXPECT_EQ(b.events[0].event.source.rfind("bulletin_2022-10_tin-tuc.txt: Ngày 06/10/2022", 0), 0u);
    // "tính đến tháng 10/2022" describes the end of October 2022, the whole country.
    EXPECT_EQ(figures(b), (std::vector<std::string>{
                              "2022-10-31 national xa_standard_count 5860",
                              "2022-10-31 national xa_standard_percent 71.3",
                              "2022-10-31 national xa_advanced_count 925",
                              "2022-10-31 national xa_model_count 110",
                              "2022-10-31 national average_criteria 17.1",
                          }));
    for (const NewsFigure& f : b.figures)
        EXPECT_EQ(f.figure.source.rfind("bulletin_2022-10_tin-tuc.txt: ", 0), 0u) << f.figure.source;
    // "Sau khi 100% các xã được công nhận ... từ năm 2018 đến nay": no period, not stored.
    for (const NewsFigure& f : b.figures) EXPECT_NE(f.figure.value, 100.0);
}

TEST(NewsShared, HoatDongDiaPhuong2023HasOnlyTheVeteransTraining) {
    REQUIRE_SHARED_NEWS("bulletin_2023-08_hoat-dong-dia-phuong.txt");
    const NewsBulletin b = import_shared("bulletin_2023-08_hoat-dong-dia-phuong.txt");
    // "Năm 2023, xã Liên Hội ...", "từ đầu năm 2023 đến nay, xã Đồng Tiến ...", "Sau hơn 10 năm",
    // "Thực hiện ... Nghị định số 28/2022/NĐ-CP ... ngày 26/4/2022 ..., thời gian qua": no item.
    EXPECT_EQ(items(b), (std::vector<std::string>{"2023-08-22 training [180] []"}));
    ASSERT_EQ(b.events.size(), 1u);
    const Event& e = b.events[0].event;
    EXPECT_EQ(e.organiser, "Hội Cựu chiến binh tỉnh Lạng Sơn, Văn phòng Điều phối Chương trình xây dựng Nông thôn mới tỉnh");
    EXPECT_EQ(e.participants, 80);
    EXPECT_TRUE(b.figures.empty());
    // The decree is kept as a reference with its number, issuer and date.
    ASSERT_EQ(b.documents.size(), 1u);
    EXPECT_EQ(b.documents[0].type, "Nghị định");
    EXPECT_EQ(b.documents[0].number, "28/2022/NĐ-CP");
    EXPECT_EQ(b.documents[0].issuer, "Chính phủ");
    ASSERT_TRUE(b.documents[0].date.has_value());
    EXPECT_EQ(b.documents[0].date->iso(), "2022-04-26");
}

TEST(NewsShared, TinTuc2023HasSevenItems) {
    REQUIRE_SHARED_NEWS("bulletin_2023-08_tin-tuc.txt");
    const NewsBulletin b = import_shared("bulletin_2023-08_tin-tuc.txt");
    EXPECT_EQ(items(b), (std::vector<std::string>{
                            "2023-08-22 inspection [183] []",
                            "2023-08-21 inspection [182] []",
                            "2023-08-18 inspection [189] []",
                            "2023-08-17 inspection [184] []",
                            "2023-08-16 inspection [187] []",
                            "2023-07-26..2023-07-27 training [188] []",
                            "2023-07-17 conference [] []",
                        }));
    ASSERT_EQ(b.events.size(), 7u);
    EXPECT_EQ(b.events[0].event.organiser, "Sở Văn hóa, Thể thao và Du lịch");
    EXPECT_EQ(b.events[1].date_text, "Chiều 21/8/2023");
    EXPECT_EQ(b.events[1].event.organiser, "Văn phòng Điều phối xây dựng nông thôn mới (NTM) tỉnh");
    EXPECT_EQ(b.events[5].date_text, "Trong 2 ngày 26 và 27/7/2023");
    EXPECT_EQ(b.events[5].event.organiser, "Văn phòng Điều phối xây dựng nông thôn mới tỉnh Lạng Sơn, UBND huyện Lộc Bình");
    EXPECT_EQ(b.events[5].event.participants, 100);  // from the sentence after it
    EXPECT_EQ(b.events[6].date_text, "Sáng 17/7/2023");
    EXPECT_EQ(b.events[6].event.organiser, "Bộ NN&PTNT");
    EXPECT_TRUE(b.figures.empty());
}

TEST(NewsShared, ReimportingTheSamplesIntoTheDemoAddsNothing) {
    REQUIRE_SHARED_NEWS("bulletin_2023-08_tin-tuc.txt");
    // The demo already holds the samples' items (under titles of its own) and the national figures.
    Dataset d = demo();
    for (const char* name : {"bulletin_2022-10_tin-tuc.txt", "bulletin_2023-08_hoat-dong-dia-phuong.txt",
                             "bulletin_2023-08_tin-tuc.txt"}) {
        const NewsMerge m = merge_news(d, import_shared(name));
        EXPECT_EQ(m.events_added, 0) << name;
        EXPECT_EQ(m.figures_added, 0) << name;
    }
    EXPECT_EQ(d.events.size(), demo().events.size());
    EXPECT_EQ(d.reported.size(), demo().reported.size());
}

// --- Held-out bulletins (tests/data/news) ------------------------------------------------------

TEST(NewsHeldOut, HoatDong2023_10ListsEveryItem) {
    const NewsBulletin b = import_news_file(held_out("bulletin_2023-10_hoat-dong.txt"), demo());
    EXPECT_EQ(items(b), (std::vector<std::string>{
                            // "Sáng 05/9/2023 ... tại xã Hồng Phong, huyện Bình Gia" (not Cao Lộc's Hồng Phong)
                            "2023-09-05 inspection [181] [06079]",
                            // "Từ ngày 11 đến ngày 13/9/2023 ... lớp bồi dưỡng ... các huyện Văn Lãng, Tràng Định và Bình Gia"
                            "2023-09-11..2023-09-13 training [182,180,181] []",
                            // "Trong các ngày 19, 20 và 21/9/2023 ... thẩm định ... xã Chiến Thắng và xã Hòa Bình" (Chi Lăng's)
                            "2023-09-19..2023-09-21 inspection [187] [06481,06508]",
                            // "Ngày 26/9/2023, UBND tỉnh ban hành Quyết định ... công nhận xã Tân Thành, huyện Hữu Lũng"
                            "2023-09-26 recognition [186] [06442]",
                            // "Công văn số 2045/UBND-KT ngày 28/9/2023": dated by the document it issues
                            "2023-09-28 directive [] []",
                            // "Ngày 5 và 12/10/2023": two days, not the week between
                            "2023-10-05 inspection [188] [06526,06562]",
                            "2023-10-12 inspection [188] [06526,06562]",
                            // "Ngày 3/10, ..." has no year: not an item. Undated and "Từ đầu năm" paragraphs: none.
                            "2023-10-18 conference [178] []",
                            "2023-10-30..2023-11-01 conference [185] [06373,06364]",
                        }));
    ASSERT_EQ(b.events.size(), 9u);
    EXPECT_EQ(b.events[0].date_text, "Sáng 05/9/2023");
    EXPECT_EQ(b.events[1].event.participants, 120);
    EXPECT_EQ(b.events[1].date_text, "Từ ngày 11 đến ngày 13/9/2023");
    EXPECT_EQ(b.events[2].event.organiser, "UBND huyện Chi Lăng, Văn phòng Điều phối nông thôn mới tỉnh");
    EXPECT_EQ(b.events[3].event.organiser, "UBND tỉnh");
    ASSERT_EQ(b.events[3].documents.size(), 1u);
    EXPECT_EQ(b.events[3].documents[0].number, "1580/QĐ-UBND");
    EXPECT_FALSE(b.events[3].documents[0].date.has_value());  // not written in the reference
    EXPECT_EQ(b.events[4].event.organiser, "UBND tỉnh");
    ASSERT_EQ(b.events[4].documents.size(), 1u);
    EXPECT_EQ(b.events[4].documents[0].type, "Công văn");
    EXPECT_EQ(b.events[4].documents[0].number, "2045/UBND-KT");
    EXPECT_EQ(b.events[4].documents[0].date->iso(), "2023-09-28");
    EXPECT_EQ(b.events[7].date_text, "Chiều ngày 18/10/2023");
    EXPECT_EQ(b.events[7].event.organiser, "Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh");
    EXPECT_EQ(b.events[7].event.participants, 150);
    EXPECT_EQ(b.events[8].event.organiser, "Liên minh Hợp tác xã tỉnh, UBND huyện Bắc Sơn");
    // The day without a year is reported, not completed.
    bool noted = false;
    for (const NewsNote& n : b.notes) noted = noted || n.message.find("'Ngày 3/10' has no year") != std::string::npos;
    EXPECT_TRUE(noted);
    EXPECT_TRUE(b.figures.empty());
}

TEST(NewsHeldOut, VanBan2024KeepsDocumentReferences) {
    const NewsBulletin b = import_news_file(held_out("bulletin_2024-06_van-ban.txt"), demo());
    EXPECT_EQ(items(b), (std::vector<std::string>{
                            // "Thực hiện Kế hoạch số 45/KH-UBND ngày 20/02/2024 ..., ngày 14/3/2024, ... ra quân"
                            "2024-03-14 campaign [184] []",
                            // "Quyết định số 1062/QĐ-UBND ngày 17/6/2024 công nhận xã Hữu Lân, huyện Lộc Bình"
                            "2024-06-17 recognition [188] [06598]",
                            // "Chỉ thị số 12-CT/TU ngày 05 tháng 4 năm 2024"
                            "2024-04-05 directive [] []",
                            // "Trong tháng 5/2024, ... phát động": the month, as written
                            "2024-05-01..2024-05-31 campaign [] []",
                        }));
    ASSERT_EQ(b.events.size(), 4u);
    EXPECT_EQ(b.events[0].event.organiser, "Ban Chỉ đạo các Chương trình mục tiêu quốc gia huyện Văn Quan");
    EXPECT_EQ(b.events[1].event.organiser, "UBND tỉnh Lạng Sơn");
    EXPECT_EQ(b.events[2].event.organiser, "Ban Thường vụ Tỉnh ủy");
    EXPECT_EQ(b.events[3].event.organiser, "Ủy ban MTTQ tỉnh");

    struct Expected {
        const char *type, *number, *issuer, *date;
    };
    const Expected want[] = {
        {"Kế hoạch", "45/KH-UBND", "UBND tỉnh", "2024-02-20"},
        {"Quyết định", "1062/QĐ-UBND", "UBND", "2024-06-17"},
        {"Công văn", "99/BCĐ-NTM", "BCĐ-NTM", ""},
        {"Quyết định", "318/QĐ-TTg", "Thủ tướng Chính phủ", "2022-03-08"},
        {"Chỉ thị", "12-CT/TU", "TU", "2024-04-05"},
    };
    ASSERT_EQ(b.documents.size(), std::size(want));
    for (size_t i = 0; i < std::size(want); ++i) {
        SCOPED_TRACE(want[i].number);
        EXPECT_EQ(b.documents[i].type, want[i].type);
        EXPECT_EQ(b.documents[i].number, want[i].number);
        EXPECT_EQ(b.documents[i].issuer, want[i].issuer);
        EXPECT_EQ(b.documents[i].date ? b.documents[i].date->iso() : "", want[i].date);
    }
}

TEST(NewsHeldOut, KetQua2021ReadsEveryFigureExactly) {
    const NewsBulletin b = import_news_file(held_out("bulletin_2021-07_ket-qua.txt"), demo());
    // "Cập nhật ngày 12/7/2021" is when the page was written: neither an item nor a figure date.
    EXPECT_TRUE(b.events.empty()) << (b.events.empty() ? "" : item(b.events[0]));
    EXPECT_EQ(figures(b), (std::vector<std::string>{
                              // "tính đến hết tháng 6/2021, toàn tỉnh có 93/201 xã đạt chuẩn ..., chiếm 46,3%"
                              "2021-06-30 province:20 xa_standard_count 93",
                              "2021-06-30 province:20 xa_standard_percent 46.3",
                              "2021-06-30 province:20 xa_total 201",
                              "2021-06-30 province:20 band:15-18:count 25",
                              "2021-06-30 province:20 band:15-18:percent 12.4",
                              "2021-06-30 province:20 band:10-14:count 61",
                              "2021-06-30 province:20 band:10-14:percent 30.3",
                              "2021-06-30 province:20 band:5-9:count 22",
                              "2021-06-30 province:20 band:5-9:percent 10.9",
                              // "không còn xã dưới 5 tiêu chí"
                              "2021-06-30 province:20 band:0-4:count 0",
                              // "Bình quân toàn tỉnh đạt 16,2 tiêu chí/xã, tăng 0,8 ... so với cuối năm 2020"
                              "2021-06-30 province:20 average_criteria 16.2",
                              // "Riêng huyện Hữu Lũng, đến ngày 30/6/2021 đã có 14/24 xã ...; bình quân đạt 17,05"
                              "2021-06-30 district:186 xa_standard_count 14",
                              "2021-06-30 district:186 xa_total 24",
                              "2021-06-30 district:186 average_criteria 17.05",
                              // "cả nước ... 5.860 xã (71,3%) ..., 1.042 xã ... nâng cao và 162 xã ... kiểu mẫu"
                              "2021-06-30 national xa_standard_count 5860",
                              "2021-06-30 national xa_standard_percent 71.3",
                              "2021-06-30 national xa_advanced_count 1042",
                              "2021-06-30 national xa_model_count 162",
                              // Targets ("Phấn đấu ... có thêm 10 xã"), changes ("có thêm 5 xã") and
                              // approximations ("khoảng 30 xã") are not figures.
                          }));
    for (const NewsFigure& f : b.figures) EXPECT_EQ(f.figure.source.rfind("bulletin_2021-07_ket-qua.txt: ", 0), 0u);
}

TEST(NewsHeldOut, ReimportAddsNothingTwice) {
    Dataset d = demo();
    const size_t events = d.events.size(), reported = d.reported.size();
    for (const char* name : {"bulletin_2023-10_hoat-dong.txt", "bulletin_2024-06_van-ban.txt", "bulletin_2021-07_ket-qua.txt"}) {
        const NewsBulletin b = import_news_file(held_out(name), d);
        const NewsMerge first = merge_news(d, b);
        EXPECT_EQ(first.events_added, static_cast<int>(b.events.size())) << name;
        EXPECT_EQ(first.figures_added, static_cast<int>(b.figures.size())) << name;
        const NewsMerge again = merge_news(d, import_news_file(held_out(name), d));
        EXPECT_EQ(again.events_added, 0) << name;
        EXPECT_EQ(again.figures_added, 0) << name;
        EXPECT_EQ(again.events_duplicate, static_cast<int>(b.events.size())) << name;
    }
    EXPECT_EQ(d.events.size(), events + 9 + 4);
    EXPECT_EQ(d.reported.size(), reported + 18);
}

TEST(NewsHeldOut, FiguresSurviveTheDatasetFile) {
    // Stored in the GeoPackage's reported_figures table, read back unchanged.
    Dataset d = demo();
    merge_news(d, import_news_file(held_out("bulletin_2021-07_ket-qua.txt"), d));
    const std::string dir = test::temp_dir("news-figures");
    // A dataset file holds projected shapes: the loader refuses one with none at all.
    geo::MapGeometry g;
    g.crs_wkt = "EPSG:9215";
    g.shapes.resize(d.units.size());
    g.shapes[0].parts.push_back({geo::Ring{{500000, 2400000}, {500100, 2400000}, {500100, 2400100}}, {}});
    save_dataset(dir + "/d.gpkg", d, g);
    const Dataset back = load_dataset(dir + "/d.gpkg").dataset;
    ASSERT_EQ(back.reported.size(), d.reported.size());
    for (size_t i = 0; i < d.reported.size(); ++i) {
        EXPECT_EQ(back.reported[i].date, d.reported[i].date);
        EXPECT_EQ(back.reported[i].scope, d.reported[i].scope);
        EXPECT_EQ(back.reported[i].figure, d.reported[i].figure);
        EXPECT_DOUBLE_EQ(back.reported[i].value, d.reported[i].value);
        EXPECT_EQ(back.reported[i].source, d.reported[i].source);
    }
    fs::remove_all(dir);
}

// --- Language forms, one sentence at a time -------------------------------------------------

NewsBulletin parse(const std::string& text) { return parse_news(text, "t.txt", demo()); }

TEST(NewsForms, DatesAsBulletinsWriteThem) {
    const struct {
        const char* text;
        const char* want;
    } cases[] = {
        {"Ngày 22/8/2023, Sở Nông nghiệp kiểm tra huyện Cao Lộc.", "2023-08-22 inspection [183] []"},
        {"Sáng ngày 7/9/2023, UBND huyện Văn Lãng tổ chức hội nghị sơ kết.", "2023-09-07 conference [182] []"},
        {"Tối 02-10-2023, huyện Lộc Bình phát động phong trào thi đua.", "2023-10-02 campaign [188] []"},
        {"Ngày 17 tháng 6 năm 2024, UBND tỉnh tổ chức tập huấn cho huyện Đình Lập.", "2024-06-17 training [189] []"},
        {"Từ ngày 28/12/2022 đến ngày 3/1/2023, Đoàn kiểm tra làm việc tại huyện Bắc Sơn.",
         "2022-12-28..2023-01-03 inspection [185] []"},
        {"Trong 3 ngày 26, 27 và 28/7/2023, tỉnh tổ chức tập huấn tại huyện Hữu Lũng.",
         "2023-07-26..2023-07-28 training [186] []"},
        {"Ngày 26-27/7/2023, Văn phòng Điều phối kiểm tra tại xã Mai Pha, thành phố Lạng Sơn.",
         "2023-07-26..2023-07-27 inspection [178] [05992]"},
        {"Ngày 22/8/2023, Đoàn giám sát làm việc tại TP. Lạng Sơn.", "2023-08-22 inspection [178] []"},
        // Without diacritics, names still match.
        {"Ngay 22/8/2023, Van phong Dieu phoi kiem tra tai huyen Cao Loc.", "2023-08-22 inspection [183] []"},
    };
    for (const auto& c : cases) {
        const NewsBulletin b = parse(c.text);
        EXPECT_EQ(items(b), std::vector<std::string>{c.want}) << c.text;
    }
}

TEST(NewsForms, NoDateNoItem) {
    for (const char* text : {
             "Thời gian qua, Văn phòng Điều phối đã kiểm tra nhiều xã trên địa bàn huyện Cao Lộc.",
             "Từ đầu năm 2023 đến nay, huyện Chi Lăng tổ chức 12 hội nghị tuyên truyền.",
             "Từ năm 2018 đến nay, thành phố Lạng Sơn tiếp tục chỉ đạo các xã nâng cao chất lượng tiêu chí.",
             "Năm 2023, xã Liên Hội là 1 trong 10 xã được tỉnh chỉ đạo điểm.",
             "Trong tháng 8, Đoàn công tác kiểm tra huyện Văn Quan.",
             "Ngày 22/8, Đoàn công tác kiểm tra huyện Văn Quan.",
             "Cập nhật ngày 12/7/2021",
             "Lạng Sơn, ngày 12/7/2021",
             "Kỳ họp thứ 4/2023 đã thông qua 15/19 nội dung.",
         }) {
        const NewsBulletin b = parse(text);
        EXPECT_TRUE(b.events.empty()) << text << " -> " << (b.events.empty() ? "" : item(b.events[0]));
    }
}

TEST(NewsForms, RelativePhrasesAreNeverGuessed) {
    // "Từ đầu năm 2023 đến nay" gives neither an event date nor a figure date.
    const NewsBulletin b = parse("Từ đầu năm 2023 đến nay, toàn tỉnh có 12 xã đạt chuẩn nông thôn mới.");
    EXPECT_TRUE(b.events.empty());
    EXPECT_TRUE(b.figures.empty());
    ASSERT_FALSE(b.notes.empty());
    EXPECT_NE(b.notes[0].message.find("no date of the period"), std::string::npos) << b.notes[0].message;
}

TEST(NewsForms, AmbiguousCommuneWithoutItsDistrictIsLeftOut) {
    // Three xã are called Tân Thành (Cao Lộc, Bắc Sơn, Hữu Lũng): not guessed.
    const NewsBulletin b = parse("Ngày 5/9/2023, Đoàn công tác kiểm tra xã Tân Thành.");
    EXPECT_EQ(items(b), std::vector<std::string>{"2023-09-05 inspection [] []"});
    ASSERT_EQ(b.notes.size(), 1u);
    EXPECT_NE(b.notes[0].message.find("matches several units"), std::string::npos);
    // With its district, settled.
    EXPECT_EQ(items(parse("Ngày 5/9/2023, Đoàn công tác kiểm tra xã Tân Thành, huyện Bắc Sơn.")),
              std::vector<std::string>{"2023-09-05 inspection [185] [06379]"});
    // "thị trấn Đình Lập" is not "xã Đình Lập".
    EXPECT_EQ(items(parse("Ngày 5/9/2023, Đoàn công tác kiểm tra thị trấn Đình Lập.")),
              std::vector<std::string>{"2023-09-05 inspection [189] [06613]"});
}

TEST(NewsForms, KindsFromTheFirstActivityWord) {
    const struct {
        const char* text;
        EventKind kind;
    } cases[] = {
        {"Ngày 1/9/2023, Văn phòng Điều phối tổ chức Hội nghị tập huấn nghiệp vụ.", EventKind::Training},
        {"Ngày 1/9/2023, UBND tỉnh tổ chức Hội nghị tổng kết 10 năm xây dựng nông thôn mới.", EventKind::Conference},
        {"Ngày 1/9/2023, Ban Chỉ đạo tỉnh phát động phong trào thi đua.", EventKind::Campaign},
        {"Ngày 1/9/2023, UBND tỉnh có công văn chỉ đạo các huyện rà soát tiêu chí.", EventKind::Directive},
        {"Ngày 1/9/2023, xã Mai Pha đón nhận Bằng công nhận đạt chuẩn nông thôn mới nâng cao.", EventKind::Recognition},
        {"Ngày 1/9/2023, Đoàn giám sát của HĐND tỉnh làm việc với huyện Cao Lộc.", EventKind::Inspection},
        {"Ngày 1/9/2023, đồng chí Chủ tịch UBND tỉnh làm việc với lãnh đạo huyện Cao Lộc.", EventKind::Other},
    };
    for (const auto& c : cases) {
        const NewsBulletin b = parse(c.text);
        ASSERT_EQ(b.events.size(), 1u) << c.text;
        EXPECT_EQ(b.events[0].event.kind, c.kind) << c.text;
    }
}

TEST(NewsForms, BandFiguresInOtherPhrasings) {
    const NewsBulletin b = parse(
        "Tính đến ngày 31/12/2022, toàn tỉnh có 181 xã; trong đó 96 xã đạt chuẩn nông thôn mới (chiếm 53,04%), "
        "số xã đạt 19 tiêu chí: 96 xã; không còn xã nào dưới 5 tiêu chí.");
    EXPECT_EQ(figures(b), (std::vector<std::string>{
                              "2022-12-31 province:20 xa_total 181",
                              "2022-12-31 province:20 xa_standard_count 96",
                              "2022-12-31 province:20 xa_standard_percent 53.04",
                              "2022-12-31 province:20 band:19:count 96",
                              "2022-12-31 province:20 band:0-4:count 0",
                          }));
}

TEST(NewsForms, ListLinesCarryTheDateOfTheirBlock) {
    const NewsBulletin b = parse(
        "Kết quả rà soát đến hết tháng 12/2023 như sau:\n"
        "- Số xã đạt 19 tiêu chí: 110 xã, chiếm 60,77%;\n"
        "- Đạt từ 15-18 tiêu chí: 40 xã, chiếm 22,1%;\n"
        "- Bình quân đạt 17,3 tiêu chí/xã.\n");
    EXPECT_EQ(figures(b), (std::vector<std::string>{
                              "2023-12-31 province:20 band:19:count 110",
                              "2023-12-31 province:20 band:19:percent 60.77",
                              "2023-12-31 province:20 band:15-18:count 40",
                              "2023-12-31 province:20 band:15-18:percent 22.1",
                              "2023-12-31 province:20 average_criteria 17.3",
                          }));
}

TEST(NewsForms, MoreFigurePhrasings) {
    const struct {
        const char* text;
        std::vector<std::string> want;
    } cases[] = {
        {"Năm 2022, toàn tỉnh có 96 xã đạt chuẩn nông thôn mới.", {"2022-12-31 province:20 xa_standard_count 96"}},
        {"6 tháng đầu năm 2023, tỷ lệ xã đạt chuẩn nông thôn mới là 54,7%.",
         {"2023-06-30 province:20 xa_standard_percent 54.7"}},
        {"Đến cuối năm 2020, bình quân mỗi xã đạt 14,08 tiêu chí; có 4 xã đạt 15-18 tiêu chí (2,21%).",
         {"2020-12-31 province:20 average_criteria 14.08", "2020-12-31 province:20 band:15-18:count 4",
          "2020-12-31 province:20 band:15-18:percent 2.21"}},
        {"Tính đến ngày 30/9/2023, huyện Cao Lộc có 12 xã đạt từ 15 tiêu chí trở lên.",
         {"2023-09-30 district:183 band:15-19:count 12"}},
        {"Đến hết quý III/2023, cả nước có 6.511 xã đạt chuẩn, chiếm 78,95%.",
         {"2023-09-30 national xa_standard_count 6511", "2023-09-30 national xa_standard_percent 78.95"}},
        // Targets, changes and approximations are not reported figures.
        {"Mục tiêu đến hết năm 2025, toàn tỉnh có 120 xã đạt chuẩn nông thôn mới.", {}},
        {"Đến hết năm 2023, toàn tỉnh tăng thêm 9 xã đạt chuẩn nông thôn mới.", {}},
        {"Đến hết năm 2023, có gần 100 xã đạt chuẩn nông thôn mới.", {}},
        {"Đến hết năm 2023, còn 7 xã chưa đạt chuẩn nông thôn mới.", {}},
        // "(trong đó …)" counts some of the count before it: the province's only when it is a
        // higher level (a real Quảng Bình sentence of 2018, dated and put in Lạng Sơn).
        {"Đến ngày 30/6/2018, tỉnh có 47 xã đạt từ 15 - 18 tiêu chí (trong đó có 23 xã đã được công nhận đạt "
         "chuẩn NTM nhưng bị sụt giảm tiêu chí); 38 xã đạt từ 10 - 14 tiêu chí.",
         {"2018-06-30 province:20 band:15-18:count 47", "2018-06-30 province:20 band:10-14:count 38"}},
        {"Đến ngày 30/6/2024, tỉnh có 120 xã đạt chuẩn nông thôn mới (trong đó có 30 xã đạt chuẩn nông thôn mới "
         "nâng cao).",
         {"2024-06-30 province:20 xa_standard_count 120", "2024-06-30 province:20 xa_advanced_count 30"}},
    };
    for (const auto& c : cases) EXPECT_EQ(figures(parse(c.text)), c.want) << c.text;
}

TEST(NewsForms, ADocumentTheItemImplementsIsKeptNotDated) {
    // The decision is background to the conference: a reference, not a second item.
    const NewsBulletin b = parse(
        "Ngày 20/9/2023, UBND huyện Văn Lãng tổ chức hội nghị triển khai Quyết định số 1580/QĐ-UBND ngày "
        "15/9/2023 của UBND tỉnh.");
    EXPECT_EQ(items(b), (std::vector<std::string>{"2023-09-20 conference [182] []"}));
    ASSERT_EQ(b.documents.size(), 1u);
    EXPECT_EQ(b.documents[0].issuer, "UBND tỉnh");
    EXPECT_EQ(b.documents[0].date->iso(), "2023-09-15");
    ASSERT_EQ(b.events[0].documents.size(), 1u);
}

// --- Bad input ------------------------------------------------------------------------------

std::string write_bytes(const std::string& dir, const std::string& name, const std::string& bytes) {
    const std::string path = dir + "/" + name;
    std::FILE* f = std::fopen(path.c_str(), "wb");
    std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::fclose(f);
    return path;
}

std::string error_of(const std::string& path) {
    try {
        import_news_file(path, demo());
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(NewsBadInput, ClearOneLineMessagesNamingTheFile) {
    const std::string dir = test::temp_dir("news-bad");
    const std::string empty = write_bytes(dir, "empty.txt", "");
    EXPECT_EQ(error_of(empty), empty + ": empty file, no text to import");
    const std::string blank = write_bytes(dir, "blank.txt", "\n \r\n\t\n");
    EXPECT_EQ(error_of(blank), blank + ": empty file, no text to import");
    // "Ngày 22/8/2023, kiểm tra huyện Cao Lộc" in CP1258: à is 0xE0 there, not UTF-8.
    const std::string cp1258 = write_bytes(dir, "cp1258.txt", "Tin t\xF4\xEC\x63\n\nNg\xE0y 22/8/2023, ki\xEA\xECm tra.\n");
    EXPECT_EQ(error_of(cp1258), cp1258 +
                                    ": not valid UTF-8 at byte offset 5 (line 1, byte 0xF4); save the bulletin as UTF-8 "
                                    "(legacy CP1258, TCVN3 or VNI text must be converted first)");
    const std::string binary = write_bytes(dir, "binary.txt", std::string("PK\x03\x04\0\0garbage", 12));
    EXPECT_EQ(error_of(binary), binary + ": binary data, not a text bulletin (control byte 0x03 at byte offset 2)");
    const std::string symbols = write_bytes(dir, "symbols.txt", "#$%^&*()_+{}|:<>?~!@#$%^&*()=-[];',./");
    EXPECT_EQ(error_of(symbols), symbols + ": does not look like text (only 0% letters and digits); is this a news bulletin?");
    const std::string english = write_bytes(dir, "english.txt", "The quick brown fox jumps over the lazy dog again and again.");
    EXPECT_EQ(error_of(english), english + ": no Vietnamese text found; is this a news bulletin?");
    const std::string utf16 = write_bytes(dir, "utf16.txt", std::string("\xFF\xFEN\0g\0", 6));
    EXPECT_EQ(error_of(utf16), utf16 + ": UTF-16 text; save the bulletin as UTF-8");
    const std::string missing = dir + "/missing.txt";
    EXPECT_EQ(error_of(missing), missing + ": no such file");
    EXPECT_EQ(error_of(dir), dir + ": is a folder, not a bulletin");
    fs::remove_all(dir);
}

TEST(NewsBadInput, VeryLongLinesAreRefusedQuickly) {
    const std::string dir = test::temp_dir("news-long");
    std::string text = "Tin tức\n\n";
    text += std::string(10u << 20, 'a');  // one line of 10 MiB
    const std::string path = write_bytes(dir, "long.txt", text);
    EXPECT_EQ(error_of(path), path + ", line 3: a line of 10485760 bytes is longer than a bulletin paragraph may be (65536 bytes)");
    // Too large a file altogether.
    const std::string huge = write_bytes(dir, "huge.txt", std::string(17u << 20, '\n'));
    EXPECT_EQ(error_of(huge), huge + ": 17825792 bytes is too large for a news bulletin (at most 16 MiB)");
    fs::remove_all(dir);
}

TEST(NewsBadInput, PathologicalTextNeverCrashes) {
    // Long runs of numbers, slashes, dates and type words: parsed in bounded time, nothing odd.
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "ngày 1/2/3/4/5 xã xã huyện 12/3/BC-UBND 31/6/2023 99/99/9999 số / - , ";
    const NewsBulletin b = parse("Tin " + text);
    EXPECT_TRUE(b.events.empty());
    std::string many_dates = "Kiểm tra";
    for (int i = 0; i < 3000; ++i) many_dates += " ngày 1/1/2023 và";
    EXPECT_NO_THROW(parse(many_dates + " 2/1/2023."));
}

}  // namespace
}  // namespace ntm::io
