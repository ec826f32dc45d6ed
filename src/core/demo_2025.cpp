// The demo past the reform of 1 July 2025 (see demo.h, make_demo_dataset_2026).
//
// Real: the 65 units of 1 July 2025 (codes and names of the merger list), which units of 2020
// formed each of them (the published merger list, resolved to the demo's units by
// match_lineage), the criteria sets and the dates they are in force. Invented (illustrative,
// "Minh họa" on every record): everything below about attainment, commune groups, rounds and
// recognitions.
//
// * Up to 30/06/2025 the histories are those of make_demo_dataset(), except that its 2025 round
//   and 2025 recognitions are held in June 2025, before the merger, instead of November and
//   December (the old units' codes are reused by the new ones, so nothing of theirs may be dated
//   after 30/06/2025).
// * The six xã merged into neighbours on 1 Dec 2024 (demo_units.cpp) are not in the merger list:
//   it names the units of March 2025, among them those six xã's absorbers. demo_units.cpp does
//   not record which neighbour absorbed each of them, so they are left without a successor
//   rather than linked by a guess.
// * 01/07/2025, carried over (criteria set 2021–2025, 19 criteria, in force until 14/02/2026):
//   a new xã meets a criterion when EVERY xã it was formed from met it on 30/06/2025 (the
//   cautious rule: a merged commune keeps a criterion only where no part of it falls short).
//   Thị trấn and phường among the predecessors were not assessed and do not count. A new xã
//   keeps no recognised level: recognition of a merged commune needs a new decision.
// * Commune groups (nhóm) of the 2026–2030 set, an illustrative assignment, not the province's
//   list: nhóm 1 for the xã formed with a former thị trấn (the district seats, urbanising);
//   nhóm 3 for the xã formed mostly from the upland districts with the largest ethnic-minority
//   and mountain areas (Tràng Định, Bình Gia, Văn Quan, Đình Lập); nhóm 2 for the rest.
// * 2026 (criteria set 2026–2030, 10 criteria, from 15/02/2026, starting from no data): a
//   province-wide assessment on 30/06/2026 and a second one on 30/11/2026. A xã's count of the
//   new set follows its carried-over count of the old one, lowered (the new set is stricter) with
//   noise; its own order says which criteria come first. In November most xã gain one or two
//   criteria, a few lose one. The best-prepared xã meets all ten in June and is recognised at
//   the standard in August, then as a "modern" commune (pilot, Appendix II of Decision
//   51/2025/QĐ-TTg) in late December; four more meet all ten in November and are recognised in
//   December. Phường are not assessed.
#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/csv.h"
#include "core/demo.h"
#include "core/demo_2025.h"
#include "core/error.h"
#include "core/state.h"
#include "core/text.h"

namespace ntm::demo {
namespace {

Date reform_date() { return Date::from_ymd(2025, 7, 1); }

constexpr int kNewCriteria = 10;  // the 2026–2030 set
constexpr int kOldCriteria = 19;  // the 2021–2025 set

// Rough difficulty of the ten criteria of 2026–2030 (index = number - 1): lower comes first.
const double kDifficulty2026[kNewCriteria] = {
    1.0,  // 1 Quy hoạch
    6.0,  // 2 Hạ tầng kinh tế - xã hội
    7.0,  // 3 Phát triển kinh tế nông thôn
    4.0,  // 4 Đào tạo nguồn nhân lực nông thôn
    3.0,  // 5 Văn hóa, giáo dục, y tế
    6.5,  // 6 Giảm nghèo và an sinh xã hội
    5.5,  // 7 Khoa học công nghệ và chuyển đổi số
    7.5,  // 8 Môi trường và cảnh quan nông thôn
    1.5,  // 9 Xây dựng hệ thống chính trị và hành chính công
    2.0,  // 10 Tiếp cận pháp luật và an ninh, quốc phòng
};

// Upland districts of 2020 whose xã make a new xã nhóm 3 (illustrative, see above).
const std::set<std::string> kGroup3Districts = {"180", "181", "184", "189"};

const char* const kCarrySource =
    "Minh họa: kế thừa kết quả các xã trước sắp xếp (đạt khi mọi xã cũ đều đạt ngày 30/6/2025)";
const char* const kLineageSource =
    "Danh sách sắp xếp ĐVHC cấp xã tỉnh Lạng Sơn từ 01/07/2025 (vietnamese-provinces-database, "
    "trường a05_truocsn, MIT)";

std::string dmy(Date d) {
    return std::to_string(d.day()) + "/" + std::to_string(d.month()) + "/" + std::to_string(d.year());
}

uint32_t bit(int criterion) { return 1u << (criterion - 1); }

struct NewXa {
    int unit = -1;
    int carried = 0;          // criteria of 19 carried over on 01/07/2025
    bool has_carried = false;  // at least one xã predecessor
    double readiness = 0;     // ranks the xã for 2026
    std::array<int, kNewCriteria> order{};
    int june = 0, november = 0;  // counts of the 2026–2030 set
    int lost_in_november = 0;    // a criterion of the June set not kept in November (0: none)
};

class Reform {
public:
    explicit Reform(const std::vector<MergerRow>& rows) : rows_(rows) {}
    Dataset build();

private:
    void add_units();
    void link();
    void carry_over();
    void assign_groups();
    void plan_2026();
    void emit_2026();

