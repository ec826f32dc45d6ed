#include "io/table_import.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "core/error.h"
#include "core/format.h"
#include "core/name_match.h"
#include "core/text.h"
#include "core/unit.h"
#include "io/news_dates.h"
#include "io/news_text.h"
#include "io/tables.h"

namespace fs = std::filesystem;

namespace ntm::io {

const char* table_kind_id(TableKind kind) {
    switch (kind) {
        case TableKind::Attainment: return "attainment";
        case TableKind::Recognitions: return "recognitions";
        case TableKind::Events: return "events";
        default: return "auto";
    }
}

const char* table_kind_name_vi(TableKind kind) {
    switch (kind) {
        case TableKind::Attainment: return "Kết quả tiêu chí";
        case TableKind::Recognitions: return "Công nhận";
        case TableKind::Events: return "Sự kiện";
        default: return "Tự nhận";
    }
}

bool parse_table_kind(const std::string& text, TableKind* out) {
    const std::string k = column_key(text);
    static const std::map<std::string, TableKind> kinds = {
        {"auto", TableKind::Auto},         {"tunhan", TableKind::Auto},
        {"attainment", TableKind::Attainment}, {"ketquatieuchi", TableKind::Attainment},
        {"recognitions", TableKind::Recognitions}, {"recognition", TableKind::Recognitions},
        {"congnhan", TableKind::Recognitions}, {"events", TableKind::Events},
        {"event", TableKind::Events},      {"sukien", TableKind::Events}};
    const auto it = kinds.find(k);
    if (it == kinds.end()) return false;
    *out = it->second;
    return true;
}

std::string NameProblem::message() const {
    std::string s = file + ", row " + std::to_string(line) + ": ";
    if (by_code) return s + reason;
    s += "'" + name + "'";
    if (!district.empty()) s += " (" + district + ")";
    s += ": " + reason;
    if (!candidates.empty()) {
        s += "; closest: ";
        for (size_t i = 0; i < candidates.size(); ++i) s += (i ? "; " : "") + candidates[i];
    } else {
        s += "; no close names";
    }
    return s;
}

std::vector<std::string> TablePreview::summary_lines() const {
    std::vector<std::string> out;
    out.push_back(std::string("Loại bảng: ") + table_kind_name_vi(kind) + " (" + table_kind_id(kind) + ")");
    std::string header = "Dòng tiêu đề cột:";
    for (int l : header_lines) header += " " + std::to_string(l);
    out.push_back(header);
    if (date)
        out.push_back("Ngày báo cáo: " + format_date(*date, true) + " (" + date_from + ")");
    else
        out.push_back("Ngày báo cáo: không có");
    if (!criteria_set.empty()) out.push_back("Bộ tiêu chí: " + criteria_set);
    if (!version_id.empty()) out.push_back("Đơn vị hành chính: phiên bản '" + version_id + "' (" + version_name + ")");
    out.push_back("Số dòng đơn vị: " + std::to_string(rows_read) + ", khớp " + std::to_string(matched) +
                  ", không khớp " + std::to_string(unmatched.size()));
    out.push_back("Bỏ qua: " + std::to_string(skipped.title) + " dòng tiêu đề, " + std::to_string(skipped.heading) +
                  " dòng huyện, " + std::to_string(skipped.total) + " dòng tổng, " + std::to_string(skipped.note) +
                  " dòng ghi chú, " + std::to_string(skipped.signature) + " dòng chữ ký, " +
                  std::to_string(skipped.blank) + " dòng trống, " + std::to_string(skipped.other) + " dòng khác");
    if (!sheet.empty()) out.insert(out.begin() + 1, "Trang tính: " + sheet);
    return out;
}

namespace {

// --- Columns ------------------------------------------------------------------------------

enum class Role {
    None, Stt, Code, Name, District, Date, Source, Note, Total, Group, Level, Decision, DecisionDate,
    Year, End, Kind, Organiser, Title, Participants, Criterion, Met, CriteriaGroup
};

using Keys = std::set<std::string>;

// Header words as real sheets write them, reduced by column_key (lower-case ASCII letters and
// digits). The older flat names are kept (tables.h).
const Keys kStt = {"stt", "tt", "sothutu", "so", "sott"};
const Keys kCode = {"maxa", "madvhc", "madonvihanhchinh", "madonvi", "maxaphuong", "unitcode", "communecode",
                    "code", "ma", "madv", "mdvhc", "maxaphuongthitran", "madonvihanhchinhcapxa"};
const Keys kName = {"donvi", "tenxa", "xa", "tendonvi", "xaphuongthitran", "tenxaphuongthitran", "xaphuong",
                    "tenxaphuong", "tendonvihanhchinh", "donvihanhchinh", "xathitran", "tenxathitran",
                    "unit", "unitname", "commune", "communename", "tendonvicapxa", "donvicapxa",
                    "xaphuongdackhu", "units", "communes", "cacxa", "unitcodes", "tenxadatchuan", "diaphuong",
                    "tendiaphuong", "tenxaphuongthitran", "xathitranphuong", "diadiem", "diaban",
                    "diabanthuchien", "diadiemtochuc", "donvihanhchinhcapxa", "tendonvihanhchinhcapxa",
                    "tenxaphuong", "tenxathitranphuong", "xaphuongthitrantructhuoc"};
const Keys kDistrict = {"huyen", "quan", "thixa", "thanhpho", "huyenthanhpho", "huyenthixathanhpho",
                        "huyenthixa", "huyenquanthixathanhpho", "donvicaphuyen", "tenhuyen", "district",
                        "districts", "districtcodes", "mahuyen", "cachuyen", "huyenthanhphothixa",
                        "districtname", "huyentp", "huyentx", "huyentxtp", "huyenthixatp",
                        "donvihanhchinhcaphuyen", "tendonvicaphuyen", "huyenthanhphothuoctinh", "thuochuyen",
                        "thuochuyenthanhpho", "thuochuyenthixathanhpho"};
const Keys kDate = {"date", "ngay", "ngaydanhgia", "thoidiem", "thoidiemdanhgia", "ngaykiemtra",
                    "assessmentdate", "ngaybaocao", "thoidiembaocao"};
const Keys kStart = {"start", "startdate", "ngaybatdau", "tungay", "batdau", "date", "ngay", "ngaydienra",
                     "thoidiem", "ngaythuchien", "thoigian", "thoigianthuchien", "ngaytochuc", "thoigiantochuc"};
const Keys kEnd = {"end", "enddate", "ngayketthuc", "denngay", "ketthuc"};
const Keys kSource = {"source", "nguon", "nguonsolieu", "link", "url"};
const Keys kNote = {"ghichu", "note", "notes"};
const Keys kTotal = {"tongsotieuchidat", "tongsotieuchi", "sotieuchidat", "tongtieuchidat", "tongsotcdat",
                     "sotcdat", "tongso", "tongcong", "tong", "tongsotieuchidatchuan", "sotieuchidatchuan", "total",
                     "criteriamet"};
const Keys kGroup = {"nhomxa", "nhom", "communegroup", "group", "nhomxatheobotieuchi"};
const Keys kLevel = {"level", "capdo", "mucdo", "mucdat", "danhhieu", "muccongnhan", "mucdatchuan", "hang",
                     "mucdatchuannongthonmoi", "mucdocongnhan", "loaicongnhan", "capdocongnhan", "mucdodatchuan",
                     "mucdodat", "muc", "mucdodatchuannongthonmoi"};
const Keys kDecision = {"decision", "quyetdinh", "soquyetdinh", "soqd", "qd", "decisionno", "vanban",
                        "sovanban", "quyetdinhso", "soquyetdinhcongnhan", "quyetdinhcongnhan", "soqdcongnhan",
                        "quyetdinhcongnhanso", "songayquyetdinh", "songayqd", "songayquyetdinhcongnhan",
                        "quyetdinhsongay", "soquyetdinhngay", "soqdngay"};
const Keys kDecisionDate = {"ngayquyetdinh", "ngayqd", "ngaycongnhan", "ngaybanhanh", "ngayky",
                            "quyetdinhngay", "ngayquyetdinhcongnhan", "decisiondate", "ngayqdcongnhan"};
const Keys kYear = {"nam", "namdatchuan", "namcongnhan", "year", "namdat"};
const Keys kKind = {"kind", "type", "loai", "loaisukien", "hinhthuc", "category", "loaihoatdong",
                    "hinhthuchoatdong"};
const Keys kOrganiser = {"organiser", "organizer", "donvitochuc", "tochuc", "chutri", "coquan", "coquantochuc",
                         "donvichutri", "coquanchutri"};
const Keys kTitle = {"title", "noidung", "tieude", "tensukien", "ten", "name", "hoatdong", "description",
                     "noidunghoatdong", "noidungcongviec", "noidungkiemtra", "congviec"};
const Keys kParticipants = {"participants", "songuoi", "songuoithamdu", "soluong", "nguoithamdu",
                            "attendance", "soluongnguoi"};
const Keys kCriterion = {"criterion", "tieuchiso", "tc", "sotieuchi", "criterionnumber", "criteria",
                         "chitieu"};
const Keys kMet = {"met", "dat", "ketqua", "result", "danhgia", "trangthai", "status", "mark", "value"};

// A header over several criteria columns ("Tiêu chí" merged over 1…19; "Kết quả thực hiện các
// tiêu chí", "Mức độ đạt các tiêu chí"): a header about criteria with no number in it.
bool is_criteria_group(const std::string& key) {
    if (key.find_first_of("0123456789") != std::string::npos) return false;
    return key.find("tieuchi") != std::string::npos || key.rfind("ketquathuchien", 0) == 0 ||
           key.rfind("ketquadanhgia", 0) == 0 || key == "criteria";
}

// "Tổng số tiêu chí đạt", "Số TC đã đạt", "Tổng số tiêu chí đã đạt chuẩn".
bool is_total_key(const std::string& key) {
    // "Số tiêu chí chưa đạt", "Số TC không đạt": the criteria missed, not met.
    for (const char* missed : {"chuadat", "khongdat", "conthieu"})
        if (key.find(missed) != std::string::npos) return false;
    if (kTotal.count(key)) return true;
    for (const char* p : {"tongso", "sotieuchi", "sotc", "tongtieuchi", "tongtc"})
        if (key.rfind(p, 0) == 0 && key.find("dat") != std::string::npos) return true;
    // "Kết quả (số tiêu chí đạt)", "Đến nay số tiêu chí đã đạt".
    for (const char* p : {"sotieuchidat", "sotieuchidadat", "sotcdat", "sotcdadat"})
        if (key.find(p) != std::string::npos) return true;
    return false;
}

Role role_of(const std::string& key, TableKind kind) {
    if (key.empty()) return Role::None;
    const bool events = kind == TableKind::Events;
    const bool rec = kind == TableKind::Recognitions;
    if (kCode.count(key)) return Role::Code;
    if (kStt.count(key)) return Role::Stt;
    if (events) {
        if (kStart.count(key)) return Role::Date;
        if (kEnd.count(key)) return Role::End;
        if (kKind.count(key)) return Role::Kind;
        if (kOrganiser.count(key)) return Role::Organiser;
        if (kTitle.count(key)) return Role::Title;
        if (kParticipants.count(key)) return Role::Participants;
    }
    if (kName.count(key)) return Role::Name;
    if (kDistrict.count(key)) return Role::District;
    if (kDecisionDate.count(key)) return rec || kind == TableKind::Auto ? Role::DecisionDate : Role::None;
    if (kDate.count(key)) return Role::Date;
    if (kSource.count(key)) return Role::Source;
    if (kNote.count(key)) return Role::Note;
    if (is_total_key(key)) return Role::Total;
    if (kGroup.count(key)) return Role::Group;
    if (!events) {
        if (kLevel.count(key)) return Role::Level;
        if (kDecision.count(key)) return Role::Decision;
        if (rec && kYear.count(key)) return Role::Year;
        if (kCriterion.count(key)) return Role::Criterion;
        if (kMet.count(key)) return Role::Met;
    }
    if (kind == TableKind::Auto) {
        if (kEnd.count(key)) return Role::End;
        if (kKind.count(key)) return Role::Kind;
        if (kOrganiser.count(key)) return Role::Organiser;
        if (kTitle.count(key)) return Role::Title;
        if (kParticipants.count(key)) return Role::Participants;
        if (kStart.count(key)) return Role::Date;
    }
    if (is_criteria_group(key)) return Role::CriteriaGroup;
    return Role::None;
}

// --- Header -------------------------------------------------------------------------------

bool is_roman(const std::string& s) {
    if (s.empty() || s.size() > 6) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L'; });
}

// A row of column numbers under a header: "(1) (2) (3) …", "A B 1 2 3 …".
bool is_numbering_row(const std::vector<std::string>& row) {
    int numbers = 0, last = 0, nonempty = 0;
    for (const std::string& raw : row) {
        if (raw.empty()) continue;
        ++nonempty;
        std::string s = raw;
        if (s.size() >= 2 && s.front() == '(' && s.back() == ')') s = s.substr(1, s.size() - 2);
        if (s.size() == 1 && s[0] >= 'A' && s[0] <= 'Z') continue;
        const std::string digits = cells::strip_decimal_zeros(s);
        if (digits.empty() || digits.size() > 3 ||
            !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return false;
        const int n = std::stoi(digits);
        if (numbers == 0 ? n > 3 : n != last + 1) return false;
        last = n;
        ++numbers;
    }
    return numbers >= 3 && nonempty >= 3;
}

struct Header {
    int first = -1;          // row index of the first header row
    int rows = 0;            // header rows (numbering row included)
    std::vector<std::string> columns;  // joined names
    std::vector<std::string> bottoms;  // the lowest header cell of each column (criterion names)
    std::vector<bool> under_criteria;  // under a criteria header ("Tiêu chí", "Kết quả thực hiện các tiêu chí")
};

int recognised_cells(const std::vector<std::string>& row, bool* unit_column, bool* date_column) {
    int n = 0;
    for (const std::string& c : row) {
        const Role r = role_of(column_key(c), TableKind::Auto);
        if (r != Role::None) ++n;
        else if (cells::criterion_number(c)) ++n;
        if (r == Role::Code || r == Role::Name) *unit_column = true;
        if (r == Role::Date) *date_column = true;
    }
    return n;
}

// The header: the first row (of the first 40) with a unit column or a date column and at least
// one more column of a known name; then the rows under it that continue it (cells under a
// merged "Tiêu chí", a row of column numbers).
std::string lettered_label(const std::string& label);
std::optional<std::pair<int, std::string>> numbered_criterion_name(const std::string& text);

Header find_header(const TextGrid& g) {
    Header h;
    const int limit = std::min<int>(static_cast<int>(g.rows.size()), 40);
    int fallback = -1;
    for (int r = 0; r < limit && h.first < 0; ++r) {
        bool unit = false, date = false;
        const int n = recognised_cells(g.rows[r], &unit, &date);
        if (n >= 2 && (unit || date)) h.first = r;
        if (n >= 2 && fallback < 0) fallback = r;
    }
    if (h.first < 0) h.first = fallback;
    if (h.first < 0) return h;
    const std::vector<std::string>& top = g.rows[h.first];
    const size_t width = top.size();
    h.columns = top;
    h.bottoms = top;
    h.rows = 1;
    std::vector<int> unit_cols;
    for (size_t c = 0; c < width; ++c) {
        const Role r = role_of(column_key(top[c]), TableKind::Auto);
        if (r == Role::Code || r == Role::Name || r == Role::Stt) unit_cols.push_back(static_cast<int>(c));
    }
    // Names above, carried right over the blank cells of a merged header ("Tiêu chí" over 1…19).
    std::vector<std::string> above = top;
    // Columns under a criteria group ("Tiêu chí" over the five groups over 1…19): a number
    // anywhere below names the criterion, whatever the group rows between.
    std::vector<bool> in_criteria(width, false);
    for (size_t c = 0; c < width; ++c) in_criteria[c] = is_criteria_group(column_key(top[c]));
    h.under_criteria = in_criteria;
    for (int r = h.first + 1; r < static_cast<int>(g.rows.size()) && h.rows < 4; ++r) {
        const std::vector<std::string>& row = g.rows[r];
        // A value under the unit column is data; a column name there ("Đơn vị" over "Huyện" |
        // "Xã") continues the header.
        bool under_unit = false;
        for (int c : unit_cols) {
            const Role own = row[c].empty() ? Role::None : role_of(column_key(row[c]), TableKind::Auto);
            under_unit = under_unit || (!row[c].empty() && own != Role::District && own != Role::Name && own != Role::Code);
        }
        // Column numbers under the whole header ("(1) (2) …" from STT on); numbers under a
        // merged "Tiêu chí" alone are criteria.
        if (under_unit && is_numbering_row(row)) {
            ++h.rows;
            continue;
        }
        int filled = 0;
        for (const std::string& c : row) filled += !c.empty();
        if (under_unit || filled == 0) break;
        // Continues the header when its cells sit under header cells (or under a merge).
        std::string carried;
        bool carried_criteria = false;
        std::vector<std::string> joined = h.columns, bottoms = h.bottoms;
        std::vector<bool> criteria_below = in_criteria;
        int under = 0;
        for (size_t c = 0; c < width; ++c) {
            if (!above[c].empty()) carried = above[c], carried_criteria = in_criteria[c];
            else in_criteria[c] = in_criteria[c] || carried_criteria;
            if (row[c].empty()) continue;
            const std::string parent = above[c].empty() ? carried : above[c];
            // Only under a merge, a criteria group or a header of no known meaning ("Quyết
            // định" over "Số" | "Ngày"); a cell under "Ngày" or "Đơn vị" is data.
            const Role pr = role_of(column_key(parent), TableKind::Auto);
            // A column name of its own under a merged one ("Đơn vị" over "Huyện" | "Xã").
            const Role own = role_of(column_key(row[c]), TableKind::Auto);
            const bool named_under = own != Role::None && own != Role::Date && own != Role::CriteriaGroup &&
                                     pr != Role::None && pr != Role::CriteriaGroup;
            if (parent.empty() || cells::parse_date(row[c]) ||
                (!above[c].empty() && pr != Role::None && pr != Role::CriteriaGroup && pr != Role::Decision &&
                 !named_under)) {
                under = 0;
                break;
            }
            ++under;
            const std::string pk = column_key(parent);
            const std::string& cell = row[c];
            const std::optional<int> number = cells::criterion_number(cells::strip_decimal_zeros(cell));
            const bool criteria = is_criteria_group(pk) || in_criteria[c];
            // "Tiêu chí 1" over "Đạt" | "Chưa đạt": the "Đạt" column is the criterion's, its twin
            // says the same thing the other way round and is left out.
            const std::optional<int> parent_number = cells::criterion_number(parent);
            const int said = parent_number ? cells::parse_mark(cell) : -1;
            // "I. QUY HOẠCH" over "TC 1 - Quy hoạch": a group of criteria numbered on its own.
            const bool in_group = !lettered_label(parent).empty() && (number || numbered_criterion_name(cell));
            if (said == 1) joined[c] = "Tiêu chí " + std::to_string(*parent_number);
            else if (said == 0) joined[c] = parent + " (" + cell + ")";
            else if (in_group) joined[c] = number ? "Tiêu chí " + std::to_string(*number) : cell;
            else if (criteria && number) joined[c] = "Tiêu chí " + std::to_string(*number);
            else if (criteria || named_under) joined[c] = cell;
            else joined[c] = parent + " " + cell;
            bottoms[c] = cell;
            criteria_below[c] = criteria;
        }
        if (under == 0) break;
        in_criteria = criteria_below;
        h.under_criteria = in_criteria;
        h.columns = joined;
        h.bottoms = bottoms;
        for (size_t c = 0; c < width; ++c)
            if (!row[c].empty()) above[c] = row[c];
        ++h.rows;
    }
    return h;
}

// --- Dates in titles ---------------------------------------------------------------------

struct TitleDate {
    Date date;
    std::string line;
};

// "ngày 31/12/2024", "đến hết tháng 6/2025" (the month's last day), "năm 2024" (31/12): the end
// of the first period a title line names, an "as of" period first; periods after "kèm theo" (the
// report the annex goes with) only when nothing else is dated.
std::optional<TitleDate> date_from_titles(const std::vector<std::string>& titles) {
    std::optional<TitleDate> as_of, plain, attached;
    for (const std::string& line : titles) {
        const news::Tokens t = news::tokenize(line);
        size_t attached_from = t.size();
        for (size_t i = 0; i + 1 < t.size(); ++i)
            if (news::match_phrase(t, i, "kem theo")) {
                attached_from = i;
                break;
            }
        for (const news::DateMention& m : news::find_dates(t, 0, t.size())) {
            if (m.kind == news::DateKind::Open || m.kind == news::DateKind::NoYear) continue;
            const Date d = m.kind == news::DateKind::List && !m.days.empty() ? m.days.back() : m.end;
            const TitleDate td{d, line};
            if (m.from >= attached_from) {
                if (!attached) attached = td;
            } else if (m.as_of) {
                if (!as_of) as_of = td;
            } else if (!plain) {
                plain = td;
            }
        }
    }
    if (as_of) return as_of;
    if (plain) return plain;
    return attached;
}

// --- Rows ---------------------------------------------------------------------------------

bool starts_with(const std::string& s, const std::string& p) { return s.rfind(p, 0) == 0; }

bool is_total_label(const std::string& f) {
    for (const char* p : {"tổng cộng", "tổng số", "toàn tỉnh", "toàn huyện", "toàn thành phố", "toàn thị xã",
                          "cộng huyện", "cộng thành phố", "cộng thị xã", "cộng:", "cộng (", "total",
                          // Rows of shares and means under the totals: "Tỷ lệ (%)", "Bình quân".
                          "tỷ lệ", "tỉ lệ", "bình quân", "trung bình", "số xã đạt", "số tiêu chí bình quân"})
        if (starts_with(f, p)) return true;
    return f == "tổng" || f == "cộng" || f == "tổng:" || f == "cộng";
}

bool is_note_label(const std::string& f) {
    for (const char* p : {"ghi chú", "lưu ý", "chú thích", "*", "(*)", "nguồn:", "nguồn số liệu"})
        if (starts_with(f, p)) return true;
    return false;
}

bool is_signature_text(const std::string& f) {
    // "KT." (ký thay) and "TM." (thay mặt) open only signature blocks.
    for (const char* p : {"kt.", "tm.", "kt ", "tm ", "q. chủ tịch", "q.chủ tịch", "phó trưởng ban"})
        if (starts_with(f, p)) return true;
    for (const char* p : {"người lập biểu", "người lập", "người tổng hợp", "người báo cáo", "kt. chủ tịch",
                          "kt chủ tịch", "tm. ủy ban", "tm. uỷ ban", "tm ủy ban", "tm. ubnd", "tm ubnd",
                          "phó chủ tịch", "chủ tịch", "kt. giám đốc", "kt giám đốc", "giám đốc", "phó giám đốc",
                          "thủ trưởng", "trưởng phòng", "chánh văn phòng", "(ký", "(đã ký", "ký tên", "nơi nhận",
                          "xác nhận", "trưởng ban", "kt. trưởng ban"})
        if (starts_with(f, p)) return true;
    // "Lạng Sơn, ngày 31 tháng 12 năm 2024": the place and day of signing.
    const size_t comma = f.find(", ngày ");
    return comma != std::string::npos && f.find(" tháng ", comma) != std::string::npos &&
           f.find(" năm ", comma) != std::string::npos;
}

// "Huyện Cao Lộc (22 xã)", "Thành phố Lạng Sơn (05 phường, 03 xã)": the name without the count
// of its units after it.
std::string strip_unit_count(std::string s) {
    s = trim(s);
    // A count: digits first ("22 xã"), or digits and a unit word ("có 22 xã", "gồm 20 đơn vị").
    const auto is_count = [](const std::string& inner) {
        if (inner.empty() || inner.find_first_of("0123456789") == std::string::npos) return false;
        if (std::isdigit(static_cast<unsigned char>(inner[0]))) return true;
        const std::string f = fold_search_key(inner);
        for (const char* w : {"xa", "phuong", "thi tran", "don vi"})
            if (f.find(w) != std::string::npos) return true;
        return false;
    };
    if (!s.empty() && s.back() == ')') {
        const size_t open = s.rfind('(');
        if (open != std::string::npos && open > 0 && is_count(trim(s.substr(open + 1, s.size() - open - 2))))
            s = trim(s.substr(0, open));
    }
    // "Huyện Cao Lộc: 22 xã", "Huyện Cao Lộc - 22 xã".
    for (const char* sep : {": ", " - ", " – "}) {
        const size_t at = s.find(sep);
        if (at != std::string::npos && at > 0 && is_count(trim(s.substr(at + std::string(sep).size()))))
            s = trim(s.substr(0, at));
    }
    return s;
}

// "I. Huyện Cao Lộc", "2. Thành phố Lạng Sơn", "Huyện Bình Gia": the district name as written,
// "" when the label is no district heading.
std::string district_heading(const std::string& label) {
    std::string s = trim(label);
    // Drop a numbering prefix: roman numerals, a letter or digits, then '.', ')' or '-'.
    size_t i = 0;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])))) ++i;
    size_t j = i;
    while (j < s.size() && s[j] == ' ') ++j;
    if (i > 0 && i <= 5 && j < s.size() && (s[j] == '.' || s[j] == ')' || s[j] == '-')) s = trim(s.substr(j + 1));
    s = strip_unit_count(s);
    // "UBND huyện Tràng Định", "Ủy ban nhân dân thành phố Lạng Sơn": the district by its council.
    for (const char* council : {"UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân ", "ỦY BAN NHÂN DÂN ", "UỶ BAN NHÂN DÂN "})
        if (starts_with(s, council) && s.size() > std::string(council).size()) s = trim(s.substr(std::string(council).size()));
    const std::string f = fold_unit_name(s);
    for (const char* type : {"huyện ", "thành phố ", "thị xã ", "quận ", "tp. ", "tp "})
        if (starts_with(f, type) && f.size() > std::string(type).size()) return s;
    return "";
}

