#include "ui/widgets.h"

#include <imgui.h>

#include "core/format.h"
#include "ui/app_state.h"

namespace ntm::ui {

void swatch(Rgb c, bool hatched) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 size(h * 1.6f, h);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), IM_COL32(c.r, c.g, c.b, 255));
    if (hatched) {
        list->PushClipRect(p, ImVec2(p.x + size.x, p.y + size.y), true);
        for (float x = -size.y; x < size.x; x += h * 0.35f)
            list->AddLine(ImVec2(p.x + x, p.y + size.y), ImVec2(p.x + x + size.y, p.y),
                          IM_COL32(120, 120, 120, 255), 1.5f);
        list->PopClipRect();
    }
    list->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), IM_COL32(90, 90, 90, 255));
    ImGui::Dummy(size);
}

std::string levels_line(const Summary& s) {
    std::string out;
    auto add = [&](const char* vi, const char* en, int n) {
        out += (out.empty() ? "" : " · ") + std::string(tr(vi, en)) + ": " + std::to_string(n);
    };
    if (s.has_level(Level::Advanced)) add("Nâng cao", "Advanced", s.advanced);
    if (s.has_level(Level::Model)) add("Kiểu mẫu", "Model", s.model);
    if (s.has_level(Level::Modern)) add("Hiện đại", "Modern", s.modern);
    if (s.threshold > 0) {
        const std::string below = std::string(tr("Dưới ", "Below ")) + std::to_string(s.threshold) +
                                  tr(" tiêu chí", " criteria");
        out += (out.empty() ? "" : " · ") + below + ": " + std::to_string(s.below_threshold);
    }
    return out;
}

void note(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

void same_line_if_fits(float width) {
    const float right = ImGui::GetContentRegionMax().x;
    ImGui::SameLine();
    if (ImGui::GetCursorPosX() + width > right) ImGui::NewLine();
}

float check_width(const char* label) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float text = ImGui::CalcTextSize(label, nullptr, true).x;
    return ImGui::GetFrameHeight() + (text > 0 ? style.ItemInnerSpacing.x + text : 0);
}

std::string count_of(int n, const char* vi, const char* en_one, const char* en_many) {
    return std::to_string(n) + " " + (current_lang() == Lang::Vi ? vi : n == 1 ? en_one : en_many);
}

std::string format_date(Date date) { return ntm::format_date(date, current_lang() == Lang::Vi); }
std::string format_percent(double percent) {
    return ntm::format_percent(percent, current_lang() == Lang::Vi);
}
std::string format_decimal(double value, int decimals) {
    return ntm::format_decimal(value, decimals, current_lang() == Lang::Vi);
}

void count_row(Rgb colour, bool hatched, const std::string& label, int count, double percent) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    swatch(colour, hatched);
    ImGui::SameLine();
    ImGui::TextWrapped("%s", label.c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%d", count);
    ImGui::TableNextColumn();
    if (percent >= 0) ImGui::TextUnformatted(format_percent(percent).c_str());
}

}  // namespace ntm::ui
