// `ntm-atlas import-news` on a copy of the demo dataset: import, re-import, dry run, JSON and
// the one-line errors.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "support/test_support.h"

namespace fs = std::filesystem;
using ntm::test::run_cli;

namespace {

using Json = nlohmann::json;

std::string news(const std::string& name) { return std::string(NTM_TEST_DATA_DIR) + "/news/" + name; }

// A copy of the demo dataset in a fresh folder.
std::string demo_copy(const std::string& dir) {
    const std::string path = dir + "/d.gpkg";
    fs::copy_file(NTM_DEMO_DATASET, path);
    return path;
}

std::string q(const std::string& s) { return "'" + s + "'"; }

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}


TEST(NewsCli, ImportThenReimportAddsNothing) {
    const std::string dir = ntm::test::temp_dir("news-cli");
    const std::string data = demo_copy(dir);
    const std::string files = q(news("bulletin_2023-10_hoat-dong.txt")) + " " + q(news("bulletin_2024-06_van-ban.txt")) +
                              " " + q(news("bulletin_2021-07_ket-qua.txt"));
    const auto first = run_cli("import-news --data " + q(data) + " " + files);
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_EQ(first.err, "");
    EXPECT_TRUE(contains(first.out, "Mới: 13 sự kiện, 18 số liệu; đã có: 0 sự kiện, 0 số liệu. Đã ghi vào " + data + ".\n"))
        << first.out;
    EXPECT_TRUE(contains(first.out, "2023-09-19..2023-09-21  Kiểm tra (inspection)")) << first.out;
    EXPECT_TRUE(contains(first.out, "2021-06-30  province:20  band:15-18:count = 25")) << first.out;
    EXPECT_TRUE(contains(first.out, "2021-06-30  province:20  band:15-18:percent = 12.4")) << first.out;

    const auto again = run_cli("import-news --data " + q(data) + " " + files);
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_TRUE(contains(again.out, "Mới: 0 sự kiện, 0 số liệu; đã có: 13 sự kiện, 18 số liệu. Không có gì mới để ghi vào " +
                                        data + ".\n"))
        << again.out;

    // The figures are in the dataset: the summary of that date reads it without complaint, and
    // a third import of one file still adds nothing.
    const auto third = run_cli("import-news --data " + q(data) + " " + q(news("bulletin_2021-07_ket-qua.txt")) +
                               " --format json");
    ASSERT_EQ(third.exit_code, 0) << third.err;
    const Json j = Json::parse(third.out);
    EXPECT_EQ(j["added"]["events"], 0);
    EXPECT_EQ(j["added"]["figures"], 0);
    EXPECT_EQ(j["duplicates"]["figures"], 18);
    fs::remove_all(dir);
}

TEST(NewsCli, DryRunWritesNothing) {
    const std::string dir = ntm::test::temp_dir("news-cli");
    const std::string data = demo_copy(dir);
    const std::string before = ntm::test::read_file(data);
    const auto r = run_cli("import-news --data " + q(data) + " " + q(news("bulletin_2023-10_hoat-dong.txt")) + " --dry-run");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "Mới: 9 sự kiện, 0 số liệu; đã có: 0 sự kiện, 0 số liệu. Chạy thử (--dry-run): không ghi gì.\n"))
        << r.out;
    EXPECT_TRUE(ntm::test::read_file(data) == before);
    // No stray temporary file beside it.
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir)) files += e.is_regular_file() ? 1 : 0;
    EXPECT_EQ(files, 1);
    // Without --data a dry run reads the bundled demo.
    const auto bundled = run_cli("import-news --dry-run " + q(news("bulletin_2024-06_van-ban.txt")));
    EXPECT_EQ(bundled.exit_code, 0) << bundled.err;
    fs::remove_all(dir);
}

TEST(NewsCli, JsonOutputParses) {
    const std::string dir = ntm::test::temp_dir("news-cli");
    const std::string data = demo_copy(dir);
    const auto r = run_cli("import-news --data " + q(data) + " --format json " + q(news("bulletin_2021-07_ket-qua.txt")) +
                           " " + q(news("bulletin_2024-06_van-ban.txt")));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Json j = Json::parse(r.out);
    EXPECT_EQ(j["added"]["events"], 4);
    EXPECT_EQ(j["added"]["figures"], 18);
    EXPECT_EQ(j["duplicates"]["events"], 0);
    ASSERT_EQ(j["files"].size(), 2u);
    bool figure = false, document = false;
    for (const Json& f : j["files"][0]["figures"])
        figure |= f["date"] == "2021-06-30" && f["scope"] == "province:20" && f["figure"] == "band:15-18:count" &&
                  f["value"] == 25;
    for (const Json& d : j["files"][1]["documents"])
        document |= d["number"] == "1062/QĐ-UBND" && d["issuer"] == "UBND" && d["date"] == "2024-06-17";
    EXPECT_TRUE(figure) << r.out;
    EXPECT_TRUE(document) << r.out;
    EXPECT_EQ(j["written"], data);
    fs::remove_all(dir);
}

TEST(NewsCli, SharedSamplesAreAlreadyInTheDemo) {
    const fs::path shared = fs::path(NTM_SHARED_DATA_DIR) / ".." / "news";
    if (!fs::exists(shared / "bulletin_2023-08_tin-tuc.txt")) GTEST_SKIP() << "../shared/news is absent; skipping";
    const std::string dir = ntm::test::temp_dir("news-cli");
    const std::string data = demo_copy(dir);
    std::string files;
    for (const char* n : {"bulletin_2022-10_tin-tuc.txt", "bulletin_2023-08_hoat-dong-dia-phuong.txt", "bulletin_2023-08_tin-tuc.txt"})
        files += " " + q((shared / n).lexically_normal().string());
    const auto r = run_cli("import-news --data " + q(data) + files);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "Mới: 0 sự kiện, 0 số liệu; đã có: 9 sự kiện, 5 số liệu.")) << r.out;
    fs::remove_all(dir);
}

