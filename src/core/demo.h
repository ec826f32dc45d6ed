#pragma once
// The illustrative demo dataset: Lạng Sơn as in 2020 (200 commune-level units in 11 districts)
// with invented attainment histories 2011–2025 that reproduce the province's published figures for
// 31 July 2020 exactly, and the dated items of the news samples in shared/news/.
//
// Unit names and codes are real (GSO list of administrative units); every observation,
// recognition and the events marked "Minh họa" are invented. Everything is deterministic: the
// generator uses its own fixed-seed PRNG (splitmix64), so every call gives the same dataset.
#include <string_view>
#include <vector>

#include "core/dataset.h"
#include "core/lineage_match.h"

namespace ntm::demo {

// The 200 commune-level units of Lạng Sơn as in 2020 (181 xã, 5 phường, 14 thị trấn), in code
// order, with kind, district, search key and illustrative "border" tags.
std::vector<Unit> langson_units_2020();

// The illustrative dataset of 2020's units alone (one boundary version, "2020"; info, criteria
// sets, units, observations, recognitions, events, reported figures), with its 2025 round in
// November 2025 as if the units had not been merged. Many tests use it with make_demo_tiling().
Dataset make_demo_dataset();

// The published merger list of 1 July 2025 as bundled in data/geo/langson_merger_2025-07.csv
// (columns code_2025, name_2025, formed_from, ...): one row per new unit, with the names it was
// formed from. Throws ntm::Error naming the line on a missing column, code or name.
std::vector<MergerRow> parse_merger_list(std::string_view csv_text);

// The demo as it stands today (December 2026), what `ntm-atlas demo` writes: two boundary
// versions, "2020" (the 200 units of make_demo_dataset(), until 30/06/2025, by district) and
// "2025-07" (the 65 units of `merger_2025`, from 01/07/2025, no districts), linked by the merger
// list (match_lineage); the histories of make_demo_dataset() up to June 2025 (its 2025 round and
// recognitions held in June, before the merger), the new xã's criteria carried over on
// 01/07/2025, and illustrative assessments of 2026 on the 2026–2030 set. See demo_2025.cpp.
// Throws ntm::Error when a name of the merger list does not resolve to one unit of 2020.
Dataset make_demo_dataset_2026(const std::vector<MergerRow>& merger_2025);

}  // namespace ntm::demo
