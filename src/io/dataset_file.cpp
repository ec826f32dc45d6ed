#include "io/dataset_file.h"

#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <filesystem>
#include <functional>

#include "core/error.h"
#include "core/text.h"
#include "io/crs.h"
#include "io/gdal_session.h"
#include "io/ogr_convert.h"

namespace fs = std::filesystem;

namespace ntm::io {
namespace {

// 2: boundary versions, lineage, criteria sets by date with indicators, commune groups.
constexpr const char* kFormat = "ntm-atlas-dataset-2";

std::string date_text(const std::optional<Date>& d) { return d ? d->iso() : ""; }

std::string join_ints(const std::vector<int>& values) {
    std::string out;
    for (int v : values) out += (out.empty() ? "" : ",") + std::to_string(v);
    return out;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : ",") + s;
    return out;
}

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size() && !s.empty()) {
        const size_t comma = s.find(',', start);
        out.push_back(trim(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

struct Column {
    const char* name;
    OGRFieldType type;
    int since = 1;  // the first format version that has it
};

struct Table {
    const char* name;
    std::vector<Column> columns;
    int since = 1;
};

// The schema the project writes, which is also what a file must have to be opened.
const std::vector<Table>& schema() {
    static const std::vector<Table> tables = {
        {"units", {{"code", OFTString}, {"name", OFTString}, {"kind", OFTString}, {"district_code", OFTString},
                   {"district_name", OFTString}, {"tags", OFTString}, {"version", OFTString, 2},
                   {"commune_group", OFTInteger, 2}}},
        {"metadata", {{"key", OFTString}, {"value", OFTString}}},
        {"boundary_versions", {{"id", OFTString}, {"name", OFTString}, {"valid_from", OFTString},
                               {"valid_to", OFTString}, {"grouping", OFTString}}, 2},
        {"lineage", {{"from_code", OFTString}, {"from_version", OFTString}, {"to_code", OFTString},
                     {"to_version", OFTString}, {"date", OFTString}, {"source", OFTString}}, 2},
        {"criteria_sets", {{"id", OFTString}, {"name_vi", OFTString}, {"name_en", OFTString},
                           {"decision", OFTString}, {"decision_date", OFTString}, {"valid_from", OFTString},
                           {"valid_to", OFTString}, {"continues_previous", OFTInteger},
                           {"commune_groups", OFTInteger}, {"levels", OFTString}, {"band_edges", OFTString},
                           {"threshold", OFTInteger}}, 2},
        {"criteria", {{"criteria_set", OFTString}, {"number", OFTInteger}, {"name_vi", OFTString},
                      {"name_en", OFTString}, {"group_vi", OFTString}, {"group_en", OFTString}}, 2},
        {"indicators", {{"criteria_set", OFTString}, {"criterion", OFTInteger}, {"number", OFTString},
                        {"name_vi", OFTString}, {"name_en", OFTString}}, 2},
        {"observations", {{"unit_code", OFTString}, {"criterion", OFTInteger}, {"met", OFTInteger},
                          {"date", OFTString}, {"source", OFTString}, {"indicator", OFTString, 2},
                          {"criteria_set", OFTString, 2}}},
        // year, issuer (from news notices) and note (a table's Ghi chú) are written but not yet required: format-2 files
        // written before them have none (since 3: checked from the next format on).
        {"recognitions", {{"unit_code", OFTString}, {"level", OFTString}, {"date", OFTString},
                          {"decision", OFTString}, {"year", OFTInteger, 3}, {"issuer", OFTString, 3},
                          {"note", OFTString, 3}}},
        {"events", {{"start_date", OFTString}, {"end_date", OFTString}, {"kind", OFTString},
                    {"organiser", OFTString}, {"unit_codes", OFTString}, {"district_codes", OFTString},
                    {"title", OFTString}, {"source", OFTString}, {"participants", OFTInteger}}},
        {"reported_figures", {{"date", OFTString}, {"scope", OFTString}, {"figure", OFTString},
                              {"value", OFTReal}, {"source", OFTString}}},
    };
    return tables;
}

const Table& table_schema(const char* name) {
    for (const Table& t : schema())
        if (std::strcmp(t.name, name) == 0) return t;
    throw Error(std::string("internal: no table '") + name + "' in the dataset schema");
}

OGRLayer* create_table(GDALDataset& ds, const char* name, OGRSpatialReference* srs = nullptr,
                       OGRwkbGeometryType geom = wkbNone) {
    OGRLayer* layer = ds.CreateLayer(name, srs, geom, nullptr);
    if (!layer) throw Error(std::string("cannot create table '") + name + "'");
    for (const Column& c : table_schema(name).columns) {

        OGRFieldDefn f(c.name, c.type);
        if (layer->CreateField(&f) != OGRERR_NONE)
            throw Error(std::string("cannot create column '") + c.name + "' in '" + name + "'");
    }
    return layer;
}

void insert(OGRLayer* layer, const std::function<void(OGRFeature&)>& fill) {
    OGRFeature f(layer->GetLayerDefn());
    fill(f);
    if (layer->CreateFeature(&f) != OGRERR_NONE)
        throw Error(std::string("cannot write a row of '") + layer->GetName() + "'");
}

void write_all(GDALDataset& ds, const Dataset& d, const geo::MapGeometry& g) {
    const auto srs = make_srs(g.crs_wkt, "dataset");
    OGRLayer* units = create_table(ds, "units", srs.get(), wkbMultiPolygon);
    for (size_t i = 0; i < d.units.size(); ++i) {
        const Unit& u = d.units[i];
        insert(units, [&](OGRFeature& f) {
            f.SetField("code", u.code.c_str());
            f.SetField("name", u.name.c_str());
            f.SetField("kind", kind_id(u.kind));
            f.SetField("district_code", u.district_code.c_str());
            f.SetField("district_name", u.district_name.c_str());
            f.SetField("tags", join(u.tags).c_str());
            f.SetField("version", d.versions[u.version].id.c_str());
            f.SetField("commune_group", u.commune_group);
            if (i < g.shapes.size() && !g.shapes[i].parts.empty()) f.SetGeometryDirectly(to_ogr(g.shapes[i]).release());
        });
    }
    OGRLayer* meta = create_table(ds, "metadata");
    auto put = [&](const char* key, const std::string& value) {
        insert(meta, [&](OGRFeature& f) { f.SetField("key", key); f.SetField("value", value.c_str()); });
    };
    put("format", kFormat);
    put("title", d.info.title);
    put("province_code", d.info.province_code);
    put("source", d.info.source);
    put("illustrative", d.info.illustrative ? "yes" : "no");

    OGRLayer* ver = create_table(ds, "boundary_versions");
    for (const BoundaryVersion& v : d.versions)
        insert(ver, [&](OGRFeature& f) {
            f.SetField("id", v.id.c_str());
            f.SetField("name", v.name.c_str());
            f.SetField("valid_from", date_text(v.valid_from).c_str());
            f.SetField("valid_to", date_text(v.valid_to).c_str());
            f.SetField("grouping", grouping_id(v.grouping));
        });
    OGRLayer* lin = create_table(ds, "lineage");
    for (const LineageLink& l : d.lineage)
        insert(lin, [&](OGRFeature& f) {
            f.SetField("from_code", d.units[l.from].code.c_str());
            f.SetField("from_version", d.versions[d.units[l.from].version].id.c_str());
            f.SetField("to_code", d.units[l.to].code.c_str());
            f.SetField("to_version", d.versions[d.units[l.to].version].id.c_str());
            f.SetField("date", l.date.iso().c_str());
            f.SetField("source", l.source.c_str());
        });

    OGRLayer* sets = create_table(ds, "criteria_sets");
    OGRLayer* crit = create_table(ds, "criteria");
    OGRLayer* inds = create_table(ds, "indicators");
    for (const CriteriaSet& set : d.criteria_sets) {
        std::vector<std::string> levels;
        for (Level l : set.levels) levels.push_back(level_id(l));
        std::vector<int> edges;
        for (size_t b = 1; b < set.bands.size(); ++b) edges.push_back(set.bands[b].lo);
        insert(sets, [&](OGRFeature& f) {
            f.SetField("id", set.id.c_str());
            f.SetField("name_vi", set.name_vi.c_str());
            f.SetField("name_en", set.name_en.c_str());
            f.SetField("decision", set.decision.c_str());
            f.SetField("decision_date", set.decision_date.c_str());
            f.SetField("valid_from", set.valid_from.iso().c_str());
            f.SetField("valid_to", date_text(set.valid_to).c_str());
            f.SetField("continues_previous", set.continues_previous ? 1 : 0);
            f.SetField("commune_groups", set.commune_groups ? 1 : 0);
            f.SetField("levels", join(levels).c_str());
            f.SetField("band_edges", join_ints(edges).c_str());
            f.SetField("threshold", set.threshold);
        });
        for (const Criterion& c : set.criteria) {
            insert(crit, [&](OGRFeature& f) {
                f.SetField("criteria_set", set.id.c_str());
                f.SetField("number", c.number);
                f.SetField("name_vi", c.name_vi.c_str());
                f.SetField("name_en", c.name_en.c_str());
                f.SetField("group_vi", c.group_vi.c_str());
                f.SetField("group_en", c.group_en.c_str());
            });
            for (const Indicator& i : c.indicators)
                insert(inds, [&](OGRFeature& f) {
                    f.SetField("criteria_set", set.id.c_str());
                    f.SetField("criterion", c.number);
                    f.SetField("number", i.number.c_str());
                    f.SetField("name_vi", i.name_vi.c_str());
                    f.SetField("name_en", i.name_en.c_str());
                });
        }
    }
    OGRLayer* obs = create_table(ds, "observations");
    for (const Observation& o : d.observations)
        insert(obs, [&](OGRFeature& f) {
            f.SetField("unit_code", o.unit_code.c_str());
            f.SetField("criterion", o.criterion);
            f.SetField("met", o.met ? 1 : 0);
            f.SetField("date", o.date.iso().c_str());
            f.SetField("source", o.source.c_str());
            f.SetField("indicator", o.indicator.c_str());
            f.SetField("criteria_set", o.criteria_set.c_str());
        });
    OGRLayer* rec = create_table(ds, "recognitions");
    for (const Recognition& r : d.recognitions)
        insert(rec, [&](OGRFeature& f) {
            f.SetField("unit_code", r.unit_code.c_str());
            f.SetField("level", level_id(r.level));
            f.SetField("date", r.date.iso().c_str());
            f.SetField("decision", r.decision.c_str());
            f.SetField("year", r.year);
            f.SetField("issuer", r.issuer.c_str());
            f.SetField("note", r.note.c_str());
        });
    OGRLayer* ev = create_table(ds, "events");
    for (const Event& e : d.events)
        insert(ev, [&](OGRFeature& f) {
            f.SetField("start_date", e.start.iso().c_str());
            f.SetField("end_date", e.end.iso().c_str());
            f.SetField("kind", event_kind_id(e.kind));
            f.SetField("organiser", e.organiser.c_str());
            f.SetField("unit_codes", join(e.unit_codes).c_str());
            f.SetField("district_codes", join(e.district_codes).c_str());
            f.SetField("title", e.title.c_str());
            f.SetField("source", e.source.c_str());
            f.SetField("participants", e.participants);
        });
    OGRLayer* fig = create_table(ds, "reported_figures");
    for (const ReportedFigure& r : d.reported)
        insert(fig, [&](OGRFeature& f) {
            f.SetField("date", r.date.iso().c_str());
            f.SetField("scope", r.scope.c_str());
            f.SetField("figure", r.figure.c_str());
            f.SetField("value", r.value);
            f.SetField("source", r.source.c_str());
        });
}

}  // namespace

void save_dataset(const std::string& path, const Dataset& d, const geo::MapGeometry& g) {
    ensure_gdal();
    GdalErrorCapture capture;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver) throw Error("GDAL has no GeoPackage driver");
    const std::string tmp = path + ".tmp-" + std::to_string(getpid());
    fs::remove(tmp);
    try {
        GDALDatasetUniquePtr ds(driver->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) throw Error("cannot create it (" + capture.message() + ")");
        if (ds->StartTransaction() != OGRERR_NONE) throw Error("cannot start a transaction");
        write_all(*ds, d, g);
        if (ds->CommitTransaction() != OGRERR_NONE) throw Error("cannot commit (" + capture.message() + ")");
        ds.reset();  // closes and flushes
        if (!capture.message().empty() && capture.message().find("rror") != std::string::npos)
            throw Error(capture.message());
        fs::rename(tmp, path);
    } catch (const Error& e) {
        fs::remove(tmp);
        throw Error(path + ": " + e.what());
    } catch (const fs::filesystem_error& e) {
        fs::remove(tmp);
        throw Error(path + ": cannot be written (" + e.code().message() + ")");
    }
}

namespace {

// A read error from SQLite ("database disk image is malformed") ends GDAL's iteration as if the
// table were complete: every read is checked, so a damaged file is refused, never read in part.
void check_read(const GdalErrorCapture& capture, const std::string& file, const std::string& what) {
    if (capture.has_error())
        throw Error(file + ": " + what + " cannot be read (" + capture.message() +
                    "); the file is damaged and is left as it is");
}

// Iterates the rows of an attribute table; a table the file's format lacks is an empty one.
void for_rows(GDALDataset& ds, const char* table, const std::function<void(OGRFeature&, int row)>& fn) {
    OGRLayer* layer = ds.GetLayerByName(table);
    if (!layer) return;
    GdalErrorCapture capture;
    layer->ResetReading();
    int row = 1;
    for (OGRFeatureUniquePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature()), ++row) {
        check_read(capture, ds.GetDescription(), std::string("table '") + table + "', row " + std::to_string(row));
        fn(*f, row);
    }
    check_read(capture, ds.GetDescription(), std::string("table '") + table + "' after row " + std::to_string(row - 1));
    if (layer->GetFeatureCount() != row - 1)
        throw Error(std::string(ds.GetDescription()) + ": table '" + table + "' has " +
                    std::to_string(layer->GetFeatureCount()) + " rows but only " + std::to_string(row - 1) +
                    " could be read; the file is damaged and is left as it is");
}

const char* type_name(OGRFieldType t) {
    return t == OFTInteger ? "integer" : t == OFTInteger64 ? "64-bit integer" : t == OFTReal ? "real" : t == OFTString ? "text" : OGRFieldDefn::GetFieldTypeName(t);
}

// One SQL statement whose first row's first column is returned ("" when there is none).
std::string sql_value(GDALDataset& ds, const std::string& sql) {
    OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!result) return "";
    std::string value;
    if (OGRFeatureUniquePtr f{result->GetNextFeature()}; f && f->GetFieldCount() > 0) value = f->GetFieldAsString(0);
    ds.ReleaseResultSet(result);
    return value;
}

