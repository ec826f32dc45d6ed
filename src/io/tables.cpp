#include "io/tables.h"

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include "core/error.h"
#include "core/text.h"
#include "core/unit.h"
#include "io/gdal_session.h"
#include "io/text_encoding.h"

namespace fs = std::filesystem;

namespace ntm::io {
// Lower-case ASCII letters and digits: "Mã ĐVHC" -> "madvhc", "Tiêu chí 1" -> "tieuchi1".
std::string column_key(std::string_view name) {
    std::string out;
    for (char c : fold_search_key(name))
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
    return out;
}

namespace {

// --- Reading any OGR table as text ------------------------------------------------------

using Table = TextTable;

bool is_local_path(const std::string& s) {
    return s.rfind("/vsi", 0) != 0 && s.find("://") == std::string::npos &&
           s.find(':') == std::string::npos;
}


// Sets GDAL configuration options for this thread and puts the previous values back.
class ThreadConfig {
public:
    ThreadConfig() = default;
    ThreadConfig(const ThreadConfig&) = delete;
    ThreadConfig& operator=(const ThreadConfig&) = delete;
    ~ThreadConfig() {
        for (auto it = saved_.rbegin(); it != saved_.rend(); ++it)
            CPLSetThreadLocalConfigOption(it->first.c_str(),
                                          it->second ? it->second->c_str() : nullptr);
    }
    void set(const char* key, const char* value) {
        const char* old = CPLGetThreadLocalConfigOption(key, nullptr);
        saved_.emplace_back(key, old ? std::optional<std::string>(old) : std::nullopt);
        CPLSetThreadLocalConfigOption(key, value);
    }

private:
    std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

// The physical line (1-based) on which each record of a CSV file starts. Like GDAL's CSV
// reader, empty lines are not records and a quoted field may run over several lines.
std::vector<int> csv_record_lines(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::vector<int> starts;
    if (!in) return starts;
    bool quoted = false, content = false;
    int line = 1, record_line = 1;
    char c = 0;
    while (in.get(c)) {
        if (c == '\n') {
            if (!quoted) {
                if (content) starts.push_back(record_line);
                content = false;
                record_line = line + 1;
            }
            ++line;
        } else if (c != '\r') {
            if (c == '"') quoted = !quoted;
            content = true;
        }
    }
    if (content) starts.push_back(record_line);
    return starts;
}

// A whole-valued decimal as a spreadsheet stores it ("6184.0", "1.0000000000") without its
// fractional zeros; anything else unchanged.
std::string strip_decimal_zeros(const std::string& s) {
    const size_t dot = s.find('.');
    if (dot == std::string::npos || dot == 0) return s;
    for (size_t i = 0; i < dot; ++i)
        if (s[i] < '0' || s[i] > '9') return s;
    for (size_t i = dot + 1; i < s.size(); ++i)
        if (s[i] != '0') return s;
    return s.substr(0, dot);
}

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string raw_cell(OGRFeature& f, int i, OGRFieldType type) {
    if (!f.IsFieldSetAndNotNull(i)) return "";
    if (type == OFTDate || type == OFTDateTime) {
        int y = 0, m = 0, d = 0, h = 0, mi = 0, tz = 0;
        float s = 0;
        if (f.GetFieldAsDateTime(i, &y, &m, &d, &h, &mi, &s, &tz) && is_valid_ymd(y, m, d))
            return Date::from_ymd(y, m, d).iso();
    }
    if (type == OFTReal) {
        const double v = f.GetFieldAsDouble(i);
        if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15)
            return std::to_string(static_cast<long long>(v));
    }
    return f.GetFieldAsString(i);
}

}  // namespace

TextTable read_text_table(const std::string& path) {
    ensure_gdal();
    const bool local = is_local_path(path);
    if (local) {
        std::error_code ec;
        if (!fs::exists(path, ec)) throw Error(path + ": no such file");
        // GDAL recognises no format in an empty file; to the user it is an empty table.
        if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) < 4096) {
            std::ifstream in(path, std::ios::binary);
            const std::string text((std::istreambuf_iterator<char>(in)),
                                   std::istreambuf_iterator<char>());
            if (is_valid_utf8(text) && trim(text).empty()) throw Error(path + ": no rows");
        }
    }

    // Every cell as text, and the first line always the header (spreadsheet drivers otherwise
    // guess both, and guess wrong on all-text sheets).
    ThreadConfig config;
    for (const char* prefix : {"OGR_XLSX_", "OGR_ODS_", "OGR_XLS_"}) {
        config.set((std::string(prefix) + "HEADERS").c_str(), "FORCE");
        config.set((std::string(prefix) + "FIELD_TYPES").c_str(), "STRING");
    }

    GdalErrorCapture capture;
    GDALDriverH identified = GDALIdentifyDriverEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr);
    const std::string driver = identified ? GDALGetDriverShortName(identified) : "";
    const char* csv_options[] = {"HEADERS=YES", "AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=NO",
                                 nullptr};
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                              nullptr, driver == "CSV" ? csv_options : nullptr,
                                              nullptr));
    if (!ds) {
        std::string why = capture.message();
        if (why.empty()) why = "no GDAL driver recognises it";
        throw Error(path + ": cannot be read as a table (" + why + ")");
    }
    if (ds->GetLayerCount() == 0) throw Error(path + ": cannot be read as a table (it holds no tables)");
    OGRLayer* layer = ds->GetLayer(0);
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    const int nfields = defn->GetFieldCount();
    const bool fid_is_line = driver == "XLSX" || driver == "ODS";

    std::vector<std::string> header;
    std::vector<OGRFieldType> types;
    for (int i = 0; i < nfields; ++i) {
        header.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
        types.push_back(defn->GetFieldDefn(i)->GetType());
    }
    std::vector<std::vector<std::string>> raw;
    std::vector<int> lines;
    layer->ResetReading();
    int index = 0;
    for (auto& feature : *layer) {
        std::vector<std::string> cells;
        cells.reserve(nfields);
        for (int i = 0; i < nfields; ++i) cells.push_back(raw_cell(*feature, i, types[i]));
        const GIntBig fid = feature->GetFID();
        lines.push_back(fid_is_line && fid >= 2 && fid < (1 << 30) ? static_cast<int>(fid)
                                                                 : index + 2);
        raw.push_back(std::move(cells));
        ++index;
    }
    if (driver == "CSV" && local) {
        const std::vector<int> starts = csv_record_lines(path);
        if (starts.size() == raw.size() + 1)
            for (size_t r = 0; r < raw.size(); ++r) lines[r] = starts[r + 1];
    }

    // Text: UTF-8 as it comes (NFC, Ð folded, trimmed); a CSV saved in a legacy Vietnamese
    // encoding (CP1258 from Excel, TCVN3, VNI) is detected and decoded.
    std::vector<std::string> samples;
    bool utf8 = true;
    for (const std::string& h : header) utf8 = utf8 && is_valid_utf8(h);
    for (const auto& row : raw)
        for (const std::string& c : row) utf8 = utf8 && is_valid_utf8(c);
    std::string encoding = "UTF-8";
    if (!utf8) {
        samples = header;
        for (const auto& row : raw)
            for (const std::string& c : row)
                if (!c.empty()) samples.push_back(c);
        encoding = detect_encoding(samples);
    }
    const auto text = [&](const std::string& s) {
        return clean_text(encoding == "UTF-8" ? s : decode_text(s, encoding));
    };

    Table t;
    t.path = path;
    for (const std::string& h : header) {
        t.columns.push_back(text(h));
        t.keys.push_back(column_key(t.columns.back()));
    }
    for (size_t r = 0; r < raw.size(); ++r) {
        std::vector<std::string> cells;
        bool blank = true;
        for (const std::string& c : raw[r]) {
            cells.push_back(c.empty() ? std::string() : text(c));
            blank = blank && cells.back().empty();
        }
        if (blank) continue;
        t.rows.push_back(std::move(cells));
        t.lines.push_back(lines[r]);
    }
    return t;
}

