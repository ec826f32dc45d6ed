#include "io/text_encoding.h"

#include <iconv.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <optional>
#include <utility>

#include "core/error.h"
#include "core/text.h"

namespace ntm::io {

namespace {

// --- Encoding names ----------------------------------------------------------------------

enum class Codec { utf8, cp1258, tcvn3, vni, iconv };

struct ResolvedEncoding {
    Codec codec;
    std::string name;  // canonical
};

// Upper case, without the separators people sprinkle into encoding names.
std::string squash(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == ' ' || c == '-' || c == '_' || c == '.' || c == ':' || c == '\t' || c == '\r' ||
            c == '\n')
            continue;
        out.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c);
    }
    return out;
}

std::string upper_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

bool iconv_knows(const std::string& name) {
    if (name.empty()) return false;
    iconv_t cd = iconv_open("UTF-8", name.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    iconv_close(cd);
    return true;
}

bool one_of(const std::string& key, std::initializer_list<const char*> names) {
    for (const char* n : names)
        if (key == n) return true;
    return false;
}

std::optional<ResolvedEncoding> resolve(const std::string& encoding) {
    const std::string key = squash(encoding);
    if (key.empty()) return std::nullopt;
    if (one_of(key, {"UTF8", "65001", "CP65001", "UTF8BOM"})) return ResolvedEncoding{Codec::utf8, "UTF-8"};
    if (one_of(key, {"CP1258", "WINDOWS1258", "WIN1258", "1258", "ANSI1258", "MSCP1258"}))
        return ResolvedEncoding{Codec::cp1258, "CP1258"};
    if (one_of(key, {"TCVN3", "TCVN", "ABC", "VN3", "TCVN57123", "TCVN5712VN3", "TCVNABC"}))
        return ResolvedEncoding{Codec::tcvn3, "TCVN3"};
    if (one_of(key, {"VNI", "VNIWINDOWS", "VNIWIN"})) return ResolvedEncoding{Codec::vni, "VNI"};
    if (one_of(key, {"ISO88591", "LATIN1", "88591", "L1", "ISOLATIN1", "28591"}))
        return ResolvedEncoding{Codec::iconv, "ISO-8859-1"};
    if (one_of(key, {"CP1252", "WINDOWS1252", "WIN1252", "1252", "ANSI1252"}))
        return ResolvedEncoding{Codec::iconv, "CP1252"};
    const std::string name = upper_ascii(trim(encoding));
    // glibc's iconv_open drops the characters it does not expect from a name and takes what is
    // left empty as the locale's charset: "\xFF\x01" would be "known". Names are printable ASCII.
    const bool printable = std::all_of(name.begin(), name.end(), [](char c) { return c > 0x20 && c < 0x7F; });
    if (printable && iconv_knows(name)) return ResolvedEncoding{Codec::iconv, name};
    return std::nullopt;
}

[[noreturn]] void throw_unknown(const std::string& encoding) {
    throw Error("unknown text encoding '" + encoding +
                "' (known: UTF-8, CP1258, TCVN3, VNI, and any iconv name)");
}

ResolvedEncoding resolve_or_throw(const std::string& encoding) {
    auto r = resolve(encoding);
    if (!r) throw_unknown(encoding);
    return *r;
}

[[noreturn]] void throw_unrepresentable(char32_t cp, const std::string& encoding) {
    std::string ch;
    append_utf8(ch, cp);
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    throw Error("character '" + ch + "' (" + code + ") cannot be represented in " + encoding);
}

// --- Windows-1252 upper half, for bytes VNI does not use ----------------------------------
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88-8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98-9F
};

char32_t cp1252_char(unsigned char b) {
    if (b >= 0x80 && b <= 0x9F) return kCp1252High[b - 0x80];
    return b;  // 0x00-0x7F ASCII, 0xA0-0xFF same as Latin-1
}

// --- TCVN3 (TCVN 5712:1993 VN3) ----------------------------------------------------------
// Lower-case toned vowels, one row per vowel; the columns are the tones in TCVN3's own order:
// huyền (grave), hỏi (hook), ngã (tilde), sắc (acute), nặng (dot below). Then the untoned
// marked letters, whose upper case has a code of its own.
struct Tcvn3Row {
    char base;
    VnMark mark;
    unsigned char plain_lower;  // 0: the plain letter is ASCII
    unsigned char plain_upper;
    unsigned char toned[5];
};

constexpr VnTone kTcvn3ToneOrder[5] = {VnTone::grave, VnTone::hook, VnTone::tilde, VnTone::acute,
                                      VnTone::dot_below};

