#include "render/camera.h"

#include <gtest/gtest.h>

namespace {

using ntm::geo::Bounds;
using ntm::geo::Vec2;
using ntm::render::Camera;

Bounds box(double x0, double y0, double x1, double y1) {
    Bounds b;
    b.add(Vec2{x0, y0});
    b.add(Vec2{x1, y1});
    return b;
}

TEST(Camera, FitCentresAndUsesTheLimitingSide) {
    // 3000 x 1000 m into 400 x 300 px with 10 px margins: width limits, 3000 / 380 m per px.
    const Camera c = Camera::fit(box(450000, 2400000, 453000, 2401000), 400, 300, 10);
    EXPECT_DOUBLE_EQ(c.center.x, 451500);
    EXPECT_DOUBLE_EQ(c.center.y, 2400500);
    EXPECT_DOUBLE_EQ(c.metres_per_pixel, 3000.0 / 380);
    const Vec2 left = c.world_to_screen({450000, 2400500}, 400, 300);
    EXPECT_NEAR(left.x, 10, 1e-9);
    EXPECT_NEAR(left.y, 150, 1e-9);
    // A tall box: height limits.
    const Camera t = Camera::fit(box(0, 0, 100, 1000), 400, 300, 0);
    EXPECT_DOUBLE_EQ(t.metres_per_pixel, 1000.0 / 300);
}

TEST(Camera, FitDegenerateBounds) {
    EXPECT_DOUBLE_EQ(Camera::fit(Bounds{}, 100, 100).metres_per_pixel, 1.0);
    const Camera p = Camera::fit(box(5, 7, 5, 7), 100, 100);
    EXPECT_DOUBLE_EQ(p.metres_per_pixel, 1.0);
    EXPECT_DOUBLE_EQ(p.center.x, 5);
}

TEST(Camera, ScreenIsYDownAndRoundTrips) {
    Camera c;
    c.center = {451000, 2401000};
    c.metres_per_pixel = 2.5;
    const Vec2 top_left = c.world_to_screen({451000 - 500, 2401000 + 375}, 400, 300);
    EXPECT_NEAR(top_left.x, 0, 1e-9);
    EXPECT_NEAR(top_left.y, 0, 1e-9);
    const Vec2 w = c.screen_to_world({123.25, 77.5}, 400, 300);
    const Vec2 s = c.world_to_screen(w, 400, 300);
    EXPECT_NEAR(s.x, 123.25, 1e-9);
    EXPECT_NEAR(s.y, 77.5, 1e-9);
    const Bounds v = c.visible(400, 300);
    EXPECT_NEAR(v.width(), 1000, 1e-9);
    EXPECT_NEAR(v.height(), 750, 1e-9);
}

TEST(Camera, ZoomAboutKeepsThePointUnderTheCursor) {
    Camera c;
    c.center = {451000, 2401000};
    c.metres_per_pixel = 10;
    const Vec2 cursor{300, 40};
    const Vec2 before = c.screen_to_world(cursor, 400, 300);
    c.zoom_about(cursor, 4, 400, 300);
    EXPECT_DOUBLE_EQ(c.metres_per_pixel, 2.5);
    const Vec2 after = c.screen_to_world(cursor, 400, 300);
    EXPECT_NEAR(after.x, before.x, 1e-6);
    EXPECT_NEAR(after.y, before.y, 1e-6);
    c.zoom_about(cursor, 0.25, 400, 300);
    EXPECT_NEAR(c.center.x, 451000, 1e-6);
    EXPECT_NEAR(c.center.y, 2401000, 1e-6);
}

TEST(Camera, PanMovesWithTheDrag) {
    Camera c;
    c.center = {0, 0};
    c.metres_per_pixel = 2;
    const Vec2 grabbed = c.screen_to_world({100, 100}, 400, 300);
    c.pan({30, -20});  // drag right and up
    const Vec2 now = c.world_to_screen(grabbed, 400, 300);
    EXPECT_NEAR(now.x, 130, 1e-9);
    EXPECT_NEAR(now.y, 80, 1e-9);
}

}  // namespace
