// The illustrative demo dataset (see demo.h).
//
// How the attainment histories are built (all numbers below are invented, except the published
// figures for 31 July 2020 they are made to reproduce):
//
// * Every xã is assessed in "rounds": a baseline survey in March 2011, a yearly inspection in each
//   district (November, or the dated inspections of August 2023 from the news bulletin), and a
//   province-wide review in July 2020. Each round fixes the set of criteria the xã meets; an
//   Observation is stored for every criterion at the baseline and for every change afterwards.
// * Each xã gets a readiness score (district factor + noise). The score ranks the xã; the rank
//   decides its count at the July 2020 review so that the bands come out exactly as published
//   (51 at 19, 4 at 15–18, 36 at 10–14, 90 at 5–9, 2110 criteria in all: average 11.66).
// * Each xã has its own order in which criteria are attained (easy ones such as electricity
//   first, income, transport and environment last). Its met set in a round is the first
//   `count` criteria of that order, minus the criteria it has lost in that round.
// * Counts rise between fixed points (baseline, year of first reaching all criteria, July 2020,
//   2025) with increments spread over the years, later years weighted more.
// * Losses: a few xã lose a criterion for a year or two before 2020; one xã recognised in 2017
//   lost two criteria in 2019 and is at 17 in July 2020; about a third of the xã at standard in
//   2022 lose one or two of the harder criteria when re-assessed that year (regained in 2023 or
//   2024); five xã lose a criterion for good from 2023 or 2024.
// * Recognitions: Standard when a xã first reaches all criteria (one decision per district and
//   year); Advanced from 2019, Model from 2022, for xã that kept the standard since 2018 or
//   earlier. The xã of Thành phố Lạng Sơn reached the standard by 2018 (the city reports 100 % of
//   its xã at standard from 2018); Đình Lập's xã all reach it by 2025 (its goal of becoming a
//   district at NTM standard in 2025); Liên Hội (Văn Quan), a pilot xã for 2023, reaches it in
//   2023.
#include "core/demo.h"
#include "core/demo_2025.h"
#include "core/random.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/date.h"

