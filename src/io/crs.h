#pragma once
// Display CRS choice and coordinate transformation (PROJ through GDAL's OGR API).
#include <memory>
#include <string>
#include <vector>

#include "geo/geometry.h"

class OGRSpatialReference;
class OGRCoordinateTransformation;

namespace ntm::io {

struct DisplayCrs {
    std::string definition;  // what OGRSpatialReference::SetFromUserInput takes
    std::string name;        // for reports: "EPSG:9215 VN-2000 / TM-3 107-15"
    std::string reason;      // why it was chosen
};

// EPSG:9215 when the data lies in Lạng Sơn; otherwise a transverse Mercator centred on the data.
// The extent is in WGS 84 degrees.
DisplayCrs choose_display_crs(const geo::Bounds& lonlat_extent);

// A spatial reference with traditional GIS axis order (x = easting/longitude), from any user input.
// Throws ntm::Error naming `what` when the definition is not understood.
std::unique_ptr<OGRSpatialReference> make_srs(const std::string& definition, const std::string& what);
std::string srs_name(const OGRSpatialReference& srs);  // "EPSG:4326 WGS 84" or the CRS name
std::string srs_wkt(const OGRSpatialReference& srs);

struct TransformDeleter {
    void operator()(OGRCoordinateTransformation* t) const;
};
using Transform = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;
Transform make_transform(const OGRSpatialReference& from, const OGRSpatialReference& to);

// Transforms points in place; false if any failed.
bool transform_points(OGRCoordinateTransformation& t, std::vector<geo::Vec2>& points);

}  // namespace ntm::io

namespace ntm::io {
// Projects WGS 84 longitude/latitude shapes into the display CRS chosen for them.
geo::MapGeometry project_lonlat(std::vector<geo::MultiPolygon> shapes);
}  // namespace ntm::io
