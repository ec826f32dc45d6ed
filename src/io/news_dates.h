#pragma once
// Dates and periods as bulletins write them.
//
//   Day      "Ngày 22/8/2023", "Chiều 21/8/2023", "ngày 06/10/2022", "22-8-2023", "22.8.2023",
//            "ngày 17 tháng 6 năm 2024"
//   Range    "Trong 2 ngày 26 và 27/7/2023", "26-27/7/2023", "từ ngày 30/7 đến ngày 02/8/2023",
//            "ngày 26, 27 và 28/7/2023" (consecutive days), "từ 28/12/2022 đến 3/1/2023"
//   Month    "tháng 6/2021", "tháng 06 năm 2021"        (the whole month)
//   Quarter  "quý II/2023", "quý 3 năm 2023"
//   Months   "6 tháng đầu năm 2023", "9 tháng năm 2023"  (January to the end of month N)
//   Year     "năm 2023"
//   Open     "Từ đầu năm 2023 đến nay", "từ năm 2018 đến nay" (start only: the end is the
//            unknown day of writing, so it is never turned into a date)
//   NoYear   "Ngày 22/8" with no year anywhere in the phrase: kept so callers can say so, never
//            completed by guessing a year
// Days listed with "và"/"," that are not consecutive ("ngày 5 và 12/8/2023") are a List: each
// day stands alone, the days between are not implied.
#include <cstddef>
#include <vector>

#include "core/date.h"
#include "io/news_text.h"

namespace ntm::io::news {

enum class DateKind { Day, Range, List, Month, Quarter, Months, Year, Open, NoYear };

struct DateMention {
    DateKind kind = DateKind::Day;
    Date start, end;          // the period; Open: start only (end == start); NoYear: unset
    std::vector<Date> days;   // List: the days named
    std::size_t from = 0, to = 0;  // token range of the date itself
    bool as_of = false;       // preceded by "tính đến", "đến (hết|cuối)", "hết", "cuối", "thời điểm"
    bool after_trong = false; // preceded by "trong" ("Trong tháng 8/2023")
    bool lead_word = false;   // preceded by ngày/sáng/chiều/tối/trưa/từ/vào (a calendar day)

    bool day_precision() const {
        return kind == DateKind::Day || kind == DateKind::Range || kind == DateKind::List;
    }
};

// Every date or period in tokens [from, to), in text order, not overlapping.
std::vector<DateMention> find_dates(const Tokens& t, std::size_t from, std::size_t to);

}  // namespace ntm::io::news