// SQLite's quick_check lists its findings one a line under "*** in database main ***": the first
// finding and how many others, so the message stays on one line.
std::string first_problem(const std::string& report) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= report.size()) {
        const size_t end = std::min(report.find('\n', start), report.size());
        std::string line = report.substr(start, end - start);
        if (!line.empty() && line.rfind("***", 0) != 0) lines.push_back(line);
        start = end + 1;
    }
    if (lines.empty()) return "integrity check failed";
    return "integrity check: " + lines.front() +
           (lines.size() == 2 ? " and 1 more problem"
            : lines.size() > 2 ? " and " + std::to_string(lines.size() - 1) + " more problems" : "");
}

// Why GDAL's GPKG driver did not open PATH: an SQLite file it cannot read is damaged; anything
// else is not a GeoPackage at all (GDAL says nothing about a file it merely does not recognise).
std::string open_failure(const std::string& path, const std::string& gdal_message) {
    char header[16] = {};
    if (VSILFILE* f = VSIFOpenL(path.c_str(), "rb")) {
        const size_t n = VSIFReadL(header, 1, sizeof header, f);
        VSIFCloseL(f);
        if (n == sizeof header && std::memcmp(header, "SQLite format 3", 16) == 0)
            return path + ": the SQLite file is damaged (" +
                   (gdal_message.empty() ? std::string("GDAL cannot open it") : gdal_message) + "); it is left as it is";
    }
    return path + ": not a GeoPackage (it is not an SQLite file)";
}

