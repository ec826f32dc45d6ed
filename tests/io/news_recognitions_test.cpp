// Recognition notices in news text: decisions and their numbers, communes paired with them, the
// level on the map following them; places matched with their diacritics, within their district
// and among the units in force on the item's date (the demo in both boundary versions).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/demo.h"
#include "core/state.h"
#include "geo/geometry.h"
#include "io/dataset_file.h"
#include "io/news_import.h"
#include "io/news_recognitions.h"
#include "io/news_text.h"
#include "support/test_support.h"

namespace ntm::io {
namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Units of 2020 (by district, until 30/06/2025) and of 2025-07 (no districts).
const Dataset& demo() {
    static const Dataset d = demo::make_demo_dataset_2026(demo::parse_merger_list(
        read_text(std::string(NTM_TEST_DATA_DIR) + "/../../data/geo/langson_merger_2025-07.csv")));
    return d;
}

std::size_t news_max_line() { return kNewsMaxLineBytes; }

NewsBulletin parse(const std::string& text) { return parse_news(check_news_text(text, "t.txt"), "t.txt", demo()); }

// "2019-07-16 directive": each event's start and kind, in order.
std::vector<std::string> event_lines(const NewsBulletin& b) {
    std::vector<std::string> out;
    for (const NewsEvent& e : b.events) out.push_back(e.event.start.iso() + " " + event_kind_id(e.event.kind));
    return out;
}

std::string notes(const NewsBulletin& b) {
    std::string out;
    for (const NewsNote& n : b.notes) out += n.message + "\n";
    return out;
}

std::vector<std::string> codes(const NewsBulletin& b) {
    std::vector<std::string> out;
    for (const NewsEvent& e : b.events)
        for (const std::string& c : e.event.unit_codes) out.push_back(c);
    return out;
}

TEST(NewsDecisions, NumbersSharingASuffixAreSeveralDecisions) {
    const std::string text = "theo các Quyết định số 1234, 1235 và 1236/QĐ-UBND ngày 5/12/2024 của UBND tỉnh.";
    const news::Tokens t = news::tokenize(text);
    const auto d = news::find_decisions(text, t, 0, t.size());
    ASSERT_EQ(d.size(), 3u);
    EXPECT_EQ(d[0].number, "1234/QĐ-UBND");
    EXPECT_EQ(d[1].number, "1235/QĐ-UBND");
    EXPECT_EQ(d[2].number, "1236/QĐ-UBND");
    for (const auto& x : d) {
        ASSERT_TRUE(x.date.has_value());
        EXPECT_EQ(x.date->iso(), "2024-12-05");
        EXPECT_EQ(x.issuer, "UBND tỉnh");
    }
    const std::string other = "Quyết định số: 99/QĐ-UBND, 103/2023/QĐ-UBND; Quyết định số 46 /QĐ-UBND; Quyết định số 7.";
    const news::Tokens u = news::tokenize(other);
    const auto e = news::find_decisions(other, u, 0, u.size());
    ASSERT_EQ(e.size(), 3u);
    EXPECT_EQ(e[0].number, "99/QĐ-UBND");
    EXPECT_EQ(e[1].number, "103/2023/QĐ-UBND");
    EXPECT_EQ(e[2].number, "46/QĐ-UBND");
    EXPECT_FALSE(e[0].date.has_value());
}

TEST(NewsDecisions, LevelAndTheYearItIsFor) {
    auto level = [](const std::string& s) {
        const news::Tokens t = news::tokenize(s);
        const auto l = news::find_level(t, 0, t.size());
        return l ? std::string(level_id(l->level)) + " " + std::to_string(l->year) : std::string("none");
    };
    EXPECT_EQ(level("đạt chuẩn nông thôn mới năm 2019"), "standard 2019");
    EXPECT_EQ(level("đạt chuẩn NTM nâng cao năm 2022 theo Bộ tiêu chí"), "advanced 2022");
    EXPECT_EQ(level("đạt chuẩn nông thôn mới “Kiểu mẫu về Giáo dục” năm 2023"), "model 2023");
    EXPECT_EQ(level("đạt chuẩn xã nông thôn mới hiện đại"), "modern 0");
    EXPECT_EQ(level("đạt chuẩn tiêu chí số 2"), "none");
}

TEST(NewsRecognitions, NoticeWithCommunesAndDistrictsPairedInOrder) {
    const NewsBulletin b = parse(
        "UBND tỉnh vừa công nhận xã Hữu Lân, huyện Lộc Bình và xã Tân Thành, huyện Bắc Sơn đạt chuẩn nông thôn mới "
        "nâng cao năm 2023 (lần lượt tại các Quyết định số 801, 802/QĐ-UBND ngày 10/5/2024).");
    ASSERT_EQ(b.recognitions.size(), 2u) << notes(b);
    const NewsRecognition& a = b.recognitions[0];
    EXPECT_TRUE(a.stored) << a.why;
    EXPECT_EQ(a.unit_written, "Hữu Lân");
    EXPECT_EQ(a.district_written, "huyện Lộc Bình");
    EXPECT_EQ(a.decision_number, "801/QĐ-UBND");
    EXPECT_EQ(a.recognition.level, Level::Advanced);
    EXPECT_EQ(a.recognition.year, 2023);
    EXPECT_EQ(a.recognition.date.iso(), "2024-05-10");
    EXPECT_EQ(a.recognition.issuer, "UBND tỉnh");
    EXPECT_EQ(a.recognition.decision, "Quyết định số 801/QĐ-UBND ngày 10/05/2024");
    // Three xã are called Tân Thành: the one of Bắc Sơn, named beside it.
    EXPECT_EQ(b.recognitions[1].recognition.unit_code, "06379");
    EXPECT_EQ(b.recognitions[1].decision_number, "802/QĐ-UBND");
    ASSERT_EQ(b.events.size(), 1u);
    EXPECT_EQ(b.events[0].event.kind, EventKind::Recognition);
}

TEST(NewsRecognitions, ADecisionNamedBeforeItsCommunesServesOneList) {
    const NewsBulletin b = parse(
        "Ngày 20/01/2020, UBND tỉnh đã ban hành Quyết định số: 46 /QĐ-UBND về việc công nhận xã đạt chuẩn nông thôn "
        "mới năm 2019.\n\n"
        "02 xã được công nhận đạt chuẩn nông thôn mới gồm: xã Hữu Lân, huyện Lộc Bình; xã Bính Xá, huyện Đình Lập.\n\n"
        "Xã Tân Thành, huyện Bắc Sơn đạt chuẩn nông thôn mới năm 2018.");
    ASSERT_EQ(b.recognitions.size(), 2u) << notes(b);
    for (const NewsRecognition& r : b.recognitions) {
        EXPECT_TRUE(r.stored) << r.unit_written << ": " << r.why;
        EXPECT_EQ(r.decision_number, "46/QĐ-UBND");
        EXPECT_EQ(r.recognition.date.iso(), "2020-01-20");
        EXPECT_EQ(r.recognition.year, 2019);
        EXPECT_EQ(r.recognition.issuer, "UBND tỉnh");
    }
    EXPECT_EQ(b.recognitions[1].recognition.unit_code, "06622");
}

TEST(NewsRecognitions, EachDecisionClauseIsANotice) {
    const NewsBulletin b = parse(
        "UBND tỉnh ban hành Quyết định số 801/QĐ-UBND ngày 10/5/2024 công nhận xã Hữu Lân, huyện Lộc Bình đạt chuẩn "
        "nông thôn mới năm 2023; Quyết định số 802/QĐ-UBND ngày 12/5/2024 công nhận xã Bính Xá, huyện Đình Lập đạt "
        "chuẩn nông thôn mới nâng cao năm 2023.");
    ASSERT_EQ(b.recognitions.size(), 2u) << notes(b);
    EXPECT_EQ(b.recognitions[0].recognition.unit_code, "06598");
    EXPECT_EQ(b.recognitions[0].recognition.level, Level::Standard);
    EXPECT_EQ(b.recognitions[0].recognition.date.iso(), "2024-05-10");
    EXPECT_EQ(b.recognitions[1].recognition.unit_code, "06622");
    EXPECT_EQ(b.recognitions[1].recognition.level, Level::Advanced);
    EXPECT_EQ(b.recognitions[1].recognition.date.iso(), "2024-05-12");
    EXPECT_TRUE(b.recognitions[0].stored && b.recognitions[1].stored);
}

TEST(NewsRecognitions, ListsThatCannotBePairedStoreNothing) {
    const NewsBulletin b = parse(
        "UBND tỉnh công nhận xã Hữu Lân, huyện Lộc Bình, xã Tân Thành, huyện Bắc Sơn và xã Bính Xá, huyện Đình Lập "
        "đạt chuẩn nông thôn mới năm 2023 (lần lượt tại các Quyết định số 801, 802/QĐ-UBND ngày 10/5/2024).");
    ASSERT_EQ(b.recognitions.size(), 3u);
    for (const NewsRecognition& r : b.recognitions) EXPECT_FALSE(r.stored);
    EXPECT_NE(notes(b).find("3 communes but 2 decisions; they cannot be paired"), std::string::npos) << notes(b);
}

TEST(NewsRecognitions, ProposalsReviewsAndRevocationsRecogniseNothing) {
    for (const char* text : {
             "Ngày 20/5/2024, UBND huyện Lộc Bình đề nghị công nhận xã Hữu Lân đạt chuẩn nông thôn mới năm 2023.",
             "Ngày 20/5/2024, Hội đồng thẩm định bỏ phiếu xét, công nhận xã Hữu Lân đạt chuẩn nông thôn mới năm 2023.",
             "Ngày 20/5/2024, UBND tỉnh ban hành Quyết định số 5/QĐ-UBND thu hồi Quyết định công nhận xã Hữu Lân đạt "
             "chuẩn nông thôn mới năm 2023.",
             "Năm 2024, xã Hữu Lân phấn đấu được công nhận đạt chuẩn nông thôn mới nâng cao."}) {
        const NewsBulletin b = parse(text);
        EXPECT_TRUE(b.recognitions.empty()) << text;
    }
}

TEST(NewsRecognitions, AModernCommuneAfterTheMerger) {
    const NewsBulletin b = parse("Ngày 10/3/2027, UBND tỉnh ban hành Quyết định số 77/QĐ-UBND công nhận xã Đoàn Kết "
                                 "đạt chuẩn nông thôn mới hiện đại năm 2026.");
    ASSERT_EQ(b.recognitions.size(), 1u) << notes(b);
    EXPECT_TRUE(b.recognitions[0].stored) << b.recognitions[0].why;
    EXPECT_EQ(b.recognitions[0].recognition.level, Level::Modern);
    const int u = demo().find_unit(b.recognitions[0].recognition.unit_code, Date::from_ymd(2027, 3, 10));
    ASSERT_GE(u, 0);
    EXPECT_EQ(demo().versions[demo().units[u].version].id, "2025-07");
}

TEST(NewsRecognitions, TheLevelOnTheMapFollowsAndReimportAddsNothing) {
    Dataset d = demo();
    const int unit = d.find_unit("06622", Date::from_ymd(2024, 6, 1));  // Xã Bính Xá, Đình Lập
    ASSERT_GE(unit, 0);
    const Date after = Date::from_ymd(2024, 6, 1);
    const Level before = AttainmentIndex(d).state(unit, after).level;
    const NewsBulletin b = parse_news(
        check_news_text("Ngày 20/5/2024, UBND tỉnh ban hành Quyết định số 901/QĐ-UBND công nhận xã Bính Xá, huyện "
                        "Đình Lập đạt chuẩn nông thôn mới kiểu mẫu năm 2023.",
                        "k.txt"),
        "k.txt", d);
    ASSERT_EQ(b.recognitions.size(), 1u) << notes(b);
    EXPECT_EQ(b.recognitions[0].recognition.date.iso(), "2024-05-20");  // the sentence's day is the decision's
    const NewsMerge m = merge_news(d, b);
    EXPECT_EQ(m.recognitions_added, 1);
    EXPECT_NE(before, Level::Model);
    EXPECT_EQ(AttainmentIndex(d).state(unit, after).level, Level::Model);
    const NewsMerge again = merge_news(d, b);
    EXPECT_EQ(again.recognitions_added, 0);
    EXPECT_EQ(again.recognitions_duplicate, 1);
}

TEST(NewsRecognitions, SurviveTheDatasetFileWithYearAndIssuer) {
    Dataset d = demo();
    const size_t before = d.recognitions.size();
    merge_news(d, parse_news(check_news_text("UBND tỉnh vừa công nhận xã Hữu Lân, huyện Lộc Bình đạt chuẩn nông thôn "
                                             "mới nâng cao năm 2023 (Quyết định số 801/QĐ-UBND ngày 10/5/2024).",
                                             "r.txt"),
                             "r.txt", d));
    ASSERT_EQ(d.recognitions.size(), before + 1);
    const std::string dir = test::temp_dir("news-recognitions");
    geo::MapGeometry g;  // a dataset file holds projected shapes; one is enough
    g.crs_wkt = "EPSG:9215";
    g.shapes.resize(d.units.size());
    g.shapes[0].parts.push_back({geo::Ring{{500000, 2400000}, {500100, 2400000}, {500100, 2400100}}, {}});
    save_dataset(dir + "/d.gpkg", d, g);
    const Dataset back = load_dataset(dir + "/d.gpkg").dataset;
    ASSERT_EQ(back.recognitions.size(), d.recognitions.size());
    const Recognition& r = back.recognitions.back();
    EXPECT_EQ(r.unit_code, "06598");
    EXPECT_EQ(r.level, Level::Advanced);
    EXPECT_EQ(r.date.iso(), "2024-05-10");
    EXPECT_EQ(r.year, 2023);
    EXPECT_EQ(r.issuer, "UBND tỉnh");
    EXPECT_EQ(r.decision, "Quyết định số 801/QĐ-UBND ngày 10/05/2024");
    std::filesystem::remove_all(dir);
}

TEST(NewsPlaces, ExactDiacriticsWithinTheDistrictNamedBeside) {
    // Tân Thanh (Văn Lãng) is not Tân Thành; Cao Lộc has a Tân Thành but no Tân Thanh.
    NewsBulletin b = parse("Ngày 5/9/2023, Đoàn công tác kiểm tra xã Tân Thanh, huyện Cao Lộc.");
    EXPECT_TRUE(codes(b).empty()) << codes(b)[0];
    EXPECT_NE(notes(b).find("xã Tân Thanh, huyện Cao Lộc: no unit of that name in that district"), std::string::npos)
        << notes(b);
    EXPECT_EQ(codes(parse("Ngày 5/9/2023, Đoàn công tác kiểm tra xã Tân Thanh.")), std::vector<std::string>{"06166"});
    EXPECT_EQ(codes(parse("Ngày 5/9/2023, Đoàn công tác kiểm tra xã Tân Thành, huyện Cao Lộc.")),
              std::vector<std::string>{"06250"});
    // The old tone placement is the same spelling: "Hoà Sơn" is Hòa Sơn (Hữu Lũng).
    EXPECT_EQ(codes(parse("Ngày 5/9/2023, Đoàn công tác kiểm tra xã Hoà Sơn, huyện Hữu Lũng.")),
              std::vector<std::string>{"06445"});
    // A district of another province beside the name: nothing of that name elsewhere is it.
    b = parse("Ngày 5/9/2023, Đoàn công tác kiểm tra xã Tân Thanh, huyện Lạng Giang.");
    EXPECT_TRUE(codes(b).empty());
    EXPECT_NE(notes(b).find("huyện Lạng Giang: no district of that name"), std::string::npos) << notes(b);
}

TEST(NewsPlaces, UnitsInForceOnTheItemsDate) {
    // Xã Cao Minh (Tràng Định) was merged into Xã Đoàn Kết on 1/7/2025; code 06001 is of both the
    // old and the new Đoàn Kết.
    EXPECT_EQ(codes(parse("Ngày 5/9/2024, Đoàn công tác kiểm tra xã Cao Minh, huyện Tràng Định.")),
              std::vector<std::string>{"06010"});
    const NewsBulletin after = parse("Ngày 15/8/2025, Đoàn công tác kiểm tra xã Cao Minh.");
    EXPECT_TRUE(codes(after).empty());
    EXPECT_NE(notes(after).find("xã Cao Minh: no unit of that name on 2025-08-15"), std::string::npos) << notes(after);
    const NewsBulletin now = parse("Ngày 15/8/2025, Đoàn công tác kiểm tra xã Đoàn Kết.");
    ASSERT_EQ(codes(now), std::vector<std::string>{"06001"});
    const int u = demo().find_unit("06001", Date::from_ymd(2025, 8, 15));
    ASSERT_GE(u, 0);
    EXPECT_EQ(demo().versions[demo().units[u].version].id, "2025-07");
}

// "unit | district | level | year | decision | date | code" of every recognition read.
std::vector<std::string> recs(const NewsBulletin& b) {
    std::vector<std::string> out;
    for (const NewsRecognition& r : b.recognitions)
        out.push_back(r.unit_written + " | " + r.district_written + " | " + level_id(r.recognition.level) + " | " +
                      std::to_string(r.recognition.year) + " | " + r.decision_number + " | " +
                      (r.decision_date ? r.decision_date->iso() : "-") + " | " +
                      (r.stored ? r.recognition.unit_code : "-"));
    return out;
}

TEST(NewsRecognitionTables, RowsOfCellsSeparatedByBarsWithADistrictColumn) {
    const NewsBulletin b = parse(
        "Danh sách các xã được công nhận đạt chuẩn nông thôn mới nâng cao năm 2022\n"
        "STT | Huyện | Tên xã | Quyết định công nhận\n"
        "1 | Tràng Định | Chi Lăng | Quyết định số 99/QĐ-UBND ngày 26/01/2023 của UBND tỉnh\n"
        "2 | Hữu Lũng | Sơn Hà | Quyết định số 103/QĐ-UBND ngày 26/01/2023 của UBND tỉnh\n"
        "3 | Lộc Bình | Bắc Lãng | Quyết định số 105/QĐ-UBND ngày 26/01/2023 của UBND tỉnh\n");
    EXPECT_EQ(recs(b), (std::vector<std::string>{
                           "Chi Lăng | Tràng Định | advanced | 2022 | 99/QĐ-UBND | 2023-01-26 | 06034",
                           "Sơn Hà | Hữu Lũng | advanced | 2022 | 103/QĐ-UBND | 2023-01-26 | 06454",
                           // Bắc Lãng is of Đình Lập: not looked for elsewhere than the district written.
                           "Bắc Lãng | Lộc Bình | advanced | 2022 | 105/QĐ-UBND | 2023-01-26 | -"}))
        << notes(b);
    EXPECT_NE(notes(b).find("a table of 3 recognitions"), std::string::npos) << notes(b);
    EXPECT_NE(notes(b).find("recognition of xã Bắc Lãng, Lộc Bình (advanced): no unit of that name in that district"),
              std::string::npos)
        << notes(b);
}

TEST(NewsRecognitionTables, OneCellALineWithYearAndDistrictHeadings) {
    const NewsBulletin b = parse(
        "Danh sách các xã đã được UBND tỉnh công nhận đạt chuẩn nông thôn mới\n\nTT\n\nTÊN XÃ\n\nNĂM 2018 (01 xã)\n\n"
        "I\n\nĐÌNH LẬP (01 xã)\n\n1\n\nBính Xá\n\nQuyết định số 2165/QĐ-UBND ngày 31/10/2018 của UBND tỉnh\n\n"
        "NĂM 2022 (01 xã)\n\nI\n\nHuyện Tràng Định (01 xã)\n\n1\n\nChi Lăng*\n\n"
        "Quyết định số 99/QĐ-UBND ngày 26/01/2023 của UBND tỉnh\n\nGhi chú: (*) xã biên giới.\n");
    EXPECT_EQ(recs(b), (std::vector<std::string>{
                           "Bính Xá | Đình Lập | standard | 2018 | 2165/QĐ-UBND | 2018-10-31 | 06622",
                           "Chi Lăng | Tràng Định | standard | 2022 | 99/QĐ-UBND | 2023-01-26 | 06034"}))
        << notes(b);
}

TEST(NewsRecognitions, ListsWithoutTheWordXa) {
    const NewsBulletin b = parse(
        "Ngày 26/01/2023, UBND tỉnh ban hành Quyết định số 99/QĐ-UBND công nhận 3 xã đạt chuẩn nông thôn mới nâng "
        "cao năm 2022, gồm: Chi Lăng (Tràng Định), Sơn Hà (Hữu Lũng) và Bắc Lãng (Đình Lập).");
    EXPECT_EQ(recs(b), (std::vector<std::string>{
                           "Chi Lăng | Tràng Định | advanced | 2022 | 99/QĐ-UBND | 2023-01-26 | 06034",
                           "Sơn Hà | Hữu Lũng | advanced | 2022 | 99/QĐ-UBND | 2023-01-26 | 06454",
                           "Bắc Lãng | Đình Lập | advanced | 2022 | 99/QĐ-UBND | 2023-01-26 | 06646"}))
        << notes(b);
    // The list after the notice that counts them, with "của huyện".
    const NewsBulletin c = parse(
        "Ngày 31/10/2018, UBND tỉnh ban hành Quyết định số 2165/QĐ-UBND công nhận 2 xã đạt chuẩn nông thôn mới năm "
        "2018.\n\nTheo đó 2 xã được công nhận lần này, gồm Bính Xá, Bắc Lãng của huyện Đình Lập.");
    EXPECT_EQ(recs(c), (std::vector<std::string>{
                           "Bính Xá | huyện Đình Lập | standard | 2018 | 2165/QĐ-UBND | 2018-10-31 | 06622",
                           "Bắc Lãng | huyện Đình Lập | standard | 2018 | 2165/QĐ-UBND | 2018-10-31 | 06646"}))
        << notes(c);
}

TEST(NewsRecognitions, OneDecisionForTwoLevelsEachWithItsList) {
    const NewsBulletin b = parse(
        "Ngày 20/02/2023, Chủ tịch UBND tỉnh ký Quyết định số 300/QĐ-UBND công nhận 3 xã đạt chuẩn nông thôn mới "
        "nâng cao và kiểu mẫu năm 2022. Theo đó, có 2 xã đạt chuẩn NTM nâng cao, gồm: Chi Lăng (Tràng Định) và Sơn "
        "Hà (Hữu Lũng); 1 xã NTM kiểu mẫu, gồm: Bắc Lãng (Đình Lập).");
    EXPECT_EQ(recs(b), (std::vector<std::string>{
                           "Chi Lăng | Tràng Định | advanced | 2022 | 300/QĐ-UBND | 2023-02-20 | 06034",
                           "Sơn Hà | Hữu Lũng | advanced | 2022 | 300/QĐ-UBND | 2023-02-20 | 06454",
                           "Bắc Lãng | Đình Lập | model | 2022 | 300/QĐ-UBND | 2023-02-20 | 06646"}))
        << notes(b);
    for (const NewsRecognition& r : b.recognitions) EXPECT_EQ(r.recognition.issuer, "Chủ tịch UBND tỉnh");
}

TEST(NewsRecognitions, ThePassiveClausesAndVillages) {
    // Each clause recognising on its own, with its own year; the communes before "được ... công nhận".
    const NewsBulletin b = parse(
        "Ngày 20/12/2016, xã Chi Lăng (Tràng Định) được UBND tỉnh công nhận đạt chuẩn NTM năm 2015 theo Quyết định "
        "số 2001/QĐ-UBND; xã Sơn Hà và xã Bắc Lãng được UBND tỉnh công nhận đạt chuẩn NTM năm 2016 theo Quyết định "
        "số 2002/QĐ-UBND.");
    EXPECT_EQ(recs(b), (std::vector<std::string>{
                           "Chi Lăng | Tràng Định | standard | 2015 | 2001/QĐ-UBND | 2016-12-20 | 06034",
                           "Sơn Hà |  | standard | 2016 | 2002/QĐ-UBND | 2016-12-20 | 06454",
                           "Bắc Lãng |  | standard | 2016 | 2002/QĐ-UBND | 2016-12-20 | 06646"}))
        << notes(b);
    // Villages recognised are not their communes recognised.
    EXPECT_TRUE(parse("Ngày 6/11/2021, Chủ tịch UBND huyện Tràng Định ký các Quyết định số 501/QĐ-UBND công nhận các "
                      "thôn: Nà Pàn, xã Chi Lăng đạt chuẩn nông thôn mới kiểu mẫu năm 2021.")
                    .recognitions.empty());
    // The signer is not the issuer.
    const NewsBulletin s = parse(
        "Ngày 14/01/2019, Chủ tịch UBND tỉnh Hồ Tiến Thiệu đã ký Quyết định số 46/QĐ-UBND công nhận xã Bính Xá, "
        "huyện Đình Lập đạt chuẩn nông thôn mới năm 2018.");
    ASSERT_EQ(s.recognitions.size(), 1u);
    EXPECT_EQ(s.recognitions[0].recognition.issuer, "Chủ tịch UBND tỉnh");
}

TEST(NewsFigures, ProvincesAndOtherProvincesAreNotThisProvince) {
    auto figures = [](const std::string& text) {
        std::vector<std::string> out;
        for (const NewsFigure& f : parse(text).figures) out.push_back(f.figure.scope + " " + f.figure.figure);
        return out;
    };
    EXPECT_TRUE(figures("Tính đến tháng 10/2021, có 12 tỉnh đã có 100% số xã đạt chuẩn nông thôn mới.").empty());
    EXPECT_TRUE(figures("Tính đến tháng 11/2022, 18 tỉnh có 100% số xã đạt chuẩn nông thôn mới.").empty());
    EXPECT_TRUE(figures("Tính đến hết năm 2020, toàn tỉnh Hà Giang có 45 xã đạt chuẩn nông thôn mới.").empty());
    EXPECT_EQ(figures("Tính đến hết năm 2020, toàn tỉnh Lạng Sơn có 45 xã đạt chuẩn nông thôn mới."),
              std::vector<std::string>{"province:20 xa_standard_count"});
    // A target's cut-off dates nothing, in its sentence or the next.
    EXPECT_TRUE(figures("Mục tiêu đến năm 2025 toàn tỉnh có 120 xã đạt chuẩn nông thôn mới. Trong đó, có 30 xã đạt "
                        "chuẩn nông thôn mới nâng cao.")
                    .empty());
    // Bands with the qualifier first.
    EXPECT_EQ(figures("Tính đến ngày 31/12/2023: - Nhóm xã đạt từ 10 đến 14 tiêu chí có 25 xã, chiếm 13,8%; - Dưới "
                      "10 tiêu chí: 6 xã; - 15-18 tiêu chí: 60 xã."),
              (std::vector<std::string>{"province:20 band:10-14:count", "province:20 band:10-14:percent",
                                        "province:20 band:0-9:count", "province:20 band:15-18:count"}));
    // Exceeding a target is a result.
    EXPECT_EQ(figures("Đến tháng 6/2025, cả nước vượt mục tiêu và có 743 xã đạt chuẩn nông thôn mới kiểu mẫu."),
              std::vector<std::string>{"national xa_model_count"});
}


std::vector<std::string> dated_figures(const NewsBulletin& b) {
    std::vector<std::string> out;
    for (const NewsFigure& f : b.figures) {
        char v[32];
        std::snprintf(v, sizeof v, "%g", f.figure.value);
        out.push_back(f.figure.date.iso() + " " + f.figure.scope + " " + f.figure.figure + " " + v);
    }
    return out;
}

TEST(NewsFigures, ResultsParagraphPhrasings) {
    using V = std::vector<std::string>;
    // Subsets of the province's communes are not its counts; a share of a target is not a share of xã.
    EXPECT_EQ(dated_figures(parse("Đến hết năm 2021, trên địa bàn tỉnh có 9/20 xã biên giới được công nhận đạt chuẩn "
                                  "NTM; bình quân mỗi xã biên giới đạt 13,85 tiêu chí.")),
              V{});
    EXPECT_EQ(dated_figures(parse("Tính đến hết năm 2018, toàn tỉnh có 15 xã được công nhận đạt chuẩn NTM, đạt 75% "
                                  "mục tiêu 5 năm.")),
              V{"2018-12-31 province:20 xa_standard_count 15"});
    // Each figure takes the cut-off before it; a margin over a target is no figure.
    EXPECT_EQ(dated_figures(parse("Đến hết năm 2020, đã hoàn thành vượt 12,4% số xã đạt chuẩn NTM so với mục tiêu, đến "
                                  "tháng 7/2021 toàn tỉnh có 64,6% số xã đạt chuẩn NTM.")),
              V{"2021-07-31 province:20 xa_standard_percent 64.6"});
    // A change governs the counts joined to it; the running totals in parentheses are the figures.
    EXPECT_EQ(dated_figures(parse("Tính đến ngày 4/3/2023 đã có thêm 6 xã đạt chuẩn NTM (lũy kế toàn tỉnh có 144/184 "
                                  "xã đạt chuẩn) và 15 xã đạt chuẩn NTM nâng cao (lũy kế toàn tỉnh có 38 xã).")),
              (V{"2023-03-04 province:20 xa_standard_count 144", "2023-03-04 province:20 xa_total 184",
                 "2023-03-04 province:20 xa_advanced_count 38"}));
    // Within a period, a bare count is of what it added; a total, a share and an average are states.
    const NewsBulletin flow = parse("Trong năm 2023, toàn tỉnh có 9 xã đạt chuẩn nông thôn mới nâng cao.");
    EXPECT_EQ(dated_figures(flow), V{});
    EXPECT_NE(notes(flow).find("a count of what the period added, not a total; not stored"), std::string::npos)
        << notes(flow);
    EXPECT_EQ(dated_figures(parse("Trong 6 tháng đầu năm 2022, toàn tỉnh có 109/137 xã đạt chuẩn nông thôn mới, chiếm "
                                  "79,6%, bình quân đạt 17,87 tiêu chí trên một xã.")),
              (V{"2022-06-30 province:20 xa_standard_count 109", "2022-06-30 province:20 xa_standard_percent 79.6",
                 "2022-06-30 province:20 xa_total 137", "2022-06-30 province:20 average_criteria 17.87"}));
    // A running total with its share; a band that has none.
    EXPECT_EQ(dated_figures(parse("Đến cuối năm 2018 có thêm 14 xã hoàn thành 19/19 tiêu chí, đưa tổng số xã đạt "
                                  "chuẩn toàn tỉnh lên 44 xã /104 xã, tương ứng tỷ lệ 42,31%. - Số xã đạt 8-9 tiêu chí : "
                                  "3 xã, tỷ lệ 2,9% - Số xã dưới 8 tiêu chí : Không có.")),
              (V{"2018-12-31 province:20 xa_standard_count 44", "2018-12-31 province:20 xa_total 104",
                 "2018-12-31 province:20 xa_standard_percent 42.31", "2018-12-31 province:20 band:8-9:count 3",
                 "2018-12-31 province:20 band:8-9:percent 2.9", "2018-12-31 province:20 band:0-7:count 0"}));
    // "Đến nay" is the day of writing, not the date of the sentence before.
    EXPECT_EQ(dated_figures(parse("Tính đến tháng 6/2023, toàn tỉnh có 120 xã đạt chuẩn nông thôn mới. Đến nay, toàn "
                                  "tỉnh có 5 xã đạt chuẩn NTM kiểu mẫu.")),
              V{"2023-06-30 province:20 xa_standard_count 120"});
    // The count after what it counts, for bands too; levels within the total.
    EXPECT_EQ(dated_figures(parse("Tính đến ngày 31/7/2020, số xã đạt 19 tiêu chí là 51 xã (28,18%); số xã đạt từ 15-18 "
                                  "tiêu chí là 4 xã, chiếm 2,21%.")),
              (V{"2020-07-31 province:20 band:19:count 51", "2020-07-31 province:20 band:19:percent 28.18",
                 "2020-07-31 province:20 band:15-18:count 4", "2020-07-31 province:20 band:15-18:percent 2.21"}));
    EXPECT_EQ(dated_figures(parse("Tính đến hết năm 2022, toàn tỉnh có 100 xã đạt chuẩn NTM, trong đó 10 xã đạt chuẩn "
                                  "NTM nâng cao, 2 xã đạt chuẩn NTM kiểu mẫu; số tiêu chí bình quân đạt 16,2 tiêu chí/xã.")),
              (V{"2022-12-31 province:20 xa_standard_count 100", "2022-12-31 province:20 xa_advanced_count 10",
                 "2022-12-31 province:20 xa_model_count 2", "2022-12-31 province:20 average_criteria 16.2"}));
    EXPECT_EQ(dated_figures(parse("Tính đến hết năm 2017, trung bình mỗi xã đạt 14,1 tiêu chí; không có xã nào dưới 5 "
                                  "tiêu chí.")),
              (V{"2017-12-31 province:20 average_criteria 14.1", "2017-12-31 province:20 band:0-4:count 0"}));
    // A district the dataset does not have is not the province.
    EXPECT_EQ(dated_figures(parse("Tính đến tháng 6/2022, huyện Phú Bình có 100% số xã đạt chuẩn nông thôn mới.")), V{});
}

// Phrasings of the 2024-2026 items (tests/data/news/items: tg_2024-12, tq_6-xa-nang-cao, vn_2025-*):
// decision numbers written without their code, dated by the notice that announced them; a second
// "công nhận" naming the commune; the day a decision takes effect; a document heading in lines.
TEST(NewsRecognitions, NumbersWithoutTheirCodeDatedByTheNotice) {
    const NewsBulletin b = parse(
        "Ngày 2-12-2024, UBND tỉnh ban hành các quyết định công nhận các xã đạt chuẩn nông thôn mới nâng cao, nông "
        "thôn mới kiểu mẫu.\n\nTheo đó, UBND tỉnh ban hành Quyết định 2949 công nhận xã Hữu Lễ, huyện Văn Quan đạt "
        "chuẩn nông thôn mới kiểu mẫu năm 2024.\n\nUBND tỉnh ban hành các Quyết định 2950, 2951 công nhận các xã: Tân "
        "Đoàn, Tràng Phái, huyện Văn Quan đạt chuẩn nông thôn mới nâng cao năm 2024.");
    ASSERT_EQ(b.recognitions.size(), 3u) << notes(b);
    const char* const numbers[] = {"2949", "2950", "2951"};
    const char* const units[] = {"Hữu Lễ", "Tân Đoàn", "Tràng Phái"};
    for (int i = 0; i < 3; ++i) {
        const NewsRecognition& r = b.recognitions[i];
        EXPECT_EQ(r.unit_written, units[i]);
        EXPECT_EQ(r.decision_number, numbers[i]) << "kept as written, not completed";
        ASSERT_TRUE(r.decision_date.has_value()) << r.unit_written;
        EXPECT_EQ(r.decision_date->iso(), "2024-12-02");
        EXPECT_STREQ(level_id(r.recognition.level), i == 0 ? "model" : "advanced");
    }
    // A number the sentence goes on from, or a single digit, is no decision.
    for (const char* text : {"Căn cứ Quyết định 1600 năm 2016 của Thủ tướng.", "theo Quyết định số 5 công nhận."}) {
        const news::Tokens t = news::tokenize(text);
        EXPECT_TRUE(news::find_decisions(text, t, 0, t.size()).empty()) << text;
    }
}

TEST(NewsRecognitions, TheSecondRecognitionOfASentenceNamesTheCommune) {
    const NewsBulletin b = parse(
        "Ngày 20/12/2024, cùng với 6 xã được công nhận đạt chuẩn nông thôn mới nâng cao, UBND tỉnh cũng có quyết "
        "định công nhận xã Hữu Lễ, huyện Văn Quan đạt chuẩn nông thôn mới kiểu mẫu năm 2024.");
    ASSERT_EQ(b.recognitions.size(), 1u) << notes(b);
    EXPECT_EQ(b.recognitions[0].unit_written, "Hữu Lễ");
    EXPECT_STREQ(level_id(b.recognitions[0].recognition.level), "model");
    EXPECT_TRUE(b.recognitions[0].stored) << notes(b);
}

TEST(NewsEvents, TheDayADecisionTakesEffectAndItsHeadingInLines) {
    const NewsBulletin a = parse(
        "Phó Thủ tướng vừa ký Quyết định số 51/2025/QĐ-TTg ngày 29/12/2025 ban hành Bộ tiêu chí quốc gia về nông thôn "
        "mới giai đoạn 2026-2030. Quyết định này có hiệu lực thi hành từ ngày 15/2/2026.");
    ASSERT_EQ(a.events.size(), 1u) << notes(a);
    EXPECT_EQ(a.events[0].event.start.iso(), "2025-12-29");
    // "Số: ..." and its dateline on lines of their own, the motto between; the lead telling the same
    // decision again is the same event.
    const NewsBulletin b = parse(
        "(Chinhphu.vn) - Toàn văn Quyết định số 51/2025/QĐ-TTg ngày 29/12/2025 của Thủ tướng Chính phủ ban hành Bộ "
        "tiêu chí quốc gia về nông thôn mới.\n\nSố: 51/2025/QĐ-TTg\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nHà Nội, "
        "ngày 29 tháng 12 năm 2025\n\nSố: 339/TB-VPCP\n\nĐộc lập - Tự do - Hạnh phúc\n\nHà Nội, ngày 01 tháng 7 "
        "năm 2025");
    EXPECT_EQ(event_lines(b), (std::vector<std::string>{"2025-12-29 directive", "2025-07-01 directive"})) << notes(b);
}

TEST(NewsFigures, ProgrammeNamesAgencyTagsAndOtherProvincesSentences) {
    using V = std::vector<std::string>;
    // "Chương trình mục tiêu quốc gia" names the programme; a share of a target in parentheses
    // belongs to the count before it.
    EXPECT_EQ(dated_figures(parse("Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới, đến tháng 1-2025, "
                                  "toàn tỉnh có 80 xã đạt chuẩn nông thôn mới (đạt 97,5% mục tiêu giai đoạn) và 12 xã "
                                  "đạt chuẩn nông thôn mới kiểu mẫu.")),
              (V{"2025-01-31 province:20 xa_standard_count 80", "2025-01-31 province:20 xa_model_count 12"}));
    // A plan in parentheses still is one for the count inside them.
    EXPECT_EQ(dated_figures(parse("Đến hết năm 2024, toàn tỉnh có 80 xã đạt chuẩn nông thôn mới (kế hoạch năm 2025 có "
                                  "90 xã đạt chuẩn nông thôn mới).")),
              V{"2024-12-31 province:20 xa_standard_count 80"});
    // An agency's tag before the period heading the sentence; a running total ("nâng tổng số").
    EXPECT_EQ(dated_figures(parse("BVR&MT – Năm 2020, tỉnh Lạng Sơn đã có thêm 8 xã đạt chuẩn nông thôn mới, nâng tổng "
                                  "số xã đạt chuẩn nông thôn mới lên 49 xã.")),
              V{"2020-12-31 province:20 xa_standard_count 49"});
    EXPECT_EQ(dated_figures(parse("(QNO) - Năm 2020, toàn tỉnh có 49 xã đạt chuẩn nông thôn mới.")),
              V{"2020-12-31 province:20 xa_standard_count 49"});
    // A change of the average is no average.
    EXPECT_EQ(dated_figures(parse("Đến hết năm 2020, toàn tỉnh tăng bình quân 11,89 tiêu chí/xã so với năm 2011.")), V{});
    // The sentence after another province's figures is about that province.
    EXPECT_EQ(dated_figures(parse("Đến hết năm 2023, tỉnh Đắk Lắk có 75 xã đạt chuẩn nông thôn mới. Trong đó, có 1 xã "
                                  "đạt chuẩn nông thôn mới nâng cao.")),
              V{});
}

// The longest paragraph a bulletin may have, made of counts, changes, parentheses and lists, and a
// table of two thousand rows: read in a few seconds at most (every look-back is bounded).
TEST(NewsFigures, LongParagraphsAndTablesStayFast) {
    std::string para = "Tính đến hết năm 2022, ";
    while (para.size() < news_max_line() - 200) para += "có thêm 5 xã đạt chuẩn NTM (lũy kế 6 xã) và 7 xã gồm: Chi Lăng, ";
    para += "Sơn Hà.\n";
    std::string table = "Danh sách các xã được công nhận đạt chuẩn nông thôn mới năm 2022\n";
    for (int i = 1; i <= 2000; ++i)
        table += std::to_string(i) + " | Chi Lăng | Quyết định số " + std::to_string(i) + "/QĐ-UBND ngày 26/01/2023\n";
    const auto start = std::chrono::steady_clock::now();
    const NewsBulletin a = parse(para);
    const NewsBulletin b = parse(table);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 10.0);
    EXPECT_EQ(b.recognitions.size(), 2000u);
    // The running total in parentheses is the one figure (the same each time).
    ASSERT_EQ(a.figures.size(), 1u);
    EXPECT_EQ(a.figures[0].figure.figure, "xa_standard_count");
    EXPECT_EQ(a.figures[0].figure.value, 6);
}

