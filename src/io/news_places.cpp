#include "io/news_places.h"

#include <algorithm>

#include "core/text.h"
#include "core/unit.h"

namespace ntm::io::news {
namespace {

std::vector<std::string> split_words(std::string_view s) {
    std::vector<std::string> out;
    size_t p = 0;
    while (p < s.size()) {
        while (p < s.size() && s[p] == ' ') ++p;
        size_t q = p;
        while (q < s.size() && s[q] != ' ') ++q;
        if (q > p) out.emplace_back(s.substr(p, q - p));
        p = q;
    }
    return out;
}

size_t count_words(const std::string& folded) { return split_words(folded).size(); }

struct Prefix {
    const char* exact;  // as written, lower case
    bool district;
    UnitKind kind;
};
// Longer ones first: "thị xã" before "xã", "thị trấn" before nothing shorter.
const Prefix kPrefixes[] = {
    {"thành phố", true, UnitKind::Unknown}, {"thị xã", true, UnitKind::Unknown},
    {"huyện", true, UnitKind::Unknown},     {"quận", true, UnitKind::Unknown},
    {"thị trấn", false, UnitKind::ThiTran}, {"phường", false, UnitKind::Phuong},
    {"xã", false, UnitKind::Xa},            {"đặc khu", false, UnitKind::DacKhu},
};

struct Raw {
    bool district;
    UnitKind kind;
    std::string key;
    size_t from, to;
};

}  // namespace

std::string strip_district_prefix(std::string_view name) {
    const std::string folded = fold_search_key(name);
    static const char* const kPrefixWords[] = {"thanh pho ", "thi xa ", "huyen ", "quan ", "tp "};
    for (const char* p : kPrefixWords) {
        const std::string prefix = p;
        if (folded.compare(0, prefix.size(), prefix) == 0) {
            const size_t skip = count_words(prefix);
            std::vector<std::string> words = split_words(trim(name));
            std::string out;
            for (size_t w = skip; w < words.size(); ++w) out += (out.empty() ? "" : " ") + words[w];
            return out;
        }
    }
    return trim(name);
}

PlaceIndex::PlaceIndex(const Dataset& dataset) : dataset_(dataset) {
    for (const District& d : dataset.districts()) {
        if (d.code.empty()) continue;
        const std::string key = fold_search_key(strip_district_prefix(d.name));
        if (key.empty()) continue;
        districts_[key].push_back({d.code, d.name, d.code, 0});
        longest_ = std::max(longest_, count_words(key));
    }
    for (const Unit& u : dataset.units) {
        const std::string key = fold_search_key(strip_kind_prefix(u.name));
        if (key.empty() || u.code.empty()) continue;
        units_[key].push_back({u.code, u.full_name(), u.district_code, static_cast<int>(u.kind)});
        longest_ = std::max(longest_, count_words(key));
    }
}

std::string PlaceIndex::district_of(const std::string& unit_code, Date date) const {
    int u = dataset_.find_unit(unit_code, date);
    if (u < 0) u = dataset_.find_unit(unit_code);
    return u >= 0 ? dataset_.units[u].district_code : std::string();
}

std::string PlaceIndex::district_name(const std::string& district_code) const {
    for (const auto& [key, entries] : districts_)
        for (const Entry& e : entries)
            if (e.code == district_code) return e.name;
    return "";
}

size_t PlaceIndex::match_name(const Tokens& t, size_t i, size_t to, bool district, bool capital,
                              const std::vector<Entry>** entries) const {
    const auto& map = district ? districts_ : units_;
    for (size_t n = std::min(longest_, to > i ? to - i : 0); n > 0; --n) {
        std::string key;
        bool ok = true;
        for (size_t k = i; k < i + n && ok; ++k) {
            if (t[k].kind == Token::Punct || (k > i && t[k].kind == Token::Word && !t[k].space_before)) ok = false;
            else key += (k > i ? " " : "") + t[k].fold;
        }
        if (!ok) continue;
        // Names are written with a capital: "xã hội", "vùng xa" are not places.
        if (capital && t[i].kind == Token::Word && !t[i].upper) continue;
        // The name must end at a word boundary: "Bình Gia" is not the start of "Bình Giang".
        if (i + n < to && t[i + n].kind != Token::Punct && !t[i + n].space_before) continue;
        const auto it = map.find(key);
        if (it != map.end()) {
            *entries = &it->second;
            return n;
        }
    }
    return 0;
}

PlaceScan PlaceIndex::find(const Tokens& t, size_t from, size_t to) const {
    if (to > t.size()) to = t.size();
    bool capital = false;
    for (size_t k = from; k < to; ++k) capital = capital || t[k].upper;
    std::vector<Raw> raws;
    size_t i = from;
    while (i < to) {
        const Prefix* prefix = nullptr;
        size_t k = i;
        if (t[i].word("tp")) {
            static const Prefix city{"tp", true, UnitKind::Unknown};
            prefix = &city;
            k = i + 1;
            if (k < to && t[k].punct('.')) ++k;
        } else {
            for (const Prefix& p : kPrefixes)
                if (size_t n = match_exact(t, i, p.exact)) {
                    prefix = &p;
                    k = i + n;
                    break;
                }
        }
        if (!prefix) {
            ++i;
            continue;
        }
        if (k < to && t[k].punct(':')) ++k;
        bool first = true;
        size_t end = k;
        while (k < to) {
            const std::vector<Entry>* entries = nullptr;
            const size_t n = match_name(t, k, to, prefix->district, capital, &entries);
            if (!n) break;
            std::string key;
            for (size_t w = k; w < k + n; ++w) key += (w > k ? " " : "") + t[w].fold;
            raws.push_back({prefix->district, prefix->kind, key, k, k + n});
            end = k + n;
            first = false;
            // A list of names of the same type: "huyện Lộc Bình, Đình Lập và Chi Lăng".
            size_t c = end;
            if (c < to && (t[c].punct(',') || t[c].punct(';') || t[c].word("va"))) ++c;
            else break;
            if (c < to && t[c].word("va")) ++c;  // ", và"
            k = c;
        }
        i = first ? k : end;  // with no name after the type word, go on after it
    }

    PlaceScan scan;
    std::vector<std::string> districts_named;
    for (const Raw& r : raws) {
        if (!r.district) continue;
        const auto& entries = districts_.at(r.key);
        if (entries.size() == 1) districts_named.push_back(entries[0].code);
    }
    auto add = [&](bool district, const Entry& e, const Raw& r) {
        for (const PlaceMention& p : scan.places)
            if (p.district == district && p.code == e.code) return;
        scan.places.push_back({district, e.code, e.name, r.from, r.to});
    };
    for (const Raw& r : raws) {
        if (r.district) {
            const auto& entries = districts_.at(r.key);
            if (entries.size() == 1) {
                add(true, entries[0], r);
            } else {
                std::string codes;
                for (const Entry& e : entries) codes += (codes.empty() ? "" : ", ") + e.code;
                scan.ambiguous.push_back(entries[0].name + " (" + codes + ")");
            }
            continue;
        }
        const auto& all = units_.at(r.key);
        std::vector<const Entry*> candidates;
        for (const Entry& e : all)
            if (static_cast<UnitKind>(e.kind) == r.kind) candidates.push_back(&e);
        if (candidates.empty())
            for (const Entry& e : all) candidates.push_back(&e);
        if (candidates.size() > 1) {
            std::vector<const Entry*> in_district;
            for (const Entry* e : candidates)
                if (std::find(districts_named.begin(), districts_named.end(), e->district_code) != districts_named.end())
                    in_district.push_back(e);
            if (!in_district.empty()) candidates = in_district;
        }
        if (candidates.size() == 1) {
            add(false, *candidates[0], r);
        } else {
            std::string codes;
            for (const Entry* e : candidates) codes += (codes.empty() ? "" : ", ") + e->code;
            std::string shown = candidates[0]->name;
            scan.ambiguous.push_back(shown + " (" + codes + ")");
        }
    }
    std::sort(scan.places.begin(), scan.places.end(),
              [](const PlaceMention& a, const PlaceMention& b) { return a.from < b.from; });
    return scan;
}

}  // namespace ntm::io::news