constexpr Tcvn3Row kTcvn3[] = {
    {'a', VnMark::none, 0, 0, {0xB5, 0xB6, 0xB7, 0xB8, 0xB9}},              // à ả ã á ạ
    {'a', VnMark::breve, 0xA8, 0xA1, {0xBB, 0xBC, 0xBD, 0xBE, 0xC6}},       // ă: ằ ẳ ẵ ắ ặ
    {'a', VnMark::circumflex, 0xA9, 0xA2, {0xC7, 0xC8, 0xC9, 0xCA, 0xCB}},  // â: ầ ẩ ẫ ấ ậ
    {'e', VnMark::none, 0, 0, {0xCC, 0xCE, 0xCF, 0xD0, 0xD1}},              // è ẻ ẽ é ẹ
    {'e', VnMark::circumflex, 0xAA, 0xA3, {0xD2, 0xD3, 0xD4, 0xD5, 0xD6}},  // ê: ề ể ễ ế ệ
    {'i', VnMark::none, 0, 0, {0xD7, 0xD8, 0xDC, 0xDD, 0xDE}},              // ì ỉ ĩ í ị
    {'o', VnMark::none, 0, 0, {0xDF, 0xE1, 0xE2, 0xE3, 0xE4}},              // ò ỏ õ ó ọ
    {'o', VnMark::circumflex, 0xAB, 0xA4, {0xE5, 0xE6, 0xE7, 0xE8, 0xE9}},  // ô: ồ ổ ỗ ố ộ
    {'o', VnMark::horn, 0xAC, 0xA5, {0xEA, 0xEB, 0xEC, 0xED, 0xEE}},        // ơ: ờ ở ỡ ớ ợ
    {'u', VnMark::none, 0, 0, {0xEF, 0xF1, 0xF2, 0xF3, 0xF4}},              // ù ủ ũ ú ụ
    {'u', VnMark::horn, 0xAD, 0xA6, {0xF5, 0xF6, 0xF7, 0xF8, 0xF9}},        // ư: ừ ử ữ ứ ự
    {'y', VnMark::none, 0, 0, {0xFA, 0xFB, 0xFC, 0xFD, 0xFE}},              // ỳ ỷ ỹ ý ỵ
};
constexpr unsigned char kTcvn3SmallD = 0xAE;    // đ
constexpr unsigned char kTcvn3CapitalD = 0xA7;  // Đ
constexpr unsigned char kTcvn3Nbsp = 0xA0;

// Codes VN3 leaves empty, read as in the VN1 table of the same standard (upper-case toned
// letters and, at 0xB0-0xB4, combining tone marks). Decoding only; they count as anomalies.
constexpr char32_t kVn1C1[32] = {
    0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8,  // À Ả Ã Á Ạ Ặ Ậ È
    0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128,  // Ẻ Ẽ É Ẹ Ệ Ì Ỉ Ĩ
    0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8,  // Í Ị Ò Ỏ Õ Ó Ọ Ộ
    0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168,  // Ờ Ở Ỡ Ớ Ợ Ù Ủ Ũ
};
struct ByteChar {
    unsigned char byte;
    char32_t cp;
};
constexpr ByteChar kVn1Holes[] = {
    {0xAF, 0x1EB0}, {0xB0, 0x0300}, {0xB1, 0x0309}, {0xB2, 0x0303}, {0xB3, 0x0301},
    {0xB4, 0x0323}, {0xBA, 0x1EB2}, {0xBF, 0x1EB4}, {0xC0, 0x1EAE}, {0xC1, 0x1EA6},
    {0xC2, 0x1EA8}, {0xC3, 0x1EAA}, {0xC4, 0x1EA4}, {0xC5, 0x1EC0}, {0xCD, 0x1EC2},
    {0xD9, 0x1EC4}, {0xDA, 0x1EBE}, {0xDB, 0x1ED2}, {0xE0, 0x1ED4}, {0xF0, 0x1ED6},
    {0xFF, 0x1ED0},
};

enum class Tcvn3Kind : unsigned char { ascii, vn3, vn3_lower_only, vn1 };

struct Tcvn3Tables {
    std::array<char32_t, 256> decode{};
    std::array<Tcvn3Kind, 256> kind{};
    // Encoding: sorted (code point, byte) pairs.
    std::vector<std::pair<char32_t, unsigned char>> encode;
};

char32_t letter_cp(char base, VnMark mark, VnTone tone, bool upper) {
    VnLetter l;
    l.base = base;
    l.mark = mark;
    l.tone = tone;
    l.upper = upper;
    return compose_vietnamese_letter(l);
}

const Tcvn3Tables& tcvn3_tables() {
    static const Tcvn3Tables tables = [] {
        Tcvn3Tables t;
        for (int b = 0; b < 0x80; ++b) {
            t.decode[b] = static_cast<char32_t>(b);
            t.kind[b] = Tcvn3Kind::ascii;
            t.encode.push_back({static_cast<char32_t>(b), static_cast<unsigned char>(b)});
        }
        for (int b = 0x80; b < 0xA0; ++b) {
            t.decode[b] = kVn1C1[b - 0x80];
            t.kind[b] = Tcvn3Kind::vn1;
        }
        for (const ByteChar& h : kVn1Holes) {
            t.decode[h.byte] = h.cp;
            t.kind[h.byte] = Tcvn3Kind::vn1;
        }
        const auto put = [&](unsigned char byte, char32_t cp, Tcvn3Kind kind) {
            t.decode[byte] = cp;
            t.kind[byte] = kind;
            t.encode.push_back({cp, byte});
        };
        put(kTcvn3Nbsp, 0x00A0, Tcvn3Kind::vn3);
        put(kTcvn3SmallD, letter_cp('d', VnMark::stroke, VnTone::level, false), Tcvn3Kind::vn3);
        put(kTcvn3CapitalD, letter_cp('d', VnMark::stroke, VnTone::level, true), Tcvn3Kind::vn3);
        for (const Tcvn3Row& row : kTcvn3) {
            if (row.plain_lower != 0) {
                put(row.plain_lower, letter_cp(row.base, row.mark, VnTone::level, false),
                    Tcvn3Kind::vn3);
                put(row.plain_upper, letter_cp(row.base, row.mark, VnTone::level, true),
                    Tcvn3Kind::vn3);
            }
            for (int k = 0; k < 5; ++k) {
                const VnTone tone = kTcvn3ToneOrder[k];
                put(row.toned[k], letter_cp(row.base, row.mark, tone, false),
                    Tcvn3Kind::vn3_lower_only);
                // Upper case has no code of its own: the all-capitals fonts drew the lower-case
                // code as a capital, so encoding falls back to it.
                t.encode.push_back({letter_cp(row.base, row.mark, tone, true), row.toned[k]});
            }
        }
        std::sort(t.encode.begin(), t.encode.end());
        return t;
    }();
    return tables;
}

