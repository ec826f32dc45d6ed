#include "io/news_documents.h"

#include "core/text.h"
#include "io/news_dates.h"

namespace ntm::io::news {
namespace {

struct TypeWord {
    const char* phrase;  // folded
    const char* name;    // as shown when the text has no type word
    const char* code;    // the code in numbers ("QĐ" folded: "qd"), "" for none
};
const TypeWord kTypes[] = {
    {"quyet dinh", "Quyết định", "qd"}, {"cong van", "Công văn", ""},    {"nghi dinh", "Nghị định", "nd"},
    {"nghi quyet", "Nghị quyết", "nq"}, {"ke hoach", "Kế hoạch", "kh"},   {"chi thi", "Chỉ thị", "ct"},
    {"thong bao", "Thông báo", "tb"},   {"thong tu", "Thông tư", "tt"},   {"huong dan", "Hướng dẫn", "hd"},
    {"bao cao", "Báo cáo", "bc"},       {"to trinh", "Tờ trình", "ttr"}, {"van ban", "Văn bản", ""},
    {"cong dien", "Công điện", "cd"},   {"ket luan", "Kết luận", "kl"},   {"thong tri", "Thông tri", "ttr"},
};

bool glued(const Tokens& t, size_t i, size_t to) { return i < to && !t[i].space_before; }

// "1062/QĐ-UBND", "28/2022/NĐ-CP": a number, then glued '/'-separated codes. Returns the end.
size_t parse_number(const Tokens& t, size_t i, size_t to) {
    if (i >= to || t[i].kind != Token::Number) return 0;
    size_t k = i + 1;
    bool slash = false, letters = false;
    while (glued(t, k, to)) {
        const Token& tok = t[k];
        if (tok.punct('/') || tok.punct('-')) {
            if (!glued(t, k + 1, to) || t[k + 1].kind == Token::Punct) break;
            slash = slash || tok.punct('/');
            ++k;
        } else if (tok.kind == Token::Word || tok.kind == Token::Number) {
            letters = letters || tok.kind == Token::Word;
            ++k;
        } else {
            break;
        }
    }
    return slash && letters ? k : 0;
}

bool issuer_stop(const Tokens& t, size_t k) {
    const Token& tok = t[k];
    if (tok.kind == Token::Punct && !tok.punct('&') && !tok.punct('-')) return true;
    // The verb after the issuer: "của Hội đồng nhân dân tỉnh đề ra" is issued by "Hội đồng nhân dân tỉnh".
    static const char* const kStops[] = {"ngay",      "ve",        "v",          "cong nhan", "phe duyet",
                                         "quy dinh", "ban hanh", "huong dan", "chi dao",   "trien khai",
                                         "giao",     "dong y",   "kiem tra",  "tap huan",  "to chuc",
                                         "de ra",    "thong qua", "da",       "vua"};
    for (const char* s : kStops)
        if (match_phrase(t, k, s)) return true;
    return false;
}

// Where the background words before a reference in its clause start (the first of them), or
// ref_from when there are none.
size_t context_start(const Tokens& t, size_t clause_from, size_t ref_from) {
    static const char* const kWords[] = {"thuc hien", "can cu", "theo",      "trien khai",
                                         "quan triet", "thi hanh", "tren co so"};
    for (size_t k = clause_from; k < ref_from; ++k) {
        for (const char* w : kWords)
            if (match_phrase(t, k, w)) return k;
        if (t[k].word_exact("tại")) return k;  // "quy định tại Quyết định số ..."
    }
    return ref_from;
}

}  // namespace

std::vector<DocumentRef> find_documents(std::string_view text, const Tokens& t, size_t from, size_t to) {
    std::vector<DocumentRef> out;
    if (to > t.size()) to = t.size();
    size_t clause_from = from;
    for (size_t i = from; i < to; ++i) {
        if (t[i].punct(',') || t[i].punct(';') || t[i].punct(':')) {
            // "quy định tại Điều 28, Chương III Quyết định số ...": the parts of one citation.
            const bool citation = t[i].punct(',') && i + 1 < to &&
                                  (t[i + 1].word("dieu") || t[i + 1].word("chuong") || t[i + 1].word("khoan") ||
                                   t[i + 1].word("diem") || t[i + 1].word("muc"));
            if (!citation) clause_from = i + 1;
            continue;
        }
        const TypeWord* type = nullptr;
        size_t k = i;
        for (const TypeWord& w : kTypes)
            if (size_t n = match_phrase(t, i, w.phrase)) {
                type = &w;
                k = i + n;
                break;
            }
        bool typed = type != nullptr;
        if (k < to && t[k].word("so")) {
            ++k;
            if (k < to && t[k].punct(':')) ++k;  // "Số: 816/QĐ-UBND"
        } else if (!typed) {
            continue;  // an untyped reference needs "số"
        }
        const size_t number_end = parse_number(t, k, to);
        if (!number_end) continue;
        DocumentRef d;
        d.from = i;
        d.number = std::string(text.substr(t[k].begin, t[number_end - 1].end - t[k].begin));
        // The codes after the last '/': "QĐ-UBND" -> type QĐ, issuer UBND.
        size_t last_slash = k;
        for (size_t j = k; j < number_end; ++j)
            if (t[j].punct('/')) last_slash = j;
        std::vector<size_t> pieces;  // token index of each '-'-separated piece
        for (size_t j = last_slash + 1; j < number_end; ++j)
            if (j == last_slash + 1 || t[j - 1].punct('-')) pieces.push_back(j);
        size_t issuer_piece = 0;
        if (!pieces.empty()) {
            const std::string code = t[pieces[0]].fold;
            for (const TypeWord& w : kTypes)
                if (*w.code && code == w.code) {
                    if (!type) type = &w;
                    issuer_piece = 1;
                }
        }
        if (!type) type = &kTypes[1];  // "số 99/BCĐ-NTM" with no type word: a công văn
        d.type = typed ? capitalised(slice(text, t, i, i + match_phrase(t, i, type->phrase))) : type->name;
        if (issuer_piece < pieces.size()) {
            d.issuer = std::string(text.substr(t[pieces[issuer_piece]].begin, t[number_end - 1].end - t[pieces[issuer_piece]].begin));
            const std::string f = fold_search_key(d.issuer);
            if (f == "cp") d.issuer = "Chính phủ";
            else if (f == "ttg") d.issuer = "Thủ tướng Chính phủ";
        }
        size_t end = number_end;
        // A document's heading: "Số: 303/KH-UBND | Lạng Sơn, ngày 24 tháng 11 năm 2025" (or without the
        // bar): the number dated by its dateline.
        const bool heading = !typed && i == from;
        // "ngày 17/6/2024" and "của UBND tỉnh", in either order.
        for (int round = 0; round < 2; ++round) {
            size_t j = end;
            if (heading && round == 0) {
                size_t h = j;
                if (h < to && t[h].punct('|')) ++h;
                const size_t place = h;
                while (h < to && h < place + 4 && t[h].kind == Token::Word && t[h].upper) ++h;
                if (h > place && h + 1 < to && t[h].punct(',') && t[h + 1].word("ngay")) j = h + 1;
            }
            if (j < to && t[j].punct(',') && j + 1 < to && (t[j + 1].word("ngay") || t[j + 1].word("cua"))) ++j;
            if (match_phrase(t, j, "ban hanh ngay")) j += 2;
            if (j < to && t[j].word("ngay") && !d.date) {
                const std::vector<DateMention> dates = find_dates(t, j + 1, std::min(to, j + 12));
                if (!dates.empty() && dates[0].from == j + 1 && dates[0].kind == DateKind::Day) {
                    d.date = dates[0].start;
                    end = dates[0].to;
                    continue;
                }
            }
            if (j < to && t[j].word("cua")) {
                size_t e = j + 1;
                while (e < to && e < j + 12 && !issuer_stop(t, e)) ++e;
                if (e > j + 1) {
                    d.issuer = slice(text, t, j + 1, e);
                    end = e;
                    continue;
                }
            }
            break;
        }
        d.to = end;
        d.text = slice(text, t, d.from, d.to);
        d.context_from = context_start(t, clause_from, d.from);
        d.context = d.context_from < d.from;
        // "Thực hiện Chỉ thị số 31/CT-TTg ngày 18/10/2025 ...; Công văn số 16684/BTC-NSNN ngày 24/10/2025
        // ...": a reference opening the clause after ';' goes on with the background list before it.
        if (!d.context && clause_from == d.from && d.from > from && t[d.from - 1].punct(';') && !out.empty() &&
            out.back().context) {
            d.context = true;
            d.context_from = out.back().context_from;
        }
        out.push_back(std::move(d));
        i = end - 1;
    }
    return out;
}

}  // namespace ntm::io::news
