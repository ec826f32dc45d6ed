#pragma once
// Matching a published merger list ("which units formed each new unit", names as published) to
// the units of the earlier boundary version, so every predecessor gets its code.
//
// Names are compared after NFC, Ð→Đ, case and whitespace folding, with the type word ("Xã",
// "Phường", "Thị trấn") — never with diacritics folded away (Tân Thành ≠ Tân Thanh). A name
// qualified with its district, "Xã Chi Lăng (huyện Tràng Định)", matches only in that district.
// An unqualified name found in several districts is settled by where the new unit lies: the
// district of its other, unambiguous predecessors. Anything else that does not resolve to
// exactly one unit is reported, with the closest candidates.
#include <string>
#include <vector>

#include "core/dataset.h"

namespace ntm {

// One row of a merger list: the new unit and the names it was formed from.
struct MergerRow {
    std::string new_code;                 // "06196"
    std::string new_name;                 // "Xã Ba Sơn"
    std::vector<std::string> formed_from;  // "Xã Mẫu Sơn (huyện Cao Lộc)", "Xã Cao Lâu", ...
    int line = 0;                          // where it came from, for messages (0: unknown)
};

// Splits a published "formed from" cell: "Xã A, Xã B (huyện C), Thị trấn D" -> three names
// (commas inside parentheses do not split).
std::vector<std::string> split_formed_from(const std::string& cell);

struct MatchProblem {
    int row = -1;                         // index into the rows
    std::string name;                     // the predecessor name as published
    std::string reason;                   // "no unit of that name", "2 units of that name: ..."
    std::vector<std::string> candidates;  // closest units, "Xã Cao Lâu (06196, Huyện Cao Lộc)"
};

struct LineageMatch {
    // Resolved links, one per predecessor (indices into the dataset's units).
    std::vector<LineageLink> links;
    std::vector<MatchProblem> problems;  // empty when every name resolved to exactly one unit
};

// Matches `rows` against the units of version `from_version` (predecessors) and `to_version`
// (the new units, by code), linking them on `date`. Does not modify the dataset.
LineageMatch match_lineage(const Dataset& dataset, const std::vector<MergerRow>& rows, int from_version,
                           int to_version, Date date, const std::string& source);

}  // namespace ntm