namespace {

Table read_table(const std::string& path) { return read_text_table(path); }

// --- Columns ------------------------------------------------------------------------------

int find_column(const Table& t, std::initializer_list<const char*> keys) {
    for (const char* k : keys)
        for (size_t i = 0; i < t.keys.size(); ++i)
            if (t.keys[i] == k) return static_cast<int>(i);
    return -1;
}

const std::initializer_list<const char*> kUnitCodeKeys = {
    "maxa", "madvhc", "madonvihanhchinh", "madonvi", "maxaphuong", "unitcode", "communecode",
    "code", "ma", "madv", "mdvhc"};
const std::initializer_list<const char*> kDateKeys = {
    "date", "ngay", "ngaydanhgia", "thoidiem", "thoidiemdanhgia", "ngaykiemtra", "ngaycongnhan",
    "ngayquyetdinh", "assessmentdate"};
const std::initializer_list<const char*> kSourceKeys = {"source", "nguon", "ghichu",
                                                        "nguonsolieu", "note", "notes"};

std::string where(const Table& t, size_t row) {
    return t.path + ", row " + std::to_string(t.lines[row]);
}
std::string where(const Table& t, size_t row, int column) {
    return where(t, row) + ", column " + t.columns[column];
}

std::string default_source(const std::string& path) {
    const std::string name = fs::path(path).filename().string();
    return name.empty() ? path : name;
}

// "3", "TC3", "TC 03", "tc_3", "Tiêu chí 3", "tieu_chi_3", "criterion_3", "C3" -> 3.
// Punctuation is not dropped: "1.5", "-1", "1/9", "1-2" and "TC 1.5" are no criterion numbers
// (an indicator or a range is not a criterion; issue 14).
std::optional<int> criterion_number(std::string_view text) {
    const std::string f = fold_search_key(text);
    const size_t p = f.find_first_of("0123456789");
    if (p == std::string::npos) return std::nullopt;
    const std::string digits = f.substr(p);
    if (!all_digits(digits) || digits.size() > 3) return std::nullopt;
    // The words before the number: letters, with spaces, '_' or '.' after a letter.
    for (size_t i = 0; i < p; ++i) {
        const char c = f[i];
        const bool letter = c >= 'a' && c <= 'z';
        if (!letter && !(i > 0 && (c == ' ' || c == '_' || c == '.'))) return std::nullopt;
    }
    const std::string prefix = column_key(f.substr(0, p));
    static const std::set<std::string> prefixes = {
        "", "tc", "tieuchi", "tieuchiso", "tcso", "criterion", "criteria", "crit", "c"};
    if (!prefixes.count(prefix)) return std::nullopt;
    return std::stoi(digits);
}

// A header that would have named a criterion had its punctuation been dropped ("TC 1.5", "1-2").
bool looks_like_criterion(std::string_view text) {
    const std::string k = column_key(text);
    const size_t p = k.find_first_of("0123456789");
    if (p == std::string::npos || !all_digits(k.substr(p))) return false;
    static const std::set<std::string> prefixes = {"", "tc", "tieuchi", "tieuchiso", "tcso", "criterion", "c"};
    return prefixes.count(k.substr(0, p)) > 0;
}

std::string out_of_range(const CriteriaSet& set, int number, Date date) {
    return "criterion " + std::to_string(number) + " is out of range (the " + set.id + " set, in force on " +
           date.iso() + ", has " + std::to_string(set.size()) + ")";
}

// --- Cells --------------------------------------------------------------------------------

// Index of the unit the code names: exactly, then as the 5-digit code a spreadsheet stripped
// of its leading zeros (6184 -> 06184); -1 when none.
// With a date, the unit of the boundary version in force on it (codes are reused across
// versions); without, the latest version's.
int resolve_unit_code(const Dataset& ds, const std::string& text, std::optional<Date> date = std::nullopt) {
    if (text.empty()) return -1;
    auto find = [&](const std::string& code) { return date ? ds.find_unit(code, *date) : ds.find_unit(code); };
    const int exact = find(text);
    if (exact >= 0) return exact;
    std::string s = strip_decimal_zeros(text);
    if (all_digits(s) && s.size() < 5) s = std::string(5 - s.size(), '0') + s;
    return s == text ? -1 : find(s);
}

int unit_of_row(const Table& t, size_t row, int column, const Dataset& ds,
                std::optional<Date> date = std::nullopt) {
    const std::string& code = t.rows[row][column];
    if (code.empty()) throw Error(where(t, row, column) + ": no unit code");
    const int u = resolve_unit_code(ds, code, date);
    if (u < 0 && date && resolve_unit_code(ds, code) >= 0)
        throw Error(where(t, row) + ": unit code '" + code + "' is not among the units in force on " +
                    date->iso() + " (boundary version '" + ds.versions[ds.version_on(*date)].id + "')");
    if (u < 0)
        throw Error(where(t, row) + ": unknown unit code '" + code +
                    "' (not among the dataset's units)");
    return u;
}

// Dates as typed or as spreadsheets store them: YYYY-MM-DD, D/M/YYYY, YYYY/MM/DD (GDAL's text
// for date cells), each optionally followed by a time of day.
std::optional<Date> parse_cell_date(const std::string& s) {
    if (auto d = parse_date(s)) return d;
    std::string day = s;
    size_t cut = s.find(' ');
    if (cut == std::string::npos && s.size() > 10 && s[10] == 'T') cut = 10;
    if (cut != std::string::npos) {
        const std::string rest = trim(std::string_view(s).substr(cut + 1));
        const bool time = !rest.empty() && std::all_of(rest.begin(), rest.end(), [](char c) {
            return (c >= '0' && c <= '9') || c == ':' || c == '.' || c == 'Z' || c == '+';
        });
        if (!time) return std::nullopt;
        day = s.substr(0, cut);
    }
    if (day.size() == 10 && day[4] == '/' && day[7] == '/') {
        day[4] = '-';
        day[7] = '-';
    }
    return parse_date(day);
}

Date date_of_row(const Table& t, size_t row, int column) {
    const std::string& s = t.rows[row][column];
    const std::optional<Date> d = parse_cell_date(s);
    if (!d)
        throw Error(where(t, row, column) + ": '" + s +
                    "' is not a date (use YYYY-MM-DD or D/M/YYYY)");
    return *d;
}

// A mark: 1 for met, 0 for not met, -1 when the text is not a mark.
int parse_mark(const std::string& text) {
    const std::string f = fold_search_key(strip_decimal_zeros(text));
    static const std::set<std::string> met = {
        "x", "1", "dat", "dat chuan", "\u2713", "\u2714", "\u2611", "\u00d7", "v", "yes", "y",
        "co", "true", "ok", "met"};
    static const std::set<std::string> not_met = {
        "", "0", "khong", "khong dat", "chua dat", "chua", "-", "\u2013", "\u2014", "no", "n",
        "false", "\u2717", "\u2718", "\u2610", "not met"};
    if (met.count(f)) return 1;
    if (not_met.count(f)) return 0;
    return -1;
}

bool mark_of_row(const Table& t, size_t row, int column) {
    const std::string& s = t.rows[row][column];
    const int m = parse_mark(s);
    if (m < 0)
        throw Error(where(t, row, column) + ": '" + s +
                    "' is not a mark (use x, 1, Đạt or ✓ for met; leave blank for not met)");
    return m == 1;
}

std::string cell(const Table& t, size_t row, int column) {
    return column < 0 ? std::string() : t.rows[row][column];
}

void require_rows(const Table& t) {
    if (t.rows.empty()) throw Error(t.path + ": no rows");
}

int require_unit_column(const Table& t) {
    const int c = find_column(t, kUnitCodeKeys);
    if (c < 0)
        throw Error(t.path + ": no unit code column (expected one of: ma_xa, ma_dvhc, code, unit_code)");
    return c;
}

// Items of a list cell: "06184; 06187", "Mai Pha, Hoàng Đồng".
std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
        const size_t end = s.find_first_of(";,\n", start);
        const std::string item = trim(s.substr(start, end == std::string::npos ? end : end - start));
        if (!item.empty()) out.push_back(item);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

// A district name folded, without its type word: "Thành phố Lạng Sơn" -> "lang son".
std::string district_key(const std::string& name) {
    std::string s = fold_search_key(name);
    std::replace(s.begin(), s.end(), '.', ' ');
    s = fold_search_key(s);
    for (const char* prefix : {"huyen ", "thanh pho ", "thi xa ", "quan ", "tp ", "tx "}) {
        const std::string p = prefix;
        if (s.size() > p.size() && s.compare(0, p.size(), p) == 0) {
            s = s.substr(p.size());
            break;
        }
    }
    return s;
}

bool parse_kind(const std::string& text, EventKind* out) {
    if (trim(text).empty()) {
        *out = EventKind::Other;
        return true;
    }
    if (parse_event_kind(text, out)) return true;
    const std::string f = fold_search_key(text);
    static const std::map<std::string, EventKind> more = {
        {"cong van", EventKind::Directive},   {"quyet dinh", EventKind::Directive},
        {"chi thi", EventKind::Directive},    {"ke hoach", EventKind::Directive},
        {"thong bao", EventKind::Directive},  {"giam sat", EventKind::Inspection},
        {"kiem tra giam sat", EventKind::Inspection}, {"tham dinh", EventKind::Inspection},
        {"hoi thao", EventKind::Conference},  {"dao tao", EventKind::Training},
        {"boi duong", EventKind::Training},   {"le phat dong", EventKind::Campaign},
        {"khac", EventKind::Other}};
    const auto it = more.find(f);
    if (it == more.end()) return false;
    *out = it->second;
    return true;
}

// "150", "1.200", "1,200", "150 người" -> the number; nullopt otherwise.
std::optional<int> parse_count(const std::string& text) {
    const std::string s = strip_decimal_zeros(text);
    size_t i = 0;
    std::string digits;
    while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == ',' ||
                            s[i] == ' ')) {
        if (s[i] >= '0' && s[i] <= '9') digits.push_back(s[i]);
        ++i;
    }
    if (digits.empty() || digits.size() > 9) return std::nullopt;
    const std::string rest = s.substr(i);
    for (char c : rest)
        if (c >= '0' && c <= '9') return std::nullopt;
    return std::stoi(digits);
}

}  // namespace