namespace ntm::demo {
namespace {

// ---- deterministic randomness -----------------------------------------------------------------

constexpr uint64_t kSeed = 0x4E544D2D4C534E20ull;  // fixed; changing it changes every history



// An independent stream per unit and purpose, so adding a unit does not reshuffle the others.
Rng stream(const std::string& key, uint64_t purpose) {
    Rng mix(kSeed ^ hash_text(key) ^ (purpose * 0xD1B54A32D192ED03ull));
    return Rng(mix.next());
}

// ---- districts --------------------------------------------------------------------------------

struct DistrictInfo {
    const char* code;
    double factor;  // development head start (higher: earlier at standard)
};

// Thành phố Lạng Sơn's factor puts its three xã at the top of the ranking.
const DistrictInfo kDistrictInfo[] = {
    {"178", 10.0}, {"180", 0.45}, {"181", 0.35}, {"182", 0.60}, {"183", 1.00}, {"184", 0.50},
    {"185", 0.65}, {"186", 0.90}, {"187", 0.85}, {"188", 0.70}, {"189", 0.40},
};
constexpr int kDistrictCount = sizeof kDistrictInfo / sizeof kDistrictInfo[0];

int district_index(const std::string& code) {
    for (int i = 0; i < kDistrictCount; ++i)
        if (code == kDistrictInfo[i].code) return i;
    return 0;
}

// "Huyện Tràng Định" -> "huyện Tràng Định", as in the middle of a sentence.
std::string district_in_sentence(const std::string& name) {
    const std::string huyen = "Huyện ", thanh_pho = "Thành phố ";
    if (name.compare(0, huyen.size(), huyen) == 0) return "huyện " + name.substr(huyen.size());
    if (name.compare(0, thanh_pho.size(), thanh_pho) == 0)
        return "thành phố " + name.substr(thanh_pho.size());
    return name;
}

// The six xã merged into neighbours on 1 Dec 2024: no observations or recognitions after that.
const char* const kMergedDec2024[] = {"06007", "06052", "06295", "06301", "06454", "06568"};
Date merge_date() { return Date::from_ymd(2024, 12, 1); }

bool merged_dec_2024(const std::string& code) {
    for (const char* c : kMergedDec2024)
        if (code == c) return true;
    return false;
}

// ---- rounds of assessment ---------------------------------------------------------------------

constexpr int kCriteria = 19;  // the demo uses the 2021–2025 set (19 criteria) throughout
constexpr uint32_t kAll = (1u << kCriteria) - 1;
constexpr int kRounds = 17;
constexpr int kBaseline = 0;        // March 2011 survey
constexpr int kMid2020 = 10;        // July 2020 review (the published figures)
constexpr int kLast = kRounds - 1;  // yearly inspection 2025

// Yearly rounds: 2011..2019 -> 1..9, 2020..2025 -> 11..16.
int round_of_year(int year) { return year <= 2019 ? year - 2010 : year - 2009; }
int year_of_round(int round) {
    if (round == kBaseline) return 2011;
    if (round == kMid2020) return 2020;
    return round < kMid2020 ? round + 2010 : round + 2009;
}

// The inspections of August 2023 reported in bulletin_2023-08_tin-tuc.txt.
struct BulletinInspection {
    const char* district;
    int day;
};
const BulletinInspection kAugust2023[] = {
    {"187", 16}, {"184", 17}, {"189", 18}, {"182", 21}, {"183", 22},
};

const BulletinInspection* august_2023(const std::string& district) {
    for (const BulletinInspection& b : kAugust2023)
        if (district == b.district) return &b;
    return nullptr;
}

// With `before_reform` (the demo that goes on past 1 July 2025), the 2025 round is held in June
// 2025, before the commune-level units it assesses are merged (see demo_2025.cpp); without it, in
// November like every other year.
Date round_date(int round, int district, bool before_reform = false) {
    if (round == kBaseline) return Date::from_ymd(2011, 3, 10 + district);
    if (round == kMid2020) return Date::from_ymd(2020, 7, 10 + district);
    const int year = year_of_round(round);
    if (before_reform && year == 2025) return Date::from_ymd(2025, 6, 2 + 2 * district);
    if (year == 2023)
        if (const BulletinInspection* b = august_2023(kDistrictInfo[district].code))
            return Date::from_ymd(2023, 8, b->day);
    return Date::from_ymd(year, 11, 3 + 2 * district);
}

// The day of a provincial recognition decision of `year` for a district: in December (on
// `december_day` + the district's offset), or, for 2025 `before_reform`, in the last week of June
// 2025 (after that district's June round).
Date recognition_date(int year, int district, int december_day, bool before_reform) {
    if (before_reform && year == 2025) return Date::from_ymd(2025, 6, 23 + (7 * district) / 10);
    return Date::from_ymd(year, 12, december_day);
}

std::string round_source(int round) {
    if (round == kBaseline) return "Minh họa: khảo sát thực trạng năm 2011";
    if (round == kMid2020) return "Minh họa: rà soát tiêu chí tháng 7/2020";
    return "Minh họa: kiểm tra định kỳ " + std::to_string(year_of_round(round));
}

// ---- per-xã plan ------------------------------------------------------------------------------

struct Plan {
    int unit = -1;
    int district = 0;
    double score = 0;
    int c2011 = 0, c2020 = 0, c2025 = 0;   // effective counts at baseline, July 2020, 2025
    int first_standard = -1;               // round where all criteria are first met; -1 never
    bool protect = false;                  // no losses (city xã, advanced/model candidates)
    bool dropped = false;                  // the xã recognised in 2017 that lost two criteria
    std::array<int, kRounds> base{};       // criteria attained (before losses) per round
    std::array<uint32_t, kRounds> lost{};  // criteria lost per round (bit n-1 for criterion n)
    std::array<int, kCriteria> order{};    // criterion numbers in the order they are attained
    Level advanced_or_model = Level::None;

