// `demo --out D.gpkg`: the illustrative Lạng Sơn dataset, generated deterministically: the units of
// 2020 on schematic polygons, the units of 1 July 2025 on the bundled (simplified, real)
// boundaries, linked by the bundled merger list. The build passes the paths of the bundled files
// (data/geo/ of the source tree); --boundaries-2025 and --merger-2025 override them.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <CLI/CLI.hpp>

#include "app/args.h"
#include "app/commands.h"
#include "core/demo.h"
#include "core/error.h"
#include "geo/demo_tiling.h"
#include "io/boundary_loader.h"
#include "io/crs.h"
#include "io/dataset_file.h"

#ifndef NTM_DEMO_BOUNDARIES_2025
#define NTM_DEMO_BOUNDARIES_2025 "data/geo/langson_communes_2025_simplified.geojson"
#endif
#ifndef NTM_DEMO_MERGER_2025
#define NTM_DEMO_MERGER_2025 "data/geo/langson_merger_2025-07.csv"
#endif

namespace ntm::app {
namespace {

std::string read_text(const std::string& path, const char* what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(std::string("demo: cannot read the ") + what + " " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

int run_demo(const Args& args) {
    const auto out = args.get("out");
    if (!out) throw Error("demo: --out D.gpkg is required");
    const std::string boundaries_2025 = args.get_or("boundaries-2025", NTM_DEMO_BOUNDARIES_2025);
    const std::string merger_2025 = args.get_or("merger-2025", NTM_DEMO_MERGER_2025);

    const Dataset dataset = demo::make_demo_dataset_2026(
        demo::parse_merger_list(read_text(merger_2025, "merger list")));

    // 2025-07: the bundled boundaries, in the display CRS of Lạng Sơn (EPSG:9215).
    io::LoadOptions options;
    options.source = boundaries_2025;
    options.display_crs = "EPSG:9215";
    options.check_topology = false;
    const io::LoadedBoundaries loaded = io::load_boundaries(options);
    std::map<std::string, const geo::MultiPolygon*> shape_2025;
    for (size_t i = 0; i < loaded.units.size(); ++i) shape_2025[loaded.units[i].code] = &loaded.geometry.shapes[i];

    // 2020: the schematic tiling of the 2020 units, projected to the same CRS.
    Dataset units_2020;
    for (const Unit& u : dataset.units)
        if (u.version == 0) units_2020.units.push_back(u);
    geo::MapGeometry geometry = io::project_lonlat(geo::make_demo_tiling(units_2020));
    if (geometry.crs_wkt != loaded.geometry.crs_wkt)
        throw Error("demo: the schematic 2020 units are in " + geometry.crs_name + ", the 2025 boundaries in " +
                    loaded.geometry.crs_name + "; both must be in EPSG:9215");

    // One shape per unit, in the dataset's order (the 2020 units come first).
    std::vector<geo::MultiPolygon> shapes;
    shapes.reserve(dataset.units.size());
    size_t next_2020 = 0;
    for (const Unit& u : dataset.units) {
        if (u.version == 0) {
            shapes.push_back(std::move(geometry.shapes.at(next_2020++)));
            continue;
        }
        const auto it = shape_2025.find(u.code);
        if (it == shape_2025.end())
            throw Error("demo: " + boundaries_2025 + " has no feature with code " + u.code + " (" +
                        u.full_name() + ")");
        shapes.push_back(*it->second);
    }
    if (shape_2025.size() != static_cast<size_t>(std::count_if(
                                 dataset.units.begin(), dataset.units.end(),
                                 [](const Unit& u) { return u.version == 1; })))
        throw Error("demo: " + boundaries_2025 + " has " + std::to_string(shape_2025.size()) +
                    " units, the merger list " + merger_2025 + " a different number");
    geometry.shapes = std::move(shapes);

    io::save_dataset(*out, dataset, geometry);
    std::cout << "Wrote " << *out << ": " << dataset.units.size() << " units in "
              << dataset.versions.size() << " boundary versions, " << dataset.lineage.size()
              << " lineage links, " << dataset.observations.size() << " observations, "
              << dataset.events.size() << " events (Dữ liệu minh họa — illustrative data)\n";
    return 0;
}

void add_demo_command(CommandTable& table) {
    CLI::App* c = table.add("demo", "Write the illustrative Lạng Sơn dataset (Dữ liệu minh họa)", run_demo);
    value(c, "--out", "D.gpkg", "the dataset to write");
    value(c, "--boundaries-2025", "SOURCE", "the 2025 boundaries (default: the bundled simplified file)");
    value(c, "--merger-2025", "MERGER.csv", "the July-2025 merger list (default: the bundled one)");
}

}  // namespace ntm::app
