#include "io/news_places.h"

#include <algorithm>

#include "core/provinces.h"
#include "core/text.h"
#include "core/unit.h"
#include "io/text_encoding.h"

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
    std::string key;      // exact key (or folded, for text typed without diacritics)
    std::string written;  // type word and name as written
    std::string name;     // the name alone
    bool matched;         // the key is a name in the index
    size_t from, to;
    int bound = -1;       // the district raw named beside it (communes)
    std::string province;  // another province named beside it, as written ("tỉnh Cao Bằng")
};

// The two placements of a tone on "oa", "oe", "uy" ending a syllable are one spelling ("Hoà" and
// "Hòa", "Thuỷ" and "Thủy"): the tone goes on the first vowel. Nothing else changes, and no
// diacritic is dropped.
std::string canonical_tone(const std::string& word) {
    std::vector<char32_t> cps;
    size_t pos = 0;
    char32_t cp = 0;
    while (pos < word.size())
        if (next_code_point(word, pos, cp)) cps.push_back(cp);
        else return word;
    if (cps.size() < 2) return word;
    VnLetter a, b;
    if (!split_vietnamese_letter(cps[cps.size() - 2], a) || !split_vietnamese_letter(cps.back(), b)) return word;
    const bool cluster = a.mark == VnMark::none && b.mark == VnMark::none &&
                         ((a.base == 'o' && (b.base == 'a' || b.base == 'e')) || (a.base == 'u' && b.base == 'y'));
    // "qu" + y is a consonant and a vowel ("Quý"), not the cluster.
    const bool qu = a.base == 'u' && cps.size() >= 3 && (cps[cps.size() - 3] == 'q' || cps[cps.size() - 3] == 'Q');
    if (!cluster || qu || b.tone == VnTone::level || a.tone != VnTone::level) return word;
    a.tone = b.tone;
    b.tone = VnTone::level;
    cps[cps.size() - 2] = compose_vietnamese_letter(a);
    cps.back() = compose_vietnamese_letter(b);
    std::string out;
    for (char32_t c : cps) append_utf8(out, c);
    return out;
}

// A key of words: their exact lower-case forms, or folded ones.
std::string key_of(const Tokens& t, size_t from, size_t to, bool folded) {
    std::string key;
    for (size_t k = from; k < to; ++k) key += (k > from ? " " : "") + (folded ? t[k].fold : canonical_tone(t[k].exact));
    return key;
}

std::string name_key(std::string_view name, bool folded) {
    const Tokens t = tokenize(fold_eth_to_d(normalize_nfc(name)));
    return key_of(t, 0, t.size(), folded);
}

std::string upper_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

// Capitalised abbreviations that follow "xã" without being names: "xã NTM nâng cao".
bool not_a_name(const Tokens& t, size_t k) {
    const Token& w = t[k];
    return w.all_caps() || (w.word("nong") && k + 1 < t.size() && t[k + 1].word("thon")) || w.word("dat");
}

const Prefix* prefix_at(const Tokens& t, size_t i, size_t to, size_t* after) {
    static const Prefix city{"tp", true, UnitKind::Unknown};
    static const Prefix district{"huyện", true, UnitKind::Unknown};
    static const Prefix town{"thị xã", true, UnitKind::Unknown};
    if (i < to && t[i].word("tp")) {
        size_t k = i + 1;
        if (k < to && t[k].punct('.')) ++k;
        *after = k;
        return &city;
    }
    // "H.Thống Nhất", "TX.Điện Bàn": abbreviations with their dot, written upper case.
    if (i + 2 < to && t[i].upper && (t[i].word("h") || t[i].word("tx")) && t[i + 1].punct('.') &&
        t[i + 2].kind == Token::Word && t[i + 2].upper) {
        *after = i + 2;
        return t[i].word("h") ? &district : &town;
    }
    // "Kỳ Ninh (TX Kỳ Anh)": the town's abbreviation without its dot, in capitals.
    if (i + 1 < to && t[i].word("tx") && t[i].all_caps() && t[i + 1].kind == Token::Word && t[i + 1].upper &&
        t[i + 1].space_before) {
        *after = i + 1;
        return &town;
    }
    for (const Prefix& p : kPrefixes)
        if (size_t n = match_exact(t, i, p.exact)) {
            *after = i + n;
            return &p;
        }
    return nullptr;
}

