#include "io/news_recognitions.h"

#include <algorithm>

#include "io/news_dates.h"

namespace ntm::io::news {
namespace {

bool glued(const Tokens& t, std::size_t i, std::size_t to) { return i < to && !t[i].space_before; }

// "/QĐ-UBND", "/2023/QĐ-UBND" at i (the slash may follow a space: "46 /QĐ-UBND"). Returns the end.
std::size_t suffix_end(const Tokens& t, std::size_t i, std::size_t to) {
    if (i >= to || !t[i].punct('/') || !glued(t, i + 1, to)) return i;
    std::size_t k = i;
    bool letters = false;
    // "QĐ - UBND": a dash typed with spaces between two codes.
    auto spaced_dash = [&](std::size_t k, bool letters_before) {
        return letters_before && k + 1 < to && t[k].punct('-') && t[k + 1].all_caps();
    };
    while (k < to && (k == i || glued(t, k, to) || spaced_dash(k, letters) ||
                      (letters && t[k].all_caps() && t[k - 1].punct('-')))) {
        const Token& tok = t[k];
        if (spaced_dash(k, letters)) {
            ++k;
            continue;
        }
        if (tok.punct('/') || tok.punct('-')) {
            if (!glued(t, k + 1, to) || t[k + 1].kind == Token::Punct) break;
        } else if (tok.kind == Token::Word) {
            letters = true;
        } else if (tok.kind != Token::Number) {
            break;
        }
        ++k;
    }
    return letters ? k : i;
}

bool p_in_names(const PlaceScan& places, std::size_t k) {
    for (const PlaceName& p : places.names)
        if (k + 1 == p.from) return true;  // the type word of a named commune
    return false;
}

std::string slice_text(std::string_view text, const Tokens& t, std::size_t from, std::size_t to) {
    return std::string(text.substr(t[from].begin, t[to - 1].end - t[from].begin));
}

bool issuer_stop(const Token& tok) {
    return tok.kind == Token::Punct || tok.word("ngay") || tok.word("ve") || tok.word_exact("công") ||
           tok.word_exact("đã") || tok.word_exact("vừa");
}

}  // namespace

std::vector<DecisionRef> find_decisions(std::string_view text, const Tokens& t, std::size_t from, std::size_t to) {
    std::vector<DecisionRef> out;
    if (to > t.size()) to = t.size();
    for (std::size_t i = from; i < to; ++i) {
        const std::size_t n = match_phrase(t, i, "quyet dinh");
        if (!n) continue;
        std::size_t j = i + n;
        if (j < to && t[j].word("so")) ++j;
        if (j < to && t[j].punct(':')) ++j;
        struct Item { std::string number, suffix; std::size_t from, to; };
        std::vector<Item> items;
        while (j < to && t[j].kind == Token::Number) {
            Item it{t[j].exact, "", j, j + 1};
            const std::size_t e = suffix_end(t, j + 1, to);
            if (e > j + 1) {
                it.suffix = slice_text(text, t, j + 1, e);
                if (!it.suffix.empty() && it.suffix[0] != '/') it.suffix = "/" + it.suffix;
                while (it.suffix.find(' ') != std::string::npos) it.suffix.erase(it.suffix.find(' '), 1);
            }
            it.to = e;
            items.push_back(it);
            j = e;
            std::size_t c = j;
            if (c < to && (t[c].punct(',') || t[c].punct(';') || t[c].word("va"))) ++c;
            else break;
            if (c < to && t[c].word("va")) ++c;
            if (c < to && t[c].kind == Token::Number) j = c;
            else break;
        }
        if (items.empty()) continue;
        // Shared suffix: "2165, 2166/QĐ-UBND".
        std::string next;
        for (std::size_t k = items.size(); k-- > 0;) {
            if (items[k].suffix.empty()) items[k].suffix = next;
            else next = items[k].suffix;
        }
        if (items.back().suffix.empty()) {
            // "Quyết định 2949 công nhận xã Tam Hiệp", "các Quyết định 2950, 2951, 2952, 2953 công nhận
            // các xã: ...": numbers written without their code, kept as written; "Quyết định số 5" or a
            // number the sentence goes on from ("Quyết định 1600 năm 2016") is no decision number.
            bool bare = true;
            for (const Item& it : items) {
                bare = bare && it.number.size() >= 2 && it.to == it.from + 1;
                for (char ch : it.number) bare = bare && ch >= '0' && ch <= '9';
            }
            const std::size_t a = items.back().to;
            const bool closes = a >= to || t[a].punct(',') || t[a].punct(')') || t[a].punct('.') || t[a].punct(';') ||
                                match_exact(t, a, "công nhận") || match_exact(t, a, "về việc") ||
                                t[a].word_exact("ngày") || t[a].word_exact("của");
            if (!bare || !closes) continue;
        }
        std::size_t end = items.back().to;
        std::optional<Date> date;
        std::string issuer;
        for (int round = 0; round < 2; ++round) {
            std::size_t k = end;
            if (k < to && t[k].punct(',') && k + 1 < to && (t[k + 1].word("ngay") || t[k + 1].word("cua"))) ++k;
            if (k < to && t[k].word("ngay") && !date) {
                const std::vector<DateMention> d = find_dates(t, k + 1, std::min(to, k + 12));
                if (!d.empty() && d[0].from == k + 1 && d[0].kind == DateKind::Day) {
                    date = d[0].start;
                    end = d[0].to;
                    continue;
                }
            }
            if (k < to && t[k].word("cua") && issuer.empty()) {
                std::size_t e = k + 1;
                while (e < to && e < k + 10 && !issuer_stop(t[e])) ++e;
                if (e > k + 1) {
                    issuer = slice_text(text, t, k + 1, e);
                    end = e;
                    continue;
                }
            }
            break;
        }
        for (const Item& it : items) out.push_back({it.number + it.suffix, date, issuer, it.from, it.to});
        i = end - 1;
    }
    return out;
}

namespace {

// "nông thôn mới", "NTM" at j; returns the tokens matched.
std::size_t ntm_words(const Tokens& t, std::size_t j, std::size_t to) {
    if (std::size_t m = match_exact(t, j, "nông thôn mới")) return m;
    return j < to && t[j].word("ntm") ? 1 : 0;
}

// "nâng cao", "kiểu mẫu", "hiện đại" at q (after quotes): the level and the end.
bool level_word(const Tokens& t, std::size_t q, std::size_t to, Level* level, std::size_t* end) {
    while (q < to && t[q].punct('"')) ++q;
    if (std::size_t k = match_exact(t, q, "nâng cao")) *level = Level::Advanced, *end = q + k;
    else if (std::size_t k2 = match_exact(t, q, "kiểu mẫu")) *level = Level::Model, *end = q + k2;
    else if (std::size_t k3 = match_exact(t, q, "hiện đại")) *level = Level::Modern, *end = q + k3;
    else return false;
    return true;
}

}  // namespace

std::optional<LevelMention> find_level(const Tokens& t, std::size_t from, std::size_t to) {
    if (to > t.size()) to = t.size();
    for (std::size_t i = from; i < to; ++i) {
        // The phrases a notice names a level with:
        //   "đạt chuẩn (xã) nông thôn mới|NTM (nâng cao|kiểu mẫu)", "đạt chuẩn nâng cao" (the programme
        //   left out), "(được) công nhận NTM", "4 xã NTM kiểu mẫu, gồm: ...", "cán đích|về đích nông thôn mới",
        //   "hoàn thành|đạt 19/19 tiêu chí (xã) NTM nâng cao|kiểu mẫu" (the level word required).
        std::size_t j = 0;
        bool need_level = false;
        if (std::size_t n = match_exact(t, i, "đạt chuẩn")) {
            j = i + n;
            if (j < to && t[j].word_exact("xã")) ++j;
            if (std::size_t m = ntm_words(t, j, to)) j += m;
            else need_level = true;
        } else if (std::size_t n2 = match_exact(t, i, "công nhận")) {
            const std::size_t m = ntm_words(t, i + n2, to);
            if (!m) continue;
            j = i + n2 + m;
        } else if (t[i].word_exact("xã") && i > from && t[i - 1].kind == Token::Number) {
            const std::size_t m = ntm_words(t, i + 1, to);
            if (!m) continue;
            j = i + 1 + m;
        } else if (std::size_t n4 = match_exact(t, i, "tiêu chí");
                   n4 && i >= from + 3 && t[i - 1].kind == Token::Number && t[i - 2].punct('/') &&
                   t[i - 3].kind == Token::Number) {
            // "đã hoàn thành 19/19 tiêu chí NTM nâng cao": the criteria of a higher level, all met.
            j = i + n4;
            if (j < to && t[j].word_exact("xã")) ++j;
            const std::size_t m = ntm_words(t, j, to);
            if (!m) continue;
            j += m;
            need_level = true;
        } else if (std::size_t n3 = match_exact(t, i, "cán đích") ? 2 : match_exact(t, i, "về đích") ? 2 : 0) {
            const std::size_t m = ntm_words(t, i + n3, to);
            if (!m) continue;
            j = i + n3 + m;
        } else {
            continue;
        }
        if (j + 2 < to && t[j].punct('(') && t[j + 1].word("ntm") && t[j + 2].punct(')')) j += 3;
        LevelMention l;
        l.from = i;
        std::size_t e = j;
        if (level_word(t, j, to, &l.level, &e)) j = e;
        else if (need_level) continue;  // "đạt chuẩn quốc gia", "đạt chuẩn tiêu chí số 2"
        l.to = j;
        // "... nâng cao và kiểu mẫu", "... (NTM) và NTM kiểu mẫu", "... nâng cao và xã đạt chuẩn nông
        // thôn mới kiểu mẫu": another level with it.
        {
            std::size_t q = j;
            if (q < to && (t[q].word_exact("và") || t[q].punct(','))) {
                ++q;
                if (std::size_t m = ntm_words(t, q, to)) q += m;
                Level other = l.level;
                std::size_t oe = q;
                if (level_word(t, q, to, &other, &oe) && other != l.level) {
                    l.also.push_back(other);
                    l.to = j = oe;
                } else if (q == j + 1) {
                    std::size_t r = q;
                    if (r < to && t[r].word_exact("xã")) ++r;
                    if (match_exact(t, r, "đạt chuẩn")) {
                        const auto next = find_level(t, r, std::min(to, r + 12));
                        if (next && next->from == r && next->level != l.level) {
                            l.also.push_back(next->level);
                            l.to = j = next->to;
                            if (next->year) {
                                l.year = next->year;
                                return l;
                            }
                        }
                    }
                }
            }
        }
        // The year it is for: "năm 2022" (or the bare year, "NTM 2022"), after the level and before
        // the next clause.
        for (std::size_t k = j; k < to && k < j + 14; ++k) {
            if (t[k].punct(',') || t[k].punct(';') || t[k].punct('.') || t[k].punct('(') || t[k].word_exact("theo"))
                break;
            const bool bare = k == j && t[k].kind == Token::Number;
            if ((bare || t[k].word_exact("năm")) && k + (bare ? 0 : 1) < to) {
                const std::size_t y = k + (bare ? 0 : 1);
                if (t[y].kind != Token::Number || t[y].fold.size() != 4 || (y + 1 < to && t[y + 1].punct('-'))) {
                    if (bare) break;
                    continue;
                }
                const int year = std::stoi(t[y].fold);
                if (year >= 2000 && year <= 2100) l.year = year;
                l.to = y + 1;
                break;
            }
        }
        return l;
    }
    return std::nullopt;
}

namespace {

// The level phrase right after tokens [k, ...): past the names of places, their type words and the
// punctuation of a list. None when anything else comes first.
std::optional<LevelMention> level_after(const Tokens& t, std::size_t k, std::size_t to, const PlaceScan& places) {
    static const char* const kSkip[] = {"xã", "huyện", "phường", "thị trấn", "thành phố", "thị xã", "quận",
                                        "thuộc",  "của",   "và",     "cùng"};
    for (std::size_t steps = 0; k < to && steps < 40; ++steps) {
        bool skipped = false;
        for (const PlaceName& p : places.names)
            if (p.from == k && p.to > k) {
                k = p.to;
                skipped = true;
                break;
            }
        if (skipped) continue;
        if (t[k].punct(',') || t[k].punct(';') || t[k].punct('-') || t[k].punct('(') || t[k].punct(')') ||
            t[k].punct('.') || t[k].punct(':') || t[k].word("tp")) {
            if (t[k].punct('.') && !(k > 0 && t[k - 1].word("tp"))) break;
            ++k;
            continue;
        }
        std::size_t n = 0;
        for (const char* w : kSkip)
            if ((n = match_exact(t, k, w))) break;
        if (!n) break;
        k += n;
    }
    if (k >= to) return std::nullopt;
    auto l = find_level(t, k, to);
    if (l && l->from == k) return l;
    return std::nullopt;
}

}  // namespace

std::vector<LevelMention> decision_levels(const Tokens& t, std::size_t to, const std::vector<DecisionRef>& decisions,
                                          const LevelMention& fallback) {
    std::vector<LevelMention> out;
    for (std::size_t i = 0; i < decisions.size(); ++i) {
        const std::size_t end = i + 1 < decisions.size() ? decisions[i + 1].from : to;
        const auto l = find_level(t, decisions[i].to, end);
        out.push_back(l ? *l : fallback);
    }
    return out;
}

std::optional<RecognitionFound> find_recognition(std::string_view text, const Tokens& t, std::size_t from,
                                                 std::size_t to, const PlaceScan& places, bool follow_up,
                                                 const std::optional<LevelMention>& fallback) {
    if (to > t.size()) to = t.size();
    std::size_t cn = to, cn_from = to;
    for (std::size_t k = from; k < to && cn == to; ++k)
        if (std::size_t n = match_exact(t, k, "công nhận")) {
            // Proposals, reviews, plans and revocations recognise nothing: "đề nghị (xét) công nhận",
            // "bỏ phiếu xét, công nhận", "phấn đấu được công nhận", "thu hồi Quyết định công nhận"; a
            // council's vote is no decision: "100% số phiếu đồng ý công nhận", "nhất trí công nhận".
            static const char* const kNot[] = {"đề nghị", "xét",     "phấn đấu", "trình",    "sẽ",      "dự kiến",
                                               "chuẩn bị", "bỏ phiếu", "thu hồi", "hủy",      "huỷ",     "đăng ký",
                                               "kế hoạch", "chưa",    "phiếu",    "đồng ý",  "nhất trí", "biểu quyết"};
            for (std::size_t b = k > from + 6 ? k - 6 : from; b < k; ++b)
                for (const char* w : kNot)
                    if (match_exact(t, b, w)) return std::nullopt;
            cn_from = k;
            cn = k + n;
        }
    if (cn == to) {
        if (!follow_up) return std::nullopt;
        cn = cn_from = from;
    }
    // What is recognised: villages ("công nhận các thôn: Tân Kỳ, xã Đồng Tâm; ...") and their
    // communes are not communes recognised.
    {
        std::size_t k = cn;
        while (k < to && (t[k].kind == Token::Number || t[k].word_exact("các") || t[k].word_exact("thêm") ||
                          t[k].punct(':')))
            ++k;
        static const char* const kVillage[] = {"thôn", "bản", "xóm", "làng", "ấp", "tổ dân phố", "khu dân cư"};
        for (const char* w : kVillage)
            if (match_exact(t, k, w)) return std::nullopt;
    }
    std::optional<LevelMention> level = find_level(t, cn, to);
    if (!level && fallback) {
        // The level of the notice this list belongs to ("... công nhận 5 xã đạt chuẩn NTM nâng cao năm
        // 2022. Theo đó 5 xã được công nhận lần này, gồm ...").
        level = *fallback;
        level->from = level->to = cn;
    }
    if (!level) return std::nullopt;
    RecognitionFound r;
    r.level = *level;
    // Communes up to the last level phrase when every one names the same level: "xã A đạt chuẩn
    // ... năm 2023; xã B và xã C đạt chuẩn ... năm 2023".
    std::size_t last = level->from;
    for (auto l = find_level(t, level->to, to); l; l = find_level(t, l->to, to)) {
        if (l->level != level->level) {
            last = level->from;
            break;
        }
        last = l->from;
    }
    for (const PlaceName& p : places.names)
        if (!p.district && p.from >= cn && p.to <= last) r.units.push_back(p);
    if (r.units.empty()) {
        // "05 xã ... được công nhận đạt chuẩn NTM ... gồm: xã Đại Sơn, huyện Phục Hòa; ..."
        std::size_t listed = to;
        for (std::size_t k = level->to; k < to && listed == to; ++k)
            if (t[k].word_exact("gồm") || t[k].punct(':') || match_exact(t, k, "đối với") ||
                (k == level->to && t[k].word_exact("là")))  // "1 xã đạt chuẩn NTM kiểu mẫu là xã Tượng Sơn"
                listed = k;
        if (listed < to) {
            for (const PlaceName& p : places.names)
                if (!p.district && p.from >= level->to && p.to <= to) r.units.push_back(p);
            // The list is of the level named last before it: "... có 21/96 xã được công nhận đạt chuẩn
            // nông thôn mới, 02 xã được công nhận đạt chuẩn nông thôn mới nâng cao gồm ...".
            for (auto l = find_level(t, level->to, listed); l && l->from < listed; l = find_level(t, l->to, listed)) {
                const int year = r.level.year;
                r.level = *l;
                if (!r.level.year) r.level.year = year;
            }
        }
    }
    if (r.units.empty() && cn_from > from && t[cn_from - 1].kind == Token::Word) {
        // The passive: "xã Nam Thành và Phúc Thành được UBND tỉnh công nhận đạt chuẩn NTM năm 2014".
        std::size_t c = cn_from;
        bool passive = false;
        while (c > from && !t[c - 1].punct(';') && !t[c - 1].punct('.') && !t[c - 1].punct(':')) {
            --c;
            passive = passive || t[c].word_exact("được");
        }
        if (passive)
            for (const PlaceName& p : places.names)
                if (!p.district && p.from >= c && p.to <= cn_from) r.units.push_back(p);
    }
    for (const PlaceName& p : r.units) r.unit_levels.push_back(level_after(t, p.to, to, places));
    r.decisions = find_decisions(text, t, from, to);
    for (std::size_t k = from; k < to; ++k) {
        r.respectively = r.respectively || match_exact(t, k, "lần lượt");
        r.decision_word = r.decision_word || match_exact(t, k, "quyết định");
    }
    // Communes counted by the notice ("công nhận 5 xã", "đối với 4 xã"): a list may follow it.
    for (std::size_t k = cn_from; k < to && !r.counts_communes; ++k) {
        r.counts_communes = t[k].word_exact("xã") && !p_in_names(places, k);
        if (r.counts_communes && k > cn_from && t[k - 1].kind == Token::Number && t[k - 1].fold.size() <= 4 &&
            std::all_of(t[k - 1].fold.begin(), t[k - 1].fold.end(), [](char c) { return c >= '0' && c <= '9'; }))
            r.count = static_cast<std::size_t>(std::stoi(t[k - 1].fold));
    }
    // "Cùng với 6 xã được công nhận đạt chuẩn NTM nâng cao, UBND tỉnh cũng có quyết định công nhận xã
    // Thái Bình, huyện Yên Sơn đạt chuẩn NTM kiểu mẫu": when the first "công nhận" names no commune,
    // the next one in the sentence may.
    if (r.units.empty() && !follow_up)
        for (std::size_t k = cn; k < to; ++k)
            if (match_exact(t, k, "công nhận")) {
                const std::size_t again_from = std::max(cn, k >= 6 ? k - 6 : std::size_t{0});
                auto again = find_recognition(text, t, again_from, to, places, false, std::nullopt);
                if (again && !again->units.empty()) {
                    if (again->decisions.empty()) again->decisions = r.decisions;
                    again->decision_word = again->decision_word || r.decision_word;
                    again->respectively = again->respectively || r.respectively;
                    return again;
                }
                break;
            }
    return r;
}

}  // namespace ntm::io::news
