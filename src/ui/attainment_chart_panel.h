#pragma once
// Attainment over time: xã per band stacked per month or per year over the data's span, in the
// map's band colours, with the average criteria per xã as a line on a second axis
// (0..criteria count), the current date marked, and figures reported in bulletins as reference
// points. Hovering shows the values of the step under the cursor (or of a reference point);
// clicking or dragging sets the date. The series are computed once per data version with
// core time_series(); the data behind the drawing is in ui/chart_series.h.
#include <cstdint>
#include <map>

#include "ui/app_state.h"
#include "ui/chart_series.h"

namespace ntm::ui {

class AttainmentChartPanel {
public:
    void draw(AppState& state);

    bool yearly() const { return yearly_; }
    void set_yearly(bool on) { yearly_ = on; }

private:
    void refresh(const AppState& state);
    void draw_controls(const AppState& state);
    void draw_chart(AppState& state);

    uint64_t data_version_ = UINT64_MAX;
    bool yearly_ = false;
    bool show_average_ = true;
    bool show_reported_ = true;
    ChartSeries monthly_, yearly_series_;
    bool monthly_ready_ = false, yearly_ready_ = false;
    std::vector<ReferencePoint> references_;
    std::map<int32_t, Summary> reference_summaries_;  // computed summaries on reported dates
};

}  // namespace ntm::ui
