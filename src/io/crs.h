#pragma once
// Display CRS choice and coordinate transformation (PROJ through GDAL's OGR API).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "geo/transverse_mercator.h"

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

// The series projection (geo/transverse_mercator.h) standing in for PROJ from `from` to `to`:
// when `from` is WGS 84 longitude/latitude, `to` a transverse Mercator in metres with the
// equator as latitude of origin on the same geographic CRS (no datum shift), and the series
// agrees with PROJ to within 1 mm at every point of `check` (longitude/latitude); none otherwise.
// It stands in only for rings within kSeriesReach degrees of longitude of the central meridian.
std::optional<geo::TransverseMercator> series_projection(const OGRSpatialReference& from, const OGRSpatialReference& to,
                                                         const std::vector<geo::Vec2>& check);
constexpr double kSeriesReach = 30;
// True when every point of `ring` is within the series' reach (and off the poles).
bool within_series_reach(const geo::TransverseMercator& tm, const std::vector<geo::Vec2>& ring);

}  // namespace ntm::io

namespace ntm::io {
// Projects WGS 84 longitude/latitude shapes into the display CRS chosen for them.
geo::MapGeometry project_lonlat(std::vector<geo::MultiPolygon> shapes);
}  // namespace ntm::io
