#pragma once
// The map panel: the shaded units drawn with MapRenderer straight into the window's framebuffer
// behind the ImGui panels, with pan (drag), zoom (wheel about the cursor, +/- keys), fit (Home),
// hover tooltip, click and box selection, and labels. Geometry is uploaded once per load; a new
// date uploads only the per-unit colours, a new selection only the per-unit flags.
#include <cstdint>
#include <memory>
#include <vector>

#include "geo/geometry.h"
#include "geo/tessellate.h"
#include "render/camera.h"
#include "render/map_renderer.h"
#include "ui/app_state.h"

struct ImDrawList;

namespace ntm::ui {

class MapView {
public:
    MapView();
    ~MapView();

    // Replaces the geometry (on the GL thread, after a load finished).
    void upload(const AppState& state, const geo::MapMesh& mesh);

    // ImGui part: lays out the map area in the current window (filling its content region),
    // handles input and draws labels and overlays with ImGui. Call between NewFrame and Render.
    void draw(AppState& state, bool show_labels);

    // GL part: draws the map into the area laid out by draw(); call after ImGui::Render() and
    // before the ImGui draw data, with the window framebuffer bound. `framebuffer_scale` converts
    // ImGui coordinates to framebuffer pixels; `framebuffer_height` flips y for glViewport.
    void render(const AppState& state, float framebuffer_scale, int framebuffer_height);

    const render::Camera& camera() const { return camera_; }
    // The map area in ImGui coordinates (top-left x, y, width, height).
    float area_x() const { return x_; }
    float area_y() const { return y_; }
    float area_w() const { return w_; }
    float area_h() const { return h_; }

private:
    void sync(const AppState& state);
    void apply_view_request(AppState& state);
    void handle_input(AppState& state);
    void draw_labels(const AppState& state, ImDrawList* list);
    void draw_tooltip(const AppState& state);
    int unit_at(const AppState& state, geo::Vec2 world) const;
    void fit(const geo::Bounds& bounds);

    std::unique_ptr<render::MapRenderer> renderer_;
    render::Camera camera_;
    bool camera_valid_ = false;
    float x_ = 0, y_ = 0, w_ = 1, h_ = 1;
    uint64_t data_version_ = 0, colour_version_ = 0, flag_version_ = 0;
    std::vector<geo::Bounds> unit_bounds_;
    std::vector<geo::Vec2> anchors_;  // label anchors, world metres
    bool box_selecting_ = false;
    bool dragged_ = false;  // the current press moved the map (so its release is no click)
    geo::Vec2 box_start_{};
};

}  // namespace ntm::ui
