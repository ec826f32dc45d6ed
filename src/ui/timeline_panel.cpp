#include "ui/timeline_panel.h"

#include <imgui.h>
#include <imgui_internal.h>  // SetItemUsingMouseWheel

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <string>

#include "core/palette.h"
#include "ui/widgets.h"

namespace ntm::ui {
namespace {

ImU32 rgb(Rgb c, int alpha = 255) { return IM_COL32(c.r, c.g, c.b, alpha); }

ImU32 darker(ImU32 c, float f) {
    const ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(v.x * f, v.y * f, v.z * f, v.w));
}

std::string date_range(const Event& e) {
    std::string s = format_date(e.start);
    if (e.end > e.start) s += " – " + format_date(e.end);
    return s;
}

// "Xã A, Xã B, … (+19)" for at most `limit` names.
std::string join_limited(const std::vector<std::string>& names, size_t limit) {
    std::string s;
    for (size_t i = 0; i < names.size() && i < limit; ++i) {
        if (i) s += ", ";
        s += names[i];
    }
    if (names.size() > limit) s += ", … (+" + std::to_string(names.size() - limit) + ")";
    return s;
}

void diamond(ImDrawList* list, ImVec2 c, float r, ImU32 fill, ImU32 outline, float thickness) {
    const ImVec2 a(c.x, c.y - r), b(c.x + r, c.y), d(c.x, c.y + r), e(c.x - r, c.y);
    list->AddQuadFilled(a, b, d, e, fill);
    list->AddQuad(a, b, d, e, outline, thickness);
}

}  // namespace

ImU32 event_kind_colour(EventKind kind) {
    switch (kind) {
        case EventKind::Inspection: return IM_COL32(213, 94, 0, 255);     // vermilion
        case EventKind::Training: return IM_COL32(0, 158, 115, 255);      // bluish green
        case EventKind::Conference: return IM_COL32(204, 121, 167, 255);  // reddish purple
        case EventKind::Campaign: return IM_COL32(230, 159, 0, 255);      // orange
        case EventKind::Recognition: return IM_COL32(0, 114, 178, 255);   // blue
        case EventKind::Directive: return IM_COL32(120, 80, 40, 255);     // brown
        case EventKind::Other: break;
    }
    return IM_COL32(120, 120, 120, 255);
}

const char* event_kind_name(EventKind kind) {
    return current_lang() == Lang::Vi ? event_kind_name_vi(kind) : event_kind_name_en(kind);
}

void event_details(const AppState& state, int index) {
    const Dataset& ds = state.dataset();
    if (index < 0 || index >= static_cast<int>(ds.events.size())) return;
    const Event& e = ds.events[index];
    const float h = ImGui::GetTextLineHeight();
    {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        diamond(ImGui::GetWindowDrawList(), ImVec2(p.x + h * 0.4f, p.y + h * 0.5f), h * 0.35f,
                event_kind_colour(e.kind), IM_COL32(40, 40, 40, 255), 1.0f);
        ImGui::Dummy(ImVec2(h * 0.8f, h));
        ImGui::SameLine();
    }
    ImGui::Text("%s · %s", event_kind_name(e.kind), date_range(e).c_str());
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetFontSize() * 30);
    if (!e.title.empty()) ImGui::TextUnformatted(e.title.c_str());
    if (!e.organiser.empty())
        ImGui::TextDisabled("%s: %s", tr("Đơn vị chủ trì", "Organiser"), e.organiser.c_str());
    if (!e.unit_codes.empty()) {
        std::vector<std::string> names;
        for (const std::string& code : e.unit_codes) {
            const int u = ds.find_unit(code);
            names.push_back(u >= 0 ? ds.units[u].full_name() : code);
        }
        ImGui::TextDisabled("%s (%zu): %s", tr("Đơn vị liên quan", "Units concerned"), names.size(),
                            join_limited(names, 8).c_str());
    } else if (!e.district_codes.empty()) {
        const auto districts = ds.districts();
        std::vector<std::string> names;
        for (const std::string& code : e.district_codes) {
            auto it = std::find_if(districts.begin(), districts.end(),
                                   [&](const District& d) { return d.code == code || d.name == code; });
            names.push_back(it != districts.end() && !it->name.empty() ? it->name : code);
        }
        if (names.size() > 1 && names.size() == districts.size())
            ImGui::TextDisabled("%s: %s (%zu)", tr("Địa bàn", "Area"), tr("toàn bộ các huyện", "every district"),
                                names.size());
        else
            ImGui::TextDisabled("%s: %s", tr("Địa bàn", "Area"), join_limited(names, 6).c_str());
    }
    if (e.participants > 0)
        ImGui::TextDisabled("%s: %d", tr("Số người tham dự", "Participants"), e.participants);
    if (!e.source.empty()) ImGui::TextDisabled("%s: %s", tr("Nguồn", "Source"), e.source.c_str());
    ImGui::PopTextWrapPos();
}

