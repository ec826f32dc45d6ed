#include "core/criteria.h"

#include <algorithm>

#include "core/error.h"

namespace ntm {

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

static std::string range_label(int lo, int hi) {
    return lo == hi ? std::to_string(lo) : std::to_string(lo) + "\u2013" + std::to_string(hi);
}

std::vector<Band> derive_bands(int n) {
    // Widths below the top band as in the provincial reports: 4, 5, 5, then the rest.
    std::vector<Band> bands;
    if (n <= 0) return bands;
    bands.push_back({n, n, range_label(n, n)});
    int hi = n - 1;
    for (int width : {4, 5, 5}) {
        if (hi < 0) break;
        const int lo = std::max(0, hi - width + 1);
        bands.push_back({lo, hi, range_label(lo, hi)});
        hi = lo - 1;
    }
    if (hi >= 0) bands.push_back({0, hi, range_label(0, hi)});
    return bands;
}

namespace {

struct Row {
    const char *vi, *en, *group_vi, *group_en;
};

CriteriaSet build(std::string id, std::string name, std::string decision,
                  std::initializer_list<Row> rows) {
    CriteriaSet set;
    set.id = std::move(id);
    set.name_vi = std::move(name);
    set.decision = std::move(decision);
    int number = 1;
    for (const Row& r : rows) set.criteria.push_back({number++, r.vi, r.en, r.group_vi, r.group_en});
    set.bands = derive_bands(set.size());
    return set;
}

}  // namespace

CriteriaSet criteria_set_2021_2025() {
    const char* plan = "Quy hoạch";
    const char* infra = "Hạ tầng kinh tế - xã hội";
    const char* econ = "Kinh tế và tổ chức sản xuất";
    const char* soc = "Văn hóa - Xã hội - Môi trường";
    const char* pol = "Hệ thống chính trị";
    return build(
        "2021-2025", "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025", "318/QĐ-TTg",
        {{"Quy hoạch", "Planning", plan, "Planning"},
         {"Giao thông", "Transport", infra, "Socio-economic infrastructure"},
         {"Thủy lợi và phòng, chống thiên tai", "Irrigation and disaster prevention", infra,
          "Socio-economic infrastructure"},
         {"Điện", "Electricity", infra, "Socio-economic infrastructure"},
         {"Trường học", "Schools", infra, "Socio-economic infrastructure"},
         {"Cơ sở vật chất văn hóa", "Cultural facilities", infra, "Socio-economic infrastructure"},
         {"Cơ sở hạ tầng thương mại nông thôn", "Rural commercial infrastructure", infra,
          "Socio-economic infrastructure"},
         {"Thông tin và Truyền thông", "Information and communication", infra,
          "Socio-economic infrastructure"},
         {"Nhà ở dân cư", "Housing", infra, "Socio-economic infrastructure"},
         {"Thu nhập", "Income", econ, "Economy and production"},
         {"Nghèo đa chiều", "Multidimensional poverty", econ, "Economy and production"},
         {"Lao động", "Labour", econ, "Economy and production"},
         {"Tổ chức sản xuất và phát triển kinh tế nông thôn", "Production organisation", econ,
          "Economy and production"},
         {"Giáo dục và Đào tạo", "Education and training", soc, "Culture, society, environment"},
         {"Y tế", "Health", soc, "Culture, society, environment"},
         {"Văn hóa", "Culture", soc, "Culture, society, environment"},
         {"Môi trường và an toàn thực phẩm", "Environment and food safety", soc,
          "Culture, society, environment"},
         {"Hệ thống chính trị và tiếp cận pháp luật", "Political system and access to law", pol,
          "Political system"},
         {"Quốc phòng và An ninh", "Defence and security", pol, "Political system"}});
}

// The 2026 set's names are summarised from reports of Decision 51/2025/QĐ-TTg; check them
// against the decision text before using this set for official figures.
CriteriaSet criteria_set_2026() {
    const char* g = "Bộ tiêu chí 2026–2030";
    const char* e = "2026–2030 set";
    return build("2026", "Bộ tiêu chí quốc gia về xã nông thôn mới từ năm 2026", "51/2025/QĐ-TTg",
                 {{"Quy hoạch và thực hiện quy hoạch", "Planning", g, e},
                  {"Hạ tầng kinh tế - xã hội", "Socio-economic infrastructure", g, e},
                  {"Thu nhập", "Income", g, e},
                  {"Nghèo đa chiều", "Multidimensional poverty", g, e},
                  {"Tổ chức sản xuất và phát triển kinh tế nông thôn", "Production organisation", g, e},
                  {"Giáo dục, Y tế, Văn hóa", "Education, health, culture", g, e},
                  {"Môi trường và cảnh quan", "Environment and landscape", g, e},
                  {"Chất lượng môi trường sống", "Living environment quality", g, e},
                  {"Hệ thống chính trị và tiếp cận pháp luật", "Political system and access to law", g, e},
                  {"Quốc phòng và An ninh", "Defence and security", g, e}});
}

CriteriaSet criteria_set_by_id(const std::string& id) {
    if (id == "2021-2025") return criteria_set_2021_2025();
    if (id == "2026") return criteria_set_2026();
    throw Error("unknown criteria set '" + id + "' (known: 2021-2025, 2026)");
}

}  // namespace ntm
