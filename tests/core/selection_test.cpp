// The linked selection: set operations, gestures, sources (band, criterion, district, box) and
// its own summary.
#include "core/selection.h"

#include <gtest/gtest.h>

#include "core/demo.h"
#include "support/demo_fixture.h"

namespace ntm {
namespace {

using V = std::vector<int>;

TEST(Selection, SetOperationsKeepAscendingOrderWithoutDuplicates) {
    Selection s;
    EXPECT_TRUE(s.empty());
    EXPECT_EQ(s.focus(), -1);
    s.replace({5, 2, 9, 2});
    EXPECT_EQ(s.units(), (V{2, 5, 9}));
    EXPECT_EQ(s.focus(), -1);  // several units: no single focus
    s.add(7);
    EXPECT_EQ(s.units(), (V{2, 5, 7, 9}));
    EXPECT_EQ(s.focus(), 7);
    s.add(V{1, 9, 3});
    EXPECT_EQ(s.units(), (V{1, 2, 3, 5, 7, 9}));
    EXPECT_EQ(s.focus(), 7);
    s.toggle(5);
    EXPECT_EQ(s.units(), (V{1, 2, 3, 7, 9}));
    s.toggle(4);
    EXPECT_EQ(s.units(), (V{1, 2, 3, 4, 7, 9}));
    EXPECT_EQ(s.focus(), 4);
    s.remove(4);
    EXPECT_EQ(s.focus(), -1);  // the focused unit left
    s.remove(V{1, 2, 100});
    EXPECT_EQ(s.units(), (V{3, 7, 9}));
    EXPECT_TRUE(s.contains(7));
    EXPECT_FALSE(s.contains(8));
    V iterated;
    for (int u : s) iterated.push_back(u);
    EXPECT_EQ(iterated, (V{3, 7, 9}));
    EXPECT_EQ(s.mask(8), (std::vector<uint8_t>{0, 0, 0, 1, 0, 0, 0, 1}));  // 9 is beyond
    s.clear();
    EXPECT_TRUE(s.empty());
    EXPECT_EQ(s.size(), 0u);
}

TEST(Selection, VersionChangesOnlyWhenTheSetDoes) {
    Selection s;
    const uint64_t v0 = s.version();
    s.clear();
    EXPECT_EQ(s.version(), v0);
    s.replace({1, 2});
    const uint64_t v1 = s.version();
    EXPECT_GT(v1, v0);
    s.replace({2, 1});
    s.add(1);
    s.remove(5);
    s.toggle(V{});
    EXPECT_EQ(s.version(), v1);
    s.toggle(V{1});
    EXPECT_GT(s.version(), v1);
}

TEST(Selection, GesturesApplyAListOfUnits) {
    Selection s;
    s.apply({4, 2}, SelectMode::Replace);        // click / box
    EXPECT_EQ(s.units(), (V{2, 4}));
    s.apply({4, 6}, SelectMode::Add);            // shift
    EXPECT_EQ(s.units(), (V{2, 4, 6}));
    s.apply({4, 8}, SelectMode::Toggle);         // ctrl
    EXPECT_EQ(s.units(), (V{2, 6, 8}));
    s.apply({2, 3}, SelectMode::Remove);         // alt
    EXPECT_EQ(s.units(), (V{6, 8}));
    s.apply({}, SelectMode::Replace);            // a click on nothing clears
    EXPECT_TRUE(s.empty());
    Selection a, b;
    a.replace({1, 2});
    b.add(V{2, 1});
    EXPECT_EQ(a, b);
}

using SelectionDemo = test::DemoTest;

TEST_F(SelectionDemo, SourcesAgreeWithTheSummary) {
    const Date date = Date::from_ymd(2020, 7, 31);
    const auto states = index->states(date);
    const Summary all = summarize(*ds, states, date);
    for (size_t b = 0; b < ds->criteria_on(date).bands.size(); ++b)
        EXPECT_EQ(static_cast<int>(units_in_band(*ds, states, static_cast<int>(b)).size()), all.bands[b].count);
    for (int c = 1; c <= ds->criteria_on(date).size(); ++c) {
        const V units = units_missing_criterion(*ds, states, c);
        EXPECT_EQ(static_cast<int>(units.size()), all.misses[c - 1]) << c;
        for (int u : units) EXPECT_EQ(states[u].met[c - 1], 0);
    }
    EXPECT_TRUE(units_missing_criterion(*ds, states, 0).empty());
    EXPECT_TRUE(units_missing_criterion(*ds, states, 20).empty());

    // A district, and a district within a filter.
    const V cao_loc = units_in_district(*ds, states, "183");
    ASSERT_FALSE(cao_loc.empty());
    for (int u : cao_loc) EXPECT_EQ(ds->units[u].district_code, "183");
    UnitFilterSpec xa;
    xa.kinds = {UnitKind::Xa};
    const V cao_loc_xa = units_in_district(*ds, states, "183", xa);
    EXPECT_LT(cao_loc_xa.size(), cao_loc.size());  // Cao Lộc has thị trấn
    Summary s183;
    for (const Summary& s : summarize_by_district(*ds, states, date))
        if (s.scope_code == "183") s183 = s;
    ASSERT_EQ(s183.scope_code, "183");
    EXPECT_EQ(static_cast<int>(cao_loc.size()), s183.units_total);
    EXPECT_EQ(static_cast<int>(cao_loc_xa.size()), s183.xa_total);

    // Band 19 within Cao Lộc = the intersection.
    UnitFilterSpec in183;
    in183.districts = {"183"};
    const V top183 = units_in_band(*ds, states, 0, in183);
    EXPECT_EQ(static_cast<int>(top183.size()), s183.bands[0].count);
}

TEST_F(SelectionDemo, BoxResultsAreCleanedAndSummarised) {
    const Date date = Date::from_ymd(2020, 7, 31);
    const auto states = index->states(date);
    EXPECT_EQ(units_from_indices(*ds, states, {7, -1, 3, 200, 7, 199}), (V{3, 7, 199}));
    UnitFilterSpec xa;
    xa.kinds = {UnitKind::Xa};
    for (int u : units_from_indices(*ds, states, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, xa))
        EXPECT_EQ(ds->units[u].kind, UnitKind::Xa);

    Selection sel;
    sel.replace(units_in_band(*ds, states, 0));
    const Summary s = summarize_selection(*ds, states, date, sel);
    EXPECT_EQ(s.scope_code, "selection");
    EXPECT_EQ(s.units_total, 51);
    EXPECT_EQ(s.xa_total, 51);
    EXPECT_EQ(s.bands[0].count, 51);
    EXPECT_DOUBLE_EQ(s.bands[0].percent, 100.0);
    EXPECT_DOUBLE_EQ(s.average_criteria, 19.0);
    EXPECT_EQ(s.at_standard, 51);
    // Adding a ward counts it as not applicable, not in the averages.
    int ward = -1;
    for (size_t u = 0; u < ds->units.size() && ward < 0; ++u)
        if (ds->units[u].kind == UnitKind::Phuong) ward = static_cast<int>(u);
    ASSERT_GE(ward, 0);
    sel.add(ward);
    const Summary s2 = summarize_selection(*ds, states, date, sel);
    EXPECT_EQ(s2.units_total, 52);
    EXPECT_EQ(s2.not_applicable, 1);
    EXPECT_DOUBLE_EQ(s2.average_criteria, 19.0);
    // The empty selection summarises nothing.
    EXPECT_EQ(summarize_selection(*ds, states, date, Selection{}).units_total, 0);
}

}  // namespace
}  // namespace ntm
