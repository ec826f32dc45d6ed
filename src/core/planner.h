#pragma once
// The planner lists (issue 5): who lags, who is close to the standard and what exactly they miss,
// who lost criteria, who was never inspected, which criteria are missed most, the targets of
// Decision 263/QĐ-TTg and the district table. Every list takes a UnitFilterSpec; every row keeps
// the unit index (so a row can zoom the map) and every list turns into a sortable Table for the
// panels and for CSV.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.h"
#include "core/filters.h"

namespace ntm {

struct MissingCriterion {
    int number = 0;
    std::string name_vi, name_en;
};

// A xã on a date, as the lagging and close-to-standard lists show it.
struct UnitRow {
    int rank = 0;   // competition rank by criteria met, fewest first: equal counts share a rank
    int unit = -1;  // index into Dataset::units
    std::string code, name, district_code, district_name;
    int count = 0;  // criteria met
    int of = 0;     // size of the criteria set
    int band = -1;
    std::string band_label;
    Level level = Level::None;
    std::vector<MissingCriterion> missing;  // in criterion order
};

// Xã with data from fewest criteria up (ties by district, then name, as rank_lagging()).
std::vector<UnitRow> lagging_list(const Dataset& dataset, const std::vector<UnitState>& states,
                                  const UnitFilterSpec& filter = {});
// Xã in the band just below the top one (15–18 of 19), fewest missing first. `rank` is the
// position by closeness (most criteria first; equal counts share a rank).
std::vector<UnitRow> close_to_standard_list(const Dataset& dataset,
                                            const std::vector<UnitState>& states,
                                            const UnitFilterSpec& filter = {});

// One criterion lost by one xã: on `lost_on` the criterion went from met to not met.
struct RegressionRow {
    int unit = -1;
    std::string code, name, district_code, district_name;
    int criterion = 0;
    std::string criterion_vi, criterion_en;
    Date lost_on;
    std::string source;              // Observation::source of the observation that recorded it
    int count_before = 0;            // criteria met the day before
    int count_after = 0;             // criteria met at the end of that day
    std::optional<Date> regained_on; // first day it was met again, on or before `to`
};

// Losses dated from `from` to `to`, both included, in date order (then district, name,
// criterion). Several observations of one criterion on one day count as their last one. The
// filter is applied to the states on `to`.
std::vector<RegressionRow> regressions(const Dataset& dataset, const AttainmentIndex& index,
                                       Date from, Date to, const UnitFilterSpec& filter = {});

struct LastInspection {
    Date date;          // Event::end
    std::string title;
};

struct UninspectedUnit {
    int unit = -1;
    std::string code, name, district_code, district_name;
    UnitKind kind = UnitKind::Unknown;
    std::optional<LastInspection> last_before;  // the latest inspection that ended before `from`
};

struct UninspectedDistrict {
    std::string code, name;  // District
    int units = 0;           // units of the district passing the filter
    std::optional<LastInspection> last_before;
};

struct NeverInspected {
    std::vector<UninspectedUnit> units;          // dataset order
    std::vector<UninspectedDistrict> districts;  // Dataset::districts() order
};

struct InspectionRules {
    // An inspection naming a district (Event::district_codes) concerns every unit of it. When
    // false, a unit counts as inspected only when the event names it in Event::unit_codes.
    bool district_covers_units = true;
};

// Units and districts that no EventKind::Inspection event concerned between `from` and `to`
// (an event concerns the period when [start, end] overlaps [from, to]). A unit is concerned when
// named in Event::unit_codes (or its district in Event::district_codes, see InspectionRules); a
// district when named in Event::district_codes or when one of its units is named. Events that
// name neither concern nobody in particular and are ignored. Units: those passing the filter (on
// `states`, normally the states on `to`); districts: those with at least one such unit.
NeverInspected never_inspected(const Dataset& dataset, const std::vector<UnitState>& states,
                               Date from, Date to, const UnitFilterSpec& filter = {},
                               const InspectionRules& rules = {});

struct CriterionMisses {
    int number = 0;
    std::string name_vi, name_en;
    int count = 0;          // xã with data that miss it
    int xa_with_data = 0;   // the denominator of percent
    double percent = 0;
    std::vector<int> units; // those xã, ascending indices
};

// Per criterion of the set, in criterion order (the criteria view's bars).
std::vector<CriterionMisses> criterion_misses(const Dataset& dataset,
                                              const std::vector<UnitState>& states,
                                              const UnitFilterSpec& filter = {});

// --- Programme targets of the period in force ------------------------------------------------
enum class TargetRule { AtLeast, About, None };  // None: the value must be 0

struct TargetStatus {
    std::string id;                // "standard", "advanced", "model", "below_threshold"
    std::string label_vi, label_en;
    int numerator = 0, denominator = 0;
    double value = 0;              // percent (0 when the denominator is 0), or a count
    double target = 0;             // 80, 40, 10 (percent) or 0 (count)
    bool percent = true;           // false for below_threshold (a count of xã)
    TargetRule rule = TargetRule::AtLeast;
    bool met = false;
    int year = 2025;               // the year the target is for (2025, 2030)
    std::string decision;          // where it is set: "263/QĐ-TTg"
};

struct ScopeTargets {
    std::string scope_code, scope_name;  // "" and the dataset title for the province
    std::vector<TargetStatus> targets;   // standard, advanced, model, below_threshold
};

// The four targets from a summary:
//   standard:  at_standard / xa_total            >= 80 %
//   advanced:  (advanced + model) / at_standard  about 40 %, met at >= 40 % (a model xã has
//                                                 passed the advanced level too)
//   model:     model / at_standard               >= 10 %
//   below_threshold: below_threshold (xã with data below 15 of 19) == 0
// Shares of "xã at standard" use Summary::at_standard (all criteria met on the date).
ScopeTargets targets_263(const Summary& summary);
// 2026–2030 (Decision 417/QĐ-BNNMT of 31/1/2026 approving the programme's phase I, as reported;
// national figures used as the reference for a province, as the 2021–2025 ones were):
//   standard: at_standard / xa_total  about 65 %
//   modern:   modern / xa_total       about 10 % ("khoảng 10% số xã ... nông thôn mới hiện đại")
ScopeTargets targets_2026_2030(const Summary& summary);
// The targets of the period whose criteria set the summary was made with: Decision 263 for
// 2021–2025, the 2026–2030 programme after it, none before 2021 (not carried here).
ScopeTargets programme_targets(const Summary& summary);

struct TargetsReport {
    ScopeTargets province;
    std::vector<ScopeTargets> districts;  // Dataset::districts() order (those the filter allows)
};
TargetsReport targets_report(const Dataset& dataset, const std::vector<UnitState>& states, Date date,
                             const UnitFilterSpec& filter = {});

// --- The district table ---------------------------------------------------------------------
struct DistrictRow {
    std::string code, name;  // "" and the dataset title for the province row
    int xa_total = 0;
    int xa_with_data = 0;
    int at_standard = 0;
    double percent_standard = 0;  // of xa_total
    double average_criteria = 0;  // over xã with data
    int below_threshold = 0;
    int advanced = 0, model = 0;  // as in Summary (by recognised level; model not in advanced)
    int events_12_months = 0;     // events of any kind concerning it, see district_table()
};

struct DistrictTable {
    Date date;
    int threshold = 0;               // e.g. 15
    std::vector<DistrictRow> rows;   // Dataset::districts() order
    DistrictRow total;               // the province (over the same units)
};

// Figures from summarize() over the units of each district passing the filter (so with an empty
// filter they equal summarize_by_district()). Events in the 12 months up to `date`: events whose
// [start, end] overlaps (add_months(date, -12), date] and that name the district or one of its
// units; the total counts distinct events naming any district or unit in scope, plus, when the
// filter has no district facet, events naming none (province-wide).
DistrictTable district_table(const Dataset& dataset, const std::vector<UnitState>& states, Date date,
                             const UnitFilterSpec& filter = {});

// --- Tables: what the panels draw, sort and export --------------------------------------------
struct TableColumn {
    std::string id;                  // stable ASCII id ("rank", "code", ...)
    std::string header_vi, header_en;
    bool numeric = false;
};

struct TableCell {
    std::string text;
    double number = 0;     // sort key when `numeric`
    bool numeric = false;  // false for an empty cell in a numeric column (sorts last)
};

struct Table {
    std::vector<TableColumn> columns;
    std::vector<std::vector<TableCell>> rows;
    std::vector<int> row_unit;               // unit index per row, -1 for none (districts, totals)
    std::vector<std::string> row_district;   // district key per row ("" for the province)