// The file's format version (1 or 2) after checking SQLite's integrity, the metadata and every
// table and column of that format with its type, including the values SQLite's loose typing lets
// through (text in an integer column). Throws naming what is wrong.
int check_schema(GDALDataset& ds, const std::string& path) {
    GdalErrorCapture capture;
    const std::string integrity = sql_value(ds, "PRAGMA quick_check");
    if (capture.has_error() || integrity != "ok")
        throw Error(path + ": the SQLite file is damaged (" +
                    (capture.has_error() ? capture.message() : first_problem(integrity)) + "); it is left as it is");
    std::vector<std::string> missing;
    for (const Table& t : schema())
        if (!ds.GetLayerByName(t.name) && t.since == 1) missing.push_back(t.name);
    if (!missing.empty())
        throw Error(path + ": not an NTM Atlas dataset (missing table" + (missing.size() > 1 ? "s " : " ") +
                    join(missing) + "); open boundary files with --boundaries");
    std::string format;
    for_rows(ds, "metadata", [&](OGRFeature& f, int) {
        if (std::string(f.GetFieldAsString("key")) == "format") format = f.GetFieldAsString("value");
    });
    int version = 0;
    if (format == "ntm-atlas-dataset-1") version = 1;
    else if (format == kFormat) version = 2;
    else if (format.empty()) throw Error(path + ": not an NTM Atlas dataset (the metadata table has no 'format' key)");
    else throw Error(path + ": dataset format '" + format + "' is not one this version reads (" + kFormat + " or older)");
    for (const Table& t : schema()) {
        if (t.since > version) continue;
        OGRLayer* layer = ds.GetLayerByName(t.name);
        if (!layer) missing.push_back(t.name);
        if (!layer) continue;
        OGRFeatureDefn* defn = layer->GetLayerDefn();
        for (const Column& c : t.columns) {
            if (c.since > version) continue;
            const int i = defn->GetFieldIndex(c.name);
            const std::string where = path + ", table '" + t.name + "', column '" + c.name + "'";
            if (i < 0) throw Error(where + ": missing");
            const OGRFieldType type = defn->GetFieldDefn(i)->GetType();
            const bool integer = c.type == OFTInteger && (type == OFTInteger || type == OFTInteger64);
            if (type != c.type && !integer)
                throw Error(where + ": is " + type_name(type) + ", not " + type_name(c.type));
            const char* allowed = c.type == OFTString ? "'text'" : c.type == OFTReal ? "'real','integer'" : "'integer'";
            const std::string bad = sql_value(ds, std::string("SELECT quote(\"") + c.name + "\") FROM \"" + t.name +
                                                      "\" WHERE typeof(\"" + c.name + "\") NOT IN (" + allowed +
                                                      ",'null') LIMIT 1");
            if (!bad.empty())
                throw Error(where + ": value " + bad + " is not " + (c.type == OFTString ? "text" : "a number"));
        }
    }
    if (!missing.empty())
        throw Error(path + ": dataset format " + std::to_string(version) + " needs table" +
                    (missing.size() > 1 ? "s " : " ") + join(missing) + ", which the file lacks");
    return version;
}

