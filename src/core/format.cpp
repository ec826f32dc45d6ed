#include "core/format.h"

#include <cmath>
#include <cstdio>

namespace ntm {
namespace {

std::string group_thousands(const std::string& digits, char separator) {
    std::string out;
    const size_t n = digits.size();
    for (size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return out;
}

}  // namespace

std::string format_decimal(double value, int decimals, bool vietnamese) {
    if (!std::isfinite(value)) return "—";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals < 0 ? 0 : decimals, std::fabs(value));
    std::string text = buf;
    const size_t dot = text.find('.');
    std::string whole = text.substr(0, dot);
    std::string fraction = dot == std::string::npos ? "" : text.substr(dot + 1);
    std::string out = group_thousands(whole, vietnamese ? '.' : ',');
    if (!fraction.empty()) out += (vietnamese ? ',' : '.') + fraction;
    const bool negative = value < 0 && out.find_first_not_of("0.,") != std::string::npos;
    return negative ? "-" + out : out;
}

std::string format_count(long long value, bool vietnamese) {
    return format_decimal(static_cast<double>(value), 0, vietnamese);
}

std::string format_percent(double percent, bool vietnamese, int decimals) {
    return format_decimal(percent, decimals, vietnamese) + " %";
}

std::string format_date(Date date, bool vietnamese) {
    if (!vietnamese) return date.iso();
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", date.day(), date.month(), date.year());
    return buf;
}

}  // namespace ntm
