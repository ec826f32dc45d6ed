#include "ui/district_table_panel.h"

#include <imgui.h>

#include <string>

#include "ui/widgets.h"

namespace ntm::ui {
namespace {

const ImVec4 kMet(0.0f, 0.50f, 0.22f, 1.0f);
const ImVec4 kNotMet(0.78f, 0.12f, 0.12f, 1.0f);

bool en() { return current_lang() == Lang::En; }

// The value columns and the column saying whether their target is met.
struct TargetColumn {
    const char* value;
    const char* met;
    const char* vi;
    const char* en;
    const char* goal;
};
const TargetColumn kTargets[] = {
    {"percent_standard", "target_standard", "Xã đạt chuẩn", "Xã at standard", "≥ 80 %"},
    {"advanced_percent", "target_advanced", "Nâng cao / đạt chuẩn", "Advanced / at standard", "≈ 40 %"},
    {"model_percent", "target_model", "Kiểu mẫu / đạt chuẩn", "Model / at standard", "≥ 10 %"},
    {"below_threshold", "target_below_threshold", "Xã dưới 15 tiêu chí", "Xã below 15 criteria", "0"},
};

bool met_text(const std::string& s) { return s == "met" || s == "đạt"; }

}  // namespace

const Table& DistrictTablePanel::table(const AppState& state) {
    const bool lang = en();
    if (data_version_ != state.data_version() || planner_version_ != planner_.version() || date_ != state.date() ||
        en_ != lang) {
        table_ = planner_.district_targets(state.dataset(), state.states(), state.date(), lang);
        data_version_ = state.data_version();
        planner_version_ = planner_.version();
        date_ = state.date();
        en_ = lang;
    }
    return table_;
}

void DistrictTablePanel::draw_targets(const Table& t) {
    if (t.rows.empty()) return;
    const std::vector<TableCell>& province = t.rows.back();
    ImGui::TextDisabled("%s", tr("Mục tiêu 2021–2025 (Quyết định 263/QĐ-TTg), toàn tỉnh:",
                                 "2021–2025 targets (Decision 263/QĐ-TTg), province:"));
    if (!ImGui::BeginTable("##province_targets", 3, ImGuiTableFlags_SizingFixedFit)) return;
    for (const TargetColumn& target : kTargets) {
        const int v = t.column(target.value), m = t.column(target.met);
        if (v < 0 || m < 0) continue;
        const bool met = met_text(province[m].text);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(target.vi, target.en));
        ImGui::TableNextColumn();
        const std::string value = province[v].text.empty() ? "—" : display_number(province[v].text);
        ImGui::TextColored(met ? kMet : kNotMet, "%s%s", value.c_str(),
                           std::string(target.value) == "below_threshold" || province[v].text.empty() ? "" : " %");
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s %s · %s", tr("mục tiêu", "target"), target.goal,
                            met ? tr("đạt", "met") : tr("chưa đạt", "not met"));
    }
    ImGui::EndTable();
}

void DistrictTablePanel::draw(AppState& state) {
    planner_.sync_data(state.data_version());
    if (!state.has_data()) {
        ImGui::TextDisabled("%s", tr("Chưa mở dữ liệu.", "No data open."));
        return;
    }
    ImGui::TextDisabled("%s — %s", tr("Theo huyện", "By district"), format_date(state.date()).c_str());
    ImGui::SameLine();
    bool filtered = planner_.districts_filtered();
    if (ImGui::Checkbox(tr("Theo bộ lọc chung", "Use the shared filter"), &filtered)) planner_.set_districts_filtered(filtered);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("Tắt: mọi đơn vị, như lệnh `summary --by district`",
                                   "Off: every unit, as `summary --by district` prints"));

    const Table& t = table(state);
    draw_targets(t);
    ImGui::Separator();

    TableViewOptions options;
    options.footer_rows = 1;  // the province
    options.selected_district = selected_;
    options.hidden = {"target_standard", "target_advanced", "target_model", "target_below_threshold"};
    // Each value against its target: green when met, red when not.
    int value_col[4], met_col[4];
    for (int i = 0; i < 4; ++i) {
        value_col[i] = t.column(kTargets[i].value);
        met_col[i] = t.column(kTargets[i].met);
    }
    options.cell_colour = [&](size_t row, int column, ImVec4& colour) {
        for (int i = 0; i < 4; ++i)
            if (column == value_col[i] && met_col[i] >= 0 && !t.rows[row][column].text.empty()) {
                colour = met_text(t.rows[row][met_col[i]].text) ? kMet : kNotMet;
                return true;
            }
        return false;
    };
    const TableClick click =
        draw_table("##district_table", t, planner_, PlannerTable::Districts, options, CsvExportField::height());
    if (click.row >= 0) {
        const std::string& key = t.row_district[click.row];
        ViewRequest v;
        if (key.empty()) {
            v.kind = ViewRequest::Kind::Fit;  // the province row: the whole map
            selected_.clear();
        } else {
            v.kind = ViewRequest::Kind::District;
            v.district_code = key;
            selected_ = key;
        }
        state.request_view(v);
    }
    export_.draw("export", t, default_export_name(PlannerTable::Districts, state.date()));
}

}  // namespace ntm::ui
