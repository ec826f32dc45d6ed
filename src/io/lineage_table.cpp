#include "io/lineage_table.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <unordered_map>

#include "core/error.h"
#include "core/text.h"
#include "io/gdal_session.h"
#include "io/text_encoding.h"

namespace fs = std::filesystem;

namespace ntm::io {
namespace {

// The cells of a table as text, with the spreadsheet line of each row. The same reading as
// io/tables.cpp (GDAL's drivers, header forced, text decoded and cleaned), kept small here: these
// lists are short and have no dates or numbers to interpret.
struct TextTable {
    std::string path;
    std::vector<std::string> keys;  // column_key of each header
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    std::vector<int> lines;
};

// "Mã ĐVHC" -> "madvhc", "code_2025" -> "code2025".
std::string column_key(std::string_view name) {
    std::string out;
    for (char c : fold_search_key(name))
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
    return out;
}

// The line on which each CSV record starts (a quoted cell may span lines; blank lines are not
// records), so messages name the line a spreadsheet shows.
std::vector<int> csv_record_lines(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::vector<int> starts;
    bool quoted = false, content = false;
    int line = 1, record = 1;
    for (char c = 0; in.get(c);) {
        if (c == '\n') {
            if (!quoted) {
                if (content) starts.push_back(record);
                content = false;
                record = line + 1;
            }
            ++line;
        } else if (c != '\r') {
            if (c == '"') quoted = !quoted;
            content = true;
        }
    }
    if (content) starts.push_back(record);
    return starts;
}

TextTable read_text_table(const std::string& path) {
    ensure_gdal();
    const bool local = path.rfind("/vsi", 0) != 0 && path.find("://") == std::string::npos;
    if (local && !fs::exists(path)) throw Error(path + ": no such file");
    GdalErrorCapture capture;
    GDALDriverH identified = GDALIdentifyDriverEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr);
    const std::string driver = identified ? GDALGetDriverShortName(identified) : "";
    const char* csv_options[] = {"HEADERS=YES", "AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=NO", nullptr};
    const char* sheet_options[] = {"HEADERS=FORCE", "FIELD_TYPES=STRING", nullptr};
    const bool sheet = driver == "XLSX" || driver == "ODS";
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                              driver == "CSV" ? csv_options : sheet ? sheet_options : nullptr,
                                              nullptr));
    if (!ds || ds->GetLayerCount() == 0) {
        const std::string why = capture.message();
        throw Error(path + ": cannot be read as a table (" + (why.empty() ? "no GDAL driver recognises it" : why) + ")");
    }
    OGRLayer* layer = ds->GetLayer(0);
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    std::vector<std::string> header;
    for (int i = 0; i < defn->GetFieldCount(); ++i) header.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    std::vector<std::vector<std::string>> raw;
    std::vector<int> lines;
    int index = 0;
    for (auto& f : *layer) {
        std::vector<std::string> cells;
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            cells.push_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
        const GIntBig fid = f->GetFID();
        lines.push_back(sheet && fid >= 2 && fid < (1 << 30) ? static_cast<int>(fid) : index + 2);
        raw.push_back(std::move(cells));
        ++index;
    }
    if (driver == "CSV" && local) {
        const std::vector<int> starts = csv_record_lines(path);
        if (starts.size() == raw.size() + 1)
            for (size_t r = 0; r < raw.size(); ++r) lines[r] = starts[r + 1];
    }
    // UTF-8 as it comes; a list saved in a legacy Vietnamese encoding is detected and decoded.
    // Either way NFC with Ð folded (the merger list has NFD names, SOURCES.md).
    bool utf8 = std::all_of(header.begin(), header.end(), [](const std::string& h) { return is_valid_utf8(h); });
    std::vector<std::string> samples = header;
    for (const auto& row : raw)
        for (const std::string& c : row) {
            utf8 = utf8 && is_valid_utf8(c);
            if (!c.empty()) samples.push_back(c);
        }
    const std::string encoding = utf8 ? "UTF-8" : detect_encoding(samples);
    auto text = [&](const std::string& s) { return clean_text(utf8 ? s : decode_text(s, encoding)); };

    TextTable t;
    t.path = path;
    for (const std::string& h : header) {
        t.columns.push_back(text(h));
        t.keys.push_back(column_key(t.columns.back()));
    }
    for (size_t r = 0; r < raw.size(); ++r) {
        std::vector<std::string> cells;
        bool blank = true;
        for (const std::string& c : raw[r]) {
            cells.push_back(c.empty() ? std::string() : text(c));
            blank = blank && cells.back().empty();
        }
        if (blank) continue;
        t.rows.push_back(std::move(cells));
        t.lines.push_back(lines[r]);
    }
    if (t.rows.empty()) throw Error(path + ": no rows");
    return t;
}

int find_column(const TextTable& t, std::initializer_list<const char*> keys) {
    for (const char* k : keys)
        for (size_t i = 0; i < t.keys.size(); ++i)
            if (t.keys[i] == k) return static_cast<int>(i);
    return -1;
}

