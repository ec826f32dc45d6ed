// The illustrative demo dataset: units, the exact published figures of 31 July 2020, the shape of
// the histories, the events of the news bulletins, determinism.
#include "core/demo.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/state.h"
#include "core/statistics.h"
#include "core/text.h"

namespace {

using ntm::Dataset;
using ntm::Date;

const Dataset& demo() {
    static const Dataset dataset = ntm::demo::make_demo_dataset();
    return dataset;
}

const ntm::AttainmentIndex& demo_index() {
    static const ntm::AttainmentIndex index(demo());
    return index;
}

ntm::Summary summary_on(int y, int m, int d) {
    const Date date = Date::from_ymd(y, m, d);
    return ntm::summarize(demo(), demo_index().states(date), date);
}

double round2(double v) { return std::round(v * 100) / 100; }

const ntm::BandCount& band(const ntm::Summary& s, const std::string& label) {
    for (const ntm::BandCount& b : s.bands)
        if (b.label == label) return b;
    static const ntm::BandCount none{};
    ADD_FAILURE() << "no band " << label;
    return none;
}

const ntm::Unit* unit(const std::string& code) {
    const int i = demo().find_unit(code);
    return i < 0 ? nullptr : &demo().units[i];
}

TEST(Demo, UnitsAsIn2020) {
    const Dataset& ds = demo();
    ASSERT_EQ(ds.units.size(), 200u);
    std::map<ntm::UnitKind, int> kinds;
    std::set<std::string> codes;
    for (const ntm::Unit& u : ds.units) {
        ++kinds[u.kind];
        EXPECT_TRUE(codes.insert(u.code).second) << "duplicate code " << u.code;
        EXPECT_EQ(u.code.size(), 5u) << u.code;
        EXPECT_FALSE(u.name.empty());
        EXPECT_EQ(u.name, ntm::trim(u.name));
        EXPECT_EQ(u.name.find("  "), std::string::npos) << u.name;
        EXPECT_EQ(u.search_key, ntm::fold_search_key(u.name));
        EXPECT_FALSE(u.district_code.empty());
        EXPECT_FALSE(u.district_name.empty());
        EXPECT_EQ(u.full_name().rfind(ntm::kind_name_vi(u.kind), 0), 0u) << u.full_name();
    }
    EXPECT_EQ(kinds[ntm::UnitKind::Xa], 181);
    EXPECT_EQ(kinds[ntm::UnitKind::Phuong], 5);
    EXPECT_EQ(kinds[ntm::UnitKind::ThiTran], 14);
    EXPECT_EQ(kinds[ntm::UnitKind::Unknown], 0);

    const std::vector<ntm::District> districts = ds.districts();
    ASSERT_EQ(districts.size(), 11u);
    EXPECT_EQ(districts.front().code, "178");
    EXPECT_EQ(districts.front().name, "Thành phố Lạng Sơn");
    EXPECT_EQ(districts[1].name, "Huyện Tràng Định");
    EXPECT_EQ(districts.back().code, "189");
    EXPECT_EQ(districts.back().name, "Huyện Đình Lập");

    ASSERT_NE(unit("05971"), nullptr);
    EXPECT_EQ(unit("05971")->name, "Hoàng Văn Thụ");
    EXPECT_EQ(unit("05971")->kind, ntm::UnitKind::Phuong);
    ASSERT_NE(unit("06178"), nullptr);
    EXPECT_EQ(unit("06178")->name, "Hoàng Văn Thụ");  // "Xã  Hoàng Văn Thụ" in the GSO list
    ASSERT_NE(unit("06268"), nullptr);
    EXPECT_EQ(unit("06268")->name, "Liên Hội");
    // The six xã of 2020 merged on 1 Dec 2024.
    const std::map<std::string, std::string> merged = {
        {"06007", "Vĩnh Tiến"}, {"06052", "Đại Đồng"}, {"06295", "Đồng Giáp"},
        {"06301", "Tràng Các"}, {"06454", "Sơn Hà"},   {"06568", "Tĩnh Bắc"}};
    for (const auto& [code, name] : merged) {
        const ntm::Unit* u = unit(code);
        ASSERT_NE(u, nullptr) << code;
        EXPECT_EQ(u->name, name);
        EXPECT_EQ(u->kind, ntm::UnitKind::Xa);
    }
    // Tràng Định had 21 xã in 2020 (the veterans' training of 2023 names 21 xã).
    int trang_dinh = 0, border = 0;
    for (const ntm::Unit& u : ds.units) {
        if (u.district_code == "180" && u.kind == ntm::UnitKind::Xa) ++trang_dinh;
        for (const std::string& tag : u.tags)
            if (tag == "border") {
                ++border;
                static const std::set<std::string> border_districts = {"180", "182", "183", "188",
                                                                       "189"};
                EXPECT_TRUE(border_districts.count(u.district_code)) << u.code;
            }
    }
    EXPECT_EQ(trang_dinh, 21);
    EXPECT_GT(border, 10);
}

TEST(Demo, Info) {
    const ntm::DatasetInfo& info = demo().info;
    EXPECT_EQ(info.title, "Lạng Sơn");
    EXPECT_EQ(info.province_code, "20");
    EXPECT_TRUE(info.illustrative);
    EXPECT_NE(info.source.find("Dữ liệu minh họa"), std::string::npos);
    EXPECT_EQ(demo().criteria_on(ntm::Date::from_ymd(2020, 7, 31)).id, "2016-2020");
    EXPECT_EQ(demo().criteria_on(ntm::Date::from_ymd(2020, 7, 31)).size(), 19);
}

TEST(Demo, PublishedFiguresOf31July2020) {
    const ntm::Summary s = summary_on(2020, 7, 31);
    EXPECT_EQ(s.units_total, 200);
    EXPECT_EQ(s.not_applicable, 19);
    EXPECT_EQ(s.xa_total, 181);
    EXPECT_EQ(s.xa_with_data, 181);
    ASSERT_EQ(s.bands.size(), 5u);
    EXPECT_EQ(band(s, "19").count, 51);
    EXPECT_EQ(band(s, "15–18").count, 4);
    EXPECT_EQ(band(s, "10–14").count, 36);
    EXPECT_EQ(band(s, "5–9").count, 90);
    EXPECT_EQ(band(s, "0–4").count, 0);
    EXPECT_DOUBLE_EQ(round2(band(s, "19").percent), 28.18);
    EXPECT_DOUBLE_EQ(round2(band(s, "15–18").percent), 2.21);
    EXPECT_DOUBLE_EQ(round2(band(s, "10–14").percent), 19.89);
    EXPECT_DOUBLE_EQ(round2(band(s, "5–9").percent), 49.72);
    EXPECT_DOUBLE_EQ(round2(s.average_criteria), 11.66);
    EXPECT_EQ(s.at_standard, 51);

    // Total criteria: 2110 or 2111 (both give 11.66).
    const std::vector<ntm::UnitState> states = demo_index().states(Date::from_ymd(2020, 7, 31));
    int total = 0;
    for (size_t i = 0; i < states.size(); ++i)
        if (demo().units[i].assessed()) total += states[i].count;
    EXPECT_TRUE(total == 2110 || total == 2111) << total;
}

TEST(Demo, ReportedFiguresMatchTheComputedOnes) {
    const ntm::Summary s = summary_on(2020, 7, 31);
    std::map<std::string, double> computed = {{"xa_total", s.xa_total},
                                              {"average_criteria", round2(s.average_criteria)}};
    for (const ntm::BandCount& b : s.bands) {
        std::string label = b.label;
        const std::string dash = "–";
        if (const size_t at = label.find(dash); at != std::string::npos)
            label.replace(at, dash.size(), "-");
        computed["band:" + label + ":count"] = b.count;
        computed["band:" + label + ":percent"] = round2(b.percent);
    }
    int province = 0, national = 0;
    for (const ntm::ReportedFigure& f : demo().reported) {
        if (f.scope == "province:20") {
            ++province;
            EXPECT_EQ(f.date.iso(), "2020-07-31");
            ASSERT_TRUE(computed.count(f.figure)) << f.figure;
            EXPECT_DOUBLE_EQ(computed[f.figure], f.value) << f.figure;
        } else if (f.scope == "national") {
            ++national;
            EXPECT_EQ(f.date.iso(), "2022-10-31");
            EXPECT_EQ(f.source.rfind("bulletin_2022-10_tin-tuc.txt", 0), 0u);
        } else {
            ADD_FAILURE() << "unexpected scope " << f.scope;
        }
    }
    EXPECT_EQ(province, 10);
    EXPECT_EQ(national, 5);
    std::map<std::string, double> want = {{"xa_standard_count", 5860},
                                          {"xa_standard_percent", 71.3},
                                          {"xa_advanced_count", 925},
                                          {"xa_model_count", 110},
                                          {"average_criteria", 17.1}};
    for (const ntm::ReportedFigure& f : demo().reported)
        if (f.scope == "national") {
            EXPECT_DOUBLE_EQ(want[f.figure], f.value) << f.figure;
        }
}

TEST(Demo, EveryXaHasDataFrom2011AndOnlyXa) {
    const Dataset& ds = demo();
    std::map<std::string, std::set<int>> baseline;  // criteria observed in 2011
    for (const ntm::Observation& o : ds.observations) {
        const ntm::Unit* u = unit(o.unit_code);
        ASSERT_NE(u, nullptr) << o.unit_code;
        EXPECT_EQ(u->kind, ntm::UnitKind::Xa) << o.unit_code;
        EXPECT_GE(o.criterion, 1);
        EXPECT_LE(o.criterion, 19);
        EXPECT_GE(o.date, Date::from_ymd(2011, 1, 1));
        EXPECT_LE(o.date, Date::from_ymd(2025, 12, 31));
        EXPECT_EQ(o.source.rfind("Minh họa", 0), 0u) << o.source;
        if (o.date.year() == 2011) baseline[o.unit_code].insert(o.criterion);
    }
    for (const ntm::Unit& u : ds.units)
        if (u.assessed()) {
            EXPECT_EQ(baseline[u.code].size(), 19u) << u.code;
        }
    const ntm::Summary s = summary_on(2011, 12, 31);
    EXPECT_EQ(s.xa_with_data, 181);
}

TEST(Demo, Deterministic) {
    const Dataset a = ntm::demo::make_demo_dataset();
    const Dataset& b = demo();
    ASSERT_EQ(a.observations.size(), b.observations.size());
    for (size_t i = 0; i < a.observations.size(); ++i) {
        const ntm::Observation &x = a.observations[i], &y = b.observations[i];
        ASSERT_EQ(x.unit_code, y.unit_code) << i;
        ASSERT_EQ(x.criterion, y.criterion) << i;
        ASSERT_EQ(x.met, y.met) << i;
        ASSERT_EQ(x.date, y.date) << i;
        ASSERT_EQ(x.source, y.source) << i;
    }
    ASSERT_EQ(a.recognitions.size(), b.recognitions.size());
    for (size_t i = 0; i < a.recognitions.size(); ++i) {
        EXPECT_EQ(a.recognitions[i].unit_code, b.recognitions[i].unit_code);
        EXPECT_EQ(a.recognitions[i].level, b.recognitions[i].level);
        EXPECT_EQ(a.recognitions[i].date, b.recognitions[i].date);
        EXPECT_EQ(a.recognitions[i].decision, b.recognitions[i].decision);
    }
    ASSERT_EQ(a.events.size(), b.events.size());
    for (size_t i = 0; i < a.events.size(); ++i) {
        EXPECT_EQ(a.events[i].start, b.events[i].start);
        EXPECT_EQ(a.events[i].title, b.events[i].title);
        EXPECT_EQ(a.events[i].unit_codes, b.events[i].unit_codes);
    }
}

TEST(Demo, CriteriaAreLostRegainedAndLostForGood) {
    // Per unit and criterion, the marks in date order.
    std::map<std::pair<std::string, int>, std::vector<std::pair<Date, bool>>> marks;
    for (const ntm::Observation& o : demo().observations)
        marks[{o.unit_code, o.criterion}].push_back({o.date, o.met});
    int lost = 0, regained = 0, lost_for_good = 0;
    for (auto& [key, list] : marks) {
        std::sort(list.begin(), list.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        bool had = false, was_lost = false;
        for (const auto& [date, met] : list) {
            if (had && !met) {
                ++lost;
                was_lost = true;
            }
            if (was_lost && met) ++regained;
            had = had || met;
        }
        if (was_lost && !list.back().second) ++lost_for_good;
    }
    EXPECT_GT(lost, 10);
    EXPECT_GT(regained, 5);
    EXPECT_GE(lost_for_good, 1);
}

TEST(Demo, ProgressBy2025) {
    for (int year = 2020; year <= 2025; ++year) {
        const Date date = Date::from_ymd(year, 12, 31);
        const std::vector<ntm::UnitState> states = demo_index().states(date);
        for (size_t i = 0; i < states.size(); ++i)
            if (demo().units[i].assessed()) {
                EXPECT_TRUE(states[i].has_data);
                EXPECT_GE(states[i].count, 5) << demo().units[i].code << " " << year;
            }
    }
    const ntm::Summary s2025 = summary_on(2025, 12, 31);
    const double percent = 100.0 * s2025.at_standard / s2025.xa_total;
    EXPECT_GE(percent, 60);
    EXPECT_LE(percent, 75);
    EXPECT_GT(s2025.average_criteria, summary_on(2020, 7, 31).average_criteria + 3);
    EXPECT_GT(s2025.advanced, 0);
    EXPECT_GT(s2025.model, 0);
    // Attainment only rises on the whole, year after year.
    double previous = 0;
    for (int year = 2011; year <= 2025; ++year) {
        const double average = summary_on(year, 12, 31).average_criteria;
        EXPECT_GT(average, previous) << year;
        previous = average;
    }
}

TEST(Demo, CityXaAtStandardFrom2018) {
    std::vector<int> city_xa;
    for (size_t i = 0; i < demo().units.size(); ++i)
        if (demo().units[i].district_code == "178" && demo().units[i].assessed())
            city_xa.push_back(static_cast<int>(i));
    ASSERT_EQ(city_xa.size(), 3u);
    for (int year = 2018; year <= 2025; ++year)
        for (int u : city_xa) {
            const ntm::UnitState st = demo_index().state(u, Date::from_ymd(year, 12, 31));
            EXPECT_EQ(st.count, 19) << demo().units[u].name << " " << year;
            EXPECT_GE(static_cast<int>(st.level), static_cast<int>(ntm::Level::Standard));
        }
}

TEST(Demo, RecognitionsFollowAttainment) {
    const Dataset& ds = demo();
    std::map<std::string, std::map<ntm::Level, Date>> first;
    int advanced = 0, model = 0;
    for (const ntm::Recognition& r : ds.recognitions) {
        const int u = ds.find_unit(r.unit_code);
        ASSERT_GE(u, 0);
        EXPECT_TRUE(ds.units[u].assessed());
        EXPECT_NE(r.decision.find("(minh họa)"), std::string::npos);
        EXPECT_NE(r.level, ntm::Level::None);
        if (!first[r.unit_code].count(r.level)) first[r.unit_code][r.level] = r.date;
        if (r.level == ntm::Level::Advanced) {
            ++advanced;
            EXPECT_GE(r.date.year(), 2019);
        }
        if (r.level == ntm::Level::Model) {
            ++model;
            EXPECT_GE(r.date.year(), 2021);
        }
        // Recognised while (or just after) meeting every criterion.
        if (r.level == ntm::Level::Standard) {
            EXPECT_EQ(demo_index().state(u, r.date).count, 19)
                << r.unit_code << " " << r.date.iso();
        }
    }
    EXPECT_GE(advanced, 3);
    EXPECT_GE(model, 1);
    for (const auto& [code, levels] : first) {
        ASSERT_TRUE(levels.count(ntm::Level::Standard)) << code;
        if (levels.count(ntm::Level::Advanced)) {
            EXPECT_LT(levels.at(ntm::Level::Standard), levels.at(ntm::Level::Advanced)) << code;
        }
        if (levels.count(ntm::Level::Model)) {
            ASSERT_TRUE(levels.count(ntm::Level::Advanced)) << code;
            EXPECT_LT(levels.at(ntm::Level::Advanced), levels.at(ntm::Level::Model)) << code;
        }
    }
    // Liên Hội, a pilot xã for 2023, reached the standard in 2023.
    ASSERT_TRUE(first.count("06268"));
    EXPECT_EQ(first["06268"][ntm::Level::Standard].year(), 2023);
    // Đình Lập: every xã at standard by the end of 2025.
    const Date end = Date::from_ymd(2025, 12, 31);
    const ntm::Summary dinh_lap = ntm::summarize(ds, demo_index().states(end), end, [&](int u) {
        return ds.units[u].district_code == "189";
    });
    EXPECT_EQ(dinh_lap.at_standard, dinh_lap.xa_total);
}

const ntm::Event* find_event(const std::string& iso, ntm::EventKind kind,
                             const std::string& district) {
    for (const ntm::Event& e : demo().events)
        if (e.start.iso() == iso && e.kind == kind &&
            (district.empty() ? e.district_codes.empty()
                              : std::find(e.district_codes.begin(), e.district_codes.end(),
                                          district) != e.district_codes.end()))
            return &e;
    return nullptr;
}

TEST(Demo, EventsOfTheBulletins) {
    const std::string tin_tuc = "bulletin_2023-08_tin-tuc.txt";
    // The inspections of 16–22 August 2023.
    const std::pair<const char*, const char*> inspections[] = {{"2023-08-16", "187"},
                                                               {"2023-08-17", "184"},
                                                               {"2023-08-18", "189"},
                                                               {"2023-08-21", "182"},
                                                               {"2023-08-22", "183"}};
    for (const auto& [iso, district] : inspections) {
        const ntm::Event* e = find_event(iso, ntm::EventKind::Inspection, district);
        ASSERT_NE(e, nullptr) << iso;
        EXPECT_EQ(e->source, tin_tuc);
        EXPECT_EQ(e->district_codes, std::vector<std::string>{district});
        EXPECT_EQ(e->end, e->start);
        EXPECT_NE(e->title.find("Kiểm tra"), std::string::npos);
        EXPECT_FALSE(e->organiser.empty());
    }
    EXPECT_EQ(find_event("2023-08-22", ntm::EventKind::Inspection, "183")->organiser,
              "Sở Văn hóa, Thể thao và Du lịch");

    const ntm::Event* loc_binh = find_event("2023-07-26", ntm::EventKind::Training, "188");
    ASSERT_NE(loc_binh, nullptr);
    EXPECT_EQ(loc_binh->end.iso(), "2023-07-27");
    EXPECT_EQ(loc_binh->participants, 100);
    EXPECT_EQ(loc_binh->source, tin_tuc);

    const ntm::Event* veterans = find_event("2023-08-22", ntm::EventKind::Training, "180");
    ASSERT_NE(veterans, nullptr);
    EXPECT_EQ(veterans->participants, 80);
    EXPECT_EQ(veterans->unit_codes.size(), 21u);
    EXPECT_EQ(veterans->source, "bulletin_2023-08_hoat-dong-dia-phuong.txt");
    EXPECT_NE(veterans->organiser.find("Hội Cựu chiến binh"), std::string::npos);

    const ntm::Event* conference = find_event("2023-07-17", ntm::EventKind::Conference, "");
    ASSERT_NE(conference, nullptr);
    EXPECT_NE(conference->title.find("sơ kết"), std::string::npos);
    EXPECT_EQ(conference->source, tin_tuc);

    const ntm::Event* campaign = find_event("2022-10-06", ntm::EventKind::Campaign, "183");
    ASSERT_NE(campaign, nullptr);
    EXPECT_EQ(campaign->organiser, "UBND huyện Cao Lộc");
    EXPECT_EQ(campaign->source, "bulletin_2022-10_tin-tuc.txt");
}

TEST(Demo, IllustrativeEventsAreMarked) {
    int inspections = 0, recognitions = 0;
    for (const ntm::Event& e : demo().events) {
        EXPECT_LE(e.start, e.end);
        EXPECT_FALSE(e.title.empty());
        EXPECT_TRUE(ntm::is_valid_utf8(e.title));
        const bool bulletin = e.source.rfind("bulletin_", 0) == 0;
        if (!bulletin) {
            EXPECT_EQ(e.source.rfind("Minh họa", 0), 0u) << e.source;
        }
        for (const std::string& d : e.district_codes) {
            bool known = false;
            for (const ntm::District& district : demo().districts()) known |= district.code == d;
            EXPECT_TRUE(known) << d;
        }
        for (const std::string& code : e.unit_codes) EXPECT_NE(unit(code), nullptr) << code;
        if (!bulletin && e.kind == ntm::EventKind::Inspection) ++inspections;
        if (e.kind == ntm::EventKind::Recognition) ++recognitions;
    }
    EXPECT_GE(inspections, 11 * 14);  // yearly per district
    EXPECT_GT(recognitions, 20);
    // Sorted by date.
    for (size_t i = 1; i < demo().events.size(); ++i)
        EXPECT_LE(demo().events[i - 1].start, demo().events[i].start);
}

TEST(Demo, MergedXaStopBeforeTheirMerger) {
    const Date merger = Date::from_ymd(2024, 12, 1);
    const std::set<std::string> merged = {"06007", "06052", "06295", "06301", "06454", "06568"};
    for (const ntm::Observation& o : demo().observations)
        if (merged.count(o.unit_code)) {
            EXPECT_LT(o.date, merger) << o.unit_code;
        }
    for (const ntm::Recognition& r : demo().recognitions)
        if (merged.count(r.unit_code)) {
            EXPECT_LT(r.date, merger) << r.unit_code;
        }
}

}  // namespace
