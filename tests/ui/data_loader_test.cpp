// The background loader on a single polygon of a million vertices: the calling thread is never
// blocked (progress and stage answer at once while the load runs), progress only grows, and the
// load finishes with the unit and its coarse levels (issue 14: this used to keep the main thread
// waiting on the GLU tessellator for 86 s).
#include "ui/data_loader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <algorithm>
#include <optional>
#include <string>
#include <thread>

#include "support/test_support.h"

namespace {

std::string write_million_vertex_polygon(const std::string& dir) {
    const std::string path = dir + "/one_million.geojson";
    FILE* f = std::fopen(path.c_str(), "w");
    if (!f) return "";
    std::fputs("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
               "{\"code\":\"06184\",\"name\":\"Đồng Đăng\",\"fullName\":\"Xã Đồng Đăng\"},"
               "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[",
               f);
    constexpr int n = 1000000;
    for (int i = 0; i <= n; ++i) {  // closed ring, wavy with half-metre jitter
        const double t = 2 * M_PI * (i % n) / n;
        const double r = 0.2 + 0.003 * std::sin(7 * t) + 0.000005 * std::sin((i % n) * 2.399963);
        std::fprintf(f, "%s[%.7f,%.7f]", i ? "," : "", 106.75 + r * std::cos(t), 21.85 + r * std::sin(t));
    }
    std::fputs("]]}}]}\n", f);
    std::fclose(f);
    return path;
}

TEST(DataLoader, MillionVertexPolygonLoadsInTheBackgroundWithProgress) {
    const std::string dir = ntm::test::temp_dir("loader_million");
    const std::string path = write_million_vertex_polygon(dir);
    ASSERT_FALSE(path.empty());
    ntm::ui::DataLoader loader("");
    ASSERT_TRUE(loader.start(path));
    EXPECT_FALSE(loader.start(path));  // one load at a time
    const auto t0 = std::chrono::steady_clock::now();
    double last = 0, slowest_poll = 0;
    int polls = 0;
    while (loader.busy()) {
        const auto p0 = std::chrono::steady_clock::now();
        const double progress = loader.progress();
        const std::string stage = loader.stage();
        slowest_poll = std::max(slowest_poll, std::chrono::duration<double>(std::chrono::steady_clock::now() - p0).count());
        EXPECT_GE(progress, last);
        EXPECT_LE(progress, 1.0);
        EXPECT_FALSE(stage.empty());
        last = progress;
        ++polls;
        ASSERT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 120.0)
            << "the load did not finish in two minutes (at " << progress << ", " << stage << ")";
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    // A frame's worth at most: the UI thread only reads an atomic and a short string.
    EXPECT_LT(slowest_poll, 0.01);
    EXPECT_GT(polls, 1);
    EXPECT_DOUBLE_EQ(loader.progress(), 1.0);
    std::optional<ntm::ui::LoadResult> result = loader.take_result();
    ASSERT_TRUE(result.has_value());
    ASSERT_TRUE(result->data) << result->error;
    ASSERT_EQ(result->data->dataset.units.size(), 1u);
    EXPECT_EQ(result->data->dataset.units[0].code, "06184");
    EXPECT_GE(result->data->geometry.shapes[0].vertex_count(), 999000u);
    EXPECT_FALSE(result->levels.plan.empty());
    ASSERT_FALSE(result->levels.batches.empty());
    EXPECT_GT(result->levels.batches.front().mesh.triangle_count(), 0u);
    EXPECT_FALSE(loader.take_result().has_value());  // given once
}

}  // namespace
