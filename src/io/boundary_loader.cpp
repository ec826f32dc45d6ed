#include "io/boundary_loader.h"

#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <optional>
#include <set>
#include <thread>

#include "core/error.h"
#include "core/text.h"
#include "io/crs.h"
#include "io/ogr_convert.h"
#include "io/quick_validity.h"
#include "io/field_detection.h"
#include "io/gdal_session.h"
#include "io/geojson_reader.h"
#include "io/text_encoding.h"
#include "io/topology_check.h"

namespace fs = std::filesystem;

namespace ntm::io {
namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

// Parts smaller than this (m², in the display CRS) are slivers, not territory.
constexpr double kDegenerateAreaM2 = 1.0;

bool is_local_path(const std::string& s) {
    return s.rfind("/vsi", 0) != 0 && s.find("://") == std::string::npos &&
           s.find(':') == std::string::npos;
}

std::string lower_ext(const std::string& path) {
    std::string e = fs::path(path).extension().string();
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
    return e;
}

// Sidecar file of a shapefile (".dbf", ".DBF", ...), or "" when absent.
std::string sidecar(const std::string& shp, const std::string& ext) {
    std::string upper = ext;
    std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
    for (const std::string& e : {ext, upper}) {
        const fs::path p = fs::path(shp).replace_extension(e);
        if (fs::exists(p)) return p.string();
    }
    return "";
}

void check_shapefile_sidecars(const std::string& shp) {
    if (sidecar(shp, ".shx").empty())
        throw Error(shp + ": the index file " + fs::path(shp).stem().string() +
                    ".shx is missing beside it (copy all the shapefile's files together)");
    if (sidecar(shp, ".dbf").empty())
        throw Error(shp + ": the attribute file " + fs::path(shp).stem().string() +
                    ".dbf is missing beside it (copy all the shapefile's files together)");
}

// A plain path to a gzip-compressed file ("vn_communes_2025.geojson.gz") is read through GDAL's
// /vsigzip/ handler, so a user need not know the prefix; anything already /vsi or not ending in
// .gz is left alone.
std::string gdal_open_path(const std::string& source) {
    if (source.rfind("/vsi", 0) == 0 || source.size() < 4) return source;
    std::string tail = source.substr(source.size() - 3);
    for (char& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return tail == ".gz" ? "/vsigzip/" + source : source;
}

GDALDatasetUniquePtr open_vector(const std::string& source, bool raw_text) {
    GdalErrorCapture capture;
    const char* raw_options[] = {"ENCODING=", nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(gdal_open_path(source).c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                              nullptr, raw_text ? raw_options : nullptr, nullptr));
    if (!ds) {
        const std::string why = capture.message();
        throw Error(source + ": cannot be opened as vector data" + (why.empty() ? "" : " (" + why + ")"));
    }
    return ds;
}

bool polygonal(OGRwkbGeometryType t) {
    const OGRwkbGeometryType f = wkbFlatten(t);
    return f == wkbPolygon || f == wkbMultiPolygon || f == wkbCurvePolygon || f == wkbMultiSurface;
}

OGRLayer* choose_layer(GDALDataset& ds, const std::string& wanted, const std::string& source) {
    if (!wanted.empty()) {
        OGRLayer* l = ds.GetLayerByName(wanted.c_str());
        if (!l) throw Error(source + ": no layer named '" + wanted + "'");
        return l;
    }
    std::string seen;
    for (OGRLayer* l : ds.GetLayers()) {
        const OGRwkbGeometryType t = l->GetGeomType();
        if (polygonal(t) || wkbFlatten(t) == wkbUnknown) return l;
        seen += (seen.empty() ? "" : ", ") + std::string(l->GetName()) + " (" +
                OGRGeometryTypeToName(t) + ")";
    }
    if (seen.empty()) throw Error(source + ": holds no vector layers");
    throw Error(source + ": no polygon layer (found " + seen + ")");
}

struct RawFeature {
    std::vector<std::string> values;  // raw bytes of each field as GDAL gives them
    geo::MultiPolygon shape;           // source CRS until transformed
    // Set while reading, consumed by convert_shapes (on a worker thread).
    std::unique_ptr<OGRGeometry> geometry;
    bool repaired = false;  // invalid, repaired with MakeValid
    int duplicates = 0;     // consecutive duplicate vertices dropped
};

std::string coordinate_text(geo::Vec2 v) {
    char buf[80];
    std::snprintf(buf, sizeof buf, "%.10g, %.10g", v.x, v.y);
    return buf;
}

void check_finite(const geo::MultiPolygon& shape, size_t feature, const std::string& source) {
    for (const geo::Polygon& p : shape.parts) {
        auto ring_ok = [&](const geo::Ring& r) {
            for (size_t v = 0; v < r.size(); ++v)
                if (!std::isfinite(r[v].x) || !std::isfinite(r[v].y))
                    throw Error(source + ": feature " + std::to_string(feature) + " has a non-finite coordinate (" +
                                coordinate_text(r[v]) + ") at vertex " + std::to_string(v));
        };
        ring_ok(p.outer);
        for (const geo::Ring& h : p.holes) ring_ok(h);
    }
}

// Byte offset of the first invalid UTF-8 sequence, or npos.
size_t first_invalid_utf8(std::string_view s) {
    size_t pos = 0;
    char32_t cp = 0;
    while (pos < s.size()) {
        const size_t at = pos;
        if (!next_code_point(s, pos, cp)) return at;
    }
    return std::string_view::npos;
}

// Validity check (GEOS), repair and conversion of a batch of features' polygons. GEOS through
// OGR makes a context per call, so this runs on a worker while the next batch is read.
void convert_shapes(std::vector<RawFeature>& raw, size_t first, size_t end, const std::string& source) {
    for (size_t i = first; i < end; ++i) {
        RawFeature& rf = raw[i];
        if (!rf.geometry) continue;
        // NaN or infinite coordinates make GEOS return no geometry at all (which would pass as
        // "repaired"): refuse them first, naming the vertex.
        append_ogr(*rf.geometry, rf.shape, &rf.duplicates);
        check_finite(rf.shape, i, source);
        if (!certainly_valid(*rf.geometry, rf.shape) && !rf.geometry->IsValid()) {  // GEOS only when needed
            rf.shape = geo::MultiPolygon{};
            rf.duplicates = 0;
            std::unique_ptr<OGRGeometry> fixed(rf.geometry->MakeValid());
            if (!fixed)
                throw Error(source + ": feature " + std::to_string(i) + " has an invalid polygon that cannot be repaired");
            append_ogr(*fixed, rf.shape, &rf.duplicates);
            rf.repaired = true;
        }
        rf.geometry.reset();
    }
}

// Runs fn, putting the source's name before any message it throws that lacks it.
template <typename F>
auto with_source(const std::string& source, F fn) {
    try {
        return fn();
    } catch (const Error& e) {
        throw Error(source + ": " + e.what());
    }
}

std::string feature_label(int index, const std::string& code) {
    return "feature " + std::to_string(index) + (code.empty() ? "" : " (code " + code + ")");
}

std::string choose_encoding(const LoadOptions& o, const std::string& driver,
                            const std::vector<RawFeature>& raw, std::string* reason) {
    if (!o.encoding.empty()) {
        try {
            decode_text("", o.encoding);  // rejects names it does not know
        } catch (const Error& e) {
            throw Error(o.source + ": --encoding: " + e.what());
        }
        *reason = "given with --encoding";
        return canonical_encoding_name(o.encoding);
    }
    if (driver == "ESRI Shapefile" && is_local_path(o.source)) {
        const std::string cpg = sidecar(o.source, ".cpg");
        if (!cpg.empty()) {
            std::ifstream in(cpg);
            std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            const std::string enc = encoding_from_cpg(text);
            if (!enc.empty()) {
                *reason = "from " + fs::path(cpg).filename().string() + " ('" + trim(text) + "')";
                return enc;
            }
            // The file says what the encoding is and we cannot read what it says: guessing past
            // it would risk mojibake in every name.
            const std::string named = trim(text);
            const bool printable = is_valid_utf8(named) && named.size() <= 60 &&
                                   std::none_of(named.begin(), named.end(), [](char c) { return c >= 0 && c < 0x20; });
            if (!named.empty())
                throw Error(cpg + ": " + (printable ? "'" + named + "'" : std::string("its content")) +
                            " is not a text encoding NTM Atlas knows; give the encoding with --encoding");
        }
        const std::string dbf = sidecar(o.source, ".dbf");
        const std::string ldid = dbf.empty() ? "" : read_dbf_ldid_encoding(dbf);
        if (!ldid.empty()) {
            *reason = "from the DBF language driver id";
            return ldid;
        }
    }
    std::vector<std::string> samples;
    size_t utf8 = 0;
    for (const RawFeature& f : raw)
        for (const std::string& v : f.values)
            if (std::any_of(v.begin(), v.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
                samples.push_back(v);
                utf8 += is_valid_utf8(v);
            }
    if (samples.empty()) {
        *reason = "all text is ASCII";
        return "UTF-8";
    }
    // Multi-byte UTF-8 sequences almost never arise by chance in CP1258, TCVN3 or VNI text: a
    // source whose non-ASCII values are mostly valid UTF-8 is UTF-8 with some damaged values,
    // which are reported one by one rather than turning every name into mojibake.
    if (utf8 > 0 && utf8 * 2 >= samples.size()) {
        *reason = std::to_string(utf8) + " of " + std::to_string(samples.size()) + " non-ASCII values are UTF-8";
        return "UTF-8";
    }
    const std::string detected = detect_encoding(samples);
    *reason = "detected from " + std::to_string(samples.size()) + " non-ASCII values";
    return detected;
}

void fix_orientation(geo::MultiPolygon& shape, int* reoriented) {
    for (geo::Polygon& p : shape.parts) {
        if (geo::signed_area(p.outer) < 0) {
            std::reverse(p.outer.begin(), p.outer.end());
            ++*reoriented;
        }
        for (geo::Ring& h : p.holes)
            if (geo::signed_area(h) > 0) {
                std::reverse(h.begin(), h.end());
                ++*reoriented;
            }
    }
}

}  // namespace

LoadedBoundaries load_boundaries(const LoadOptions& o) {
    ensure_gdal();
    const auto report_progress = [&](double f, const std::string& stage) {
        if (o.progress) o.progress(f, stage);
    };
    LoadedBoundaries out;
    LoadReport& rep = out.report;
    rep.source = o.source;
    const auto t_open = Clock::now();
    report_progress(0, "opening");

    require_regular_file(o.source);
    if (is_local_path(o.source) && lower_ext(o.source) == ".shp") check_shapefile_sidecars(o.source);
    GDALDatasetUniquePtr ds = open_geojson_fast(o.source);  // plain GeoJSON: same dataset, faster
    if (!ds) ds = open_vector(o.source, false);
    rep.driver = ds->GetDriver()->GetDescription();
    // Shapefiles are reopened without GDAL's recoding so that legacy Vietnamese encodings
    // (TCVN3, VNI) that GDAL does not know reach our own decoder intact.
    if (rep.driver == "ESRI Shapefile") ds = open_vector(o.source, true);
    OGRLayer* layer = choose_layer(*ds, o.layer, o.source);
    rep.layer = layer->GetName();
    rep.seconds_open = seconds_since(t_open);

    // --- read every feature: raw attribute bytes and geometry in the source CRS -------------
    const auto t_read = Clock::now();
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    const int field_count = defn->GetFieldCount();
    const GIntBig expected = layer->GetFeatureCount(FALSE);
    std::vector<RawFeature> raw;
    GdalErrorCapture capture;
    layer->ResetReading();
    int index = 0;
    // Shapes are checked and converted in batches on a worker while GDAL reads the next batch.
    constexpr size_t kBatch = 256;
    std::future<void> converting;
    size_t converted = 0;  // raw[0, converted) handed to a worker
    auto convert_upto = [&](size_t end) {
        if (converting.valid()) converting.get();  // rethrows a repair failure
        converting = std::async(std::launch::async, convert_shapes, std::ref(raw), converted, end, o.source);
        converted = end;
    };
    for (OGRFeatureUniquePtr f(layer->GetNextFeature()); f; f.reset(layer->GetNextFeature()), ++index) {
        // A damaged record (e.g. a truncated .shp) reads as an empty geometry plus a GDAL error.
        if (capture.has_error())
            throw Error(o.source + ": " + feature_label(index, "") + " cannot be read (" + capture.message() + ")");
        RawFeature rf;
        rf.values.resize(field_count);
        for (int i = 0; i < field_count; ++i)
            if (f->IsFieldSetAndNotNull(i)) rf.values[i] = f->GetFieldAsString(i);
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || g->IsEmpty()) {
            rep.repairs.push_back({index, "", "has no geometry: kept as a unit without a shape"});
        } else if (!polygonal(g->getGeometryType()) &&
                   wkbFlatten(g->getGeometryType()) != wkbGeometryCollection) {
            if (index == 0 && expected == 1)
                throw Error(o.source + ": layer '" + rep.layer + "' holds " +
                            OGRGeometryTypeToName(g->getGeometryType()) + " geometries, not polygons");
            rep.repairs.push_back({index, "", std::string("has a ") + OGRGeometryTypeToName(g->getGeometryType()) +
                                          " geometry, not a polygon: kept without a shape"});
        } else {
            rf.geometry.reset(f->StealGeometry());
        }
        // The vector may grow only while no worker holds it.
        if (raw.size() == raw.capacity()) {
            if (converting.valid()) converting.get();
            raw.reserve(std::max<size_t>(2 * raw.capacity(), expected > 0 ? size_t(expected) : kBatch));
        }
        raw.push_back(std::move(rf));
        if (raw.size() - converted >= kBatch) convert_upto(raw.size());
        if ((index & 63) == 0 && expected > 0) report_progress(0.6 * index / double(expected), "reading");
    }
    convert_upto(raw.size());
    converting.get();
    for (size_t i = 0; i < raw.size(); ++i) {
        rep.duplicate_vertices_removed += raw[i].duplicates;
        if (!raw[i].repaired) continue;
        ++rep.invalid_repaired;
        rep.repairs.push_back({int(i), "", "invalid polygon (self-intersection or bad ring) repaired with MakeValid"});
    }
    std::stable_sort(rep.repairs.begin(), rep.repairs.end(),
                     [](const Repair& a, const Repair& b) { return a.feature < b.feature; });
    if (capture.has_error())
        throw Error(o.source + ": " + feature_label(index, "") + " cannot be read (" + capture.message() + ")");
    if (expected > 0 && index < expected)
        throw Error(o.source + ": only " + std::to_string(index) + " of " + std::to_string(expected) +
                    " features could be read (the file is truncated or damaged)");
    if (raw.empty()) throw Error(o.source + ": layer '" + rep.layer + "' has no features");
    rep.features = index;
    if (std::all_of(raw.begin(), raw.end(), [](const RawFeature& f) { return f.shape.parts.empty(); }))
        throw Error(o.source + ": none of the " + std::to_string(raw.size()) + " features of layer '" + rep.layer +
                    "' has a polygon (every geometry is null, empty or not a polygon): nothing to draw");

    // --- text: one encoding for the whole source, then NFC and Đ folding --------------------
    std::string enc_reason;
    rep.encoding = choose_encoding(o, rep.driver, raw, &enc_reason);
    rep.encoding_reason = enc_reason;
    std::vector<FieldColumn> columns(field_count);
    for (int i = 0; i < field_count; ++i) {
        const OGRFieldDefn* fd = defn->GetFieldDefn(i);
        columns[i].name = fd->GetNameRef();
        columns[i].numeric = fd->GetType() == OFTInteger || fd->GetType() == OFTInteger64 || fd->GetType() == OFTReal;
        columns[i].values.reserve(raw.size());
    }
    if (rep.encoding == "UTF-8") {
        std::vector<std::string> bad;
        for (size_t f = 0; f < raw.size(); ++f)
            for (int i = 0; i < field_count; ++i) {
                const std::string& v = raw[f].values[i];
                const size_t at = first_invalid_utf8(v);
                if (at == std::string::npos) continue;
                char byte[8];
                std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(v[at]));
                bad.push_back(feature_label(int(f), "") + ", field '" + columns[i].name + "': invalid UTF-8 byte " +
                              byte + " at byte " + std::to_string(at));
            }
        if (!bad.empty())
            throw Error(o.source + ": " + bad.front() +
                        (bad.size() == 2 ? " (and 1 more value)" : bad.size() > 2 ? " (and " + std::to_string(bad.size() - 1) + " more values)" : "") +
                        "; the text is UTF-8 (" + enc_reason + "): fix those values, or give the encoding with --encoding");
    }
    for (size_t f = 0; f < raw.size(); ++f)
        for (int i = 0; i < field_count; ++i) {
            try {
                columns[i].values.push_back(clean_text(decode_text(raw[f].values[i], rep.encoding)));
            } catch (const Error& e) {
                throw Error(o.source + ": " + feature_label(int(f), "") + ", field '" + columns[i].name +
                            "': " + e.what() + " (encoding " + rep.encoding + ", " + enc_reason +
                            "; give the right one with --encoding)");
            }
        }

