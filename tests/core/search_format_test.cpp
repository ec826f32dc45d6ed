#include <gtest/gtest.h>

#include "core/demo.h"
#include "core/format.h"
#include "core/search.h"

namespace ntm {
namespace {

const Dataset& demo() {
    static const Dataset ds = demo::make_demo_dataset();
    return ds;
}

TEST(Search, FindsAUnitWithAndWithoutDiacritics) {
    for (const char* q : {"Bảo Lâm", "bao lam", "BAO LAM", "xã bảo lâm", "xa bao lam"}) {
        const auto hits = search_places(demo(), q);
        ASSERT_FALSE(hits.empty()) << q;
        EXPECT_EQ(hits[0].what, SearchHit::What::Unit) << q;
        EXPECT_EQ(demo().units[hits[0].unit].code, "06190") << q;
        EXPECT_EQ(hits[0].label, "Xã Bảo Lâm — Huyện Cao Lộc") << q;
    }
}

TEST(Search, ADistrictOfTheSameNameRanksBeforeItsTownship) {
    const auto hits = search_places(demo(), "cao loc");
    ASSERT_GE(hits.size(), 2u);
    EXPECT_EQ(hits[0].what, SearchHit::What::District);
    EXPECT_EQ(hits[0].district_code, "183");
    EXPECT_EQ(hits[1].what, SearchHit::What::Unit);
    EXPECT_EQ(demo().units[hits[1].unit].code, "06187");  // Thị trấn Cao Lộc
}

TEST(Search, TypeWordNarrowsTheKind) {
    const auto districts = search_places(demo(), "huyện cao lộc");
    ASSERT_EQ(districts.size(), 1u);
    EXPECT_EQ(districts[0].what, SearchHit::What::District);
    const auto towns = search_places(demo(), "thi tran dong dang");
    ASSERT_EQ(towns.size(), 1u);
    EXPECT_EQ(demo().units[towns[0].unit].code, "06184");
    EXPECT_TRUE(search_places(demo(), "xã đồng đăng").empty());  // Đồng Đăng is a thị trấn
}

TEST(Search, ExactBeforePrefixBeforeWordBeforeSubstringAndCodes) {
    const auto hits = search_places(demo(), "hung");
    ASSERT_FALSE(hits.empty());
    for (size_t i = 1; i < hits.size(); ++i) EXPECT_LE(hits[i - 1].score, hits[i].score);
    const auto code = search_places(demo(), "06184");
    ASSERT_EQ(code.size(), 1u);
    EXPECT_EQ(demo().units[code[0].unit].name, "Đồng Đăng");
    EXPECT_TRUE(search_places(demo(), "   ").empty());
    EXPECT_TRUE(search_places(demo(), "zzzz").empty());
    EXPECT_EQ(search_places(demo(), "a", 5).size(), 5u);
}

TEST(Format, VietnameseAndEnglishNumbers) {
    EXPECT_EQ(format_percent(28.1768, true), "28,18 %");
    EXPECT_EQ(format_percent(28.1768, false), "28.18 %");
    EXPECT_EQ(format_count(5860, true), "5.860");
    EXPECT_EQ(format_count(1234567, false), "1,234,567");
    EXPECT_EQ(format_decimal(11.6574, 2, true), "11,66");
    EXPECT_EQ(format_decimal(-1234.5, 1, true), "-1.234,5");
    EXPECT_EQ(format_decimal(-0.001, 2, false), "0.00");
    EXPECT_EQ(format_date(Date::from_ymd(2020, 7, 31), true), "31/07/2020");
    EXPECT_EQ(format_date(Date::from_ymd(2020, 7, 31), false), "2020-07-31");
}

}  // namespace
}  // namespace ntm
