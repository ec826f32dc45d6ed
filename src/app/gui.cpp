// The desktop app's command line: options, remembered settings and what to open first; the
// window itself is ui::run_app_window.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/args.h"
#include "app/commands.h"
#include "app/data_source.h"
#include "core/error.h"
#include "ui/app_window.h"

namespace ntm::app {

void add_gui_options(CLI::App& root) {
    CLI::Option* data = value(&root, "--data", "D.gpkg", "open a dataset made by `import` (default: the last one opened)");
    CLI::Option* boundaries = value(&root, "--boundaries", "SOURCE", "open a boundary file");
    data->excludes(boundaries);
    lang_value(&root);
    date_value(&root, "--date", "the day shown first (default: the data's last date)");
    value(&root, "--size", "WxH", "window size, e.g. 1600x900");
    choice_value(&root, "--tab", {"detail", "lists", "criteria", "districts", "reconcile"}, "the panel tab shown first");
    flag(&root, "--briefing", "start in briefing mode");
    value(&root, "--screenshot", "FILE.png", "draw the window off screen, save it and exit");
    value(&root, "--frames", "N", "frames drawn before the screenshot (default 10: tables settle their column widths)");
    value(&root, "--select", "CODE", "select this unit first");
    value(&root, "--import", "TABLE", "open File ▸ Import table… on this table (XLSX, ODS, CSV)");
}

int run_gui(const Args& args) {
    const auto screenshot = args.get("screenshot");
    const int frames = args.integer("frames", 10);
    if (frames < 1 || frames > 100000) throw Error("--frames must be between 1 and 100000");
    const auto date = args.date("date");

    const std::string config = ui::settings_path();
    ui::Settings settings = ui::load_settings(config);
    if (const auto lang = args.get("lang")) {
        if (*lang != "vi" && *lang != "en") throw Error("--lang must be vi or en, not '" + *lang + "'");
        settings.lang = *lang;
    }
    int width = settings.window_width, height = settings.window_height;
    if (const auto size = args.get("size")) {
        if (std::sscanf(size->c_str(), "%dx%d", &width, &height) != 2 || width < 320 || height < 240 ||
            width > 16384 || height > 16384)
            throw Error("--size must be WIDTHxHEIGHT (at least 320x240), not '" + *size + "'");
    }

    // What to open: the command line, else (not for screenshots) the last file, else the demo.
    std::string source = args.get_or("data", args.get_or("boundaries", ""));
    if (source.empty() && !screenshot && !settings.last_data.empty() &&
        std::filesystem::exists(settings.last_data.rfind("/vsigzip/", 0) == 0 ? settings.last_data.substr(9)
                                                                               : settings.last_data))
        source = settings.last_data;
    if (source.empty()) source = default_dataset_path();

    ui::AppWindowOptions o;
    o.settings = std::move(settings);
    o.config_path = config;
    o.cache_dir = ui::cache_dir();
    o.source = source;
    o.width = width;
    o.height = height;
    o.size_given = args.has("size");
    o.date = date;
    o.select = args.get("select");
    o.tab = args.get("tab");
    o.briefing = args.has("briefing");
    o.import_table = args.get("import");
    o.screenshot = screenshot;
    o.frames = frames;
    return ui::run_app_window(std::move(o));
}

}  // namespace ntm::app
