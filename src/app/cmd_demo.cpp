// `demo --out D.gpkg`: the illustrative Lạng Sơn dataset, generated deterministically.
#include <iostream>

#include "app/commands.h"
#include "app/args.h"
#include "core/demo.h"
#include "core/error.h"
#include "geo/demo_tiling.h"
#include "io/crs.h"
#include "io/dataset_file.h"

namespace ntm::app {

int run_demo(const std::vector<std::string>& argv) {
    const Args args(argv, {});
    args.allow_only("demo", {"out"});
    const auto out = args.get("out");
    if (!out) throw Error("demo: --out D.gpkg is required");
    const Dataset dataset = demo::make_demo_dataset();
    const geo::MapGeometry geometry = io::project_lonlat(geo::make_demo_tiling(dataset));
    io::save_dataset(*out, dataset, geometry);
    std::cout << "Wrote " << *out << ": " << dataset.units.size() << " units, "
              << dataset.observations.size() << " observations, " << dataset.events.size()
              << " events (Dữ liệu minh họa — illustrative data)\n";
    return 0;
}

}  // namespace ntm::app
