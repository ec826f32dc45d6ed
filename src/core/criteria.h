#pragma once
// Criteria sets are data: a set has its criteria and its bands; nothing assumes 19.
#include <string>
#include <vector>

namespace ntm {

struct Criterion {
    int number = 0;  // 1-based, as in the decision
    std::string name_vi, name_en;
    std::string group_vi, group_en;
};

// A closed integer class [lo, hi] of attained-criteria counts, e.g. 15–18.
struct Band {
    int lo = 0, hi = 0;
    std::string label;  // "19", "15–18" (en dash), ...
    bool contains(int count) const { return count >= lo && count <= hi; }
};

struct CriteriaSet {
    std::string id;       // e.g. "2021-2025"
    std::string name_vi;  // e.g. "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025"
    std::string decision; // e.g. "318/QĐ-TTg"
    std::vector<Criterion> criteria;
    std::vector<Band> bands;  // from the top band (all criteria) down to the lowest

    int size() const { return static_cast<int>(criteria.size()); }
    // Index into bands, or -1 when count is outside 0..size().
    int band_of(int count) const;
    const Criterion* find(int number) const;
};

// Bands derived from the set size N: N | N-4..N-1 | N-9..N-5 | N-14..N-10 | 0..N-15, empty ones dropped.
std::vector<Band> derive_bands(int set_size);

CriteriaSet criteria_set_2021_2025();  // Decision 318/QĐ-TTg, 19 criteria
CriteriaSet criteria_set_2026();       // Decision 51/2025/QĐ-TTg, 10 criteria
// By id ("2021-2025", "2026"); throws ntm::Error for an unknown id.
CriteriaSet criteria_set_by_id(const std::string& id);

}  // namespace ntm
