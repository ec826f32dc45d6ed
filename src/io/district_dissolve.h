#pragma once
// District outlines for boundary files whose neighbours do not share vertices (digitised polygon
// by polygon, like the 2009 census communes), where matching edges cannot find the district
// boundaries (geo::neighbours_share_vertices says so). GEOS, through OGR, unions each group's
// polygons after closing the slivers and gaps between neighbours.
#include <string>
#include <vector>

#include "core/dataset.h"
#include "geo/geometry.h"

namespace ntm::io {

// The one decision for the app and every export: district outlines dissolved here when the
// dataset has at least two districts whose communes do not share vertices; empty otherwise
// (the renderer then dissolves them itself from shared edges, per level of detail).
std::vector<geo::Ring> district_outlines_if_unshared(const Dataset& dataset, const geo::MapGeometry& geometry);

// Closed rings (outer boundaries and real holes) of each group's union, in world metres; draw
// with closed = true. `groups[u]` names unit u's group; units with an empty group are left out.
// Gaps and overlaps between neighbours up to `gap` metres wide are closed, and holes under half
// a km² (wider slivers) are left out.
std::vector<geo::Ring> dissolve_group_outlines(const geo::MapGeometry& geometry,
                                               const std::vector<std::string>& groups, double gap = 20.0);

}  // namespace ntm::io
