#include "core/name_match.h"

#include <algorithm>
#include <utility>

#include "core/text.h"
#include "core/unit.h"

namespace ntm {
namespace {

// The Vietnamese combining marks, as NFD writes them (U+0340/U+0341 are the old tone marks NFC
// maps to grave/acute).
bool apply_mark(char32_t cp, VnLetter& l) {
    auto tone = [&](VnTone t) {
        if (l.tone != VnTone::level) return false;
        l.tone = t;
        return true;
    };
    auto mark = [&](VnMark m) {
        if (l.mark != VnMark::none) return false;
        l.mark = m;
        return true;
    };
    switch (cp) {
        case 0x0300: case 0x0340: return tone(VnTone::grave);
        case 0x0301: case 0x0341: return tone(VnTone::acute);
        case 0x0309: return tone(VnTone::hook);
        case 0x0303: return tone(VnTone::tilde);
        case 0x0323: return tone(VnTone::dot_below);
        case 0x0302: return mark(VnMark::circumflex);
        case 0x0306: return mark(VnMark::breve);
        case 0x031B: return mark(VnMark::horn);
        default: return false;
    }
}

// A name folded for comparison: Vietnamese letters composed (the merger list has names in NFD,
// SOURCES.md), lower case, Ð/ð (U+00D0/U+00F0) read as đ, white space collapsed — diacritics
// kept, so "Tân Thành" and "Tân Thanh" stay apart. io/ NFC-normalises with ICU before calling
// us; composing the Vietnamese letters here keeps core correct on its own.
}  // namespace

std::string fold_name_letters(std::string_view s) {
    std::string out;
    bool space = false;
    size_t pos = 0;
    while (pos < s.size()) {
        char32_t cp = 0;
        if (!next_code_point(s, pos, cp)) cp = 0xFFFD;
        if (is_space_code_point(cp)) {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        VnLetter letter;
        if (split_vietnamese_letter(cp, letter)) {
            // Take the combining marks that follow while they make a Vietnamese letter.
            size_t next = pos;
            char32_t mark = 0;
            while (next < s.size()) {
                const size_t at = next;
                if (!next_code_point(s, next, mark)) break;
                VnLetter with = letter;
                if (!apply_mark(mark, with) || !compose_vietnamese_letter(with)) {
                    next = at;
                    break;
                }
                letter = with;
                pos = next;
            }
            letter.upper = false;
            append_utf8(out, compose_vietnamese_letter(letter));
        } else if (cp >= 'A' && cp <= 'Z') {
            out.push_back(static_cast<char>(cp - 'A' + 'a'));
        } else if (cp == 0x0110 || cp == 0x00D0 || cp == 0x00F0) {
            append_utf8(out, 0x0111);  // Đ, Ð, ð -> đ
        } else {
            append_utf8(out, cp);
        }
    }
    return out;
}

// Words folded, and the abbreviation "NT" (nông trường, a state farm) spelt out: the code list
// of March 2025 has "Thị trấn NT Thái Bình" where the merger list has "Thị trấn Nông Trường Thái
// Bình" (langson_units_2025-03.csv / langson_merger_2025-07.csv, row 06616).
// The tone of a word-final "oa", "oe" or "uy" on its second vowel: the old and the new
// orthography place it differently ("Hoà"/"Hòa", "Thuỵ"/"Thụy"), and official lists use both
// (langson_units_2025-07.csv has "Quý Hoà", "Thuỵ Hùng"; the 2025-03 list "Hòa", "Thụy"). The
// letters and marks are the same; only where the tone is written differs.
static std::string tone_on_second_vowel(const std::string& word) {
    std::u32string w;
    size_t pos = 0;
    char32_t cp = 0;
    while (pos < word.size())
        if (next_code_point(word, pos, cp)) w.push_back(cp);
    if (w.size() < 2) return word;
    VnLetter first, second;
    if (!split_vietnamese_letter(w[w.size() - 2], first) || !split_vietnamese_letter(w.back(), second)) return word;
    const bool cluster = first.mark == VnMark::none && second.mark == VnMark::none &&
                         ((first.base == 'o' && (second.base == 'a' || second.base == 'e')) ||
                          (first.base == 'u' && second.base == 'y'));
    // "qu" + y: the u is of the consonant ("quý" is written one way only).
    const bool qu = w.size() >= 3 && (w[w.size() - 3] == 'q');
    if (!cluster || qu || first.tone == VnTone::level || second.tone != VnTone::level) return word;
    second.tone = first.tone;
    first.tone = VnTone::level;
    w[w.size() - 2] = compose_vietnamese_letter(first);
    w.back() = compose_vietnamese_letter(second);
    std::string out;
    for (char32_t c : w) append_utf8(out, c);
    return out;
}

std::string fold_unit_name(std::string_view s) {
    const std::string folded = fold_name_letters(s);
    std::string out;
    size_t start = 0;
    while (start <= folded.size()) {
        size_t end = folded.find(' ', start);
        if (end == std::string::npos) end = folded.size();
        std::string word = folded.substr(start, end - start);
        if (word == "nt" || word == "nt.") word = "nông trường";
        word = tone_on_second_vowel(word);
        if (!word.empty()) out += (out.empty() ? "" : " ") + word;
        start = end + 1;
    }
    return out;
}

// A district name folded and without its type word: "huyện Tràng Định", "Huyện Tràng Định" and
// "Tràng Định" are the same district; so are "thành phố Lạng Sơn" and "TP. Lạng Sơn".
std::string fold_district_name(std::string_view s) {
    std::string d = fold_unit_name(s);
    for (const char* type : {"huyện ", "thành phố ", "thị xã ", "quận ", "tp. ", "tp.", "tp "}) {
        const std::string t = type;
        if (d.rfind(t, 0) == 0) return trim(d.substr(t.size()));
    }
    return d;
}

// Levenshtein distance between two folded names, in code points.
int name_distance(const std::string& a, const std::string& b) {
    auto points = [](const std::string& s) {
        std::u32string out;
        size_t pos = 0;
        char32_t cp = 0;
        while (pos < s.size())
            if (next_code_point(s, pos, cp)) out.push_back(cp);
        return out;
    };
    const std::u32string x = points(a), y = points(b);
    std::vector<int> row(y.size() + 1);
    for (size_t j = 0; j <= y.size(); ++j) row[j] = static_cast<int>(j);
    for (size_t i = 1; i <= x.size(); ++i) {
        int diagonal = row[0];
        row[0] = static_cast<int>(i);
        for (size_t j = 1; j <= y.size(); ++j) {
            const int up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[y.size()];
}

std::string describe_unit(const Dataset& d, int unit) {
    const Unit& u = d.units[unit];
    std::string s = u.full_name() + " (" + u.code;
    if (!u.district_name.empty()) s += ", " + u.district_name;
    return s + ")";
}

std::vector<std::string> closest_units(const Dataset& dataset, const std::vector<int>& units,
                                       const std::string& folded_name, size_t limit) {
    std::vector<std::pair<int, int>> scored;  // (score, unit)
    const std::string key = fold_search_key(folded_name);
    for (int unit : units) {
        const Unit& u = dataset.units[unit];
        const std::string name = fold_unit_name(u.name);
        int score = -1;
        if (name == folded_name) score = 0;
        else if (u.search_key == key || fold_search_key(u.name) == key) score = 1;
        else {
            const int dist = name_distance(name, folded_name);
            if (dist <= std::max<int>(2, static_cast<int>(folded_name.size()) / 8)) score = 1 + dist;
            // One name whole at the start or end of the other ("Tân Thành Công", "Chi Lăng Mới"
            // beside "Tân Thành", "Chi Lăng"): close, after every near spelling.
            const auto whole_in = [](const std::string& part, const std::string& whole) {
                return part.size() + 1 < whole.size() &&
                       ((whole.compare(0, part.size(), part) == 0 && whole[part.size()] == ' ') ||
                        (whole.compare(whole.size() - part.size(), part.size(), part) == 0 &&
                         whole[whole.size() - part.size() - 1] == ' '));
            };
            if (score < 0 && !name.empty() && (whole_in(name, folded_name) || whole_in(folded_name, name)))
                score = 100 + name_distance(name, folded_name);
        }
        if (score >= 0) scored.push_back({score, unit});
    }
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> out;
    for (size_t i = 0; i < scored.size() && i < limit; ++i) out.push_back(describe_unit(dataset, scored[i].second));
    return out;
}

}  // namespace ntm
