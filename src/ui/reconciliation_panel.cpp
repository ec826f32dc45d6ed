#include "ui/reconciliation_panel.h"

#include <imgui.h>

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
    ImGui::SameLine();
    ImGui::Checkbox(tr("Chỉ hiện chênh lệch", "Differences only"), &only_flagged_);
    if (not_comparable_ > 0) {
        ImGui::SameLine();
        ImGui::TextDisabled(tr("(%d số liệu toàn quốc/ngoài phạm vi không so sánh)",
                               "(%d national/out-of-scope figures not compared)"),
                            not_comparable_);
    }

    const Dataset& dataset = state.dataset();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##reconciliation", 7, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("Ngày", "Date"));
    ImGui::TableSetupColumn(tr("Phạm vi", "Scope"));
    ImGui::TableSetupColumn(tr("Chỉ số", "Figure"));
    ImGui::TableSetupColumn(tr("Báo cáo", "Reported"));
    ImGui::TableSetupColumn(tr("Tính từ dữ liệu", "Computed"));
    ImGui::TableSetupColumn(tr("Chênh lệch", "Difference"));
    ImGui::TableSetupColumn(tr("Kết quả", "Check"));
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < rows_.size(); ++i) {
        const ReconciliationRow& r = rows_[i];
        if (only_flagged_ && !r.flagged) continue;
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        // Clicking a row moves the map to the date the figure describes.
        const bool current = state.date() == r.date;
        if (ImGui::Selectable(format_date(r.date).c_str(), current, ImGuiSelectableFlags_SpanAllColumns))
            state.set_date(r.date);
        if (ImGui::IsItemHovered() && !r.source.empty())
            ImGui::SetTooltip("%s: %s", tr("Nguồn", "Source"), r.source.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(scope_label(dataset, r.scope).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(figure_label(r.figure).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(value_text(r, r.reported).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(value_text(r, r.computed).c_str());
        ImGui::TableNextColumn();
        const std::string diff = (r.difference > 0 ? "+" : "") + value_text(r, r.difference);
        if (r.flagged) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kFlagColour), "%s", diff.c_str());
        else ImGui::TextUnformatted(diff.c_str());
        ImGui::TableNextColumn();
        if (r.flagged) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(kFlagColour), "%s", tr("Chênh lệch", "Differs"));
        else note(tr("Khớp", "Matches"));
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace ntm::ui
