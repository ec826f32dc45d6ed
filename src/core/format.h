#pragma once
// Numbers and dates as Vietnamese (decimal comma, thousands dot, DD/MM/YYYY) or English readers
// expect them, for the UI and exports.
#include <string>

#include "core/date.h"

namespace ntm {

// 2 decimals: "28,18" (vi) / "28.18" (en); thousands grouped: "5.860" / "5,860".
std::string format_decimal(double value, int decimals, bool vietnamese);
std::string format_count(long long value, bool vietnamese);
// "28,18 %" / "28.18 %"
std::string format_percent(double percent, bool vietnamese, int decimals = 2);
// "31/07/2020" / "2020-07-31"
std::string format_date(Date date, bool vietnamese);

}  // namespace ntm
