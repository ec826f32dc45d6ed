#include "io/news_import.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/error.h"
#include "core/provinces.h"
#include "core/text.h"
#include "io/news_dates.h"
#include "io/news_documents.h"
#include "io/news_figures.h"
#include "io/news_numbers.h"
#include "io/news_places.h"
#include "io/news_recognitions.h"
#include "io/news_tables.h"
#include "io/news_text.h"
#include "io/text_encoding.h"

namespace fs = std::filesystem;

namespace ntm::io {

using news::DateKind;
using news::DateMention;
using news::DocumentRef;
using news::Token;
using news::Tokens;

// --- Reading ---------------------------------------------------------------------------------

std::string read_news_file(const std::string& path) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) throw Error(path + ": no such file");
    if (fs::is_directory(st)) throw Error(path + ": is a folder, not a bulletin");
    const auto size = fs::file_size(path, ec);
    if (!ec && size > kNewsMaxBytes)
        throw Error(path + ": " + std::to_string(size) + " bytes is too large for a news bulletin (at most " +
                    std::to_string(kNewsMaxBytes >> 20) + " MiB)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot be read (" + std::strerror(errno) + ")");
    std::ostringstream s;
    s << in.rdbuf();
    if (in.bad()) throw Error(path + ": read error");
    return check_news_text(s.str(), path);
}

namespace {

std::string hex_byte(unsigned char c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", c);
    return buf;
}

// Syllables frequent in any Vietnamese text, for text typed without diacritics.
bool common_syllable(const std::string& w) {
    static const char* const kWords[] = {"va",   "cac",  "cua",  "xa",   "huyen", "tinh", "nong", "thon", "moi",
                                         "ngay", "nam",  "thang", "xay", "dung",  "cho",  "trong", "duoc", "co",
                                         "da",   "voi",  "tren",  "dia", "ban",   "to",   "chuc", "nhan", "dan"};
    for (const char* k : kWords)
        if (w == k) return true;
    return false;
}

}  // namespace

std::string check_news_text(std::string_view bytes, const std::string& name) {
    size_t start = 0;
    if (bytes.size() >= 2 && ((static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xFE) ||
                              (static_cast<unsigned char>(bytes[0]) == 0xFE && static_cast<unsigned char>(bytes[1]) == 0xFF)))
        throw Error(name + ": UTF-16 text; save the bulletin as UTF-8");
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") start = 3;
    if (trim(bytes.substr(start)).empty()) throw Error(name + ": empty file, no text to import");
    // Bytes first: NUL and control bytes mean binary data, then UTF-8, then line lengths.
    for (size_t i = start; i < bytes.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(bytes[i]);
        if (c == 0) throw Error(name + ": binary data, not a text bulletin (NUL byte at byte offset " + std::to_string(i) + ")");
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v')
            throw Error(name + ": binary data, not a text bulletin (control byte " + hex_byte(c) + " at byte offset " +
                        std::to_string(i) + ")");
    }
    size_t pos = start;
    int line = 1;
    size_t line_start = start;
    while (pos < bytes.size()) {
        const size_t at = pos;
        char32_t cp = 0;
        if (!next_code_point(bytes, pos, cp))
            throw Error(name + ": not valid UTF-8 at byte offset " + std::to_string(at) + " (line " + std::to_string(line) +
                        ", byte " + hex_byte(static_cast<unsigned char>(bytes[at])) +
                        "); save the bulletin as UTF-8 (legacy CP1258, TCVN3 or VNI text must be converted first)");
        if (cp == '\n') {
            ++line;
            line_start = pos;
        } else if (pos - line_start > kNewsMaxLineBytes) {
            size_t end = bytes.find('\n', line_start);
            if (end == std::string_view::npos) end = bytes.size();
            throw Error(name + ", line " + std::to_string(line) + ": a line of " + std::to_string(end - line_start) +
                        " bytes is longer than a bulletin paragraph may be (" + std::to_string(kNewsMaxLineBytes) +
                        " bytes)");
        }
    }
    std::string text = fold_eth_to_d(normalize_nfc(bytes.substr(start)));
    // Is it Vietnamese text at all? Letters must dominate, and either letters with Vietnamese
    // marks or frequent Vietnamese syllables must be there.
    size_t letters = 0, visible = 0, marked = 0, words = 0, common = 0;
    const Tokens tokens = news::tokenize(text);
    for (const Token& t : tokens) {
        const size_t n = t.end - t.begin;
        visible += n;
        if (t.kind == Token::Word) {
            letters += n;
            ++words;
            if (t.exact != t.fold && t.fold.find('?') == std::string::npos) ++marked;
            if (common_syllable(t.fold)) ++common;
        } else if (t.kind == Token::Number) {
            letters += n;  // digits are fine in a bulletin
        }
    }
    if (visible == 0 || letters * 10 < visible * 6)
        throw Error(name + ": does not look like text (only " + std::to_string(visible ? letters * 100 / visible : 0) +
                    "% letters and digits); is this a news bulletin?");
    if (marked * 20 < words && common * 5 < words)
        throw Error(name + ": no Vietnamese text found; is this a news bulletin?");
    return text;
}

// --- Parsing ---------------------------------------------------------------------------------

