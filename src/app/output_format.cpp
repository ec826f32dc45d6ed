#include "app/output_format.h"

#include <cstdio>

#include "core/csv.h"
#include "core/text.h"

namespace ntm::app {

std::string csv_field(const std::string& s) { return ntm::csv_field(s); }

std::string json_string(const std::string& s) { return json_quote(s); }

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

}  // namespace ntm::app
