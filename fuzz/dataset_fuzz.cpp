// libFuzzer target: see ntm::fuzz::dataset in entry_points.h.
#include "entry_points.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ntm::fuzz::dataset(data, size);
    return 0;
}
