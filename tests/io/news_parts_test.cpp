// The pieces of the news importer: numbers, dates and document references as written.
#include <gtest/gtest.h>

#include "io/news_dates.h"
#include "io/news_documents.h"
#include "io/news_numbers.h"
#include "io/news_text.h"

namespace ntm::io::news {
namespace {

TEST(NewsNumbers, VietnameseFormats) {
    EXPECT_EQ(parse_vn_number("5.860"), 5860);
    EXPECT_EQ(parse_vn_number("1.234.567"), 1234567);
    EXPECT_DOUBLE_EQ(*parse_vn_number("71,3"), 71.3);
    EXPECT_DOUBLE_EQ(*parse_vn_number("11,66"), 11.66);
    EXPECT_EQ(parse_vn_number("05"), 5);
    EXPECT_DOUBLE_EQ(*parse_vn_number("28.18"), 28.18);  // typed the English way
    EXPECT_DOUBLE_EQ(*parse_vn_number("1.234,5"), 1234.5);
    EXPECT_FALSE(parse_vn_number("12,4%").has_value());  // a percentage, not a plain number
    EXPECT_FALSE(parse_vn_number("12 xã").has_value());
    EXPECT_FALSE(parse_vn_number("").has_value());
    const Tokens t = tokenize("chiếm 12,4 %");
    const auto n = parse_number(t, 1);
    ASSERT_TRUE(n.has_value());
    EXPECT_DOUBLE_EQ(n->value, 12.4);
    EXPECT_TRUE(n->percent);
    EXPECT_EQ(n->end, t.size());
}

std::string dates_of(const std::string& text) {
    const Tokens t = tokenize(text);
    std::string out;
    for (const DateMention& m : find_dates(t, 0, t.size())) {
        if (!out.empty()) out += "; ";
        switch (m.kind) {
            case DateKind::NoYear: out += "noyear"; continue;
            case DateKind::Open: out += "open:" + m.start.iso(); continue;
            case DateKind::List:
                out += "list:";
                for (const Date& d : m.days) out += d.iso() + ",";
                continue;
            default: break;
        }
        out += m.start == m.end ? m.start.iso() : m.start.iso() + ".." + m.end.iso();
        if (m.as_of) out += " as-of";
    }
    return out;
}

TEST(NewsDates, Forms) {
    EXPECT_EQ(dates_of("Ngày 22/8/2023"), "2023-08-22");
    EXPECT_EQ(dates_of("Chiều 21/8/2023"), "2023-08-21");
    EXPECT_EQ(dates_of("ngày 06/10/2022"), "2022-10-06");
    EXPECT_EQ(dates_of("Trong 2 ngày 26 và 27/7/2023"), "2023-07-26..2023-07-27");
    EXPECT_EQ(dates_of("từ ngày 30/7 đến ngày 02/8/2023"), "2023-07-30..2023-08-02");
    EXPECT_EQ(dates_of("ngày 5 và 12/8/2023"), "list:2023-08-05,2023-08-12,");
    EXPECT_EQ(dates_of("ngày 17 tháng 6 năm 2024"), "2024-06-17");
    EXPECT_EQ(dates_of("đến hết tháng 6/2021"), "2021-06-01..2021-06-30 as-of");
    EXPECT_EQ(dates_of("tính đến tháng 10/2022"), "2022-10-01..2022-10-31 as-of");
    EXPECT_EQ(dates_of("quý II/2023"), "2023-04-01..2023-06-30");
    EXPECT_EQ(dates_of("6 tháng đầu năm 2023"), "2023-01-01..2023-06-30");
    EXPECT_EQ(dates_of("Từ đầu năm 2023 đến nay"), "open:2023-01-01");
    EXPECT_EQ(dates_of("từ năm 2018 đến nay"), "open:2018-01-01");
    EXPECT_EQ(dates_of("Ngày 22/8, đoàn kiểm tra"), "noyear");
    EXPECT_EQ(dates_of("từ 28/12/2022 đến 3/1/2023"), "2022-12-28..2023-01-03");
    // Not dates.
    EXPECT_EQ(dates_of("có 4/5 xã đạt 15/19 tiêu chí"), "");
    EXPECT_EQ(dates_of("5.860 xã, chiếm 12,4%"), "");
    EXPECT_EQ(dates_of("ngày 31/6/2023"), "");
    EXPECT_EQ(dates_of("số 12/3/BC-UBND"), "");
}

TEST(NewsDocuments, NumberIssuerAndDate) {
    const std::string text =
        "Quyết định số 1062/QĐ-UBND ngày 17/6/2024 của UBND tỉnh; Công văn số 99/BCĐ-NTM; "
        "Nghị định số 28/2022/NĐ-CP của Chính phủ ngày 26/4/2022.";
    const Tokens t = tokenize(text);
    const std::vector<DocumentRef> d = find_documents(text, t, 0, t.size());
    ASSERT_EQ(d.size(), 3u);
    EXPECT_EQ(d[0].type, "Quyết định");
    EXPECT_EQ(d[0].number, "1062/QĐ-UBND");
    EXPECT_EQ(d[0].issuer, "UBND tỉnh");
    EXPECT_EQ(d[0].date->iso(), "2024-06-17");
    EXPECT_EQ(d[0].text, "Quyết định số 1062/QĐ-UBND ngày 17/6/2024 của UBND tỉnh");
    EXPECT_EQ(d[1].type, "Công văn");
    EXPECT_EQ(d[1].number, "99/BCĐ-NTM");
    EXPECT_EQ(d[1].issuer, "BCĐ-NTM");
    EXPECT_FALSE(d[1].date.has_value());
    EXPECT_EQ(d[2].type, "Nghị định");
    EXPECT_EQ(d[2].number, "28/2022/NĐ-CP");
    EXPECT_EQ(d[2].issuer, "Chính phủ");
    EXPECT_EQ(d[2].date->iso(), "2022-04-26");
}

TEST(NewsText, ParagraphsAndWrappedLines) {
    const std::vector<Paragraph> p = split_paragraphs("Tiêu đề\n\nNgày 22/8/2023, đoàn kiểm tra\nhuyện Cao Lộc.\nCâu mới.\n");
    ASSERT_EQ(p.size(), 3u);
    EXPECT_EQ(p[0].text, "Tiêu đề");
    EXPECT_EQ(p[1].text, "Ngày 22/8/2023, đoàn kiểm tra huyện Cao Lộc.");
    EXPECT_EQ(p[1].line, 3);
    EXPECT_EQ(p[2].text, "Câu mới.");
    EXPECT_EQ(p[2].block, p[1].block);
}

}  // namespace
}  // namespace ntm::io::news
