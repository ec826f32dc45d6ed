#include "ui/import_messages.h"

#include <regex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ui/app_state.h"

namespace ntm::ui {

namespace {

// (English form, Vietnamese), applied in order to every line; $1… are the values. Longer forms
// first where one contains another.
const std::vector<std::pair<std::regex, std::string>>& forms() {
    static const std::vector<std::pair<std::regex, std::string>> f = [] {
        const std::vector<std::pair<const char*, const char*>> text = {
            // Where: "FILE, row 12, column Tổng số tiêu chí đạt: …", "FILE, column 'X': …".
            {R"(, row (\d+), column )", ", dòng $1, cột "},
            {R"(, row (\d+): )", ", dòng $1: "},
            {R"(, column '([^']*)': )", ", cột '$1': "},
            // Whole tables.
            {R"(: no header row \(no column named like Mã xã, Đơn vị, Tên xã or Ngày in its first 40 rows\))",
             ": không thấy dòng tiêu đề cột (không cột nào tên như Mã xã, Đơn vị, Tên xã hay Ngày trong 40 dòng đầu)"},
            {R"(: the column mapping names column (\d+) of (\d+) for criterion (\d+))",
             ": cách gán cột chỉ đến cột $1 (bảng có $2 cột) cho tiêu chí $3"},
            {R"(: the column mapping names column (\d+) of (\d+))", ": cách gán cột chỉ đến cột $1 (bảng có $2 cột)"},
            {R"(: no criterion columns \(name them 1\.\.19, TC1\.\.TC19 or Tiêu chí 1\.\.19\))",
             ": không có cột tiêu chí (đặt tên cột 1..19, TC1..TC19 hoặc Tiêu chí 1..19)"},
            {R"(: no level column \(expected one of: level, muc_do, cap_do\))",
             ": không có cột mức đạt chuẩn (Mức đạt chuẩn, Mức độ, Cấp độ)"},
            {R"(: no unit column \(expected one of: Mã xã, Đơn vị, Tên xã, Xã\))",
             ": không có cột đơn vị (Mã xã, Đơn vị, Tên xã, Xã)"},
            {R"(: no date column \(expected one of: start, date, ngay\))", ": không có cột ngày (Ngày, Thời gian, Từ ngày)"},
            {R"(: no report date \(no date column, none in the title rows; give --date\))",
             ": không có ngày báo cáo (không có cột ngày, các dòng tiêu đề không ghi ngày; hãy đặt ngày)"},
            {R"(: no level column; every row read as '([^']*)' from the title)",
             ": không có cột mức; mọi dòng nhập là '$1' theo tiêu đề"},
            {R"(: no date column nor a date in the title; each recognition dated the last day of its year \(column ([^)]*)\), give --date to set one)",
             ": không có cột ngày, tiêu đề không ghi ngày; mỗi công nhận lấy ngày cuối năm (cột $1), hãy đặt ngày nếu cần"},
            {R"(: sheet '([^']*)' also holds a table \(header on line (\d+)\); only sheet '([^']*)' is read \(--sheet NAME reads another, --all-sheets every one\))",
             ": trang tính '$1' cũng có bảng (tiêu đề cột ở dòng $2); chỉ đọc trang '$3' (chọn trang khác hoặc tất cả ở “Trang tính”)"},
            // (the reason after it is translated by its own form below)
            {R"(: sheet '([^']*)' is not read: (.*); read sheet '([^']*)' instead \(--sheet NAME reads another\))",
             ": không đọc trang tính '$1': $2; đọc trang '$3' thay vào (chọn trang khác ở “Trang tính”)"},
            {R"(: no kind column; (\d+) of (\d+) events take their kind from the title's first words, the others are 'other')",
             ": không có cột loại hoạt động; $1 trong $2 hoạt động lấy loại theo những chữ đầu của nội dung, còn lại là 'khác'"},
            {R"(: no unit's row has a mark or a total — an unfilled template\? Nothing imported \(mark met criteria with x, 1, Đạt or ✓\))",
             ": không dòng đơn vị nào có dấu đánh giá hay tổng số — biểu mẫu chưa điền? Chưa nhập gì (đánh dấu tiêu chí đạt bằng x, 1, Đạt hoặc ✓)"},
            {R"(: the table's date (\S+) is after the units of boundary version '([^']*)' \(in force until (\S+): it has a district level\); add the boundaries in force on that date first \(import --boundaries FILE\))",
             ": ngày của bảng $1 sau thời gian của các đơn vị thuộc phiên bản ranh giới '$2' (có cấp huyện: đến $3); hãy thêm ranh giới có hiệu lực vào ngày đó trước"},
            {R"(: the table's date (\S+) is after the units of boundary version '([^']*)' \(in force until (\S+): it has a district level\); add the boundaries in force on that date first \(import --boundaries FILE\))",
             ": ngày của bảng $1 sau thời gian của các đơn vị thuộc phiên bản ranh giới '$2' (có cấp huyện: đến $3); hãy thêm ranh giới có hiệu lực vào ngày đó trước"},
            {R"(: the table's date (\S+) is after the units of boundary version '([^']*)' \(in force until (\S+)\); add the boundaries in force on that date first \(import --boundaries FILE\))",
             ": ngày của bảng $1 sau thời gian hiệu lực của các đơn vị thuộc phiên bản ranh giới '$2' (đến $3); hãy thêm ranh giới có hiệu lực vào ngày đó trước"},
            {R"(: the table's date (\S+) is before the units of boundary version '([^']*)' \(in force from (\S+)\); add the boundaries in force on that date first \(import --boundaries FILE\))",
             ": ngày của bảng $1 trước thời gian hiệu lực của các đơn vị thuộc phiên bản ranh giới '$2' (từ $3); hãy thêm ranh giới có hiệu lực vào ngày đó trước"},
            {R"(: (\d+) rows? ha(?:s|ve) no mark and no total \(rows? ([^)]*)\): read as no criterion met \(write 0 in the total to say so\))",
             ": $1 dòng không có dấu đánh giá và không có tổng số (dòng $2): nhập là chưa đạt tiêu chí nào (ghi 0 ở cột tổng để khẳng định)"},
            {R"(: no such file$)", ": không có tệp này"},
            {R"(: cannot be read as a table \((.*)\)$)", ": không đọc được thành bảng ($1)"},
            {R"(: no rows$)", ": không có dòng nào"},
            {R"(: (\d+) units? did not match the units of boundary version '([^']*)'; nothing imported \(--skip-unmatched imports the rest\))",
             ": $1 đơn vị không khớp với đơn vị của phiên bản ranh giới '$2'; chưa nhập gì (chọn “Bỏ qua tên không khớp” để nhập phần còn lại)"},
            {R"(: (\d+) units? did not match the units of the dataset; nothing imported \(--skip-unmatched imports the rest\))",
             ": $1 đơn vị không khớp với đơn vị của bộ dữ liệu; chưa nhập gì (chọn “Bỏ qua tên không khớp” để nhập phần còn lại)"},
            // Columns and cells.
            {R"(not a criterion number \(criteria are whole numbers: 1, TC1, Tiêu chí 1\))",
             "không phải số tiêu chí (số nguyên: 1, TC1, Tiêu chí 1)"},
            {R"('([^']*)' is not a criterion number \(write 3, TC3 or Tiêu chí 3\))",
             "'$1' không phải số tiêu chí (viết 3, TC3 hoặc Tiêu chí 3)"},
            {R"(criterion (\d+) is out of range \(the (\S+) set, in force on (\S+), has (\d+)\))",
             "tiêu chí $1 nằm ngoài bộ $2 (áp dụng ngày $3, có $4 tiêu chí)"},
            {R"(criterion (\d+) is out of range)", "tiêu chí $1 nằm ngoài phạm vi"},
            {R"(criterion (\d+) appears twice \(also column '([^']*)'\))", "tiêu chí $1 có hai cột (cả cột '$2')"},
            {R"(under the criteria header but no criterion \(by number or by a name of the set in force\); not imported)",
             "nằm dưới tiêu đề tiêu chí nhưng không ứng với tiêu chí nào (theo số hay theo tên của bộ đang áp dụng); không nhập"},
            {R"('([^']*)' is not a date \(use YYYY-MM-DD or D/M/YYYY\))", "'$1' không phải ngày (viết N/T/NNNN hoặc NNNN-TT-NN)"},
            {R"('([^']*)' is not a year)", "'$1' không phải năm"},
            {R"('([^']*)' is not a mark \(use x, 1, Đạt or ✓ for met; leave blank for not met\))",
             "'$1' không phải dấu đánh giá (x, 1, Đạt hoặc ✓ là đạt; để trống là chưa đạt)"},
            {R"('([^']*)' is not a commune group \(write 1, 2 or 3\))", "'$1' không phải nhóm xã (viết 1, 2 hoặc 3)"},
            {R"('([^']*)' is not a number of people)", "'$1' không phải số người"},
            {R"('([^']*)' is before the start \(([^)]*)\))", "'$1' trước ngày bắt đầu ($2)"},
            {R"(duplicates row (\d+) \(unit ([^,]*), criterion (\d+), ([^)]*)\))", "trùng dòng $1 (đơn vị $2, tiêu chí $3, $4)"},
            {R"(duplicates row (\d+) \(unit ([^,]*), ([^)]*)\))", "trùng dòng $1 (đơn vị $2, $3)"},
            {R"(says (\d+) criteria met, the marks give (\d+))", "ghi $1 tiêu chí đạt, các dấu cho $2 (nhập theo các dấu)"},
            {R"(unknown event kind '([^']*)', read as 'other')", "loại hoạt động '$1' không rõ, nhập là 'khác'"},
            {R"(unknown level '([^']*)')", "mức '$1' không rõ"},
            {R"(unknown district '([^']*)')", "huyện '$1' không rõ"},
            {R"(skipped, no unit \(neither a code nor a name\) and no heading, total, note or signature)",
             "bỏ qua: không có đơn vị (không mã, không tên), cũng không phải dòng huyện, dòng tổng, ghi chú hay chữ ký"},
            {R"('([^']*)' is no district of boundary version '([^']*)')", "'$1' không phải huyện của phiên bản ranh giới '$2'"},
            {R"('([^']*)' is no district of the dataset)", "'$1' không phải huyện của bộ dữ liệu"},
            // Names and codes.
            {R"((\d+) units of that name in (.+) \(boundary version '([^']*)'\); write the kind before the name \(Xã, Phường, Thị trấn\))",
             "$1 đơn vị cùng tên ở $2 (phiên bản ranh giới '$3'); hãy ghi loại đơn vị trước tên (Xã, Phường, Thị trấn)"},
            {R"((\d+) units of that name in boundary version '([^']*)'; give the district \(a heading row or a Huyện column\))",
             "$1 đơn vị trùng tên trong phiên bản ranh giới '$2'; hãy ghi huyện (dòng tên huyện hoặc cột Huyện)"},
            {R"(no unit of that name in boundary version '([^']*)')", "không có đơn vị tên này trong phiên bản ranh giới '$1'"},
            {R"(no unit of that name in (.*?) \(boundary version '([^']*)'\))",
             "không có đơn vị tên này ở $1 (phiên bản ranh giới '$2')"},
            {R"(unknown unit code '([^']*)' \(not among the dataset's units\))", "mã đơn vị '$1' không có trong bộ dữ liệu"},
            {R"(unit code '([^']*)' is not among the units in force on (\S+) \(boundary version '([^']*)'\))",
             "mã đơn vị '$1' không thuộc các đơn vị có hiệu lực ngày $2 (phiên bản ranh giới '$3')"},
            {R"(; closest: )", "; gần nhất: "},
            {R"(; no close names)", "; không có tên gần giống"},
            {R"(^… and (\d+) more$)", "… và $1 lỗi khác"},
        };
        std::vector<std::pair<std::regex, std::string>> out;
        for (const auto& [en, vi] : text) out.emplace_back(std::regex(en), vi);
        return out;
    }();
    return f;
}

}  // namespace

std::string import_message_vi(const std::string& message) {
    std::string out;
    size_t start = 0;
    while (start <= message.size()) {
        const size_t end = message.find('\n', start);
        std::string line = message.substr(start, end == std::string::npos ? std::string::npos : end - start);
        for (const auto& [re, vi] : forms()) line = std::regex_replace(line, re, vi);
        out += line;
        if (end == std::string::npos) break;
        out += '\n';
        start = end + 1;
    }
    return out;
}

std::string import_message(const std::string& message) {
    if (current_lang() != Lang::Vi) return message;
    // The dialog draws every frame: each message is rewritten once.
    static std::unordered_map<std::string, std::string> done;
    if (done.size() > 20000) done.clear();
    const auto it = done.find(message);
    if (it != done.end()) return it->second;
    return done.emplace(message, import_message_vi(message)).first->second;
}

}  // namespace ntm::ui
