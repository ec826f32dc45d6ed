#pragma once
// Helpers for the text, CSV and JSON outputs of the commands. Machine outputs (CSV, JSON) carry
// plain numbers ("63.54") and stable English snake_case names; text output is localised.
#include <nlohmann/json.hpp>

#include <string>

namespace ntm::app {

// Keys keep the order they were added in, so outputs read top-down like the text.
using Json = nlohmann::ordered_json;

std::string csv_field(const std::string& s);   // quoted when it holds , " or a newline
std::string fixed(double v, int decimals);     // "28.18"
// `v` rounded to `decimals` places, for JSON numbers (28.18, not 28.180000000000003).
double rounded(double v, int decimals = 2);
// A JSON document indented by two spaces with a final newline. Text that is not UTF-8 (which
// the readers refuse, so this is a last guard) is replaced by U+FFFD, never emitted.
std::string json_text(const Json& j);
// A stable column name for a band's label: "15–18" -> "band_15_18", "19" -> "band_19".
std::string band_column(const std::string& label);

}  // namespace ntm::app