// "2. Tràng Định", "3) Văn Lãng": the text after a number in the same cell, "" otherwise (a
// district heading when it names one and the row has no marks: units are numbered in STT).
std::string numbered_label(const std::string& label) {
    const std::string s = trim(label);
    size_t i = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == 0 || i > 3) return "";
    size_t j = i;
    while (j < s.size() && s[j] == ' ') ++j;
    if (j >= s.size() || (s[j] != '.' && s[j] != ')' && s[j] != '-')) return "";
    return trim(s.substr(j + 1));
}

// "I. Cao Lộc", "A. An Giang": a group heading numbered with a roman numeral or a capital letter
// (never with digits: those number units); the text after the numbering, "" otherwise.
std::string lettered_label(const std::string& label) {
    const std::string s = trim(label);
    size_t i = 0;
    while (i < s.size() && s[i] >= 'A' && s[i] <= 'Z') ++i;
    if (i == 0 || i > 6 || i >= s.size()) return "";
    if (i > 1 && !is_roman(s.substr(0, i))) return "";
    size_t j = i;
    while (j < s.size() && s[j] == ' ') ++j;
    if (j >= s.size() || (s[j] != '.' && s[j] != ')' && s[j] != '-')) return "";
    return trim(s.substr(j + 1));
}

std::string strip_footnote(std::string s) {
    s = trim(s);
    for (bool changed = true; changed;) {
        changed = false;
        for (const char* tail : {"(*)", "*", "(**)"}) {
            const std::string t = tail;
            if (s.size() > t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0) {
                s = trim(s.substr(0, s.size() - t.size()));
                changed = true;
            }
        }
    }
    return s;
}

