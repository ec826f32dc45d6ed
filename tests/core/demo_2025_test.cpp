// The demo as `ntm-atlas demo` writes it: the 2020 units until 30/06/2025, the 65 units of
// 1 July 2025 after, linked by the bundled merger list; the 2020 figures unchanged, the 2026
// assessments on the 2026–2030 set.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/demo.h"
#include "core/error.h"
#include "core/lineage.h"
#include "core/state.h"
#include "core/statistics.h"

namespace {

using ntm::Dataset;
using ntm::Date;

// The bundled copy in the source tree (data/geo/), never ../shared.
const std::string kMergerList = std::string(NTM_TEST_DATA_DIR) + "/../../data/geo/langson_merger_2025-07.csv";

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const Dataset& demo() {
    static const Dataset dataset =
        ntm::demo::make_demo_dataset_2026(ntm::demo::parse_merger_list(read_text(kMergerList)));
    return dataset;
}

const ntm::AttainmentIndex& index() {
    static const ntm::AttainmentIndex i(demo());
    return i;
}

const Dataset& old_demo() {
    static const Dataset dataset = ntm::demo::make_demo_dataset();
    return dataset;
}

ntm::Summary summary_on(const Dataset& ds, const ntm::AttainmentIndex& ix, Date date) {
    return ntm::summarize(ds, ix.states(date), date);
}

double round2(double v) { return std::round(v * 100) / 100; }

int band_count(const ntm::Summary& s, const std::string& label) {
    for (const ntm::BandCount& b : s.bands)
        if (b.label == label) return b.count;
    ADD_FAILURE() << "no band " << label;
    return -1;
}

Date ymd(int y, int m, int d) { return Date::from_ymd(y, m, d); }

TEST(Demo2025, MergerListParses) {
    const std::vector<ntm::MergerRow> rows = ntm::demo::parse_merger_list(read_text(kMergerList));
    ASSERT_EQ(rows.size(), 65u);
    EXPECT_EQ(rows.front().new_code, "05977");
    EXPECT_EQ(rows.front().new_name, "Phường Đông Kinh");
    EXPECT_EQ(rows.front().formed_from.size(), 4u);
    EXPECT_EQ(rows.front().line, 2);
    EXPECT_THROW(ntm::demo::parse_merger_list("code,name\n"), ntm::Error);
    EXPECT_THROW(ntm::demo::parse_merger_list("code_2025,name_2025,formed_from\n6196,Xã Ba Sơn,Xã Cao Lâu\n"),
                 ntm::Error);
}

TEST(Demo2025, TwoVersions) {
    const Dataset& ds = demo();
    ASSERT_EQ(ds.versions.size(), 2u);
    EXPECT_EQ(ds.versions[0].id, "2020");
    EXPECT_EQ(ds.versions[0].grouping, ntm::Grouping::District);
    EXPECT_EQ(*ds.versions[0].valid_to, ymd(2025, 6, 30));
    EXPECT_EQ(ds.versions[1].id, "2025-07");
    EXPECT_EQ(ds.versions[1].grouping, ntm::Grouping::None);
    EXPECT_EQ(*ds.versions[1].valid_from, ymd(2025, 7, 1));
    EXPECT_FALSE(ds.versions[1].valid_to);
    ASSERT_EQ(ds.units.size(), 265u);
    std::map<int, std::map<ntm::UnitKind, int>> kinds;
    for (const ntm::Unit& u : ds.units) ++kinds[u.version][u.kind];
    EXPECT_EQ(kinds[0][ntm::UnitKind::Xa], 181);
    EXPECT_EQ(kinds[1][ntm::UnitKind::Xa], 61);
    EXPECT_EQ(kinds[1][ntm::UnitKind::Phuong], 4);
    EXPECT_EQ(kinds[1].size(), 2u);
    // The 2020 units are those of make_demo_dataset(), in the same order, first.
    for (size_t i = 0; i < old_demo().units.size(); ++i) {
        EXPECT_EQ(ds.units[i].code, old_demo().units[i].code);
        EXPECT_EQ(ds.units[i].version, 0);
    }
    for (const ntm::Unit& u : ds.units)
        if (u.version == 1) {
            EXPECT_TRUE(u.district_code.empty()) << u.code;
            EXPECT_EQ(u.commune_group != 0, u.assessed()) << u.code;
            EXPECT_LE(u.commune_group, 3);
        }
    EXPECT_TRUE(ds.districts(ymd(2025, 7, 1)).empty());
    EXPECT_EQ(ds.districts(ymd(2025, 6, 30)).size(), 11u);
    EXPECT_TRUE(ds.info.illustrative);
    EXPECT_NE(ds.info.source.find("Dữ liệu minh họa"), std::string::npos);
}

TEST(Demo2025, PublishedFiguresOf31July2020Unchanged) {
    const ntm::Summary s = summary_on(demo(), index(), ymd(2020, 7, 31));
    EXPECT_EQ(s.units_total, 200);
    EXPECT_EQ(s.xa_total, 181);
    EXPECT_EQ(s.xa_with_data, 181);
    EXPECT_EQ(band_count(s, "19"), 51);
    EXPECT_EQ(band_count(s, "15–18"), 4);
    EXPECT_EQ(band_count(s, "10–14"), 36);
    EXPECT_EQ(band_count(s, "5–9"), 90);
    EXPECT_EQ(band_count(s, "0–4"), 0);
    EXPECT_DOUBLE_EQ(round2(s.average_criteria), 11.66);
    EXPECT_EQ(s.at_standard, 51);
}

TEST(Demo2025, HistoriesUnchangedUntilTheJune2025Round) {
    // make_demo_dataset() holds its 2025 round in November; here it is in June, before the
    // merger. Every state before June 2025 is the same.
    const ntm::AttainmentIndex old_index(old_demo());
    for (const Date date : {ymd(2011, 12, 31), ymd(2016, 6, 30), ymd(2020, 7, 31), ymd(2022, 12, 31),
                            ymd(2024, 12, 31), ymd(2025, 5, 31)}) {
        const std::vector<ntm::UnitState> a = old_index.states(date), b = index().states(date);
        for (size_t u = 0; u < a.size(); ++u) {
            EXPECT_EQ(a[u].count, b[u].count) << old_demo().units[u].code << " " << date.iso();
            EXPECT_EQ(a[u].met, b[u].met) << old_demo().units[u].code << " " << date.iso();
            EXPECT_EQ(a[u].level, b[u].level) << old_demo().units[u].code << " " << date.iso();
        }
    }
    // On 30/06/2025 the old units stand where the old demo has them at the end of 2025.
    const std::vector<ntm::UnitState> a = old_index.states(ymd(2025, 12, 31)),
                                      b = index().states(ymd(2025, 6, 30));
    for (size_t u = 0; u < a.size(); ++u) {
        EXPECT_EQ(a[u].count, b[u].count) << old_demo().units[u].code;
        EXPECT_EQ(a[u].level, b[u].level) << old_demo().units[u].code;
    }
    // Nothing of an old unit is dated after 30/06/2025.
    std::set<std::string> new_codes;
    for (const ntm::Unit& u : demo().units)
        if (u.version == 1) new_codes.insert(u.code);
    for (const ntm::Observation& o : demo().observations)
        if (o.date > ymd(2025, 6, 30)) {
            EXPECT_TRUE(new_codes.count(o.unit_code)) << o.unit_code << " " << o.date.iso();
            EXPECT_EQ(o.source.rfind("Minh họa", 0), 0u) << o.source;
        }
    for (const ntm::Recognition& r : demo().recognitions)
        if (r.date > ymd(2025, 6, 30)) {
            EXPECT_TRUE(new_codes.count(r.unit_code)) << r.unit_code;
            EXPECT_NE(r.decision.find("(minh họa)"), std::string::npos);
        }
}

TEST(Demo2025, UnitsInForceByDate) {
    const std::vector<ntm::UnitState> june = index().states(ymd(2025, 6, 30));
    const std::vector<ntm::UnitState> july = index().states(ymd(2025, 7, 1));
    int in_june = 0, in_july = 0;
    for (size_t u = 0; u < demo().units.size(); ++u) {
        const bool old_unit = demo().units[u].version == 0;
        EXPECT_EQ(june[u].in_force, old_unit) << u;
        EXPECT_EQ(july[u].in_force, !old_unit) << u;
        EXPECT_EQ(demo().in_force(static_cast<int>(u), ymd(2025, 6, 30)), old_unit);
        in_june += june[u].in_force;
        in_july += july[u].in_force;
    }
    EXPECT_EQ(in_june, 200);
    EXPECT_EQ(in_july, 65);
}

TEST(Demo2025, EveryNewUnitHasPredecessors) {
    const Dataset& ds = demo();
    std::set<int> linked;
    for (size_t u = 0; u < ds.units.size(); ++u) {
        if (ds.units[u].version != 1) continue;
        const std::vector<int> from = ds.predecessors(static_cast<int>(u));
        EXPECT_FALSE(from.empty()) << ds.units[u].code;
        for (int p : from) {
            EXPECT_EQ(ds.units[p].version, 0);
            linked.insert(p);
        }
    }
    for (const ntm::LineageLink& l : ds.lineage) EXPECT_EQ(l.date, ymd(2025, 7, 1));
    // Every unit of March 2025 went into a new unit; the six xã merged on 1 Dec 2024 did not
    // (their absorbers did) and have no successor.
    const std::set<std::string> merged_2024 = {"06007", "06052", "06295", "06301", "06454", "06568"};
    for (size_t u = 0; u < ds.units.size(); ++u) {
        if (ds.units[u].version != 0) continue;
        EXPECT_EQ(linked.count(static_cast<int>(u)) == 0, merged_2024.count(ds.units[u].code) == 1)
            << ds.units[u].code;
    }
    EXPECT_EQ(linked.size(), 194u);
}

TEST(Demo2025, BaSonFormedFromMauSonCaoLauXuatLe) {
    const Dataset& ds = demo();
    const int ba_son = ds.find_unit("06196", ymd(2025, 7, 1));
    ASSERT_GE(ba_son, 0);
    EXPECT_EQ(ds.units[ba_son].full_name(), "Xã Ba Sơn");
    const int cao_lau = ds.find_unit("06196", ymd(2025, 6, 30));
    ASSERT_GE(cao_lau, 0);
    EXPECT_EQ(ds.units[cao_lau].full_name(), "Xã Cao Lâu");
    std::map<std::string, std::string> from;
    for (int p : ds.predecessors(ba_son))
        from[ds.units[p].code] = ds.units[p].name + " (" + ds.units[p].district_name + ")";
    const std::map<std::string, std::string> want = {{"06238", "Mẫu Sơn (Huyện Cao Lộc)"},
                                                     {"06196", "Cao Lâu (Huyện Cao Lộc)"},
                                                     {"06202", "Xuất Lễ (Huyện Cao Lộc)"}};
    EXPECT_EQ(from, want);
    EXPECT_EQ(ds.successors(cao_lau), std::vector<int>{ba_son});
    // Mẫu Sơn of Lộc Bình (06532) went elsewhere.
    const int mau_son_loc_binh = ds.find_unit("06532", ymd(2025, 6, 30));
    ASSERT_GE(mau_son_loc_binh, 0);
    const std::vector<int> to = ds.successors(mau_son_loc_binh);
    ASSERT_EQ(to.size(), 1u);
    EXPECT_NE(to.front(), ba_son);

    // An observation of 06196 goes to Cao Lâu before the reform and to Ba Sơn from it.
    const auto formation = ntm::formation(ds, index(), ba_son);
    ASSERT_TRUE(formation);
    EXPECT_EQ(formation->predecessors.size(), 3u);
    EXPECT_EQ(formation->xa, 3);
}

TEST(Demo2025, CriteriaCarriedOverOn1July2025) {
    const Dataset& ds = demo();
    const Date before = ymd(2025, 6, 30), after = ymd(2025, 7, 1);
    EXPECT_EQ(ds.criteria_on(after).id, "2021-2025");
    for (size_t u = 0; u < ds.units.size(); ++u) {
        const ntm::Unit& unit = ds.units[u];
        if (unit.version != 1) continue;
        const ntm::UnitState s = index().state(static_cast<int>(u), after);
        if (!unit.assessed()) {
            EXPECT_EQ(s.band, -1) << unit.code;
            continue;
        }
        ASSERT_TRUE(s.has_data) << unit.code;
        ASSERT_EQ(s.met.size(), 19u);
        EXPECT_EQ(s.level, ntm::Level::None) << unit.code;  // a merged commune needs a new decision
        // Met exactly when every xã it was formed from met it the day before.
        for (int c = 0; c < 19; ++c) {
            bool all = true;
            for (int p : ds.predecessors(static_cast<int>(u)))
                if (ds.units[p].assessed()) all = all && index().state(p, before).met[c];
            EXPECT_EQ(s.met[c] == 1, all) << unit.code << " criterion " << c + 1;
        }
    }
    const ntm::Summary s = summary_on(ds, index(), after);
    EXPECT_EQ(s.xa_total, 61);
    EXPECT_EQ(s.xa_with_data, 61);
    EXPECT_EQ(s.criteria_count, 19);
    EXPECT_GT(s.at_standard, 0);
    EXPECT_LT(s.at_standard, 61);
}

TEST(Demo2025, Assessments2026) {
    const Dataset& ds = demo();
    const Date date = ymd(2026, 6, 30);
    const ntm::Summary s = summary_on(ds, index(), date);
    EXPECT_EQ(s.criteria_set, "2026-2030");
    EXPECT_EQ(s.criteria_count, 10);
    EXPECT_EQ(s.units_total, 65);
    EXPECT_EQ(s.xa_total, 61);
    EXPECT_EQ(s.not_applicable, 4);
    EXPECT_EQ(s.xa_with_data, 61);
    const ntm::CriteriaSet& set = ds.criteria_on(date);
    ASSERT_EQ(set.size(), 10);
    EXPECT_EQ(set.criteria[0].name_vi, "Quy hoạch");
    EXPECT_EQ(set.criteria[1].name_vi, "Hạ tầng kinh tế - xã hội");
    EXPECT_EQ(set.criteria[6].name_vi, "Khoa học công nghệ và chuyển đổi số");
    EXPECT_EQ(set.criteria[9].name_vi, "Tiếp cận pháp luật và an ninh, quốc phòng");
    std::vector<std::string> labels;
    int total = 0;
    for (const ntm::BandCount& b : s.bands) {
        labels.push_back(b.label);
        total += b.count;
    }
    EXPECT_EQ(labels, (std::vector<std::string>{"10", "8–9", "5–7", "3–4", "0–2"}));
    EXPECT_EQ(total, 61);
    EXPECT_EQ(s.at_standard, band_count(s, "10"));
    EXPECT_GE(s.at_standard, 1);
    EXPECT_GT(s.average_criteria, 3);
    EXPECT_LT(s.average_criteria, 8);

    // Between 15/02/2026 and the first round the new set has no data.
    const ntm::Summary february = summary_on(ds, index(), ymd(2026, 3, 1));
    EXPECT_EQ(february.criteria_count, 10);
    EXPECT_EQ(february.xa_with_data, 0);

    // November: progress on the whole; a few at standard, one modern; phường never assessed.
    const ntm::Summary december = summary_on(ds, index(), ymd(2026, 12, 31));
    EXPECT_GT(december.average_criteria, s.average_criteria);
    EXPECT_GE(december.at_standard, 3);
    EXPECT_LE(december.at_standard, 10);
    EXPECT_EQ(december.modern, 1);
    int standard_2026 = 0, modern_2026 = 0;
    for (const ntm::Recognition& r : ds.recognitions) {
        if (r.date < ymd(2026, 1, 1)) continue;
        const int u = ds.find_unit(r.unit_code, r.date);
        ASSERT_GE(u, 0);
        EXPECT_TRUE(ds.units[u].assessed());
        EXPECT_EQ(index().state(u, r.date).count, 10) << r.unit_code;
        standard_2026 += r.level == ntm::Level::Standard;
        modern_2026 += r.level == ntm::Level::Modern;
    }
    EXPECT_EQ(standard_2026, december.at_standard);
    EXPECT_EQ(modern_2026, 1);
    for (const ntm::Observation& o : ds.observations)
        if (o.date >= ymd(2026, 1, 1)) {
            const int u = ds.find_unit(o.unit_code, o.date);
            ASSERT_GE(u, 0);
            EXPECT_TRUE(ds.units[u].assessed()) << o.unit_code;
            EXPECT_EQ(o.criteria_set, "2026-2030");
            EXPECT_GE(o.criterion, 1);
            EXPECT_LE(o.criterion, 10);
        }
    std::map<int, int> groups;
    for (const ntm::Unit& u : ds.units)
        if (u.version == 1 && u.assessed()) ++groups[u.commune_group];
    EXPECT_GT(groups[1], 0);
    EXPECT_GT(groups[2], 0);
    EXPECT_GT(groups[3], 0);
}

TEST(Demo2025, EventsOfTheNewUnitsAreIllustrative) {
    std::set<std::string> codes;
    for (const ntm::Unit& u : demo().units) codes.insert(u.code);
    int after = 0;
    for (const ntm::Event& e : demo().events) {
        for (const std::string& c : e.unit_codes) EXPECT_TRUE(codes.count(c)) << c;
        if (e.start < ymd(2025, 7, 1)) continue;
        ++after;
        EXPECT_TRUE(e.district_codes.empty()) << e.title;
        EXPECT_EQ(e.source.rfind("Minh họa", 0), 0u) << e.source;
    }
    EXPECT_GE(after, 4);
    for (size_t i = 1; i < demo().events.size(); ++i)
        EXPECT_LE(demo().events[i - 1].start, demo().events[i].start);
}

TEST(Demo2025, Deterministic) {
    const Dataset again =
        ntm::demo::make_demo_dataset_2026(ntm::demo::parse_merger_list(read_text(kMergerList)));
    ASSERT_EQ(again.observations.size(), demo().observations.size());
    for (size_t i = 0; i < again.observations.size(); ++i) {
        ASSERT_EQ(again.observations[i].unit_code, demo().observations[i].unit_code) << i;
        ASSERT_EQ(again.observations[i].met, demo().observations[i].met) << i;
        ASSERT_EQ(again.observations[i].date, demo().observations[i].date) << i;
    }
    ASSERT_EQ(again.lineage.size(), demo().lineage.size());
    for (size_t i = 0; i < again.lineage.size(); ++i) {
        EXPECT_EQ(again.lineage[i].from, demo().lineage[i].from);
        EXPECT_EQ(again.lineage[i].to, demo().lineage[i].to);
    }
}

}  // namespace
