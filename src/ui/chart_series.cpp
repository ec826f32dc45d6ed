#include "ui/chart_series.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace ntm::ui {
namespace {

// "15–18" -> "15-18" (en dash, em dash and minus sign as ASCII hyphen), spaces removed.
std::string normalise_label(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(s[i + 2]) == 0x93 ||
             static_cast<unsigned char>(s[i + 2]) == 0x94)) {
            out += '-';
            i += 2;
        } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x88 &&
                   static_cast<unsigned char>(s[i + 2]) == 0x92) {
            out += '-';
            i += 2;
        } else if (c != ' ') {
            out += s[i];
        }
    }
    return out;
}

Date next_day(Date d) {
    d.days += 1;
    return d;
}

}  // namespace

ChartSeries make_chart_series(const std::vector<Summary>& summaries, Date first,
                              const Dataset& dataset, bool en) {
    ChartSeries s;
    if (!summaries.empty())
        for (const BandCount& b : summaries.front().bands) s.band_labels.push_back(b.label);
    Date begin = first;
    for (const Summary& sum : summaries) {
        ChartStep st;
        st.begin = begin;
        st.date = sum.date;
        st.xa_total = sum.xa_total;
        st.with_data = sum.xa_with_data;
        st.no_data = sum.xa_total - sum.xa_with_data;
        st.average = sum.average_criteria;
        st.criteria_count = sum.criteria_count;
        st.criteria_set = sum.criteria_set;
        if (!s.steps.empty() && s.steps.back().criteria_set != st.criteria_set)
            for (const CriteriaSet& set : dataset.criteria_sets)
                // Marked where counts change meaning (19 to 10), not where a set keeps the
                // previous numbering.
                if (set.id == st.criteria_set && set.valid_from > s.steps.back().date &&
                    (!set.continues_previous || set.size() != s.steps.back().criteria_count))
                    {
                    std::string years = set.id;  // "2026-2030" -> "2026–2030", as labels write spans
                    if (const size_t dash = years.find('-'); dash != std::string::npos) years.replace(dash, 1, "–");
                    s.set_changes.push_back(
                        {set.valid_from, en ? set.short_label_en() : set.short_label_vi(), set.size(), years});
                }
        int banded = 0;
        for (const BandCount& b : sum.bands) {
            st.counts.push_back(b.count);
            banded += b.count;
        }
        // Xã with data whose count falls in no band (should not happen) join "no data" so the
        // stack still adds up to the total.
        st.no_data += sum.xa_with_data - banded;
        s.max_total = std::max(s.max_total, st.xa_total);
        begin = next_day(sum.date);
        s.steps.push_back(std::move(st));
    }
    return s;
}

std::vector<int> stacked_tops(const ChartStep& step) {
    std::vector<int> tops;
    tops.reserve(step.counts.size() + 1);
    int acc = 0;
    for (int c : step.counts) tops.push_back(acc += c);
    tops.push_back(acc += step.no_data);
    return tops;
}

int step_at(const ChartSeries& series, Date d) {
    const auto& st = series.steps;
    if (st.empty()) return -1;
    auto it = std::lower_bound(st.begin(), st.end(), d,
                               [](const ChartStep& s, Date x) { return s.date < x; });
    if (it == st.end()) return static_cast<int>(st.size()) - 1;
    return static_cast<int>(it - st.begin());
}

int step_at_x(const ChartSeries& series, const TimeAxis& axis, float x) {
    return step_at(series, axis.date_at(x));
}

bool reported_scope_matches(const Dataset& dataset, const std::string& scope) {
    if (scope.empty()) return true;
    const std::string prefix = "province:";
    if (scope.compare(0, prefix.size(), prefix) != 0) return false;
    return dataset.info.province_code.empty() ||
           scope.substr(prefix.size()) == dataset.info.province_code;
}

int band_of_label(const CriteriaSet& set, const std::string& label) {
    const std::string want = normalise_label(label);
    for (size_t b = 0; b < set.bands.size(); ++b)
        if (normalise_label(set.bands[b].label) == want) return static_cast<int>(b);
    return -1;
}

std::vector<ReferencePoint> reference_points(
    const Dataset& dataset, const std::function<const Summary*(Date)>& summary_at) {
    std::vector<ReferencePoint> out;
    // Percent figures by (date, scope, band), joined to count points afterwards.
    std::map<std::tuple<int32_t, std::string, int>, double> percents;
    for (const ReportedFigure& f : dataset.reported) {
        if (!reported_scope_matches(dataset, f.scope)) continue;
        // A figure's bands are those of the set in force on the date it describes.
        const CriteriaSet& set = dataset.criteria_on(f.date);
        const bool top_is_all = !set.bands.empty() && set.bands[0].lo == set.size();
        const std::string& name = f.figure;
        ReferencePoint p;
        p.date = f.date;
        p.value = f.value;
        p.figure = f.figure;
        p.scope = f.scope;
        p.source = f.source;
        auto ends_with = [&](const std::string& suffix) {
            return name.size() > suffix.size() &&
                   name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
        };
        if (name.compare(0, 5, "band:") == 0 && (ends_with(":count") || ends_with(":percent"))) {
            const bool count = ends_with(":count");
            const size_t end = name.size() - (count ? 6 : 8);
            const int band = band_of_label(set, name.substr(5, end - 5));
            if (band < 0) continue;
            if (!count) {
                percents[{f.date.days, f.scope, band}] = f.value;
                continue;
            }
            p.band = band;
        } else if (name == "at_standard:count" || name == "xa_standard_count") {
            if (!top_is_all) continue;
            p.band = 0;
        } else if (name == "at_standard:percent" || name == "xa_standard_percent") {
            if (top_is_all) percents[{f.date.days, f.scope, 0}] = f.value;
            continue;
        } else if (name == "xa_total") {
            p.band = -1;
        } else if (name == "average_criteria") {
            p.axis = ReferenceAxis::Average;
        } else {
            continue;
        }
        out.push_back(std::move(p));
    }

    for (ReferencePoint& p : out) {
        const Summary* s = summary_at ? summary_at(p.date) : nullptr;
        p.y = p.value;
        if (p.axis == ReferenceAxis::Average) {
            if (s) p.computed = s->average_criteria;
            continue;
        }
        if (p.band >= 0) {
            auto pc = percents.find({p.date.days, p.scope, p.band});
            if (pc != percents.end()) p.percent = pc->second;
            if (s && p.band < static_cast<int>(s->bands.size())) {
                int below = 0;
                for (int b = 0; b < p.band; ++b) below += s->bands[b].count;
                p.y = below + p.value;
                p.computed = s->bands[p.band].count;
            }
        } else if (s) {
            p.computed = s->xa_total;
        }
    }
    // The same band reported twice under two names ("band:19:count" and "at_standard:count")
    // on one date in one scope: keep the first.
    std::vector<ReferencePoint> unique;
    for (ReferencePoint& p : out) {
        const bool dup = std::any_of(unique.begin(), unique.end(), [&](const ReferencePoint& q) {
            return q.date == p.date && q.scope == p.scope && q.axis == p.axis && q.band == p.band &&
                   q.value == p.value;
        });
        if (!dup) unique.push_back(std::move(p));
    }
    std::stable_sort(unique.begin(), unique.end(), [](const ReferencePoint& a, const ReferencePoint& b) {
        if (a.date != b.date) return a.date < b.date;
        if (a.axis != b.axis) return a.axis < b.axis;
        return a.band < b.band;
    });
    return unique;
}

}  // namespace ntm::ui