std::string default_source(const std::string& path) {
    const std::string name = fs::path(path).filename().string();
    return name.empty() ? path : name;
}

// --- Matching -----------------------------------------------------------------------------

struct Matcher {
    const Dataset& ds;
    std::string file;

    // Per version, its units with their names and districts folded once (a national table has
    // thousands of rows against thousands of units).
    struct Folded {
        std::vector<int> units;
        std::vector<std::string> names, districts;
        bool has_districts = false;
    };
    mutable std::map<int, Folded> folded;

    const Folded& of(int v) const {
        auto it = folded.find(v);
        if (it != folded.end()) return it->second;
        Folded f;
        for (size_t i = 0; i < ds.units.size(); ++i) {
            const Unit& u = ds.units[i];
            if (u.version != v) continue;
            f.units.push_back(static_cast<int>(i));
            f.names.push_back(fold_unit_name(u.name));
            f.districts.push_back(fold_district_name(u.district_name));
            f.has_districts = f.has_districts || !u.district_name.empty();
        }
        // A national file groups its units by province (Unit::district_name holds it).
        f.has_districts = f.has_districts && v >= 0 && v < static_cast<int>(ds.versions.size()) &&
                          ds.versions[v].grouping != Grouping::None;
        return folded.emplace(v, std::move(f)).first->second;
    }

    // The unit a name names within `district` in version v; -1 and a problem otherwise.
    int by_name(const std::string& text, const std::string& given_district, int v, int line, NameProblem* problem) const {
        std::string written = strip_footnote(text);
        // "1. Xã Tân Thành", "2) Tân Thanh": the row's number written into the name cell.
        {
            size_t i = 0;
            while (i < written.size() && std::isdigit(static_cast<unsigned char>(written[i]))) ++i;
            if (i > 0 && i <= 3 && i + 1 < written.size() && (written[i] == '.' || written[i] == ')') &&
                written[i + 1] == ' ')
                written = trim(written.substr(i + 1));
        }
        // "TT Na Sầm": the capitals alone say thị trấn (no name begins with the word "TT").
        if (written.compare(0, 3, "TT ") == 0) written = "TT. " + trim(written.substr(3));
        if (written.compare(0, 2, "P ") == 0) written = "P. " + trim(written.substr(2));  // "P Chi Lăng"
        std::string district = given_district;
        const Folded& f = of(v);
        // "Xã Tân Thành (huyện Bắc Sơn)", "Xã Sơn Hà (Hữu Lũng)": the name qualified with its
        // district; any other bracket is a note ("Xã Mai Pha (xã biên giới)"): no unit's name
        // has brackets.
        if (!written.empty() && written.back() == ')') {
            const size_t open = written.rfind('(');
            if (open != std::string::npos && open > 0) {
                const std::string inner = trim(written.substr(open + 1, written.size() - open - 2));
                const std::string folded_inner = fold_unit_name(inner);
                bool names_district = std::find(f.districts.begin(), f.districts.end(), fold_district_name(inner)) !=
                                      f.districts.end();
                for (const char* type : {"huyện ", "thành phố ", "thị xã ", "quận ", "tp. ", "tp ", "h. "})
                    names_district = names_district || starts_with(folded_inner, type);
                if (names_district) district = inner;
                written = trim(written.substr(0, open));
            }
        }
        std::string letters = fold_name_letters(written);
        // "UBND xã Tân Thành", "Ủy ban nhân dân xã …": the commune's people's committee.
        for (const char* body : {"ubnd ", "ủy ban nhân dân ", "uỷ ban nhân dân "})
            if (starts_with(letters, body)) letters = trim(letters.substr(std::string(body).size()));
        const std::string bare = strip_kind_prefix(letters);
        const UnitKind kind = bare != letters ? kind_from_text(letters) : UnitKind::Unknown;
        const std::string name = fold_unit_name(bare);
        const bool use_district = !district.empty() && f.has_districts;
        const std::string fd = fold_district_name(district);
        const std::string fd_typed = fold_unit_name(district);  // with its type word
        const std::vector<int>& all = f.units;
        std::vector<int> same, here, here_typed;
        const auto in_row_district = [&](size_t i) {
            const Unit& unit = ds.units[all[i]];
            return f.districts[i] == fd || (!unit.district_code.empty() && unit.district_code == district);
        };
        for (size_t i = 0; i < all.size(); ++i) {
            if (f.names[i] != name) continue;
            const Unit& unit = ds.units[all[i]];
            if (kind != UnitKind::Unknown && unit.kind != UnitKind::Unknown && unit.kind != kind) continue;
            same.push_back(all[i]);
            if (!use_district || in_row_district(i)) here.push_back(all[i]);
            if (use_district && fold_unit_name(unit.district_name) == fd_typed) here_typed.push_back(all[i]);
        }
        // "Thị xã Kỳ Anh" beside "Huyện Kỳ Anh" (Hà Tĩnh), "Thị xã Cai Lậy" beside "Huyện Cai
        // Lậy": a heading with its type word names that district when one is written so.
        if (!here_typed.empty()) here = here_typed;
        if (here.size() == 1) return here[0];
        problem->file = file;
        problem->line = line;
        problem->name = text;
        problem->district = use_district ? district : "";
        const std::string version = "boundary version '" + ds.versions[v].id + "'";
        if (here.empty()) {
            if (use_district && !same.empty())
                problem->reason = "no unit of that name in " + district + " (" + version + ")";
            else
                problem->reason = "no unit of that name in " + version;
            // Units of the row's district first: there a near spelling is likelier the one
            // meant than the same name in another district.
            std::vector<int> inside, outside;
            for (size_t i = 0; i < all.size(); ++i) (use_district && in_row_district(i) ? inside : outside).push_back(all[i]);
            problem->candidates = closest_units(ds, inside, name);
            for (const std::string& c : closest_units(ds, outside, name))
                if (problem->candidates.size() < kClosestUnits) problem->candidates.push_back(c);
        } else {
            // Within the row's district: a xã and a thị trấn of one name (Chi Lăng); the kind settles it.
            problem->reason = use_district
                                  ? std::to_string(here.size()) + " units of that name in " + district + " (" + version +
                                        "); write the kind before the name (Xã, Phường, Thị trấn)"
                                  : std::to_string(here.size()) + " units of that name in " + version +
                                        "; give the district (a heading row or a Huyện column)";
            for (int u : here) problem->candidates.push_back(describe_unit(ds, u));
        }
        return -1;
    }

    int by_code(const std::string& code, std::optional<Date> date, int line, NameProblem* problem) const {
        const int u = cells::resolve_unit_code(ds, code, date);
        if (u >= 0) return u;
        problem->file = file;
        problem->line = line;
        problem->name = code;
        problem->by_code = true;
        if (date && cells::resolve_unit_code(ds, code, std::nullopt) >= 0)
            problem->reason = "unit code '" + code + "' is not among the units in force on " + date->iso() +
                              " (boundary version '" + ds.versions[ds.version_on(*date)].id + "')";
        else
            problem->reason = "unknown unit code '" + code + "' (not among the dataset's units)";
        return -1;
    }
};

// --- The reader ---------------------------------------------------------------------------

// One data row, classified and (for units) matched.
struct DataRow {
    int row = -1;       // index into the grid
    int line = 0;
    std::string district;  // from the heading above or the row's district column
    int unit = -1;      // matched unit, -1 when none
    std::optional<Date> date;
    std::optional<Date> end;  // an event's last day, from a period in its date cell
    std::optional<int> group_year;  // a recognition under a "Năm 2018" heading row
};

