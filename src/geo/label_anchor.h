#pragma once
// Where to put a unit's label: the pole of inaccessibility, the interior point farthest from the
// boundary (holes respected), rather than the centroid, which can fall outside a crescent, in a
// notch or in a hole. The distance from the pole to the boundary (the radius of the largest
// circle that fits inside around it) tells whether a label of a given size fits.
//
// The search is the usual quad-tree of cells in a priority queue ordered by the best distance a
// cell could still contain (its centre's distance plus its half-diagonal); a cell is split until
// it cannot beat the best point found by more than the precision. Distances come from a
// ShapeIndex (geo/picking.h), so each one costs about O(log n) instead of O(n): all of Việt Nam
// (3,321 units, 7.1 M vertices) takes a fraction of a second on two threads.
#include <vector>

#include "geo/geometry.h"

namespace ntm::geo {

struct LabelAnchor {
    Vec2 point;         // inside the polygon for any polygon with an interior
    double radius = 0;  // distance from `point` to the nearest edge (outer ring or hole), >= 0
    int part = -1;      // index of the part `point` lies in; -1 for an empty shape
    bool valid() const { return part >= 0; }
};

struct AnchorOptions {
    // Search precision as a fraction of sqrt(area) of the part searched: the radius found is
    // within this of the best possible (0.001 is about 0.2 % of the largest possible radius).
    double relative_precision = 0.001;
    // false: the pole of the largest part by area (a commune's mainland rather than its islands).
    // true: the pole with the largest radius over all parts (parts whose area cannot hold a
    // larger circle, sqrt(area / pi) <= best radius so far, are skipped unsearched).
    bool widest_part = false;
};

// Pole of inaccessibility of one polygon, to within `precision` (same units as the
// coordinates; values below 1e-9 of the polygon's size are raised to that). `part` of the
// result is 0. A polygon without area gives its first vertex (or its bounds centre) with radius 0.
LabelAnchor pole_of_inaccessibility(const Polygon& polygon, double precision);

// The anchor of one unit: see AnchorOptions. An empty shape gives an invalid anchor.
LabelAnchor label_anchor(const MultiPolygon& shape, const AnchorOptions& options = {});

// Anchors of every unit, parallel to geometry.shapes, computed with up to `threads` threads;
// the result does not depend on the thread count.
std::vector<LabelAnchor> label_anchors(const MapGeometry& geometry, int threads = 2,
                                       const AnchorOptions& options = {});

// Area-weighted centroid of a shape (holes subtracted). May lie outside the shape. The bounds
// centre when the shape has no area; (0, 0) when it is empty.
Vec2 area_centroid(const MultiPolygon& shape);

// An anchor for a group of units (a district), from the units' own anchors, without dissolving
// the group: among the members whose anchor radius is at least half the largest radius in the
// group, the anchor nearest the group's area-weighted centroid. So the label sits near the middle
// of the group, in a member roomy enough to be among the group's widest, and its `radius` is
// a lower bound of the clearance inside the group (the shared edges between members are not
// boundaries of the group). Deterministic (ties go to the lower unit index). An exact pole of the
// group is label_anchor() of its dissolved outline, when one is at hand. `members` are indices
// into geometry.shapes and unit_anchors; invalid entries are ignored; no valid member gives an
// invalid anchor.
LabelAnchor group_label_anchor(const MapGeometry& geometry,
                               const std::vector<LabelAnchor>& unit_anchors,
                               const std::vector<int>& members);

}  // namespace ntm::geo
