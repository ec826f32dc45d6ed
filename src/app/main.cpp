// ntm-atlas: command dispatch. Every failure ends as one line on stderr and a non-zero exit.
#include <iostream>
#include <string>
#include <vector>

#include "app/commands.h"
#include "core/error.h"

namespace {

const char* kUsage =
    "NTM Atlas — bản đồ xây dựng nông thôn mới\n"
    "usage:\n"
    "  ntm-atlas summary [--data D | --boundaries SOURCE] [--date YYYY-MM-DD] [--by district|unit]\n"
    "                    [--format text|csv|json] [--lang vi|en]\n"
    "  ntm-atlas check SOURCE [--layer L] [--code-field F] [--name-field F] [--kind-field F]\n"
    "                  [--district-field F] [--district-code-field F] [--encoding E]\n"
    "                  [--source-crs CRS] [--display-crs CRS] [--topology | --no-topology]\n"
    "  ntm-atlas import --out D.gpkg --boundaries SOURCE [--attainment T] [--recognitions T]\n"
    "                   [--events T] [--title TEXT] [--criteria-set 2021-2025|2026] [field options]\n"
    "  ntm-atlas demo --out D.gpkg\n"
    "Without --data, commands use the bundled demo dataset (Dữ liệu minh họa).\n";

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << kUsage;
        return args.empty() ? 2 : 0;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    try {
        if (command == "summary") return ntm::app::run_summary(args);
        if (command == "check") return ntm::app::run_check(args);
        if (command == "import") return ntm::app::run_import(args);
        if (command == "demo") return ntm::app::run_demo(args);
        std::cerr << "ntm-atlas: unknown command '" << command << "' (see ntm-atlas --help)\n";
        return 2;
    } catch (const ntm::Error& e) {
        std::cerr << "ntm-atlas: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "ntm-atlas: internal error: " << e.what() << "\n";
        return 3;
    }
}
