#include "ui/date_panel.h"

#include <imgui.h>

#include "ui/widgets.h"

namespace ntm::ui {

void DatePanel::draw(AppState& state) {
    const Date first = state.first_date(), last = state.last_date();
    ImGui::Text("%s: %s", tr("Ngày", "Date"), format_date(state.date()).c_str());
    if (state.single_date()) {
        // Nothing to slide through or play: say why instead.
        note(state.has_data() && state.assessment_dates() == 1
                 ? tr("Dữ liệu chỉ có một ngày đánh giá.", "The data has a single assessment date.")
                 : tr("Dữ liệu chỉ có một ngày.", "The data covers a single day."));
        return;
    }
    // The slider carries no text of its own (its grab would cover it: "31/07/2", the date is on
    // the line above); the span's ends are written under it.
    int day = state.date().days;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderInt("##date", &day, first.days, std::max(last.days, first.days + 1), ""))
        state.set_date(Date{day});
    {
        const std::string from = format_date(first), to = format_date(last);
        ImGui::TextDisabled("%s", from.c_str());
        const float to_w = ImGui::CalcTextSize(to.c_str()).x;
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x - to_w));
        ImGui::TextDisabled("%s", to.c_str());
    }

    const PlayStep unit = state.play_step();
    if (ImGui::Button("|<")) state.set_date(first);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Về đầu", "To the start"));
    ImGui::SameLine();
    if (ImGui::ArrowButton("##back", ImGuiDir_Left)) state.step(unit, -1);
    ImGui::SameLine();
    if (ImGui::Button(state.playing() ? tr("Dừng", "Pause") : tr("▶ Chạy", "▶ Play")))
        state.set_playing(!state.playing());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Phím cách", "Space"));
    ImGui::SameLine();
    if (ImGui::ArrowButton("##forward", ImGuiDir_Right)) state.step(unit, 1);
    ImGui::SameLine();
    if (ImGui::Button(">|")) state.set_date(last);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Đến cuối", "To the end"));

    int step_index = unit == PlayStep::Month ? 0 : 1;
    ImGui::TextUnformatted(tr("Bước:", "Step:"));
    ImGui::SameLine();
    if (ImGui::RadioButton(tr("tháng", "month"), &step_index, 0)) state.set_play_step(PlayStep::Month);
    ImGui::SameLine();
    if (ImGui::RadioButton(tr("năm", "year"), &step_index, 1)) state.set_play_step(PlayStep::Year);
    // The speed written beside its slider, not inside it under the grab.
    float speed = static_cast<float>(state.play_speed());
    const std::string speed_text = format_decimal(speed, 1) + tr(" bước/giây", " steps/s");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(speed_text.c_str());
    ImGui::SameLine(ImGui::CalcTextSize(tr("12,0 bước/giây", "12.0 steps/s")).x + ImGui::GetStyle().ItemSpacing.x * 2 +
                    ImGui::GetStyle().WindowPadding.x);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderFloat("##speed", &speed, 0.5f, 12.0f, ""))
        state.set_play_speed(speed);
}

void DatePanel::handle_keys(AppState& state) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyShift || io.KeyCtrl) return;  // shift+arrows pan the map
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) state.set_playing(!state.playing());
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) state.step(state.play_step(), -1);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) state.step(state.play_step(), 1);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp))) state.step(PlayStep::Year, -1);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown))) state.step(PlayStep::Year, 1);
}

}  // namespace ntm::ui
