#include "io/views_file.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "core/csv.h"
#include "core/error.h"
#include "core/text.h"

namespace fs = std::filesystem;

namespace ntm::io {
namespace {

constexpr const char* kFormat = "ntm-atlas-views";
constexpr int kVersion = 1;

// --- A small strict JSON reader (RFC 8259, UTF-8 only) -----------------------------------------

struct Json {
    enum class Type { Null, Bool, Number, String, Array, Object } type = Type::Null;
    bool boolean = false;
    double number = 0;
    std::string string;
    std::vector<Json> array;
    std::vector<std::pair<std::string, Json>> object;
    size_t offset = 0;  // where the value starts, for messages

    const Json* find(const std::string& key) const {
        for (const auto& [k, v] : object)
            if (k == key) return &v;
        return nullptr;
    }
};

class Parser {
public:
    Parser(const std::string& text, std::string name) : text_(text), name_(std::move(name)) {}

    Json parse_document() {
        check_utf8();
        if (text_.size() >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;  // BOM
        skip_space();
        if (pos_ >= text_.size()) fail(pos_, "the file is empty");
        Json value = parse_value(0);
        skip_space();
        if (pos_ < text_.size()) fail(pos_, "unexpected text after the end of the document");
        return value;
    }

    [[noreturn]] void fail(size_t offset, const std::string& what) const {
        throw Error(where(offset) + what);
    }

    std::string where(size_t offset) const {
        int line = 1, column = 1;
        for (size_t i = 0; i < offset && i < text_.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(text_[i]);
            if (c == '\n') {
                ++line;
                column = 1;
            } else if ((c & 0xC0) != 0x80) {
                ++column;  // count characters, not bytes
            }
        }
        return name_ + ": line " + std::to_string(line) + ", column " + std::to_string(column) +
               " (byte " + std::to_string(offset) + "): ";
    }

private:
    void check_utf8() const {
        size_t i = 0;
        const size_t n = text_.size();
        while (i < n) {
            const unsigned char c = static_cast<unsigned char>(text_[i]);
            int extra = 0;
            uint32_t cp = 0;
            if (c < 0x80) {
                ++i;
                continue;
            } else if ((c & 0xE0) == 0xC0) {
                extra = 1;
                cp = c & 0x1F;
            } else if ((c & 0xF0) == 0xE0) {
                extra = 2;
                cp = c & 0x0F;
            } else if ((c & 0xF8) == 0xF0) {
                extra = 3;
                cp = c & 0x07;
            } else {
                fail(i, "not UTF-8 text (byte 0x" + hex(c) + ")");
            }
            if (i + extra >= n)
                fail(i, "the file ends inside a UTF-8 character (cut short?)");
            for (int k = 1; k <= extra; ++k) {
                const unsigned char d = static_cast<unsigned char>(text_[i + k]);
                if ((d & 0xC0) != 0x80) fail(i, "not UTF-8 text (byte 0x" + hex(c) + ")");
                cp = (cp << 6) | (d & 0x3F);
            }
            const uint32_t min[] = {0, 0x80, 0x800, 0x10000};
            if (cp < min[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                fail(i, "not UTF-8 text (invalid sequence)");
            i += extra + 1;
        }
    }

    static std::string hex(unsigned char c) {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%02X", c);
        return buf;
    }

    void skip_space() {
        while (pos_ < text_.size() &&
               (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r'))
            ++pos_;
    }

    [[noreturn]] void unexpected(const char* expected) const {
        if (pos_ >= text_.size())
            fail(pos_, std::string("the file ends where ") + expected + " was expected (cut short?)");
        const unsigned char c = static_cast<unsigned char>(text_[pos_]);
        std::string shown = c >= 0x20 && c < 0x7F ? std::string("'") + static_cast<char>(c) + "'"
                                                  : "byte 0x" + hex(c);
        fail(pos_, std::string("expected ") + expected + ", found " + shown);
    }

    Json parse_value(int depth) {
        if (depth > 64) fail(pos_, "nested too deeply");
        skip_space();
        if (pos_ >= text_.size()) unexpected("a value");
        const char c = text_[pos_];
        Json v;
        v.offset = pos_;
        if (c == '{') {
            v.type = Json::Type::Object;
            ++pos_;
            skip_space();
            if (pos_ < text_.size() && text_[pos_] == '}') {
                ++pos_;
                return v;
            }
            for (;;) {
                skip_space();
                if (pos_ >= text_.size() || text_[pos_] != '"') unexpected("a field name in quotes");
                std::string key = parse_string();
                skip_space();
                if (pos_ >= text_.size() || text_[pos_] != ':') unexpected("':'");
                ++pos_;
                Json member = parse_value(depth + 1);
                v.object.emplace_back(std::move(key), std::move(member));
                skip_space();
                if (pos_ < text_.size() && text_[pos_] == ',') {
                    ++pos_;
                    continue;
                }
                if (pos_ < text_.size() && text_[pos_] == '}') {
                    ++pos_;
                    return v;
                }
                unexpected("',' or '}'");
            }
        }
        if (c == '[') {
            v.type = Json::Type::Array;
            ++pos_;
            skip_space();
            if (pos_ < text_.size() && text_[pos_] == ']') {
                ++pos_;
                return v;
            }
            for (;;) {
                v.array.push_back(parse_value(depth + 1));
                skip_space();
                if (pos_ < text_.size() && text_[pos_] == ',') {
                    ++pos_;
                    continue;
                }
                if (pos_ < text_.size() && text_[pos_] == ']') {
                    ++pos_;
                    return v;
                }
                unexpected("',' or ']'");
            }
        }
        if (c == '"') {
            v.type = Json::Type::String;
            v.string = parse_string();
            return v;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            v.type = Json::Type::Number;
            v.number = parse_number();
            return v;
        }
        if (literal("true")) {
            v.type = Json::Type::Bool;
            v.boolean = true;
            return v;
        }
        if (literal("false")) {
            v.type = Json::Type::Bool;
            return v;
        }
        if (literal("null")) return v;
        unexpected("a value");
    }

    bool literal(const char* word) {
        const size_t n = std::strlen(word);
        if (text_.compare(pos_, n, word) != 0) return false;
        pos_ += n;
        return true;
    }

    double parse_number() {
        const size_t start = pos_;
        auto digits = [&] {
            const size_t from = pos_;
            while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
            return pos_ > from;
        };
        if (text_[pos_] == '-') ++pos_;
        if (pos_ < text_.size() && text_[pos_] == '0') {
            ++pos_;
        } else if (!digits()) {
            unexpected("a digit");
        }
        if (pos_ < text_.size() && text_[pos_] == '.') {
            ++pos_;
            if (!digits()) unexpected("a digit after '.'");
        }
        if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
            ++pos_;
            if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
            if (!digits()) unexpected("a digit in the exponent");
        }
        // strtod in the C locale: the number text is plain ASCII JSON.
        std::istringstream in(text_.substr(start, pos_ - start));
        in.imbue(std::locale::classic());
        double value = 0;
        in >> value;
        if (!std::isfinite(value)) fail(start, "number out of range");
        return value;
    }

    unsigned hex4() {
        if (pos_ + 4 > text_.size()) {
            pos_ = text_.size();
            unexpected("four hex digits");
        }
        unsigned v = 0;
        for (int k = 0; k < 4; ++k) {
            const char h = text_[pos_];
            v <<= 4;
            if (h >= '0' && h <= '9') v |= h - '0';
            else if (h >= 'a' && h <= 'f') v |= h - 'a' + 10;
            else if (h >= 'A' && h <= 'F') v |= h - 'A' + 10;
            else unexpected("a hex digit");
            ++pos_;
        }
        return v;
    }

    static void append_utf8(std::string& out, uint32_t cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    std::string parse_string() {
        const size_t start = pos_;
        ++pos_;  // opening quote
        std::string out;
        for (;;) {
            if (pos_ >= text_.size())
                fail(start, "the string starting here is not closed (the file ends inside it; cut short?)");
            const unsigned char c = static_cast<unsigned char>(text_[pos_]);
            if (c == '"') {
                ++pos_;
                return out;
            }
            if (c < 0x20) fail(pos_, "control character inside a string (a line break needs \\n)");
            if (c != '\\') {
                out += static_cast<char>(c);
                ++pos_;
                continue;
            }
            ++pos_;
            if (pos_ >= text_.size()) unexpected("an escape character");
            const char e = text_[pos_++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                const size_t at = pos_ - 2;
                uint32_t cp = hex4();
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (text_.compare(pos_, 2, "\\u") != 0) fail(at, "unpaired UTF-16 surrogate in \\u escape");
                    pos_ += 2;
                    const uint32_t low = hex4();
                    if (low < 0xDC00 || low > 0xDFFF) fail(at, "unpaired UTF-16 surrogate in \\u escape");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    fail(at, "unpaired UTF-16 surrogate in \\u escape");
                }
                append_utf8(out, cp);
                break;
            }
            default: --pos_; unexpected("a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)");
            }
        }
    }

    const std::string& text_;
    std::string name_;
    size_t pos_ = 0;
};

// --- Writing ------------------------------------------------------------------------------------

std::string quoted(const std::string& s) { return json_quote(s); }

std::string number(double v) {
    // Shortest text that reads back to the same double, in the C locale.
    for (int precision = 15; precision <= 17; ++precision) {
        std::ostringstream o;
        o.imbue(std::locale::classic());
        o.precision(precision);
        o << v;
        std::istringstream in(o.str());
        in.imbue(std::locale::classic());
        double back = 0;
        in >> back;
        if (back == v || precision == 17) return o.str();
    }
    return "0";
}

const char* focus_id(ViewFocus f) {
    switch (f) {
    case ViewFocus::All: return "all";
    case ViewFocus::Extent: return "extent";
    case ViewFocus::District: return "district";
    }
    return "all";
}

// --- Reading the document -----------------------------------------------------------------------

const char* type_name(Json::Type t) {
    switch (t) {
    case Json::Type::Null: return "null";
    case Json::Type::Bool: return "true/false";
    case Json::Type::Number: return "a number";
    case Json::Type::String: return "text";
    case Json::Type::Array: return "a list";
    case Json::Type::Object: return "an object";
    }
    return "?";
}

class Reader {
public:
    explicit Reader(const Parser& parser) : parser_(parser) {}

    void expect(const Json& v, Json::Type type, const std::string& what) const {
        if (v.type != type)
            parser_.fail(v.offset, what + " must be " + type_name(type) + ", not " + type_name(v.type));
    }

    Date date(const Json& v, const std::string& what) const {
        expect(v, Json::Type::String, what);
        const auto d = parse_date(v.string);
        if (!d || v.string.size() != 10) parser_.fail(v.offset, what + " must be a date YYYY-MM-DD, not '" + v.string + "'");
        return *d;
    }

    int integer(const Json& v, const std::string& what, int lo, int hi) const {
        expect(v, Json::Type::Number, what);
        if (v.number != std::floor(v.number) || v.number < lo || v.number > hi)
            parser_.fail(v.offset, what + " must be a whole number from " + std::to_string(lo) + " to " +
                                       std::to_string(hi));
        return static_cast<int>(v.number);
    }

    BriefingView view(const Json& v, int number) const {
        const std::string what = "view " + std::to_string(number);
        expect(v, Json::Type::Object, what);
        BriefingView out;
        if (const Json* t = v.find("title")) {
            expect(*t, Json::Type::String, what + ": \"title\"");
            out.title = t->string;
        }
        const Json* d = v.find("date");
        if (!d) parser_.fail(v.offset, what + " has no \"date\"");
        out.date = date(*d, what + ": \"date\"");
        if (const Json* e = v.find("extent"); e && e->type != Json::Type::Null) {
            expect(*e, Json::Type::Array, what + ": \"extent\"");
            if (e->array.size() != 4) parser_.fail(e->offset, what + ": \"extent\" must be [min_x, min_y, max_x, max_y]");
            double c[4];
            for (int k = 0; k < 4; ++k) {
                expect(e->array[k], Json::Type::Number, what + ": \"extent\"");
                c[k] = e->array[k].number;
            }
            out.extent = {c[0], c[1], c[2], c[3]};
            if (!out.extent.valid()) parser_.fail(e->offset, what + ": \"extent\" is empty (min must be below max)");
        }
        if (const Json* s = v.find("district"); s && s->type != Json::Type::Null) {
            expect(*s, Json::Type::String, what + ": \"district\"");
            out.district_code = s->string;
        }
        out.focus = out.extent.valid() ? ViewFocus::Extent : ViewFocus::All;
        if (!out.district_code.empty()) out.focus = ViewFocus::District;
        if (const Json* f = v.find("focus")) {
            expect(*f, Json::Type::String, what + ": \"focus\"");
            if (f->string == "all") out.focus = ViewFocus::All;
            else if (f->string == "extent") out.focus = ViewFocus::Extent;
            else if (f->string == "district") out.focus = ViewFocus::District;
            else parser_.fail(f->offset, what + ": \"focus\" must be \"all\", \"extent\" or \"district\", not '" + f->string + "'");
            if (out.focus == ViewFocus::Extent && !out.extent.valid())
                parser_.fail(f->offset, what + ": \"focus\" is \"extent\" but the view has no \"extent\"");
            if (out.focus == ViewFocus::District && out.district_code.empty())
                parser_.fail(f->offset, what + ": \"focus\" is \"district\" but the view has no \"district\"");
        }
        if (const Json* b = v.find("highlighted_band"); b && b->type != Json::Type::Null)
            out.highlighted_band = integer(*b, what + ": \"highlighted_band\"", -1, 1000);
        if (const Json* c = v.find("highlighted_criterion"); c && c->type != Json::Type::Null)
            out.highlighted_criterion = integer(*c, what + ": \"highlighted_criterion\"", 0, 1000);
        if (const Json* c = v.find("compare_date"); c && c->type != Json::Type::Null)
            out.compare_date = date(*c, what + ": \"compare_date\"");
        return out;
    }

    ViewsFileContent document(const Json& root) const {
        expect(root, Json::Type::Object, "the document");
        const Json* format = root.find("format");
        if (!format || format->type != Json::Type::String || format->string != kFormat)
            parser_.fail(format ? format->offset : root.offset,
                         std::string("not an NTM Atlas views file (\"format\" must be \"") + kFormat + "\")");
        if (const Json* version = root.find("version")) {
            const int v = integer(*version, "\"version\"", 1, 1000000);
            if (v > kVersion)
                parser_.fail(version->offset, "written by a newer NTM Atlas (views format version " +
                                                  std::to_string(v) + "); update the program");
        }
        ViewsFileContent out;
        if (const Json* crs = root.find("crs"); crs && crs->type != Json::Type::Null) {
            expect(*crs, Json::Type::String, "\"crs\"");
            out.crs = crs->string;
        }
        const Json* views = root.find("views");
        if (!views) parser_.fail(root.offset, "no \"views\" list");
        expect(*views, Json::Type::Array, "\"views\"");
        for (size_t i = 0; i < views->array.size(); ++i)
            out.views.create(view(views->array[i], static_cast<int>(i) + 1));
        return out;
    }

private:
    const Parser& parser_;
};

std::string read_whole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot read the views file " + path + ": " + std::strerror(errno));
    std::ostringstream s;
    s << in.rdbuf();
    if (in.bad()) throw Error("cannot read the views file " + path);
    return s.str();
}

// The views file's own wording on errors, over the one atomic writer.
void write_atomically(const std::string& path, const std::string& data) {
    try {
        write_file_atomically(path, data);
    } catch (const Error& e) {
        throw Error(std::string("the views file ") + e.what());
    }
}

}  // namespace

std::string views_path_for(const std::string& data_path) {
    std::string p = data_path;
    if (p.rfind("/vsi", 0) == 0) {
        const size_t slash = p.find('/', 1);
        if (slash != std::string::npos) p = p.substr(slash + 1);
    }
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    return p + ".views.json";
}

std::string views_to_json(const BriefingViews& views, const std::string& crs) {
    std::string o = "{\n  \"format\": \"" + std::string(kFormat) + "\",\n  \"version\": " +
                    std::to_string(kVersion) + ",\n";
    if (!crs.empty()) o += "  \"crs\": " + quoted(crs) + ",\n";
    o += "  \"views\": [";
    for (int i = 0; i < views.size(); ++i) {
        const BriefingView& v = views.at(i);
        o += i ? ",\n    {" : "\n    {";
        o += "\"title\": " + quoted(v.title) + ", \"date\": \"" + v.date.iso() + "\", \"focus\": \"" +
             focus_id(v.focus) + "\"";
        if (v.extent.valid())
            o += ", \"extent\": [" + number(v.extent.min_x) + ", " + number(v.extent.min_y) + ", " +
                 number(v.extent.max_x) + ", " + number(v.extent.max_y) + "]";
        if (!v.district_code.empty()) o += ", \"district\": " + quoted(v.district_code);
        if (v.highlighted_band >= 0) o += ", \"highlighted_band\": " + std::to_string(v.highlighted_band);
        if (v.highlighted_criterion > 0)
            o += ", \"highlighted_criterion\": " + std::to_string(v.highlighted_criterion);
        if (v.compare_date) o += ", \"compare_date\": \"" + v.compare_date->iso() + "\"";
        o += "}";
    }
    o += views.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return o;
}

ViewsFileContent parse_views_json(const std::string& text, const std::string& name) {
    Parser parser(text, name);
    const Json root = parser.parse_document();
    return Reader(parser).document(root);
}

ViewsFileContent read_views_file(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return {};
    if (fs::is_directory(path, ec)) throw Error("the views file " + path + " is a folder");
    return parse_views_json(read_whole(path), path);
}

void write_views_file(const std::string& path, const BriefingViews& views, const std::string& crs) {
    if (path.empty()) throw Error("no views file to write (no dataset open)");
    // Keep the previous good file as "<file>.bak" (never a damaged one over a good backup).
    std::error_code ec;
    if (fs::exists(path, ec)) {
        try {
            const std::string old = read_whole(path);
            parse_views_json(old, path);
            write_atomically(path + ".bak", old);
        } catch (const Error&) {
            // Damaged or unreadable: no backup of it. (ViewsStore never gets here unconfirmed.)
        }
    }
    write_atomically(path, views_to_json(views, crs));
}

// --- ViewsStore -----------------------------------------------------------------------------------

bool ViewsStore::load(const std::string& path, const std::string& crs) {
    const bool same = path == path_;
    path_ = path;
    crs_ = crs;
    error_.clear();
    blocked_ = false;
    try {
        ViewsFileContent content = read_views_file(path);
        views_ = std::move(content.views);
        file_crs_ = std::move(content.crs);
        dirty_ = false;
        return true;
    } catch (const Error& e) {
        if (!same) {
            views_.clear();
            file_crs_.clear();
        }
        error_ = e.what();
        blocked_ = true;
        return false;
    }
}

void ViewsStore::reset() { *this = ViewsStore(); }

bool ViewsStore::confirm_overwrite() {
    if (!blocked_) return true;
    std::error_code ec;
    if (fs::exists(path_, ec)) {
        const std::string aside = path_ + ".damaged";
        fs::rename(path_, aside, ec);
        if (ec) {
            error_ = "cannot move the damaged views file " + path_ + " aside to " + aside + ": " + ec.message();
            return false;
        }
    }
    blocked_ = false;
    error_.clear();
    return true;
}

bool ViewsStore::backup_available() const {
    if (path_.empty()) return false;
    try {
        std::error_code ec;
        if (!fs::exists(path_ + ".bak", ec)) return false;
        read_views_file(path_ + ".bak");
        return true;
    } catch (const Error&) {
        return false;
    }
}

bool ViewsStore::restore_backup() {
    try {
        std::error_code ec;
        if (!fs::exists(path_ + ".bak", ec)) throw Error("there is no backup " + path_ + ".bak");
        ViewsFileContent content = read_views_file(path_ + ".bak");
        views_ = std::move(content.views);
        file_crs_ = std::move(content.crs);
        dirty_ = true;
        return true;
    } catch (const Error& e) {
        error_ = e.what();
        return false;
    }
}

bool ViewsStore::save() {
    if (path_.empty()) {
        error_ = "no dataset is open: the views cannot be saved";
        dirty_ = true;
        return false;
    }
    if (blocked_) {
        dirty_ = true;
        return false;  // error_ still says why
    }
    try {
        write_views_file(path_, views_, crs_);
        file_crs_ = crs_;
        error_.clear();
        dirty_ = false;
        return true;
    } catch (const Error& e) {
        error_ = e.what();
        dirty_ = true;
        return false;
    }
}

}  // namespace ntm::io
