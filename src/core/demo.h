#pragma once
// The illustrative demo dataset: Lạng Sơn as in 2020 (200 commune-level units in 11 districts)
// with invented attainment histories 2011–2025 that reproduce the province's published figures for
// 31 July 2020 exactly, and the dated items of the news samples in shared/news/.
//
// Unit names and codes are real (GSO list of administrative units); every observation,
// recognition and the events marked "Minh họa" are invented. Everything is deterministic: the
// generator uses its own fixed-seed PRNG (splitmix64), so every call gives the same dataset.
#include <vector>

#include "core/dataset.h"

namespace ntm::demo {

// The 200 commune-level units of Lạng Sơn as in 2020 (181 xã, 5 phường, 14 thị trấn), in code
// order, with kind, district, search key and illustrative "border" tags.
std::vector<Unit> langson_units_2020();

// The whole illustrative dataset (info, criteria set, units, observations, recognitions, events,
// reported figures).
Dataset make_demo_dataset();

}  // namespace ntm::demo
