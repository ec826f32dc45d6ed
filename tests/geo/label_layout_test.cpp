// Screen-space label placement: greedy by priority, no overlaps, deterministic.
#include "geo/label_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <vector>

namespace {

using ntm::geo::Bounds;
using ntm::geo::LabelCandidate;
using ntm::geo::LabelLayoutOptions;
using ntm::geo::PlacedLabel;

LabelLayoutOptions viewport(double w = 800, double h = 600, double padding = 0) {
    LabelLayoutOptions o;
    o.viewport_width = w;
    o.viewport_height = h;
    o.padding = padding;
    return o;
}

LabelCandidate label(int id, double x, double y, double w, double h, double priority = 0) {
    LabelCandidate c;
    c.id = id;
    c.anchor = {x, y};
    c.width = w;
    c.height = h;
    c.priority = priority;
    return c;
}

std::vector<int> ids(const std::vector<PlacedLabel>& placed) {
    std::vector<int> out;
    for (const PlacedLabel& p : placed) out.push_back(p.id);
    return out;
}

TEST(LabelLayout, HigherPriorityWinsAnOverlap) {
    const std::vector<LabelCandidate> c = {label(1, 100, 100, 60, 14, 1), label(2, 120, 105, 60, 14, 5),
                                           label(3, 400, 300, 60, 14, 0)};
    const auto placed = ntm::geo::layout_labels(c, viewport());
    EXPECT_EQ(ids(placed), std::vector<int>({2, 3}));
    EXPECT_EQ(placed[0].candidate, 1u);
    EXPECT_DOUBLE_EQ(placed[0].box.min_x, 90);
    EXPECT_DOUBLE_EQ(placed[0].box.max_y, 112);
}

TEST(LabelLayout, TiesGoToTheLargerBoxThenTheLowerId) {
    std::vector<LabelCandidate> c = {label(7, 100, 100, 40, 14), label(3, 110, 100, 80, 14)};
    EXPECT_EQ(ids(ntm::geo::layout_labels(c, viewport())), std::vector<int>({3}));
    c = {label(7, 100, 100, 40, 14), label(3, 110, 100, 40, 14)};
    EXPECT_EQ(ids(ntm::geo::layout_labels(c, viewport())), std::vector<int>({3}));
}

TEST(LabelLayout, OffScreenIsRejected) {
    const std::vector<LabelCandidate> c = {
        label(1, 10, 100, 40, 14),    // sticks out on the left
        label(2, 790, 100, 40, 14),   // on the right
        label(3, 400, 3, 40, 14),     // at the top
        label(4, 400, 598, 40, 14),   // at the bottom
        label(5, -500, -500, 40, 14), // far away
        label(6, 20, 7, 40, 14),      // exactly in the corner: kept
        label(7, 400, 300, 0, 14),    // no size
    };
    EXPECT_EQ(ids(ntm::geo::layout_labels(c, viewport())), std::vector<int>({6}));
    EXPECT_TRUE(ntm::geo::layout_labels(c, viewport(0, 0)).empty());
}

TEST(LabelLayout, Padding) {
    // Boxes 4 px apart.
    const std::vector<LabelCandidate> c = {label(1, 100, 100, 40, 10, 1), label(2, 144, 100, 40, 10)};
    EXPECT_EQ(ntm::geo::layout_labels(c, viewport(800, 600, 0)).size(), 2u);
    EXPECT_EQ(ntm::geo::layout_labels(c, viewport(800, 600, 4)).size(), 2u);
    EXPECT_EQ(ids(ntm::geo::layout_labels(c, viewport(800, 600, 4.5))), std::vector<int>({1}));
    // Touching boxes do not overlap.
    const std::vector<LabelCandidate> t = {label(1, 100, 100, 40, 10), label(2, 140, 100, 40, 10)};
    EXPECT_EQ(ntm::geo::layout_labels(t, viewport()).size(), 2u);
}

TEST(LabelLayout, MustFitInsideItsRadius) {
    LabelCandidate c = label(1, 100, 100, 60, 16);  // half-diagonal sqrt(30^2 + 8^2) = 31.05
    c.fit_radius = 31;
    EXPECT_TRUE(ntm::geo::layout_labels({c}, viewport()).empty());
    c.fit_radius = 31.1;
    EXPECT_EQ(ntm::geo::layout_labels({c}, viewport()).size(), 1u);
    c.fit_radius = 0;  // no constraint
    EXPECT_EQ(ntm::geo::layout_labels({c}, viewport()).size(), 1u);
}

std::vector<LabelCandidate> random_candidates(size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> x(-50, 1970), y(-30, 1110), w(20, 160), h(10, 24);
    std::uniform_int_distribution<int> priority(0, 5);
    std::vector<LabelCandidate> c;
    for (size_t i = 0; i < n; ++i) c.push_back(label(int(i), x(rng), y(rng), w(rng), h(rng), priority(rng)));
    return c;
}

bool overlap(const Bounds& a, const Bounds& b, double pad) {
    return a.min_x < b.max_x + pad && b.min_x < a.max_x + pad && a.min_y < b.max_y + pad &&
           b.min_y < a.max_y + pad;
}

TEST(LabelLayout, NoneOverlapAcrossManyRandomCandidates) {
    const auto c = random_candidates(2000, 99);
    for (double pad : {0.0, 3.0}) {
        const auto placed = ntm::geo::layout_labels(c, viewport(1920, 1080, pad));
        EXPECT_GT(placed.size(), 150u);
        EXPECT_LT(placed.size(), 1500u);
        for (size_t i = 0; i < placed.size(); ++i) {
            const Bounds& b = placed[i].box;
            ASSERT_GE(b.min_x, 0);
            ASSERT_GE(b.min_y, 0);
            ASSERT_LE(b.max_x, 1920);
            ASSERT_LE(b.max_y, 1080);
            for (size_t j = i + 1; j < placed.size(); ++j)
                ASSERT_FALSE(overlap(b, placed[j].box, pad)) << placed[i].id << " " << placed[j].id;
        }
        // Greedy and complete: every candidate left out that was on screen conflicts with a kept
        // one of at least its priority.
        std::set<int> kept;
        for (const PlacedLabel& p : placed) kept.insert(p.id);
        for (const LabelCandidate& k : c) {
            if (kept.count(k.id)) continue;
            const Bounds b{k.anchor.x - k.width / 2, k.anchor.y - k.height / 2, k.anchor.x + k.width / 2,
                           k.anchor.y + k.height / 2};
            if (b.min_x < 0 || b.min_y < 0 || b.max_x > 1920 || b.max_y > 1080) continue;
            bool blocked = false;
            for (const PlacedLabel& p : placed)
                if (overlap(b, p.box, pad) && c[p.candidate].priority >= k.priority) blocked = true;
            ASSERT_TRUE(blocked) << k.id;
        }
    }
}

TEST(LabelLayout, DeterministicWhateverTheInputOrder) {
    auto c = random_candidates(2000, 5);
    const auto first = ntm::geo::layout_labels(c, viewport(1920, 1080, 2));
    EXPECT_EQ(ids(ntm::geo::layout_labels(c, viewport(1920, 1080, 2))), ids(first));
    std::mt19937 rng(11);
    std::shuffle(c.begin(), c.end(), rng);
    const auto shuffled = ntm::geo::layout_labels(c, viewport(1920, 1080, 2));
    EXPECT_EQ(ids(shuffled), ids(first));
}

}  // namespace
