#include "io/tables.h"

#include <cpl_conv.h>
#include <cpl_csv.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
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
#include "io/table_import.h"
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
    size_t dot = s.find('.');
    // A decimal comma as Vietnamese sheets write it ("15,00", "15,0"); three digits after a comma
    // group thousands ("1,000") and stay.
    if (dot == std::string::npos) {
        dot = s.find(',');
        if (dot == std::string::npos || dot + 1 == s.size() || s.size() - dot - 1 > 2) return s;
    }
    if (dot == 0) return s;
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
    // A footnote mark after the mark ("Đạt (*)", "x*") is no part of it.
    std::string t = trim(text);
    for (bool changed = true; changed;) {
        changed = false;
        for (const std::string tail : {"(*)", "(**)", "*"})
            if (t.size() > tail.size() && t.compare(t.size() - tail.size(), tail.size(), tail) == 0) {
                t = trim(t.substr(0, t.size() - tail.size()));
                changed = true;
            }
    }
    const std::string f = fold_search_key(strip_decimal_zeros(t));
    // "Đ" for đạt, "CĐ"/"KĐ" for chưa/không đạt: the abbreviations of narrow annex columns.
    static const std::set<std::string> met = {
        "x", "1", "dat", "dat chuan", "\u2713", "\u2714", "\u2611", "\u00d7", "v", "yes", "y",
        "co", "true", "ok", "met", "d", "da dat", "\u221a", "+", "hoan thanh", "da hoan thanh"};
    static const std::set<std::string> not_met = {
        "", "0", "khong", "khong dat", "chua dat", "chua", "-", "\u2013", "\u2014", "no", "n",
        "false", "\u2717", "\u2718", "\u2610", "not met", "cd", "kd", "chua dat chuan",
        "chua hoan thanh", "khong hoan thanh"};
    if (met.count(f)) return 1;
    if (not_met.count(f)) return 0;
    return -1;
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


namespace {

// The record delimiter of a CSV: the one of ',', ';' and tab found most often outside quotes in
// its first lines (title rows have few or none).
char csv_delimiter(const std::string& text) {
    size_t counts[3] = {0, 0, 0};
    bool quoted = false;
    int lines = 0;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && c == '\n' && ++lines > 50) break;
        else if (!quoted && c == ',') ++counts[0];
        else if (!quoted && c == ';') ++counts[1];
        else if (!quoted && c == '\t') ++counts[2];
    }
    if (counts[2] >= counts[0] && counts[2] >= counts[1] && counts[2] > 0) return '\t';
    return counts[1] > counts[0] ? ';' : ',';
}

std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return s;
}

// Cells decoded (UTF-8 kept, a legacy Vietnamese encoding detected and decoded) and cleaned.
void decode_cells(TextGrid& g, bool utf8_known) {
    bool utf8 = true;
    if (!utf8_known)
        for (const auto& row : g.rows)
            for (const std::string& c : row) utf8 = utf8 && is_valid_utf8(c);
    std::string encoding = g.encoding.empty() ? "UTF-8" : g.encoding;
    if (!utf8) {
        std::vector<std::string> samples;
        for (const auto& row : g.rows)
            for (const std::string& c : row)
                if (!c.empty()) samples.push_back(c);
        encoding = detect_encoding(samples);
        g.encoding = encoding;
    }
    for (auto& row : g.rows)
        for (std::string& c : row) {
            if (c.empty()) continue;
            std::string text = utf8 ? c : decode_text(c, encoding);
            // Collapse runs of spaces a wrapped header cell leaves.
            text = one_line(clean_text(text));
            std::string out;
            for (char ch : text)
                if (!(ch == ' ' && !out.empty() && out.back() == ' ')) out.push_back(ch);
            c = trim(out);
        }
}

