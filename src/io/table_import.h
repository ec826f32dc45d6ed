#pragma once
// Importing the tables a provincial office keeps — attainment annexes ("Biểu tổng hợp kết quả
// thực hiện bộ tiêu chí xã nông thôn mới"), recognition lists, event sheets — as they are: title
// rows above the header, merged two-row headers, units by name under district heading rows,
// totals, notes and signature rows below. The same calls serve the command line (`import`) and
// the app's import dialog: preview first (no side effects), then import.
//
// Everything is plain data (ints and strings) so a dialog can show and edit it.
//
// Reading: XLSX and ODS through GDAL's drivers with headers disabled and every cell as text; CSV
// through GDAL's CPL CSV reader (UTF-8 with or without BOM, CP1258/TCVN3/VNI detected, UTF-16
// LE/BE with BOM as Excel's "Unicode text" saves it, tab separated); any other table OGR reads
// with its header as the first row.
//
// Matching: by code when there is a code column (codes that lost their leading zero padded);
// else by name within the district given by the last heading row or a district column, names
// compared after NFC, Ð→Đ, case and white-space folding — never with diacritics folded
// (Tân Thành ≠ Tân Thanh). Against the boundary version in force on the table's date.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/dataset.h"
#include "core/date.h"
#include "core/records.h"

