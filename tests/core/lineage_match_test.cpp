// Matching published merger lists to the units of the earlier boundary version.
#include "core/lineage_match.h"

#include <gtest/gtest.h>

#include "core/text.h"

namespace ntm {
namespace {

// Version 0: a few units in two districts, with the name clashes of the real list (SOURCES.md).
// Version 1: the new units, some reusing old codes.
class LineageMatchTest : public ::testing::Test {
protected:
    void SetUp() override {
        d.versions = {BoundaryVersion{"old", "", std::nullopt, Date::from_ymd(2025, 6, 30), Grouping::District},
                      BoundaryVersion{"new", "", Date::from_ymd(2025, 7, 1), std::nullopt, Grouping::None}};
        add(0, "06001", "Chi Lăng", UnitKind::Xa, "180", "Huyện Tràng Định");
        add(0, "06002", "Hồng Thái", UnitKind::Xa, "180", "Huyện Tràng Định");
        add(0, "06003", "Tân Thành", UnitKind::Xa, "180", "Huyện Tràng Định");
        add(0, "06004", "Đồng ý", UnitKind::Xa, "180", "Huyện Tràng Định");
        add(0, "06005", "NT Thái Bình", UnitKind::ThiTran, "180", "Huyện Tràng Định");
        add(0, "06101", "Chi Lăng", UnitKind::Xa, "187", "Huyện Chi Lăng");
        add(0, "06102", "Hồng Thái", UnitKind::Xa, "187", "Huyện Chi Lăng");
        add(0, "06103", "Tân Thanh", UnitKind::Xa, "187", "Huyện Chi Lăng");
        add(0, "06104", "Chi Lăng", UnitKind::ThiTran, "187", "Huyện Chi Lăng");
        add(1, "06001", "Tràng Định", UnitKind::Xa, "", "");
        add(1, "06101", "Chi Lăng", UnitKind::Xa, "", "");
        d.reindex();
    }
    void add(int version, const char* code, const char* name, UnitKind kind, const char* dcode, const char* dname) {
        Unit u;
        u.code = code;
        u.name = name;
        u.kind = kind;
        u.district_code = dcode;
        u.district_name = dname;
        u.version = version;
        u.search_key = fold_search_key(name);
        d.units.push_back(u);
    }
    LineageMatch match(const std::vector<MergerRow>& rows) {
        return match_lineage(d, rows, 0, 1, Date::from_ymd(2025, 7, 1), "test");
    }
    // "06001<-06002" for each link, in order.
    std::vector<std::string> links(const LineageMatch& m) {
        std::vector<std::string> out;
        for (const LineageLink& l : m.links) out.push_back(d.units[l.to].code + "<-" + d.units[l.from].code);
        return out;
    }
    Dataset d;
};

TEST(SplitFormedFrom, CommasInsideParenthesesDoNotSplit) {
    EXPECT_EQ(split_formed_from("Xã A, Xã B (huyện C, tỉnh D),  Thị trấn E ,"),
              (std::vector<std::string>{"Xã A", "Xã B (huyện C, tỉnh D)", "Thị trấn E"}));
    EXPECT_EQ(split_formed_from("Xã A; Xã B"), (std::vector<std::string>{"Xã A", "Xã B"}));
    EXPECT_TRUE(split_formed_from("  ").empty());
}

TEST_F(LineageMatchTest, QualifiedNamesMatchOnlyInTheirDistrict) {
    const auto m = match({{"06001", "Xã Tràng Định", {"Xã Chi Lăng (huyện Tràng Định)", "Xã Tân Thành"}, 2},
                          {"06101", "Xã Chi Lăng", {"Xã Chi Lăng (Huyện Chi Lăng)", "Xã Tân Thanh"}, 3}});
    EXPECT_TRUE(m.problems.empty());
    EXPECT_EQ(links(m), (std::vector<std::string>{"06001<-06001", "06001<-06003", "06101<-06101", "06101<-06103"}));
    EXPECT_EQ(m.links.front().date, Date::from_ymd(2025, 7, 1));
    EXPECT_EQ(m.links.front().source, "test");
}

TEST_F(LineageMatchTest, TheTypeWordTellsXaFromThiTran) {
    const auto m = match({{"06101", "", {"Thị trấn Chi Lăng", "Xã Tân Thanh"}, 0}});
    EXPECT_TRUE(m.problems.empty());
    EXPECT_EQ(links(m), (std::vector<std::string>{"06101<-06104", "06101<-06103"}));
}

TEST_F(LineageMatchTest, AnAmbiguousNameIsSettledByTheOtherPredecessorsDistrict) {
    // Hồng Thái is in both districts; Tân Thanh is only in Chi Lăng, so this one is 06102.
    const auto m = match({{"06101", "Xã Chi Lăng", {"Xã Hồng Thái", "Xã Tân Thanh"}, 0},
                          {"06001", "Xã Tràng Định", {"Xã Tân Thành", "Xã Hồng Thái"}, 0}});
    EXPECT_TRUE(m.problems.empty());
    EXPECT_EQ(links(m), (std::vector<std::string>{"06101<-06102", "06101<-06103", "06001<-06003", "06001<-06002"}));
}

TEST_F(LineageMatchTest, AnAmbiguousNameWithNothingToSettleItIsReported) {
    const auto m = match({{"06001", "", {"Xã Hồng Thái"}, 0}});
    ASSERT_EQ(m.problems.size(), 1u);
    EXPECT_EQ(m.problems[0].name, "Xã Hồng Thái");
    EXPECT_NE(m.problems[0].reason.find("2 units of that name"), std::string::npos) << m.problems[0].reason;
    EXPECT_EQ(m.problems[0].candidates, (std::vector<std::string>{"Xã Hồng Thái (06002, Huyện Tràng Định)",
                                                                  "Xã Hồng Thái (06102, Huyện Chi Lăng)"}));
    EXPECT_TRUE(m.links.empty());
}

TEST_F(LineageMatchTest, CaseNfdEthAndSpacesAreFolded) {
    // "Đồng Ý" against "Đồng ý" (SOURCES.md); NFD "Tân Thành" (a + combining grave); Ð (U+00D0)
    // for Đ; doubled and non-breaking spaces; "Nông Trường" for the code list's "NT".
    const auto m = match({{"06001", "",
                           {"XÃ  ĐỒNG Ý", "Xa\u0303 Ta\u0302n Tha\u0300nh", "Xã Ðồng ý", "Thị\u00a0trấn Nông Trường Thái Bình"},
                           0}});
    ASSERT_EQ(m.problems.size(), 1u);  // Đồng ý named twice
    EXPECT_EQ(m.problems[0].reason, "named twice in this row");
    EXPECT_EQ(links(m), (std::vector<std::string>{"06001<-06004", "06001<-06003", "06001<-06005"}));
}

TEST_F(LineageMatchTest, DiacriticsAreNeverFoldedAway) {
    // Tân Thành is only in Tràng Định: with the qualifier of Chi Lăng it must not match Tân Thanh.
    const auto m = match({{"06101", "", {"Xã Tân Thành (huyện Chi Lăng)"}, 7}});
    ASSERT_EQ(m.problems.size(), 1u);
    const MatchProblem& p = m.problems[0];
    EXPECT_EQ(p.row, 0);
    EXPECT_EQ(p.reason, "no unit of that name in that district");
    // Candidates: the same name elsewhere first, then the same letters without diacritics.
    ASSERT_GE(p.candidates.size(), 2u);
    EXPECT_EQ(p.candidates[0], "Xã Tân Thành (06003, Huyện Tràng Định)");
    EXPECT_EQ(p.candidates[1], "Xã Tân Thanh (06103, Huyện Chi Lăng)");
}

TEST_F(LineageMatchTest, UnmatchedNamesComeWithTheirClosestUnits) {
    const auto m = match({{"06001", "", {"Xã Hông Thái", "Xã Xa Lạ"}, 0}});
    ASSERT_EQ(m.problems.size(), 2u);
    EXPECT_EQ(m.problems[0].reason, "no unit of that name");
    EXPECT_EQ(m.problems[0].candidates, (std::vector<std::string>{"Xã Hồng Thái (06002, Huyện Tràng Định)",
                                                                  "Xã Hồng Thái (06102, Huyện Chi Lăng)"}));
    EXPECT_EQ(m.problems[1].name, "Xã Xa Lạ");
    EXPECT_TRUE(m.problems[1].candidates.empty());
}

TEST_F(LineageMatchTest, TheNewUnitIsFoundByCodeInTheLaterVersion) {
    // 06002 is only an old code; 06101 is Chi Lăng in the new version, not "Xã Cao Lâu".
    const auto m = match({{"06002", "", {"Xã Tân Thành"}, 0}, {"06101", "Xã Cao Lâu", {"Xã Tân Thanh"}, 0}});
    ASSERT_EQ(m.problems.size(), 2u);
    EXPECT_EQ(m.problems[0].reason, "no unit 06002 in boundary version 'new'");
    EXPECT_EQ(m.problems[1].reason, "unit 06101 of boundary version 'new' is Xã Chi Lăng");
    EXPECT_EQ(links(m), (std::vector<std::string>{"06101<-06103"}));
}

}  // namespace
}  // namespace ntm