    uint32_t met(int round) const {
        uint32_t mask = 0;
        for (int i = 0; i < base[round]; ++i) mask |= 1u << (order[i] - 1);
        return mask & ~lost[round];
    }
};

uint32_t bit(int criterion) { return 1u << (criterion - 1); }

// Rough difficulty of each criterion (index = number - 1): lower is attained earlier.
const double kDifficulty[kCriteria] = {
    2.5,   // 1 Quy hoạch
    12.0,  // 2 Giao thông
    7.0,   // 3 Thủy lợi và phòng, chống thiên tai
    0.5,   // 4 Điện
    9.0,   // 5 Trường học
    9.5,   // 6 Cơ sở vật chất văn hóa
    8.0,   // 7 Cơ sở hạ tầng thương mại nông thôn
    1.0,   // 8 Thông tin và Truyền thông
    5.0,   // 9 Nhà ở dân cư
    11.5,  // 10 Thu nhập
    10.0,  // 11 Nghèo đa chiều
    6.0,   // 12 Lao động
    10.5,  // 13 Tổ chức sản xuất
    4.0,   // 14 Giáo dục và Đào tạo
    3.5,   // 15 Y tế
    5.5,   // 16 Văn hóa
    11.0,  // 17 Môi trường và an toàn thực phẩm
    2.0,   // 18 Hệ thống chính trị và tiếp cận pháp luật
    1.5,   // 19 Quốc phòng và An ninh
};

std::array<int, kCriteria> attainment_order(Rng& rng) {
    std::array<std::pair<double, int>, kCriteria> keyed;
    for (int i = 0; i < kCriteria; ++i) keyed[i] = {kDifficulty[i] + 4.0 * rng.uniform(), i + 1};
    std::sort(keyed.begin(), keyed.end());
    std::array<int, kCriteria> order{};
    for (int i = 0; i < kCriteria; ++i) order[i] = keyed[i].second;
    return order;
}

// base[from] must be set; fills base[from+1..to] rising to `to_value`, each increment placed in a
// random round (later rounds weighted more, as the programme gathered pace).
void ramp(Rng& rng, Plan& plan, int from, int to, int to_value) {
    const int from_value = plan.base[from];
    for (int r = from + 1; r <= to; ++r) plan.base[r] = from_value;
    if (to <= from) return;
    double total = 0;
    for (int r = from + 1; r <= to; ++r) total += 1.0 + 0.35 * (r - from);
    for (int k = from_value; k < to_value; ++k) {
        double pick = rng.uniform() * total;
        int step = to;
        for (int r = from + 1; r <= to; ++r) {
            pick -= 1.0 + 0.35 * (r - from);
            if (pick < 0) {
                step = r;
                break;
            }
        }
        for (int r = step; r <= to; ++r) ++plan.base[r];
    }
}

// Within-band counts on 31 July 2020 for the ranks below the 55 best, as multisets from the top.
// 10–14: 36 xã, 429 criteria; 5–9: 90 xã, 646 criteria. With 51 × 19 = 969 and 17 + 18 + 16 + 15
// = 66 for the four at 15–18, the province totals 2110 criteria: 2110 / 181 = 11.657 -> 11.66.
const std::pair<int, int> kBand10to14[] = {{14, 6}, {13, 7}, {12, 8}, {11, 8}, {10, 7}};
const std::pair<int, int> kBand5to9[] = {{9, 16}, {8, 22}, {7, 24}, {6, 18}, {5, 10}};

// Years of first reaching the standard for the 51 xã at standard in July 2020 ("2020" means by
// the July 2020 review), and for the xã reaching it later (2020 there means the November round).
const std::pair<int, int> kStandardBy2020[] = {{2013, 2}, {2014, 4}, {2015, 6},  {2016, 7},
                                               {2017, 8}, {2018, 9}, {2019, 10}, {2020, 5}};
const std::pair<int, int> kStandardAfter2020[] = {{2020, 3},  {2021, 10}, {2022, 8},
                                                  {2023, 15}, {2024, 17}, {2025, 15}};
// Advanced and model recognitions per year.
const std::pair<int, int> kAdvanced[] = {{2019, 1}, {2020, 2}, {2021, 2}, {2022, 2},
                                         {2023, 3}, {2024, 3}, {2025, 3}};
const std::pair<int, int> kModel[] = {{2022, 1}, {2024, 1}, {2025, 1}};

const char* const kIllustrativeEvent = detail::kIllustrativeEvent;
const char* const kProvincialOffice = detail::kProvincialOffice;

int decision_number(const std::string& key) {
    Rng rng = stream(key, 7);
    return rng.range(120, 2680);
}

std::string dmy(Date d) {
    return std::to_string(d.day()) + "/" + std::to_string(d.month()) + "/" +
           std::to_string(d.year());
}

// ---- the builder ------------------------------------------------------------------------------

class Builder {
public:
    explicit Builder(bool before_reform) : before_reform_(before_reform) {}
    Dataset build();

private:
    void rank_xa();
    void plan_2020_counts();
    void plan_standard_years();
    void plan_curves();
    void plan_recognised_levels();
    void plan_losses();
    void emit_observations();
    void emit_recognitions();
    void emit_events();
    void emit_reported();

    int find_xa(const std::string& district, const std::string& name) const;
    Plan& plan_of(int unit) { return plans_[plan_index_.at(unit)]; }

    Date round_date(int round, int district) const {
        return demo::round_date(round, district, before_reform_);
    }