    // --- which field is what -------------------------------------------------------------
    const FieldRoles roles = detect_fields(columns, o.fields, o.source);
    auto note_field = [&](const char* role, int i) { if (i >= 0) rep.fields[role] = columns[i].name; };
    note_field("code", roles.code);
    note_field("name", roles.name);
    note_field("kind", roles.kind);
    note_field("district", roles.district);
    note_field("district_code", roles.district_code);
    if (roles.kind >= 0) rep.kind_from = "field '" + columns[roles.kind].name + "'";
    else if (roles.kind_prefix >= 0) rep.kind_from = "name prefix in field '" + columns[roles.kind_prefix].name + "'";
    else rep.kind_from = "nothing: no kind field and no name prefix (every unit is of unknown kind)";
    if (roles.name < 0) throw Error(o.source + ": no field with unit names found; name it with --name-field");
    if (roles.code < 0)
        throw Error(o.source + ": no field with unit codes found (a field named like ma_xa, ma_dvhc, code or "
                    "commune_id whose values are unique digits); name it with --code-field");

    // Integer codes lose their leading zeros (06184 -> 6184): pad GSO-sized codes back to 5 digits.
    const bool pad_codes = roles.code >= 0 && columns[roles.code].numeric &&
        std::all_of(columns[roles.code].values.begin(), columns[roles.code].values.end(),
                    [](const std::string& v) { return v.size() <= 5; });

