#include "io/geojson_reader.h"

#include <cpl_vsi.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogr_srs_api.h>
#include <ogrsf_frmts.h>
#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ntm::io {
namespace {

// Thrown inside the reader for anything it does not take; open_geojson_fast then declines.
struct Decline {};

struct Value {
    enum Kind : uint8_t { Null, Int, Real, Text } kind = Null;
    int64_t i = 0;
    double d = 0;
    std::string s;
};

struct Feature {
    std::vector<std::pair<int, Value>> values;  // (field, value)
    uint8_t geometry = 0;                       // 0 none (null), 1 Polygon, 2 MultiPolygon
    std::vector<uint32_t> rings_per_polygon;
    std::vector<uint32_t> points_per_ring;
    std::vector<OGRRawPoint> points;
};

// A field's type as GDAL's GeoJSON driver infers it from the values seen (nulls do not count).
struct FieldInfo {
    std::string name;
    bool seen_int = false, seen_int64 = false, seen_real = false, seen_text = false;
    OGRFieldType type() const {
        if (seen_text) return OFTString;
        if (seen_real) return OFTReal;
        if (seen_int64) return OFTInteger64;
        if (seen_int) return OFTInteger;
        return OFTString;  // only nulls
    }
};

// GDAL turns strings that look like dates or times into Date/DateTime/Time fields (and
// formats them its own way): those files stay with GDAL.
bool date_like(std::string_view s) {
    auto digits = [&](size_t from, size_t n) {
        if (s.size() < from + n) return false;
        for (size_t i = from; i < from + n; ++i)
            if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
        return true;
    };
    if (digits(0, 4) && s.size() > 4 && (s[4] == '-' || s[4] == '/')) return true;
    if (digits(0, 2) && s.size() > 2 && s[2] == ':') return true;
    if (digits(0, 1) && s.size() > 1 && s[1] == ':') return true;
    return false;
}

class Parser {
public:
    // First pass: fields, counts and checks only (no coordinates kept); second pass: features
    // with their coordinates, a few at a time.
    bool keep_points = false;
    size_t count = 0;
    std::vector<FieldInfo> fields;
    std::map<std::string, int, std::less<>> field_index;
    std::vector<Feature> features;
    bool any_id = false, any_without_id = false;
    bool any_polygon = false, any_multi = false;

    void feature(std::string& text) {
        // The DOM parser: its stage 1 picks the machine's SIMD kernel at run time (the On-Demand
        // front end is compiled for the build's baseline CPU, which here means no SIMD).
        const size_t len = text.size();
        text.append(simdjson::SIMDJSON_PADDING, ' ');
        const simdjson::dom::object obj = parser_.parse(text.data(), len, false).get_object();
        Feature f;
        bool typed = false, has_id = false;
        for (const auto field : obj) {
            const std::string_view key = field.key;
            const simdjson::dom::element v = field.value;
            if (key == "type") {
                if (v.get_string().value() != "Feature") throw Decline{};
                typed = true;
            } else if (key == "id") {
                if (!v.is_string()) throw Decline{};  // numbers become FIDs
                Value id;
                id.kind = Value::Text;
                id.s = std::string(v.get_string().value());
                f.values.emplace_back(-1, std::move(id));  // field 0 once every feature is known to have one
                has_id = true;
            } else if (key == "properties") {
                if (v.is_null()) continue;
                const simdjson::dom::object props = v.get_object();  // named: a range over a temporary's value() dangles
                for (const auto p : props) property(p.key, p.value, f);
            } else if (key == "geometry") {
                if (v.is_null()) continue;
                geometry(v.get_object(), f);
            }
        }
        if (!typed) throw Decline{};
        (has_id ? any_id : any_without_id) = true;
        if (any_id && any_without_id) throw Decline{};
        ++count;
        if (keep_points) features.push_back(std::move(f));
        text.clear();
    }

private:
    simdjson::dom::parser parser_;
    std::vector<OGRRawPoint> scratch_;

