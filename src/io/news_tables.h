#pragma once
// Recognitions laid out as a table in a page: a title naming the level, then the table's cells,
// one a line (as pages are saved as text) or separated by '|' or tabs:
//
//   Danh sách các xã đã được UBND tỉnh Quảng Nam công nhận đạt chuẩn Nông thôn mới
//   TT | HUYỆN, THỊ XÃ, TP | TÊN XÃ | QUYẾT ĐỊNH CÔNG NHẬN ...        header cells: skipped
//   NĂM 2014 (10 xã)                                                  the year the rows below are for
//   I | ĐIỆN BÀN (03 xã)                                              a district heading
//   1 | Điện Quang | Quyết định số 4244/QĐ-UBND ngày 30/12/2014 của UBND tỉnh
//
// Each row becomes the sentence a notice would write ("Quyết định số 4244/QĐ-UBND ngày 30/12/2014
// của UBND tỉnh công nhận xã Điện Quang (Điện Bàn) đạt chuẩn nông thôn mới năm 2014."), which the
// reader then takes like any other: the commune is matched within its district, nothing is
// linked by guess. A row without a decision cell is not a recognition and is left out.
#include <cstddef>
#include <string>
#include <vector>

#include "io/news_text.h"

namespace ntm::io::news {

struct RecognitionTable {
    std::size_t first = 0, last = 0;  // paragraphs [first, last) it takes, the title included
    std::vector<Paragraph> rows;      // one sentence per row, on the line of its decision cell
};

// The recognition tables among a bulletin's paragraphs, in order, not overlapping.
std::vector<RecognitionTable> find_recognition_tables(const std::vector<Paragraph>& paragraphs);

}  // namespace ntm::io::news
