#include "ui/briefing_mode.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/format.h"
#include "core/palette.h"
#include "core/planner.h"
#include "core/selection.h"
#include "ui/map_view.h"

namespace ntm::ui {
namespace {

constexpr double kPlaybackMonthsPerSecond = 8;  // a year in 1.5 s: calm enough to talk over
constexpr double kMapFitMargin = 0.04;          // MapView::fitted(): margin = 4 % of the shorter side

bool vi() { return current_lang() == Lang::Vi; }

ImU32 col(Rgb c, int alpha = 255) { return IM_COL32(c.r, c.g, c.b, alpha); }

struct Theme {
    ImU32 text, muted, card_bg, card_border, panel_bg, good, bad, accent, illustrative;
    float border;
};

Theme theme(bool high_contrast) {
    if (high_contrast)
        return {IM_COL32(0, 0, 0, 255),       IM_COL32(25, 25, 25, 255),   IM_COL32(255, 255, 255, 255),
                IM_COL32(0, 0, 0, 255),       IM_COL32(255, 255, 255, 255), IM_COL32(0, 110, 40, 255),
                IM_COL32(190, 0, 0, 255),     IM_COL32(0, 0, 0, 255),      IM_COL32(190, 0, 0, 255),
                3.0f};
    return {IM_COL32(25, 30, 40, 255),    IM_COL32(85, 90, 100, 255),  IM_COL32(255, 255, 255, 235),
            IM_COL32(190, 195, 205, 255), IM_COL32(255, 255, 255, 215), IM_COL32(20, 125, 60, 255),
            IM_COL32(195, 45, 30, 255),   IM_COL32(37, 52, 148, 255),  IM_COL32(180, 40, 20, 255),
            1.5f};
}

// Text helpers on a draw list with an explicit size.
ImVec2 text_size(ImFont* f, float size, const std::string& s, float wrap = 0) {
    return f->CalcTextSizeA(size, FLT_MAX, wrap, s.c_str(), s.c_str() + s.size());
}

void text(ImDrawList* l, ImFont* f, float size, ImVec2 p, ImU32 c, const std::string& s, float wrap = 0) {
    l->AddText(f, size, p, c, s.c_str(), s.c_str() + s.size(), wrap);
}

std::string district_name(const Dataset& d, const std::string& code) {
    for (const District& x : d.districts())
        if (x.code == code || x.name == code) return x.name;
    return code;
}

}  // namespace

Extent to_extent(const geo::Bounds& b) {
    if (b.empty()) return {};
    return {b.min_x, b.min_y, b.max_x, b.max_y};
}

geo::Bounds to_bounds(const Extent& e) {
    geo::Bounds b;
    if (!e.valid()) return b;
    b.add(geo::Vec2{e.min_x, e.min_y});
    b.add(geo::Vec2{e.max_x, e.max_y});
    return b;
}

geo::Bounds view_extent_of(const MapView& map) {
    geo::Bounds b = map.visible();
    if (b.empty()) return b;
    const double inset = std::min(map.area_w(), map.area_h()) * kMapFitMargin * map.camera().metres_per_pixel;
    if (b.width() > 2 * inset && b.height() > 2 * inset) {
        b.min_x += inset;
        b.min_y += inset;
        b.max_x -= inset;
        b.max_y -= inset;
    }
    return b;
}

BriefingKey briefing_key_of(int key, int* digit) {
    if (digit) *digit = 0;
    if (key >= GLFW_KEY_0 && key <= GLFW_KEY_9) {
        if (digit) *digit = key - GLFW_KEY_0;
        return BriefingKey::Digit;
    }
    if (key >= GLFW_KEY_KP_0 && key <= GLFW_KEY_KP_9) {
        if (digit) *digit = key - GLFW_KEY_KP_0;
        return BriefingKey::Digit;
    }
    switch (key) {
    case GLFW_KEY_RIGHT: return BriefingKey::Right;
    case GLFW_KEY_LEFT: return BriefingKey::Left;
    case GLFW_KEY_DOWN: return BriefingKey::Down;
    case GLFW_KEY_UP: return BriefingKey::Up;
    case GLFW_KEY_PAGE_DOWN: return BriefingKey::PageDown;
    case GLFW_KEY_PAGE_UP: return BriefingKey::PageUp;
    case GLFW_KEY_SPACE: return BriefingKey::Space;
    case GLFW_KEY_HOME: return BriefingKey::Home;
    case GLFW_KEY_END: return BriefingKey::End;
    case GLFW_KEY_ENTER:
    case GLFW_KEY_KP_ENTER: return BriefingKey::Enter;
    case GLFW_KEY_BACKSPACE: return BriefingKey::Backspace;
    case GLFW_KEY_ESCAPE: return BriefingKey::Escape;
    case GLFW_KEY_P: return BriefingKey::Play;
    case GLFW_KEY_C: return BriefingKey::Contrast;
    default: return BriefingKey::Other;
    }
}

BriefingMode::BriefingMode(io::ViewsStore& views) : views_(views) {}

void BriefingMode::set_fonts(const render::UiFonts& ui, const render::UiFonts* big) {
    ui_fonts_ = ui;
    have_big_ = big && big->bold && big->regular;
    if (have_big_) big_fonts_ = *big;
}

ImFont* BriefingMode::font(bool bold) const {
    const render::UiFonts& f = have_big_ ? big_fonts_ : ui_fonts_;
    ImFont* out = bold ? (f.large ? f.large : f.bold) : f.regular;
    if (!out) out = bold ? f.bold : nullptr;
    if (!out) out = ImGui::GetFont();
    return out;
}

const BriefingView* BriefingMode::slide() const {
    const BriefingViews& v = views_.views();
    return current_ >= 0 && current_ < v.size() ? &v.at(current_) : nullptr;
}

void BriefingMode::enter(AppState& state, int index) {
    active_ = true;
    keys_.reset();
    playback_.stop();
    state.set_playing(false);
    current_ = -1;
    cards_key_.clear();
    mouse_idle_ = 1e9;
    if (index >= 0) go_to(state, index, false);
}

void BriefingMode::exit(AppState& state) {
    if (!active_) return;
    active_ = false;
    playback_.stop();
    transition_ = Transition{};
    if (palette_switched_) {
        set_palette(PaletteKind::Standard);
        palette_switched_ = false;
    }
    high_contrast_ = false;
    if (set_highlight_units_) {
        state.set_highlighted_units({}, "");
        set_highlight_units_ = false;
    }
    if (state.highlighted_band() >= 0) state.toggle_highlighted_band(state.highlighted_band());
    keys_.reset();
}

bool BriefingMode::animating() const { return active_ && (transition_.running() || playback_.playing()); }

void BriefingMode::set_high_contrast(bool on) {
    high_contrast_ = on;
    set_palette(on ? PaletteKind::HighContrast : PaletteKind::Standard);
    palette_switched_ = on;
}

void BriefingMode::go_to(AppState& state, int index, bool animate) {
    const int count = views_.views().size();
    index = clamp_slide(index, count);
    if (index < 0) return;
    current_ = index;
    const BriefingView& v = views_.views().at(index);
    playback_.stop();
    const double seconds = animate ? transition_seconds_ : 0;

    ViewRequest request;
    switch (v.focus) {
    case ViewFocus::All: request.kind = ViewRequest::Kind::Fit; break;
    case ViewFocus::Extent:
        request.kind = ViewRequest::Kind::Bounds;
        request.bounds = to_bounds(v.extent);
        break;
    case ViewFocus::District:
        request.kind = ViewRequest::Kind::District;
        request.district_code = v.district_code;
        break;
    }
    request.seconds = seconds;
    state.request_view(request);

    // Band highlight (AppState toggles: clicking the same band clears it).
    if (state.highlighted_band() != v.highlighted_band)
        state.toggle_highlighted_band(v.highlighted_band >= 0 ? v.highlighted_band : state.highlighted_band());

    transition_.start(Extent{}, state.date(), v.extent, v.date, seconds);
    if (seconds <= 0) {
        transition_.finish();
        state.set_date(v.date);
    }
    highlight_date_ = Date{-1};
    apply_highlights(state);
}

// The xã missing the slide's criterion on the date shown (refreshed when the date moves on).
void BriefingMode::apply_highlights(AppState& state) {
    const BriefingView* v = slide();
    if (!v || v->highlighted_criterion <= 0) {
        if (set_highlight_units_) {
            state.set_highlighted_units({}, "");
            set_highlight_units_ = false;
        }
        return;
    }
    if (highlight_date_ == state.date() && set_highlight_units_) return;
    highlight_date_ = state.date();
    const Dataset& d = state.dataset();
    const Criterion* c = d.criteria_on(state.date()).find(v->highlighted_criterion);
    // Only the district in focus, on a district view: the count beside the legend is the district's.
    UnitFilterSpec within;
    if (v->focus == ViewFocus::District) within.districts = {v->district_code};
    std::vector<int> units = units_missing_criterion(d, state.states(), v->highlighted_criterion, within);
    std::string label = std::string(tr("Thiếu tiêu chí ", "Missing criterion ")) +
                        std::to_string(v->highlighted_criterion);
    if (c) label += ". " + (vi() ? c->name_vi : c->name_en);
    state.set_highlighted_units(std::move(units), std::move(label));
    set_highlight_units_ = true;
}

void BriefingMode::toggle_playback(AppState& state) {
    if (playback_.playing()) {
        playback_.pause();
        return;
    }
    if (playback_.started() && !playback_.finished()) {
        playback_.resume();
        return;
    }
    // From the comparison date (or the first date of the data) to the slide's date (or the end).
    const BriefingView* v = slide();
    const Date to = v ? v->date : state.last_date();
    Date from = v && v->compare_date ? *v->compare_date : state.first_date();
    if (from >= to) from = state.first_date();
    transition_.finish();
    playback_.start(from, to, kPlaybackMonthsPerSecond);
    state.set_date(playback_.date());
}

void BriefingMode::press(AppState& state, BriefingKey key, int digit) {
    const SlideCommand c = keys_.press(key, current_, views_.views().size(), playback_.playing(), digit);
    switch (c.kind) {
    case SlideCommand::Kind::None: break;
    case SlideCommand::Kind::Go: go_to(state, c.index, true); break;
    case SlideCommand::Kind::PausePlayback: playback_.pause(); break;
    case SlideCommand::Kind::TogglePlayback: toggle_playback(state); break;
    case SlideCommand::Kind::ToggleContrast: set_high_contrast(!high_contrast_); break;
    case SlideCommand::Kind::Exit: exit(state); break;
    }
}

bool BriefingMode::handle_keys(AppState& state) {
    if (!active_) return false;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt || io.KeySuper) return false;
    bool used = false;
    for (int key = 0; key < IM_ARRAYSIZE(io.KeysDown); ++key) {
        if (!ImGui::IsKeyPressed(key, false)) continue;
        int digit = 0;
        const BriefingKey k = briefing_key_of(key, &digit);
        if (k == BriefingKey::Other) continue;
        press(state, k, digit);
        used = true;
        if (!active_) break;
    }
    return used;
}

