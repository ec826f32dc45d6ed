// `check SOURCE`: load a boundary source and print the load report.
#include <unistd.h>

#include <iostream>

#include "app/commands.h"
#include "app/data_source.h"
#include "core/error.h"

namespace ntm::app {

int run_check(const std::vector<std::string>& argv) {
    const Args args(argv, {"topology", "no-topology"});
    args.allow_only("check", {"layer", "code-field", "name-field", "kind-field", "district-field",
                              "district-code-field", "encoding", "source-crs", "display-crs",
                              "topology", "no-topology"});
    if (args.positional().size() != 1) throw Error("check: give exactly one SOURCE (a file or GDAL connection)");
    io::LoadOptions o = boundary_options(args, args.positional()[0]);
    o.check_topology = !args.has("no-topology");
    o.force_topology = args.has("topology");
    o.progress = [](double fraction, const std::string& stage) {
        if (isatty(2)) std::cerr << "\r" << static_cast<int>(fraction * 100) << " % " << stage << "        " << std::flush;
    };
    io::LoadedBoundaries loaded = io::load_boundaries(o);
    if (isatty(2)) std::cerr << "\r" << std::string(40, ' ') << "\r";
    std::cout << loaded.report.text();
    return 0;
}

}  // namespace ntm::app
