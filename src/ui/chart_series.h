#pragma once
// The pure data of the attainment chart, without ImGui: band counts per step ready to stack,
// the step under a date or pixel, and reported figures as reference points.
#include <functional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/statistics.h"
#include "ui/timeline_layout.h"

namespace ntm::ui {

// One step (a month or a year) of the chart: the state at its end.
struct ChartStep {
    Date begin;               // first day it covers (the span's first day for the first step)
    Date date;                // the day its values describe: the month's or year's end
    std::vector<int> counts;  // xã per band, in CriteriaSet::bands order (0 = top band)
    int no_data = 0;          // xã without any observation yet
    int xa_total = 0;
    int with_data = 0;
    double average = 0;  // criteria per xã with data
    int criteria_count = 0;   // size of the set in force at `date`: the average is out of this
    std::string criteria_set; // its id
};

// Where the criteria set changes inside the series (e.g. 19 criteria to 10 on 15/02/2026): counts
// and averages on either side are out of different totals, so the chart marks the change.
struct SetChange {
    Date date;           // the first day of the new set
    std::string label;   // "Bộ tiêu chí 2026–2030 (10 tiêu chí)"
    int criteria_count = 0;
    std::string short_label;  // "2026–2030", where the label does not fit
};

struct ChartSeries {
    std::vector<ChartStep> steps;
    std::vector<std::string> band_labels;
    int max_total = 0;  // the highest stack (xa_total) over the steps
    std::vector<SetChange> set_changes;
    bool empty() const { return steps.empty(); }
};

// From time_series() output; `first` is the first day the first step covers. Set changes are
// taken from `dataset` (labels in Vietnamese or English).
ChartSeries make_chart_series(const std::vector<Summary>& summaries, Date first,
                              const Dataset& dataset, bool en = false);

// Stacked tops of a step, from the bottom: the top band (all criteria) first, so the count of
// communes at standard reads straight off the axis, then the lower bands, then "no data" last.
// tops[b] is the top of band b; tops[bands] the top of the no-data segment (== xa_total).
std::vector<int> stacked_tops(const ChartStep& step);

// The step whose period holds `d` (the first with date >= d), clamped to the ends; -1 when empty.
int step_at(const ChartSeries& series, Date d);
// The step under pixel x of the chart's time axis.
int step_at_x(const ChartSeries& series, const TimeAxis& axis, float x);

enum class ReferenceAxis { Count, Average };

// A figure from a bulletin placed on the chart.
struct ReferencePoint {
    Date date;
    ReferenceAxis axis = ReferenceAxis::Count;
    int band = -1;        // for band counts (and "at standard"), the band index; else -1
    double value = 0;     // as reported
    double y = 0;         // where it goes: on the count axis, the top of its band's segment in
                          // the stack when the bands below are as computed; else the value
    double percent = -1;  // the matching "...:percent" figure when reported, else -1
    double computed = -1; // the value computed from the data on that date, -1 when unknown
    std::string figure, scope, source;
};

// True when a figure's scope is the dataset's own area: "" or "province:<code>" (any province
// when the dataset has no province code). National and district figures are left out.
bool reported_scope_matches(const Dataset& dataset, const std::string& scope);

// Band index of a figure's band label ("15-18" or "15–18"), -1 when no band has it.
int band_of_label(const CriteriaSet& set, const std::string& label);

// Reported figures of the dataset's scope as points: band counts ("band:<label>:count",
// "at_standard:count", "xa_standard_count"), the total ("xa_total") and the average
// ("average_criteria"); percent figures join their count's point. `summary_at` gives the computed
// summary on a date (may return nullptr), used for `y` and `computed`. Sorted by date, then axis,
// then band.
std::vector<ReferencePoint> reference_points(
    const Dataset& dataset, const std::function<const Summary*(Date)>& summary_at);

}  // namespace ntm::ui