    bool before_reform_ = false;
    Dataset ds_;
    std::vector<Plan> plans_;                            // in ranking order after rank_xa()
    std::map<int, size_t> plan_index_;                   // unit index -> index into plans_
    std::vector<std::pair<int, int>> advanced_, model_;  // (unit, year of recognition)
};

int Builder::find_xa(const std::string& district, const std::string& name) const {
    for (size_t i = 0; i < ds_.units.size(); ++i) {
        const Unit& u = ds_.units[i];
        if (u.kind == UnitKind::Xa && u.district_code == district && u.name == name)
            return static_cast<int>(i);
    }
    return -1;
}

void Builder::rank_xa() {
    for (size_t i = 0; i < ds_.units.size(); ++i) {
        const Unit& u = ds_.units[i];
        if (!u.assessed()) continue;
        Plan p;
        p.unit = static_cast<int>(i);
        p.district = district_index(u.district_code);
        Rng rng = stream(u.code, 1);
        p.score = kDistrictInfo[p.district].factor + rng.uniform();
        p.order = attainment_order(rng);
        plans_.push_back(p);
    }
    std::sort(plans_.begin(), plans_.end(), [&](const Plan& a, const Plan& b) {
        if (a.score != b.score) return a.score > b.score;
        return ds_.units[a.unit].code < ds_.units[b.unit].code;
    });
    for (size_t i = 0; i < plans_.size(); ++i) plan_index_[plans_[i].unit] = i;
}

void Builder::plan_2020_counts() {
    // Ranks 0..50: all 19; 51: the dropped xã (17); 52..54: 18, 16, 15; then the multisets.
    size_t rank = 0;
    for (; rank < 51 && rank < plans_.size(); ++rank) plans_[rank].c2020 = kCriteria;
    if (rank < plans_.size()) {
        plans_[rank].c2020 = 17;
        plans_[rank].dropped = true;
        ++rank;
    }
    for (int c : {18, 16, 15})
        if (rank < plans_.size()) plans_[rank++].c2020 = c;
    for (const auto& [count, n] : kBand10to14)
        for (int k = 0; k < n && rank < plans_.size(); ++k) plans_[rank++].c2020 = count;
    for (const auto& [count, n] : kBand5to9)
        for (int k = 0; k < n && rank < plans_.size(); ++k) plans_[rank++].c2020 = count;
    for (; rank < plans_.size(); ++rank) plans_[rank].c2020 = 7;  // only if the unit table grows
}

void Builder::plan_standard_years() {
    // The city's xã: the standard in 2014, 2016 and 2018 (all of them by 2018).
    std::map<int, int> quota(std::begin(kStandardBy2020), std::end(kStandardBy2020));
    const std::pair<const char*, int> city[] = {
        {"Hoàng Đồng", 2014}, {"Mai Pha", 2016}, {"Quảng Lạc", 2018}};
    for (const auto& [name, year] : city) {
        const int unit = find_xa("178", name);
        if (unit < 0) continue;
        Plan& p = plan_of(unit);
        p.first_standard = round_of_year(year);
        p.protect = true;
        --quota[year];
    }
    for (Plan& p : plans_) {
        if (p.c2020 != kCriteria || p.first_standard >= 0) continue;
        for (auto& [year, left] : quota) {
            if (left <= 0) continue;
            --left;
            p.first_standard = year == 2020 ? kMid2020 : round_of_year(year);
            break;
        }
    }
    for (Plan& p : plans_)
        if (p.dropped) p.first_standard = round_of_year(2017);

    // After July 2020: every remaining xã of Đình Lập, Liên Hội (Văn Quan) in 2023, and the most
    // advanced of the others, up to the yearly quotas.
    const int lien_hoi = find_xa("184", "Liên Hội");
    const int dinh_lap = district_index("189");
    struct Candidate {
        Plan* plan;
        double readiness;
        bool forced;
    };
    std::vector<Candidate> candidates;
    for (Plan& p : plans_) {
        if (p.first_standard >= 0) continue;
        Rng rng = stream(ds_.units[p.unit].code, 2);
        const bool forced = p.district == dinh_lap || p.unit == lien_hoi;
        candidates.push_back({&p, p.c2020 + 3.0 * rng.uniform(), forced});
    }
    int total = 0;
    for (const auto& q : kStandardAfter2020) total += q.second;
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) {
                         if (a.forced != b.forced) return a.forced;
                         return a.readiness > b.readiness;
                     });
    if (static_cast<int>(candidates.size()) > total) candidates.resize(total);
    std::stable_sort(
        candidates.begin(), candidates.end(),
        [](const Candidate& a, const Candidate& b) { return a.readiness > b.readiness; });
    std::vector<int> years;
    for (const auto& [year, n] : kStandardAfter2020)
        for (int k = 0; k < n; ++k) years.push_back(year);
    for (size_t i = 0; i < candidates.size(); ++i) {
        Plan& p = *candidates[i].plan;
        // At most about four criteria a year: from c2020 the standard is reachable in
        // 2019 + ceil((19 - c2020) / 4) at the earliest.
        const int earliest = 2019 + (kCriteria - p.c2020 + 3) / 4;
        int year = std::max(years[std::min(i, years.size() - 1)], earliest);
        if (p.unit == lien_hoi) year = 2023;
        if (merged_dec_2024(ds_.units[p.unit].code) && year > 2023) continue;  // merged first
        p.first_standard = round_of_year(std::min(year, 2025));
    }
}

