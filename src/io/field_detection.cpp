#include "io/field_detection.h"

#include <algorithm>
#include <set>

#include "core/error.h"
#include "core/text.h"

namespace ntm::io {
namespace {

// Field names that commonly carry each role, folded to lower case, most specific first.
const std::vector<std::string> kCodeNames = {"ma_dvhc", "madvhc", "ma_xa", "maxa", "commune_code",
                                             "code", "ma", "commune_id", "id_xa", "xa_id",
                                             "gso_code", "adm3_pcode", "ma_so", "id"};
const std::vector<std::string> kNameNames = {"ten_xa", "tenxa", "ten_dvhc", "ten", "name",
                                             "name_vi", "commune_vn", "commune_name", "xa",
                                             "commune", "ten_day_du", "fullname", "full_name"};
const std::vector<std::string> kKindNames = {"loai", "loai_dvhc", "kind", "type", "cap",
                                             "commune_type", "phan_loai", "level"};
const std::vector<std::string> kDistrictNames = {"ten_huyen", "tenhuyen", "huyen", "district_vn",
                                                 "district_name", "district"};
const std::vector<std::string> kDistrictCodeNames = {"ma_huyen", "mahuyen", "district_code",
                                                     "district_id"};

struct Stats {
    double digits = 0;     // share of non-empty values made only of digits
    double unique = 0;     // distinct / non-empty
    double non_ascii = 0;  // share of values with non-ASCII letters (diacritics)
    double kind_word = 0;  // share that are only a kind word ("Xã", "phuong")
    double prefixed = 0;   // share that start with a kind word and go on ("Xã Liên Hội")
    int non_empty = 0, distinct = 0;
};

Stats stats_of(const FieldColumn& c) {
    Stats s;
    std::set<std::string> distinct;
    int digits = 0, non_ascii = 0, kind_word = 0, prefixed = 0;
    for (const std::string& v : c.values) {
        if (v.empty()) continue;
        ++s.non_empty;
        distinct.insert(v);
        if (std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) ++digits;
        if (std::any_of(v.begin(), v.end(), [](char ch) { return static_cast<unsigned char>(ch) >= 0x80; }))
            ++non_ascii;
        if (kind_from_text(v) != UnitKind::Unknown) {
            if (strip_kind_prefix(v) == trim(v) || strip_kind_prefix(v).empty()) ++kind_word;
            else ++prefixed;
        }
    }
    if (s.non_empty) {
        s.digits = double(digits) / s.non_empty;
        s.unique = double(distinct.size()) / s.non_empty;
        s.non_ascii = double(non_ascii) / s.non_empty;
        s.kind_word = double(kind_word) / s.non_empty;
        s.prefixed = double(prefixed) / s.non_empty;
    }
    s.distinct = static_cast<int>(distinct.size());
    return s;
}

std::string folded_name(const std::string& n) {
    std::string out;
    for (char ch : fold_search_key(n)) out += ch == ' ' || ch == '-' ? '_' : ch;
    return out;
}

bool mentions_province(const std::string& folded) {
    return folded.find("province") != std::string::npos || folded.find("tinh") != std::string::npos;
}

int find_override(const std::vector<FieldColumn>& cols, const std::string& want,
                  const std::string& role, const std::string& source) {
    if (want.empty()) return -1;
    for (size_t i = 0; i < cols.size(); ++i)
        if (fold_search_key(cols[i].name) == fold_search_key(want)) return static_cast<int>(i);
    std::string names;
    for (const FieldColumn& c : cols) names += (names.empty() ? "" : ", ") + c.name;
    throw Error(source + ": no field '" + want + "' for the " + role + " (fields: " + names + ")");
}

// Among fields that pass `fits` and are not `taken`, the best by (text with diacritics before
// plain ASCII when `prefer_diacritics`, then the position of its name in `preferred`).
template <typename Fits>
int pick(const std::vector<FieldColumn>& cols, const std::vector<Stats>& stats,
         const std::vector<std::string>& preferred, Fits fits, const std::vector<int>& taken,
         bool prefer_diacritics = false) {
    int best = -1;
    std::pair<int, size_t> best_key;
    for (size_t i = 0; i < cols.size(); ++i) {
        if (std::find(taken.begin(), taken.end(), int(i)) != taken.end()) continue;
        const std::string f = folded_name(cols[i].name);
        if (mentions_province(f) || !fits(cols[i], stats[i])) continue;
        const std::pair<int, size_t> key{prefer_diacritics && stats[i].non_ascii < 0.3 ? 1 : 0,
                                         std::find(preferred.begin(), preferred.end(), f) - preferred.begin()};
        if (best < 0 || key < best_key) {
            best = static_cast<int>(i);
            best_key = key;
        }
    }
    return best;
}

}  // namespace

FieldRoles detect_fields(const std::vector<FieldColumn>& cols, const FieldOverrides& ov,
                         const std::string& source) {
    std::vector<Stats> stats;
    for (const FieldColumn& c : cols) stats.push_back(stats_of(c));
    FieldRoles r;
    r.code = find_override(cols, ov.code, "unit code", source);
    r.name = find_override(cols, ov.name, "unit name", source);
    r.kind = find_override(cols, ov.kind, "unit kind", source);
    r.district = find_override(cols, ov.district, "district name", source);
    r.district_code = find_override(cols, ov.district_code, "district code", source);

    auto named_in = [](const std::vector<std::string>& list) {
        return [&list](const FieldColumn& c, const Stats&) {
            return std::find(list.begin(), list.end(), folded_name(c.name)) != list.end();
        };
    };
    if (r.code < 0)
        r.code = pick(cols, stats, kCodeNames, [&](const FieldColumn& c, const Stats& s) {
            // Not required unique: a duplicated code must be reported, not make another field the code.
            return named_in(kCodeNames)(c, s) && s.digits > 0.9 && s.unique > 0.5;
        }, {});
    if (r.kind < 0)
        r.kind = pick(cols, stats, kKindNames, [](const FieldColumn&, const Stats& s) {
            return s.kind_word > 0.8;
        }, {r.code});
    // A name-like field whose values carry the kind as a prefix: kind and, if needed, the name.
    r.kind_prefix = pick(cols, stats, kNameNames, [](const FieldColumn&, const Stats& s) {
        return s.prefixed > 0.8 && s.unique > 0.5;
    }, {r.code, r.kind}, true);
    if (r.name < 0)  // names lose their kind prefix later, so a prefixed field is fine
        r.name = pick(cols, stats, kNameNames, [&](const FieldColumn& c, const Stats& s) {
            return named_in(kNameNames)(c, s) && s.digits < 0.1 && s.unique > 0.5;
        }, {r.code, r.kind}, true);
    if (r.name < 0)  // last resort: the most distinct text field with letters
        r.name = pick(cols, stats, {}, [](const FieldColumn& c, const Stats& s) {
            return !c.numeric && s.digits < 0.1 && s.unique > 0.9;
        }, {r.code, r.kind});
    if (r.district < 0)
        r.district = pick(cols, stats, kDistrictNames, [&](const FieldColumn& c, const Stats& s) {
            return named_in(kDistrictNames)(c, s) && s.digits < 0.1;
        }, {r.code, r.name, r.kind}, true);
    if (r.district_code < 0)
        r.district_code = pick(cols, stats, kDistrictCodeNames, [&](const FieldColumn& c, const Stats& s) {
            return named_in(kDistrictCodeNames)(c, s) && s.digits > 0.9;
        }, {r.code});
    // Province names; a field with diacritics ("Lạng Sơn") wins over its ASCII twin ("Lang Son").
    auto has_diacritics = [](const FieldColumn& c) {
        return !c.values.empty() && std::any_of(c.values.front().begin(), c.values.front().end(),
                                                [](char ch) { return static_cast<unsigned char>(ch) >= 0x80; });
    };
    for (size_t i = 0; i < cols.size(); ++i)
        if (mentions_province(folded_name(cols[i].name)) && stats[i].digits < 0.1 && !cols[i].numeric &&
            (r.province < 0 || (has_diacritics(cols[i]) && !has_diacritics(cols[r.province]))))
            r.province = static_cast<int>(i);
    if (r.district < 0 && r.district_code < 0) {
        // Files of the whole country after July 2025 have no districts: their provinces group the
        // units instead (outlines, lists, search), when there is more than one.
        auto province_field = [&](bool digits) {
            for (size_t i = 0; i < cols.size(); ++i) {
                const bool several = stats[i].distinct > 1;
                const bool is_digits = stats[i].digits > 0.9;
                if (mentions_province(folded_name(cols[i].name)) && several && is_digits == digits)
                    return static_cast<int>(i);
            }
            return -1;
        };
        r.district = province_field(false);
        r.district_code = province_field(true);
        r.groups_are_provinces = r.district >= 0 || r.district_code >= 0;
    }
    if (r.code < 0)  // no conventional name: any unique all-digit field
        r.code = pick(cols, stats, {}, [](const FieldColumn&, const Stats& s) {
            return s.digits > 0.99 && s.unique > 0.99;
        }, {r.district_code});
    return r;
}

}  // namespace ntm::io
