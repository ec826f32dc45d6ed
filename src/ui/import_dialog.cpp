#include "ui/import_dialog.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "core/error.h"
#include "io/dataset_file.h"
#include "ui/import_messages.h"
#include "ui/widgets.h"

namespace ntm::ui {
namespace {

const ImU32 kError = IM_COL32(190, 30, 30, 255);

void error_text(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, kError);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void wrapped(const std::string& text) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
}

const char* kind_name(io::TableKind k) {
    switch (k) {
        case io::TableKind::Attainment: return tr("Kết quả tiêu chí", "Criteria results");
        case io::TableKind::Recognitions: return tr("Công nhận đạt chuẩn", "Recognitions");
        case io::TableKind::Events: return tr("Sự kiện", "Events");
        default: return tr("Tự nhận biết", "Detect");
    }
}

// The io layer says where the date came from in Vietnamese ("cột Ngày", "tiêu đề: …").
std::string date_origin(const std::string& from) {
    if (from == "--date") return tr("ngày đặt ở đây", "the date set here");
    if (current_lang() == Lang::Vi) return from;
    if (from.rfind("cột ", 0) == 0) return "column " + from.substr(4);
    if (from.rfind("tiêu đề: ", 0) == 0) return "title: " + from.substr(std::string("tiêu đề: ").size());
    return from;
}

std::string column_label(const io::TablePreview& p, int column) {
    if (column < 0 || column >= static_cast<int>(p.columns.size())) return "—";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d. ", column + 1);
    return buf + (p.columns[column].empty() ? std::string(tr("(không tên)", "(no name)")) : p.columns[column]);
}

std::vector<FileFilter> table_filters() {
    return {{tr("Bảng tính (XLSX, XLS, ODS, CSV)", "Spreadsheets (XLSX, XLS, ODS, CSV)"),
             {"*.xlsx", "*.XLSX", "*.xls", "*.XLS", "*.ods", "*.ODS", "*.csv", "*.CSV", "*.txt", "*.tsv"}},
            {tr("Tất cả tệp", "All files"), {"*"}}};
}

}  // namespace

void ImportDialog::open(std::optional<std::string> table) {
    open_requested_ = true;
    finished_.reset();
    commit_error_.clear();
    if (table) {
        pending_table_ = std::move(table);
        choose_on_open_ = false;
    } else {
        choose_on_open_ = !session_.loaded();
    }
}

std::optional<ImportRecord> ImportDialog::take_finished() {
    auto r = std::move(finished_);
    finished_.reset();
    return r;
}

void ImportDialog::start_chooser(const Settings& settings) {
    chooser_error_.clear();
    if (!browser_.available()) return;  // the typed path below serves
    FileRequest request;
    request.title = tr("Chọn bảng để nhập", "Choose a table to import");
    request.start = session_.loaded()           ? folder_of(session_.path())
                    : !settings.last_dir.empty() ? settings.last_dir
                                                 : folder_of(data_path_);
    request.filters = table_filters();
    if (!browser_.start(request)) chooser_error_ = browser_.error();
}

