#pragma once
// District (group) outlines dissolved from the units: the boundaries between groups of units plus
// the outer boundary of the map, as polylines.
//
// An edge of a unit's ring is a group boundary unless a unit of the same group has the same edge
// (either direction). Edges are compared exactly after quantising their end points to `quantum`
// metres, so this relies on neighbours sharing vertices, as data cut from one source does (and as
// every level of simplify.h keeps them). Where neighbours do not share vertices (digitised
// separately, overlapping or with gaps), their common boundary is not recognised and both sides
// are drawn as outline: the result is then a superset of the true group boundaries.
//
// Cost: O(vertices). Edges are counted group by group (one hash table the size of the largest
// group), then the surviving edges are deduplicated and chained into polylines that break only
// where three or more boundary edges meet (or at a line's end). A closed loop comes out as a
// polyline whose last point repeats its first.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "geo/geometry.h"

namespace ntm::geo {

struct OutlineStats {
    size_t edges = 0;           // non-degenerate ring edges examined
    size_t boundary_edges = 0;  // of those, distinct edges kept as outline
    size_t polylines = 0;
    double length = 0;          // metres of outline
};

// A unit in no group: its edges are never outline (the units of another boundary version, which
// share the map's area but are not drawn on this date).
inline constexpr const char* kNoGroup = "\x1f(none)";
inline constexpr int32_t kNoGroupNumber = -2;

// `groups[u]` names unit u's group (e.g. Unit::district_code); units beyond the vector's end
// share the group "". Returns open polylines in world metres (draw with closed = false).
std::vector<Ring> district_outlines(const MapGeometry& geometry, const std::vector<std::string>& groups,
                                    double quantum = 0.01, OutlineStats* stats = nullptr);
// The same with group numbers (units beyond the end: group -1; kNoGroupNumber: none).
std::vector<Ring> district_outlines(const MapGeometry& geometry, const std::vector<int32_t>& groups,
                                    double quantum = 0.01, OutlineStats* stats = nullptr);

// Whether neighbouring units share their boundary vertices, so that dissolving by matching
// edges (district_outlines) finds the group boundaries. Files digitised polygon by polygon (the
// 2009 census communes) do not: every unit edge would come out as a group boundary. Checks the
// units of one small group (at least three units), so it costs little on the national map.
bool neighbours_share_vertices(const MapGeometry& geometry, const std::vector<std::string>& groups,
                               double quantum = 0.01);

// Total length of polylines (metres).
double polyline_length(const std::vector<Ring>& lines);

}  // namespace ntm::geo
