#pragma once
// Figures reported in news text: counts of xã per band and level, their percentages, the
// average criteria per xã and the number of xã, in the phrasings reports use:
//   "có 25 xã đạt từ 15-18 tiêu chí, chiếm 12,4%"      band:15-18:count 25, band:15-18:percent 12.4
//   "51/181 xã đạt 19 tiêu chí (28,18%)"                band:19:count 51, xa_total 181, ...
//   "5.860 xã (71,3%) đạt chuẩn nông thôn mới"          xa_standard_count, xa_standard_percent
//   "925 xã đạt chuẩn nông thôn mới nâng cao"           xa_advanced_count ("kiểu mẫu": xa_model_*)
//   "không còn xã dưới 5 tiêu chí"                      band:0-4:count 0
//   "- Đạt 10-14 tiêu chí: 36 xã, chiếm 19,89%"         (list lines, qualifier before the count)
//   "Bình quân đạt 11,66 tiêu chí/xã" ("trung bình")    average_criteria 11.66
//   "Toàn tỉnh có 181 xã", "trên tổng số 181 xã"        xa_total 181
//   "đưa tổng số xã đạt chuẩn lên 44 xã /104 xã, tương ứng tỷ lệ 42,31%"  count, total, percent
//   "- Số xã dưới 8 tiêu chí : Không có"                band:0-7:count 0
//   "15 xã đạt chuẩn NTM nâng cao (lũy kế toàn tỉnh có 38 xã)"   xa_advanced_count 38
// Targets and changes are not figures: "phấn đấu", "mục tiêu", "kế hoạch", "dự kiến", "chỉ tiêu"
// before the count, "thêm", "tăng", "giảm", "vượt" (a change governs the counts joined to it in
// its clause, not a running total in parentheses), approximate counts ("hơn", "gần", "khoảng"),
// "chưa đạt", the communes of one notice ("công nhận 5 xã") and shares of a target ("đạt 75% mục
// tiêu") are skipped; so are counts of some of the communes only ("9/20 xã biên giới", "xã đặc biệt
// khó khăn", "bình quân mỗi xã biên giới").
//
// The date is the period the figure describes: "tính đến tháng 10/2022" -> 2022-10-31, "đến hết
// tháng 6/2021" -> 2021-06-30, "đến ngày 30/6/2023", "năm 2022" at the head of the sentence ->
// 2022-12-31, carried to the next sentences of the paragraph; without one the figure has no date
// and callers must not store it. The scope comes from the nearest marker before the count:
// "cả nước", "toàn quốc", "Bộ NN&PTNT" -> national; "toàn tỉnh", "tỉnh" -> the province; a named
// district -> that district (one the dataset does not have: no figure); else the scope of the
// sentence before, else the province. "tỉnh X"
// naming another province than the dataset's gives no figure, and neither do counts of provinces
// ("16 tỉnh có 100% số xã đạt chuẩn", "có 12 tỉnh đạt 100%"), which are national statements.
// Another province's figures (and those of a text about another province) are returned without
// a date, with the reason in `why`, and scope "other": callers report them, never store them.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "io/news_dates.h"
#include "io/news_places.h"
#include "io/news_text.h"

namespace ntm::io::news {

struct FigureMention {
    std::string figure;   // see core/reconciliation.h for the names
    double value = 0;
    std::string scope;    // "national", "province:20", "district:183"
    std::optional<Date> date;
    std::size_t from = 0, to = 0;  // tokens of the count and its qualifier
    std::string why;  // why it has no date, when that is not for want of one
};

// What a paragraph carries from one sentence to the next.
struct FigureContext {
    std::optional<Date> date;
    std::string scope;
    std::string other;  // with scope "other": whose figures they are, as written ("tỉnh Hà Giang")
    bool target = false;  // the paragraph's cut-off is a target's ("mục tiêu ... đến năm 2025"; "Trong đó, ...")
};

struct FigureSettings {
    std::string province_scope = "province";  // "province:<code>"
    int criteria_count = 19;                  // for "từ 15 tiêu chí trở lên"
    // The province's name, lower case with diacritics ("lạng sơn"): figures of another province
    // named in the text ("toàn tỉnh Hà Giang có ...") are not this province's. "" to take all.
    std::string province_name;
    // Provinces and cities the text names that are not the dataset's, lower case ("hà nội" from
    // "thành phố Hà Nội"): a figure after one of them written alone ("Hà Nội có 100% số xã") is theirs.
    std::vector<std::string> other_provinces;
    // The other province the text is about ("Hà Nội") when it names one and neither the dataset's
    // province nor one of its districts: its figures of "the province" are not the dataset's.
    std::string about_other;
};

// Figures in tokens [from, to). `masked[i]` marks tokens that belong to dates or document
// references (their numbers are not counts).
std::vector<FigureMention> find_figures(const Tokens& t, std::size_t from, std::size_t to,
                                        const std::vector<DateMention>& dates, const PlaceScan& places,
                                        const std::vector<bool>& masked, const FigureSettings& settings,
                                        FigureContext& context);

}  // namespace ntm::io::news
