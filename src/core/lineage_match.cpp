#include "core/lineage_match.h"

#include <algorithm>
#include <set>

#include "core/name_match.h"
#include "core/text.h"
#include "core/unit.h"

namespace ntm {
namespace {

// Folding lives in core/name_match (shared with the table importer).
std::string fold_letters(std::string_view s) { return fold_name_letters(s); }
std::string fold_name(std::string_view s) { return fold_unit_name(s); }
std::string fold_district(std::string_view s) { return fold_district_name(s); }

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

std::string describe(const Dataset& d, int unit) { return describe_unit(d, unit); }

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
    std::vector<int> old_indices;
    for (const Candidate& c : old_units) old_indices.push_back(c.unit);
    auto closest = [&](const PublishedName& p) { return closest_units(dataset, old_indices, p.name); };
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
