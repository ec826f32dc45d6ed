#include "ui/planner_state.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "core/error.h"
#include "core/selection.h"

namespace ntm::ui {
namespace {

// Adds or removes one value of a facet (kept without duplicates, in insertion order).
template <class T>
bool set_value(std::vector<T>& facet, const T& value, bool on) {
    const auto it = std::find(facet.begin(), facet.end(), value);
    if (on == (it != facet.end())) return false;
    if (on) facet.push_back(value);
    else facet.erase(it);
    return true;
}

template <class T>
bool has_value(const std::vector<T>& facet, const T& value) {
    return std::find(facet.begin(), facet.end(), value) != facet.end();
}

}  // namespace

bool PlannerState::sync_data(uint64_t data_version) {
    if (has_data_version_ && data_version == data_version_) return false;
    const bool reset = has_data_version_;
    has_data_version_ = true;
    data_version_ = data_version;
    if (!reset) return false;
    filter_.clear();
    regression_from_.reset();
    inspected_since_.reset();
    changed();
    return true;
}

void PlannerState::set_filter(UnitFilterSpec filter) {
    if (filter == filter_) return;
    filter_ = std::move(filter);
    changed();
}

void PlannerState::clear_filter() { set_filter({}); }

void PlannerState::set_district(const std::string& key, bool on) {
    if (set_value(filter_.districts, key, on)) changed();
}
void PlannerState::set_kind(UnitKind kind, bool on) {
    if (set_value(filter_.kinds, kind, on)) changed();
}
void PlannerState::set_band(int band, bool on) {
    if (set_value(filter_.bands, band, on)) changed();
}
void PlannerState::set_level(Level level, bool on) {
    if (set_value(filter_.levels, level, on)) changed();
}
void PlannerState::set_tag(const std::string& tag, bool on) {
    if (set_value(filter_.tags, tag, on)) changed();
}
void PlannerState::set_group(int group, bool on) {
    if (set_value(filter_.groups, group, on)) changed();
}
bool PlannerState::has_group(int group) const { return has_value(filter_.groups, group); }
bool PlannerState::has_district(const std::string& key) const { return has_value(filter_.districts, key); }
bool PlannerState::has_kind(UnitKind kind) const { return has_value(filter_.kinds, kind); }
bool PlannerState::has_band(int band) const { return has_value(filter_.bands, band); }
bool PlannerState::has_level(Level level) const { return has_value(filter_.levels, level); }
bool PlannerState::has_tag(const std::string& tag) const { return has_value(filter_.tags, tag); }

int PlannerState::criterion() const { return filter_.missing.size() == 1 ? filter_.missing.front() : 0; }

void PlannerState::set_criterion(int number) {
    std::vector<int> missing;
    if (number > 0) missing.push_back(number);
    if (missing == filter_.missing && !filter_.missing_all) return;
    filter_.missing = std::move(missing);
    filter_.missing_all = false;
    changed();
}

int PlannerState::toggle_criterion(int number) {
    set_criterion(criterion() == number ? 0 : number);
    return criterion();
}

UnitFilterSpec PlannerState::filter_without_criterion() const {
    UnitFilterSpec f = filter_;
    f.missing.clear();
    f.missing_all = false;
    return f;
}

std::vector<uint8_t> PlannerState::map_mask(const Dataset& dataset, const std::vector<UnitState>& states) const {
    return filter_mask(filter_, dataset, states);
}

CriterionHighlight PlannerState::criterion_highlight(const Dataset& dataset, const std::vector<UnitState>& states,
                                                     bool en) const {
    CriterionHighlight h;
    h.criterion = criterion();
    if (h.criterion == 0) return h;
    // The filter's other facets still apply: highlighting xã of other districts would contradict
    // the lists beside the map.
    h.units = units_missing_criterion(dataset, states, h.criterion, filter_without_criterion());
    int set = -1;
    for (const UnitState& st : states)
        if (st.in_force) set = st.criteria_set;
    const Criterion* c = dataset.criteria_set(set).find(h.criterion);
    h.label = std::string(en ? "Missing criterion " : "Thiếu tiêu chí ") + std::to_string(h.criterion);
    if (c) h.label += ". " + (en && !c->name_en.empty() ? c->name_en : c->name_vi);
    return h;
}

void PlannerState::set_list(PlannerList list) {
    if (list == list_) return;
    list_ = list;
    changed();
}

void PlannerState::set_sort(PlannerTable table, TableSort sort) {
    TableSort& s = sort_[static_cast<size_t>(table)];
    if (s == sort) return;
    s = std::move(sort);
    changed();
}

Date PlannerState::regression_from(Date current) const {
    return regression_from_ ? *regression_from_ : add_months(current, -12);
}

void PlannerState::set_regression_from(std::optional<Date> date) {
    if (date == regression_from_) return;
    regression_from_ = date;
    changed();
}

Date PlannerState::inspected_since(Date current) const {
    return inspected_since_ ? *inspected_since_ : add_months(current, -12);
}

void PlannerState::set_inspected_since(std::optional<Date> date) {
    if (date == inspected_since_) return;
    inspected_since_ = date;
    changed();
}

void PlannerState::set_uninspected_units(bool units) {
    if (units == uninspected_units_) return;
    uninspected_units_ = units;
    changed();
}

void PlannerState::set_districts_filtered(bool on) {
    if (on == districts_filtered_) return;
    districts_filtered_ = on;
    changed();
}

PlannerTable PlannerState::table_of(PlannerList list) const {
    switch (list) {
        case PlannerList::Lagging: return PlannerTable::Lagging;
        case PlannerList::Close: return PlannerTable::Close;
        case PlannerList::Regressions: return PlannerTable::Regressions;
        case PlannerList::NeverInspected:
            return uninspected_units_ ? PlannerTable::UninspectedUnits : PlannerTable::UninspectedDistricts;
    }
    return PlannerTable::Lagging;
}

Table PlannerState::build(PlannerTable which, const Dataset& dataset, const AttainmentIndex* index,
                          const std::vector<UnitState>& states, Date date, bool en) const {
    Table t;
    switch (which) {
        case PlannerTable::Lagging:
            t = lagging_table(dataset, lagging_list(dataset, states, filter_), en);
            break;
        case PlannerTable::Close:
            t = close_to_standard_table(dataset, close_to_standard_list(dataset, states, filter_), en);
            break;
        case PlannerTable::Regressions:
            t = regressions_table(index ? regressions(dataset, *index, regression_from(date), date, filter_)
                                        : std::vector<RegressionRow>{},
                                  en);
            break;
        case PlannerTable::UninspectedUnits:
            t = uninspected_units_table(never_inspected(dataset, states, inspected_since(date), date, filter_).units, en);
            break;
        case PlannerTable::UninspectedDistricts:
            t = uninspected_districts_table(
                never_inspected(dataset, states, inspected_since(date), date, filter_).districts, en);
            break;
        case PlannerTable::Districts:
            return district_targets(dataset, states, date, en);
        case PlannerTable::kCount:
            break;
    }
    // No district column where the units in force have none (after July 2025); "Tỉnh" for a
    // national file.
    fit_grouping(t, dataset.grouping_on(date));
    apply_sort(t, sort(which));
    return t;
}

Table PlannerState::district_targets(const Dataset& dataset, const std::vector<UnitState>& states, Date date,
                                     bool en) const {
    const UnitFilterSpec filter = districts_filtered_ ? filter_ : UnitFilterSpec{};
    const DistrictTable table = district_table(dataset, states, date, filter);
    const TargetsReport targets = targets_report(dataset, states, date, filter);
    Table t = district_table_table(table, en);

    // The targets of the period in force (Decision 263 for 2021–2025, the 2026–2030 programme
    // after it, none before 2021); their headers say the goal, so a printed table reads on its own.
    const std::vector<TargetStatus>& goals = targets.province.targets;
    auto header = [&](const std::string& id, std::string vi, std::string en_text) {
        const int c = t.column(id);
        if (c < 0) return;
        t.columns[c].header_vi = std::move(vi);
        t.columns[c].header_en = std::move(en_text);
    };
    auto rule_text = [](const TargetStatus& x, bool vi) {
        const std::string v = std::to_string(static_cast<int>(x.target));
        switch (x.rule) {
        case TargetRule::AtLeast: return "≥ " + v;
        case TargetRule::About: return "≈ " + v;
        case TargetRule::None: return std::string(vi ? "0" : "0");
        }
        return v;
    };
    const std::string below = std::to_string(table.threshold);
    for (const TargetStatus& x : goals) {
        if (x.id == "standard")
            header("percent_standard", "Tỷ lệ đạt chuẩn (%, mục tiêu " + rule_text(x, true) + ")",
                   "At standard (%, target " + rule_text(x, false) + ")");
        else if (x.id == "below_threshold")
            header("below_threshold", "Dưới " + below + " tiêu chí (mục tiêu 0)", "Below " + below + " criteria (target 0)");
    }
    // Shares of the levels (advanced and model of those at standard; modern of all xã).
    std::vector<std::string> shares, checks;
    for (const TargetStatus& x : goals) {
        checks.push_back(x.id);
        if (x.id == "standard" || x.id == "below_threshold") continue;
        shares.push_back(x.id);
        // Short headers ("NTM nâng cao"): the targets above the table give the full wording.
        const auto level_word = [&](bool vi) -> std::string {
            if (x.id == "advanced") return vi ? "NTM nâng cao" : "Advanced";
            if (x.id == "model") return vi ? "NTM kiểu mẫu" : "Model";
            if (x.id == "modern") return vi ? "NTM hiện đại" : "Modern";
            return vi ? x.label_vi : x.label_en;
        };
        t.columns.push_back({x.id + "_percent", level_word(true) + " (%, mục tiêu " + rule_text(x, true) + ")",
                             level_word(false) + " (%, target " + rule_text(x, false) + ")", true});
    }
    for (const TargetStatus& x : goals)
        t.columns.push_back({"target_" + x.id, "Mục tiêu: " + x.label_vi, "Target: " + x.label_en, false});

    // Rows of both reports follow Dataset::districts() with the same filter: parallel, province
    // last in the table and first in the report.
    auto add = [&](std::vector<TableCell>& row, const ScopeTargets& s, bool no_data) {
        auto find = [&](const std::string& id) -> const TargetStatus* {
            for (const TargetStatus& x : s.targets)
                if (x.id == id) return &x;
            return nullptr;
        };
        for (const std::string& id : shares) {
            const TargetStatus* x = find(id);
            const double v = x ? x->value : 0;
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.2f", v);
            // No xã at standard: no share to speak of (empty, sorted last).
            row.push_back(x && x->denominator > 0 && !no_data ? TableCell{buf, v, true} : TableCell{"", 0, false});
        }
        // A scope without assessed xã has no shares, no average and nothing below the threshold
        // to speak of: empty cells (drawn "—"), never 0 or a met target.
        if (no_data) {
            for (const char* id : {"percent_standard", "average_criteria", "below_threshold"})
                if (const int c = t.column(id); c >= 0 && static_cast<size_t>(c) < row.size()) row[c] = TableCell{"", 0, false};
            // Recognitions are data of their own (a decision can be known without an
            // assessment); with none either, "0 at standard" would be a figure nobody gave.
            if (const int c = t.column("at_standard"); c >= 0 && static_cast<size_t>(c) < row.size() && row[c].number == 0)
                row[c] = TableCell{"", 0, false};
        }
        for (const std::string& id : checks) {
            const TargetStatus* x = find(id);
            if (no_data)
                row.push_back({en ? "no data" : "chưa có dữ liệu", 0, false});
            else
                row.push_back({x && x->met ? (en ? "met" : "đạt") : (en ? "not met" : "chưa đạt"), 0, false});
        }
    };
    const size_t districts = t.rows.size() - 1;
    for (size_t i = 0; i < districts && i < targets.districts.size(); ++i) add(t.rows[i], targets.districts[i], table.rows[i].xa_with_data == 0);
    add(t.rows.back(), targets.province, table.total.xa_with_data == 0);
    apply_sort(t, sort(PlannerTable::Districts), true);
    return t;
}

void apply_sort(Table& table, const TableSort& sort, bool keep_last) {
    const int column = sort.column.empty() ? -1 : table.column(sort.column);
    if (column < 0 || table.rows.empty()) return;
    if (!keep_last) {
        sort_table(table, column, sort.ascending);
        return;
    }
    Table body = table;
    body.rows.pop_back();
    if (!body.row_unit.empty()) body.row_unit.pop_back();
    if (!body.row_district.empty()) body.row_district.pop_back();
    sort_table(body, column, sort.ascending);
    body.rows.push_back(table.rows.back());
    if (!table.row_unit.empty()) body.row_unit.push_back(table.row_unit.back());
    if (!table.row_district.empty()) body.row_district.push_back(table.row_district.back());
    table = std::move(body);
}

ExportResult export_table_csv(const Table& table, const std::string& path, bool en, bool excel) {
    ExportResult r;
    if (path.empty()) {
        r.message = en ? "Give a file name first." : "Hãy nhập tên tệp trước.";
        return r;
    }
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
    r.path = ec ? path : absolute.lexically_normal().string();
    CsvOptions options;
    if (excel) {
        options.separator = ';';
        options.bom = true;
        options.crlf = true;
    }
    try {
        write_file_atomically(r.path, to_csv(table, en, options));
    } catch (const Error& e) {
        r.message = e.what();
        return r;
    } catch (const std::exception& e) {
        r.message = r.path + ": " + e.what();
        return r;
    }
    r.ok = true;
    r.message = (en ? "Wrote " : "Đã ghi ") + std::to_string(table.rows.size()) + (en ? " rows to " : " dòng vào ") +
                r.path;
    return r;
}

std::string default_export_name(PlannerTable table, Date date) {
    const char* name = "table";
    switch (table) {
        case PlannerTable::Lagging: name = "lagging"; break;
        case PlannerTable::Close: name = "close_to_standard"; break;
        case PlannerTable::Regressions: name = "regressions"; break;
        case PlannerTable::UninspectedUnits: name = "never_inspected_units"; break;
        case PlannerTable::UninspectedDistricts: name = "never_inspected_districts"; break;
        case PlannerTable::Districts: name = "districts"; break;
        case PlannerTable::kCount: break;
    }
    return std::string("ntm_") + name + "_" + date.iso() + ".csv";
}

}  // namespace ntm::ui
