// `import`: boundaries plus tables into one dataset GeoPackage.
//
// One --boundaries makes one boundary version for all time, as it always did. Several make
// several versions, in the order given (oldest first): each --boundaries (or --units, a code list
// without geometry) starts a version, and --valid-from, --valid-to, --version-id, --version-name
// and --lineage after it apply to that version. --lineage names a merger list whose new units are
// that version's and whose predecessors are the previous version's.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include <CLI/CLI.hpp>

#include "app/commands.h"
#include "app/data_source.h"
#include "core/error.h"
#include "core/format.h"
#include "core/lineage_match.h"
#include "io/lineage_table.h"
#include "io/table_import.h"
#include "io/tables.h"

namespace fs = std::filesystem;

namespace ntm::app {
namespace {

// Options of one boundary version: they follow its --boundaries.
const std::set<std::string> kVersionOptions = {"valid-from", "valid-to", "version-id", "version-name", "lineage"};
// How to read a boundary file: before the first --boundaries for every version, after one for
// that version alone (the 2009 and 2025 files name their fields differently).
const std::set<std::string> kReadOptions = {"layer", "code-field", "name-field", "kind-field", "district-field",
                                            "district-code-field", "encoding", "source-crs"};

struct VersionArgs {
    std::string source;
    bool geometry = true;              // --boundaries; false for --units (a code list)
    std::vector<std::pair<std::string, std::string>> read;  // read options: the shared ones, then its own
    std::map<std::string, std::string> own;  // version options
};

std::vector<VersionArgs> version_args(const Args& args) {
    std::vector<std::pair<std::string, std::string>> shared;
    std::vector<VersionArgs> out;
    for (const auto& [name, value] : args.options()) {
        if (name == "boundaries" || name == "units") {
            out.push_back({value, name == "boundaries", shared, {}});
        } else if (kVersionOptions.count(name)) {
            if (out.empty()) throw Error("import: --" + name + " must follow the --boundaries it applies to");
            if (name == "lineage" && out.size() == 1)
                throw Error("import: --lineage " + value + " follows the first --boundaries; give it after the " +
                            "--boundaries of the version its new units belong to");
            if (!out.back().own.emplace(name, value).second)
                throw Error("import: --" + name + " is given twice for " + out.back().source);
        } else if (kReadOptions.count(name)) {
            auto& read = out.empty() ? shared : out.back().read;
            read.emplace_back(name, value);
        }
    }
    return out;
}

std::optional<Date> option_date(const VersionArgs& v, const std::string& name) {
    const auto it = v.own.find(name);
    if (it == v.own.end()) return std::nullopt;
    const auto d = parse_date(it->second);
    if (!d) throw Error("import: --" + name + ": '" + it->second + "' is not a date (use YYYY-MM-DD)");
    return d;
}

// "langson_communes_2025.geojson" -> "langson_communes_2025"; "x.geojson.gz" -> "x".
std::string file_stem(const std::string& source) {
    fs::path p = fs::path(source).filename();
    static const std::set<std::string> known = {".gz", ".zip", ".geojson", ".json", ".shp", ".gpkg", ".csv",
                                                ".xlsx", ".ods", ".kml", ".fgb", ".tab", ".mif"};
    while (p.has_extension() && known.count(p.extension().string())) p = p.stem();
    return p.string();
}

std::string version_name(const BoundaryVersion& v) {
    const std::string prefix = "Đơn vị hành chính";
    if (v.valid_from && v.valid_to)
        return prefix + " " + format_date(*v.valid_from, true) + " – " + format_date(*v.valid_to, true);
    if (v.valid_from) return prefix + " từ " + format_date(*v.valid_from, true);
    if (v.valid_to) return prefix + " đến " + format_date(*v.valid_to, true);
    return prefix;
}

std::string version_dates(const BoundaryVersion& v) {
    if (v.valid_from && v.valid_to) return v.valid_from->iso() + " to " + v.valid_to->iso();
    if (v.valid_from) return "from " + v.valid_from->iso();
    if (v.valid_to) return "until " + v.valid_to->iso();
    return "all dates";
}

// Adjacent versions meet: one's end is the day before the next one's start. A date given on one
// side gives the other; dates given on both sides must not overlap.
void settle_dates(std::vector<BoundaryVersion>& versions) {
    for (size_t i = 1; i < versions.size(); ++i) {
        BoundaryVersion &a = versions[i - 1], &b = versions[i];
        if (b.valid_from && !a.valid_to) a.valid_to = Date{b.valid_from->days - 1};
        if (a.valid_to && !b.valid_from) b.valid_from = Date{a.valid_to->days + 1};
        if (!a.valid_to)
            throw Error("import: boundary versions '" + a.id + "' and '" + b.id + "' need a date between them (give " +
                        "--valid-to after the first --boundaries or --valid-from after the second)");
        if (*b.valid_from <= *a.valid_to)
            throw Error("import: boundary version '" + b.id + "' begins on " + b.valid_from->iso() + ", before '" + a.id +
                        "' ends on " + a.valid_to->iso() + " (give the versions oldest first)");
    }
    for (BoundaryVersion& v : versions)
        if (v.valid_from && v.valid_to && *v.valid_to < *v.valid_from)
            throw Error("import: boundary version '" + v.id + "' ends on " + v.valid_to->iso() + ", before it begins on " +
                        v.valid_from->iso());
}

// One line for every name of a merger list that did not resolve.
std::string describe_problems(const std::string& file, const std::vector<MergerRow>& rows,
                              const std::vector<MatchProblem>& problems, const std::string& from_id) {
    std::string out = std::to_string(problems.size()) + (problems.size() == 1 ? " name" : " names") + " in " + file +
                      " did not match the units of boundary version '" + from_id + "': ";
    for (size_t i = 0; i < problems.size(); ++i) {
        const MatchProblem& p = problems[i];
        const MergerRow& r = rows[p.row];
        out += (i ? "; " : "") + std::string("row ") + std::to_string(r.line) + " (" + r.new_code +
               (r.new_name.empty() ? "" : " " + r.new_name) + "): '" + p.name + "' — " + p.reason;
        if (!p.candidates.empty()) {
            out += " (";
            for (size_t c = 0; c < p.candidates.size(); ++c) out += (c ? ", " : "") + p.candidates[c];
            out += ")";
        }
    }
    return out + "; nothing written";
}

// The output must not be one of the inputs: saving would replace the file being read. Compared
// as files (device and inode), so another spelling of the path or a link is caught too.
void refuse_output_among_inputs(const Args& args, const std::string& out) {
    std::error_code ec;
    if (!fs::exists(out, ec)) return;
    for (const auto& [name, value] : args.options()) {
        if (name == "out") continue;
        std::string path = value;
        if (path.rfind("/vsigzip/", 0) == 0) path = path.substr(9);
        if (fs::exists(path, ec) && fs::equivalent(path, out, ec))
            throw Error("import: --out " + out + " is also --" + name + " " + value +
                        " (write the dataset to another file); nothing written");
    }
}

}  // namespace

int run_import(const Args& args) {
    const auto out = args.get("out");
    if (!out) throw Error("import: --out D.gpkg is required");
    refuse_output_among_inputs(args, *out);
    const std::vector<VersionArgs> specs = version_args(args);
    if (specs.empty() || std::none_of(specs.begin(), specs.end(), [](const VersionArgs& v) { return v.geometry; }))
        throw Error("import: --boundaries SOURCE is required");
    // One --boundaries and no version options: one version for all time, exactly as before.
    const bool single = specs.size() == 1 && specs.front().own.empty();

    // Every version in one display CRS: the first with geometry chooses it (or --display-crs),
    // the others are reprojected to it.
    std::vector<io::LoadedBoundaries> loaded(specs.size());
    std::string display_crs = args.get_or("display-crs", "");
    auto load = [&](size_t i) {
        io::LoadOptions o = boundary_options(Args(specs[i].read), specs[i].source);
        o.display_crs = display_crs;
        o.check_topology = false;
        loaded[i] = io::load_boundaries(o);
    };
    size_t first = 0;
    while (!specs[first].geometry) ++first;
    load(first);
    display_crs = loaded[first].geometry.crs_wkt;
    for (size_t i = 0; i < specs.size(); ++i)
        if (i != first && specs[i].geometry) load(i);
    for (size_t i = 0; i < specs.size(); ++i)
        if (!specs[i].geometry) {
            loaded[i].units = io::read_unit_list(specs[i].source);
            loaded[i].geometry.shapes.resize(loaded[i].units.size());
        }

    Dataset d;
    geo::MapGeometry geometry;
    if (!single) d.versions.clear();
    std::string sources;
    for (size_t i = 0; i < specs.size(); ++i) {
        const VersionArgs& s = specs[i];
        if (!single) {
            BoundaryVersion v;
            v.id = s.own.count("version-id") ? s.own.at("version-id") : file_stem(s.source);
            v.valid_from = option_date(s, "valid-from");
            v.valid_to = option_date(s, "valid-to");
            for (const BoundaryVersion& other : d.versions)
                if (other.id == v.id)
                    throw Error("import: two boundary versions are called '" + v.id + "' (name them with --version-id)");
            d.versions.push_back(std::move(v));
        }
        // A code list says nothing of grouping; its units have districts when it names them.
        d.versions[i].grouping = s.geometry ? loaded[i].grouping : Grouping::District;
        for (Unit& u : loaded[i].units) {
            u.version = static_cast<int>(i);
            d.units.push_back(std::move(u));
        }
        for (geo::MultiPolygon& shape : loaded[i].geometry.shapes) geometry.shapes.push_back(std::move(shape));
        if (geometry.crs_wkt.empty() && s.geometry) {
            geometry.crs_wkt = loaded[i].geometry.crs_wkt;
            geometry.crs_name = loaded[i].geometry.crs_name;
        }
        sources += (sources.empty() ? "" : ", ") + s.source;
    }
    if (!single) {
        settle_dates(d.versions);
        for (size_t i = 0; i < specs.size(); ++i)
            d.versions[i].name = specs[i].own.count("version-name") ? specs[i].own.at("version-name")
                                                                    : version_name(d.versions[i]);
    }
    d.info.title = args.get_or("title", single ? fs::path(specs.front().source).stem().string()
                                               : file_stem(specs.back().source));
    d.info.source = sources;
    d.reindex();

    // Lineage: the merger list of each version against the version before it. Every name must
    // resolve, or nothing is written.
    std::vector<std::string> notes;
    size_t grouped = 0;
    for (size_t i = 0; i < specs.size(); ++i) {
        const auto it = specs[i].own.find("lineage");
        if (it == specs[i].own.end()) continue;
        const std::string file = fs::path(it->second).filename().string();
        const std::vector<MergerRow> rows = io::read_merger_table(it->second);
        const LineageMatch m = match_lineage(d, rows, static_cast<int>(i - 1), static_cast<int>(i),
                                             *d.versions[i].valid_from, file);
        if (!m.problems.empty())
            throw Error("import: " + describe_problems(file, rows, m.problems, d.versions[i - 1].id));
        std::set<int> linked_from, linked_to;
        for (const LineageLink& l : m.links) {
            linked_from.insert(l.from);
            linked_to.insert(l.to);
        }
        d.lineage.insert(d.lineage.end(), m.links.begin(), m.links.end());
        // Not errors (a unit may be unchanged by a reform), but worth saying.
        int old_units = 0, new_units = 0;
        for (size_t u = 0; u < d.units.size(); ++u) {
            old_units += d.units[u].version == int(i - 1) && !linked_from.count(int(u));
            new_units += d.units[u].version == int(i) && !linked_to.count(int(u));
        }
        if (new_units) notes.push_back(std::to_string(new_units) + " units of '" + d.versions[i].id + "' are not in " + file);
        if (old_units)
            notes.push_back(std::to_string(old_units) + " units of '" + d.versions[i - 1].id + "' are named by no row of " + file);
    }

    // Tables through the same API as the app's import dialog (io/table_import.h): every unmatched
    // name is reported at once, and nothing is written unless --skip-unmatched.
    io::TableImportOptions table_options;
    table_options.date = args.date("date");
    table_options.skip_unmatched = args.has("skip-unmatched");
    if (const auto sheet = args.get("sheet")) table_options.sheet = *sheet;
    table_options.all_sheets = args.has("all-sheets");
    if (table_options.all_sheets && !table_options.sheet.empty())
        throw Error("import: give --sheet or --all-sheets, not both");
    std::vector<std::string> table_lines;
    auto import_one = [&](const std::string& path, io::TableKind kind) {
        table_options.kind = kind;
        io::TableImportResult r = io::import_table(path, d, table_options);
        const io::TablePreview& p = r.preview;
        std::string line = std::string(io::table_kind_id(p.kind)) + " " + path + ": ";
        if (p.date) line += p.date->iso() + " (" + p.date_from + ")";
        else line += "dates per row (" + p.date_from + ")";
        if (!p.version_id.empty()) line += ", boundary version '" + p.version_id + "'";
        line += ", " + std::to_string(p.matched) + " of " + std::to_string(p.rows_read) + " rows matched";
        const io::SkippedRows& k = p.skipped;
        if (k.heading + k.total + k.note + k.signature + k.other + k.title > 0)
            line += "; skipped " + std::to_string(k.title) + " title, " + std::to_string(k.heading) + " heading, " +
                    std::to_string(k.total) + " total, " + std::to_string(k.note) + " note, " +
                    std::to_string(k.signature) + " signature, " + std::to_string(k.other) + " other rows";
        table_lines.push_back(line);
        for (const std::string& w : p.warnings) std::cerr << "warning: " << w << "\n";
        for (const io::NameProblem& n : p.unmatched) std::cerr << "left out: " << n.message() << "\n";
        return r;
    };
    // Each table option may be given more than once (the 2024 annex of the old communes and the
    // 2026 one of the new): all are read; two giving the same unit and day are refused.
    for (const char* option : {"attainment", "recognitions", "events"}) {
        const std::vector<std::string> files = args.get_all(option);
        for (size_t i = 0; i < files.size(); ++i)
            if (std::find(files.begin(), files.begin() + i, files[i]) != files.begin() + i)
                throw Error("import: --" + std::string(option) + " " + files[i] + " is given twice; nothing written");
    }
    std::map<std::pair<std::string, int32_t>, std::string> observed;  // (unit, day) -> table
    for (const std::string& t : args.get_all("attainment")) {
        io::TableImportResult r = import_one(t, io::TableKind::Attainment);
        for (const Observation& o : r.observations) {
            const auto [it, fresh] = observed.emplace(std::make_pair(o.unit_code, o.date.days), t);
            if (!fresh && it->second != t)
                throw Error("import: " + t + " and " + it->second + " both give unit " + o.unit_code + " on " +
                            o.date.iso() + "; nothing written");
        }
        d.observations.insert(d.observations.end(), r.observations.begin(), r.observations.end());
        for (const auto& [unit, group] : r.commune_groups) d.units[unit].commune_group = group;
        grouped += r.commune_groups.size();
    }
    // By default each observation is of the set in force on its date; --criteria-set names one.
    if (const auto id = args.get("criteria-set")) {
        const std::string set = criteria_set_by_id(*id).id;
        for (Observation& o : d.observations) o.criteria_set = set;
    }
    // Commune groups (nhóm 1, 2, 3): from --groups too.
    if (const auto t = args.get("groups")) {
        const auto groups = io::read_commune_groups(*t, d);
        for (const auto& [unit, group] : groups) d.units[unit].commune_group = group;
        grouped += groups.size();
    }
    for (const std::string& t : args.get_all("recognitions")) {
        const std::vector<Recognition> r = import_one(t, io::TableKind::Recognitions).recognitions;
        d.recognitions.insert(d.recognitions.end(), r.begin(), r.end());
    }
    for (const std::string& t : args.get_all("events")) {
        const std::vector<Event> e = import_one(t, io::TableKind::Events).events;
        d.events.insert(d.events.end(), e.begin(), e.end());
    }
    io::save_dataset(*out, d, geometry);

    size_t repairs = 0;
    for (const io::LoadedBoundaries& l : loaded) repairs += l.report.repairs.size();
    if (single) {
        std::cout << "Wrote " << *out << ": " << d.units.size() << " units, " << d.observations.size()
                  << " observations, " << d.recognitions.size() << " recognitions, " << d.events.size()
                  << " events; " << repairs << " repairs (see `ntm-atlas check " << specs.front().source << "`)\n";
        if (grouped) std::cout << "Commune groups set for " << grouped << " units\n";
        for (const std::string& l : table_lines) std::cout << l << "\n";
        return 0;
    }
    std::cout << "Wrote " << *out << ": " << d.units.size() << " units in " << d.versions.size() << " boundary versions (";
    for (size_t i = 0; i < d.versions.size(); ++i) {
        int n = 0;
        for (const Unit& u : d.units) n += u.version == int(i);
        std::cout << (i ? "; " : "") << d.versions[i].id << ", " << version_dates(d.versions[i]) << ": " << n;
    }
    std::cout << "), " << d.lineage.size() << " lineage links, " << d.observations.size() << " observations, "
              << d.recognitions.size() << " recognitions, " << d.events.size() << " events; " << repairs
              << " repairs (see `ntm-atlas check` on each boundary file)\n";
    for (const std::string& n : notes) std::cout << "note: " << n << "\n";
    for (const std::string& l : table_lines) std::cout << l << "\n";
    return 0;
}

void add_import_command(CommandTable& table) {
    CLI::App* c = table.add("import", "Boundaries and tables into one dataset GeoPackage (options after a "
                            "--boundaries apply to that boundary version)", run_import);
    value(c, "--out", "D.gpkg", "the dataset to write (never one of the inputs)");
    value(c, "--boundaries", "SOURCE", "a boundary file; each starts a boundary version, oldest first");
    value(c, "--units", "CODES.csv", "a version's unit list without geometry");
    date_value(c, "--valid-from", "first day of the version before it");
    date_value(c, "--valid-to", "last day of the version before it");
    value(c, "--version-id", "ID", "the version's id (default: the file name)");
    value(c, "--version-name", "TEXT", "the version's name");
    value(c, "--lineage", "MERGER.csv", "merger list: this version's units and their predecessors");
    value(c, "--attainment", "TABLE", "criteria met per unit (CSV, XLSX, ODS; the province's annex layout too; again for more tables)");
    value(c, "--groups", "TABLE", "commune groups (nhóm 1, 2, 3) per unit");
    value(c, "--recognitions", "TABLE", "recognition decisions per unit (again for more tables)");
    value(c, "--events", "TABLE", "dated events (again for more tables)");
    date_value(c, "--date", "the report date of the tables (overrides a date column and the title)");
    flag(c, "--skip-unmatched", "import the rows whose unit matched; list the others on stderr");
    value(c, "--sheet", "NAME", "the workbook's sheet to read (default: the first that holds a table)");
    flag(c, "--all-sheets", "read every sheet that holds a table (a workbook of one sheet per district)");
    value(c, "--title", "TEXT", "the dataset's title (default: the file name)");
    value(c, "--criteria-set", "ID", "the criteria set of every observation, e.g. 2021-2025 or 2026 (default: by date)");
    read_options(c);
}

}  // namespace ntm::app
