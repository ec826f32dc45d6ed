#pragma once
// Schematic commune polygons for the illustrative demo dataset (Lạng Sơn as in 2020).
//
// Real boundaries cannot be bundled, so the demo draws every unit as a convex cell of a
// two-level power diagram (a Voronoi diagram with weights) inside a convex, province-like
// outline within Lạng Sơn's real extent: district cells around the real district centres, sized
// by the districts' real areas; commune cells inside each district cell, sized by unit kind
// (wards and townships smaller). The cells tile the outline without gaps or overlaps: every
// shared edge has identical vertices on both sides (vertices are welded, T-junctions split, and
// all coordinates snapped to a 1e-7° grid). Coordinates are WGS 84 degrees (x = longitude,
// y = latitude); outer rings counter-clockwise, no closing vertex. Deterministic.
#include <vector>

#include "core/dataset.h"
#include "geo/geometry.h"

namespace ntm::geo {

struct DemoTiling {
    std::vector<MultiPolygon> shapes;  // one per unit, parallel to Dataset::units
    Ring outline;                      // the province outline the shapes fill (same vertices)
};

// Units are grouped by district_code; the 11 district codes of Lạng Sơn (178, 180–189) are
// placed where the real districts are. Throws ntm::Error for a unit of any other district.
DemoTiling build_demo_tiling(const ntm::Dataset& dataset);

// build_demo_tiling(dataset).shapes
std::vector<MultiPolygon> make_demo_tiling(const ntm::Dataset& dataset);

}  // namespace ntm::geo
