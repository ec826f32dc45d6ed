#pragma once
// The commands of the command line. Each registers itself from its own cmd_*.cpp:
//
//   // cmd_summary.cpp
//   int run_summary(const Args& args) { ... args.get("by"), args.date(), args.has("map-only") ... }
//   void add_summary_command(CommandTable& table) {
//       CLI::App* c = table.add("summary", "Statistics of a date ...", run_summary);
//       data_options(c);                                   // --data | --boundaries, read options
//       date_value(c, "--date", "the day (default: the data's last date)");
//       choice_value(c, "--by", {"province", "district", "unit"}, "rows per ...");
//       flag(c, "--map-only", "...");
//   }
//
// and main.cpp calls add_summary_command once (kCommands). Declare every option a command
// reads with the helpers of args.h: CLI11 then prints it in `ntm-atlas summary --help`, refuses
// unknown options and stray arguments, and hands run_* an Args with the values in command-line
// order (for `import`, where options after a --boundaries apply to it). Checks that need the
// command's context (ranges, combinations) stay in run_*, throwing ntm::Error with one line.
//
// A new command: a cmd_NAME.cpp with run_NAME and add_NAME_command, declared here, added to
// kCommands in main.cpp.
#include <string>
#include <utility>
#include <vector>

#include "app/args.h"

namespace ntm::app {

using RunCommand = int (*)(const Args& args);

class CommandTable {
public:
    explicit CommandTable(CLI::App& root) : root_(root) {}
    // A subcommand `name` with a one-line summary (its --help shows it), run by `run`.
    CLI::App* add(const std::string& name, const std::string& summary, RunCommand run);
    // The command CLI11 chose, or nullptr for none.
    RunCommand runner(const CLI::App* command) const;

private:
    CLI::App& root_;
    std::vector<std::pair<CLI::App*, RunCommand>> commands_;
};

void add_summary_command(CommandTable& table);      // cmd_summary.cpp
void add_lagging_command(CommandTable& table);      // cmd_lagging.cpp
void add_check_command(CommandTable& table);        // cmd_check.cpp
void add_import_command(CommandTable& table);       // cmd_import.cpp
void add_export_command(CommandTable& table);       // cmd_export.cpp
void add_atlas_command(CommandTable& table);        // cmd_atlas.cpp
void add_import_news_command(CommandTable& table);  // cmd_import_news.cpp
void add_lineage_command(CommandTable& table);      // cmd_lineage.cpp
void add_demo_command(CommandTable& table);         // cmd_demo.cpp
void add_template_command(CommandTable& table);     // cmd_template.cpp

// The desktop app (no command): its options on the root of the command line (gui.cpp).
void add_gui_options(CLI::App& root);
int run_gui(const Args& args);

}  // namespace ntm::app