    void property(std::string_view key, simdjson::dom::element v, Feature& f) {
        if (key == "id") throw Decline{};  // GDAL's handling of an "id" property beside a feature id varies
        auto it = field_index.find(key);
        if (it == field_index.end()) {
            it = field_index.emplace(std::string(key), int(fields.size())).first;
            fields.push_back(FieldInfo{std::string(key)});
        }
        FieldInfo& info = fields[it->second];
        Value out;
        switch (v.type()) {
            case simdjson::dom::element_type::NULL_VALUE: return;
            case simdjson::dom::element_type::STRING: {
                const std::string_view s = v.get_string().value();
                if (date_like(s)) throw Decline{};
                if (info.seen_int || info.seen_int64 || info.seen_real) throw Decline{};
                out.kind = Value::Text;
                out.s = std::string(s);
                info.seen_text = true;
                break;
            }
            case simdjson::dom::element_type::INT64:
                if (info.seen_text) throw Decline{};
                out.kind = Value::Int;
                out.i = v.get_int64().value();
                if (out.i < std::numeric_limits<int32_t>::min() || out.i > std::numeric_limits<int32_t>::max())
                    info.seen_int64 = true;
                else
                    info.seen_int = true;
                break;
            case simdjson::dom::element_type::DOUBLE:
                if (info.seen_text) throw Decline{};
                out.kind = Value::Real;
                out.d = v.get_double().value();
                info.seen_real = true;
                break;
            default: throw Decline{};  // integers beyond int64, booleans, arrays, objects
        }
        f.values.emplace_back(it->second, std::move(out));
    }

    void polygon(simdjson::dom::array rings, Feature& f) {
        uint32_t n = 0;
        for (const simdjson::dom::element ring : rings) {
            const size_t before = scratch_.size();
            const simdjson::dom::array positions = ring.get_array();
            for (const simdjson::dom::element pos : positions) {
                const simdjson::dom::array a = pos.get_array();
                if (a.size() != 2) throw Decline{};  // Z or M: GDAL makes a 3D geometry
                auto it = a.begin();
                const double x = (*it).get_double().value();
                ++it;
                const double y = (*it).get_double().value();
                scratch_.push_back({x, y});
            }
            f.points_per_ring.push_back(uint32_t(scratch_.size() - before));
            ++n;
        }
        f.rings_per_polygon.push_back(n);
    }

    void geometry(simdjson::dom::object g, Feature& f) {
        const std::string_view type = g["type"].get_string();
        const simdjson::dom::array coords = g["coordinates"].get_array();
        scratch_.clear();
        if (type == "Polygon") {
            f.geometry = 1;
            any_polygon = true;
            polygon(coords, f);
        } else if (type == "MultiPolygon") {
            f.geometry = 2;
            any_multi = true;
            for (const simdjson::dom::element p : coords) polygon(p.get_array(), f);
        } else {
            throw Decline{};
        }
        if (keep_points) f.points.assign(scratch_.begin(), scratch_.end());
    }
};

// Splits the FeatureCollection into its features (handed to the parser one by one, so the whole
// file is never in memory) and the rest of the top-level object, with "features": [].
class Splitter {
public:
    explicit Splitter(Parser& p) : parser_(p) {}

    void bytes(const char* data, size_t n) {
        size_t i = 0;
        while (i < n) {
            if (in_feature_) i = feature_bytes(data, i, n);
            else outer_byte(data[i++]);
        }
    }
    void finish() const {
        if (!closed_ || in_feature_ || !found_features_) throw Decline{};
    }
    const std::string& outer() const { return outer_; }

private:
    Parser& parser_;
    std::string outer_, feature_, key_;
    bool in_string_ = false, escaped_ = false;
    bool in_feature_ = false, in_features_ = false, found_features_ = false, closed_ = false;
    bool after_features_key_ = false, features_colon_ = false;
    int depth_ = 0, feature_depth_ = 0;

