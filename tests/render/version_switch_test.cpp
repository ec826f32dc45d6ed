// The map on a date draws the boundary version in force on it: before the merger the old units
// with their own colours, from the day of the merger the new unit over the same ground, with no
// new geometry uploaded (the same exporter renders both dates).
#include <gtest/gtest.h>

#include "core/map_colours.h"
#include "core/state.h"
#include "render/map_export.h"
#include "render_fixture.h"

namespace {

using ntm::Date;
using ntm::test::kX0;
using ntm::test::kY0;

Date d(const char* iso) { return *ntm::parse_date(iso); }

ntm::Unit unit(const std::string& code, const std::string& name, int version, const std::string& district) {
    ntm::Unit u;
    u.code = code;
    u.name = name;
    u.kind = ntm::UnitKind::Xa;
    u.version = version;
    u.district_code = district;
    u.district_name = district.empty() ? "" : "Huyện " + district;
    return u;
}

// Two old xã side by side (10 km squares) until 30/6/2025; from 1/7/2025 one new xã covering
// both, reusing the first one's code.
struct Merged {
    ntm::Dataset dataset;
    ntm::geo::MapGeometry geometry;
    Merged() {
        dataset.versions = {{"old", "", std::nullopt, d("2025-06-30"), ntm::Grouping::District},
                            {"new", "", d("2025-07-01"), std::nullopt, ntm::Grouping::None}};
        dataset.units = {unit("00001", "Tây", 0, "1"), unit("00002", "Đông", 0, "2"), unit("00001", "Chung", 1, "")};
        dataset.reindex();
        dataset.lineage = {{0, 2, d("2025-07-01"), ""}, {1, 2, d("2025-07-01"), ""}};
        for (int c = 1; c <= 19; ++c) {
            dataset.observations.push_back({"00001", c, true, d("2024-06-30"), "t"});       // 19: top band
            dataset.observations.push_back({"00002", c, c <= 7, d("2024-06-30"), "t"});     // 7: 5–9
            dataset.observations.push_back({"00001", c, c <= 12, d("2025-07-01"), "t"});    // new: 10–14
        }
        auto square = [](double x0, double x1) {
            ntm::geo::MultiPolygon m;
            m.parts.push_back({ntm::test::rect(kX0 + x0, kY0, kX0 + x1, kY0 + 10000), {}});
            return m;
        };
        geometry.shapes = {square(0, 10000), square(10000, 20000), square(0, 20000)};
    }
};

class VersionSwitchTest : public ntm::test::GlTest {};

TEST_F(VersionSwitchTest, TheMapDrawsTheUnitsInForceOnTheDate) {
    const Merged m;
    ntm::render::MapExporter exporter(m.dataset, m.geometry);
    ntm::render::ExportOptions o;
    o.width = 800;
    o.height = 500;
    o.decorations = false;
    o.world_file = false;

    auto colour_at = [&](const ntm::render::Image& image, const ntm::render::ExportResult& r, double x, double y) {
        return ntm::test::pixel_at(image, r.camera, {ntm::test::kX0 + x, ntm::test::kY0 + y});
    };

    o.date = d("2025-06-30");
    ntm::render::ExportResult before;
    const ntm::render::Image old_map = exporter.render_image(o, &before);
    EXPECT_EQ(before.summary.units_total, 2);
    EXPECT_EQ(colour_at(old_map, before, 5000, 5000), ntm::band_colour(0, 5)) << "Tây: 19 criteria";
    EXPECT_EQ(colour_at(old_map, before, 15000, 5000), ntm::band_colour(3, 5)) << "Đông: 7 criteria";

    o.date = d("2025-07-01");
    ntm::render::ExportResult after;
    const ntm::render::Image new_map = exporter.render_image(o, &after);
    EXPECT_EQ(after.summary.units_total, 1);
    EXPECT_EQ(after.summary.bands[2].count, 1);
    // Both halves now show the one new xã (12 criteria: 10–14), nothing of the old units.
    EXPECT_EQ(colour_at(new_map, after, 5000, 5000), ntm::band_colour(2, 5));
    EXPECT_EQ(colour_at(new_map, after, 15000, 5000), ntm::band_colour(2, 5));
    // No outline is left where the old units met (x = 10 km): the district line belonged to
    // the old version, and the new unit has no inner edge there.
    EXPECT_EQ(colour_at(new_map, after, 10000, 5000), ntm::band_colour(2, 5));
    EXPECT_FALSE(colour_at(old_map, before, 10000, 5000) == ntm::band_colour(0, 5));
}

}  // namespace
