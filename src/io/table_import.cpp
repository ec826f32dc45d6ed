#include "io/table_import.h"

#include "core/error.h"

namespace ntm::io {

// Stub so the import dialog can build against the API; the reader follows.
TablePreview preview_table(const std::string&, const Dataset&, const TableImportOptions&) {
    throw Error("table import: not implemented");
}
TableImportResult import_table(const std::string&, const Dataset&, const TableImportOptions&) {
    throw Error("table import: not implemented");
}
size_t merge_import(Dataset&, const TableImportResult&) { throw Error("table import: not implemented"); }
std::string NameProblem::message() const { return file; }
std::vector<std::string> TablePreview::summary_lines() const { return {}; }
const char* table_kind_id(TableKind) { return "auto"; }
const char* table_kind_name_vi(TableKind) { return ""; }
bool parse_table_kind(const std::string&, TableKind*) { return false; }

}  // namespace ntm::io
