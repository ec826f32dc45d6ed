// Merger lists and code lists read from files; the real Lạng Sơn merger list of 1 July 2025
// matched against the real code list of March 2025.
#include "io/lineage_table.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "core/error.h"
#include "core/text.h"
#include "io/text_encoding.h"
#include "support/test_support.h"

namespace ntm::io {
namespace {

void write(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

// Two versions from the two real code lists: March 2025 (194 units in 11 districts) and July
// 2025 (65 units, no districts).
Dataset real_versions(const std::string& before, const std::string& after) {
    Dataset d;
    d.versions = {BoundaryVersion{"2025-03", "", std::nullopt, Date::from_ymd(2025, 6, 30), Grouping::District},
                  BoundaryVersion{"2025-07", "", Date::from_ymd(2025, 7, 1), std::nullopt, Grouping::None}};
    for (Unit u : read_unit_list(before)) d.units.push_back(std::move(u));
    for (Unit u : read_unit_list(after)) {
        u.version = 1;
        d.units.push_back(std::move(u));
    }
    d.reindex();
    return d;
}

TEST(LineageTableReal, EveryPredecessorOfTheLangSonMergerResolves) {
    NTM_REQUIRE_SHARED(merger, "units/langson_merger_2025-07.csv");
    NTM_REQUIRE_SHARED(before, "units/langson_units_2025-03.csv");
    NTM_REQUIRE_SHARED(after, "units/langson_units_2025-07.csv");
    const Dataset d = real_versions(before, after);
    ASSERT_EQ(d.units.size(), 194u + 65u);

    const std::vector<MergerRow> rows = read_merger_table(merger);
    ASSERT_EQ(rows.size(), 65u);
    EXPECT_EQ(rows.front().new_code, "05977");
    EXPECT_EQ(rows.front().line, 2);
    size_t names = 0;
    for (const MergerRow& r : rows) {
        names += r.formed_from.size();
        // Some published names are NFD (SOURCES.md): they come out NFC.
        for (const std::string& n : r.formed_from) EXPECT_EQ(n, normalize_nfc(n)) << r.new_code;
    }
    // 196 names for 194 units: Xã Bính Xá and Xã Kiên Mộc were each split between two new units.
    EXPECT_EQ(names, 196u);

    const LineageMatch m = match_lineage(d, rows, 0, 1, Date::from_ymd(2025, 7, 1), "langson_merger_2025-07.csv");
    std::string problems;
    for (const MatchProblem& p : m.problems) problems += p.name + ": " + p.reason + "\n";
    EXPECT_TRUE(m.problems.empty()) << problems;
    ASSERT_EQ(m.links.size(), 196u);

    std::map<int, int> uses;  // predecessor -> new units it went into
    for (const LineageLink& l : m.links) {
        EXPECT_EQ(d.units[l.from].version, 0);
        EXPECT_EQ(d.units[l.to].version, 1);
        ++uses[l.from];
    }
    EXPECT_EQ(uses.size(), 194u);  // every unit of March 2025 has a successor
    std::set<std::string> twice;
    for (const auto& [unit, n] : uses)
        if (n > 1) twice.insert(d.units[unit].code + " " + d.units[unit].name + " x" + std::to_string(n));
    EXPECT_EQ(twice, (std::set<std::string>{"06622 Bính Xá x2", "06625 Kiên Mộc x2"}));

    auto predecessors = [&](const std::string& code) {
        std::set<std::string> out;
        for (const LineageLink& l : m.links)
            if (d.units[l.to].code == code) out.insert(d.units[l.from].code + " " + d.units[l.from].full_name());
        return out;
    };
    // Unqualified names in two districts, settled by the other predecessors' district.
    EXPECT_TRUE(predecessors("06172").count("06175 Xã Hồng Thái"));   // Văn Lãng, not 06115 (Bình Gia)
    EXPECT_FALSE(predecessors("06172").count("06115 Xã Hồng Thái"));
    EXPECT_TRUE(predecessors("06184").count("06205 Xã Hồng Phong"));  // Cao Lộc, not 06079 (Bình Gia)
    EXPECT_FALSE(predecessors("06184").count("06079 Xã Hồng Phong"));
    // "Thị trấn Nông Trường Thái Bình" is "Thị trấn NT Thái Bình" in the code list.
    EXPECT_TRUE(predecessors("06616").count("06616 Thị trấn NT Thái Bình"));
    // Xã Ba Sơn: the code 06196 was Xã Cao Lâu's before.
    const std::set<std::string> ba_son = predecessors("06196");
    EXPECT_EQ(ba_son.size(), 3u);
    EXPECT_TRUE(ba_son.count("06196 Xã Cao Lâu"));
    // "Xã Đồng Ý" in the merger list, "Xã Đồng ý" in the code list.
    EXPECT_TRUE(predecessors("06337").count("06337 Xã Đồng ý"));
}

TEST(LineageTableReal, CodeListOfMarch2025) {
    NTM_REQUIRE_SHARED(before, "units/langson_units_2025-03.csv");
    const std::vector<Unit> units = read_unit_list(before);
    ASSERT_EQ(units.size(), 194u);
    std::map<UnitKind, int> kinds;
    std::set<std::string> districts;
    for (const Unit& u : units) {
        ++kinds[u.kind];
        districts.insert(u.district_code);
        EXPECT_EQ(u.name, strip_kind_prefix(u.name)) << u.code;
    }
    EXPECT_EQ(kinds[UnitKind::Xa], 175);
    EXPECT_EQ(kinds[UnitKind::ThiTran], 14);
    EXPECT_EQ(kinds[UnitKind::Phuong], 5);
    EXPECT_EQ(districts.size(), 11u);
    EXPECT_EQ(units.front().code, "05971");
    EXPECT_EQ(units.front().name, "Hoàng Văn Thụ");
    EXPECT_EQ(units.front().district_name, "Thành phố Lạng Sơn");
}

TEST(LineageTableReal, CodeListOfJuly2025TakesTheTypeFromTheFullName) {
    NTM_REQUIRE_SHARED(after, "units/langson_units_2025-07.csv");
    const std::vector<Unit> units = read_unit_list(after);
    ASSERT_EQ(units.size(), 65u);
    int phuong = 0;
    for (const Unit& u : units) {
        phuong += u.kind == UnitKind::Phuong;
        EXPECT_NE(u.kind, UnitKind::Unknown) << u.code;
        EXPECT_TRUE(u.district_code.empty());
    }
    EXPECT_EQ(phuong, 4);
}

TEST(LineageTable, ColumnsByOtherNamesAndSpreadsheetCodes) {
    const std::string dir = test::temp_dir("lineage-table");
    const std::string path = dir + "/sap_nhap.csv";
    // Vietnamese headers, a code stripped of its leading zero, a semicolon list, a blank row.
    write(path, "Mã,Tên,Trước sáp nhập\n6196,Xã Ba Sơn,\"Xã Mẫu Sơn (huyện Cao Lộc); Xã Cao Lâu\"\n,,\n"
                "06199,Xã Ð Thử,Xã A\n");
    const auto rows = read_merger_table(path);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].new_code, "06196");
    EXPECT_EQ(rows[0].formed_from, (std::vector<std::string>{"Xã Mẫu Sơn (huyện Cao Lộc)", "Xã Cao Lâu"}));
    EXPECT_EQ(rows[1].new_name, "Xã Đ Thử");  // Ð (U+00D0) folded to Đ
    EXPECT_EQ(rows[1].line, 4);
}

TEST(LineageTable, ErrorsNameTheFileAndRow) {
    const std::string dir = test::temp_dir("lineage-table");
    const std::string none = dir + "/none.csv", empty_cell = dir + "/empty.csv", twice = dir + "/twice.csv";
    write(none, "code,name\n06196,Xã Ba Sơn\n");
    write(empty_cell, "code_2025,formed_from\n06196,Xã A\n06199,\n");
    write(twice, "code_2025,formed_from\n06196,Xã A\n06196,Xã B\n");
    EXPECT_NE(error_of([&] { read_merger_table(none); }).find(none + ": no 'formed from' column"), std::string::npos);
    EXPECT_EQ(error_of([&] { read_merger_table(empty_cell); }),
              empty_cell + ", row 3: unit 06199 has no predecessors in column formed_from");
    EXPECT_EQ(error_of([&] { read_merger_table(twice); }),
              twice + ", row 3: unit 06196 is listed twice (also on row 2)");
    EXPECT_EQ(error_of([&] { read_merger_table(dir + "/missing.csv"); }), dir + "/missing.csv: no such file");
    const std::string bad_kind = dir + "/units.csv";
    write(bad_kind, "commune_code,commune_name,commune_type\n06196,Xã Cao Lâu,Xã\n06199,Ấp Một,Ấp\n");
    EXPECT_EQ(error_of([&] { read_unit_list(bad_kind); }),
              bad_kind + ", row 3: unknown unit type 'Ấp' (xã, phường, thị trấn, đặc khu)");
    for (const std::string& e : {error_of([&] { read_merger_table(none); }), error_of([&] { read_unit_list(bad_kind); })})
        EXPECT_EQ(e.find('\n'), std::string::npos) << e;
}

}  // namespace
}  // namespace ntm::io
