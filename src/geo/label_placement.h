#pragma once
// Names on a map: where each place's name goes so that it lies inside the place and overlaps no
// other name. The app's map view and the exports both use it, so a PNG names what the screen does.
//
// A place is one unit (a commune) or a group of units (a district, a province). Its name may be
// tried in several sizes (one line, then two lines), and at several positions: for a unit its
// pole of inaccessibility first, then a grid of interior points nearest the pole; for a group
// the member anchor nearest the group's centroid first, then the other members' anchors. A
// position is kept when the text box fits inside the place and keeps clear of every name placed
// before it (label_layout.h's LabelOccupancy), higher priority first (groups of equal priority:
// the smaller first, since a big one has more room to move to). A name that fits
// nowhere may still be drawn over its neighbours (`may_spill`) in the size and at the position
// (of its best few) that keep most of it over its own place: the halo keeps it legible, and a
// map with no district name is worse.
//
// "Fits inside a unit": a row of discs along the box's middle, spaced one box height apart, each
// centred at least `fit_slack` times its covering radius from the unit's edge (ShapeIndex
// distances, O(log n) each) — the glyphs' ink sits inside the line box, so the corners may touch.
// "Fits inside a group": a 3-row grid of sample points over the box all fall in member units.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "geo/label_anchor.h"
#include "geo/label_layout.h"
#include "geo/picking.h"

namespace ntm::geo {

// World (metres, y up) to screen (pixels, y down) as render::Camera maps a width x height view.
struct ScreenFrame {
    Vec2 center;
    double metres_per_pixel = 1;
    double width = 0, height = 0;
    Vec2 to_screen(Vec2 w) const {
        return {width / 2 + (w.x - center.x) / metres_per_pixel, height / 2 - (w.y - center.y) / metres_per_pixel};
    }
    Vec2 to_world(Vec2 s) const {
        return {center.x + (s.x - width / 2) * metres_per_pixel, center.y - (s.y - height / 2) * metres_per_pixel};
    }
};

struct PlaceName {
    int id = 0;               // the caller's
    std::vector<int> units;   // the place: one unit, or a group's members (indices into the shapes)
    std::vector<Vec2> sizes;  // text box sizes in pixels (x width, y height), tried in this order
    double priority = 0;      // higher is placed first
    bool may_spill = false;   // a name that fits nowhere inside is still tried at its best positions
};

struct PlacementOptions {
    double padding = 3;       // pixels between two names
    // Names only inside this screen rectangle (the map area of an export); empty: the frame.
    Bounds area;
    double fit_slack = 0.9;
    int max_positions = 12;   // positions tried per size
    const std::vector<uint8_t>* eligible = nullptr;  // units of the boundary version shown
    std::vector<Bounds> keep_clear;  // screen boxes no name may touch (an inset frame)
};

struct PlacedName {
    int id = 0;
    size_t name = 0;    // index into the names
    size_t size = 0;    // index into its sizes
    Bounds box;         // pixels
    bool spilled = false;  // drawn over its neighbours (may_spill)
};

class LabelPlacer {
public:
    // All three must outlive the placer; `anchors` parallel to geometry.shapes (label_anchors()).
    LabelPlacer(const MapGeometry& geometry, const std::vector<LabelAnchor>& anchors, const PickingIndex& picking);
    ~LabelPlacer();

    // The names placed, in placement order; no two boxes closer than options.padding.
    std::vector<PlacedName> place(const std::vector<PlaceName>& names, const ScreenFrame& frame,
                                  const PlacementOptions& options = {}) const;

    // The screen positions (box centres) tried for `name` at `size` pixels, best first, each one
    // fitting inside the place; empty when the name fits nowhere.
    std::vector<Vec2> positions(const PlaceName& name, Vec2 size, const ScreenFrame& frame,
                                const PlacementOptions& options = {}) const;

    // Whether a box of `size` pixels centred on `world` lies inside unit `u` (the test above).
    bool fits_unit(int u, Vec2 world, Vec2 size, double metres_per_pixel, double slack = 0.9) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// "Thành phố Lạng Sơn" -> {"Thành phố", "Lạng Sơn"}: split at the space nearest the middle (by
// bytes, close enough for the comparison); one element when there is no space.
std::vector<std::string> split_two_lines(const std::string& text);

}  // namespace ntm::geo
