#pragma once
// UTF-8 text helpers for Vietnamese that need no library: folding for search and comparison.
#include <cstddef>
#include <string>
#include <string_view>

namespace ntm {

// Lower-case, diacritics removed, đ/Đ/Ð -> d, runs of spaces collapsed, trimmed:
// "Xã  Đồng Đăng" -> "xa dong dang". Works on NFC and NFD input alike.
std::string fold_search_key(std::string_view utf8);
// Replaces U+00D0 (Ð, Icelandic eth) with U+0110 (Đ) and U+00F0 (ð) with U+0111 (đ).
std::string fold_eth_to_d(std::string_view utf8);
std::string trim(std::string_view s);
bool is_valid_utf8(std::string_view s);
// Code points in UTF-8 text (column widths count characters, not bytes: "5–9" has a 3-byte dash).
std::size_t utf8_length(std::string_view s);
// A JSON string literal: quotes, backslash escapes, control characters as \u00XX, UTF-8 kept.
std::string json_quote(std::string_view s);

// --- Lower-level helpers shared with io/ (text encodings) --------------------------------

// Reads the code point starting at s[pos] and advances pos past it. On an invalid or truncated
// sequence (overlong, surrogate, above U+10FFFF) returns false and advances pos by one byte.
bool next_code_point(std::string_view s, std::size_t& pos, char32_t& cp);
// Appends cp as UTF-8 (U+FFFD for surrogates and values above U+10FFFF).
void append_utf8(std::string& out, char32_t cp);
// White space for trimming and folding: ASCII white space, NBSP (U+00A0), the Unicode space
// separators (U+1680, U+2000..U+200A, U+202F, U+205F, U+3000), U+200B and the BOM U+FEFF.
bool is_space_code_point(char32_t cp);

// A Vietnamese letter split into its parts. The 12 vowels (a ă â e ê i o ô ơ u ư y) in the six
// tones and both cases, and đ/Đ (base 'd', mark stroke).
enum class VnMark : unsigned char { none, breve, circumflex, horn, stroke };
enum class VnTone : unsigned char { level, grave, acute, hook, tilde, dot_below };
struct VnLetter {
    char base = 0;  // lower-case ASCII: a e i o u y, or d (with VnMark::stroke)
    VnMark mark = VnMark::none;
    VnTone tone = VnTone::level;
    bool upper = false;
};
// True when cp is one of the letters above in precomposed (NFC) form, plain ASCII vowels
// included (a, E, ...); false for everything else (consonants, other accented letters).
bool split_vietnamese_letter(char32_t cp, VnLetter& out);
// The precomposed code point of a letter, or 0 when the combination is not Vietnamese
// (breve on e, tone on đ, ...).
char32_t compose_vietnamese_letter(const VnLetter& letter);

}  // namespace ntm
