#include "core/date.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace ntm {
namespace {

// Days from civil date (Howard Hinnant's well-known algorithm, written from its description).
int32_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civil_from_days(int32_t z, int* y, int* m, int* d) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp + (mp < 10 ? 3 : -9);
    *y = yoe + era * 400 + (*m <= 2);
}

bool parse_int(std::string_view s, int* out) {
    if (s.empty() || s.size() > 4) return false;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
}

}  // namespace

Date Date::from_ymd(int year, int month, int day) { return Date{days_from_civil(year, month, day)}; }

int Date::year() const {
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    return y;
}

int Date::month() const {
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    return m;
}

int Date::day() const {
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    return d;
}

std::string Date::iso() const {
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

int days_in_month(int year, int month) {
    static const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
    return lengths[month - 1];
}

bool is_valid_ymd(int year, int month, int day) {
    return year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 &&
           day <= days_in_month(year, month);
}

std::optional<Date> parse_date(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    int y = 0, m = 0, d = 0;
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        if (!parse_int(text.substr(0, 4), &y) || !parse_int(text.substr(5, 2), &m) ||
            !parse_int(text.substr(8, 2), &d))
            return std::nullopt;
    } else {
        // D/M/YYYY, the way Vietnamese documents write dates (also with '.' or '-').
        const char sep = text.find('/') != std::string_view::npos ? '/' : '.';
        const size_t a = text.find(sep);
        const size_t b = a == std::string_view::npos ? a : text.find(sep, a + 1);
        if (b == std::string_view::npos || text.size() - b - 1 != 4) return std::nullopt;
        if (!parse_int(text.substr(0, a), &d) || !parse_int(text.substr(a + 1, b - a - 1), &m) ||
            !parse_int(text.substr(b + 1), &y) || a > 2 || b - a - 1 > 2)
            return std::nullopt;
    }
    if (!is_valid_ymd(y, m, d)) return std::nullopt;
    return Date::from_ymd(y, m, d);
}

Date last_day_of_month(int year, int month) {
    return Date::from_ymd(year, month, days_in_month(year, month));
}

Date add_months(Date date, int months) {
    const int total = date.year() * 12 + (date.month() - 1) + months;
    const int y = total / 12, m = total % 12 + 1;
    const int d = std::min(date.day(), days_in_month(y, m));
    return Date::from_ymd(y, m, d);
}

Date today_local() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return Date::from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

}  // namespace ntm
