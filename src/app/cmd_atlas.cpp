// `atlas`: the whole province and then every district in force on the date — or, where the units
// have no district (after 1 July 2025), every commune-level unit — one georeferenced PNG each, in
// one folder. File names follow --pattern (default "{n}_{name}.png"): {n} the number (00 for the
// province, then 01, 02, ... in page order), {name} the district's or unit's name as a slug
// ("huyen-cao-loc", "xa-ba-son"; "toan-tinh" for the province), {code} its code ("tinh" for the
// province), {date} the date (YYYY-MM-DD).
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>

#include <CLI/CLI.hpp>

#include "app/cmd_export.h"
#include "app/commands.h"
#include "app/data_source.h"
#include "ui/headless_gl.h"
#include "core/error.h"
#include "core/filters.h"
#include "io/crs_wkt.h"

namespace fs = std::filesystem;

namespace ntm::app {
namespace {

const char* kDefaultPattern = "{n}_{name}.png";

// Replaces the placeholders; throws for an unknown one or a pattern that would not give distinct
// .png names in one folder.
std::string expand_pattern(const std::string& pattern, const std::string& n, const std::string& name,
                           const std::string& code, const std::string& date) {
    std::string out;
    for (size_t i = 0; i < pattern.size();) {
        if (pattern[i] != '{') {
            out += pattern[i++];
            continue;
        }
        const size_t close = pattern.find('}', i);
        const std::string key = close == std::string::npos ? "" : pattern.substr(i + 1, close - i - 1);
        if (key == "n") out += n;
        else if (key == "name") out += name;
        else if (key == "code") out += code;
        else if (key == "date") out += date;
        else
            throw Error("--pattern: unknown placeholder in '" + pattern + "' (use {n}, {name}, {code}, {date})");
        i = close + 1;
    }
    return out;
}

void check_pattern(const std::string& pattern) {
    if (pattern.find('/') != std::string::npos) throw Error("--pattern: '" + pattern + "' must be a file name, not a path");
    if (pattern.size() < 4 || pattern.compare(pattern.size() - 4, 4, ".png") != 0)
        throw Error("--pattern: '" + pattern + "' must end in .png");
    if (pattern.find("{n}") == std::string::npos && pattern.find("{name}") == std::string::npos &&
        pattern.find("{code}") == std::string::npos)
        throw Error("--pattern: '" + pattern + "' needs {n}, {name} or {code} to give each image its own name");
    expand_pattern(pattern, "", "", "", "");  // unknown placeholders
}

}  // namespace

int run_atlas(const Args& args) {
    render::ExportOptions options = parse_export_options(args, "atlas");
    const std::string pattern = args.get_or("pattern", kDefaultPattern);
    check_pattern(pattern);
    if (!args.get("out-dir")) throw Error("atlas: --out-dir DIR is required");
    const std::string out_dir = *args.get("out-dir");
    prepare_out_dir(out_dir, "atlas");

    const io::DatasetFile data = open_data(args);
    apply_default_date(args, data.dataset, options);
    const Dataset& ds = data.dataset;
    if (!data.geometry.crs_wkt.empty()) options.prj = io::prj_wkt(data.geometry.crs_wkt);

    // Pages after the whole map: each district in force on the date, or — where the units have
    // no level above them (after July 2025) — each commune-level unit.
    struct Page {
        int district = -1, unit = -1;
        std::string name, code;
    };
    std::vector<Page> pages;
    const std::vector<District> all = ds.districts();
    const std::vector<District> in_force = ds.districts(options.date);
    for (const District& d : in_force)
        for (size_t i = 0; i < all.size(); ++i)
            if (district_key(all[i]) == district_key(d))
                pages.push_back({static_cast<int>(i), -1, d.name, d.code.empty() ? render::file_slug(d.name) : d.code});
    if (in_force.empty())
        for (size_t u = 0; u < ds.units.size(); ++u)
            if (ds.in_force(static_cast<int>(u), options.date))
                pages.push_back({-1, static_cast<int>(u), ds.units[u].full_name(), ds.units[u].code});
    const int digits = pages.size() >= 99 ? 3 : 2;

    // Every name first, so a pattern that collides fails before anything is drawn.
    std::vector<std::string> paths;
    std::set<std::string> seen;
    for (int i = -1; i < static_cast<int>(pages.size()); ++i) {
        char number[16];
        std::snprintf(number, sizeof number, "%0*d", digits, i + 1);
        const std::string name = i < 0 ? "toan-tinh" : render::file_slug(pages[i].name);
        const std::string code = i < 0 ? "tinh" : pages[i].code;
        const std::string file = expand_pattern(pattern, number, name, code, options.date.iso());
        if (!seen.insert(file).second)
            throw Error("--pattern: '" + pattern + "' gives the name " + file + " twice (add {n})");
        paths.push_back((fs::path(out_dir) / file).string());
    }

    ui::HeadlessGl gl;
    render::MapExporter exporter(ds, data.geometry);
    use_dissolved_outlines_if_needed(exporter, data);
    const std::string title = options.title;
    for (int i = -1; i < static_cast<int>(pages.size()); ++i) {
        options.district = i < 0 ? -1 : pages[i].district;
        options.unit = i < 0 ? -1 : pages[i].unit;
        // A given title is kept and the page named after it; default titles name it anyway.
        options.title = title.empty() || i < 0 ? title : title + " — " + pages[i].name;
        const std::string& path = paths[size_t(i + 1)];
        const render::ExportResult r = exporter.export_png(options, path);
        std::cout << describe_written(path, r) << "\n";
        // A page whose xã have no assessment on the date says so on the map; say it here too.
        warn_if_no_data(ds, path, r, options.date);
    }
    return 0;
}

void add_atlas_command(CommandTable& table) {
    CLI::App* c = table.add("atlas", "A folder of maps: the province, then each district (or commune after the 2025 reform)",
                            run_atlas);
    value(c, "--out-dir", "DIR", "the folder to write (made when missing)");
    value(c, "--pattern", "NAME.png", "file names: {n} number, {name} slug, {code}, {date} (default {n}_{name}.png)");
    date_value(c, "--date", "the day shown (default: the data's last date with assessments)");
    add_export_options(c);
}

}  // namespace ntm::app
