#include "io/views_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
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

// --- Reading (nlohmann-json parses; here the checks of what the views file must hold) ---------

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

// "line 3, column 7 (byte 41): " of a byte offset; columns count characters, not bytes.
std::string where(const std::string& text, size_t offset) {
    int line = 1, column = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column) + " (byte " +
           std::to_string(offset) + "): ";
}

// The parser's complaint in the words of this file's readers (its own text may quote bytes
// that are not UTF-8).
std::string syntax_problem(const std::string& text, const Json::parse_error& e, size_t* offset) {
    const std::string what = e.what();
    *offset = e.byte > 0 ? std::min<size_t>(e.byte - 1, text.size()) : 0;
    // The parser stopped at the last byte: a file cut in half (in a value, a string or a character).
    if (what.find("unexpected end of input") != std::string::npos ||
        (e.byte >= text.size() && what.find("invalid string") != std::string::npos)) {
        *offset = text.size();
        return "the file is cut short (it ends inside a value)";
    }
    if (what.find("UTF-8") != std::string::npos || what.find("invalid string") != std::string::npos)
        return "text that is not valid UTF-8 (or holds a control character)";
    if (what.find("; expected end of input") != std::string::npos) return "unexpected text after the end of the document";
    if (what.find("object key") != std::string::npos || what.find("object separator") != std::string::npos)
        return "expected a field name in quotes";
    return "expected a value (a number, text, true/false, null, a list or an object)";
}

const char* type_name(const Json& v) {
    if (v.is_null()) return "null";
    if (v.is_boolean()) return "true/false";
    if (v.is_number()) return "a number";
    if (v.is_string()) return "text";
    if (v.is_array()) return "a list";
    return "an object";
}

class Reader {
public:
    explicit Reader(std::string name) : name_(std::move(name)) {}

    [[noreturn]] void fail(const std::string& what) const { throw Error(name_ + ": " + what); }

    const Json* find(const Json& object, const char* key) const {
        const auto it = object.find(key);
        return it == object.end() ? nullptr : &*it;
    }

    void expect(const Json& v, bool ok, const char* type, const std::string& what) const {
        if (!ok) fail(what + " must be " + type + ", not " + type_name(v));
    }

    const std::string& text(const Json& v, const std::string& what) const {
        expect(v, v.is_string(), "text", what);
        return v.get_ref<const std::string&>();
    }

    Date date(const Json& v, const std::string& what) const {
        const std::string& s = text(v, what);
        const auto d = parse_date(s);
        if (!d || s.size() != 10) fail(what + " must be a date YYYY-MM-DD, not '" + s + "'");
        return *d;
    }

