#pragma once
// Calendar dates as a day number, so comparisons and "on or before" lookups are integer compares.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ntm {

struct Date {
    int32_t days = 0;  // days since 1970-01-01 (proleptic Gregorian)

    static Date from_ymd(int year, int month, int day);
    int year() const;
    int month() const;
    int day() const;
    std::string iso() const;  // YYYY-MM-DD

    friend bool operator==(Date a, Date b) { return a.days == b.days; }
    friend bool operator!=(Date a, Date b) { return a.days != b.days; }
    friend bool operator<(Date a, Date b) { return a.days < b.days; }
    friend bool operator<=(Date a, Date b) { return a.days <= b.days; }
    friend bool operator>(Date a, Date b) { return a.days > b.days; }
    friend bool operator>=(Date a, Date b) { return a.days >= b.days; }
};

bool is_valid_ymd(int year, int month, int day);
int days_in_month(int year, int month);

// Strict YYYY-MM-DD; also accepts D/M/YYYY and DD/MM/YYYY as written in Vietnamese tables.
std::optional<Date> parse_date(std::string_view text);

// The local calendar date now (the default date of commands run without --date).
Date today_local();

Date last_day_of_month(int year, int month);
Date add_months(Date d, int months);  // clamps the day to the target month's length

}  // namespace ntm
