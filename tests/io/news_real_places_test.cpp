// News places against the real Lạng Sơn boundaries (../shared/data): the 2009 census communes
// (with their districts) and the 65 units of 1 July 2025 (no districts any more). Every name a
// bulletin links must be the unit's own name with its diacritics, in the district written beside
// it; a name with no unit on the item's date is reported, never linked to another.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "io/boundary_loader.h"
#include "io/news_import.h"
#include "io/news_places.h"
#include "support/test_support.h"

namespace fs = std::filesystem;

namespace ntm::io {
namespace {

Dataset real_dataset(const std::string& path, const std::string& id, std::optional<Date> from,
                     std::optional<Date> to) {
    LoadOptions o;
    o.source = path;
    o.check_topology = false;
    LoadedBoundaries loaded = load_boundaries(o);
    Dataset d;
    d.info.title = "Lạng Sơn";
    d.info.province_code = "20";
    d.versions = {BoundaryVersion{id, id, from, to, loaded.grouping}};
    d.units = std::move(loaded.units);
    for (Unit& u : d.units) u.version = 0;
    return d;
}

// Both versions: the 2009 communes until 30 June 2025, the 2025 units from 1 July 2025.
Dataset both(const std::string& y2009, const std::string& y2025) {
    Dataset d = real_dataset(y2009, "2009", std::nullopt, Date::from_ymd(2025, 6, 30));
    Dataset n = real_dataset(y2025, "2025-07", Date::from_ymd(2025, 7, 1), std::nullopt);
    d.versions.push_back(n.versions[0]);
    for (Unit u : n.units) {
        u.version = 1;
        d.units.push_back(std::move(u));
    }
    return d;
}

struct Item {
    std::string file, province, text;
};

std::vector<Item> corpus() {
    std::vector<Item> out;
    for (const auto& e : fs::directory_iterator(std::string(NTM_TEST_DATA_DIR) + "/news/items")) {
        std::ifstream in(e.path(), std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        const std::string all = s.str();
        const size_t nl = all.find('\n');
        const std::string header = all.substr(0, nl);
        Item it{e.path().filename().string(), header.substr(header.rfind(" | ") + 3), all.substr(nl + 1)};
        out.push_back(std::move(it));
    }
    return out;
}

// Every link of a bulletin: the unit's name is the name written (diacritics and all) and, when a
// district was written beside it, the unit lies in that district; a stored recognition's unit is
// in force on the decision's date.
void expect_exact_links(const NewsBulletin& b, const Dataset& d, const std::string& file, int* links) {
    for (const NewsRecognition& r : b.recognitions) {
        if (r.recognition.unit_code.empty()) continue;
        ++*links;
        const int u = d.find_unit(r.recognition.unit_code, r.recognition.date);
        ASSERT_GE(u, 0) << file << ": " << r.unit_written << " linked to a unit not in force on " << r.recognition.date.iso();
        EXPECT_EQ(news::place_key(d.units[u].name), news::place_key(r.unit_written))
            << file << ": " << r.unit_written << " linked to " << d.units[u].name;
        if (!r.district_written.empty())
            EXPECT_EQ(news::place_key(news::strip_district_prefix(d.units[u].district_name)),
                      news::place_key(news::strip_district_prefix(r.district_written)))
                << file << ": " << r.unit_written << ", " << r.district_written << " linked in "
                << d.units[u].district_name;
    }
    for (const NewsEvent& e : b.events)
        for (const NewsPlace& p : e.places) {
            if (p.district || p.code.empty()) continue;
            ++*links;
            const int u = d.find_unit(p.code, e.event.start);
            EXPECT_GE(u, 0) << file << ": " << p.name << " (" << p.code << ") is not in force on " << e.event.start.iso();
            if (u < 0) continue;
            // The name shown is the unit's; it must be written in the item as such.
            EXPECT_NE(news::place_key(e.sentence).find(news::place_key(d.units[u].name)), std::string::npos)
                << file << ": " << d.units[u].name << " is not written in: " << e.sentence;
        }
}

TEST(NewsRealPlaces, CorpusLinksOnlyExactNamesIn2009And2025Units) {
    NTM_REQUIRE_SHARED(y2009, "boundaries/langson_communes_2009.geojson");
    NTM_REQUIRE_SHARED(y2025, "boundaries/langson_communes_2025.geojson");
    const Dataset old_units = real_dataset(y2009, "2009", std::nullopt, std::nullopt);
    const Dataset new_units = real_dataset(y2025, "2025-07", Date::from_ymd(2025, 7, 1), std::nullopt);
    const Dataset all = both(y2009, y2025);
    int links = 0;
    for (const Item& it : corpus()) {
        for (const Dataset* d : {&old_units, &new_units, &all}) {
            Dataset copy = *d;
            if (it.province != "Lạng Sơn") copy.info.title = it.province;  // "toàn tỉnh" is theirs
            const NewsBulletin b = parse_news(check_news_text(it.text, it.file), it.file, copy);
            expect_exact_links(b, copy, it.file, &links);
        }
    }
    EXPECT_GT(links, 20) << "the Lạng Sơn items link their communes";
}

NewsBulletin read(const std::string& file, const Dataset& d) {
    for (const Item& it : corpus())
        if (it.file == file) return parse_news(check_news_text(it.text, it.file), it.file, d);
    ADD_FAILURE() << file << " is not in the corpus";
    return {};
}

std::string notes(const NewsBulletin& b) {
    std::string out;
    for (const NewsNote& n : b.notes) out += n.message + "\n";
    return out;
}

// xã Chi Lăng, huyện Tràng Định (advanced, 26/01/2023): in the 2009 communes it is the one of
// Tràng Định, not the one of Chi Lăng district; among the 2025 units alone (from 1 July 2025)
// nothing is in force on that day, so nothing is linked and the name is reported.
TEST(NewsRealPlaces, ChiLangOfTrangDinhIn2009NothingIn2025) {
    NTM_REQUIRE_SHARED(y2009, "boundaries/langson_communes_2009.geojson");
    NTM_REQUIRE_SHARED(y2025, "boundaries/langson_communes_2025.geojson");
    const Dataset old_units = real_dataset(y2009, "2009", std::nullopt, std::nullopt);
    const NewsBulletin a = read("ls_2023-01_nang-cao-3-xa.txt", old_units);
    ASSERT_EQ(a.recognitions.size(), 3u);
    const NewsRecognition& chi_lang = a.recognitions[0];
    ASSERT_TRUE(chi_lang.stored) << notes(a);
    const int u = old_units.find_unit(chi_lang.recognition.unit_code);
    ASSERT_GE(u, 0);
    EXPECT_EQ(old_units.units[u].name, "Chi Lăng");
    EXPECT_EQ(news::strip_district_prefix(old_units.units[u].district_name), "Tràng Định");

    const Dataset new_units = real_dataset(y2025, "2025-07", Date::from_ymd(2025, 7, 1), std::nullopt);
    const NewsBulletin b = read("ls_2023-01_nang-cao-3-xa.txt", new_units);
    for (const NewsRecognition& r : b.recognitions) EXPECT_FALSE(r.stored) << r.unit_written;
    EXPECT_NE(notes(b).find("xã Chi Lăng"), std::string::npos) << notes(b);
    for (const NewsEvent& e : b.events) EXPECT_TRUE(e.event.unit_codes.empty()) << e.sentence;
}

// After 1 July 2025 Lạng Sơn has no districts: "huyện Văn Quan" names nothing, and a commune
// written beside it is not looked for elsewhere.
TEST(NewsRealPlaces, NoDistrictsAfterJuly2025) {
    NTM_REQUIRE_SHARED(y2025, "boundaries/langson_communes_2025.geojson");
    const Dataset d = real_dataset(y2025, "2025-07", Date::from_ymd(2025, 7, 1), std::nullopt);
    const NewsBulletin b = parse_news(
        "Ngày 15/8/2025, Đoàn kiểm tra của tỉnh làm việc tại xã Chi Lăng, huyện Tràng Định và xã Văn Quan.", "t.txt", d);
    ASSERT_EQ(b.events.size(), 1u);
    // Xã Văn Quan is a unit of 2025; Chi Lăng of Tràng Định is a commune of the districts' time.
    ASSERT_EQ(b.events[0].event.unit_codes.size(), 1u) << notes(b);
    const int u = d.find_unit(b.events[0].event.unit_codes[0], Date::from_ymd(2025, 8, 15));
    ASSERT_GE(u, 0);
    EXPECT_EQ(d.units[u].name, "Văn Quan");
    EXPECT_TRUE(b.events[0].event.district_codes.empty());
}


// After the 2025 reform a notice names a commune with its province, not a district: "xã Tân Thành,
// tỉnh Lạng Sơn" is the 2025 unit of that name; the same name beside another province is no unit of
// this dataset, and a name with no unit then ("Tân Thanh") is reported, never linked to Tân Thành.
TEST(NewsRealPlaces, CommunesBesideTheirProvinceAfterJuly2025) {
    NTM_REQUIRE_SHARED(y2025, "boundaries/langson_communes_2025.geojson");
    const Dataset d = real_dataset(y2025, "2025-07", Date::from_ymd(2025, 7, 1), std::nullopt);
    const NewsBulletin b = parse_news(
        "Ngày 15/12/2025, UBND tỉnh Lạng Sơn ban hành Quyết định số 2500/QĐ-UBND công nhận xã Tân Thành, tỉnh Lạng "
        "Sơn đạt chuẩn nông thôn mới nâng cao năm 2025.\n\nNgày 16/12/2025, UBND tỉnh Cao Bằng ban hành Quyết định số "
        "2510/QĐ-UBND công nhận xã Tân Thành, tỉnh Cao Bằng đạt chuẩn nông thôn mới năm 2025.\n\nNgày 17/12/2025, "
        "UBND tỉnh ban hành Quyết định số 2520/QĐ-UBND công nhận xã Tân Thanh (tỉnh Lạng Sơn) và xã Yên Bình (tỉnh "
        "Tuyên Quang) đạt chuẩn nông thôn mới năm 2025.\n\nNgày 18/12/2025, đoàn công tác của Bộ Nông nghiệp và Môi "
        "trường kiểm tra tại xã Yên Bình, tỉnh Thái Nguyên và xã Chi Lăng - tỉnh Lạng Sơn.",
        "t.txt", d);
    const std::string n = notes(b);
    ASSERT_EQ(b.recognitions.size(), 4u) << n;
    EXPECT_TRUE(b.recognitions[0].stored) << n;
    const int u = d.find_unit(b.recognitions[0].recognition.unit_code, Date::from_ymd(2025, 12, 15));
    ASSERT_GE(u, 0);
    EXPECT_EQ(d.units[u].name, "Tân Thành");
    EXPECT_STREQ(level_id(b.recognitions[0].recognition.level), "advanced");
    for (size_t i = 1; i < 4; ++i) EXPECT_FALSE(b.recognitions[i].stored) << b.recognitions[i].unit_written;
    EXPECT_EQ(b.recognitions[2].why, "no unit of that name");
    EXPECT_EQ(b.recognitions[3].why, "a commune of another province");
    EXPECT_EQ(b.recognitions[1].why, "a commune of another province");
    EXPECT_EQ(b.recognitions[1].district_written, "tỉnh Cao Bằng");
    EXPECT_NE(n.find("xã Tân Thành, tỉnh Cao Bằng: another province than the dataset's; not linked"), std::string::npos)
        << n;
    EXPECT_NE(n.find("xã Tân Thanh: no unit of that name on 2025-12-17; not linked"), std::string::npos) << n;
    EXPECT_NE(n.find("xã Yên Bình, tỉnh Tuyên Quang: another province"), std::string::npos) << n;
    // The inspection: Chi Lăng of Lạng Sơn is linked, Yên Bình of Thái Nguyên is not.
    ASSERT_EQ(b.events.size(), 4u) << n;
    ASSERT_EQ(b.events[3].event.unit_codes.size(), 1u) << n;
    const int c = d.find_unit(b.events[3].event.unit_codes[0], Date::from_ymd(2025, 12, 18));
    ASSERT_GE(c, 0);
    EXPECT_EQ(d.units[c].name, "Chi Lăng");
    EXPECT_NE(n.find("xã Yên Bình, tỉnh Thái Nguyên: another province"), std::string::npos) << n;
}

}  // namespace
}  // namespace ntm::io
