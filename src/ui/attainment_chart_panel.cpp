#include "ui/attainment_chart_panel.h"

#include <imgui.h>
#include <imgui_internal.h>  // SetItemUsingMouseWheel

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/palette.h"
#include "ui/widgets.h"

namespace ntm::ui {
namespace {

ImU32 rgb(Rgb c, int alpha = 255) { return IM_COL32(c.r, c.g, c.b, alpha); }

constexpr ImU32 kAverageColour = IM_COL32(20, 20, 20, 255);
constexpr ImU32 kDateColour = IM_COL32(200, 30, 30, 255);

void diamond(ImDrawList* list, ImVec2 c, float r, ImU32 fill, ImU32 outline, float thickness) {
    const ImVec2 a(c.x, c.y - r), b(c.x + r, c.y), d(c.x, c.y + r), e(c.x - r, c.y);
    list->AddQuadFilled(a, b, d, e, fill);
    list->AddQuad(a, b, d, e, outline, thickness);
}

void reference_marker(ImDrawList* list, const ReferencePoint& p, ImVec2 c, float r, int band_count,
                      bool hot) {
    const float t = hot ? 2.5f : 1.5f;
    if (p.axis == ReferenceAxis::Average) {
        list->AddCircleFilled(c, r * 0.8f, IM_COL32(255, 255, 255, 255));
        list->AddCircle(c, r * 0.8f, IM_COL32(200, 30, 30, 255), 0, t + 0.5f);
    } else {
        const ImU32 fill = p.band >= 0 ? rgb(band_colour(p.band, band_count)) : IM_COL32(255, 255, 255, 255);
        diamond(list, c, r + 1.5f, IM_COL32(255, 255, 255, 255), IM_COL32(255, 255, 255, 255), 1.0f);
        diamond(list, c, r, fill, IM_COL32(200, 30, 30, 255), t);
    }
}

// A tick step of 1, 2 or 5 × 10^k giving at most `max_ticks` ticks up to `top`.
int nice_step(int top, int max_ticks) {
    max_ticks = std::max(max_ticks, 1);
    for (int scale = 1;; scale *= 10)
        for (int m : {1, 2, 5})
            if (top / (m * scale) <= max_ticks) return m * scale;
}

// A band label as a row title: "19 tiêu chí", "15–18 tiêu chí".
std::string band_title(const std::string& label) { return label + " " + tr("tiêu chí", "criteria"); }

std::string step_title(const ChartStep& s, bool yearly) {
    char buf[96];
    if (yearly)
        std::snprintf(buf, sizeof buf, tr("Năm %d (đến %s)", "%d (as of %s)"), s.date.year(),
                      format_date(s.date).c_str());
    else if (current_lang() == Lang::Vi)
        std::snprintf(buf, sizeof buf, "Tháng %d/%d (đến %s)", s.date.month(), s.date.year(),
                      format_date(s.date).c_str());
    else
        std::snprintf(buf, sizeof buf, "%d-%02d (as of %s)", s.date.year(), s.date.month(),
                      format_date(s.date).c_str());
    return buf;
}

// What a reported figure is, in words.
std::string figure_title(const ReferencePoint& p, const CriteriaSet& set) {
    if (p.axis == ReferenceAxis::Average) return tr("Bình quân tiêu chí/xã", "Average criteria per xã");
    if (p.band < 0) return tr("Tổng số xã", "Communes (xã) in total");
    const std::string label = p.band < static_cast<int>(set.bands.size()) ? set.bands[p.band].label : "?";
    return std::string(tr("Số xã đạt ", "Xã at ")) + band_title(label);
}

std::string format_value(const ReferencePoint& p, double v) {
    return p.axis == ReferenceAxis::Average ? format_decimal(v, 2) : format_decimal(v, 0);
}

}  // namespace

void AttainmentChartPanel::refresh(const AppState& state) {
    if (state.data_version() == data_version_) return;
    data_version_ = state.data_version();
    monthly_ = yearly_series_ = ChartSeries{};
    monthly_ready_ = yearly_ready_ = false;
    references_.clear();
    reference_summaries_.clear();
    const AttainmentIndex* index = state.index();
    if (!index) return;
    const Dataset& ds = state.dataset();
    references_ = reference_points(ds, [&](Date at) -> const Summary* {
        auto it = reference_summaries_.find(at.days);
        if (it == reference_summaries_.end())
            it = reference_summaries_.emplace(at.days, summarize(ds, index->states(at), at)).first;
        return &it->second;
    });
}

void AttainmentChartPanel::draw(AppState& state) {
    refresh(state);
    const AttainmentIndex* index = state.index();
    if (!index || state.dataset().observations.empty()) {
        note(tr("Dữ liệu này không có kết quả đánh giá tiêu chí.",
                                     "This data has no criteria assessments."));
        return;
    }
    // One assessment date draws a flat chart that says nothing over time: say so instead (the
    // legend on the left has that date's counts).
    if (state.assessment_dates() < 2) {
        const Date only = state.dataset().last_data_date().value_or(state.date());
        note(std::string(tr("Dữ liệu chỉ có một ngày đánh giá (", "The data has one assessment date (")) +
             format_date(only) +
             tr("): cần kết quả của ít nhất hai ngày để vẽ tiến độ theo thời gian. Số xã theo số tiêu chí đạt ở "
                "phần Chú giải bên trái.",
                "): results of at least two dates are needed to chart progress over time. The count of xã per "
                "band is in the Legend on the left."));
        return;
    }
    // Each series once per data version, when first shown.
    bool& ready = yearly_ ? yearly_ready_ : monthly_ready_;
    if (!ready) {
        ChartSeries& s = yearly_ ? yearly_series_ : monthly_;
        s = make_chart_series(time_series(state.dataset(), *index, state.first_date(), state.last_date(),
                                          yearly_ ? Step::Year : Step::Month),
                              state.first_date(), state.dataset(), state.lang() == Lang::En);
        ready = true;
    }
    draw_controls(state);
    draw_chart(state);
}

void AttainmentChartPanel::draw_controls(const AppState& state) {
    const Dataset& ds = state.dataset();
    const ChartSeries& series = yearly_ ? yearly_series_ : monthly_;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetWindowContentRegionMax().x;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float h = ImGui::GetTextLineHeight();
    const CriteriaSet& set = ds.criteria_on(state.date());
    const int band_count = static_cast<int>(set.bands.size());
    // One row of controls whose check boxes are their own legend entries (the average line, the
    // reported points), then the band colours: the chart keeps the panel's height.
    bool first = true;
    auto place = [&](float w) {
        if (!first) {
            ImGui::SameLine(0, style.ItemSpacing.x * 2);
            if (ImGui::GetCursorPosX() + w > right) ImGui::NewLine();
        }
        first = false;
    };
    auto item = [&](const std::string& text, float mark_w, auto&& draw_mark) {
        place(mark_w + style.ItemInnerSpacing.x + ImGui::CalcTextSize(text.c_str()).x);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        draw_mark(p);
        ImGui::Dummy(ImVec2(mark_w, h));
        ImGui::SameLine(0, style.ItemInnerSpacing.x);
        ImGui::TextUnformatted(text.c_str());
    };
    auto check_item = [&](const char* id, bool* on, const std::string& text, float mark_w, auto&& draw_mark) {
        place(ImGui::GetFrameHeight() + style.ItemInnerSpacing.x * 2 + mark_w + ImGui::CalcTextSize(text.c_str()).x);
        ImGui::Checkbox(id, on);
        ImGui::SameLine(0, style.ItemInnerSpacing.x);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float dy = (ImGui::GetFrameHeight() - h) / 2;
        draw_mark(ImVec2(p.x, p.y + dy));
        ImGui::Dummy(ImVec2(mark_w, ImGui::GetFrameHeight()));
        ImGui::SameLine(0, style.ItemInnerSpacing.x);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(text.c_str());
    };
    place(check_width(tr("Theo tháng", "Monthly")));
    if (ImGui::RadioButton(tr("Theo tháng", "Monthly"), !yearly_)) yearly_ = false;
    place(check_width(tr("Theo năm", "Yearly")));
    if (ImGui::RadioButton(tr("Theo năm", "Yearly"), yearly_)) yearly_ = true;
    check_item("##average", &show_average_, tr("Bình quân tiêu chí/xã (trục phải)", "Average criteria per xã (right axis)"),
               h * 1.6f, [&](ImVec2 p) {
                   list->AddLine(ImVec2(p.x, p.y + h / 2), ImVec2(p.x + h * 1.6f, p.y + h / 2), kAverageColour, 2.0f);
               });
    if (!references_.empty()) {
        check_item("##reported", &show_reported_, tr("Số liệu báo cáo", "Reported figures"), h, [&](ImVec2 p) {
            ReferencePoint sample;
            sample.band = -1;
            reference_marker(list, sample, ImVec2(p.x + h / 2, p.y + h / 2), h * 0.35f, band_count, false);
        });
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", tr("Số liệu công bố trong các báo cáo, để so sánh với số liệu tính được",
                                       "Figures published in reports, to compare with the computed ones"));
    }

    // The map's band colours and "no data".
    first = true;
    for (int b = 0; b < band_count; ++b) {
        item(set.bands[b].label, h * 1.2f, [&](ImVec2 p) {
            const ImVec2 q(p.x + h * 1.2f, p.y + h);
            list->AddRectFilled(p, q, rgb(band_colour(b, band_count)));
            list->AddRect(p, q, IM_COL32(90, 90, 90, 255));
        });
    }
    const bool any_no_data =
        std::any_of(series.steps.begin(), series.steps.end(), [](const ChartStep& s) { return s.no_data > 0; });
    if (any_no_data)
        item(tr("Chưa có dữ liệu", "No data"), h * 1.2f, [&](ImVec2 p) {
            const ImVec2 q(p.x + h * 1.2f, p.y + h);
            list->AddRectFilled(p, q, rgb(no_data_colour()));
            list->AddRect(p, q, IM_COL32(90, 90, 90, 255));
        });
}