    // Inside a feature: only strings and braces matter; runs of other bytes are copied whole.
    size_t feature_bytes(const char* data, size_t i, size_t n) {
        const size_t start = i;
        while (i < n) {
            const char c = data[i];
            if (in_string_) {
                if (escaped_) escaped_ = false;
                else if (c == '\\') escaped_ = true;
                else if (c == '"') in_string_ = false;
            } else if (c == '"') {
                in_string_ = true;
            } else if (c == '{') {
                ++feature_depth_;
            } else if (c == '}' && --feature_depth_ == 0) {
                feature_.append(data + start, i + 1 - start);
                in_feature_ = false;
                parser_.feature(feature_);
                return i + 1;
            }
            ++i;
        }
        feature_.append(data + start, n - start);
        return n;
    }

    void outer_byte(char c) {
        if (closed_) {
            if (!std::isspace(static_cast<unsigned char>(c))) throw Decline{};
            return;
        }
        if (in_string_) {
            outer_ += c;
            if (escaped_) escaped_ = false;
            else if (c == '\\') escaped_ = true;
            else if (c == '"') {
                in_string_ = false;
                after_features_key_ = depth_ == 1 && key_ == "features";
            } else if (depth_ == 1) key_ += c;
            return;
        }
        if (std::isspace(static_cast<unsigned char>(c))) return;
        if (in_features_ && depth_ == 2) {  // between features
            if (c == ',') return;
            if (c == '{') {
                in_feature_ = true;
                feature_depth_ = 1;
                feature_ = "{";
                return;
            }
            if (c != ']') throw Decline{};  // a feature that is not an object
            in_features_ = false;
            depth_ = 1;
            outer_ += c;
            return;
        }
        if (depth_ == 0 && c != '{') throw Decline{};  // not an object at the top
        const bool features_value = features_colon_;
        if (c != ':') after_features_key_ = false;
        features_colon_ = false;
        outer_ += c;
        switch (c) {
            case '"':
                in_string_ = true;
                key_.clear();
                break;
            case ':':
                features_colon_ = after_features_key_;
                after_features_key_ = false;
                break;
            case '[':
                if (depth_ == 1 && features_value) {
                    if (found_features_) throw Decline{};
                    in_features_ = found_features_ = true;
                }
                ++depth_;
                break;
            case '{': ++depth_; break;
            case ']':
            case '}':
                if (--depth_ == 0) closed_ = true;
                if (depth_ < 0) throw Decline{};
                break;
            default: break;
        }
    }
};

size_t bom_length(const char* data, size_t n) {
    return n >= 3 && std::string_view(data, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // a UTF-8 byte order mark
}

bool wanted_name(const std::string& source) {
    std::string s = source;
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    auto ends = [&](const char* e) {
        const size_t n = std::char_traits<char>::length(e);
        return s.size() >= n && s.compare(s.size() - n, n, e) == 0;
    };
    if (s.rfind("/vsigzip/", 0) == 0) return ends(".geojson.gz") || ends(".json.gz") || ends(".geojson") || ends(".json");
    if (s.rfind("/vsi", 0) == 0 || s.find(':') != std::string::npos) return false;
    return ends(".geojson") || ends(".json");
}

// Second pass: GetNextFeature reads the file on, a chunk at a time, and builds each feature's OGR
// geometry from the parsed coordinates; the first pass has checked that everything parses.
class FastLayer final : public OGRLayer {
public:
    FastLayer(OGRFeatureDefn* defn, std::string source, Parser schema, size_t count, int shift)
        : defn_(defn), source_(std::move(source)), parser_(std::move(schema)), count_(count), shift_(shift) {
        defn_->Reference();
        parser_.keep_points = true;
        parser_.count = 0;
        parser_.features.clear();
    }
    ~FastLayer() override {
        defn_->Release();
        if (file_) VSIFCloseL(file_);
    }

    void ResetReading() override {
        if (file_) VSIFCloseL(file_);
        file_ = nullptr;
        splitter_.reset();
        parser_.count = 0;
        parser_.features.clear();
        queued_ = 0;
        next_ = 0;
        failed_ = false;
    }
    OGRFeature* GetNextFeature() override {
        if (failed_ || next_ >= count_) return nullptr;
        if (queued_ >= parser_.features.size() && !refill()) return nullptr;
        Feature f = std::move(parser_.features[queued_++]);
        auto* out = new OGRFeature(defn_);
        out->SetFID(GIntBig(next_++));
        for (const auto& [index, v] : f.values) {
            const int field = index + shift_;  // a string id is field 0
            switch (v.kind) {
                case Value::Text: out->SetField(field, v.s.c_str()); break;
                case Value::Int:
                    if (defn_->GetFieldDefn(field)->GetType() == OFTReal) out->SetField(field, double(v.i));
                    else out->SetField(field, GIntBig(v.i));
                    break;
                case Value::Real: out->SetField(field, v.d); break;
                case Value::Null: break;
            }
        }
        if (f.geometry) out->SetGeometryDirectly(build(f));
        return out;
    }
    OGRFeatureDefn* GetLayerDefn() override { return defn_; }
    GIntBig GetFeatureCount(int) override { return GIntBig(count_); }
    int TestCapability(const char* cap) override { return EQUAL(cap, OLCFastFeatureCount); }

private:
    OGRFeatureDefn* defn_;
    std::string source_;
    Parser parser_;
    size_t count_;
    int shift_;
    VSILFILE* file_ = nullptr;
    std::unique_ptr<Splitter> splitter_;
    std::vector<char> chunk_;
    size_t queued_ = 0, next_ = 0;
    bool failed_ = false, first_chunk_ = true;

    bool fail(const char* why) {
        CPLError(CE_Failure, CPLE_FileIO, "%s: %s", source_.c_str(), why);
        failed_ = true;
        return false;
    }
    // Reads on until at least one more feature is parsed.
    bool refill() {
        parser_.features.clear();
        queued_ = 0;
        try {
            if (!file_) {
                file_ = VSIFOpenL(source_.c_str(), "rb");
                if (!file_) return fail("cannot be opened again");
                splitter_ = std::make_unique<Splitter>(parser_);
                chunk_.resize(size_t(1) << 20);
                first_chunk_ = true;
            }
            while (parser_.features.empty()) {
                const size_t n = VSIFReadL(chunk_.data(), 1, chunk_.size(), file_);
                if (n == 0) return fail("ended early (changed while being read?)");
                const size_t skip = first_chunk_ ? bom_length(chunk_.data(), n) : 0;
                first_chunk_ = false;
                splitter_->bytes(chunk_.data() + skip, n - skip);
            }
            return true;
        } catch (const Decline&) {
            return fail("changed while being read");
        } catch (const simdjson::simdjson_error& e) {
            return fail(e.what());
        }
    }

    OGRGeometry* build(const Feature& f) {
        auto* multi = f.geometry == 2 ? new OGRMultiPolygon : nullptr;
        OGRPolygon* single = nullptr;
        size_t ring = 0, point = 0;
        for (uint32_t rings : f.rings_per_polygon) {
            auto* poly = new OGRPolygon;
            for (uint32_t r = 0; r < rings; ++r, ++ring) {
                auto* lr = new OGRLinearRing;
                const uint32_t n = f.points_per_ring[ring];
                lr->setPoints(int(n), f.points.data() + point);
                point += n;
                poly->addRingDirectly(lr);
            }
            if (multi) multi->addGeometryDirectly(poly);
            else single = poly;
        }
        if (multi) return multi;
        return single ? single : new OGRPolygon;
    }
};

class FastDataset final : public GDALDataset {
public:
    explicit FastDataset(std::unique_ptr<FastLayer> layer) : layer_(std::move(layer)) {
        poDriver = GetGDALDriverManager()->GetDriverByName("GeoJSON");  // what GDAL would report
    }
    int GetLayerCount() override { return 1; }
    OGRLayer* GetLayer(int i) override { return i == 0 ? layer_.get() : nullptr; }

private:
    std::unique_ptr<FastLayer> layer_;
};

bool crs84(std::string_view name) {
    return name == "urn:ogc:def:crs:OGC:1.3:CRS84" || name == "urn:ogc:def:crs:OGC::CRS84" || name == "OGC:CRS84";
}

}  // namespace

GDALDatasetUniquePtr open_geojson_fast(const std::string& source) {
    if (const char* env = std::getenv("NTM_GEOJSON_READER"); env && std::string(env) == "gdal") return nullptr;
    if (!wanted_name(source) || !GetGDALDriverManager()->GetDriverByName("GeoJSON")) return nullptr;
    VSILFILE* file = VSIFOpenL(source.c_str(), "rb");
    if (!file) return nullptr;
    try {
        Parser parser;
        Splitter splitter(parser);
        std::vector<char> chunk(size_t(1) << 20);
        bool first = true;
        while (true) {
            const size_t n = VSIFReadL(chunk.data(), 1, chunk.size(), file);
            if (n == 0) break;
            const size_t skip = first ? bom_length(chunk.data(), n) : 0;
            first = false;
            splitter.bytes(chunk.data() + skip, n - skip);
        }
        VSIFCloseL(file);
        file = nullptr;
        splitter.finish();
        if (parser.count == 0) return nullptr;

        // The rest of the top level: "type", the layer's "name", "crs".
        simdjson::dom::parser dom;
        const simdjson::dom::object top = dom.parse(splitter.outer()).get_object();
        std::string_view type;
        if (top["type"].get(type) != simdjson::SUCCESS || type != "FeatureCollection") return nullptr;
        if (const auto crs = top["crs"]; crs.error() != simdjson::error_code::NO_SUCH_FIELD) {
            std::string_view name;
            if (crs["type"].get_string().value() != "name" || crs["properties"]["name"].get(name) != simdjson::SUCCESS ||
                !crs84(name))
                return nullptr;
        }
        std::string layer_name;
        if (const auto name = top["name"]; name.error() != simdjson::error_code::NO_SUCH_FIELD) {
            std::string_view s;
            if (name.get(s) != simdjson::SUCCESS) return nullptr;
            layer_name = std::string(s);
        } else {
            if (source.rfind("/vsi", 0) == 0) return nullptr;  // GDAL's default names vary there
            layer_name = CPLGetBasename(source.c_str());
        }

        auto* defn = new OGRFeatureDefn(layer_name.c_str());
        defn->SetGeomType(parser.any_polygon && parser.any_multi ? wkbUnknown
                          : parser.any_multi                     ? wkbMultiPolygon
                                                                 : wkbPolygon);
        const int shift = parser.any_id ? 1 : 0;  // GDAL puts a string feature id first, as field "id"
        if (shift) {
            OGRFieldDefn id("id", OFTString);
            defn->AddFieldDefn(&id);
        }
        for (const FieldInfo& f : parser.fields) {
            OGRFieldDefn fd(f.name.c_str(), f.type());
            defn->AddFieldDefn(&fd);
        }
        auto* srs = new OGRSpatialReference(SRS_WKT_WGS84_LAT_LONG);
        srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        defn->GetGeomFieldDefn(0)->SetSpatialRef(srs);
        srs->Release();
        const size_t count = parser.count;
        auto layer = std::make_unique<FastLayer>(defn, source, std::move(parser), count, shift);
        return GDALDatasetUniquePtr(new FastDataset(std::move(layer)));
    } catch (const Decline&) {
    } catch (const simdjson::simdjson_error&) {
    }
    if (file) VSIFCloseL(file);
    return nullptr;
}

}  // namespace ntm::io
