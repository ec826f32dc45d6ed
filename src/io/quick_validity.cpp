#include "io/quick_validity.h"

namespace ntm::io {

bool certainly_valid(const OGRGeometry& g, const geo::MultiPolygon& converted) {
    const OGRPolygon* polygon = nullptr;
    const OGRwkbGeometryType type = g.getGeometryType();
    if (type == wkbPolygon) {
        polygon = g.toPolygon();
    } else if (type == wkbMultiPolygon) {
        const OGRMultiPolygon* multi = g.toMultiPolygon();
        if (multi->getNumGeometries() != 1) return false;
        polygon = multi->getGeometryRef(0);
    } else {
        return false;  // curves, 3D, collections: GEOS decides
    }
    if (polygon->getNumInteriorRings() != 0) return false;
    const OGRLinearRing* ring = polygon->getExteriorRing();
    // GEOS refuses an unclosed ring; append_ogr has dropped the closing vertex from `converted`.
    if (!ring || ring->getNumPoints() < 4 || !ring->get_IsClosed()) return false;
    return geo::certainly_simple_single_ring(converted);
}

}  // namespace ntm::io
