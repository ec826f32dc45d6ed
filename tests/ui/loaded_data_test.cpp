// What the loader derives once per load: district groups and labels, label anchors inside their
// polygons, the picking index behind hover, click and box selection; planner highlights.
#include <gtest/gtest.h>

#include "io/dataset_file.h"
#include "ui/app_state.h"

namespace ntm::ui {
namespace {

std::unique_ptr<LoadedData> load_demo() {
    io::DatasetFile file = io::load_dataset(NTM_DEMO_DATASET);
    auto data = std::make_unique<LoadedData>();
    data->dataset = std::move(file.dataset);
    data->geometry = std::move(file.geometry);
    data->prepare_derived(2);
    return data;
}

TEST(LoadedData, DistrictGroupsLabelsAndAnchors) {
    auto data = load_demo();
    const Dataset& ds = data->dataset;
    ASSERT_EQ(data->district_groups.size(), ds.units.size());
    ASSERT_EQ(data->unit_anchors.size(), ds.units.size());
    EXPECT_EQ(data->district_labels.size(), 11u) << "the demo's 11 districts of 2020 (none after 2025)";
    const int u = ds.find_unit("06190", Date::from_ymd(2020, 7, 31));
    ASSERT_GE(u, 0);
    // Groups are per boundary version: a district of 2020 is no group of the 2025 units.
    EXPECT_EQ(data->district_groups[u], "2020|" + ds.units[u].district_code);
    const int now = ds.find_unit("06190", Date::from_ymd(2026, 6, 30));
    if (now >= 0) EXPECT_EQ(data->district_groups[now], "") << "no districts after July 2025";
    for (size_t i = 0; i < ds.units.size(); ++i) {
        ASSERT_TRUE(data->unit_anchors[i].valid()) << ds.units[i].code;
        EXPECT_TRUE(geo::contains(data->geometry.shapes[i], data->unit_anchors[i].point)) << ds.units[i].code;
        // The versions overlap on the ground: picking looks among the version's units.
        std::vector<uint8_t> version(ds.units.size(), 0);
        for (size_t k = 0; k < ds.units.size(); ++k) version[k] = ds.units[k].version == ds.units[i].version;
        EXPECT_EQ(data->picking.unit_at(data->unit_anchors[i].point, &version), static_cast<int>(i)) << ds.units[i].code;
    }
    bool cao_loc = false;
    for (const DistrictLabel& d : data->district_labels) cao_loc |= d.name == "Huyện Cao Lộc";
    EXPECT_TRUE(cao_loc);
}

TEST(LoadedData, PickingThroughTheStateAndHighlightedUnits) {
    AppState state;
    EXPECT_EQ(state.unit_at({0, 0}), -1) << "no data: nothing under the cursor";
    state.set_data(load_demo());
    EXPECT_EQ(state.date(), *state.dataset().last_data_date()) << "new data opens on its last date with data";
    state.set_date(Date::from_ymd(2020, 7, 31));
    const int u = state.dataset().find_unit("06190", state.date());
    const geo::Vec2 inside = state.data()->unit_anchors[u].point;
    EXPECT_EQ(state.unit_at(inside), u);
    // On a date after the reform the same point picks the unit of 2025 that covers it.
    state.set_date(Date::from_ymd(2026, 6, 30));
    const int later = state.unit_at(inside);
    ASSERT_GE(later, 0);
    EXPECT_EQ(state.dataset().units[later].version, state.dataset().version_on(state.date()));
    state.set_date(Date::from_ymd(2020, 7, 31));
    const geo::Bounds all = state.geometry().bounds();
    EXPECT_EQ(state.unit_at({all.min_x - 1000, all.min_y - 1000}), -1);

    const uint64_t v = state.flag_version();
    state.set_highlighted_units({u, 3}, "Thiếu tiêu chí 2");
    EXPECT_GT(state.flag_version(), v);
    const auto mask = state.highlight_mask();
    EXPECT_EQ(mask[u], 1);
    EXPECT_EQ(mask[3], 1);
    EXPECT_EQ(std::count(mask.begin(), mask.end(), 1), 2);
    EXPECT_EQ(state.highlighted_units_label(), "Thiếu tiêu chí 2");
    state.set_data(load_demo());
    EXPECT_TRUE(state.highlighted_units().empty()) << "a new load clears planner highlights";
}

}  // namespace
}  // namespace ntm::ui
