#pragma once
// The names drawn on a map, in the app's map view and in the exports alike: which places get a
// name (district or province names at overview, commune names), how large (typographic points
// turned into pixels by the caller's scale), where (geo::LabelPlacer: inside the place, never
// overlapping), and drawn with a white halo so they read over every band colour.
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/date.h"
#include "geo/label_placement.h"

struct ImDrawList;
struct ImFont;

namespace ntm::render {

// Sizes in points at print size. At 96 dpi a point is 4/3 px.
constexpr float kUnitLabelPt = 7.5f;
constexpr float kGroupLabelPt = 9.5f;
constexpr float kProvinceLabelPt = 8.0f;

struct MapLabel {
    std::string text;
    bool bold = false;        // group names
    float px = 12;            // font size in pixels
    double priority = 0;
    std::vector<int> units;   // the place (one unit, or a group's members)
    bool may_spill = false;
};

struct MapLabelRequest {
    Date date;
    // Units whose names may show (parallel to dataset.units; empty: all in force on the date).
    std::vector<uint8_t> in_scope;
    bool groups = true;       // district (or province) names, when two or more are in force
    float unit_px = 10, group_px = 12.7f, province_px = 10.7f;
};

// The names to place: groups first (priority 2), then every in-scope unit in force (1). Province
// names drop "Tỉnh" and shorten "Thành phố" to "TP." (the usual national-map form); district names
// are shown whole ("Huyện Cao Lộc").
std::vector<MapLabel> map_label_names(const Dataset& dataset, const MapLabelRequest& request);

struct DrawnLabel {
    size_t label = 0;                 // index into the labels
    std::vector<std::string> lines;   // one or two
    geo::Bounds box;                  // pixels in the frame
    float px = 0;                     // font size drawn (group names may shrink to fit)
    bool spilled = false;
};

// Places `labels` in `frame` (one line, else two lines; commune names also at 85 %, names that may
// spill at 80 % and 65 %):
// see geo::LabelPlacer.
std::vector<DrawnLabel> place_map_labels(const geo::LabelPlacer& placer, const std::vector<MapLabel>& labels,
                                         ImFont* regular, ImFont* bold, const geo::ScreenFrame& frame,
                                         const geo::PlacementOptions& options);

// The same in two steps, for a caller that places the same names often (the app, as the view
// moves): the text boxes of every size of every name, then placement in a frame.
struct MeasuredLabels {
    struct Variant {
        bool two_lines;
        float scale;  // of MapLabel::px
    };
    std::vector<geo::PlaceName> names;
    std::vector<std::vector<Variant>> variants;  // per name, what each of its sizes is
    std::vector<std::vector<std::string>> split;
};
MeasuredLabels measure_map_labels(const std::vector<MapLabel>& labels, ImFont* regular, ImFont* bold);
std::vector<DrawnLabel> place_measured_labels(const geo::LabelPlacer& placer, const std::vector<MapLabel>& labels,
                                              const MeasuredLabels& measured, const geo::ScreenFrame& frame,
                                              const geo::PlacementOptions& options);

// Draws the placed names with a halo of `halo_px`, shifted by (offset_x, offset_y).
void draw_map_labels(ImDrawList* list, ImFont* regular, ImFont* bold, const std::vector<MapLabel>& labels,
                     const std::vector<DrawnLabel>& drawn, float halo_px, float offset_x = 0,
                     float offset_y = 0);

// Every character of the labels (for an export's font atlas).
std::string map_label_text(const std::vector<MapLabel>& labels);

}  // namespace ntm::render
