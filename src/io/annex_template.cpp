#include "io/annex_template.h"

#include <xlsxwriter.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <system_error>
#include <unistd.h>

#include "core/error.h"
#include "core/format.h"

namespace fs = std::filesystem;

namespace ntm::io {
namespace {

std::string roman(int n) {
    static const std::pair<int, const char*> digits[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"},
                                                         {100, "C"},  {90, "XC"},  {50, "L"},  {40, "XL"},
                                                         {10, "X"},   {9, "IX"},   {5, "V"},   {4, "IV"}, {1, "I"}};
    std::string out;
    for (const auto& [value, text] : digits)
        while (n >= value) {
            out += text;
            n -= value;
        }
    return out;
}

// Spreadsheet column letters: 0 -> A, 26 -> AA.
std::string column_letters(int c) {
    std::string s;
    for (++c; c > 0; c = (c - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
    return s;
}

struct Workbook {
    lxw_workbook* wb = nullptr;
    ~Workbook() {
        if (wb) workbook_close(wb);
    }
};

}  // namespace

AnnexTemplateSummary write_annex_template(const std::string& path, const Dataset& dataset, Date date) {
    AnnexTemplateSummary summary;
    const CriteriaSet& set = dataset.criteria_on(date);
    const int version = dataset.version_on(date);
    summary.criteria_set = set.id;
    summary.version_id = dataset.versions[version].id;
    summary.criteria = set.size();

    // Units in force, grouped by district in first-seen order (none after the 2025 reform).
    std::vector<std::string> district_order;
    std::map<std::string, std::vector<int>> by_district;
    // Districts; in a national file, provinces (Unit::district_name holds them). After the 2025
    // reform a province's units have no group.
    const bool districts = dataset.versions[version].grouping != Grouping::None;
    for (size_t i = 0; i < dataset.units.size(); ++i) {
        const Unit& u = dataset.units[i];
        if (u.version != version) continue;
        const std::string d = districts ? u.district_name : "";
        if (!by_district.count(d)) district_order.push_back(d);
        by_district[d].push_back(static_cast<int>(i));
    }
    if (by_district.empty()) throw Error(path + ": no units in force on " + date.iso() + "; nothing written");

    const std::string tmp = path + ".tmp-" + std::to_string(::getpid()) + ".xlsx";
    {
        // Can the file be made? Asked first: libxlsxwriter reports a failure only at the end,
        // on stderr, in its own words.
        std::ofstream probe(tmp, std::ios::binary);
        if (!probe) throw Error(path + ": cannot be written (" + std::strerror(errno) + ")");
    }
    lxw_workbook_options wb_options = {};
    wb_options.constant_memory = LXW_FALSE;
    Workbook book;
    book.wb = workbook_new_opt(tmp.c_str(), &wb_options);
    if (!book.wb) {
        std::error_code ec;
        fs::remove(tmp, ec);
        throw Error(path + ": cannot be written (cannot create " + tmp + ")");
    }
    lxw_workbook* wb = book.wb;
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Biểu tổng hợp");

    lxw_format* title = workbook_add_format(wb);
    format_set_bold(title);
    format_set_align(title, LXW_ALIGN_CENTER);
    format_set_font_size(title, 13);
    lxw_format* italic = workbook_add_format(wb);
    format_set_italic(italic);
    format_set_align(italic, LXW_ALIGN_CENTER);
    lxw_format* head = workbook_add_format(wb);
    format_set_bold(head);
    format_set_border(head, LXW_BORDER_THIN);
    format_set_align(head, LXW_ALIGN_CENTER);
    format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(head);
    lxw_format* heading = workbook_add_format(wb);
    format_set_bold(heading);
    format_set_border(heading, LXW_BORDER_THIN);
    lxw_format* cell = workbook_add_format(wb);
    format_set_border(cell, LXW_BORDER_THIN);
    lxw_format* mark = workbook_add_format(wb);
    format_set_border(mark, LXW_BORDER_THIN);
    format_set_align(mark, LXW_ALIGN_CENTER);
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_align(bold, LXW_ALIGN_CENTER);

    const int n = set.size();
    const int first_criterion = 2, total_col = 2 + n, note_col = 3 + n;
    const lxw_col_t last = static_cast<lxw_col_t>(note_col);
    worksheet_set_column(ws, 0, 0, 5, nullptr);
    worksheet_set_column(ws, 1, 1, 28, nullptr);
    worksheet_set_column(ws, first_criterion, total_col - 1, 4.5, nullptr);
    worksheet_set_column(ws, total_col, total_col, 10, nullptr);
    worksheet_set_column(ws, note_col, note_col, 18, nullptr);

    // Title rows: what, which set, the date (read back by io/table_import).
    const std::string province = dataset.info.title.empty() ? "" : " — " + dataset.info.title;
    worksheet_merge_range(ws, 0, 0, 0, last, "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI", title);
    worksheet_merge_range(ws, 1, 0, 1, last, (set.name_vi + province).c_str(), italic);
    worksheet_merge_range(ws, 2, 0, 2, last, ("(Số liệu tính đến ngày " + format_date(date, true) + ")").c_str(), italic);

    // The merged two-row header.
    const lxw_row_t h1 = 4, h2 = 5;
    worksheet_merge_range(ws, h1, 0, h2, 0, "STT", head);
    worksheet_merge_range(ws, h1, 1, h2, 1, "Đơn vị", head);
    if (n > 1) worksheet_merge_range(ws, h1, first_criterion, h1, total_col - 1, "Tiêu chí", head);
    else worksheet_write_string(ws, h1, first_criterion, "Tiêu chí", head);
    for (const Criterion& c : set.criteria)
        worksheet_write_number(ws, h2, static_cast<lxw_col_t>(first_criterion + c.number - 1), c.number, head);
    worksheet_merge_range(ws, h1, total_col, h2, total_col, "Tổng số tiêu chí đạt", head);
    worksheet_merge_range(ws, h1, note_col, h2, note_col, "Ghi chú", head);
    worksheet_freeze_panes(ws, h2 + 1, 2);

    lxw_row_t row = h2 + 1;
    const lxw_row_t first_unit_row = row;
    int district_number = 0;
    for (const std::string& d : district_order) {
        if (!d.empty()) {
            worksheet_merge_range(ws, row, 0, row, last, (roman(++district_number) + ". " + d).c_str(), heading);
            ++summary.districts;
            ++row;
        }
        int stt = 0;
        for (int u : by_district[d]) {
            worksheet_write_number(ws, row, 0, ++stt, cell);
            worksheet_write_string(ws, row, 1, dataset.units[u].full_name().c_str(), cell);
            for (int c = first_criterion; c <= note_col; ++c) worksheet_write_blank(ws, row, static_cast<lxw_col_t>(c), mark);
            ++summary.units;
            ++row;
        }
    }
    // Totals: the number of units meeting each criterion.
    worksheet_merge_range(ws, row, 0, row, 1, "Tổng cộng", heading);
    for (int c = first_criterion; c < total_col; ++c) {
        const std::string col = column_letters(c);
        const std::string f = "=COUNTIF(" + col + std::to_string(first_unit_row + 1) + ":" + col +
                              std::to_string(row) + ",\"x\")";
        worksheet_write_formula(ws, row, static_cast<lxw_col_t>(c), f.c_str(), heading);
    }
    row += 2;
    worksheet_write_string(ws, row++, 1, "Ghi chú: đánh dấu x vào tiêu chí đạt; để trống tiêu chí chưa đạt.", nullptr);
    row += 1;
    worksheet_write_string(ws, row, static_cast<lxw_col_t>(total_col - 4), "........, ngày ..... tháng ..... năm .......", italic);
    ++row;
    worksheet_write_string(ws, row, 1, "Người lập biểu", bold);
    worksheet_write_string(ws, row, static_cast<lxw_col_t>(total_col - 4), "KT. CHỦ TỊCH", bold);
    ++row;
    worksheet_write_string(ws, row, 1, "(Ký, ghi rõ họ tên)", italic);
    worksheet_write_string(ws, row, static_cast<lxw_col_t>(total_col - 4), "PHÓ CHỦ TỊCH", bold);

    const lxw_error err = workbook_close(wb);
    book.wb = nullptr;
    std::error_code ec;
    if (err != LXW_NO_ERROR) {
        fs::remove(tmp, ec);
        throw Error(path + ": cannot be written (" + lxw_strerror(err) + ")");
    }
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw Error(path + ": cannot be written (" + ec.message() + ")");
    }
    return summary;
}

}  // namespace ntm::io
