#pragma once
// District outlines for boundary files whose neighbours do not share vertices (digitised polygon
// by polygon, like the 2009 census communes), where matching edges cannot find the district
// boundaries (geo::neighbours_share_vertices says so). GEOS, through OGR, unions each group's
// polygons after closing the slivers and gaps between neighbours.
#include <string>
#include <vector>

#include "geo/geometry.h"

namespace ntm::io {

// Closed rings (outer boundaries and real holes) of each group's union, in world metres; draw
// with closed = true. `groups[u]` names unit u's group; units with an empty group are left out.
// Gaps and overlaps between neighbours up to `gap` metres wide are closed, and holes under half
// a km² (wider slivers) are left out.
std::vector<geo::Ring> dissolve_group_outlines(const geo::MapGeometry& geometry,
                                               const std::vector<std::string>& groups, double gap = 20.0);

}  // namespace ntm::io
