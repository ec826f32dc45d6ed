// libFuzzer target: see ntm::fuzz::table in entry_points.h.
#include "entry_points.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ntm::fuzz::table(data, size);
    return 0;
}
