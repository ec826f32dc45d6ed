#pragma once
// Finding units and districts by name, with or without diacritics ("dong dang", "Đồng Đăng",
// "xa dong dang", "06184").
#include <string>
#include <vector>

#include "core/dataset.h"

namespace ntm {

struct SearchHit {
    enum class What { Unit, District } what = What::Unit;
    int unit = -1;              // for What::Unit
    std::string district_code;  // for What::District (or the unit's district)
    std::string label;          // "Xã Đồng Đăng — Cao Lộc" / "Huyện Cao Lộc"
    int score = 0;              // lower is better
};

// Hits for `query` best first, at most `limit`. Matching folds case and diacritics; a type word
// at the start of the query ("xã", "huyện", "tp") narrows to that kind. Exact name matches rank
// before prefix matches, prefix before word-prefix, word-prefix before substring; a 5-digit code
// matches exactly. An empty query gives no hits.
std::vector<SearchHit> search_places(const Dataset& dataset, const std::string& query,
                                     size_t limit = 20);

}  // namespace ntm