TEST(NewsFigures, AFigureOfAnItemAboutAnotherProvinceIsNotStored) {
    // The dataset is Lạng Sơn's: Hà Nội's share, named alone once the text has named "thành phố Hà Nội",
    // is reported with its reason and not stored as the province's.
    const NewsBulletin a = parse(
        "Đến hết năm 2021, Hà Nội có 100% số xã đạt chuẩn nông thôn mới(28/12/2021)\n\nTheo Văn phòng Điều phối "
        "chương trình xây dựng Nông thôn mới thành phố Hà Nội, Đoàn thẩm định Thành phố đã tiến hành thẩm định được 3 "
        "xã cuối cùng của huyện Mỹ Đức.");
    EXPECT_TRUE(a.figures.empty()) << dated_figures(a).front();
    EXPECT_NE(notes(a).find("xa_standard_percent = 100% số xã đạt chuẩn nông thôn mới: a figure of Hà Nội, not of "
                            "Lạng Sơn; not stored"),
              std::string::npos)
        << notes(a);
    // A text about another province and not about the dataset's: its "toàn tỉnh" is that province.
    const NewsBulletin b = parse(
        "Ngày 08/2/2023, UBND tỉnh Hưng Yên tổ chức hội nghị. Đến hết năm 2022, toàn tỉnh có 98 xã đạt chuẩn nông "
        "thôn mới.");
    EXPECT_TRUE(b.figures.empty());
    EXPECT_NE(notes(b).find("xa_standard_count = 98 xã đạt chuẩn nông thôn mới: a figure of Hưng Yên, not of Lạng "
                            "Sơn (the text is about Hưng Yên); not stored"),
              std::string::npos)
        << notes(b);
    // A text about the dataset's province that names another keeps its own figures.
    const NewsBulletin c = parse(
        "Đến hết năm 2022, Lạng Sơn có 98 xã đạt chuẩn nông thôn mới; thành phố Hà Nội có 100% số xã đạt chuẩn "
        "nông thôn mới.");
    EXPECT_EQ(dated_figures(c), std::vector<std::string>{"2022-12-31 province:20 xa_standard_count 98"}) << notes(c);
    EXPECT_NE(notes(c).find("a figure of Hà Nội, not of Lạng Sơn"), std::string::npos) << notes(c);
    // A province named alone as a clause's subject, never with its type word (a real Quảng Bình
    // sentence of 2018, dated here); a commune list naming "Hải Dương (Hương Trà)" does not name the
    // province Hải Dương (the figure is Hương Trà's, a district Lạng Sơn has not).
    const NewsBulletin d = parse(
        "Đến ngày 30/6/2018, kết quả rà soát theo Bộ tiêu chí, Quảng Bình hiện có 29 xã đạt 19/19 tiêu chí; 47 xã "
        "đạt từ 15 - 18 tiêu chí.");
    EXPECT_TRUE(d.figures.empty()) << dated_figures(d).front();
    EXPECT_NE(notes(d).find("band:19:count = 29 xã đạt 19/19 tiêu chí: a figure of Quảng Bình, not of Lạng Sơn"),
              std::string::npos)
        << notes(d);
    const NewsBulletin e = parse(
        "Đến cuối năm 2018 có thêm 2 xã hoàn thành 19/19 tiêu chí: Hương Toàn, Hải Dương (Hương Trà), đưa tổng số xã "
        "đạt chuẩn toàn tỉnh lên 44 xã.");
    EXPECT_EQ(notes(e).find("a figure of Hải Dương"), std::string::npos) << notes(e);
    // A dataset made from a boundary file is titled by the file and has no province code: it
    // cannot say which province it is, so the province named in the text is no other's.
    Dataset from_file = demo();
    from_file.info.title = "langson_communes_2025";
    from_file.info.province_code.clear();
    EXPECT_EQ(news::province_name_of(from_file), "");
    const std::string text = "Đến hết năm 2025, toàn tỉnh Lạng Sơn có 98 xã đạt chuẩn nông thôn mới.";
    const NewsBulletin f = parse_news(check_news_text(text, "t.txt"), "t.txt", from_file);
    EXPECT_EQ(dated_figures(f), std::vector<std::string>{"2025-12-31 province xa_standard_count 98"}) << notes(f);
}