namespace {

struct KindWord {
    const char* phrase;  // exact, lower case
    EventKind kind;
    bool generic;  // gives way to a more specific word right after it
};
const KindWord kKindWords[] = {
    {"kiểm tra", EventKind::Inspection, false},  {"giám sát", EventKind::Inspection, false},
    {"thẩm định", EventKind::Inspection, false}, {"khảo sát", EventKind::Inspection, false},
    {"tập huấn", EventKind::Training, false},    {"bồi dưỡng", EventKind::Training, false},
    {"hội nghị", EventKind::Conference, true},   {"sơ kết", EventKind::Conference, false},
    {"tổng kết", EventKind::Conference, false},  {"hội thảo", EventKind::Conference, false},
    {"tọa đàm", EventKind::Conference, false},   {"toạ đàm", EventKind::Conference, false},
    {"giao ban", EventKind::Conference, false},  {"phát động", EventKind::Campaign, false},
    {"ra quân", EventKind::Campaign, false},     {"công nhận", EventKind::Recognition, false},
    {"đón nhận", EventKind::Recognition, false}, {"công văn", EventKind::Directive, false},
    {"quyết định", EventKind::Directive, false}, {"chỉ đạo", EventKind::Directive, false},
    {"ban hành", EventKind::Directive, false},   {"chỉ thị", EventKind::Directive, false},
};

struct KindHit {
    size_t pos = 0, end = 0;
    EventKind kind = EventKind::Other;
    bool generic = false;
};

bool in_ranges(size_t k, const std::vector<std::pair<size_t, size_t>>& ranges) {
    for (const auto& [a, b] : ranges)
        if (k >= a && k < b) return true;
    return false;
}

std::vector<KindHit> kind_hits(const Tokens& t, size_t from, size_t to,
                               const std::vector<std::pair<size_t, size_t>>& skip) {
    std::vector<KindHit> hits;
    for (size_t k = from; k < to; ++k) {
        if (in_ranges(k, skip)) continue;
        for (const KindWord& w : kKindWords) {
            const size_t n = news::match_exact(t, k, w.phrase);
            if (!n) continue;
            if (w.kind == EventKind::Directive && std::string(w.phrase) == "chỉ đạo") {
                // "Ban Chỉ đạo", "sự chỉ đạo", "xã chỉ đạo điểm" are not directives.
                if (k > from && (t[k - 1].word("ban") || t[k - 1].word_exact("sự"))) continue;
                if (k + n < to && t[k + n].word_exact("điểm")) continue;
            }
            if (w.kind == EventKind::Directive && std::string(w.phrase) == "quyết định" && k > from &&
                t[k - 1].word_exact("đã"))
                continue;  // "đã quyết định": decided, a verb
            hits.push_back({k, k + n, w.kind, w.generic});
            k += n - 1;
            break;
        }
    }
    return hits;
}

// The kind and where the activity's words start.
KindHit decide_kind(const std::vector<KindHit>& hits) {
    if (hits.empty()) return {};
    KindHit first = hits[0];
    if (first.generic && hits.size() > 1 && hits[1].pos <= first.end + 1) {
        KindHit h = hits[1];
        h.pos = first.pos;  // the title starts at "Hội nghị"
        return h;
    }
    if (first.kind == EventKind::Directive)
        for (const KindHit& h : hits)
            if (h.kind == EventKind::Recognition) {
                KindHit r = h;
                r.pos = first.pos;
                return r;
            }
    return first;
}

bool is_verb(const Tokens& t, size_t k, size_t from) {
    static const char* const kVerbs[] = {"tổ chức",  "phối hợp",  "tiến hành", "ban hành", "chủ trì",   "làm việc",
                                         "triển khai", "đã",      "vừa",       "khai mạc", "khai giảng", "trao",
                                         "công bố",  "họp",       "thăm",      "dự",       "ký",         "gửi",
                                         "đến",      "về",        "tại",       "có",       "cho"};
    for (const char* v : kVerbs)
        if (news::match_exact(t, k, v)) {
            if (std::string(v) == "tổ chức" && k > from && t[k - 1].word("ban")) return false;  // "Ban Tổ chức"
            return true;
        }
    for (const KindWord& w : kKindWords)
        if (news::match_exact(t, k, w.phrase)) {
            // "Ban Chỉ đạo ...", "Ban Tổ chức" name a body, not what it did.
            if (k > from && t[k - 1].word("ban") && std::string(w.phrase) == "chỉ đạo") return false;
            return true;
        }
    return false;
}

// "Sở Văn hóa, Thể thao và Du lịch phối hợp với UBND huyện Lộc Bình tổ chức ..." ->
// "Sở Văn hóa, Thể thao và Du lịch, UBND huyện Lộc Bình". Generic partners ("một số sở,
// ngành liên quan") are left out.
std::string find_organiser(std::string_view text, const Tokens& t, size_t start, size_t to) {
    size_t k = start;
    while (k < to && (t[k].punct(',') || t[k].punct('-') || t[k].punct(':'))) ++k;
    // "..., tại thành phố Lạng Sơn, Ban Chỉ đạo tỉnh tổ chức ...": the place comes first.
    if (k < to && t[k].word_exact("tại")) {
        size_t c = k;
        while (c < to && c < k + 12 && !t[c].punct(',')) ++c;
        if (c < to && t[c].punct(',')) k = c + 1;
    }
    if (k >= to || t[k].kind != Token::Word || !t[k].upper) return "";
    const size_t org_from = k;
    size_t v = k;
    while (v < to && v < org_from + 25 && !is_verb(t, v, org_from) && !t[v].punct('.') && !t[v].punct(';')) ++v;
    if (v >= to || v == org_from || !is_verb(t, v, org_from)) return "";
    size_t org_to = v;
    while (org_to > org_from && t[org_to - 1].punct(',')) --org_to;
    std::string organiser = news::slice(text, t, org_from, org_to);
    if (size_t n = news::match_exact(t, v, "phối hợp")) {
        size_t p = v + n;
        if (p < to && t[p].word_exact("với")) ++p;
        size_t q = p;
        while (q < to && q < p + 25 && !is_verb(t, q, p) && !t[q].punct('.') && !t[q].punct(';')) ++q;
        if (q > p && q < to && t[p].kind == Token::Word && t[p].upper) {
            size_t e = q;
            while (e > p && t[e - 1].punct(',')) --e;
            organiser += ", " + news::slice(text, t, p, e);
        }
    }
    return organiser;
}

int find_participants(const Tokens& t, size_t from, size_t to) {
    static const char* const kNouns[] = {"cán bộ",    "học viên",  "đại biểu",  "người",     "hội viên",
                                         "đoàn viên", "thành viên", "công chức", "viên chức", "nông dân",
                                         "học sinh",  "cựu chiến binh", "lượt người", "đồng chí", "chiến sĩ"};
    for (size_t k = from; k < to; ++k) {
        if (t[k].kind != Token::Number) continue;
        const auto n = news::parse_number(t, k);
        if (!n || n->percent || !n->is_integer() || n->value <= 0 || n->value > 1e6) continue;
        for (const char* noun : kNouns)
            if (news::match_exact(t, n->end, noun)) return static_cast<int>(n->value);
        k = n->end - 1;
    }
    return 0;
}

std::string capitalise(const std::string& s) {
    size_t pos = 0;
    char32_t cp = 0;
    if (s.empty() || !next_code_point(s, pos, cp)) return s;
    std::string first;
    if (cp < 0x80) {
        first = std::string(1, static_cast<char>(cp >= 'a' && cp <= 'z' ? cp - 'a' + 'A' : cp));
    } else if (VnLetter l; split_vietnamese_letter(cp, l)) {
        l.upper = true;
        append_utf8(first, compose_vietnamese_letter(l));
    } else {
        return s;
    }
    return first + s.substr(pos);
}

std::string strip_end_punct(std::string s) {
    while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ';' || s.back() == ' ')) s.pop_back();
    return s;
}

NewsPlace to_place(const news::PlaceMention& p) { return {p.district, p.code, p.name}; }

NewsDocument to_document(const DocumentRef& d, int line) {
    return {d.type, d.number, d.issuer, d.date, d.text, line};
}

void add_places(Event& e, std::vector<NewsPlace>& places, const news::PlaceScan& scan, const news::PlaceIndex& index) {
    auto add_unique = [](std::vector<std::string>& v, const std::string& code) {
        if (!code.empty() && std::find(v.begin(), v.end(), code) == v.end()) v.push_back(code);
    };
    for (const news::PlaceMention& p : scan.places) {
        bool seen = false;
        for (const NewsPlace& q : places) seen = seen || (q.district == p.district && q.code == p.code);
        if (!seen) places.push_back(to_place(p));
        if (p.district) {
            add_unique(e.district_codes, p.code);
        } else {
            add_unique(e.unit_codes, p.code);
            add_unique(e.district_codes, index.district_of(p.code, e.start));
        }
    }
}

// "Cập nhật", "Ngày đăng", "Đăng ngày", "Nguồn", "Tác giả" before the date: page furniture.
bool is_dateline(const Tokens& t, size_t from, size_t date_from) {
    static const char* const kWords[] = {"cập nhật", "ngày đăng", "đăng ngày", "đăng lúc", "nguồn", "tác giả",
                                         "ngày cập nhật", "xuất bản"};
    for (size_t k = from; k < date_from && k < from + 3; ++k)
        for (const char* w : kWords)
            if (news::match_exact(t, k, w)) return true;
    return false;
}

std::string date_phrase(std::string_view text, const Tokens& t, const DateMention& m, size_t from) {
    // The date as written, with the words that introduce it ("Chiều", "Trong 2 ngày", "từ ngày").
    size_t a = m.from;
    for (int back = 0; back < 4 && a > from; ++back) {
        const Token& w = t[a - 1];
        if (w.word("ngay") || w.word("sang") || w.word("chieu") || w.word("toi") || w.word("trua") || w.word("tu") ||
            w.word("trong") || w.word("vao") || w.word("thang") || w.word_exact("các") || (w.kind == Token::Number && a >= from + 2 && t[a - 2].word("trong")))
            --a;
        else
            break;
    }
    return news::slice(text, t, a, m.to);
}

