#pragma once
// The normal-mode window contents: menu bar, the panels around the map, the status bar, and
// opening data in the background. The app (src/app/gui.cpp) owns the window and the GL/ImGui
// set-up and calls frame() and render() once per frame.
#include <memory>
#include <optional>
#include <string>

#include "render/fonts.h"
#include "ui/app_state.h"
#include "io/views_file.h"
#include "ui/attainment_chart_panel.h"
#include "ui/briefing_mode.h"
#include "ui/criteria_panel.h"
#include "ui/district_table_panel.h"
#include "ui/export_dialog.h"
#include "ui/file_browser.h"
#include "ui/import_dialog.h"
#include "ui/data_loader.h"
#include "ui/date_panel.h"
#include "ui/legend_panel.h"
#include "ui/map_view.h"
#include "ui/planner_lists_panel.h"
#include "ui/planner_state.h"
#include "ui/reconciliation_panel.h"
#include "ui/search_panel.h"
#include "ui/selection_summary_panel.h"
#include "ui/settings.h"
#include "ui/timeline_panel.h"
#include "ui/unit_detail_panel.h"
#include "ui/views_panel.h"

namespace ntm::ui {

class Workspace {
public:
    Workspace(Settings settings, std::string cache_dir);
    ~Workspace();

    // Starts opening `source` in the background (a dataset .gpkg or any boundary source).
    void open(const std::string& source);
    // True while a load runs.
    bool loading() const { return loader_.busy(); }
    // Blocks until the running load finishes and takes its result (for --screenshot).
    void finish_loading();
    // More frames are needed soon: a load, playback, finer geometry or a map glide is running.
    bool busy() const;
    // `big`: the same faces at room size, for briefing mode (may be null).
    void set_fonts(const render::UiFonts& fonts, const render::UiFonts* big);
    // Briefing mode (F11): full-screen map, cards, prepared views.
    void start_briefing(int slide = 0);
    bool briefing() const { return briefing_.active(); }
    // Shows a tab of the right panel: "detail", "lists", "criteria", "districts" or "reconcile" (false: none such).
    bool show_tab(const std::string& name);
    // File ▸ Import table…, with this table read at once (a test hook: --import TABLE).
    void open_import(std::optional<std::string> table = std::nullopt) { import_.open(std::move(table)); }

    // ImGui code of one frame; `seconds` since the previous frame (drives playback).
    void frame(double seconds);
    // GL drawing of the map, after ImGui::Render().
    void render(float framebuffer_scale, int framebuffer_height);

    AppState& state() { return state_; }
    Settings& settings() { return settings_; }
    const std::string& message() const { return message_; }
    // Shows an error that interrupted a frame in the status bar.
    void report_error(const std::string& what) { set_message(what, true); }
    bool quit_requested() const { return quit_; }

private:
    void take_load_result();
    void draw_menu();
    void draw_open_popup();
    // File ▸ Open…: the desktop's file chooser, or the typed path when zenity is missing.
    void request_open();
    // Writes the blank annex form (ntm-atlas template) where the chooser says.
    void request_template();
    void write_template(const std::string& path);
    void poll_browsers();
    void undo_last_import();
    // Boundaries without assessments: what is missing and the two ways to add it, where the
    // timeline and the chart would be.
    void draw_missing_data(float x, float y, float w, float h);
    void draw_status_bar(float y, float height);
    void draw_right_panel();
    void draw_briefing(double seconds);
    void handle_keys();
    void set_message(std::string message, bool error);
    void sync_planner_filter();

    Settings settings_;
    AppState state_;
    DataLoader loader_;
    MapView map_;
    LegendPanel legend_;
    DatePanel date_;
    SearchPanel search_;
    TimelinePanel timeline_;
    AttainmentChartPanel chart_;
    UnitDetailPanel detail_;
    PlannerState planner_;  // the filter shared by the lists, the criteria view and the map
    PlannerListsPanel lists_{planner_};
    CriteriaPanel criteria_{planner_};
    DistrictTablePanel districts_{planner_};
    SelectionSummaryPanel selection_summary_{planner_};
    ReconciliationPanel reconciliation_;
    ExportDialog export_;
    ImportDialog import_;
    FileBrowser open_browser_, template_browser_;
    std::optional<ImportRecord> last_import_;  // for File ▸ Undo import
    std::string after_load_message_;           // said instead of "Opened N units" after an import
    io::ViewsStore views_store_;
    ViewsPanel views_panel_{views_store_};
    BriefingMode briefing_{views_store_};
    std::optional<std::string> views_export_dir_;  // "export all views", run in render()
    unsigned palette_version_ = 0;
    std::string requested_tab_;
    uint64_t filter_synced_[3] = {0, 0, 0};  // planner version, data version, date of the map filter
    std::string message_;  // last load result or error, shown in the status bar
    bool message_is_error_ = false;
    bool open_popup_ = false;
    char open_path_[1024] = {};
    bool quit_ = false;
};

}  // namespace ntm::ui