    out.grouping = roles.groups_are_provinces                            ? Grouping::Province
                   : roles.district >= 0 || roles.district_code >= 0 ? Grouping::District
                                                                     : Grouping::None;
    out.report.groups_are_provinces = roles.groups_are_provinces;
    if (roles.province >= 0) {
        const auto& values = columns[roles.province].values;
        const std::set<std::string> provinces(values.begin(), values.end());
        if (provinces.size() == 1) out.province_name = strip_kind_prefix(*provinces.begin());
        // Every province (63 before July 2025, 34 after): the country.
        if (provinces.size() >= 34) out.province_name = "Việt Nam";
    }

    std::map<std::string, std::vector<int>> code_seen;  // code -> features, in order
    std::vector<std::string> no_code;
    out.units.resize(raw.size());
    for (size_t f = 0; f < raw.size(); ++f) {
        Unit& u = out.units[f];
        u.code = roles.code >= 0 ? columns[roles.code].values[f] : "";
        if (pad_codes && !u.code.empty() && u.code.size() < 5) u.code.insert(0, 5 - u.code.size(), '0');
        const std::string raw_name = columns[roles.name].values[f];
        u.name = strip_kind_prefix(raw_name);
        if (roles.kind >= 0) u.kind = kind_from_text(columns[roles.kind].values[f]);
        else if (roles.kind_prefix >= 0) u.kind = kind_from_text(columns[roles.kind_prefix].values[f]);
        else u.kind = kind_from_text(raw_name);
        if (roles.district >= 0) u.district_name = columns[roles.district].values[f];
        if (roles.district_code >= 0) u.district_code = columns[roles.district_code].values[f];
        u.search_key = fold_search_key(u.name);
        if (u.code.empty()) no_code.push_back("feature " + std::to_string(f) + " (" + raw_name + ")");
        else code_seen[u.code].push_back(int(f));
        if (u.kind == UnitKind::Unknown)
            rep.repairs.push_back({int(f), u.code, "kind unknown for '" + raw_name + "': drawn as not applicable"});
    }
    // Codes join units to every table: an invented code would silently lose their data.
    const std::string code_field = columns[roles.code].name;
    auto list = [](const std::vector<std::string>& items) {
        std::string text;
        for (size_t i = 0; i < items.size() && i < 5; ++i) text += (i ? ", " : "") + items[i];
        if (items.size() > 5) text += " and " + std::to_string(items.size() - 5) + " more";
        return text;
    };
    if (!no_code.empty())
        throw Error(o.source + ": " + std::to_string(no_code.size()) + " feature" + (no_code.size() > 1 ? "s have" : " has") +
                    " no code in field '" + code_field + "': " + list(no_code));
    std::vector<std::string> dups;
    for (const auto& [code, features] : code_seen)
        if (features.size() > 1) {
            std::string where;
            for (size_t i = 0; i < features.size(); ++i)
                where += (i == 0 ? "" : i + 1 == features.size() ? " and " : ", ") + std::to_string(features[i]);
            dups.push_back(code + " (features " + where + ")");
        }
    if (!dups.empty())
        throw Error(o.source + ": field '" + code_field + "' has " + std::to_string(dups.size()) + " duplicated code" +
                    (dups.size() > 1 ? "s" : "") + ": " + list(dups));
    // Repairs noted while reading came before the codes were known.
    for (Repair& r : rep.repairs)
        if (r.unit_code.empty()) r.unit_code = out.units[r.feature].code;
    // --- CRS: source (or assumed), display (chosen), transform everything once ---------------
    report_progress(0.65, "reprojecting");
    std::unique_ptr<OGRSpatialReference> src;
    geo::Bounds extent;
    for (const RawFeature& f : raw) extent.add(f.shape.bounds());
    if (!o.source_crs.empty()) {
        src = make_srs(o.source_crs, o.source);
        rep.source_crs = srs_name(*src) + " (given with --source-crs)";
    } else if (const std::string prj = rep.driver == "ESRI Shapefile" && is_local_path(o.source) ? sidecar(o.source, ".prj") : "";
               !prj.empty() && !layer->GetSpatialRef()) {
        // GDAL ignores a .prj it cannot parse: the coordinates would be taken for degrees.
        const std::string why = capture.message();
        throw Error(prj + ": is not a CRS definition GDAL understands" + (why.empty() ? "" : " (" + why + ")") +
                    "; fix or remove it, or give the CRS with --source-crs");
    } else if (const OGRSpatialReference* s = layer->GetSpatialRef()) {
        src.reset(s->Clone());
        src->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        rep.source_crs = srs_name(*src);
    } else if (!extent.empty() && extent.min_x >= -180 && extent.max_x <= 180 && extent.min_y >= -90 && extent.max_y <= 90) {
        src = make_srs("EPSG:4326", o.source);
        rep.source_crs = "none in the source; assumed EPSG:4326 WGS 84 because every coordinate is a longitude/latitude";
    } else {
        throw Error(o.source + ": has no CRS (a .prj file is missing?) and its coordinates are not longitude/latitude; "
                    "give it with --source-crs (e.g. EPSG:9210 for VN-2000 / UTM 48N)");
    }
    const auto wgs84 = make_srs("EPSG:4326", o.source);
    geo::Bounds lonlat;
    {
        Transform to_wgs = with_source(o.source, [&] { return make_transform(*src, *wgs84); });
        // A geographic source is checked at every vertex; a projected one at a sample after
        // transformation (its coordinates beyond the CRS's area fail to transform or land off the globe).
        const bool geographic = src->IsGeographic();
        const bool source_is_wgs84 = src->IsSame(wgs84.get());
        for (size_t f = 0; f < raw.size(); ++f) {
            std::vector<geo::Vec2> sample;
            for (const geo::Polygon& p : raw[f].shape.parts) {
                const size_t step = geographic ? 1 : 1 + p.outer.size() / 64;
                for (size_t i = 0; i < p.outer.size(); i += step) sample.push_back(p.outer[i]);
                if (geographic)
                    for (const geo::Ring& h : p.holes) sample.insert(sample.end(), h.begin(), h.end());
            }
            const std::vector<geo::Vec2> original = sample;
            // A WGS 84 source is already longitude/latitude: no PROJ pass over every vertex.
            const bool ok = source_is_wgs84 || transform_points(*to_wgs, sample);
            for (size_t i = 0; i < sample.size(); ++i) {
                const geo::Vec2 v = geographic ? original[i] : sample[i];
                if (!ok || !std::isfinite(sample[i].x) || !std::isfinite(sample[i].y) || std::abs(v.x) > 180 ||
                    std::abs(v.y) > 90)
                    throw Error(o.source + ": " + feature_label(int(f), out.units[f].code) + " has a vertex at (" +
                                coordinate_text(original[i]) + ") that is " +
                                (geographic ? "not a longitude/latitude (−180…180, −90…90)"
                                            : "outside the area of its CRS " + srs_name(*src) + " (it does not transform to longitude/latitude)"));
                lonlat.add(sample[i]);
            }
        }
    }
    DisplayCrs display = o.display_crs.empty() ? choose_display_crs(lonlat)
                                               : DisplayCrs{o.display_crs, "", "given with --display-crs"};
    const auto dst = make_srs(display.definition, o.display_crs.empty() ? "display CRS" : "--display-crs");
    if (display.name.empty()) display.name = srs_name(*dst);
    // Areas (slivers, overlaps, gaps) are measured in the display CRS, in square metres.
    if (!dst->IsProjected())
        throw Error("--display-crs " + o.display_crs + ": " + display.name +
                    " is not a projected CRS (its units are degrees, not metres); give a projected one such as "
                    "EPSG:9215 (VN-2000 / TM-3 107-15) or EPSG:3405 (VN-2000 / UTM 48N)");
    if (std::abs(dst->GetLinearUnits() - 1.0) > 1e-9)
        throw Error("--display-crs " + o.display_crs + ": " + display.name + " is in " +
                    (dst->GetAttrValue("UNIT") ? dst->GetAttrValue("UNIT") : "units other than metres") +
                    ", not metres; give a projected CRS in metres such as EPSG:9215");
    rep.display_crs = display.name;
    rep.display_crs_reason = display.reason;
    out.geometry.crs_wkt = srs_wkt(*dst);
    out.geometry.crs_name = display.name;
    // Reprojection is the slowest step of our own (PROJ takes ~0.2 µs a point: 1.5 s for the
    // national file), so it runs on two threads. Transformations are not thread-safe: the
    // second thread builds its own from its own copies of the two CRSs.
    // From WGS 84 to a transverse Mercator on it (the national display CRS), a series of our
    // own stands in for PROJ at a fraction of its cost, once it agrees with PROJ to a millimetre
    // on a sample of the vertices (geo/transverse_mercator.h; tested on every real vertex).
    std::optional<geo::TransverseMercator> series;
    if (src->IsGeographic()) {
        std::vector<geo::Vec2> check;
        for (const RawFeature& r : raw)
            for (const geo::Polygon& p : r.shape.parts)
                for (size_t i = 0; i < p.outer.size(); i += 1 + p.outer.size() / 4) check.push_back(p.outer[i]);
        series = series_projection(*src, *dst, check);
    }
    std::vector<uint8_t> failed(raw.size(), 0);
    {
        auto reproject = [&](OGRCoordinateTransformation& t, size_t first) {
            auto ring = [&](geo::Ring& r) {
                if (series && within_series_reach(*series, r)) {
                    series->forward(r);
                    return true;
                }
                return transform_points(t, r);
            };
            for (size_t f = first; f < raw.size(); f += 2)
                for (geo::Polygon& p : raw[f].shape.parts) {
                    bool ok = ring(p.outer);
                    for (geo::Ring& h : p.holes) ok = ring(h) && ok;
                    if (!ok) failed[f] = 1;
                }
        };
        std::unique_ptr<OGRSpatialReference> src2(src->Clone()), dst2(dst->Clone());
        std::exception_ptr worker_error;
        std::thread worker([&] {
            try {
                Transform t = make_transform(*src2, *dst2);
                reproject(*t, 1);
            } catch (...) {
                worker_error = std::current_exception();
            }
        });
        try {
            reproject(*with_source(o.source, [&] { return make_transform(*src, *dst); }), 0);
        } catch (...) {
            worker.join();
            throw;
        }
        worker.join();
        if (worker_error) std::rethrow_exception(worker_error);
    }

