// `lineage`: what a unit was formed from and what it became, across boundary versions.
//
// Codes are reused across versions (06196 was Xã Cao Lâu until 30/6/2025 and is Xã Ba Sơn from
// 1/7/2025), so a code is looked up in the latest version, or with --date in the version in
// force on that date. A name is looked up case- and diacritic-insensitively in every version (or
// the one in force on --date); when it names several units they are listed and nothing else.
#include <algorithm>
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/commands.h"
#include "app/data_source.h"
#include "app/output_format.h"
#include "core/error.h"
#include "core/format.h"
#include "core/lineage.h"
#include "core/state.h"
#include "core/text.h"

namespace ntm::app {
namespace {

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string version_label(const BoundaryVersion& v, bool vi) {
    std::string dates;
    if (v.valid_from && v.valid_to)
        dates = format_date(*v.valid_from, vi) + " – " + format_date(*v.valid_to, vi);
    else if (v.valid_from)
        dates = (vi ? "từ " : "from ") + format_date(*v.valid_from, vi);
    else if (v.valid_to)
        dates = (vi ? "đến " : "until ") + format_date(*v.valid_to, vi);
    return dates.empty() ? v.id : v.id + ", " + dates;
}

// "Xã Cao Lâu (06196, Huyện Cao Lộc, 2025-03)": enough to tell units of one name apart.
std::string describe(const Dataset& d, int unit) {
    const Unit& u = d.units[unit];
    std::string s = u.full_name() + " (" + u.code;
    if (!u.district_name.empty()) s += ", " + u.district_name;
    if (d.versions.size() > 1) s += ", " + d.versions[u.version].id;
    return s + ")";
}

int resolve(const Dataset& d, const std::string& query, std::optional<Date> date) {
    if (all_digits(query)) {
        const std::string code = query.size() < 5 ? std::string(5 - query.size(), '0') + query : query;
        const int u = date ? d.find_unit(code, *date) : d.find_unit(code);
        if (u >= 0) return u;
        const std::vector<int> all = d.units_with_code(code);
        if (date && !all.empty())
            throw Error("lineage: no unit " + code + " in force on " + date->iso() + " (the code names " +
                        describe(d, all.back()) + ")");
        throw Error("lineage: unknown unit code '" + query + "'");
    }
    // By name: with or without the type word, or as lineage lists write it ("Mẫu Sơn (huyện Cao Lộc)").
    const std::string key = fold_search_key(query);
    const int version = date ? d.version_on(*date) : -1;
    std::vector<int> found;
    for (size_t i = 0; i < d.units.size(); ++i) {
        const Unit& u = d.units[i];
        if (version >= 0 && d.versions.size() > 1 && u.version != version) continue;
        const int unit = static_cast<int>(i);
        if (key == u.search_key || key == fold_search_key(u.full_name()) ||
            key == fold_search_key(lineage_name(d, unit)) || key == fold_search_key(lineage_name(d, unit, true)))
            found.push_back(unit);
    }
    if (found.size() == 1) return found.front();
    const std::string where = date ? " in force on " + date->iso() : "";
    if (found.empty()) throw Error("lineage: no unit named '" + query + "'" + where);
    std::string list;
    for (int u : found) list += (list.empty() ? "" : "; ") + describe(d, u);
    throw Error("lineage: '" + query + "' names " + std::to_string(found.size()) + " units" + where + ": " + list +
                " (give the code, and --date for a code of an earlier version)");
}

// "15/19 tiêu chí ngày 30/06/2025" and the like, for a predecessor the day before the change.
std::string state_text(const Dataset& d, int unit, const UnitState& s, Date before, bool vi) {
    if (!d.units[unit].assessed()) return vi ? "không áp dụng" : "not applicable";
    if (!s.has_data) return vi ? "chưa có dữ liệu" : "no data";
    const int total = d.criteria_set(s.criteria_set).size();
    return std::to_string(s.count) + "/" + std::to_string(total) + (vi ? " tiêu chí ngày " : " criteria on ") +
           format_date(before, vi);
}

Json json_unit(const Dataset& d, int unit) {
    const Unit& u = d.units[unit];
    const BoundaryVersion& v = d.versions[u.version];
    auto date = [](const std::optional<Date>& x) { return x ? Json(x->iso()) : Json(); };
    Json j;
    j["code"] = u.code;
    j["name"] = u.name;
    j["full_name"] = u.full_name();
    j["label"] = lineage_name(d, unit, true);
    j["kind"] = kind_id(u.kind);
    j["district_code"] = u.district_code;
    j["district_name"] = u.district_name;
    j["version"] = v.id;
    j["valid_from"] = date(v.valid_from);
    j["valid_to"] = date(v.valid_to);
    return j;
}

}  // namespace

int run_lineage(const Args& args) {
    const std::string format = args.get_or("format", "text"), lang = args.get_or("lang", "vi");
    if (format != "text" && format != "json")
        throw Error("lineage: --format must be text or json (not '" + format + "')");
    if (lang != "vi" && lang != "en") throw Error("lineage: --lang must be vi or en (not '" + lang + "')");
    const bool vi = lang == "vi";
    // "lineage Ba Sơn" unquoted is one name.
    std::string query;
    for (const std::string& p : args.positional()) query += (query.empty() ? "" : " ") + p;
    query = trim(query);
    if (query.empty()) throw Error("lineage: give a unit code or name (ntm-atlas lineage 06196 --date 2025-07-01)");
    const std::optional<Date> date = args.date();

    const io::DatasetFile data = open_data(args);
    const Dataset& d = data.dataset;
    const int unit = resolve(d, query, date);
    const Unit& u = d.units[unit];
    const AttainmentIndex index(d);
    const std::optional<Formation> formed = formation(d, index, unit);
    const std::vector<LineageStep> successors = successors_of(d, unit);

    if (format == "json") {
        Json j;
        j["unit"] = json_unit(d, unit);
        if (formed) {
            const Date before{formed->date.days - 1};
            Json f;
            f["date"] = formed->date.iso();
            f["xa"] = formed->xa;
            f["xa_at_standard"] = formed->xa_at_standard;
            f["predecessors"] = Json::array();
            for (const PredecessorState& p : formed->predecessors) {
                Json x = json_unit(d, p.unit);
                x["state_date"] = before.iso();
                x["has_data"] = p.before.has_data;
                x["criteria"] = p.before.has_data ? Json(p.before.count) : Json();
                f["predecessors"].push_back(x);
            }
            j["formed"] = f;
        } else {
            j["formed"] = nullptr;
        }
        j["successors"] = Json::array();
        for (const LineageStep& s : successors) {
            Json x = json_unit(d, s.unit);
            x["date"] = s.date.iso();
            j["successors"].push_back(x);
        }
        std::cout << json_text(j);
        return 0;
    }

    const std::string name = lineage_name(d, unit, true);
    std::cout << u.code << "  " << name;
    if (!u.district_name.empty() && name.back() != ')') std::cout << ", " << u.district_name;
    std::cout << "  [" << (vi ? "phiên bản " : "version ") << version_label(d.versions[u.version], vi) << "]\n";
    if (formed) {
        const Date before{formed->date.days - 1};
        std::cout << describe_formation(d, *formed, vi) << ":\n";
        for (const PredecessorState& p : formed->predecessors) {
            const Unit& from = d.units[p.unit];
            const std::string name = lineage_name(d, p.unit, true);
            std::cout << "  " << from.code << "  " << name;
            // The district, unless the name already carries it ("Mẫu Sơn (huyện Cao Lộc)").
            if (!from.district_name.empty() && name.back() != ')') std::cout << ", " << from.district_name;
            std::cout << "  — " << state_text(d, p.unit, p.before, before, vi) << "\n";
        }
    } else {
        std::cout << (vi ? "Không có đơn vị tiền thân trong dữ liệu\n" : "No predecessors in the data\n");
    }
    if (successors.empty()) {
        std::cout << (vi ? "Không sáp nhập vào đơn vị nào trong dữ liệu\n" : "No successors in the data\n");
    } else {
        std::cout << (vi ? "Sáp nhập vào:\n" : "Became part of:\n");
        for (const LineageStep& s : successors)
            std::cout << "  " << d.units[s.unit].code << "  " << lineage_name(d, s.unit, true) << "  "
                      << (vi ? "từ " : "from ") << format_date(s.date, vi) << "\n";
    }
    return 0;
}

void add_lineage_command(CommandTable& table) {
    CLI::App* c = table.add("lineage", "What a unit was formed from and what it became, across boundary versions",
                            run_lineage);
    positionals(c, "CODE|NAME", "a unit code (06196) or name (Ba Sơn, with or without diacritics)");
    value(c, "--data", "D.gpkg", "a dataset made by `import` (default: the demo dataset)");
    date_value(c, "--date", "look the code up in the version in force on this day");
    choice_value(c, "--format", {"text", "json"}, "output: text (default) or json");
    lang_value(c);
}

}  // namespace ntm::app
