#pragma once
// Everything the app knows about one province (or any area), without geometry.
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/criteria.h"
#include "core/records.h"
#include "core/unit.h"

namespace ntm {

struct DatasetInfo {
    std::string title;          // "Lạng Sơn"
    std::string province_code;  // "20"
    std::string source;         // shown on every export
    bool illustrative = false;  // demo data: every output says "Dữ liệu minh họa"
    std::optional<Date> boundaries_valid_from;
};

struct District {
    std::string code, name;
};

struct Dataset {
    DatasetInfo info;
    CriteriaSet criteria = criteria_set_2021_2025();
    std::vector<Unit> units;
    std::vector<Observation> observations;
    std::vector<Recognition> recognitions;
    std::vector<Event> events;
    std::vector<ReportedFigure> reported;

    // Index of the unit with this code, or -1.
    int find_unit(const std::string& code) const;
    // Districts in first-seen order of the units (code, or name when there is no code).
    std::vector<District> districts() const;
    // Rebuild the code index after changing `units`.
    void reindex();
    // Earliest and latest dates of observations, recognitions and events (nullopt when none).
    std::optional<Date> first_date() const;
    std::optional<Date> last_date() const;

private:
    std::unordered_map<std::string, int> code_index_;
};

}  // namespace ntm
