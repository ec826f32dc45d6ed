#pragma once
// Conversion between OGR geometries and the planar geometry of geo/.
#include <ogr_geometry.h>

#include <memory>

#include "geo/geometry.h"

namespace ntm::io {

// Appends the polygons of any polygonal geometry or collection to `out`; consecutive duplicate
// vertices are dropped and counted in *duplicates, closing vertices dropped.
void append_ogr(const OGRGeometry& g, geo::MultiPolygon& out, int* duplicates);
std::unique_ptr<OGRMultiPolygon> to_ogr(const geo::MultiPolygon& shape);

}  // namespace ntm::io