void read_csv_grid(TextGrid& g) {
    std::ifstream in(g.path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    bool utf8_known = false;
    g.encoding = "UTF-8";
    // Excel's "Unicode text": UTF-16 with its BOM, tab separated.
    const auto starts = [&](const char* bom, size_t n) { return bytes.size() >= n && bytes.compare(0, n, bom, n) == 0; };
    if (starts("\xFF\xFE", 2) || starts("\xFE\xFF", 2)) {
        g.encoding = starts("\xFF\xFE", 2) ? "UTF-16LE" : "UTF-16BE";
        bytes = decode_text(std::string_view(bytes).substr(2), g.encoding);
        utf8_known = true;
    } else if (starts("\xEF\xBB\xBF", 3)) {
        bytes = bytes.substr(3);
    }
    const char delimiter[2] = {csv_delimiter(bytes), 0};
    const std::string mem = "/vsimem/ntm_grid_" + std::to_string(reinterpret_cast<uintptr_t>(&g)) + ".csv";
    VSILFILE* f = VSIFileFromMemBuffer(mem.c_str(), reinterpret_cast<GByte*>(bytes.data()), bytes.size(), FALSE);
    if (!f) throw Error(g.path + ": cannot be read as a table (cannot open it)");
    int line = 1;
    size_t width = 0;
    while (char** record = CSVReadParseLine3L(f, 10 * 1024 * 1024, delimiter, true, false, false, false)) {
        std::vector<std::string> row;
        int breaks = 0;
        for (int i = 0; record[i]; ++i) {
            row.emplace_back(record[i]);
            breaks += static_cast<int>(std::count(row.back().begin(), row.back().end(), '\n'));
        }
        CSLDestroy(record);
        for (std::string& c : row)
            if (!c.empty() && c.back() == '\r') c.pop_back();
        width = std::max(width, row.size());
        g.rows.push_back(std::move(row));
        g.lines.push_back(line);
        line += 1 + breaks;
    }
    VSIFCloseL(f);
    VSIUnlink(mem.c_str());
    for (auto& row : g.rows) row.resize(width);
    decode_cells(g, utf8_known);
}

}  // namespace

TextGrid read_text_grid(const std::string& path, int sheet) {
    ensure_gdal();
    const bool local = is_local_path(path);
    if (local) {
        std::error_code ec;
        if (!fs::exists(path, ec)) throw Error(path + ": no such file");
        require_regular_file(path);
    }
    TextGrid g;
    g.path = path;
    GdalErrorCapture capture;
    GDALDriverH identified = GDALIdentifyDriverEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr);
    g.driver = identified ? GDALGetDriverShortName(identified) : "";
    std::string ext = fs::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (local && (g.driver == "CSV" || ext == ".csv" || ext == ".txt" || ext == ".tsv")) {
        g.driver = "CSV";
        read_csv_grid(g);
        return g;
    }
    if (g.driver != "XLSX" && g.driver != "ODS" && g.driver != "XLS") {
        // Any other table OGR reads: its header is its first row.
        const TextTable t = read_text_table(path);
        g.rows.push_back(t.columns);
        g.lines.push_back(1);
        for (size_t r = 0; r < t.rows.size(); ++r) {
            g.rows.push_back(t.rows[r]);
            g.lines.push_back(t.lines[r]);
        }
        return g;
    }
    ThreadConfig config;
    // (XLS, Excel 97–2003 as old offices still save, through GDAL's FreeXL driver.)
    for (const char* prefix : {"OGR_XLSX_", "OGR_ODS_", "OGR_XLS_"}) {
        config.set((std::string(prefix) + "HEADERS").c_str(), "DISABLE");
        config.set((std::string(prefix) + "FIELD_TYPES").c_str(), "STRING");
    }
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                              nullptr, nullptr));
    if (!ds) {
        std::string why = capture.message();
        if (why.empty()) why = "no GDAL driver recognises it";
        throw Error(path + ": cannot be read as a table (" + why + ")");
    }
    // The sheet asked for, else the first that holds anything.
    OGRLayer* layer = nullptr;
    for (int i = 0; i < ds->GetLayerCount(); ++i) {
        g.sheets.emplace_back(ds->GetLayer(i)->GetName());
        if (sheet < 0 && !layer && ds->GetLayer(i)->GetFeatureCount() > 0) {
            layer = ds->GetLayer(i);
            g.sheet = i;
        }
    }
    if (sheet >= 0 && sheet < ds->GetLayerCount()) {
        layer = ds->GetLayer(sheet);
        g.sheet = sheet;
    }
    if (!layer) throw Error(path + ": no rows");
    const int nfields = layer->GetLayerDefn()->GetFieldCount();
    layer->ResetReading();
    int index = 0;
    for (auto& feature : *layer) {
        std::vector<std::string> row;
        for (int i = 0; i < nfields; ++i)
            row.push_back(feature->IsFieldSetAndNotNull(i) ? feature->GetFieldAsString(i) : "");
        // With headers disabled the drivers number features from the sheet's first line (XLSX
        // and ODS from 1; a driver counting from 0 is shifted below).
        const GIntBig fid = feature->GetFID();
        g.lines.push_back(fid >= 0 && fid < (1 << 30) ? static_cast<int>(fid) : index + 1);
        g.rows.push_back(std::move(row));
        ++index;
    }
    if (!g.lines.empty() && *std::min_element(g.lines.begin(), g.lines.end()) == 0)
        for (int& l : g.lines) ++l;
    decode_cells(g, false);
    return g;
}