Date date_field(OGRFeature& f, const char* field, const std::string& where) {
    const char* text = f.GetFieldAsString(field);
    const auto d = parse_date(text);
    if (!d) throw Error(where + ", column " + field + ": '" + text + "' is not a date (YYYY-MM-DD)");
    return *d;
}

std::optional<Date> optional_date(OGRFeature& f, const char* field, const std::string& where) {
    if (f.GetFieldIndex(field) < 0 || std::string(f.GetFieldAsString(field)).empty()) return std::nullopt;
    return date_field(f, field, where);
}

int version_index(const Dataset& d, const std::string& id) {
    for (size_t i = 0; i < d.versions.size(); ++i)
        if (d.versions[i].id == id) return static_cast<int>(i);
    return -1;
}

// Format 1 files have no versions: one version for all time, as before.
void read_versions(GDALDataset& ds, const std::string& file, Dataset& d) {
    if (!ds.GetLayerByName("boundary_versions")) return;
    d.versions.clear();
    for_rows(ds, "boundary_versions", [&](OGRFeature& f, int row) {
        const std::string where = file + ", boundary_versions row " + std::to_string(row);
        BoundaryVersion v;
        v.id = f.GetFieldAsString("id");
        v.name = f.GetFieldAsString("name");
        v.valid_from = optional_date(f, "valid_from", where);
        v.valid_to = optional_date(f, "valid_to", where);
        v.grouping = grouping_from_id(f.GetFieldAsString("grouping"));
        if (version_index(d, v.id) >= 0) throw Error(where + ": boundary version '" + v.id + "' appears twice");
        d.versions.push_back(std::move(v));
    });
    if (d.versions.empty()) throw Error(file + ": the 'boundary_versions' table is empty");
}

