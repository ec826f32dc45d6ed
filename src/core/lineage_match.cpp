#include "core/lineage_match.h"

#include <algorithm>
#include <set>

#include "core/text.h"
#include "core/unit.h"

namespace ntm {
namespace {

// --- Folding ------------------------------------------------------------------------------

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
std::string fold_letters(std::string_view s) {
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
std::string fold_name(std::string_view s) {
    const std::string folded = fold_letters(s);
    std::string out;
    size_t start = 0;
    while (start <= folded.size()) {
        size_t end = folded.find(' ', start);
        if (end == std::string::npos) end = folded.size();
        std::string word = folded.substr(start, end - start);
        if (word == "nt" || word == "nt.") word = "nông trường";
        if (!word.empty()) out += (out.empty() ? "" : " ") + word;
        start = end + 1;
    }
    return out;
}

// A district name folded and without its type word: "huyện Tràng Định", "Huyện Tràng Định" and
// "Tràng Định" are the same district; so are "thành phố Lạng Sơn" and "TP. Lạng Sơn".
std::string fold_district(std::string_view s) {
    std::string d = fold_name(s);
    for (const char* type : {"huyện ", "thành phố ", "thị xã ", "quận ", "tp. ", "tp.", "tp "}) {
        const std::string t = type;
        if (d.rfind(t, 0) == 0) return trim(d.substr(t.size()));
    }
    return d;
}

// Levenshtein distance between two folded names, in code points.
int distance(const std::string& a, const std::string& b) {
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

// --- One published name -------------------------------------------------------------------

struct PublishedName {
    std::string text;       // as published
    std::string name;       // folded, without type word and qualifier
    UnitKind kind = UnitKind::Unknown;  // from the type word; Unknown when there is none
    std::string district;   // fold_district of the "(huyện …)" qualifier, or ""
};

PublishedName parse_name(const std::string& text) {
    PublishedName p;
    p.text = text;
    // Composed and lower case first, so the type word is found in NFD text too.
    std::string base = fold_letters(text);
    // "Xã Chi Lăng (huyện Tràng Định)": the qualifier names the district.
    if (!base.empty() && base.back() == ')') {
        const size_t open = base.rfind('(');
        if (open != std::string::npos) {
            p.district = fold_district(base.substr(open + 1, base.size() - open - 2));
            base = trim(base.substr(0, open));
        }
    }
    const std::string bare = strip_kind_prefix(base);
    if (bare != base) p.kind = kind_from_text(base);
    p.name = fold_name(bare);
    return p;
}

struct Candidate {
    int unit;
    std::string name;      // fold_name(unit.name)
    std::string district;  // fold_district(unit.district_name)
};

bool same_district(const Candidate& c, const Unit& u, const std::string& qualifier) {
    return c.district == qualifier || (!u.district_code.empty() && fold_name(u.district_code) == qualifier);
}

std::string describe(const Dataset& d, int unit) {
    const Unit& u = d.units[unit];
    std::string s = u.full_name() + " (" + u.code;
    if (!u.district_name.empty()) s += ", " + u.district_name;
    return s + ")";
}

// Where a unit lies above the commune level, for settling ambiguous names.
std::string district_key(const Unit& u) { return u.district_code.empty() ? u.district_name : u.district_code; }

}  // namespace

std::vector<std::string> split_formed_from(const std::string& cell) {
    std::vector<std::string> out;
    std::string current;
    int depth = 0;
    auto flush = [&] {
        std::string t = trim(current);
        if (!t.empty()) out.push_back(std::move(t));
        current.clear();
    };
    for (char c : cell) {
        if (c == '(') ++depth;
        if (c == ')' && depth > 0) --depth;
        // Published lists separate with commas, some with semicolons.
        if ((c == ',' || c == ';') && depth == 0) flush();
        else current.push_back(c);
    }
    flush();
    return out;
}

LineageMatch match_lineage(const Dataset& dataset, const std::vector<MergerRow>& rows, int from_version,
                           int to_version, Date date, const std::string& source) {
    LineageMatch result;
    std::vector<Candidate> old_units;
    for (size_t i = 0; i < dataset.units.size(); ++i) {
        const Unit& u = dataset.units[i];
        if (u.version == from_version)
            old_units.push_back({static_cast<int>(i), fold_name(u.name), fold_district(u.district_name)});
    }
    auto kind_fits = [&](const PublishedName& p, const Unit& u) {
        return p.kind == UnitKind::Unknown || u.kind == UnitKind::Unknown || u.kind == p.kind;
    };
    // The nearest units to a name that found none: same letters but another kind or district,
    // the same name without diacritics (Tân Thanh for Tân Thành), or a spelling a letter or two off.
    auto closest = [&](const PublishedName& p) {
        std::vector<std::pair<int, int>> scored;  // (score, unit)
        const std::string key = fold_search_key(p.name);
        for (const Candidate& c : old_units) {
            const Unit& u = dataset.units[c.unit];
            int score = -1;
            if (c.name == p.name) score = 0;
            else if (u.search_key == key) score = 1;
            else {
                const int dist = distance(c.name, p.name);
                if (dist <= std::max<int>(2, static_cast<int>(p.name.size()) / 8)) score = 1 + dist;
            }
            if (score >= 0) scored.push_back({score, c.unit});
        }
        std::sort(scored.begin(), scored.end());
        std::vector<std::string> out;
        for (size_t i = 0; i < scored.size() && i < 5; ++i) out.push_back(describe(dataset, scored[i].second));
        return out;
    };
    auto problem = [&](size_t row, const std::string& name, std::string reason, std::vector<std::string> candidates = {}) {
        result.problems.push_back({static_cast<int>(row), name, std::move(reason), std::move(candidates)});
    };

    for (size_t r = 0; r < rows.size(); ++r) {
        const MergerRow& row = rows[r];
        // The new unit, by code in the later version (codes are reused: 06196 is Xã Cao Lâu in
        // the earlier version and Xã Ba Sơn in the later one).
        int to = -1;
        for (int u : dataset.units_with_code(row.new_code))
            if (dataset.units[u].version == to_version) to = u;
        if (to < 0) {
            problem(r, row.new_code, "no unit " + row.new_code + " in boundary version '" +
                                         dataset.versions[to_version].id + "'");
            continue;
        }
        if (!row.new_name.empty()) {
            const PublishedName n = parse_name(row.new_name);
            const Unit& u = dataset.units[to];
            if (n.name != fold_name(u.name) || !kind_fits(n, u))
                problem(r, row.new_name, "unit " + u.code + " of boundary version '" +
                                             dataset.versions[to_version].id + "' is " + u.full_name());
        }
        if (row.formed_from.empty()) {
            problem(r, row.new_name.empty() ? row.new_code : row.new_name, "no predecessors listed");
            continue;
        }

        // Each name's units: qualified names in their district only.
        std::vector<PublishedName> names;
        std::vector<std::vector<int>> found;
        for (const std::string& text : row.formed_from) {
            names.push_back(parse_name(text));
            const PublishedName& p = names.back();
            std::vector<int> units;
            for (const Candidate& c : old_units) {
                const Unit& u = dataset.units[c.unit];
                if (c.name == p.name && kind_fits(p, u) && (p.district.empty() || same_district(c, u, p.district)))
                    units.push_back(c.unit);
            }
            found.push_back(std::move(units));
        }
        // An unqualified name found in several districts is settled by where the new unit lies:
        // the districts of the other predecessors that resolved ("Xã Hồng Thái" in 06172, "Xã Hồng
        // Phong" in 06184, SOURCES.md). Settling one may settle another, hence the loop.
        for (bool progress = true; progress;) {
            progress = false;
            std::set<std::string> districts;
            for (const auto& units : found)
                if (units.size() == 1) districts.insert(district_key(dataset.units[units[0]]));
            for (auto& units : found) {
                if (units.size() < 2) continue;
                std::vector<int> here;
                for (int u : units)
                    if (districts.count(district_key(dataset.units[u]))) here.push_back(u);
                if (here.size() == 1) {
                    units = here;
                    progress = true;
                }
            }
        }
        std::set<int> used;
        for (size_t i = 0; i < names.size(); ++i) {
            const PublishedName& p = names[i];
            const std::vector<int>& units = found[i];
            if (units.empty()) {
                problem(r, p.text, p.district.empty() ? "no unit of that name"
                                                      : "no unit of that name in that district",
                        closest(p));
            } else if (units.size() > 1) {
                std::vector<std::string> all;
                for (int u : units) all.push_back(describe(dataset, u));
                problem(r, p.text,
                        std::to_string(units.size()) + " units of that name, and the other predecessors do not "
                        "settle which (qualify it, e.g. \"" + row.formed_from[i] + " (huyện …)\")",
                        all);
            } else if (!used.insert(units[0]).second) {
                problem(r, p.text, "named twice in this row", {describe(dataset, units[0])});
            } else {
                result.links.push_back({units[0], to, date, source});
            }
        }
    }
    return result;
}

}  // namespace ntm