void BriefingMode::update(AppState& state, double seconds) {
    if (!active_) return;
    const ImGuiIO* io = ImGui::GetCurrentContext() ? &ImGui::GetIO() : nullptr;
    if (io && (io->MouseDelta.x != 0 || io->MouseDelta.y != 0) && io->MousePos.x > -FLT_MAX)
        mouse_idle_ = 0;
    else
        mouse_idle_ += seconds;
    if (transition_.running()) {
        transition_.advance(seconds);
        state.set_date(transition_.date());
    }
    if (playback_.playing() && playback_.advance(seconds)) state.set_date(playback_.date());
    if (!transition_.running()) apply_highlights(state);
}

std::string BriefingMode::title(const AppState& state) const {
    if (const BriefingView* v = slide()) {
        if (!v->title.empty()) return v->title;
        return default_view_title(state.dataset(), *v, vi());
    }
    const std::string& t = state.dataset().info.title;
    if (t.empty()) return tr("Kết quả xây dựng nông thôn mới", "New rural development");
    return std::string(tr("Kết quả xây dựng nông thôn mới — ", "New rural development — ")) + t;
}

const std::vector<HeadlineCard>& BriefingMode::cards(const AppState& state) {
    const BriefingView* v = slide();
    const std::string district = v && v->focus == ViewFocus::District ? v->district_code : "";
    const std::optional<Date> compare = v ? v->compare_date : std::nullopt;
    const std::string compare_key = v && v->compare_date ? std::to_string(v->compare_date->days) : "-";
    const std::string key = std::to_string(state.data_version()) + "|" + std::to_string(state.date().days) +
                            "|" + district + "|" + compare_key;
    if (key == cards_key_) return cards_;
    cards_key_ = key;
    const Dataset& d = state.dataset();
    UnitFilterSpec scope;
    if (!district.empty()) scope.districts = {district};
    scope_summary_ = summarize_filtered(d, state.states(), state.date(), scope);
    if (compare && state.index()) {
        const Summary before = summarize_filtered(d, state.index()->states(*compare), *compare, scope);
        cards_ = headline_cards(scope_summary_, &before);
    } else {
        cards_ = headline_cards(scope_summary_, nullptr);
    }
    return cards_;
}

