#pragma once
// Overlaps and gaps between neighbouring units (GEOS through OGR).
#include <vector>

#include "core/unit.h"
#include "geo/geometry.h"
#include "io/load_report.h"

namespace ntm::io {

// Sources larger than this many vertices are not checked by default (it takes minutes).
constexpr size_t kTopologyVertexLimit = 1500000;

// Fills the overlap and gap fields of `report`. Areas below 1 m² are numerical noise and ignored.
void check_topology(const std::vector<Unit>& units, const geo::MapGeometry& geometry,
                    LoadReport& report, bool force = false);

}  // namespace ntm::io
