#pragma once
// What the import dialog does, without a window, so it is testable: a table previewed against the
// open dataset (io::preview_table, no side effects), the column mapping and date the user changed,
// and the import itself — the dataset file rewritten atomically with the file before the import
// kept beside it, so that "Undo import" can put it back.
//
// Where an import goes: into the open dataset's own .gpkg (kept first as
// `<name>.before-import.gpkg`); when what is open is a boundary source (GeoJSON, Shapefile, ...)
// into a new dataset `<name>.gpkg` beside it (a new file; undo reopens the boundary source).
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "geo/geometry.h"
#include "io/table_import.h"

namespace ntm::ui {

// A column role the user can set (one column each); the criteria columns are set separately.
struct ImportRole {
    int io::ColumnMapping::*member;
    const char* vi;
    const char* en;
};
// The roles that mean something for this kind of table, in the order the dialog lists them.
std::vector<ImportRole> import_roles(io::TableKind kind);

// Where an import into the data at `data_path` writes, and what it keeps.
struct ImportTarget {
    std::string dataset;  // the .gpkg written
    std::string backup;   // the file before the import ("" when `dataset` is new)
    std::string reopen_on_undo;  // what Undo opens: `dataset` (restored) or the boundary source
};
ImportTarget import_target(const std::string& data_path, bool is_dataset_file);

// What an import did, kept for Undo.
struct ImportRecord {
    ImportTarget target;
    std::string table;
    size_t records = 0;  // observations, recognitions and events added or replaced
};

class ImportSession {
public:
    // Reads `path` and previews it against `dataset` with the detected mapping. On a table that
    // cannot be read at all, has_preview() is false and error() says why.
    void load(const std::string& path, const Dataset& dataset);
    bool loaded() const { return !path_.empty(); }
    const std::string& path() const { return path_; }
    bool has_preview() const { return preview_.has_value(); }
    const io::TablePreview& preview() const { return *preview_; }
    const std::string& error() const { return error_; }

    // Edits; each previews again against the same dataset.
    void set_kind(io::TableKind kind, const Dataset& dataset);
    io::TableKind kind() const { return options_.kind; }
    // "" takes the table's own date; else YYYY-MM-DD (or DD/MM/YYYY). False (nothing changed,
    // date_error() set) when it is not a date.
    bool set_date(const std::string& text, const Dataset& dataset);
    const std::string& date_error() const { return date_error_; }
    const std::optional<Date>& date_override() const { return options_.date; }
    // The column of a role (-1: none). A column takes one role: setting it clears it elsewhere.
    void set_role(int io::ColumnMapping::*member, int column, const Dataset& dataset);
    // The criterion a column holds (0: none).
    void set_criterion(int column, int number, const Dataset& dataset);
    int criterion_of(int column) const;
    // Back to what was detected in the header.
    void reset_mapping(const Dataset& dataset);
    bool mapping_changed() const { return options_.mapping.has_value(); }
    // A workbook's sheet by name, or every sheet as one table (io::TableImportOptions); the
    // mapping is detected again for what is read.
    void set_sheet(const std::string& sheet, bool all_sheets, const Dataset& dataset);
    bool all_sheets() const { return options_.all_sheets; }
    void set_skip_unmatched(bool on, const Dataset& dataset);
    bool skip_unmatched() const { return options_.skip_unmatched; }

    // Why the import cannot run now (one line, in the current language), "" when it can.
    std::string blocker() const;

    // Imports into a copy of `dataset` and writes it to target.dataset (temp + rename), after
    // keeping the file there as target.backup. Throws ntm::Error (one line); nothing is written
    // then, and the backup is not left half-written.
    ImportRecord commit(const Dataset& dataset, const geo::MapGeometry& geometry, const ImportTarget& target) const;

private:
    void refresh(const Dataset& dataset);
    io::ColumnMapping current_mapping() const;

    std::string path_;
    io::TableImportOptions options_;
    std::optional<io::TablePreview> preview_;
    std::string error_, date_error_;
};

// Puts the file kept before an import back (temp + rename over record.target.dataset). Throws
// ntm::Error when there is nothing to restore; a new dataset is left as it is (undo reopens the
// boundary source).
void undo_import(const ImportRecord& record);

// A copy of `from` at `to`, through a temporary file renamed over `to` when complete.
void copy_file_atomically(const std::string& from, const std::string& to);

}  // namespace ntm::ui
