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
    EXPECT_EQ(data->district_labels.size(), 11u) << "the demo's 11 districts";
    const int u = ds.find_unit("06190");
    ASSERT_GE(u, 0);
    EXPECT_EQ(data->district_groups[u], ds.units[u].district_code);
    for (size_t i = 0; i < ds.units.size(); ++i) {
        ASSERT_TRUE(data->unit_anchors[i].valid()) << ds.units[i].code;
        EXPECT_TRUE(geo::contains(data->geometry.shapes[i], data->unit_anchors[i].point)) << ds.units[i].code;
        EXPECT_EQ(data->picking.unit_at(data->unit_anchors[i].point), static_cast<int>(i)) << ds.units[i].code;
    }
    bool cao_loc = false;
    for (const DistrictLabel& d : data->district_labels) cao_loc |= d.name == "Huyện Cao Lộc";
    EXPECT_TRUE(cao_loc);
}

TEST(LoadedData, PickingThroughTheStateAndHighlightedUnits) {
    AppState state;
    EXPECT_EQ(state.unit_at({0, 0}), -1) << "no data: nothing under the cursor";
    state.set_data(load_demo());
    const int u = state.dataset().find_unit("06190");
    const geo::Vec2 inside = state.data()->unit_anchors[u].point;
    EXPECT_EQ(state.unit_at(inside), u);
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
