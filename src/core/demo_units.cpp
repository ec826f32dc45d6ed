// The unit table of the demo dataset: Lạng Sơn's commune-level units as in 2020.
//
// Names and 5-digit codes are the official ones (GSO list of administrative units as of
// 1 March 2025, 194 units), plus the 6 xã that existed in 2020 and were merged on 1 Dec 2024
// (the Standing Committee's resolution of late 2024 on Lạng Sơn's 2023–2025 arrangement): Vĩnh
// Tiến and Đại Đồng (Tràng Định), Đồng Giáp and Tràng Các (Văn Quan), Sơn Hà (Hữu Lũng), Tĩnh Bắc
// (Lộc Bình). Their names are those of the 2009 census boundaries. Their codes are not in the 2025
// list; GSO codes within a district are increasing multiples of 3 in list order, so each was given
// the free code at its place in a published 2020-era list of Lạng Sơn's units (in GSO order):
//   Vĩnh Tiến  06007  between Quốc Khánh 06004 and Cao Minh 06010 (the only free slot there);
//   Sơn Hà     06454  between Hồ Sơn 06451 and Minh Hòa 06457 (the only free slot there);
//   Đồng Giáp  06295  between Lương Năng 06292 and Bình Phúc 06298 (the only free slot there);
//   Tràng Các  06301  after Bình Phúc 06298, before Tân Đoàn 06307 (06301 or 06304 free; first
//   taken); Tĩnh Bắc   06568  after Khuất Xá 06565, before Thống Nhất 06577 (06568–06574 free;
//   first taken); Đại Đồng   06052  listed after Trung Thành 06037, before Đào Viên 06043, where no
//   slot is free
//                     (06040 is Thị trấn Thất Khê); the district's nearest free code was taken.
// The last three are therefore best guesses, not verified codes.
#include <string>
#include <utility>

#include "core/demo.h"
#include "core/text.h"