bool letter_case(char32_t cp, bool& upper) {
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z') {
            upper = true;
            return true;
        }
        if (cp >= 'a' && cp <= 'z') {
            upper = false;
            return true;
        }
        return false;
    }
    VnLetter l;
    if (split_vietnamese_letter(cp, l)) {
        upper = l.upper;
        return true;
    }
    return false;
}

bool is_word_char(char32_t cp) {
    bool upper = false;
    return letter_case(cp, upper) || (cp >= 0x0300 && cp <= 0x036F);
}

// TCVN3 has no codes for upper-case toned vowels; text in capitals used the lower-case codes
// under an all-capitals font. Such a letter is turned upper case when its word has no other
// lower-case letter, has a capital, and is either visibly in capitals itself (a capital after
// its first letter: "ĐồNG") or stands in a text in capitals: no other lower-case letter and at
// least one word visibly in capitals ("XÃ ĐỒNG ĐĂNG"). "Xã" in "Xã ĐỒNG", "Vũ Lễ" and "ái" stay
// as they are: their bytes say nothing more.
void restore_tcvn3_capitals(std::u32string& cps, const std::vector<bool>& lower_only) {
    struct Word {
        std::size_t begin, end;
        bool has_capital = false, capital_inside = false, other_lower = false;
    };
    std::vector<Word> words;
    bool text_has_other_lower = false;
    bool text_has_capital_word = false;
    for (std::size_t i = 0; i < cps.size();) {
        if (!is_word_char(cps[i])) {
            ++i;
            continue;
        }
        Word w{i, i};
        bool first = true;
        for (w.end = i; w.end < cps.size() && is_word_char(cps[w.end]); ++w.end) {
            bool upper = false;
            if (!letter_case(cps[w.end], upper)) continue;
            if (upper) {
                w.has_capital = true;
                if (!first) w.capital_inside = true;
            } else if (!lower_only[w.end]) {
                w.other_lower = true;
            }
            first = false;
        }
        text_has_other_lower = text_has_other_lower || w.other_lower;
        text_has_capital_word = text_has_capital_word || (w.capital_inside && !w.other_lower);
        words.push_back(w);
        i = w.end;
    }
    for (const Word& w : words) {
        if (!w.has_capital || w.other_lower) continue;
        if (!w.capital_inside && (text_has_other_lower || !text_has_capital_word)) continue;
        for (std::size_t k = w.begin; k < w.end; ++k) {
            if (!lower_only[k]) continue;
            VnLetter l;
            if (!split_vietnamese_letter(cps[k], l)) continue;
            l.upper = true;
            cps[k] = compose_vietnamese_letter(l);
        }
    }
}

std::string decode_tcvn3(std::string_view bytes, int* anomalies) {
    const Tcvn3Tables& t = tcvn3_tables();
    std::u32string cps;
    std::vector<bool> lower_only;
    cps.reserve(bytes.size());
    for (char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        cps.push_back(t.decode[b]);
        lower_only.push_back(t.kind[b] == Tcvn3Kind::vn3_lower_only);
        if (anomalies && t.kind[b] == Tcvn3Kind::vn1) ++*anomalies;
    }
    restore_tcvn3_capitals(cps, lower_only);
    std::string out;
    for (char32_t cp : cps) append_utf8(out, cp);
    return out;
}

std::string encode_tcvn3(std::string_view nfc) {
    const auto& table = tcvn3_tables().encode;
    std::string out;
    std::size_t pos = 0;
    while (pos < nfc.size()) {
        char32_t cp = 0;
        if (!next_code_point(nfc, pos, cp)) throw Error("text is not valid UTF-8");
        const auto it = std::lower_bound(
            table.begin(), table.end(), cp,
            [](const std::pair<char32_t, unsigned char>& e, char32_t c) { return e.first < c; });
        if (it == table.end() || it->first != cp) throw_unrepresentable(cp, "TCVN3");
        out.push_back(static_cast<char>(it->second));
    }
    return out;
}

