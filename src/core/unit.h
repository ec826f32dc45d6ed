#pragma once
// Commune-level administrative units (đơn vị hành chính cấp xã).
#include <string>
#include <string_view>
#include <vector>

namespace ntm {

// Đặc khu: the special zones (island districts) that became commune-level units in July 2025.
enum class UnitKind { Xa, Phuong, ThiTran, DacKhu, Unknown };

const char* kind_name_vi(UnitKind kind);  // "Xã", "Phường", "Thị trấn", "Đặc khu", "Không rõ"
const char* kind_name_en(UnitKind kind);  // "Commune", "Ward", "Township", "Special zone", "Unknown"
const char* kind_id(UnitKind kind);       // "xa", "phuong", "thi_tran", "dac_khu", "unknown" (stable)
UnitKind kind_from_id(std::string_view id);  // inverse of kind_id; Unknown otherwise

// Kind from a type word or a name prefix ("Xã Liên Hội", "THỊ TRẤN Na Sầm", "phuong", "xa"):
// case- and diacritic-insensitive. Unknown when nothing matches.
UnitKind kind_from_text(std::string_view text);
// The name without its type prefix ("Xã Liên Hội" -> "Liên Hội").
std::string strip_kind_prefix(std::string_view name);

struct Unit {
    std::string code;           // official 5-digit code (mã ĐVHC), the join key
    std::string name;           // without type prefix, NFC
    UnitKind kind = UnitKind::Unknown;
    std::string district_code;  // may be empty (after 2025 there are no districts)
    std::string district_name;
    std::vector<std::string> tags;  // e.g. "border"
    int version = 0;            // index into Dataset::versions
    // Commune group (nhóm 1, 2, 3) of the 2026–2030 criteria (Decision 51/2025/QĐ-TTg), which sets
    // the thresholds a xã is assessed against; 0 when not known.
    int commune_group = 0;
    std::string search_key;     // folded name for diacritic/case-insensitive search

    bool assessed() const { return kind == UnitKind::Xa; }  // only xã take the commune criteria
    std::string full_name() const;  // "Xã Liên Hội"
};

}  // namespace ntm
