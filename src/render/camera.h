#pragma once
// The map's view: which world point is at the centre of the viewport and how many metres one
// pixel covers. Screen coordinates are pixels from the top-left corner of the viewport, y down;
// pixel (i, j) covers [i, i + 1) x [j, j + 1), so its centre is (i + 0.5, j + 0.5).
#include "geo/geometry.h"

namespace ntm::render {

struct Camera {
    geo::Vec2 center;               // world metres at the viewport centre
    double metres_per_pixel = 1.0;  // > 0

    // The camera that shows all of `bounds` as large as possible in a width x height viewport,
    // keeping `margin_px` pixels free on every side, centred. Empty or zero-size bounds give a
    // scale of 1 m per pixel around their centre.
    static Camera fit(const geo::Bounds& bounds, int width, int height, double margin_px = 0);

    geo::Vec2 world_to_screen(geo::Vec2 world, int width, int height) const;
    geo::Vec2 screen_to_world(geo::Vec2 screen, int width, int height) const;

    // Zooms by `factor` (> 1 zooms in) keeping the world point under `screen` where it is.
    void zoom_about(geo::Vec2 screen, double factor, int width, int height);
    // Moves the view as if the map were dragged by `screen_delta` pixels.
    void pan(geo::Vec2 screen_delta);
    // The world rectangle the viewport shows.
    geo::Bounds visible(int width, int height) const;
};

}  // namespace ntm::render
