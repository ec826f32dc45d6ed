#pragma once
// Small drawing helpers shared by the panels, and formatting in the current language.
#include <string>

#include "core/statistics.h"

#include "core/date.h"
#include "core/palette.h"

namespace ntm::ui {

// A legend swatch the height of a text line at the cursor; hatched for "not applicable".
void swatch(Rgb colour, bool hatched);

// A legend-style table row (three columns): swatch and label, count, and percent when >= 0.
void count_row(Rgb colour, bool hatched, const std::string& label, int count, double percent = -1);

// The levels of the summary's period and the "below N criteria" count, on one line:
// "Nâng cao: 3 · Kiểu mẫu: 1 · Dưới 15 tiêu chí: 0" (2021–2025), "Hiện đại: 2" (2026–2030).
std::string levels_line(const Summary& summary);
// Greyed text that wraps at the panel's edge instead of running past it.
void note(const char* text);
inline void note(const std::string& text) { note(text.c_str()); }
// Keeps the next item on this line when `width` still fits, else starts a new line (rows of
// checkboxes and legend entries that wrap in a narrow panel).
void same_line_if_fits(float width);
// The width of a checkbox or radio button with this label.
float check_width(const char* label);
// "1 unit", "3 units"; Vietnamese has no plural: "1 đơn vị", "3 đơn vị".
std::string count_of(int n, const char* vi, const char* en_one, const char* en_many);

std::string format_date(Date date);                  // "31/07/2020" / "2020-07-31"
std::string format_percent(double percent);          // "28,18 %" / "28.18 %"
std::string format_decimal(double value, int decimals);

}  // namespace ntm::ui