// A province named beside a place at c: ", tỉnh Cao Bằng", " - tỉnh Thái Nguyên", "(tỉnh Tuyên
// Quang)", ", thuộc tỉnh Hà Giang". Returns its name in lower case with diacritics ("cao bằng"),
// writes the phrase as written to *written and where it ends to *end; "" when none.
std::string province_beside(const Tokens& t, size_t c, size_t to, std::string* written, size_t* end) {
    size_t q = c;
    if (q < to && (t[q].punct(',') || t[q].punct('-') || t[q].punct('('))) ++q;
    if (q < to && (t[q].word_exact("thuộc") || t[q].word_exact("của"))) ++q;
    if (q >= to || !t[q].word_exact("tỉnh")) return "";
    size_t e = q + 1;
    std::string name, as_written = "tỉnh";
    while (e < to && e < q + 4 && t[e].kind == Token::Word && t[e].upper && t[e].space_before) {
        name += (name.empty() ? "" : " ") + t[e].exact;
        as_written += " " + capitalised(t[e].exact);
        ++e;
    }
    if (name.empty()) return "";
    *written = as_written;
    *end = e;
    return name;
}

}  // namespace

std::string province_name_of(const Dataset& dataset) {
    std::string title = dataset.info.title;
    if (fold_search_key(title).compare(0, 5, "tinh ") == 0) title = title.substr(title.find(' ') + 1);
    std::string name;
    for (const Token& w : tokenize(normalize_nfc(title))) {
        if (w.kind != Token::Word) break;  // "Lạng Sơn (minh họa)": the name only
        name += (name.empty() ? "" : " ") + w.exact;
    }
    // Only a province's name says which province the dataset is: a title made from a file name
    // ("langson_communes_2025") says nothing, and every figure of "the province" is then taken.
    const std::string key = place_key(name);
    for (const std::string& province : province_names())
        if (place_key(province) == key) return name;
    return "";
}

std::string place_key(std::string_view name) { return name_key(name, false); }

bool version_covers(const Dataset& dataset, int version, Date date) {
    const BoundaryVersion& v = dataset.versions[version];
    if (v.in_force(date)) return true;
    return v.grouping == Grouping::District && v.valid_from && date < *v.valid_from && version == dataset.version_on(date);
}

bool unit_in_force_on(const Dataset& dataset, int unit, Date date) {
    return dataset.in_force(unit, date) && version_covers(dataset, dataset.units[unit].version, date);
}

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