int require_column(const TextTable& t, std::initializer_list<const char*> keys, const std::string& what) {
    const int c = find_column(t, keys);
    if (c >= 0) return c;
    std::string known;
    for (const char* k : keys) known += (known.empty() ? "" : ", ") + std::string(k);
    throw Error(t.path + ": no " + what + " column (looked for " + known + ")");
}

std::string where(const TextTable& t, size_t row) { return t.path + ", row " + std::to_string(t.lines[row]); }

// A code as a spreadsheet may have left it: "6196" or "6196.0" -> "06196".
std::string unit_code(std::string s) {
    const size_t dot = s.find('.');
    if (dot != std::string::npos && s.find_first_not_of('0', dot + 1) == std::string::npos) s.resize(dot);
    const bool digits = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits && s.size() < 5) s = std::string(5 - s.size(), '0') + s;
    return s;
}

}  // namespace

std::vector<MergerRow> read_merger_table(const std::string& path) {
    const TextTable t = read_text_table(path);
    const int code = require_column(t, {"code2025", "ma2025", "mamoi", "newcode", "madvhc", "maxa", "madonvi",
                                        "ma", "code", "unitcode"}, "new unit code");
    const int name = find_column(t, {"name2025", "ten2025", "tenmoi", "newname", "fullname", "tendvhc",
                                     "tenxa", "ten", "name"});
    // a05_truocsn is the field of the national merger map (SOURCES.md).
    const int from = require_column(t, {"formedfrom", "truocsapnhap", "sapnhaptu", "truocsn", "a05truocsn",
                                        "donvitruocsapnhap", "hinhthanhtu", "predecessors", "mergedfrom"},
                                    "'formed from'");
    std::vector<MergerRow> out;
    std::unordered_map<std::string, int> seen;  // code -> line
    for (size_t r = 0; r < t.rows.size(); ++r) {
        MergerRow row;
        row.line = t.lines[r];
        row.new_code = unit_code(t.rows[r][code]);
        if (row.new_code.empty()) throw Error(where(t, r) + ": no code of the new unit in column " + t.columns[code]);
        if (name >= 0) row.new_name = t.rows[r][name];
        row.formed_from = split_formed_from(t.rows[r][from]);
        if (row.formed_from.empty())
            throw Error(where(t, r) + ": unit " + row.new_code + " has no predecessors in column " + t.columns[from]);
        if (const auto [it, fresh] = seen.emplace(row.new_code, row.line); !fresh)
            throw Error(where(t, r) + ": unit " + row.new_code + " is listed twice (also on row " +
                        std::to_string(it->second) + ")");
        out.push_back(std::move(row));
    }
    return out;
}

std::vector<Unit> read_unit_list(const std::string& path) {
    const TextTable t = read_text_table(path);
    const int code = require_column(t, {"communecode", "maxa", "madvhc", "madonvi", "unitcode", "code", "ma"},
                                    "unit code");
    // The full name first: it carries the type word ("fullName" beside a bare "name").
    const int name = require_column(t, {"communename", "tenxa", "fullname", "tendvhc", "tendonvi", "name", "ten"},
                                    "unit name");
    const int kind = find_column(t, {"communetype", "loaixa", "loai", "loaidvhc", "cap", "kind", "type"});
    const int dcode = find_column(t, {"districtcode", "mahuyen", "maquanhuyen"});
    const int dname = find_column(t, {"districtname", "tenhuyen", "huyen", "quanhuyen", "district"});
    std::vector<Unit> out;
    std::unordered_map<std::string, int> seen;  // code -> line
    for (size_t r = 0; r < t.rows.size(); ++r) {
        const auto& cells = t.rows[r];
        Unit u;
        u.code = unit_code(cells[code]);
        if (u.code.empty()) throw Error(where(t, r) + ": no unit code in column " + t.columns[code]);
        if (cells[name].empty()) throw Error(where(t, r) + ": unit " + u.code + " has no name");
        u.kind = kind >= 0 && !cells[kind].empty() ? kind_from_text(cells[kind]) : kind_from_text(cells[name]);
        if (u.kind == UnitKind::Unknown && kind >= 0 && !cells[kind].empty())
            throw Error(where(t, r) + ": unknown unit type '" + cells[kind] + "' (xã, phường, thị trấn, đặc khu)");
        u.name = strip_kind_prefix(cells[name]);
        u.search_key = fold_search_key(u.name);
        if (dcode >= 0) u.district_code = cells[dcode];
        if (dname >= 0) u.district_name = cells[dname];
        if (const auto [it, fresh] = seen.emplace(u.code, t.lines[r]); !fresh)
            throw Error(where(t, r) + ": unit code " + u.code + " appears twice (also on row " +
                        std::to_string(it->second) + ")");
        out.push_back(std::move(u));
    }
    return out;
}

}  // namespace ntm::io
