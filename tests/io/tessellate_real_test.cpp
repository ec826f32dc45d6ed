// The ear-clipping tessellator on real boundaries (skipped when ../shared is absent): every
// unit's triangles cover its area (holes, multipolygons, duplicate vertices, a 0.5 m² sliver).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "geo/tessellate.h"
#include "io/boundary_loader.h"
#include "support/test_support.h"

namespace {

void expect_areas_match(const std::string& path, double relative) {
    ntm::io::LoadOptions o;
    o.source = path;
    o.check_topology = false;
    const ntm::io::LoadedBoundaries b = ntm::io::load_boundaries(o);
    const ntm::geo::MapGeometry& g = b.geometry;
    ASSERT_GT(g.shapes.size(), 50u);
    const ntm::geo::MapMesh mesh = ntm::geo::tessellate_map(g, 2);
    ASSERT_EQ(mesh.unit_count(), g.shapes.size());
    size_t vertices = 0;
    for (size_t u = 0; u < g.shapes.size(); ++u) {
        double sum = 0;
        for (uint32_t t = mesh.triangle_first[u]; t < mesh.triangle_first[u + 1]; t += 3) {
            const float* a = &mesh.xy[2 * size_t(mesh.triangles[t])];
            const float* c1 = &mesh.xy[2 * size_t(mesh.triangles[t + 1])];
            const float* c2 = &mesh.xy[2 * size_t(mesh.triangles[t + 2])];
            sum += std::abs((double(c1[0]) - a[0]) * (double(c2[1]) - a[1]) -
                            (double(c2[0]) - a[0]) * (double(c1[1]) - a[1])) / 2;
        }
        const double area = ntm::geo::area(g.shapes[u]);
        EXPECT_NEAR(sum, area, area * relative + 1.0) << b.units[u].code << " " << b.units[u].name;
        vertices += g.shapes[u].vertex_count();
    }
    // No vertices are made: the mesh holds the input vertices (closing duplicates dropped).
    EXPECT_LE(mesh.vertex_count(), vertices);
}

TEST(TessellateReal, LangSon2025TrianglesCoverEachUnit) {
    NTM_REQUIRE_SHARED(path, "boundaries/langson_communes_2025.geojson");
    expect_areas_match(path, 1e-5);
}

TEST(TessellateReal, LangSon2009TrianglesCoverEachUnit) {
    NTM_REQUIRE_SHARED(path, "boundaries/langson_communes_2009.geojson");
    expect_areas_match(path, 1e-5);
}

}  // namespace
