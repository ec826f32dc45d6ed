#pragma once
// Recognition notices: which communes a decision recognises, at what level, for which year.
//
//   "UBND tỉnh vừa công nhận xã Chi Lăng, huyện Tràng Định, xã Sơn Hà, huyện Hữu Lũng và xã Bắc
//    Lãng, huyện Đình Lập đạt chuẩn nông thôn mới nâng cao năm 2022 ... (lần lượt tại các Quyết
//    định số: 99/QĐ-UBND, 103/QĐ-UBND, 105/QĐ-UBND, ngày 26/01/2023)"
//      -> three communes, Advanced, for 2022, paired in order with the three decisions.
//   "Quyết định số 2165, 2166/QĐ-UBND, ngày 31/10/2018": numbers sharing one suffix are two
//      decisions, 2165/QĐ-UBND and 2166/QĐ-UBND, both of that day.
// Levels: "đạt chuẩn (xã) nông thôn mới|NTM" -> standard, "... nâng cao" -> advanced,
// "... kiểu mẫu" -> model, "... hiện đại" -> modern ("đạt chuẩn nâng cao" without the programme's
// name too); also "(được) công nhận NTM", a counted "4 xã NTM kiểu mẫu" and "cán đích|về đích
// nông thôn mới" (standard). The year is the "năm YYYY" (or a bare "2022") after it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/records.h"
#include "io/news_places.h"
#include "io/news_text.h"

namespace ntm::io::news {

struct DecisionRef {
    std::string number;        // "2166/QĐ-UBND"
    std::optional<Date> date;  // "ngày 31/10/2018" after the number or the list it is in
    std::string issuer;        // "của UBND tỉnh", else "" (callers fall back to the subject)
    std::size_t from = 0, to = 0;
};

// Every decision number in tokens [from, to): "Quyết định (số)(:) N[/CODE][, N/CODE]... (ngày D)
// (của X)"; numbers without a suffix take the one of the next number that has it, and when none has
// one ("các Quyết định 2950, 2951, 2952, 2953 công nhận ...") they are kept as written.
std::vector<DecisionRef> find_decisions(std::string_view text, const Tokens& t, std::size_t from, std::size_t to);

struct LevelMention {
    Level level = Level::Standard;
    int year = 0;  // 0 when not stated
    std::size_t from = 0, to = 0;
    // Levels named with it: "đạt chuẩn nông thôn mới nâng cao và kiểu mẫu", "đạt chuẩn NTM và NTM
    // kiểu mẫu năm 2024" (one notice, or one decision, for both).
    std::vector<Level> also;
};
// "đạt chuẩn nông thôn mới nâng cao năm 2022" at or after `from`.
std::optional<LevelMention> find_level(const Tokens& t, std::size_t from, std::size_t to);

struct RecognitionFound {
    std::vector<PlaceName> units;        // the communes recognised, in text order
    LevelMention level;
    // Parallel to `units`: the level phrase that follows a commune directly, past its district and the
    // names listed with it ("Yên Luông, huyện Gò Công Tây đạt chuẩn NTM nâng cao năm 2024; Thạnh Lộc,
    // huyện Cai Lậy đạt chuẩn NTM nâng cao năm 2025"; "6 xã ... đạt chuẩn NTM và 2 xã: Chi Lăng và
    // Hoàng Đồng đạt chuẩn xã NTM nâng cao năm 2019"): that commune's level, before `level`.
    std::vector<std::optional<LevelMention>> unit_levels;
    std::vector<DecisionRef> decisions;  // in text order
    bool respectively = false;           // "lần lượt"
    bool decision_word = false;          // "Quyết định" is named, with or without a number
    bool counts_communes = false;        // "xã" names what is recognised ("công nhận 5 xã", "các xã")
    std::size_t count = 0;               // how many: "công nhận thêm 12 xã" -> 12 (0 when not counted)
};
// A recognition in a sentence: "công nhận" (or "được công nhận") and a level. The communes are
// those named between "công nhận" and the level, else those listed after it ("gồm: xã ...").
// With `follow_up`, a sentence without "công nhận" that names communes and a level is read too
// ("Đó là, xã Quỳnh Lương, huyện Quỳnh Lưu đạt chuẩn ... kiểu mẫu năm 2023"), for a decision
// named before it; without a level of its own it takes `fallback`, the level of that decision or
// notice ("Cụ thể là các xã: Đồng Sơn, ..."). Communes named before a passive "được ... công nhận"
// count ("xã Nam Thành và Phúc Thành được UBND tỉnh công nhận đạt chuẩn NTM năm 2014"); villages
// recognised ("công nhận các thôn: Tân Kỳ, xã Đồng Tâm; ...") are no recognition of their communes.
std::optional<RecognitionFound> find_recognition(std::string_view text, const Tokens& t, std::size_t from,
                                                 std::size_t to, const PlaceScan& places, bool follow_up = false,
                                                 const std::optional<LevelMention>& fallback = std::nullopt);
// The level each decision recognises: the first level named after it and before the next one
// ("Quyết định số 616/QĐ-UBND về việc công nhận 4 xã đạt chuẩn NTM và Quyết định số 617/QĐ-UBND
// về việc công nhận 6 xã đạt chuẩn NTM nâng cao"); `fallback` when none is.
std::vector<LevelMention> decision_levels(const Tokens& t, std::size_t to, const std::vector<DecisionRef>& decisions,
                                          const LevelMention& fallback);

}  // namespace ntm::io::news