// --- VNI (VNI-Windows) -------------------------------------------------------------------
// Mark bytes that follow a base letter (lower-case forms; the upper-case forms are 0x20 less).
struct VniMark {
    unsigned char byte;
    VnMark mark;
    VnTone tone;
};
constexpr VniMark kVniMarks[] = {
    {0xF8, VnMark::none, VnTone::grave},           // ø
    {0xF9, VnMark::none, VnTone::acute},           // ù
    {0xFB, VnMark::none, VnTone::hook},            // û
    {0xF5, VnMark::none, VnTone::tilde},           // õ
    {0xEF, VnMark::none, VnTone::dot_below},       // ï
    {0xE2, VnMark::circumflex, VnTone::level},     // â
    {0xE0, VnMark::circumflex, VnTone::grave},     // à
    {0xE1, VnMark::circumflex, VnTone::acute},     // á
    {0xE5, VnMark::circumflex, VnTone::hook},      // å
    {0xE3, VnMark::circumflex, VnTone::tilde},     // ã
    {0xE4, VnMark::circumflex, VnTone::dot_below}, // ä
    {0xEA, VnMark::breve, VnTone::level},          // ê
    {0xE8, VnMark::breve, VnTone::grave},          // è
    {0xE9, VnMark::breve, VnTone::acute},          // é
    {0xFA, VnMark::breve, VnTone::hook},           // ú
    {0xFC, VnMark::breve, VnTone::tilde},          // ü
    {0xEB, VnMark::breve, VnTone::dot_below},      // ë
};
// Letters that are one byte (lower-case forms; upper case 0x20 less).
struct VniLetterByte {
    unsigned char byte;
    char base;
    VnMark mark;
    VnTone tone;
};
constexpr VniLetterByte kVniLetters[] = {
    {0xF1, 'd', VnMark::stroke, VnTone::level},    // ñ  đ
    {0xF4, 'o', VnMark::horn, VnTone::level},      // ô  ơ (takes tone marks after it)
    {0xF6, 'u', VnMark::horn, VnTone::level},      // ö  ư (takes tone marks after it)
    {0xEC, 'i', VnMark::none, VnTone::grave},      // ì  ì
    {0xED, 'i', VnMark::none, VnTone::acute},      // í  í
    {0xE6, 'i', VnMark::none, VnTone::hook},       // æ  ỉ
    {0xF3, 'i', VnMark::none, VnTone::tilde},      // ó  ĩ
    {0xF2, 'i', VnMark::none, VnTone::dot_below},  // ò  ị
    {0xEE, 'y', VnMark::none, VnTone::dot_below},  // î  ỵ
};

const VniMark* vni_mark(unsigned char b) {
    const unsigned char lower = (b >= 0xC0 && b <= 0xDF) ? static_cast<unsigned char>(b + 0x20) : b;
    for (const VniMark& m : kVniMarks)
        if (m.byte == lower) return &m;
    return nullptr;
}

const VniLetterByte* vni_letter(unsigned char b, bool& upper) {
    upper = b >= 0xC0 && b <= 0xDF;
    const unsigned char lower = upper ? static_cast<unsigned char>(b + 0x20) : b;
    for (const VniLetterByte& l : kVniLetters)
        if (l.byte == lower) return &l;
    return nullptr;
}

bool vni_mark_applies(const VnLetter& letter, const VniMark& m) {
    if (m.tone != VnTone::level && letter.tone != VnTone::level) return false;
    if (m.mark == VnMark::none) return m.tone != VnTone::level;
    if (letter.mark != VnMark::none) return false;
    if (m.mark == VnMark::circumflex)
        return letter.base == 'a' || letter.base == 'e' || letter.base == 'o';
    if (m.mark == VnMark::breve) return letter.base == 'a';
    return false;
}

std::string decode_vni(std::string_view bytes, int* anomalies) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 2);
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        VnLetter letter;
        bool takes_marks = false;
        bool upper = false;
        if (b < 0x80) {
            const char lower = static_cast<char>((b >= 'A' && b <= 'Z') ? b + 32 : b);
            if (lower == 'a' || lower == 'e' || lower == 'i' || lower == 'o' || lower == 'u' ||
                lower == 'y') {
                letter.base = lower;
                letter.upper = b >= 'A' && b <= 'Z';
                takes_marks = true;
            }
        } else if (const VniLetterByte* l = vni_letter(b, upper)) {
            letter.base = l->base;
            letter.mark = l->mark;
            letter.tone = l->tone;
            letter.upper = upper;
            takes_marks = l->mark == VnMark::horn;
        }
        if (letter.base == 0) {
            if (b >= 0x80) {
                if (anomalies && (vni_mark(b) != nullptr || (b >= 0x80 && b <= 0x9F)))
                    ++*anomalies;  // a mark with nothing to sit on, or a C1 byte
                append_utf8(out, cp1252_char(b));
            } else {
                out.push_back(static_cast<char>(b));
            }
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        if (takes_marks) {
            while (j < bytes.size()) {
                const VniMark* m = vni_mark(static_cast<unsigned char>(bytes[j]));
                if (m == nullptr || !vni_mark_applies(letter, *m)) break;
                if (m->mark != VnMark::none) letter.mark = m->mark;
                if (m->tone != VnTone::level) letter.tone = m->tone;
                ++j;
            }
        }
        const char32_t cp = compose_vietnamese_letter(letter);
        if (cp != 0) {
            append_utf8(out, cp);
        } else {  // cannot happen with the checks above; keep the bytes visible if it does
            for (std::size_t k = i; k < j; ++k)
                append_utf8(out, cp1252_char(static_cast<unsigned char>(bytes[k])));
            if (anomalies) ++*anomalies;
        }
        i = j;
    }
    return out;
}

unsigned char vni_case(unsigned char lower_byte, bool upper) {
    return upper ? static_cast<unsigned char>(lower_byte - 0x20) : lower_byte;
}

