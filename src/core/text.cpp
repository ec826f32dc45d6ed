#include "core/text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace ntm {

namespace {

// --- The Vietnamese vowels ---------------------------------------------------------------
// One row per vowel, columns in VnTone order: level, grave (huyền), acute (sắc), hook above
// (hỏi), tilde (ngã), dot below (nặng). Lower case first, then upper case.
struct VowelRow {
    char base;
    VnMark mark;
    char32_t lower[6];
    char32_t upper[6];
};

constexpr VowelRow kVowels[] = {
    {'a', VnMark::none,  // a à á ả ã ạ
     {0x0061, 0x00E0, 0x00E1, 0x1EA3, 0x00E3, 0x1EA1},
     {0x0041, 0x00C0, 0x00C1, 0x1EA2, 0x00C3, 0x1EA0}},
    {'a', VnMark::breve,  // ă ằ ắ ẳ ẵ ặ
     {0x0103, 0x1EB1, 0x1EAF, 0x1EB3, 0x1EB5, 0x1EB7},
     {0x0102, 0x1EB0, 0x1EAE, 0x1EB2, 0x1EB4, 0x1EB6}},
    {'a', VnMark::circumflex,  // â ầ ấ ẩ ẫ ậ
     {0x00E2, 0x1EA7, 0x1EA5, 0x1EA9, 0x1EAB, 0x1EAD},
     {0x00C2, 0x1EA6, 0x1EA4, 0x1EA8, 0x1EAA, 0x1EAC}},
    {'e', VnMark::none,  // e è é ẻ ẽ ẹ
     {0x0065, 0x00E8, 0x00E9, 0x1EBB, 0x1EBD, 0x1EB9},
     {0x0045, 0x00C8, 0x00C9, 0x1EBA, 0x1EBC, 0x1EB8}},
    {'e', VnMark::circumflex,  // ê ề ế ể ễ ệ
     {0x00EA, 0x1EC1, 0x1EBF, 0x1EC3, 0x1EC5, 0x1EC7},
     {0x00CA, 0x1EC0, 0x1EBE, 0x1EC2, 0x1EC4, 0x1EC6}},
    {'i', VnMark::none,  // i ì í ỉ ĩ ị
     {0x0069, 0x00EC, 0x00ED, 0x1EC9, 0x0129, 0x1ECB},
     {0x0049, 0x00CC, 0x00CD, 0x1EC8, 0x0128, 0x1ECA}},
    {'o', VnMark::none,  // o ò ó ỏ õ ọ
     {0x006F, 0x00F2, 0x00F3, 0x1ECF, 0x00F5, 0x1ECD},
     {0x004F, 0x00D2, 0x00D3, 0x1ECE, 0x00D5, 0x1ECC}},
    {'o', VnMark::circumflex,  // ô ồ ố ổ ỗ ộ
     {0x00F4, 0x1ED3, 0x1ED1, 0x1ED5, 0x1ED7, 0x1ED9},
     {0x00D4, 0x1ED2, 0x1ED0, 0x1ED4, 0x1ED6, 0x1ED8}},
    {'o', VnMark::horn,  // ơ ờ ớ ở ỡ ợ
     {0x01A1, 0x1EDD, 0x1EDB, 0x1EDF, 0x1EE1, 0x1EE3},
     {0x01A0, 0x1EDC, 0x1EDA, 0x1EDE, 0x1EE0, 0x1EE2}},
    {'u', VnMark::none,  // u ù ú ủ ũ ụ
     {0x0075, 0x00F9, 0x00FA, 0x1EE7, 0x0169, 0x1EE5},
     {0x0055, 0x00D9, 0x00DA, 0x1EE6, 0x0168, 0x1EE4}},
    {'u', VnMark::horn,  // ư ừ ứ ử ữ ự
     {0x01B0, 0x1EEB, 0x1EE9, 0x1EED, 0x1EEF, 0x1EF1},
     {0x01AF, 0x1EEA, 0x1EE8, 0x1EEC, 0x1EEE, 0x1EF0}},
    {'y', VnMark::none,  // y ỳ ý ỷ ỹ ỵ
     {0x0079, 0x1EF3, 0x00FD, 0x1EF7, 0x1EF9, 0x1EF5},
     {0x0059, 0x1EF2, 0x00DD, 0x1EF6, 0x1EF8, 0x1EF4}},
};

constexpr char32_t kSmallDStroke = 0x0111;    // đ
constexpr char32_t kCapitalDStroke = 0x0110;  // Đ

struct LetterEntry {
    char32_t cp;
    VnLetter letter;
};

// All letters sorted by code point, for split_vietnamese_letter.
const std::vector<LetterEntry>& letter_index() {
    static const std::vector<LetterEntry> index = [] {
        std::vector<LetterEntry> v;
        for (const VowelRow& row : kVowels) {
            for (int tone = 0; tone < 6; ++tone) {
                for (bool upper : {false, true}) {
                    VnLetter l;
                    l.base = row.base;
                    l.mark = row.mark;
                    l.tone = static_cast<VnTone>(tone);
                    l.upper = upper;
                    v.push_back({upper ? row.upper[tone] : row.lower[tone], l});
                }
            }
        }
        VnLetter d;
        d.base = 'd';
        d.mark = VnMark::stroke;
        v.push_back({kSmallDStroke, d});
        d.upper = true;
        v.push_back({kCapitalDStroke, d});
        std::sort(v.begin(), v.end(),
                  [](const LetterEntry& a, const LetterEntry& b) { return a.cp < b.cp; });
        return v;
    }();
    return index;
}

// --- Folding of other Latin letters to their base ------------------------------------------
// Ranges of code points that fold to the same ASCII string (written from the Unicode charts).
struct FoldRange {
    char32_t first, last;
    const char* base;
};

constexpr FoldRange kLatinFolds[] = {
    // Latin-1 Supplement
    {0x00C0, 0x00C5, "a"}, {0x00C6, 0x00C6, "ae"}, {0x00C7, 0x00C7, "c"},
    {0x00C8, 0x00CB, "e"}, {0x00CC, 0x00CF, "i"}, {0x00D0, 0x00D0, "d"},
    {0x00D1, 0x00D1, "n"}, {0x00D2, 0x00D6, "o"}, {0x00D8, 0x00D8, "o"},
    {0x00D9, 0x00DC, "u"}, {0x00DD, 0x00DD, "y"}, {0x00DE, 0x00DE, "th"},
    {0x00DF, 0x00DF, "ss"}, {0x00E0, 0x00E5, "a"}, {0x00E6, 0x00E6, "ae"},
    {0x00E7, 0x00E7, "c"}, {0x00E8, 0x00EB, "e"}, {0x00EC, 0x00EF, "i"},
    {0x00F0, 0x00F0, "d"}, {0x00F1, 0x00F1, "n"}, {0x00F2, 0x00F6, "o"},
    {0x00F8, 0x00F8, "o"}, {0x00F9, 0x00FC, "u"}, {0x00FD, 0x00FD, "y"},
    {0x00FE, 0x00FE, "th"}, {0x00FF, 0x00FF, "y"},
    // Latin Extended-A
    {0x0100, 0x0105, "a"}, {0x0106, 0x010D, "c"}, {0x010E, 0x0111, "d"},
    {0x0112, 0x011B, "e"}, {0x011C, 0x0123, "g"}, {0x0124, 0x0127, "h"},
    {0x0128, 0x0131, "i"}, {0x0132, 0x0133, "ij"}, {0x0134, 0x0135, "j"},
    {0x0136, 0x0138, "k"}, {0x0139, 0x0142, "l"}, {0x0143, 0x014B, "n"},
    {0x014C, 0x0151, "o"}, {0x0152, 0x0153, "oe"}, {0x0154, 0x0159, "r"},
    {0x015A, 0x0161, "s"}, {0x0162, 0x0167, "t"}, {0x0168, 0x0173, "u"},
    {0x0174, 0x0175, "w"}, {0x0176, 0x0178, "y"}, {0x0179, 0x017E, "z"},
    {0x017F, 0x017F, "s"},
    // Latin Extended-B: the obvious ones (African D looks like Đ in some fonts)
    {0x0180, 0x0181, "b"}, {0x0189, 0x018A, "d"}, {0x0191, 0x0192, "f"},
    {0x0197, 0x0197, "i"}, {0x019A, 0x019A, "l"}, {0x019F, 0x01A1, "o"},
    {0x01AF, 0x01B0, "u"}, {0x01B5, 0x01B6, "z"}, {0x01CD, 0x01CE, "a"},
    {0x01CF, 0x01D0, "i"}, {0x01D1, 0x01D2, "o"}, {0x01D3, 0x01DC, "u"},
    {0x01DE, 0x01E1, "a"}, {0x01E2, 0x01E3, "ae"}, {0x01E4, 0x01E7, "g"},
    {0x01E8, 0x01E9, "k"}, {0x01EA, 0x01ED, "o"}, {0x01F0, 0x01F0, "j"},
    {0x01F4, 0x01F5, "g"}, {0x01F8, 0x01F9, "n"}, {0x01FA, 0x01FB, "a"},
    {0x01FC, 0x01FD, "ae"}, {0x01FE, 0x01FF, "o"}, {0x0200, 0x0203, "a"},
    {0x0204, 0x0207, "e"}, {0x0208, 0x020B, "i"}, {0x020C, 0x020F, "o"},
    {0x0210, 0x0213, "r"}, {0x0214, 0x0217, "u"}, {0x0218, 0x0219, "s"},
    {0x021A, 0x021B, "t"}, {0x021E, 0x021F, "h"}, {0x0226, 0x0227, "a"},
    {0x0228, 0x0229, "e"}, {0x022A, 0x0231, "o"}, {0x0232, 0x0233, "y"},
    // Latin Extended Additional before the Vietnamese part (U+1EA0..U+1EF9 is handled by the
    // vowel table): capital/small pairs of a base letter with a dot, line, hook... below/above.
    {0x1E00, 0x1E01, "a"}, {0x1E02, 0x1E07, "b"}, {0x1E08, 0x1E09, "c"},
    {0x1E0A, 0x1E13, "d"}, {0x1E14, 0x1E1D, "e"}, {0x1E1E, 0x1E1F, "f"},
    {0x1E20, 0x1E21, "g"}, {0x1E22, 0x1E2B, "h"}, {0x1E2C, 0x1E2F, "i"},
    {0x1E30, 0x1E35, "k"}, {0x1E36, 0x1E3D, "l"}, {0x1E3E, 0x1E43, "m"},
    {0x1E44, 0x1E4B, "n"}, {0x1E4C, 0x1E53, "o"}, {0x1E54, 0x1E57, "p"},
    {0x1E58, 0x1E5F, "r"}, {0x1E60, 0x1E69, "s"}, {0x1E6A, 0x1E71, "t"},
    {0x1E72, 0x1E7B, "u"}, {0x1E7C, 0x1E7F, "v"}, {0x1E80, 0x1E89, "w"},
    {0x1E8A, 0x1E8D, "x"}, {0x1E8E, 0x1E8F, "y"}, {0x1E90, 0x1E95, "z"},
    {0x1E96, 0x1E96, "h"}, {0x1E97, 0x1E97, "t"}, {0x1E98, 0x1E98, "w"},
    {0x1E99, 0x1E99, "y"}, {0x1E9A, 0x1E9A, "a"}, {0x1E9B, 0x1E9D, "s"},
    {0x1E9E, 0x1E9E, "ss"},
};

const char* latin_fold(char32_t cp) {
    // kLatinFolds is sorted by first code point.
    const FoldRange* begin = std::begin(kLatinFolds);
    const FoldRange* end = std::end(kLatinFolds);
    const FoldRange* it = std::upper_bound(
        begin, end, cp, [](char32_t c, const FoldRange& r) { return c < r.first; });
    if (it == begin) return nullptr;
    --it;
    return cp <= it->last ? it->base : nullptr;
}

bool is_combining_mark(char32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
           (cp >= 0xFE20 && cp <= 0xFE2F);
}

bool is_ascii_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

// --- UTF-8 -------------------------------------------------------------------------------

bool next_code_point(std::string_view s, std::size_t& pos, char32_t& cp) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char b0 = byte(pos);
    if (b0 < 0x80) {
        cp = b0;
        ++pos;
        return true;
    }
    int length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
        value = b0 & 0x1F;
        minimum = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        value = b0 & 0x0F;
        minimum = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        value = b0 & 0x07;
        minimum = 0x10000;
    } else {
        ++pos;
        return false;
    }
    if (pos + length > s.size()) {
        ++pos;
        return false;
    }
    for (int k = 1; k < length; ++k) {
        const unsigned char b = byte(pos + k);
        if ((b & 0xC0) != 0x80) {
            ++pos;
            return false;
        }
        value = (value << 6) | (b & 0x3F);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        ++pos;
        return false;
    }
    cp = value;
    pos += length;
    return true;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