// A decision a notice names before the communes it recognises ("... ban hành Quyết định số 46
// /QĐ-UBND về việc công nhận xã đạt chuẩn NTM năm 2019. ... gồm: xã Đại Sơn, ...").
struct PendingDecision {
    news::DecisionRef decision;
    // The levels of the lists it has still to serve: "công nhận 10 xã đạt chuẩn NTM và NTM kiểu mẫu"
    // is one decision for two lists.
    std::vector<Level> levels;
    int year = 0;
    std::string issuer;
    int paragraph = 0;  // where it was named: it waits for its communes a few paragraphs at most
};
// A notice that counts the communes it recognises without naming them or a decision ("UBND tỉnh
// vừa có quyết định công nhận 5 xã đạt chuẩn nông thôn mới nâng cao năm 2022."): the list that
// follows takes its level and year.
struct PendingNotice {
    news::LevelMention level;
    std::string issuer;
    int paragraph = 0;
    bool read = false;  // its list was read: it serves the rest of that sentence only
    // "Ngày 29/12/2017, UBND tỉnh ... ban hành các Quyết định về việc công nhận xã ...": decisions of
    // that day without numbers.
    std::optional<Date> day;
    // "công nhận thêm 12 xã ..., trong đó có 5 xã đạt chuẩn NTM nâng cao. 5 xã ..., gồm: ... 7 xã ...,
    // gồm: ...": a notice that counts its communes serves the sentences after it until that many are
    // listed.
    std::size_t count = 0, listed = 0;
};
struct Pending {
    std::vector<PendingDecision> decisions;
    std::optional<PendingNotice> notice;
    // "Ngày 2-12-2024, UBND tỉnh ban hành các quyết định công nhận các xã ...", then "Theo đó, UBND
    // tỉnh ban hành Quyết định 2949 công nhận xã Tam Hiệp ...": the numbered decisions named after
    // the notice without a day of their own are of its day. With the paragraph it was named in.
    std::optional<std::pair<Date, int>> decisions_day;
    bool empty() const { return decisions.empty() && !notice; }
    void expire(int paragraph) {
        if (decisions_day && decisions_day->second + 3 < paragraph) decisions_day.reset();
        decisions.erase(std::remove_if(decisions.begin(), decisions.end(),
                                       [&](const PendingDecision& d) { return d.paragraph + 3 < paragraph; }),
                        decisions.end());
        if (notice && notice->paragraph + 3 < paragraph) notice.reset();
    }
};

// province_names() with each name as tokens write it, lower case ("quảng bình").
const std::vector<std::pair<std::string, std::string>>& lower_province_names() {
    static const std::vector<std::pair<std::string, std::string>> names = [] {
        std::vector<std::pair<std::string, std::string>> out;
        for (const std::string& name : province_names()) {
            std::string lower;
            for (const Token& w : news::tokenize(name))
                if (w.kind == Token::Word) lower += (lower.empty() ? "" : " ") + w.exact;
            out.emplace_back(name, lower);
        }
        return out;
    }();
    return names;
}

// "Chủ tịch UBND tỉnh Hoàng Xuân Ánh" -> "Chủ tịch UBND tỉnh": the office issues, not the person;
// words after "tỉnh" that are not a province's name are the signer's. "UBND tỉnh Cao Bằng" stays,
// and so does "Ủy ban Nhân dân tỉnh Tiền Giang" read into another province's dataset.
std::string office_of(const std::string& subject, const std::string& province_name) {
    const Tokens w = news::tokenize(subject);
    for (size_t k = 0; k + 1 < w.size(); ++k) {
        if (!w[k].word_exact("tỉnh") || !w[k + 1].upper) continue;
        // "Chủ tịch UBND tỉnh Hà Tĩnh Võ Trọng Hải" -> "Chủ tịch UBND tỉnh Hà Tĩnh".
        std::string name;
        size_t j = k + 1;
        for (; j < w.size() && w[j].kind == Token::Word; ++j) {
            name += (name.empty() ? "" : " ") + w[j].exact;
            const auto& provinces = lower_province_names();
            if (name == province_name || std::any_of(provinces.begin(), provinces.end(),
                                                     [&](const auto& p) { return p.second == name; }))
                return trim(subject.substr(0, w[j].end));
        }
        if (province_name.empty()) return subject;
        return trim(subject.substr(0, w[k].end));
    }
    return subject;
}

std::string vn_date(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day(), d.month(), d.year());
    return buf;
}

std::string issuer_from_number(const std::string& number) {
    // "99/QĐ-UBND" -> "UBND", "567/QĐ-TTg" -> "Thủ tướng Chính phủ".
    const size_t dash = number.rfind('-');
    if (dash == std::string::npos) return "";
    const std::string code = number.substr(dash + 1);
    if (fold_search_key(code) == "ttg") return "Thủ tướng Chính phủ";
    return code;
}

// "25 xã đạt chuẩn NTM nâng cao, gồm: ...", "1 xã đạt chuẩn nông thôn mới kiểu mẫu là xã ...": a count
// of communes, a level and the list, at k.
bool counted_list(const Tokens& t, size_t k, size_t to) {
    if (k + 2 >= to || t[k].kind != Token::Number || !t[k + 1].word_exact("xã")) return false;
    const auto level = news::find_level(t, k + 1, to);
    if (!level || level->from > k + 3) return false;
    for (size_t q = level->to; q < to && q < level->to + 3; ++q)
        if (t[q].word_exact("gồm") || t[q].punct(':') || t[q].word_exact("là")) return true;
    return false;
}