    out.geometry.shapes.resize(raw.size());
    for (size_t f = 0; f < raw.size(); ++f) {
        geo::MultiPolygon& shape = raw[f].shape;
        if (failed[f])
            throw Error(o.source + ": " + feature_label(int(f), out.units[f].code) +
                        " has coordinates that cannot be transformed to " + display.name);
        // Slivers and rings that collapsed to a line are not territory: drop them, and say so.
        auto& parts = shape.parts;
        for (auto it = parts.begin(); it != parts.end();) {
            const double a = it->outer.size() < 3 ? 0 : geo::area(*it);
            if (a < kDegenerateAreaM2 && parts.size() > 1) {
                char what[160];
                std::snprintf(what, sizeof what, "degenerate part of %.2g m² (%zu vertices) removed", a, it->outer.size());
                rep.repairs.push_back({int(f), out.units[f].code, what});
                ++rep.degenerate_parts_removed;
                it = parts.erase(it);
            } else {
                for (auto h = it->holes.begin(); h != it->holes.end();) {
                    if (h->size() < 3 || std::abs(geo::signed_area(*h)) < kDegenerateAreaM2) {
                        rep.repairs.push_back({int(f), out.units[f].code, "degenerate hole removed"});
                        ++rep.degenerate_parts_removed;
                        h = it->holes.erase(h);
                    } else {
                        ++h;
                    }
                }
                ++it;
            }
        }
        fix_orientation(shape, &rep.rings_reoriented);
        rep.vertices += shape.vertex_count();
        out.geometry.shapes[f] = std::move(shape);
        if ((f & 63) == 0) report_progress(0.65 + 0.2 * f / double(raw.size()), "reprojecting");
    }

    rep.seconds_read = seconds_since(t_read);

    // --- census of what was loaded ----------------------------------------------------------
    for (const Unit& u : out.units) {
        ++rep.units_per_kind[u.kind];
        if (u.district_name.empty() && u.district_code.empty()) continue;
        const std::string d = u.district_name.empty() ? u.district_code : u.district_name;
        auto it = std::find_if(rep.units_per_district.begin(), rep.units_per_district.end(),
                               [&](const auto& p) { return p.first == d; });
        if (it == rep.units_per_district.end()) rep.units_per_district.push_back({d, 1});
        else ++it->second;
    }

    if (o.check_topology) {
        report_progress(0.85, "checking overlaps and gaps");
        const auto t_topo = Clock::now();
        check_topology(out.units, out.geometry, rep, o.force_topology);
        rep.seconds_topology = seconds_since(t_topo);
    } else {
        rep.topology_note = "not checked (switched off)";
    }
    report_progress(1, "done");
    return out;
}

}  // namespace ntm::io
