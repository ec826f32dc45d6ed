#include "core/unit_history.h"

#include <gtest/gtest.h>

#include "core/demo.h"
#include "core/state.h"

namespace ntm {
namespace {

Date d(const char* iso) { return *parse_date(iso); }

class UnitHistoryTest : public ::testing::Test {
protected:
    void SetUp() override {
        Unit a;
        a.code = "00001";
        a.name = "An";
        a.kind = UnitKind::Xa;
        Unit b = a;
        b.code = "00002";
        b.name = "Bình";
        ds.units = {a, b};
        ds.reindex();
    }
    void obs(const char* code, int criterion, bool met, const char* date, const char* source) {
        ds.observations.push_back({code, criterion, met, d(date), source});
    }
    Dataset ds;
};

TEST_F(UnitHistoryTest, OnlyActualChangesWithDatesAndSources) {
    obs("00001", 3, false, "2012-01-10", "khảo sát 2012");    // not met first: no change
    obs("00001", 3, false, "2013-01-10", "kiểm tra 2013");    // still not met: no change
    obs("00001", 3, true, "2014-01-10", "kiểm tra 2014");     // gain
    obs("00001", 3, true, "2015-01-10", "kiểm tra 2015");     // confirmed: no change
    obs("00001", 3, false, "2016-02-20", "kiểm tra 2016");    // loss
    obs("00001", 3, true, "2017-03-05", "kiểm tra 2017");     // regained
    obs("00001", 1, true, "2011-05-01", "khảo sát 2011");     // first observation met: a gain
    obs("00002", 3, false, "2016-02-20", "other unit");       // another unit: ignored
    obs("00001", 99, true, "2016-02-20", "outside the set");  // unknown criterion: ignored

    const auto h = unit_history(ds, ds.find_unit("00001"));
    ASSERT_EQ(h.size(), 4u);
    EXPECT_EQ(h[0].date, d("2011-05-01"));
    EXPECT_EQ(h[0].criterion, 1);
    EXPECT_TRUE(h[0].gained);
    EXPECT_EQ(h[1].date, d("2014-01-10"));
    EXPECT_EQ(h[1].criterion, 3);
    EXPECT_TRUE(h[1].gained);
    EXPECT_EQ(h[1].source, "kiểm tra 2014");
    EXPECT_EQ(h[2].date, d("2016-02-20"));
    EXPECT_EQ(h[2].criterion, 3);
    EXPECT_FALSE(h[2].gained);
    EXPECT_EQ(h[2].source, "kiểm tra 2016");
    EXPECT_EQ(h[3].date, d("2017-03-05"));
    EXPECT_TRUE(h[3].gained);
    const ChangeCounts c = count_changes(h);
    EXPECT_EQ(c.gained, 3);
    EXPECT_EQ(c.lost, 1);
}

TEST_F(UnitHistoryTest, InputOrderDoesNotMatterAndTheLastOfADayWins) {
    obs("00001", 2, false, "2016-01-01", "later");
    obs("00001", 2, true, "2015-01-01", "earlier");
    obs("00001", 5, true, "2015-06-01", "morning");
    obs("00001", 5, false, "2015-06-01", "correction");  // same day: the later record wins
    const auto h = unit_history(ds, ds.find_unit("00001"));
    ASSERT_EQ(h.size(), 2u);
    EXPECT_EQ(h[0].criterion, 2);
    EXPECT_TRUE(h[0].gained);
    EXPECT_EQ(h[0].source, "earlier");
    EXPECT_EQ(h[1].criterion, 2);
    EXPECT_FALSE(h[1].gained);
    EXPECT_EQ(h[1].date, d("2016-01-01"));
}

TEST_F(UnitHistoryTest, UnknownUnitOrNoObservations) {
    EXPECT_TRUE(unit_history(ds, ds.find_unit("99999")).empty());
    EXPECT_TRUE(unit_history(ds, ds.find_unit("00002")).empty());
}

// On the demo dataset every change agrees with the attainment index the map uses, and the gains
// minus the losses of a unit equal the criteria it has at the end.
TEST(UnitHistoryDemo, AgreesWithTheAttainmentIndex) {
    const Dataset ds = demo::make_demo_dataset();
    const AttainmentIndex index(ds);
    const Date end = *ds.last_date();
    int units_with_losses = 0;
    for (size_t u = 0; u < ds.units.size(); ++u) {
        const auto h = unit_history(ds, static_cast<int>(u));
        int losses = 0;
        for (const CriterionChange& c : h) {
            Date before = c.date;
            before.days -= 1;
            const UnitState s0 = index.state(static_cast<int>(u), before);
            const UnitState s1 = index.state(static_cast<int>(u), c.date);
            ASSERT_EQ(s1.met[c.criterion - 1], c.gained ? 1 : 0) << ds.units[u].code;
            ASSERT_EQ(s0.met[c.criterion - 1], c.gained ? 0 : 1) << ds.units[u].code;
            EXPECT_FALSE(c.source.empty());
            if (!c.gained) ++losses;
        }
        const ChangeCounts n = count_changes(h);
        EXPECT_EQ(n.gained - n.lost, index.state(static_cast<int>(u), end).count) << ds.units[u].code;
        if (losses) ++units_with_losses;
    }
    EXPECT_GT(units_with_losses, 0) << "the demo has communes that lose criteria";
}

}  // namespace
}  // namespace ntm
