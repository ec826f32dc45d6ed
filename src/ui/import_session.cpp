#include "ui/import_session.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "core/error.h"
#include "io/dataset_file.h"
#include "ui/app_state.h"
#include "ui/settings.h"

namespace fs = std::filesystem;

namespace ntm::ui {
namespace {

using M = io::ColumnMapping;

// "/vsigzip/a/b.geojson.gz" -> "a/b.geojson.gz": the file on disk.
std::string on_disk(const std::string& path) {
    return path.rfind("/vsigzip/", 0) == 0 ? path.substr(9) : path;
}

// "a/b.geojson.gz" -> "a/b": the name without the extensions of a boundary or dataset file.
std::string without_extensions(const std::string& path) {
    fs::path p(path);
    static const char* known[] = {".gz", ".zip", ".geojson", ".json", ".shp", ".gpkg", ".fgb", ".kml", ".gml", ".tab"};
    for (bool again = true; again;) {
        again = false;
        for (const char* ext : known)
            if (p.extension() == ext) {
                p.replace_extension();
                again = true;
            }
    }
    return p.string();
}

}  // namespace

std::vector<ImportRole> import_roles(io::TableKind kind) {
    const ImportRole code{&M::code, "Mã đơn vị", "Unit code"}, name{&M::name, "Tên đơn vị", "Unit name"},
        district{&M::district, "Huyện", "District"}, note{&M::note, "Ghi chú", "Note"};
    switch (kind) {
        case io::TableKind::Recognitions:
            return {code, name, district, {&M::level, "Mức đạt chuẩn", "Level"},
                    {&M::date, "Ngày công nhận", "Date"}, {&M::decision, "Số quyết định", "Decision number"},
                    {&M::decision_date, "Ngày quyết định", "Decision date"}, {&M::year, "Năm", "Year"}, note};
        case io::TableKind::Events:
            return {code, name, district, {&M::date, "Ngày bắt đầu", "Start date"}, {&M::end, "Ngày kết thúc", "End date"},
                    {&M::kind, "Loại hoạt động", "Kind"}, {&M::title, "Nội dung", "Title"},
                    {&M::organiser, "Đơn vị tổ chức", "Organiser"}, {&M::participants, "Thành phần", "Participants"},
                    {&M::source, "Nguồn", "Source"}};
        default:
            return {code, name, district, {&M::date, "Ngày đánh giá", "Assessment date"},
                    {&M::total, "Tổng số tiêu chí đạt", "Criteria met (total)"}, {&M::group, "Nhóm xã", "Commune group"},
                    {&M::criterion, "Tiêu chí (dạng dọc)", "Criterion (long form)"},
                    {&M::met, "Đạt (dạng dọc)", "Met (long form)"}, note};
    }
}

ImportTarget import_target(const std::string& data_path, bool is_dataset_file) {
    const std::string file = on_disk(data_path);
    ImportTarget t;
    if (is_dataset_file) {
        t.dataset = file;
        t.backup = without_extensions(file) + ".before-import.gpkg";
        t.reopen_on_undo = file;
        return t;
    }
    // Boundaries alone: a new dataset beside them (in the home folder when theirs is read-only),
    // never over another file.
    std::string stem = without_extensions(file);
    const std::string folder = fs::path(stem).parent_path().string();
    if (::access(folder.empty() ? "." : folder.c_str(), W_OK) != 0)
        stem = home_dir() + "/" + fs::path(stem).filename().string();
    t.dataset = stem + ".gpkg";
    for (int n = 2; fs::exists(t.dataset); ++n) t.dataset = stem + "-" + std::to_string(n) + ".gpkg";
    t.reopen_on_undo = data_path;
    return t;
}

void ImportSession::load(const std::string& path, const Dataset& dataset) {
    path_ = path;
    options_ = {};
    date_error_.clear();
    refresh(dataset);
}

void ImportSession::refresh(const Dataset& dataset) {
    error_.clear();
    try {
        preview_ = io::preview_table(path_, dataset, options_);
    } catch (const std::exception& e) {
        preview_.reset();
        error_ = e.what();
    }
}

io::ColumnMapping ImportSession::current_mapping() const {
    if (options_.mapping) return *options_.mapping;
    return preview_ ? preview_->mapping : io::ColumnMapping{};
}

void ImportSession::set_kind(io::TableKind kind, const Dataset& dataset) {
    if (kind == options_.kind) return;
    options_.kind = kind;
    options_.mapping.reset();  // another kind has other roles: start from its detection
    refresh(dataset);
}

bool ImportSession::set_date(const std::string& text, const Dataset& dataset) {
    std::string t = text;
    t.erase(std::remove_if(t.begin(), t.end(), [](char c) { return c == ' ' || c == '\t'; }), t.end());
    std::optional<Date> date;
    if (!t.empty()) {
        date = parse_date(t);
        if (!date) {
            date_error_ = std::string(tr("Không phải ngày: '", "Not a date: '")) + text +
                          tr("' (viết 31/12/2024 hoặc 2024-12-31)", "' (write 2024-12-31 or 31/12/2024)");
            return false;
        }
    }
    date_error_.clear();
    if (date == options_.date) return true;
    options_.date = date;
    refresh(dataset);
    return true;
}

void ImportSession::set_role(int io::ColumnMapping::*member, int column, const Dataset& dataset) {
    io::ColumnMapping m = current_mapping();
    if (column >= 0) {
        for (const ImportRole& r : import_roles(io::TableKind::Attainment)) if (m.*(r.member) == column) m.*(r.member) = -1;
        for (const ImportRole& r : import_roles(io::TableKind::Recognitions)) if (m.*(r.member) == column) m.*(r.member) = -1;
        for (const ImportRole& r : import_roles(io::TableKind::Events)) if (m.*(r.member) == column) m.*(r.member) = -1;
        m.criteria.erase(std::remove_if(m.criteria.begin(), m.criteria.end(),
                                        [&](const std::pair<int, int>& c) { return c.first == column; }),
                         m.criteria.end());
    }
    m.*member = column;
    options_.mapping = m;
    refresh(dataset);
}

void ImportSession::set_criterion(int column, int number, const Dataset& dataset) {
    io::ColumnMapping m = current_mapping();
    m.criteria.erase(std::remove_if(m.criteria.begin(), m.criteria.end(),
                                    [&](const std::pair<int, int>& c) { return c.first == column; }),
                     m.criteria.end());
    if (number > 0) {
        // A criterion has one column: taking it here frees the column it had.
        m.criteria.erase(std::remove_if(m.criteria.begin(), m.criteria.end(),
                                        [&](const std::pair<int, int>& c) { return c.second == number; }),
                         m.criteria.end());
        for (const ImportRole& r : import_roles(io::TableKind::Attainment)) if (m.*(r.member) == column) m.*(r.member) = -1;
        m.criteria.emplace_back(column, number);
        std::sort(m.criteria.begin(), m.criteria.end());
    }
    options_.mapping = m;
    refresh(dataset);
}

int ImportSession::criterion_of(int column) const {
    for (const auto& [c, n] : current_mapping().criteria)
        if (c == column) return n;
    return 0;
}

void ImportSession::reset_mapping(const Dataset& dataset) {
    if (!options_.mapping) return;
    options_.mapping.reset();
    refresh(dataset);
}

void ImportSession::set_sheet(const std::string& sheet, bool all_sheets, const Dataset& dataset) {
    if (sheet == options_.sheet && all_sheets == options_.all_sheets) return;
    options_.sheet = all_sheets ? "" : sheet;
    options_.all_sheets = all_sheets;
    options_.mapping.reset();  // another sheet has its own header
    refresh(dataset);
}

void ImportSession::set_skip_unmatched(bool on, const Dataset& dataset) {
    if (on == options_.skip_unmatched) return;
    options_.skip_unmatched = on;
    refresh(dataset);
}

std::string ImportSession::blocker() const {
    if (!loaded()) return tr("Chưa chọn bảng", "No table chosen");
    if (!preview_) return error_;
    const io::TablePreview& p = *preview_;
    if (!p.errors.empty()) return p.errors.front();
    if (p.rows_read == 0) return tr("Bảng không có dòng đơn vị nào", "The table has no rows of units");
    if (!p.unmatched.empty() && !options_.skip_unmatched)
        return std::to_string(p.unmatched.size()) +
               tr(" tên không khớp: sửa bảng, hoặc chọn “Bỏ qua tên không khớp”",
                  " names did not match: fix the table, or tick “Skip unmatched names”");
    if (p.matched == 0) return tr("Không dòng nào khớp với đơn vị của bộ dữ liệu", "No row matched a unit of the dataset");
    return "";
}

ImportRecord ImportSession::commit(const Dataset& dataset, const geo::MapGeometry& geometry,
                                   const ImportTarget& target) const {
    if (!loaded()) throw Error(tr("chưa chọn bảng", "no table chosen"));
    const io::TableImportResult result = io::import_table(path_, dataset, options_);
    Dataset next = dataset;
    ImportRecord record;
    record.target = target;
    record.table = path_;
    record.records = io::merge_import(next, result);
    if (record.records == 0) throw Error(path_ + tr(": không có gì để nhập", ": nothing to import"));
    next.reindex();
    // The file before the import first: if keeping it fails, the dataset is not touched.
    if (!target.backup.empty()) copy_file_atomically(target.dataset, target.backup);
    io::save_dataset(target.dataset, next, geometry);
    return record;
}

void copy_file_atomically(const std::string& from, const std::string& to) {
    const std::string tmp = to + ".tmp-" + std::to_string(::getpid());
    std::error_code ec;
    fs::copy_file(from, tmp, fs::copy_options::overwrite_existing, ec);
    if (!ec) fs::rename(tmp, to, ec);
    if (ec) {
        fs::remove(tmp);
        throw Error(tr("không sao được ", "could not copy ") + from + tr(" sang ", " to ") + to + ": " + ec.message());
    }
}

void undo_import(const ImportRecord& record) {
    if (record.target.backup.empty()) return;  // a new dataset: the boundary source is reopened
    if (!fs::exists(record.target.backup))
        throw Error(record.target.backup + tr(": tệp trước khi nhập không còn", ": the file from before the import is gone"));
    copy_file_atomically(record.target.backup, record.target.dataset);
}

}  // namespace ntm::ui
