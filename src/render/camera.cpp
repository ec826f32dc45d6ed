#include "render/camera.h"

#include <algorithm>

namespace ntm::render {

Camera Camera::fit(const geo::Bounds& bounds, int width, int height, double margin_px) {
    Camera camera;
    if (bounds.empty()) return camera;
    camera.center = bounds.center();
    const double usable_w = std::max(1.0, width - 2 * margin_px);
    const double usable_h = std::max(1.0, height - 2 * margin_px);
    const double scale = std::max(bounds.width() / usable_w, bounds.height() / usable_h);
    camera.metres_per_pixel = scale > 0 ? scale : 1.0;
    return camera;
}

geo::Vec2 Camera::world_to_screen(geo::Vec2 world, int width, int height) const {
    return {width / 2.0 + (world.x - center.x) / metres_per_pixel,
            height / 2.0 - (world.y - center.y) / metres_per_pixel};
}

geo::Vec2 Camera::screen_to_world(geo::Vec2 screen, int width, int height) const {
    return {center.x + (screen.x - width / 2.0) * metres_per_pixel,
            center.y - (screen.y - height / 2.0) * metres_per_pixel};
}

void Camera::zoom_about(geo::Vec2 screen, double factor, int width, int height) {
    if (!(factor > 0)) return;
    const geo::Vec2 anchor = screen_to_world(screen, width, height);
    metres_per_pixel /= factor;
    center = {anchor.x - (screen.x - width / 2.0) * metres_per_pixel,
              anchor.y + (screen.y - height / 2.0) * metres_per_pixel};
}

void Camera::pan(geo::Vec2 screen_delta) {
    center.x -= screen_delta.x * metres_per_pixel;
    center.y += screen_delta.y * metres_per_pixel;
}

geo::Bounds Camera::visible(int width, int height) const {
    geo::Bounds b;
    b.add(screen_to_world({0, 0}, width, height));
    b.add(screen_to_world({double(width), double(height)}, width, height));
    return b;
}

}  // namespace ntm::render
