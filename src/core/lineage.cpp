#include "core/lineage.h"

#include "core/format.h"

namespace ntm {

std::optional<Formation> formation(const Dataset& dataset, const AttainmentIndex& index, int unit) {
    Formation f;
    bool any = false;
    for (const LineageLink& l : dataset.lineage) {
        if (l.to != unit) continue;
        any = true;
        f.date = l.date;
        const Date before{l.date.days - 1};
        PredecessorState p{l.from, index.state(l.from, before)};
        if (dataset.units[l.from].assessed()) {
            ++f.xa;
            const CriteriaSet& set = dataset.criteria_set(p.before.criteria_set);
            if (p.before.has_data && p.before.count == set.size()) ++f.xa_at_standard;
        }
        f.predecessors.push_back(std::move(p));
    }
    if (!any) return std::nullopt;
    return f;
}

std::vector<LineageStep> successors_of(const Dataset& dataset, int unit) {
    std::vector<LineageStep> out;
    for (const LineageLink& l : dataset.lineage)
        if (l.from == unit) out.push_back({l.to, l.date});
    return out;
}

std::string lineage_name(const Dataset& dataset, int unit, bool full) {
    const Unit& u = dataset.units[unit];
    std::string name = full ? u.full_name() : u.name;
    // Ambiguous within its version (two Xã Hồng Thái in two districts): name the district. Names
    // compare with their diacritics (Tân Thành is not Tân Thanh).
    int same = 0;
    for (const Unit& other : dataset.units)
        if (other.version == u.version && other.name == u.name && other.kind == u.kind) ++same;
    if (same > 1 && !u.district_name.empty()) {
        std::string district = u.district_name;
        // "Huyện Cao Lộc" -> "huyện Cao Lộc", as the published lists write it.
        for (const char* type : {"Huyện ", "Thành phố ", "Thị xã "})
            if (district.rfind(type, 0) == 0) {
                const std::string t = type;
                district = char(t[0] - 'A' + 'a') + t.substr(1) + district.substr(t.size());
            }
        name += " (" + district + ")";
    }
    return name;
}

std::string describe_formation(const Dataset& dataset, const Formation& f, bool vi) {
    std::string names;
    for (size_t i = 0; i < f.predecessors.size(); ++i)
        names += (i ? ", " : "") + lineage_name(dataset, f.predecessors[i].unit, true);
    std::string out = vi ? "Hình thành ngày " + format_date(f.date, true) + " từ " + names
                         : "Formed on " + format_date(f.date, false) + " from " + names;
    if (f.xa > 0) {
        const Date before{f.date.days - 1};
        out += vi ? "; " + std::to_string(f.xa_at_standard) + "/" + std::to_string(f.xa) +
                        " xã đạt chuẩn ngày " + format_date(before, true)
                  : "; " + std::to_string(f.xa_at_standard) + " of " + std::to_string(f.xa) +
                        " xã at standard on " + format_date(before, false);
    }
    return out;
}

std::string describe_successors(const Dataset& dataset, const std::vector<LineageStep>& s, bool vi) {
    if (s.empty()) return "";
    std::string names;
    for (size_t i = 0; i < s.size(); ++i) names += (i ? ", " : "") + lineage_name(dataset, s[i].unit, true);
    return vi ? "Sáp nhập vào " + names + " từ ngày " + format_date(s.front().date, true)
              : "Part of " + names + " from " + format_date(s.front().date, false);
}

}  // namespace ntm
