#include "app/output_format.h"

#include <cmath>
#include <cstdio>

#include "core/csv.h"

namespace ntm::app {

std::string csv_field(const std::string& s) { return ntm::csv_field(s); }

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

double rounded(double v, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

std::string json_text(const Json& j) { return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"; }

std::string band_column(const std::string& label) {
    std::string out = "band";
    bool gap = true;
    for (const char c : label) {
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            if (gap) out += '_';
            out += c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
            gap = false;
        } else {
            gap = true;  // a dash, an en dash's bytes, a space: one underscore
        }
    }
    return out;
}

}  // namespace ntm::app