// Format 1 files name one set in their metadata; they get the national sets by date.
void read_criteria_sets(GDALDataset& ds, const std::string& file, Dataset& d) {
    if (!ds.GetLayerByName("criteria_sets")) return;
    d.criteria_sets.clear();
    for_rows(ds, "criteria_sets", [&](OGRFeature& f, int row) {
        const std::string where = file + ", criteria_sets row " + std::to_string(row);
        CriteriaSet set;
        set.id = f.GetFieldAsString("id");
        set.name_vi = f.GetFieldAsString("name_vi");
        set.name_en = f.GetFieldAsString("name_en");
        set.decision = f.GetFieldAsString("decision");
        set.decision_date = f.GetFieldAsString("decision_date");
        set.valid_from = date_field(f, "valid_from", where);
        set.valid_to = optional_date(f, "valid_to", where);
        set.continues_previous = f.GetFieldAsInteger("continues_previous") != 0;
        set.commune_groups = f.GetFieldAsInteger("commune_groups") != 0;
        for (const std::string& l : split(f.GetFieldAsString("levels"))) {
            Level level;
            if (!parse_level(l, &level)) throw Error(where + ": unknown level '" + l + "'");
            set.levels.push_back(level);
        }
        set.threshold = f.GetFieldAsInteger("threshold");
        d.criteria_sets.push_back(std::move(set));
        // Band edges wait for the criteria (the top band is the set's size).
        d.criteria_sets.back().bands.push_back({0, 0, f.GetFieldAsString("band_edges")});
    });
    auto find_set = [&](const std::string& id, const std::string& where) -> CriteriaSet& {
        for (CriteriaSet& s : d.criteria_sets)
            if (s.id == id) return s;
        throw Error(where + ": unknown criteria set '" + id + "'");
    };
    for_rows(ds, "criteria", [&](OGRFeature& f, int row) {
        const std::string where = file + ", criteria row " + std::to_string(row);
        CriteriaSet& set = find_set(f.GetFieldAsString("criteria_set"), where);
        set.criteria.push_back({f.GetFieldAsInteger("number"), f.GetFieldAsString("name_vi"),
                                f.GetFieldAsString("name_en"), f.GetFieldAsString("group_vi"),
                                f.GetFieldAsString("group_en"), {}});
        if (set.criteria.back().number != static_cast<int>(set.criteria.size()))
            throw Error(where + ": criteria of set '" + set.id + "' must be numbered 1, 2, 3, ... in order");
    });
    for_rows(ds, "indicators", [&](OGRFeature& f, int row) {
        const std::string where = file + ", indicators row " + std::to_string(row);
        CriteriaSet& set = find_set(f.GetFieldAsString("criteria_set"), where);
        const int number = f.GetFieldAsInteger("criterion");
        if (number < 1 || number > set.size())
            throw Error(where + ": criterion " + std::to_string(number) + " is not in set '" + set.id + "'");
        set.criteria[number - 1].indicators.push_back(
            {f.GetFieldAsString("number"), f.GetFieldAsString("name_vi"), f.GetFieldAsString("name_en")});
    });
    for (CriteriaSet& set : d.criteria_sets) {
        std::vector<int> edges;
        for (const std::string& e : split(set.bands.front().label)) edges.push_back(std::atoi(e.c_str()));
        if (set.criteria.empty()) throw Error(file + ": criteria set '" + set.id + "' has no criteria");
        set.bands = bands_from_edges(set.size(), edges);
    }
    if (d.criteria_sets.empty()) throw Error(file + ": the 'criteria_sets' table is empty");
}