void add_recognitions(NewsBulletin& b, const std::string& p, const Tokens& t, const news::Span& s,
                      const std::string& sentence, int line, const news::PlaceScan& places, const DateMention* day,
                      const std::string& subject, Pending& pending, int paragraph, const Dataset& dataset,
                      bool continues) {
    // A list without a level of its own takes that of the decisions named before it (when they all
    // name one), else that of the notice.
    std::optional<news::LevelMention> fallback;
    bool mixed = false;
    for (const PendingDecision& d : pending.decisions)
        for (Level l : d.levels) {
            mixed = mixed || (fallback && fallback->level != l);
            fallback = news::LevelMention{l, d.year, 0, 0, {}};
        }
    if (mixed) fallback.reset();
    if (pending.decisions.empty() && pending.notice) fallback = pending.notice->level;
    auto found = news::find_recognition(p, t, s.from, s.to, places, !pending.empty() || continues, fallback);
    if (!found) return;
    news::RecognitionFound& r = *found;
    // A decision issued in a sentence that gives its day: "Ngày 20/01/2020, UBND tỉnh ban hành ...".
    for (news::DecisionRef& d : r.decisions)
        if (!d.date && day) d.date = day->start;
    std::string issuer = subject;
    if (r.units.empty()) {
        if (!r.decisions.empty()) {
            pending.decisions.clear();
            pending.notice.reset();
            const std::vector<news::LevelMention> levels = news::decision_levels(t, s.to, r.decisions, r.level);
            for (size_t i = 0; i < r.decisions.size(); ++i) {
                std::vector<Level> all{levels[i].level};
                all.insert(all.end(), levels[i].also.begin(), levels[i].also.end());
                pending.decisions.push_back({r.decisions[i], all, levels[i].year, issuer, paragraph});
            }
        } else if (r.counts_communes && pending.decisions.empty()) {
            pending.notice = PendingNotice{r.level, issuer, paragraph, false,
                                           r.decision_word && day ? std::optional<Date>(day->start) : std::nullopt,
                                           r.count, 0};
            if (pending.notice->day) pending.decisions_day = std::make_pair(*pending.notice->day, paragraph);
        }
        return;
    }
    // The list a notice announced is read: a later mention of these communes ("UBND xã Châu Minh ...
    // tổ chức công bố xã đạt chuẩn NTM") is no recognition.
    const std::optional<PendingNotice> notice = pending.notice;
    pending.notice.reset();
    if (r.decisions.empty()) {
        // The decisions named before, of this level; each serves one list of communes.
        const Level used = r.level.level;
        auto serves = [&](const PendingDecision& d) {
            return std::find(d.levels.begin(), d.levels.end(), used) != d.levels.end();
        };
        for (const PendingDecision& d : pending.decisions)
            if (serves(d)) {
                r.decisions.push_back(d.decision);
                if (!r.level.year) r.level.year = d.year;
                if (!d.issuer.empty()) issuer = d.issuer;  // the notice's subject, not this sentence's
            }
        // Each serves one list of a level: a decision for two levels waits for the other one.
        for (PendingDecision& d : pending.decisions)
            if (serves(d)) d.levels.erase(std::find(d.levels.begin(), d.levels.end(), used));
        pending.decisions.erase(std::remove_if(pending.decisions.begin(), pending.decisions.end(),
                                               [](const PendingDecision& d) { return d.levels.empty(); }),
                                pending.decisions.end());
        // A notice's year holds for every list it announces ("... đạt chuẩn NTM và NTM kiểu mẫu năm 2024").
        if (notice) {
            if (!r.level.year) r.level.year = notice->level.year;
            if (issuer.empty()) issuer = notice->issuer;
            pending.notice = notice;  // a sentence may list two levels, one clause each
            pending.notice->read = true;
            pending.notice->listed += r.units.size();
        }
    }
    const size_t n = r.units.size();
    std::vector<const news::DecisionRef*> paired(n, nullptr);
    std::string why;
    if (r.decisions.size() == n) {
        for (size_t i = 0; i < n; ++i) paired[i] = &r.decisions[i];
    } else if (r.decisions.size() == 1) {
        for (size_t i = 0; i < n; ++i) paired[i] = &r.decisions[0];
    } else if (!r.decisions.empty()) {
        why = std::to_string(n) + " communes but " + std::to_string(r.decisions.size()) +
              " decisions; they cannot be paired";
    }
    for (size_t i = 0; i < n; ++i) {
        const news::PlaceName& u = r.units[i];
        NewsRecognition nr;
        nr.unit_written = u.name;
        nr.district_written = u.district_written;
        // The level phrase nearest the commune, else the notice's.
        const news::LevelMention& own = i < r.unit_levels.size() && r.unit_levels[i] ? *r.unit_levels[i] : r.level;
        nr.recognition.level = own.level;
        nr.recognition.year = own.year ? own.year : r.level.year;
        nr.sentence = sentence;
        nr.line = line;
        const news::DecisionRef* d = paired[i];
        if (d) {
            nr.decision_number = d->number;
            nr.decision_date = d->date;
            if (!d->date && pending.decisions_day) nr.decision_date = pending.decisions_day->first;
            nr.recognition.issuer = !d->issuer.empty() ? d->issuer : !issuer.empty() ? issuer : issuer_from_number(d->number);
            nr.recognition.decision =
                "Quyết định số " + d->number + (nr.decision_date ? " ngày " + vn_date(*nr.decision_date) : "");
        } else if (why.empty() && ((r.decision_word && day) || (notice && notice->day))) {
            // "Ngày 09/8/2023, Quảng Nam ban hành Quyết định công nhận ...": a decision of that day
            // (named in this sentence, or in the notice the list follows).
            const Date on = r.decision_word && day ? day->start : *notice->day;
            nr.decision_date = on;
            nr.recognition.issuer = issuer;
            nr.recognition.decision = "Quyết định ngày " + vn_date(on);
        }
        if (nr.decision_date) nr.recognition.date = *nr.decision_date;
        if (u.status == news::PlaceName::Linked) {
            nr.recognition.unit_code = u.code;
            const int unit = nr.decision_date ? dataset.find_unit(u.code, *nr.decision_date) : -1;
            if (nr.decision_date && (unit < 0 || !news::unit_in_force_on(dataset, unit, *nr.decision_date))) {
                nr.recognition.unit_code.clear();
                why = u.code + " is not in force on " + nr.decision_date->iso();
            }
        }
        if (!why.empty()) nr.why = why;
        else if (u.status == news::PlaceName::Ambiguous) nr.why = "the name matches several units";
        else if (u.other_province) nr.why = "a commune of another province";
        else if (u.status == news::PlaceName::Unmatched) nr.why = "no unit of that name" +
                 std::string(u.district_written.empty() ? "" : " in that district");
        else if (!nr.decision_date) nr.why = "no date of the decision";
        nr.stored = nr.why.empty();
        if (!nr.stored)
            b.notes.push_back({line, "recognition of " + u.written + (u.district_written.empty() ? "" : ", " + u.district_written) +
                                         " (" + level_id(nr.recognition.level) + "): " + nr.why + "; not stored"});
        b.recognitions.push_back(std::move(nr));
    }
}

