#include "ui/map_view.h"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "core/map_colours.h"
#include "geo/district_outlines.h"
#include "geo/outlying_units.h"
#include "geo/label_placement.h"
#include "render/map_labels.h"

namespace ntm::ui {
namespace {

constexpr double kWheelZoom = 1.25;  // per wheel notch
constexpr double kKeyZoom = 1.5;     // per +/- key press
constexpr float kKeyPanPx = 80;      // per shift+arrow press

ImU32 imgui_colour(Rgb c, int alpha = 255) { return IM_COL32(c.r, c.g, c.b, alpha); }

}  // namespace

MapView::MapView() = default;
MapView::~MapView() = default;

void MapView::upload(const AppState& state, geo::MapLevels levels) {
    if (!renderer_) {
        renderer_ = std::make_unique<render::MapRenderer>();
        render::MapLodSettings lod;
        lod.preparation = render::Preparation::Background;  // never tessellate on the UI thread
        // On screen a vertex may move up to 1.4 px (half a 2-px cell's diagonal): half the
        // triangles of a 1-px level, and on llvmpipe the vertex work is on this thread.
        // Exports keep 1 px.
        lod.pixel_tolerance = 2.0;
        renderer_->set_lod_settings(lod);
    }
    renderer_->upload(state.shared_geometry(), std::move(levels), 2);
    // Units far out at sea (Hoàng Sa, Trường Sa on the national map) are drawn in an inset, as
    // the exports do, so the overview shows the mainland large.
    islands_ = geo::outlying_units(state.geometry(), &state.in_force_mask());
    island_bounds_ = mainland_bounds_ = geo::Bounds{};
    std::vector<uint8_t> is_island(state.geometry().shapes.size(), 0);
    for (int u : islands_) {
        is_island[u] = 1;
        island_bounds_.add(state.geometry().shapes[u].bounds());
    }
    if (!islands_.empty())
        for (size_t u = 0; u < is_island.size(); ++u)
            if (!is_island[u] && u < state.in_force_mask().size() && state.in_force_mask()[u])
                mainland_bounds_.add(state.geometry().shapes[u].bounds());
    outlines_version_ = -1;
    sync_district_outlines(state);
    std::vector<double> sizes;
    for (const auto& shape : state.geometry().shapes) {
        const geo::Bounds b = shape.bounds();
        if (!b.empty()) sizes.push_back(std::sqrt(b.width() * b.height()));
    }
    std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
    typical_unit_m_ = sizes.empty() ? 0 : sizes[sizes.size() / 2];
    data_version_ = state.data_version();
    colour_version_ = flag_version_ = 0;  // force both tables on the next render
    camera_valid_ = false;
}

geo::Bounds MapView::overview_bounds(const AppState& state) const {
    return islands_.empty() || mainland_bounds_.empty() ? state.geometry().bounds() : mainland_bounds_;
}

// The inset's rectangle in ImGui coordinates (bottom-right of the map), or empty when there are
// no islands or the view is zoomed in well past the overview.
render::PixelRect MapView::inset_rect() const {
    if (islands_.empty() || island_bounds_.empty() || mainland_bounds_.empty()) return {};
    if (camera_.metres_per_pixel < 0.5 * fitted(mainland_bounds_).metres_per_pixel) return {};
    const float margin = 12;
    const double aspect = std::clamp(island_bounds_.width() / std::max(island_bounds_.height(), 1.0), 0.2, 5.0);
    float h = h_ * 0.38f, w = static_cast<float>(h * aspect);
    if (w > w_ * 0.28f) {
        w = w_ * 0.28f;
        h = static_cast<float>(w / aspect);
    }
    return {std::round(x_ + w_ - w - margin), std::round(y_ + h_ - h - margin), std::round(w), std::round(h)};
}

bool MapView::busy() const { return glide_t_ < 1 || (renderer_ && renderer_->preparing()); }

render::Camera MapView::fitted(const geo::Bounds& bounds) const {
    const double margin = std::min(w_, h_) * 0.04;
    return render::Camera::fit(bounds, static_cast<int>(w_), static_cast<int>(h_), margin);
}

void MapView::step_glide() {
    if (glide_t_ >= 1) return;
    glide_t_ = std::min(1.0, glide_t_ + ImGui::GetIO().DeltaTime / std::max(glide_seconds_, 1e-3));
    const double t = glide_t_ * glide_t_ * (3 - 2 * glide_t_);  // ease in and out
    camera_.center = {glide_from_.center.x + (glide_to_.center.x - glide_from_.center.x) * t,
                      glide_from_.center.y + (glide_to_.center.y - glide_from_.center.y) * t};
    // Scale changes geometrically, so zooming feels even.
    camera_.metres_per_pixel =
        glide_from_.metres_per_pixel * std::pow(glide_to_.metres_per_pixel / glide_from_.metres_per_pixel, t);
}

void MapView::apply_view_request(AppState& state) {
    auto request = state.take_view_request();
    if (!request) {
        if (!camera_valid_) {
            camera_ = fitted(overview_bounds(state));
            camera_valid_ = true;
        }
        return;
    }
    geo::Bounds target;
    switch (request->kind) {
    case ViewRequest::Kind::Fit: target = overview_bounds(state); break;
    case ViewRequest::Kind::Unit: target = state.bounds_of_units({request->unit}); break;
    case ViewRequest::Kind::District:
        target = state.bounds_of_units(state.units_of_district(request->district_code));
        break;
    case ViewRequest::Kind::Bounds: target = request->bounds; break;
    }
    if (target.empty()) return;
    if (request->seconds > 0 && camera_valid_) {
        glide_from_ = camera_;
        glide_to_ = fitted(target);
        glide_t_ = 0;
        glide_seconds_ = request->seconds;
    } else {
        camera_ = fitted(target);
        glide_t_ = 1;
    }
    camera_valid_ = true;
}

void MapView::draw(AppState& state, bool show_labels, bool interactive) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    x_ = pos.x;
    y_ = pos.y;
    w_ = std::max(avail.x, 1.0f);
    h_ = std::max(avail.y, 1.0f);
    if (!state.has_data() || state.data_version() != data_version_) {
        ImGui::Dummy(avail);
        return;
    }
    apply_view_request(state);
    step_glide();
    ImGui::InvisibleButton("##map", ImVec2(w_, h_),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    if (interactive) handle_input(state);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->PushClipRect(ImVec2(x_, y_), ImVec2(x_ + w_, y_ + h_), true);
    if (show_labels) draw_labels(state, list);
    if (const render::PixelRect r = inset_rect(); !r.empty()) {
        list->AddRect(ImVec2(r.x - 1, r.y - 1), ImVec2(r.right() + 1, r.bottom() + 1), IM_COL32(90, 90, 90, 255), 0, 0, 1.5f);
    }
    if (box_selecting_) {
        const ImVec2 m = ImGui::GetIO().MousePos;
        const ImVec2 a(static_cast<float>(box_start_.x) + x_, static_cast<float>(box_start_.y) + y_);
        list->AddRectFilled(a, m, imgui_colour(selection_colour(), 40));
        list->AddRect(a, m, imgui_colour(selection_colour()), 0, 0, 1.5f);
    }
    list->PopClipRect();
    if (interactive) draw_tooltip(state);
}

void MapView::handle_input(AppState& state) {
    ImGuiIO& io = ImGui::GetIO();
    const bool hovered = ImGui::IsItemHovered();
    const int w = static_cast<int>(w_), h = static_cast<int>(h_);
    const geo::Vec2 mouse{io.MousePos.x - x_, io.MousePos.y - y_};

    if (hovered && (io.MouseWheel != 0 || ImGui::IsItemActive())) glide_t_ = 1;  // the user takes over
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
        // Units the box touches (exactly, on their polygons), as GIS tools select.
        state.select_units(state.data()->picking.units_in_box(box, false, &state.in_force_mask()), io.KeyCtrl);
    } else if (ImGui::IsItemDeactivated() && !dragged_) {
        const int unit = state.unit_at(camera_.screen_to_world(mouse, w, h));
        state.select_unit(unit, io.KeyCtrl || io.KeyShift);
    }