// --- Attainment -----------------------------------------------------------------------------

std::vector<Observation> read_attainment_table(const std::string& path, const Dataset& dataset) {
    const Table t = read_table(path);
    require_rows(t);
    const int code_col = require_unit_column(t);
    const int date_col = find_column(t, kDateKeys);
    if (date_col < 0)
        throw Error(path + ": no date column (expected one of: date, ngay, ngay_danh_gia)");
    const int source_col = find_column(t, kSourceKeys);
    const std::string fallback_source = default_source(path);

    // Wide form: criterion columns, ascending by number.
    std::vector<std::pair<int, int>> criteria;  // (number, column)
    for (int c = 0; c < static_cast<int>(t.columns.size()); ++c) {
        if (c == code_col || c == date_col || c == source_col) continue;
        const std::optional<int> n = criterion_number(t.columns[c]);
        if (!n) {
            if (looks_like_criterion(t.columns[c]))
                throw Error(path + ", column '" + t.columns[c] +
                            "': not a criterion number (criteria are whole numbers: 1, TC1, Tiêu chí 1)");
            continue;
        }
        if (*n < 1 || *n > 99)
            throw Error(path + ", column '" + t.columns[c] + "': criterion " + std::to_string(*n) +
                        " is out of range");
        for (const auto& [number, other] : criteria)
            if (number == *n)
                throw Error(path + ", column '" + t.columns[c] + "': criterion " +
                            std::to_string(*n) + " appears twice (also column '" +
                            t.columns[other] + "')");
        criteria.emplace_back(*n, c);
    }
    std::sort(criteria.begin(), criteria.end());

    std::vector<Observation> out;
    if (!criteria.empty()) {
        std::map<std::pair<std::string, int32_t>, int> seen;  // (unit, day) -> line
        out.reserve(t.rows.size() * criteria.size());
        for (size_t r = 0; r < t.rows.size(); ++r) {
            const Date date = date_of_row(t, r, date_col);
            const Unit& unit = dataset.units[unit_of_row(t, r, code_col, dataset, date)];
            // Criterion columns are of the set in force on the row's date.
            const CriteriaSet& set = dataset.criteria_on(date);
            for (const auto& [number, column] : criteria)
                if (!set.find(number) && !t.rows[r][column].empty())
                    throw Error(where(t, r, column) + ": " + out_of_range(set, number, date));
            const auto [it, fresh] = seen.emplace(std::make_pair(unit.code, date.days), t.lines[r]);
            if (!fresh)
                throw Error(where(t, r) + ": duplicates row " + std::to_string(it->second) +
                            " (unit " + unit.code + ", " + date.iso() + ")");
            std::string source = cell(t, r, source_col);
            if (source.empty()) source = fallback_source;
            for (const auto& [number, column] : criteria)
                if (set.find(number))
                    out.push_back({unit.code, number, mark_of_row(t, r, column), date, source, "", ""});
        }
        return out;
    }

    // Long form: one row per unit, criterion and date.
    const int crit_col = find_column(t, {"criterion", "tieuchi", "tieuchiso", "tc", "sotieuchi",
                                         "criterionnumber", "criteria", "chitieu"});
    const int met_col = find_column(t, {"met", "dat", "ketqua", "result", "danhgia", "trangthai",
                                        "status", "mark", "value"});
    if (crit_col < 0 || met_col < 0)
        throw Error(path + ": no criterion columns (name them 1..19, TC1..TC19 or Tiêu chí 1..19)");
    std::map<std::tuple<std::string, int, int32_t>, int> seen;  // (unit, criterion, day) -> line
    out.reserve(t.rows.size());
    for (size_t r = 0; r < t.rows.size(); ++r) {
        const Date date = date_of_row(t, r, date_col);
        const Unit& unit = dataset.units[unit_of_row(t, r, code_col, dataset, date)];
        const std::string& ctext = t.rows[r][crit_col];
        const std::optional<int> n = criterion_number(strip_decimal_zeros(ctext));
        if (!n)
            throw Error(where(t, r, crit_col) + ": '" + ctext +
                        "' is not a criterion number (write 3, TC3 or Tiêu chí 3)");
        const CriteriaSet& set = dataset.criteria_on(date);
        if (!set.find(*n)) throw Error(where(t, r, crit_col) + ": " + out_of_range(set, *n, date));
        const bool met = mark_of_row(t, r, met_col);
        const auto [it, fresh] = seen.emplace(std::make_tuple(unit.code, *n, date.days), t.lines[r]);
        if (!fresh)
            throw Error(where(t, r) + ": duplicates row " + std::to_string(it->second) + " (unit " +
                        unit.code + ", criterion " + std::to_string(*n) + ", " + date.iso() + ")");
        std::string source = cell(t, r, source_col);
        if (source.empty()) source = fallback_source;
        out.push_back({unit.code, *n, met, date, source, "", ""});
    }
    return out;
}