void read_lineage(GDALDataset& ds, const std::string& file, Dataset& d) {
    auto unit_of = [&](const std::string& code, const std::string& version, const std::string& where) {
        const int v = version_index(d, version);
        for (int u : d.units_with_code(code))
            if (d.units[u].version == v) return u;
        throw Error(where + ": no unit " + code + " in boundary version '" + version + "'");
    };
    for_rows(ds, "lineage", [&](OGRFeature& f, int row) {
        const std::string where = file + ", lineage row " + std::to_string(row);
        LineageLink l;
        l.from = unit_of(f.GetFieldAsString("from_code"), f.GetFieldAsString("from_version"), where);
        l.to = unit_of(f.GetFieldAsString("to_code"), f.GetFieldAsString("to_version"), where);
        l.date = date_field(f, "date", where);
        l.source = f.GetFieldAsString("source");
        d.lineage.push_back(std::move(l));
    });
}

}  // namespace

DatasetFile load_dataset(const std::string& path, const Progress& progress) {
    ensure_gdal();
    GdalErrorCapture capture;
    require_regular_file(path);
    const char* drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    if (!ds) throw Error(open_failure(path, capture.message()));
    check_schema(*ds, path);
    capture.clear();
    OGRLayer* units = ds->GetLayerByName("units");

    DatasetFile out;
    Dataset& d = out.dataset;
    for_rows(*ds, "metadata", [&](OGRFeature& f, int) {
        const std::string key = f.GetFieldAsString("key"), value = f.GetFieldAsString("value");
        if (key == "title") d.info.title = value;
        else if (key == "province_code") d.info.province_code = value;
        else if (key == "source") d.info.source = value;
        else if (key == "illustrative") {
            if (value != "yes" && value != "no")
                throw Error(path + ", metadata: illustrative is '" + value + "', not 'yes' or 'no'");
            d.info.illustrative = value == "yes";
        }
    });
    const std::string file = fs::path(path).filename().string();
    read_versions(*ds, file, d);
    read_criteria_sets(*ds, file, d);

    const OGRSpatialReference* srs = units->GetSpatialRef();
    // GDAL reads srs_id 0 and -1 as "Undefined geographic/Cartesian SRS": no CRS either.
    if (!srs || (srs->GetName() && std::string(srs->GetName()).rfind("Undefined", 0) == 0))
        throw Error(path + ": the 'units' layer has no defined CRS");
    if (!srs->IsProjected())
        throw Error(path + ": the 'units' layer's CRS " + srs_name(*srs) + " is not a projected CRS in metres");
    out.geometry.crs_wkt = srs_wkt(*srs);
    out.geometry.crs_name = srs_name(*srs);
    const GIntBig total = units->GetFeatureCount();
    units->ResetReading();
    int index = 0;
    int with_shape = 0;
    std::map<std::pair<std::string, int>, int> code_rows;  // (code, version) -> first row
    for (OGRFeatureUniquePtr f(units->GetNextFeature()); f; f.reset(units->GetNextFeature()), ++index) {
        check_read(capture, path, "units row " + std::to_string(index + 1));
        const std::string where = file + ", units row " + std::to_string(index + 1);
        Unit u;
        u.code = f->GetFieldAsString("code");
        u.name = f->GetFieldAsString("name");
        if (trim(u.code).empty()) throw Error(where + ": the unit has no code");
        if (trim(u.name).empty()) throw Error(where + ": unit " + u.code + " has no name");
        u.kind = kind_from_id(f->GetFieldAsString("kind"));
        u.district_code = f->GetFieldAsString("district_code");
        u.district_name = f->GetFieldAsString("district_name");
        const std::string tags = f->GetFieldAsString("tags");
        if (!tags.empty()) u.tags = split(tags);
        u.search_key = fold_search_key(u.name);
        if (f->GetFieldIndex("version") >= 0) {
            const std::string v = f->GetFieldAsString("version");
            u.version = version_index(d, v);
            if (u.version < 0)
                throw Error(file + ", units row " + std::to_string(index + 1) + ": unknown boundary version '" + v + "'");
        }
        if (f->GetFieldIndex("commune_group") >= 0) u.commune_group = f->GetFieldAsInteger("commune_group");
        if (const auto [it, fresh] = code_rows.emplace(std::make_pair(u.code, u.version), index + 1); !fresh)
            throw Error(where + ": code " + u.code + " is also the code of units row " + std::to_string(it->second));
        geo::MultiPolygon shape;
        int duplicates = 0;
        if (const OGRGeometry* g = f->GetGeometryRef()) {
            const OGRwkbGeometryType t = wkbFlatten(g->getGeometryType());
            if (t != wkbPolygon && t != wkbMultiPolygon)
                throw Error(where + ": unit " + u.code + " has a " + OGRGeometryTypeToName(g->getGeometryType()) +
                            " geometry, not a polygon");
            append_ogr(*g, shape, &duplicates);
            for (const geo::Polygon& p : shape.parts)
                for (const geo::Vec2& v : p.outer)
                    if (!std::isfinite(v.x) || !std::isfinite(v.y))
                        throw Error(where + ": unit " + u.code + " has a non-finite coordinate");
        }
        with_shape += !shape.parts.empty();
        d.units.push_back(std::move(u));
        out.geometry.shapes.push_back(std::move(shape));
        if (progress && (index & 63) == 0 && total > 0) progress(0.9 * index / double(total), "reading units");
    }
    check_read(capture, path, "table 'units' after row " + std::to_string(index));
    if (total >= 0 && index != total)
        throw Error(path + ": table 'units' has " + std::to_string(total) + " rows but only " + std::to_string(index) +
                    " could be read; the file is damaged and is left as it is");
    if (d.units.empty()) throw Error(path + ": the 'units' table is empty");
    if (with_shape == 0) throw Error(path + ": no unit has a geometry (the 'units' table's shapes are all missing or unreadable)");
    d.reindex();
    read_lineage(*ds, file, d);

    for_rows(*ds, "observations", [&](OGRFeature& f, int row) {
        const std::string where = file + ", observations row " + std::to_string(row);
        Observation o{f.GetFieldAsString("unit_code"), f.GetFieldAsInteger("criterion"),
                      f.GetFieldAsInteger("met") != 0, date_field(f, "date", where),
                      f.GetFieldAsString("source"), "", ""};
        if (f.GetFieldIndex("indicator") >= 0) o.indicator = f.GetFieldAsString("indicator");
        if (f.GetFieldIndex("criteria_set") >= 0) o.criteria_set = f.GetFieldAsString("criteria_set");
        if (d.units_with_code(o.unit_code).empty())
            throw Error(where + ": unit code '" + o.unit_code + "' is not in the 'units' table");
        const int met = f.GetFieldAsInteger("met");
        if (met != 0 && met != 1) throw Error(where + ", column met: " + std::to_string(met) + " is not 0 or 1");
        int size = 0;
        for (const CriteriaSet& set : d.criteria_sets)
            if (o.criteria_set.empty() ? true : set.id == o.criteria_set) size = std::max(size, set.size());
        if (!o.criteria_set.empty() && size == 0)
            throw Error(where + ": unknown criteria set '" + o.criteria_set + "'");
        if (o.criterion < 1 || o.criterion > size)
            throw Error(where + ", column criterion: " + std::to_string(o.criterion) + " is not a criterion of " +
                        (o.criteria_set.empty() ? "any set" : "set '" + o.criteria_set + "'") + " (1–" +
                        std::to_string(size) + ")");
        d.observations.push_back(std::move(o));
    });
    for_rows(*ds, "recognitions", [&](OGRFeature& f, int row) {
        Recognition r;
        r.unit_code = f.GetFieldAsString("unit_code");
        if (d.units_with_code(r.unit_code).empty())
            throw Error(file + ", recognitions row " + std::to_string(row) + ": unit code '" + r.unit_code +
                        "' is not in the 'units' table");
        if (!parse_level(f.GetFieldAsString("level"), &r.level))
            throw Error(file + ", recognitions row " + std::to_string(row) + ": unknown level '" + f.GetFieldAsString("level") + "'");
        r.date = date_field(f, "date", file + ", recognitions row " + std::to_string(row));
        r.decision = f.GetFieldAsString("decision");
        if (f.GetFieldIndex("year") >= 0) r.year = f.GetFieldAsInteger("year");
        if (f.GetFieldIndex("issuer") >= 0) r.issuer = f.GetFieldAsString("issuer");
        if (f.GetFieldIndex("note") >= 0) r.note = f.GetFieldAsString("note");
        d.recognitions.push_back(std::move(r));
    });
    for_rows(*ds, "events", [&](OGRFeature& f, int row) {
        const std::string where = file + ", events row " + std::to_string(row);
        Event e;
        e.start = date_field(f, "start_date", where);
        e.end = date_field(f, "end_date", where);
        parse_event_kind(f.GetFieldAsString("kind"), &e.kind);
        e.organiser = f.GetFieldAsString("organiser");
        const std::string units_text = f.GetFieldAsString("unit_codes"), districts_text = f.GetFieldAsString("district_codes");
        if (!units_text.empty()) e.unit_codes = split(units_text);
        if (!districts_text.empty()) e.district_codes = split(districts_text);
        e.title = f.GetFieldAsString("title");
        e.source = f.GetFieldAsString("source");
        e.participants = f.GetFieldAsInteger("participants");
        d.events.push_back(std::move(e));
    });
    for_rows(*ds, "reported_figures", [&](OGRFeature& f, int row) {
        d.reported.push_back({date_field(f, "date", file + ", reported_figures row " + std::to_string(row)),
                              f.GetFieldAsString("scope"), f.GetFieldAsString("figure"),
                              f.GetFieldAsDouble("value"), f.GetFieldAsString("source")});
    });
    if (progress) progress(1, "done");
    return out;
}

