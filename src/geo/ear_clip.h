#pragma once
// Triangulation of one polygon with holes by ear clipping, without GL: holes are joined to the
// outer ring by bridges (from each hole's leftmost vertex to a visible outer vertex), then ears
// are cut; a z-order index over the vertices keeps the ear test near-linear on rings of a
// million vertices. When no ear is left (self-touching or self-crossing rings, which real files
// have), it drops repeated and collinear points, then cuts small local crossings, then splits
// the ring along a valid diagonal and goes on with both halves, so it always finishes and never
// makes new vertices. Orientation of the input rings does not matter.
#include <cstdint>
#include <vector>

namespace ntm::geo {

// `xy`: x, y pairs of every vertex; `rings`: the outer ring then the holes, each as [first,
// end) vertex ranges into `xy` (no closing duplicate, at least three vertices each).
// Appends three vertex numbers per triangle to `triangles`, each `index_base` + a vertex of `xy`.
void ear_clip(const std::vector<double>& xy, const std::vector<std::pair<uint32_t, uint32_t>>& rings,
              uint32_t index_base, std::vector<uint32_t>& triangles);

}  // namespace ntm::geo