std::string encode_vni(std::string_view nfc) {
    std::string out;
    std::size_t pos = 0;
    while (pos < nfc.size()) {
        char32_t cp = 0;
        if (!next_code_point(nfc, pos, cp)) throw Error("text is not valid UTF-8");
        if (cp < 0x80 || cp == 0x00A0) {
            out.push_back(static_cast<char>(cp));
            continue;
        }
        VnLetter l;
        if (!split_vietnamese_letter(cp, l)) throw_unrepresentable(cp, "VNI");
        // Single-byte letters first: đ, ơ/ư (tone follows), toned i, ỵ.
        bool done = false;
        for (const VniLetterByte& lb : kVniLetters) {
            if (lb.base != l.base || lb.mark != l.mark) continue;
            if (lb.mark == VnMark::horn || lb.mark == VnMark::stroke || lb.tone == l.tone) {
                out.push_back(static_cast<char>(vni_case(lb.byte, l.upper)));
                if (lb.mark == VnMark::horn && l.tone != VnTone::level) {
                    for (const VniMark& m : kVniMarks)
                        if (m.mark == VnMark::none && m.tone == l.tone)
                            out.push_back(static_cast<char>(vni_case(m.byte, l.upper)));
                }
                done = true;
                break;
            }
        }
        if (done) continue;
        out.push_back(l.upper ? static_cast<char>(l.base - 'a' + 'A') : l.base);
        if (l.mark == VnMark::none && l.tone == VnTone::level) continue;
        for (const VniMark& m : kVniMarks) {
            if (m.mark == l.mark && m.tone == l.tone) {
                out.push_back(static_cast<char>(vni_case(m.byte, l.upper)));
                done = true;
                break;
            }
        }
        if (!done) throw_unrepresentable(cp, "VNI");
    }
    return out;
}

// --- iconv -----------------------------------------------------------------------------------

// Decoding through iconv. GDAL's CPLRecode would do, but it never flushes the converter, and
// glibc's CP1258 decoder holds back the last base letter in case a tone mark follows: CPLRecode
// turns "Na" into "N". So iconv is called directly and flushed. Bytes the charset does not
// define become U+FFFD.
std::string iconv_to_utf8(std::string_view bytes, const std::string& from) {
    iconv_t cd = iconv_open("UTF-8", from.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1)) throw_unknown(from);
    std::string out(bytes.size() * 3 + 16, '\0');
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    std::size_t used = 0;
    const auto grow = [&] { out.resize(out.size() * 2); };
    const auto put_replacement = [&] {
        if (out.size() - used < 3) grow();
        out.replace(used, 3, "\xEF\xBF\xBD");
        used += 3;
    };
    bool flushing = false;
    for (;;) {
        char* out_ptr = out.data() + used;
        std::size_t out_left = out.size() - used;
        const std::size_t r = flushing ? iconv(cd, nullptr, nullptr, &out_ptr, &out_left)
                                       : iconv(cd, &in, &in_left, &out_ptr, &out_left);
        used = static_cast<std::size_t>(out_ptr - out.data());
        if (r == static_cast<std::size_t>(-1)) {
            if (errno == E2BIG) {
                grow();
                continue;
            }
            if (flushing) break;
            put_replacement();  // EILSEQ: undefined byte; EINVAL: truncated sequence at the end
            if (errno == EINVAL) {
                in_left = 0;
            } else {
                ++in;
                --in_left;
            }
            continue;
        }
        if (flushing) break;
        flushing = true;  // all input consumed: let the converter emit what it holds back
    }
    iconv_close(cd);
    out.resize(used);
    return out;
}

