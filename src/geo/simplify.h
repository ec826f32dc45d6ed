#pragma once
// Levels of detail for drawing a map at any zoom.
//
// A level is the map with every vertex snapped to a square grid whose cell is the level's
// tolerance (metres). Snapping is a function of the point alone, so a vertex that neighbouring
// units share lands on the same grid node in both, and a boundary they share stays shared,
// segment for segment, at every level: no gaps or slivers can open between neighbours. After
// snapping, repeated vertices and spikes (a, b, a) are removed, and rings that collapse (fewer
// than three vertices or no area) are dropped. A unit whose every part collapses (smaller than a
// cell) is never dropped: it is drawn as the bounding box of its largest part, grown to at least
// one cell each way, and marked "tiny" so the renderer draws it on top of its neighbours.
//
// Levels are planned once (plan_levels: tolerances, estimated sizes, per-unit bounds) and
// prepared — simplified and tessellated — on demand (prepare_level), which is pure computation:
// it may run on a worker thread while the GL thread keeps drawing, and the result (a LevelBatch)
// is uploaded by the renderer. Coarse levels are small and always prepared whole ("complete");
// they also get a global pass that removes vertices lying straight between their neighbours when
// every ring through the vertex agrees on those neighbours (so sharing is kept). Fine levels are
// prepared unit by unit, only for the units a view needs. Level 0 is the full detail.
//
// A level with tolerance t serves views of t / pixel_tolerance metres per pixel and more, so
// with the default pixel tolerance of 1 a vertex moves by at most 0.71 px (half a cell diagonal).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "geo/geometry.h"
#include "geo/tessellate.h"

namespace ntm::geo {

// A square grid of `step` metres with a node at `anchor`.
struct SnapGrid {
    Vec2 anchor;
    double step = 1;
    Vec2 snap(Vec2 p) const;
};

// Snaps `ring` to the grid, merging repeated vertices and removing spikes (also across the
// ring's start). Returns false and leaves `out` empty when the result has fewer than three
// vertices or zero area. A closing duplicate vertex in the input is ignored.
bool snap_ring(const Ring& ring, const SnapGrid& grid, Ring& out);

// Snaps every ring of `shape`; parts whose outer ring collapses are dropped with their holes,
// collapsed holes are dropped. When every part collapses, the result is one rectangle: the
// bounding box of the largest part (by outer-ring area) grown to at least one cell in each
// direction, and `*tiny` is set (else cleared). An empty shape stays empty.
MultiPolygon snap_shape(const MultiPolygon& shape, const SnapGrid& grid, bool* tiny = nullptr);

// Snaps open polylines (`closed` = false) or rings (true: the closing edge is implied, a closing
// duplicate is ignored) to the grid, merging repeated vertices; lines that collapse to a point
// are dropped. Used for district outlines, which then lie exactly on the snapped unit edges.
std::vector<Ring> snap_lines(const std::vector<Ring>& lines, const SnapGrid& grid, bool closed);

// Removes, from every ring of the already snapped `shapes`, each vertex that lies strictly
// between its two neighbours on a straight line, provided every ring that passes through that
// point passes between the same two neighbours (so a boundary shared by two units loses the
// same vertices in both). `skip[u]` != 0 leaves unit u alone and keeps its points out of the
// analysis (tiny-unit boxes are not on the grid). Returns the number of vertices removed.
size_t remove_shared_collinear(std::vector<MultiPolygon>& shapes, const SnapGrid& grid,
                               const std::vector<uint8_t>& skip);

struct LodOptions {
    // The coarsest level draws the whole map about this many pixels across (its tolerance is
    // the map's larger side divided by it); smaller views use it too.
    double coarsest_pixels = 256;
    double factor = 2;         // tolerance ratio between consecutive levels (> 1)
    // No simplified level is made that keeps more than this fraction of the full-detail
    // vertices (estimated): such zooms draw level 0.
    double max_fraction = 0.5;
    // Levels estimated at no more than this many vertices are "complete": always prepared for
    // every unit at once (and get the collinear pass). Finer levels are prepared unit by unit.
    size_t complete_vertices = 1500000;
};

struct LodPlan {
    Vec2 origin;                      // mesh origin of every level: the bounds centre
    Bounds bounds;                    // of all units, full detail
    std::vector<Bounds> unit_bounds;  // per unit, full detail
    std::vector<size_t> unit_vertices;  // per unit, full detail
    size_t source_vertices = 0;
    // Per level, finest first: level 0 has tolerance 0 (full detail, nothing snapped).
    std::vector<double> tolerance;
    std::vector<size_t> estimate;     // estimated vertices of the whole level
    std::vector<uint8_t> complete;    // 1: prepared whole; 0: prepared per unit on demand

    size_t level_count() const { return tolerance.size(); }
    size_t unit_count() const { return unit_bounds.size(); }
    bool empty() const { return tolerance.empty(); }
    SnapGrid grid(size_t level) const { return {origin, tolerance[level] > 0 ? tolerance[level] : 1}; }
    // The coarsest level whose tolerance is at most pixel_tolerance * metres_per_pixel (level 0
    // when none is).
    size_t level_for(double metres_per_pixel, double pixel_tolerance = 1.0) const;
};

// One pass over the vertices (bounds, perimeters); cheap next to preparing any level.
LodPlan plan_levels(const MapGeometry& geometry, const LodOptions& options = {});

// The simplified shapes of `level` for `units` (every unit when empty; complete levels always
// do every unit), parallel to geometry.shapes with the other units left empty. Units drawn as
// boxes are listed in `tiny` (ascending) when given. Level 0 copies the shapes unchanged.
MapGeometry simplify_level(const MapGeometry& geometry, const LodPlan& plan, size_t level,
                           const std::vector<uint32_t>& units = {}, int threads = 2,
                           std::vector<uint32_t>* tiny = nullptr);

// A prepared part of one level, ready for MapRenderer::add_batch.
struct LevelBatch {
    size_t level = 0;
    bool complete = false;        // every unit of the map is in `units`
    std::vector<uint32_t> units;  // units prepared here, ascending
    std::vector<uint32_t> tiny;   // of those, the ones drawn as boxes (drawn on top)
    // Tessellation of the simplified units; its per-unit ranges cover every unit of the map
    // (empty for units not prepared here). Origin: plan.origin.
    MapMesh mesh;
    // The simplified shapes, kept for complete levels other than 0 (district outlines are
    // dissolved from them); empty otherwise.
    MapGeometry geometry;
    double seconds_simplify = 0, seconds_tessellate = 0;
};

// Simplifies and tessellates `units` (ascending; every unit when empty, and always for complete
// levels) of `level` with `threads` workers. Pure: safe on any thread while `geometry` and
// `plan` stay alive and unchanged. Throws ntm::Error when a unit cannot be tessellated.
LevelBatch prepare_level(const MapGeometry& geometry, const LodPlan& plan, size_t level,
                         const std::vector<uint32_t>& units = {}, int threads = 2);

struct MapLevels {
    LodPlan plan;
    std::vector<LevelBatch> batches;
};

// The plan plus up to `max_levels` complete levels, coarsest first (a background thread can
// prepare the levels a zoomed-out map needs before the GL thread uploads them).
MapLevels prepare_levels(const MapGeometry& geometry, const LodOptions& options = {},
                         int threads = 2, size_t max_levels = SIZE_MAX);

}  // namespace ntm::geo
