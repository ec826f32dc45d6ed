#pragma once
// File ▸ Import table… (Ctrl+I): choose a spreadsheet with the desktop's file chooser, see what
// was detected (header lines, report date and where it came from, criteria columns, boundary
// version, matched rows, rows skipped by reason, every unmatched name with its closest
// candidates), change the column mapping and the date, and import into the open dataset. The
// logic is ImportSession (testable without a window); this file draws it.
//
// Not wired here: the workspace opens it, calls draw() every frame, and takes finished() to
// reopen the written dataset (map, chart and timeline then show the import) and offer Undo.
#include <optional>
#include <string>
#include <utility>

#include "ui/app_state.h"
#include "ui/file_browser.h"
#include "ui/import_session.h"
#include "ui/settings.h"

namespace ntm::ui {

class ImportDialog {
public:
    // Shows the dialog from the next draw(); with `table`, that table is read at once (else the
    // chooser opens).
    void open(std::optional<std::string> table = std::nullopt);
    bool is_open() const { return open_; }

    // ImGui code (a modal popup), every frame. `settings` gives and keeps the chooser's folder.
    void draw(const AppState& state, Settings& settings);

    // A finished import, once: the workspace reopens record.target.dataset.
    std::optional<ImportRecord> take_finished();

    // The session, for test hooks and tests.
    ImportSession& session() { return session_; }

private:
    void draw_sheet_choice(const io::TablePreview& p);
    void draw_summary(const io::TablePreview& p);
    void draw_mapping(const AppState& state, const io::TablePreview& p);
    void draw_unmatched(const io::TablePreview& p);
    void start_chooser(const Settings& settings);

    ImportSession session_;
    FileBrowser browser_, target_browser_;
    std::string target_override_;  // a new dataset's file, chosen by the user ("" the default)
    bool open_ = false, open_requested_ = false, choose_on_open_ = false;
    std::optional<std::string> pending_table_;
    std::optional<ImportRecord> finished_;
    char typed_path_[1024] = {};
    char date_[32] = {};
    std::string chooser_error_, commit_error_;
    std::string data_path_;  // the open data, whose folder the chooser starts in at first
    uint64_t data_version_ = 0;
    // Edits chosen while drawing, applied at the start of the next frame.
    std::optional<io::TableKind> pending_kind_;
    std::optional<std::pair<std::string, bool>> pending_sheet_;  // sheet, all sheets
    std::optional<std::string> pending_date_;
    std::optional<std::pair<int io::ColumnMapping::*, int>> pending_role_;
    std::optional<std::pair<int, int>> pending_criterion_;
    bool pending_reset_ = false;  // the dataset the preview was made against
};

}  // namespace ntm::ui