// Provinces and cities the text names that are not the dataset's ("tỉnh Hưng Yên", "thành phố Hà
// Nội", "TP. Hồ Chí Minh" when no district of the dataset has that name), lower case, and whether
// the text names the dataset's province or one of its districts. "Chủ tịch UBND tỉnh Hồ Tiến
// Thiệu": the words after an office's "tỉnh" may be its holder's name, not a province.
struct ProvincesNamed {
    std::vector<std::string> others;
    std::vector<std::string> others_written;  // "Hà Nội", in the order of `others`
    bool own = false;
};
ProvincesNamed provinces_named(const std::vector<news::Paragraph>& paragraphs, const news::PlaceIndex& index,
                               const std::string& province) {
    ProvincesNamed out;
    if (province.empty()) return out;
    for (const news::Paragraph& para : paragraphs) {
        const Tokens t = news::tokenize(para.text);
        const news::PlaceScan scan = index.find(t, 0, t.size());
        for (const news::PlaceName& p : scan.names)
            out.own = out.own || (p.district && p.status == news::PlaceName::Linked);
        for (size_t k = 0; k < t.size(); ++k) {
            if (t[k].kind != Token::Word) continue;
            if (news::match_exact(t, k, province) && t[k].upper) out.own = true;
            size_t n = t[k].word_exact("tỉnh") ? 1 : news::match_exact(t, k, "thành phố");
            if (!n && t[k].word("tp")) n = k + 1 < t.size() && t[k + 1].punct('.') ? 2 : 1;
            if (!n) continue;
            if (t[k].word_exact("tỉnh")) {
                bool office = false;
                for (size_t b = k > 4 ? k - 4 : 0; b < k; ++b)
                    office = office || news::match_exact(t, b, "chủ tịch") || news::match_exact(t, b, "bí thư") ||
                             news::match_exact(t, b, "giám đốc") || news::match_exact(t, b, "trưởng");
                if (office) continue;
            }
            const size_t a = k + n;
            size_t e = a;
            std::string name, written;
            while (e < t.size() && e < a + 4 && t[e].kind == Token::Word && t[e].upper && t[e].space_before) {
                name += (name.empty() ? "" : " ") + t[e].exact;
                written += (written.empty() ? "" : " ") + news::slice(para.text, t, e, e + 1);
                ++e;
            }
            if (name.empty() || name.find(province) != std::string::npos) continue;
            bool district = false;  // "thành phố Lạng Sơn", "TP Hạ Long": a district of the dataset
            for (const news::PlaceName& p : scan.names)
                district = district || (p.district && p.status == news::PlaceName::Linked && p.from == a);
            if (district || std::find(out.others.begin(), out.others.end(), name) != out.others.end()) continue;
            out.others.push_back(name);
            out.others_written.push_back(written);
        }
        // A province named alone as the subject of a clause ("Quảng Bình hiện có 29 xã đạt 19/19
        // tiêu chí"): by the list of provinces, written with capitals, not after a type word, not a
        // place of the dataset ("xã Thái Bình" of Đình Lập), followed by a verb — a commune of the
        // same name in a list ("Hương Toàn, Hải Dương (Hương Trà)") is none.
        for (size_t k = 0; k < t.size(); ++k) {
            if (t[k].kind != Token::Word || !t[k].upper) continue;
            if (k > 0 && t[k - 1].kind == Token::Word &&
                (t[k - 1].word_exact("xã") || t[k - 1].word_exact("phường") || t[k - 1].word_exact("huyện") ||
                 t[k - 1].word_exact("trấn") || t[k - 1].word_exact("thôn") || t[k - 1].word_exact("bản") ||
                 t[k - 1].word_exact("quận") || t[k - 1].word_exact("tỉnh") || t[k - 1].word_exact("phố") ||
                 t[k - 1].word_exact("tp")))
                continue;
            bool place = false;
            for (const news::PlaceName& p : scan.names) place = place || (p.from <= k && k < p.to);
            if (place) continue;
            for (const auto& [written, lower] : lower_province_names()) {
                const size_t n = news::match_exact(t, k, lower);
                if (!n || k + n >= t.size() || t[k + n].kind != Token::Word || t[k + n].upper) continue;
                static const char* const kVerbs[] = {"có", "hiện", "đã", "đang", "vẫn", "còn", "đạt", "là",
                                                     "được", "xếp", "đứng", "cũng", "tiếp", "hoàn", "phấn"};
                if (std::none_of(std::begin(kVerbs), std::end(kVerbs),
                                 [&](const char* v) { return t[k + n].word_exact(v); }))
                    continue;
                bool capitals = true;
                for (size_t w = k; w < k + n; ++w) capitals = capitals && (t[w].kind != Token::Word || t[w].upper);
                if (!capitals) continue;
                if (news::place_key(lower) != news::place_key(province) &&
                    std::find(out.others.begin(), out.others.end(), lower) == out.others.end()) {
                    out.others.push_back(lower);
                    out.others_written.push_back(written);
                }
                k += n - 1;
                break;
            }
        }
    }
    return out;
}

}  // namespace