// --- Recognitions ---------------------------------------------------------------------------

std::vector<Recognition> read_recognitions_table(const std::string& path, const Dataset& dataset) {
    const Table t = read_table(path);
    require_rows(t);
    const int code_col = require_unit_column(t);
    const int level_col = find_column(t, {"level", "capdo", "mucdo", "mucdat", "danhhieu",
                                          "muccongnhan", "loai", "hang", "dat"});
    if (level_col < 0) throw Error(path + ": no level column (expected one of: level, muc_do, cap_do)");
    const int date_col = find_column(t, kDateKeys);
    if (date_col < 0)
        throw Error(path + ": no date column (expected one of: date, ngay, ngay_danh_gia)");
    const int decision_col = find_column(t, {"decision", "quyetdinh", "soquyetdinh", "soqd", "qd",
                                             "decisionno", "vanban", "sovanban"});

    std::vector<Recognition> out;
    out.reserve(t.rows.size());
    for (size_t r = 0; r < t.rows.size(); ++r) {
        Recognition rec;
        rec.date = date_of_row(t, r, date_col);
        rec.unit_code = dataset.units[unit_of_row(t, r, code_col, dataset, rec.date)].code;
        const std::string& ltext = t.rows[r][level_col];
        if (ltext.empty() || !parse_level(ltext, &rec.level))
            throw Error(where(t, r, level_col) + ": unknown level '" + ltext + "'");
        rec.decision = cell(t, r, decision_col);
        out.push_back(std::move(rec));
    }
    return out;
}

