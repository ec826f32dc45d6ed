#pragma once
// Lineage across boundary versions: which units formed a unit, what became of one, and how the
// predecessors stood the day before the change (their history carried across the reform).
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/state.h"

namespace ntm {

struct LineageStep {
    int unit = -1;  // index into Dataset::units
    Date date;      // the day the later unit came into being
};

struct PredecessorState {
    int unit = -1;
    UnitState before;  // on the day before the change
};

struct Formation {
    Date date;                               // the day the unit came into being
    std::vector<PredecessorState> predecessors;
    int xa = 0;           // predecessors that were xã
    int xa_at_standard = 0;  // of those, with all criteria met the day before
};

// How `unit` was formed, when the lineage names its predecessors (nullopt otherwise).
std::optional<Formation> formation(const Dataset& dataset, const AttainmentIndex& index, int unit);
// The units `unit` became part of, with the dates.
std::vector<LineageStep> successors_of(const Dataset& dataset, int unit);

// A unit's name for lineage lists: "Mẫu Sơn (huyện Cao Lộc)" when the name alone is ambiguous in
// its version, else "Cao Lâu"; with the type word when `full` ("Xã Cao Lâu").
std::string lineage_name(const Dataset& dataset, int unit, bool full = false);

// "Hình thành ngày 01/07/2025 từ Xã Mẫu Sơn (huyện Cao Lộc), Xã Cao Lâu, Xã Xuất Lễ; 2/3 xã đạt
// chuẩn ngày 30/06/2025" / "Formed on 2025-07-01 from ...; 2 of 3 xã at standard on 2025-06-30".
std::string describe_formation(const Dataset& dataset, const Formation& f, bool vi);
// "Sáp nhập vào Xã Ba Sơn từ ngày 01/07/2025" / "Part of Xã Ba Sơn from 2025-07-01".
std::string describe_successors(const Dataset& dataset, const std::vector<LineageStep>& s, bool vi);

}  // namespace ntm