bool is_valid_utf8(std::string_view s) {
    std::size_t pos = 0;
    char32_t cp = 0;
    while (pos < s.size()) {
        if (!next_code_point(s, pos, cp)) return false;
    }
    return true;
}

bool is_space_code_point(char32_t cp) {
    if (cp < 0x80) return is_ascii_space(static_cast<unsigned char>(cp));
    return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

// --- Vietnamese letters ------------------------------------------------------------------

bool split_vietnamese_letter(char32_t cp, VnLetter& out) {
    const auto& index = letter_index();
    const auto it = std::lower_bound(index.begin(), index.end(), cp,
                                     [](const LetterEntry& e, char32_t c) { return e.cp < c; });
    if (it == index.end() || it->cp != cp) return false;
    out = it->letter;
    return true;
}

char32_t compose_vietnamese_letter(const VnLetter& letter) {
    if (letter.base == 'd') {
        if (letter.mark != VnMark::stroke || letter.tone != VnTone::level) return 0;
        return letter.upper ? kCapitalDStroke : kSmallDStroke;
    }
    const auto tone = static_cast<std::size_t>(letter.tone);
    if (tone >= 6) return 0;
    for (const VowelRow& row : kVowels) {
        if (row.base == letter.base && row.mark == letter.mark)
            return letter.upper ? row.upper[tone] : row.lower[tone];
    }
    return 0;
}

// --- Public helpers ----------------------------------------------------------------------

std::string trim(std::string_view s) {
    std::size_t begin = 0;
    while (begin < s.size()) {
        std::size_t pos = begin;
        char32_t cp = 0;
        if (!next_code_point(s, pos, cp) || !is_space_code_point(cp)) break;
        begin = pos;
    }
    // From the end: step back over UTF-8 continuation bytes to the start of each code point.
    std::size_t end = s.size();
    while (end > begin) {
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
        std::size_t pos = start;
        char32_t cp = 0;
        if (!next_code_point(s, pos, cp) || pos != end || !is_space_code_point(cp)) break;
        end = start;
    }
    return std::string(s.substr(begin, end - begin));
}

std::string fold_eth_to_d(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c == 0xC3 && i + 1 < utf8.size()) {
            const auto next = static_cast<unsigned char>(utf8[i + 1]);
            if (next == 0x90) {  // U+00D0 -> U+0110
                out += "\xC4\x90";
                ++i;
                continue;
            }
            if (next == 0xB0) {  // U+00F0 -> U+0111
                out += "\xC4\x91";
                ++i;
                continue;
            }
        }
        out.push_back(static_cast<char>(c));
    }
    return out;
}