void Builder::plan_curves() {
    for (Plan& p : plans_) {
        Rng rng = stream(ds_.units[p.unit].code, 3);
        const bool by_2020 = p.first_standard >= 0 && p.first_standard <= kMid2020;
        if (by_2020)
            p.c2011 = p.protect ? rng.range(7, 9) : rng.range(3, 8);
        else
            p.c2011 = std::max(1, p.c2020 - 2 - rng.range(0, p.c2020 >= 10 ? 6 : 3));
        p.base[kBaseline] = p.c2011;

        // Up to July 2020.
        if (by_2020) {
            const int fs = p.first_standard;
            const int before = std::max(p.c2011, kCriteria - 1 - rng.range(0, 3));
            ramp(rng, p, kBaseline, fs - 1, before);
            for (int r = fs; r <= kLast; ++r) p.base[r] = kCriteria;
        } else {
            ramp(rng, p, kBaseline, kMid2020, p.c2020);
        }

        // After July 2020.
        if (by_2020) {
            p.c2025 = kCriteria;
        } else if (p.first_standard > kMid2020) {
            const int fs = p.first_standard;
            const int before =
                fs - 1 == kMid2020 ? p.c2020 : std::max(p.c2020, kCriteria - 1 - rng.range(0, 3));
            ramp(rng, p, kMid2020, fs - 1, before);
            for (int r = fs; r <= kLast; ++r) p.base[r] = kCriteria;
            p.c2025 = kCriteria;
        } else {
            p.c2025 = std::min(kCriteria - 1, p.c2020 + 3 + rng.range(0, 6));
            ramp(rng, p, kMid2020, kLast, p.c2025);
        }
    }
}

void Builder::plan_recognised_levels() {
    // Candidates: at standard since 2018 or earlier, the city's first, then by ranking.
    std::vector<Plan*> pool;
    for (const char* name : {"Hoàng Đồng", "Mai Pha", "Quảng Lạc"}) {
        const int unit = find_xa("178", name);
        if (unit >= 0) pool.push_back(&plan_of(unit));
    }
    for (Plan& p : plans_)
        if (!p.dropped && p.first_standard >= 0 && p.first_standard <= round_of_year(2018) &&
            !merged_dec_2024(ds_.units[p.unit].code) &&
            std::find(pool.begin(), pool.end(), &p) == pool.end())
            pool.push_back(&p);
    size_t next = 0;
    for (const auto& [year, n] : kAdvanced)
        for (int k = 0; k < n && next < pool.size(); ++k, ++next) {
            pool[next]->advanced_or_model = Level::Advanced;
            pool[next]->protect = true;
            advanced_.push_back({pool[next]->unit, year});
        }
    // Model: from the advanced xã recognised at least two years before.
    std::vector<bool> used(advanced_.size(), false);
    for (const auto& [year, n] : kModel)
        for (int k = 0; k < n; ++k)
            for (size_t i = 0; i < advanced_.size(); ++i) {
                if (used[i] || advanced_[i].second > year - 2) continue;
                used[i] = true;
                plan_of(advanced_[i].first).advanced_or_model = Level::Model;
                model_.push_back({advanced_[i].first, year});
                break;
            }
}

void Builder::plan_losses() {
    const int r2022 = round_of_year(2022);
    // Five xã lose one of the harder criteria for good, from 2023 (two) or 2024 (three).
    std::vector<std::pair<double, Plan*>> pool;
    for (Plan& p : plans_)
        if (!p.protect && !p.dropped && p.first_standard >= 0 && p.first_standard <= kMid2020)
            pool.push_back({stream(ds_.units[p.unit].code, 5).uniform(), &p});
    std::sort(pool.begin(), pool.end(), [&](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first < b.first;
        return a.second->unit < b.second->unit;
    });
    const int for_good[] = {17, 10, 2, 11, 13};
    std::vector<const Plan*> lost_for_good;
    for (size_t i = 0; i < 5 && i < pool.size(); ++i) {
        Plan& p = *pool[i].second;
        const int from = round_of_year(i < 2 ? 2023 : 2024);
        for (int r = from; r <= kLast; ++r) p.lost[r] |= bit(for_good[i]);
        lost_for_good.push_back(&p);
    }

    const int hard[] = {10, 11, 13, 17, 2};
    for (Plan& p : plans_) {
        if (p.dropped) {
            // Recognised in 2017; income and environment not maintained at the 2019 inspection,
            // still missing at the July 2020 review (17 criteria), regained in 2021.
            for (int r : {round_of_year(2019), kMid2020, round_of_year(2020)})
                p.lost[r] |= bit(10) | bit(17);
            continue;
        }
        if (p.protect) continue;
        Rng rng = stream(ds_.units[p.unit].code, 4);

        // Before 2020: a criterion lost for a year or two, then regained.
        if (rng.chance(0.12)) {
            const int r = rng.range(2, 8);
            if (r != p.first_standard && p.base[r] >= 6) {
                const int criterion = p.order[rng.range(1, p.base[r] - 2)];
                const bool two_years =
                    rng.chance(0.4) && r + 1 < kMid2020 && r + 1 != p.first_standard;
                p.lost[r] |= bit(criterion);
                if (two_years) p.lost[r + 1] |= bit(criterion);
            }
        }

        // 2022: re-assessment of xã at standard; one or two harder criteria lost, regained in
        // 2023 or 2024.
        const bool gone =
            std::find(lost_for_good.begin(), lost_for_good.end(), &p) != lost_for_good.end();
        if (!gone && p.first_standard >= 0 && p.first_standard < r2022 && rng.chance(0.3)) {
            const int n = rng.chance(0.35) ? 2 : 1;
            const int last = r2022 + rng.range(0, 1);
            const int first_pick = rng.range(0, 4);
            for (int k = 0; k < n; ++k) {
                const int criterion = hard[(first_pick + 2 * k) % 5];
                for (int r = r2022; r <= last; ++r) p.lost[r] |= bit(criterion);
            }
        }
    }
}

