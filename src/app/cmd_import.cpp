// `import`: boundaries plus tables into one dataset GeoPackage.
#include <filesystem>
#include <iostream>

#include "app/commands.h"
#include "app/data_source.h"
#include "core/error.h"
#include "io/tables.h"

namespace ntm::app {

int run_import(const std::vector<std::string>& argv) {
    const Args args(argv, {});
    args.allow_only("import", {"out", "boundaries", "attainment", "recognitions", "events", "title",
                               "criteria-set", "layer", "code-field", "name-field", "kind-field",
                               "district-field", "district-code-field", "encoding", "source-crs",
                               "display-crs"});
    const auto out = args.get("out");
    const auto source = args.get("boundaries");
    if (!out) throw Error("import: --out D.gpkg is required");
    if (!source) throw Error("import: --boundaries SOURCE is required");

    io::LoadOptions o = boundary_options(args, *source);
    o.check_topology = false;
    io::LoadedBoundaries loaded = io::load_boundaries(o);
    Dataset d;
    d.versions.front().grouping = loaded.grouping;
    d.info.title = args.get_or("title", std::filesystem::path(*source).stem().string());
    d.info.source = *source;
    d.units = std::move(loaded.units);
    d.reindex();
    if (const auto t = args.get("attainment")) d.observations = io::read_attainment_table(*t, d);
    // By default each observation is of the set in force on its date; --criteria-set names one.
    if (const auto id = args.get("criteria-set")) {
        const std::string set = criteria_set_by_id(*id).id;
        for (Observation& o : d.observations) o.criteria_set = set;
    }
    if (const auto t = args.get("recognitions")) d.recognitions = io::read_recognitions_table(*t, d);
    if (const auto t = args.get("events")) d.events = io::read_events_table(*t, d);
    io::save_dataset(*out, d, loaded.geometry);
    std::cout << "Wrote " << *out << ": " << d.units.size() << " units, " << d.observations.size()
              << " observations, " << d.recognitions.size() << " recognitions, " << d.events.size()
              << " events; " << loaded.report.repairs.size() << " repairs (see `ntm-atlas check "
              << *source << "`)\n";
    return 0;
}

}  // namespace ntm::app