// --- Drawing --------------------------------------------------------------------------------

geo::Bounds BriefingMode::draw_cards(AppState& state, ImDrawList* l, ImVec2 pos, float width, float s) {
    const Theme t = theme(high_contrast_);
    const bool v = vi();
    ImFont* bold = font(true);
    ImFont* reg = font(false);
    const float pad = 12 * s, gap = 8 * s;
    const float label_px = 25 * s, value_px = 50 * s, small_px = 21 * s;
    float y = pos.y;
    for (const HeadlineCard& c : cards(state)) {
        const std::string label = v ? c.label_vi : c.label_en;
        const std::string value = c.value_text(v);
        const std::string percent = c.id == "standard" ? c.percent_text(v) : "";
        const std::string share = c.id != "standard" ? c.percent_text(v) : "";
        const std::string target = c.target_text(v);
        const std::string change = c.change_text(v);
        const float inner = width - 2 * pad;
        float h = pad + text_size(reg, label_px, label, inner).y + 2 * s + value_px;
        if (!share.empty()) h += text_size(reg, small_px, share, inner).y + 2 * s;
        if (!target.empty()) h += text_size(reg, small_px, target, inner).y + 2 * s;
        if (!change.empty()) h += text_size(reg, small_px, change, inner).y + 2 * s;
        h += pad;
        const ImVec2 a(pos.x, y), b(pos.x + width, y + h);
        l->AddRectFilled(a, b, t.card_bg, 8 * s);
        l->AddRect(a, b, t.card_border, 8 * s, 0, t.border);
        // A bar on the left: green when the target is met, red when not, neutral without target.
        const ImU32 bar = !c.target ? t.accent : c.target->met ? t.good : t.bad;
        l->AddRectFilled(a, ImVec2(a.x + 6 * s, b.y), bar, 8 * s, ImDrawFlags_RoundCornersLeft);
        float cy = y + pad;
        const float x = pos.x + pad;
        text(l, reg, label_px, ImVec2(x, cy), t.muted, label, inner);
        cy += text_size(reg, label_px, label, inner).y + 2 * s;
        text(l, bold, value_px, ImVec2(x, cy), t.text, value);
        if (!percent.empty()) {
            const float vw = text_size(bold, value_px, value).x;
            const float pp = 26 * s;
            text(l, bold, pp, ImVec2(x + vw + 12 * s, cy + value_px - pp * 1.15f), t.text, percent);
        }
        cy += value_px;
        auto line = [&](const std::string& s_text, ImU32 colour) {
            if (s_text.empty()) return;
            cy += 2 * s;
            text(l, reg, small_px, ImVec2(x, cy), colour, s_text, inner);
            cy += text_size(reg, small_px, s_text, inner).y;
        };
        line(share, t.muted);
        line(target, !c.target ? t.muted : c.target->met ? t.good : t.bad);
        line(change, t.text);
        y = b.y + gap;
    }
    return {pos.x, pos.y, pos.x + width, std::max(pos.y, y - gap)};
}

