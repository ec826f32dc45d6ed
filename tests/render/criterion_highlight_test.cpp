// Selecting a criterion in the criteria view highlights exactly the xã that miss it: the map is
// drawn from the demo with kUnitHighlight set on core's units_missing_criterion(), and a pixel
// inside every unit (its label anchor, the point farthest from its edges) is read back: lightened
// for those xã, unchanged for every other unit.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/demo.h"
#include "core/map_colours.h"
#include "core/selection.h"
#include "geo/label_anchor.h"
#include "render/map_renderer.h"
#include "render_fixture.h"

namespace {

using ntm::Rgb;
using ntm::render::Camera;
using ntm::render::Image;
using ntm::render::MapRenderer;
using ntm::test::pixel_at;

constexpr int W = 1100, H = 1100;

class CriterionHighlightTest : public ntm::test::GlTest {};

TEST_F(CriterionHighlightTest, ExactlyTheXaMissingTheCriterionAreLightened) {
    const ntm::Dataset ds = ntm::demo::make_demo_dataset();
    const ntm::geo::MapGeometry geometry = ntm::test::demo_geometry_in_metres(ds);
    ASSERT_EQ(geometry.shapes.size(), ds.units.size());
    const ntm::AttainmentIndex index(ds);
    const auto states = index.states(ntm::Date::from_ymd(2020, 7, 31));
    const ntm::UnitPaint paint = ntm::paint_units(ds, states, ntm::Date::from_ymd(2020, 7, 31));
    const auto anchors = ntm::geo::label_anchors(geometry, 2);

    MapRenderer renderer;
    renderer.upload(geometry);
    renderer.set_unit_colours(paint.fill);
    std::vector<uint8_t> base_flags(ds.units.size(), 0);
    for (size_t u = 0; u < ds.units.size(); ++u)
        if (paint.not_applicable[u]) base_flags[u] = ntm::render::kUnitHatched;
    renderer.set_unit_flags(base_flags);
    const Camera camera = Camera::fit(renderer.bounds(), W, H, 10);
    const ntm::render::MapStyle style = renderer.style();
    const Image base = ntm::test::draw_to_image(renderer, camera, W, H, 1);

    // Units whose anchor has a few pixels of room (outlines are 1 px, district lines 2.5 px).
    std::vector<bool> checkable(ds.units.size(), false);
    size_t checkable_count = 0;
    for (size_t u = 0; u < ds.units.size(); ++u) {
        checkable[u] = anchors[u].valid() && anchors[u].radius / camera.metres_per_pixel >= 5.0;
        checkable_count += checkable[u];
    }
    ASSERT_GE(checkable_count, ds.units.size() * 9 / 10) << "too few units wide enough to read";

    const auto lighten = [&](uint8_t c) { return c + (255 - c) * style.highlight_amount; };
    int criteria_tried = 0;
    for (const ntm::Criterion& criterion : ds.criteria_on(ntm::Date::from_ymd(2024, 1, 1)).criteria) {
        const std::vector<int> missing = ntm::units_missing_criterion(ds, states, criterion.number);
        if (missing.empty()) continue;
        ++criteria_tried;
        std::vector<uint8_t> flags = base_flags;
        std::vector<bool> lit(ds.units.size(), false);
        for (int u : missing) {
            flags[u] |= ntm::render::kUnitHighlight;
            lit[u] = true;
        }
        renderer.set_unit_flags(flags);
        const Image image = ntm::test::draw_to_image(renderer, camera, W, H, 1);
        int lit_seen = 0, plain_seen = 0;
        for (size_t u = 0; u < ds.units.size(); ++u) {
            if (!checkable[u]) continue;
            const Rgb before = pixel_at(base, camera, anchors[u].point);
            const Rgb after = pixel_at(image, camera, anchors[u].point);
            if (lit[u]) {
                // Only xã with data miss a criterion: plain band fills, never hatched.
                ASSERT_FALSE(paint.not_applicable[u]);
                EXPECT_EQ(before, paint.fill[u]) << ds.units[u].name;
                EXPECT_NEAR(after.r, lighten(before.r), 1.0) << "criterion " << criterion.number << ", " << ds.units[u].name;
                EXPECT_NEAR(after.g, lighten(before.g), 1.0) << "criterion " << criterion.number << ", " << ds.units[u].name;
                EXPECT_NEAR(after.b, lighten(before.b), 1.0) << "criterion " << criterion.number << ", " << ds.units[u].name;
                EXPECT_FALSE(after == before) << ds.units[u].name;
                ++lit_seen;
            } else {
                EXPECT_EQ(after, before) << "criterion " << criterion.number << ", " << ds.units[u].name
                                         << " does not miss it";
                ++plain_seen;
            }
        }
        EXPECT_GT(lit_seen, 0) << "criterion " << criterion.number;
        EXPECT_GT(plain_seen, 0) << "criterion " << criterion.number;
    }
    EXPECT_GE(criteria_tried, 10);
}

}  // namespace
