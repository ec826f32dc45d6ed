#include "io/news_dates.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

namespace ntm::io::news {
namespace {

bool glued(const Tokens& t, size_t i, size_t to) { return i < to && !t[i].space_before; }

int number_of(const Token& tok, size_t max_digits) {
    if (tok.kind != Token::Number || tok.fold.size() > max_digits) return -1;
    return std::atoi(tok.fold.c_str());
}

bool is_year(int y) { return y >= 1900 && y <= 2100; }

int year_at(const Tokens& t, size_t i, size_t to) {
    if (i >= to || t[i].kind != Token::Number || t[i].fold.size() != 4) return -1;
    const int y = std::atoi(t[i].fold.c_str());
    return is_year(y) ? y : -1;
}

// One day of a chain: "27/7/2023", "30/7", "27 tháng 7 năm 2023", or a bare "26" before "và".
struct Atom {
    int d = 0, m = 0, y = 0;  // 0 when not written
    size_t from = 0, to = 0;
    bool bare() const { return m == 0; }
};

std::optional<Atom> parse_atom(const Tokens& t, size_t i, size_t to) {
    if (i >= to) return std::nullopt;
    const int d = number_of(t[i], 2);
    if (d < 1 || d > 31) return std::nullopt;
    Atom a;
    a.d = d;
    a.from = i;
    // Numeric: D/M/Y, D-M-Y, D.M.Y, D/M.
    if (glued(t, i + 1, to) && (t[i + 1].punct('/') || t[i + 1].punct('-') || t[i + 1].punct('.')) &&
        glued(t, i + 2, to)) {
        const char sep = t[i + 1].fold[0];
        const int m = number_of(t[i + 2], 2);
        if (m >= 1 && m <= 12) {
            if (glued(t, i + 3, to) && t[i + 3].punct(sep) && glued(t, i + 4, to)) {
                const int y = year_at(t, i + 4, to);
                if (y < 0) return std::nullopt;  // "12/3/BC-UBND", "1.234.567"
                if (glued(t, i + 5, to) && (t[i + 5].punct('/') || t[i + 5].punct('-')) && glued(t, i + 6, to) &&
                    t[i + 6].kind != Token::Punct)
                    return std::nullopt;  // part of a document number "1/2/2023/QĐ-..."
                a.m = m;
                a.y = y;
                a.to = i + 5;
                return a;
            }
            if (sep == '/') {
                if (glued(t, i + 3, to) && (t[i + 3].punct('/') || t[i + 3].kind == Token::Number))
                    return std::nullopt;
                a.m = m;
                a.to = i + 3;
                return a;
            }
        }
        if (sep == '/' || sep == '.') return std::nullopt;  // "15/19", "5.860"
    }
    // Long form: "17 tháng 6 năm 2024", "17 tháng 6".
    if (i + 2 < to && t[i + 1].word_exact("tháng")) {
        const int m = number_of(t[i + 2], 2);
        if (m >= 1 && m <= 12) {
            a.m = m;
            a.to = i + 3;
            size_t k = i + 3;
            if (k < to && t[k].punct(',')) ++k;
            if (k + 1 < to && t[k].word_exact("năm")) {
                const int y = year_at(t, k + 1, to);
                if (y > 0) {
                    a.y = y;
                    a.to = k + 2;
                }
            }
            return a;
        }
        return std::nullopt;
    }
    // Bare day: "26" in "26 và 27/7/2023", "26-27/7/2023".
    if (glued(t, i + 1, to) && (t[i + 1].punct(',') || t[i + 1].punct('.') || t[i + 1].punct('%')) &&
        glued(t, i + 2, to) && t[i + 2].kind == Token::Number)
        return std::nullopt;
    if (i + 1 < to && t[i + 1].punct('%')) return std::nullopt;
    a.to = i + 1;
    return a;
}

// "-", ",", "và", "&", "đến", "tới", "cho đến", optionally followed by "ngày".
struct Connector {
    bool range = false;
    size_t next = 0;
};

std::optional<Connector> parse_connector(const Tokens& t, size_t i, size_t to) {
    if (i >= to) return std::nullopt;
    Connector c;
    if (t[i].punct('-')) {
        c.range = true;
        c.next = i + 1;
    } else if (t[i].punct(',') || t[i].punct('&') || t[i].word("va")) {
        c.next = i + 1;
    } else if (t[i].word("den") || t[i].word("toi")) {
        c.range = true;
        c.next = i + 1;
    } else if (match_phrase(t, i, "cho den")) {
        c.range = true;
        c.next = i + 2;
    } else {
        return std::nullopt;
    }
    if (c.next < to && t[c.next].word("ngay")) ++c.next;
    return c;
}

bool lead_word_before(const Tokens& t, size_t i, size_t from) {
    size_t k = i;
    while (k > from && (t[k - 1].punct('(') || t[k - 1].punct(','))) --k;
    if (k == from) return false;
    static const char* const kLead[] = {"ngay", "sang", "chieu", "toi", "trua", "dem", "tu", "vao", "hom"};
    for (const char* w : kLead)
        if (t[k - 1].word(w)) return true;
    return false;
}

Date add_days(Date d, int n) {
    Date r;
    r.days = d.days + n;
    return r;
}

std::optional<DateMention> parse_chain(const Tokens& t, size_t i, size_t from, size_t to) {
    auto first = parse_atom(t, i, to);
    if (!first) return std::nullopt;
    const bool lead = lead_word_before(t, i, from);
    if (first->bare() && !lead) return std::nullopt;
    std::vector<Atom> atoms{*first};
    std::vector<bool> range_connector;
    size_t k = first->to;
    while (true) {
        const auto c = parse_connector(t, k, to);
        if (!c) break;
        const auto a = parse_atom(t, c->next, to);
        if (!a) break;
        atoms.push_back(*a);
        range_connector.push_back(c->range);
        k = a->to;
    }
    // A chain ends with a day that has its month: drop trailing bare numbers ("22/8/2023, 15 ...").
    while (!atoms.empty() && atoms.back().bare()) {
        atoms.pop_back();
        if (!range_connector.empty()) range_connector.pop_back();
    }
    if (atoms.empty()) return std::nullopt;
    DateMention m;
    m.from = atoms.front().from;
    m.to = atoms.back().to;
    m.lead_word = lead;
    // Complete months from the next atom that has one, years from the nearest that has one.
    for (size_t a = atoms.size(); a-- > 0;) {
        if (atoms[a].m != 0) continue;
        const Atom& next = atoms[a + 1];  // the last atom has a month (trailing bare ones dropped)
        atoms[a].m = next.m;
        if (atoms[a].d > next.d) atoms[a].m = next.m == 1 ? 12 : next.m - 1;  // "30 - 2/8"
    }
    bool any_year = false;
    for (const Atom& a : atoms) any_year = any_year || a.y != 0;
    if (!any_year) {
        if (!lead) return std::nullopt;  // "4/5 xã" is not a date
        m.kind = DateKind::NoYear;
        return m;
    }
    for (size_t a = atoms.size(); a-- > 0;) {
        if (atoms[a].y != 0) continue;
        size_t b = a + 1;
        while (b < atoms.size() && atoms[b].y == 0) ++b;
        if (b < atoms.size()) {
            atoms[a].y = atoms[b].y;
            if (atoms[a].m > atoms[b].m || (atoms[a].m == atoms[b].m && atoms[a].d > atoms[b].d))
                atoms[a].y -= 1;  // "từ 28/12 đến 3/1/2023"
        } else {
            size_t p = a;
            while (p > 0 && atoms[p - 1].y == 0) --p;
            const Atom& before = atoms[p - 1];
            atoms[a].y = before.y;
            if (atoms[a].m < before.m || (atoms[a].m == before.m && atoms[a].d < before.d)) atoms[a].y += 1;
        }
    }
    std::vector<Date> days;
    for (const Atom& a : atoms) {
        if (!is_valid_ymd(a.y, a.m, a.d)) return std::nullopt;  // "31/6/2023"
        days.push_back(Date::from_ymd(a.y, a.m, a.d));
    }
    if (days.size() == 1) {
        m.kind = DateKind::Day;
        m.start = m.end = days[0];
        return m;
    }
    const bool range = std::find(range_connector.begin(), range_connector.end(), true) != range_connector.end();
    if (range) {
        if (days.back() < days.front()) return std::nullopt;
        m.kind = DateKind::Range;
        m.start = days.front();
        m.end = days.back();
        return m;
    }
    std::vector<Date> sorted = days;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    bool consecutive = true;
    for (size_t a = 1; a < sorted.size(); ++a) consecutive = consecutive && sorted[a].days == sorted[a - 1].days + 1;
    m.start = sorted.front();
    m.end = sorted.back();
    if (consecutive) {
        m.kind = sorted.size() == 1 ? DateKind::Day : DateKind::Range;
    } else {
        m.kind = DateKind::List;
        m.days = sorted;
    }
    return m;
}

DateMention period(DateKind kind, Date start, Date end, size_t from, size_t to) {
    DateMention m;
    m.kind = kind;
    m.start = start;
    m.end = end;
    m.from = from;
    m.to = to;
    return m;
}

// "tháng 6/2021", "tháng 06 năm 2021", "tháng 6-2021".
std::optional<DateMention> parse_month(const Tokens& t, size_t i, size_t to) {
    if (!t[i].word_exact("tháng") || i + 1 >= to) return std::nullopt;
    const int m = number_of(t[i + 1], 2);
    if (m < 1 || m > 12) return std::nullopt;
    int y = -1;
    size_t end = 0;
    if (glued(t, i + 2, to) && (t[i + 2].punct('/') || t[i + 2].punct('-') || t[i + 2].punct('.')) &&
        glued(t, i + 3, to)) {
        y = year_at(t, i + 3, to);
        end = i + 4;
    } else {
        size_t k = i + 2;
        if (k < to && t[k].punct(',')) ++k;
        if (k + 1 < to && t[k].word_exact("năm")) {
            y = year_at(t, k + 1, to);
            end = k + 2;
        }
    }
    if (y < 0) return std::nullopt;
    return period(DateKind::Month, Date::from_ymd(y, m, 1), last_day_of_month(y, m), i, end);
}

// "quý II/2023", "quý 2 năm 2023".
std::optional<DateMention> parse_quarter(const Tokens& t, size_t i, size_t to) {
    if (!t[i].word_exact("quý") || i + 1 >= to) return std::nullopt;
    int q = 0;
    static const char* const kRoman[] = {"i", "ii", "iii", "iv"};
    for (int r = 0; r < 4; ++r)
        if (t[i + 1].word(kRoman[r])) q = r + 1;
    if (q == 0) q = number_of(t[i + 1], 1);
    if (q < 1 || q > 4) return std::nullopt;
    int y = -1;
    size_t end = 0;
    if (glued(t, i + 2, to) && (t[i + 2].punct('/') || t[i + 2].punct('-')) && glued(t, i + 3, to)) {
        y = year_at(t, i + 3, to);
        end = i + 4;
    } else if (i + 3 < to && t[i + 2].word_exact("năm")) {
        y = year_at(t, i + 3, to);
        end = i + 4;
    }
    if (y < 0) return std::nullopt;
    return period(DateKind::Quarter, Date::from_ymd(y, 3 * q - 2, 1), last_day_of_month(y, 3 * q), i, end);
}

// "6 tháng đầu năm 2023", "9 tháng năm 2023", "nửa đầu năm 2023".
std::optional<DateMention> parse_months(const Tokens& t, size_t i, size_t to) {
    int n = -1;
    size_t k = i;
    if (t[i].kind == Token::Number && i + 1 < to && t[i + 1].word_exact("tháng")) {
        n = number_of(t[i], 2);
        k = i + 2;
    } else if (match_exact(t, i, "nửa đầu")) {
        n = 6;
        k = i + 2;
        if (k + 1 < to && t[k].word_exact("năm")) {
            const int y = year_at(t, k + 1, to);
            if (y < 0) return std::nullopt;
            return period(DateKind::Months, Date::from_ymd(y, 1, 1), last_day_of_month(y, 6), i, k + 2);
        }
        return std::nullopt;
    }
    if (n < 1 || n > 12) return std::nullopt;
    if (k < to && t[k].word_exact("đầu")) ++k;
    if (k + 1 >= to || !t[k].word_exact("năm")) return std::nullopt;
    const int y = year_at(t, k + 1, to);
    if (y < 0) return std::nullopt;
    return period(DateKind::Months, Date::from_ymd(y, 1, 1), last_day_of_month(y, n), i, k + 2);
}

std::optional<DateMention> parse_year(const Tokens& t, size_t i, size_t to) {
    if (!t[i].word_exact("năm") || i + 1 >= to) return std::nullopt;
    const int y = year_at(t, i + 1, to);
    if (y < 0) return std::nullopt;
    if (glued(t, i + 2, to) && (t[i + 2].punct('/') || t[i + 2].punct('-')))
        return std::nullopt;  // "năm 2022/2023": a school year, not a calendar year
    return period(DateKind::Year, Date::from_ymd(y, 1, 1), Date::from_ymd(y, 12, 31), i, i + 2);
}

bool word_before(const Tokens& t, size_t i, size_t from, const char* w) { return i > from && t[i - 1].word(w); }

}  // namespace

std::vector<DateMention> find_dates(const Tokens& t, size_t from, size_t to) {
    std::vector<DateMention> out;
    if (to > t.size()) to = t.size();
    size_t i = from;
    while (i < to) {
        std::optional<DateMention> m;
        if (t[i].kind == Token::Number) {
            m = parse_months(t, i, to);
            if (!m) m = parse_chain(t, i, from, to);
        } else if (t[i].kind == Token::Word) {
            m = parse_month(t, i, to);
            if (!m) m = parse_quarter(t, i, to);
            if (!m) m = parse_months(t, i, to);
            if (!m) m = parse_year(t, i, to);
        }
        if (!m) {
            ++i;
            continue;
        }
        // What precedes: skip "ngày" to reach "đến", "hết", "trong"...
        size_t k = m->from;
        if (k > from && t[k - 1].word("ngay")) --k;
        if (k > from && (t[k - 1].word_exact("hết") || t[k - 1].word_exact("cuối"))) {
            m->as_of = true;
            --k;
        }
        if (k > from && (t[k - 1].word_exact("đến") || t[k - 1].word_exact("tới") ||
                         (k >= from + 2 && match_exact(t, k - 2, "thời điểm"))))
            m->as_of = true;
        // "Tính đến thời điểm tổng kết tháng 6/2025".
        for (size_t back = 3; back <= 4 && !m->as_of; ++back)
            if (k >= from + back && match_exact(t, k - back, "thời điểm") && t[k - 1].kind == Token::Word &&
                t[k - back + 2].kind == Token::Word)
                m->as_of = true;
        if (k > from && t[k - 1].word_exact("trong")) m->after_trong = true;
        if (m->kind != DateKind::NoYear) {
            // "Từ đầu năm 2023 đến nay", "từ năm 2018 đến nay", "từ tháng 6/2021 đến nay".
            size_t b = m->from;
            if (b > from && t[b - 1].word_exact("đầu")) --b;
            if (b > from && t[b - 1].word("ngay")) --b;
            const bool from_word = b > from && t[b - 1].word_exact("từ");
            size_t e = m->to;
            size_t n = 0;
            if ((n = match_exact(t, e, "đến nay")) || (n = match_exact(t, e, "tới nay")) ||
                (n = match_exact(t, e, "đến thời điểm này")) || (n = match_exact(t, e, "đến thời điểm hiện tại")) ||
                (n = match_exact(t, e, "đến hiện tại"))) {
                if (from_word) {
                    m->kind = DateKind::Open;
                    m->end = m->start;
                    m->from = b - 1;
                    m->to = e + n;
                    m->as_of = false;
                }
            }
        }
        // "từ năm 2021 đến năm 2025": the second is the end of a range, not a cut-off date.
        if (m->as_of && !out.empty()) {
            const DateMention& prev = out.back();
            size_t c = m->from;
            if (c > from && t[c - 1].word("ngay")) --c;
            if (c > from && (t[c - 1].word("den") || t[c - 1].word("toi")) && prev.to == c - 1 &&
                (word_before(t, prev.from, from, "tu") ||
                 (prev.from > from + 1 && t[prev.from - 1].word("ngay") && t[prev.from - 2].word("tu"))))
                m->as_of = false;
        }
        i = m->to;
        out.push_back(std::move(*m));
    }
    return out;
}

}  // namespace ntm::io::news
