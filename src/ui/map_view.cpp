#include "ui/map_view.h"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/map_colours.h"

namespace ntm::ui {
namespace {

constexpr double kWheelZoom = 1.25;  // per wheel notch
constexpr double kKeyZoom = 1.5;     // per +/- key press
constexpr float kKeyPanPx = 80;      // per shift+arrow press

ImU32 imgui_colour(Rgb c, int alpha = 255) { return IM_COL32(c.r, c.g, c.b, alpha); }

}  // namespace

MapView::MapView() = default;
MapView::~MapView() = default;

void MapView::upload(const AppState& state, const geo::MapMesh& mesh) {
    if (!renderer_) renderer_ = std::make_unique<render::MapRenderer>();
    renderer_->upload(mesh);
    const auto& shapes = state.geometry().shapes;
    unit_bounds_.clear();
    for (const auto& s : shapes) unit_bounds_.push_back(s.bounds());
    data_version_ = state.data_version();
    colour_version_ = flag_version_ = 0;  // force both tables on the next render
    camera_valid_ = false;
}

void MapView::fit(const geo::Bounds& bounds) {
    if (bounds.empty()) return;
    const double margin = std::min(w_, h_) * 0.04;
    camera_ = render::Camera::fit(bounds, static_cast<int>(w_), static_cast<int>(h_), margin);
    camera_valid_ = true;
}

int MapView::unit_at(const AppState& state, geo::Vec2 p) const {
    const auto& shapes = state.geometry().shapes;
    for (size_t u = 0; u < unit_bounds_.size() && u < shapes.size(); ++u) {
        const geo::Bounds& b = unit_bounds_[u];
        if (p.x < b.min_x || p.x > b.max_x || p.y < b.min_y || p.y > b.max_y) continue;
        if (geo::contains(shapes[u], p)) return static_cast<int>(u);
    }
    return -1;
}

void MapView::apply_view_request(AppState& state) {
    auto request = state.take_view_request();
    if (!request) {
        if (!camera_valid_) fit(state.geometry().bounds());
        return;
    }
    switch (request->kind) {
    case ViewRequest::Kind::Fit: fit(state.geometry().bounds()); break;
    case ViewRequest::Kind::Unit: fit(state.bounds_of_units({request->unit})); break;
    case ViewRequest::Kind::District:
        fit(state.bounds_of_units(state.units_of_district(request->district_code)));
        break;
    case ViewRequest::Kind::Bounds: fit(request->bounds); break;
    }
}

void MapView::draw(AppState& state, bool show_labels) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const bool resized = std::abs(avail.x - w_) > 0.5f || std::abs(avail.y - h_) > 0.5f;
    x_ = pos.x;
    y_ = pos.y;
    w_ = std::max(avail.x, 1.0f);
    h_ = std::max(avail.y, 1.0f);
    if (!state.has_data()) {
        ImGui::Dummy(avail);
        return;
    }
    if (resized && camera_valid_) {
        // Keep the centre and scale; the view just shows more or less around it.
    }
    apply_view_request(state);
    ImGui::InvisibleButton("##map", ImVec2(w_, h_),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    handle_input(state);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->PushClipRect(ImVec2(x_, y_), ImVec2(x_ + w_, y_ + h_), true);
    if (show_labels) draw_labels(state, list);
    if (box_selecting_) {
        const ImVec2 m = ImGui::GetIO().MousePos;
        const ImVec2 a(static_cast<float>(box_start_.x) + x_, static_cast<float>(box_start_.y) + y_);
        list->AddRectFilled(a, m, imgui_colour(selection_colour(), 40));
        list->AddRect(a, m, imgui_colour(selection_colour()), 0, 0, 1.5f);
    }
    list->PopClipRect();
    draw_tooltip(state);
}

void MapView::handle_input(AppState& state) {
    ImGuiIO& io = ImGui::GetIO();
    const bool hovered = ImGui::IsItemHovered();
    const int w = static_cast<int>(w_), h = static_cast<int>(h_);
    const geo::Vec2 mouse{io.MousePos.x - x_, io.MousePos.y - y_};

    if (hovered && io.MouseWheel != 0)
        camera_.zoom_about(mouse, std::pow(kWheelZoom, io.MouseWheel), w, h);

    // Left drag pans; shift+left drag draws a selection box; a click without a drag selects.
    if (ImGui::IsItemActivated()) dragged_ = false;
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f)) {
        dragged_ = true;
        if (io.KeyShift && !box_selecting_) {
            box_selecting_ = true;
            box_start_ = {io.MouseClickedPos[0].x - x_, io.MouseClickedPos[0].y - y_};
        }
        if (!box_selecting_) camera_.pan({io.MouseDelta.x, io.MouseDelta.y});
    }
    if (ImGui::IsItemDeactivated() && box_selecting_) {
        box_selecting_ = false;
        const geo::Vec2 a = camera_.screen_to_world(box_start_, w, h);
        const geo::Vec2 b = camera_.screen_to_world(mouse, w, h);
        geo::Bounds box;
        box.add(a);
        box.add(b);
        std::vector<int> inside;
        for (size_t u = 0; u < unit_bounds_.size(); ++u) {
            const geo::Bounds& ub = unit_bounds_[u];
            if (ub.min_x >= box.min_x && ub.max_x <= box.max_x && ub.min_y >= box.min_y &&
                ub.max_y <= box.max_y)
                inside.push_back(static_cast<int>(u));
        }
        state.select_units(inside, io.KeyCtrl);
    } else if (ImGui::IsItemDeactivated() && !dragged_) {
        const int unit = unit_at(state, camera_.screen_to_world(mouse, w, h));
        state.select_unit(unit, io.KeyCtrl || io.KeyShift);
    }

    state.set_hovered_unit(hovered && !ImGui::IsItemActive()
                               ? unit_at(state, camera_.screen_to_world(mouse, w, h))
                               : -1);

    // Keys act on the map unless a text field has the keyboard.
    if (!io.WantTextInput) {
        const geo::Vec2 centre{w_ / 2.0, h_ / 2.0};
        if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD))
            camera_.zoom_about(centre, kKeyZoom, w, h);
        if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT))
            camera_.zoom_about(centre, 1 / kKeyZoom, w, h);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home))) fit(state.geometry().bounds());
        if (io.KeyShift) {
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) camera_.pan({kKeyPanPx, 0});
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) camera_.pan({-kKeyPanPx, 0});
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) camera_.pan({0, kKeyPanPx});
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) camera_.pan({0, -kKeyPanPx});
        }
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) state.clear_selection();
    }
}

