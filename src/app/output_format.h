#pragma once
// Small helpers for the text, CSV and JSON outputs of the commands.
#include <string>

namespace ntm::app {

std::string csv_field(const std::string& s);   // quoted when it holds , " or a newline
std::string json_string(const std::string& s); // with quotes and escapes
std::string fixed(double v, int decimals);     // "28.18"

}  // namespace ntm::app
