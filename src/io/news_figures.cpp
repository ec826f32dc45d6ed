#include "io/news_figures.h"

#include <algorithm>
#include <iterator>

#include "core/reconciliation.h"
#include "core/text.h"
#include "io/news_numbers.h"

namespace ntm::io::news {
namespace {

// "hà nội" -> "Hà Nội": a name as news text writes it.
std::string capitalised_name(const std::string& name) {
    std::string out;
    size_t p = 0;
    while (p <= name.size()) {
        size_t q = name.find(' ', p);
        if (q == std::string::npos) q = name.size();
        out += (out.empty() ? "" : " ") + capitalised(name.substr(p, q - p));
        p = q + 1;
    }
    return out;
}

struct Qualifier {
    FigureName::What what = FigureName::Unknown;
    int lo = 0, hi = 0;
    size_t end = 0;
};

// A whole number (no decimals, not a percentage) at i.
std::optional<VnNumber> whole(const Tokens& t, size_t i, size_t to) {
    if (i >= to) return std::nullopt;
    auto n = parse_number(t, i);
    if (!n || n->percent || !n->is_integer() || n->end > to) return std::nullopt;
    return n;
}

// "tiêu chí" at k; returns the tokens matched ("tiêu chí/xã" is not a band: an average).
size_t criteria_words(const Tokens& t, size_t k) { return match_exact(t, k, "tiêu chí"); }

// After "chuẩn": "(xã) nông thôn mới|NTM (nâng cao|kiểu mẫu)".
Qualifier level_after(const Tokens& t, size_t k, size_t to, bool chuan) {
    Qualifier q;
    size_t j = k;
    if (j < to && t[j].word_exact("xã")) ++j;
    size_t n = match_exact(t, j, "nông thôn mới");
    if (!n && j < to && t[j].word("ntm")) n = 1;
    if (!n && !chuan) return q;
    j += n;
    if (size_t m = match_exact(t, j, "nâng cao")) {
        q.what = FigureName::Advanced;
        q.end = j + m;
    } else if (size_t m2 = match_exact(t, j, "kiểu mẫu")) {
        q.what = FigureName::Model;
        q.end = j + m2;
    } else {
        if (criteria_words(t, j) || (j < to && t[j].word_exact("các"))) return q;  // "đạt chuẩn tiêu chí số 2"
        q.what = FigureName::Standard;
        q.end = j;
    }
    return q;
}

std::optional<Qualifier> parse_qualifier(const Tokens& t, size_t q, size_t to, int max) {
    size_t k = q;
    if (k < to && (t[k].word_exact("đạt") || t[k].word_exact("có"))) ++k;
    else if (size_t n = match_exact(t, k, "về đích")) k += n;
    if (k < to && t[k].word_exact("chuẩn")) {
        Qualifier l = level_after(t, k + 1, to, true);
        if (l.what != FigureName::Unknown) return l;
        return std::nullopt;
    }
    {
        Qualifier l = level_after(t, k, to, false);
        if (l.what != FigureName::Unknown) return l;
    }
    // Bands.
    Qualifier b;
    b.what = FigureName::Band;
    bool below = false, above = false;
    if (k < to && t[k].word_exact("dưới")) {
        below = true;
        ++k;
    } else if (k < to && t[k].word_exact("trên")) {
        above = true;
        ++k;
    } else if (k < to && t[k].word_exact("từ")) {
        ++k;
    } else if (k < to && t[k].word_exact("đủ")) {
        ++k;
    }
    const auto a = whole(t, k, to);
    if (!a || a->value > 100) return std::nullopt;
    const int lo = static_cast<int>(a->value);
    k = a->end;
    int hi = lo;
    if (k < to && (t[k].punct('-') || t[k].word_exact("đến") || t[k].word_exact("tới"))) {
        const auto c = whole(t, k + 1, to);
        if (!c || c->value < lo || c->value > 100) return std::nullopt;
        hi = static_cast<int>(c->value);
        k = c->end;
    } else if (k < to && t[k].punct('/') && !t[k].space_before) {
        const auto c = whole(t, k + 1, to);  // "19/19 tiêu chí"
        if (!c) return std::nullopt;
        k = c->end;
    }
    const size_t n = criteria_words(t, k);
    if (!n) return std::nullopt;
    k += n;
    if (k < to && t[k].punct('/')) return std::nullopt;  // "tiêu chí/xã": an average
    if (size_t m = match_exact(t, k, "trở lên")) {
        hi = max;
        k += m;
    }
    if (below) {
        if (lo == 0 || hi != lo) return std::nullopt;
        b.lo = 0;
        b.hi = lo - 1;
    } else if (above) {
        b.lo = lo + 1;
        b.hi = max;
    } else {
        b.lo = lo;
        b.hi = hi;
    }
    if (b.lo > b.hi || b.hi > max) return std::nullopt;
    b.end = k;
    return b;
}

// ", chiếm 12,4%", "(28,18%)", ", chiếm tỷ lệ 12,4%", " = 12,4%": a percentage after position k.
std::optional<double> percent_after(const Tokens& t, size_t k, size_t to, size_t* end) {
    size_t j = k;
    for (int steps = 0; j < to && steps < 5; ++steps) {
        size_t n = 0;
        if (t[j].punct(',') || t[j].punct('(') || t[j].punct('=') || t[j].punct(':') || t[j].punct('-')) n = 1;
        else if (t[j].word_exact("chiếm") || t[j].word_exact("bằng") || t[j].word_exact("là") ||
                 t[j].word_exact("đạt") || t[j].word_exact("khoảng"))
            n = 1;
        else if ((n = match_exact(t, j, "tương ứng"))) {
        }
        else if ((n = match_exact(t, j, "tỷ lệ")) || (n = match_exact(t, j, "tỉ lệ"))) {
        }
        if (!n) break;
        j += n;
    }
    if (j >= to || t[j].kind != Token::Number) return std::nullopt;
    const auto p = parse_number(t, j);
    if (!p || !p->percent || p->value > 100) return std::nullopt;
    // "đạt 75% mục tiêu", "12,4% so với kế hoạch": a share of a target, not of the xã.
    for (const char* w : {"mục tiêu", "kế hoạch", "chỉ tiêu", "nhiệm vụ", "so với"})
        if (match_exact(t, p->end, w)) return std::nullopt;
    size_t e = p->end;
    if (e < to && t[e].punct(')')) ++e;
    *end = e;
    return p->value;
}

bool has_phrase_between(const Tokens& t, size_t from, size_t to, std::initializer_list<const char*> phrases) {
    for (size_t k = from; k < to; ++k)
        for (const char* p : phrases)
            if (match_exact(t, k, p)) {
                // "vượt mục tiêu", "hoàn thành mục tiêu", "đạt mục tiêu": a result measured against a target.
                if (k > from && std::string(p) == "mục tiêu" &&
                    (t[k - 1].word_exact("vượt") || t[k - 1].word_exact("thành") || t[k - 1].word_exact("đạt") ||
                     t[k - 1].word_exact("với")))
                    continue;
                // "đạt 97,5% mục tiêu giai đoạn": a result measured against its target.
                if (k > from && std::string(p) == "mục tiêu" && (t[k - 1].punct('%') || t[k - 1].word_exact("%")))
                    continue;
                // "Chương trình mục tiêu quốc gia xây dựng nông thôn mới": the programme's name.
                if (std::string(p) == "mục tiêu" && match_exact(t, k + 2, "quốc gia")) continue;
                return true;
            }
    return false;
}

// Targets and plans: a count after these is not a report. Words in parentheses closed before the
// count belong to the count before them ("2.275 xã (36,4%) đạt chuẩn NTM nâng cao (tăng 1.172 xã ...,
// đạt 91% mục tiêu ...) và 550 xã (8,8%) ...": the 550 are no target).
bool has_target_words(const Tokens& t, size_t from, size_t to);
bool target_before(const Tokens& t, size_t from, size_t to) {
    size_t open = 0;
    int depth = 0;
    for (size_t k = from; k < to; ++k) {
        if (t[k].punct('(')) {
            if (depth++ == 0) open = k;
        } else if (t[k].punct(')') && depth > 0 && --depth == 0) {
            if (has_target_words(t, from, open)) return true;
            from = k + 1;  // what the parentheses held is not this count's
        }
    }
    return has_target_words(t, from, to);
}
bool has_target_words(const Tokens& t, size_t from, size_t to) {
    return has_phrase_between(t, from, to,
                              {"phấn đấu", "mục tiêu", "kế hoạch", "dự kiến", "chỉ tiêu", "đăng ký", "đề nghị",
                               "sẽ", "nếu", "cần", "định hướng", "để"});
}

// Changes and approximations right before a count: "có thêm 10 xã", "hơn 100 xã".
bool change_before(const Tokens& t, size_t from, size_t k) {
    for (size_t j = k; j > from && j + 2 > k; --j) {
        const Token& w = t[j - 1];
        if (w.word_exact("thêm") || w.word_exact("tăng") || w.word_exact("giảm") || w.word_exact("hơn") ||
            w.word_exact("gần") || w.word_exact("khoảng") || w.word_exact("trên") || w.word_exact("xấp") ||
            w.word_exact("vượt"))
            return true;
        // "công nhận 5 xã": the communes of one notice, not a count of the province's.
        if (w.word_exact("nhận") && j >= from + 2 && t[j - 2].word_exact("công")) return true;
    }
    // "có thêm 6 xã đạt chuẩn NTM (lũy kế ... 144/184 xã) và 15 xã đạt chuẩn NTM nâng cao": a change
    // governs the counts joined to it in its clause; a running total in parentheses ("lũy kế",
    // "nâng tổng số") is not one.
    int depth = 0;
    for (size_t j = k; j > from && j + 60 > k; --j) {  // bounded: a pathological sentence stays linear
        const Token& w = t[j - 1];
        if (w.punct(';') || w.punct('.') || w.punct(':') || (w.punct(',') && depth == 0)) break;
        if (w.punct(')')) {
            ++depth;
            continue;
        }
        if (w.punct('(')) {
            if (depth == 0) break;  // the count is inside the parentheses: only they count
            --depth;
            continue;
        }
        if (depth > 0) continue;
        if (match_exact(t, j - 1, "lũy kế") || match_exact(t, j - 1, "luỹ kế") || match_exact(t, j - 1, "tổng số") ||
            w.word_exact("lên"))
            return false;
        if (w.word_exact("thêm") || w.word_exact("tăng") || w.word_exact("giảm")) return true;
    }
    return false;
}

// "47 xã đạt từ 15 - 18 tiêu chí (trong đó có 23 xã đã được công nhận …)": a count inside
// parentheses opened by "trong đó" counts some of the count before them, not the province's —
// unless it counts a higher level ("120 xã đạt chuẩn (trong đó có 30 xã đạt chuẩn nâng cao)"),
// which only xã at standard reach.
bool inside_of_which(const Tokens& t, size_t from, size_t k, size_t to) {
    int depth = 0;
    for (size_t j = k; j > from && j + 60 > k; --j) {  // bounded, as change_before
        const Token& w = t[j - 1];
        if (w.punct(')')) ++depth;
        else if (w.punct('(') && depth-- == 0) {
            size_t after = j;
            while (after < k && t[after].kind == Token::Punct) ++after;
            if (!match_exact(t, after, "trong đó") && !match_exact(t, after, "trong số đó")) return false;
            for (size_t q = k; q < to && q < k + 12 && !t[q].punct(')') && !t[q].punct(';'); ++q)
                if (match_exact(t, q, "nâng cao") || match_exact(t, q, "kiểu mẫu") || match_exact(t, q, "hiện đại"))
                    return false;
            return true;
        }
    }
    return false;
}

// Words after "xã" that narrow what is counted to some of the province's communes: "9/20 xã biên
// giới", "xã đặc biệt khó khăn", "xã thuộc vùng dân tộc thiểu số", "5 xã vừa được công nhận".
bool subset_after(const Tokens& t, size_t j, size_t to) {
    if (j >= to || t[j].kind != Token::Word) return false;
    static const char* const kWords[] = {"biên giới", "đặc biệt", "vùng", "thuộc", "khu vực", "miền núi", "điểm",
                                         "an toàn khu", "dân tộc", "bãi ngang", "ven biển", "còn lại", "lần này",
                                         "đợt này", "vừa", "mới được", "nghèo", "đăng ký", "phấn đấu"};
    for (const char* w : kWords)
        if (match_exact(t, j, w)) return true;
    return false;
}

std::string figure_name(const Qualifier& q, bool percent) {
    const std::string measure = percent ? "percent" : "count";
    switch (q.what) {
        case FigureName::Standard: return "xa_standard_" + measure;
        case FigureName::Advanced: return "xa_advanced_" + measure;
        case FigureName::Model: return "xa_model_" + measure;
        case FigureName::Band: return band_figure_name(q.lo, q.hi, measure);
        default: return "";
    }
}

// "tỉnh Hà Giang" (or "toàn tỉnh Hà Giang") when the dataset is of another province: its name
// as written ("tỉnh Hà Giang"), else "".
std::string other_province(const Tokens& t, size_t k, size_t to, const FigureSettings& settings) {
    if (settings.province_name.empty()) return "";
    size_t j = k + (t[k].word_exact("toàn") ? 2 : 1);
    std::string name, written = "tỉnh";
    for (size_t w = j; w < to && w < j + 3 && t[w].kind == Token::Word && t[w].upper; ++w) {
        name += (name.empty() ? "" : " ") + t[w].exact;
        written += " " + capitalised(t[w].exact);
    }
    if (name.empty() || name.compare(0, settings.province_name.size(), settings.province_name) == 0) return "";
    return written;
}

// "16 tỉnh có 100% ...", "12 tỉnh đã có 100%", "có 12 tỉnh, thành phố đạt 100%": the count before
// the share is of provinces (or districts), not of xã.
bool count_of_provinces_before(const Tokens& t, size_t from, size_t k) {
    for (size_t j = k; j > from && j + 8 > k; --j) {
        const Token& w = t[j - 1];
        if (w.punct(';') || w.punct('.')) return false;
        if ((w.word_exact("tỉnh") || w.word_exact("huyện") || match_exact(t, j - 1, "đơn vị")) && j >= from + 2 &&
            t[j - 2].kind == Token::Number)
            return true;
    }
    return false;
}

struct Marker {
    size_t pos;
    std::string scope;
    std::string who = "";  // with scope "other": the place as written
};

}  // namespace

std::vector<FigureMention> find_figures(const Tokens& t, size_t from, size_t to, const std::vector<DateMention>& dates,
                                        const PlaceScan& places, const std::vector<bool>& masked,
                                        const FigureSettings& settings, FigureContext& context) {
    std::vector<FigureMention> out;
    if (to > t.size()) to = t.size();
    auto is_masked = [&](size_t k) { return k < masked.size() && masked[k]; };

    // The date of the period: the cut-off before the figure in the sentence ("Đến hết năm 2020, ...,
    // đến tháng 7-2021 cả nước có 64,6%": each figure takes the one before it), else the sentence's
    // first, else a period heading the sentence, else the one carried from the sentence before.
    // A cut-off after a target in its clause is the target's deadline: what follows it is undated.
    struct Cut {
        size_t pos;
        std::optional<Date> date;
    };
    std::vector<Cut> cuts;
    std::optional<Date> date;
    bool flow = false;  // "Trong năm 2023, ...", "Riêng năm 2014, ...": counts of what happened in it
    size_t head = after_source_tag(t, from, to);
    while (head < to && (t[head].kind == Token::Punct || t[head].word_exact("trong") || t[head].word_exact("vào") ||
                         t[head].word_exact("riêng") || match_exact(t, head, "như vậy")))
        head += match_exact(t, head, "như vậy") ? 2 : 1;
    size_t clause = from;
    for (const DateMention& m : dates) {
        // (Dates of documents were left out by the caller; dates themselves are masked as counts.)
        if (m.from < from || m.from >= to) continue;
        if (m.kind == DateKind::NoYear || m.kind == DateKind::Open) continue;
        // "tăng 0,8 tiêu chí so với cuối năm 2020": the baseline of a change, not the period.
        if (has_phrase_between(t, m.from >= from + 5 ? m.from - 5 : from, m.from, {"so với", "so cùng kỳ"})) continue;
        if (m.as_of) {
            const bool target = target_before(t, clause, m.from);
            cuts.push_back({m.from, target ? std::nullopt : std::optional<Date>(m.end)});
            clause = m.to;
            continue;
        }
        if (cuts.empty() && !date && m.from == head && !m.day_precision()) {
            date = m.end;
            flow = m.kind != DateKind::Month &&
                   head > from && (t[head - 1].word_exact("trong") || t[head - 1].word_exact("riêng"));
        }
    }
    // "Đến nay", "hiện nay", "hiện có": the day of writing, which is not the date carried on.
    bool now = false;
    for (size_t k = from; k < to && !now; ++k)
        now = match_exact(t, k, "đến nay") || match_exact(t, k, "hiện nay") || match_exact(t, k, "hiện có") ||
              match_exact(t, k, "hiện tại") || match_exact(t, k, "tới nay") || (k == head && t[k].word_exact("hiện"));
    if (!cuts.empty()) {
        date = cuts.front().date;
        context.date = cuts.back().date;
        context.target = !cuts.back().date.has_value();
    } else if (!date && !context.target && !now) {
        date = context.date;
    }
    auto date_for = [&](size_t pos) {
        std::optional<Date> d = date;
        for (const Cut& c : cuts)
            if (c.pos <= pos) d = c.date;
        return d;
    };

    // Scope markers.
    std::vector<Marker> markers;
    for (size_t k = from; k < to; ++k) {
        if (match_exact(t, k, "cả nước") || match_exact(t, k, "toàn quốc") || match_exact(t, k, "bộ nông nghiệp") ||
            match_exact(t, k, "bộ nn"))
            markers.push_back({k, "national"});
        else if (match_exact(t, k, "toàn tỉnh") || t[k].word_exact("tỉnh")) {
            const std::string other = other_province(t, k, to, settings);
            markers.push_back({k, other.empty() ? settings.province_scope : std::string("other"), other});
        } else if (match_exact(t, k, "toàn huyện") && context.scope.compare(0, 9, "district:") == 0)
            markers.push_back({k, context.scope});
    }
    for (const PlaceMention& p : places.places)
        if (p.district && p.from >= from && p.from < to) markers.push_back({p.from, "district:" + p.code});
    // A district the dataset does not have ("huyện Phú Bình có 100% số xã ..."): not the province's.
    for (const PlaceName& p : places.names)
        if (p.district && p.status != PlaceName::Linked && p.from >= from && p.from < to)
            markers.push_back({p.from, "other", p.written});
    // Another province named alone, once the text has named it as one ("thành phố Hà Nội" ... "Hà Nội có
    // 100% số xã ...").
    for (size_t k = from; k < to; ++k) {
        if (t[k].kind != Token::Word || !t[k].upper || (k > from && t[k - 1].word_exact("tỉnh"))) continue;
        for (const std::string& name : settings.other_provinces) {
            const size_t n = match_exact(t, k, name);
            if (!n || (k + n < to && t[k + n].kind == Token::Word && t[k + n].upper)) continue;
            std::string written;
            for (size_t w = k; w < k + n; ++w) written += (w > k ? " " : "") + capitalised(t[w].exact);
            markers.push_back({k, "other", written});
            break;
        }
    }
    std::stable_sort(markers.begin(), markers.end(), [](const Marker& a, const Marker& b) { return a.pos < b.pos; });
    auto marker_for = [&](size_t pos) -> Marker {
        const auto it = std::lower_bound(markers.begin(), markers.end(), pos,
                                         [](const Marker& m, size_t p) { return m.pos < p; });
        if (it != markers.begin()) return *std::prev(it);
        if (!context.scope.empty()) return {pos, context.scope, context.other};
        // A marker right after the count ("51 xã của toàn tỉnh"); one further on is of another clause.
        auto after = it;
        while (after != markers.end() && after->pos == pos) ++after;
        if (after != markers.end() && after->pos <= pos + 6) return *after;
        return {pos, settings.province_scope, ""};
    };
    auto has_total = [&](size_t a, size_t b) {
        for (size_t k = a; k + 1 < b; ++k)
            if (t[k].punct('/') && t[k + 1].kind == Token::Number) return true;
        for (size_t k = a; k < b; ++k)
            if (t[k].kind == Token::Number && parse_number(t, k) && parse_number(t, k)->percent) return true;
        return false;
    };
    auto emit = [&](const std::string& figure, double value, size_t a, size_t b) {
        if (figure.empty()) return;
        const Marker m = marker_for(a);
        const std::string& scope = m.scope;
        for (const FigureMention& f : out)
            if (f.figure == figure && f.scope == scope && f.value == value) return;
        if (scope == "other" || (scope == settings.province_scope && !settings.about_other.empty())) {
            // Another province's figure: reported, not stored. The sentences after it without a scope
            // of their own are about it too ("Còn tỉnh Đắk Lắk ... 75 xã ... Trong đó, có 1 xã đạt nông
            // thôn mới nâng cao").
            const std::string who = scope == "other" ? m.who : settings.about_other;
            if (scope == "other") {
                context.scope = "other";
                context.other = m.who;
            }
            FigureMention f{figure, value, "other", std::nullopt, a, b, ""};
            f.why = (who.empty() ? std::string("a figure of another province") : "a figure of " + who) + ", not of " +
                    (settings.province_name.empty() ? std::string("the dataset's province")
                                                    : capitalised_name(settings.province_name));
            if (scope != "other") f.why += " (the text is about " + who + ")";
            out.push_back(std::move(f));
            return;
        }
        FigureMention f{figure, value, scope, date_for(a), a, b, ""};
        // Within a period ("Trong năm 2023, toàn tỉnh có 9 xã đạt chuẩn ...") a bare count is of the
        // communes reached in it; a count of a total ("109/137 xã"), a share or an average is a state.
        if (flow && f.date && figure.size() > 6 && figure.compare(figure.size() - 6, 6, "_count") == 0 &&
            !(b > a && has_total(a, b)) && value != 0) {
            f.date.reset();
            f.why = "a count of what the period added, not a total";
        }
        out.push_back(std::move(f));
    };
    auto clause_start = [&](size_t k) {
        // Bounded so that a pathological sentence stays linear.
        size_t c = k;
        while (c > from && c + 40 > k && !t[c - 1].punct(';') && !t[c - 1].punct(':') && !t[c - 1].punct('.')) --c;
        return c;
    };
    const int max = settings.criteria_count;
    // The last count's qualifier and where it ends: "15 xã đạt chuẩn NTM nâng cao (lũy kế toàn tỉnh có 38 xã)".
    std::optional<Qualifier> last_q;
    size_t last_q_end = 0;

    size_t k = from;
    while (k < to) {
        if (is_masked(k)) {
            ++k;
            continue;
        }
        // Average: "bình quân (cả nước|mỗi xã) đạt 17,1 tiêu chí/xã".
        if (match_exact(t, k, "bình quân") || match_exact(t, k, "trung bình")) {
            // "tăng bình quân 11,89 tiêu chí/xã so với năm 2011": a change of the average, not one.
            if (k > from && (t[k - 1].word_exact("tăng") || t[k - 1].word_exact("giảm") || t[k - 1].word_exact("thêm"))) {
                k += 2;
                continue;
            }
            size_t j = k + 2;
            bool found = false;
            for (; j < to && j < k + 14; ++j) {
                if (t[j].punct(';') || t[j].punct('.')) break;
                if (t[j].word_exact("xã") && subset_after(t, j + 1, to)) break;  // "mỗi xã biên giới đạt 13,85"
                if (t[j].word_exact("tăng") || t[j].word_exact("giảm") || t[j].word_exact("thêm")) break;
                if (t[j].kind != Token::Number || is_masked(j)) continue;
                const auto n = parse_number(t, j);
                if (!n || n->percent || n->value > max) break;
                const bool criteria = criteria_words(t, n->end) > 0;
                const bool stated = j > 0 && (t[j - 1].word_exact("đạt") || t[j - 1].word_exact("là") ||
                                              t[j - 1].punct(':') || t[j - 1].punct('='));
                if (criteria || stated) {
                    if (!target_before(t, clause_start(k), k)) emit("average_criteria", n->value, j, n->end);
                    j = n->end;
                    found = true;
                }
                break;
            }
            k = found ? j : k + 2;
            continue;
        }
        // "tổng số xã đạt chuẩn của Hà Giang đến cuối năm 2016 là 16 xã", "nâng số xã đạt chuẩn
        // NTM trên toàn tỉnh lên 37 xã": the count after what it counts.
        if (size_t n = match_exact(t, k, "số xã")) {
            // "- Số xã dưới 8 tiêu chí : Không có": none.
            if (const auto q = parse_qualifier(t, k + n, to, max); q && q->end + 1 < to && t[q->end].punct(':')) {
                const size_t none = match_exact(t, q->end + 1, "không có");
                const size_t after = q->end + 1 + none;
                if (none && (after >= to || t[after].kind == Token::Punct) && !target_before(t, clause_start(k), k)) {
                    emit(figure_name(*q, false), 0, k, after);
                    k = after;
                    continue;
                }
            }
            if (const auto q = parse_qualifier(t, k + n, to, max); q && q->what != FigureName::Band) {
                size_t j = q->end;
                for (; j < to && j < q->end + 14; ++j) {
                    if (t[j].punct(',') || t[j].punct(';') || t[j].punct('.') || t[j].punct('(')) break;
                    if ((t[j].word_exact("là") || t[j].word_exact("lên")) && !is_masked(j)) break;
                }
                if (j < to && (t[j].word_exact("là") || t[j].word_exact("lên"))) {
                    if (const auto v = whole(t, j + 1, to); v && v->end < to && t[v->end].word_exact("xã") &&
                                                           !target_before(t, clause_start(k), k)) {
                        emit(figure_name(*q, false), v->value, k, v->end + 1);
                        if (!out.empty() && out.back().from == k) context.scope = out.back().scope;
                        // "... lên 44 xã /104 xã, tương ứng tỷ lệ 42,31%": the total and the share.
                        size_t e = v->end + 1;
                        if (e + 1 < to && t[e].punct('/')) {
                            if (const auto d = whole(t, e + 1, to); d && d->end < to && t[d->end].word_exact("xã")) {
                                emit("xa_total", d->value, k, d->end + 1);
                                e = d->end + 1;
                            }
                        }
                        size_t pe = 0;
                        if (const auto p = percent_after(t, e, to, &pe)) {
                            emit(figure_name(*q, true), *p, k, pe);
                            e = pe;
                        }
                        k = e;
                        continue;
                    }
                }
            }
        }
        // "không còn xã (nào) dưới 5 tiêu chí".
        if (size_t n = match_exact(t, k, "không còn xã") ? 3 : match_exact(t, k, "không có xã") ? 3 : 0) {
            size_t j = k + n;
            if (j < to && t[j].word_exact("nào")) ++j;
            if (const auto q = parse_qualifier(t, j, to, max); q && q->what == FigureName::Band) {
                if (!target_before(t, clause_start(k), k)) emit(figure_name(*q, false), 0, k, q->end);
                k = q->end;
                continue;
            }
        }
        // "tỷ lệ (số) xã đạt chuẩn NTM là 49,7%".
        if (size_t n = match_exact(t, k, "tỷ lệ") ? 2 : match_exact(t, k, "tỉ lệ") ? 2 : 0) {
            size_t j = k + n;
            if (j < to && t[j].word_exact("số")) ++j;
            if (j < to && t[j].word_exact("xã")) {
                if (const auto q = parse_qualifier(t, j + 1, to, max)) {
                    size_t e = 0;
                    if (const auto p = percent_after(t, q->end, to, &e)) {
                        if (!target_before(t, clause_start(k), k)) emit(figure_name(*q, true), *p, k, e);
                        k = e;
                        continue;
                    }
                }
            }
        }
        if (t[k].kind != Token::Number) {
            ++k;
            continue;
        }
        const auto number = parse_number(t, k);
        if (!number || number->end > to) {
            ++k;
            continue;
        }
        const size_t cstart = clause_start(k);
        if (inside_of_which(t, from, k, to)) {
            k = number->end;
            continue;
        }
        // Percentage first: "71,3% số xã đạt chuẩn".
        if (number->percent) {
            size_t j = number->end;
            if (j < to && (t[j].word_exact("số") || t[j].word_exact("các"))) ++j;
            if (j < to && t[j].word_exact("xã") && !subset_after(t, j + 1, to)) {
                ++j;
                while (j < to && (t[j].word_exact("đã") || t[j].word_exact("được") || match_exact(t, j, "công nhận")))
                    j += t[j].word_exact("công") ? 2 : 1;
                if (const auto q = parse_qualifier(t, j, to, max)) {
                    if (!target_before(t, cstart, k) && !change_before(t, cstart, k) &&
                        !count_of_provinces_before(t, cstart, k))
                        emit(figure_name(*q, true), number->value, k, q->end);
                    k = q->end;
                    continue;
                }
            }
            k = number->end;
            continue;
        }
        // A count of xã: "25 xã", "51/181 xã", "5.860 xã (71,3%)".
        if (!number->is_integer()) {
            k = number->end;
            continue;
        }
        size_t j = number->end;
        std::optional<double> total;
        if (j + 1 < to && t[j].punct('/') && !t[j].space_before) {
            const auto d = whole(t, j + 1, to);
            if (!d) {
                k = j;
                continue;
            }
            total = d->value;
            j = d->end;
        }
        if (j >= to || !t[j].word_exact("xã")) {
            k = j > k ? j : k + 1;
            continue;
        }
        const size_t xa = j;
        ++j;
        if (subset_after(t, j, to)) {
            k = j;
            continue;
        }
        std::optional<double> percent;
        size_t e = 0;
        if (j < to && t[j].punct('(')) {
            if (const auto p = percent_after(t, j, to, &e)) {
                percent = p;
                j = e;
            }
        }
        // Fillers between the count and what it counts.
        bool negated = false;
        for (int steps = 0; j < to && steps < 6; ++steps) {
            if (t[j].word_exact("đã") || t[j].word_exact("được") || t[j].word_exact("hiện") ||
                t[j].word_exact("đều") || t[j].word_exact("vẫn") || t[j].word_exact("nay")) {
                ++j;
            } else if (size_t n = match_exact(t, j, "công nhận")) {
                j += n;
            } else if (t[j].word_exact("chưa") || t[j].word_exact("không")) {
                negated = true;
                ++j;
            } else if (size_t m = match_exact(t, j, "trên tổng số") ? 3 : match_exact(t, j, "trên tổng") ? 2 : 0) {
                const auto d = whole(t, j + m, to);
                if (!d || d->end >= to || !t[d->end].word_exact("xã")) break;
                total = d->value;
                j = d->end + 1;
                if (j < to && t[j].punct(',')) ++j;
            } else {
                break;
            }
        }
        std::optional<Qualifier> q = negated ? std::nullopt : parse_qualifier(t, j, to, max);
        size_t end = q ? q->end : xa + 1;
        bool colon_form = false;
        if (!q && !negated) {
            // "- Đạt 10-14 tiêu chí: 36 xã": the qualifier before the count.
            // "Nhóm xã đạt từ 10 đến 14 tiêu chí có 25 xã": the same with "có" (or "là") for the colon.
            size_t c = k;
            bool verb = false;
            if (c > cstart && (t[c - 1].word_exact("có") || t[c - 1].word_exact("là"))) {
                --c;
                verb = true;
            }
            const bool colon_here = c > from && t[c - 1].punct(':');
            if (colon_here || (verb && c > from)) {
                const size_t colon = colon_here ? c - 1 : c;
                size_t lead = colon;
                while (lead > from && lead + 30 > colon && !t[lead - 1].punct(';') && !t[lead - 1].punct('.') &&
                       !t[lead - 1].punct(':'))
                    --lead;
                for (size_t p = lead; p < colon && !q; ++p) {
                    const auto cand = parse_qualifier(t, p, colon, max);
                    if (cand && cand->end == colon) q = cand;
                }
                colon_form = q.has_value();
            }
        }
        if (!percent) {
            if (const auto p = percent_after(t, colon_form ? xa + 1 : end, to, &e)) {
                percent = p;
                end = e;
            }
        }
        const bool skip = target_before(t, cstart, k) || change_before(t, cstart, k) || negated;
        // A running total in parentheses after a count counts what that count counted.
        bool inherited = false;
        if (!q && last_q && !negated) {
            size_t open = k;
            while (open > from && !t[open - 1].punct('(') && !t[open - 1].punct(')') && open + 12 > k) --open;
            bool total_words = false;
            for (size_t w = open; w < k; ++w)
                total_words = total_words || match_exact(t, w, "lũy kế") || match_exact(t, w, "luỹ kế") ||
                              match_exact(t, w, "tổng số") || match_exact(t, w, "nâng tổng");
            if (open > from && t[open - 1].punct('(') && open - 1 == last_q_end && total_words && xa + 1 < to &&
                t[xa + 1].punct(')')) {
                q = last_q;
                inherited = true;
            }
        }
        if (q && !inherited) {
            last_q = q;
            last_q_end = end;
        }
        if (!skip && q) {
            emit(figure_name(*q, false), number->value, k, end);
            if (percent) emit(figure_name(*q, true), *percent, k, end);
            if (total) emit("xa_total", *total, k, end);
        } else if (!skip && !q) {
            // "Toàn tỉnh có 181 xã", "trên tổng số 181 xã", "tổng số xã: 181 xã".
            const bool after_total = (k >= from + 2 && match_exact(t, k - 2, "tổng số")) ||
                                     (k >= from + 3 && match_exact(t, k - 3, "tổng số xã"));
            bool after_scope = false;
            if (k >= from + 2 && t[k - 1].word_exact("có")) {
                const Token& s = t[k - 2];
                after_scope = s.word_exact("tỉnh") || s.word_exact("nước") || s.word_exact("quốc");
                for (const PlaceMention& p : places.places)
                    if (p.district && p.to == k - 1) after_scope = true;
            }
            const bool closes = xa + 1 >= to || t[xa + 1].kind == Token::Punct || t[xa + 1].word_exact("trong");
            if ((after_total || after_scope) && closes && !total) emit("xa_total", number->value, k, xa + 1);
            if (total) emit("xa_total", *total, k, xa + 1);
        }
        if (!out.empty() && out.back().from == k) context.scope = out.back().scope;
        k = std::max(end, xa + 1);
    }
    return out;
}

}  // namespace ntm::io::news
