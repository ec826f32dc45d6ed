#pragma once
// The dataset GeoPackage: unit polygons in the display CRS plus the tables of the domain.
#include <string>

#include "core/dataset.h"
#include "geo/geometry.h"
#include "io/boundary_loader.h"

namespace ntm::io {

struct DatasetFile {
    Dataset dataset;
    geo::MapGeometry geometry;  // parallel to dataset.units
};

// Writes to a temporary file beside `path` and renames it over `path` only when complete.
void save_dataset(const std::string& path, const Dataset& dataset, const geo::MapGeometry& geometry);

// Throws ntm::Error naming the file and what is wrong.
DatasetFile load_dataset(const std::string& path, const Progress& progress = nullptr);

}  // namespace ntm::io
