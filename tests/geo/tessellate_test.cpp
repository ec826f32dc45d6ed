#include "geo/tessellate.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <utility>

#include "core/error.h"

namespace {

using ntm::geo::Bounds;
using ntm::geo::MapGeometry;
using ntm::geo::MapMesh;
using ntm::geo::Mesh;
using ntm::geo::MultiPolygon;
using ntm::geo::Polygon;
using ntm::geo::Ring;
using ntm::geo::Vec2;

constexpr double X0 = 450000, Y0 = 2400000;  // metres, typical of VN-2000 / TM-3

Ring rect(double x0, double y0, double x1, double y1, bool ccw = true) {
    Ring r{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
    if (!ccw) r = {{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}};
    return r;
}

MultiPolygon single(Polygon p) {
    MultiPolygon m;
    m.parts.push_back(std::move(p));
    return m;
}

void expect_valid(const Mesh& mesh) {
    ASSERT_EQ(mesh.indices.size() % 3, 0u);
    for (uint32_t i : mesh.indices) ASSERT_LT(i, mesh.vertex_count());
}

// Every triangle's centroid lies inside the shape (so no triangle covers a hole or a notch).
void expect_centroids_inside(const Mesh& mesh, const MultiPolygon& shape, Vec2 origin) {
    for (size_t t = 0; t < mesh.triangle_count(); ++t) {
        double cx = 0, cy = 0;
        for (int k = 0; k < 3; ++k) {
            cx += mesh.xy[2 * mesh.indices[3 * t + k]] / 3.0;
            cy += mesh.xy[2 * mesh.indices[3 * t + k] + 1] / 3.0;
        }
        EXPECT_TRUE(ntm::geo::contains(shape, {origin.x + cx, origin.y + cy})) << "triangle " << t;
    }
}

TEST(Tessellate, SquareWithSquareHole) {
    Polygon p;
    p.outer = rect(X0, Y0, X0 + 1000, Y0 + 1000);
    p.holes.push_back(rect(X0 + 250, Y0 + 250, X0 + 750, Y0 + 750, /*ccw=*/false));
    const MultiPolygon shape = single(p);
    const Vec2 origin{X0 + 500, Y0 + 500};
    const Mesh mesh = ntm::geo::tessellate(shape, origin);
    expect_valid(mesh);
    EXPECT_EQ(mesh.vertex_count(), 8u);  // no new vertices needed
    EXPECT_EQ(mesh.triangle_count(), 8u);  // n + 2h - 2 for a simple polygon with h holes
    EXPECT_NEAR(ntm::geo::mesh_area(mesh), 1000.0 * 1000 - 500.0 * 500, 1e-6);
    EXPECT_NEAR(ntm::geo::mesh_area(mesh), ntm::geo::area(shape), 1e-6);
    expect_centroids_inside(mesh, shape, origin);
}

TEST(Tessellate, HoleOrientationDoesNotMatterWithOddWinding) {
    Polygon p;
    p.outer = rect(X0, Y0, X0 + 1000, Y0 + 1000);
    p.holes.push_back(rect(X0 + 250, Y0 + 250, X0 + 750, Y0 + 750, /*ccw=*/true));
    const Mesh mesh = ntm::geo::tessellate(single(p), {X0, Y0});
    EXPECT_NEAR(ntm::geo::mesh_area(mesh), 750000.0, 1e-6);
}

TEST(Tessellate, LShape) {
    Polygon p;
    p.outer = {{X0, Y0}, {X0 + 2000, Y0}, {X0 + 2000, Y0 + 1000}, {X0 + 1000, Y0 + 1000},
               {X0 + 1000, Y0 + 3000}, {X0, Y0 + 3000}};
    const MultiPolygon shape = single(p);
    const Vec2 origin{X0 + 1000, Y0 + 1500};
    const Mesh mesh = ntm::geo::tessellate(shape, origin);
    expect_valid(mesh);
    EXPECT_EQ(mesh.triangle_count(), 4u);  // n - 2
    EXPECT_NEAR(ntm::geo::mesh_area(mesh), 2000.0 * 1000 + 1000.0 * 2000, 1e-6);
    expect_centroids_inside(mesh, shape, origin);
}

TEST(Tessellate, MultiPolygonPartsAreAllFilled) {
    MultiPolygon shape;
    shape.parts.push_back({rect(X0, Y0, X0 + 100, Y0 + 100), {}});
    shape.parts.push_back({rect(X0 + 500, Y0, X0 + 800, Y0 + 200), {}});
    Polygon with_hole;
    with_hole.outer = rect(X0, Y0 + 1000, X0 + 1000, Y0 + 2000);
    with_hole.holes.push_back(rect(X0 + 100, Y0 + 1100, X0 + 200, Y0 + 1200, false));
    with_hole.holes.push_back(rect(X0 + 600, Y0 + 1600, X0 + 900, Y0 + 1900, false));
    shape.parts.push_back(with_hole);
    const Vec2 origin{X0 + 400, Y0 + 900};
    const Mesh mesh = ntm::geo::tessellate(shape, origin);
    expect_valid(mesh);
    EXPECT_EQ(mesh.vertex_count(), 20u);
    // 2 + 2 + (n + 2h - 2 = 12 + 4 - 2 = 14) = 18 triangles
    EXPECT_EQ(mesh.triangle_count(), 2u + 2u + 14u);
    EXPECT_NEAR(ntm::geo::mesh_area(mesh), ntm::geo::area(shape), 1e-6);
    EXPECT_NEAR(ntm::geo::mesh_area(mesh), 10000 + 60000 + 1000000 - 10000 - 90000, 1e-6);
    expect_centroids_inside(mesh, shape, origin);
}

TEST(Tessellate, SelfCrossingRingFinishesWithoutNewVertices) {
    // A bow tie: the edges cross at the centre. No vertex is made there; the mesh uses the four
    // corners only and covers no more than the ring's bounding square.
    Polygon p;
    p.outer = {{X0, Y0}, {X0 + 100, Y0 + 100}, {X0 + 100, Y0}, {X0, Y0 + 100}};
    const Mesh mesh = ntm::geo::tessellate(single(p), {X0, Y0});
    expect_valid(mesh);
    EXPECT_EQ(mesh.vertex_count(), 4u);
    EXPECT_LE(mesh.triangle_count(), 2u);
    EXPECT_LE(ntm::geo::mesh_area(mesh), 100.0 * 100 + 1e-6);
}

TEST(Tessellate, MillionVertexRingWithHolesIsFastAndExact) {
    // A ring of a million vertices (a wavy outline with half-metre jitter, so half the corners
    // are reflex) with three square holes: the triangle areas add up to the polygon's area, and
    // every triangle index is an input vertex (at most n + 2h - 2 triangles: collinear corners
    // are skipped). GLU took over a minute on such a ring.
    constexpr size_t n = 1000000;
    Polygon p;
    p.outer.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        const double t = 2 * M_PI * double(i) / n;
        const double r = 20000 + 300 * std::sin(7 * t) + 0.5 * std::sin(double(i) * 2.399963);
        p.outer.push_back({X0 + r * std::cos(t), Y0 + r * std::sin(t)});
    }
    for (int h = 0; h < 3; ++h)
        p.holes.push_back(rect(X0 - 9000 + 6000 * h, Y0 - 1000, X0 - 7000 + 6000 * h, Y0 + 1000, false));
    const MultiPolygon shape = single(p);
    const Mesh mesh = ntm::geo::tessellate(shape, {X0, Y0});
    expect_valid(mesh);
    EXPECT_EQ(mesh.vertex_count(), n + 12);
    EXPECT_LE(mesh.triangle_count(), n + 12 + 2 * 3 - 2);
    EXPECT_GT(mesh.triangle_count(), n * 99 / 100);
    EXPECT_NEAR(ntm::geo::mesh_area(mesh), ntm::geo::area(shape), ntm::geo::area(shape) * 1e-6);
}

TEST(Tessellate, DegenerateAndClosedRingsAreTolerated) {
    MultiPolygon shape;
    shape.parts.push_back({Ring{{X0, Y0}, {X0 + 10, Y0}}, {}});  // too few vertices: skipped
    Ring closed = rect(X0, Y0, X0 + 10, Y0 + 10);
    closed.push_back(closed.front());  // explicit closing vertex
    shape.parts.push_back({closed, {}});
    const Mesh mesh = ntm::geo::tessellate(shape, {X0, Y0});
    EXPECT_EQ(mesh.vertex_count(), 4u);
    EXPECT_EQ(mesh.triangle_count(), 2u);
    EXPECT_NEAR(ntm::geo::mesh_area(mesh), 100.0, 1e-9);
}

TEST(Tessellate, FloatOffsetsKeepCentimetrePrecision) {
    Polygon p;
    p.outer = rect(X0 + 0.01, Y0 + 0.02, X0 + 0.51, Y0 + 0.52);
    const Mesh mesh = ntm::geo::tessellate(single(p), {X0, Y0});
    EXPECT_NEAR(mesh.xy[0], 0.01, 1e-6);
    EXPECT_NEAR(mesh.xy[1], 0.02, 1e-6);
    EXPECT_NEAR(ntm::geo::mesh_area(mesh), 0.25, 1e-6);
}

MapGeometry grid_geometry(int cols, int rows, double cell) {
    MapGeometry g;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            MultiPolygon m;
            Polygon p;
            const double x = X0 + c * cell, y = Y0 + r * cell;
            p.outer = rect(x, y, x + cell, y + cell);
            if ((r + c) % 3 == 0) p.holes.push_back(rect(x + cell / 4, y + cell / 4, x + cell / 2, y + cell / 2, false));
            m.parts.push_back(p);
            g.shapes.push_back(m);
        }
    return g;
}

