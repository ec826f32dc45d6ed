// `check SOURCE`: load a boundary source and print the load report.
#include <unistd.h>

#include <iostream>

#include <CLI/CLI.hpp>

#include "app/commands.h"
#include "app/data_source.h"
#include "core/error.h"

namespace ntm::app {

int run_check(const Args& args) {
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

void add_check_command(CommandTable& table) {
    CLI::App* c = table.add("check", "Read a boundary source and report what was found and repaired", run_check);
    positionals(c, "SOURCE", "a boundary file or GDAL connection (/vsigzip/ for .gz)");
    read_options(c);
    CLI::Option* on = flag(c, "--topology", "check gaps and overlaps between neighbours even for large files");
    CLI::Option* off = flag(c, "--no-topology", "skip the check of gaps and overlaps");
    on->excludes(off);
}

}  // namespace ntm::app