// Strict conversion from UTF-8 with iconv, naming the first character the target lacks.
std::string iconv_from_utf8(std::string_view utf8, const std::string& to) {
    iconv_t cd = iconv_open(to.c_str(), "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) throw_unknown(to);
    std::string out(utf8.size() * 2 + 16, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size();
    std::size_t used = 0;
    const auto convert = [&](bool flush) {
        for (;;) {
            char* out_ptr = out.data() + used;
            std::size_t out_left = out.size() - used;
            const std::size_t r = flush ? iconv(cd, nullptr, nullptr, &out_ptr, &out_left)
                                        : iconv(cd, &in, &in_left, &out_ptr, &out_left);
            used = static_cast<std::size_t>(out_ptr - out.data());
            if (r != static_cast<std::size_t>(-1)) return;
            if (errno == E2BIG) {
                out.resize(out.size() * 2);
                continue;
            }
            std::size_t pos = static_cast<std::size_t>(in - utf8.data());
            char32_t cp = 0xFFFD;
            const bool valid = pos < utf8.size() && next_code_point(utf8, pos, cp);
            iconv_close(cd);
            if (!valid) throw Error("text is not valid UTF-8");
            throw_unrepresentable(cp, to);
        }
    };
    convert(false);
    convert(true);
    iconv_close(cd);
    out.resize(used);
    return out;
}

std::string decode_utf8(std::string_view bytes) {
    if (!is_valid_utf8(bytes)) throw Error("text is not valid UTF-8");
    return normalize_nfc(bytes);
}

std::string decode_with(std::string_view bytes, const ResolvedEncoding& enc, int* anomalies) {
    switch (enc.codec) {
        case Codec::utf8: return decode_utf8(bytes);
        case Codec::tcvn3: return normalize_nfc(decode_tcvn3(bytes, anomalies));
        case Codec::vni: return normalize_nfc(decode_vni(bytes, anomalies));
        case Codec::cp1258: return normalize_nfc(iconv_to_utf8(bytes, "CP1258"));
        case Codec::iconv: return normalize_nfc(iconv_to_utf8(bytes, enc.name));
    }
    return {};
}

// --- Vietnamese syllables, for detection ---------------------------------------------------

enum class WordClass { common, well_formed, malformed, symbols };

bool is_ascii_separator(char32_t cp) {
    return cp < 0x80 && !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
}

bool is_vowel(char32_t c) {
    VnLetter l;
    return split_vietnamese_letter(c, l) && l.base != 'd';
}

// Vowel clusters (lower case, no tone) by whether a final consonant may, may not or must follow.
const std::vector<std::u32string> kOpenOrClosed = {U"a", U"e", U"ê", U"i", U"o", U"ô", U"ơ",
                                                   U"u", U"ư", U"y", U"oa", U"oe", U"uê", U"uy"};
const std::vector<std::u32string> kNoFinal = {
    U"ai",  U"ao",  U"au",  U"ay",  U"âu",  U"ây",  U"eo",  U"êu",  U"ia",  U"iu",
    U"oi",  U"ôi",  U"ơi",  U"ui",  U"ưi",  U"ưu",  U"ua",  U"ưa",  U"uơ",  U"oai",
    U"oao", U"oay", U"oeo", U"uây", U"uôi", U"uya", U"uyu", U"ươi", U"ươu", U"iêu",
    U"yêu"};
// ("oo" as in "xoong" is left out: loan words, and a frequent misreading of VNI as TCVN3.)
const std::vector<std::u32string> kNeedsFinal = {U"ă", U"â", U"iê", U"yê", U"uô",
                                                 U"ươ", U"oă", U"uâ", U"uyê"};
const std::vector<std::u32string> kOnsets = {
    U"ngh", U"ng", U"gh", U"gi", U"ch", U"kh", U"nh", U"ph", U"th", U"tr", U"qu", U"b",
    U"c",   U"d",  U"đ",  U"g",  U"h",  U"k",  U"l",  U"m",  U"n",  U"p",  U"r",  U"s",
    U"t",   U"v",  U"x"};
const std::vector<std::u32string> kFinals = {U"", U"c", U"ch", U"m", U"n", U"ng", U"nh", U"p", U"t"};

bool contains(const std::vector<std::u32string>& list, const std::u32string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

bool well_formed_syllable(const std::u32string& s, VnTone tone) {
    // Onset: the longest that leaves a vowel ("gì" is g + ì, not gi + nothing).
    std::size_t start = 0;
    for (const std::u32string& onset : kOnsets) {
        if (s.compare(0, onset.size(), onset) != 0) continue;
        if (onset.size() < s.size() && is_vowel(s[onset.size()])) {
            start = onset.size();
            break;
        }
        if (onset == U"gi" && (s.size() == 2 || !is_vowel(s[2]))) {
            start = 1;  // g + i...
            break;
        }
    }
    if (start == 0 && !s.empty() && !is_vowel(s[0])) return false;
    std::size_t end = start;
    while (end < s.size() && is_vowel(s[end])) ++end;
    const std::u32string vowels = s.substr(start, end - start);
    const std::u32string final_consonant = s.substr(end);
    if (vowels.empty() || !contains(kFinals, final_consonant)) return false;
    if (contains(kNoFinal, vowels)) {
        if (!final_consonant.empty()) return false;
    } else if (contains(kNeedsFinal, vowels)) {
        if (final_consonant.empty()) return false;
    } else if (!contains(kOpenOrClosed, vowels)) {
        return false;
    }
    const bool stop = final_consonant == U"c" || final_consonant == U"ch" ||
                      final_consonant == U"p" || final_consonant == U"t";
    if (stop && tone != VnTone::acute && tone != VnTone::dot_below) return false;
    return true;
}

// Syllables with diacritics that are frequent in Vietnamese unit names and the words around
// them. A misreading can produce a well-formed syllable too ("Sơn" in VNI reads "Sôn" in
// CP1258); these break such ties in favour of the usual word.
const std::vector<std::string>& common_syllables() {
    static const std::vector<std::string> words = [] {
        std::vector<std::string> w = {
            // kinds of units and places
            "xã", "phường", "thị", "trấn", "huyện", "tỉnh", "thành", "phố", "quận", "thôn",
            "bản", "làng", "xóm", "ấp", "tổ", "đường", "chợ", "cầu", "bến", "núi", "sông",
            "suối", "hồ", "đồi", "mỏ", "đá", "cửa", "khẩu",
            // directions and positions
            "bắc", "đông", "tây", "thượng", "hạ", "tiền", "hậu", "hữu", "nội", "ngoại", "giữa",
            // frequent name syllables
            "bình", "hòa", "hoà", "phú", "lộc", "thọ", "phúc", "khánh", "thịnh", "hưng",
            "quảng", "tân", "tiến", "thắng", "lợi", "lập", "định", "đình", "yên", "vĩnh",
            "xuân", "sơn", "hải", "hà", "thủy", "thuỷ", "điền", "đồng", "đăng", "hoàng", "văn",
            "võ", "vũ", "lễ", "nghĩa", "trí", "tín", "đức", "hiếu", "hùng", "vương", "cường",
            "dũng", "tú", "tuấn", "kiệt", "hồng", "hương", "hiệp", "hợp", "đoàn", "kết",
            "quốc", "việt", "lạc", "lạng", "châu", "vân", "kỳ", "lương", "lăng", "ngọc",
            "bảo", "trường", "tràng", "đại", "tiểu", "mỹ", "thiện", "chiến", "thái", "dương",
            "quý", "quỳnh", "nhất", "nhì", "tứ", "ngũ", "lục", "thất", "bát", "cửu", "thập",
            "vạn", "bách", "mộc", "thạch", "thổ", "hỏa", "hoả", "thuận", "phương", "tùng",
            "trúc", "hội", "khê", "viên", "hiển", "sinh", "tĩnh", "đạo", "đào", "cát", "lâm",
            "liên", "kiên", "lũng", "thụ", "trạch", "sầm", "chí", "công", "nông", "lý", "mẫu",
            "ái", "tình", "bằng", "mạc", "khuất", "xá", "điềm", "nhân", "lừa", "nà", "pò",
            "pác", "bó", "nậm", "cốc", "tà", "khòn", "lân", "năng", "đống", "cư", "túc",
            "giáp", "trại", "lũy", "vũng", "bồ", "độ", "gò", "vấp", "tiên",
        };
        std::sort(w.begin(), w.end());
        return w;
    }();
    return words;
}

WordClass classify_word(const std::u32string& word, bool text_has_lower) {
    std::u32string plain;  // lower case, tone removed
    std::string folded;    // lower case, tone kept (UTF-8)
    VnTone tone = VnTone::level;
    int tones = 0;
    bool non_ascii_capital = false;
    std::vector<bool> upper;
    for (char32_t cp : word) {
        VnLetter l;
        if (cp < 0x80) {  // an ASCII letter (separators were split off)
            const bool up = cp >= 'A' && cp <= 'Z';
            upper.push_back(up);
            plain.push_back(up ? cp + 32 : cp);
            folded.push_back(static_cast<char>(up ? cp + 32 : cp));
            continue;
        }
        if (!split_vietnamese_letter(cp, l)) return WordClass::symbols;
        upper.push_back(l.upper);
        non_ascii_capital = non_ascii_capital || l.upper;
        l.upper = false;
        append_utf8(folded, compose_vietnamese_letter(l));
        if (l.tone != VnTone::level) {
            ++tones;
            tone = l.tone;
        }
        l.tone = VnTone::level;
        plain.push_back(compose_vietnamese_letter(l));
    }
    if (tones > 1) return WordClass::malformed;
    const auto capitals = std::count(upper.begin(), upper.end(), true);
    const bool all_capitals = capitals == static_cast<long>(upper.size());
    const bool case_ok = capitals == 0 || all_capitals || (capitals == 1 && upper[0]);
    if (!case_ok) return WordClass::malformed;
    // A word in capitals among lower-case text, made so by a non-ASCII letter ("Tri LÔ"), is a
    // typical misreading; abbreviations in capitals are ASCII ("UBND", "TP").
    if (all_capitals && upper.size() > 1 && non_ascii_capital && text_has_lower)
        return WordClass::malformed;
    if (!well_formed_syllable(plain, tone)) return WordClass::malformed;
    const auto& common = common_syllables();
    return std::binary_search(common.begin(), common.end(), folded) ? WordClass::common
                                                                    : WordClass::well_formed;
}

int score_text(const std::string& utf8) {
    std::u32string cps;
    std::size_t pos = 0;
    bool text_has_lower = false;
    while (pos < utf8.size()) {
        char32_t cp = 0;
        if (!next_code_point(utf8, pos, cp)) cp = 0xFFFD;
        bool upper = false;
        if (letter_case(cp, upper) && !upper) text_has_lower = true;
        cps.push_back(cp);
    }
    int score = 0;
    std::size_t i = 0;
    while (i < cps.size()) {
        if (is_ascii_separator(cps[i]) || is_space_code_point(cps[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < cps.size() && !is_ascii_separator(cps[j]) && !is_space_code_point(cps[j])) ++j;
        switch (classify_word(cps.substr(i, j - i), text_has_lower)) {
            case WordClass::common: score += 2; break;
            case WordClass::well_formed: score += 1; break;
            case WordClass::malformed: score -= 1; break;
            case WordClass::symbols: score -= 2; break;
        }
        i = j;
    }
    return score;
}

}  // namespace

// --- Public API ----------------------------------------------------------------------------

std::string normalize_nfc(std::string_view utf8) {
    bool ascii = true;
    for (char c : utf8) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) return std::string(utf8);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw Error("cannot load the ICU NFC normaliser");
    const icu::UnicodeString source =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    const icu::UnicodeString normalised = nfc->normalize(source, status);
    if (U_FAILURE(status)) throw Error("cannot NFC-normalise text");
    std::string out;
    normalised.toUTF8String(out);
    return out;
}

std::string clean_text(std::string_view utf8) {
    return trim(fold_eth_to_d(normalize_nfc(utf8)));
}

std::string canonical_encoding_name(const std::string& encoding) {
    const auto r = resolve(encoding);
    return r ? r->name : std::string();
}

std::string decode_text(std::string_view bytes, const std::string& encoding) {
    return decode_with(bytes, resolve_or_throw(encoding), nullptr);
}

std::string encode_text(std::string_view utf8, const std::string& encoding) {
    const ResolvedEncoding enc = resolve_or_throw(encoding);
    if (!is_valid_utf8(utf8)) throw Error("text is not valid UTF-8");
    const std::string nfc = normalize_nfc(utf8);
    switch (enc.codec) {
        case Codec::utf8: return nfc;
        case Codec::tcvn3: return encode_tcvn3(nfc);
        case Codec::vni: return encode_vni(nfc);
        case Codec::cp1258: return iconv_from_utf8(nfc, "CP1258");
        case Codec::iconv: return iconv_from_utf8(nfc, enc.name);
    }
    return {};
}

std::vector<EncodingScore> score_vietnamese_encodings(const std::vector<std::string>& samples) {
    std::vector<EncodingScore> scores;
    for (const char* name : {"CP1258", "TCVN3", "VNI"}) {
        const ResolvedEncoding enc = resolve_or_throw(name);
        EncodingScore s;
        s.encoding = name;
        for (const std::string& sample : samples) {
            int anomalies = 0;
            const std::string text = decode_with(sample, enc, &anomalies);
            s.score += score_text(text) - anomalies;
        }
        scores.push_back(s);
    }
    std::stable_sort(scores.begin(), scores.end(),
                     [](const EncodingScore& a, const EncodingScore& b) { return a.score > b.score; });
    return scores;
}

std::string detect_encoding(const std::vector<std::string>& samples) {
    const bool all_utf8 = std::all_of(samples.begin(), samples.end(),
                                      [](const std::string& s) { return is_valid_utf8(s); });
    if (all_utf8) return "UTF-8";
    return score_vietnamese_encodings(samples).front().encoding;
}

std::string encoding_from_cpg(const std::string& cpg_contents) {
    std::string text = trim(cpg_contents);
    if (text.empty()) return {};
    // First line only; some writers add a newline or a comment after the name.
    const std::size_t eol = text.find_first_of("\r\n");
    if (eol != std::string::npos) text = trim(text.substr(0, eol));
    std::string key = squash(text);
    if (key.rfind("ANSI", 0) == 0 && key.size() > 4) key = key.substr(4);  // "ANSI 1258"
    if (key.rfind("UTF8", 0) == 0) return "UTF-8";
    std::string candidate;
    const bool numeric =
        !key.empty() && std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (numeric) {
        const long n = std::strtol(key.c_str(), nullptr, 10);
        if (n == 65001) return "UTF-8";
        if (key.rfind("8859", 0) == 0 && key.size() > 4)
            candidate = "ISO-8859-" + key.substr(4);  // 88591 -> ISO-8859-1
        else if (n >= 28591 && n <= 28599)
            candidate = "ISO-8859-" + std::to_string(n - 28590);
        else if (n == 28605)
            candidate = "ISO-8859-15";
        else
            candidate = "CP" + key;  // 1258, 1252, 437, 936...
    } else if (key.rfind("8859", 0) == 0 && key.size() > 4) {
        candidate = "ISO-8859-" + key.substr(4);
    } else {
        candidate = text;
    }
    return canonical_encoding_name(candidate);
}

std::string encoding_from_ldid(std::uint8_t ldid) {
    // dBASE language driver ids as listed by ESRI (ArcPad "Specifying the codepage of a
    // shapefile") and Visual FoxPro, and as read by GDAL's shapefile driver. Kamenický (895,
    // id 0x68) and Mazovia (620, id 0x69) and Mac Greek (id 0x98) have no iconv converter.
    switch (ldid) {
        case 0x01: case 0x09: case 0x0B: case 0x0D: case 0x0F: case 0x11: case 0x15:
        case 0x18: case 0x19: case 0x1B:
            return "CP437";
        case 0x02: case 0x0A: case 0x0E: case 0x10: case 0x12: case 0x14: case 0x16:
        case 0x1A: case 0x1D: case 0x25: case 0x37:
            return "CP850";
        case 0x03: case 0x58: case 0x59: return "CP1252";
        case 0x04: return "MACINTOSH";
        case 0x08: case 0x17: case 0x66: return "CP865";
        case 0x13: case 0x7B: return "CP932";
        case 0x1C: case 0x6C: return "CP863";
        case 0x1F: case 0x22: case 0x23: case 0x40: case 0x64: case 0x87: return "CP852";
        case 0x24: return "CP860";
        case 0x26: case 0x65: return "CP866";
        case 0x4D: case 0x7A: return "CP936";
        case 0x4E: case 0x79: return "CP949";
        case 0x4F: case 0x78: return "CP950";
        case 0x50: case 0x7C: return "CP874";
        case 0x57: return "ISO-8859-1";  // "ANSI": GDAL reads it as ISO-8859-1
        case 0x67: return "CP861";
        case 0x6A: case 0x86: return "CP737";
        case 0x6B: case 0x88: return "CP857";
        case 0x7D: return "CP1255";
        case 0x7E: return "CP1256";
        case 0x96: return "MAC-CYRILLIC";
        case 0x97: return "MAC-CENTRALEUROPE";
        case 0xC8: return "CP1250";
        case 0xC9: return "CP1251";
        case 0xCA: return "CP1254";
        case 0xCB: return "CP1253";
        case 0xCC: return "CP1257";
        default: return {};
    }
}

std::string read_dbf_ldid_encoding(const std::string& dbf_path) {
    std::ifstream in(dbf_path, std::ios::binary);
    if (!in) return {};
    char header[32] = {};
    in.read(header, sizeof header);
    if (in.gcount() < 30) return {};
    return encoding_from_ldid(static_cast<std::uint8_t>(header[29]));
}

}  // namespace ntm::io
