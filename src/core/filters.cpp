#include "core/filters.h"

#include <algorithm>

#include "core/text.h"

namespace ntm {

namespace {

template <class T>
bool listed(const std::vector<T>& values, const T& v) {
    return std::find(values.begin(), values.end(), v) != values.end();
}

// "huyen cao loc" -> "cao loc": the folded name without its district-level type word.
std::string strip_district_type(const std::string& folded) {
    static const char* kTypes[] = {"huyen ", "thanh pho ", "thi xa ", "quan ", "tp. ", "tp "};
    for (const char* t : kTypes) {
        const std::string type = t;
        if (folded.size() > type.size() && folded.compare(0, type.size(), type) == 0)
            return folded.substr(type.size());
    }
    return folded;
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
    return out;
}

}  // namespace

bool UnitFilterSpec::empty() const {
    return districts.empty() && kinds.empty() && bands.empty() && levels.empty() && tags.empty() &&
           groups.empty() && missing.empty();
}

void UnitFilterSpec::clear() { *this = UnitFilterSpec{}; }

bool operator==(const UnitFilterSpec& a, const UnitFilterSpec& b) {
    return a.districts == b.districts && a.kinds == b.kinds && a.bands == b.bands &&
           a.levels == b.levels && a.tags == b.tags && a.groups == b.groups && a.missing == b.missing &&
           a.missing_all == b.missing_all;
}

bool UnitFilterSpec::matches(const Dataset& dataset, const std::vector<UnitState>& states,
                             int unit) const {
    if (unit < 0 || unit >= static_cast<int>(dataset.units.size())) return false;
    const Unit& u = dataset.units[unit];
    if (!districts.empty() && !listed(districts, district_key(u))) return false;
    if (!kinds.empty() && !listed(kinds, u.kind)) return false;
    if (!groups.empty() && !listed(groups, u.commune_group)) return false;
    if (!tags.empty() &&
        std::none_of(tags.begin(), tags.end(), [&](const std::string& t) { return listed(u.tags, t); }))
        return false;
    if (bands.empty() && levels.empty() && missing.empty()) return true;

    // The assessment facets.
    if (!u.assessed() || unit >= static_cast<int>(states.size())) return false;
    const UnitState& st = states[unit];
    if (!bands.empty() && (st.band < 0 || !listed(bands, st.band))) return false;
    if (!levels.empty() && !listed(levels, st.level)) return false;
    if (!missing.empty()) {
        if (!st.has_data) return false;
        auto misses = [&](int number) {
            return number >= 1 && number <= static_cast<int>(st.met.size()) && !st.met[number - 1];
        };
        const bool ok = missing_all ? std::all_of(missing.begin(), missing.end(), misses)
                                    : std::any_of(missing.begin(), missing.end(), misses);
        if (!ok) return false;
    }
    return true;
}

std::string UnitFilterSpec::describe(const Dataset& dataset, Date date, bool en) const {
    if (empty()) return en ? "All units" : "Tất cả đơn vị";
    std::vector<std::string> facets;
    auto facet = [&](const char* vi, const char* en_label, const std::vector<std::string>& values) {
        if (!values.empty()) facets.push_back(std::string(en ? en_label : vi) + ": " + join(values, ", "));
    };

    std::vector<std::string> values;
    const std::vector<District> all = dataset.districts();
    for (const std::string& key : districts) {
        auto it = std::find_if(all.begin(), all.end(), [&](const District& d) { return district_key(d) == key; });
        values.push_back(it != all.end() && !it->name.empty() ? it->name : key);
    }
    facet("Huyện/thành phố", "District", values);

    values.clear();
    for (UnitKind k : kinds) values.push_back(en ? kind_name_en(k) : kind_name_vi(k));
    facet("Loại đơn vị", "Kind", values);

    values.clear();
    for (int g : groups)
        values.push_back(g > 0 ? (en ? "group " : "nhóm ") + std::to_string(g) : (en ? "not known" : "chưa rõ"));
    facet("Nhóm xã", "Commune group", values);

    const CriteriaSet& set = dataset.criteria_on(date);
    values.clear();
    for (int b : bands)
        values.push_back(b >= 0 && b < static_cast<int>(set.bands.size()) ? set.bands[b].label : "?");
    if (!values.empty()) values.back() += en ? " criteria" : " tiêu chí";
    facet("Số tiêu chí đạt", "Band", values);

    values.clear();
    for (Level l : levels)
        values.push_back(l == Level::None ? (en ? "not recognised" : "chưa công nhận")
                                          : (en ? level_name_en(l) : level_name_vi(l)));
    facet("Mức công nhận", "Level", values);

    values.clear();
    for (const std::string& t : tags) values.push_back(tag_display_name(t, en));
    facet("Nhãn", "Tag", values);

    values.clear();
    for (int n : missing) {
        const Criterion* c = set.find(n);
        values.push_back(std::to_string(n) + (c ? " " + (en ? c->name_en : c->name_vi) : ""));
    }
    if (missing.size() > 1)
        facet(missing_all ? "Chưa đạt tất cả các tiêu chí" : "Chưa đạt một trong các tiêu chí",
              missing_all ? "Missing all of criteria" : "Missing any of criteria", values);
    else
        facet("Chưa đạt tiêu chí", "Missing criterion", values);
    return join(facets, "; ");
}

std::vector<uint8_t> filter_mask(const UnitFilterSpec& spec, const Dataset& dataset,
                                 const std::vector<UnitState>& states) {
    std::vector<uint8_t> mask(dataset.units.size(), 1);
    if (spec.empty()) return mask;
    for (size_t u = 0; u < mask.size(); ++u) mask[u] = spec.matches(dataset, states, static_cast<int>(u));
    return mask;
}

UnitFilter to_unit_filter(const UnitFilterSpec& spec, const Dataset& dataset,
                          const std::vector<UnitState>& states) {
    if (spec.empty()) return nullptr;
    return [&spec, &dataset, &states](int unit) { return spec.matches(dataset, states, unit); };
}

Summary summarize_filtered(const Dataset& dataset, const std::vector<UnitState>& states, Date date,
                           const UnitFilterSpec& spec) {
    return summarize(dataset, states, date, to_unit_filter(spec, dataset, states));
}

std::string district_key(const Unit& unit) {
    return unit.district_code.empty() ? unit.district_name : unit.district_code;
}

std::string district_key(const District& district) {
    return district.code.empty() ? district.name : district.code;
}

std::optional<District> find_district(const Dataset& dataset, const std::string& text) {
    const std::string wanted = trim(text);
    if (wanted.empty()) return std::nullopt;
    const std::vector<District> all = dataset.districts();
    for (const District& d : all)
        if (!d.code.empty() && d.code == wanted) return d;
    const std::string folded = fold_search_key(wanted);
    for (const District& d : all) {
        const std::string name = fold_search_key(d.name);
        if (!name.empty() && (name == folded || strip_district_type(name) == folded ||
                              strip_district_type(name) == strip_district_type(folded)))
            return d;
    }
    return std::nullopt;
}

std::string tag_display_name(const std::string& tag, bool en) {
    if (tag == "border") return en ? "border commune" : "xã biên giới";
    return tag;
}

}  // namespace ntm
