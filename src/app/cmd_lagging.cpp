// `lagging`: the planner's lagging list — xã from fewest criteria up — as text, CSV or JSON.
// The figures come from core/planner (lagging_list, lagging_table), the same as the panel's.
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
#include "core/planner.h"

namespace ntm::app {
namespace {

// The table's columns as aligned text; `skip` columns are left out.
void print_text_table(std::ostream& o, const Table& t, bool en, const std::vector<std::string>& skip) {
    std::vector<int> cols;
    for (size_t c = 0; c < t.columns.size(); ++c)
        if (std::find(skip.begin(), skip.end(), t.columns[c].id) == skip.end()) cols.push_back(static_cast<int>(c));
    std::vector<size_t> width(t.columns.size(), 0);
    for (int c : cols) {
        width[c] = utf8_length(en ? t.columns[c].header_en : t.columns[c].header_vi);
        for (const auto& row : t.rows) width[c] = std::max(width[c], utf8_length(row[c].text));
    }
    auto line = [&](auto text_of) {
        std::string out;
        for (size_t i = 0; i < cols.size(); ++i) {
            const int c = cols[i];
            const std::string text = text_of(c);
            const std::string pad(width[c] - utf8_length(text), ' ');
            if (i + 1 == cols.size()) out += text;
            else if (t.columns[c].id == "rank") out += pad + text + "  ";
            else out += text + pad + "  ";
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        o << out << "\n";
    };
    line([&](int c) { return en ? t.columns[c].header_en : t.columns[c].header_vi; });
    for (const auto& row : t.rows) line([&](int c) { return row[c].text; });
}

}  // namespace

int run_lagging(const Args& args) {
    const std::string format = args.get_or("format", "text"), lang = args.get_or("lang", "vi");
    if (format != "text" && format != "csv" && format != "json")
        throw Error("lagging: --format must be text, csv or json (not '" + format + "')");
    if (lang != "vi" && lang != "en") throw Error("lagging: --lang must be vi or en (not '" + lang + "')");
    const bool en = lang == "en";
    const int limit = args.integer("limit", 0);
    if (args.get("limit") && limit < 1)
        throw Error("lagging: --limit must be at least 1 (not '" + *args.get("limit") + "')");
    const io::DatasetFile data = open_data(args);
    const Dataset& d = data.dataset;
    // Without --date: the last date with data, not today (a 2025 table read in 2026 is of 2025).
    const Date date = args.date().value_or(default_date(d));
    const CriteriaSet& set = d.criteria_on(date);
    UnitFilterSpec filter;
    std::optional<District> district;
    if (const auto text = args.get("district")) {
        district = find_district(d, *text);
        if (d.districts(date).empty()) district.reset();  // a district of another boundary version
        if (!district) {
            const std::vector<District> all = d.districts(date);
            if (all.empty())
                throw Error("lagging: unknown district '" + *text + "' (the units in force on " + date.iso() +
                            " have no districts)");
            throw Error("lagging: unknown district '" + *text + "' (give a district code or name, e.g. " +
                        (all.front().code.empty() ? all.front().name : all.front().code + " or " + all.front().name) +
                        ")");
        }
        filter.districts = {district_key(*district)};
    }

    const AttainmentIndex index(d);
    const std::vector<UnitState> states = index.states(date);
    std::vector<UnitRow> rows = lagging_list(d, states, filter);
    const size_t with_data = rows.size();
    if (limit > 0 && rows.size() > static_cast<size_t>(limit)) rows.resize(limit);
    Table table = lagging_table(d, rows, en);
    fit_grouping(table, d.grouping_on(date));
    std::ostringstream o;

    const bool districts = d.grouping_on(date) != Grouping::None;
    if (format == "csv") {
        // For spreadsheets: stable English names and numbers that sum (criteria_met=5 and
        // criteria_total=19, not "5/19"); the district columns only where units have districts.
        o << "rank,code,name," << (districts ? "district_code,district," : "")
          << "criteria_met,criteria_total,band,level,missing,missing_names\n";
        for (const UnitRow& r : rows) {
            std::string missing, names;
            for (const MissingCriterion& m : r.missing) {
                missing += (missing.empty() ? "" : " ") + std::to_string(m.number);
                names += (names.empty() ? "" : "; ") + (en ? m.name_en : m.name_vi);
            }
            o << r.rank << "," << csv_field(r.code) << "," << csv_field(r.name) << ",";
            if (districts) o << csv_field(r.district_code) << "," << csv_field(r.district_name) << ",";
            o << r.count << "," << r.of << "," << csv_field(r.band_label) << "," << level_id(r.level) << ","
              << missing << "," << csv_field(names) << "\n";
        }
    } else if (format == "json") {
        Json j;
        j["dataset"] = d.info.title;
        j["date"] = date.iso();
        j["illustrative"] = d.info.illustrative;
        j["criteria_set"] = {{"id", set.id}, {"size", set.size()}, {"decision", set.decision}};
        j["district"] = district ? Json{{"code", district->code}, {"name", district->name}} : Json();
        j["xa_with_data"] = with_data;
        j["shown"] = rows.size();
        Json& units = j["units"] = Json::array();
        for (const UnitRow& r : rows) {
            Json x;
            x["rank"] = r.rank;
            x["code"] = r.code;
            x["name"] = r.name;
            x["district_code"] = r.district_code;
            x["district"] = r.district_name;
            x["criteria_met"] = r.count;
            x["criteria_total"] = r.of;
            x["band"] = r.band_label;
            x["level"] = level_id(r.level);
            x["missing"] = Json::array();
            x["missing_names"] = Json::array();
            for (const MissingCriterion& m : r.missing) {
                x["missing"].push_back(m.number);
                x["missing_names"].push_back(en ? m.name_en : m.name_vi);
            }
            units.push_back(x);
        }
        o << json_text(j);
    } else {
        o << "NTM Atlas — " << d.info.title << ", " << date.iso()
          << (d.info.illustrative ? (en ? " (illustrative data)" : " (Dữ liệu minh họa)") : "") << "\n";
        if (district) o << district->name << (district->code.empty() ? "" : " (" + district->code + ")") << "\n";
        if (const std::string note = undated_boundaries_note(d, date, !en); !note.empty()) o << note << "\n";
        o << (en ? "Communes (xã) from fewest criteria met: " : "Xã theo số tiêu chí đạt, từ thấp nhất: ") << with_data
          << (en ? " with data" : " xã có dữ liệu");
        if (rows.size() < with_data) o << (en ? ", first " : ", ") << rows.size() << (en ? " shown" : " xã đầu");
        o << "\n";
        if (rows.empty()) o << (en ? "No commune has data on this date.\n" : "Chưa có xã nào có dữ liệu vào ngày này.\n");
        else print_text_table(o, table, en, {"missing_names"});
    }
    std::cout << o.str();
    return 0;
}

void add_lagging_command(CommandTable& table) {
    CLI::App* c = table.add("lagging", "The lagging communes: xã from fewest criteria met up", run_lagging);
    data_options(c);
    date_value(c, "--date", "the day (default: the data's last date with assessments)");
    value(c, "--limit", "N", "show the first N only");
    value(c, "--district", "NAME|CODE", "only the communes of this district");
    choice_value(c, "--format", {"text", "csv", "json"}, "output: text (default, localised), csv or json");
    lang_value(c);
}

}  // namespace ntm::app