std::string fold_search_key(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    bool pending_space = false;
    const auto emit = [&](std::string_view piece) {
        if (pending_space && !out.empty()) out.push_back(' ');
        pending_space = false;
        out.append(piece.data(), piece.size());
    };
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        char32_t cp = 0;
        if (!next_code_point(utf8, pos, cp)) continue;  // invalid bytes are dropped
        if (cp < 0x80) {
            const auto c = static_cast<unsigned char>(cp);
            if (is_ascii_space(c)) {
                pending_space = true;
            } else if (c >= 'A' && c <= 'Z') {
                const char lower = static_cast<char>(c - 'A' + 'a');
                emit(std::string_view(&lower, 1));
            } else if (c >= 0x20 && c != 0x7F) {
                const char ch = static_cast<char>(c);
                emit(std::string_view(&ch, 1));
            }  // other control characters are dropped
            continue;
        }
        if (is_space_code_point(cp)) {
            pending_space = true;
            continue;
        }
        if (is_combining_mark(cp)) continue;
        VnLetter letter;
        if (split_vietnamese_letter(cp, letter)) {
            emit(std::string_view(&letter.base, 1));
            continue;
        }
        if (const char* base = latin_fold(cp)) {
            emit(base);
            continue;
        }
        std::string other;
        append_utf8(other, cp);
        emit(other);
    }
    return out;
}

std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

std::string json_quote(std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + "\"";
}

}  // namespace ntm
