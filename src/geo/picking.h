#pragma once
// Exact spatial queries on unit polygons: which unit is under a point, which units a box touches.
//
// ShapeIndex accelerates one shape: every ring gets a small hierarchy of bounding boxes over
// runs of consecutive edges (a ring is a continuous curve, so runs of it are spatially compact
// without any sorting). Point-in-polygon, distance to the boundary and box intersection then
// cost about O(log n) per ring instead of O(n). PickingIndex puts the units' bounding boxes in a
// uniform grid and keeps one ShapeIndex per unit for the exact test.
//
// Both refer to the geometry they were built from (no copy of the vertices): it must outlive the
// index and stay unchanged.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "geo/geometry.h"

namespace ntm::geo {

class ShapeIndex {
public:
    static constexpr double kInfinity = std::numeric_limits<double>::infinity();

    ShapeIndex() = default;
    explicit ShapeIndex(const Polygon& polygon);
    explicit ShapeIndex(const MultiPolygon& shape);

    // Same answer as geo::contains(shape, p): even-odd within each part, holes excluded, inside
    // any part (up to floating-point rounding for points on an edge).
    bool contains(Vec2 p) const;
    // Distance from p to the nearest edge of any ring (outer rings and holes), >= 0. Infinity for
    // an empty shape. With an `upper_bound`, min(distance, upper_bound): a bound known to be
    // above the answer (say, a neighbour's distance plus the distance to it) speeds the search.
    double boundary_distance(Vec2 p, double upper_bound = kInfinity) const;
    // boundary_distance, negative outside.
    double signed_distance(Vec2 p, double upper_bound = kInfinity) const;
    // Whether the shape (interior or boundary) and the closed box share a point.
    bool intersects(const Bounds& box) const;

    const Bounds& bounds() const { return bounds_; }  // of the outer rings
    size_t ring_count() const { return rings_.size(); }
    size_t memory_bytes() const;

private:
    // Bounding boxes in float, rounded outwards, so every test on them stays conservative.
    struct Box {
        float min_x, min_y, max_x, max_y;
    };
    static constexpr int kMaxLevels = 10;
    struct RingTree {
        const Vec2* v = nullptr;
        uint32_t n = 0;       // vertices = edges (closing edge included)
        uint32_t levels = 0;  // level 0: runs of kLeaf edges; each next level groups kFan nodes
        uint32_t first[kMaxLevels] = {};  // index into boxes_ of each level's first node
        uint32_t count[kMaxLevels] = {};
    };

    void add_part(const Polygon& polygon);
    void add_ring(const Ring& ring);
    bool ring_parity(const RingTree& r, Vec2 p) const;
    bool ring_parity_node(const RingTree& r, uint32_t level, uint32_t node, Vec2 p) const;
    void ring_nearest(const RingTree& r, uint32_t level, uint32_t node, Vec2 p, double& best2) const;
    void nearest_among(const RingTree& r, uint32_t level, uint32_t c0, uint32_t c1, Vec2 p, double& best2) const;
    bool ring_touches(const RingTree& r, uint32_t level, uint32_t node, const Bounds& box) const;

    std::vector<RingTree> rings_;
    std::vector<uint32_t> part_rings_;  // part k owns rings [part_rings_[k], part_rings_[k + 1])
    std::vector<Box> boxes_;
    Bounds bounds_;
};

class PickingIndex {
public:
    PickingIndex() = default;
    // Builds in one pass over the vertices (about 30 ms for all of Việt Nam's 7.1 M vertices).
    explicit PickingIndex(const MapGeometry& geometry);

    // The unit whose polygon contains `world`, or -1. Where units overlap (invalid data, or an
    // enclave not cut out as a hole) the smallest of them by area wins, then the lowest index.
    // With `eligible` (parallel to the units), only units whose entry is non-zero count: the
    // units of the boundary version drawn, where several versions overlap.
    int unit_at(Vec2 world, const std::vector<uint8_t>* eligible = nullptr) const;
    // Units whose polygon shares a point with the closed box `world` (exact on the polygon, not
    // on its bounding box), or with `fully_inside` only those lying entirely within it. Ascending
    // unit indices.
    std::vector<int> units_in_box(const Bounds& world, bool fully_inside = false,
                                  const std::vector<uint8_t>* eligible = nullptr) const;

    size_t unit_count() const { return shapes_.size(); }
    size_t memory_bytes() const;

private:
    void cell_range(const Bounds& b, int& x0, int& y0, int& x1, int& y1) const;

    std::vector<ShapeIndex> shapes_;
    std::vector<Bounds> unit_bounds_;
    const MapGeometry* geometry_ = nullptr;
    Bounds bounds_;
    int cols_ = 0, rows_ = 0;
    double cell_w_ = 1, cell_h_ = 1;
    std::vector<uint32_t> cell_first_;  // cols_ * rows_ + 1 offsets into cell_units_
    std::vector<uint32_t> cell_units_;
};

}  // namespace ntm::geo