void MapView::draw_labels(const AppState&, ImDrawList*) {}

void MapView::draw_tooltip(const AppState& state) {
    const int u = state.hovered_unit();
    if (u < 0 || u >= static_cast<int>(state.dataset().units.size())) return;
    const Dataset& ds = state.dataset();
    const Unit& unit = ds.units[u];
    const auto& states = state.states();
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(unit.full_name().c_str());
    ImGui::TextDisabled("%s · %s", unit.code.c_str(),
                        current_lang() == Lang::Vi ? kind_name_vi(unit.kind) : kind_name_en(unit.kind));
    if (!unit.district_name.empty())
        ImGui::Text("%s: %s", tr("Huyện", "District"), unit.district_name.c_str());
    if (!unit.assessed()) {
        ImGui::TextUnformatted(tr("Bộ tiêu chí xã không áp dụng", "Commune criteria do not apply"));
    } else if (u < static_cast<int>(states.size()) && states[u].has_data) {
        const UnitState& s = states[u];
        ImGui::Text("%s: %d/%d", tr("Tiêu chí đạt", "Criteria met"), s.count, ds.criteria.size());
        if (s.band >= 0)
            ImGui::Text("%s: %s", tr("Nhóm", "Band"), ds.criteria.bands[s.band].label.c_str());
        if (s.level != Level::None)
            ImGui::Text("%s: %s", tr("Mức", "Level"),
                        current_lang() == Lang::Vi ? level_name_vi(s.level) : level_name_en(s.level));
    } else {
        ImGui::TextUnformatted(tr("Chưa có dữ liệu", "No data"));
    }
    ImGui::EndTooltip();
}

void MapView::sync(const AppState& state) {
    if (!renderer_ || state.data_version() != data_version_) return;
    if (state.colour_version() != colour_version_ || state.flag_version() != flag_version_) {
        const UnitPaint paint = paint_units(state.dataset(), state.states());
        if (state.colour_version() != colour_version_) renderer_->set_unit_colours(paint.fill);
        std::vector<uint8_t> flags(paint.not_applicable.size(), 0);
        const std::vector<uint8_t> highlight = state.highlight_mask();
        for (size_t u = 0; u < flags.size(); ++u) {
            if (paint.not_applicable[u]) flags[u] |= render::kUnitHatched;
            if (highlight[u]) flags[u] |= render::kUnitHighlight;
        }
        for (int u : state.selection())
            if (u < static_cast<int>(flags.size())) flags[u] |= render::kUnitSelected;
        renderer_->set_unit_flags(flags);
        colour_version_ = state.colour_version();
        flag_version_ = state.flag_version();
    }
}

void MapView::render(const AppState& state, float scale, int framebuffer_height) {
    if (!renderer_ || !state.has_data() || state.data_version() != data_version_) return;
    sync(state);
    const int px = static_cast<int>(std::lround(x_ * scale));
    const int pw = static_cast<int>(std::lround(w_ * scale));
    const int ph = static_cast<int>(std::lround(h_ * scale));
    const int py = framebuffer_height - static_cast<int>(std::lround((y_ + h_) * scale));
    if (pw <= 0 || ph <= 0) return;
    glViewport(px, py, pw, ph);
    render::Camera cam = camera_;
    cam.metres_per_pixel /= scale;  // the camera is kept in ImGui units
    renderer_->draw(cam, pw, ph);
}

}  // namespace ntm::ui
