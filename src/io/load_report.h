#pragma once
// What loading a boundary source found and did: the contract of `ntm-atlas check`.
#include <map>
#include <string>
#include <vector>

#include "core/unit.h"

namespace ntm::io {

// One change made to a feature's geometry or attributes, or a problem found with it.
struct Repair {
    int feature = -1;       // 0-based feature index in the source
    std::string unit_code;  // as read (may be empty)
    std::string what;       // "invalid polygon repaired (Self-intersection)", ...
};

struct NeighbourIssue {
    std::string a, b;  // unit codes ("" for a gap, which belongs to no unit)
    double area_m2 = 0;
    double x = 0, y = 0;  // a point inside, in the display CRS
};

struct LoadReport {
    std::string source, driver, layer;
    int features = 0;
    size_t vertices = 0;

    std::string source_crs;   // "EPSG:4326 WGS 84" or "none (assumed EPSG:4326: ...)"
    std::string display_crs;  // "EPSG:9215 VN-2000 / TM-3 107-15"
    std::string display_crs_reason;
    std::string encoding, encoding_reason;
    std::map<std::string, std::string> fields;  // role ("code", "name", "kind", ...) -> field
    std::string kind_from;                      // "field 'loai'" or "name prefix of 'fullName'"

    std::map<UnitKind, int> units_per_kind;
    std::vector<std::pair<std::string, int>> units_per_district;  // in first-seen order
    bool groups_are_provinces = false;  // units_per_district lists provinces

    int invalid_repaired = 0;
    int duplicate_vertices_removed = 0;
    int degenerate_parts_removed = 0;
    int rings_reoriented = 0;
    std::vector<Repair> repairs;  // every repair and every attribute problem, one per line

    bool topology_checked = false;
    std::string topology_note;  // why it was skipped, when it was
    int overlap_pairs = 0;
    double overlap_area_m2 = 0;
    std::vector<NeighbourIssue> worst_overlaps;  // largest first, at most 10
    int gaps = 0;
    double gap_area_m2 = 0;
    std::vector<NeighbourIssue> worst_gaps;

    std::vector<std::string> missing_codes;    // "feature 12 (Xã A)": given code "#12"
    std::vector<std::string> duplicate_codes;  // codes that occur more than once

    double seconds_open = 0, seconds_read = 0, seconds_topology = 0;

    std::string text() const;  // human-readable report, Vietnamese names kept as they are
};

}  // namespace ntm::io
