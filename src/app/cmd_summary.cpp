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

void summary_json(std::ostream& o, const Dataset& d, const Summary& s, const std::string& indent) {
    const CriteriaSet& set = d.criteria_on(s.date);
    const int n = static_cast<int>(set.bands.size());
    o << indent << "\"scope_code\": " << json_string(s.scope_code) << ",\n"
      << indent << "\"scope_name\": " << json_string(s.scope_name) << ",\n"
      << indent << "\"units_total\": " << s.units_total << ",\n"
      << indent << "\"not_applicable\": " << s.not_applicable << ",\n"
      << indent << "\"xa_total\": " << s.xa_total << ",\n"
      << indent << "\"xa_with_data\": " << s.xa_with_data << ",\n"
      << indent << "\"bands\": [";
    for (int b = 0; b < n; ++b)
        o << (b ? ", " : "") << "{\"label\": " << json_string(s.bands[b].label)
          << ", \"lo\": " << set.bands[b].lo << ", \"hi\": " << set.bands[b].hi
          << ", \"count\": " << s.bands[b].count << ", \"percent\": " << fixed(s.bands[b].percent, 2)
          << ", \"colour\": " << json_string(band_colour(b, n).hex()) << "}";
    o << "],\n"
      << indent << "\"average_criteria\": " << fixed(s.average_criteria, 2) << ",\n"
      << indent << "\"at_standard\": " << s.at_standard << ",\n"
      << indent << "\"advanced\": " << s.advanced << ",\n"
      << indent << "\"model\": " << s.model << ",\n"
      << indent << "\"modern\": " << s.modern << ",\n"
      << indent << "\"below_threshold\": " << s.below_threshold << ",\n"
      << indent << "\"threshold\": " << s.threshold << ",\n"
      << indent << "\"misses\": [";
    for (size_t c = 0; c < s.misses.size(); ++c)
        o << (c ? ", " : "") << "{\"criterion\": " << c + 1 << ", \"name\": "
          << json_string(set.criteria[c].name_vi) << ", \"count\": " << s.misses[c] << "}";
    o << "]";
}