    const std::vector<MergerRow>& rows_;
    Dataset ds_;
    int first_new_ = 0;  // index of the first unit of 2025-07
    std::vector<NewXa> xa_;
};

void Reform::add_units() {
    first_new_ = static_cast<int>(ds_.units.size());
    std::set<std::string> seen;
    for (const MergerRow& row : rows_) {
        if (!seen.insert(row.new_code).second)
            throw Error("merger list line " + std::to_string(row.line) + ": code " + row.new_code +
                        " listed twice");
        Unit u;
        u.code = row.new_code;
        u.kind = kind_from_text(row.new_name);
        u.name = strip_kind_prefix(row.new_name);
        if (u.kind == UnitKind::Unknown || u.name.empty())
            throw Error("merger list line " + std::to_string(row.line) + ": '" + row.new_name +
                        "' is not a name of a xã or phường");
        u.version = 1;
        u.search_key = fold_search_key(u.name);
        ds_.units.push_back(std::move(u));
    }
    ds_.reindex();
}

void Reform::link() {
    const LineageMatch match = match_lineage(ds_, rows_, 0, 1, reform_date(), kLineageSource);
    if (!match.problems.empty()) {
        const MatchProblem& p = match.problems.front();
        std::string message = "merger list: " + std::to_string(match.problems.size()) +
                              " name(s) not resolved to one unit of 2020; first: '" + p.name +
                              "' (" + p.reason + ")";
        if (p.row >= 0 && p.row < static_cast<int>(rows_.size()))
            message += " in the row of " + rows_[p.row].new_code + " " + rows_[p.row].new_name;
        throw Error(message);
    }
    ds_.lineage = match.links;
}

void Reform::carry_over() {
    const AttainmentIndex index(ds_);  // observations of the old units only, so far
    const Date before = Date{reform_date().days - 1};
    for (int u = first_new_; u < static_cast<int>(ds_.units.size()); ++u) {
        if (!ds_.units[u].assessed()) continue;
        NewXa x;
        x.unit = u;
        uint32_t all = (1u << kOldCriteria) - 1;
        for (int p : ds_.predecessors(u)) {
            if (!ds_.units[p].assessed()) continue;
            const UnitState s = index.state(p, before);
            if (!s.has_data) continue;
            x.has_carried = true;
            uint32_t met = 0;
            for (int c = 1; c <= kOldCriteria && c <= static_cast<int>(s.met.size()); ++c)
                if (s.met[c - 1]) met |= bit(c);
            all &= met;
        }
        if (x.has_carried) {
            for (int c = 1; c <= kOldCriteria; ++c) {
                const bool met = (all & bit(c)) != 0;
                x.carried += met;
                ds_.observations.push_back(
                    {ds_.units[u].code, c, met, reform_date(), kCarrySource, "", "2021-2025"});
            }
        }
        xa_.push_back(x);
    }
    Event e;
    e.start = e.end = reform_date();
    e.kind = EventKind::Inspection;
    e.organiser = detail::kProvincialOffice;
    e.title = "Rà soát, kế thừa kết quả thực hiện các tiêu chí nông thôn mới của các xã sau sắp "
              "xếp đơn vị hành chính cấp xã";
    e.source = detail::kIllustrativeEvent;
    for (const NewXa& x : xa_) e.unit_codes.push_back(ds_.units[x.unit].code);
    ds_.events.push_back(std::move(e));
}

void Reform::assign_groups() {
    for (const NewXa& x : xa_) {
        Unit& u = ds_.units[x.unit];
        int xa = 0, upland = 0;
        bool town = false;
        for (int p : ds_.predecessors(x.unit)) {
            const Unit& old = ds_.units[p];
            if (old.kind == UnitKind::ThiTran) town = true;
            if (old.kind != UnitKind::Xa) continue;
            ++xa;
            upland += kGroup3Districts.count(old.district_code) > 0;
        }
        u.commune_group = town ? 1 : (xa > 0 && 2 * upland > xa) ? 3 : 2;
    }
}

void Reform::plan_2026() {
    for (NewXa& x : xa_) {
        Rng rng = detail::demo_stream(ds_.units[x.unit].code, 20);
        std::array<std::pair<double, int>, kNewCriteria> keyed;
        for (int i = 0; i < kNewCriteria; ++i)
            keyed[i] = {kDifficulty2026[i] + 3.0 * rng.uniform(), i + 1};
        std::sort(keyed.begin(), keyed.end());
        for (int i = 0; i < kNewCriteria; ++i) x.order[i] = keyed[i].second;
        const double carried = x.has_carried ? x.carried / double(kOldCriteria) : 0.3;
        x.readiness = carried + 0.15 * rng.uniform() + (ds_.units[x.unit].commune_group == 1 ? 0.05 : 0);
        // The stricter new set: about half to four fifths of the old attainment, at least one.
        x.june = std::clamp(static_cast<int>(1.0 + 9.0 * carried * (0.5 + 0.3 * rng.uniform())), 1, 9);
        x.november = std::min(9, x.june + rng.range(0, 2));
        if (x.november == x.june && x.june >= 4 && rng.chance(0.25))
            x.lost_in_november = x.order[rng.range(1, x.june - 1)];
    }
    // The best-prepared xã: all ten in June; the next four: all ten in November.
    std::vector<NewXa*> ranked;
    for (NewXa& x : xa_) ranked.push_back(&x);
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const NewXa* a, const NewXa* b) { return a->readiness > b->readiness; });
    for (size_t i = 0; i < ranked.size() && i < 5; ++i) {
        if (i == 0) ranked[i]->june = kNewCriteria;
        else ranked[i]->june = std::max(ranked[i]->june, 8);
        ranked[i]->november = kNewCriteria;
        ranked[i]->lost_in_november = 0;
    }
}