TEST(NewsRecognitions, AListOfDistrictsRecognisesNoCommune) {
    // "Các huyện có xã được công nhận gồm: ..." names districts, each whole ("Văn giang" typed with a
    // lower-case second syllable).
    const NewsBulletin b = parse(
        "Ngày 08/2/2023, UBND tỉnh Hưng Yên ban hành Quyết định số 240/QĐ-UBND công nhận 13 xã đạt chuẩn nông thôn "
        "mới kiểu mẫu năm 2022 trên địa bàn tỉnh Hưng Yên.\n\nCác huyện có xã được công nhận gồm: Phù Cừ, Văn giang, "
        "Tiên lữ, Văn Lâm, thành phố Hưng Yên, Khoái Châu, Yên Mỹ.");
    EXPECT_TRUE(b.recognitions.empty()) << notes(b);
    EXPECT_NE(notes(b).find("Văn giang: no district of that name in the dataset"), std::string::npos) << notes(b);
    EXPECT_NE(notes(b).find("Tiên lữ: no district of that name in the dataset"), std::string::npos) << notes(b);
    EXPECT_EQ(notes(b).find("no unit of that name"), std::string::npos) << notes(b);
}

TEST(NewsRecognitions, AListGoesOnAfterASemicolonWithItsOwnLevelAndYear) {
    const NewsBulletin b = parse(
        "UBND tỉnh ban hành các Quyết định 1289, 1291 công nhận các xã: Hữu Lân, huyện Lộc Bình đạt chuẩn NTM nâng "
        "cao năm 2024; Bính Xá, huyện Đình Lập đạt chuẩn NTM nâng cao năm 2025.");
    ASSERT_EQ(b.recognitions.size(), 2u) << notes(b);
    EXPECT_EQ(b.recognitions[0].unit_written, "Hữu Lân");
    EXPECT_EQ(b.recognitions[0].district_written, "huyện Lộc Bình");
    EXPECT_EQ(b.recognitions[0].decision_number, "1289");
    EXPECT_EQ(b.recognitions[0].recognition.level, Level::Advanced);
    EXPECT_EQ(b.recognitions[0].recognition.year, 2024);
    EXPECT_EQ(b.recognitions[1].unit_written, "Bính Xá");
    EXPECT_EQ(b.recognitions[1].district_written, "huyện Đình Lập");
    EXPECT_EQ(b.recognitions[1].decision_number, "1291");
    EXPECT_EQ(b.recognitions[1].recognition.level, Level::Advanced);
    EXPECT_EQ(b.recognitions[1].recognition.year, 2025);
}

