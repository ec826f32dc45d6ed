#pragma once
// Triangulation of polygons for drawing (ear clipping in geo/ear_clip.h, no GL; holes supported).
//
// Coordinates in the display CRS are large metres (x ~ 450 000, y ~ 2 400 000), too large for
// float to hold to the centimetre, so meshes store vertices as float offsets from an `origin`
// chosen by the caller (normally the data's bounds centre): world = origin + (x, y).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "geo/geometry.h"

namespace ntm::geo {

struct Mesh {
    std::vector<float> xy;          // x0, y0, x1, y1, ... relative to the origin
    std::vector<uint32_t> indices;  // three per triangle, into the vertices of `xy`
    size_t vertex_count() const { return xy.size() / 2; }
    size_t triangle_count() const { return indices.size() / 3; }
};

// Triangulates every part of `shape` (outer ring minus its holes, whatever their orientation;
// each part on its own, so overlapping parts are both filled). Vertices are relative to
// `origin`: exactly the vertices of the input rings, in input order (outer ring, then its holes,
// part after part); no vertices are made, so a self-crossing ring is triangulated as well as its
// vertices allow. Throws ntm::Error only when the mesh would exceed 2^32 vertices.
Mesh tessellate(const MultiPolygon& shape, Vec2 origin);

// Sum of the triangle areas of `mesh`, in square metres (tests and diagnostics).
double mesh_area(const Mesh& mesh);

// All units of a map in one mesh, so one draw call fills everything and one more draws every
// outline. Vertex i belongs to unit `unit[i]` (the index into MapGeometry::shapes).
struct MapMesh {
    Vec2 origin;                 // world = origin + (xy[2i], xy[2i+1])
    std::vector<float> xy;       // vertices of every unit
    std::vector<uint32_t> unit;  // per vertex: its unit index
    std::vector<uint32_t> triangles;  // three per triangle, into xy/unit
    // Ring segments for outlines: two per segment, indices into the same vertices (so the
    // outline of a unit is drawn from the fill's vertex buffer with GL_LINES). Every edge of
    // every ring, closing edge included.
    std::vector<uint32_t> segments;
    // Per unit u: its vertices are [vertex_first[u], vertex_first[u + 1]), its triangles
    // triangles[triangle_first[u] .. triangle_first[u + 1]) and its outline segments
    // segments[segment_first[u] .. segment_first[u + 1]) (index ranges, so these vectors have
    // units + 1 entries). Units follow each other in order in all three.
    std::vector<uint32_t> vertex_first;
    std::vector<uint32_t> triangle_first;
    std::vector<uint32_t> segment_first;
    Bounds bounds;  // of all units, in world metres

    size_t unit_count() const { return triangle_first.empty() ? 0 : triangle_first.size() - 1; }
    size_t vertex_count() const { return xy.size() / 2; }
    size_t triangle_count() const { return triangles.size() / 3; }
    size_t segment_count() const { return segments.size() / 2; }
};

// Tessellates every unit of `geometry` with up to `threads` threads (units split between
// threads); the result does not depend on the thread count. The origin is the bounds centre.
// Throws ntm::Error naming the unit index when a unit cannot be tessellated, or when the mesh
// would exceed 2^32 vertices.
MapMesh tessellate_map(const MapGeometry& geometry, int threads = 2);
// The same with a chosen origin, for only the units listed in `units` (ascending; every unit
// when null): the others keep empty ranges, and `bounds` covers the listed units only.
MapMesh tessellate_map(const MapGeometry& geometry, Vec2 origin, const std::vector<uint32_t>* units,
                       int threads = 2);

// Line segments (x0, y0, x1, y1 per segment, relative to `origin`, as float) for every edge of
// `rings`: closing edges included when `closed` (rings), left out otherwise (polylines). A closing
// duplicate vertex is ignored. Used for wide outlines such as district boundaries.
std::vector<float> ring_segments(const std::vector<Ring>& rings, Vec2 origin, bool closed = true);

}  // namespace ntm::geo
