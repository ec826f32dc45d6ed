#pragma once
// Numbers as Vietnamese texts write them: thousands dot ("5.860"), decimal comma ("71,3"),
// leading zeros ("05"), percentages ("12,4%", "12,4 %", "12,4 phần trăm").
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "io/news_text.h"

namespace ntm::io::news {

struct VnNumber {
    double value = 0;
    int decimals = 0;         // digits after the decimal separator
    std::size_t end = 0;      // token index after the number
    bool percent = false;     // followed by '%' or "phần trăm" (end is then after it)
    bool is_integer() const { return decimals == 0; }
};

// The number starting at token i (which must be a Number token). A dot followed by exactly three
// digits groups thousands ("5.860" = 5860, "1.234.567"); a comma followed by digits is the
// decimal separator ("71,3"); a dot followed by one, two or four+ digits is read as a decimal
// point too ("28.18", as some bulletins type it). Separators must not be followed by a space
// ("26, 27" is a list). A trailing '%' (with or without a space) or "phần trăm" sets `percent`.
std::optional<VnNumber> parse_number(const Tokens& t, std::size_t i);

// The same on plain text ("5.860", "71,3", "05"); nullopt unless the whole text is a number.
std::optional<double> parse_vn_number(std::string_view text);

}  // namespace ntm::io::news
