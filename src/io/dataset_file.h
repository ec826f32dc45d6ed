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

// True when `path` is a GeoPackage with the dataset's 'units' and 'metadata' layers.
bool is_dataset_file(const std::string& path);

// A dataset made from boundaries alone (no observations, so every xã shows "no data"), titled
// after the source file.
DatasetFile dataset_from_boundaries(const LoadOptions& options);

// Opens `source` as a dataset when it is one, else as boundaries. Boundaries from a text format
// (GeoJSON, CSV, ...) are slow to parse, so when `cache_dir` is not empty the prepared result is
// saved there, keyed by the source's path, size and modification time, and later opens of the
// unchanged source read the cache instead.
DatasetFile open_any(const std::string& source, const std::string& cache_dir = "",
                     const Progress& progress = nullptr);

}  // namespace ntm::io
