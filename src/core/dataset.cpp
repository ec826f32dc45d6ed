#include "core/dataset.h"

#include <algorithm>

#include "core/format.h"

namespace ntm {

const char* grouping_id(Grouping g) {
    switch (g) {
        case Grouping::Province: return "province";
        case Grouping::None: return "none";
        case Grouping::District: break;
    }
    return "district";
}

Grouping grouping_from_id(const std::string& id) {
    if (id == "province") return Grouping::Province;
    if (id == "none") return Grouping::None;
    return Grouping::District;
}

int Dataset::criteria_index_on(Date date) const {
    if (criteria_sets.empty()) return -1;
    for (size_t i = 0; i < criteria_sets.size(); ++i)
        if (criteria_sets[i].in_force(date)) return static_cast<int>(i);
    // Outside every period: before the first set, the first; otherwise the latest begun.
    int best = 0;
    for (size_t i = 0; i < criteria_sets.size(); ++i)
        if (criteria_sets[i].valid_from <= date) best = static_cast<int>(i);
    return best;
}

std::vector<int> Dataset::numbering_chains() const {
    std::vector<int> chain(criteria_sets.size());
    for (size_t k = 0; k < criteria_sets.size(); ++k) {
        const bool same = k > 0 && criteria_sets[k].continues_previous &&
                          criteria_sets[k].size() == criteria_sets[k - 1].size();
        chain[k] = same ? chain[k - 1] : static_cast<int>(k);
    }
    return chain;
}

const CriteriaSet& Dataset::criteria_set(int index) const {
    static const CriteriaSet empty;
    return index < 0 || index >= int(criteria_sets.size()) ? empty : criteria_sets[index];
}

const CriteriaSet& Dataset::criteria_on(Date date) const { return criteria_set(criteria_index_on(date)); }

int Dataset::version_on(Date date) const {
    if (versions.empty()) return 0;
    for (size_t i = 0; i < versions.size(); ++i)
        if (versions[i].in_force(date)) return static_cast<int>(i);
    // In a gap or outside all versions: the latest version begun by then, else the earliest.
    int best = -1;
    for (size_t i = 0; i < versions.size(); ++i)
        if (versions[i].valid_from && *versions[i].valid_from <= date &&
            (best < 0 || *versions[i].valid_from > *versions[best].valid_from))
            best = static_cast<int>(i);
    if (best >= 0) return best;
    int earliest = 0;
    for (size_t i = 0; i < versions.size(); ++i)
        if (!versions[i].valid_from ||
            (versions[earliest].valid_from && *versions[i].valid_from < *versions[earliest].valid_from))
            earliest = static_cast<int>(i);
    return earliest;
}

bool Dataset::in_force(int unit, Date date) const {
    return versions.size() <= 1 || units[unit].version == version_on(date);
}

void Dataset::reindex() {
    code_index_.clear();
    for (size_t i = 0; i < units.size(); ++i) code_index_[units[i].code].push_back(static_cast<int>(i));
}

std::vector<int> Dataset::units_with_code(const std::string& code) const {
    const auto it = code_index_.find(code);
    std::vector<int> out;
    if (it != code_index_.end())
        for (int u : it->second)
            if (u < int(units.size()) && units[u].code == code) out.push_back(u);
    // Not indexed, or units changed since the last reindex(): answer correctly, just slower.
    if (it == code_index_.end() || out.size() != it->second.size()) {
        out.clear();
        for (size_t i = 0; i < units.size(); ++i)
            if (units[i].code == code) out.push_back(static_cast<int>(i));
    }
    return out;
}

int Dataset::find_unit(const std::string& code, Date date) const {
    const std::vector<int> all = units_with_code(code);
    if (all.size() == 1 && versions.size() <= 1) return all[0];
    const int v = version_on(date);
    for (int u : all)
        if (units[u].version == v) return u;
    return -1;
}

int Dataset::find_unit(const std::string& code) const {
    const std::vector<int> all = units_with_code(code);
    if (all.empty()) return -1;
    // The latest version: the one beginning last (open start counts as earliest).
    return *std::max_element(all.begin(), all.end(), [&](int a, int b) {
        const auto& va = versions[units[a].version].valid_from;
        const auto& vb = versions[units[b].version].valid_from;
        if (!va || !vb) return !va && vb;
        return *va < *vb;
    });
}

std::vector<int> Dataset::predecessors(int unit) const {
    std::vector<int> out;
    for (const LineageLink& l : lineage)
        if (l.to == unit) out.push_back(l.from);
    return out;
}

std::vector<int> Dataset::successors(int unit) const {
    std::vector<int> out;
    for (const LineageLink& l : lineage)
        if (l.from == unit) out.push_back(l.to);
    return out;
}

static void add_district(std::vector<District>& out, const Unit& u) {
    if (u.district_code.empty() && u.district_name.empty()) return;
    const bool seen = std::any_of(out.begin(), out.end(), [&](const District& d) {
        return u.district_code.empty() ? d.name == u.district_name : d.code == u.district_code;
    });
    if (!seen) out.push_back({u.district_code, u.district_name});
}

std::vector<District> Dataset::districts(Date date) const {
    std::vector<District> out;
    const int v = version_on(date);
    if (!versions.empty() && versions[v].grouping == Grouping::None) return out;
    for (const Unit& u : units)
        if (versions.size() <= 1 || u.version == v) add_district(out, u);
    return out;
}

std::vector<District> Dataset::districts() const {
    std::vector<District> out;
    for (const Unit& u : units)
        if (versions.empty() || versions[u.version].grouping != Grouping::None) add_district(out, u);
    return out;
}

std::optional<Date> Dataset::first_date() const {
    std::optional<Date> d;
    auto take = [&](Date x) { if (!d || x < *d) d = x; };
    for (const Observation& o : observations) take(o.date);
    for (const Recognition& r : recognitions) take(r.date);
    for (const Event& e : events) take(e.start);
    return d;
}

std::optional<Date> Dataset::last_date() const {
    std::optional<Date> d;
    auto take = [&](Date x) { if (!d || x > *d) d = x; };
    for (const Observation& o : observations) take(o.date);
    for (const Recognition& r : recognitions) take(r.date);
    for (const Event& e : events) take(e.end);
    return d;
}

std::optional<Date> Dataset::last_data_date() const {
    std::optional<Date> d;
    auto take = [&](Date x) { if (!d || x > *d) d = x; };
    for (const Observation& o : observations) take(o.date);
    for (const Recognition& r : recognitions) take(r.date);
    return d;
}

Date last_day_of_district_level() { return Date::from_ymd(2025, 6, 30); }

VersionPeriod version_period(const Dataset& dataset, int version) {
    VersionPeriod p;
    if (version < 0 || version >= int(dataset.versions.size())) return p;
    const BoundaryVersion& v = dataset.versions[version];
    p.from = v.valid_from;
    p.to = v.valid_to;
    p.dated = v.valid_from || v.valid_to;
    if (!p.dated && v.grouping == Grouping::District) {
        p.to = last_day_of_district_level();
        p.to_inferred = true;
    }
    return p;
}

Date default_date(const Dataset& dataset) {
    if (auto d = dataset.last_data_date()) return *d;
    if (auto d = dataset.last_date()) return *d;
    const Date today = today_local();
    const VersionPeriod p = version_period(dataset, dataset.version_on(today));
    if (p.to && today > *p.to) return *p.to;
    if (p.from && today < *p.from) return *p.from;
    return today;
}

std::string undated_boundaries_note(const Dataset& dataset, Date date, bool vi) {
    if (dataset.last_data_date() || dataset.versions.empty()) return "";
    const VersionPeriod p = version_period(dataset, dataset.version_on(date));
    if (p.dated) return "";
    std::string note = vi ? "Thời gian hiệu lực của ranh giới không rõ" : "Boundary validity unknown";
    if (p.to_inferred)
        note += vi ? " (có cấp huyện: trước " + format_date(Date{p.to->days + 1}, true) + ")"
                   : " (district level: before " + format_date(Date{p.to->days + 1}, false) + ")";
    return note;
}

}  // namespace ntm
