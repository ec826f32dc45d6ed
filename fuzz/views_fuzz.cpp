// libFuzzer target: see ntm::fuzz::views in entry_points.h.
#include "entry_points.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ntm::fuzz::views(data, size);
    return 0;
}