PlaceIndex::PlaceIndex(const Dataset& dataset) : dataset_(dataset), province_(province_name_of(dataset)) {
    std::map<std::string, std::string> district_names;  // code -> name, for units that carry only a code
    for (const District& d : dataset.districts())
        if (!d.code.empty()) district_names[d.code] = d.name;
    std::map<std::string, Entry> districts;  // by code
    for (const Unit& u : dataset.units) {
        if (u.district_code.empty()) continue;
        const std::string& name = u.district_name.empty() ? district_names[u.district_code] : u.district_name;
        if (name.empty() || name == u.district_code) continue;
        Entry& e = districts[u.district_code];
        if (e.code.empty()) e = {u.district_code, name, u.district_code, 0, -1, {}};
        if (std::find(e.versions.begin(), e.versions.end(), u.version) == e.versions.end()) e.versions.push_back(u.version);
    }
    for (const auto& [code, e] : districts) {
        const std::string bare = strip_district_prefix(e.name);
        const std::string key = name_key(bare, false);
        if (key.empty()) continue;
        districts_[key].push_back(e);
        districts_folded_[name_key(bare, true)].push_back(e);
        longest_ = std::max(longest_, count_words(key));
    }
    for (size_t i = 0; i < dataset.units.size(); ++i) {
        const Unit& u = dataset.units[i];
        const std::string bare = strip_kind_prefix(u.name);
        const std::string key = name_key(bare, false);
        if (key.empty() || u.code.empty()) continue;
        const Entry e{u.code, u.full_name(), u.district_code, static_cast<int>(u.kind), static_cast<int>(i), {}};
        units_[key].push_back(e);
        units_folded_[name_key(bare, true)].push_back(e);
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

size_t PlaceIndex::match_name(const Tokens& t, size_t i, size_t to, bool district, const std::vector<Entry>** entries) const {
    // Text typed without any diacritics can only be compared folded.
    const bool folded = i < t.size() && t[i].unmarked_text;
    const auto& map = district ? (folded ? districts_folded_ : districts_) : (folded ? units_folded_ : units_);
    for (size_t n = std::min(longest_, to > i ? to - i : 0); n > 0; --n) {
        bool ok = true;
        for (size_t k = i; k < i + n && ok; ++k)
            if (t[k].kind == Token::Punct || (k > i && t[k].kind == Token::Word && !t[k].space_before)) ok = false;
        if (!ok) continue;
        // The name must end at a word boundary: "Bình Gia" is not the start of "Bình Giang".
        if (i + n < to && t[i + n].kind != Token::Punct && !t[i + n].space_before) continue;
        const auto it = map.find(key_of(t, i, i + n, folded));
        if (it != map.end()) {
            *entries = &it->second;
            return n;
        }
    }
    return 0;
}

PlaceScan PlaceIndex::find(const Tokens& t, size_t from, size_t to, std::optional<Date> date) const {
    if (to > t.size()) to = t.size();
    bool capital = false;
    for (size_t k = from; k < to; ++k) capital = capital || t[k].upper;
    const bool folded = from < to && t[from].unmarked_text;
    const int version = date ? dataset_.version_on(*date) : -1;
    // Units stand for a day outside their version's dates only as a district-grouped set stands for
    // the years before it (the demo's 2020 communes for a notice of 2018); the units formed by the
    // reform of 1 July 2025, which abolished the districts, are no units of an earlier day.
    const bool covered = !date || version_covers(dataset_, version, *date);
    const bool has_districts = !date || dataset_.versions[version].grouping == Grouping::District;
    std::vector<Raw> raws;

    // A name at k: the longest one the index knows, else the run of capitalised words.
    auto read_name = [&](size_t k, bool district, size_t* n) -> bool {
        if (k >= to || t[k].kind != Token::Word || not_a_name(t, k)) return false;
        if (capital && !t[k].upper) return false;  // "xã hội", "vùng xa" are not places
        const std::vector<Entry>* entries = nullptr;
        const size_t known = match_name(t, k, to, district, &entries);
        if (!capital) {
            *n = known;
            return known > 0;
        }
        // The name as written, its capitalised words: a known name inside a longer one is not it
        // ("Tân Mỹ Hà" is not "Tân Mỹ").
        size_t e = k;
        size_t ignored = 0;
        while (e < to && e < k + 4 && t[e].kind == Token::Word && t[e].upper && (e == k || t[e].space_before) &&
               !prefix_at(t, e, to, &ignored) && !not_a_name(t, e))
            ++e;
        // A second syllable typed in lower case in a list: "Phù Cừ, Văn giang, Tiên lữ, Văn Lâm" (one
        // word, then the list goes on or the sentence ends).
        auto separator = [&](size_t c) {
            return c >= to || t[c].punct(',') || t[c].punct(';') || t[c].punct('.') || t[c].punct(')') ||
                   t[c].punct('(') || t[c].word_exact("và");
        };
        if (e == k + 1 && e < to && t[e].kind == Token::Word && !t[e].upper && t[e].space_before &&
            !t[e].word_exact("và") && separator(e + 1) && !prefix_at(t, e, to, &ignored))
            ++e;
        // A number of one or two digits closing the name: "Gia Tân 3", "Quế Xuân 2" (the list goes on
        // after it, or the text does not).
        if (e > k && e < to && t[e].kind == Token::Number && t[e].space_before && t[e].fold.size() <= 2 &&
            (e + 1 >= to || t[e + 1].punct(',') || t[e + 1].punct(';') || t[e + 1].punct('(') ||
             t[e + 1].punct(')') || t[e + 1].punct('.') || t[e + 1].word("va")))
            ++e;
        *n = std::max(known, e - k);
        return *n > 0;
    };
    auto push = [&](const Prefix& p, size_t a, size_t b, size_t type_from) {
        const std::vector<Entry>* entries = nullptr;
        const bool matched = match_name(t, a, b, p.district, &entries) == b - a;
        Raw r{p.district, p.kind, key_of(t, a, b, folded), "", "", matched, a, b, -1, ""};
        // As written: with its type word when it has one ("huyện Nam Đàn"), else the name alone.
        if (type_from < a) {
            for (size_t k = type_from; k < a; ++k) {
                if (t[k].kind != Token::Word) continue;
                if (t[k].word("h") && k + 1 < a && t[k + 1].punct('.')) r.written += "huyện ";
                else if (p.district && k == type_from && t[k].word_exact("phố")) r.written += "thành phố ";
                else if (t[k].word("tx") && k + 1 < a && t[k + 1].punct('.')) r.written += "thị xã ";
                else if (t[k].all_caps() && t[k].exact == t[k].fold) r.written += upper_ascii(t[k].exact) + " ";  // "TP"
                else r.written += (t[k].upper ? capitalised(t[k].exact) : t[k].exact) + " ";
            }
        }
        for (size_t k = a; k < b; ++k) r.name += (k > a ? " " : "") + (t[k].upper ? capitalised(t[k].exact) : t[k].exact);
        r.written += r.name;
        raws.push_back(std::move(r));
    };

    size_t i = from;
    const Prefix* continuing = nullptr;  // a commune list that goes on after its district
    const Prefix* last_list = nullptr;   // the last commune list read with its district
    while (i < to) {
        size_t k = i;
        const Prefix* prefix = continuing ? continuing : prefix_at(t, i, to, &k);
        const bool resumed = continuing != nullptr;
        continuing = nullptr;
        if (!prefix) {
            // "... công nhận các xã: Yên Luông, huyện Gò Công Tây đạt chuẩn NTM nâng cao năm 2024; Thạnh
            // Lộc, huyện Cai Lậy đạt chuẩn ...": after ';' the list of communes with their districts goes
            // on, each item with its district beside it.
            if (last_list && t[i].punct(';')) {
                size_t c = i + 1, ignored = 0, n2 = 0;
                if (!prefix_at(t, c, to, &ignored) && read_name(c, false, &n2)) {
                    size_t q = c + n2;
                    const bool paren = q < to && t[q].punct('(');
                    if (q < to && (t[q].punct(',') || t[q].punct('-') || paren)) ++q;
                    if (q < to && (t[q].word_exact("thuộc") || t[q].word_exact("của"))) ++q;
                    const Prefix* dp = prefix_at(t, q, to, &ignored);
                    if ((dp && dp->district) || paren) {
                        i = c;
                        continuing = last_list;
                        continue;
                    }
                }
            }
            ++i;
            continue;
        }
        const size_t type_from = i;
        if (k < to && t[k].punct(':')) ++k;
        const size_t chain_first = raws.size();
        size_t end = k, n = 0;
        size_t name_from = type_from;
        while (read_name(k, prefix->district, &n)) {
            // "... thành phố Hà Nội, Đoàn thẩm định ...", "tại phường An Hội, Hội đồng thẩm định ...": a
            // word after the list's comma that opens a phrase in lower case, and is no name the dataset
            // knows, is the next clause's subject, not one more place.
            const std::vector<Entry>* entries = nullptr;
            if (raws.size() > chain_first && n == 1 && k + 1 < to && t[k + 1].kind == Token::Word &&
                !t[k + 1].upper && !t[k + 1].word_exact("và") && match_name(t, k, to, prefix->district, &entries) == 0) {
                size_t ignored = 0;
                if (!prefix_at(t, k + 1, to, &ignored)) break;
            }
            push(*prefix, k, k + n, name_from);
            end = k + n;
            // A list of names of the same type: "huyện Lộc Bình, Đình Lập và Chi Lăng".
            size_t c = end;
            if (c < to && (t[c].punct(',') || t[c].word("va"))) ++c;
            else break;
            if (c < to && t[c].word("va")) ++c;  // ", và"
            size_t after_type = 0;
            name_from = c;  // written without a type word
            if (const Prefix* next = prefix_at(t, c, to, &after_type)) {
                // "xã Cường Lợi và xã Kim Lư, huyện Na Rì": one list, each name with its type word.
                if (next->district || prefix->district) break;
                prefix = next;
                c = after_type;
            }
            k = c;
        }
        if (raws.size() == chain_first) {
            // "22 xã thuộc 10 huyện ... gồm: Nghi Phong, Nghi Đồng (Nghi Lộc); ...", "4 xã gồm Đại Sơn
            // (Đại Lộc)", "2 xã: Châu Minh và Mai Đình": communes listed without their type word, after
            // "gồm" or a colon in the clause of a counted or plural "xã".
            if (prefix->kind == UnitKind::Xa && !resumed) {
                size_t g = k;
                while (g < to && g < k + 24 && !t[g].punct('.') && !t[g].punct(';') && !t[g].word_exact("gồm") &&
                       !t[g].punct(':'))
                    ++g;
                if (g < to && (t[g].word_exact("gồm") || t[g].punct(':'))) {
                    size_t c = g + 1;
                    if (c < to && t[c].punct(':')) ++c;
                    // "Các huyện có xã được công nhận gồm: Phù Cừ, Văn Giang, ...": the clause is about
                    // districts ("các huyện", "03 huyện" before the "xã"), and so is its list.
                    bool of_districts = false;
                    for (size_t b = type_from; b > from && b + 12 > type_from; --b) {
                        const Token& w = t[b - 1];
                        if (w.punct('.') || w.punct(';') || w.punct(':')) break;
                        if (w.word_exact("huyện") && b >= from + 2 &&
                            (t[b - 2].word_exact("các") || t[b - 2].word_exact("những") ||
                             t[b - 2].kind == Token::Number))
                            of_districts = true;
                    }
                    size_t ignored = 0, n2 = 0;
                    const Prefix* listed = of_districts ? &kPrefixes[2] : prefix;
                    if (!prefix_at(t, c, to, &ignored) && read_name(c, listed->district, &n2)) {
                        i = c;
                        continuing = listed;
                        continue;
                    }
                }
            }
            i = k > i ? k : i + 1;  // with no name after the type word, go on after it
            continue;
        }
        i = end;
        if (prefix->district) continue;
        // Another province beside the list (or beside its district): "xã Tân Thành, tỉnh Cao Bằng",
        // "xã Yên Bình (tỉnh Thái Nguyên)", "xã Tân Thành, huyện Hàm Yên, tỉnh Tuyên Quang". Its
        // communes are no units of this dataset, whatever their names.
        auto province_after = [&](size_t c) {
            std::string written;
            size_t e = c;
            const std::string name = province_beside(t, c, to, &written, &e);
            if (name.empty()) return c;
            if (!province_.empty() && name.compare(0, province_.size(), province_) != 0)
                for (size_t r = chain_first; r < raws.size(); ++r)
                    if (!raws[r].district) raws[r].province = written;
            if (e < to && t[e].punct(')') && c < to && t[c].punct('(')) ++e;
            return e;
        };
        // The district beside the list: ", huyện Tràng Định", " - huyện Tiên Phước",
        // " (thuộc huyện Lạng Giang)", " (Hiệp Hòa)".
        size_t q = end;
        bool paren = false;
        if (q < to && (t[q].punct(',') || t[q].punct('-') || t[q].punct('('))) {
            paren = t[q].punct('(');
            ++q;
        }  // else "xã Đồng Tâm huyện Bắc Quang": the district right after
        if (q < to && (t[q].word_exact("thuộc") || t[q].word_exact("của") || t[q].word_exact("cùng"))) ++q;
        size_t after = q;
        const Prefix* dp = prefix_at(t, q, to, &after);
        const int bind = static_cast<int>(raws.size());
        if (dp && dp->district) {
            size_t dn = 0;
            if (!read_name(after, true, &dn)) continue;
            push(*dp, after, after + dn, q);
            i = after + dn;
        } else if (paren && !dp) {
            static const Prefix bare{"huyện", true, UnitKind::Unknown};
            static const Prefix city{"thành phố", true, UnitKind::Unknown};
            // "An Khang, Thái Long (phố Tuyên Quang); ...": "thành phố" clipped to "phố".
            const size_t nq = q + 1 < to && t[q].word_exact("phố") && t[q - 1].punct('(') ? q + 1 : q;
            size_t dn = 0;
            if (!read_name(nq, true, &dn) || nq + dn >= to || !(t[nq + dn].punct(')') || t[nq + dn].punct('-'))) {
                i = province_after(end);
                continue;
            }
            push(nq > q ? city : bare, nq, nq + dn, q);
            i = nq + dn;
        } else {
            i = province_after(end);
            continue;
        }
        for (size_t r = chain_first; r < static_cast<size_t>(bind); ++r) raws[r].bound = bind;
        last_list = prefix;
        i = province_after(i);
        // The list goes on after its district: "Hưng Thông (Hưng Nguyên); Hưng Nam, Xuân Hoà (Nam
        // Đàn)", "Tiên Lập - huyện Tiên Phước; Quế Hiệp - huyện Quế Sơn và Bình Quế ...".
        size_t c = i;
        while (c < to && (t[c].punct(')') || t[c].punct('-'))) {
            if (t[c].punct('-')) {
                // "(Đô Lương - Nghệ An)": the province after the district.
                size_t e = c + 1;
                std::string name;
                while (e < to && t[e].kind == Token::Word && t[e].upper) name += (name.empty() ? "" : " ") + t[e++].exact;
                if (e == c + 1 || e >= to || !t[e].punct(')')) break;
                if (!province_.empty() && name.compare(0, province_.size(), province_) != 0)
                    for (size_t r = chain_first; r < raws.size(); ++r)
                        if (!raws[r].district) raws[r].province = "tỉnh " + capitalised(name);
                c = e;
            }
            ++c;
        }
        if (c < to && (t[c].punct(';') || t[c].punct(',') || t[c].word("va"))) {
            ++c;
            if (c < to && t[c].word("va")) ++c;
            size_t ignored = 0, n2 = 0;
            if (!prefix_at(t, c, to, &ignored) && read_name(c, false, &n2)) {
                i = c;
                continuing = prefix;
            }
        }
    }

    auto district_in_force = [&](const Entry& e) {
        return version < 0 || (covered && std::find(e.versions.begin(), e.versions.end(), version) != e.versions.end());
    };
    auto unit_in_force = [&](const Entry& e) { return !date || unit_in_force_on(dataset_, e.unit, *date); };
    const auto& dmap = folded ? districts_folded_ : districts_;
    const auto& umap = folded ? units_folded_ : units_;
    const std::string on = date ? " on " + date->iso() : "";

    // Districts first: communes are looked for in them.
    std::vector<const Entry*> district_of_raw(raws.size(), nullptr);
    std::vector<std::string> districts_named;
    bool unmatched_district = false;
    std::string unmatched_district_written;
    PlaceScan scan;
    std::vector<PlaceName> names(raws.size());
    for (size_t r = 0; r < raws.size(); ++r) {
        const Raw& raw = raws[r];
        names[r] = {raw.district, raw.written, raw.name, "", PlaceName::Unmatched, "", raw.from, raw.to};
        if (!raw.district) continue;
        std::vector<const Entry*> c;
        if (raw.matched)
            for (const Entry& e : dmap.at(raw.key))
                if (district_in_force(e)) c.push_back(&e);
        if (c.size() == 1) {
            district_of_raw[r] = c[0];
            districts_named.push_back(c[0]->code);
            names[r].status = PlaceName::Linked;
            names[r].code = c[0]->code;
        } else if (c.size() > 1) {
            std::string codes;
            for (const Entry* e : c) codes += (codes.empty() ? "" : ", ") + e->code;
            scan.ambiguous.push_back(c[0]->name + " (" + codes + ")");
            names[r].status = PlaceName::Ambiguous;
        } else if (has_districts) {
            scan.unmatched.push_back(raw.written + ": no district of that name in the dataset" + on);
            if (!unmatched_district) unmatched_district_written = raw.written;
            unmatched_district = true;
        } else {
            // After 1 July 2025 Lạng Sơn has no districts: the name is of another time.
            scan.unmatched.push_back(raw.written + ": the dataset has no districts" + on);
        }
    }
    auto add = [&](bool district, const Entry& e, const Raw& r) {
        for (const PlaceMention& p : scan.places)
            if (p.district == district && p.code == e.code) return;
        scan.places.push_back({district, e.code, e.name, r.from, r.to});
    };
    for (size_t r = 0; r < raws.size(); ++r) {
        const Raw& raw = raws[r];
        if (raw.district) {
            if (district_of_raw[r]) add(true, *district_of_raw[r], raw);
            continue;
        }
        std::vector<const Entry*> all, candidates;
        if (raw.matched)
            for (const Entry& e : umap.at(raw.key))
                if (unit_in_force(e)) all.push_back(&e);
        for (const Entry* e : all)
            if (static_cast<UnitKind>(e->kind) == raw.kind) candidates.push_back(e);
        if (candidates.empty()) candidates = all;
        std::string beside;
        if (!raw.province.empty()) {
            // "xã Tân Thành, tỉnh Cao Bằng": a commune of another province, never this one's namesake.
            beside = raw.province;
            if (raw.bound < 0) names[r].district_written = beside;
            else names[r].district_written = raws[raw.bound].written;
            scan.unmatched.push_back(raw.written + ", " + (raw.bound < 0 ? "" : raws[raw.bound].written + ", ") +
                                     raw.province + ": another province than the dataset's; not linked");
            names[r].status = PlaceName::Unmatched;
            names[r].other_province = true;
            continue;
        }
        if (raw.bound >= 0 && !has_districts) {
            // "xã Chi Lăng, huyện Tràng Định" when there are no districts: the commune of the
            // districts' time, not today's unit of that name (Chi Lăng of Tràng Định became part
            // of Thất Khê; today's Xã Chi Lăng was formed from others).
            beside = raws[raw.bound].written;
            names[r].district_written = beside;
            candidates.clear();
        } else if (raw.bound >= 0 && has_districts) {
            beside = raws[raw.bound].written;
            names[r].district_written = beside;
            const Entry* d = district_of_raw[raw.bound];
            std::vector<const Entry*> in;
            for (const Entry* e : candidates)
                if (d && e->district_code == d->code) in.push_back(e);
            candidates = in;
        } else if (has_districts && !candidates.empty() && unmatched_district &&
                   std::none_of(candidates.begin(), candidates.end(), [&](const Entry* e) {
                       return std::find(districts_named.begin(), districts_named.end(), e->district_code) !=
                              districts_named.end();
                   })) {
            // "Huyện Lạng Giang thêm 6 thôn gồm: ..., xã Tân Thanh": the sentence is about a district
            // the dataset does not have; a unit of that name elsewhere is not it.
            beside = unmatched_district_written;
            candidates.clear();
        } else if (candidates.size() > 1) {
            std::vector<const Entry*> in_district;
            for (const Entry* e : candidates)
                if (std::find(districts_named.begin(), districts_named.end(), e->district_code) != districts_named.end())
                    in_district.push_back(e);
            if (!in_district.empty()) candidates = in_district;
        }
        // One code in two boundary versions ("Xã Vạn Linh" of 2020 and of 2025, both 06505) is one
        // place to link: what is linked is the code.
        std::vector<const Entry*> distinct;
        for (const Entry* e : candidates)
            if (std::none_of(distinct.begin(), distinct.end(), [&](const Entry* d) { return d->code == e->code; }))
                distinct.push_back(e);
        candidates = distinct;
        if (candidates.size() == 1) {
            add(false, *candidates[0], raw);
            names[r].status = PlaceName::Linked;
            names[r].code = candidates[0]->code;
        } else if (candidates.size() > 1) {
            std::string codes;
            for (const Entry* e : candidates) codes += (codes.empty() ? "" : ", ") + e->code;
            scan.ambiguous.push_back(candidates[0]->name + " (" + codes + ")");
            names[r].status = PlaceName::Ambiguous;
        } else {
            scan.unmatched.push_back(raw.written + (beside.empty() ? "" : ", " + beside) + ": no unit of that name" +
                                     (beside.empty() ? "" : " in that district") + on + "; not linked");
        }
    }
    scan.names = std::move(names);
    std::sort(scan.places.begin(), scan.places.end(),
              [](const PlaceMention& a, const PlaceMention& b) { return a.from < b.from; });
    return scan;
}

}  // namespace ntm::io::news
