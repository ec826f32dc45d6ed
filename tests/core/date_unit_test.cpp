#include <gtest/gtest.h>

#include "core/date.h"
#include "core/unit.h"

namespace ntm {
namespace {

TEST(Dates, ParseIsoAndVietnameseForms) {
    EXPECT_EQ(parse_date("2020-07-31")->iso(), "2020-07-31");
    EXPECT_EQ(parse_date("31/7/2020")->iso(), "2020-07-31");
    EXPECT_EQ(parse_date("06/10/2022")->iso(), "2022-10-06");
    EXPECT_EQ(parse_date(" 2024-02-29 ")->iso(), "2024-02-29");
    EXPECT_FALSE(parse_date("2023-02-29"));
    EXPECT_FALSE(parse_date("2020-13-01"));
    EXPECT_FALSE(parse_date("31/7/20"));
    EXPECT_FALSE(parse_date("yesterday"));
    EXPECT_FALSE(parse_date(""));
}

TEST(Dates, ArithmeticAndOrder) {
    const Date a = Date::from_ymd(1970, 1, 1);
    EXPECT_EQ(a.days, 0);
    EXPECT_EQ(Date::from_ymd(2020, 7, 31).year(), 2020);
    EXPECT_EQ(add_months(Date::from_ymd(2020, 1, 31), 1).iso(), "2020-02-29");
    EXPECT_EQ(add_months(Date::from_ymd(2020, 11, 30), 3).iso(), "2021-02-28");
    EXPECT_EQ(last_day_of_month(2023, 2).iso(), "2023-02-28");
    EXPECT_LT(Date::from_ymd(2019, 12, 31), Date::from_ymd(2020, 1, 1));
}

TEST(Units, KindFromNamePrefixInAnyCase) {
    EXPECT_EQ(kind_from_text("Xã Liên Hội"), UnitKind::Xa);
    EXPECT_EQ(kind_from_text("xã Bắc Sơn"), UnitKind::Xa);
    EXPECT_EQ(kind_from_text("THỊ TRẤN Na Sầm"), UnitKind::ThiTran);
    EXPECT_EQ(kind_from_text("Phường Hoàng Văn Thụ"), UnitKind::Phuong);
    EXPECT_EQ(kind_from_text("Thi tran Dong Mo"), UnitKind::ThiTran);
    EXPECT_EQ(kind_from_text("TT. Văn Quan"), UnitKind::ThiTran);
    EXPECT_EQ(kind_from_text("P. Tam Thanh"), UnitKind::Phuong);
    EXPECT_EQ(kind_from_text("Ph. Đông Kinh"), UnitKind::Phuong);
    EXPECT_EQ(kind_from_text("Phù Ngọc"), UnitKind::Unknown);
    EXPECT_EQ(kind_from_text("Phường"), UnitKind::Phuong);
    EXPECT_EQ(kind_from_text("Xuân Long"), UnitKind::Unknown);
    EXPECT_EQ(kind_from_text("Pác Khuông"), UnitKind::Unknown);
    // Names that fold to a type word are not one.
    EXPECT_EQ(kind_from_text("Phương Sơn"), UnitKind::Unknown);
    EXPECT_EQ(kind_from_text("Xà Phìn"), UnitKind::Unknown);
    EXPECT_EQ(strip_kind_prefix("Xã Xà Phìn"), "Xà Phìn");
    EXPECT_EQ(kind_from_text("Đặc khu Vân Đồn"), UnitKind::DacKhu);
    EXPECT_EQ(strip_kind_prefix("Đặc khu Vân Đồn"), "Vân Đồn");
}

TEST(Units, StripKindPrefix) {
    EXPECT_EQ(strip_kind_prefix("Xã Liên Hội"), "Liên Hội");
    EXPECT_EQ(strip_kind_prefix("Thị trấn Na Sầm"), "Na Sầm");
    EXPECT_EQ(strip_kind_prefix("TT. Văn Quan"), "Văn Quan");
    EXPECT_EQ(strip_kind_prefix("Ph. Đông Kinh"), "Đông Kinh");
    EXPECT_EQ(strip_kind_prefix("Ph.Đông Kinh"), "Đông Kinh");
    EXPECT_EQ(strip_kind_prefix("Xuân Long"), "Xuân Long");
    Unit u;
    u.name = "Đồng Đăng";
    u.kind = UnitKind::Xa;
    EXPECT_EQ(u.full_name(), "Xã Đồng Đăng");
}

}  // namespace
}  // namespace ntm