TEST(NewsEvents, PostingStampsSourceLinesAndTheBulletinsWeekAreNoEvents) {
    // A feed saved as text: each decision's sentence gives its kind, the stamps are no items.
    const NewsBulletin a = parse(
        "Xây dựng nông thôn mới <span>Thu, 18/07/2019 - 09:28</span> <div class=\"field\"><p>Quyết định số "
        "1271/QĐ-UBND ngày 16/7/2019 ban hành Bộ tiêu chí Khu dân cư nông thôn mới kiểu mẫu</p> <p><a "
        "href=\"http://sonn.langson.gov.vn/files/1271.pdf\">1271.pdf</a></p> </div> Bộ tiêu chí và Quy trình xét "
        "công nhận, công bố thôn đạt chuẩn nông thôn mới <span>Mon, 22/04/2019 - 08:54</span>");
    EXPECT_EQ(event_lines(a), std::vector<std::string>{"2019-07-16 directive"}) << notes(a);
    // The source line of a corpus file, dates in addresses and the week a bulletin covers.
    const NewsBulletin b = parse(
        "# https://langson.gov.vn/chi-dao-trong-tuan-tu-ngay-12-01-2026-18-01-2026-.html | 2026-01 | Lạng Sơn\n"
        "Chỉ đạo, điều hành nổi bật của UBND tỉnh trong tuần (từ ngày 12/01/2026 - 18/01/2026)\n"
        "Phát động phong trào thi đua; Chỉ đạo triển khai thực hiện Nghị định số 339/2025/NĐ-CP;… là những thông tin "
        "chỉ đạo điều hành nổi bật của UBND tỉnh trong tuần (từ ngày 12/01/2026 - 18/01/2026).\n"
        "Nguồn: http://baoapbac.vn/xa-hoi/202505/tin-12-05-2025.html");
    EXPECT_TRUE(b.events.empty()) << b.events.size() << " events, the first " << (b.events.empty() ? "" : b.events[0].sentence);
    // The issuer without the verb after it.
    const NewsBulletin c = parse(
        "Phấn đấu đạt 100% mục tiêu Nghị quyết số 44/2025/NQ-HĐND ngày 10/12/2025 của Hội đồng nhân dân tỉnh đề ra.");
    ASSERT_EQ(c.events.size(), 1u) << notes(c);
    EXPECT_EQ(c.events[0].event.organiser, "Hội đồng nhân dân tỉnh");
}

