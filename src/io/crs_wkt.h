#pragma once
// The text of a .prj file (beside a world file) for a CRS: WKT1 as GDAL writes it, which GIS
// tools read everywhere (QGIS, ArcGIS, GDAL), keeping the authority code and the datum shift.
#include <string>

namespace ntm::io {

// `crs`: anything OGRSpatialReference::SetFromUserInput takes (WKT2 as MapGeometry::crs_wkt
// holds it, "EPSG:9215", a PROJ string). Falls back to WKT2 for a CRS WKT1 cannot express.
// Throws ntm::Error when `crs` is not understood.
std::string prj_wkt(const std::string& crs);

}  // namespace ntm::io
