#pragma once
// Tokens of Vietnamese news text, the ground every news_* parser stands on.
//
// A bulletin paragraph is cut into words, numbers and punctuation. Each token carries its text
// folded for matching (lower case, no diacritics, đ -> d: "Tỉnh" -> "tinh") and its exact lower
// case form ("tỉnh"), so a parser can match loosely ("Cao Loc" finds "Cao Lộc") yet tell "tỉnh"
// (province) from "tính" (to count) when the text has its diacritics. Offsets point into the
// original UTF-8 so every match can be shown as written.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ntm::io::news {

struct Token {
    enum Kind { Word, Number, Punct };
    Kind kind = Word;
    std::string fold;   // folded: "tinh", "2023", "/" (dashes become '-', curly quotes '"')
    std::string exact;  // lower case as written, NFC: "tỉnh"
    std::size_t begin = 0, end = 0;  // byte range in the paragraph
    bool space_before = false;
    bool upper = false;  // first letter written upper case
    bool unmarked_text = false;  // no word of the text has a diacritic (typed without them)
    int capitals = 0;  // letters written upper case when all are (< 0 otherwise)

    // Two or more letters, all upper case: an abbreviation ("UBND", "NTM"), or a heading word.
    bool all_caps() const { return kind == Word && capitals >= 2; }

    bool is(Kind k, std::string_view text) const { return kind == k && fold == text; }
    bool word(std::string_view folded) const { return kind == Word && fold == folded; }
    bool punct(char c) const { return kind == Punct && fold.size() == 1 && fold[0] == c; }
    // The exact word when the text carries diacritics, the folded one when it was written
    // without them ("tinh" is accepted for "tỉnh", "tính" is not; "Du" in "Du lịch" is not "dự").
    bool word_exact(std::string_view exact_lower) const;
};

using Tokens = std::vector<Token>;

Tokens tokenize(std::string_view text);

// True when tokens [i, i+n) are the words of `phrase` (folded, space separated; a piece that is
// a single punctuation character matches that punctuation). Returns the number of tokens
// matched, 0 when they do not match.
std::size_t match_phrase(const Tokens& t, std::size_t i, std::string_view phrase);
// The same with exact (diacritic-sensitive, as in Token::word_exact) words.
std::size_t match_exact(const Tokens& t, std::size_t i, std::string_view phrase);

// The original text of tokens [from, to), trimmed.
std::string slice(std::string_view text, const Tokens& t, std::size_t from, std::size_t to);
// "tân" -> "Tân", "đông" -> "Đông": the first letter in capitals (the rest as it is), as news
// text writes a name.
std::string capitalised(const std::string& word);

// A sentence as a token range of its paragraph.
struct Span {
    std::size_t from = 0, to = 0;
};
// Splits at . ! ? followed by a capital, a digit or an opening quote (not after "TP.", "TS."...),
// and at ';' when what follows starts with a date of its own; an HTML tag ("<p>", "</span>", "<a
// href=...>") ends the sentence before it and is part of none.
std::vector<Span> split_sentences(const Tokens& t);

// After a news agency's tag opening a sentence: "(QNO) - ", "(GLO)- ", "(kontumtv.vn) – ", "BVR&MT –
// ", "TTXVN - " (the tag in parentheses, or capitals, then an optional dash). Returns `from` when
// the sentence opens with none.
std::size_t after_source_tag(const Tokens& t, std::size_t from, std::size_t to);

// A paragraph of a bulletin: its text (lines of a wrapped paragraph joined) and first line.
struct Paragraph {
    std::string text;
    int line = 0;
    int block = 0;  // paragraphs of one block (no blank line between) share context
};
std::vector<Paragraph> split_paragraphs(std::string_view text);

}  // namespace ntm::io::news