std::vector<BriefingLegendRow> briefing_legend_rows(const CriteriaSet& set, const Summary& summary, bool vi) {
    std::vector<BriefingLegendRow> rows;
    const bool none = summary.xa_with_data == 0;
    for (size_t b = 0; b < set.bands.size(); ++b) {
        BriefingLegendRow r;
        r.band = static_cast<int>(b);
        r.label = set.bands[b].label;
        const int count = b < summary.bands.size() ? summary.bands[b].count : 0;
        r.count = none ? "—" : format_count(count, vi) + " xã";
        rows.push_back(std::move(r));
    }
    if (const int no_data = summary.xa_total - summary.xa_with_data; no_data > 0) {
        BriefingLegendRow r;
        r.kind = BriefingLegendRow::NoData;
        r.label = vi ? "Chưa có dữ liệu" : "No data";
        r.count = format_count(no_data, vi) + " xã";
        rows.push_back(std::move(r));
    }
    if (summary.not_applicable > 0) {
        BriefingLegendRow r;
        r.kind = BriefingLegendRow::NotApplicable;
        r.label = not_applicable_label(summary, vi);
        r.count = format_count(summary.not_applicable, vi);
        rows.push_back(std::move(r));
    }
    return rows;
}

geo::Bounds BriefingMode::draw_legend(AppState& state, ImDrawList* l, ImVec2 pos, float s) {
    const Theme t = theme(high_contrast_);
    const Dataset& d = state.dataset();
    ImFont* reg = font(false);
    ImFont* bold = font(true);
    const float px = 24 * s, row = 32 * s, sw = 40 * s, pad = 12 * s;
    const CriteriaSet& set = d.criteria_on(state.date());
    const int n = static_cast<int>(set.bands.size());
    // Which set the counts are out of: 19 until 14/02/2026, 10 after.
    const std::string head = std::string(tr("Số tiêu chí đạt — ", "Criteria met — ")) +
                             (vi() ? set.short_label_vi() : set.short_label_en());
    const std::vector<BriefingLegendRow> rows = briefing_legend_rows(set, scope_summary_, vi());
    float label_w = 0, count_w = 0;
    for (const BriefingLegendRow& r : rows) {
        label_w = std::max(label_w, text_size(reg, px, r.label).x);
        count_w = std::max(count_w, text_size(reg, px, r.count).x);
    }
    const float w = std::max(pad * 2 + sw + 10 * s + label_w + 18 * s + count_w, text_size(bold, px, head).x + 2 * pad);
    const float h = pad * 2 + row * (static_cast<float>(rows.size()) + 1);
    const ImVec2 a(pos.x, pos.y - h), b(pos.x + w, pos.y);
    l->AddRectFilled(a, b, t.panel_bg, 8 * s);
    l->AddRect(a, b, t.card_border, 8 * s, 0, t.border * 0.7f);
    float y = a.y + pad;
    text(l, bold, px, ImVec2(a.x + pad, y), t.text, head);
    y += row;
    for (const BriefingLegendRow& r : rows) {
        const ImVec2 s0(a.x + pad, y + 2 * s), s1(a.x + pad + sw, y + row - 6 * s);
        const Rgb fill = r.kind == BriefingLegendRow::Band     ? band_colour(r.band, n)
                         : r.kind == BriefingLegendRow::NoData ? no_data_colour()
                                                               : not_applicable_colour();
        l->AddRectFilled(s0, s1, col(fill));
        if (r.kind == BriefingLegendRow::NotApplicable) {
            // The map's hatching: diagonal lines, clipped to the swatch.
            l->PushClipRect(s0, s1, true);
            for (float x = s0.x - (s1.y - s0.y); x < s1.x; x += 7 * s)
                l->AddLine(ImVec2(x, s0.y), ImVec2(x + (s1.y - s0.y), s1.y), IM_COL32(90, 90, 90, 255), 1.2f * s);
            l->PopClipRect();
        }
        l->AddRect(s0, s1, IM_COL32(60, 60, 60, 255), 0, 0, 1.0f * s);
        if (r.kind == BriefingLegendRow::Band && state.highlighted_band() == r.band)
            l->AddRect(s0, s1, col(selection_colour()), 0, 0, 3 * s);
        text(l, reg, px, ImVec2(s1.x + 10 * s, y), t.text, r.label);
        text(l, reg, px, ImVec2(b.x - pad - text_size(reg, px, r.count).x, y), t.text, r.count);
        y += row;
    }
    return {a.x, a.y, b.x, b.y};
}