void summary_text(std::ostream& o, const Summary& s, bool en) {
    o << (en ? "Communes (xã): " : "Số xã: ") << s.xa_total << (en ? " (with data " : " (có dữ liệu ")
      << s.xa_with_data << "); " << (en ? "wards and townships (not applicable): " : "phường, thị trấn (không áp dụng): ")
      << s.not_applicable << "\n";
    for (size_t b = 0; b < s.bands.size(); ++b) {
        const std::string label = s.bands[b].label + (en ? " criteria" : " tiêu chí");
        o << "  " << label << std::string(std::max(1, 20 - static_cast<int>(utf8_length(label))), ' ') << s.bands[b].count
          << (en ? " communes" : " xã") << "  " << fixed(s.bands[b].percent, 2) << " %\n";
    }
    o << (en ? "Average criteria per commune: " : "Bình quân tiêu chí/xã: ") << fixed(s.average_criteria, 2) << "\n";
    o << (en ? "At standard: " : "Đạt chuẩn: ") << s.at_standard;
    // The levels of the period: advanced and model until 2025, modern from 2026.
    if (s.has_level(Level::Advanced)) o << "; " << (en ? "advanced: " : "nâng cao: ") << s.advanced;
    if (s.has_level(Level::Model)) o << "; " << (en ? "model: " : "kiểu mẫu: ") << s.model;
    if (s.has_level(Level::Modern)) o << "; " << (en ? "modern: " : "hiện đại: ") << s.modern;
    if (s.threshold > 0)
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
        o << "{\n  \"dataset\": " << json_string(d.info.title) << ",\n  \"date\": \"" << date.iso()
          << "\",\n  \"illustrative\": " << (d.info.illustrative ? "true" : "false")
          << ",\n  \"criteria_set\": {\"id\": " << json_string(set.id) << ", \"name\": " << json_string(set.name_vi)
          << ", \"decision\": " << json_string(set.decision) << ", \"size\": " << set.size()
          << ", \"indicators\": " << set.indicator_count() << ", \"commune_groups\": "
          << (set.commune_groups ? "true" : "false") << ", \"levels\": [";
        for (size_t i = 0; i < set.levels.size(); ++i) o << (i ? ", " : "") << "\"" << level_id(set.levels[i]) << "\"";
        o << "], \"criteria\": [";
        for (size_t i = 0; i < set.criteria.size(); ++i)
            o << (i ? ", " : "") << "{\"number\": " << set.criteria[i].number << ", \"name\": "
              << json_string(set.criteria[i].name_vi) << "}";
        o << "]},\n  \"boundary_version\": {\"id\": " << json_string(version.id) << ", \"grouping\": \""
          << grouping_id(version.grouping) << "\"},\n";
        summary_json(o, d, total, "  ");
        if (by == "district" || by == "former-district") {
            o << ",\n  \"" << (by == "district" ? "districts" : "former_districts") << "\": [";
            for (size_t i = 0; i < districts.size(); ++i) {
                o << (i ? ",\n" : "\n") << "    {\n";
                summary_json(o, d, districts[i], "      ");
                o << "\n    }";
            }
            o << "\n  ]";
        } else if (by == "unit") {
            o << ",\n  \"units\": [";
            bool first_unit = true;
            for (size_t u = 0; u < d.units.size(); ++u) {
                const Unit& unit = d.units[u];
                const UnitState& st = states[u];
                if (!st.in_force) continue;  // another boundary version
                o << (first_unit ? "\n" : ",\n") << "    {\"code\": " << json_string(unit.code) << ", \"name\": "
                  << json_string(unit.name) << ", \"kind\": \"" << kind_id(unit.kind) << "\", \"district_code\": "
                  << json_string(unit.district_code) << ", \"district\": " << json_string(unit.district_name)
                  << ", \"commune_group\": " << unit.commune_group
                  << ", \"has_data\": " << (st.has_data ? "true" : "false") << ", \"criteria\": " << st.count
                  << ", \"band\": " << json_string(band_label(d, st)) << ", \"level\": \"" << level_id(st.level)
                  << "\", \"missing\": [";
                bool first = true;
                for (size_t c = 0; c < st.met.size(); ++c)
                    if (unit.assessed() && st.has_data && !st.met[c]) {
                        o << (first ? "" : ", ") << c + 1;
                        first = false;
                    }
                o << "]}";
                first_unit = false;
            }
            o << "\n  ]";
        }
        o << "\n}\n";
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
                  << (st.has_data ? "yes" : "no") << "," << (shown ? std::to_string(st.count) : "") << ","
                  << band_label(d, st) << "," << level_id(st.level) << "," << (shown ? missing_list(st) : "") << "\n";
            }
        } else {
            o << "scope_code,scope_name,date,xa_total,xa_with_data,not_applicable";
            for (const Band& b : set.bands) o << ",band " << b.label << ",band " << b.label << " %";
            o << ",average_criteria,at_standard,advanced,model,below_" << total.threshold << "\n";
            auto row = [&](const Summary& s) {
                o << csv_field(s.scope_code) << "," << csv_field(s.scope_name) << "," << date.iso() << ","
                  << s.xa_total << "," << s.xa_with_data << "," << s.not_applicable;
                for (const BandCount& b : s.bands) o << "," << b.count << "," << fixed(b.percent, 2);
                o << "," << fixed(s.average_criteria, 2) << "," << s.at_standard << "," << s.advanced << ","
                  << s.model << "," << s.below_threshold << "\n";
            };
            for (const Summary& s : districts) row(s);
            row(total);
        }
    } else {
        o << "NTM Atlas — " << d.info.title << ", " << date.iso()
          << (d.info.illustrative ? (en ? " (illustrative data)" : " (Dữ liệu minh họa)") : "") << "\n";
        o << (en ? set.short_label_en() + ", Decision " : set.short_label_vi() + ", Quyết định ") << set.decision << "\n";
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