void Builder::emit_observations() {
    std::vector<const Plan*> by_unit;
    for (const Plan& p : plans_) by_unit.push_back(&p);
    std::sort(by_unit.begin(), by_unit.end(),
              [](const Plan* a, const Plan* b) { return a->unit < b->unit; });
    for (const Plan* p : by_unit) {
        const std::string& code = ds_.units[p->unit].code;
        const bool merged = merged_dec_2024(code);
        const Date merged_on = merge_date();
        uint32_t previous = 0;
        for (int r = 0; r < kRounds; ++r) {
            const uint32_t met = p->met(r);
            const Date date = round_date(r, p->district);
            if (merged && date >= merged_on) break;
            const std::string source = round_source(r);
            for (int c = 1; c <= kCriteria; ++c) {
                const bool now = (met & bit(c)) != 0;
                if (r == kBaseline || now != ((previous & bit(c)) != 0))
                    ds_.observations.push_back({code, c, now, date, source, "", ""});
            }
            previous = met;
        }
    }
}

void Builder::emit_recognitions() {
    struct Batch {
        Level level = Level::Standard;
        int district = 0;
        int year = 0;
        Date date;
        std::vector<int> units;
    };
    std::map<std::tuple<int, int, int>, Batch> batches;  // (level, district, round or year)
    for (const Plan& p : plans_) {
        if (p.first_standard < 0) continue;
        const int year = year_of_round(p.first_standard);
        const Date date = p.first_standard == kMid2020
                              ? Date::from_ymd(2020, 9, 8 + p.district)
                              : recognition_date(year, p.district, 8 + 2 * p.district,
                                                 before_reform_);
        Batch& b = batches[{1, p.district, p.first_standard}];
        b.level = Level::Standard;
        b.district = p.district;
        b.year = year;
        b.date = date;
        b.units.push_back(p.unit);
    }
    auto add_level = [&](const std::vector<std::pair<int, int>>& list, Level level, int day) {
        for (const auto& [unit, year] : list) {
            const int district = plan_of(unit).district;
            Batch& b = batches[{static_cast<int>(level), district, year}];
            b.level = level;
            b.district = district;
            b.year = year;
            b.date = recognition_date(year, district, day + district, before_reform_);
            b.units.push_back(unit);
        }
    };
    add_level(advanced_, Level::Advanced, 15);
    add_level(model_, Level::Model, 17);

    for (auto& [key, b] : batches) {
        std::sort(b.units.begin(), b.units.end());
        const std::string district_code = kDistrictInfo[b.district].code;
        const int number = decision_number(std::to_string(static_cast<int>(b.level)) + "/" +
                                           district_code + "/" + std::to_string(std::get<2>(key)));
        const std::string decision = "Quyết định số " + std::to_string(number) + "/QĐ-UBND ngày " +
                                     dmy(b.date) + " (minh họa)";
        Event e;
        e.start = e.end = b.date;
        e.kind = EventKind::Recognition;
        e.organiser = "UBND tỉnh Lạng Sơn";
        e.district_codes = {district_code};
        const char* what = b.level == Level::Standard   ? "đạt chuẩn nông thôn mới"
                           : b.level == Level::Advanced ? "đạt chuẩn nông thôn mới nâng cao"
                                                        : "đạt chuẩn nông thôn mới kiểu mẫu";
        const std::string district = district_in_sentence(ds_.units[b.units.front()].district_name);
        for (int unit : b.units) {
            const Unit& u = ds_.units[unit];
            ds_.recognitions.push_back({u.code, b.level, b.date, decision});
            e.unit_codes.push_back(u.code);
        }
        if (b.units.size() == 1)
            e.title = "Công nhận xã " + ds_.units[b.units.front()].name + ", " + district + " " +
                      what + " năm " + std::to_string(b.year);
        else
            e.title = "Công nhận " + std::to_string(b.units.size()) + " xã của " + district + " " +
                      what + " năm " + std::to_string(b.year);
        e.source = std::string(kIllustrativeEvent) + "; " + decision;
        ds_.events.push_back(std::move(e));
    }
    std::stable_sort(ds_.recognitions.begin(), ds_.recognitions.end(),
                     [](const Recognition& a, const Recognition& b) {
                         if (a.date != b.date) return a.date < b.date;
                         return a.unit_code < b.unit_code;
                     });
}

