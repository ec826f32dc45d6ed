#pragma once
// What the planner panels share, without GL or ImGui so it can be tested: the unit filter used
// by every list, the criteria view and the map; which list is shown and how each table is
// sorted; the comparison date of the regressions list and the "since" date of the
// never-inspected list. It also builds the tables the panels draw and export, so what a panel
// shows is exactly what a test can compute.
//
// One PlannerState is shared by the lists, criteria, district table and selection panels; each
// holds a reference to it. version() changes on every change, so panels can cache their tables.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/filters.h"
#include "core/planner.h"
#include "core/state.h"

namespace ntm::ui {

// The tabs of the lists panel.
enum class PlannerList { Lagging, Close, Regressions, NeverInspected };

// Every table a planner panel draws; each keeps its own sort.
enum class PlannerTable {
    Lagging,
    Close,
    Regressions,
    UninspectedUnits,
    UninspectedDistricts,
    Districts,
    kCount
};

// A table's sort: a column id of core/planner's Table ("" = the list's own order).
struct TableSort {
    std::string column;
    bool ascending = true;
    friend bool operator==(const TableSort& a, const TableSort& b) {
        return a.column == b.column && a.ascending == b.ascending;
    }
};

// The xã the map highlights for the criterion chosen in the criteria view.
struct CriterionHighlight {
    int criterion = 0;       // 0: none
    std::vector<int> units;  // ascending unit indices
    std::string label;       // "Thiếu tiêu chí 5. Trường học" / "Missing criterion 5. Schools"
};

// Where an export went, or why it failed.
struct ExportResult {
    bool ok = false;
    std::string path;     // absolute path written
    std::string message;  // a line to show: "Đã ghi 12 dòng vào /tmp/x.csv" or the error
};

class PlannerState {
public:
    // --- data -----------------------------------------------------------------------------
    // Call with AppState::data_version() before use each frame: a new dataset clears the filter
    // and the dates (district keys and tags of the old one mean nothing there). True when reset.
    bool sync_data(uint64_t data_version);

    // --- the shared filter -------------------------------------------------------------------
    const UnitFilterSpec& filter() const { return filter_; }
    void set_filter(UnitFilterSpec filter);
    void clear_filter();
    // Each facet value on or off (lists of alternatives, see UnitFilterSpec).
    void set_district(const std::string& key, bool on);
    void set_kind(UnitKind kind, bool on);
    void set_band(int band, bool on);
    void set_level(Level level, bool on);
    void set_tag(const std::string& tag, bool on);
    void set_group(int group, bool on);
    bool has_group(int group) const;
    bool has_district(const std::string& key) const;
    bool has_kind(UnitKind kind) const;
    bool has_band(int band) const;
    bool has_level(Level level) const;
    bool has_tag(const std::string& tag) const;

    // The criterion missed (the criteria view's bar): 0 when none. Setting one replaces any other.
    int criterion() const;
    void set_criterion(int number);  // 0 clears
    // Clicking a bar: sets it, or clears it when it is already the one set. Returns the new value.
    int toggle_criterion(int number);

    // The filter without its criterion facet: what the criteria view's bars count over, so that
    // choosing a bar does not empty the others.
    UnitFilterSpec filter_without_criterion() const;
    // For the map: 1 per unit passing the filter (parallel to dataset.units).
    std::vector<uint8_t> map_mask(const Dataset& dataset, const std::vector<UnitState>& states) const;
    // What the criteria view highlights on the map for the criterion set (none: criterion 0).
    CriterionHighlight criterion_highlight(const Dataset& dataset, const std::vector<UnitState>& states,
                                           bool en) const;

    // --- lists, sorting and dates -----------------------------------------------------------
    PlannerList list() const { return list_; }
    void set_list(PlannerList list);
    const TableSort& sort(PlannerTable table) const { return sort_[static_cast<size_t>(table)]; }
    void set_sort(PlannerTable table, TableSort sort);

    // Regressions: losses dated from the comparison date (included) to the map's date. Without
    // one set, 12 months before `current`.
    Date regression_from(Date current) const;
    const std::optional<Date>& regression_from_setting() const { return regression_from_; }
    void set_regression_from(std::optional<Date> date);
    // Never inspected: no inspection from this date to the map's date. Default: 12 months back.
    Date inspected_since(Date current) const;
    const std::optional<Date>& inspected_since_setting() const { return inspected_since_; }
    void set_inspected_since(std::optional<Date> date);
    // Never inspected: list units (true) or districts (false).
    bool uninspected_units() const { return uninspected_units_; }
    void set_uninspected_units(bool units);
    // The district table follows the shared filter (off: the whole dataset, as `summary --by
    // district` prints it).
    bool districts_filtered() const { return districts_filtered_; }
    void set_districts_filtered(bool on);

    uint64_t version() const { return version_; }

    // --- the tables, filtered and sorted ----------------------------------------------------
    // Which table a list shows now (NeverInspected: units or districts).
    PlannerTable table_of(PlannerList list) const;
    // The table as the panel draws and exports it, on `date` (the map's date) with `states` on
    // that date. `index` is needed for regressions (null: an empty table).
    Table build(PlannerTable table, const Dataset& dataset, const AttainmentIndex* index,
                const std::vector<UnitState>& states, Date date, bool en) const;
    // The district table with Decision 263 targets beside the figures: one row per district and
    // the province last (kept last whatever the sort). Columns of district_table_table plus
    // advanced_percent, model_percent and, per target, whether it is met ("met_standard", ...).
    Table district_targets(const Dataset& dataset, const std::vector<UnitState>& states, Date date,
                           bool en) const;

private:
    void changed() { ++version_; }

    UnitFilterSpec filter_;
    PlannerList list_ = PlannerList::Lagging;
    std::array<TableSort, static_cast<size_t>(PlannerTable::kCount)> sort_{};
    std::optional<Date> regression_from_, inspected_since_;
    bool uninspected_units_ = true;
    bool districts_filtered_ = false;
    uint64_t version_ = 1;
    uint64_t data_version_ = 0;
    bool has_data_version_ = false;
};

// Applies a TableSort to a table (unknown column: left as it is). A table whose last row is a
// total (row_unit -1 and row_district "" after district rows) keeps it last when `keep_last`.
void apply_sort(Table& table, const TableSort& sort, bool keep_last = false);

// Writes the table as CSV to `path` atomically (temporary file, then rename), UTF-8; a BOM and
// ';' separators when `excel`. Never throws.
ExportResult export_table_csv(const Table& table, const std::string& path, bool en, bool excel = false);

// A default file name for a table on a date: "ntm_lagging_2020-07-31.csv".
std::string default_export_name(PlannerTable table, Date date);

}  // namespace ntm::ui