    state.set_hovered_unit(hovered && !ImGui::IsItemActive()
                               ? state.unit_at(camera_.screen_to_world(mouse, w, h))
                               : -1);

    // Keys act on the map unless a text field has the keyboard.
    if (!io.WantTextInput) {
        const geo::Vec2 centre{w_ / 2.0, h_ / 2.0};
        if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD))
            camera_.zoom_about(centre, kKeyZoom, w, h);
        if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT))
            camera_.zoom_about(centre, 1 / kKeyZoom, w, h);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home))) camera_ = fitted(overview_bounds(state));
        if (io.KeyShift) {
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) camera_.pan({kKeyPanPx, 0});
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) camera_.pan({-kKeyPanPx, 0});
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) camera_.pan({0, kKeyPanPx});
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) camera_.pan({0, -kKeyPanPx});
        }
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) state.clear_selection();
    }
}

void MapView::draw_labels(const AppState& state, ImDrawList* list) {
    const LoadedData* data = state.data();
    if (!data || data->unit_anchors.size() != state.dataset().units.size()) return;
    ImFont* font = font_ ? font_ : ImGui::GetFont();
    ImFont* bold = bold_font_ ? bold_font_ : font;
    const int w = static_cast<int>(w_), h = static_cast<int>(h_);
    const geo::Bounds view = camera_.visible(w, h);
    auto on_screen = [&](geo::Vec2 p) {
        return p.x >= view.min_x && p.x <= view.max_x && p.y >= view.min_y && p.y <= view.max_y;
    };
    // District names only at overview: while several districts' anchors are in view.
    size_t districts_in_view = 0;
    const int version = state.version();
    for (const DistrictLabel& d : data->district_labels)
        districts_in_view += d.version == version && on_screen(d.anchor.point);
    const bool groups = districts_in_view >= 3;
    const float px = ImGui::GetFontSize();

    // The exports' placement (render/map_labels.h), redone only when the view, the date's
    // boundary version or the font changes.
    Labels& L = labels_;
    if (!L.placer || L.data_version != data_version_) {
        L = Labels{};
        L.placer = std::make_unique<geo::LabelPlacer>(data->geometry, data->unit_anchors, data->picking);
        L.data_version = data_version_;
    }
    if (L.names.empty() || L.version != version || L.groups != groups || L.px != px) {
        render::MapLabelRequest request;
        request.date = state.date();
        request.groups = groups;
        request.unit_px = px * 0.8f;
        request.group_px = px * 1.05f;
        request.province_px = px * 0.9f;
        L.names = render::map_label_names(state.dataset(), request);
        L.measured = render::measure_map_labels(L.names, font, bold);
        L.version = version;
        L.groups = groups;
        L.px = px;
        L.camera.metres_per_pixel = -1;  // place again
    }
    if (L.camera.center.x != camera_.center.x || L.camera.center.y != camera_.center.y ||
        L.camera.metres_per_pixel != camera_.metres_per_pixel || L.w != w_ || L.h != h_ || L.x != x_ || L.y != y_) {
        geo::PlacementOptions options;
        options.padding = 3;
        std::vector<uint8_t> eligible = state.in_force_mask();
        for (int u : islands_)
            if (u < static_cast<int>(eligible.size())) eligible[u] = 0;  // drawn in the inset
        options.eligible = &eligible;
        if (const render::PixelRect r = inset_rect(); !r.empty())
            options.keep_clear.push_back({r.x - x_ - 4.0, r.y - y_ - 4.0, r.right() - x_ + 4.0, r.bottom() - y_ + 4.0});
        for (const geo::Bounds& b : label_keep_clear_)
            options.keep_clear.push_back({b.min_x - x_, b.min_y - y_, b.max_x - x_, b.max_y - y_});
        const geo::ScreenFrame frame{camera_.center, camera_.metres_per_pixel, w_, h_};
        L.drawn = render::place_measured_labels(*L.placer, L.names, L.measured, frame, options);
        L.camera = camera_;
        L.w = w_;
        L.h = h_;
        L.x = x_;
        L.y = y_;
    }
    render::draw_map_labels(list, font, bold, L.names, L.drawn, 1.2f, x_, y_);
}

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
    if (!unit.district_name.empty()) ImGui::TextUnformatted(unit.district_name.c_str());  // "Huyện Lộc Bình"
    if (!unit.assessed()) {
        ImGui::TextUnformatted(tr("Bộ tiêu chí xã không áp dụng", "Commune criteria do not apply"));
    } else if (u < static_cast<int>(states.size()) && states[u].has_data) {
        const UnitState& s = states[u];
        const CriteriaSet& set = ds.criteria_set(s.criteria_set);
        ImGui::Text("%s: %d/%d", tr("Tiêu chí đạt", "Criteria met"), s.count, set.size());
        if (s.band >= 0)
            ImGui::Text("%s: %s", tr("Khoảng tiêu chí", "Band"), set.bands[s.band].label.c_str());
        if (s.level != Level::None)
            ImGui::Text("%s: %s", tr("Mức", "Level"),
                        current_lang() == Lang::Vi ? level_name_vi(s.level) : level_name_en(s.level));
    } else {
        ImGui::TextUnformatted(tr("Chưa có dữ liệu", "No data"));
    }
    ImGui::EndTooltip();
}