struct Reading {
    TablePreview preview;
    TextGrid grid;
    std::vector<DataRow> rows;
    std::vector<std::pair<int, int>> criteria;  // (criterion, column) ascending
};

std::string column_name(const TablePreview& p, int c) {
    return c >= 0 && c < static_cast<int>(p.columns.size()) ? p.columns[c] : std::to_string(c + 1);
}

// The file as messages name it: with the sheet when the workbook has several.
std::string located(const TablePreview& p) {
    return p.sheets.size() > 1 && !p.sheet.empty() ? p.path + ", sheet '" + p.sheet + "'" : p.path;
}
std::string where(const TablePreview& p, int line) { return located(p) + ", row " + std::to_string(line); }
std::string where(const TablePreview& p, int line, int column) {
    return where(p, line) + ", column " + column_name(p, column);
}

const std::string& cell_of(const Reading& r, const DataRow& row, int column) {
    static const std::string empty;
    if (column < 0) return empty;
    const auto& cells = r.grid.rows[row.row];
    return column < static_cast<int>(cells.size()) ? cells[column] : empty;
}

// Criterion columns by the names of the set in force ("Giao thông", "Thủy lợi và phòng, chống
// thiên tai"): the header equal to a name, or one a beginning of the other.
int criterion_by_name(const CriteriaSet& set, const std::string& header) {
    const std::string k = column_key(header);
    if (k.size() < 3) return 0;
    int found = 0;
    for (const Criterion& c : set.criteria) {
        const std::string ck = column_key(c.name_vi);
        if (ck == k) return c.number;
        if (!found && ck.size() >= 4 && k.size() >= 4 && (starts_with(ck, k) || starts_with(k, ck))) found = c.number;
    }
    return found;
}

// The same, in the set in force, else in another set of as many criteria numbered alike (the
// 19 of 2010, 2016 and 2021: sheets go on heading columns with an earlier set's names, "Chợ nông
// thôn", "Bưu điện", "An ninh, trật tự xã hội" of Decision 491/QĐ-TTg in a 2017 annex).
int criterion_by_name(const Dataset& ds, const CriteriaSet& set, const std::string& header) {
    if (const int n = criterion_by_name(set, header)) return n;
    for (const CriteriaSet& other : ds.criteria_sets)
        if (other.id != set.id && other.size() == set.size())
            if (const int n = criterion_by_name(other, header)) return n;
    return 0;
}

