#pragma once
// Tables of the boundary reform: merger lists (which units formed each new unit) and plain code
// lists of units (a boundary version without geometry). Read with GDAL like the other tables
// (CSV with or without BOM, XLSX, ODS, ...), every cell as text, names NFC with Ð folded.
//
// Columns are found by name, case- and diacritic-insensitively, ignoring spaces, '_', '-' and
// '.'. Every failure throws ntm::Error with one line naming the file as given and the row (the
// spreadsheet line: the header is line 1).
#include <string>
#include <vector>

#include "core/lineage_match.h"
#include "core/unit.h"

namespace ntm::io {

// A merger list: the new unit's code (code_2025, ma, ma_dvhc, code, ...), optionally its name
// (name_2025, ten, name, ...) and the units it was formed from (formed_from, truoc_sap_nhap,
// sap_nhap_tu, truoc_sn, ...), split with split_formed_from. MergerRow::line is the row's line.
std::vector<MergerRow> read_merger_table(const std::string& path);

// A code list of units (langson_units_2025-03.csv: district_code, district_name, commune_code,
// commune_name, commune_type; or code, name/fullName): Unit code, name without its type word,
// kind (from a type column, else from the name's prefix), district code and name, search key.
// Version 0; the caller sets Unit::version.
std::vector<Unit> read_unit_list(const std::string& path);

}  // namespace ntm::io