// --- Events ---------------------------------------------------------------------------------

std::vector<Event> read_events_table(const std::string& path, const Dataset& dataset) {
    const Table t = read_table(path);
    require_rows(t);
    const int start_col = find_column(t, {"start", "startdate", "ngaybatdau", "tungay", "batdau",
                                          "date", "ngay", "ngaydienra", "thoidiem"});
    if (start_col < 0) throw Error(path + ": no date column (expected one of: start, date, ngay)");
    const int end_col = find_column(t, {"end", "enddate", "ngayketthuc", "denngay", "ketthuc"});
    const int kind_col = find_column(t, {"kind", "type", "loai", "loaisukien", "hinhthuc",
                                         "category", "loaihoatdong"});
    const int organiser_col = find_column(t, {"organiser", "organizer", "donvitochuc", "tochuc",
                                              "donvi", "chutri", "coquan", "coquantochuc"});
    const int units_col = find_column(t, {"units", "unit", "unitcodes", "communes", "xa", "maxa",
                                          "cacxa", "madvhc", "code"});
    const int districts_col = find_column(t, {"districts", "district", "districtcodes", "huyen",
                                              "mahuyen", "cachuyen", "donvicaphuyen"});
    const int title_col = find_column(t, {"title", "noidung", "tieude", "tensukien", "ten", "name",
                                          "hoatdong", "description"});
    const int source_col = find_column(t, {"source", "nguon", "link", "url"});
    const int people_col = find_column(t, {"participants", "songuoi", "songuoithamdu", "soluong",
                                           "nguoithamdu", "attendance"});
    const std::string fallback_source = default_source(path);
    const std::vector<District> districts = dataset.districts();

    std::vector<Event> out;
    out.reserve(t.rows.size());
    for (size_t r = 0; r < t.rows.size(); ++r) {
        Event e;
        e.start = date_of_row(t, r, start_col);
        e.end = e.start;
        if (end_col >= 0 && !t.rows[r][end_col].empty()) {
            e.end = date_of_row(t, r, end_col);
            if (e.end < e.start)
                throw Error(where(t, r, end_col) + ": '" + t.rows[r][end_col] +
                            "' is before the start (" + e.start.iso() + ")");
        }
        if (kind_col >= 0 && !parse_kind(t.rows[r][kind_col], &e.kind))
            throw Error(where(t, r, kind_col) + ": unknown event kind '" + t.rows[r][kind_col] + "'");
        e.organiser = cell(t, r, organiser_col);
        e.title = cell(t, r, title_col);
        e.source = cell(t, r, source_col);
        if (e.source.empty()) e.source = fallback_source;
        if (people_col >= 0 && !t.rows[r][people_col].empty()) {
            const std::optional<int> n = parse_count(t.rows[r][people_col]);
            if (!n)
                throw Error(where(t, r, people_col) + ": '" + t.rows[r][people_col] +
                            "' is not a number of people");
            e.participants = *n;
        }
        if (units_col >= 0) {
            for (const std::string& item : split_list(t.rows[r][units_col])) {
                int u = resolve_unit_code(dataset, item);
                if (u < 0) {
                    const std::string key = fold_search_key(strip_kind_prefix(item));
                    std::vector<int> found;
                    for (size_t i = 0; i < dataset.units.size(); ++i)
                        if (fold_search_key(dataset.units[i].name) == key)
                            found.push_back(static_cast<int>(i));
                    if (found.size() > 1) {
                        std::string codes;
                        for (int i : found) codes += (codes.empty() ? "" : ", ") + dataset.units[i].code;
                        throw Error(where(t, r, units_col) + ": unit '" + item +
                                    "' is ambiguous (" + codes + "); use the code");
                    }
                    if (found.empty())
                        throw Error(where(t, r, units_col) + ": unknown unit '" + item + "'");
                    u = found.front();
                }
                const std::string& code = dataset.units[u].code;
                if (std::find(e.unit_codes.begin(), e.unit_codes.end(), code) == e.unit_codes.end())
                    e.unit_codes.push_back(code);
            }
        }
        if (districts_col >= 0) {
            for (const std::string& item : split_list(t.rows[r][districts_col])) {
                std::string as_code = strip_decimal_zeros(item);
                if (all_digits(as_code) && as_code.size() < 3)
                    as_code = std::string(3 - as_code.size(), '0') + as_code;
                const std::string key = district_key(item);
                const District* match = nullptr;
                for (const District& d : districts)
                    if ((!d.code.empty() && (d.code == item || d.code == as_code)) ||
                        (!d.name.empty() && district_key(d.name) == key)) {
                        match = &d;
                        break;
                    }
                if (!match)
                    throw Error(where(t, r, districts_col) + ": unknown district '" + item + "'");
                const std::string id = match->code.empty() ? match->name : match->code;
                if (std::find(e.district_codes.begin(), e.district_codes.end(), id) ==
                    e.district_codes.end())
                    e.district_codes.push_back(id);
            }
        }
        out.push_back(std::move(e));
    }
    return out;
}

