#include "io/ogr_convert.h"

namespace ntm::io {

// Appends OGR polygons to `out`, counting and dropping consecutive duplicate vertices.
static void append_polygon(const OGRPolygon& poly, geo::MultiPolygon& out, int* duplicates) {
    geo::Polygon p;
    bool first = true;
    for (const OGRLinearRing* ring : poly) {
        geo::Ring r;
        r.reserve(ring->getNumPoints());
        for (int i = 0; i < ring->getNumPoints(); ++i) {
            const geo::Vec2 v{ring->getX(i), ring->getY(i)};
            if (!r.empty() && r.back().x == v.x && r.back().y == v.y) {
                ++*duplicates;
                continue;
            }
            r.push_back(v);
        }
        if (r.size() > 1 && r.front().x == r.back().x && r.front().y == r.back().y) r.pop_back();
        if (first) p.outer = std::move(r);
        else p.holes.push_back(std::move(r));
        first = false;
    }
    out.parts.push_back(std::move(p));
}

// Collects the polygons of any polygonal or collection geometry.
void append_ogr(const OGRGeometry& g, geo::MultiPolygon& out, int* duplicates) {
    const OGRwkbGeometryType t = wkbFlatten(g.getGeometryType());
    if (t == wkbPolygon) {
        append_polygon(*g.toPolygon(), out, duplicates);
    } else if (t == wkbMultiPolygon || t == wkbGeometryCollection) {
        for (const OGRGeometry* part : *g.toGeometryCollection()) append_ogr(*part, out, duplicates);
    } else if (t == wkbCurvePolygon || t == wkbMultiSurface) {
        std::unique_ptr<OGRGeometry> linear(g.getLinearGeometry());
        if (linear) append_ogr(*linear, out, duplicates);
    }
}

std::unique_ptr<OGRMultiPolygon> to_ogr(const geo::MultiPolygon& shape) {
    auto mp = std::make_unique<OGRMultiPolygon>();
    for (const geo::Polygon& p : shape.parts) {
        OGRPolygon poly;
        auto add_ring = [&poly](const geo::Ring& r) {
            OGRLinearRing ring;
            ring.setNumPoints(static_cast<int>(r.size()) + 1, FALSE);
            for (size_t i = 0; i < r.size(); ++i) ring.setPoint(static_cast<int>(i), r[i].x, r[i].y);
            ring.setPoint(static_cast<int>(r.size()), r[0].x, r[0].y);
            poly.addRing(&ring);
        };
        add_ring(p.outer);
        for (const geo::Ring& h : p.holes) add_ring(h);
        mp->addGeometry(&poly);
    }
    return mp;
}

}  // namespace ntm::io