void AttainmentChartPanel::draw_chart(AppState& state) {
    const Dataset& ds = state.dataset();
    const ChartSeries& series = yearly_ ? yearly_series_ : monthly_;
    const ImGuiIO& io = ImGui::GetIO();
    const float line = ImGui::GetTextLineHeight();
    const float pad = std::round(line * 0.3f);
    // Bands and the right axis of the set in force on the chosen date; each step's average is
    // drawn as a share of its own set's size, so 19- and 10-criterion periods share the axis.
    const CriteriaSet& set = ds.criteria_on(state.date());
    const int band_count = static_cast<int>(set.bands.size());
    const int criteria = std::max(set.size(), 1);
    if (series.empty() || series.max_total <= 0) {
        note(tr("Không có xã nào để thống kê.", "No xã to count."));
        return;
    }

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 size(std::max(avail.x, line * 12), std::max(avail.y, line * 8));
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##chart", size);
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    const bool activated = ImGui::IsItemActivated();
    if (hovered) ImGui::SetItemUsingMouseWheel();

    // Plot rectangle: axis labels left (counts) and right (average), year labels below, axis
    // titles above.
    char buf[64];
    std::snprintf(buf, sizeof buf, "%d", series.max_total);
    const float left_w = std::max(ImGui::CalcTextSize(buf).x, ImGui::CalcTextSize("000").x) + pad * 2;
    std::snprintf(buf, sizeof buf, "%d", criteria);
    const float right_w = ImGui::CalcTextSize(buf).x + pad * 2;
    const ImVec2 a(p0.x + left_w, p0.y + line + pad), b(p0.x + size.x - right_w, p0.y + size.y - line - pad);
    if (b.x - a.x < 20 || b.y - a.y < 20) return;
    const TimeAxis axis = fit_axis(state.first_date(), state.last_date(), a.x, b.x, 0);
    const float plot_h = b.y - a.y;
    auto y_count = [&](double v) { return static_cast<float>(b.y - v / series.max_total * plot_h); };
    auto y_avg = [&](double v) { return static_cast<float>(b.y - v / criteria * plot_h); };

    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImU32 text_dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 grid = IM_COL32(0, 0, 0, 30);
    list->AddText(ImVec2(p0.x, p0.y), text_dim, tr("Số xã", "Xã"));
    if (show_average_) {
        const char* t = tr("Tiêu chí/xã", "Criteria/xã");
        list->AddText(ImVec2(p0.x + size.x - ImGui::CalcTextSize(t).x, p0.y), text_dim, t);
    }
    list->AddRectFilled(a, b, IM_COL32(255, 255, 255, 255));

    // Stacked bars (months touch; years keep a small gap).
    const int hot_step = hovered && io.MousePos.x >= a.x && io.MousePos.x <= b.x ? step_at_x(series, axis, io.MousePos.x) : -1;
    for (size_t i = 0; i < series.steps.size(); ++i) {
        const ChartStep& s = series.steps[i];
        float x0 = axis.x_of(s.begin), x1 = axis.x_of(static_cast<double>(s.date.days) + 1);
        if (yearly_) {
            const float gap = std::min(2.0f, (x1 - x0) * 0.1f);
            x0 += gap;
            x1 -= gap;
        }
        const auto tops = stacked_tops(s);
        int below = 0;
        for (size_t k = 0; k < tops.size(); ++k) {
            if (tops[k] == below) continue;
            const ImU32 c = k < s.counts.size() ? rgb(band_colour(static_cast<int>(k), band_count))
                                                : rgb(no_data_colour());
            list->AddRectFilled(ImVec2(x0, y_count(tops[k])), ImVec2(x1, y_count(below)), c);
            below = tops[k];
        }
        if (static_cast<int>(i) == hot_step)
            list->AddRect(ImVec2(x0, y_count(s.xa_total)), ImVec2(x1, b.y), IM_COL32(0, 0, 0, 200), 0, 0, 1.5f);
    }

    // Grid and axes: counts on the left, criteria on the right, years below.
    const int count_step = nice_step(series.max_total, static_cast<int>(plot_h / (line * 1.6f)));
    for (int v = 0; v <= series.max_total; v += count_step) {
        const float y = y_count(v);
        list->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), grid);
        std::snprintf(buf, sizeof buf, "%d", v);
        list->AddText(ImVec2(a.x - pad - ImGui::CalcTextSize(buf).x, y - line / 2), text_dim, buf);
    }
    // The total at the top, unless the last tick is too close to it ("60" over "61").
    if (series.max_total % count_step &&
        y_count(series.max_total - series.max_total % count_step) - y_count(series.max_total) >= line) {
        std::snprintf(buf, sizeof buf, "%d", series.max_total);
        list->AddText(ImVec2(a.x - pad - ImGui::CalcTextSize(buf).x, a.y - line / 2), text_dim, buf);
    }
    if (show_average_) {
        const int avg_step = nice_step(criteria, static_cast<int>(plot_h / (line * 1.6f)));
        for (int v = 0; v <= criteria; v += avg_step) {
            std::snprintf(buf, sizeof buf, "%d", v);
            list->AddText(ImVec2(b.x + pad, y_avg(v) - line / 2), text_dim, buf);
        }
        if (criteria % avg_step && y_avg(criteria - criteria % avg_step) - y_avg(criteria) >= line) {
            std::snprintf(buf, sizeof buf, "%d", criteria);
            list->AddText(ImVec2(b.x + pad, a.y - line / 2), text_dim, buf);
        }
    }
    const float label_w = ImGui::CalcTextSize("2020").x + pad * 3;
    // Years under the current date's label are left out, not half covered.
    const float date_label_w = ImGui::CalcTextSize(format_date(state.date()).c_str()).x;
    const float date_lx = std::clamp(axis.x_of(state.date()) - date_label_w / 2, a.x, b.x - date_label_w);
    for (const AxisTick& t : time_ticks(axis, label_w, 1e9f)) {
        list->AddLine(ImVec2(t.x, b.y), ImVec2(t.x, b.y + pad), IM_COL32(0, 0, 0, 120));
        if (!t.labelled || t.x + label_w > b.x + right_w) continue;
        const float yx0 = t.x + pad * 0.5f, yx1 = yx0 + ImGui::CalcTextSize("2020").x;
        if (yx1 >= date_lx - pad && yx0 <= date_lx + date_label_w + pad) continue;
        std::snprintf(buf, sizeof buf, "%d", t.date.year());
        list->AddText(ImVec2(t.x + pad * 0.5f, b.y + pad * 0.5f), text_dim, buf);
    }
    list->AddRect(a, b, IM_COL32(0, 0, 0, 90));

    // Average line, with a white halo to read over dark bands; broken where no xã has data.
    list->PushClipRect(a, b, true);
    if (show_average_) {
        std::vector<ImVec2> run;
        auto flush = [&] {
            if (run.size() >= 2) {
                list->AddPolyline(run.data(), static_cast<int>(run.size()), IM_COL32(255, 255, 255, 220), 0, 4.5f);
                list->AddPolyline(run.data(), static_cast<int>(run.size()), kAverageColour, 0, 2.0f);
            } else if (run.size() == 1) {
                list->AddCircleFilled(run[0], 2.5f, kAverageColour);
            }
            run.clear();
        };
        for (const ChartStep& s : series.steps) {
            if (s.with_data == 0) {
                flush();
                continue;
            }
            const float x = (axis.x_of(s.begin) + axis.x_of(static_cast<double>(s.date.days) + 1)) / 2;
            const int of = s.criteria_count > 0 ? s.criteria_count : criteria;
            run.emplace_back(x, y_avg(s.average * criteria / of));
        }
        flush();
    }

    // Changes of criteria set: a dashed line and the new set's name.
    for (const SetChange& c : series.set_changes) {
        const float x = axis.x_of(c.date);
        if (x < a.x || x > b.x) continue;
        for (float y = a.y; y < b.y; y += 6) list->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + 3, b.y)), IM_COL32(60, 60, 60, 220), 1.5f);
        // The new set's name above the plot, between the axis titles (never over the bars); the
        // shorter "2026–2030" when the full name does not fit, none when that does not either.
        const float lo = a.x + ImGui::CalcTextSize(tr("Số xã", "Xã")).x + pad * 2;
        const float hi = show_average_ ? p0.x + size.x - ImGui::CalcTextSize(tr("Tiêu chí/xã", "Criteria/xã")).x - pad * 2
                                       : b.x;
        std::string label = c.label;
        if (ImGui::CalcTextSize(label.c_str()).x > hi - lo) label = c.short_label;
        const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
        if (ts.x > hi - lo) continue;
        const float tx = std::clamp(x - ts.x / 2, lo, hi - ts.x);
        list->PushClipRectFullScreen();  // above the plot's clip
        list->AddLine(ImVec2(x, a.y), ImVec2(x, p0.y + ts.y), IM_COL32(60, 60, 60, 120), 1.0f);
        list->AddRectFilled(ImVec2(tx - 2, p0.y), ImVec2(tx + ts.x + 2, p0.y + ts.y), ImGui::GetColorU32(ImGuiCol_WindowBg));
        list->AddText(ImVec2(tx, p0.y), IM_COL32(40, 40, 40, 255), label.c_str());
        list->PopClipRect();
    }

    // Reported figures.
    const float r = std::max(4.0f, line * 0.3f);
    int hot_ref = -1;
    if (show_reported_) {
        float best = r + 3;
        for (size_t i = 0; i < references_.size(); ++i) {
            const ReferencePoint& p = references_[i];
            if (p.axis == ReferenceAxis::Average && !show_average_) continue;
            const ImVec2 c(axis.x_of(p.date), p.axis == ReferenceAxis::Average ? y_avg(p.y * criteria / std::max(ds.criteria_on(p.date).size(), 1)) : y_count(p.y));
            const float d = std::hypot(io.MousePos.x - c.x, io.MousePos.y - c.y);
            if (hovered && d < best) {
                best = d;
                hot_ref = static_cast<int>(i);
            }
        }
        for (size_t i = 0; i < references_.size(); ++i) {
            const ReferencePoint& p = references_[i];
            if (p.axis == ReferenceAxis::Average && !show_average_) continue;
            const ImVec2 c(axis.x_of(p.date), p.axis == ReferenceAxis::Average ? y_avg(p.y * criteria / std::max(ds.criteria_on(p.date).size(), 1)) : y_count(p.y));
            reference_marker(list, p, c, r, band_count, static_cast<int>(i) == hot_ref);
        }
    }

    // The current date.
    const float date_x = axis.x_of(state.date());
    list->AddLine(ImVec2(date_x, a.y), ImVec2(date_x, b.y), kDateColour, 2.0f);
    list->PopClipRect();
    {
        const std::string label = format_date(state.date());
        const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
        const float lx = std::clamp(date_x - ts.x / 2, a.x, b.x - ts.x);
        list->AddRectFilled(ImVec2(lx - pad * 0.5f, b.y + 1), ImVec2(lx + ts.x + pad * 0.5f, b.y + line + pad),
                            kDateColour, 3);
        list->AddText(ImVec2(lx, b.y + pad * 0.5f), IM_COL32(255, 255, 255, 255), label.c_str());
    }

    // Tooltips.
    if (hot_ref >= 0) {
        const ReferencePoint& p = references_[hot_ref];
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        ImGui::Text("%s — %s", tr("Số liệu báo cáo", "Reported figure"), format_date(p.date).c_str());
        std::string value = format_value(p, p.value);
        if (p.percent >= 0) value += " (" + format_percent(p.percent) + ")";
        ImGui::Text("%s: %s", figure_title(p, ds.criteria_on(p.date)).c_str(), value.c_str());
        if (p.computed >= 0)
            ImGui::TextDisabled("%s: %s", tr("Tính từ dữ liệu", "Computed from the data"),
                                format_value(p, p.computed).c_str());
        if (!p.source.empty()) ImGui::TextDisabled("%s: %s", tr("Nguồn", "Source"), p.source.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    } else if (hot_step >= 0 && !active) {
        const ChartStep& s = series.steps[hot_step];
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(step_title(s, yearly_).c_str());
        if (ImGui::BeginTable("##values", 3, ImGuiTableFlags_SizingFixedFit)) {
            auto row = [&](Rgb colour, const std::string& name, int count) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                swatch(colour, false);
                ImGui::SameLine();
                ImGui::TextUnformatted(name.c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%d", count);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(format_percent(s.xa_total ? 100.0 * count / s.xa_total : 0).c_str());
            };
            for (size_t k = 0; k < s.counts.size(); ++k)
                row(band_colour(static_cast<int>(k), band_count),
                    band_title(k < series.band_labels.size() ? series.band_labels[k] : "?"), s.counts[k]);
            if (s.no_data > 0) row(no_data_colour(), tr("Chưa có dữ liệu", "No data"), s.no_data);
            ImGui::EndTable();
        }
        ImGui::Separator();
        ImGui::Text("%s: %d", tr("Tổng số xã", "Communes (xã)"), s.xa_total);
        if (s.with_data > 0)
            ImGui::Text("%s: %s", tr("Bình quân tiêu chí/xã", "Average criteria per xã"),
                        format_decimal(s.average, 2).c_str());
        note(tr("Nhấp hoặc kéo để chọn ngày", "Click or drag to set the date"));
        ImGui::EndTooltip();
    }

    // Click (or drag) sets the date: a reported figure's date, else the end of the step.
    if (activated && hot_ref >= 0) {
        state.set_date(references_[hot_ref].date);
    } else if (active && hot_ref < 0 && io.MousePos.x >= a.x - pad && io.MousePos.x <= b.x + pad) {
        const float x = std::clamp(io.MousePos.x, a.x, b.x - 1);
        const int i = step_at_x(series, axis, x);
        if (i >= 0) state.set_date(series.steps[i].date);
    }
}

}  // namespace ntm::ui
