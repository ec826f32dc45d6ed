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

// Observations of criteria, in one of two forms told apart by the header:
//  * wide: one row per unit and assessment date; a unit-code column (ma_xa, ma_dvhc, code,
//    unit_code, ma, ...), a date column (date, ngay, ngay_danh_gia, thoi_diem, ...), an optional
//    source column (source, nguon, ghi_chu) and one column per criterion ("1".."19", "TC1",
//    "TC 1", "tc_01", "Tiêu chí 1", "criterion_1", "C1"). Each criterion column gives one
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