NewsBulletin parse_news(std::string_view text, const std::string& name, const Dataset& dataset) {
    NewsBulletin b;
    b.name = name;
    const news::PlaceIndex index(dataset);
    news::FigureSettings settings;
    settings.province_scope = dataset.info.province_code.empty() ? "province" : "province:" + dataset.info.province_code;
    // The largest set: a bulletin's "từ 15 tiêu chí trở lên" may be of any period.
    settings.criteria_count = 19;
    for (const CriteriaSet& set : dataset.criteria_sets)
        settings.criteria_count = std::max(settings.criteria_count, set.size());
    settings.province_name = news::province_name_of(dataset);
    news::FigureContext context;
    Pending pending;
    int block = -1;
    int paragraph = -1;
    // Tables of recognitions are read row by row, each row as the sentence a notice would write.
    // A source line opening the file ("# http://... | 2026-01 | Lạng Sơn", as the project's corpus
    // keeps items) is no text of the item; the lines keep their numbers.
    std::string body(text);
    if (body.compare(0, 2, "# ") == 0) {
        const size_t nl = std::min(body.find('\n'), body.size());
        if (body.substr(0, nl).find("://") != std::string::npos) body.erase(0, nl);
    }
    std::vector<news::Paragraph> paragraphs = news::split_paragraphs(body);
    {
        const std::vector<news::RecognitionTable> tables = news::find_recognition_tables(paragraphs);
        std::vector<news::Paragraph> read;
        size_t next = 0;
        for (const news::RecognitionTable& table : tables) {
            read.insert(read.end(), paragraphs.begin() + next, paragraphs.begin() + table.first + 1);
            read.insert(read.end(), table.rows.begin(), table.rows.end());
            b.notes.push_back({paragraphs[table.first].line, "a table of " + std::to_string(table.rows.size()) +
                                                                 " recognitions, read row by row"});
            next = table.last;
        }
        read.insert(read.end(), paragraphs.begin() + next, paragraphs.end());
        paragraphs = std::move(read);
    }
    // Which province the text is about: a figure of "the province" is the dataset's only when the
    // text names the dataset's province (or one of its districts), or no other province.
    {
        const ProvincesNamed named = provinces_named(paragraphs, index, settings.province_name);
        for (size_t i = 0; i < named.others.size(); ++i)
            if (named.others[i].find(' ') != std::string::npos) settings.other_provinces.push_back(named.others[i]);
        if (!named.own && !named.others.empty()) settings.about_other = named.others_written.front();
    }
    // A document's heading set out in lines ("Số: 339/TB-VPCP", then the national motto, then "Hà
    // Nội, ngày 01 tháng 7 năm 2025") is read as the one line a table heading gives ("Số: 816/QĐ-UBND
    // | Hòa Bình, ngày 19 tháng 05 năm 2017"): the number dated by its dateline.
    for (size_t h = 0; h < paragraphs.size(); ++h) {
        const Tokens ht = news::tokenize(paragraphs[h].text);
        if (ht.size() < 3 || ht.size() > 12 || !ht[0].word_exact("số") || !ht[1].punct(':') ||
            ht[2].kind != Token::Number)
            continue;
        for (size_t d = h + 1; d < paragraphs.size() && d <= h + 4; ++d) {
            const Tokens dt = news::tokenize(paragraphs[d].text);
            size_t k = 0;
            while (k < dt.size() && k < 4 && dt[k].kind == Token::Word && dt[k].upper) ++k;
            const bool dateline = k > 0 && dt.size() <= 14 && k + 1 < dt.size() && dt[k].punct(',') &&
                                  dt[k + 1].word_exact("ngày") && dt.back().kind == Token::Number &&
                                  dt.back().exact.size() == 4;
            if (!dateline) continue;
            std::string header = paragraphs[h].text;
            while (!header.empty() && (header.back() == ' ' || header.back() == '|')) header.pop_back();
            paragraphs[h].text = header + " | " + paragraphs[d].text;
            paragraphs.erase(paragraphs.begin() + static_cast<std::ptrdiff_t>(d));
            break;
        }
    }
    // Recognitions read before the sentence: a list may go on in the next sentence or line.
    size_t recognised = b.recognitions.size();
    for (const news::Paragraph& para : paragraphs) {
        ++paragraph;
        pending.expire(paragraph);
        if (para.block != block) {
            context = {};
            block = para.block;
        }
        const std::string& p = para.text;
        const Tokens t = news::tokenize(p);
        std::vector<size_t> paragraph_events;  // indexes into b.events, for follow-up sentences
        for (const news::Span& s : news::split_sentences(t)) {
            const std::string sentence = news::slice(p, t, s.from, s.to);
            const std::vector<DocumentRef> docs = news::find_documents(p, t, s.from, s.to);
            std::vector<bool> masked(t.size(), false);
            std::vector<std::pair<size_t, size_t>> doc_ranges, context_clauses;
            for (const DocumentRef& d : docs) {
                for (size_t k = d.from; k < d.to; ++k) masked[k] = true;
                doc_ranges.push_back({d.from, d.to});
                b.documents.push_back(to_document(d, para.line));
                if (d.context) {
                    // The background: from its first word ("Thực hiện", "triển khai") to the comma
                    // after the reference; what comes before in the clause is the item itself.
                    size_t a = d.context_from, e = d.to;
                    while (e < s.to && !t[e].punct(',') && !t[e].punct(';')) ++e;
                    context_clauses.push_back({a, e});
                }
            }
            // An address ("http://baoapbac.vn/xa-hoi/202505/...", "...-18-01-2026-.html") holds no dates
            // or counts.
            for (size_t k = s.from; k < s.to; ++k)
                if ((t[k].word("http") || t[k].word("https") || t[k].word("www")) && k + 1 < s.to &&
                    !t[k + 1].space_before && (t[k + 1].punct(':') || t[k + 1].punct('.')))
                    for (size_t e = k; e < s.to && (e == k || !t[e].space_before); ++e) masked[e] = true;
            std::vector<DateMention> dates;
            for (DateMention& m : news::find_dates(t, s.from, s.to))
                if (!masked[m.from]) dates.push_back(std::move(m));
            for (const DateMention& m : dates)
                for (size_t k = m.from; k < m.to; ++k) masked[k] = true;
            // Places are looked for among the units in force on the sentence's date: its own,
            // else that of a document it names, else that of the item it follows.
            std::optional<Date> place_date;
            for (const DateMention& m : dates)
                if (!place_date && m.kind != DateKind::NoYear && m.kind != DateKind::Open) place_date = m.start;
            for (const DocumentRef& d : docs)
                if (!place_date && d.date) place_date = d.date;
            if (!place_date && !paragraph_events.empty()) place_date = b.events[paragraph_events.back()].event.start;
            const news::PlaceScan places = index.find(t, s.from, s.to, place_date);
            for (const std::string& a : places.ambiguous)
                b.notes.push_back({para.line, a + " matches several units; left out of the places"});
            for (const std::string& u : places.unmatched) b.notes.push_back({para.line, u});
            const std::vector<news::FigureMention> figures =
                news::find_figures(t, s.from, s.to, dates, places, masked, settings, context);
            for (const news::FigureMention& f : figures) {
                if (!f.date) {
                    b.notes.push_back({para.line, f.figure + " = " + news::slice(p, t, f.from, f.to) + ": " +
                                                      (f.why.empty() ? "no date of the period it describes" : f.why) +
                                                      "; not stored"});
                    continue;
                }
                NewsFigure nf;
                nf.figure = {*f.date, f.scope, f.figure, f.value, name + ": " + sentence};
                nf.sentence = sentence;
                nf.line = para.line;
                b.figures.push_back(std::move(nf));
            }

            std::vector<std::pair<size_t, size_t>> skip = context_clauses;
            const std::vector<KindHit> hits = kind_hits(t, s.from, s.to, skip);
            KindHit kind = decide_kind(hits);
            // Documents issued in the sentence count as directives where they stand.
            if (kind.kind == EventKind::Other)
                for (const DocumentRef& d : docs)
                    if (!d.context) {
                        kind = {d.from, d.to, EventKind::Directive, false};
                        for (const KindHit& h : hits)
                            if (h.kind == EventKind::Recognition) kind.kind = EventKind::Recognition;
                        break;
                    }

            // The event's own date: the first day, range or list not in a document and not a
            // cut-off; a month only as "Trong tháng 8/2023" or heading the sentence, with an activity.
            const DateMention* lead = nullptr;
            bool has_date = false;
            // "Căn cứ Luật Đầu tư công ngày 29 tháng 11 năm 2024; ...": the instruments a document rests
            // on, whatever they are, date nothing of this item.
            size_t opening_word = news::after_source_tag(t, s.from, s.to);
            while (opening_word < s.to && t[opening_word].kind == Token::Punct) ++opening_word;
            const bool grounds = news::match_exact(t, opening_word, "căn cứ") > 0;
            auto clock_at = [&](size_t k) {
                return k + 2 < s.to && t[k].kind == Token::Number && t[k + 1].punct(':') &&
                       t[k + 2].kind == Token::Number && !t[k + 1].space_before && !t[k + 2].space_before;
            };
            for (const DateMention& m : dates) {
                has_date = true;
                if (m.as_of || m.kind == DateKind::Open || grounds) continue;
                // "Thu, 18/07/2019 - 09:28", "27/05/2020 08:28": the page's posting stamp, a day with its
                // clock time or an English weekday.
                {
                    size_t a = m.to;
                    if (a < s.to && (t[a].punct('-') || t[a].punct('|') || t[a].punct(','))) ++a;
                    bool stamp = clock_at(a);
                    if (!stamp && m.from >= s.from + 2 && t[m.from - 1].punct(',') && t[m.from - 2].upper)
                        for (const char* w : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
                            stamp = stamp || t[m.from - 2].word(w);
                    if (stamp) continue;
                }
                // "... trong tuần (từ ngày 12/01/2026 - 18/01/2026)": the week a bulletin covers.
                {
                    size_t a = m.from;
                    while (a > s.from && a + 4 > m.from &&
                           (t[a - 1].punct('(') || t[a - 1].word_exact("từ") || t[a - 1].word_exact("ngày")))
                        --a;
                    if (a > s.from && t[a - 1].word_exact("tuần")) continue;
                }
                // "Tập trung chỉ đạo duy trì ... (01/06/2018)": a day in parentheses closing the
                // paragraph is when the page was posted, not when anything happened.
                if (m.from > s.from && t[m.from - 1].punct('(') && m.to < t.size() && t[m.to].punct(')')) {
                    size_t rest = m.to + 1;
                    while (rest < t.size() && t[rest].kind == Token::Punct) ++rest;
                    if (rest == t.size()) continue;
                }
                // "Quyết định này có hiệu lực thi hành từ ngày 15/2/2026": the day a document takes
                // effect is not something that happens on the timeline (the document is dated by its
                // own day).
                bool effect = false;
                for (size_t k = m.from > s.from + 6 ? m.from - 6 : s.from; k < m.from && !effect; ++k)
                    effect = news::match_exact(t, k, "hiệu lực") > 0;
                if (effect) continue;
                if (m.kind == DateKind::NoYear) {
                    if (!lead)
                        b.notes.push_back({para.line, "'" + date_phrase(p, t, m, s.from) +
                                                          "' has no year; not imported (the year is not guessed)"});
                    continue;
                }
                if (m.day_precision()) {
                    lead = &m;
                    break;
                }
                if (m.kind == DateKind::Month && kind.kind != EventKind::Other) {
                    size_t head = news::after_source_tag(t, s.from, s.to);
                    while (head < s.to && t[head].kind == Token::Punct) ++head;
                    if (m.after_trong || m.from == head) {
                        lead = &m;
                        break;
                    }
                }
            }

            auto make_event = [&](Date start, Date end, EventKind k, const std::string& organiser,
                                  const std::string& title, const std::string& date_text) {
                NewsEvent ne;
                ne.event.start = start;
                ne.event.end = end;
                ne.event.kind = k;
                ne.event.organiser = organiser;
                ne.event.title = title;
                ne.event.source = name + ": " + sentence;
                ne.event.participants = find_participants(t, s.from, s.to);
                add_places(ne.event, ne.places, places, index);
                for (const DocumentRef& d : docs) ne.documents.push_back(to_document(d, para.line));
                ne.date_text = date_text;
                ne.sentence = sentence;
                ne.line = para.line;
                paragraph_events.push_back(b.events.size());
                b.events.push_back(std::move(ne));
            };

            // A dateline ("Cập nhật ngày 12/7/2021", "Lạng Sơn, ngày 12/7/2021") is when the page
            // was written, not an item: an undecided kind needs words of its own after the date.
            if (lead && kind.kind == EventKind::Other) {
                size_t words = 0;
                for (size_t k = lead->to; k < s.to; ++k) words += t[k].kind == Token::Word ? 1 : 0;
                if (words < 3 || is_dateline(t, s.from, lead->from)) lead = nullptr;
            }
            // "... công nhận thêm 4 xã gồm: ... đạt chuẩn NTM nâng cao năm 2022. Thêm 5 xã, gồm: ... đạt
            // chuẩn NTM năm 2022.": a sentence opening with "Thêm"/"Đồng thời" goes on with the notice
            // of the sentence before.
            size_t opening = s.from;
            while (opening < s.to && t[opening].kind == Token::Punct) ++opening;
            // "Theo đó, 2 xã đạt chuẩn nông thôn mới gồm: Kỳ Lạc, Kỳ Tây (huyện Kỳ Anh).\n25 xã đạt chuẩn NTM
            // nâng cao, gồm: ...\n1 xã đạt chuẩn nông thôn mới kiểu mẫu là xã Tượng Sơn (Thạch Hà).": a
            // counted list of a level after "Theo đó" (the decision it follows), or after a sentence whose
            // list was read, goes on with that notice.
            size_t after_connective = opening;
            for (const char* c : {"theo đó", "cụ thể"})
                if (size_t n = news::match_exact(t, opening, c); n && opening + n < s.to && t[opening + n].punct(','))
                    after_connective = opening + n + 1;
            const bool counted = counted_list(t, after_connective, s.to);
            const bool continues =
                opening < s.to &&
                ((b.recognitions.size() > recognised &&
                  (t[opening].word_exact("thêm") || news::match_exact(t, opening, "đồng thời") || counted)) ||
                 (counted && after_connective > opening));
            recognised = b.recognitions.size();
            if (kind.kind == EventKind::Recognition || kind.kind == EventKind::Directive || !pending.empty() ||
                continues) {
                const DateMention* day = lead && lead->kind == DateKind::Day ? lead : nullptr;
                // The issuer is the subject, after the date heading the sentence.
                // "Tại Quyết định số 1669/QĐ-UBND ngày 4/7, UBND tỉnh công nhận ...": after the clause
                // that names the decision. A subject with a comma is not a body's name.
                size_t head = s.from;
                for (const auto& [a, e] : context_clauses)
                    if (a == s.from) head = e;
                std::string subject = lead ? find_organiser(p, t, lead->to, s.to) : "";
                // "(Baonghean.vn) - Ngày 6/12, Chủ tịch UBND tỉnh ... đã ký": after a day heading the
                // sentence, even one without a year.
                // "Trên cơ sở Văn bản ..., ngày 20/12, Chủ tịch UBND tỉnh ... đã ký": after a day
                // followed by a comma anywhere.
                for (const DateMention& m : dates)
                    if (subject.empty() && (m.from < s.from + 8 || (m.to < s.to && t[m.to].punct(','))))
                        subject = find_organiser(p, t, m.to, s.to);
                // "Theo đó, Chủ tịch UBND tỉnh công nhận ...": after the connective.
                for (const char* c : {"theo đó", "cụ thể", "như vậy", "đồng thời", "trước đó"})
                    if (size_t n = news::match_exact(t, head, c); n && head + n < s.to && t[head + n].punct(','))
                        head += n;
                if (subject.empty()) subject = find_organiser(p, t, head, s.to);
                if (subject.find(',') != std::string::npos) subject.clear();
                subject = office_of(subject, settings.province_name);
                // "Quyết định số 801/QĐ-UBND công nhận xã A ...; Quyết định số 802/QĐ-UBND công nhận xã B
                // ...": each decision's clause is a notice of its own; so is a clause after ';' that
                // recognises again ("...; xã Nam Thành và Phúc Thành được UBND tỉnh công nhận ...") or
                // lists another level ("...; 4 xã NTM kiểu mẫu, gồm: ...").
                auto own_notice = [&](size_t k) {
                    size_t e = k + 1;
                    while (e < s.to && !t[e].punct(';')) ++e;
                    bool listed = false;
                    for (size_t q = k + 1; q < e; ++q) {
                        if (news::match_exact(t, q, "công nhận")) return true;
                        listed = listed || t[q].word_exact("gồm") || t[q].punct(':');
                    }
                    const auto level = news::find_level(t, k + 1, e);
                    return listed && level.has_value();
                };
                news::Span part{s.from, s.from};
                for (size_t k = s.from; k <= s.to; ++k) {
                    const bool cut = k == s.to || (t[k].punct(';') && (news::match_phrase(t, k + 1, "quyet dinh") ||
                                                                        own_notice(k)));
                    if (!cut) continue;
                    part.to = k;
                    add_recognitions(b, p, t, part, sentence, para.line, places, day, subject, pending, paragraph,
                                     dataset, continues);
                    part.from = k + 1;
                }
                if (pending.notice && pending.notice->read && pending.notice->listed >= pending.notice->count)
                    pending.notice.reset();
            }
            if (lead) {
                paragraph_events.clear();
                std::string organiser = find_organiser(p, t, lead->to, s.to);
                if (organiser.empty()) {
                    size_t main = s.from;
                    for (const auto& [a, e] : context_clauses)
                        if (a == s.from) main = e;
                    if (main < lead->from) organiser = find_organiser(p, t, main, lead->from);
                }
                std::string title;
                if (kind.kind != EventKind::Other) {
                    title = news::slice(p, t, kind.pos, s.to);
                } else {
                    size_t a = lead->to;
                    while (a < s.to && t[a].punct(',')) ++a;
                    title = news::slice(p, t, a, s.to);
                }
                title = capitalise(strip_end_punct(title));
                const std::string when = date_phrase(p, t, *lead, s.from);
                if (lead->kind == DateKind::List) {
                    for (const Date& d : lead->days) make_event(d, d, kind.kind, organiser, title, when);
                } else {
                    make_event(lead->start, lead->end, kind.kind, organiser, title, when);
                }
                // A document the sentence issues on another day is an item of its own.
                for (const DocumentRef& d : docs) {
                    if (d.context || !d.date || (*d.date >= lead->start && *d.date <= lead->end)) continue;
                    bool recognises = false;
                    for (const KindHit& h : hits) recognises = recognises || h.kind == EventKind::Recognition;
                    const size_t keep = paragraph_events.size();
                    make_event(*d.date, *d.date, recognises ? EventKind::Recognition : EventKind::Directive, d.issuer,
                               capitalise(strip_end_punct(news::slice(p, t, d.from, s.to))), d.text);
                    paragraph_events.resize(keep);  // follow-ups belong to the sentence's own event
                }
                continue;
            }

            // No date of its own: dated by a document it issues, or by a decision that recognises.
            bool recognises = false;
            for (const KindHit& h : hits) recognises = recognises || h.kind == EventKind::Recognition;
            bool dated_by_document = false;
            for (const DocumentRef& d : docs) {
                // Background dates nothing, except in a sentence that recognises the decision or the
                // document it is "in" ("Tại Quyết định số 1669/QĐ-UBND ngày 4/7/2024, UBND tỉnh công
                // nhận ...", "Tại Kế hoạch số 18/KH-UBND, ngày 22/1/2020 ..."); a letter it rests on
                // does not ("Trên cơ sở Văn bản số 5424/BNN-VPĐP ngày 09/8/2023, ... công nhận ...").
                const bool own = t[d.context_from].word_exact("tại") || fold_search_key(d.type) == "quyet dinh";
                if (!d.date || (d.context && !(recognises && own))) continue;
                if (!dated_by_document) paragraph_events.clear();
                dated_by_document = true;
                // A plan or a letter that mentions recognitions is still a directive.
                const bool decision = fold_search_key(d.type) == "quyet dinh";
                const EventKind k = recognises && decision ? EventKind::Recognition : EventKind::Directive;
                std::string organiser = d.issuer;
                if (!d.context) {
                    const std::string before = find_organiser(p, t, s.from, d.from);
                    if (!before.empty()) organiser = before;
                }
                const std::string title =
                    capitalise(strip_end_punct(d.context ? sentence : news::slice(p, t, d.from, s.to)));
                make_event(*d.date, *d.date, k, organiser, title, d.text);
            }
            if (dated_by_document) continue;

            // A sentence following an event in its paragraph adds places and participants.
            const bool figures_here = std::any_of(figures.begin(), figures.end(),
                                                  [](const news::FigureMention& f) { return f.scope != "other"; });
            if (!paragraph_events.empty() && !has_date && !figures_here) {
                const int participants = find_participants(t, s.from, s.to);
                for (size_t e : paragraph_events) {
                    NewsEvent& ne = b.events[e];
                    add_places(ne.event, ne.places, places, index);
                    if (ne.event.participants == 0) ne.event.participants = participants;
                }
            }
        }
    }
    // The same item twice in one bulletin is one item.
    std::vector<NewsEvent> unique;
    std::set<std::string> keys;
    for (NewsEvent& e : b.events)
        if (keys.insert(news_event_key(e.event)).second) unique.push_back(std::move(e));
    b.events = std::move(unique);
    // A headline repeats the notice without its decision: keep the one with the decision.
    {
        auto key = [](const NewsRecognition& r) {
            return r.unit_written + "|" + r.district_written + "|" + level_id(r.recognition.level);
        };
        // So does a later mention without the district of one read with it.
        auto bare = [](const NewsRecognition& r) { return r.unit_written + "|" + level_id(r.recognition.level); };
        std::set<std::string> decided, seen, with_district;
        for (const NewsRecognition& r : b.recognitions) {
            if (!r.decision_number.empty() || r.decision_date) decided.insert(key(r));
            if (!r.district_written.empty()) with_district.insert(bare(r));
        }
        std::vector<NewsRecognition> kept;
        for (NewsRecognition& r : b.recognitions) {
            const bool has_decision = !r.decision_number.empty() || r.decision_date;
            if (!has_decision && decided.count(key(r))) continue;
            if (!has_decision && r.district_written.empty() && with_district.count(bare(r))) continue;
            if (!seen.insert(key(r) + "|" + r.decision_number).second) continue;
            kept.push_back(std::move(r));
        }
        b.recognitions = std::move(kept);
    }
    std::vector<NewsFigure> figures;
    std::set<std::string> figure_keys;
    for (NewsFigure& f : b.figures) {
        char value[64];
        std::snprintf(value, sizeof value, "%.9g", f.figure.value);
        if (figure_keys.insert(f.figure.date.iso() + "|" + f.figure.scope + "|" + f.figure.figure + "|" + value).second)
            figures.push_back(std::move(f));
    }
    b.figures = std::move(figures);
    // One document told twice (its heading "Số: 51/2025/QĐ-TTg | Hà Nội, ngày 29 tháng 12 năm 2025" and
    // the lead "Toàn văn Quyết định số 51/2025/QĐ-TTg ngày 29/12/2025 ..."): one event, the first.
    std::vector<NewsEvent> events;
    for (NewsEvent& e : b.events) {
        const bool told = std::any_of(events.begin(), events.end(), [&](const NewsEvent& k) {
            if (k.event.start != e.event.start || k.event.end != e.event.end || k.event.kind != e.event.kind)
                return false;
            for (const NewsDocument& a : k.documents)
                for (const NewsDocument& d : e.documents)
                    if (!a.number.empty() && a.number == d.number && (!a.date || !d.date || a.date == d.date)) return true;
            return false;
        });
        if (!told) events.push_back(std::move(e));
    }
    b.events = std::move(events);
    return b;
}

NewsBulletin import_news_file(const std::string& path, const Dataset& dataset) {
    const std::string text = read_news_file(path);
    return parse_news(text, fs::path(path).filename().string(), dataset);
}

std::string news_event_key(const Event& e) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a of the folded title
    for (unsigned char c : fold_search_key(e.title)) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[24];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return e.start.iso() + "|" + e.end.iso() + "|" + event_kind_id(e.kind) + "|" + buf;
}

