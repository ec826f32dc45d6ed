#include "core/search.h"

#include <algorithm>

#include "core/text.h"

namespace ntm {
namespace {

enum class Narrow { Any, Unit, District };

// Removes a leading type word and says what it narrows the search to.
Narrow strip_type_word(std::string& folded, UnitKind* kind) {
    static const struct { const char* word; Narrow narrow; UnitKind kind; } words[] = {
        {"thi tran ", Narrow::Unit, UnitKind::ThiTran}, {"xa ", Narrow::Unit, UnitKind::Xa},
        {"phuong ", Narrow::Unit, UnitKind::Phuong},     {"dac khu ", Narrow::Unit, UnitKind::DacKhu},
        {"huyen ", Narrow::District, UnitKind::Unknown}, {"thanh pho ", Narrow::District, UnitKind::Unknown},
        {"tp ", Narrow::District, UnitKind::Unknown},    {"thi xa ", Narrow::District, UnitKind::Unknown},
        {"tinh ", Narrow::District, UnitKind::Unknown},
    };
    for (const auto& w : words) {
        const std::string word = w.word;
        if (folded.size() > word.size() && folded.compare(0, word.size(), word) == 0) {
            folded.erase(0, word.size());
            *kind = w.kind;
            return w.narrow;
        }
    }
    *kind = UnitKind::Unknown;
    return Narrow::Any;
}

// 0 exact, 1 prefix, 2 a word starts with the query, 3 substring, -1 no match.
int match_rank(const std::string& key, const std::string& query) {
    if (key == query) return 0;
    const size_t at = key.find(query);
    if (at == std::string::npos) return -1;
    if (at == 0) return 1;
    if (key[at - 1] == ' ') return 2;
    return 3;
}

// District names as stored may carry their type ("Huyện Cao Lộc", "Thành phố Lạng Sơn").
std::string district_key(const std::string& name) {
    std::string key = fold_search_key(name);
    UnitKind ignored;
    strip_type_word(key, &ignored);
    return key;
}

}  // namespace

std::vector<SearchHit> search_places(const Dataset& dataset, const std::string& query,
                                     size_t limit) {
    std::string folded = fold_search_key(query);
    if (folded.empty()) return {};
    UnitKind kind = UnitKind::Unknown;
    const Narrow narrow = strip_type_word(folded, &kind);

    std::vector<SearchHit> hits;
    if (narrow != Narrow::District) {
        for (size_t u = 0; u < dataset.units.size(); ++u) {
            const Unit& unit = dataset.units[u];
            if (kind != UnitKind::Unknown && unit.kind != kind) continue;
            int rank = unit.code == folded ? 0 : match_rank(unit.search_key, folded);
            if (rank < 0) continue;
            SearchHit hit;
            hit.unit = static_cast<int>(u);
            hit.district_code = unit.district_code;
            hit.label = unit.full_name();
            if (!unit.district_name.empty()) hit.label += " — " + unit.district_name;
            hit.score = rank * 2 + 1;  // a district of the same name ranks first
            hits.push_back(std::move(hit));
        }
    }
    if (narrow != Narrow::Unit) {
        for (const District& d : dataset.districts()) {
            if (d.name.empty()) continue;
            const int rank = match_rank(district_key(d.name), folded);
            if (rank < 0) continue;
            SearchHit hit;
            hit.what = SearchHit::What::District;
            hit.district_code = d.code;
            hit.label = d.name;
            hit.score = rank * 2;
            hits.push_back(std::move(hit));
        }
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const SearchHit& a, const SearchHit& b) { return a.score < b.score; });
    if (hits.size() > limit) hits.resize(limit);
    return hits;
}

}  // namespace ntm