// "1. Quy hoạch", "TC1: Quy hoạch", "Tiêu chí 2 - Giao thông", "Tiêu chí số 3 (Thủy lợi)": a
// criterion number with the criterion's name after it; the number and the name.
std::optional<std::pair<int, std::string>> numbered_criterion_name(const std::string& text) {
    const std::string s = trim(text);
    const size_t p = s.find_first_of("0123456789");
    if (p == std::string::npos) return std::nullopt;
    size_t q = p;
    while (q < s.size() && std::isdigit(static_cast<unsigned char>(s[q]))) ++q;
    const std::optional<int> n = cells::criterion_number(s.substr(0, q));
    if (!n) return std::nullopt;
    size_t r = q;
    bool separated = false;
    while (r < s.size() && std::string(" .:)-(").find(s[r]) != std::string::npos) separated = true, ++r;
    for (const char* dash : {"\u2013", "\u2014"})
        if (s.compare(r, 3, dash) == 0) separated = true, r += 3;
    while (r < s.size() && s[r] == ' ') ++r;
    std::string name = trim(s.substr(r));
    if (!name.empty() && name.back() == ')' && s.find('(', q) != std::string::npos) name = trim(name.substr(0, name.size() - 1));
    if (!separated || name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return std::nullopt;
    return std::make_pair(*n, name);
}

// An event's kind from the first words of its title ("Kiểm tra kết quả …" → inspection,
// "Tập huấn cán bộ …" → training); Other when they name none.
EventKind kind_from_title(const std::string& title) {
    std::vector<std::string> words;
    std::istringstream in(title);
    for (std::string w; in >> w && words.size() < 4;) {
        const bool last = std::string(",;:.").find(w.back()) != std::string::npos;  // "Kiểm tra, đánh giá"
        while (!w.empty() && std::string(",;:.").find(w.back()) != std::string::npos) w.pop_back();
        if (!w.empty()) words.push_back(w);
        if (last) break;
    }
    for (size_t n = words.size(); n >= 1; --n) {
        std::string lead;
        for (size_t i = 0; i < n; ++i) lead += (i ? " " : "") + words[i];
        EventKind kind = EventKind::Other;
        if (cells::parse_kind(lead, &kind) && kind != EventKind::Other) return kind;
    }
    return EventKind::Other;
}

// "Xã Sơn Hà (Hữu Lũng)", "Xã Văn An - Văn Quan": the unit's name and the district named after it
// (as `districts` spell it); the item itself and "" when what follows names no district.
std::pair<std::string, std::string> split_district_suffix(const std::string& item,
                                                          const std::vector<District>& districts) {
    std::string name, tail;
    if (!item.empty() && item.back() == ')' && item.rfind('(') != std::string::npos && item.rfind('(') > 0) {
        const size_t open = item.rfind('(');
        name = trim(item.substr(0, open)), tail = trim(item.substr(open + 1, item.size() - open - 2));
    } else {
        for (const char* dash : {" - ", " – "})
            if (const size_t at = item.rfind(dash); at != std::string::npos && at > 0) {
                name = trim(item.substr(0, at)), tail = trim(item.substr(at + std::string(dash).size()));
                break;
            }
    }
    if (name.empty() || tail.empty()) return {item, ""};
    const std::string typed = district_heading(tail);
    const std::string key = cells::district_key(typed.empty() ? tail : typed);
    for (const District& d : districts)
        if (!d.name.empty() && cells::district_key(d.name) == key) return {name, d.name};
    return {item, ""};
}

// A period an event's date cell names as plans write them: "Từ 15-17/4/2024", "Tháng 5/2024",
// "Quý III/2024", "Năm 2024"; its first and last day. nullopt unless the cell names exactly one.
std::optional<std::pair<Date, Date>> period_in_cell(const std::string& text) {
    const news::Tokens t = news::tokenize(text);
    const std::vector<news::DateMention> found = news::find_dates(t, 0, t.size());
    if (found.size() != 1) return std::nullopt;
    const news::DateMention& m = found.front();
    switch (m.kind) {
        case news::DateKind::Day: case news::DateKind::Range: case news::DateKind::Month:
        case news::DateKind::Quarter: case news::DateKind::Months: case news::DateKind::Year:
            return std::make_pair(m.start, m.end < m.start ? m.start : m.end);
        default: return std::nullopt;
    }
}

// The first calendar day a text names ("1062/QĐ-UBND ngày 17/6/2023", "ngày 17 tháng 6 năm 2023").
std::optional<Date> day_in_text(const std::string& text) {
    if (text.empty()) return std::nullopt;
    const news::Tokens t = news::tokenize(text);
    for (const news::DateMention& m : news::find_dates(t, 0, t.size()))
        if (m.kind == news::DateKind::Day) return m.start;
    return std::nullopt;
}

Reading read(const std::string& path, const Dataset& ds, const TableImportOptions& options) {
    Reading rd;
    TablePreview& p = rd.preview;
    p.path = path;
    rd.grid = read_text_grid(path);
    p.sheets = rd.grid.sheets;
    if (!options.sheet.empty()) {
        if (p.sheets.empty()) throw Error(path + ": no sheets to choose '" + options.sheet + "' from (not a workbook)");
        int index = -1;
        for (int i = 0; i < static_cast<int>(p.sheets.size()) && index < 0; ++i)
            if (fold_search_key(p.sheets[i]) == fold_search_key(options.sheet)) index = i;
        if (index < 0) {
            std::string names;
            for (const std::string& n : p.sheets) names += (names.empty() ? "'" : ", '") + n + "'";
            throw Error(path + ": no sheet '" + options.sheet + "' (its sheets: " + names + ")");
        }
        if (index != rd.grid.sheet) rd.grid = read_text_grid(path, index);
    }
    const TextGrid& g = rd.grid;  // (replaced below by another sheet when that one has the header)
    bool any = false;
    for (const auto& row : g.rows)
        for (const std::string& c : row) any = any || !c.empty();
    if (!any) throw Error((options.sheet.empty() ? path : path + ", sheet '" + g.sheets[g.sheet] + "'") + ": no rows");

    Header h = find_header(g);
    // A workbook whose first sheet is a cover or instructions: the first sheet with a header.
    for (int sheet = 0; options.sheet.empty() && h.first < 0 && sheet < static_cast<int>(g.sheets.size()); ++sheet) {
        if (sheet == g.sheet) continue;
        TextGrid other = read_text_grid(path, sheet);
        Header found = find_header(other);
        if (found.first >= 0) {
            rd.grid = std::move(other);
            h = std::move(found);
        }
    }
    // Other sheets with a table of their own (a workbook of one sheet per district): said, since
    // only one sheet is read.
    if (h.first >= 0 && options.sheet.empty())
        for (int sheet = 0; sheet < static_cast<int>(g.sheets.size()) && sheet < 30; ++sheet) {
            if (sheet == rd.grid.sheet) continue;
            const TextGrid other = read_text_grid(path, sheet);
            const Header found = find_header(other);
            if (found.first >= 0)
                p.warnings.push_back(path + ": sheet '" + other.sheets[sheet] + "' also holds a table (header on line " +
                                     std::to_string(other.lines[found.first]) + "); only sheet '" +
                                     rd.grid.sheets[rd.grid.sheet] + "' is read (--sheet NAME reads another, "
                                     "--all-sheets every one)");
        }
    if (h.first < 0) {
        p.errors.push_back((options.sheet.empty() ? path : path + ", sheet '" + g.sheets[g.sheet] + "'") +
                           ": no header row (no column named like Mã xã, Đơn vị, Tên xã or Ngày in its first 40 rows)");
        p.kind = options.kind;
        return rd;
    }
    for (int r = 0; r < h.first; ++r) {
        std::string text;
        for (const std::string& c : g.rows[r])
            if (!c.empty()) text += (text.empty() ? "" : " ") + c;
        if (!text.empty()) {
            p.title_lines.push_back(text);
            ++p.skipped.title;
        }
    }
    if (g.sheet >= 0 && g.sheet < static_cast<int>(g.sheets.size())) p.sheet = g.sheets[g.sheet];
    for (int r = h.first; r < h.first + h.rows; ++r) p.header_lines.push_back(g.lines[r]);
    p.columns = h.columns;
    const int ncols = static_cast<int>(p.columns.size());

    // Roles: a first pass without the kind, to tell the kind, then with it.
    auto detect = [&](TableKind kind, ColumnMapping& m, std::vector<std::pair<int, int>>& numbered,
                      std::vector<int>& unnamed) {
        m = ColumnMapping();
        numbered.clear();
        unnamed.clear();
        int group_header = -1;  // "Tiêu chí" alone: the criterion of a long table
        for (int c = 0; c < ncols; ++c) {
            const std::string k = column_key(p.columns[c]);
            const Role role = role_of(k, kind);
            int* slot = nullptr;
            switch (role) {
                case Role::Code: slot = &m.code; break;
                case Role::Name: slot = &m.name; break;
                case Role::District: slot = &m.district; break;
                case Role::Date: slot = &m.date; break;
                case Role::Source: slot = &m.source; break;
                case Role::Note: slot = &m.note; break;
                case Role::Total: slot = &m.total; break;
                case Role::Level: slot = &m.level; break;
                case Role::Decision: slot = &m.decision; break;
                case Role::DecisionDate: slot = &m.decision_date; break;
                case Role::Year: slot = &m.year; break;
                case Role::End: slot = &m.end; break;
                case Role::Kind: slot = &m.kind; break;
                case Role::Organiser: slot = &m.organiser; break;
                case Role::Title: slot = &m.title; break;
                case Role::Participants: slot = &m.participants; break;
                case Role::Criterion: slot = &m.criterion; break;
                case Role::Met: slot = &m.met; break;
                case Role::Group: slot = &m.group; break;
                default: break;
            }
            if (slot) {
                // "Tổng số tiêu chí đạt" over "Số tiêu chí đạt năm 2023" (last year's, beside it).
                const auto dated = [&](int col) {
                    return column_key(p.columns[col]).find_first_of("0123456789") != std::string::npos;
                };
                if (*slot < 0 || (role == Role::Total && dated(*slot) && !dated(c))) *slot = c;
                continue;
            }
            if (role == Role::Stt) continue;
            if (role == Role::CriteriaGroup && group_header < 0) group_header = c;
            const std::optional<int> n = cells::criterion_number(p.columns[c]);
            const auto with_name = n ? std::nullopt : numbered_criterion_name(p.columns[c]);
            // A number with a name: under a criteria header, or the name one of some set's.
            const bool named_ok = with_name && (h.under_criteria[c] || [&] {
                for (const CriteriaSet& set : ds.criteria_sets)
                    if (criterion_by_name(set, with_name->second) == with_name->first) return true;
                return false;
            }());
            if (n) numbered.emplace_back(c, *n);
            else if (named_ok) numbered.emplace_back(c, with_name->first);
            else if (!p.columns[c].empty()) unnamed.push_back(c);
        }
        if (numbered.empty() && m.criterion < 0 && m.met >= 0 && group_header >= 0) m.criterion = group_header;
    };
    ColumnMapping m;
    std::vector<std::pair<int, int>> numbered;
    std::vector<int> unnamed;
    TableKind kind = options.kind;
    detect(kind, m, numbered, unnamed);
    if (kind == TableKind::Auto) {
        std::string titles;
        for (const std::string& t : p.title_lines) titles += " " + fold_search_key(t);
        if (!numbered.empty() || (m.criterion >= 0 && m.met >= 0)) kind = TableKind::Attainment;
        else if (m.level >= 0 || m.decision >= 0) kind = TableKind::Recognitions;
        else if (m.kind >= 0 || m.title >= 0 || m.end >= 0) kind = TableKind::Events;
        else if (titles.find("tieu chi") != std::string::npos) kind = TableKind::Attainment;
        else if (titles.find("cong nhan") != std::string::npos || titles.find("dat chuan") != std::string::npos)
            kind = TableKind::Recognitions;
        else kind = TableKind::Attainment;
        detect(kind, m, numbered, unnamed);
    }
    p.kind = kind;

    // The report date: --date, else a date column (per row), else the title. Settled again once
    // the mapping is final (the dialog may name the date column).
    const std::optional<TitleDate> title_date = date_from_titles(p.title_lines);
    auto settle_date = [&](const ColumnMapping& mapping) {
        p.date.reset();
        p.date_from.clear();
        const bool in_range = [&] {
            for (int c : {mapping.date, mapping.decision_date})
                if (c >= ncols) return false;
            return true;
        }();
        if (!in_range) return;
        if (options.date) {
            p.date = options.date;
            p.date_from = "--date";
        } else if (mapping.date >= 0) {
            p.date_from = "cột " + p.columns[mapping.date];
        } else if (mapping.decision_date >= 0 && kind == TableKind::Recognitions) {
            p.date_from = "cột " + p.columns[mapping.decision_date];
        } else if (mapping.decision >= 0 && mapping.decision < ncols && kind == TableKind::Recognitions) {
            // The day each decision names (io reads it from the decision's text).
            p.date_from = "cột " + p.columns[mapping.decision];
        } else if (title_date && kind != TableKind::Events) {
            p.date = title_date->date;
            p.date_from = "tiêu đề: " + title_date->line;
        }
    };
    // The first row's date stands for the table until rows are read.
    auto first_row_date = [&](const ColumnMapping& mapping) -> std::optional<Date> {
        const int col = mapping.date >= 0 ? mapping.date : mapping.decision_date;
        if (col < 0 || col >= ncols) return std::nullopt;
        for (int r = h.first + h.rows; r < static_cast<int>(g.rows.size()); ++r)
            if (const auto d = cells::parse_date(g.rows[r][col])) return d;
        return std::nullopt;
    };
    const ColumnMapping& date_mapping = options.mapping ? *options.mapping : m;
    settle_date(date_mapping);
    std::optional<Date> set_date = p.date ? p.date : first_row_date(date_mapping);

    // Criteria by name, of the set in force on the date.
    std::vector<std::pair<int, int>> criteria = numbered;  // (column, criterion)
    if (kind == TableKind::Attainment && set_date) {
        const CriteriaSet& set = ds.criteria_on(*set_date);
        std::vector<std::pair<int, int>> named;
        for (int c : unnamed)
            if (const int n = criterion_by_name(ds, set, h.bottoms[c])) named.emplace_back(c, n);
            else if (const int n2 = criterion_by_name(ds, set, p.columns[c])) named.emplace_back(c, n2);
        // Two names at least (one header word could be anything), or one beside numbered
        // criteria ("Quy hoạch" merged down over its one column, 2…19 numbered) whose number
        // is not among them.
        if (named.size() >= 2) {
            criteria.insert(criteria.end(), named.begin(), named.end());
        } else if (named.size() == 1 && !numbered.empty() &&
                   std::none_of(numbered.begin(), numbered.end(),
                                [&](const std::pair<int, int>& cn) { return cn.second == named[0].second; })) {
            criteria.push_back(named[0]);
        }
    }
    std::sort(criteria.begin(), criteria.end());
    m.criteria = criteria;
    // A column under the criteria header that names no criterion is said, never dropped silently.
    if (kind == TableKind::Attainment && !options.mapping)
        for (int c : unnamed) {
            const bool used = std::any_of(criteria.begin(), criteria.end(),
                                          [&](const std::pair<int, int>& cn) { return cn.first == c; });
            if (!used && h.under_criteria[c])
                p.warnings.push_back(path + ", column '" + p.columns[c] +
                                     "': under the criteria header but no criterion (by number or by a name of the set "
                                     "in force); not imported");
        }
    p.detected = m;
    p.mapping = options.mapping ? *options.mapping : m;
    const ColumnMapping& use = p.mapping;
    settle_date(use);
    set_date = p.date ? p.date : first_row_date(use);
    auto valid = [&](int c) { return c >= -1 && c < ncols; };
    for (int c : {use.code, use.name, use.district, use.date, use.source, use.note, use.total, use.level,
                  use.decision, use.decision_date, use.year, use.end, use.kind, use.organiser, use.title,
                  use.participants, use.criterion, use.met})
        if (!valid(c) || (c < 0 && c != -1)) {
            p.errors.push_back(path + ": the column mapping names column " + std::to_string(c + 1) + " of " +
                               std::to_string(ncols));
            return rd;
        }

    for (const auto& [col, n] : use.criteria)
        if (col < 0 || col >= ncols) {
            p.errors.push_back(path + ": the column mapping names column " + std::to_string(col + 1) + " of " +
                               std::to_string(ncols) + " for criterion " + std::to_string(n));
            return rd;
        }
    // Column checks of the old flat layouts (tables.h), same messages.
    if (kind == TableKind::Attainment) {
        for (int c = 0; c < ncols; ++c) {
            bool mapped = false;
            for (const auto& [col, n] : use.criteria) mapped = mapped || col == c;
            if (!mapped && role_of(column_key(p.columns[c]), kind) == Role::None &&
                cells::looks_like_criterion(p.columns[c]) && !cells::criterion_number(p.columns[c]))
                p.errors.push_back(path + ", column '" + p.columns[c] +
                                   "': not a criterion number (criteria are whole numbers: 1, TC1, Tiêu chí 1)");
        }
        std::map<int, int> by_number;
        for (const auto& [col, n] : use.criteria) {
            if (n < 1 || n > 99)
                p.errors.push_back(path + ", column '" + p.columns[col] + "': criterion " + std::to_string(n) +
                                   " is out of range");
            const auto [it, fresh] = by_number.emplace(n, col);
            if (!fresh)
                p.errors.push_back(path + ", column '" + p.columns[col] + "': criterion " + std::to_string(n) +
                                   " appears twice (also column '" + p.columns[it->second] + "')");
            rd.criteria.emplace_back(n, col);
        }
        std::sort(rd.criteria.begin(), rd.criteria.end());
        // A sheet of counts alone ("Đơn vị | Tổng số tiêu chí đạt") says how many criteria a unit met,
        // not which; the dataset stores dated observations per criterion (DESIGN: "Store dated
        // observations, not a single count"), so a count is refused with what would import.
        if (p.errors.empty() && use.criteria.empty() && (use.criterion < 0 || use.met < 0) && use.total >= 0)
            p.errors.push_back(path + ", column '" + p.columns[use.total] +
                               "': only a count of criteria met per unit, not which criteria; add a column per "
                               "criterion (1..19, TC1..TC19 or the criteria names; `ntm-atlas template` writes "
                               "the layout)");
        else if (p.errors.empty() && use.criteria.empty() && (use.criterion < 0 || use.met < 0))
            p.errors.push_back(path + ": no criterion columns (name them 1..19, TC1..TC19 or Tiêu chí 1..19)");
    }
    if (kind == TableKind::Recognitions && use.level < 0) {
        std::string titles;
        for (const std::string& l : p.title_lines) titles += " " + fold_search_key(l);
        if (titles.find("nong thon moi") == std::string::npos)
            p.errors.push_back(path + ": no level column (expected one of: level, muc_do, cap_do)");
    }
    if (use.code < 0 && use.name < 0 && kind != TableKind::Events)
        p.errors.push_back(path + ": no unit column (expected one of: Mã xã, Đơn vị, Tên xã, Xã)");
    if (kind == TableKind::Events && use.date < 0 && !p.date)
        p.errors.push_back(path + ": no date column (expected one of: start, date, ngay)");
    const bool year_dates = kind == TableKind::Recognitions && !p.date && use.date < 0 && use.decision_date < 0 &&
                            use.decision < 0 && use.year >= 0;
    if (year_dates)
        p.warnings.push_back(path + ": no date column nor a date in the title; each recognition dated the last day of "
                             "its year (column " + p.columns[use.year] + "), give --date to set one");
    // "Quyết định công nhận: 1062/QĐ-UBND ngày 17/6/2023" with no date column: each recognition
    // dated by its decision's day (else its year, else the title's date).
    const bool decision_dates = kind == TableKind::Recognitions && !options.date && use.date < 0 &&
                                use.decision_date < 0 && use.decision >= 0;
    if (kind != TableKind::Events && !p.date && use.date < 0 && use.decision_date < 0 && !year_dates &&
        !decision_dates)
        p.errors.push_back(path + ": no report date (no date column, none in the title rows; give --date)");
    if (!p.errors.empty()) return rd;

    if (set_date) {
        p.criteria_set = ds.criteria_on(*set_date).id;
        p.version = ds.version_on(*set_date);
        p.version_id = ds.versions[p.version].id;
        p.version_name = ds.versions[p.version].name;
        // A table of a date no boundary version covers (an annex of 2026 beside boundaries with
        // districts, which ended on 30/06/2025): its names would link to units of another time
        // that happen to share them, so nothing is matched.
        const VersionPeriod period = version_period(ds, p.version);
        if (!period.contains(*set_date)) {
            const bool after = period.to && *set_date > *period.to;
            std::string span = after ? "in force until " + period.to->iso() : "in force from " + period.from->iso();
            if (period.to_inferred) span += ": it has a district level";
            p.errors.push_back(path + ": the table's date " + set_date->iso() + " is " + (after ? "after" : "before") +
                               " the units of boundary version '" + p.version_id + "' (" + span +
                               "); add the boundaries in force on that date first (import --boundaries FILE)");
            return rd;
        }
    }

    // Rows below the header.
    Matcher matcher{ds, located(p), {}};
    std::string district;       // of the last heading row
    std::string district_cell;  // the last district column's cell (merged down), "" after a heading
    std::optional<int> group_year;  // of the last "Năm 2018" heading row (recognitions)
    bool signatures = false;
    std::set<std::string> warned_districts;
    const std::vector<District> table_districts =
        p.version >= 0 ? ds.districts(*set_date) : ds.districts();
    int last_label_col = std::max({use.name, use.code, 0});
    for (int c = 0; c < std::min(ncols, 3); ++c)
        if (role_of(column_key(p.columns[c]), kind) == Role::Stt) last_label_col = std::max(last_label_col, c);
    std::set<std::string> group_names;  // folded districts (provinces) of the version
    for (const District& d : table_districts)
        if (!d.name.empty()) group_names.insert(fold_district_name(d.name));
    // A workbook of one sheet per district names the district in the sheet's name ("Cao Lộc",
    // "H. Cao Lộc"): the district of its rows until a heading says otherwise.
    if (p.sheets.size() > 1 && kind != TableKind::Events) {
        std::string named = district_heading(p.sheet);
        if (named.empty() && group_names.count(fold_district_name(p.sheet))) named = p.sheet;
        district = named;
    }
    int stt_col = -1;
    for (int c = 0; c < ncols && stt_col < 0; ++c)
        if (role_of(column_key(p.columns[c]), kind) == Role::Stt) stt_col = c;
    std::set<int> mark_cols;
    for (const auto& [n, c] : rd.criteria) mark_cols.insert(c);
    for (int r = h.first + h.rows; r < static_cast<int>(g.rows.size()); ++r) {
        const std::vector<std::string>& row = g.rows[r];
        const int line = g.lines[r];
        bool blank = true;
        for (const std::string& c : row) blank = blank && c.empty();
        if (blank) {
            ++p.skipped.blank;
            continue;
        }
        if (signatures) {
            ++p.skipped.signature;
            continue;
        }
        // A signature word anywhere in the row, unless the row names a unit (a note of a data
        // row may say anything); "Người lập biểu" often sits in the Đơn vị column itself.
        bool signature = false;
        for (const std::string& c : row) signature = signature || (!c.empty() && is_signature_text(fold_unit_name(c)));
        if (signature && kind != TableKind::Events) {
            // "NGƯỜI LẬP BIỂU" merged over STT and Mã xã sits in the code column.
            const auto names_unit = [&](int c) {
                return c >= 0 && !row[c].empty() && !is_signature_text(fold_unit_name(row[c]));
            };
            const bool unit_named = names_unit(use.code) || names_unit(use.name);
            signature = !unit_named;
        }
        if (signature) {
            signatures = true;
            ++p.skipped.signature;
            continue;
        }
        std::vector<std::string> labels;
        const int label_end = kind == TableKind::Events && use.name < 0 ? ncols - 1 : last_label_col;
        // A district column's cell is the row's data when the row names a unit ("Huyện Cao
        // Lộc | Tân Thành"), a heading when it does not.
        const bool names_unit = (use.name >= 0 && !row[use.name].empty()) || (use.code >= 0 && !row[use.code].empty());
        for (int c = 0; c <= label_end && c < ncols; ++c)
            if (!row[c].empty() && !(c == use.district && names_unit)) labels.push_back(row[c]);
        if (labels.empty())
            for (const std::string& c : row)
                if (!c.empty()) {
                    labels.push_back(c);
                    break;
                }
        // "II | Năm 2022" above recognitions: the year they are for, until the next such row.
        if (kind == TableKind::Recognitions) {
            std::optional<int> year;
            for (const std::string& l : labels) {
                const std::string f = fold_search_key(l);
                if (f.size() == 8 && f.rfind("nam ", 0) == 0)
                    if (const std::optional<int> y = cells::parse_count(f.substr(4)); y && *y >= 1990 && *y <= 2100)
                        year = *y;
            }
            if (year) {
                group_year = year;
                ++p.skipped.heading;
                continue;
            }
        }
        bool total = false, note = false;
        std::string heading;
        for (const std::string& l : labels) {
            const std::string f = fold_unit_name(l);
            total = total || is_total_label(f);
            note = note || is_note_label(f);
            if (heading.empty()) heading = district_heading(l);
        }
        // "I. Cao Lộc", or "II" in STT beside "Cao Lộc": a district (a province in a national
        // file) named without its type word.
        if (heading.empty() && kind != TableKind::Events) {
            std::vector<std::string> named;
            for (const std::string& l : labels)
                if (const std::string rest = lettered_label(l); !rest.empty()) named.push_back(strip_unit_count(rest));
            if (stt_col >= 0 && use.name >= 0 && is_roman(row[stt_col]) && !row[use.name].empty())
                named.push_back(strip_unit_count(row[use.name]));
            // "Cao Lộc" alone (no number, no mark) where the district's name is written without
            // its type word: a heading (Thị trấn Cao Lộc's own row has its number and marks);
            // "2. Tràng Định" in the name column likewise.
            if (use.name >= 0 && !row[use.name].empty() && (stt_col < 0 || row[stt_col].empty()) &&
                !rd.criteria.empty() && std::none_of(mark_cols.begin(), mark_cols.end(), [&](int c) { return !row[c].empty(); })) {
                named.push_back(strip_unit_count(row[use.name]));
                if (const std::string rest = numbered_label(row[use.name]); !rest.empty())
                    named.push_back(strip_unit_count(rest));
            }
            for (const std::string& n : named)
                if (group_names.count(fold_district_name(n))) {
                    heading = n;
                    break;
                }
        }
        const bool has_code = use.code >= 0 && !row[use.code].empty();
        // A heading, total or note merged over STT, Mã xã and Đơn vị sits in the code column:
        // only a code-like cell (digits, no spaces: "06184", "6184") makes the row a unit's.
        const bool code_like = has_code && row[use.code].find(' ') == std::string::npos &&
                               row[use.code].find_first_of("0123456789") != std::string::npos;
        // An event row is read whole: its cells may name districts and anything else.
        if (kind == TableKind::Events) total = false, heading.clear();
        if (note && !code_like) {
            ++p.skipped.note;
            continue;
        }
        if (total && !code_like) {
            ++p.skipped.total;
            continue;
        }
        if (!heading.empty() && !code_like) {
            district = heading;
            district_cell.clear();
            ++p.skipped.heading;
            // Say so when the heading names no district of the version matched against.
            bool known = table_districts.empty();
            for (const District& d : table_districts)
                known = known || fold_district_name(d.name) == fold_district_name(heading);
            if (!known && warned_districts.insert(heading).second)
                p.warnings.push_back(where(p, line) + ": '" + heading + "' is no district of " +
                                     (p.version >= 0 ? "boundary version '" + p.version_id + "'" : "the dataset"));
            continue;
        }
        // A group heading numbered "A", "II" in the STT column that names no district ("B. Các
        // huyện"): the rows below are of no one district.
        if (stt_col >= 0 && !code_like && kind != TableKind::Events &&
            (is_roman(row[stt_col]) || (row[stt_col].size() == 1 && row[stt_col][0] >= 'A' && row[stt_col][0] <= 'Z'))) {
            bool marks = false;
            for (int c : mark_cols) marks = marks || !row[c].empty();
            if (!marks) {
                district.clear(), district_cell.clear();
                ++p.skipped.heading;
                continue;
            }
        }
        // "A. PHƯỜNG", "II. KHU VỰC XÃ", in any label cell, without marks: a numbered group that
        // names no district; the rows below are of no one district.
        if (!code_like && kind != TableKind::Events) {
            bool group = false, marks = false;
            for (const std::string& l : labels) group = group || !lettered_label(l).empty();
            for (int c : mark_cols) marks = marks || !row[c].empty();
            if (group && !marks) {
                district.clear(), district_cell.clear();
                ++p.skipped.heading;
                continue;
            }
        }
        const bool unit_text = (use.name >= 0 && !row[use.name].empty()) || has_code;
        if (!unit_text && kind != TableKind::Events) {
            bool roman = false;
            for (const std::string& l : labels) roman = roman || is_roman(l) || (l.size() == 1 && l[0] >= 'A' && l[0] <= 'Z');
            if (roman) {
                ++p.skipped.heading;
                continue;
            }
            // Neither a unit nor a known label: skipped, and said.
            p.warnings.push_back(where(p, line) + ": skipped, no unit (neither a code nor a name) and no heading, total, note or signature");
            ++p.skipped.other;
            continue;
        }
        DataRow dr;
        dr.row = r;
        dr.group_year = group_year;
        dr.line = line;
        // A district column merged down over its communes holds the name in its first row only.
        if (use.district >= 0 && !row[use.district].empty()) district_cell = row[use.district];
        dr.district = !district_cell.empty() ? district_cell : district;
        // The row's date.
        const int date_col = kind == TableKind::Recognitions && use.date < 0 ? use.decision_date : use.date;
        // "Tháng 3/2024" alone in the date column of an events log: a heading over that month's rows.
        if (kind == TableKind::Events && date_col >= 0 && !row[date_col].empty()) {
            bool alone = true;
            for (int c = 0; c < ncols && alone; ++c) alone = c == date_col || c == stt_col || row[c].empty();
            if (alone) {
                ++p.skipped.heading;
                continue;
            }
        }
        if (options.date) {
            dr.date = options.date;
        } else if (date_col >= 0) {
            const std::string& s = row[date_col];
            dr.date = cells::parse_date(s);
            if (!dr.date && kind == TableKind::Events && !s.empty())
                if (const auto period = period_in_cell(s)) dr.date = period->first, dr.end = period->second;
            if (!dr.date) {
                if (s.empty() && p.date) dr.date = p.date;
                else if (s.empty() && title_date && kind != TableKind::Events) dr.date = title_date->date;
                else {
                    p.errors.push_back(where(p, line, date_col) + ": '" + s +
                                       "' is not a date (use YYYY-MM-DD or D/M/YYYY)");
                    continue;
                }
            }
        } else if (decision_dates) {
            dr.date = day_in_text(row[use.decision]);
            if (!dr.date && use.year >= 0)
                if (const std::optional<int> y = cells::parse_count(row[use.year]); y && *y >= 1990 && *y <= 2100)
                    dr.date = Date::from_ymd(*y, 12, 31);
            if (!dr.date && title_date) dr.date = title_date->date;
            if (!dr.date) {
                p.errors.push_back(where(p, line, use.decision) + ": no date (the decision '" + row[use.decision] +
                                   "' names no day, and there is no date column, year or date in the title)");
                continue;
            }
        } else if (year_dates) {
            const std::optional<int> y = cells::parse_count(row[use.year]);
            if (!y || *y < 1990 || *y > 2100) {
                p.errors.push_back(where(p, line, use.year) + ": '" + row[use.year] + "' is not a year");
                continue;
            }
            dr.date = Date::from_ymd(*y, 12, 31);
        } else {
            dr.date = p.date;
        }
        if (kind != TableKind::Events) {
            ++p.rows_read;
            NameProblem problem;
            const int v = dr.date ? ds.version_on(*dr.date) : static_cast<int>(ds.versions.size()) - 1;
            if (has_code) dr.unit = matcher.by_code(row[use.code], dr.date, line, &problem);
            else dr.unit = matcher.by_name(row[use.name], dr.district, v, line, &problem);
            if (dr.unit < 0) p.unmatched.push_back(problem);
            else ++p.matched;
        }
        rd.rows.push_back(dr);
    }
    if (!p.date && !rd.rows.empty() && rd.rows.front().date) {
        // Dates per row: the preview shows the first, and the version of every row's date.
        bool same = true;
        for (const DataRow& r : rd.rows) same = same && r.date == rd.rows.front().date;
        if (same) p.date = rd.rows.front().date;
        int version = -2;
        for (const DataRow& r : rd.rows) {
            const int v = r.date ? ds.version_on(*r.date) : -1;
            version = version == -2 || version == v ? v : -1;
        }
        p.version = version < 0 ? -1 : version;
        p.version_id = p.version >= 0 ? ds.versions[p.version].id : "";
        p.version_name = p.version >= 0 ? ds.versions[p.version].name : "";
    }
    if (p.version >= 0 && p.version_name.empty()) p.version_name = p.version_id;
    if (kind != TableKind::Events && p.rows_read == 0 && p.errors.empty())
        p.errors.push_back(path + ": no rows");
    if (kind == TableKind::Events && rd.rows.empty() && p.errors.empty()) p.errors.push_back(path + ": no rows");
    return rd;
}

// Levels as sheets write them: parse_level's, and longer phrasings ("Đạt chuẩn nông thôn mới
// nâng cao", "NTM kiểu mẫu", "Xã đạt chuẩn NTM"). A blank cell is no level.
bool level_of(const std::string& text, Level* out) {
    if (trim(text).empty()) return false;
    if (parse_level(text, out)) return true;
    const std::string f = " " + fold_search_key(text) + " ";
    if (f.find(" kieu mau ") != std::string::npos) *out = Level::Model;
    else if (f.find(" nang cao ") != std::string::npos) *out = Level::Advanced;
    else if (f.find(" hien dai ") != std::string::npos) *out = Level::Modern;
    else if (f.find(" dat chuan ") != std::string::npos || f.find(" ntm ") != std::string::npos ||
             f.find(" nong thon moi ") != std::string::npos)
        *out = Level::Standard;
    else return false;
    return true;
}

std::string decision_text(const std::string& decision, std::optional<Date> date) {
    if (decision.empty() || !date) return decision;
    if (decision.find("ngày") != std::string::npos) return decision;
    return decision + " ngày " + format_date(*date, true);
}

void convert(Reading& rd, const Dataset& ds, TableImportResult& out) {
    TablePreview& p = rd.preview;
    const ColumnMapping& m = p.mapping;
    const std::string fallback_source = default_source(p.path);
    if (p.kind == TableKind::Attainment) {
        std::map<std::pair<std::string, int32_t>, int> seen;
        std::map<std::tuple<std::string, int, int32_t>, int> seen_long;
        // A wide table where no unit's row has a mark or a total is an unfilled template (the
        // blank annex `ntm-atlas template` writes): read as "nothing met" it would paint every
        // unit at 0 criteria, so it is refused instead.
        bool any_filled = rd.criteria.empty();
        const size_t first_observation = out.observations.size();
        std::vector<int> blank_lines;  // rows of a filled table with no mark and no total
        for (const DataRow& r : rd.rows) {
            if (r.unit < 0 || !r.date) continue;
            const Unit& unit = ds.units[r.unit];
            const Date date = *r.date;
            const CriteriaSet& set = ds.criteria_on(date);
            std::string source = cell_of(rd, r, m.source);
            if (source.empty()) source = fallback_source;
            // The row's Ghi chú goes with its source ("Đạt chuẩn năm 2019", "Số liệu huyện báo cáo").
            if (const std::string& note = cell_of(rd, r, m.note); !note.empty()) source += "; ghi chú: " + note;
            if (!rd.criteria.empty()) {
                bool ok = true;
                for (const auto& [n, c] : rd.criteria)
                    if (!set.find(n) && !cell_of(rd, r, c).empty()) {
                        p.errors.push_back(where(p, r.line, c) + ": " + cells::out_of_range(set, n, date));
                        ok = false;
                    }
                const auto [it, fresh] = seen.emplace(std::make_pair(unit.code, date.days), r.line);
                if (!fresh) {
                    p.errors.push_back(where(p, r.line) + ": duplicates row " + std::to_string(it->second) +
                                       " (unit " + unit.code + ", " + date.iso() + ")");
                    continue;
                }
                int met = 0;
                bool written = false;  // a mark of either kind ("0", "Chưa đạt" say not met)
                std::vector<Observation> row_obs;
                for (const auto& [n, c] : rd.criteria) {
                    if (!set.find(n)) continue;
                    const std::string& s = cell_of(rd, r, c);
                    written = written || !s.empty();
                    const int mark = cells::parse_mark(s);
                    if (mark < 0) {
                        p.errors.push_back(where(p, r.line, c) + ": '" + s +
                                           "' is not a mark (use x, 1, Đạt or ✓ for met; leave blank for not met)");
                        ok = false;
                        continue;
                    }
                    met += mark;
                    row_obs.push_back({unit.code, n, mark == 1, date, source, "", ""});
                }
                if (!ok) continue;
                const std::string& total = cell_of(rd, r, m.total);
                if (met > 0 || written || !total.empty()) any_filled = true;
                else blank_lines.push_back(r.line);
                if (!total.empty()) {
                    const std::optional<int> t = cells::parse_count(total);
                    if (t && *t != met)
                        p.warnings.push_back(where(p, r.line, m.total) + ": says " + std::to_string(*t) +
                                             " criteria met, the marks give " + std::to_string(met));
                }
                out.observations.insert(out.observations.end(), row_obs.begin(), row_obs.end());
                const std::string& group = cell_of(rd, r, m.group);
                if (!group.empty()) {
                    const int gnum = cells::parse_commune_group(group);
                    if (gnum == 0)
                        p.errors.push_back(where(p, r.line, m.group) + ": '" + group +
                                           "' is not a commune group (write 1, 2 or 3)");
                    else
                        out.commune_groups.emplace_back(r.unit, gnum);
                }
            } else {
                const std::string& ctext = cell_of(rd, r, m.criterion);
                const std::optional<int> n = cells::criterion_number(cells::strip_decimal_zeros(ctext));
                if (!n) {
                    p.errors.push_back(where(p, r.line, m.criterion) + ": '" + ctext +
                                       "' is not a criterion number (write 3, TC3 or Tiêu chí 3)");
                    continue;
                }
                if (!set.find(*n)) {
                    p.errors.push_back(where(p, r.line, m.criterion) + ": " + cells::out_of_range(set, *n, date));
                    continue;
                }
                const std::string& s = cell_of(rd, r, m.met);
                const int mark = cells::parse_mark(s);
                if (mark < 0) {
                    p.errors.push_back(where(p, r.line, m.met) + ": '" + s +
                                       "' is not a mark (use x, 1, Đạt or ✓ for met; leave blank for not met)");
                    continue;
                }
                const auto [it, fresh] = seen_long.emplace(std::make_tuple(unit.code, *n, date.days), r.line);
                if (!fresh) {
                    p.errors.push_back(where(p, r.line) + ": duplicates row " + std::to_string(it->second) +
                                       " (unit " + unit.code + ", criterion " + std::to_string(*n) + ", " +
                                       date.iso() + ")");
                    continue;
                }
                out.observations.push_back({unit.code, *n, mark == 1, date, source, "", ""});
            }
        }
        if (!any_filled && out.observations.size() > first_observation) {
            out.observations.resize(first_observation);
            p.errors.push_back(p.path + ": no unit's row has a mark or a total — an unfilled template? "
                                        "Nothing imported (mark met criteria with x, 1, Đạt or ✓)");
        } else if (!blank_lines.empty()) {
            // Read as none met, as the annex's blank means; said, since a row left unfilled looks the same.
            std::string lines;
            for (size_t i = 0; i < blank_lines.size() && i < 20; ++i) lines += (i ? ", " : "") + std::to_string(blank_lines[i]);
            if (blank_lines.size() > 20) lines += ", …";
            p.warnings.push_back(p.path + ": " + std::to_string(blank_lines.size()) +
                                 (blank_lines.size() == 1 ? " row has" : " rows have") + " no mark and no total (row" +
                                 (blank_lines.size() == 1 ? " " : "s ") + lines +
                                 "): read as no criterion met (write 0 in the total to say so)");
        }
    } else if (p.kind == TableKind::Recognitions) {
        Level title_level = Level::Standard;
        if (m.level < 0) {
            std::string titles;
            for (const std::string& l : p.title_lines) titles += " " + fold_search_key(l);
            if (titles.find("kieu mau") != std::string::npos) title_level = Level::Model;
            else if (titles.find("nang cao") != std::string::npos) title_level = Level::Advanced;
            p.warnings.push_back(p.path + ": no level column; every row read as '" +
                                 level_name_vi(title_level) + "' from the title");
        }
        for (const DataRow& r : rd.rows) {
            if (r.unit < 0 || !r.date) continue;
            Recognition rec;
            rec.unit_code = ds.units[r.unit].code;
            rec.date = *r.date;
            rec.level = title_level;
            if (m.level >= 0) {
                const std::string& l = cell_of(rd, r, m.level);
                if (!level_of(l, &rec.level)) {
                    p.errors.push_back(where(p, r.line, m.level) + ": unknown level '" + l + "'");
                    continue;
                }
            }
            std::optional<Date> decided;
            if (m.decision_date >= 0) decided = cells::parse_date(cell_of(rd, r, m.decision_date));
            rec.decision = m.date >= 0 || !decided ? cell_of(rd, r, m.decision)
                                                   : decision_text(cell_of(rd, r, m.decision), decided);
            if (m.year >= 0) {
                const std::optional<int> y = cells::parse_count(cell_of(rd, r, m.year));
                if (y && *y >= 1990 && *y <= 2100) rec.year = *y;
            } else if (r.group_year) {
                rec.year = *r.group_year;
            }
            rec.note = cell_of(rd, r, m.note);
            out.recognitions.push_back(std::move(rec));
        }
    } else {
        const std::vector<District> districts = ds.districts();
        Matcher matcher{ds, located(p), {}};
        int titled_kinds = 0;
        for (const DataRow& r : rd.rows) {
            if (!r.date) continue;
            Event e;
            e.start = *r.date;
            e.end = r.end.value_or(e.start);
            const std::string& end = cell_of(rd, r, m.end);
            if (!end.empty()) {
                const std::optional<Date> d = cells::parse_date(end);
                if (!d) {
                    p.errors.push_back(where(p, r.line, m.end) + ": '" + end +
                                       "' is not a date (use YYYY-MM-DD or D/M/YYYY)");
                    continue;
                }
                if (*d < e.start) {
                    p.errors.push_back(where(p, r.line, m.end) + ": '" + end + "' is before the start (" +
                                       e.start.iso() + ")");
                    continue;
                }
                e.end = *d;
            }
            const std::string& kind = cell_of(rd, r, m.kind);
            if (m.kind < 0) {
                // No kind column: the title's first words ("Kiểm tra …", "Tập huấn …").
                e.kind = kind_from_title(cell_of(rd, r, m.title));
                titled_kinds += e.kind != EventKind::Other;
            } else if (!cells::parse_kind(kind, &e.kind)) {
                e.kind = EventKind::Other;
                p.warnings.push_back(where(p, r.line, m.kind) + ": unknown event kind '" + kind + "', read as 'other'");
            }
            e.organiser = cell_of(rd, r, m.organiser);
            e.title = cell_of(rd, r, m.title);
            e.source = cell_of(rd, r, m.source);
            if (e.source.empty()) e.source = fallback_source;
            if (const std::string& note = cell_of(rd, r, m.note); !note.empty()) e.source += "; ghi chú: " + note;
            const std::string& people = cell_of(rd, r, m.participants);
            if (!people.empty()) {
                const std::optional<int> n = cells::parse_count(people);
                if (!n) {
                    p.errors.push_back(where(p, r.line, m.participants) + ": '" + people + "' is not a number of people");
                    continue;
                }
                e.participants = *n;
            }
            // Districts first: a row's own district settles an ambiguous unit name.
            std::vector<std::string> district_names;
            bool ok = true;
            for (const std::string& item : cells::split_list(cell_of(rd, r, m.district))) {
                std::string as_code = cells::strip_decimal_zeros(item);
                if (!as_code.empty() && as_code.size() < 3 &&
                    std::all_of(as_code.begin(), as_code.end(), [](char c) { return c >= '0' && c <= '9'; }))
                    as_code = std::string(3 - as_code.size(), '0') + as_code;
                const std::string key = cells::district_key(item);
                const District* match = nullptr;
                for (const District& d : districts)
                    if ((!d.code.empty() && (d.code == item || d.code == as_code)) ||
                        (!d.name.empty() && cells::district_key(d.name) == key)) {
                        match = &d;
                        break;
                    }
                if (!match) {
                    p.errors.push_back(where(p, r.line, m.district) + ": unknown district '" + item + "'");
                    ok = false;
                    break;
                }
                const std::string id = match->code.empty() ? match->name : match->code;
                if (std::find(e.district_codes.begin(), e.district_codes.end(), id) == e.district_codes.end())
                    e.district_codes.push_back(id);
                district_names.push_back(match->name);
            }
            if (!ok) continue;
            const int units_col = m.name >= 0 ? m.name : m.code;
            const int v = ds.version_on(e.start);
            // "Xã Tân Thành, huyện Cao Lộc" in the units' cell: the district is no unit; it is the
            // event's and settles the names before it.
            std::vector<std::string> unit_items;
            bool unmatched = false;
            for (const std::string& item : cells::split_list(cell_of(rd, r, units_col))) {
                const std::string heading = district_heading(item);
                const District* match = nullptr;
                if (!heading.empty())
                    for (const District& d : districts)
                        if (!d.name.empty() && cells::district_key(d.name) == cells::district_key(heading)) {
                            match = &d;
                            break;
                        }
                if (!match) {
                    unit_items.push_back(item);
                    continue;
                }
                const std::string id = match->code.empty() ? match->name : match->code;
                if (std::find(e.district_codes.begin(), e.district_codes.end(), id) == e.district_codes.end())
                    e.district_codes.push_back(id);
                district_names.push_back(match->name);
            }
            for (std::string item : unit_items) {
                // "Xã Sơn Hà (Hữu Lũng)", "Xã Văn An - Văn Quan": the unit's district beside it.
                if (const auto [name, district] = split_district_suffix(item, districts); !district.empty()) {
                    item = name;
                    district_names.push_back(district);
                }
                NameProblem problem;
                int u = cells::resolve_unit_code(ds, item, e.start);
                if (u < 0) u = cells::resolve_unit_code(ds, item, std::nullopt);
                if (u < 0 && std::isdigit(static_cast<unsigned char>(item[0]))) {
                    matcher.by_code(item, e.start, r.line, &problem);
                } else if (u < 0) {
                    // The row's districts settle a name found in several (the districts an
                    // event concerns need not be its units' own).
                    u = matcher.by_name(item, "", v, r.line, &problem);
                    if (u < 0 && problem.candidates.size() > 1 && !district_names.empty()) {
                        std::vector<int> settled;
                        NameProblem within;  // what the one district given says of the name
                        for (const std::string& d : district_names) {
                            NameProblem again;
                            const int in_d = matcher.by_name(item, d, v, r.line, &again);
                            if (in_d >= 0) settled.push_back(in_d);
                            else within = again;
                        }
                        if (settled.size() == 1) u = settled[0];
                        else if (settled.empty() && district_names.size() == 1 && within.candidates.size() > 1)
                            problem = within;  // a xã and a thị trấn of that name in the district
                    }
                }
                if (u < 0) {
                    p.unmatched.push_back(problem);
                    unmatched = true;
                    continue;
                }
                const std::string& code = ds.units[u].code;
                if (std::find(e.unit_codes.begin(), e.unit_codes.end(), code) == e.unit_codes.end())
                    e.unit_codes.push_back(code);
            }
            // A row naming a unit that did not match is left out whole (--skip-unmatched lists
            // it), not kept without the unit.
            if (!unmatched) out.events.push_back(std::move(e));
        }
        if (m.kind < 0 && !rd.rows.empty())
            p.warnings.push_back(located(p) + ": no kind column; " + std::to_string(titled_kinds) + " of " +
                                 std::to_string(rd.rows.size()) +
                                 " events take their kind from the title's first words, the others are 'other'");
    }
}

std::string join_errors(const std::vector<std::string>& errors) {
    std::string s;
    const size_t shown = std::min<size_t>(errors.size(), 20);
    for (size_t i = 0; i < shown; ++i) s += (i ? "\n" : "") + errors[i];
    if (errors.size() > shown) s += "\n… and " + std::to_string(errors.size() - shown) + " more";
    return s;
}

TableImportResult run_one(const std::string& path, const Dataset& ds, const TableImportOptions& options) {
    Reading rd = read(path, ds, options);
    TableImportResult out;
    if (rd.preview.errors.empty()) convert(rd, ds, out);
    if (rd.preview.kind == TableKind::Events) {
        // Events count their unit names as they resolve them.
        rd.preview.rows_read = static_cast<int>(rd.rows.size());
        rd.preview.matched = static_cast<int>(out.events.size());
    }
    // Commune groups from a "Nhóm" column (the 2026–2030 criteria).
    out.preview = std::move(rd.preview);
    return out;
}

void add_counts(SkippedRows& to, const SkippedRows& from) {
    to.title += from.title, to.heading += from.heading, to.total += from.total, to.note += from.note;
    to.other += from.other, to.signature += from.signature, to.blank += from.blank, to.unmatched += from.unmatched;
}

template <typename T>
void append(std::vector<T>& to, const std::vector<T>& from) {
    to.insert(to.end(), from.begin(), from.end());
}

// Every sheet that holds a table, read one by one and put together as one table: the first
// sheet's header, date and mapping describe it; rows, matches and messages are of them all.
TableImportResult run(const std::string& path, const Dataset& ds, const TableImportOptions& options) {
    if (!options.all_sheets) {
        TableImportResult r = run_one(path, ds, options);
        // The first sheet with a header is a summary by district or a cover that looks like one:
        // the next sheet that reads without errors, said.
        if (!options.sheet.empty() || r.preview.errors.empty() || r.preview.sheets.size() < 2) return r;
        for (int i = 0; i < static_cast<int>(r.preview.sheets.size()) && i < 30; ++i) {
            if (r.preview.sheets[i] == r.preview.sheet || find_header(read_text_grid(path, i)).first < 0) continue;
            TableImportOptions one = options;
            one.sheet = r.preview.sheets[i];
            TableImportResult other = run_one(path, ds, one);
            if (!other.preview.errors.empty()) continue;
            // The first error without its "FILE, sheet 'S': " (said already).
            std::string why = r.preview.errors.front();
            if (why.rfind(path, 0) == 0 && why.find(": ") != std::string::npos) why = why.substr(why.find(": ") + 2);
            other.preview.warnings.insert(other.preview.warnings.begin(),
                                          path + ": sheet '" + r.preview.sheet + "' is not read: " + why +
                                              "; read sheet '" + one.sheet + "' instead (--sheet NAME reads another)");
            return other;
        }
        return r;
    }
    const TextGrid first = read_text_grid(path);
    if (first.sheets.size() < 2) return run_one(path, ds, options);
    std::optional<TableImportResult> all;
    std::string first_read;  // the first sheet read
    for (int i = 0; i < static_cast<int>(first.sheets.size()); ++i) {
        if (find_header(i == first.sheet ? first : read_text_grid(path, i)).first < 0) continue;
        TableImportOptions one = options;
        one.all_sheets = false;
        one.sheet = first.sheets[i];
        TableImportResult r = run_one(path, ds, one);
        if (!all) {
            all = std::move(r);
            first_read = one.sheet;
            continue;
        }
        TablePreview& p = all->preview;
        const TablePreview& q = r.preview;
        if (q.kind != p.kind)
            p.errors.push_back(path + ": sheet '" + q.sheet + "' holds " + table_kind_name_vi(q.kind) + ", sheet '" +
                               first_read + "' " + table_kind_name_vi(p.kind) + "; read them one at a time (--sheet)");
        if (q.date != p.date) p.date.reset();
        p.sheet += ", " + q.sheet;
        p.rows_read += q.rows_read, p.matched += q.matched;
        add_counts(p.skipped, q.skipped);
        append(p.unmatched, q.unmatched), append(p.warnings, q.warnings), append(p.errors, q.errors);
        append(all->observations, r.observations), append(all->recognitions, r.recognitions);
        append(all->events, r.events), append(all->commune_groups, r.commune_groups);
    }
    if (!all) return run_one(path, ds, options);  // says there is no header
    return std::move(*all);
}

}  // namespace

