#include "ui/district_table_panel.h"

#include <imgui.h>

#include <string>

#include "ui/widgets.h"

namespace ntm::ui {
namespace {

const ImVec4 kMet(0.0f, 0.50f, 0.22f, 1.0f);
const ImVec4 kNotMet(0.78f, 0.12f, 0.12f, 1.0f);

bool en() { return current_lang() == Lang::En; }

// The value column a target is checked against ("standard" -> "percent_standard").
std::string value_column(const std::string& target) {
    if (target == "standard") return "percent_standard";
    if (target == "below_threshold") return "below_threshold";
    return target + "_percent";
}

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

void DistrictTablePanel::draw_targets(const AppState& state, const Table& t) {
    if (t.rows.empty()) return;
    const std::vector<TableCell>& province = t.rows.back();
    // The targets of the period in force on the date; none are carried before 2021.
    const ScopeTargets goals = programme_targets(state.summary());
    if (goals.targets.empty()) {
        note(tr("Không có mục tiêu của giai đoạn này trong dữ liệu.",
                                     "No targets of this period are carried."));
        return;
    }
    const TargetStatus& first = goals.targets.front();
    ImGui::TextDisabled(tr("Mục tiêu đến năm %d (Quyết định %s), toàn tỉnh:", "Targets for %d (Decision %s), province:"),
                        first.year, first.decision.c_str());
    // Each target: its label, then its value and goal below it, so neither is squeezed into a
    // narrow column of a narrow panel.
    for (const TargetStatus& target : goals.targets) {
        const int v = t.column(value_column(target.id)), m = t.column("target_" + target.id);
        if (v < 0 || m < 0) continue;
        const bool met = met_text(province[m].text);
        const bool no_data = state.summary().xa_with_data == 0;
        ImGui::TextWrapped("%s", (en() ? target.label_en : target.label_vi).c_str());
        ImGui::Indent();
        const std::string value = province[v].text.empty() ? "—" : display_number(province[v].text);
        const ImVec4 colour = no_data ? ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled) : met ? kMet : kNotMet;
        ImGui::TextColored(colour, "%s%s", value.c_str(), !target.percent || province[v].text.empty() ? "" : " %");
        ImGui::SameLine();
        const std::string goal = target.rule == TargetRule::None ? std::string("0")
                                 : (target.rule == TargetRule::About ? "≈ " : "≥ ") + std::to_string(int(target.target)) + " %";
        // Without assessed xã a target is neither met nor missed.
        const char* status = no_data ? tr("chưa có dữ liệu", "no data") : met ? tr("đạt", "met") : tr("chưa đạt", "not met");
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("· %s %s · %s", tr("mục tiêu", "target"), goal.c_str(), status);
        ImGui::PopStyleColor();
        ImGui::Unindent();
    }
}

void DistrictTablePanel::draw(AppState& state) {
    planner_.sync_data(state.data_version());
    if (!state.has_data()) {
        note(tr("Chưa mở dữ liệu.", "No data open."));
        return;
    }
    const Grouping grouping = state.dataset().grouping_on(state.date());
    ImGui::TextDisabled("%s — %s", grouping == Grouping::Province ? tr("Theo tỉnh", "By province") : tr("Theo huyện", "By district"),
                        format_date(state.date()).c_str());
    ImGui::SameLine();
    bool filtered = planner_.districts_filtered();
    if (ImGui::Checkbox(tr("Theo bộ lọc chung", "Use the shared filter"), &filtered)) planner_.set_districts_filtered(filtered);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("Tắt: mọi đơn vị, như lệnh `summary --by district`",
                                   "Off: every unit, as `summary --by district` prints"));

    const Table& t = table(state);
    draw_targets(state, t);
    ImGui::Separator();

    TableViewOptions options;
    options.footer_rows = 1;  // the province
    options.selected_district = selected_;
    // Shown at first: what fits a side panel. The code and the counts of advanced and model xã
    // (their shares are shown) start hidden; the header's menu shows them, the CSV keeps them.
    options.hidden = {"code", "advanced", "model"};
    // Each value against its target: green when met, red when not; the met/not met columns are
    // for the CSV.
    std::vector<std::pair<int, int>> checked;  // (value column, met column)
    for (size_t c = 0; c < t.columns.size(); ++c) {
        const std::string& id = t.columns[c].id;
        if (id.rfind("target_", 0) != 0) continue;
        options.hidden.push_back(id);
        checked.emplace_back(t.column(value_column(id.substr(7))), static_cast<int>(c));
    }
    options.cell_colour = [&](size_t row, int column, ImVec4& colour) {
        for (const auto& [value, met] : checked)
            if (column == value && !t.rows[row][column].text.empty()) {
                colour = met_text(t.rows[row][met].text) ? kMet : kNotMet;
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
