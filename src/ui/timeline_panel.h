#pragma once
// Timeline of events: inspections, trainings, conferences, campaign launches, recognitions,
// directives and others on a time axis over the data's span, one lane per kind, with a checkbox
// per kind. The wheel zooms about the cursor, dragging pans, a double click shows the whole
// span. Hovering a marker shows its dates, kind, title, organiser, units, participants and
// source; clicking it activates the event (date and selection); clicking the empty axis sets the
// date. The current date is a vertical line. The geometry lives in ui/timeline_layout.h.
#include <cstdint>

#include <imgui.h>

#include "core/records.h"
#include "ui/app_state.h"
#include "ui/timeline_layout.h"

namespace ntm::ui {

// Colour of an event kind's markers (shared with the unit detail panel's event list).
ImU32 event_kind_colour(EventKind kind);
// Kind name in the current language.
const char* event_kind_name(EventKind kind);
// Tooltip body for one event: dates, kind, title, organiser, units or districts concerned,
// participants and source. Call inside a tooltip (or any window).
void event_details(const AppState& state, int event);

class TimelinePanel {
public:
    void draw(AppState& state);

private:
    void draw_filters(AppState& state);
    void draw_canvas(AppState& state);

    uint64_t data_version_ = UINT64_MAX;
    bool fitted_ = false;   // axis_ shows the whole span until the user zooms or pans
    TimeAxis axis_;         // visible days persist between frames; pixels are set every frame
    double lo_ = 0, hi_ = 1;  // the range the axis may show (span plus a margin)
    bool panning_ = false;
    float press_x_ = 0;
};

}  // namespace ntm::ui