void ImportDialog::draw(const AppState& state, Settings& settings) {
    if (!state.has_data()) return;
    const Dataset& ds = state.dataset();
    data_path_ = state.data_path();
    if (open_requested_) {
        ImGui::OpenPopup("##import");
        open_requested_ = false;
        open_ = true;
        if (choose_on_open_) start_chooser(settings);
        choose_on_open_ = false;
    }
    if (pending_table_) {
        session_.load(*pending_table_, ds);
        std::snprintf(typed_path_, sizeof typed_path_, "%s", pending_table_->c_str());
        date_[0] = 0;
        data_version_ = state.data_version();
        pending_table_.reset();
    }
    if (target_browser_.poll() == FileBrowser::Outcome::Chosen) {
        target_override_ = target_browser_.path();
        if (target_override_.size() < 5 || target_override_.compare(target_override_.size() - 5, 5, ".gpkg") != 0)
            target_override_ += ".gpkg";
        settings.last_dir = folder_of(target_override_);
    }
    switch (browser_.poll()) {
        case FileBrowser::Outcome::Chosen:
            settings.last_dir = folder_of(browser_.path());
            std::snprintf(typed_path_, sizeof typed_path_, "%s", browser_.path().c_str());
            session_.load(browser_.path(), ds);
            date_[0] = 0;
            data_version_ = state.data_version();
            break;
        case FileBrowser::Outcome::Failed: chooser_error_ = browser_.error(); break;
        default: break;
    }
    // Edits asked for in the last frame (not while drawing from the preview they replace).
    if (pending_kind_) session_.set_kind(*pending_kind_, ds);
    if (pending_sheet_) session_.set_sheet(pending_sheet_->first, pending_sheet_->second, ds);
    if (pending_date_) session_.set_date(*pending_date_, ds);
    if (pending_role_) session_.set_role(pending_role_->first, pending_role_->second, ds);
    if (pending_criterion_) session_.set_criterion(pending_criterion_->first, pending_criterion_->second, ds);
    if (pending_reset_) session_.reset_mapping(ds);
    pending_kind_.reset();
    pending_sheet_.reset();
    pending_date_.reset();
    pending_role_.reset();
    pending_criterion_.reset();
    pending_reset_ = false;
    // Other data opened meanwhile: the preview must be of the dataset the import goes into.
    if (session_.loaded() && data_version_ != state.data_version()) {
        session_.load(session_.path(), ds);
        data_version_ = state.data_version();
    }

    const ImGuiIO& io = ImGui::GetIO();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(std::min(em * 60, io.DisplaySize.x * 0.95f), io.DisplaySize.y * 0.88f),
                             ImGuiCond_Always);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("##import", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoSavedSettings)) {
        open_ = false;
        return;
    }
    // The light style draws fields white on the popup's white: give them a visible ground.
    ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(228, 230, 234, 255));
    ImGui::TextUnformatted(tr("Nhập bảng vào bộ dữ liệu", "Import a table into the dataset"));
    ImGui::Separator();

    // The file: the desktop's chooser, or a typed path when zenity is missing.
    const bool chooser = browser_.available();
    if (chooser) {
        ImGui::BeginDisabled(browser_.running());
        if (ImGui::Button(tr("Chọn tệp…", "Choose file…"))) start_chooser(settings);
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (browser_.running())
            ImGui::TextDisabled("%s", tr("đang mở hộp chọn tệp…", "the file chooser is open…"));
        else if (session_.loaded())
            wrapped(session_.path());
        else
            ImGui::TextDisabled("%s", tr("chưa chọn tệp", "no file chosen"));
    } else {
        note(tr("Không có hộp chọn tệp: cài gói zenity (sudo apt-get install zenity). Gõ đường dẫn:",
                "No file chooser: install the zenity package (sudo apt-get install zenity). Type the path:"));
        const float button_w = ImGui::CalcTextSize(tr("Đọc", "Read")).x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::SetNextItemWidth(-button_w - ImGui::GetStyle().ItemSpacing.x);
        const bool enter = ImGui::InputText("##table_path", typed_path_, sizeof typed_path_,
                                            ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine();
        if ((ImGui::Button(tr("Đọc", "Read")) || enter) && typed_path_[0]) {
            session_.load(typed_path_, ds);
            settings.last_dir = folder_of(typed_path_);
            data_version_ = state.data_version();
        }
    }
    if (!chooser_error_.empty()) error_text(chooser_error_);

    // Room for the checkbox, the target (two lines when its paths wrap), a message and the buttons.
    const float footer = ImGui::GetFrameHeightWithSpacing() * 3 + ImGui::GetTextLineHeightWithSpacing() * 3;
    ImGui::BeginChild("##import_body", ImVec2(0, -footer), true);
    if (session_.loaded() && !session_.has_preview()) error_text(import_message(session_.error()));
    if (session_.has_preview()) {
        const io::TablePreview& p = session_.preview();
        draw_summary(p);
        draw_unmatched(p);
        draw_mapping(state, p);
    }
    ImGui::EndChild();

    // Where it goes, what is kept, and the buttons.
    ImportTarget target = import_target(state.data_path(), io::is_dataset_file(state.data_path()));
    if (target.backup.empty() && !target_override_.empty()) target.dataset = target_override_;
    bool skip = session_.skip_unmatched();
    if (ImGui::Checkbox(tr("Bỏ qua tên không khớp (nhập các dòng còn lại)", "Skip unmatched names (import the rest)"),
                        &skip))
        session_.set_skip_unmatched(skip, ds);
    const std::string where =
        target.backup.empty()
            ? std::string(tr("Ghi vào bộ dữ liệu mới: ", "Writes a new dataset: ")) + target.dataset
            : std::string(tr("Ghi vào: ", "Writes: ")) + target.dataset + tr(" · giữ bản trước khi nhập: ", " · keeps the file before: ") +
                  target.backup;
    if (target.backup.empty() && target_browser_.available()) {
        // A new dataset: the user may put it elsewhere.
        ImGui::BeginDisabled(target_browser_.running());
        if (ImGui::SmallButton(tr("Đổi nơi ghi…", "Elsewhere…"))) {
            FileRequest request;
            request.title = tr("Ghi bộ dữ liệu mới", "Write the new dataset");
            request.start = target.dataset;
            request.save = true;
            request.filters = {{tr("Bộ dữ liệu (GeoPackage)", "Dataset (GeoPackage)"), {"*.gpkg"}}};
            if (!target_browser_.start(request)) chooser_error_ = target_browser_.error();
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    // Wrapped at " · " between the two paths; a path longer than the dialog still says all on hover.
    ImGui::TextWrapped("%s", where.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", where.c_str());
    ImGui::PopStyleColor();
    const std::string blocker = session_.blocker();
    if (!commit_error_.empty()) error_text(import_message(commit_error_));
    else if (session_.loaded() && !blocker.empty()) error_text(import_message(blocker));
    else ImGui::NewLine();

    ImGui::BeginDisabled(!blocker.empty());
    if (ImGui::Button(tr("Nhập", "Import"))) {
        try {
            finished_ = session_.commit(ds, state.geometry(), target);
            commit_error_.clear();
            ImGui::CloseCurrentPopup();
            open_ = false;
        } catch (const std::exception& e) {
            commit_error_ = e.what();
        }
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr("Đóng", "Close")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        ImGui::CloseCurrentPopup();
        open_ = false;
    }
    ImGui::PopStyleColor();
    ImGui::EndPopup();
}

void ImportDialog::draw_sheet_choice(const io::TablePreview& p) {
    if (p.sheets.size() < 2) {
        if (!p.sheet.empty()) wrapped(std::string(tr("Trang tính: ", "Sheet: ")) + p.sheet);
        return;
    }
    // A workbook of several sheets (often one per district): one of them, or all as one table.
    const char* all = tr("Tất cả các trang (một bảng)", "All sheets (one table)");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Trang tính", "Sheet"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    const std::string shown = session_.all_sheets() ? all : p.sheet;
    if (ImGui::BeginCombo("##sheet", shown.c_str())) {
        for (const std::string& name : p.sheets)
            if (ImGui::Selectable(name.c_str(), !session_.all_sheets() && name == p.sheet))
                pending_sheet_ = std::make_pair(name, false);
        if (ImGui::Selectable(all, session_.all_sheets())) pending_sheet_ = std::make_pair(std::string(), true);
        ImGui::EndCombo();
    }
    if (session_.all_sheets()) wrapped(std::string(tr("Đọc: ", "Read: ")) + p.sheet);
}

void ImportDialog::draw_summary(const io::TablePreview& p) {
    // Kind: detected, or chosen.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Loại bảng", "Table kind"));
    ImGui::SameLine();
    const io::TableKind chosen = session_.kind();
    std::string shown = kind_name(chosen);
    if (chosen == io::TableKind::Auto) shown += std::string(": ") + kind_name(p.kind);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    if (ImGui::BeginCombo("##kind", shown.c_str())) {
        for (io::TableKind k : {io::TableKind::Auto, io::TableKind::Attainment, io::TableKind::Recognitions,
                                io::TableKind::Events})
            if (ImGui::Selectable(kind_name(k), k == chosen)) pending_kind_ = k;
        ImGui::EndCombo();
    }

    for (const std::string& t : p.title_lines) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        wrapped(t);
        ImGui::PopStyleColor();
    }
    draw_sheet_choice(p);
    std::string header = tr("Tiêu đề cột ở dòng", "Column header on line");
    if (p.header_lines.size() > 1 && current_lang() == Lang::En) header += "s";
    for (size_t i = 0; i < p.header_lines.size(); ++i) header += (i ? ", " : " ") + std::to_string(p.header_lines[i]);
    header += std::string(" · ") + std::to_string(p.columns.size()) + tr(" cột", " columns");
    wrapped(header);

    // The date, where it came from, and the user's own.
    std::string date = tr("Ngày báo cáo: ", "Report date: ");
    if (p.date) date += format_date(*p.date) + " — " + tr("lấy từ ", "from ") + date_origin(p.date_from);
    else if (!p.date_from.empty()) date += std::string(tr("theo từng dòng — ", "per row — ")) + date_origin(p.date_from);
    else date += tr("không có", "none");
    wrapped(date);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Đặt ngày khác", "Use another date"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::InputTextWithHint("##date", tr("ngày/tháng/năm", "YYYY-MM-DD"), date_, sizeof date_,
                                 ImGuiInputTextFlags_EnterReturnsTrue) ||
        ImGui::IsItemDeactivatedAfterEdit())
        pending_date_ = std::string(date_);
    if (!session_.date_error().empty()) {
        ImGui::SameLine();
        error_text(session_.date_error());
    }

    if (!p.criteria_set.empty()) wrapped(std::string(tr("Bộ tiêu chí: ", "Criteria set: ")) + p.criteria_set);
    if (!p.version_id.empty()) {
        const std::string version = p.version_name.empty() || p.version_name == p.version_id
                                        ? "'" + p.version_id + "'"
                                        : p.version_name + " ('" + p.version_id + "')";
        wrapped(std::string(tr("Khớp với đơn vị của phiên bản ranh giới ", "Matched against the units of boundary version ")) +
                version);
    }
    char buf[256];
    if (p.kind == io::TableKind::Events)
        std::snprintf(buf, sizeof buf, tr("Dòng sự kiện: %d · đọc được %d sự kiện · tên không khớp %zu",
                                          "Event rows: %d · events read %d · unmatched names %zu"),
                      p.rows_read, p.matched, p.unmatched.size());
    else
        std::snprintf(buf, sizeof buf, tr("Dòng đơn vị: %d · khớp %d · không khớp %zu", "Rows of units: %d · matched %d · unmatched %zu"),
                      p.rows_read, p.matched, p.unmatched.size());
    wrapped(buf);
    const io::SkippedRows& k = p.skipped;
    std::string skipped = tr("Bỏ qua:", "Skipped:");
    auto add = [&](int n, const char* vi, const char* en) {
        if (n <= 0) return;
        skipped += (skipped.back() == ':' ? " " : ", ") + std::to_string(n) + " " + tr(vi, en);
    };
    add(k.title, "dòng tiêu đề", "title rows");
    add(k.heading, "dòng huyện", "district headings");
    add(k.total, "dòng tổng", "totals");
    add(k.note, "dòng ghi chú", "notes");
    add(k.signature, "dòng chữ ký", "signature rows");
    add(k.blank, "dòng trống", "blank rows");
    add(k.other, "dòng khác", "other rows");
    add(k.unmatched, "dòng không khớp", "unmatched rows");
    if (skipped.back() == ':') skipped += tr(" không", " none");
    wrapped(skipped);
    for (const std::string& e : p.errors) error_text(import_message(e));
    if (!p.warnings.empty()) {
        char label[64];
        std::snprintf(label, sizeof label, tr("Cảnh báo (%zu)###warnings", "Warnings (%zu)###warnings"), p.warnings.size());
        // A few warnings are shown at once (another sheet's table, a wrong total); many, folded.
        if (ImGui::TreeNodeEx(label, p.warnings.size() <= 5 ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
            for (const std::string& w : p.warnings) wrapped(import_message(w));
            ImGui::TreePop();
        }
    }
}

void ImportDialog::draw_mapping(const AppState& state, const io::TablePreview& p) {
    char label[96];
    std::snprintf(label, sizeof label, "%s%s###mapping", tr("Gán cột", "Column mapping"),
                  session_.mapping_changed() ? tr(" (đã sửa)", " (changed)") : "");
    if (!ImGui::CollapsingHeader(label, ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (session_.mapping_changed()) {
        if (ImGui::SmallButton(tr("Trở về như đã nhận biết", "Back to what was detected"))) pending_reset_ = true;
    }
    const io::ColumnMapping& m = p.mapping;
    const int columns = static_cast<int>(p.columns.size());
    // One combo per role.
    if (ImGui::BeginTable("##roles", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn("role", ImGuiTableColumnFlags_WidthStretch, 1);
        ImGui::TableSetupColumn("column", ImGuiTableColumnFlags_WidthStretch, 2);
        for (const ImportRole& r : import_roles(p.kind)) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(tr(r.vi, r.en));
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-1);
            ImGui::PushID(r.vi);
            const int current = m.*(r.member);
            if (ImGui::BeginCombo("##col", column_label(p, current).c_str())) {
                if (ImGui::Selectable("—", current < 0)) pending_role_ = {r.member, -1};
                for (int c = 0; c < columns; ++c)
                    if (ImGui::Selectable(column_label(p, c).c_str(), c == current)) pending_role_ = {r.member, c};
                ImGui::EndCombo();
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (p.kind != io::TableKind::Attainment) return;
    // Which criterion each column holds, for the set in force on the table's date.
    const CriteriaSet& set = state.dataset().criteria_on(p.date.value_or(state.date()));
    note(std::string(tr("Cột tiêu chí (bộ ", "Criteria columns (the ")) + set.id + tr(")", " set)"));
    std::vector<int> free;
    for (int c = 0; c < columns; ++c) {
        bool has_role = false;
        for (const ImportRole& r : import_roles(p.kind)) has_role |= m.*(r.member) == c;
        // The rows' numbers (STT) are no criterion; shown only if the user made one of them.
        if (io::is_row_number_header(p.columns[c]) && session_.criterion_of(c) == 0) continue;
        if (!has_role) free.push_back(c);
    }
    // A grid: each cell the criterion's combo, then the column's name (its full text on hover).
    const float em = ImGui::GetFontSize();
    const int per_row = std::max(1, static_cast<int>(ImGui::GetContentRegionAvail().x / (em * 13)));
    if (!free.empty() && ImGui::BeginTable("##criteria", per_row, ImGuiTableFlags_SizingStretchSame |
                                                                      ImGuiTableFlags_BordersInnerV)) {
        for (int c : free) {
            ImGui::TableNextColumn();
            const int n = session_.criterion_of(c);
            ImGui::PushID(c);
            ImGui::SetNextItemWidth(em * 4.5f);
            const std::string shown = n > 0 ? std::string(tr("TC ", "C ")) + std::to_string(n) : "—";
            if (ImGui::BeginCombo("##crit", shown.c_str(), ImGuiComboFlags_HeightLarge)) {
                if (ImGui::Selectable("—", n == 0)) pending_criterion_ = {c, 0};
                for (const Criterion& cr : set.criteria) {
                    const std::string item = std::to_string(cr.number) + ". " +
                                             (current_lang() == Lang::Vi ? cr.name_vi : cr.name_en);
                    if (ImGui::Selectable(item.c_str(), cr.number == n)) pending_criterion_ = {c, cr.number};
                }
                ImGui::EndCombo();
            }
            ImGui::PopID();
            ImGui::SameLine();
            const std::string name = column_label(p, c);
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(name.c_str());
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", name.c_str());
        }
        ImGui::EndTable();
    }
}

void ImportDialog::draw_unmatched(const io::TablePreview& p) {
    if (p.unmatched.empty()) return;
    char label[96];
    std::snprintf(label, sizeof label, tr("Tên không khớp (%zu)###unmatched", "Unmatched names (%zu)###unmatched"),
                  p.unmatched.size());
    if (!ImGui::CollapsingHeader(label, ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (!ImGui::BeginTable("##unmatched", 4, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg |
                                                 ImGuiTableFlags_BordersInnerH))
        return;
    ImGui::TableSetupColumn(tr("Dòng", "Row"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 3);
    ImGui::TableSetupColumn(tr("Tên", "Name"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(tr("Vì sao", "Why"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn(tr("Gần nhất", "Closest"), ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableHeadersRow();
    for (const io::NameProblem& n : p.unmatched) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%d", n.line);
        ImGui::TableNextColumn();
        wrapped(n.district.empty() ? n.name : n.name + " (" + n.district + ")");
        ImGui::TableNextColumn();
        wrapped(import_message(n.reason));
        ImGui::TableNextColumn();
        std::string c;
        for (const std::string& s : n.candidates) c += (c.empty() ? "" : "\n") + s;
        wrapped(c.empty() ? "—" : c);
    }
    ImGui::EndTable();
}

}  // namespace ntm::ui