void Reform::emit_2026() {
    const Date june = Date::from_ymd(2026, 6, 30), november = Date::from_ymd(2026, 11, 30);
    const std::string source_june = "Minh họa: đánh giá theo Bộ tiêu chí 2026–2030, đợt 6/2026";
    const std::string source_november = "Minh họa: đánh giá theo Bộ tiêu chí 2026–2030, đợt 11/2026";
    auto met_mask = [](const NewXa& x, int count) {
        uint32_t mask = 0;
        for (int i = 0; i < count; ++i) mask |= bit(x.order[i]);
        return mask;
    };
    std::vector<std::string> all_xa;
    for (const NewXa& x : xa_) {
        const std::string& code = ds_.units[x.unit].code;
        all_xa.push_back(code);
        const uint32_t in_june = met_mask(x, x.june);
        uint32_t in_november = met_mask(x, x.november);
        if (x.lost_in_november) in_november &= ~bit(x.lost_in_november);
        for (int c = 1; c <= kNewCriteria; ++c)
            ds_.observations.push_back(
                {code, c, (in_june & bit(c)) != 0, june, source_june, "", "2026-2030"});
        for (int c = 1; c <= kNewCriteria; ++c)
            if ((in_june & bit(c)) != (in_november & bit(c)))
                ds_.observations.push_back(
                    {code, c, (in_november & bit(c)) != 0, november, source_november, "", "2026-2030"});
    }
    for (const auto& [date, round] : {std::pair{june, 1}, std::pair{november, 2}}) {
        Event e;
        e.start = e.end = date;
        e.kind = EventKind::Inspection;
        e.organiser = detail::kProvincialOffice;
        e.unit_codes = all_xa;
        e.title = "Đánh giá mức độ đạt các tiêu chí của các xã theo Bộ tiêu chí quốc gia về xã nông "
                  "thôn mới giai đoạn 2026–2030 (đợt " + std::to_string(round) + " năm 2026)";
        e.source = detail::kIllustrativeEvent;
        ds_.events.push_back(std::move(e));
    }

    // Recognitions: the June xã in August (standard) and October (modern), the November ones on
    // 1 December (standard) — none after the day this demo was made (3 December 2026).
    std::vector<int> june_xa, november_xa;
    for (const NewXa& x : xa_) {
        if (x.june == kNewCriteria) june_xa.push_back(x.unit);
        else if (x.november == kNewCriteria) november_xa.push_back(x.unit);
    }
    auto recognise = [&](const std::vector<int>& units, Level level, Date date, const char* what) {
        if (units.empty()) return;
        const Rng rng_seed = detail::demo_stream("2026/" + std::to_string(static_cast<int>(level)) +
                                                 "/" + date.iso(), 7);
        Rng rng = rng_seed;
        const std::string decision = "Quyết định số " + std::to_string(rng.range(120, 2680)) +
                                     "/QĐ-UBND ngày " + dmy(date) + " (minh họa)";
        Event e;
        e.start = e.end = date;
        e.kind = EventKind::Recognition;
        e.organiser = "UBND tỉnh Lạng Sơn";
        for (int u : units) {
            ds_.recognitions.push_back({ds_.units[u].code, level, date, decision});
            e.unit_codes.push_back(ds_.units[u].code);
        }
        e.title = units.size() == 1
                      ? "Công nhận xã " + ds_.units[units.front()].name + " " + what + " năm 2026"
                      : "Công nhận " + std::to_string(units.size()) + " xã " + what + " năm 2026";
        e.source = std::string(detail::kIllustrativeEvent) + "; " + decision;
        ds_.events.push_back(std::move(e));
    };
    recognise(june_xa, Level::Standard, Date::from_ymd(2026, 8, 20),
              "đạt chuẩn nông thôn mới theo Bộ tiêu chí giai đoạn 2026–2030");
    recognise(november_xa, Level::Standard, Date::from_ymd(2026, 12, 1),
              "đạt chuẩn nông thôn mới theo Bộ tiêu chí giai đoạn 2026–2030");
    recognise(june_xa, Level::Modern, Date::from_ymd(2026, 10, 28),
              "đạt chuẩn nông thôn mới hiện đại (thí điểm)");
}

