#include "io/dataset_file.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
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

constexpr const char* kFormat = "ntm-atlas-dataset-1";

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
};

OGRLayer* create_table(GDALDataset& ds, const char* name, std::initializer_list<Column> columns,
                       OGRSpatialReference* srs = nullptr, OGRwkbGeometryType geom = wkbNone) {
    OGRLayer* layer = ds.CreateLayer(name, srs, geom, nullptr);
    if (!layer) throw Error(std::string("cannot create table '") + name + "'");
    for (const Column& c : columns) {
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
    OGRLayer* units = create_table(ds, "units",
        {{"code", OFTString}, {"name", OFTString}, {"kind", OFTString}, {"district_code", OFTString},
         {"district_name", OFTString}, {"tags", OFTString}}, srs.get(), wkbMultiPolygon);
    for (size_t i = 0; i < d.units.size(); ++i) {
        const Unit& u = d.units[i];
        insert(units, [&](OGRFeature& f) {
            f.SetField("code", u.code.c_str());
            f.SetField("name", u.name.c_str());
            f.SetField("kind", kind_id(u.kind));
            f.SetField("district_code", u.district_code.c_str());
            f.SetField("district_name", u.district_name.c_str());
            f.SetField("tags", join(u.tags).c_str());
            if (i < g.shapes.size() && !g.shapes[i].parts.empty()) f.SetGeometryDirectly(to_ogr(g.shapes[i]).release());
        });
    }
    OGRLayer* meta = create_table(ds, "metadata", {{"key", OFTString}, {"value", OFTString}});
    auto put = [&](const char* key, const std::string& value) {
        insert(meta, [&](OGRFeature& f) { f.SetField("key", key); f.SetField("value", value.c_str()); });
    };
    put("format", kFormat);
    put("title", d.info.title);
    put("province_code", d.info.province_code);
    put("source", d.info.source);
    put("illustrative", d.info.illustrative ? "yes" : "no");
    if (d.info.boundaries_valid_from) put("boundaries_valid_from", d.info.boundaries_valid_from->iso());
    put("criteria_set", d.criteria.id);

    OGRLayer* crit = create_table(ds, "criteria", {{"number", OFTInteger}, {"name_vi", OFTString},
        {"name_en", OFTString}, {"group_vi", OFTString}, {"group_en", OFTString}});
    for (const Criterion& c : d.criteria.criteria)
        insert(crit, [&](OGRFeature& f) {
            f.SetField("number", c.number);
            f.SetField("name_vi", c.name_vi.c_str());
            f.SetField("name_en", c.name_en.c_str());
            f.SetField("group_vi", c.group_vi.c_str());
            f.SetField("group_en", c.group_en.c_str());
        });
    OGRLayer* obs = create_table(ds, "observations", {{"unit_code", OFTString}, {"criterion", OFTInteger},
        {"met", OFTInteger}, {"date", OFTString}, {"source", OFTString}});
    for (const Observation& o : d.observations)
        insert(obs, [&](OGRFeature& f) {
            f.SetField("unit_code", o.unit_code.c_str());
            f.SetField("criterion", o.criterion);
            f.SetField("met", o.met ? 1 : 0);
            f.SetField("date", o.date.iso().c_str());
            f.SetField("source", o.source.c_str());
        });
    OGRLayer* rec = create_table(ds, "recognitions", {{"unit_code", OFTString}, {"level", OFTString},
        {"date", OFTString}, {"decision", OFTString}});
    for (const Recognition& r : d.recognitions)
        insert(rec, [&](OGRFeature& f) {
            f.SetField("unit_code", r.unit_code.c_str());
            f.SetField("level", level_id(r.level));
            f.SetField("date", r.date.iso().c_str());
            f.SetField("decision", r.decision.c_str());
        });
    OGRLayer* ev = create_table(ds, "events", {{"start_date", OFTString}, {"end_date", OFTString},
        {"kind", OFTString}, {"organiser", OFTString}, {"unit_codes", OFTString},
        {"district_codes", OFTString}, {"title", OFTString}, {"source", OFTString},
        {"participants", OFTInteger}});
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
    OGRLayer* fig = create_table(ds, "reported_figures", {{"date", OFTString}, {"scope", OFTString},
        {"figure", OFTString}, {"value", OFTReal}, {"source", OFTString}});
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

// Iterates the rows of an attribute table; a missing table is an empty one.
void for_rows(GDALDataset& ds, const char* table, const std::function<void(OGRFeature&, int row)>& fn) {
    OGRLayer* layer = ds.GetLayerByName(table);
    if (!layer) return;
    layer->ResetReading();
    int row = 1;
    for (OGRFeatureUniquePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature()), ++row) fn(*f, row);
}

Date date_field(OGRFeature& f, const char* field, const std::string& where) {
    const char* text = f.GetFieldAsString(field);
    const auto d = parse_date(text);
    if (!d) throw Error(where + ", column " + field + ": '" + text + "' is not a date (YYYY-MM-DD)");
    return *d;
}

}  // namespace