std::vector<Rgb> map_unit_colours(const AppState& state) {
    std::vector<Rgb> fill = paint_units(state.dataset(), state.states(), state.date()).fill;
    const std::vector<uint8_t>& pass = state.filter_mask();
    for (size_t u = 0; u < fill.size() && u < pass.size(); ++u) {
        if (pass[u]) continue;
        // Three quarters of the way to white: still readable as context, clearly out.
        fill[u] = {uint8_t(fill[u].r + (255 - fill[u].r) * 3 / 4), uint8_t(fill[u].g + (255 - fill[u].g) * 3 / 4),
                   uint8_t(fill[u].b + (255 - fill[u].b) * 3 / 4)};
    }
    return fill;
}

std::vector<uint8_t> map_unit_flags(const AppState& state) {
    const UnitPaint paint = paint_units(state.dataset(), state.states(), state.date());
    std::vector<uint8_t> flags(paint.not_applicable.size(), 0);
    const std::vector<uint8_t> highlight = state.highlight_mask();
    for (size_t u = 0; u < flags.size(); ++u) {
        // Units of another boundary version: the date's version is drawn, without new geometry.
        if (paint.hidden[u]) flags[u] |= render::kUnitHidden;
        if (paint.not_applicable[u]) flags[u] |= render::kUnitHatched;
        if (highlight[u]) flags[u] |= render::kUnitHighlight;
    }
    for (int u : state.selection())
        if (u < static_cast<int>(flags.size())) flags[u] |= render::kUnitSelected;
    return flags;
}

