#pragma once
// Where a command's data comes from: --data DATASET, --boundaries SOURCE, or the bundled demo.
#include <string>

#include "app/args.h"
#include "io/boundary_loader.h"
#include "io/dataset_file.h"

namespace ntm::app {

// The demo dataset the build produced beside the executable (data/geo/demo.gpkg).
std::string default_dataset_path();
// Boundary load options from the shared field/encoding/CRS options of `check` and `import`.
io::LoadOptions boundary_options(const Args& args, const std::string& source);
// Opens what the options name; throws ntm::Error with a one-line message.
io::DatasetFile open_data(const Args& args);

}  // namespace ntm::app
