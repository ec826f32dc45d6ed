#pragma once
// Opens any OGR vector source of commune-level units and turns it into units plus display-CRS
// geometry, repairing what it must and recording every repair.
#include <functional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/unit.h"
#include "geo/geometry.h"
#include "io/load_report.h"

namespace ntm::io {

// Field names chosen by the user; empty means "find it".
struct FieldOverrides {
    std::string code, name, kind, district, district_code;
};

using Progress = std::function<void(double fraction, const std::string& stage)>;

struct LoadOptions {
    std::string source;       // path, /vsigzip/ path, or any GDAL connection string
    std::string layer;        // empty: the first layer with polygons
    FieldOverrides fields;
    std::string encoding;     // explicit text encoding; empty: .cpg, DBF language id, detection
    std::string source_crs;   // overrides a missing or wrong CRS in the source (e.g. "EPSG:3405")
    std::string display_crs;  // explicit (e.g. "EPSG:3405"); empty: chosen from the data
    bool check_topology = true;  // overlaps and gaps between neighbours
    bool force_topology = false; // check them even above kTopologyVertexLimit
    Progress progress;
};

struct LoadedBoundaries {
    std::vector<Unit> units;
    geo::MapGeometry geometry;  // parallel to units
    LoadReport report;
    // The province every unit names ("Lạng Sơn"), "Việt Nam" for a file of every province, else "".
    std::string province_name;
    // What groups the units above the commune level: districts, provinces (a national file after
    // July 2025), or nothing (a province after July 2025).
    Grouping grouping = Grouping::District;
};

// Throws ntm::Error with one line naming the source (and feature) on anything it cannot load.
LoadedBoundaries load_boundaries(const LoadOptions& options);

}  // namespace ntm::io