DatasetFile load_dataset(const std::string& path, const Progress& progress) {
    ensure_gdal();
    GdalErrorCapture capture;
    if (path.rfind("/vsi", 0) != 0 && !fs::exists(path)) throw Error(path + ": no such file");
    const char* drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    if (!ds) throw Error(path + ": not a GeoPackage (" + capture.message() + ")");
    OGRLayer* units = ds->GetLayerByName("units");
    if (!units) throw Error(path + ": not an NTM Atlas dataset (no 'units' layer); open boundary files with --boundaries");

    DatasetFile out;
    Dataset& d = out.dataset;
    for_rows(*ds, "metadata", [&](OGRFeature& f, int) {
        const std::string key = f.GetFieldAsString("key"), value = f.GetFieldAsString("value");
        if (key == "title") d.info.title = value;
        else if (key == "province_code") d.info.province_code = value;
        else if (key == "source") d.info.source = value;
        else if (key == "illustrative") d.info.illustrative = value == "yes";
        else if (key == "boundaries_valid_from") d.info.boundaries_valid_from = parse_date(value);
        else if (key == "criteria_set") d.criteria = criteria_set_by_id(value);
    });
    // Criteria stored in the file win over the built-in set of the same id (names may be edited).
    std::vector<Criterion> stored;
    for_rows(*ds, "criteria", [&](OGRFeature& f, int) {
        stored.push_back({f.GetFieldAsInteger("number"), f.GetFieldAsString("name_vi"), f.GetFieldAsString("name_en"),
                          f.GetFieldAsString("group_vi"), f.GetFieldAsString("group_en")});
    });
    if (!stored.empty()) {
        d.criteria.criteria = stored;
        d.criteria.bands = derive_bands(d.criteria.size());
    }

    const OGRSpatialReference* srs = units->GetSpatialRef();
    if (!srs) throw Error(path + ": the 'units' layer has no CRS");
    out.geometry.crs_wkt = srs_wkt(*srs);
    out.geometry.crs_name = srs_name(*srs);
    const GIntBig total = units->GetFeatureCount();
    units->ResetReading();
    int index = 0;
    for (OGRFeatureUniquePtr f(units->GetNextFeature()); f; f.reset(units->GetNextFeature()), ++index) {
        Unit u;
        u.code = f->GetFieldAsString("code");
        u.name = f->GetFieldAsString("name");
        u.kind = kind_from_id(f->GetFieldAsString("kind"));
        u.district_code = f->GetFieldAsString("district_code");
        u.district_name = f->GetFieldAsString("district_name");
        const std::string tags = f->GetFieldAsString("tags");
        if (!tags.empty()) u.tags = split(tags);
        u.search_key = fold_search_key(u.name);
        geo::MultiPolygon shape;
        int duplicates = 0;
        if (const OGRGeometry* g = f->GetGeometryRef()) append_ogr(*g, shape, &duplicates);
        d.units.push_back(std::move(u));
        out.geometry.shapes.push_back(std::move(shape));
        if (progress && (index & 63) == 0 && total > 0) progress(0.9 * index / double(total), "reading units");
    }
    d.reindex();

    const std::string file = fs::path(path).filename().string();
    for_rows(*ds, "observations", [&](OGRFeature& f, int row) {
        const std::string where = file + ", observations row " + std::to_string(row);
        d.observations.push_back({f.GetFieldAsString("unit_code"), f.GetFieldAsInteger("criterion"),
                                  f.GetFieldAsInteger("met") != 0, date_field(f, "date", where),
                                  f.GetFieldAsString("source")});
    });
    for_rows(*ds, "recognitions", [&](OGRFeature& f, int row) {
        Recognition r;
        r.unit_code = f.GetFieldAsString("unit_code");
        if (!parse_level(f.GetFieldAsString("level"), &r.level))
            throw Error(file + ", recognitions row " + std::to_string(row) + ": unknown level '" + f.GetFieldAsString("level") + "'");
        r.date = date_field(f, "date", file + ", recognitions row " + std::to_string(row));
        r.decision = f.GetFieldAsString("decision");
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
    constexpr const char* kPreparedVersion = "2";
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
