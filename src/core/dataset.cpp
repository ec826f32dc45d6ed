#include "core/dataset.h"

#include <algorithm>

namespace ntm {

int Dataset::find_unit(const std::string& code) const {
    const auto it = code_index_.find(code);
    if (it != code_index_.end() && it->second < int(units.size()) && units[it->second].code == code)
        return it->second;
    // Not indexed, or units changed since the last reindex(): answer correctly, just slower.
    for (size_t i = 0; i < units.size(); ++i)
        if (units[i].code == code) return static_cast<int>(i);
    return -1;
}

void Dataset::reindex() {
    code_index_.clear();
    for (size_t i = 0; i < units.size(); ++i)
        code_index_.emplace(units[i].code, static_cast<int>(i));
}

std::vector<District> Dataset::districts() const {
    std::vector<District> out;
    for (const Unit& u : units) {
        if (u.district_code.empty() && u.district_name.empty()) continue;
        const bool seen = std::any_of(out.begin(), out.end(), [&](const District& d) {
            return u.district_code.empty() ? d.name == u.district_name
                                           : d.code == u.district_code;
        });
        if (!seen) out.push_back({u.district_code, u.district_name});
    }
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

}  // namespace ntm