void BriefingMode::draw_controls(AppState& state, ImVec2 map_pos, ImVec2 map_size, float s) {
    if (mouse_idle_ > 3.0) return;  // out of the way while the presenter uses the clicker
    ImGui::SetNextWindowPos(ImVec2(map_pos.x + map_size.x / 2, map_pos.y + map_size.y - 12 * s), ImGuiCond_Always,
                            ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.92f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("##briefing_controls", nullptr, flags)) {
        if (ImGui::Button(tr("◀ Trước", "◀ Previous"))) press(state, BriefingKey::Left);
        ImGui::SameLine();
        if (ImGui::Button(tr("Tiếp ▶", "Next ▶"))) press(state, BriefingKey::Right);
        ImGui::SameLine();
        if (ImGui::Button(playback_.playing() ? tr("❚❚ Dừng (P)", "❚❚ Pause (P)")
                                              : tr("▶ Chạy tiến độ (P)", "▶ Play progress (P)")))
            toggle_playback(state);
        ImGui::SameLine();
        bool hc = high_contrast_;
        if (ImGui::Checkbox(tr("Tương phản cao (C)", "High contrast (C)"), &hc)) set_high_contrast(hc);
        ImGui::SameLine();
        if (ImGui::Button(tr("Thoát (Esc)", "Leave (Esc)"))) exit(state);
    }
    ImGui::End();
}

