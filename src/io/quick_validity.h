#pragma once
// A cheap proof that a polygon read by OGR is valid, so that GEOS's IsValid (a copy of every
// polygon through WKB and a full noding) runs only on the polygons it cannot vouch for.
#include <ogr_geometry.h>

#include "geo/geometry.h"

namespace ntm::io {

// True when `g` is a Polygon (or a MultiPolygon of one) without holes, whose ring is closed, and
// `converted` (append_ogr of `g`) is certainly a simple ring with area
// (geo::certainly_simple_single_ring). Then GEOS would find it valid; false decides nothing.
bool certainly_valid(const OGRGeometry& g, const geo::MultiPolygon& converted);

}  // namespace ntm::io
