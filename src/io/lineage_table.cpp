#include "io/lineage_table.h"

#include <algorithm>
#include <initializer_list>
#include <unordered_map>

#include "core/error.h"
#include "core/text.h"
#include "io/tables.h"

namespace ntm::io {
namespace {

// The lists are short tables with no dates or numbers to interpret: read as text like every
// table (io/tables.h), each with at least one row.
TextTable read_list(const std::string& path) {
    TextTable t = read_text_table(path);
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
    const TextTable t = read_list(path);
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
    const TextTable t = read_list(path);
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