// District outlines of the boundary version in force: none after July 2025 (no districts), the
// old districts before. Only the groups change; the geometry stays uploaded.
void MapView::sync_district_outlines(const AppState& state) {
    const int version = state.version();
    if (version == outlines_version_) return;
    outlines_version_ = version;
    if (state.data() && !state.data()->district_rings.empty()) {
        renderer_->set_district_outlines(state.data()->district_rings, true);
        return;
    }
    std::vector<std::string> groups = state.data() ? state.data()->district_groups : std::vector<std::string>{};
    const auto& mask = state.in_force_mask();
    // Units of another boundary version are in no group, so their edges draw no outline.
    for (size_t u = 0; u < groups.size() && u < mask.size(); ++u)
        if (!mask[u]) groups[u] = geo::kNoGroup;
    for (int u : islands_)  // drawn in the inset, without province lines on the main map
        if (u < static_cast<int>(groups.size())) groups[u] = geo::kNoGroup;
    renderer_->set_district_groups(groups);
}

void MapView::sync(const AppState& state) {
    if (!renderer_ || state.data_version() != data_version_) return;
    sync_district_outlines(state);
    if (state.colour_version() != colour_version_ || colours_stale_)
        renderer_->set_unit_colours(map_unit_colours(state));
    colours_stale_ = false;
    if (state.colour_version() != colour_version_ || state.flag_version() != flag_version_) {
        main_flags_ = map_unit_flags(state);
        if (!islands_.empty()) {
            inset_flags_ = main_flags_;
            for (uint8_t& f : inset_flags_) f |= render::kUnitHidden;
            for (int u : islands_) {
                main_flags_[u] |= render::kUnitHidden;
                inset_flags_[u] = static_cast<uint8_t>(inset_flags_[u] & ~render::kUnitHidden);
            }
        }
        renderer_->set_unit_flags(main_flags_);
    }
    colour_version_ = state.colour_version();
    flag_version_ = state.flag_version();
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
    // Commune outlines only once communes are big enough on screen not to turn the map grey.
    const bool outlines = typical_unit_m_ / camera_.metres_per_pixel >= 6;
    if (renderer_->style().draw_outlines != outlines || renderer_->style().pixel_scale != scale) {
        render::MapStyle style = renderer_->style();
        style.draw_outlines = outlines;
        style.pixel_scale = scale;
        renderer_->set_style(style);
    }
    renderer_->draw(cam, pw, ph);
    if (const render::PixelRect r = inset_rect(); !r.empty() && !inset_flags_.empty()) {
        // The islands alone in the inset: their own outlines, no province lines.
        const int ix = static_cast<int>(std::lround(r.x * scale)), iw = static_cast<int>(std::lround(r.w * scale));
        const int ih = static_cast<int>(std::lround(r.h * scale));
        const int iy = framebuffer_height - static_cast<int>(std::lround(r.bottom() * scale));
        const render::Camera inset = render::Camera::fit(island_bounds_, iw, ih, 6 * scale);
        const render::MapStyle main_style = renderer_->style();
        render::MapStyle style = main_style;
        style.draw_outlines = true;
        style.district_width_px = 0;
        renderer_->set_style(style);
        renderer_->set_unit_flags(inset_flags_);
        glViewport(ix, iy, iw, ih);
        renderer_->draw(inset, iw, ih);
        renderer_->set_unit_flags(main_flags_);
        renderer_->set_style(main_style);
        glViewport(px, py, pw, ph);
    }
}

}  // namespace ntm::ui