NewsMerge merge_news(Dataset& dataset, const NewsBulletin& bulletin) {
    NewsMerge m;
    auto sorted = [](std::vector<std::string> v) {
        std::sort(v.begin(), v.end());
        return v;
    };
    // Only what was there before: two items of this bulletin are never each other's duplicate
    // (parse_news already merged identical ones).
    const size_t before = dataset.events.size();
    for (const NewsEvent& ne : bulletin.events) {
        const Event& e = ne.event;
        const std::string key = news_event_key(e);
        bool duplicate = false;
        for (size_t i = 0; i < before; ++i) {
            const Event& old = dataset.events[i];
            if (old.start != e.start || old.end != e.end || old.kind != e.kind) continue;
            if (news_event_key(old) == key ||
                (old.source.compare(0, bulletin.name.size(), bulletin.name) == 0 &&
                 sorted(old.district_codes) == sorted(e.district_codes))) {
                duplicate = true;
                break;
            }
        }
        m.event_added.push_back(!duplicate);
        if (duplicate) {
            ++m.events_duplicate;
        } else {
            ++m.events_added;
            dataset.events.push_back(e);
        }
    }
    for (const NewsRecognition& nr : bulletin.recognitions) {
        if (!nr.stored) {
            m.recognition_added.push_back(false);
            continue;
        }
        const Recognition& r = nr.recognition;
        bool duplicate = false;
        for (const Recognition& old : dataset.recognitions)
            duplicate = duplicate || (old.unit_code == r.unit_code && old.level == r.level && old.date == r.date);
        m.recognition_added.push_back(!duplicate);
        if (duplicate) {
            ++m.recognitions_duplicate;
        } else {
            ++m.recognitions_added;
            dataset.recognitions.push_back(r);
        }
    }
    for (const NewsFigure& nf : bulletin.figures) {
        const ReportedFigure& f = nf.figure;
        bool duplicate = false;
        for (const ReportedFigure& old : dataset.reported)
            duplicate = duplicate || (old.date == f.date && old.scope == f.scope && old.figure == f.figure &&
                                      std::fabs(old.value - f.value) < 1e-9);
        m.figure_added.push_back(!duplicate);
        if (duplicate) {
            ++m.figures_duplicate;
        } else {
            ++m.figures_added;
            dataset.reported.push_back(f);
        }
    }
    return m;
}

}  // namespace ntm::io
