// The command line itself: --help per command, --version, and the one-line errors of bad
// command lines (each names the option or argument at fault).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

// The bundled simplified 2025 boundaries (data/geo/, MIT).
#define NTM_SOURCE_BOUNDARIES NTM_TEST_DATA_DIR "/../../data/geo/langson_communes_2025_simplified.geojson"

namespace fs = std::filesystem;
using ntm::test::run_cli;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

struct HelpCase {
    std::string command;
    std::vector<std::string> options;
};

TEST(CommandLine, EveryCommandHasHelp) {
    const std::vector<HelpCase> cases = {
        {"summary", {"--data", "--boundaries", "--date", "--by", "--format", "--lang", "--code-field"}},
        {"lagging", {"--data", "--date", "--limit", "--district", "--format", "--lang"}},
        {"check", {"SOURCE", "--layer", "--encoding", "--topology", "--no-topology", "--display-crs"}},
        {"import", {"--out", "--boundaries", "--units", "--valid-from", "--valid-to", "--version-id", "--lineage",
                    "--attainment", "--groups", "--title", "--criteria-set"}},
        {"export", {"--out", "--date", "--district", "--from", "--to", "--step", "--out-dir", "--size", "--preset",
                    "--dpi", "--title", "--source", "--map-only"}},
        {"atlas", {"--out-dir", "--pattern", "--date", "--source", "--preset"}},
        {"import-news", {"FILE", "--data", "--dry-run", "--format"}},
        {"lineage", {"CODE|NAME", "--data", "--date", "--format", "--lang"}},
        {"demo", {"--out", "--boundaries-2025", "--merger-2025"}},
    };
    for (const HelpCase& c : cases)
        for (const char* flag : {"--help", "-h"}) {
            const auto r = run_cli(c.command + " " + flag);
            EXPECT_EQ(r.exit_code, 0) << c.command << " " << flag << ": " << r.err;
            EXPECT_EQ(r.err, "");
            EXPECT_TRUE(contains(r.out, "Usage: ntm-atlas " + c.command + " ")) << r.out;
            for (const std::string& o : c.options) EXPECT_TRUE(contains(r.out, o)) << c.command << " " << o;
        }
    // The app's own options and the list of commands.
    const auto r = run_cli("--help");
    EXPECT_EQ(r.exit_code, 0);
    for (const char* s : {"--screenshot", "--tab", "--briefing", "--lang", "--version", "summary", "import-news", "lineage"})
        EXPECT_TRUE(contains(r.out, s)) << s;
    // --help after other options still helps (and runs nothing).
    EXPECT_EQ(run_cli("summary --date 2020-07-31 --help").exit_code, 0);
}

TEST(CommandLine, Version) {
    const auto r = run_cli("--version");
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out.rfind("ntm-atlas ", 0), 0u) << r.out;
    EXPECT_EQ(r.out.back(), '\n');
}