// --- Commune groups ---------------------------------------------------------------------------

std::vector<std::pair<int, int>> read_commune_groups(const std::string& path, const Dataset& dataset,
                                                     bool optional) {
    const Table t = read_table(path);
    const int group_col = find_column(t, {"nhomxa", "nhom", "communegroup", "group", "nhomxatheobotieuchi"});
    std::vector<std::pair<int, int>> out;
    if (group_col < 0) {
        if (optional) return out;
        throw Error(path + ": no commune group column (expected one of: nhom_xa, nhom, commune_group)");
    }
    require_rows(t);
    const int code_col = require_unit_column(t);
    const int date_col = find_column(t, kDateKeys);
    for (size_t r = 0; r < t.rows.size(); ++r) {
        const std::string text = cell(t, r, group_col);
        if (text.empty()) continue;
        // "2", "Nhóm 2", "nhom 2", "group 2", "2.0" (a spreadsheet number).
        std::string digits;
        for (char c : text)
            if (c >= '0' && c <= '9') digits += c;
            else if (c == '.' || c == ',') break;
        const std::string word = fold_search_key(text);
        const bool words_ok = word.find_first_not_of("0123456789 .,") == std::string::npos ||
                              word.rfind("nhom", 0) == 0 || word.rfind("group", 0) == 0;
        if (digits.size() != 1 || digits[0] < '1' || digits[0] > '3' || !words_ok)
            throw Error(where(t, r, group_col) + ": '" + text + "' is not a commune group (write 1, 2 or 3)");
        const std::optional<Date> date = date_col >= 0 ? std::optional<Date>(date_of_row(t, r, date_col)) : std::nullopt;
        out.emplace_back(unit_of_row(t, r, code_col, dataset, date), digits[0] - '0');
    }
    return out;
}

}  // namespace ntm::io