void BriefingMode::draw(AppState& state, ImVec2 pos, ImVec2 size) {
    if (!active_) return;
    const Theme t = theme(high_contrast_);
    const bool v = vi();
    const float s = std::clamp(std::min(size.y / 1080.0f, size.x / 1920.0f * 1.25f), 0.45f, 4.0f);
    ImFont* bold = font(true);
    ImFont* reg = font(false);

    ImGui::SetNextWindowPos(pos, ImGuiCond_Always);
    ImGui::SetNextWindowSize(size, ImGuiCond_Always);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
                                   ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##briefing_overlay", nullptr, flags);
    ImDrawList* l = ImGui::GetWindowDrawList();
    const float margin = 24 * s;
    const Dataset& d = state.dataset();
    cards(state);  // fills scope_summary_ for the legend
    overlay_boxes_.clear();
    auto cover = [&](ImVec2 a, ImVec2 b) { overlay_boxes_.push_back({a.x, a.y, b.x, b.y}); };

    // Title, scope and the illustrative-data note, top left.
    const float card_w = std::clamp(size.x * 0.24f, 260 * s, 460 * s);
    const float title_px = 44 * s;
    const float title_wrap = std::max(200.0f, size.x - card_w - 3 * margin - 320 * s);
    const std::string heading = title(state);
    const ImVec2 tsz = text_size(bold, title_px, heading, title_wrap);
    l->AddRectFilled(ImVec2(pos.x + margin - 12 * s, pos.y + margin - 8 * s),
                     ImVec2(pos.x + margin + tsz.x + 12 * s, pos.y + margin + tsz.y + 44 * s), t.panel_bg, 8 * s);
    cover(ImVec2(pos.x + margin - 12 * s, pos.y + margin - 8 * s),
          ImVec2(pos.x + margin + tsz.x + 12 * s, pos.y + margin + tsz.y + 44 * s));
    text(l, bold, title_px, ImVec2(pos.x + margin, pos.y + margin), t.text, heading, title_wrap);
    float y = pos.y + margin + tsz.y + 4 * s;
    std::string sub;
    if (const BriefingView* sv = slide(); sv && sv->focus == ViewFocus::District)
        sub = district_name(d, sv->district_code) + (d.info.title.empty() ? "" : ", " + d.info.title);
    else
        sub = d.info.title;
    if (!sub.empty()) sub += " · ";
    sub += vi() ? d.criteria_on(state.date()).short_label_vi() : d.criteria_on(state.date()).short_label_en();
    text(l, reg, 24 * s, ImVec2(pos.x + margin, y), t.muted, sub);
    if (d.info.illustrative) {
        const float sub_w = text_size(reg, 24 * s, sub).x;
        text(l, bold, 24 * s, ImVec2(pos.x + margin + sub_w + 16 * s, y), t.illustrative,
             tr("Dữ liệu minh họa", "Illustrative data"));
    }

    // Year and date counter, top right (left of the cards).
    {
        const std::string year = std::to_string(state.date().year());
        const std::string date = format_date(state.date(), v);
        const float year_px = 96 * s, date_px = 30 * s;
        const float right = pos.x + size.x - card_w - 2 * margin;
        const ImVec2 ys = text_size(bold, year_px, year), ds = text_size(reg, date_px, date);
        const float w = std::max(ys.x, ds.x);
        const ImVec2 a(right - w - 16 * s, pos.y + margin - 8 * s), b(right + 8 * s, pos.y + margin + ys.y + ds.y + 8 * s);
        l->AddRectFilled(a, b, t.panel_bg, 8 * s);
        cover(a, ImVec2(b.x, b.y + (playback_.started() ? 44 * s : 0)));
        text(l, bold, year_px, ImVec2(right - ys.x - 4 * s, pos.y + margin - 6 * s), t.accent, year);
        text(l, reg, date_px, ImVec2(right - ds.x - 4 * s, pos.y + margin + ys.y - 6 * s), t.text, date);
        if (playback_.started()) {
            // Progress of the playback under the counter.
            const float bw = std::max(w, 160 * s), by = b.y + 8 * s;
            const ImVec2 p0(right - bw, by), p1(right, by + 8 * s);
            l->AddRectFilled(p0, p1, IM_COL32(200, 200, 200, 220), 4 * s);
            l->AddRectFilled(p0, ImVec2(p0.x + bw * static_cast<float>(playback_.progress()), p1.y), t.accent, 4 * s);
            const std::string range = std::to_string(playback_.from().year()) + " → " + std::to_string(playback_.to().year()) +
                                      (playback_.playing() ? "" : std::string("  ❚❚"));
            text(l, reg, 20 * s, ImVec2(right - text_size(reg, 20 * s, range).x, p1.y + 4 * s), t.text, range);
        }
    }

    // Headline cards, right column.
    overlay_boxes_.push_back(draw_cards(state, l, ImVec2(pos.x + size.x - card_w - margin, pos.y + margin), card_w, s));

    // Compact legend, bottom left.
    const geo::Bounds legend = draw_legend(state, l, ImVec2(pos.x + margin, pos.y + size.y - margin), s);
    overlay_boxes_.push_back(legend);

    // Highlight note (criterion), above the legend.
    if (!state.highlighted_units_label().empty()) {
        const std::string note = state.highlighted_units_label() + ": " +
                                 format_count(static_cast<long long>(state.highlighted_units().size()), v) + " xã";
        const float nh = 24 * s;
        const ImVec2 p(pos.x + margin, static_cast<float>(legend.min_y) - nh - 20 * s);
        const ImVec2 ns = text_size(bold, nh, note);
        l->AddRectFilled(ImVec2(p.x - 8 * s, p.y - 6 * s), ImVec2(p.x + ns.x + 8 * s, p.y + ns.y + 6 * s), t.panel_bg, 6 * s);
        cover(ImVec2(p.x - 8 * s, p.y - 6 * s), ImVec2(p.x + ns.x + 8 * s, p.y + ns.y + 6 * s));
        text(l, bold, nh, p, col(selection_colour()), note);
    }

    // Slide number (and a number being typed), bottom right under the cards.
    {
        std::string number;
        if (slide_count() > 0)
            number = std::to_string(current_ + 1) + " / " + std::to_string(slide_count());
        if (!keys_.typed().empty()) number += std::string("   → ") + keys_.typed() + "_";
        if (!number.empty()) {
            const float px = 28 * s;
            const ImVec2 ns = text_size(bold, px, number);
            const ImVec2 p(pos.x + size.x - margin - ns.x, pos.y + size.y - margin - ns.y);
            l->AddRectFilled(ImVec2(p.x - 10 * s, p.y - 6 * s), ImVec2(p.x + ns.x + 10 * s, p.y + ns.y + 6 * s),
                             t.panel_bg, 6 * s);
            cover(ImVec2(p.x - 10 * s, p.y - 6 * s), ImVec2(p.x + ns.x + 10 * s, p.y + ns.y + 6 * s));
            text(l, bold, px, p, t.text, number);
        }
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    draw_controls(state, pos, size, s);
}

}  // namespace ntm::ui