void Builder::emit_events() {
    std::vector<std::string> all_districts;
    for (const DistrictInfo& d : kDistrictInfo) all_districts.push_back(d.code);
    auto district_name = [&](int district) {
        for (const Unit& u : ds_.units)
            if (u.district_code == kDistrictInfo[district].code) return u.district_name;
        return std::string();
    };

    // Illustrative: the baseline survey, the July 2020 review and the yearly inspections that the
    // observations are dated by.
    {
        Event e;
        e.start = round_date(kBaseline, 0);
        e.end = round_date(kBaseline, kDistrictCount - 1);
        e.kind = EventKind::Inspection;
        e.organiser = "Ban Chỉ đạo Chương trình xây dựng nông thôn mới tỉnh Lạng Sơn";
        e.district_codes = all_districts;
        e.title = "Khảo sát, đánh giá thực trạng các xã theo Bộ tiêu chí quốc gia về nông thôn mới";
        e.source = kIllustrativeEvent;
        ds_.events.push_back(e);
        e.start = round_date(kMid2020, 0);
        e.end = round_date(kMid2020, kDistrictCount - 1);
        e.organiser = kProvincialOffice;
        e.title =
            "Rà soát, đánh giá mức độ đạt các tiêu chí nông thôn mới của các xã (số liệu báo "
            "cáo tháng 7/2020)";
        ds_.events.push_back(e);
    }
    for (int r = 1; r < kRounds; ++r) {
        if (r == kMid2020) continue;
        const int year = year_of_round(r);
        for (int d = 0; d < kDistrictCount; ++d) {
            if (year == 2023 && august_2023(kDistrictInfo[d].code)) continue;  // in the bulletin
            Event e;
            e.start = e.end = round_date(r, d);
            e.kind = EventKind::Inspection;
            e.organiser = kProvincialOffice;
            e.district_codes = {kDistrictInfo[d].code};
            e.title = "Kiểm tra, đánh giá kết quả thực hiện các tiêu chí nông thôn mới năm " +
                      std::to_string(year) + " trên địa bàn " +
                      district_in_sentence(district_name(d));
            e.source = kIllustrativeEvent;
            ds_.events.push_back(std::move(e));
        }
    }

    // The dated items of the news bulletins in shared/news/.
    auto news = [&](Date start, Date end, EventKind kind, const char* organiser,
                    std::vector<std::string> districts, const char* title, const char* source,
                    int participants) {
        Event e;
        e.start = start;
        e.end = end;
        e.kind = kind;
        e.organiser = organiser;
        e.district_codes = std::move(districts);
        e.title = title;
        e.source = source;
        e.participants = participants;
        ds_.events.push_back(std::move(e));
        return ds_.events.size() - 1;
    };
    const char* tin_tuc_2022 = "bulletin_2022-10_tin-tuc.txt";
    const char* tin_tuc_2023 = "bulletin_2023-08_tin-tuc.txt";
    const char* dia_phuong_2023 = "bulletin_2023-08_hoat-dong-dia-phuong.txt";
    const Date d_2022_10_06 = Date::from_ymd(2022, 10, 6);
    news(d_2022_10_06, d_2022_10_06, EventKind::Campaign, "UBND huyện Cao Lộc", {"183"},
         "Phát động đợt thi đua cao điểm ủng hộ xây dựng nông thôn mới (NTM) năm 2022",
         tin_tuc_2022, 0);
    const Date d_2023_07_17 = Date::from_ymd(2023, 7, 17);
    news(d_2023_07_17, d_2023_07_17, EventKind::Conference,
         "Bộ Nông nghiệp và Phát triển nông thôn", {},
         "Hội nghị sơ kết 3 năm thực hiện phong trào xây dựng nông thôn mới (NTM) giai đoạn "
         "2021 – 2025 (trực tuyến đến các tỉnh, thành trong cả nước)",
         tin_tuc_2023, 0);
    news(Date::from_ymd(2023, 7, 26), Date::from_ymd(2023, 7, 27), EventKind::Training,
         "Văn phòng Điều phối xây dựng nông thôn mới tỉnh Lạng Sơn, UBND huyện Lộc Bình", {"188"},
         "Tập huấn công tác xây dựng nông thôn mới năm 2023 tại huyện Lộc Bình", tin_tuc_2023, 100);
    const struct {
        int day;
        const char* district;
        const char* organiser;
        const char* title;
    } inspections[] = {
        {16, "187", "Văn phòng Điều phối xây dựng nông thôn mới (NTM) tỉnh",
         "Kiểm tra tiến độ thực hiện chương trình xây dựng NTM trên địa bàn huyện Chi Lăng"},
        {17, "184", "Văn phòng Điều phối xây dựng nông thôn mới (NTM) tỉnh",
         "Kiểm tra tiến độ thực hiện chương trình xây dựng NTM trên địa bàn huyện Văn Quan"},
        {18, "189", "Văn phòng Điều phối Chương trình xây dựng nông thôn mới (NTM) tỉnh",
         "Kiểm tra tiến độ thực hiện chương trình xây dựng NTM trên địa bàn huyện Đình Lập"},
        {21, "182", "Văn phòng Điều phối xây dựng nông thôn mới (NTM) tỉnh",
         "Kiểm tra tiến độ thực hiện chương trình xây dựng NTM trên địa bàn huyện Văn Lãng"},
        {22, "183", "Sở Văn hóa, Thể thao và Du lịch",
         "Kiểm tra tiến độ triển khai thực hiện Chương trình xây dựng nông thôn mới (NTM) trên "
         "địa bàn huyện Cao Lộc"},
    };
    for (const auto& i : inspections) {
        const Date d = Date::from_ymd(2023, 8, i.day);
        news(d, d, EventKind::Inspection, i.organiser, {i.district}, i.title, tin_tuc_2023, 0);
    }
    const Date d_2023_08_22 = Date::from_ymd(2023, 8, 22);
    const size_t veterans = news(
        d_2023_08_22, d_2023_08_22, EventKind::Training,
        "Hội Cựu chiến binh tỉnh Lạng Sơn, Văn phòng Điều phối Chương trình xây dựng Nông thôn mới "
        "tỉnh",
        {"180"},
        "Hội nghị tập huấn chương trình mục tiêu Quốc gia xây dựng nông thôn mới năm 2023 cho cán "
        "bộ, hội viên Cựu chiến binh của 21 xã trên địa bàn huyện Tràng Định",
        dia_phuong_2023, 80);
    for (const Unit& u : ds_.units)  // Tràng Định had 21 xã in 2023
        if (u.district_code == "180" && u.kind == UnitKind::Xa)
            ds_.events[veterans].unit_codes.push_back(u.code);

    std::stable_sort(ds_.events.begin(), ds_.events.end(), [](const Event& a, const Event& b) {
        if (a.start != b.start) return a.start < b.start;
        if (a.end != b.end) return a.end < b.end;
        if (a.district_codes != b.district_codes) return a.district_codes < b.district_codes;
        return a.title < b.title;
    });
}

