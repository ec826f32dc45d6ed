#pragma once
// The province's annex layout as a blank form to fill ("Biểu tổng hợp kết quả thực hiện bộ tiêu
// chí xã nông thôn mới"): title rows with the date, a merged two-row header STT | Đơn vị | Tiêu
// chí 1…N (the set in force on the date) | Tổng số tiêu chí đạt | Ghi chú, a heading row per
// district when the units have districts, one row per unit in force, blank marks, a totals row,
// a note and the signature block. io/table_import reads it back as it is.
#include <string>

#include "core/dataset.h"
#include "core/date.h"

namespace ntm::io {

struct AnnexTemplateSummary {
    int units = 0;       // rows of units
    int districts = 0;   // heading rows
    int criteria = 0;    // criteria columns
    std::string criteria_set;  // id of the set
    std::string version_id;    // boundary version of the units
};

// Writes the template for the units in force on `date` as XLSX (libxlsxwriter), to a temporary
// file renamed over `path` when complete. Throws ntm::Error naming the file on failure; an
// existing file at `path` is left as it was.
AnnexTemplateSummary write_annex_template(const std::string& path, const Dataset& dataset, Date date);

}  // namespace ntm::io
