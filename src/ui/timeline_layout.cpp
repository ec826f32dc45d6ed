#include "ui/timeline_layout.h"

#include <algorithm>
#include <cmath>

namespace ntm::ui {
namespace {

Date from_days(long days) {
    Date d;
    d.days = static_cast<int32_t>(days);
    return d;
}

}  // namespace

float TimeAxis::x_of(double day) const {
    const double s = span();
    if (s <= 0) return x0;
    return static_cast<float>(x0 + (day - day0) / s * (x1 - x0));
}

double TimeAxis::day_at(float x) const {
    const float w = width();
    if (w <= 0) return day0;
    return day0 + static_cast<double>(x - x0) / w * span();
}

Date TimeAxis::date_at(float x) const { return from_days(static_cast<long>(std::floor(day_at(x)))); }

void TimeAxis::zoom_about(float x, double factor, double lo, double hi, double min_span) {
    if (factor <= 0 || width() <= 0) return;
    const double whole = std::max(hi - lo, min_span);
    const double new_span = std::clamp(span() * factor, std::min(min_span, whole), whole);
    const double anchor = day_at(x);
    const double t = static_cast<double>(x - x0) / width();
    day0 = anchor - t * new_span;
    day1 = day0 + new_span;
    clamp_to(lo, hi);
}

void TimeAxis::pan_pixels(float dx, double lo, double hi) {
    if (width() <= 0) return;
    const double shift = -static_cast<double>(dx) / width() * span();
    day0 += shift;
    day1 += shift;
    clamp_to(lo, hi);
}

void TimeAxis::clamp_to(double lo, double hi) {
    const double s = span();
    if (s >= hi - lo) {  // wider than the range: centre it
        const double mid = (lo + hi) / 2;
        day0 = mid - s / 2;
        day1 = mid + s / 2;
        return;
    }
    if (day0 < lo) {
        day0 = lo;
        day1 = lo + s;
    }
    if (day1 > hi) {
        day1 = hi;
        day0 = hi - s;
    }
}

TimeAxis fit_axis(Date first, Date last, float x0, float x1, double margin_days) {
    TimeAxis a;
    a.x0 = x0;
    a.x1 = x1;
    a.day0 = first.days - margin_days;
    a.day1 = last.days + 1 + margin_days;
    if (a.day1 <= a.day0) a.day1 = a.day0 + 1;
    return a;
}

LaneLayout assign_lanes(const std::vector<Event>& events,
                        const std::array<bool, kEventKindCount>& shown, bool skip_empty) {
    std::array<bool, kEventKindCount> present{};
    for (const Event& e : events) {
        const int k = static_cast<int>(e.kind);
        if (k >= 0 && k < kEventKindCount) present[k] = true;
    }
    LaneLayout l;
    l.lane_of.fill(-1);
    for (int k = 0; k < kEventKindCount; ++k) {
        if (!shown[k] || (skip_empty && !present[k])) continue;
        l.lane_of[k] = l.count();
        l.kinds.push_back(static_cast<EventKind>(k));
    }
    return l;
}

int LaneGeometry::lane_at(float y, int lane_count) const {
    if (height <= 0 || y < top) return -1;
    const int lane = static_cast<int>(std::floor((y - top) / height));
    return lane < lane_count ? lane : -1;
}

std::vector<EventMark> layout_events(const std::vector<Event>& events,
                                     const std::vector<int>& indices, const LaneLayout& lanes,
                                     const TimeAxis& axis) {
    std::vector<EventMark> out;
    out.reserve(indices.size());
    for (int i : indices) {
        if (i < 0 || i >= static_cast<int>(events.size())) continue;
        const Event& e = events[i];
        const int k = static_cast<int>(e.kind);
        if (k < 0 || k >= kEventKindCount || lanes.lane_of[k] < 0) continue;
        const Date end = e.end < e.start ? e.start : e.end;
        if (end.days + 1 < axis.day0 || e.start.days > axis.day1) continue;
        EventMark m;
        m.event = i;
        m.lane = lanes.lane_of[k];
        m.x0 = axis.x_of(e.start);
        m.x1 = end == e.start ? m.x0 : axis.x_of(static_cast<double>(end.days) + 1);
        out.push_back(m);
    }
    return out;
}

float mark_distance(const EventMark& m, float x) {
    if (x < m.x0) return m.x0 - x;
    if (x > m.x1) return x - m.x1;
    return 0;
}

std::vector<int> hit_test_all(const std::vector<EventMark>& marks, const LaneGeometry& lanes,
                              int lane_count, float x, float y, float tolerance) {
    const int lane = lanes.lane_at(y, lane_count);
    struct Hit {
        float distance, width;
        size_t order;
        int event;
    };
    std::vector<Hit> hits;
    if (lane < 0) return {};
    for (size_t i = 0; i < marks.size(); ++i) {
        const EventMark& m = marks[i];
        if (m.lane != lane) continue;
        const float d = mark_distance(m, x);
        if (d <= tolerance) hits.push_back({d, m.x1 - m.x0, i, m.event});
    }
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        const bool a_point = a.width <= 0, b_point = b.width <= 0;
        if (a_point != b_point) return a_point;  // small targets first
        if (a.distance != b.distance) return a.distance < b.distance;
        if (a.width != b.width) return a.width < b.width;
        return a.order > b.order;  // drawn later, on top
    });
    std::vector<int> out;
    out.reserve(hits.size());
    for (const Hit& h : hits) out.push_back(h.event);
    return out;
}

int hit_test(const std::vector<EventMark>& marks, const LaneGeometry& lanes, int lane_count,
             float x, float y, float tolerance) {
    const auto all = hit_test_all(marks, lanes, lane_count, x, y, tolerance);
    return all.empty() ? -1 : all.front();
}

std::vector<AxisTick> time_ticks(const TimeAxis& axis, float min_label_px, float min_month_px) {
    std::vector<AxisTick> out;
    if (axis.span() <= 0 || axis.width() <= 0) return out;
    const double px_per_day = axis.width() / axis.span();
    const double year_px = 365.2425 * px_per_day;
    static const int steps[] = {1, 2, 5, 10, 20, 50, 100};
    int every = steps[6];
    for (int s : steps)
        if (s * year_px >= min_label_px) {
            every = s;
            break;
        }
    const bool months = 30.44 * px_per_day >= min_month_px;
    const int y0 = from_days(static_cast<long>(std::floor(axis.day0))).year();
    const int y1 = from_days(static_cast<long>(std::ceil(axis.day1))).year();
    for (int y = y0; y <= y1; ++y) {
        for (int m = 1; m <= 12; ++m) {
            if (m > 1 && !months) break;
            const Date d = Date::from_ymd(y, m, 1);
            if (d.days < axis.day0 || d.days > axis.day1) continue;
            AxisTick t;
            t.date = d;
            t.x = axis.x_of(d);
            t.major = m == 1;
            t.labelled = t.major && y % every == 0;
            out.push_back(t);
        }
    }
    return out;
}

}  // namespace ntm::ui
