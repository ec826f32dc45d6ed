#pragma once
// Drawing helpers shared by the planner panels: a core/planner Table as a sortable ImGui table
// whose sort lives in PlannerState, and the CSV export field (path, button, where it went).
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "core/planner.h"
#include "ui/planner_state.h"

struct ImVec4;

namespace ntm::ui {

struct TableViewOptions {
    std::vector<std::string> hidden;   // column ids hidden at first (the header menu shows them)
    std::string tooltip_column;        // a column whose text is shown when hovering a row
    const std::set<int>* selection = nullptr;  // rows whose unit is in it are drawn selected
    std::string selected_district;     // rows of this district key are drawn selected
    // Text colour of a cell; false: the default colour.
    std::function<bool(size_t row, int column, ImVec4& colour)> cell_colour;
    // Rows from the end kept apart (a total): drawn with a separator line above, bold-ish.
    int footer_rows = 0;
};

struct TableClick {
    int row = -1;     // index into Table::rows, -1 when none was clicked
    bool add = false; // ctrl or shift held: add to / toggle in the selection
};

// A numeric cell's text as the UI shows it: DD/MM/YYYY for ISO dates and a decimal comma in
// Vietnamese; the table keeps machine-readable text for CSV.
std::string display_number(const std::string& text);

// Draws `table` (id must stay the same across frames and languages) filling the space left
// but `reserve_below` pixels. Sorting a header writes the sort to planner.set_sort(which, ...);
// the caller rebuilds the table when planner.version() changes.
TableClick draw_table(const char* id, const Table& table, PlannerState& planner, PlannerTable which,
                      const TableViewOptions& options, float reserve_below);

// A file path field and an export button for one table; remembers the outcome to show it.
class CsvExportField {
public:
    // Height of the field and its message line, for draw_table's reserve_below.
    static float height();
    // `suggested` fills the field until the user types in it.
    void draw(const char* id, const Table& table, const std::string& suggested);

private:
    char path_[1024] = {};
    std::string suggested_;
    bool excel_ = false;
    bool ok_ = false;
    std::string message_;
};

}  // namespace ntm::ui