TEST(TessellateMap, UnitsRangesAndOutlines) {
    const MapGeometry g = grid_geometry(7, 5, 1000);
    const MapMesh mesh = ntm::geo::tessellate_map(g, 2);
    ASSERT_EQ(mesh.unit_count(), g.shapes.size());
    ASSERT_EQ(mesh.unit.size(), mesh.vertex_count());
    EXPECT_NEAR(mesh.origin.x, X0 + 3500, 1e-9);
    EXPECT_NEAR(mesh.origin.y, Y0 + 2500, 1e-9);
    for (uint32_t i : mesh.triangles) ASSERT_LT(i, mesh.vertex_count());
    for (uint32_t i : mesh.segments) ASSERT_LT(i, mesh.vertex_count());

    for (size_t u = 0; u < g.shapes.size(); ++u) {
        // The triangles of unit u use only its vertices and cover its area.
        Mesh part;
        part.xy = mesh.xy;
        part.indices.assign(mesh.triangles.begin() + mesh.triangle_first[u],
                            mesh.triangles.begin() + mesh.triangle_first[u + 1]);
        for (uint32_t i : part.indices) ASSERT_EQ(mesh.unit[i], u);
        for (uint32_t v = mesh.vertex_first[u]; v < mesh.vertex_first[u + 1]; ++v)
            ASSERT_EQ(mesh.unit[v], u);
        EXPECT_NEAR(ntm::geo::mesh_area(part), ntm::geo::area(g.shapes[u]), 1e-3) << "unit " << u;
        // Outline: one segment per ring edge, all of the unit's own vertices.
        const size_t segments = (mesh.segment_first[u + 1] - mesh.segment_first[u]) / 2;
        EXPECT_EQ(segments, g.shapes[u].vertex_count()) << "unit " << u;
        for (uint32_t s = mesh.segment_first[u]; s < mesh.segment_first[u + 1]; ++s)
            ASSERT_EQ(mesh.unit[mesh.segments[s]], u);
    }
    // Outline segments of a ring join up: each vertex starts one segment and ends one.
    std::multiset<uint32_t> starts, ends;
    for (size_t s = 0; s < mesh.segments.size(); s += 2) {
        starts.insert(mesh.segments[s]);
        ends.insert(mesh.segments[s + 1]);
    }
    EXPECT_EQ(starts, ends);
}