namespace cells {
// "2", "Nhóm 2", "nhom 2", "group 2", "2.0" (a spreadsheet number) -> 2; 0 for anything else.
int parse_commune_group(const std::string& text) {
    std::string digits;
    for (char c : text)
        if (c >= '0' && c <= '9') digits += c;
        else if (c == '.' || c == ',') break;
    const std::string word = fold_search_key(text);
    const bool words_ok = word.find_first_not_of("0123456789 .,") == std::string::npos ||
                          word.rfind("nhom", 0) == 0 || word.rfind("group", 0) == 0;
    if (digits.size() != 1 || digits[0] < '1' || digits[0] > '3' || !words_ok) return 0;
    return digits[0] - '0';
}
std::optional<int> criterion_number(std::string_view text) { return ::ntm::io::criterion_number(text); }
bool looks_like_criterion(std::string_view text) { return ::ntm::io::looks_like_criterion(text); }
int parse_mark(const std::string& text) { return ::ntm::io::parse_mark(text); }
std::optional<Date> parse_date(const std::string& text) { return parse_cell_date(text); }
std::string strip_decimal_zeros(const std::string& text) { return ::ntm::io::strip_decimal_zeros(text); }
int resolve_unit_code(const Dataset& dataset, const std::string& text, std::optional<Date> date) {
    return ::ntm::io::resolve_unit_code(dataset, text, date);
}
bool parse_kind(const std::string& text, EventKind* out) { return ::ntm::io::parse_kind(text, out); }
std::optional<int> parse_count(const std::string& text) { return ::ntm::io::parse_count(text); }
std::vector<std::string> split_list(const std::string& text) { return ::ntm::io::split_list(text); }
std::string district_key(const std::string& name) { return ::ntm::io::district_key(name); }
std::string out_of_range(const CriteriaSet& set, int number, Date date) {
    return ::ntm::io::out_of_range(set, number, date);
}
}  // namespace cells

// --- Attainment, recognitions, events: through io/table_import ---------------------------------

namespace {
TableImportResult import_kind(const std::string& path, const Dataset& dataset, TableKind kind) {
    TableImportOptions options;
    options.kind = kind;
    return import_table(path, dataset, options);
}
}  // namespace

std::vector<Observation> read_attainment_table(const std::string& path, const Dataset& dataset) {
    return import_kind(path, dataset, TableKind::Attainment).observations;
}

std::vector<Recognition> read_recognitions_table(const std::string& path, const Dataset& dataset) {
    return import_kind(path, dataset, TableKind::Recognitions).recognitions;
}

std::vector<Event> read_events_table(const std::string& path, const Dataset& dataset) {
    return import_kind(path, dataset, TableKind::Events).events;
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
        const int group = cells::parse_commune_group(text);
        if (group == 0)
            throw Error(where(t, r, group_col) + ": '" + text + "' is not a commune group (write 1, 2 or 3)");
        const std::optional<Date> date = date_col >= 0 ? std::optional<Date>(date_of_row(t, r, date_col)) : std::nullopt;
        out.emplace_back(unit_of_row(t, r, code_col, dataset, date), group);
    }
    return out;
}

}  // namespace ntm::io