TEST(CommandLine, BadCommandLinesGiveOneNamedError) {
    const std::string dir = ntm::test::temp_dir("command-line");
    const std::string png = "'" + dir + "/x.png'";
    std::ofstream(dir + "/title.txt") << "x";
    const struct {
        std::string args, err;
        int exit_code = 1;
    } cases[] = {
        {"summary --bogus", "ntm-atlas: summary: unknown option --bogus\n"},
        {"summary --bogus=3", "ntm-atlas: summary: unknown option --bogus\n"},
        {"summary -date 2020-07-31", "ntm-atlas: summary: unknown option -date (options take two dashes: --date)\n"},
        {"lagging -limit 3", "ntm-atlas: lagging: unknown option -limit (options take two dashes: --limit)\n"},
        {"summary stray", "ntm-atlas: summary: unexpected argument 'stray'\n"},
        {"export --out " + png + " extra", "ntm-atlas: export: unexpected argument 'extra'\n"},
        {"summary --date", "ntm-atlas: summary: --date needs a value\n"},
        {"summary --date --by unit", "ntm-atlas: --date: needs a value (found the option --by)\n"},
        {"export --title --out " + png, "ntm-atlas: export: --title needs a value (found the option --out)\n"},
        {"summary --date x", "ntm-atlas: --date: 'x' is not a date (use YYYY-MM-DD)\n"},
        {"summary --lang xx", "ntm-atlas: --lang: 'xx' is not a language (use vi or en)\n"},
        {"lineage 06196 --lang xx", "ntm-atlas: --lang: 'xx' is not a language (use vi or en)\n"},
        {"atlas --out-dir '" + dir + "' --lang xx", "ntm-atlas: --lang: 'xx' is not a language (use vi or en)\n"},
        {"--lang xx", "ntm-atlas: --lang: 'xx' is not a language (use vi or en)\n"},
        {"summary --format xml", "ntm-atlas: --format: 'xml' is not one of text, csv or json\n"},
        {"summary --by commune", "ntm-atlas: --by: 'commune' is not one of province, district, former-district or unit\n"},
        {"summary --data a.gpkg --boundaries b.geojson", "ntm-atlas: summary: give --boundaries or --data, not both\n"},
        {"export --out " + png + " --data a.gpkg --boundaries b.geojson",
         "ntm-atlas: export: give --boundaries or --data, not both\n"},
        {"--data a.gpkg --boundaries b.geojson", "ntm-atlas: give --boundaries or --data, not both\n"},
        {"check --topology --no-topology x.geojson", "ntm-atlas: check: give --no-topology or --topology, not both\n"},
        {"export --out " + png + " --title \"$(printf '\\377\\376')\"", "ntm-atlas: --title: not valid UTF-8 text\n"},
        {"summary --data \"$(printf '\\303')\"", "ntm-atlas: --data: not valid UTF-8 text\n"},
        {"--data x.gpkg summary", "ntm-atlas: --data is an option of the app, not of summary; give the command first "
                                  "(ntm-atlas summary --help)\n"},
        {"--bogus", "ntm-atlas: the app: unknown option --bogus\n"},
        {"frobnicate", "ntm-atlas: unknown command 'frobnicate' (see ntm-atlas --help)\n", 2},
        {"summary lagging", "ntm-atlas: summary: unexpected argument 'lagging'\n"},
        {"summary -- x", "ntm-atlas: summary: unexpected argument 'x'\n"},
        {"check -- --not-an-option", "ntm-atlas: --not-an-option: no such file\n"},
    };
    for (const auto& c : cases) {
        // $(printf '\\377') writes bytes that are not UTF-8.
        const auto r = run_cli(c.args);
        EXPECT_EQ(r.exit_code, c.exit_code) << c.args;
        EXPECT_EQ(r.err, c.err) << c.args;
        EXPECT_EQ(r.out, "") << c.args;
    }
    EXPECT_FALSE(fs::exists(dir + "/x.png"));
}

// `import --out` naming one of its inputs would replace the file being read: refused first.
TEST(CommandLine, ImportRefusesAnOutputThatIsAnInput) {
    const std::string dir = ntm::test::temp_dir("import-same");
    const std::string data = dir + "/s.gpkg";
    fs::copy_file(NTM_DEMO_DATASET, data);
    const std::string before = ntm::test::read_file(data);
    auto r = run_cli("import --out '" + data + "' --boundaries '" + data + "'");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "ntm-atlas: import: --out " + data + " is also --boundaries " + data +
                         " (write the dataset to another file); nothing written\n");
    // Another spelling of the same file.
    fs::create_directories(dir + "/sub");
    r = run_cli("import --out '" + dir + "/sub/../s.gpkg' --boundaries '" + data + "'");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "is also --boundaries")) << r.err;
    fs::create_symlink(data, dir + "/link.gpkg");
    r = run_cli("import --out '" + dir + "/link.gpkg' --boundaries '" + data + "'");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "is also --boundaries")) << r.err;
    EXPECT_EQ(ntm::test::read_file(data), before);
}

// Without --date the commands take the data's last date with assessments, not today.
TEST(CommandLine, DefaultDateIsTheDatasLastDate) {
    const auto last = run_cli("summary --format json");
    ASSERT_EQ(last.exit_code, 0) << last.err;
    const std::string date = nlohmann::json::parse(last.out)["date"];
    EXPECT_EQ(run_cli("summary --format json --date " + date).out, last.out);
    const auto lag = run_cli("lagging --format json");
    ASSERT_EQ(lag.exit_code, 0) << lag.err;
    EXPECT_EQ(nlohmann::json::parse(lag.out)["date"], date);
    EXPECT_EQ(run_cli("lagging --format csv").out, run_cli("lagging --format csv --date " + date).out);
}

// A boundary file alone has no attainment data: the export says so on stderr and still draws.
TEST(CommandLine, BoundaryOnlyExportWarns) {
    const std::string dir = ntm::test::temp_dir("boundary-export");
    const std::string png = dir + "/b.png";
    const auto r = run_cli("export --boundaries '" + std::string(NTM_SOURCE_BOUNDARIES) + "' --out '" + png +
                           "' --size 640x400 --source 'Nguồn: Sở Nông nghiệp và Môi trường'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "warning: the data has no assessments; every xã is drawn as \"no data\"\n");
    EXPECT_TRUE(fs::exists(png));
}

}  // namespace