TEST(NewsEvents, GroundsAndImplementedDocumentsAreBackgroundWrappedOrNot) {
    // "Căn cứ ..." lines of a legal document, as PDF text wraps them, and the document's own heading.
    const NewsBulletin a = parse(
        "Số: 424/NQ-CP Hà Nội, ngày 30 tháng 12 năm 2025\nNGHỊ QUYẾT\nBAN HÀNH KẾ HOẠCH TRIỂN KHAI THỰC HIỆN NGHỊ "
        "QUYẾT SỐ 257/2025/QH15 NGÀY\n11 THÁNG 12 NĂM 2025 CỦA QUỐC HỘI PHÊ DUYỆT CHỦ TRƯƠNG ĐẦU TƯ CHƯƠNG\nTRÌNH "
        "MỤC TIÊU QUỐC GIA XÂY DỰNG NÔNG THÔN MỚI\nCHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm "
        "2025;\nCăn cứ Luật Đầu tư công ngày 29 tháng 11 năm 2024; Luật sửa đổi, bổ sung một số điều của Luật\nĐấu "
        "thầu; Luật Hải quan; Luật Quản lý, sử dụng\ntài sản công ngày 25 tháng 6 năm 2025;\n");
    EXPECT_EQ(event_lines(a), std::vector<std::string>{"2025-12-30 directive"}) << notes(a);
    // What a plan implements, each document of the list, and the plan dated by its dateline.
    const NewsBulletin b = parse(
        "Số: 303/KH-UBND\n\nLạng Sơn, ngày 24 tháng 11 năm 2025\n\nKẾ HOẠCH\n\nThực hiện Chỉ thị số 31/CT-TTg ngày "
        "18/10/2025 của Thủ tướng Chính phủ về việc xây dựng Kế hoạch 5 năm 2026 - 2030; Công văn số "
        "16684/BTC-NSNN ngày 24/10/2025 của Bộ Tài chính về việc hướng dẫn đánh giá thực hiện Kế hoạch 5 năm 2021- "
        "2025. Uỷ ban nhân dân tỉnh Lạng Sơn xây dựng Kế hoạch 5 năm 2026 - 2030 như sau:");
    EXPECT_EQ(event_lines(b), std::vector<std::string>{"2025-11-24 directive"}) << notes(b);
    ASSERT_FALSE(b.documents.empty());
    EXPECT_EQ(b.documents[0].number, "303/KH-UBND");
    ASSERT_TRUE(b.documents[0].date.has_value());
    EXPECT_EQ(b.documents[0].date->iso(), "2025-11-24");
}