void TimelinePanel::draw(AppState& state) {
    if (state.data_version() != data_version_) {
        data_version_ = state.data_version();
        fitted_ = true;
        panning_ = false;
    }
    if (state.dataset().events.empty()) {
        note(tr("Dữ liệu này không có sự kiện nào.", "This data has no events."));
        return;
    }
    draw_filters(state);
    draw_canvas(state);
}

void TimelinePanel::draw_filters(AppState& state) {
    const Dataset& ds = state.dataset();
    std::array<int, kEventKindCount> counts{};
    for (const Event& e : ds.events) ++counts[static_cast<int>(e.kind)];
    const ImGuiStyle& style = ImGui::GetStyle();
    const float h = ImGui::GetFrameHeight();
    const float right = ImGui::GetWindowContentRegionMax().x;
    bool first = true;
    for (int k = 0; k < kEventKindCount; ++k) {
        if (!counts[k]) continue;
        const EventKind kind = static_cast<EventKind>(k);
        char label[96];
        std::snprintf(label, sizeof label, "%s (%d)##kind%d", event_kind_name(kind), counts[k], k);
        const float w = h * 0.7f + h + style.ItemInnerSpacing.x +
                        ImGui::CalcTextSize(label, nullptr, true).x + style.ItemSpacing.x;
        if (!first) {
            ImGui::SameLine();
            if (ImGui::GetCursorPosX() + w > right) ImGui::NewLine();
        }
        first = false;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        diamond(ImGui::GetWindowDrawList(), ImVec2(p.x + h * 0.3f, p.y + h * 0.5f), h * 0.25f,
                event_kind_colour(kind), IM_COL32(40, 40, 40, 255), 1.0f);
        ImGui::Dummy(ImVec2(h * 0.6f, h));
        ImGui::SameLine(0, style.ItemInnerSpacing.x);
        bool on = state.event_kind_shown(kind);
        if (ImGui::Checkbox(label, &on)) state.set_event_kind_shown(kind, on);
    }
    if (!fitted_) {
        const char* all = tr("Toàn bộ", "Show all");
        const float w = ImGui::CalcTextSize(all).x + style.FramePadding.x * 2;
        ImGui::SameLine();
        if (ImGui::GetCursorPosX() + w > right) ImGui::NewLine();
        if (ImGui::SmallButton(all)) fitted_ = true;
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", tr("Hiện toàn bộ khoảng thời gian (hoặc nhấp đúp vào trục)",
                                       "Show the whole span (or double-click the axis)"));
    }
}

