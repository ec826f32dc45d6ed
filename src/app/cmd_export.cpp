// `export`: one map image (or a series of dated frames) as a georeferenced PNG, without a display.
#include "app/cmd_export.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include <CLI/CLI.hpp>

#include "app/commands.h"
#include "app/data_source.h"
#include "ui/headless_gl.h"
#include "core/error.h"
#include "core/filters.h"
#include "core/text.h"
#include "io/crs_wkt.h"
#include "io/district_dissolve.h"

namespace fs = std::filesystem;

namespace ntm::app {
namespace {

bool ends_with_png(const std::string& path) {
    const std::string ext = fs::path(path).extension().string();
    return ext.size() == 4 && (ext[1] == 'p' || ext[1] == 'P') && (ext[2] == 'n' || ext[2] == 'N') &&
           (ext[3] == 'g' || ext[3] == 'G');
}

void check_writable_dir(const fs::path& dir, const std::string& what) {
    std::error_code ec;
    if (!fs::exists(dir, ec)) throw Error(what + ": the folder " + dir.string() + " does not exist");
    if (!fs::is_directory(dir, ec)) throw Error(what + ": " + dir.string() + " is not a folder");
    if (access(dir.c_str(), W_OK) != 0) throw Error(what + ": the folder " + dir.string() + " is not writable");
}

// End of each month (or year) from `from` to `to`, the last clamped to `to`: the dates
// time_series() and the app's playback step through.
std::vector<Date> frame_dates(Date from, Date to, Step step) {
    std::vector<Date> out;
    Date at = step == Step::Month ? last_day_of_month(from.year(), from.month()) : Date::from_ymd(from.year(), 12, 31);
    while (true) {
        out.push_back(at > to ? to : at);
        if (at >= to) break;
        if (step == Step::Month) {
            const Date next = add_months(at, 1);
            at = last_day_of_month(next.year(), next.month());
        } else {
            at = Date::from_ymd(at.year() + 1, 12, 31);
        }
    }
    return out;
}

// NTM_EXPORT_TIMING=1: seconds per stage on stderr (from process start, so dynamic loading
// shows as the first stage), to see where an export's time goes.
class StageTimer {
public:
    StageTimer() : on_(std::getenv("NTM_EXPORT_TIMING") != nullptr), last_(std::chrono::steady_clock::now()) {
        if (!on_) return;
        // Field 22 of /proc/self/stat: start time in clock ticks after boot; /proc/uptime: now.
        std::ifstream stat("/proc/self/stat"), up("/proc/uptime");
        std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
        const size_t close = text.rfind(')');
        double uptime = 0;
        up >> uptime;
        if (close == std::string::npos) return;
        std::istringstream rest(text.substr(close + 2));
        std::string field;
        for (int i = 3; i <= 22 && rest >> field; ++i)
            if (i == 22) std::fprintf(stderr, "timing: %-28s %.3f s\n", "process start to main",
                                      uptime - std::stod(field) / double(sysconf(_SC_CLK_TCK)));
    }
    void stage(const char* what) {
        if (!on_) return;
        const auto now = std::chrono::steady_clock::now();
        std::ifstream status("/proc/self/status");
        std::string line, rss = "?", peak = "?";
        while (std::getline(status, line)) {
            if (line.rfind("VmRSS:", 0) == 0) rss = std::to_string(std::stol(line.substr(6)) / 1024);
            if (line.rfind("VmHWM:", 0) == 0) peak = std::to_string(std::stol(line.substr(6)) / 1024);
        }
        const std::clock_t cpu = std::clock();
        std::fprintf(stderr, "timing: %-28s %.3f s   (CPU %.3f s)   RSS %s MiB, peak %s MiB\n", what,
                     std::chrono::duration<double>(now - last_).count(), double(cpu - last_cpu_) / CLOCKS_PER_SEC,
                     rss.c_str(), peak.c_str());
        last_ = now;
        last_cpu_ = cpu;
    }

private:
    bool on_;
    std::chrono::steady_clock::time_point last_;
    std::clock_t last_cpu_ = std::clock();
};

}  // namespace

void add_export_options(CLI::App* c) {
    data_options(c);
    // Checked by parse_export_options, which names the presets.
    value(c, "--size", "WxH", "image size in pixels (default 1920x1080)");
    value(c, "--preset", "hd|4k|a4-300|a3-300", "a named image size (a4-300: A4 landscape at 300 dpi)");
    value(c, "--dpi", "N", "resolution recorded in the PNG; text and lines scale with it (10..2400)");
    value(c, "--title", "TEXT", "the map's title (default: names the scope and date)");
    value(c, "--source", "TEXT", "the map's source line (default: the dataset's source)");
    lang_value(c);
    flag(c, "--map-only", "the map alone, without title, legend and notes");
}

render::ExportOptions parse_export_options(const Args& args, const std::string& command) {
    render::ExportOptions o;
    const auto size = args.get("size"), preset = args.get("preset");
    if (size && preset) throw Error(command + ": give either --size or --preset, not both");
    render::ExportSize s{1920, 1080, 96};
    if (preset) {
        const auto p = render::export_preset(*preset);
        if (!p) throw Error("--preset: unknown preset '" + *preset + "' (use hd, 4k, a4-300 or a3-300)");
        s = *p;
    } else if (size) {
        s = render::parse_export_size(*size);
    }
    o.width = s.width;
    o.height = s.height;
    o.dpi = s.dpi;
    if (args.get("dpi")) {
        const int dpi = args.integer("dpi", 96);
        if (dpi < 10 || dpi > 2400) throw Error("--dpi: " + std::to_string(dpi) + " is outside 10..2400");
        o.dpi = dpi;
    }
    const std::string lang = args.get_or("lang", "vi");
    if (lang != "vi" && lang != "en") throw Error("--lang: '" + lang + "' is not a language (use vi or en)");
    o.vietnamese = lang != "en";
    o.title = args.get_or("title", "");
    if (!o.title.empty() && !is_valid_utf8(o.title)) throw Error("--title: not valid UTF-8 text");
    o.source = args.get_or("source", "");
    o.decorations = !args.has("map-only");
    o.date = args.date().value_or(Date{});  // without --date: the data's last date, set once it is read
    return o;
}

void apply_default_date(const Args& args, const Dataset& dataset, render::ExportOptions& o) {
    if (!args.get("date")) o.date = default_date(dataset);
    if (const auto last = dataset.last_data_date(); last && o.date > *last)
        std::cerr << "warning: " << o.date.iso() << " is after the last assessment in the data (" << last->iso()
                  << "); the map shows the state of that day\n";
    else if (!last)
        std::cerr << "warning: the data has no assessments; every xã is drawn as \"no data\"\n";
}

void warn_if_no_data(const Dataset& dataset, const std::string& path, const render::ExportResult& r, Date date) {
    if (dataset.last_data_date() && r.summary.xa_total > 0 && r.summary.xa_with_data == 0)
        std::cerr << "warning: " << path << ": no xã shown has an assessment on " << date.iso()
                  << " (the map says \"Chưa có dữ liệu đánh giá\")\n";
}

int resolve_district(const Dataset& dataset, const std::string& text, const std::string& command, Date date) {
    if (dataset.districts(date).empty())
        throw Error(command + ": unknown district '" + text + "' (the units in force on " + date.iso() +
                    " have no districts)");
    const std::vector<District> all = dataset.districts();
    const std::optional<District> found = find_district(dataset, text);
    if (found) {
        const std::string key = district_key(*found);
        for (size_t i = 0; i < all.size(); ++i)
            if (district_key(all[i]) == key) return static_cast<int>(i);
    }
    std::string examples;
    for (size_t i = 0; i < all.size() && i < 3; ++i)
        examples += (i ? ", " : "") + all[i].name + (all[i].code.empty() ? "" : " (" + all[i].code + ")");
    throw Error(command + ": unknown district '" + text + "' (give a district code or name, e.g. " + examples +
                (all.size() > 3 ? ", …" : "") + ")");
}

void prepare_out_dir(const std::string& dir, const std::string& command) {
    if (dir.empty()) throw Error(command + ": --out-dir is empty");
    std::error_code ec;
    if (!fs::exists(dir, ec)) {
        fs::create_directories(dir, ec);
        if (ec) throw Error("--out-dir: " + dir + " cannot be created (" + ec.message() + ")");
    }
    check_writable_dir(dir, "--out-dir");
}

void check_out_file(const std::string& path, const std::string& command) {
    if (path.empty()) throw Error(command + ": --out is empty");
    if (!ends_with_png(path)) throw Error("--out: '" + path + "' must name a .png file");
    const fs::path parent = fs::path(path).parent_path();
    check_writable_dir(parent.empty() ? fs::path(".") : parent, "--out");
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw Error("--out: " + path + " is a folder");
}

void use_dissolved_outlines_if_needed(render::MapExporter& exporter, const io::DatasetFile& data) {
    if (auto rings = io::district_outlines_if_unshared(data.dataset, data.geometry); !rings.empty())
        exporter.set_district_outlines(std::move(rings));
}

std::string describe_written(const std::string& path, const render::ExportResult& r) {
    char dpi[32];
    std::snprintf(dpi, sizeof dpi, "%g", r.dpi);
    return path + " (" + std::to_string(r.width) + "×" + std::to_string(r.height) + ", " + dpi + " dpi)";
}

int run_export(const Args& args) {
    StageTimer timer;

    // Everything that can be checked without the data first, so mistakes fail fast.
    render::ExportOptions options = parse_export_options(args, "export");
    const bool series = args.get("from") || args.get("to") || args.get("step") || args.get("out-dir");
    std::vector<Date> dates;
    std::string out_dir, out;
    if (series) {
        if (args.get("out")) throw Error("export: --out names one image; a series (--from/--to) takes --out-dir");
        if (args.get("date")) throw Error("export: --date names one image; a series takes --from and --to");
        const auto from = args.date("from"), to = args.date("to");
        if (!from || !to) throw Error("export: a series needs both --from and --to (YYYY-MM-DD)");
        if (*to < *from) throw Error("export: --to " + to->iso() + " is before --from " + from->iso());
        const std::string step = args.get_or("step", "month");
        if (step != "month" && step != "year") throw Error("--step: '" + step + "' is not a step (use month or year)");
        dates = frame_dates(*from, *to, step == "year" ? Step::Year : Step::Month);
        if (dates.size() > 2000)
            throw Error("export: " + std::to_string(dates.size()) + " frames is too many (at most 2000; use --step year)");
        if (!args.get("out-dir")) throw Error("export: a series needs --out-dir DIR");
        out_dir = *args.get("out-dir");
        prepare_out_dir(out_dir, "export");
    } else {
        if (!args.get("out")) throw Error("export: --out FILE.png is required");
        out = *args.get("out");
        check_out_file(out, "export");
    }

    const io::DatasetFile data = open_data(args);
    timer.stage("reading the data");
    apply_default_date(args, data.dataset, options);
    if (const auto district = args.get("district"))
        options.district = resolve_district(data.dataset, *district, "export", options.date);

    if (!data.geometry.crs_wkt.empty()) options.prj = io::prj_wkt(data.geometry.crs_wkt);

    ui::HeadlessGl gl;
    timer.stage("OpenGL context");
    render::MapExporter exporter(data.dataset, data.geometry);
    timer.stage("renderer (shaders, upload)");
    use_dissolved_outlines_if_needed(exporter, data);
    timer.stage("district outlines");
    if (!series) {
        const render::ExportResult r = exporter.export_png(options, out);
        timer.stage("drawing and PNG");
        std::cout << describe_written(out, r) << "\n";
        warn_if_no_data(data.dataset, out, r, options.date);
        return 0;
    }
    options.world_file = false;  // frames are for slides and animations, not for GIS
    for (size_t i = 0; i < dates.size(); ++i) {
        options.date = dates[i];
        char name[64];
        std::snprintf(name, sizeof name, "frame_%04zu_%s.png", i + 1, dates[i].iso().c_str());
        const std::string path = (fs::path(out_dir) / name).string();
        const render::ExportResult r = exporter.export_png(options, path);
        std::cout << describe_written(path, r) << "\n";
        warn_if_no_data(data.dataset, path, r, options.date);
    }
    return 0;
}

void add_export_command(CommandTable& table) {
    CLI::App* c = table.add("export", "One map image (georeferenced PNG), or a series of dated frames", run_export);
    value(c, "--out", "FILE.png", "the image to write (with FILE.pgw and FILE.prj)");
    date_value(c, "--date", "the day shown (default: the data's last date with assessments)");
    value(c, "--district", "NAME|CODE", "zoom to one district");
    date_value(c, "--from", "first day of a series");
    date_value(c, "--to", "last day of a series");
    choice_value(c, "--step", {"month", "year"}, "a series' step (default month)");
    value(c, "--out-dir", "DIR", "the folder of a series' frames");
    add_export_options(c);
}

}  // namespace ntm::app
