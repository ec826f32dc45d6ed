// CSV: RFC 4180 quoting, UTF-8, parsing back, options, atomic files.
#include "core/csv.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "support/test_support.h"

namespace ntm {
namespace {

using Records = std::vector<std::vector<std::string>>;

TEST(Csv, FieldsAreQuotedOnlyWhenNeeded) {
    EXPECT_EQ(csv_field("Lạng Sơn"), "Lạng Sơn");
    EXPECT_EQ(csv_field(""), "");
    EXPECT_EQ(csv_field("Thủy lợi và phòng, chống thiên tai"), "\"Thủy lợi và phòng, chống thiên tai\"");
    EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csv_field("cr\r"), "\"cr\r\"");
    EXPECT_EQ(csv_field("a;b"), "a;b");
    EXPECT_EQ(csv_field("a;b", ';'), "\"a;b\"");
    EXPECT_EQ(csv_field("a,b", ';'), "a,b");
    EXPECT_EQ(csv_field(" spaced "), " spaced ");
}

TEST(Csv, RecordsAndWriterOptions) {
    EXPECT_EQ(csv_record({"a", "b,c", ""}), "a,\"b,c\",\n");
    CsvOptions o;
    o.crlf = true;
    o.separator = ';';
    EXPECT_EQ(csv_record({"1,5", "x"}, o), "1,5;x\r\n");
    o.bom = true;
    CsvWriter w(o);
    w.row({"Mã", "Tên"});
    w.row({"06184", "Đồng Đăng"});
    EXPECT_EQ(w.str(), "\xEF\xBB\xBFMã;Tên\r\n06184;Đồng Đăng\r\n");
    EXPECT_EQ(parse_csv(w.str(), ';'), (Records{{"Mã", "Tên"}, {"06184", "Đồng Đăng"}}));
    EXPECT_EQ(CsvWriter().str(), "");
}

TEST(Csv, RoundTrip) {
    const Records records = {
        {"code", "name", "note"},
        {"06184", "Đồng Đăng", ""},
        {"", "", ""},
        {"a,b", "\"quoted\"", "line\nbreak"},
        {"crlf\r\ninside", "trailing \"", "\"\""},
        {"Thủy lợi và phòng, chống thiên tai", "ẩ ệ ừ ỹ Đ", " lead and trail "},
        {"only"},
    };
    for (bool crlf : {false, true})
        for (char sep : {',', ';', '\t'}) {
            CsvOptions o;
            o.crlf = crlf;
            o.separator = sep;
            o.bom = crlf;
            CsvWriter w(o);
            for (const auto& r : records) w.row(r);
            EXPECT_EQ(parse_csv(w.str(), sep), records) << w.str();
        }
}

TEST(Csv, ParsingEdgeCases) {
    EXPECT_TRUE(parse_csv("").empty());
    EXPECT_EQ(parse_csv("a,b"), (Records{{"a", "b"}}));               // no final line end
    EXPECT_EQ(parse_csv("a,b\n\nc\n"), (Records{{"a", "b"}, {""}, {"c"}}));
    EXPECT_EQ(parse_csv("a,\n"), (Records{{"a", ""}}));
    EXPECT_EQ(parse_csv("\"\"\n"), (Records{{""}}));
    EXPECT_EQ(parse_csv("x\r\ny\r"), (Records{{"x"}, {"y"}}));
    try {
        parse_csv("a,b\n\"open,\nstill open\n");
        FAIL();
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "CSV: unterminated quoted field starting on line 2");
    }
}

TEST(Csv, FilesAreReplacedWholeOrNotAtAll) {
    const std::string dir = test::temp_dir("csv");
    const std::string path = dir + "/out.csv";
    write_file_atomically(path, "a,b\n");
    EXPECT_EQ(test::read_file(path), "a,b\n");
    write_file_atomically(path, "c\n");
    EXPECT_EQ(test::read_file(path), "c\n");
    size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) files += e.is_regular_file();
    EXPECT_EQ(files, 1u);  // no temporary left behind
    const std::string bad = dir + "/missing/dir/out.csv";
    try {
        write_file_atomically(bad, "x");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()).rfind(bad + ": cannot write (", 0), 0u) << e.what();
    }
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ntm
