#include "ui/reconciliation_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "ui/widgets.h"

namespace ntm::ui {
namespace {

constexpr ImU32 kFlagColour = IM_COL32(200, 30, 30, 255);

std::string scope_label(const Dataset& dataset, const std::string& scope) {
    if (scope == "province" || scope.compare(0, 9, "province:") == 0) {
        const std::string title = dataset.info.title.empty() ? "" : " " + dataset.info.title;
        return tr("Tỉnh", "Province") + title;
    }
    if (scope.compare(0, 9, "district:") == 0) {
        const std::string code = scope.substr(9);
        for (const District& d : dataset.districts())
            if (d.code == code) return d.name;
        return tr("Huyện ", "District ") + code;
    }
    return scope;
}

// "15–18 tiêu chí: số xã", "Bình quân tiêu chí/xã", ...
std::string figure_label(const std::string& figure) {
    const FigureName f = parse_figure_name(figure);
    const std::string measure = f.percent ? tr(" (%)", " (%)") : tr(" (số xã)", " (xã)");
    switch (f.what) {
        case FigureName::XaTotal: return tr("Tổng số xã", "Number of xã");
        case FigureName::Average: return tr("Bình quân tiêu chí/xã", "Average criteria per xã");
        case FigureName::Standard: return tr("Đạt chuẩn NTM", "At standard") + measure;
        case FigureName::Advanced: return tr("NTM nâng cao", "Advanced") + measure;
        case FigureName::Model: return tr("NTM kiểu mẫu", "Model") + measure;
        case FigureName::Band: {
            std::string range = std::to_string(f.lo);
            if (f.hi != f.lo) range += "\xE2\x80\x93" + std::to_string(f.hi);  // en dash
            return range + " " + tr("tiêu chí", "criteria") + measure;
        }
        case FigureName::Unknown: break;
    }
    return figure;
}

// Counts whole, averages and percentages with the decimals they were reported with (at least).
std::string value_text(const ReconciliationRow& row, double value) {
    const FigureName f = parse_figure_name(row.figure);
    if (f.what == FigureName::Average || f.percent) {
        int decimals = 2;
        if (row.tolerance >= 0.05) decimals = 1;
        if (row.tolerance >= 0.5) decimals = 0;
        if (f.what == FigureName::Average && decimals < 2) decimals = 2;
        return f.percent ? format_decimal(value, decimals) + " %" : format_decimal(value, decimals);
    }
    return format_decimal(value, std::fabs(value - std::round(value)) < 1e-9 ? 0 : 2);
}

}  // namespace

void ReconciliationPanel::refresh(const AppState& state) {
    data_version_ = state.data_version();
    rows_.clear();
    flagged_ = not_comparable_ = 0;
    if (!state.has_data() || !state.index()) return;
    const Dataset& dataset = state.dataset();
    rows_ = reconcile(dataset, *state.index());
    for (const ReconciliationRow& r : rows_) flagged_ += r.flagged ? 1 : 0;
    not_comparable_ = static_cast<int>(dataset.reported.size()) - static_cast<int>(rows_.size());
}

void ReconciliationPanel::draw(AppState& state) {
    if (state.data_version() != data_version_) refresh(state);
    if (!state.has_data()) {
        note(tr("Chưa mở dữ liệu.", "No data loaded."));
        return;
    }
    if (rows_.empty()) {
        ImGui::TextWrapped("%s", tr("Không có số liệu báo cáo nào so sánh được với dữ liệu (cấp tỉnh hoặc huyện).",
                                    "No reported figures to compare with the data (province or district scope)."));
        if (not_comparable_ > 0)
            ImGui::TextDisabled(tr("%d số liệu cấp toàn quốc hoặc ngoài phạm vi dữ liệu không được so sánh.",
                                   "%d national or out-of-scope figures are not compared."),
                                not_comparable_);
        return;
    }
    ImGui::Text(tr("%d số liệu so sánh, %d chênh lệch", "%d figures compared, %d differ"),
                static_cast<int>(rows_.size()), flagged_);
    same_line_if_fits(check_width(tr("Chỉ hiện chênh lệch", "Differences only")));
    ImGui::Checkbox(tr("Chỉ hiện chênh lệch", "Differences only"), &only_flagged_);
    if (not_comparable_ > 0) {
        char buf[160];
        std::snprintf(buf, sizeof buf,
                      tr("%d số liệu toàn quốc hoặc ngoài phạm vi dữ liệu không so sánh.",
                         "%d national or out-of-scope figures are not compared."),
                      not_comparable_);
        note(buf);
    }

    // One block per report date and scope ("31/07/2020 · Tỉnh Lạng Sơn", a click shows that
    // date), then its figures in four columns that fit the panel: the figure's name wraps, the
    // numbers' columns are as wide as their longest value or header word, headers wrap.
    const Dataset& dataset = state.dataset();
    const ImGuiStyle& style = ImGui::GetStyle();
    const char* headers[4] = {tr("Chỉ số", "Figure"), tr("Báo cáo", "Reported"), tr("Tính từ dữ liệu", "Computed"),
                              tr("Chênh lệch", "Difference")};
    float width[4] = {0, 0, 0, 0};
    auto longest_word = [](const char* text) {
        float w = 0;
        for (const char* p = text; *p;) {
            const char* e = p;
            while (*e && *e != ' ') ++e;
            w = std::max(w, ImGui::CalcTextSize(p, e).x);
            p = *e ? e + 1 : e;
        }
        return w;
    };
    for (int c = 1; c < 4; ++c) width[c] = longest_word(headers[c]);
    for (const ReconciliationRow& r : rows_) {
        width[1] = std::max(width[1], ImGui::CalcTextSize(value_text(r, r.reported).c_str()).x);
        width[2] = std::max(width[2], ImGui::CalcTextSize(value_text(r, r.computed).c_str()).x);
        width[3] = std::max(width[3], ImGui::CalcTextSize(("+" + value_text(r, r.difference)).c_str()).x);
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
    auto begin = [&](const char* id) {
        if (!ImGui::BeginTable(id, 4, flags)) return false;
        ImGui::TableSetupColumn("figure", ImGuiTableColumnFlags_WidthStretch);
        for (int c = 1; c < 4; ++c) ImGui::TableSetupColumn(headers[c], ImGuiTableColumnFlags_WidthFixed, width[c]);
        return true;
    };
    if (begin("##reconciliation_head")) {
        ImGui::TableNextRow();
        for (int c = 0; c < 4; ++c) {
            ImGui::TableNextColumn();
            ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
            ImGui::TextWrapped("%s", headers[c]);
        }
        ImGui::EndTable();
    }
    for (size_t i = 0; i < rows_.size();) {
        size_t j = i;
        bool any = false;
        while (j < rows_.size() && rows_[j].date == rows_[i].date && rows_[j].scope == rows_[i].scope) {
            any |= !only_flagged_ || rows_[j].flagged;
            ++j;
        }
        if (!any) {
            i = j;
            continue;
        }
        const ReconciliationRow& head = rows_[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string title = format_date(head.date) + " · " + scope_label(dataset, head.scope);
        ImGui::Spacing();
        if (ImGui::Selectable(title.c_str(), state.date() == head.date)) state.set_date(head.date);
        if (ImGui::IsItemHovered() && !head.source.empty())
            ImGui::SetTooltip("%s: %s", tr("Nguồn", "Source"), head.source.c_str());
        if (begin("##group")) {
            for (size_t k = i; k < j; ++k) {
                const ReconciliationRow& r = rows_[k];
                if (only_flagged_ && !r.flagged) continue;
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", figure_label(r.figure).c_str());
                if (ImGui::IsItemHovered() && !r.source.empty() && r.source != head.source)
                    ImGui::SetTooltip("%s: %s", tr("Nguồn", "Source"), r.source.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(value_text(r, r.reported).c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(value_text(r, r.computed).c_str());
                ImGui::TableNextColumn();
                const std::string diff = (r.difference > 0 ? "+" : "") + value_text(r, r.difference);
                // Red: beyond the reported value's rounding; grey: matches.
                if (r.flagged) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kFlagColour), "%s", diff.c_str());
                else ImGui::TextDisabled("%s", diff.c_str());
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("%s", r.flagged ? tr("Chênh lệch quá mức làm tròn của số báo cáo",
                                                           "Differs beyond the reported value's rounding")
                                                      : tr("Khớp (trong mức làm tròn)", "Matches (within rounding)"));
            }
            ImGui::EndTable();
        }
        ImGui::PopID();
        i = j;
    }
    (void)style;
}

}  // namespace ntm::ui