TEST(NewsRecognitions, ACouncilsVoteIsNoRecognitionAndEachListTakesItsNearestLevel) {
    const NewsBulletin a = parse(
        "Kết quả 100% số phiếu đồng ý công nhận 6 xã nêu trên đạt chuẩn NTM và 2 xã: Hữu Lân và Bính Xá đạt chuẩn "
        "xã NTM nâng cao năm 2019.");
    EXPECT_TRUE(a.recognitions.empty()) << notes(a);
    const NewsBulletin b = parse(
        "UBND tỉnh công nhận 6 xã nêu trên đạt chuẩn NTM và 2 xã: Hữu Lân và Bính Xá đạt chuẩn xã NTM nâng cao năm "
        "2019.");
    ASSERT_EQ(b.recognitions.size(), 2u) << notes(b);
    for (const NewsRecognition& r : b.recognitions) {
        EXPECT_EQ(r.recognition.level, Level::Advanced) << r.unit_written;
        EXPECT_EQ(r.recognition.year, 2019) << r.unit_written;
    }
}

TEST(NewsRecognitions, AnotherProvincesCommitteeKeepsItsName) {
    // Read into the Lạng Sơn demo: the name after "tỉnh" is a province's, not the signer's.
    const NewsBulletin b = parse(
        "Ủy ban Nhân dân tỉnh Tiền Giang ban hành các Quyết định 1289, 1291 công nhận các xã: Yên Luông, huyện Gò "
        "Công Tây đạt chuẩn NTM nâng cao năm 2024; Thạnh Lộc, huyện Cai Lậy đạt chuẩn NTM nâng cao năm 2025.");
    ASSERT_EQ(b.recognitions.size(), 2u) << notes(b);
    for (const NewsRecognition& r : b.recognitions) {
        EXPECT_EQ(r.recognition.issuer, "Ủy ban Nhân dân tỉnh Tiền Giang") << r.unit_written;
        EXPECT_FALSE(r.stored) << r.unit_written;
    }
    // The signer's name after "tỉnh" is still left out.
    const NewsBulletin s = parse(
        "Ngày 14/01/2019, Chủ tịch UBND tỉnh Hồ Tiến Thiệu đã ký Quyết định số 46/QĐ-UBND công nhận xã Bính Xá, "
        "huyện Đình Lập đạt chuẩn nông thôn mới năm 2018.");
    ASSERT_EQ(s.recognitions.size(), 1u);
    EXPECT_EQ(s.recognitions[0].recognition.issuer, "Chủ tịch UBND tỉnh");
}

