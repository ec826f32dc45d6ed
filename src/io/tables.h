#pragma once
// Attainment, recognition and event tables the way provinces keep them: CSV (comma or semicolon,
// with or without a UTF-8 BOM), XLSX, ODS, or any table OGR reads (a GeoPackage attribute table,
// ...). Everything goes through GDAL's own drivers and every cell is read as text.
//
// Columns are found by name, case- and diacritic-insensitively, ignoring spaces, '_', '-' and
// '.': "Mã xã", "ma_xa" and "MAXA" are the same column. Unit codes are matched to the dataset's
// units exactly, then zero-padded to 5 digits (spreadsheets turn 06184 into 6184).
//
// Every failure throws ntm::Error with one line naming the file as given, and the row (the
// spreadsheet line: the header is line 1, the first data row line 2) and column where relevant.
// Rows whose cells are all blank are skipped.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/dataset.h"
#include "core/records.h"

namespace ntm::io {

// Any table OGR reads, every cell as text: the header row always taken as the header, text
// decoded (UTF-8, or CP1258/TCVN3/VNI detected) and cleaned (NFC, Ð→Đ, trimmed), blank rows
// dropped, each row with the spreadsheet line it came from. Throws ntm::Error naming the file.
struct TextTable {
    std::string path;
    std::vector<std::string> columns;  // header names as written (cleaned)
    std::vector<std::string> keys;     // column_key() of each name
    std::vector<std::vector<std::string>> rows;
    std::vector<int> lines;            // spreadsheet line of each row (header = 1)
};
TextTable read_text_table(const std::string& path);
// A column name reduced to lower-case ASCII letters and digits: "Mã ĐVHC" -> "madvhc".
std::string column_key(std::string_view name);

// Every row of a table as it is in the sheet, header and title rows included (spreadsheets opened
// with headers disabled, every cell as text; CSV read record by record with GDAL's CPL CSV
// reader): for layouts whose header is not on line 1. Text decoded like read_text_table's (and
// UTF-16 LE/BE with a BOM, as Excel saves "Unicode text", tab separated), cells cleaned, line
// breaks inside a cell turned into spaces. Rows whose cells are all blank are kept (empty).
// Spreadsheets' merged cells hold their value in the first cell only, as GDAL reads them.
struct TextGrid {
    std::string path;
    std::string driver;    // "CSV", "XLSX", "ODS", or the OGR driver's name
    std::string encoding;  // of a CSV: "UTF-8", "UTF-16LE", "CP1258", ...
    std::vector<std::vector<std::string>> rows;  // every row padded to the same width
    std::vector<int> lines;                       // spreadsheet line of each row (first = 1)
    std::vector<std::string> sheets;              // names of a workbook's sheets (empty for CSV)
    int sheet = 0;                                // the sheet read
};
// `sheet`: the index of the sheet to read; -1 = the first that holds anything.
TextGrid read_text_grid(const std::string& path, int sheet = -1);

// Cell readers shared with io/table_import.
namespace cells {
// "3", "TC3", "TC 03", "Tiêu chí 3" -> 3; nullopt for anything else ("1.5", "1-2").
std::optional<int> criterion_number(std::string_view text);
// A header that would have named a criterion had its punctuation been dropped ("TC 1.5").
bool looks_like_criterion(std::string_view text);
// 1 met, 0 not met (blank included), -1 not a mark.
int parse_mark(const std::string& text);
// YYYY-MM-DD, D/M/YYYY, YYYY/MM/DD, optionally with a time of day.
std::optional<Date> parse_date(const std::string& text);
// "6184.0" -> "6184".
std::string strip_decimal_zeros(const std::string& text);
// The unit a code names (exactly, then zero-padded to 5 digits), in the version in force on
// `date` when given, else the latest; -1 when none.
int resolve_unit_code(const Dataset& dataset, const std::string& text, std::optional<Date> date);
// Event kinds as sheets write them (Kiểm tra, Tập huấn, công văn, ...); blank = other.
bool parse_kind(const std::string& text, EventKind* out);
// "150", "1.200", "150 người" -> the number.
std::optional<int> parse_count(const std::string& text);
// Items of a list cell: "06184; 06187", "Mai Pha, Hoàng Đồng".
std::vector<std::string> split_list(const std::string& text);
// A district name folded without diacritics nor its type word (for district columns).
std::string district_key(const std::string& name);
// "2", "Nhóm 2", "2.0" -> 2; 0 when the text is no commune group 1, 2 or 3.
int parse_commune_group(const std::string& text);
// "criterion 20 is out of range (the 2016-2020 set, in force on 2020-07-31, has 19)".
std::string out_of_range(const CriteriaSet& set, int number, Date date);
}  // namespace cells

// Observations of criteria, in one of two forms told apart by the header:
//  * wide: one row per unit and assessment date; a unit-code column (ma_xa, ma_dvhc, code,
//    unit_code, ma, ...), a date column (date, ngay, ngay_danh_gia, thoi_diem, ...), an optional
//    source column (source, nguon; a Ghi chú column is kept with it as "; ghi chú: …") and one
//    column per criterion ("1".."19", "TC1", "TC 1", "tc_01", "Tiêu chí 1", "criterion_1", "C1",
//    "1. Quy hoạch", or a criterion's name). Each criterion column gives one
//    observation per row; a blank cell means "not met".
//  * long: a unit-code column, a criterion column (criterion, tieu_chi, tc) holding the number,
//    a met column (met, dat, ket_qua, result) holding a mark, a date column and optional source.
// Marks: met = x, X, 1, Đạt, ✓, ✔, v, yes, có, true; not met = blank, 0, không, chưa đạt, -,
// no, false, ✗, ✘. Source defaults to the file's name when there is no source column or the
// cell is blank. Observations come out in row order, criteria ascending within a row.
std::vector<Observation> read_attainment_table(const std::string& path, const Dataset& dataset);

// Recognitions of levels: unit code, level (standard/advanced/model, Đạt chuẩn/Nâng cao/Kiểu
// mẫu, none/revoked), date, optional decision (decision, quyet_dinh, so_quyet_dinh).
std::vector<Recognition> read_recognitions_table(const std::string& path, const Dataset& dataset);

// Events: start date (start, date, ngay, tu_ngay), optional end (end, ngay_ket_thuc, den_ngay;
// blank = one-day event), kind (kind, loai, hinh_thuc: inspection/kiểm tra, tập huấn, hội nghị,
// phát động, công nhận, chỉ đạo, công văn, quyết định; blank or no column = other), organiser
// (organiser, don_vi_to_chuc), units (codes or names separated by ';' or ','), districts (codes
// or names, with or without "huyện"/"thành phố", matched against the dataset's districts and
// stored as Dataset::districts() keys them: the code, or the name when there is no code), title
// (title, noi_dung), source (source, nguon) and participants (participants, so_nguoi).
std::vector<Event> read_events_table(const std::string& path, const Dataset& dataset);

// Commune groups (nhóm 1, 2, 3 of Decision 51/2025/QĐ-TTg): a unit-code column and a group
// column (nhom, nhom_xa, nhóm xã, commune_group, group) holding 1, 2, 3 or "Nhóm 2"; blank cells
// are skipped. Codes are of the units in force on the row's date when the table has a date
// column, else of the latest boundary version. Returns (unit index, group) pairs in row order;
// empty when the table has no group column and `optional`, else an error naming the file.
std::vector<std::pair<int, int>> read_commune_groups(const std::string& path, const Dataset& dataset,
                                                     bool optional = false);

}  // namespace ntm::io