namespace ntm::demo {
namespace {

struct UnitRow {
    const char* code;
    const char* name;  // without the type prefix
    UnitKind kind;
    const char* district_code;
};

struct DistrictRow {
    const char* code;
    const char* name;  // as in the GSO list
};

const DistrictRow kDistricts[] = {
    {"178", "Thành phố Lạng Sơn"}, {"180", "Huyện Tràng Định"}, {"181", "Huyện Bình Gia"},
    {"182", "Huyện Văn Lãng"},     {"183", "Huyện Cao Lộc"},    {"184", "Huyện Văn Quan"},
    {"185", "Huyện Bắc Sơn"},      {"186", "Huyện Hữu Lũng"},   {"187", "Huyện Chi Lăng"},
    {"188", "Huyện Lộc Bình"},     {"189", "Huyện Đình Lập"},
};

// clang-format off
const UnitRow kUnits[] = {
    {"05971", "Hoàng Văn Thụ", UnitKind::Phuong, "178"},
    {"05974", "Tam Thanh", UnitKind::Phuong, "178"},
    {"05977", "Vĩnh Trại", UnitKind::Phuong, "178"},
    {"05980", "Đông Kinh", UnitKind::Phuong, "178"},
    {"05983", "Chi Lăng", UnitKind::Phuong, "178"},
    {"05986", "Hoàng Đồng", UnitKind::Xa, "178"},
    {"05989", "Quảng Lạc", UnitKind::Xa, "178"},
    {"05992", "Mai Pha", UnitKind::Xa, "178"},
    {"05998", "Khánh Long", UnitKind::Xa, "180"},
    {"06001", "Đoàn Kết", UnitKind::Xa, "180"},
    {"06004", "Quốc Khánh", UnitKind::Xa, "180"},
    {"06007", "Vĩnh Tiến", UnitKind::Xa, "180"},
    {"06010", "Cao Minh", UnitKind::Xa, "180"},
    {"06013", "Chí Minh", UnitKind::Xa, "180"},
    {"06016", "Tri Phương", UnitKind::Xa, "180"},
    {"06019", "Tân Tiến", UnitKind::Xa, "180"},
    {"06022", "Tân Yên", UnitKind::Xa, "180"},
    {"06025", "Đội Cấn", UnitKind::Xa, "180"},
    {"06028", "Tân Minh", UnitKind::Xa, "180"},
    {"06031", "Kim Đồng", UnitKind::Xa, "180"},
    {"06034", "Chi Lăng", UnitKind::Xa, "180"},
    {"06037", "Trung Thành", UnitKind::Xa, "180"},
    {"06040", "Thất Khê", UnitKind::ThiTran, "180"},
    {"06043", "Đào Viên", UnitKind::Xa, "180"},
    {"06046", "Đề Thám", UnitKind::Xa, "180"},
    {"06049", "Kháng Chiến", UnitKind::Xa, "180"},
    {"06052", "Đại Đồng", UnitKind::Xa, "180"},
    {"06055", "Hùng Sơn", UnitKind::Xa, "180"},
    {"06058", "Quốc Việt", UnitKind::Xa, "180"},
    {"06061", "Hùng Việt", UnitKind::Xa, "180"},
    {"06067", "Hưng Đạo", UnitKind::Xa, "181"},
    {"06070", "Vĩnh Yên", UnitKind::Xa, "181"},
    {"06073", "Hoa Thám", UnitKind::Xa, "181"},
    {"06076", "Quý Hòa", UnitKind::Xa, "181"},
    {"06079", "Hồng Phong", UnitKind::Xa, "181"},
    {"06082", "Yên Lỗ", UnitKind::Xa, "181"},
    {"06085", "Thiện Hòa", UnitKind::Xa, "181"},
    {"06088", "Quang Trung", UnitKind::Xa, "181"},
    {"06091", "Thiện Thuật", UnitKind::Xa, "181"},
    {"06094", "Minh Khai", UnitKind::Xa, "181"},
    {"06097", "Thiện Long", UnitKind::Xa, "181"},
    {"06100", "Hoàng Văn Thụ", UnitKind::Xa, "181"},
    {"06103", "Hòa Bình", UnitKind::Xa, "181"},
    {"06106", "Mông Ân", UnitKind::Xa, "181"},
    {"06109", "Tân Hòa", UnitKind::Xa, "181"},
    {"06112", "Bình Gia", UnitKind::ThiTran, "181"},
    {"06115", "Hồng Thái", UnitKind::Xa, "181"},
    {"06118", "Bình La", UnitKind::Xa, "181"},
    {"06121", "Tân Văn", UnitKind::Xa, "181"},
    {"06124", "Na Sầm", UnitKind::ThiTran, "182"},
    {"06127", "Trùng Khánh", UnitKind::Xa, "182"},
    {"06133", "Bắc La", UnitKind::Xa, "182"},
    {"06136", "Thụy Hùng", UnitKind::Xa, "182"},
    {"06139", "Bắc Hùng", UnitKind::Xa, "182"},
    {"06142", "Tân Tác", UnitKind::Xa, "182"},
    {"06148", "Thanh Long", UnitKind::Xa, "182"},
    {"06151", "Hội Hoan", UnitKind::Xa, "182"},
    {"06154", "Bắc Việt", UnitKind::Xa, "182"},
    {"06157", "Hoàng Việt", UnitKind::Xa, "182"},
    {"06160", "Gia Miễn", UnitKind::Xa, "182"},
    {"06163", "Thành Hòa", UnitKind::Xa, "182"},
    {"06166", "Tân Thanh", UnitKind::Xa, "182"},
    {"06172", "Tân Mỹ", UnitKind::Xa, "182"},
    {"06175", "Hồng Thái", UnitKind::Xa, "182"},
    {"06178", "Hoàng Văn Thụ", UnitKind::Xa, "182"},
    {"06181", "Nhạc Kỳ", UnitKind::Xa, "182"},
    {"06184", "Đồng Đăng", UnitKind::ThiTran, "183"},
    {"06187", "Cao Lộc", UnitKind::ThiTran, "183"},
    {"06190", "Bảo Lâm", UnitKind::Xa, "183"},
    {"06193", "Thanh Lòa", UnitKind::Xa, "183"},
    {"06196", "Cao Lâu", UnitKind::Xa, "183"},
    {"06199", "Thạch Đạn", UnitKind::Xa, "183"},
    {"06202", "Xuất Lễ", UnitKind::Xa, "183"},
    {"06205", "Hồng Phong", UnitKind::Xa, "183"},
    {"06208", "Thụy Hùng", UnitKind::Xa, "183"},
    {"06211", "Lộc Yên", UnitKind::Xa, "183"},
    {"06214", "Phú Xá", UnitKind::Xa, "183"},
    {"06217", "Bình Trung", UnitKind::Xa, "183"},
    {"06220", "Hải Yến", UnitKind::Xa, "183"},
    {"06223", "Hòa Cư", UnitKind::Xa, "183"},
    {"06226", "Hợp Thành", UnitKind::Xa, "183"},
    {"06232", "Công Sơn", UnitKind::Xa, "183"},
    {"06235", "Gia Cát", UnitKind::Xa, "183"},
    {"06238", "Mẫu Sơn", UnitKind::Xa, "183"},
    {"06241", "Xuân Long", UnitKind::Xa, "183"},
    {"06244", "Tân Liên", UnitKind::Xa, "183"},
    {"06247", "Yên Trạch", UnitKind::Xa, "183"},
    {"06250", "Tân Thành", UnitKind::Xa, "183"},
    {"06253", "Văn Quan", UnitKind::ThiTran, "184"},
    {"06256", "Trấn Ninh", UnitKind::Xa, "184"},
    {"06268", "Liên Hội", UnitKind::Xa, "184"},
    {"06274", "Hòa Bình", UnitKind::Xa, "184"},
    {"06277", "Tú Xuyên", UnitKind::Xa, "184"},
    {"06280", "Điềm He", UnitKind::Xa, "184"},
    {"06283", "An Sơn", UnitKind::Xa, "184"},
    {"06286", "Khánh Khê", UnitKind::Xa, "184"},
    {"06292", "Lương Năng", UnitKind::Xa, "184"},
    {"06295", "Đồng Giáp", UnitKind::Xa, "184"},
    {"06298", "Bình Phúc", UnitKind::Xa, "184"},
    {"06301", "Tràng Các", UnitKind::Xa, "184"},
    {"06307", "Tân Đoàn", UnitKind::Xa, "184"},
    {"06313", "Tri Lễ", UnitKind::Xa, "184"},
    {"06316", "Tràng Phái", UnitKind::Xa, "184"},
    {"06319", "Yên Phúc", UnitKind::Xa, "184"},
    {"06322", "Hữu Lễ", UnitKind::Xa, "184"},
    {"06325", "Bắc Sơn", UnitKind::ThiTran, "185"},
    {"06328", "Long Đống", UnitKind::Xa, "185"},
    {"06331", "Vạn Thủy", UnitKind::Xa, "185"},
    {"06337", "Đồng ý", UnitKind::Xa, "185"},
    {"06340", "Tân Tri", UnitKind::Xa, "185"},
    {"06343", "Bắc Quỳnh", UnitKind::Xa, "185"},
    {"06349", "Hưng Vũ", UnitKind::Xa, "185"},
    {"06352", "Tân Lập", UnitKind::Xa, "185"},
    {"06355", "Vũ Sơn", UnitKind::Xa, "185"},
    {"06358", "Chiêu Vũ", UnitKind::Xa, "185"},
    {"06361", "Tân Hương", UnitKind::Xa, "185"},
    {"06364", "Chiến Thắng", UnitKind::Xa, "185"},
    {"06367", "Vũ Lăng", UnitKind::Xa, "185"},
    {"06370", "Trấn Yên", UnitKind::Xa, "185"},
    {"06373", "Vũ Lễ", UnitKind::Xa, "185"},
    {"06376", "Nhất Hòa", UnitKind::Xa, "185"},
    {"06379", "Tân Thành", UnitKind::Xa, "185"},
    {"06382", "Nhất Tiến", UnitKind::Xa, "185"},
    {"06385", "Hữu Lũng", UnitKind::ThiTran, "186"},
    {"06388", "Hữu Liên", UnitKind::Xa, "186"},
    {"06391", "Yên Bình", UnitKind::Xa, "186"},
    {"06394", "Quyết Thắng", UnitKind::Xa, "186"},
    {"06397", "Hòa Bình", UnitKind::Xa, "186"},
    {"06400", "Yên Thịnh", UnitKind::Xa, "186"},
    {"06403", "Yên Sơn", UnitKind::Xa, "186"},
    {"06406", "Thiện Tân", UnitKind::Xa, "186"},
    {"06412", "Yên Vượng", UnitKind::Xa, "186"},
    {"06415", "Minh Tiến", UnitKind::Xa, "186"},
    {"06418", "Nhật Tiến", UnitKind::Xa, "186"},
    {"06421", "Thanh Sơn", UnitKind::Xa, "186"},
    {"06424", "Đồng Tân", UnitKind::Xa, "186"},
    {"06427", "Cai Kinh", UnitKind::Xa, "186"},
    {"06430", "Hòa Lạc", UnitKind::Xa, "186"},
    {"06433", "Vân Nham", UnitKind::Xa, "186"},
    {"06436", "Đồng Tiến", UnitKind::Xa, "186"},
    {"06442", "Tân Thành", UnitKind::Xa, "186"},
    {"06445", "Hòa Sơn", UnitKind::Xa, "186"},
    {"06448", "Minh Sơn", UnitKind::Xa, "186"},
    {"06451", "Hồ Sơn", UnitKind::Xa, "186"},
    {"06454", "Sơn Hà", UnitKind::Xa, "186"},
    {"06457", "Minh Hòa", UnitKind::Xa, "186"},
    {"06460", "Hòa Thắng", UnitKind::Xa, "186"},
    {"06463", "Đồng Mỏ", UnitKind::ThiTran, "187"},
    {"06466", "Chi Lăng", UnitKind::ThiTran, "187"},
    {"06469", "Vân An", UnitKind::Xa, "187"},
    {"06472", "Vân Thủy", UnitKind::Xa, "187"},
    {"06475", "Gia Lộc", UnitKind::Xa, "187"},
    {"06478", "Bắc Thủy", UnitKind::Xa, "187"},
    {"06481", "Chiến Thắng", UnitKind::Xa, "187"},
    {"06484", "Mai Sao", UnitKind::Xa, "187"},
    {"06487", "Bằng Hữu", UnitKind::Xa, "187"},
    {"06490", "Thượng Cường", UnitKind::Xa, "187"},
    {"06493", "Bằng Mạc", UnitKind::Xa, "187"},
    {"06496", "Nhân Lý", UnitKind::Xa, "187"},
    {"06499", "Lâm Sơn", UnitKind::Xa, "187"},
    {"06502", "Liên Sơn", UnitKind::Xa, "187"},
    {"06505", "Vạn Linh", UnitKind::Xa, "187"},
    {"06508", "Hòa Bình", UnitKind::Xa, "187"},
    {"06514", "Hữu Kiên", UnitKind::Xa, "187"},
    {"06517", "Quan Sơn", UnitKind::Xa, "187"},
    {"06520", "Y Tịch", UnitKind::Xa, "187"},
    {"06523", "Chi Lăng", UnitKind::Xa, "187"},
    {"06526", "Na Dương", UnitKind::ThiTran, "188"},
    {"06529", "Lộc Bình", UnitKind::ThiTran, "188"},
    {"06532", "Mẫu Sơn", UnitKind::Xa, "188"},
    {"06541", "Yên Khoái", UnitKind::Xa, "188"},
    {"06544", "Khánh Xuân", UnitKind::Xa, "188"},
    {"06547", "Tú Mịch", UnitKind::Xa, "188"},
    {"06550", "Hữu Khánh", UnitKind::Xa, "188"},
    {"06553", "Đồng Bục", UnitKind::Xa, "188"},
    {"06559", "Tam Gia", UnitKind::Xa, "188"},
    {"06562", "Tú Đoạn", UnitKind::Xa, "188"},
    {"06565", "Khuất Xá", UnitKind::Xa, "188"},
    {"06568", "Tĩnh Bắc", UnitKind::Xa, "188"},
    {"06577", "Thống Nhất", UnitKind::Xa, "188"},
    {"06589", "Sàn Viên", UnitKind::Xa, "188"},
    {"06592", "Đông Quan", UnitKind::Xa, "188"},
    {"06595", "Minh Hiệp", UnitKind::Xa, "188"},
    {"06598", "Hữu Lân", UnitKind::Xa, "188"},
    {"06601", "Lợi Bác", UnitKind::Xa, "188"},
    {"06604", "Nam Quan", UnitKind::Xa, "188"},
    {"06607", "Xuân Dương", UnitKind::Xa, "188"},
    {"06610", "Ái Quốc", UnitKind::Xa, "188"},
    {"06613", "Đình Lập", UnitKind::ThiTran, "189"},
    {"06616", "NT Thái Bình", UnitKind::ThiTran, "189"},
    {"06619", "Bắc Xa", UnitKind::Xa, "189"},
    {"06622", "Bính Xá", UnitKind::Xa, "189"},
    {"06625", "Kiên Mộc", UnitKind::Xa, "189"},
    {"06628", "Đình Lập", UnitKind::Xa, "189"},
    {"06631", "Thái Bình", UnitKind::Xa, "189"},
    {"06634", "Cường Lợi", UnitKind::Xa, "189"},
    {"06637", "Châu Sơn", UnitKind::Xa, "189"},
    {"06640", "Lâm Ca", UnitKind::Xa, "189"},
    {"06643", "Đồng Thắng", UnitKind::Xa, "189"},
    {"06646", "Bắc Lãng", UnitKind::Xa, "189"},
};

// clang-format on

// Units tagged "border" (on the border with China). Illustrative: a plausible selection in the
// border districts (Tràng Định, Văn Lãng, Cao Lộc, Lộc Bình, Đình Lập), not an official list.
const char* const kBorderCodes[] = {
    // Tràng Định: Quốc Khánh, Tân Minh, Đội Cấn, Chi Lăng, Đào Viên
    "06004",
    "06028",
    "06025",
    "06034",
    "06043",
    // Văn Lãng: Trùng Khánh, Thụy Hùng, Thanh Long, Tân Thanh, Tân Mỹ
    "06127",
    "06136",
    "06148",
    "06166",
    "06172",
    // Cao Lộc: Thị trấn Đồng Đăng, Bảo Lâm, Thanh Lòa, Cao Lâu, Xuất Lễ, Phú Xá, Mẫu Sơn
    "06184",
    "06190",
    "06193",
    "06196",
    "06202",
    "06214",
    "06238",
    // Lộc Bình: Mẫu Sơn, Yên Khoái, Tú Mịch, Tam Gia, Tĩnh Bắc
    "06532",
    "06541",
    "06547",
    "06559",
    "06568",
    // Đình Lập: Bắc Xa, Bính Xá
    "06619",
    "06622",
};

const char* district_name(const std::string& code) {
    for (const DistrictRow& d : kDistricts)
        if (code == d.code) return d.name;
    return "";
}

bool is_border(const std::string& code) {
    for (const char* c : kBorderCodes)
        if (code == c) return true;
    return false;
}

}  // namespace

std::vector<Unit> langson_units_2020() {
    std::vector<Unit> units;
    units.reserve(sizeof kUnits / sizeof kUnits[0]);
    for (const UnitRow& row : kUnits) {
        Unit u;
        u.code = row.code;
        u.name = row.name;
        u.kind = row.kind;
        u.district_code = row.district_code;
        u.district_name = district_name(u.district_code);
        if (is_border(u.code)) u.tags.push_back("border");
        u.search_key = fold_search_key(u.name);
        units.push_back(std::move(u));
    }
    return units;
}

}  // namespace ntm::demo
