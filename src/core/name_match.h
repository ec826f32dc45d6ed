#pragma once
// Unit names as tables and lists publish them, compared the way people read them: after NFC,
// Ð→Đ, case and white-space folding — never with diacritics folded away (Tân Thành ≠ Tân Thanh).
// Shared by merger lists (lineage_match) and attainment/recognition/event tables (io/table_import).
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.h"

namespace ntm {

// Letters composed, lower case, Ð/ð read as đ, white space collapsed; diacritics kept. The
// abbreviation "NT" (nông trường, a state farm) is spelt out, and the tone of a word-final
// "oa"/"oe"/"uy" is put on one vowel ("Hoà" and "Hòa", "Thuỵ" and "Thụy" are one spelling in
// the old and the new orthography).
// The letters alone (no abbreviation spelt out), for finding a type word before folding.
std::string fold_name_letters(std::string_view name);
std::string fold_unit_name(std::string_view name);
// A district name folded and without its type word: "huyện Tràng Định", "Huyện Tràng Định" and
// "Tràng Định" are the same district; so are "thành phố Lạng Sơn" and "TP. Lạng Sơn".
std::string fold_district_name(std::string_view name);
// Levenshtein distance between two folded names, in code points.
int name_distance(const std::string& a, const std::string& b);
// "Xã Tân Thành (06325, Huyện Cao Lộc)".
std::string describe_unit(const Dataset& dataset, int unit);
// The units among `units` nearest to a folded name that found none, closest first, at most
// `limit`: the same name (another kind or district), the same name without diacritics (Tân
// Thanh for Tân Thành), or a spelling a letter or two off. Described with describe_unit.
constexpr size_t kClosestUnits = 5;  // candidates a message lists
std::vector<std::string> closest_units(const Dataset& dataset, const std::vector<int>& units,
                                       const std::string& folded_name, size_t limit = kClosestUnits);

}  // namespace ntm
