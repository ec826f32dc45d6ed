// libFuzzer target: see ntm::fuzz::news in entry_points.h.
#include "entry_points.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ntm::fuzz::news(data, size);
    return 0;
}
