#pragma once
// Everything the app knows about one province (or any area), without geometry.
//
// Boundaries change with the date: a dataset holds one or more boundary versions (the units in
// force between two dates) and the lineage that links a version's units to those of the version
// before it. `units` holds the units of every version; each says which version it belongs to.
// Codes are reused across versions (06196 was Xã Cao Lâu until 30/6/2025 and is Xã Ba Sơn from
// 1/7/2025), so a code names a unit only together with a date or a version.
//
// Criteria sets change with the date too: `criteria_sets` are the sets of each period, in date
// order; criteria_on(date) is the one in force on a date.
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/criteria.h"
#include "core/records.h"
#include "core/unit.h"

namespace ntm {

struct DatasetInfo {
    std::string title;          // "Lạng Sơn"
    std::string province_code;  // "20"
    std::string source;         // shown on every export
    bool illustrative = false;  // demo data: every output says "Dữ liệu minh họa"
};

// How the units of a boundary version are grouped above the commune level.
enum class Grouping { District, Province, None };
const char* grouping_id(Grouping g);  // "district", "province", "none"
Grouping grouping_from_id(const std::string& id);  // District for anything else

struct BoundaryVersion {
    std::string id;                 // "2020", "2025-07"; unique in the dataset
    std::string name;               // shown to people: "Đơn vị hành chính từ 01/07/2025"
    std::optional<Date> valid_from;  // open: since always
    std::optional<Date> valid_to;    // open: still in force
    Grouping grouping = Grouping::District;
    bool in_force(Date date) const {
        return (!valid_from || date >= *valid_from) && (!valid_to || date <= *valid_to);
    }
};

// Unit `from` (of an earlier version) became part of unit `to` (of a later one) on `date`.
struct LineageLink {
    int from = -1, to = -1;  // indices into Dataset::units
    Date date;               // the day the later unit came into being
    std::string source;
};

struct District {
    std::string code, name;
};

struct Dataset {
    DatasetInfo info;
    std::vector<CriteriaSet> criteria_sets = national_criteria_sets();
    std::vector<BoundaryVersion> versions = {BoundaryVersion{"default", "", {}, {}, Grouping::District}};
    std::vector<Unit> units;  // of every version; Unit::version indexes `versions`
    std::vector<LineageLink> lineage;
    std::vector<Observation> observations;
    std::vector<Recognition> recognitions;
    std::vector<Event> events;
    std::vector<ReportedFigure> reported;

    // The criteria set in force on `date` (the first set before it begins, the last after).
    const CriteriaSet& criteria_on(Date date) const;
    int criteria_index_on(Date date) const;
    // For each set, the first set of its numbering: sets that continue the previous set's
    // numbering (same size, continues_previous) share one, so their observations carry across.
    std::vector<int> numbering_chains() const;
    // criteria_sets[index], or an empty set for -1 or an index out of range.
    const CriteriaSet& criteria_set(int index) const;
    // The boundary version in force on `date`: the one whose dates contain it, else the nearest.
    int version_on(Date date) const;
    bool in_force(int unit, Date date) const;
    // The version's grouping above the commune level ("Huyện", "Tỉnh", or none).
    Grouping grouping_on(Date date) const { return versions[version_on(date)].grouping; }

    // Index of the unit with this code in the version in force on `date`, or -1.
    int find_unit(const std::string& code, Date date) const;
    // Index of the unit with this code in the latest version that has it, or -1.
    int find_unit(const std::string& code) const;
    // Every unit with this code, in version order.
    std::vector<int> units_with_code(const std::string& code) const;
    // Units that formed `unit` (earlier version) / that `unit` became part of (later version).
    std::vector<int> predecessors(int unit) const;
    std::vector<int> successors(int unit) const;

    // Districts of the units in force on `date`, in first-seen order (code, or name when there is
    // no code); none when that version has no district level.
    std::vector<District> districts(Date date) const;
    // Districts of every unit of every version (for tables that name units of any version).
    std::vector<District> districts() const;
    // Rebuild the code index after changing `units`.
    void reindex();
    // Earliest and latest dates of observations, recognitions and events (nullopt when none).
    std::optional<Date> first_date() const;
    std::optional<Date> last_date() const;
    // The latest date of an observation or recognition: the default date of every view.
    std::optional<Date> last_data_date() const;

private:
    std::unordered_map<std::string, std::vector<int>> code_index_;
};

// What is known of the days a boundary version is in force. A version with its own dates
// (BoundaryVersion::valid_from / valid_to) is `dated`. One without (a boundary file opened or
// imported alone) is not; if it has a district level, it ended on 30/06/2025 at the latest, since
// the district level was abolished on 1 July 2025 (DESIGN.md, "Domain"; the two-level local
// government runs from 1/7/2025: https://vietnam24h.com.vn/tag/chinh-quyen-dia-phuong/page/2),
// so `to` is that day and `to_inferred` is set. Nothing else is guessed: no start, no end of a
// version without districts.
struct VersionPeriod {
    std::optional<Date> from, to;
    bool dated = false;
    bool to_inferred = false;
    bool contains(Date d) const { return (!from || d >= *from) && (!to || d <= *to); }
};
VersionPeriod version_period(const Dataset& dataset, int version);
// 30/06/2025: the last day of the district level (see VersionPeriod).
Date last_day_of_district_level();

// The date a command or view shows when none is asked for: the last date with assessments,
// else the last date of any record, else today — moved into the period of the boundary version
// in force (version_period): a dataset of district-level units without dates and without records
// is shown on 30/06/2025, never on a day after its units ceased to exist.
Date default_date(const Dataset& dataset);

// Said wherever a default date stands in for missing data (the map, summary, lagging): when the
// dataset has no assessments and the version in force on `date` carries no dates of its own,
// "Thời gian hiệu lực của ranh giới không rõ (có cấp huyện: trước 01/07/2025)" /
// "Boundary validity unknown (district level: before 2025-07-01)"; without a district level the
// parenthesis is left out. Empty otherwise.
std::string undated_boundaries_note(const Dataset& dataset, Date date, bool vietnamese);

}  // namespace ntm
