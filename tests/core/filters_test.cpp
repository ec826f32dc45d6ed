// The unit filter shared by the map and the planner lists: facets, combinations, descriptions.
#include "core/filters.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "core/demo.h"

namespace ntm {
namespace {

Date d(const char* iso) { return *parse_date(iso); }

Unit make_unit(const std::string& code, const std::string& name, UnitKind kind, const std::string& district,
               std::vector<std::string> tags = {}) {
    Unit u;
    u.code = code;
    u.name = name;
    u.kind = kind;
    u.district_code = district;
    u.district_name = district == "180" ? "Huyện Tràng Định" : "Huyện Cao Lộc";
    u.tags = std::move(tags);
    return u;
}

void assess(Dataset& ds, const std::string& code, const char* date, int count) {
    for (int c = 1; c <= ds.criteria_on(ntm::Date::from_ymd(2024, 1, 1)).size(); ++c) ds.observations.push_back({code, c, c <= count, d(date), "test"});
}

class FiltersTest : public ::testing::Test {
protected:
    void SetUp() override {
        ds.info.title = "Test";
        ds.units = {make_unit("00001", "An", UnitKind::Xa, "180"),
                    make_unit("00002", "Bình", UnitKind::Xa, "180", {"border"}),
                    make_unit("00003", "Cao", UnitKind::Xa, "183"),
                    make_unit("00004", "Đông", UnitKind::Phuong, "183"),
                    make_unit("00005", "Em", UnitKind::Xa, "183", {"border"}),
                    make_unit("00006", "Giang", UnitKind::ThiTran, "180", {"border"})};
        ds.reindex();
        assess(ds, "00001", "2015-01-01", 19);
        assess(ds, "00002", "2015-01-01", 16);  // misses 17, 18, 19
        assess(ds, "00003", "2015-01-01", 7);   // misses 8..19
        assess(ds, "00004", "2015-01-01", 10);  // a ward: assessment facets never match
        // 00005 has no data
        ds.recognitions.push_back({"00001", Level::Standard, d("2015-06-01"), "QĐ 1"});
        index = std::make_unique<AttainmentIndex>(ds);
        states = index->states(d("2016-01-01"));
    }
    std::vector<std::string> codes(const UnitFilterSpec& spec) const {
        std::vector<std::string> out;
        for (size_t u = 0; u < ds.units.size(); ++u)
            if (spec.matches(ds, states, static_cast<int>(u))) out.push_back(ds.units[u].code);
        return out;
    }
    using V = std::vector<std::string>;
    Dataset ds;
    std::unique_ptr<AttainmentIndex> index;
    std::vector<UnitState> states;
};

TEST_F(FiltersTest, EmptyFilterMatchesEverything) {
    UnitFilterSpec spec;
    EXPECT_TRUE(spec.empty());
    EXPECT_EQ(codes(spec), (V{"00001", "00002", "00003", "00004", "00005", "00006"}));
    EXPECT_EQ(filter_mask(spec, ds, states), (std::vector<uint8_t>{1, 1, 1, 1, 1, 1}));
    EXPECT_FALSE(to_unit_filter(spec, ds, states));
    EXPECT_EQ(spec.describe(ds, ntm::Date::from_ymd(2024, 1, 1), false), "Tất cả đơn vị");
    EXPECT_EQ(spec.describe(ds, ntm::Date::from_ymd(2024, 1, 1), true), "All units");
    EXPECT_FALSE(spec.matches(ds, states, -1));
    EXPECT_FALSE(spec.matches(ds, states, 6));
}

TEST_F(FiltersTest, EachFacet) {
    UnitFilterSpec s;
    s.districts = {"180"};
    EXPECT_EQ(codes(s), (V{"00001", "00002", "00006"}));
    s = {};
    s.kinds = {UnitKind::Phuong, UnitKind::ThiTran};
    EXPECT_EQ(codes(s), (V{"00004", "00006"}));
    s = {};
    s.tags = {"border"};
    EXPECT_EQ(codes(s), (V{"00002", "00005", "00006"}));
    s = {};
    s.bands = {1};  // 15–18: the ward at 10 and the xã without data are out
    EXPECT_EQ(codes(s), (V{"00002"}));
    s.bands = {0, 3};
    EXPECT_EQ(codes(s), (V{"00001", "00003"}));
    s = {};
    s.levels = {Level::None};  // xã not recognised, with or without data; never a ward
    EXPECT_EQ(codes(s), (V{"00002", "00003", "00005"}));
    s.levels = {Level::Standard};
    EXPECT_EQ(codes(s), (V{"00001"}));
    s = {};
    s.missing = {17};
    EXPECT_EQ(codes(s), (V{"00002", "00003"}));
    s.missing = {5, 17};  // any of them
    EXPECT_EQ(codes(s), (V{"00002", "00003"}));
    s.missing = {8, 17};
    s.missing_all = true;  // both
    EXPECT_EQ(codes(s), (V{"00003"}));
    s.missing = {99};
    EXPECT_TRUE(codes(s).empty());
}

TEST_F(FiltersTest, FacetsCombineWithAnd) {
    UnitFilterSpec s;
    s.districts = {"180", "183"};
    s.kinds = {UnitKind::Xa};
    s.tags = {"border"};
    EXPECT_EQ(codes(s), (V{"00002", "00005"}));
    s.bands = {1, 2};
    EXPECT_EQ(codes(s), (V{"00002"}));
    s.districts = {"183"};
    EXPECT_TRUE(codes(s).empty());
    // The mask and the predicate agree with matches().
    s = {};
    s.districts = {"183"};
    s.kinds = {UnitKind::Xa};
    EXPECT_EQ(filter_mask(s, ds, states), (std::vector<uint8_t>{0, 0, 1, 0, 1, 0}));
    const UnitFilter f = to_unit_filter(s, ds, states);
    ASSERT_TRUE(f);
    EXPECT_TRUE(f(2));
    EXPECT_FALSE(f(3));
    const Summary sum = summarize_filtered(ds, states, d("2016-01-01"), s);
    EXPECT_EQ(sum.units_total, 2);
    EXPECT_EQ(sum.xa_total, 2);
    EXPECT_EQ(sum.xa_with_data, 1);
    EXPECT_DOUBLE_EQ(sum.average_criteria, 7);
}

TEST_F(FiltersTest, DescribesItselfInBothLanguages) {
    UnitFilterSpec s;
    s.districts = {"180"};
    s.bands = {1};
    s.missing = {5};
    EXPECT_EQ(s.describe(ds, ntm::Date::from_ymd(2024, 1, 1), false),
              "Huyện/thành phố: Huyện Tràng Định; Số tiêu chí đạt: 15–18 tiêu chí; Chưa đạt tiêu chí: 5 Trường học");
    EXPECT_EQ(s.describe(ds, ntm::Date::from_ymd(2024, 1, 1), true), "District: Huyện Tràng Định; Band: 15–18 criteria; Missing criterion: 5 Schools");
    s = {};
    s.kinds = {UnitKind::Xa};
    s.levels = {Level::None, Level::Advanced};
    s.tags = {"border", "island"};
    s.missing = {17, 19};
    s.missing_all = true;
    EXPECT_EQ(s.describe(ds, ntm::Date::from_ymd(2024, 1, 1), false),
              "Loại đơn vị: Xã; Mức công nhận: chưa công nhận, Nâng cao; Nhãn: xã biên giới, island; "
              "Chưa đạt tất cả các tiêu chí: 17 Môi trường và an toàn thực phẩm, 19 Quốc phòng và An ninh");
    EXPECT_EQ(s.describe(ds, ntm::Date::from_ymd(2024, 1, 1), true),
              "Kind: Commune; Level: not recognised, Advanced; Tag: border commune, island; "
              "Missing all of criteria: 17 Environment and food safety, 19 Defence and security");
}

TEST_F(FiltersTest, EqualityAndClear) {
    UnitFilterSpec a, b;
    a.bands = {1};
    EXPECT_NE(a, b);
    b.bands = {1};
    EXPECT_EQ(a, b);
    b.missing_all = true;
    EXPECT_NE(a, b);
    a.clear();
    EXPECT_TRUE(a.empty());
}

TEST_F(FiltersTest, FindDistrictByCodeOrName) {
    ASSERT_TRUE(find_district(ds, "183"));
    EXPECT_EQ(find_district(ds, "183")->name, "Huyện Cao Lộc");
    EXPECT_EQ(find_district(ds, "Huyện Cao Lộc")->code, "183");
    EXPECT_EQ(find_district(ds, "Cao Lộc")->code, "183");
    EXPECT_EQ(find_district(ds, "  cao loc ")->code, "183");
    EXPECT_EQ(find_district(ds, "HUYEN TRANG DINH")->code, "180");
    EXPECT_FALSE(find_district(ds, "Lộc Bình"));
    EXPECT_FALSE(find_district(ds, "18"));
    EXPECT_FALSE(find_district(ds, ""));
    // Without codes, districts go by name.
    for (Unit& u : ds.units) u.district_code.clear();
    const auto dn = find_district(ds, "cao loc");
    ASSERT_TRUE(dn);
    EXPECT_EQ(district_key(*dn), "Huyện Cao Lộc");
    UnitFilterSpec s;
    s.districts = {district_key(*dn)};
    EXPECT_EQ(codes(s), (V{"00003", "00004", "00005"}));
}

TEST(FiltersDemo, FacetsPartitionTheProvince) {
    const Dataset ds = demo::make_demo_dataset();
    const AttainmentIndex index(ds);
    const Date date = d("2020-07-31");
    const auto states = index.states(date);
    const Summary all = summarize(ds, states, date);
    // Bands: each band filter gives the band's count.
    for (size_t b = 0; b < ds.criteria_on(ntm::Date::from_ymd(2024, 1, 1)).bands.size(); ++b) {
        UnitFilterSpec s;
        s.bands = {static_cast<int>(b)};
        int n = 0;
        for (uint8_t m : filter_mask(s, ds, states)) n += m;
        EXPECT_EQ(n, all.bands[b].count) << ds.criteria_on(ntm::Date::from_ymd(2024, 1, 1)).bands[b].label;
    }
    // Districts: xã add up to 181.
    int xa = 0;
    for (const District& dist : ds.districts()) {
        UnitFilterSpec s;
        s.districts = {district_key(dist)};
        s.kinds = {UnitKind::Xa};
        xa += summarize_filtered(ds, states, date, s).xa_total;
    }
    EXPECT_EQ(xa, 181);
    // Tags.
    UnitFilterSpec border;
    border.tags = {"border"};
    int tagged = 0, matched = 0;
    for (const Unit& u : ds.units) tagged += std::count(u.tags.begin(), u.tags.end(), "border") > 0;
    for (uint8_t m : filter_mask(border, ds, states)) matched += m;
    EXPECT_GT(tagged, 0);
    EXPECT_EQ(matched, tagged);
    // A criterion: the xã missing it are summary.misses.
    for (int c = 1; c <= ds.criteria_on(ntm::Date::from_ymd(2024, 1, 1)).size(); ++c) {
        UnitFilterSpec s;
        s.missing = {c};
        EXPECT_EQ(summarize_filtered(ds, states, date, s).xa_with_data, all.misses[c - 1]) << c;
    }
}

}  // namespace
}  // namespace ntm
