#pragma once
// Criteria sets are data: a set has its criteria (and their indicators), its bands, the levels a
// commune can be recognised at, and the dates it is in force. Nothing assumes 19.
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/records.h"

namespace ntm {

// One indicator (chỉ tiêu) of a criterion, numbered as in the decision ("2.1", "5.3").
struct Indicator {
    std::string number;
    std::string name_vi, name_en;
};

struct Criterion {
    int number = 0;  // 1-based, as in the decision
    std::string name_vi, name_en;
    std::string group_vi, group_en;
    // Empty when the decision lists the criterion's content without separate indicators, or
    // when they are not carried here. A criterion is met when all its indicators are met.
    std::vector<Indicator> indicators;
};

// A closed integer class [lo, hi] of attained-criteria counts, e.g. 15–18.
struct Band {
    int lo = 0, hi = 0;
    std::string label;  // "19", "15–18" (en dash), ...
    bool contains(int count) const { return count >= lo && count <= hi; }
};

struct CriteriaSet {
    std::string id;        // "2010-2015", "2016-2020", "2021-2025", "2026-2030"
    std::string name_vi;   // "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025"
    std::string name_en;
    std::string decision;  // "318/QĐ-TTg"
    std::string decision_date;  // "08/03/2022", as written on the decision
    Date valid_from;            // first day this set is the one assessed against
    std::optional<Date> valid_to;  // last day; open when it is still in force
    // Criteria numbered as in the previous set, so that set's observations still count for a
    // criterion until it is re-inspected (the 19 criteria kept their numbers in 2016 and 2021).
    bool continues_previous = false;
    bool commune_groups = false;  // thresholds differ by commune group (nhóm 1, 2, 3)
    std::vector<Criterion> criteria;
    std::vector<Band> bands;      // from the top band (all criteria) down to the lowest
    std::vector<Level> levels;    // recognised levels of this period, from the standard up
    int threshold = 0;            // "below N criteria" counted in reports; 0: not reported

    int size() const { return static_cast<int>(criteria.size()); }
    int indicator_count() const;
    // Index into bands, or -1 when count is outside 0..size().
    int band_of(int count) const;
    const Criterion* find(int number) const;
    bool has_level(Level level) const;
    bool in_force(Date date) const {
        return date >= valid_from && (!valid_to || date <= *valid_to);
    }
    std::string short_label_vi() const;  // "Bộ tiêu chí 2021–2025 (19 tiêu chí)"
    std::string short_label_en() const;  // "2021–2025 criteria set (19 criteria)"
};

// Bands derived from the set size N: N | N-4..N-1 | N-9..N-5 | N-14..N-10 | 0..N-15, empty ones dropped.
std::vector<Band> derive_bands(int set_size);
// Bands from explicit lower edges below the top band, e.g. {8, 5, 0} for 10 | 8–9 | 5–7 | 0–4.
std::vector<Band> bands_from_edges(int set_size, const std::vector<int>& lower_edges);

CriteriaSet criteria_set_2010_2015();  // Decision 491/QĐ-TTg, 19 criteria
CriteriaSet criteria_set_2016_2020();  // Decision 1980/QĐ-TTg, 19 criteria
CriteriaSet criteria_set_2021_2025();  // Decision 318/QĐ-TTg, 19 criteria
CriteriaSet criteria_set_2026_2030();  // Decision 51/2025/QĐ-TTg, 10 criteria, 47 indicators
// The national sets in date order, each with the dates it is in force.
std::vector<CriteriaSet> national_criteria_sets();
// By id ("2021-2025", "2026-2030"; "2026" is accepted for the latter); throws ntm::Error.
CriteriaSet criteria_set_by_id(const std::string& id);

}  // namespace ntm