    int column(const std::string& id) const;  // index, or -1
};

// The grouping above the commune level as tables name it: "Huyện"/"District", "Tỉnh"/"Province".
const char* grouping_name_vi(Grouping grouping);
const char* grouping_name_en(Grouping grouping);
// Fits a table's "district" column to the grouping of the boundary version shown: renamed for
// provinces, removed where there is no level above the commune (after July 2025).
void fit_grouping(Table& table, Grouping grouping);

// Tables for each list, texts in Vietnamese or English. The rows are parallel to the list's.
Table lagging_table(const Dataset& dataset, const std::vector<UnitRow>& rows, bool en);
Table close_to_standard_table(const Dataset& dataset, const std::vector<UnitRow>& rows, bool en);
Table regressions_table(const std::vector<RegressionRow>& rows, bool en);
Table uninspected_units_table(const std::vector<UninspectedUnit>& rows, bool en);
Table uninspected_districts_table(const std::vector<UninspectedDistrict>& rows, bool en);
Table criterion_misses_table(const Dataset& dataset, const std::vector<CriterionMisses>& rows, bool en);
// One row per scope and target (province first).
Table targets_table(const TargetsReport& report, bool en);
// The districts, then the province row.
Table district_table_table(const DistrictTable& table, bool en);

// Vietnamese dictionary order: letters as in the alphabet (a ă â b c d đ e ê ...), then tones
// (ngang, huyền, hỏi, ngã, sắc, nặng), then case; spaces before letters, digits before letters.
// Returns <0, 0, >0.
int compare_vietnamese(std::string_view a, std::string_view b);
// Row order of `table` sorted by `column` (stable; numbers numerically, text by
// compare_vietnamese; empty numeric cells last in both directions).
std::vector<size_t> sort_order(const Table& table, int column, bool ascending = true);
// Sorts the table's rows (and row_unit, row_district) in place; returns the order applied
// (old row index per new position), so typed rows can follow.
std::vector<size_t> sort_table(Table& table, int column, bool ascending = true);
// Any vector of typed rows in the order sort_order() returned.
template <class Row>
std::vector<Row> reorder(const std::vector<Row>& rows, const std::vector<size_t>& order) {
    std::vector<Row> out;
    out.reserve(order.size());
    for (size_t i : order) out.push_back(rows[i]);
    return out;
}

// The table as CSV: a header row (Vietnamese or English headers), then the cells' texts.
std::string to_csv(const Table& table, bool en, const CsvOptions& options = {});

// "5 Trường học; 17 Môi trường và an toàn thực phẩm" (or the English names).
std::string missing_names(const std::vector<MissingCriterion>& missing, bool en);
// "5 17 19"
std::string missing_numbers(const std::vector<MissingCriterion>& missing);

}  // namespace ntm
