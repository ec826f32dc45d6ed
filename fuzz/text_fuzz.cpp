// libFuzzer target: see ntm::fuzz::text in entry_points.h.
#include "entry_points.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ntm::fuzz::text(data, size);
    return 0;
}
