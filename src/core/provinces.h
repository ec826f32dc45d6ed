#pragma once
// The names of Vietnam's provinces and centrally run cities, for telling a text about another
// province from one about the dataset's.
#include <string>
#include <vector>

namespace ntm {

// Without their type word ("Quảng Bình", "Hà Nội", "Thừa Thiên Huế"), the 63 of the years to
// 30 June 2025 and the one name new on 1 July 2025 (Huế), each with its other tone spelling
// ("Khánh Hòa" and "Khánh Hoà").
const std::vector<std::string>& province_names();

}  // namespace ntm
