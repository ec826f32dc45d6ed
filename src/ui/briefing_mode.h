#pragma once
// Briefing mode: the map full screen for a room, with an ImGui overlay drawn over it — the slide
// title and number, a large year/date counter, headline cards against the 2021–2025 targets, a
// compact legend, playback of progress over the years and a high-contrast palette for
// projectors. Prepared views are stepped with a presenter's keys (Right/PageDown/Space next,
// Left/PageUp previous, digits + Enter jump, Home/End, P play/pause, C contrast, Esc leaves).
//
// Per frame, while active(): handle_keys() (instead of the normal-mode date keys), update() with
// the frame's seconds, the map drawn full screen (non-interactive or not, as the app likes), then
// draw() over it. A slide change sets the date through a short animation (AppState::set_date each
// frame) and asks the map to glide to the view's extent (ViewRequest::seconds).
#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/briefing.h"
#include "geo/geometry.h"
#include "io/views_file.h"
#include "render/fonts.h"
#include "ui/app_state.h"

namespace ntm::ui {

class MapView;

// Conversions between core's Extent and geo::Bounds.
Extent to_extent(const geo::Bounds& b);
geo::Bounds to_bounds(const Extent& e);

// The extent to save for what the map shows now: the visible rectangle less the margin the map
// view keeps when it fits bounds, so that showing the saved view gives back the same picture.
geo::Bounds view_extent_of(const MapView& map);

// Maps the window system's key (GLFW key code, as ImGui 1.86's key indices are) to a briefing
// key; `digit` receives 0–9 for number keys (top row and keypad).
BriefingKey briefing_key_of(int glfw_key, int* digit);

// One row of the briefing's legend: a band, "no data" or "not applicable".
struct BriefingLegendRow {
    enum Kind { Band, NoData, NotApplicable } kind = Band;
    int band = 0;        // Band: index into the set's bands
    std::string label;   // "15–18", "Chưa có dữ liệu", "Không áp dụng (phường, thị trấn)"
    std::string count;   // "27 xã"; "—" for a band when no xã has data
};

// The legend for `summary` (of the scope shown, on a date whose set is `set`): every band, then
// "Chưa có dữ liệu" when some xã have no data and "Không áp dụng" when wards or townships are
// drawn hatched, so that every colour on the map is explained. No data is never "0 xã".
std::vector<BriefingLegendRow> briefing_legend_rows(const CriteriaSet& set, const Summary& summary, bool vi);

class BriefingMode {
public:
    // The views are shared with the views panel (the store outlives the mode).
    explicit BriefingMode(io::ViewsStore& views);

    // Big faces for the room (e.g. add_ui_fonts(atlas, 40 * ui_scale) added to the same atlas);
    // `ui` is the normal UI's faces, used (scaled) when no big faces are given.
    void set_fonts(const render::UiFonts& ui, const render::UiFonts* big = nullptr);

    // Starts presenting at `slide` (clamped; -1 or no slides: the map as it is), shown at once
    // (no animation, so the first frame is already right, e.g. for --screenshot).
    void enter(AppState& state, int slide = 0);
    // Leaves: stops playback, restores the standard palette if it was switched here, clears the
    // highlights the slides set. The date and map stay as they are.
    void exit(AppState& state);
    bool active() const { return active_; }
    // True while something moves (transition, playback): the app should draw at full frame rate.
    bool animating() const;

    // Reads the keys of this frame (between NewFrame and draw); true when one was used.
    bool handle_keys(AppState& state);
    // One key (what handle_keys does per key; for tests and for clicker buttons).
    void press(AppState& state, BriefingKey key, int digit = 0);
    // Shows slide `index` (clamped), animated or at once.
    void go_to(AppState& state, int index, bool animate = true);

    // Advances the transition and playback by `seconds` (0 in screenshots).
    void update(AppState& state, double seconds);
    // The overlay over the map area (ImGui coordinates).
    void draw(AppState& state, ImVec2 map_pos, ImVec2 map_size);

    int current() const { return current_; }
    int slide_count() const { return views_.views().size(); }
    const std::string& typed() const { return keys_.typed(); }
    bool high_contrast() const { return high_contrast_; }
    void set_high_contrast(bool on);
    void toggle_playback(AppState& state);
    const Playback& playback() const { return playback_; }
    // The cards on the date shown (cached per date, slide and data).
    const std::vector<HeadlineCard>& cards(const AppState& state);
    // The title shown: the slide's, or the dataset's when there is no slide.
    std::string title(const AppState& state) const;
    // Seconds a slide change animates (0: jump).
    void set_transition_seconds(double s) { transition_seconds_ = s; }
    bool exit_requested() const { return !active_; }
    // The screen boxes the last draw() covered (title, counter, cards, legend, notes): the map's
    // names keep clear of them (MapView::set_label_keep_clear).
    const std::vector<geo::Bounds>& overlay_boxes() const { return overlay_boxes_; }

private:
    const BriefingView* slide() const;
    void apply_highlights(AppState& state);
    // Each returns the box it drew (ImGui coordinates).
    geo::Bounds draw_cards(AppState& state, ImDrawList* list, ImVec2 pos, float width, float scale);
    geo::Bounds draw_legend(AppState& state, ImDrawList* list, ImVec2 pos, float scale);
    void draw_controls(AppState& state, ImVec2 map_pos, ImVec2 map_size, float scale);
    ImFont* font(bool bold) const;

    io::ViewsStore& views_;
    render::UiFonts ui_fonts_, big_fonts_;
    bool have_big_ = false;
    bool active_ = false;
    int current_ = -1;
    SlideKeys keys_;
    Transition transition_;
    Playback playback_;
    double transition_seconds_ = 1.2;
    bool high_contrast_ = false, palette_switched_ = false;
    bool set_highlight_units_ = false;
    Date highlight_date_{-1};

    // Cards cache.
    std::vector<HeadlineCard> cards_;
    Summary scope_summary_;
    std::vector<geo::Bounds> overlay_boxes_;
    Date cards_date_{-1};
    int cards_slide_ = -2;
    uint64_t cards_data_ = 0;
    std::string cards_key_;
    double mouse_idle_ = 1e9;  // seconds since the mouse last moved (controls fade out)
};

}  // namespace ntm::ui