Dataset Reform::build() {
    ds_ = detail::make_demo_dataset_2020(true);
    ds_.info.source =
        "Dữ liệu minh họa do NTM Atlas tạo; tên và mã đơn vị theo danh mục ĐVHC của Tổng cục "
        "Thống kê; ranh giới từ 01/07/2025 theo bản đồ ĐVHC (vietnamese-provinces-database, MIT, "
        "đã đơn giản hóa), ranh giới năm 2020 là sơ đồ minh họa";
    ds_.versions = {
        BoundaryVersion{"2020", "Đơn vị hành chính năm 2020", Date::from_ymd(2020, 1, 1),
                        Date{reform_date().days - 1}, Grouping::District},
        BoundaryVersion{"2025-07", "Đơn vị hành chính từ 01/07/2025", reform_date(), std::nullopt,
                        Grouping::None},
    };
    add_units();
    link();
    carry_over();
    assign_groups();
    plan_2026();
    emit_2026();
    std::stable_sort(ds_.recognitions.begin(), ds_.recognitions.end(),
                     [](const Recognition& a, const Recognition& b) {
                         if (a.date != b.date) return a.date < b.date;
                         return a.unit_code < b.unit_code;
                     });
    std::stable_sort(ds_.events.begin(), ds_.events.end(), [](const Event& a, const Event& b) {
        if (a.start != b.start) return a.start < b.start;
        if (a.end != b.end) return a.end < b.end;
        if (a.district_codes != b.district_codes) return a.district_codes < b.district_codes;
        return a.title < b.title;
    });
    return std::move(ds_);
}

}  // namespace

std::vector<MergerRow> parse_merger_list(std::string_view csv_text) {
    const std::vector<std::vector<std::string>> records = parse_csv(csv_text);
    if (records.empty()) throw Error("merger list: empty");
    const std::vector<std::string>& header = records.front();
    auto column = [&](const char* name) {
        for (size_t i = 0; i < header.size(); ++i)
            if (trim(header[i]) == name) return static_cast<int>(i);
        throw Error(std::string("merger list: no column '") + name +
                    "' (expected code_2025, name_2025, formed_from)");
    };
    const int code = column("code_2025"), name = column("name_2025"), from = column("formed_from");
    std::vector<MergerRow> rows;
    for (size_t r = 1; r < records.size(); ++r) {
        const std::vector<std::string>& rec = records[r];
        if (rec.size() == 1 && trim(rec[0]).empty()) continue;  // blank line
        const int line = static_cast<int>(r) + 1;  // the list has no line breaks inside fields
        auto field = [&](int i) { return i < static_cast<int>(rec.size()) ? trim(rec[i]) : std::string(); };
        MergerRow row;
        row.new_code = field(code);
        row.new_name = field(name);
        row.formed_from = split_formed_from(field(from));
        row.line = line;
        if (row.new_code.size() != 5 ||
            !std::all_of(row.new_code.begin(), row.new_code.end(), [](char c) { return c >= '0' && c <= '9'; }))
            throw Error("merger list line " + std::to_string(line) + ": code '" + row.new_code +
                        "' is not a 5-digit code");
        if (row.new_name.empty() || row.formed_from.empty())
            throw Error("merger list line " + std::to_string(line) + ": name or formed_from is empty");
        rows.push_back(std::move(row));
    }
    return rows;
}

Dataset make_demo_dataset_2026(const std::vector<MergerRow>& merger_2025) {
    return Reform(merger_2025).build();
}

}  // namespace ntm::demo