void Builder::emit_reported() {
    const Date july_2020 = Date::from_ymd(2020, 7, 31);
    const char* province_source =
        "Báo cáo kết quả xây dựng nông thôn mới tỉnh Lạng Sơn đến hết tháng 7/2020";
    const std::pair<const char*, double> province[] = {
        {"xa_total", 181},
        {"band:19:count", 51},
        {"band:19:percent", 28.18},
        {"band:15-18:count", 4},
        {"band:15-18:percent", 2.21},
        {"band:10-14:count", 36},
        {"band:10-14:percent", 19.89},
        {"band:5-9:count", 90},
        {"band:5-9:percent", 49.72},
        {"average_criteria", 11.66},
    };
    for (const auto& [figure, value] : province)
        ds_.reported.push_back({july_2020, "province:20", figure, value, province_source});

    const Date october_2022 = Date::from_ymd(2022, 10, 31);
    const char* national_source = "bulletin_2022-10_tin-tuc.txt (theo Bộ NN&PTNT)";
    const std::pair<const char*, double> national[] = {
        {"xa_standard_count", 5860}, {"xa_standard_percent", 71.3}, {"xa_advanced_count", 925},
        {"xa_model_count", 110},     {"average_criteria", 17.1},
    };
    for (const auto& [figure, value] : national)
        ds_.reported.push_back({october_2022, "national", figure, value, national_source});
}

Dataset Builder::build() {
    ds_.info.title = "Lạng Sơn";
    ds_.info.province_code = "20";
    ds_.info.illustrative = true;
    ds_.info.source =
        "Dữ liệu minh họa do NTM Atlas tạo; tên và mã đơn vị theo danh mục ĐVHC của Tổng cục "
        "Thống kê";
    // The national sets by date: 2010–2015, 2016–2020 and 2021–2025 (19 criteria each, numbered
    // alike, so the histories carry across), 2026–2030 (10 criteria) from 15/02/2026.
    ds_.criteria_sets = national_criteria_sets();
    ds_.versions = {BoundaryVersion{"2020", "Đơn vị hành chính năm 2020", Date::from_ymd(2020, 1, 1),
                                    Date::from_ymd(2025, 6, 30), Grouping::District}};
    ds_.units = langson_units_2020();
    ds_.reindex();

    rank_xa();
    plan_2020_counts();
    plan_standard_years();
    plan_curves();
    plan_recognised_levels();
    plan_losses();
    emit_observations();
    emit_recognitions();
    emit_events();
    emit_reported();
    return std::move(ds_);
}

}  // namespace

Dataset make_demo_dataset() { return Builder(false).build(); }

namespace detail {

Dataset make_demo_dataset_2020(bool before_reform) { return Builder(before_reform).build(); }

Rng demo_stream(const std::string& key, uint64_t purpose) { return stream(key, purpose); }

}  // namespace detail

}  // namespace ntm::demo
