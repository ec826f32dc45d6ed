#pragma once
// Units far out at sea from all the others — on the national map, Hoàng Sa and Trường Sa — which
// a map shows in an inset frame so the mainland can fill the page. Found by location alone: a
// unit is outlying when the gap between its bounding box and every other unit's is at least
// `gap_fraction` of the larger side of the whole map's bounds, and leaving it out shrinks those
// bounds (near-shore islands such as Phú Quốc or Cô Tô are tens of kilometres out; the two
// archipelagos hundreds, against a country 1,650 km long).
#include <cstdint>
#include <vector>

#include "geo/geometry.h"

namespace ntm::geo {

// Ascending unit indices; empty when there are none or when every unit would be one. With
// `eligible` (parallel to the shapes), only units whose entry is non-zero take part.
std::vector<int> outlying_units(const MapGeometry& geometry, const std::vector<uint8_t>* eligible = nullptr,
                                double gap_fraction = 0.1);

}  // namespace ntm::geo
