#include "core/criteria.h"

#include <algorithm>

#include "core/error.h"

namespace ntm {

int CriteriaSet::indicator_count() const {
    int n = 0;
    for (const Criterion& c : criteria) n += static_cast<int>(c.indicators.size());
    return n;
}

int CriteriaSet::band_of(int count) const {
    for (size_t i = 0; i < bands.size(); ++i)
        if (bands[i].contains(count)) return static_cast<int>(i);
    return -1;
}

const Criterion* CriteriaSet::find(int number) const {
    for (const Criterion& c : criteria)
        if (c.number == number) return &c;
    return nullptr;
}

bool CriteriaSet::has_level(Level level) const {
    return std::find(levels.begin(), levels.end(), level) != levels.end();
}

static std::string dashed(const std::string& id) {
    std::string out = id;
    const size_t dash = out.find('-');
    if (dash != std::string::npos) out.replace(dash, 1, "\u2013");
    return out;
}

std::string CriteriaSet::short_label_vi() const {
    return "Bộ tiêu chí " + dashed(id) + " (" + std::to_string(size()) + " tiêu chí)";
}

std::string CriteriaSet::short_label_en() const {
    return dashed(id) + " criteria set (" + std::to_string(size()) + " criteria)";
}

static std::string range_label(int lo, int hi) {
    return lo == hi ? std::to_string(lo) : std::to_string(lo) + "\u2013" + std::to_string(hi);
}

std::vector<Band> bands_from_edges(int n, const std::vector<int>& lower_edges) {
    std::vector<Band> bands;
    if (n <= 0) return bands;
    bands.push_back({n, n, range_label(n, n)});
    int hi = n - 1;
    for (int lo : lower_edges) {
        lo = std::max(0, lo);
        if (hi < 0 || lo > hi) continue;
        bands.push_back({lo, hi, range_label(lo, hi)});
        hi = lo - 1;
    }
    if (hi >= 0) bands.push_back({0, hi, range_label(0, hi)});
    return bands;
}

std::vector<Band> derive_bands(int n) {
    // Widths below the top band as in the provincial reports: 4, 5, 5, then the rest.
    std::vector<int> edges;
    for (int lo = n - 4; lo > 0 && edges.size() < 3; lo -= 5) edges.push_back(lo);
    return bands_from_edges(n, edges);
}

namespace {

struct Row {
    const char *vi, *en, *group_vi, *group_en;
};

struct Meta {
    const char *id, *name_vi, *name_en, *decision, *decision_date;
    Date from;
    std::optional<Date> to;
};

CriteriaSet build(const Meta& m, std::initializer_list<Row> rows) {
    CriteriaSet set;
    set.id = m.id;
    set.name_vi = m.name_vi;
    set.name_en = m.name_en;
    set.decision = m.decision;
    set.decision_date = m.decision_date;
    set.valid_from = m.from;
    set.valid_to = m.to;
    int number = 1;
    for (const Row& r : rows)
        set.criteria.push_back({number++, r.vi, r.en, r.group_vi, r.group_en, {}});
    set.bands = derive_bands(set.size());
    set.levels = {Level::Standard, Level::Advanced, Level::Model};
    // "No xã below 15 criteria" (Decision 263/QĐ-TTg) is reported for the 19-criterion sets.
    set.threshold = set.bands.size() > 1 ? set.bands[1].lo : 0;
    return set;
}

Date ymd(int y, int m, int d) { return Date::from_ymd(y, m, d); }

const char* const kPlan = "Quy hoạch";
const char* const kInfra = "Hạ tầng kinh tế - xã hội";
const char* const kEcon = "Kinh tế và tổ chức sản xuất";
const char* const kSoc = "Văn hóa - Xã hội - Môi trường";
const char* const kPol = "Hệ thống chính trị";
const char* const kPlanEn = "Planning";
const char* const kInfraEn = "Socio-economic infrastructure";
const char* const kEconEn = "Economy and production";
const char* const kSocEn = "Culture, society, environment";
const char* const kPolEn = "Political system";

}  // namespace

// Periods: each set is assessed against from the start of its programme phase (the 2016–2020
// and 2021–2025 sets were signed after their phase began and applied to the whole phase), except
// the first, from its signing, and the 2026–2030 set, from the effective date its decision states.

// Decision 491/QĐ-TTg of 16/4/2009, "Bộ tiêu chí quốc gia về nông thôn mới" (19 criteria in five
// groups), in force from its signing; Decision 342/QĐ-TTg of 20/02/2013 amended criteria 7, 10, 12,
// 14 and 15 and renamed 12 "Tỷ lệ lao động có việc làm thường xuyên" (kept here under its 2009
// name). Sources: docs/criteria-sources.md. Levels: the standard only.
CriteriaSet criteria_set_2010_2015() {
    CriteriaSet set = build(
        {"2010-2015", "Bộ tiêu chí quốc gia về nông thôn mới (giai đoạn 2010–2015)",
         "National new rural criteria set (2010–2015)", "491/QĐ-TTg", "16/04/2009",
         ymd(2009, 4, 16), ymd(2015, 12, 31)},
        {{"Quy hoạch và thực hiện quy hoạch", "Planning and its implementation", kPlan, kPlanEn},
         {"Giao thông", "Transport", kInfra, kInfraEn},
         {"Thủy lợi", "Irrigation", kInfra, kInfraEn},
         {"Điện", "Electricity", kInfra, kInfraEn},
         {"Trường học", "Schools", kInfra, kInfraEn},
         {"Cơ sở vật chất văn hóa", "Cultural facilities", kInfra, kInfraEn},
         {"Chợ nông thôn", "Rural markets", kInfra, kInfraEn},
         {"Bưu điện", "Post office", kInfra, kInfraEn},
         {"Nhà ở dân cư", "Housing", kInfra, kInfraEn},
         {"Thu nhập", "Income", kEcon, kEconEn},
         {"Hộ nghèo", "Poor households", kEcon, kEconEn},
         {"Cơ cấu lao động", "Labour structure", kEcon, kEconEn},
         {"Hình thức tổ chức sản xuất", "Forms of production organisation", kEcon, kEconEn},
         {"Giáo dục", "Education", kSoc, kSocEn},
         {"Y tế", "Health", kSoc, kSocEn},
         {"Văn hóa", "Culture", kSoc, kSocEn},
         {"Môi trường", "Environment", kSoc, kSocEn},
         {"Hệ thống tổ chức chính trị xã hội vững mạnh", "Strong political and social organisations",
          kPol, kPolEn},
         {"An ninh, trật tự xã hội", "Security and social order", kPol, kPolEn}});
    set.levels = {Level::Standard};
    return set;
}

// Decision 1980/QĐ-TTg of 17/10/2016 (effective 01/12/2016), "Bộ tiêu chí quốc gia về xã nông thôn
// mới giai đoạn 2016–2020" (19 criteria, 49 indicators, numbered as in 2009). Advanced and model
// communes were recognised in this phase too (Lạng Sơn's plan 18/KH-UBND of 22/1/2020 names two
// xã at "nông thôn mới nâng cao" working towards "kiểu mẫu").
CriteriaSet criteria_set_2016_2020() {
    CriteriaSet set = build(
        {"2016-2020", "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016–2020",
         "National criteria set for new rural communes, 2016–2020", "1980/QĐ-TTg", "17/10/2016",
         ymd(2016, 1, 1), ymd(2020, 12, 31)},
        {{"Quy hoạch", "Planning", kPlan, kPlanEn},
         {"Giao thông", "Transport", kInfra, kInfraEn},
         {"Thủy lợi", "Irrigation", kInfra, kInfraEn},
         {"Điện", "Electricity", kInfra, kInfraEn},
         {"Trường học", "Schools", kInfra, kInfraEn},
         {"Cơ sở vật chất văn hóa", "Cultural facilities", kInfra, kInfraEn},
         {"Cơ sở hạ tầng thương mại nông thôn", "Rural commercial infrastructure", kInfra, kInfraEn},
         {"Thông tin và Truyền thông", "Information and communication", kInfra, kInfraEn},
         {"Nhà ở dân cư", "Housing", kInfra, kInfraEn},
         {"Thu nhập", "Income", kEcon, kEconEn},
         {"Hộ nghèo", "Poor households", kEcon, kEconEn},
         {"Lao động có việc làm", "Employment", kEcon, kEconEn},
         {"Tổ chức sản xuất", "Production organisation", kEcon, kEconEn},
         {"Giáo dục và Đào tạo", "Education and training", kSoc, kSocEn},
         {"Y tế", "Health", kSoc, kSocEn},
         {"Văn hóa", "Culture", kSoc, kSocEn},
         {"Môi trường và an toàn thực phẩm", "Environment and food safety", kSoc, kSocEn},
         {"Hệ thống chính trị và tiếp cận pháp luật", "Political system and access to law", kPol,
          kPolEn},
         {"Quốc phòng và An ninh", "Defence and security", kPol, kPolEn}});
    set.continues_previous = true;
    return set;
}

// Decision 318/QĐ-TTg of 08/3/2022, "Bộ tiêu chí quốc gia về xã nông thôn mới và Bộ tiêu chí quốc
// gia về xã nông thôn mới nâng cao giai đoạn 2021–2025" (19 criteria, numbered as before; model
// communes under Decision 319/QĐ-TTg of the same day). Assessed against until Decision 51/2025
// took effect on 15/02/2026.
CriteriaSet criteria_set_2021_2025() {
    // The 2016 criteria with their numbers; four renamed by the 2022 decision.
    CriteriaSet set = criteria_set_2016_2020();
    set.id = "2021-2025";
    set.name_vi = "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025";
    set.name_en = "National criteria set for new rural communes, 2021–2025";
    set.decision = "318/QĐ-TTg";
    set.decision_date = "08/03/2022";
    set.valid_from = ymd(2021, 1, 1);
    set.valid_to = ymd(2026, 2, 14);
    auto rename = [&](int number, const char* vi, const char* en) {
        set.criteria[number - 1].name_vi = vi;
        set.criteria[number - 1].name_en = en;
    };
    rename(3, "Thủy lợi và phòng, chống thiên tai", "Irrigation and disaster prevention");
    rename(11, "Nghèo đa chiều", "Multidimensional poverty");
    rename(12, "Lao động", "Labour");
    rename(13, "Tổ chức sản xuất và phát triển kinh tế nông thôn", "Production organisation");
    return set;
}

// Decision 51/2025/QĐ-TTg of 29/12/2025, "Ban hành Bộ tiêu chí quốc gia về nông thôn mới giai đoạn
// 2026 - 2030", in force from 15/02/2026: Appendix I, the commune set of 10 criteria and 47
// indicators, each criterion with thresholds for three commune groups (nhóm 1: next to existing
// towns or under 10 % agriculture, or planned as new towns; nhóm 3: khu vực II and III communes of
// ethnic-minority and mountain areas; nhóm 2: the rest); Appendix II, the pilot framework for the
// "xã nông thôn mới hiện đại" (modern NTM commune); no advanced or model sets at national level.
// Names of the ten criteria as published with the decision (docs/criteria-sources.md). The 47
// indicators are NOT carried here: their table (Appendix I) could not be read from any stored
// copy of the decision, and they are not guessed. A dataset can carry them (its `indicators`
// table) and observations can be recorded per indicator.
// Bands: 10 | 8–9 | 5–7 | 3–4 | 0–2 is this project's choice (five classes, like the 19-criterion
// reports, so the palette keeps its meaning); no decision sets bands for the new set.
CriteriaSet criteria_set_2026_2030() {
    const char* g = "";
    CriteriaSet set = build(
        {"2026-2030", "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026–2030",
         "National criteria set for new rural communes, 2026–2030", "51/2025/QĐ-TTg", "29/12/2025",
         ymd(2026, 2, 15), std::nullopt},
        {{"Quy hoạch", "Planning", g, g},
         {"Hạ tầng kinh tế - xã hội", "Socio-economic infrastructure", g, g},
         {"Phát triển kinh tế nông thôn", "Rural economic development", g, g},
         {"Đào tạo nguồn nhân lực nông thôn", "Rural human resources training", g, g},
         {"Văn hóa, giáo dục, y tế", "Culture, education, health", g, g},
         {"Giảm nghèo và an sinh xã hội", "Poverty reduction and social security", g, g},
         {"Khoa học công nghệ và chuyển đổi số", "Science, technology and digital transformation", g, g},
         {"Môi trường và cảnh quan nông thôn", "Rural environment and landscape", g, g},
         {"Xây dựng hệ thống chính trị và hành chính công",
          "Political system and public administration", g, g},
         {"Tiếp cận pháp luật và an ninh, quốc phòng", "Access to law, security and defence", g, g}});
    set.bands = bands_from_edges(set.size(), {8, 5, 3});
    set.levels = {Level::Standard, Level::Modern};
    set.threshold = 0;
    set.commune_groups = true;
    return set;
}

std::vector<CriteriaSet> national_criteria_sets() {
    return {criteria_set_2010_2015(), criteria_set_2016_2020(), criteria_set_2021_2025(),
            criteria_set_2026_2030()};
}

CriteriaSet criteria_set_by_id(const std::string& id) {
    for (CriteriaSet& set : national_criteria_sets())
        if (set.id == id || (id == "2026" && set.id == "2026-2030")) return set;
    throw Error("unknown criteria set '" + id +
                "' (known: 2010-2015, 2016-2020, 2021-2025, 2026-2030)");
}

}  // namespace ntm
