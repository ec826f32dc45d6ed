// ntm-atlas: the command line (CLI11), one subcommand per command. Every failure ends as one
// line on stderr and a non-zero exit; --help and --version print to stdout and exit 0.
#include <CLI/CLI.hpp>

#include <iostream>
#include <string>
#include <vector>

#include "app/commands.h"
#include "core/error.h"

#ifndef NTM_VERSION
#define NTM_VERSION "unknown"
#endif

namespace ntm::app {

CLI::App* CommandTable::add(const std::string& name, const std::string& summary, RunCommand run) {
    CLI::App* c = root_.add_subcommand(name, summary);
    c->allow_extras();  // unknown options and stray words are named by parsed_args
    commands_.emplace_back(c, run);
    return c;
}

RunCommand CommandTable::runner(const CLI::App* command) const {
    for (const auto& [c, run] : commands_)
        if (c == command) return run;
    return nullptr;
}

}  // namespace ntm::app

namespace {

using namespace ntm::app;

// Registration, in the order `ntm-atlas --help` lists the commands.
void (*const kCommands[])(CommandTable&) = {
    add_summary_command, add_lagging_command, add_check_command,       add_import_command, add_export_command,
    add_atlas_command,   add_import_news_command, add_lineage_command, add_demo_command, add_template_command,
};

}  // namespace

int main(int argc, char** argv) {
    CLI::App root("NTM Atlas — bản đồ xây dựng nông thôn mới (a map of Vietnam's New Rural Development "
                  "programme).\nWithout a command: the desktop app.",
                  "ntm-atlas");
    root.footer("Without --data, commands use the bundled demo dataset (Dữ liệu minh họa).\n"
                "`ntm-atlas COMMAND --help` describes a command.");
    root.allow_extras();
    root.require_subcommand(0, 1);
    root.set_version_flag("--version", std::string("ntm-atlas ") + NTM_VERSION, "print the version and exit");
    CommandTable table(root);
    for (auto add : kCommands) add(table);
    add_gui_options(root);

    const std::vector<std::string> words(argv + 1, argv + argc);
    if (words.size() == 1 && words[0] == "help") {
        std::cout << root.help();
        return 0;
    }
    std::string label = "the app";
    try {
        try {
            root.parse(argc, argv);
        } catch (const CLI::Success& e) {  // --help, -h, --version
            return root.exit(e);
        } catch (const CLI::ParseError& e) {
            const std::vector<CLI::App*> chosen = root.get_subcommands();
            // A value refused by a check names its option already ("--date: 'x' is not a date").
            const bool named = dynamic_cast<const CLI::ValidationError*>(&e) != nullptr;
            const std::string where = chosen.empty() || named ? "" : chosen.front()->get_name() + ": ";
            throw ntm::Error(where + parse_error_message(e));
        }
        const std::vector<CLI::App*> chosen = root.get_subcommands();
        if (chosen.empty()) {
            const std::vector<std::string> extras = root.remaining();
            if (!extras.empty() && extras.front().rfind("-", 0) != 0) {
                std::cerr << "ntm-atlas: unknown command '" << extras.front() << "' (see ntm-atlas --help)\n";
                return 2;
            }
            return run_gui(parsed_args(root, label));
        }
        CLI::App* command = chosen.front();
        label = command->get_name();
        parsed_args(root, label);  // an unknown option before the command, words after "--"
        if (!root.parse_order().empty())
            throw ntm::Error(root.parse_order().front()->get_name() + " is an option of the app, not of " + label +
                             "; give the command first (ntm-atlas " + label + " --help)");
        return table.runner(command)(parsed_args(*command, label));
    } catch (const ntm::Error& e) {
        std::cerr << "ntm-atlas: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "ntm-atlas: internal error: " << e.what() << "\n";
        return 3;
    }
}
