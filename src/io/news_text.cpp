#include "io/news_text.h"

#include <cctype>

#include "core/text.h"

namespace ntm::io::news {
namespace {

bool is_combining_mark(char32_t cp) { return cp >= 0x0300 && cp <= 0x036F; }

// Letters outside the Vietnamese alphabet (ñ, ç, Cyrillic, CJK...): everything from U+00C0 up
// that is not punctuation, a symbol block or white space.
bool is_other_letter(char32_t cp) {
    if (cp < 0x00C0 || cp == 0x00D7 || cp == 0x00F7) return false;
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, shapes
    if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
    if (cp >= 0xFE30 && cp <= 0xFE6F) return false;
    if (cp >= 0xFF00 && cp <= 0xFF0F) return false;
    if (cp == 0xFEFF || cp == 0xFFFD) return false;
    return true;
}

char punct_fold(char32_t cp) {
    switch (cp) {
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
            return '-';
        case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
            return '"';
        case 0x2018: case 0x2019: case 0x201A:
            return '\'';
        case 0x2026:
            return '.';
        default:
            break;
    }
    if (cp < 0x80) return static_cast<char>(cp);
    return '?';
}

bool is_plain_ascii(const std::string& s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

bool ends_paragraph_line(std::string_view line) {
    // Last visible character of a line that ends a sentence, a heading or a list lead.
    size_t end = line.size();
    while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
    if (end == 0) return true;
    const unsigned char c = static_cast<unsigned char>(line[end - 1]);
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '"' || c == ')') return true;
    if (c >= 0x80) {
        // Multi-byte: closing quotes and the ellipsis.
        const std::string_view tail = line.substr(0, end);
        for (std::string_view s : {"\xE2\x80\x9D", "\xE2\x80\xA6", "\xC2\xBB"})
            if (tail.size() >= s.size() && tail.substr(tail.size() - s.size()) == s) return true;
    }
    return false;
}

bool starts_lower(std::string_view line) {
    size_t pos = 0;
    char32_t cp = 0;
    while (pos < line.size()) {
        if (!next_code_point(line, pos, cp)) return false;
        if (is_space_code_point(cp)) continue;
        if (cp < 0x80) return std::islower(static_cast<int>(cp)) != 0;
        VnLetter l;
        if (split_vietnamese_letter(cp, l)) return !l.upper;
        if (cp == 0x0111) return true;  // đ
        return false;
    }
    return false;
}

// A line of PDF text cut before the number its last word needs: "... NGHỊ QUYẾT SỐ 257/2025/QH15
// NGÀY" then "11 THÁNG 12 NĂM 2025 ...", "... ngày 27 tháng 12 năm" then "2025".
bool wants_number(std::string_view line, std::string_view next) {
    size_t end = line.size();
    while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
    size_t begin = line.rfind(' ', end == 0 ? 0 : end - 1);
    begin = begin == std::string_view::npos ? 0 : begin + 1;
    const std::string last = fold_search_key(line.substr(begin, end - begin));
    const size_t first = next.find_first_not_of(" \t");
    if (first == std::string_view::npos || next[first] < '0' || next[first] > '9') return false;
    return last == "ngay" || last == "thang" || last == "nam" || last == "so";
}

// "Căn cứ Luật Đầu tư công ngày 29 tháng 11 năm 2024; Luật sửa đổi, bổ sung một số điều của Luật" then
// "Đấu thầu; ...": a ground of a legal document runs until a line ends it with ';' or '.'.
bool opens_grounds(std::string_view paragraph) {
    return paragraph.compare(0, std::string_view("Căn cứ").size(), "Căn cứ") == 0;
}

}  // namespace

bool Token::word_exact(std::string_view exact_lower) const {
    if (kind != Word) return false;
    if (exact == exact_lower) return true;
    return unmarked_text && fold == fold_search_key(exact_lower);
}

Tokens tokenize(std::string_view text) {
    Tokens out;
    size_t pos = 0;
    bool space = false;
    Token* open = nullptr;  // the word or number being extended
    while (pos < text.size()) {
        const size_t start = pos;
        char32_t cp = 0;
        if (!next_code_point(text, pos, cp)) cp = 0xFFFD;
        if (is_space_code_point(cp) || cp == '\t' || cp == '\n' || cp == '\r') {
            space = true;
            open = nullptr;
            continue;
        }
        Token::Kind kind;
        std::string fold, exact;
        bool upper = false;
        if (cp < 0x80 && std::isdigit(static_cast<int>(cp))) {
            kind = Token::Number;
            fold = exact = std::string(1, static_cast<char>(cp));
        } else if (cp < 0x80 && std::isalpha(static_cast<int>(cp))) {
            kind = Token::Word;
            fold = exact = std::string(1, static_cast<char>(std::tolower(static_cast<int>(cp))));
            upper = std::isupper(static_cast<int>(cp)) != 0;
        } else if (VnLetter l; cp >= 0x80 && split_vietnamese_letter(cp, l)) {
            kind = Token::Word;
            fold = std::string(1, l.base);
            upper = l.upper;
            l.upper = false;
            append_utf8(exact, compose_vietnamese_letter(l));
        } else if (is_combining_mark(cp)) {
            if (open && open->kind == Token::Word) {
                append_utf8(open->exact, cp);
                open->end = pos;
            }
            continue;
        } else if (is_other_letter(cp)) {
            kind = Token::Word;
            std::string utf8;
            append_utf8(utf8, cp);
            fold = fold_search_key(utf8);
            bool ascii_letters = !fold.empty();
            for (char c : fold) ascii_letters = ascii_letters && std::isalpha(static_cast<unsigned char>(c));
            if (!ascii_letters) fold = "?";
            exact = utf8;  // no case mapping without a library; rare in bulletins
        } else {
            kind = Token::Punct;
            fold = std::string(1, punct_fold(cp));
            append_utf8(exact, cp);
        }
        if (open && open->kind == kind && kind != Token::Punct) {
            open->fold += fold;
            open->exact += exact;
            open->end = pos;
            if (kind == Token::Word) open->capitals = upper ? open->capitals + 1 : -1000;
            continue;
        }
        Token t;
        t.kind = kind;
        t.fold = std::move(fold);
        t.exact = std::move(exact);
        t.begin = start;
        t.end = pos;
        t.space_before = space || out.empty();
        t.upper = upper;
        t.capitals = kind == Token::Word && upper ? 1 : 0;
        out.push_back(std::move(t));
        space = false;
        open = kind == Token::Punct ? nullptr : &out.back();
    }
    bool marked = false;
    for (const Token& t : out) marked = marked || (t.kind == Token::Word && !is_plain_ascii(t.exact));
    if (!marked)
        for (Token& t : out) t.unmarked_text = true;
    return out;
}

namespace {
template <typename Eq>
size_t match_pieces(const Tokens& t, size_t i, std::string_view phrase, Eq eq) {
    size_t n = 0, p = 0;
    while (p < phrase.size()) {
        while (p < phrase.size() && phrase[p] == ' ') ++p;
        if (p >= phrase.size()) break;
        size_t q = p;
        while (q < phrase.size() && phrase[q] != ' ') ++q;
        const std::string_view piece = phrase.substr(p, q - p);
        if (i + n >= t.size() || !eq(t[i + n], piece)) return 0;
        ++n;
        p = q;
    }
    return n;
}
}  // namespace

size_t match_phrase(const Tokens& t, size_t i, std::string_view phrase) {
    return match_pieces(t, i, phrase, [](const Token& tok, std::string_view piece) { return tok.fold == piece; });
}

size_t match_exact(const Tokens& t, size_t i, std::string_view phrase) {
    return match_pieces(t, i, phrase, [](const Token& tok, std::string_view piece) {
        if (tok.kind != Token::Word) return tok.exact == piece;
        return tok.word_exact(piece);
    });
}

std::string slice(std::string_view text, const Tokens& t, size_t from, size_t to) {
    if (from >= to || from >= t.size()) return "";
    if (to > t.size()) to = t.size();
    return std::string(text.substr(t[from].begin, t[to - 1].end - t[from].begin));
}

std::vector<Span> split_sentences(const Tokens& t) {
    static const char* const kAbbreviations[] = {"tp", "ts", "ths", "pgs", "gs", "bs", "ks", "th", "ncs", "tx", "tt", "p", "q"};
    std::vector<Span> out;
    size_t from = 0;
    for (size_t i = 0; i < t.size(); ++i) {
        const Token& tok = t[i];
        // An HTML tag (a page or feed saved as text: "<p>Quyết định số ...</p> <span>Thu, 18/07/2019 -
        // 09:28</span>"): the text on each side is a sentence of its own, the tag none.
        if (tok.punct('<') && i + 1 < t.size() && !t[i + 1].space_before &&
            (t[i + 1].kind == Token::Word || t[i + 1].punct('/'))) {
            size_t e = i + 1;
            while (e < t.size() && e < i + 60 && !t[e].punct('>') && !t[e].punct('<')) ++e;
            if (e < t.size() && t[e].punct('>')) {
                if (from < i) out.push_back({from, i});
                from = e + 1;
                i = e;
                continue;
            }
        }
        bool cut = false;
        if ((tok.punct('.') || tok.punct('!') || tok.punct('?')) && i + 1 < t.size()) {
            const Token& next = t[i + 1];
            const bool opens = next.space_before &&
                               ((next.kind == Token::Word && next.upper) || next.kind == Token::Number ||
                                next.punct('"') || next.punct('(') || next.punct('-'));
            bool abbreviation = false;
            if (tok.punct('.') && i > 0 && t[i - 1].kind == Token::Word && !tok.space_before)
                for (const char* a : kAbbreviations)
                    if (t[i - 1].fold == a) abbreviation = true;
            cut = opens && !abbreviation;
        } else if (tok.punct(';') && i + 1 < t.size()) {
            // "...; ngày 17/8/2023, kiểm tra huyện Văn Quan": a clause with its own date.
            for (size_t k = i + 1; k + 2 < t.size() && k <= i + 5; ++k)
                if (t[k].kind == Token::Number && t[k + 1].punct('/') && t[k + 2].kind == Token::Number &&
                    !t[k + 1].space_before && !t[k + 2].space_before) {
                    cut = true;
                    break;
                }
        }
        if (cut) {
            out.push_back({from, i + 1});
            from = i + 1;
        }
    }
    if (from < t.size()) out.push_back({from, t.size()});
    return out;
}

std::vector<Paragraph> split_paragraphs(std::string_view text) {
    std::vector<Paragraph> out;
    int line_no = 0, block = 0;
    bool in_block = false;
    std::string_view previous;
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(pos, nl - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        ++line_no;
        const std::string trimmed = trim(line);
        if (trimmed.empty()) {
            if (in_block) ++block;
            in_block = false;
            previous = {};
        } else if (in_block && !out.empty() && !ends_paragraph_line(previous) &&
                   (starts_lower(trimmed) || wants_number(previous, trimmed) || opens_grounds(out.back().text))) {
            out.back().text += " " + trimmed;  // a wrapped line continues its paragraph
            previous = line;
        } else {
            out.push_back({trimmed, line_no, block});
            in_block = true;
            previous = line;
        }
        if (nl >= text.size()) break;
        pos = nl + 1;
    }
    return out;
}

std::size_t after_source_tag(const Tokens& t, std::size_t from, std::size_t to) {
    std::size_t k = from;
    if (k < to && t[k].punct('(')) {
        std::size_t c = k + 1;
        while (c < to && c < k + 6 && !t[c].punct(')')) ++c;
        if (c >= to || !t[c].punct(')') || c == k + 1) return from;
        k = c + 1;
        if (k < to && t[k].punct('-')) ++k;
        return k;
    }
    // Capitals (and '&', '.') up to a dash: "BVR&MT –", "TTXVN -".
    bool caps = false;
    while (k < to && k < from + 6 &&
           ((t[k].kind == Token::Word && t[k].all_caps()) || t[k].punct('&') || t[k].punct('.'))) {
        caps = caps || t[k].kind == Token::Word;
        ++k;
    }
    if (!caps || k >= to || !t[k].punct('-')) return from;
    return k + 1;
}

std::string capitalised(const std::string& w) {
    size_t pos = 0;
    char32_t cp = 0;
    if (w.empty() || !next_code_point(w, pos, cp)) return w;
    std::string first;
    VnLetter l;
    if (cp >= 'a' && cp <= 'z') first = std::string(1, static_cast<char>(cp - 'a' + 'A'));
    else if (split_vietnamese_letter(cp, l)) {
        l.upper = true;
        append_utf8(first, compose_vietnamese_letter(l));
    } else return w;
    return first + w.substr(pos);
}

}  // namespace ntm::io::news
