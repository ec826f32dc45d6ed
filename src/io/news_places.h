#pragma once
// Districts and communes named in news text, matched to a dataset's units.
//
// A place is recognised after its type word: "huyện", "thành phố"/"TP", "thị xã", "quận" for
// districts; "xã", "phường", "thị trấn" for commune-level units; plural and counted forms too
// ("các xã Tân Liên, Gia Cát và Hợp Thành", "02 huyện: Lộc Bình, Đình Lập"). Names are compared
// folded (case and diacritics ignored: "Cao Loc" is "Cao Lộc"); the dataset's names may carry
// their type word or not ("Huyện Cao Lộc", "Cao Lộc"). "tỉnh Lạng Sơn" is the province, never
// the city. A commune name shared by several units is settled by a district named in the same
// sentence, and otherwise left out (with a note) rather than guessed.
#include <cstddef>
#include <map>
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

struct PlaceScan {
    std::vector<PlaceMention> places;     // in text order, each code once
    std::vector<std::string> ambiguous;   // "xã Chi Lăng (06034, 06523)"
};

class PlaceIndex {
public:
    explicit PlaceIndex(const Dataset& dataset);

    PlaceScan find(const Tokens& t, std::size_t from, std::size_t to) const;
    // The district of a unit ("" when unknown).
    // The district of the unit with this code on `date` (codes are reused across boundary
    // versions); "" when it has none.
    std::string district_of(const std::string& unit_code, Date date) const;
    std::string district_name(const std::string& district_code) const;

private:
    struct Entry {
        std::string code, name, district_code;
        int kind = 0;  // UnitKind as int for units
    };
    const Dataset& dataset_;
    std::map<std::string, std::vector<Entry>> districts_;  // folded name without type -> entries
    std::map<std::string, std::vector<Entry>> units_;
    std::size_t longest_ = 1;  // longest name in words

    // Longest name of the class at token i: returns the number of tokens and the entries.
    // `capital`: the name must start with a capital (when the sentence has any).
    std::size_t match_name(const Tokens& t, std::size_t i, std::size_t to, bool district, bool capital,
                           const std::vector<Entry>** entries) const;
};

// "Huyện Cao Lộc" -> "Cao Lộc", also "Thành phố", "Thị xã", "Quận" (any case).
std::string strip_district_prefix(std::string_view name);

}  // namespace ntm::io::news
