// Names inside their places: positions that fit, more than one of them, two-line splits, groups,
// and the outlying units an inset shows.
#include "geo/label_placement.h"

#include <gtest/gtest.h>

#include <cmath>

#include "geo/outlying_units.h"

namespace {

using ntm::geo::Bounds;
using ntm::geo::LabelPlacer;
using ntm::geo::MapGeometry;
using ntm::geo::MultiPolygon;
using ntm::geo::PlaceName;
using ntm::geo::ScreenFrame;
using ntm::geo::Vec2;

MultiPolygon box(double x0, double y0, double x1, double y1) {
    MultiPolygon m;
    m.parts.push_back({{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, {}});
    return m;
}

// Unit 0: an L (a 1000 x 200 bar along the bottom and a 200 x 1000 arm on the left); units 1, 2:
// 400 x 400 squares side by side to the right of the arm, above the bar.
MapGeometry sample() {
    MapGeometry g;
    MultiPolygon l;
    l.parts.push_back({{{0, 0}, {1000, 0}, {1000, 200}, {200, 200}, {200, 1000}, {0, 1000}}, {}});
    g.shapes = {l, box(200, 200, 600, 600), box(600, 200, 1000, 600)};
    return g;
}

struct Fixture {
    MapGeometry geometry = sample();
    std::vector<ntm::geo::LabelAnchor> anchors = ntm::geo::label_anchors(geometry, 1);
    ntm::geo::PickingIndex picking{geometry};
    LabelPlacer placer{geometry, anchors, picking};
    ScreenFrame frame{{500, 500}, 1.0, 1000, 1000};  // 1 m per pixel, the whole map
};

PlaceName name(int id, std::vector<int> units, double w, double h) {
    PlaceName n;
    n.id = id;
    n.units = std::move(units);
    n.sizes = {{w, h}};
    return n;
}

TEST(LabelPlacement, PositionsFitInsideTheUnitBestFirst) {
    Fixture f;
    // 150 x 40 fits in the L's bar or arm only lengthwise; its pole is in the corner square.
    const auto positions = f.placer.positions(name(0, {0}, 150, 40), {150, 40}, f.frame);
    ASSERT_GE(positions.size(), 3u);
    for (const Vec2& p : positions) {
        const Vec2 w = f.frame.to_world(p);
        for (double dx : {-75.0, 75.0})
            for (double dy : {-18.0, 18.0})
                EXPECT_TRUE(ntm::geo::contains(f.geometry.shapes[0], {w.x + dx, w.y + dy})) << w.x << "," << w.y;
    }
    // Too tall for the 200-wide bar anywhere: nothing.
    EXPECT_TRUE(f.placer.positions(name(0, {0}, 100, 260), {100, 260}, f.frame).empty());
    EXPECT_FALSE(f.placer.fits_unit(1, {400, 400}, {500, 20}, 1.0));
    EXPECT_TRUE(f.placer.fits_unit(1, {400, 400}, {300, 40}, 1.0));
}

TEST(LabelPlacement, ANameMovesWhenItsBestPositionIsTaken) {
    Fixture f;
    // Two names for the L: the second takes another interior position, not the pole.
    std::vector<PlaceName> names = {name(1, {0}, 150, 40), name(2, {0}, 150, 40)};
    names[0].priority = 1;
    const auto placed = f.placer.place(names, f.frame);
    ASSERT_EQ(placed.size(), 2u);
    const Bounds &a = placed[0].box, &b = placed[1].box;
    EXPECT_FALSE(a.min_x < b.max_x && b.min_x < a.max_x && a.min_y < b.max_y && b.min_y < a.max_y);
}

TEST(LabelPlacement, TwoLinesWhenOneDoesNotFitAndGroupsSpillOnlyWhenAllowed) {
    Fixture f;
    PlaceName n = name(3, {1}, 395, 30);  // one line: too wide for the 400 square
    n.sizes.push_back({200, 60});        // two lines
    auto placed = f.placer.place({n}, f.frame);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0].size, 1u);

    // A group of units 1 and 2 (800 x 400): a 700 x 30 name fits across both.
    placed = f.placer.place({name(4, {1, 2}, 700, 30)}, f.frame);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_FALSE(placed[0].spilled);
    // 520 tall does not; it shows only when it may spill.
    EXPECT_TRUE(f.placer.place({name(5, {1, 2}, 700, 520)}, f.frame).empty());
    PlaceName spill = name(5, {1, 2}, 700, 520);
    spill.may_spill = true;
    placed = f.placer.place({spill}, f.frame);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_TRUE(placed[0].spilled);
}

TEST(LabelPlacement, SplitTwoLines) {
    EXPECT_EQ(ntm::geo::split_two_lines("Thành phố Lạng Sơn"), (std::vector<std::string>{"Thành phố", "Lạng Sơn"}));
    EXPECT_EQ(ntm::geo::split_two_lines("Huyện Cao Lộc"), (std::vector<std::string>{"Huyện", "Cao Lộc"}));
    EXPECT_EQ(ntm::geo::split_two_lines("Lộc"), (std::vector<std::string>{"Lộc"}));
}

TEST(OutlyingUnits, FarIslandsButNotNearShoreOnes) {
    MapGeometry g;
    // A mainland of 20 units of 50 km in a 4 x 5 grid (200 x 250 km).
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 5; ++j) g.shapes.push_back(box(i * 50e3, j * 50e3, (i + 1) * 50e3, (j + 1) * 50e3));
    g.shapes.push_back(box(215e3, 10e3, 220e3, 15e3));  // 15 km off the coast
    // An archipelago of two islands 400 and 430 km out: one unit, two parts.
    MultiPolygon far = box(600e3, 100e3, 605e3, 105e3);
    far.parts.push_back(box(630e3, 150e3, 633e3, 153e3).parts[0]);
    g.shapes.push_back(far);
    EXPECT_EQ(ntm::geo::outlying_units(g), std::vector<int>({21}));
    // Not eligible: none.
    std::vector<uint8_t> eligible(g.shapes.size(), 1);
    eligible[21] = 0;
    EXPECT_TRUE(ntm::geo::outlying_units(g, &eligible).empty());
    // Lạng Sơn-like: one contiguous block has none.
    g.shapes.resize(20);
    EXPECT_TRUE(ntm::geo::outlying_units(g).empty());
}

}  // namespace
