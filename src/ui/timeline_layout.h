#pragma once
// The pure geometry of the event timeline, without ImGui: the mapping between dates and pixels,
// zoom and pan of that mapping, one lane per event kind, event markers, hit-testing and ticks.
#include <array>
#include <vector>

#include "core/records.h"

namespace ntm::ui {

constexpr int kEventKindCount = 7;  // EventKind::Inspection .. EventKind::Other

// A linear map from days (since 1970-01-01, fractional) to pixels: day0 -> x0, day1 -> x1.
// A date is drawn at the start of its day.
struct TimeAxis {
    double day0 = 0, day1 = 1;
    float x0 = 0, x1 = 1;

    float x_of(double day) const;
    float x_of(Date d) const { return x_of(static_cast<double>(d.days)); }
    double day_at(float x) const;
    Date date_at(float x) const;  // the day under pixel x
    double span() const { return day1 - day0; }
    float width() const { return x1 - x0; }

    // Zooms by `factor` (< 1 zooms in) keeping the day under pixel x where it is. The visible
    // span stays between `min_span` days and the whole range [lo, hi], and inside it.
    void zoom_about(float x, double factor, double lo, double hi, double min_span);
    // Moves the visible span by dx pixels (dragging right shows earlier dates), kept in [lo, hi].
    void pan_pixels(float dx, double lo, double hi);
    // Keeps the visible span inside [lo, hi] (shifting it, or showing all of it when wider).
    void clamp_to(double lo, double hi);
};

// The whole range [first, last] shown with a margin of `margin_days` on both sides.
TimeAxis fit_axis(Date first, Date last, float x0, float x1, double margin_days);

// Lanes: one per shown kind, in EventKind order; with `skip_empty`, kinds that have no event in
// `events` get no lane either.
struct LaneLayout {
    std::array<int, kEventKindCount> lane_of{};  // lane index per kind, -1 when it has none
    std::vector<EventKind> kinds;                // kind per lane
    int count() const { return static_cast<int>(kinds.size()); }
};
LaneLayout assign_lanes(const std::vector<Event>& events,
                        const std::array<bool, kEventKindCount>& shown, bool skip_empty);

// Lane i spans [top + i * height, top + (i + 1) * height).
struct LaneGeometry {
    float top = 0, height = 1;
    int lane_at(float y, int lane_count) const;  // -1 outside every lane
    float centre(int lane) const { return top + (lane + 0.5f) * height; }
};

// A marker: one-day events have x0 == x1 (a point), ranges span [start, end + 1 day).
struct EventMark {
    int event = -1;  // index into the dataset's events
    int lane = -1;
    float x0 = 0, x1 = 0;
    bool point() const { return x1 <= x0; }
};
// Marks of `indices` (into `events`) whose kind has a lane and which touch the visible span.
std::vector<EventMark> layout_events(const std::vector<Event>& events,
                                     const std::vector<int>& indices, const LaneLayout& lanes,
                                     const TimeAxis& axis);

// Horizontal distance from x to a mark: 0 inside a bar, else to its nearest end.
float mark_distance(const EventMark& m, float x);
// Events under (x, y): in the lane at y, within `tolerance` pixels horizontally; one-day events
// (small targets) before ranges, so a point inside a long bar stays reachable, then nearest
// first, then the one drawn last (on top). Returns event indices.
std::vector<int> hit_test_all(const std::vector<EventMark>& marks, const LaneGeometry& lanes,
                              int lane_count, float x, float y, float tolerance);
// The nearest of those, or -1.
int hit_test(const std::vector<EventMark>& marks, const LaneGeometry& lanes, int lane_count,
             float x, float y, float tolerance);

// Ticks of the time axis: 1 January of each visible year (major; labelled every `label_every`
// years so labels stay `min_label_px` apart), and the first of each month (minor) when months
// are at least `min_month_px` apart.
struct AxisTick {
    Date date;
    float x = 0;
    bool major = false;     // a year
    bool labelled = false;  // draw the year number
};
std::vector<AxisTick> time_ticks(const TimeAxis& axis, float min_label_px, float min_month_px);

}  // namespace ntm::ui