TEST(NewsRecognitions, ACountedNoticeServesItsListsAndAllCriteriaOfALevelNameIt) {
    // "công nhận thêm 3 xã ..." is served by the lists of the sentences after it until three communes
    // are listed; "hoàn thành 19/19 tiêu chí NTM nâng cao" names the advanced level; "(phố Lạng Sơn)"
    // is the city, "thành phố" clipped.
    const NewsBulletin b = parse(
        "UBND tỉnh vừa ban hành quyết định công nhận thêm 3 xã đạt chuẩn nông thôn mới (NTM), trong đó có 1 xã "
        "đạt chuẩn NTM nâng cao.\n"
        "1 xã đã hoàn thành 19/19 tiêu chí NTM nâng cao theo Bộ tiêu chí xã NTM nâng cao giai đoạn 2021-2025, "
        "gồm: Hoàng Đồng (phố Lạng Sơn). 2 xã đã hoàn thành 19/19 tiêu chí theo bộ tiêu chí NTM mới, giai đoạn "
        "2021-2025, gồm: Sơn Hà (Hữu Lũng); Bắc Lãng (Đình Lập).\n"
        "Tính đến thời điểm này toàn tỉnh đã có 69 xã được công nhận đạt chuẩn NTM.");
    std::vector<std::string> got;
    for (const NewsRecognition& r : b.recognitions)
        got.push_back(r.unit_written + " | " + r.district_written + " | " + level_id(r.recognition.level) + " | " +
                      (r.stored ? "stored" : "-"));
    EXPECT_EQ(got, (std::vector<std::string>{"Hoàng Đồng | thành phố Lạng Sơn | advanced | -",
                                             "Sơn Hà | Hữu Lũng | standard | -", "Bắc Lãng | Đình Lập | standard | -"}))
        << notes(b);
    // Once its three communes are listed the notice serves no further sentence.
    const NewsBulletin c = parse(
        "UBND tỉnh vừa ban hành quyết định công nhận thêm 1 xã đạt chuẩn nông thôn mới. 1 xã đã hoàn thành 19/19 "
        "tiêu chí, gồm: Sơn Hà (Hữu Lũng). Năm trước, xã Chi Lăng (Tràng Định) đã đạt chuẩn NTM nâng cao, gồm: "
        "Bắc Lãng (Đình Lập).");
    ASSERT_EQ(c.recognitions.size(), 1u) << notes(c);
    EXPECT_EQ(c.recognitions[0].unit_written, "Sơn Hà");
}