namespace ntm::io {

enum class TableKind { Auto, Attainment, Recognitions, Events };
const char* table_kind_id(TableKind kind);       // "auto", "attainment", "recognitions", "events"
const char* table_kind_name_vi(TableKind kind);  // "Tự nhận", "Kết quả tiêu chí", "Công nhận", "Sự kiện"
// "attainment", "recognitions", "events", "auto" (also Vietnamese names); false when unknown.
bool parse_table_kind(const std::string& text, TableKind* out);

// Column indices (0-based, into TablePreview::columns); -1 = no such column.
struct ColumnMapping {
    int code = -1;      // Mã xã / Mã ĐVHC
    int name = -1;      // Đơn vị / Tên xã / Xã
    int district = -1;  // Huyện / Quận / Thị xã / Thành phố
    int date = -1;      // Ngày / Ngày đánh giá (attainment, recognitions); start date (events)
    int source = -1;    // Nguồn
    int note = -1;      // Ghi chú (kept with the row's source: "FILE; ghi chú: TEXT"; a recognition's own note)
    int total = -1;     // Tổng số tiêu chí đạt: checked against the marks; when it differs the marks
                        // are imported (they say which criteria) and the row is warned about
    // Recognitions
    int level = -1;          // Mức đạt chuẩn / Mức công nhận / level
    int decision = -1;       // Số quyết định
    int decision_date = -1;  // Ngày quyết định (the date of the recognition when there is no date)
    int year = -1;           // Năm (the year it is for)
    // Events
    int end = -1, kind = -1, organiser = -1, title = -1, participants = -1;
    // Attainment, long form (one row per unit and criterion): the criterion number and the mark.
    int criterion = -1, met = -1;
    int group = -1;  // Nhóm xã (commune group 1, 2, 3 of the 2026–2030 criteria)
    // Attainment, wide form: (column index, criterion number), by column.
    std::vector<std::pair<int, int>> criteria;
};

struct TableImportOptions {
    TableKind kind = TableKind::Auto;
    std::optional<Date> date;        // the report date; overrides a date column and the title
    bool skip_unmatched = false;     // import the rest; what was left out is listed
    // A workbook's sheet by name ("" = the first that holds a table; the others are said), or
    // every sheet that holds a table (a workbook of one sheet per district), read as one table.
    std::string sheet;
    bool all_sheets = false;
    // Overrides the detected mapping; indices into the columns a preview of the same file lists
    // (start from TablePreview::detected and change what is wrong).
    std::optional<ColumnMapping> mapping;
};

// One name that did not resolve to exactly one unit.
struct NameProblem {
    std::string file;      // the file name as given
    int line = 0;          // spreadsheet line of the row
    std::string name;      // as written in the table
    std::string district;  // the district it was looked for in ("" when none)
    std::string reason;    // "no unit of that name in Huyện Cao Lộc (boundary version '2020')", "3 units of that name ..."
    std::vector<std::string> candidates;  // closest units, "Xã Tân Thành (06250, Huyện Cao Lộc)"
    bool by_code = false;  // a code that names no unit (the reason says it all)
    // "FILE, row N: 'NAME' (DISTRICT): REASON; closest: A; B" — one line ("FILE, row N: REASON"
    // for a code).
    std::string message() const;
};

// Rows that are not data, by reason; never imported, always counted.
struct SkippedRows {
    int title = 0;      // above the header
    int heading = 0;    // district heading rows ("I. Huyện Cao Lộc")
    int total = 0;      // "Tổng cộng", "Toàn tỉnh", "Cộng"
    int note = 0;       // "Ghi chú:", "* ..."
    int other = 0;      // rows with neither a unit nor a known label (each also a warning)
    int signature = 0;  // "Người lập biểu", "KT. CHỦ TỊCH", names alone
    int blank = 0;
    int unmatched = 0;  // left out with skip_unmatched
};

struct TablePreview {
    std::string path;
    TableKind kind = TableKind::Auto;   // what was read (never Auto after a preview)
    std::string sheet;                  // the workbook's sheet read ("" for CSV; "A, B" for several)
    std::vector<std::string> sheets;    // every sheet of the workbook (empty for CSV); messages of a
                                        // workbook of several name the sheet: "FILE, sheet 'S', row N"
    std::vector<int> header_lines;      // spreadsheet lines of the header row(s)
    std::vector<std::string> title_lines;  // text of the title rows above the header
    std::vector<std::string> columns;   // column names (two-row headers joined: "Tiêu chí 3")
    ColumnMapping detected;             // as found in the header
    ColumnMapping mapping;              // as used: the override when given, else detected
    std::optional<Date> date;           // the report date (when the table has one date)
    std::string date_from;              // "cột Ngày đánh giá", "tiêu đề: …", "--date", "" = none
    std::string criteria_set;           // id of the set in force on the date ("2021-2025")
    int version = -1;                   // boundary version matched against (index), -1 = by row date
    std::string version_id, version_name;
    int rows_read = 0;                  // data rows (units) read; events: event rows
    int matched = 0;                    // of those, matched to a unit; events: events read
    SkippedRows skipped;
    std::vector<NameProblem> unmatched;  // every unmatched or ambiguous name, in row order
    std::vector<std::string> warnings;   // one line each (file, row, what)
    std::vector<std::string> errors;     // what stops the import besides unmatched names (no date, bad mark, ...)
    // A few lines for people: kind, header, date and where from, version, counts, skipped rows.
    std::vector<std::string> summary_lines() const;
};

// A header that numbers the rows (STT, TT, Số TT): read for nothing.
bool is_row_number_header(const std::string& header);

// Reads and matches without keeping anything: the dialog shows this. Throws ntm::Error only when
// the file cannot be read as a table at all; every other problem is in `errors`/`unmatched`.
TablePreview preview_table(const std::string& path, const Dataset& dataset, const TableImportOptions& options);

struct TableImportResult {
    TablePreview preview;
    std::vector<Observation> observations;
    std::vector<Recognition> recognitions;
    std::vector<Event> events;
    std::vector<std::pair<int, int>> commune_groups;  // (unit index, group) from a "Nhóm" column
};

// Reads, matches and converts. Throws ntm::Error when preview.errors is not empty (the errors,
// one line each), or when a name did not match and !options.skip_unmatched:
//   "FILE: N units did not match the units of boundary version 'V'; nothing imported
//   (--skip-unmatched imports the rest)" then NameProblem::message() of each, one line each.
// With skip_unmatched the matched rows are converted and preview.unmatched lists the others.
TableImportResult import_table(const std::string& path, const Dataset& dataset, const TableImportOptions& options);

// Adds an import to a dataset: observations of the same unit, criterion and date, and
// recognitions of the same unit and date, are replaced; events appended. Returns the number of
// records added or replaced.
size_t merge_import(Dataset& dataset, const TableImportResult& result);

}  // namespace ntm::io