bool is_row_number_header(const std::string& header) {
    return role_of(column_key(header), TableKind::Attainment) == Role::Stt;
}

TablePreview preview_table(const std::string& path, const Dataset& dataset, const TableImportOptions& options) {
    return run(path, dataset, options).preview;
}

TableImportResult import_table(const std::string& path, const Dataset& dataset, const TableImportOptions& options) {
    TableImportResult result = run(path, dataset, options);
    const TablePreview& p = result.preview;
    if (!p.errors.empty()) throw Error(join_errors(p.errors));
    if (!p.unmatched.empty()) {
        const size_t n = p.unmatched.size();
        if (!options.skip_unmatched) {
            std::string s = path + ": " + std::to_string(n) + (n == 1 ? " unit" : " units") +
                            " did not match the units of " +
                            (p.version >= 0 ? "boundary version '" + p.version_id + "'" : "the dataset") +
                            "; nothing imported (--skip-unmatched imports the rest)";
            for (const NameProblem& np : p.unmatched) s += "\n" + np.message();
            throw Error(s);
        }
        result.preview.skipped.unmatched = static_cast<int>(n);
    }
    return result;
}

size_t merge_import(Dataset& dataset, const TableImportResult& result) {
    size_t n = 0;
    if (!result.observations.empty()) {
        std::set<std::tuple<std::string, int, int32_t, std::string>> fresh;
        for (const Observation& o : result.observations) fresh.emplace(o.unit_code, o.criterion, o.date.days, o.indicator);
        auto& obs = dataset.observations;
        obs.erase(std::remove_if(obs.begin(), obs.end(), [&](const Observation& o) {
                      return fresh.count({o.unit_code, o.criterion, o.date.days, o.indicator}) > 0;
                  }),
                  obs.end());
        obs.insert(obs.end(), result.observations.begin(), result.observations.end());
        n += result.observations.size();
    }
    if (!result.recognitions.empty()) {
        std::set<std::pair<std::string, int32_t>> fresh;
        for (const Recognition& r : result.recognitions) fresh.emplace(r.unit_code, r.date.days);
        auto& recs = dataset.recognitions;
        recs.erase(std::remove_if(recs.begin(), recs.end(), [&](const Recognition& r) {
                       return fresh.count({r.unit_code, r.date.days}) > 0;
                   }),
                   recs.end());
        recs.insert(recs.end(), result.recognitions.begin(), result.recognitions.end());
        n += result.recognitions.size();
    }
    dataset.events.insert(dataset.events.end(), result.events.begin(), result.events.end());
    n += result.events.size();
    for (const auto& [unit, group] : result.commune_groups)
        if (unit >= 0 && unit < static_cast<int>(dataset.units.size())) dataset.units[unit].commune_group = group;
    return n;
}

}  // namespace ntm::io
