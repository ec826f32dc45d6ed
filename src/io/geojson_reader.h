#pragma once
// A fast reader for plain GeoJSON FeatureCollections of polygons (simdjson), giving the same
// GDAL dataset that GDAL's own GeoJSON driver would: one layer with the same name, fields (names,
// types, order), values, WGS 84 spatial reference and OGR geometries, so the boundary loader
// treats both alike. GDAL's reader parses the whole file twice and keeps a JSON tree per
// feature; this one streams the file once and is several times faster on the national file.
//
// It accepts only what it is sure to read exactly as GDAL does and declines (nullptr)
// everything else, which then goes to GDAL: a top level other than a FeatureCollection, a "crs"
// other than CRS84, geometries other than (Multi)Polygon with 2-number positions, numeric or
// mixed feature ids, property values that are arrays, objects, booleans or date-like strings, a
// field whose values mix strings and numbers, integers beyond 64 bits, and any syntax error (GDAL
// then names the problem in its own words).
#include <string>

#include <gdal_priv.h>

namespace ntm::io {

// `source`: a path GDAL's file layer opens (local, /vsigzip/...); only names ending .geojson or
// .json (optionally .gz under /vsigzip/) are tried. NTM_GEOJSON_READER=gdal turns it off.
GDALDatasetUniquePtr open_geojson_fast(const std::string& source);

}  // namespace ntm::io
