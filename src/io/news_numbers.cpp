#include "io/news_numbers.h"

#include <cstdlib>

namespace ntm::io::news {

std::optional<VnNumber> parse_number(const Tokens& t, std::size_t i) {
    if (i >= t.size() || t[i].kind != Token::Number) return std::nullopt;
    // Too many digits is an identifier or garbage, not a quantity.
    if (t[i].fold.size() > 15) return std::nullopt;
    std::string digits = t[i].fold, fraction;
    size_t k = i + 1;
    auto glued = [&](size_t at) { return at < t.size() && !t[at].space_before; };
    // Thousands groups: ".ddd" repeated, only when the lead has at most three digits.
    bool grouped = false;
    if (t[i].fold.size() <= 3) {
        while (glued(k) && t[k].punct('.') && glued(k + 1) && t[k + 1].kind == Token::Number &&
               t[k + 1].fold.size() == 3) {
            // "5.860" groups; but "5.860.12" would not be a number at all: stop at the groups.
            digits += t[k + 1].fold;
            k += 2;
            grouped = true;
        }
    }
    if (glued(k) && t[k].punct(',') && glued(k + 1) && t[k + 1].kind == Token::Number &&
        t[k + 1].fold.size() <= 6) {
        fraction = t[k + 1].fold;
        k += 2;
    } else if (!grouped && glued(k) && t[k].punct('.') && glued(k + 1) && t[k + 1].kind == Token::Number &&
               t[k + 1].fold.size() != 3 && t[k + 1].fold.size() <= 6) {
        // "28.18": a decimal point typed the English way (a dot before three digits groups).
        // A date "17.8.2023" is not a number: its second part is followed by another dot.
        if (!(glued(k + 2) && t[k + 2].punct('.'))) {
            fraction = t[k + 1].fold;
            k += 2;
        }
    }
    VnNumber n;
    const std::string literal = fraction.empty() ? digits : digits + "." + fraction;
    n.value = std::strtod(literal.c_str(), nullptr);
    n.decimals = static_cast<int>(fraction.size());
    if (k < t.size() && t[k].punct('%')) {
        n.percent = true;
        ++k;
    } else if (match_phrase(t, k, "phan tram")) {
        n.percent = true;
        k += 2;
    }
    n.end = k;
    return n;
}

std::optional<double> parse_vn_number(std::string_view text) {
    const Tokens t = tokenize(text);
    if (t.empty()) return std::nullopt;
    const auto n = parse_number(t, 0);
    if (!n || n->end != t.size() || n->percent) return std::nullopt;
    return n->value;
}

}  // namespace ntm::io::news
