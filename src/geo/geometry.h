#pragma once
// Planar geometry in the display CRS (metres). Exterior rings counter-clockwise, holes clockwise,
// no closing duplicate vertex.
#include <string>
#include <vector>

namespace ntm::geo {

struct Vec2 {
    double x = 0, y = 0;
};

struct Bounds {
    double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
    bool empty() const { return min_x > max_x; }
    void add(Vec2 p);
    void add(const Bounds& b);
    double width() const { return max_x - min_x; }
    double height() const { return max_y - min_y; }
    Vec2 center() const { return {(min_x + max_x) / 2, (min_y + max_y) / 2}; }
};

using Ring = std::vector<Vec2>;

struct Polygon {
    Ring outer;
    std::vector<Ring> holes;
};

struct MultiPolygon {
    std::vector<Polygon> parts;
    size_t vertex_count() const;
    Bounds bounds() const;
};

double signed_area(const Ring& ring);  // > 0 for counter-clockwise
double area(const Polygon& polygon);   // outer minus holes
double area(const MultiPolygon& shape);
bool contains(const Polygon& polygon, Vec2 p);  // even-odd, holes excluded
bool contains(const MultiPolygon& shape, Vec2 p);

// True when `shape` is one polygon without holes whose ring (closing edge implied) is certainly
// simple: no two edges meet except consecutive ones at their shared vertex, and it has area.
// Orientation tests carry a floating-point error bound, so near-touching edges answer false;
// false means "not shown here" (ask GEOS), never "invalid". Segments are swept in x order, so
// a ring of n vertices costs about O(n log n).
bool certainly_simple_single_ring(const MultiPolygon& shape);

// The geometry of a dataset's units, parallel to Dataset::units.
struct MapGeometry {
    std::vector<MultiPolygon> shapes;
    std::string crs_wkt;   // display CRS as WKT
    std::string crs_name;  // "EPSG:9215 VN-2000 / TM-3 107-15" or "+proj=tmerc ..." 
    Bounds bounds() const;
};

}  // namespace ntm::geo