void TimelinePanel::draw_canvas(AppState& state) {
    const Dataset& ds = state.dataset();
    const ImGuiIO& io = ImGui::GetIO();
    const float line = ImGui::GetTextLineHeight();
    const float pad = std::round(line * 0.3f);

    std::array<bool, kEventKindCount> shown{};
    for (int k = 0; k < kEventKindCount; ++k) shown[k] = state.event_kind_shown(static_cast<EventKind>(k));
    const LaneLayout lanes = assign_lanes(ds.events, shown, true);
    const int lane_count = std::max(lanes.count(), 1);

    // Canvas: the rest of the window, at least a lane of text per kind plus the axis.
    const float axis_h = line + pad * 2;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 size(std::max(avail.x, line * 10),
                      std::max(avail.y, lane_count * (line + 2) + axis_h + pad));
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const bool released = ImGui::InvisibleButton("##timeline", size);
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    if (hovered) ImGui::SetItemUsingMouseWheel();
    if (ImGui::IsItemActivated()) {
        panning_ = false;
        press_x_ = io.MousePos.x;
    }

    float gutter = 0;
    for (EventKind k : lanes.kinds) gutter = std::max(gutter, ImGui::CalcTextSize(event_kind_name(k)).x);
    gutter += pad * 3;
    const float plot_x0 = p0.x + gutter, plot_x1 = p0.x + size.x - pad * 2;
    const float lanes_top = p0.y + pad, lanes_bottom = p0.y + size.y - axis_h;
    const LaneGeometry geo{lanes_top, (lanes_bottom - lanes_top) / lane_count};

    // The axis: the data's span with a small margin on each side.
    const Date first = state.first_date(), last = state.last_date();
    const double margin = std::max(15.0, (last.days - first.days + 1) * 0.02);
    const TimeAxis full = fit_axis(first, last, plot_x0, plot_x1, margin);
    lo_ = full.day0;
    hi_ = full.day1;
    if (fitted_) axis_ = full;
    axis_.x0 = plot_x0;
    axis_.x1 = plot_x1;
    axis_.clamp_to(lo_, hi_);

    // Zoom with the wheel about the cursor, pan by dragging.
    if (hovered && io.MouseWheel != 0 && io.MousePos.x >= plot_x0) {
        axis_.zoom_about(io.MousePos.x, std::pow(0.8, io.MouseWheel), lo_, hi_, 20);
        fitted_ = axis_.span() >= hi_ - lo_ - 1e-6;
    }
    if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left) &&
        (panning_ || std::fabs(io.MousePos.x - press_x_) > io.MouseDragThreshold)) {
        panning_ = true;
        if (io.MouseDelta.x != 0) {
            axis_.pan_pixels(io.MouseDelta.x, lo_, hi_);
            fitted_ = false;
        }
    }
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) fitted_ = true;

    const auto marks = layout_events(ds.events, state.visible_events(), lanes, axis_);
    const bool in_plot = hovered && io.MousePos.x >= plot_x0 - pad && io.MousePos.x <= plot_x1 + pad;
    std::vector<int> hits;
    if (in_plot && !panning_)
        hits = hit_test_all(marks, geo, lanes.count(), io.MousePos.x, io.MousePos.y, line * 0.4f);
    const int hot = hits.empty() ? -1 : hits.front();

    // --- drawing ---------------------------------------------------------------------------
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 text_dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 grid = IM_COL32(0, 0, 0, 28);
    list->AddRectFilled(ImVec2(plot_x0, lanes_top), ImVec2(plot_x1, lanes_bottom), IM_COL32(255, 255, 255, 255));
    for (int l = 0; l < lanes.count(); ++l) {
        const float y0 = geo.top + l * geo.height, y1 = y0 + geo.height;
        if (l % 2) list->AddRectFilled(ImVec2(plot_x0, y0), ImVec2(plot_x1, y1), IM_COL32(0, 0, 0, 10));
        const char* name = event_kind_name(lanes.kinds[l]);
        list->AddText(ImVec2(p0.x + pad, (y0 + y1 - line) / 2), text, name);
    }
    list->PushClipRect(ImVec2(plot_x0, lanes_top), ImVec2(plot_x1, lanes_bottom + axis_h), true);
    // Outside the data's span.
    const float span_x0 = axis_.x_of(first), span_x1 = axis_.x_of(static_cast<double>(last.days) + 1);
    if (span_x0 > plot_x0)
        list->AddRectFilled(ImVec2(plot_x0, lanes_top), ImVec2(span_x0, lanes_bottom), IM_COL32(0, 0, 0, 22));
    if (span_x1 < plot_x1)
        list->AddRectFilled(ImVec2(span_x1, lanes_top), ImVec2(plot_x1, lanes_bottom), IM_COL32(0, 0, 0, 22));
    // Ticks: years across the lanes and labelled on the axis, months as short marks.
    const float label_w = ImGui::CalcTextSize("2020").x + pad * 3;
    // The current date's label (drawn below) takes its place on the axis: years under it are
    // left out rather than shown half covered ("202").
    const float date_label_w = ImGui::CalcTextSize(format_date(state.date()).c_str()).x;
    const float date_lx = std::clamp(axis_.x_of(state.date()) - date_label_w / 2, plot_x0, plot_x1 - date_label_w);
    const float date_lx0 = date_lx - pad, date_lx1 = date_lx + date_label_w + pad;
    for (const AxisTick& t : time_ticks(axis_, label_w, line * 0.5f)) {
        if (t.major) {
            list->AddLine(ImVec2(t.x, lanes_top), ImVec2(t.x, lanes_bottom + pad), grid);
            if (t.labelled) {
                char year[8];
                std::snprintf(year, sizeof year, "%d", t.date.year());
                // A year whose label would run past the plot's end is marked but not labelled.
                const float yx0 = t.x + pad * 0.5f, yx1 = yx0 + ImGui::CalcTextSize(year).x;
                if (yx1 <= plot_x1 && (yx1 < date_lx0 || yx0 > date_lx1))
                    list->AddText(ImVec2(t.x + pad * 0.5f, lanes_bottom + pad), text_dim, year);
            }
        } else {
            list->AddLine(ImVec2(t.x, lanes_bottom), ImVec2(t.x, lanes_bottom + pad * 0.8f), grid);
        }
    }
    list->AddLine(ImVec2(plot_x0, lanes_bottom), ImVec2(plot_x1, lanes_bottom), IM_COL32(0, 0, 0, 90));

    // Events of the unit shown in the detail panel get a ring in the selection colour.
    std::set<int> of_unit;
    if (state.primary_unit() >= 0)
        for (int e : state.events_of_unit(state.primary_unit())) of_unit.insert(e);
    const ImU32 ring = rgb(selection_colour());
    const float r = std::clamp(geo.height * 0.28f, 3.0f, line * 0.45f);
    const float bar_h = std::clamp(geo.height * 0.4f, 4.0f, line * 0.7f);
    auto draw_mark = [&](const EventMark& m, bool is_hot) {
        const ImU32 fill = event_kind_colour(ds.events[m.event].kind);
        const ImU32 outline = is_hot ? IM_COL32(0, 0, 0, 255) : darker(fill, 0.6f);
        const float thick = is_hot ? 2.0f : 1.0f;
        const float cy = geo.centre(m.lane);
        const bool mine = of_unit.count(m.event) > 0;
        if (m.point()) {
            if (mine) list->AddCircle(ImVec2(m.x0, cy), r + 3, ring, 0, 2.0f);
            diamond(list, ImVec2(m.x0, cy), is_hot ? r * 1.25f : r, fill, outline, thick);
        } else {
            const ImVec2 a(m.x0, cy - bar_h / 2), b(std::max(m.x1, m.x0 + 3), cy + bar_h / 2);
            if (mine) list->AddRect(ImVec2(a.x - 3, a.y - 3), ImVec2(b.x + 3, b.y + 3), ring, 3, 0, 2.0f);
            list->AddRectFilled(a, b, fill, 2);
            list->AddRect(a, b, outline, 2, 0, thick);
        }
    };
    for (const EventMark& m : marks)
        if (m.event != hot) draw_mark(m, false);
    for (const EventMark& m : marks)
        if (m.event == hot) draw_mark(m, true);

    // The current date.
    const float date_x = axis_.x_of(state.date());
    const ImU32 date_col = IM_COL32(200, 30, 30, 255);
    list->AddLine(ImVec2(date_x, lanes_top), ImVec2(date_x, lanes_bottom), date_col, 2.0f);
    {
        const std::string label = format_date(state.date());
        const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
        float lx = std::clamp(date_x - ts.x / 2, plot_x0, plot_x1 - ts.x);
        const ImVec2 a(lx - pad * 0.5f, lanes_bottom + 1), b(lx + ts.x + pad * 0.5f, lanes_bottom + axis_h - 1);
        list->AddRectFilled(a, b, date_col, 3);
        list->AddText(ImVec2(lx, lanes_bottom + pad), IM_COL32(255, 255, 255, 255), label.c_str());
    }
    // The date under the cursor, when not over an event.
    if (in_plot && hot < 0 && !panning_ && io.MousePos.y < lanes_bottom + axis_h)
        list->AddLine(ImVec2(io.MousePos.x, lanes_top), ImVec2(io.MousePos.x, lanes_bottom),
                      IM_COL32(0, 0, 0, 90), 1.0f);
    list->PopClipRect();
    list->AddRect(ImVec2(plot_x0, lanes_top), ImVec2(plot_x1, lanes_bottom), IM_COL32(0, 0, 0, 60));

    // --- tooltip and click -----------------------------------------------------------------
    if (hot >= 0 && !active) {
        ImGui::BeginTooltip();
        event_details(state, hot);
        if (hits.size() > 1) {
            ImGui::Separator();
            note(tr("Cũng tại đây:", "Also here:"));
            const size_t shown_max = 6;
            for (size_t i = 1; i < hits.size() && i <= shown_max; ++i) {
                const Event& e = ds.events[hits[i]];
                ImGui::BulletText("%s — %s", date_range(e).c_str(), e.title.c_str());
            }
            if (hits.size() - 1 > shown_max)
                ImGui::TextDisabled(tr("… và %zu sự kiện khác (phóng to để tách)",
                                       "… and %zu more (zoom in to separate them)"),
                                    hits.size() - 1 - shown_max);
        }
        ImGui::Separator();
        note(tr("Nhấp: chọn ngày và các đơn vị liên quan",
                                     "Click: go to its date and select what it concerns"));
        ImGui::EndTooltip();
    } else if (in_plot && !panning_ && !active) {
        ImGui::SetTooltip("%s\n%s", format_date(axis_.date_at(io.MousePos.x)).c_str(),
                          tr("Nhấp để chọn ngày · lăn chuột để phóng to · kéo để di chuyển",
                             "Click to set the date · wheel to zoom · drag to pan"));
    }
    if (released && !panning_ && io.MousePos.x >= plot_x0 - pad) {
        const int clicked = hit_test(marks, geo, lanes.count(), io.MousePos.x, io.MousePos.y, line * 0.4f);
        if (clicked >= 0)
            state.activate_event(clicked);
        else
            state.set_date(axis_.date_at(io.MousePos.x));
    }
    if (!active) panning_ = false;
}

}  // namespace ntm::ui
