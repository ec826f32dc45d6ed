#pragma once
// The prepared views of briefing mode, saved beside the dataset as "<dataset>.views.json".
//
// The file is small strict JSON (UTF-8, read and written with nlohmann-json), written
// atomically: a temporary file in the same folder, fsync, rename over the old one, fsync of the
// folder; before that the previous good file is copied to "<file>.bak". A file that cannot be
// read gives an ntm::Error naming the file and what is wrong: for broken JSON (cut in half,
// garbage) the line, column and byte offset; for content of the wrong shape the field and the
// view's number ("view 2: \"date\" must be a date YYYY-MM-DD"). It is never replaced silently
// (see ViewsStore).
//
// {
//   "format": "ntm-atlas-views", "version": 1, "crs": "EPSG:9215",
//   "views": [
//     {"title": "Toàn tỉnh — 31/12/2024", "date": "2024-12-31", "focus": "extent",
//      "extent": [min_x, min_y, max_x, max_y], "district": "183", "highlighted_band": 1,
//      "highlighted_criterion": 5, "compare_date": "2020-12-31"}
//   ]
// }
// "focus" is "all", "extent" or "district"; fields not needed may be left out; unknown fields
// are ignored (newer versions may add some).
#include <string>

#include "core/briefing.h"

namespace ntm::io {

struct ViewsFileContent {
    BriefingViews views;
    std::string crs;  // the display CRS the extents are in ("" when not recorded)
};

// "<data_path>.views.json" (a /vsigzip/-style prefix and a trailing slash are dropped).
std::string views_path_for(const std::string& data_path);

// The JSON text of `views`.
std::string views_to_json(const BriefingViews& views, const std::string& crs = "");
// Parses the text; throws ntm::Error "NAME: line L, column C (byte B): what is wrong" or
// "NAME: view N: \"field\" what is wrong".
ViewsFileContent parse_views_json(const std::string& text, const std::string& name = "views file");

// A missing file gives no views and no error. Throws ntm::Error naming the file and position
// for a file that cannot be read or parsed.
ViewsFileContent read_views_file(const std::string& path);
// Writes atomically (see above); throws ntm::Error naming the file on failure, leaving the old
// file as it was.
void write_views_file(const std::string& path, const BriefingViews& views, const std::string& crs = "");

// The views of one dataset and the state of their file, for the views panel and briefing mode.
class ViewsStore {
public:
    // Reads `path`. A missing file: no views, no error. A damaged file: error() says where it is
    // damaged; the views in memory stay as they were when `path` is the file already open
    // (else they are cleared: they belonged to another dataset), the file is left untouched and
    // save() refuses until confirm_overwrite(). Returns false on error.
    bool load(const std::string& path, const std::string& crs = "");
    // Forgets everything (no dataset).
    void reset();

    const std::string& path() const { return path_; }
    BriefingViews& views() { return views_; }
    const BriefingViews& views() const { return views_; }
    // The display CRS the file's extents were recorded in ("" unknown). When it differs from the
    // dataset's, extents may point elsewhere: crs_mismatch() is true.
    const std::string& file_crs() const { return file_crs_; }
    bool crs_mismatch() const { return !file_crs_.empty() && !crs_.empty() && file_crs_ != crs_; }

    // The last load or save error ("" none).
    const std::string& error() const { return error_; }
    // True while the file on disk is damaged and the user has not confirmed replacing it.
    bool save_blocked() const { return blocked_; }
    // The user agreed to replace the damaged file: it is moved aside to "<file>.damaged" (kept
    // for inspection) and saving is allowed again. False (with error()) when that fails.
    bool confirm_overwrite();
    // "<file>.bak" exists and reads fine: the previous good views can be restored.
    bool backup_available() const;
    // Loads the views of "<file>.bak" into memory (does not save). False with error() on failure.
    bool restore_backup();

    // Writes views() to path(). Refused (false, error() says why) while save_blocked() or
    // without a path. On success the error is cleared.
    bool save();
    // Views changed since the last load or save (the panel saves on every edit; this is for
    // showing "not saved" after a refused save).
    bool dirty() const { return dirty_; }
    void mark_dirty() { dirty_ = true; }

private:
    std::string path_, crs_, file_crs_, error_;
    BriefingViews views_;
    bool blocked_ = false, dirty_ = false;
};

}  // namespace ntm::io
