#pragma once
// Districts and communes named in news text, matched to a dataset's units.
//
// A place is recognised after its type word: "huyện", "thành phố"/"TP", "thị xã", "quận" for
// districts; "xã", "phường", "thị trấn" for commune-level units; plural and counted forms too
// ("các xã Tân Liên, Gia Cát và Hợp Thành", "02 huyện: Lộc Bình, Đình Lập"). Names are compared
// with their diacritics (NFC, lower case, Đ/Ð as đ): "Tân Thanh" is never "Tân Thành". Only a text
// typed wholly without diacritics is compared folded, and then only a name that folds to one
// unit is taken. The dataset's names may carry their type word or not ("Huyện Cao Lộc", "Cao
// Lộc"). "tỉnh Lạng Sơn" is the province, never the city.
//
// Units are those in force on the date given (the boundary version of that day: after the
// July-2025 merger a bulletin names the new communes). A commune is looked for in the district
// named beside it ("xã Chi Lăng, huyện Tràng Định", "xã Quế Hiệp - huyện Quế Sơn", "Hoàng Vân,
// Xuân Cẩm (Hiệp Hòa)"); when that district is not in the dataset, or has no unit of that name,
// the name is reported as unmatched, never linked to a unit elsewhere; so it is on a day when the
// dataset has no districts (after 1 July 2025 in Lạng Sơn: "xã Chi Lăng, huyện Tràng Định" is not
// today's Xã Chi Lăng). A commune named beside another province than the dataset's ("xã Tân Thành,
// tỉnh Cao Bằng", "(tỉnh Tuyên Quang)", "(Đô Lương - Nghệ An)") is reported and never linked: after the
// 2025 reform notices name communes with their province instead of a district. Lists may omit the type word after a counted "xã" ("22 xã ... gồm: Nghi
// Phong, Nghi Đồng (Nghi Lộc); ..."), districts may follow as "của huyện", "thuộc huyện", "(cùng
// huyện ...)", "(H.Thống Nhất)", and names may end in a number ("Gia Tân 3"). Without a district beside
// it, a name shared by several units is settled by a district named in the sentence, and
// otherwise left out (ambiguous) rather than guessed.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.h"
#include "io/news_text.h"

namespace ntm::io::news {

struct PlaceMention {
    bool district = false;  // a district; otherwise a commune-level unit
    std::string code;       // district code or unit code
    std::string name;       // as the dataset names it ("Huyện Cao Lộc", "Xã Liên Hội")
    std::size_t from = 0, to = 0;  // tokens of the name
};

// A name after a type word, as written, with what became of it.
struct PlaceName {
    enum Status { Linked, Ambiguous, Unmatched };
    bool district = false;
    std::string written;           // "xã Tân Thanh"
    std::string name;              // "Tân Thanh"
    std::string district_written;  // the district named beside it: "huyện Lạng Giang" ("" if none)
    Status status = Unmatched;
    std::string code;              // when Linked
    std::size_t from = 0, to = 0;  // tokens of the name
    bool other_province = false;   // named beside another province ("xã Tân Thành, tỉnh Cao Bằng")
};

struct PlaceScan {
    std::vector<PlaceMention> places;     // in text order, each code once
    std::vector<PlaceName> names;         // every name after a type word, in text order
    std::vector<std::string> ambiguous;   // "xã Chi Lăng (06034, 06523)"
    std::vector<std::string> unmatched;   // "xã Tân Thanh, huyện Lạng Giang: ..."
};

class PlaceIndex {
public:
    explicit PlaceIndex(const Dataset& dataset);

    // Places in tokens [from, to), among the units in force on `date` (every version without one).
    PlaceScan find(const Tokens& t, std::size_t from, std::size_t to, std::optional<Date> date = std::nullopt) const;
    // The district of the unit with this code on `date` (codes are reused across boundary
    // versions); "" when it has none.
    std::string district_of(const std::string& unit_code, Date date) const;
    std::string district_name(const std::string& district_code) const;

private:
    struct Entry {
        std::string code, name, district_code;
        int kind = 0;   // UnitKind as int for units
        int unit = -1;  // index into Dataset::units; -1 for districts
        std::vector<int> versions;  // districts: the versions that have it
    };
    const Dataset& dataset_;
    std::string province_;  // the dataset's province, lower case ("lạng sơn"); "" when unknown
    // Keys: the name without its type word, lower case with diacritics; folded in the *_folded maps.
    std::map<std::string, std::vector<Entry>> districts_, units_;
    std::map<std::string, std::vector<Entry>> districts_folded_, units_folded_;
    std::size_t longest_ = 1;  // longest name in words

    // Longest name of the class at token i: returns the number of tokens and the entries.
    std::size_t match_name(const Tokens& t, std::size_t i, std::size_t to, bool district,
                           const std::vector<Entry>** entries) const;
};

// The dataset's province as news text names it, lower case with diacritics: "lạng sơn" for the
// title "Lạng Sơn (minh họa)" or "Tỉnh Lạng Sơn"; "" when the dataset has no title.
std::string province_name_of(const Dataset& dataset);

// "Huyện Cao Lộc" -> "Cao Lộc", also "Thành phố", "Thị xã", "Quận" (any case).
std::string strip_district_prefix(std::string_view name);

// The key names are compared by: NFC, lower case, Đ/Ð as đ, the tone of "oa"/"oe"/"uy" on its first
// vowel ("Hoà" = "Hòa"), every other diacritic kept ("Tân Thanh" is not "Tân Thành").
std::string place_key(std::string_view name);

// Whether a version's units are units of `date`: its dates include it, or it is the earliest,
// district-grouped set standing for the years before it. The units of 1 July 2025 (no districts)
// are no units of 26 January 2023.
bool version_covers(const Dataset& dataset, int version, Date date);
// The unit is of the version in force on `date` and that version covers the day.
bool unit_in_force_on(const Dataset& dataset, int unit, Date date);

}  // namespace ntm::io::news
