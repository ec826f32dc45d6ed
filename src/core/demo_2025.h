#pragma once
// Internal to the demo generator (demo.cpp, demo_2025.cpp): what the reform stage needs of the
// 2020 builder.
#include <cstdint>
#include <string>

#include "core/dataset.h"
#include "core/random.h"

namespace ntm::demo::detail {

// make_demo_dataset(), or with `before_reform` its 2025 round in June 2025 and its 2025
// recognitions in the last week of June, so that nothing of the old units is dated after
// 30/06/2025 (their codes are reused by the units of 1 July 2025).
Dataset make_demo_dataset_2020(bool before_reform);

// The demo's deterministic stream for a key (a unit code) and a purpose.
Rng demo_stream(const std::string& key, uint64_t purpose);

inline constexpr const char* kIllustrativeEvent = "Minh họa: sự kiện giả định do NTM Atlas tạo";
inline constexpr const char* kProvincialOffice =
    "Văn phòng Điều phối xây dựng nông thôn mới tỉnh Lạng Sơn";

}  // namespace ntm::demo::detail
