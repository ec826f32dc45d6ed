#pragma once
// The planner's lists, in tabs: lagging xã (fewest criteria first), xã close to the standard
// with the names of the criteria they miss, regressions between a comparison date and the map's
// date (which criterion, when, per which source) and units or districts never inspected since a
// date. Above them, the filter shared by every list, the criteria view and the map. Each list is
// sortable by its headers and exportable to CSV; clicking a row selects its unit (ctrl/shift
// adds) and zooms the map to it, and rows of selected units show selected.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "ui/app_state.h"
#include "ui/planner_state.h"
#include "ui/planner_table_view.h"

namespace ntm::ui {

// A YYYY-MM-DD field that applies on Enter or when left; shows when the text is no date.
class DateField {
public:
    // Returns the date typed when it was applied this frame.
    std::optional<Date> draw(const char* id, Date value, float width);

private:
    char text_[16] = {};
    std::optional<Date> shown_;
    bool bad_ = false;
    bool editing_ = false;
};

// Editing the shared filter (district, kind, band, level, tags, a criterion missed) on one line
// of drop-downs, with what it is and a button to clear it.
class PlannerFilterBar {
public:
    explicit PlannerFilterBar(PlannerState& planner) : planner_(planner) {}
    void draw(AppState& state);

private:
    void refresh(const AppState& state);
    PlannerState& planner_;
    uint64_t data_version_ = UINT64_MAX;
    std::vector<District> districts_;
    std::vector<UnitKind> kinds_;
    std::vector<std::string> tags_;
    std::vector<int> groups_;  // commune groups of the assessed units in force (0 = not known)
    int version_ = -1;         // boundary version the lists above are of
};

class PlannerListsPanel {
public:
    explicit PlannerListsPanel(PlannerState& planner);
    void draw(AppState& state);

private:
    // The table of `which` on the state's date, rebuilt when anything it depends on changes.
    const Table& table(const AppState& state, PlannerTable which);
    void draw_list(AppState& state, PlannerList list);

    PlannerState& planner_;
    PlannerFilterBar filter_bar_;
    struct Cached {
        uint64_t data_version = UINT64_MAX, planner_version = 0;
        Date date;
        bool en = false;
        Table table;
    };
    Cached cache_[static_cast<size_t>(PlannerTable::kCount)];
    CsvExportField export_[static_cast<size_t>(PlannerTable::kCount)];
    DateField regression_from_, inspected_since_;
    std::optional<PlannerList> drawn_list_;  // the tab shown last frame
    std::string selected_district_;          // last district row clicked
};

}  // namespace ntm::ui
