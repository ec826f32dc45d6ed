#pragma once
// The map panel: the shaded units drawn with MapRenderer straight into the window's framebuffer
// behind the ImGui panels, with pan (drag), zoom (wheel about the cursor, +/- keys), fit (Home),
// hover tooltip, click and box selection, and labels. Geometry is uploaded once per load and
// refined level by level in the background as the view needs; a new date uploads only the
// per-unit colours, a new selection only the per-unit flags.
#include <cstdint>
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "geo/label_placement.h"
#include "geo/simplify.h"
#include "render/camera.h"
#include "render/decorations.h"
#include "render/map_labels.h"
#include "render/map_renderer.h"
#include "ui/app_state.h"

struct ImDrawList;
struct ImFont;

namespace ntm::ui {

// The fill per unit for the state: band colours on the date, muted where the planner filter
// leaves a unit out.
std::vector<Rgb> map_unit_colours(const AppState& state);
// The renderer's per-unit flags for the state: hatching for units the criteria do not apply to,
// highlight (hover, legend band, planner tools), selection.
std::vector<uint8_t> map_unit_flags(const AppState& state);

class MapView {
public:
    MapView();
    ~MapView();

    // Replaces the geometry with the loaded data's, with its prepared coarse levels (on the GL
    // thread, after a load finished).
    void upload(const AppState& state, geo::MapLevels levels);

    // Fonts for labels (district names in `bold`); the ImGui default font when not set.
    void set_fonts(ImFont* regular, ImFont* bold) {
        font_ = regular;
        bold_font_ = bold;
    }

    // ImGui part: lays out the map area in the current window (filling its content region),
    // handles input (unless `interactive` is false) and draws labels and overlays with ImGui.
    // Call between NewFrame and Render.
    void draw(AppState& state, bool show_labels, bool interactive = true);

    // GL part: draws the map into the area laid out by draw(); call after ImGui::Render() and
    // before the ImGui draw data, with the window framebuffer bound. `framebuffer_scale` converts
    // ImGui coordinates to framebuffer pixels; `framebuffer_height` flips y for glViewport.
    void render(const AppState& state, float framebuffer_scale, int framebuffer_height);

    // Sends every unit's colour again on the next render (after a palette change).
    void invalidate_colours() { colours_stale_ = true; }
    // Screen boxes (ImGui coordinates) drawn over the map that no name may touch: the briefing's
    // title, cards and legend. Names are placed again when they change.
    void set_label_keep_clear(std::vector<geo::Bounds> boxes) {
        if (boxes.size() != label_keep_clear_.size() ||
            !std::equal(boxes.begin(), boxes.end(), label_keep_clear_.begin(), [](const geo::Bounds& a, const geo::Bounds& b) {
                return a.min_x == b.min_x && a.min_y == b.min_y && a.max_x == b.max_x && a.max_y == b.max_y;
            })) {
            label_keep_clear_ = std::move(boxes);
            labels_.camera.metres_per_pixel = -1;  // place again
        }
    }

    // More frames are needed: finer geometry is being prepared or the view is gliding.
    bool busy() const;

    const render::Camera& camera() const { return camera_; }
    // The world rectangle shown.
    geo::Bounds visible() const { return camera_.visible(static_cast<int>(w_), static_cast<int>(h_)); }
    // The map area in ImGui coordinates (top-left x, y, width, height).
    float area_x() const { return x_; }
    float area_y() const { return y_; }
    float area_w() const { return w_; }
    float area_h() const { return h_; }
    const render::MapRenderer* renderer() const { return renderer_.get(); }

private:
    void sync(const AppState& state);
    void sync_district_outlines(const AppState& state);
    void apply_view_request(AppState& state);
    void handle_input(AppState& state);
    void draw_labels(const AppState& state, ImDrawList* list);
    void draw_tooltip(const AppState& state);
    render::Camera fitted(const geo::Bounds& bounds) const;
    geo::Bounds overview_bounds(const AppState& state) const;  // the mainland when islands are inset
    render::PixelRect inset_rect() const;
    void step_glide();

    std::unique_ptr<render::MapRenderer> renderer_;
    render::Camera camera_;
    bool camera_valid_ = false;
    float x_ = 0, y_ = 0, w_ = 1, h_ = 1;
    uint64_t data_version_ = 0, colour_version_ = 0, flag_version_ = 0;
    int outlines_version_ = -1;  // boundary version whose district outlines the renderer has
    bool colours_stale_ = false;
    bool box_selecting_ = false;
    bool dragged_ = false;  // the current press moved the map (so its release is no click)
    geo::Vec2 box_start_{};
    // A glide from one camera to another (briefing transitions).
    render::Camera glide_from_, glide_to_;
    double glide_t_ = 1, glide_seconds_ = 0;
    double typical_unit_m_ = 0;  // median unit size (sqrt of bounds area), for outline fading
    ImFont* font_ = nullptr;
    ImFont* bold_font_ = nullptr;
    // Outlying units shown in an inset (geo::outlying_units), and the flags of both views.
    std::vector<int> islands_;
    geo::Bounds island_bounds_, mainland_bounds_;
    std::vector<uint8_t> main_flags_, inset_flags_;
    // The names on the map and where they were last placed (see draw_labels).
    struct Labels {
        std::unique_ptr<geo::LabelPlacer> placer;
        uint64_t data_version = 0;
        int version = -1;
        bool groups = false;
        float px = 0;
        std::vector<render::MapLabel> names;
        render::MeasuredLabels measured;
        std::vector<render::DrawnLabel> drawn;
        render::Camera camera;
        float w = 0, h = 0, x = 0, y = 0;
    };
    Labels labels_;
    std::vector<geo::Bounds> label_keep_clear_;
};

}  // namespace ntm::ui