    int integer(const Json& v, const std::string& what, int lo, int hi) const {
        expect(v, v.is_number(), "a number", what);
        const double n = v.get<double>();
        if (n != std::floor(n) || n < lo || n > hi)
            fail(what + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
        return static_cast<int>(n);
    }

    BriefingView view(const Json& v, int number) const {
        const std::string what = "view " + std::to_string(number);
        expect(v, v.is_object(), "an object", what);
        BriefingView out;
        if (const Json* t = find(v, "title")) out.title = text(*t, what + ": \"title\"");
        const Json* d = find(v, "date");
        if (!d) fail(what + " has no \"date\"");
        out.date = date(*d, what + ": \"date\"");
        if (const Json* e = find(v, "extent"); e && !e->is_null()) {
            expect(*e, e->is_array(), "a list", what + ": \"extent\"");
            if (e->size() != 4) fail(what + ": \"extent\" must be [min_x, min_y, max_x, max_y]");
            double c[4];
            for (int k = 0; k < 4; ++k) {
                const Json& x = (*e)[k];
                expect(x, x.is_number(), "a number", what + ": \"extent\" item " + std::to_string(k + 1));
                c[k] = x.get<double>();
            }
            out.extent = {c[0], c[1], c[2], c[3]};
            if (!out.extent.valid()) fail(what + ": \"extent\" is empty (min must be below max)");
        }
        if (const Json* s = find(v, "district"); s && !s->is_null()) out.district_code = text(*s, what + ": \"district\"");
        out.focus = out.extent.valid() ? ViewFocus::Extent : ViewFocus::All;
        if (!out.district_code.empty()) out.focus = ViewFocus::District;
        if (const Json* f = find(v, "focus")) {
            const std::string& focus = text(*f, what + ": \"focus\"");
            if (focus == "all") out.focus = ViewFocus::All;
            else if (focus == "extent") out.focus = ViewFocus::Extent;
            else if (focus == "district") out.focus = ViewFocus::District;
            else fail(what + ": \"focus\" must be \"all\", \"extent\" or \"district\", not '" + focus + "'");
            if (out.focus == ViewFocus::Extent && !out.extent.valid())
                fail(what + ": \"focus\" is \"extent\" but the view has no \"extent\"");
            if (out.focus == ViewFocus::District && out.district_code.empty())
                fail(what + ": \"focus\" is \"district\" but the view has no \"district\"");
        }
        if (const Json* b = find(v, "highlighted_band"); b && !b->is_null())
            out.highlighted_band = integer(*b, what + ": \"highlighted_band\"", -1, 1000);
        if (const Json* c = find(v, "highlighted_criterion"); c && !c->is_null())
            out.highlighted_criterion = integer(*c, what + ": \"highlighted_criterion\"", 0, 1000);
        if (const Json* c = find(v, "compare_date"); c && !c->is_null())
            out.compare_date = date(*c, what + ": \"compare_date\"");
        return out;
    }

    ViewsFileContent document(const Json& root) const {
        expect(root, root.is_object(), "an object", "the document");
        const Json* format = find(root, "format");
        if (!format || !format->is_string() || format->get_ref<const std::string&>() != kFormat)
            fail(std::string("not an NTM Atlas views file (\"format\" must be \"") + kFormat + "\")");
        if (const Json* version = find(root, "version")) {
            const int v = integer(*version, "\"version\"", 1, 1000000);
            if (v > kVersion)
                fail("written by a newer NTM Atlas (views format version " + std::to_string(v) + "); update the program");
        }
        ViewsFileContent out;
        if (const Json* crs = find(root, "crs"); crs && !crs->is_null()) out.crs = text(*crs, "\"crs\"");
        const Json* views = find(root, "views");
        if (!views) fail("no \"views\" list");
        expect(*views, views->is_array(), "a list", "\"views\"");
        for (size_t i = 0; i < views->size(); ++i) out.views.create(view((*views)[i], static_cast<int>(i) + 1));
        return out;
    }

private:
    std::string name_;
};

const char* focus_id(ViewFocus f) {
    switch (f) {
    case ViewFocus::All: return "all";
    case ViewFocus::Extent: return "extent";
    case ViewFocus::District: return "district";
    }
    return "all";
}

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
    OrderedJson o;
    o["format"] = kFormat;
    o["version"] = kVersion;
    if (!crs.empty()) o["crs"] = crs;
    OrderedJson& list = o["views"] = OrderedJson::array();
    for (int i = 0; i < views.size(); ++i) {
        const BriefingView& v = views.at(i);
        OrderedJson x;
        x["title"] = v.title;
        x["date"] = v.date.iso();
        x["focus"] = focus_id(v.focus);
        // Doubles are written as the shortest text that reads back to the same value.
        if (v.extent.valid()) x["extent"] = {v.extent.min_x, v.extent.min_y, v.extent.max_x, v.extent.max_y};
        if (!v.district_code.empty()) x["district"] = v.district_code;
        if (v.highlighted_band >= 0) x["highlighted_band"] = v.highlighted_band;
        if (v.highlighted_criterion > 0) x["highlighted_criterion"] = v.highlighted_criterion;
        if (v.compare_date) x["compare_date"] = v.compare_date->iso();
        list.push_back(x);
    }
    // A title that is not UTF-8 (the panel only makes UTF-8) would make a file no reader takes.
    return o.dump(2, ' ', false, OrderedJson::error_handler_t::replace) + "\n";
}

ViewsFileContent parse_views_json(const std::string& text, const std::string& name) {
    size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // BOM
    while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
    if (start >= text.size()) throw Error(name + ": " + where(text, 0) + "the file is empty");
    Json root;
    try {
        root = Json::parse(text);
    } catch (const Json::parse_error& e) {
        size_t offset = 0;
        const std::string problem = syntax_problem(text, e, &offset);
        throw Error(name + ": " + where(text, offset) + problem);
    } catch (const Json::out_of_range& e) {
        // A number too large for a double ("1e999"): nlohmann quotes it but gives no position.
        const std::string what = e.what();
        const size_t open = what.find('\''), close = what.rfind('\'');
        const std::string number = open < close ? what.substr(open + 1, close - open - 1) : "";
        const size_t at = number.empty() ? std::string::npos : text.find(number);
        throw Error(name + ": " + (at == std::string::npos ? "" : where(text, at)) + "the number " +
                    (number.size() <= 40 ? number : number.substr(0, 40) + "…") + " is out of range");
    }
    return Reader(name).document(root);
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