bool is_dataset_file(const std::string& path) {
    if (path.size() < 5 || fold_search_key(path.substr(path.size() - 5)) != ".gpkg") return false;
    if (!fs::exists(path)) return false;
    require_regular_file(path);
    ensure_gdal();
    GdalErrorCapture capture;
    const char* drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    return ds && ds->GetLayerByName("units") && ds->GetLayerByName("metadata");
}

DatasetFile dataset_from_boundaries(const LoadOptions& options) {
    LoadedBoundaries loaded = load_boundaries(options);
    DatasetFile f;
    std::string stem = fs::path(options.source).stem().string();
    if (fs::path(stem).extension() == ".geojson") stem = fs::path(stem).stem().string();  // x.geojson.gz
    f.dataset.info.title = loaded.province_name.empty() ? stem : loaded.province_name;
    f.dataset.info.source = options.source;
    f.dataset.units = std::move(loaded.units);
    f.dataset.versions.front().grouping = loaded.grouping;
    f.dataset.reindex();
    f.geometry = std::move(loaded.geometry);
    return f;
}

namespace {

// Binary formats GDAL reads in a fraction of a second are not worth caching.
bool is_text_source(const std::string& source) {
    const std::string key = fold_search_key(source);
    for (const char* ext : {".geojson", ".geojson.gz", ".json", ".json.gz", ".csv", ".kml", ".gml", ".gz"})
        if (key.size() > std::strlen(ext) && key.compare(key.size() - std::strlen(ext), std::string::npos, ext) == 0)
            return true;
    return false;
}

std::string cache_file_for(const std::string& source, const std::string& cache_dir) {
    std::string path = source;
    if (path.rfind("/vsigzip/", 0) == 0) path = path.substr(9);
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) return "";
    const auto mtime = fs::last_write_time(path, ec).time_since_epoch().count();
    if (ec) return "";
    // FNV-1a of what identifies this version of the source.
    uint64_t h = 1469598103934665603ull;
    // kPreparedVersion changes whenever loading a source would give a different dataset.
    constexpr const char* kPreparedVersion = "3";
    for (char c : source + "|" + std::to_string(size) + "|" + std::to_string(mtime) + "|" + kPreparedVersion) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    char name[40];
    std::snprintf(name, sizeof name, "%016llx.gpkg", static_cast<unsigned long long>(h));
    return (fs::path(cache_dir) / name).string();
}

}  // namespace

DatasetFile open_any(const std::string& source, const std::string& cache_dir, const Progress& progress) {
    if (is_dataset_file(source)) return load_dataset(source, progress);
    const std::string cached = !cache_dir.empty() && is_text_source(source) ? cache_file_for(source, cache_dir) : "";
    if (!cached.empty() && fs::exists(cached)) {
        try {
            DatasetFile f = load_dataset(cached, progress);
            f.dataset.info.source = source;
            return f;
        } catch (const Error&) {
            fs::remove(cached);  // damaged cache: parse the source again
        }
    }
    LoadOptions options;
    options.source = source;
    options.check_topology = false;
    options.progress = progress;
    // A gzip file without the /vsigzip/ prefix is opened through it.
    if (source.rfind("/vsi", 0) != 0 && fold_search_key(fs::path(source).extension().string()) == ".gz")
        options.source = "/vsigzip/" + source;
    DatasetFile f = dataset_from_boundaries(options);
    if (!cached.empty()) {
        try {
            std::error_code ec;
            fs::create_directories(cache_dir, ec);
            save_dataset(cached, f.dataset, f.geometry);
        } catch (const Error&) {
            // A cache that cannot be written only costs time on the next open.
        }
    }
    return f;
}

}  // namespace ntm::io
