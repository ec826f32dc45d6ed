#pragma once
// Finds which attribute holds the unit code, name, kind and district, by field name and content.
#include <string>
#include <vector>

#include "io/boundary_loader.h"

namespace ntm::io {

struct FieldColumn {
    std::string name;
    bool numeric = false;             // integer or real OGR field
    std::vector<std::string> values;  // decoded, cleaned; one per feature
};

struct FieldRoles {
    int code = -1, name = -1, kind = -1, district = -1, district_code = -1;
    int kind_prefix = -1;  // a name field whose values start with the kind ("Xã Liên Hội")
    int province = -1;     // province names, when the file has them (titles the map)
    // The district fields hold provinces: a file of several provinces without districts (all
    // of Việt Nam after July 2025), whose units are grouped by province instead.
    bool groups_are_provinces = false;
};

// Throws ntm::Error when an override names a field the source does not have.
FieldRoles detect_fields(const std::vector<FieldColumn>& columns, const FieldOverrides& overrides,
                         const std::string& source);

}  // namespace ntm::io
