#include "ui/views_panel.h"

#include <imgui.h>

#include <cstdio>
#include <cstring>

#include "ui/briefing_mode.h"
#include "ui/widgets.h"

namespace ntm::ui {
namespace {

bool vi() { return current_lang() == Lang::Vi; }

void copy_to(char* buf, size_t size, const std::string& s) { std::snprintf(buf, size, "%s", s.c_str()); }

const ImVec4 kError(0.75f, 0.12f, 0.08f, 1);
const ImVec4 kOk(0.08f, 0.45f, 0.2f, 1);

}  // namespace

ViewsPanel::ViewsPanel(io::ViewsStore& store) : store_(store) {}

void ViewsPanel::sync(const AppState& state) {
    if (!state.has_data()) {
        if (!store_.path().empty()) store_.reset();
        data_version_ = 0;
        return;
    }
    if (state.data_version() == data_version_) return;
    data_version_ = state.data_version();
    store_.load(io::views_path_for(state.data_path()), state.geometry().crs_name);
    selected_ = store_.views().empty() ? -1 : 0;
    rename_for_ = -1;
    if (export_dir_[0] == 0) copy_to(export_dir_, sizeof export_dir_, state.data_path() + "-views");
}

bool ViewsPanel::save() {
    store_.mark_dirty();
    return store_.save();
}

std::optional<int> ViewsPanel::take_start_request() {
    auto s = start_;
    start_.reset();
    return s;
}

std::optional<std::string> ViewsPanel::take_export_request() {
    auto e = export_;
    export_.reset();
    return e;
}

void ViewsPanel::set_export_message(std::string message, bool error) {
    export_message_ = std::move(message);
    export_error_ = error;
}

void ViewsPanel::show_on_map(AppState& state, int index) {
    if (index < 0 || index >= store_.views().size()) return;
    const BriefingView& v = store_.views().at(index);
    state.set_date(v.date);
    ViewRequest r;
    if (v.focus == ViewFocus::Extent) {
        r.kind = ViewRequest::Kind::Bounds;
        r.bounds = to_bounds(v.extent);
    } else if (v.focus == ViewFocus::District) {
        r.kind = ViewRequest::Kind::District;
        r.district_code = v.district_code;
    }
    state.request_view(r);
    if (state.highlighted_band() != v.highlighted_band)
        state.toggle_highlighted_band(v.highlighted_band >= 0 ? v.highlighted_band : state.highlighted_band());
}

void ViewsPanel::draw(AppState& state, const geo::Bounds& current_extent) {
    BriefingViews& views = store_.views();
    const Dataset& d = state.dataset();
    const bool v_lang = vi();
    if (!state.has_data()) {
        note(tr("Mở dữ liệu để chuẩn bị các khung trình chiếu",
                                     "Open data to prepare briefing views"));
        return;
    }

    // --- The file's state ---------------------------------------------------------------------
    if (!store_.error().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kError);
        ImGui::TextWrapped("%s", store_.error().c_str());
        ImGui::PopStyleColor();
    }
    if (store_.save_blocked()) {
        ImGui::TextWrapped("%s", tr("Tệp khung trình chiếu bị hỏng nên được giữ nguyên; các thay đổi chưa được lưu. "
                                    "Ghi đè sẽ đổi tên tệp hỏng thành .damaged (không xóa).",
                                    "The views file is damaged and was left as it is; changes are not saved. "
                                    "Overwriting renames the damaged file to .damaged (nothing is deleted)."));
        if (ImGui::Button(tr("Ghi đè tệp hỏng", "Overwrite the damaged file"))) {
            if (store_.confirm_overwrite()) save();
        }
        if (store_.backup_available()) {
            ImGui::SameLine();
            if (ImGui::Button(tr("Khôi phục bản sao lưu", "Restore the backup"))) {
                store_.restore_backup();
                selected_ = store_.views().empty() ? -1 : 0;
            }
        }
    } else if (store_.dirty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kError);
        ImGui::TextUnformatted(tr("Chưa lưu được", "Not saved"));
        ImGui::PopStyleColor();
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Thử lại", "Retry"))) save();
    }
    if (store_.crs_mismatch()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kError);
        ImGui::TextWrapped(tr("Các khung được lưu với hệ tọa độ %s; vùng bản đồ có thể lệch.",
                              "The views were saved in the CRS %s; map extents may be off."),
                           store_.file_crs().c_str());
        ImGui::PopStyleColor();
    }
    note(store_.path().c_str());

    // --- The list -------------------------------------------------------------------------------
    const float list_h = ImGui::GetTextLineHeightWithSpacing() * std::min(std::max(views.size(), 3), 10) + 8;
    if (ImGui::BeginChild("##views", ImVec2(0, list_h), true)) {
        if (views.empty())
            note(tr("Chưa có khung nào", "No views yet"));
        for (int i = 0; i < views.size(); ++i) {
            const BriefingView& v = views.at(i);
            const std::string title = v.title.empty() ? default_view_title(d, v, v_lang) : v.title;
            const std::string row = std::to_string(i + 1) + ". " + title + "##view" + std::to_string(i);
            if (ImGui::Selectable(row.c_str(), selected_ == i, ImGuiSelectableFlags_AllowDoubleClick)) {
                selected_ = i;
                if (ImGui::IsMouseDoubleClicked(0)) show_on_map(state, i);
            }
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s · %s", format_date(v.date).c_str(),
                                  v.focus == ViewFocus::District ? v.district_code.c_str()
                                  : v.focus == ViewFocus::Extent ? tr("vùng đã lưu", "saved extent")
                                                                 : tr("toàn bộ", "whole map"));
        }
    }
    ImGui::EndChild();

    const bool has_sel = selected_ >= 0 && selected_ < views.size();
    ImGui::BeginDisabled(!has_sel);
    if (ImGui::Button(tr("Lên", "Up"))) {
        selected_ = views.move_up(selected_);
        save();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Xuống", "Down"))) {
        selected_ = views.move_down(selected_);
        save();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Xem", "Show"))) show_on_map(state, selected_);
    ImGui::SameLine();
    if (ImGui::Button(tr("Cập nhật", "Update"))) ImGui::OpenPopup("##update_view");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("Lưu ngày, vùng bản đồ và nhóm đang chọn vào khung này",
                                   "Store the current date, map extent and band in this view"));
    ImGui::SameLine();
    if (ImGui::Button(tr("Xóa", "Delete"))) ImGui::OpenPopup("##delete_view");
    ImGui::EndDisabled();

    if (ImGui::BeginPopup("##delete_view")) {
        ImGui::TextUnformatted(tr("Xóa khung này?", "Delete this view?"));
        if (ImGui::Button(tr("Xóa", "Delete"))) {
            views.remove(selected_);
            selected_ = clamp_slide(selected_, views.size());
            save();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(tr("Hủy", "Cancel"))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (ImGui::BeginPopup("##update_view")) {
        ImGui::TextUnformatted(tr("Thay ngày và vùng bản đồ của khung bằng hiện tại?",
                                  "Replace the view's date and extent with the current ones?"));
        if (ImGui::Button(tr("Cập nhật", "Update")) && has_sel) {
            BriefingView v = views.at(selected_);
            v.date = state.date();
            if (v.focus != ViewFocus::District) {
                v.extent = to_extent(current_extent);
                v.focus = v.extent.valid() ? ViewFocus::Extent : ViewFocus::All;
            }
            v.highlighted_band = state.highlighted_band();
            views.replace(selected_, v);
            save();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(tr("Hủy", "Cancel"))) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    // Rename the selected view.
    if (has_sel) {
        if (rename_for_ != selected_) {
            copy_to(title_, sizeof title_, views.at(selected_).title);
            rename_for_ = selected_;
        }
        ImGui::SetNextItemWidth(-1);
        if (ImGui::InputTextWithHint("##rename", tr("Tên khung", "View title"), title_, sizeof title_,
                                     ImGuiInputTextFlags_EnterReturnsTrue) ||
            ImGui::IsItemDeactivatedAfterEdit()) {
            if (views.at(selected_).title != title_) {
                views.rename(selected_, title_);
                save();
            }
        }
    }

    // --- A new view -----------------------------------------------------------------------------
    ImGui::Separator();
    ImGui::TextUnformatted(tr("Khung mới từ bản đồ hiện tại", "New view from the current map"));
    const std::vector<District> districts = d.districts(state.date());
    ImGui::RadioButton(tr("Toàn bộ", "Whole map"), &new_focus_, 0);
    same_line_if_fits(check_width(tr("Vùng đang xem", "Current extent")));
    ImGui::RadioButton(tr("Vùng đang xem", "Current extent"), &new_focus_, 1);
    if (districts.empty() && new_focus_ == 2) new_focus_ = 0;
    const char* group_label = current_lang() == Lang::Vi ? grouping_name_vi(d.grouping_on(state.date()))
                                                         : grouping_name_en(d.grouping_on(state.date()));
    same_line_if_fits(check_width(group_label));
    ImGui::BeginDisabled(districts.empty());
    ImGui::RadioButton(group_label, &new_focus_, 2);
    ImGui::EndDisabled();
    if (new_focus_ == 2 && !districts.empty()) {
        new_district_ = std::clamp(new_district_, 0, static_cast<int>(districts.size()) - 1);
        ImGui::SetNextItemWidth(-1);
        if (ImGui::BeginCombo("##district", districts[new_district_].name.c_str())) {
            for (int i = 0; i < static_cast<int>(districts.size()); ++i)
                if (ImGui::Selectable(districts[i].name.c_str(), i == new_district_)) new_district_ = i;
            ImGui::EndCombo();
        }
    }
    {
        std::string current = new_criterion_ <= 0 ? std::string(tr("(không tô tiêu chí)", "(no criterion)")) : "";
        const CriteriaSet& set = d.criteria_on(state.date());
        const Criterion* c = set.find(new_criterion_);
        if (c) current = std::to_string(c->number) + ". " + (v_lang ? c->name_vi : c->name_en);
        ImGui::SetNextItemWidth(-1);
        if (ImGui::BeginCombo("##criterion", current.c_str())) {
            if (ImGui::Selectable(tr("(không tô tiêu chí)", "(no criterion)"), new_criterion_ <= 0)) new_criterion_ = 0;
            for (const Criterion& k : set.criteria) {
                const std::string label = std::to_string(k.number) + ". " + (v_lang ? k.name_vi : k.name_en);
                if (ImGui::Selectable(label.c_str(), k.number == new_criterion_)) new_criterion_ = k.number;
            }
            ImGui::EndCombo();
        }
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", tr("Tô các xã còn thiếu tiêu chí này", "Highlight the xã missing this criterion"));
    }
    // The label beside the field, not a hint inside it that the field's width cuts.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("So sánh với ngày", "Compare with"));
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("Không bắt buộc: để trống nếu không so sánh", "Optional: leave empty for no comparison"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##compare", tr("DD/MM/YYYY", "YYYY-MM-DD"), compare_,
                             sizeof compare_);
    if (ImGui::Button(tr("Thêm khung", "Add view"))) {
        BriefingView v;
        v.date = state.date();
        v.highlighted_band = state.highlighted_band();
        v.highlighted_criterion = new_criterion_;
        input_error_.clear();
        if (compare_[0]) {
            if (const auto c = parse_date(compare_)) v.compare_date = *c;
            else input_error_ = std::string(tr("Ngày so sánh không hợp lệ: ", "Not a valid comparison date: ")) + compare_;
        }
        if (new_focus_ == 1 && !current_extent.empty()) {
            v.focus = ViewFocus::Extent;
            v.extent = to_extent(current_extent);
        } else if (new_focus_ == 2 && !districts.empty()) {
            v.focus = ViewFocus::District;
            const District& dist = districts[std::clamp(new_district_, 0, static_cast<int>(districts.size()) - 1)];
            v.district_code = dist.code.empty() ? dist.name : dist.code;
        }
        if (input_error_.empty()) {
            v.title = default_view_title(d, v, v_lang);
            selected_ = views.create(v, has_sel ? selected_ + 1 : -1);
            rename_for_ = -1;
            save();
        }
    }
    if (!input_error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kError);
        ImGui::TextWrapped("%s", input_error_.c_str());
        ImGui::PopStyleColor();
    }

    // --- Briefing and export --------------------------------------------------------------------
    ImGui::Separator();
    if (ImGui::Button(tr("▶ Trình chiếu từ đầu (F11)", "▶ Present from the start (F11)"))) start_ = 0;
    if (has_sel) {
        ImGui::SameLine();
        if (ImGui::Button(tr("▶ Từ khung này", "▶ From this view"))) start_ = selected_;
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##export_dir", tr("Thư mục xuất PNG", "Folder for the PNGs"), export_dir_,
                             sizeof export_dir_);
    ImGui::BeginDisabled(views.empty() || export_dir_[0] == 0);
    if (ImGui::Button(tr("Xuất tất cả khung thành PNG", "Export all views as PNG"))) export_ = std::string(export_dir_);
    ImGui::EndDisabled();
    if (!export_message_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, export_error_ ? kError : kOk);
        ImGui::TextWrapped("%s", export_message_.c_str());
        ImGui::PopStyleColor();
    }
}

}  // namespace ntm::ui
