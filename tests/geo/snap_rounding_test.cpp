// SnapGrid rounds to the nearest node with halves away from zero, exactly as std::llround does
// (the levels of detail, and so every drawn vertex, depend on it bit for bit).
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "geo/simplify.h"

namespace ntm::geo {
namespace {

TEST(SnapRounding, MatchesLlroundIncludingHalvesAndNegatives) {
    const SnapGrid grid{{0, 0}, 1};
    const double cases[] = {0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994,
                            4503599627370495.5, -4503599627370495.5, 9007199254740993.0, 1e15 + 0.5, -7.25, 3.75};
    for (double v : cases) {
        const Vec2 s = grid.snap({v, -v});
        EXPECT_EQ(s.x, double(std::llround(v))) << v;
        EXPECT_EQ(s.y, double(std::llround(-v))) << v;
    }
    std::mt19937_64 rng(12);
    std::uniform_real_distribution<double> any(-1e7, 1e7);
    const SnapGrid metres{{123456.789, -98765.4321}, 37.5};
    for (int i = 0; i < 100000; ++i) {
        const Vec2 p{any(rng), any(rng)};
        const Vec2 s = metres.snap(p);
        EXPECT_EQ(s.x, metres.anchor.x + double(std::llround((p.x - metres.anchor.x) / metres.step)) * metres.step);
        EXPECT_EQ(s.y, metres.anchor.y + double(std::llround((p.y - metres.anchor.y) / metres.step)) * metres.step);
    }
}

}  // namespace
}  // namespace ntm::geo
