// The text of the decorations (no GL): titles, legend rows, scale-bar lengths and labels.
#include "render/decorations.h"

#include <gtest/gtest.h>

#include "core/demo.h"
#include "core/state.h"
#include "core/statistics.h"

namespace {

using ntm::render::format_distance;
using ntm::render::nice_scale_length;

TEST(Decorations, ScaleBarLengthsAreOneTwoFive) {
    EXPECT_DOUBLE_EQ(nice_scale_length(170 * 52.3), 5000);
    EXPECT_DOUBLE_EQ(nice_scale_length(1999), 1000);
    EXPECT_DOUBLE_EQ(nice_scale_length(2000), 2000);
    EXPECT_DOUBLE_EQ(nice_scale_length(49), 20);
    EXPECT_DOUBLE_EQ(nice_scale_length(0.9), 0.5);
    EXPECT_EQ(nice_scale_length(0), 0);
    EXPECT_EQ(format_distance(500, true), "500 m");
    EXPECT_EQ(format_distance(2000, true), "2 km");
    EXPECT_EQ(format_distance(1500, true), "1,5 km");
    EXPECT_EQ(format_distance(1500, false), "1.5 km");
    EXPECT_EQ(format_distance(200000, true), "200 km");
}

TEST(Decorations, DemoTextOnTheReportDate) {
    const ntm::Dataset d = ntm::demo::make_demo_dataset();
    const ntm::Date date = ntm::Date::from_ymd(2020, 7, 31);
    const ntm::Summary s = ntm::summarize(d, ntm::AttainmentIndex(d).states(date), date);
    const auto vi = ntm::render::make_decoration_data(d, s, date, true, "", "", "EPSG:9215 VN-2000 / TM-3 107-15");
    EXPECT_EQ(vi.title, "Kết quả xây dựng nông thôn mới — tỉnh Lạng Sơn, ngày 31/07/2020");
    ASSERT_EQ(vi.legend.size(), 6u);  // 5 bands + not applicable (every xã has data)
    EXPECT_EQ(vi.legend[0].label, "19");
    EXPECT_EQ(vi.legend[0].count, 51);
    EXPECT_DOUBLE_EQ(vi.legend[0].percent, s.bands[0].percent);
    EXPECT_EQ(vi.legend[2].label, "10–14");
    EXPECT_TRUE(vi.legend[5].hatched);
    EXPECT_EQ(vi.legend[5].count, 19);
    EXPECT_EQ(vi.legend_note, "Tổng số: 181 xã · bình quân 11,66 tiêu chí/xã");
    EXPECT_NE(vi.source_line.find("EPSG:9215"), std::string::npos);
    EXPECT_TRUE(vi.illustrative);
    EXPECT_NE(vi.illustrative_note.find("Dữ liệu minh họa"), std::string::npos);

    const auto en = ntm::render::make_decoration_data(d, s, date, false);
    EXPECT_EQ(en.title, "New rural development results — Lạng Sơn province, 2020-07-31");
    EXPECT_EQ(en.legend_note, "Total: 181 communes · average 11.66 criteria per commune");

    const auto district = ntm::render::make_decoration_data(d, s, date, true, "Huyện Cao Lộc");
    EXPECT_EQ(district.title, "Kết quả xây dựng nông thôn mới — huyện Cao Lộc, tỉnh Lạng Sơn, ngày 31/07/2020");
    const auto custom = ntm::render::make_decoration_data(d, s, date, true, "", "Bản đồ NTM quý II");
    EXPECT_EQ(custom.title, "Bản đồ NTM quý II");
    // A national dataset (units grouped by province) titled "vn" is no "tỉnh vn".
    ntm::Dataset national = d;
    national.info.title = "vn";
    for (ntm::BoundaryVersion& v : national.versions) v.grouping = ntm::Grouping::Province;
    EXPECT_EQ(ntm::render::make_decoration_data(national, s, date, true).title,
              "Kết quả xây dựng nông thôn mới — vn, ngày 31/07/2020");
}

}  // namespace

// A dataset read from a boundary file, with no assessments: the page says "no data" (never 0 %),
// lists what it shows, and its source names the file; a given source replaces it.
TEST(Decorations, NoAssessmentsReadAsNoDataAndTheSourceNamesTheFile) {
    ntm::Dataset d = ntm::demo::make_demo_dataset();
    d.observations.clear();
    d.recognitions.clear();
    d.info.source = "/work/shared/data/boundaries/langson_communes_2025.geojson";
    const ntm::Date date = ntm::Date::from_ymd(2020, 7, 31);
    const ntm::Summary s = ntm::summarize(d, ntm::AttainmentIndex(d).states(date), date);
    ASSERT_EQ(s.xa_with_data, 0);
    const auto vi = ntm::render::make_decoration_data(d, s, date, true);
    EXPECT_EQ(vi.no_data_note, "Chưa có dữ liệu đánh giá ngày 31/07/2020");
    for (const auto& row : vi.legend)
        if (row.band >= 0) {
            EXPECT_LT(row.percent, 0) << row.label;  // no share shown
            EXPECT_LT(row.count, 0) << row.label;    // no count either: drawn "—", not 0
        }
    EXPECT_EQ(vi.legend.back().label.rfind("Không áp dụng", 0), 0u);
    bool said = false;
    for (const auto& [label, value] : vi.stats) said = said || (label == "Đánh giá nông thôn mới" && value == "chưa có");
    EXPECT_TRUE(said);
    EXPECT_EQ(vi.source_line.rfind("Nguồn: ranh giới hành chính langson_communes_2025.geojson (chưa có số liệu đánh giá nông thôn mới)", 0), 0u)
        << vi.source_line;
    const auto given = ntm::render::make_decoration_data(d, s, date, true, "", "", "", "Sở Nông nghiệp (thử)");
    EXPECT_EQ(given.source_line.rfind("Nguồn: Sở Nông nghiệp (thử)", 0), 0u);
    EXPECT_TRUE(given.all_text().find("chưa có") != std::string::npos);
}

// The "fewest criteria" table lists only xã that miss something: one meeting all 19 does not lag.
TEST(Decorations, LaggingTableStopsAtCommunesMeetingEveryCriterion) {
    const ntm::Dataset d = ntm::demo::make_demo_dataset();
    const ntm::Date date = ntm::Date::from_ymd(2025, 6, 30);
    const auto states = ntm::AttainmentIndex(d).states(date);
    const std::vector<ntm::UnitRank> ranked = ntm::rank_lagging(d, states, {});
    size_t below = 0;
    for (const ntm::UnitRank& r : ranked) below += r.count < 19;
    ASSERT_GT(below, 0u);
    ASSERT_GT(ranked.size(), below);  // some xã meet all 19 on that date
    auto data = ntm::render::make_decoration_data(d, ntm::summarize(d, states, date), date, true);
    ntm::render::add_lagging_rows(data, d, ranked, states, ranked.size());
    EXPECT_EQ(data.lagging.size(), below);
    for (const auto& row : data.lagging) EXPECT_NE(row.value.substr(0, 3), "19/") << row.name;
}
