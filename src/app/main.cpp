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
    "  ntm-atlas [--data D | --boundaries SOURCE] [--lang vi|en] [--date YYYY-MM-DD] [--size WxH]\n"
    "            [--tab detail|lists|criteria|districts|reconcile] [--briefing]\n"
    "            [--screenshot FILE.png [--frames N] [--select CODE]]      the desktop app\n"
    "  ntm-atlas summary [--data D | --boundaries SOURCE] [--date YYYY-MM-DD] [--by district|unit]\n"
    "                    [--format text|csv|json] [--lang vi|en]\n"
    "  ntm-atlas lagging [--data D | --boundaries SOURCE] [--date YYYY-MM-DD] [--limit N]\n"
    "                    [--district NAME|CODE] [--format text|csv|json] [--lang vi|en]\n"
    "  ntm-atlas check SOURCE [--layer L] [--code-field F] [--name-field F] [--kind-field F]\n"
    "                  [--district-field F] [--district-code-field F] [--encoding E]\n"
    "                  [--source-crs CRS] [--display-crs CRS] [--topology | --no-topology]\n"
    "  ntm-atlas import --out D.gpkg --boundaries SOURCE [--attainment T] [--recognitions T]\n"
    "                   [--events T] [--title TEXT] [--criteria-set 2021-2025|2026] [field options]\n"
    "  ntm-atlas import --out D.gpkg --boundaries OLD [--valid-to YYYY-MM-DD] [field options]\n"
    "                   --boundaries NEW [--valid-from YYYY-MM-DD] [--lineage MERGER.csv] [...]\n"
    "                   (options after a --boundaries apply to it; --units CODES.csv for a version\n"
    "                   without geometry; --version-id ID, --version-name TEXT)\n"
    "  ntm-atlas export --out FILE.png [--data D | --boundaries S] [--date YYYY-MM-DD]\n"
    "                   [--size WxH | --preset hd|4k|a4-300|a3-300] [--dpi N] [--district NAME|CODE]\n"
    "                   [--title TEXT] [--lang vi|en] [--map-only]\n"
    "  ntm-atlas export --from D1 --to D2 [--step month|year] --out-dir DIR [same options]\n"
    "  ntm-atlas atlas --out-dir DIR [--date YYYY-MM-DD] [same options]  (province + each district)\n"
    "  ntm-atlas import-news [--data D.gpkg] FILE... [--dry-run] [--format text|json]\n"
    "  ntm-atlas lineage [--data D] CODE|NAME [--date YYYY-MM-DD] [--format text|json] [--lang vi|en]\n"
    "  ntm-atlas demo --out D.gpkg\n"
    "Without --data, commands use the bundled demo dataset (Dữ liệu minh họa).\n";

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && (args[0] == "--help" || args[0] == "-h" || args[0] == "help")) {
        std::cout << kUsage;
        return 0;
    }
    try {
        // No command, or options only: the desktop app.
        if (args.empty() || args[0].rfind("--", 0) == 0) return ntm::app::run_gui(args);
        const std::string command = args[0];
        args.erase(args.begin());
        if (command == "summary") return ntm::app::run_summary(args);
        if (command == "check") return ntm::app::run_check(args);
        if (command == "import") return ntm::app::run_import(args);
        if (command == "demo") return ntm::app::run_demo(args);
        if (command == "lagging") return ntm::app::run_lagging(args);
        if (command == "export") return ntm::app::run_export(args);
        if (command == "atlas") return ntm::app::run_atlas(args);
        if (command == "import-news") return ntm::app::run_import_news(args);
        if (command == "lineage") return ntm::app::run_lineage(args);
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
