#include "io/topology_check.h"

#include <ogr_api.h>
#include <ogr_geometry.h>

#include <algorithm>
#include <memory>
#include <numeric>

#include "io/gdal_session.h"
#include "io/ogr_convert.h"

namespace ntm::io {
namespace {

constexpr double kNoiseM2 = 1.0;

double area_of(const OGRGeometry* g) {
    if (!g) return 0;
    const OGRwkbGeometryType t = wkbFlatten(g->getGeometryType());
    if (t == wkbPolygon) return g->toPolygon()->get_Area();
    if (t == wkbMultiPolygon) return g->toMultiPolygon()->get_Area();
    if (t == wkbGeometryCollection) return g->toGeometryCollection()->get_Area();
    return 0;
}

geo::Vec2 point_inside(const OGRGeometry& g) {
    OGRGeometryH p = OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&g)));
    geo::Vec2 v;
    if (p) {
        v = {OGR_G_GetX(p, 0), OGR_G_GetY(p, 0)};
        OGR_G_DestroyGeometry(p);
    }
    return v;
}

}  // namespace

void check_topology(const std::vector<Unit>& units, const geo::MapGeometry& geometry,
                    LoadReport& report, bool force) {
    size_t vertices = 0;
    for (const geo::MultiPolygon& s : geometry.shapes) vertices += s.vertex_count();
    if (!force && vertices > kTopologyVertexLimit) {
        report.topology_note = "not checked: " + std::to_string(vertices) +
                               " vertices is more than the default limit; run check with --topology";
        return;
    }
    ensure_gdal();
    GdalErrorCapture quiet;
    std::vector<std::unique_ptr<OGRMultiPolygon>> shapes;
    std::vector<geo::Bounds> boxes;
    for (const geo::MultiPolygon& s : geometry.shapes) {
        shapes.push_back(to_ogr(s));
        boxes.push_back(s.bounds());
    }
    // Sweep over x to find the pairs whose boxes meet, then measure their common area.
    std::vector<size_t> order(shapes.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return boxes[a].min_x < boxes[b].min_x; });
    std::vector<NeighbourIssue> overlaps;
    for (size_t i = 0; i < order.size(); ++i) {
        const size_t a = order[i];
        if (boxes[a].empty()) continue;
        for (size_t j = i + 1; j < order.size() && boxes[order[j]].min_x <= boxes[a].max_x; ++j) {
            const size_t b = order[j];
            if (boxes[b].empty() || boxes[b].min_y > boxes[a].max_y || boxes[b].max_y < boxes[a].min_y) continue;
            if (!shapes[a]->Intersects(shapes[b].get())) continue;
            std::unique_ptr<OGRGeometry> common(shapes[a]->Intersection(shapes[b].get()));
            const double area = area_of(common.get());
            if (area < kNoiseM2) continue;
            const geo::Vec2 inside = point_inside(*common);
            overlaps.push_back({units[a].code + " " + units[a].full_name(), units[b].code + " " + units[b].full_name(), area, inside.x, inside.y});
            report.overlap_area_m2 += area;
        }
    }
    report.overlap_pairs = static_cast<int>(overlaps.size());
    std::sort(overlaps.begin(), overlaps.end(), [](const auto& x, const auto& y) { return x.area_m2 > y.area_m2; });
    if (overlaps.size() > 10) overlaps.resize(10);
    report.worst_overlaps = std::move(overlaps);

    // Gaps: holes in the union of all units that no unit fills.
    OGRMultiPolygon all;
    for (auto& s : shapes)
        for (const OGRPolygon* p : *s) all.addGeometry(p);
    std::unique_ptr<OGRGeometry> merged(all.UnionCascaded());
    std::vector<NeighbourIssue> gaps;
    if (merged) {
        OGRMultiPolygon polys;
        const OGRwkbGeometryType t = wkbFlatten(merged->getGeometryType());
        if (t == wkbPolygon) polys.addGeometry(merged.get());
        else if (t == wkbMultiPolygon) polys = *merged->toMultiPolygon();
        for (const OGRPolygon* p : polys)
            for (int h = 0; h < p->getNumInteriorRings(); ++h) {
                OGRPolygon hole;
                hole.addRingDirectly(p->getInteriorRing(h)->clone());
                const double area = hole.get_Area();
                if (area < kNoiseM2) continue;
                const geo::Vec2 inside = point_inside(hole);
                gaps.push_back({"", "", area, inside.x, inside.y});
                report.gap_area_m2 += area;
            }
    }
    report.gaps = static_cast<int>(gaps.size());
    std::sort(gaps.begin(), gaps.end(), [](const auto& x, const auto& y) { return x.area_m2 > y.area_m2; });
    if (gaps.size() > 10) gaps.resize(10);
    report.worst_gaps = std::move(gaps);
    report.topology_checked = true;
}

}  // namespace ntm::io
