#pragma once
// The normal-mode panel of prepared views ("slides") for briefing mode: create one from the
// current date, map extent and highlight; rename, reorder, update, delete; show one on the map;
// start the briefing; export every view as PNGs. Every edit is saved at once to the views file
// beside the dataset (io::ViewsStore); the file's errors are shown here, and a damaged file is
// only replaced after the user confirms.
#include <optional>
#include <string>

#include "geo/geometry.h"
#include "io/views_file.h"
#include "ui/app_state.h"

namespace ntm::ui {

class ViewsPanel {
public:
    explicit ViewsPanel(io::ViewsStore& store);

    // Loads the views file of the data shown when the data changed (call once per frame, also
    // when the panel is hidden, before BriefingMode uses the views).
    void sync(const AppState& state);

    // Draws the panel's contents in the current window. `current_extent` is what the map shows
    // (view_extent_of(map) from briefing_mode.h).
    void draw(AppState& state, const geo::Bounds& current_extent);

    // "Start briefing" was pressed: the slide to start at (taken once).
    std::optional<int> take_start_request();
    // "Export all views" was pressed: the folder to write into (taken once). The app runs
    // export_briefing_views() (briefing_export.h) with its GL context current.
    std::optional<std::string> take_export_request();
    // The outcome of that export, shown in the panel ("" clears).
    void set_export_message(std::string message, bool error);

    int selected() const { return selected_; }

private:
    bool save();
    void show_on_map(AppState& state, int index);

    io::ViewsStore& store_;
    uint64_t data_version_ = 0;
    int selected_ = -1;
    char title_[512] = {};
    int rename_for_ = -1;
    char compare_[32] = {};
    int new_focus_ = 1;  // 0 whole, 1 current extent, 2 district
    int new_district_ = 0;
    int new_criterion_ = 0;
    char export_dir_[1024] = {};
    std::optional<int> start_;
    std::optional<std::string> export_;
    std::string export_message_;
    bool export_error_ = false;
    std::string input_error_;
};

}  // namespace ntm::ui
