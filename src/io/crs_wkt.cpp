#include "io/crs_wkt.h"

#include <ogr_spatialref.h>

#include "core/error.h"
#include "io/crs.h"

namespace ntm::io {

std::string prj_wkt(const std::string& crs) {
    const auto srs = make_srs(crs, "world file");
    for (const char* format : {"FORMAT=WKT1_GDAL", "FORMAT=WKT2_2019"}) {
        char* wkt = nullptr;
        const char* options[] = {format, nullptr};
        const OGRErr err = srs->exportToWkt(&wkt, options);
        std::string out = wkt ? wkt : "";
        CPLFree(wkt);
        if (err == OGRERR_NONE && !out.empty()) return out;
    }
    throw Error("world file: the CRS '" + crs.substr(0, 60) + "' cannot be written as WKT");
}

}  // namespace ntm::io
