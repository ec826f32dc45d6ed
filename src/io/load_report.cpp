#include "io/load_report.h"

#include <cstdio>
#include <sstream>

namespace ntm::io {

static std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string LoadReport::text() const {
    std::ostringstream s;
    s << "Source:       " << source << "\n";
    s << "Driver/layer: " << driver << " / " << layer << "\n";
    s << "Units:        " << features << " (";
    bool first = true;
    for (UnitKind k : {UnitKind::Xa, UnitKind::ThiTran, UnitKind::Phuong, UnitKind::DacKhu, UnitKind::Unknown}) {
        const auto it = units_per_kind.find(k);
        if (it == units_per_kind.end() || it->second == 0) continue;
        s << (first ? "" : ", ") << it->second << " " << kind_name_vi(k);
        first = false;
    }
    s << "), " << vertices << " vertices\n";
    if (groups_are_provinces) s << "Provinces:    " << units_per_district.size();
    else if (units_per_district.empty()) s << "Districts:    none (no level between province and commune)";
    else s << "Districts:    " << units_per_district.size();
    for (size_t i = 0; i < units_per_district.size(); ++i)
        s << (i ? "; " : "\n              ") << units_per_district[i].first << " " << units_per_district[i].second;
    s << "\n";
    s << "Fields:      ";
    for (const auto& [role, field] : fields) s << " " << role << "=" << field;
    s << "\n";
    s << "Kind from:    " << kind_from << "\n";
    s << "Encoding:     " << encoding << " (" << encoding_reason << ")\n";
    s << "Source CRS:   " << source_crs << "\n";
    s << "Display CRS:  " << display_crs << " (" << display_crs_reason << ")\n";
    s << "Repairs:      " << invalid_repaired << " invalid polygons repaired, "
      << duplicate_vertices_removed << " duplicate vertices removed, " << degenerate_parts_removed
      << " degenerate parts removed, " << rings_reoriented << " rings reoriented\n";
    for (const Repair& r : repairs)
        s << "  feature " << r.feature << (r.unit_code.empty() ? "" : " (" + r.unit_code + ")") << ": "
          << r.what << "\n";
    s << "Codes:        " << missing_codes.size() << " missing, " << duplicate_codes.size()
      << " duplicated\n";
    for (const std::string& m : missing_codes) s << "  " << m << "\n";
    for (const std::string& d : duplicate_codes) s << "  code " << d << " occurs more than once\n";
    if (!topology_checked) {
        s << "Topology:     " << topology_note << "\n";
    } else {
        s << "Overlaps:     " << overlap_pairs << " overlapping neighbour pairs, "
          << fixed(overlap_area_m2 / 1e6, 3) << " km² in all\n";
        for (const NeighbourIssue& o : worst_overlaps)
            s << "  " << o.a << " / " << o.b << ": " << fixed(o.area_m2, 0) << " m² near ("
              << fixed(o.x, 0) << ", " << fixed(o.y, 0) << ")\n";
        s << "Gaps:         " << gaps << " gaps between neighbours, " << fixed(gap_area_m2 / 1e6, 3)
          << " km² in all\n";
        for (const NeighbourIssue& g : worst_gaps)
            s << "  " << fixed(g.area_m2, 0) << " m² near (" << fixed(g.x, 0) << ", " << fixed(g.y, 0) << ")\n";
    }
    s << "Timings:      open " << fixed(seconds_open, 3) << " s, read and prepare "
      << fixed(seconds_read, 3) << " s, topology " << fixed(seconds_topology, 3) << " s\n";
    return s.str();
}

}  // namespace ntm::io