TEST(NewsCli, ErrorsAreOneLineAndNothingIsWritten) {
    const std::string dir = ntm::test::temp_dir("news-cli");
    const std::string data = demo_copy(dir);
    const std::string before = ntm::test::read_file(data);
    auto write = [&](const std::string& name, const std::string& bytes) {
        std::ofstream(dir + "/" + name, std::ios::binary) << bytes;
        return dir + "/" + name;
    };
    const std::string good = news("bulletin_2023-10_hoat-dong.txt");
    const std::string empty = write("empty.txt", "");
    const std::string cp1258 = write("cp1258.txt", "Tin t\xF4\xEC\x63\n\nNg\xE0y 22/8/2023, ki\xEA\xECm tra.\n");
    const std::string longline = write("long.txt", "Tin\n" + std::string(10u << 20, 'x') + "\n");
    const std::string garbage = write("garbage.bin", std::string("\x7F" "ELF\x02\x01\x01\0\0\0", 10));
    const struct {
        std::string args, err;
    } cases[] = {
        {"import-news --data " + q(data) + " " + q(good) + " " + q(empty), "ntm-atlas: " + empty + ": empty file, no text to import\n"},
        {"import-news --data " + q(data) + " " + q(cp1258),
         "ntm-atlas: " + cp1258 + ": not valid UTF-8 at byte offset 5 (line 1, byte 0xF4); save the bulletin as UTF-8 "
                                  "(legacy CP1258, TCVN3 or VNI text must be converted first)\n"},
        {"import-news --data " + q(data) + " " + q(longline),
         "ntm-atlas: " + longline + ", line 2: a line of 10485760 bytes is longer than a bulletin paragraph may be (65536 bytes)\n"},
        {"import-news --data " + q(data) + " " + q(garbage),
         "ntm-atlas: " + garbage + ": binary data, not a text bulletin (control byte 0x02 at byte offset 4)\n"},
        {"import-news --data " + q(data) + " " + q(dir + "/nope.txt"), "ntm-atlas: " + dir + "/nope.txt: no such file\n"},
        {"import-news --data " + q(data),
         "ntm-atlas: import-news: no bulletin given (ntm-atlas import-news [--data D.gpkg] FILE... [--dry-run] [--format text|json])\n"},
        {"import-news " + q(good), "ntm-atlas: import-news needs --data D.gpkg to store results; use --dry-run to preview\n"},
        {"import-news --data " + q(data) + " --format xml " + q(good),
         "ntm-atlas: --format: 'xml' is not one of text or json\n"},
        {"import-news --data " + q(dir + "/none.gpkg") + " " + q(good), "ntm-atlas: " + dir + "/none.gpkg: no such file\n"},
    };
    for (const auto& c : cases) {
        const auto r = run_cli(c.args);
        EXPECT_EQ(r.exit_code, 1) << c.args;
        EXPECT_EQ(r.err, c.err) << c.args;
        EXPECT_EQ(r.out, "") << c.args;
    }
    EXPECT_TRUE(ntm::test::read_file(data) == before);
    EXPECT_FALSE(fs::exists(dir + "/none.gpkg"));
    fs::remove_all(dir);
}

}  // namespace

namespace {

// A page's table of recognitions, imported: the rows linked within their districts are stored,
// the one written with another district is listed and not stored; again, nothing is new.
TEST(NewsCli, ATableOfRecognitionsRowByRow) {
    const std::string dir = ntm::test::temp_dir("news-cli-table");
    const std::string data = demo_copy(dir);
    const std::string file = dir + "/danh-sach.txt";
    std::ofstream(file) << "Danh sách các xã được công nhận đạt chuẩn nông thôn mới nâng cao năm 2022\n"
                           "STT | Huyện | Tên xã | Quyết định công nhận\n"
                           "1 | Tràng Định | Chi Lăng | Quyết định số 99/QĐ-UBND ngày 26/01/2023 của UBND tỉnh\n"
                           "2 | Hữu Lũng | Sơn Hà | Quyết định số 103/QĐ-UBND ngày 26/01/2023 của UBND tỉnh\n"
                           "3 | Lộc Bình | Bắc Lãng | Quyết định số 105/QĐ-UBND ngày 26/01/2023 của UBND tỉnh\n";
    const auto r = run_cli("import-news --data " + q(data) + " --format json " + q(file));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Json j = Json::parse(r.out);
    EXPECT_EQ(j["added"]["recognitions"], 2) << r.out;
    const Json& recs = j["files"][0]["recognitions"];
    ASSERT_EQ(recs.size(), 3u) << r.out;
    EXPECT_EQ(recs[0]["status"], "new");
    EXPECT_EQ(recs[0]["year"], 2022);
    EXPECT_EQ(recs[1]["status"], "new");
    EXPECT_EQ(recs[2]["status"], "not stored");
    bool reported = false;
    for (const Json& n : j["files"][0]["notes"])
        reported = reported || n["message"].get<std::string>().find("xã Bắc Lãng, Lộc Bình") != std::string::npos;
    EXPECT_TRUE(reported) << r.out;
    const auto again = run_cli("import-news --data " + q(data) + " --format json " + q(file));
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(Json::parse(again.out)["added"]["recognitions"], 0) << again.out;
    fs::remove_all(dir);
}

}  // namespace
