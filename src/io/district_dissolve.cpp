#include "io/district_dissolve.h"

#include <ogr_geometry.h>

#include <map>
#include <memory>

#include "core/filters.h"
#include "geo/district_outlines.h"
#include "io/gdal_session.h"
#include "io/ogr_convert.h"

namespace ntm::io {
namespace {

void append_rings(const OGRGeometry& g, double min_hole_area, std::vector<geo::Ring>& out) {
    auto add_ring = [&out](const OGRLinearRing& ring) {
        geo::Ring r;
        for (int i = 0; i + 1 < ring.getNumPoints(); ++i) r.push_back({ring.getX(i), ring.getY(i)});
        if (r.size() >= 3) out.push_back(std::move(r));
    };
    const OGRwkbGeometryType type = wkbFlatten(g.getGeometryType());
    if (type == wkbPolygon) {
        const auto& p = *g.toPolygon();
        if (p.getExteriorRing()) add_ring(*p.getExteriorRing());
        for (int h = 0; h < p.getNumInteriorRings(); ++h)
            if (p.getInteriorRing(h)->get_Area() >= min_hole_area) add_ring(*p.getInteriorRing(h));
    } else if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
        for (const OGRGeometry* part : *g.toGeometryCollection()) append_rings(*part, min_hole_area, out);
    }
}

}  // namespace

std::vector<geo::Ring> dissolve_group_outlines(const geo::MapGeometry& geometry,
                                               const std::vector<std::string>& groups, double gap) {
    ensure_gdal();
    std::map<std::string, OGRMultiPolygon> members;
    for (size_t u = 0; u < geometry.shapes.size() && u < groups.size(); ++u) {
        if (groups[u].empty()) continue;
        std::unique_ptr<OGRMultiPolygon> shape = to_ogr(geometry.shapes[u]);
        OGRMultiPolygon& group = members[groups[u]];
        for (const OGRPolygon* p : *shape) group.addGeometry(p);
    }
    std::vector<geo::Ring> out;
    for (auto& [key, group] : members) {
        // Growing by half the gap unions the members across slivers; shrinking back restores
        // the outer edge (within the buffer's rounding, a fraction of a metre).
        std::unique_ptr<OGRGeometry> grown(group.Buffer(gap / 2, 2));
        if (!grown) continue;
        std::unique_ptr<OGRGeometry> merged(grown->Buffer(-gap / 2, 2));
        if (!merged || merged->IsEmpty()) continue;
        // Holes under half a km² are the wider slivers between communes; enclaves (a city inside
        // a district) are tens of km².
        append_rings(*merged, 5e5, out);
    }
    return out;
}

std::vector<geo::Ring> district_outlines_if_unshared(const Dataset& dataset, const geo::MapGeometry& geometry) {
    if (dataset.districts().size() < 2) return {};
    std::vector<std::string> groups;
    for (const Unit& u : dataset.units) groups.push_back(district_key(u));
    if (geo::neighbours_share_vertices(geometry, groups)) return {};
    return dissolve_group_outlines(geometry, groups);
}

}  // namespace ntm::io