TEST(TessellateMap, ThreadCountDoesNotChangeTheResult) {
    const MapGeometry g = grid_geometry(40, 30, 500);
    const MapMesh one = ntm::geo::tessellate_map(g, 1);
    const MapMesh two = ntm::geo::tessellate_map(g, 2);
    const MapMesh four = ntm::geo::tessellate_map(g, 4);
    EXPECT_EQ(one.xy, two.xy);
    EXPECT_EQ(one.triangles, two.triangles);
    EXPECT_EQ(one.segments, two.segments);
    EXPECT_EQ(one.unit, four.unit);
    EXPECT_EQ(one.triangle_first, four.triangle_first);
    EXPECT_EQ(one.vertex_first, four.vertex_first);
    EXPECT_EQ(one.vertex_first.back(), one.vertex_count());
    EXPECT_EQ(one.segment_first, four.segment_first);
    // Triangle count sanity: a square is 2 triangles, a square with one hole 8.
    size_t expected = 0;
    for (const auto& s : g.shapes) expected += s.parts[0].holes.empty() ? 2 : 8;
    EXPECT_EQ(one.triangle_count(), expected);
}

TEST(TessellateMap, EmptyGeometryAndEmptyUnits) {
    MapGeometry g;
    MapMesh mesh = ntm::geo::tessellate_map(g);
    EXPECT_EQ(mesh.unit_count(), 0u);
    EXPECT_EQ(mesh.triangle_count(), 0u);
    g.shapes.resize(3);
    g.shapes[1].parts.push_back({rect(X0, Y0, X0 + 10, Y0 + 10), {}});
    mesh = ntm::geo::tessellate_map(g);
    ASSERT_EQ(mesh.unit_count(), 3u);
    EXPECT_EQ(mesh.triangle_first[0], mesh.triangle_first[1]);
    EXPECT_EQ(mesh.triangle_first[1] + 6, mesh.triangle_first[2]);
    EXPECT_EQ(mesh.triangle_first[2], mesh.triangle_first[3]);
}

TEST(TessellateMap, RingSegments) {
    const std::vector<Ring> rings{rect(X0, Y0, X0 + 10, Y0 + 20)};
    const std::vector<float> s = ntm::geo::ring_segments(rings, {X0, Y0});
    ASSERT_EQ(s.size(), 16u);
    EXPECT_EQ(s[12], 0.0f);   // closing edge from (0, 20) ...
    EXPECT_EQ(s[13], 20.0f);
    EXPECT_EQ(s[14], 0.0f);   // ... back to (0, 0)
    EXPECT_EQ(s[15], 0.0f);
}

}  // namespace