TEST(NewsPlaces, OneCodeInTwoBoundaryVersionsIsOnePlace) {
    // Undated, the demo's units of 2020 and of 2025-07 are both looked at: Xã Vạn Linh is 06505 in
    // both, one place to link; Xã Đình Lập is two units (06628 of 2020, 06613 of 2025), left out.
    const news::PlaceIndex index(demo());
    const std::string text = "hội đồng thẩm định đồng ý các xã Vạn Linh, Đình Lập đạt chuẩn nông thôn mới.";
    const news::Tokens t = news::tokenize(text);
    const news::PlaceScan scan = index.find(t, 0, t.size());
    std::vector<std::string> linked;
    for (const news::PlaceMention& p : scan.places) linked.push_back(p.code);
    EXPECT_EQ(linked, std::vector<std::string>{"06505"});
    ASSERT_EQ(scan.ambiguous.size(), 1u);
    EXPECT_NE(scan.ambiguous[0].find("Đình Lập"), std::string::npos) << scan.ambiguous[0];
}

TEST(NewsPlaces, TheNextClausesSubjectIsNoMorePlaceOfTheList) {
    // "Đoàn thẩm định", "Hội đồng thẩm định" after a place and its comma open the next clause.
    const news::PlaceIndex index(demo());
    auto names = [&](const std::string& text) {
        const news::Tokens t = news::tokenize(text);
        std::string out;
        for (const news::PlaceName& p : index.find(t, 0, t.size()).names) out += p.written + ";";
        return out;
    };
    EXPECT_EQ(names("Theo Văn phòng Điều phối thành phố Lạng Sơn, Đoàn thẩm định đã thẩm định 3 xã."),
              "thành phố Lạng Sơn;");
    EXPECT_EQ(names("Chiều 19/11, tại phường Chi Lăng, Hội đồng thẩm định tỉnh đã họp."), "phường Chi Lăng;");
    // A list still goes on: "các xã Tân Liên, Gia Cát đạt chuẩn", "huyện Lộc Bình, Đình Lập và Chi Lăng".
    EXPECT_EQ(names("các xã Tân Liên, Gia Cát đạt chuẩn nông thôn mới."), "xã Tân Liên;Gia Cát;");
    EXPECT_EQ(names("huyện Lộc Bình, Đình Lập và Chi Lăng đã tổ chức."), "huyện Lộc Bình;Đình Lập;Chi Lăng;");
}

TEST(NewsRecognitions, CountedListsAfterTheoDoGoOnLineByLine) {
    const NewsBulletin b = parse(
        "Theo đó, 2 xã đạt chuẩn nông thôn mới gồm: Sơn Hà (huyện Hữu Lũng), Bắc Lãng (Đình Lập).\n"
        "1 xã đạt chuẩn NTM nâng cao, gồm: Chi Lăng (Tràng Định).\n"
        "1 xã đạt chuẩn nông thôn mới kiểu mẫu là xã Hoàng Đồng (TP Lạng Sơn).");
    std::vector<std::string> got;
    for (const NewsRecognition& r : b.recognitions)
        got.push_back(r.unit_written + " | " + r.district_written + " | " + level_id(r.recognition.level) + " | " +
                      std::to_string(r.recognition.year) + " | " + (r.stored ? "stored" : "-"));
    EXPECT_EQ(got, (std::vector<std::string>{"Sơn Hà | huyện Hữu Lũng | standard | 0 | -",
                                             "Bắc Lãng | Đình Lập | standard | 0 | -",
                                             "Chi Lăng | Tràng Định | advanced | 0 | -",
                                             "Hoàng Đồng | TP Lạng Sơn | model | 0 | -"}))
        << notes(b);
    // Without "Theo đó" or a list read just before, a count of communes at a level is no recognition.
    EXPECT_TRUE(parse("Toàn tỉnh hiện có nhiều xã. 2 xã đạt chuẩn nông thôn mới gồm: Sơn Hà, Bắc Lãng.")
                    .recognitions.empty());
    // "TX" without its dot is a town: "Kỳ Ninh (TX Kỳ Anh)".
    const news::PlaceIndex index(demo());
    const news::Tokens t = news::tokenize("các xã Mỹ Lộc (Can Lộc), Kỳ Ninh (TX Kỳ Anh); Yên Hồ (Đức Thọ).");
    std::string written;
    for (const news::PlaceName& p : index.find(t, 0, t.size()).names) written += p.written + ";";
    EXPECT_EQ(written, "xã Mỹ Lộc;Can Lộc;Kỳ Ninh;TX Kỳ Anh;Yên Hồ;Đức Thọ;");
}

}  // namespace
}  // namespace ntm::io
