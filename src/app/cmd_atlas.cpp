// `atlas`: the whole province and then every district, one georeferenced PNG each, in one folder.
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "app/cmd_export.h"
#include "app/commands.h"
#include "app/data_source.h"
#include "app/headless_gl.h"
#include "core/error.h"

namespace fs = std::filesystem;

namespace ntm::app {

int run_atlas(const std::vector<std::string>& argv) {
    const Args args(argv, {"map-only"});
    std::set<std::string> known = export_common_options();
    known.insert("out-dir");
    args.allow_only("atlas", known);
    render::ExportOptions options = parse_export_options(args, "atlas");
    if (!args.get("out-dir")) throw Error("atlas: --out-dir DIR is required");
    const std::string out_dir = *args.get("out-dir");
    prepare_out_dir(out_dir, "atlas");

    const io::DatasetFile data = open_data(args);
    const std::vector<District> districts = data.dataset.districts();
    const int digits = districts.size() >= 100 ? 3 : 2;
    HeadlessGl gl;
    render::MapExporter exporter(data.dataset, data.geometry);
    const std::string title = options.title;
    for (int i = -1; i < static_cast<int>(districts.size()); ++i) {
        options.district = i;
        // A given title is kept and the district named after it; default titles name it anyway.
        options.title = title.empty() || i < 0 ? title : title + " — " + districts[i].name;
        char number[16];
        std::snprintf(number, sizeof number, "%0*d_", digits, i + 1);
        const std::string name = std::string(number) + (i < 0 ? "toan-tinh" : render::file_slug(districts[i].name)) + ".png";
        const std::string path = (fs::path(out_dir) / name).string();
        const render::ExportResult r = exporter.export_png(options, path);
        std::cout << describe_written(path, r) << "\n";
    }
    return 0;
}

}  // namespace ntm::app
