// `summary`: the statistics of a date, for the province, per district or per unit.
#include <algorithm>
#include <ctime>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "app/commands.h"
#include "app/data_source.h"
#include "app/output_format.h"
#include "core/error.h"
#include "core/format.h"
#include "core/text.h"
#include "core/palette.h"
#include "core/statistics.h"

namespace ntm::app {
namespace {

std::string missing_list(const UnitState& st) {
    std::string out;
    for (size_t c = 0; c < st.met.size(); ++c)
        if (!st.met[c]) out += (out.empty() ? "" : " ") + std::to_string(c + 1);
    return out;
}

std::string band_label(const Dataset& d, const UnitState& st) {
    const CriteriaSet& set = d.criteria_set(st.criteria_set);
    return st.band >= 0 && st.band < static_cast<int>(set.bands.size()) ? set.bands[st.band].label : "";
}

// Averages and shares of nothing are not 0: null in JSON, empty in CSV, "—" in text.
bool no_data(const Summary& s) { return s.xa_with_data == 0; }

Json summary_json(const Dataset& d, const Summary& s) {
    const CriteriaSet& set = d.criteria_on(s.date);
    const int n = static_cast<int>(set.bands.size());
    Json o;
    o["scope_code"] = s.scope_code;
    o["scope_name"] = s.scope_name;
    o["units_total"] = s.units_total;
    o["not_applicable"] = s.not_applicable;
    o["xa_total"] = s.xa_total;
    o["xa_with_data"] = s.xa_with_data;
    o["bands"] = Json::array();
    for (int b = 0; b < n; ++b) {
        Json band;
        band["label"] = s.bands[b].label;
        band["column"] = band_column(s.bands[b].label);
        band["lo"] = set.bands[b].lo;
        band["hi"] = set.bands[b].hi;
        band["count"] = s.bands[b].count;
        band["percent"] = no_data(s) ? Json() : Json(rounded(s.bands[b].percent));
        band["colour"] = band_colour(b, n).hex();
        o["bands"].push_back(band);
    }
    o["average_criteria"] = no_data(s) ? Json() : Json(rounded(s.average_criteria));
    o["at_standard"] = s.at_standard;
    o["advanced"] = s.advanced;
    o["model"] = s.model;
    o["modern"] = s.modern;
    o["below_threshold"] = no_data(s) || s.threshold == 0 ? Json() : Json(s.below_threshold);
    o["threshold"] = s.threshold;
    o["misses"] = Json::array();
    for (size_t c = 0; c < s.misses.size(); ++c)
        o["misses"].push_back(
            {{"criterion", c + 1}, {"name", set.criteria[c].name_vi}, {"count", no_data(s) ? Json() : Json(s.misses[c])}});
    return o;
}

void summary_text(std::ostream& o, const Summary& s, bool en) {
    const bool vi = !en;
    o << (en ? "Communes (xã): " : "Số xã: ") << s.xa_total << (en ? " (with data " : " (có dữ liệu ")
      << s.xa_with_data << "); " << (en ? "wards and townships (not applicable): " : "phường, thị trấn (không áp dụng): ")
      << s.not_applicable << "\n";
    if (no_data(s)) {
        // Not "average 0.00, below 15: 0": nothing was assessed.
        o << (en ? "No assessment data" : "Chưa có dữ liệu đánh giá") << "\n";
        if (s.at_standard == 0) return;
    } else {
        for (size_t b = 0; b < s.bands.size(); ++b) {
            const std::string label = s.bands[b].label + (en ? " criteria" : " tiêu chí");
            o << "  " << label << std::string(std::max(1, 20 - static_cast<int>(utf8_length(label))), ' ')
              << s.bands[b].count << (en ? " communes" : " xã") << "  " << format_percent(s.bands[b].percent, vi) << "\n";
        }
        o << (en ? "Average criteria per commune: " : "Bình quân tiêu chí/xã: ") << format_decimal(s.average_criteria, 2, vi)
          << "\n";
    }
    o << (en ? "At standard: " : "Đạt chuẩn: ") << s.at_standard;
    // The levels of the period: advanced and model until 2025, modern from 2026.
    if (s.has_level(Level::Advanced)) o << "; " << (en ? "advanced: " : "nâng cao: ") << s.advanced;
    if (s.has_level(Level::Model)) o << "; " << (en ? "model: " : "kiểu mẫu: ") << s.model;
    if (s.has_level(Level::Modern)) o << "; " << (en ? "modern: " : "hiện đại: ") << s.modern;
    if (s.threshold > 0 && !no_data(s))
        o << "; " << (en ? "below " : "dưới ") << s.threshold << (en ? " criteria: " : " tiêu chí: ") << s.below_threshold;
    o << "\n";
}

}  // namespace

int run_summary(const Args& args) {
    const std::string format = args.get_or("format", "text"), by = args.get_or("by", "province");
    if (format != "text" && format != "csv" && format != "json")
        throw Error("summary: --format must be text, csv or json (not '" + format + "')");
    if (by != "province" && by != "district" && by != "unit" && by != "former-district")
        throw Error("summary: --by must be district, former-district or unit (not '" + by + "')");
    const bool en = args.get_or("lang", "vi") == "en";
    const io::DatasetFile data = open_data(args);
    const Dataset& d = data.dataset;
    // Without --date: the last date with data (not today).
    const Date date = args.date().value_or(default_date(d));
    const CriteriaSet& set = d.criteria_on(date);
    const BoundaryVersion& version = d.versions[d.version_on(date)];
    if (by == "district" && version.grouping == Grouping::None)
        throw Error("summary: the units in force on " + date.iso() +
                    " have no districts (no level between province and commune); use --by unit or --by former-district");
    const AttainmentIndex index(d);
    const std::vector<UnitState> states = index.states(date);
    const Summary total = summarize(d, states, date);
    // --by former-district: after the reform, the units grouped by the district of their predecessors.
    const std::vector<Summary> districts = by == "district"          ? summarize_by_district(d, states, date)
                                           : by == "former-district" ? summarize_by_former_district(d, states, date)
                                                                     : std::vector<Summary>{};
    if (by == "former-district" && districts.empty())
        throw Error("summary: no unit in force on " + date.iso() + " has predecessors with a district (see `ntm-atlas lineage`)");
    std::ostringstream o;

    if (format == "json") {
        Json j;
        j["dataset"] = d.info.title;
        j["date"] = date.iso();
        j["illustrative"] = d.info.illustrative;
        Json cs;
        cs["id"] = set.id;
        cs["name"] = set.name_vi;
        cs["decision"] = set.decision;
        cs["size"] = set.size();
        cs["indicators"] = set.indicator_count();
        cs["commune_groups"] = set.commune_groups;
        cs["levels"] = Json::array();
        for (const Level l : set.levels) cs["levels"].push_back(level_id(l));
        cs["criteria"] = Json::array();
        for (const auto& c : set.criteria) cs["criteria"].push_back({{"number", c.number}, {"name", c.name_vi}});
        j["criteria_set"] = cs;
        j["boundary_version"] = {{"id", version.id}, {"grouping", grouping_id(version.grouping)}};
        {
            const VersionPeriod p = version_period(d, d.version_on(date));
            j["boundary_version"]["dated"] = p.dated;
            j["boundary_version"]["valid_from"] = p.dated && p.from ? Json(p.from->iso()) : Json();
            j["boundary_version"]["valid_to"] = p.to ? Json(p.to->iso()) : Json();
        }
        const Json whole = summary_json(d, total);
        for (const auto& [key, value] : whole.items()) j[key] = value;
        if (by == "district" || by == "former-district") {
            Json& list = j[by == "district" ? "districts" : "former_districts"] = Json::array();
            for (const Summary& s : districts) list.push_back(summary_json(d, s));
        } else if (by == "unit") {
            Json& list = j["units"] = Json::array();
            for (size_t u = 0; u < d.units.size(); ++u) {
                const Unit& unit = d.units[u];
                const UnitState& st = states[u];
                if (!st.in_force) continue;  // another boundary version
                const bool shown = unit.assessed() && st.has_data;
                Json x;
                x["code"] = unit.code;
                x["name"] = unit.name;
                x["kind"] = kind_id(unit.kind);
                x["district_code"] = unit.district_code;
                x["district"] = unit.district_name;
                x["commune_group"] = unit.commune_group;
                x["has_data"] = st.has_data;
                x["criteria"] = shown ? Json(st.count) : Json();
                x["band"] = band_label(d, st);
                x["level"] = level_id(st.level);
                x["missing"] = Json::array();
                for (size_t c = 0; c < st.met.size(); ++c)
                    if (shown && !st.met[c]) x["missing"].push_back(c + 1);
                list.push_back(x);
            }
        }
        o << json_text(j);
    } else if (format == "csv") {
        if (by == "unit") {
            o << "code,name,kind,district_code,district,has_data,criteria,band,level,missing\n";
            for (size_t u = 0; u < d.units.size(); ++u) {
                const Unit& unit = d.units[u];
                const UnitState& st = states[u];
                if (!st.in_force) continue;
                const bool shown = unit.assessed() && st.has_data;
                o << csv_field(unit.code) << "," << csv_field(unit.name) << "," << kind_id(unit.kind) << ","
                  << csv_field(unit.district_code) << "," << csv_field(unit.district_name) << ","
                  << (st.has_data ? "true" : "false") << "," << (shown ? std::to_string(st.count) : "") << ","
                  << band_label(d, st) << "," << level_id(st.level) << "," << (shown ? missing_list(st) : "") << "\n";
            }
        } else {
            // Stable English names: band_15_18 (a count) and band_15_18_percent; no % signs.
            o << "scope_code,scope_name,date,xa_total,xa_with_data,not_applicable";
            for (const Band& b : set.bands) o << "," << band_column(b.label) << "," << band_column(b.label) << "_percent";
            // Every level has a column in every period (advanced and model until 2025, modern from 2026).
            o << ",average_criteria,at_standard,advanced,model,modern,below_threshold\n";
            auto row = [&](const Summary& s) {
                const bool none = no_data(s);
                o << csv_field(s.scope_code) << "," << csv_field(s.scope_name) << "," << date.iso() << ","
                  << s.xa_total << "," << s.xa_with_data << "," << s.not_applicable;
                for (const BandCount& b : s.bands) o << "," << b.count << "," << (none ? "" : fixed(b.percent, 2));
                o << "," << (none ? "" : fixed(s.average_criteria, 2)) << "," << s.at_standard << "," << s.advanced
                  << "," << s.model << "," << s.modern << "," << (none || s.threshold == 0 ? "" : std::to_string(s.below_threshold)) << "\n";
            };
            for (const Summary& s : districts) row(s);
            row(total);
        }
    } else {
        o << "NTM Atlas — " << d.info.title << ", " << date.iso()
          << (d.info.illustrative ? (en ? " (illustrative data)" : " (Dữ liệu minh họa)") : "") << "\n";
        o << (en ? set.short_label_en() + ", Decision " : set.short_label_vi() + ", Quyết định ") << set.decision << "\n";
        // A default date of undated boundaries is a bound, not a fact: say so.
        if (const std::string note = undated_boundaries_note(d, date, !en); !note.empty()) o << note << "\n";
        summary_text(o, total, en);
        for (const Summary& s : districts) {
            o << "\n" << s.scope_name << (s.scope_code.empty() ? "" : " (" + s.scope_code + ")") << "\n";
            summary_text(o, s, en);
        }
        if (by == "unit") {
            o << "\n";
            for (size_t u = 0; u < d.units.size(); ++u) {
                const Unit& unit = d.units[u];
                const UnitState& st = states[u];
                if (!st.in_force) continue;
                o << unit.code << "  " << unit.full_name() << (unit.district_name.empty() ? "" : " — " + unit.district_name) << ": ";
                if (!unit.assessed()) o << (en ? "not applicable" : "không áp dụng");
                else if (!st.has_data) o << (en ? "no data" : "chưa có dữ liệu");
                else o << st.count << "/" << set.size() << " (" << band_label(d, st) << ")"
                       << (st.level != Level::None ? std::string(", ") + (en ? level_name_en(st.level) : level_name_vi(st.level)) : "");
                o << "\n";
            }
        }
    }
    std::cout << o.str();
    return 0;
}

void add_summary_command(CommandTable& table) {
    CLI::App* c = table.add("summary", "The statistics of a date: communes by criteria met, average, levels", run_summary);
    data_options(c);
    date_value(c, "--date", "the day (default: the data's last date with assessments)");
    choice_value(c, "--by", {"province", "district", "former-district", "unit"},
                 "one row for the province (default), per district, per district of the predecessors, or per unit");
    choice_value(c, "--format", {"text", "csv", "json"}, "output: text (default, localised), csv or json");
    lang_value(c);
}

}  // namespace ntm::app
