#pragma once
// The generated demo dataset and its attainment index, built once per test program (building
// it takes a few milliseconds; many suites read it).
#include "core/demo.h"
#include "core/state.h"

namespace ntm::test {

inline const Dataset& demo_dataset() {
    static const Dataset dataset = demo::make_demo_dataset();
    return dataset;
}

inline const AttainmentIndex& demo_index() {
    static const AttainmentIndex index(demo_dataset());
    return index;
}

// For TEST_F suites on the demo: `ds` and `index`.
class DemoTest : public ::testing::Test {
protected:
    const Dataset* ds = &demo_dataset();
    const AttainmentIndex* index = &demo_index();
};

}  // namespace ntm::test
