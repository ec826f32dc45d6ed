#include "ui/workspace.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "core/palette.h"
#include "io/annex_template.h"
#include "io/dataset_file.h"
#include "render/map_export.h"
#include "ui/briefing_export.h"
#include "ui/widgets.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace ntm::ui {
namespace {

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                         ImGuiWindowFlags_NoBringToFrontOnFocus;

// Places the next window at a fixed rectangle of the layout.
bool begin_panel(const char* title, float x, float y, float w, float h,
                 ImGuiWindowFlags extra = 0) {
    ImGui::SetNextWindowPos(ImVec2(x, y), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(std::max(w, 1.0f), std::max(h, 1.0f)), ImGuiCond_Always);
    return ImGui::Begin(title, nullptr, kPanelFlags | extra);
}

}  // namespace

Workspace::Workspace(Settings settings, std::string cache_dir)
    : settings_(std::move(settings)), loader_(std::move(cache_dir)) {
    state_.set_lang(settings_.lang == "en" ? Lang::En : Lang::Vi);
    state_.set_play_step(settings_.play_step == "year" ? PlayStep::Year : PlayStep::Month);
    state_.set_play_speed(settings_.play_speed);
}

Workspace::~Workspace() { loader_.wait(); }

void Workspace::open(const std::string& source) {
    if (source.empty()) return;
    if (!loader_.start(source))
        set_message(tr("Đang mở một tệp khác, vui lòng chờ", "Another file is opening; please wait"), true);
}

void Workspace::finish_loading() {
    loader_.wait();
    take_load_result();
}

bool Workspace::busy() const {
    return loader_.busy() || state_.playing() || map_.busy() || briefing_.animating();
}

void Workspace::set_fonts(const render::UiFonts& fonts, const render::UiFonts* big) {
    map_.set_fonts(fonts.regular, fonts.bold);
    briefing_.set_fonts(fonts, big);
}

void Workspace::start_briefing(int slide) {
    if (state_.has_data() && !briefing_.active()) briefing_.enter(state_, slide);
}

void Workspace::set_message(std::string message, bool error) {
    message_ = std::move(message);
    message_is_error_ = error;
}

// Keys of the normal mode that are not a panel's own.
void Workspace::handle_keys() {
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput) date_.handle_keys(state_);
    if (io.KeyCtrl && ImGui::IsKeyPressed('F', false)) search_.focus();
    if (io.KeyCtrl && ImGui::IsKeyPressed('O', false)) request_open();
    if (io.KeyCtrl && ImGui::IsKeyPressed('I', false) && state_.has_data()) import_.open();
    if (io.KeyCtrl && ImGui::IsKeyPressed('E', false) && state_.has_data()) export_.open();
    if (ImGui::IsKeyPressed(GLFW_KEY_F12, false) && state_.has_data()) {
        // Chosen once, in the export dialog; until then the user's Pictures folder.
        if (settings_.screenshot_dir.empty()) settings_.screenshot_dir = default_screenshot_dir();
        export_.screenshot(state_, map_.camera(), static_cast<int>(map_.area_w()),
                           static_cast<int>(map_.area_h()), settings_.screenshot_dir);
        set_message(export_.message(), export_.message_is_error());
    }
}

// Briefing mode: the map over the whole window, the overlay, nothing else.
void Workspace::draw_briefing(double seconds) {
    briefing_.handle_keys(state_);
    briefing_.update(state_, seconds);
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    // The map keeps clear of the title above and the column of cards on the right.
    const float top = io.DisplaySize.y * 0.1f, width = io.DisplaySize.x * 0.74f;
    // The overlay's boxes of the last frame (they move only with the slide): no name under them.
    map_.set_label_keep_clear(briefing_.overlay_boxes());
    if (begin_panel("##map", 0, top, width, io.DisplaySize.y - top,
                    ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar |
                        ImGuiWindowFlags_NoScrollWithMouse))
        map_.draw(state_, settings_.show_labels, false);
    ImGui::End();
    ImGui::PopStyleVar();
    briefing_.draw(state_, ImVec2(0, 0), io.DisplaySize);
}

void Workspace::take_load_result() {
    auto result = loader_.take_result();
    if (!result) return;
    if (!result->data) {
        // Keep what is shown; say why the new file did not open.
        set_message(std::string(tr("Không mở được: ", "Could not open: ")) + result->error, true);
        return;
    }
    const size_t units = result->data->dataset.units.size();
    export_.release();  // it refers to the data being replaced
    state_.set_data(std::move(result->data));
    map_.upload(state_, std::move(result->levels));
    settings_.last_data = result->source;
    settings_.add_recent(result->source);
    char buf[256];
    std::snprintf(buf, sizeof buf, tr("Đã mở %zu đơn vị trong %.1f giây", "Opened %zu units in %.1f s"),
                  units, result->seconds);
    set_message(after_load_message_.empty() ? std::string(buf) : after_load_message_, false);
    after_load_message_.clear();
}

void Workspace::frame(double seconds) {
    take_load_result();
    poll_browsers();
    state_.advance(seconds);
    criteria_.sync(state_);  // the highlighted xã follow the date even with the panel hidden
    sync_planner_filter();
    views_panel_.sync(state_);
    if (ImGui::IsKeyPressed(GLFW_KEY_F11, false) && state_.has_data()) {
        if (briefing_.active()) briefing_.exit(state_);
        else briefing_.enter(state_, 0);
    }
    if (auto slide = views_panel_.take_start_request()) start_briefing(*slide);
    if (briefing_.active()) {
        draw_briefing(seconds);
        return;
    }
    handle_keys();

    const ImGuiIO& io = ImGui::GetIO();
    draw_menu();
    const float W = io.DisplaySize.x, H = io.DisplaySize.y;
    const float top = ImGui::GetFrameHeight();
    const float status_h = ImGui::GetFrameHeight();
    const float scale = ImGui::GetFontSize() / 16.0f;  // layout sizes are for a 16 px font
    const float left = settings_.show_left ? settings_.left_width * scale : 0;
    const float right = settings_.show_right ? settings_.right_width * scale : 0;
    const float bottom = settings_.show_bottom ? settings_.bottom_height * scale : 0;
    const float body_h = H - top - status_h;
    const float map_w = W - left - right;
    const float map_h = body_h - bottom;

    if (settings_.show_left) {
        if (begin_panel(tr("Bảng điều khiển", "Controls"), 0, top, left, body_h)) {
            search_.draw(state_);
            ImGui::Spacing();
            if (ImGui::CollapsingHeader(tr("Ngày", "Date"), ImGuiTreeNodeFlags_DefaultOpen)) date_.draw(state_);
            if (ImGui::CollapsingHeader(tr("Chú giải", "Legend"), ImGuiTreeNodeFlags_DefaultOpen))
                legend_.draw(state_);
            if (ImGui::CollapsingHeader(tr("Vùng chọn", "Selection"), ImGuiTreeNodeFlags_DefaultOpen))
                selection_summary_.draw(state_);
            if (ImGui::CollapsingHeader(tr("Khung trình chiếu", "Briefing views")))
                views_panel_.draw(state_, view_extent_of(map_));
        }
        ImGui::End();
    }
    if (settings_.show_right) {
        if (begin_panel("##right", W - right, top, right, body_h, ImGuiWindowFlags_NoTitleBar)) draw_right_panel();
        ImGui::End();
    }

    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    if (begin_panel("##map", left, top, map_w, map_h,
                    ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoBackground |
                        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
        map_.set_label_keep_clear({});
        map_.draw(state_, settings_.show_labels);
        // Title of the map and the illustrative-data note, over the map's top-left corner.
        const Dataset& ds = state_.dataset();
        ImDrawList* list = ImGui::GetWindowDrawList();
        const ImVec2 corner(left + 10 * scale, top + 8 * scale);
        std::string title = ds.info.title.empty() ? std::string(tr("Chưa mở dữ liệu", "No data open"))
                                                  : ds.info.title + " — " + format_date(state_.date());
        list->AddText(corner, IM_COL32(20, 20, 20, 255), title.c_str());
        float line_y = corner.y + ImGui::GetTextLineHeightWithSpacing();
        if (ds.info.illustrative) {
            list->AddText(ImVec2(corner.x, line_y), IM_COL32(180, 40, 20, 255), tr("Dữ liệu minh họa", "Illustrative data"));
            line_y += ImGui::GetTextLineHeightWithSpacing();
        }
        // A date after the last assessment shows the state of that day: say since when.
        if (const auto last = ds.last_data_date(); last && state_.date() > *last) {
            const std::string note = std::string(tr("Đánh giá mới nhất ngày ", "Latest assessment ")) + format_date(*last);
            list->AddText(ImVec2(corner.x, line_y), IM_COL32(90, 90, 90, 255), note.c_str());
            line_y += ImGui::GetTextLineHeightWithSpacing();
        }
        // What the highlight on the map means, when a planner tool set it.
        if (!state_.highlighted_units_label().empty())
            list->AddText(ImVec2(corner.x, line_y), IM_COL32(30, 60, 140, 255), state_.highlighted_units_label().c_str());
        if (loader_.busy()) {
            const ImVec2 size(std::min(420 * scale, map_w * 0.8f), 0);
            ImGui::SetCursorScreenPos(ImVec2(left + (map_w - size.x) / 2, top + map_h / 2));
            const std::string label = loader_.stage();
            ImGui::ProgressBar(static_cast<float>(loader_.progress()), size, label.c_str());
        }
    }
    ImGui::End();
    ImGui::PopStyleVar();

    if (settings_.show_bottom && state_.has_data() && state_.dataset().observations.empty()) {
        // Events without assessments keep their timeline beside the note.
        const bool events = !state_.dataset().events.empty();
        if (events) {
            if (begin_panel(tr("Dòng thời gian sự kiện", "Event timeline"), left, top + map_h, map_w / 2, bottom))
                timeline_.draw(state_);
            ImGui::End();
        }
        draw_missing_data(events ? left + map_w / 2 : left, top + map_h, events ? map_w - map_w / 2 : map_w, bottom);
    } else if (settings_.show_bottom) {
        if (begin_panel(tr("Dòng thời gian sự kiện", "Event timeline"), left, top + map_h, map_w / 2, bottom))
            timeline_.draw(state_);
        ImGui::End();
        if (begin_panel(tr("Tiến độ theo thời gian", "Attainment over time"), left + map_w / 2, top + map_h,
                        map_w - map_w / 2, bottom))
            chart_.draw(state_);
        ImGui::End();
    }
    draw_status_bar(H - status_h, status_h);
    draw_open_popup();
    import_.draw(state_, settings_);
    if (auto record = import_.take_finished()) {
        // Reopen what was written: the map, chart and timeline show the import.
        char buf[512];
        std::snprintf(buf, sizeof buf,
                      tr("Đã nhập %zu bản ghi từ %s vào %s (Tệp > Hoàn tác nhập để trở lại)",
                         "Imported %zu records from %s into %s (File > Undo import to go back)"),
                      record->records, record->table.c_str(), record->target.dataset.c_str());
        after_load_message_ = buf;
        open(record->target.dataset);
        last_import_ = std::move(record);
    }
    if (state_.has_data()) {
        const bool was_open = export_.is_open();
        export_.draw(state_, map_.camera(), static_cast<int>(map_.area_w()), static_cast<int>(map_.area_h()));
        if (was_open && !export_.is_open() && !export_.message().empty())
            set_message(export_.message(), export_.message_is_error());
    }
    if (auto dir = views_panel_.take_export_request()) views_export_dir_ = std::move(dir);
}

void Workspace::draw_right_panel() {
    if (!ImGui::BeginTabBar("##right_tabs")) return;
    auto tab = [&](const char* label, const char* name, auto&& body) {
        const ImGuiTabItemFlags flags = requested_tab_ == name ? ImGuiTabItemFlags_SetSelected : 0;
        if (ImGui::BeginTabItem(label, nullptr, flags)) {
            ImGui::BeginChild("##tab_body");
            body();
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
    };
    tab(tr("Chi tiết", "Detail"), "detail", [&] { detail_.draw(state_); });
    tab(tr("Danh sách", "Lists"), "lists", [&] { lists_.draw(state_); });
    tab(tr("Tiêu chí", "Criteria"), "criteria", [&] { criteria_.draw(state_); });
    // No district tab where the units in force have no level above them (after July 2025; the
    // loader sets Grouping::None for files without district fields); the national file's groups
    // are provinces. Decided from the version alone: this runs every frame.
    const Grouping grouping = state_.dataset().grouping_on(state_.date());
    if (grouping == Grouping::Province)
        tab(tr("Tỉnh", "Provinces"), "districts", [&] { districts_.draw(state_); });
    else if (grouping == Grouping::District)
        tab(tr("Huyện", "Districts"), "districts", [&] { districts_.draw(state_); });
    tab(tr("Đối chiếu", "Reconcile"), "reconcile", [&] { reconciliation_.draw(state_); });
    ImGui::EndTabBar();
    requested_tab_.clear();
}

bool Workspace::show_tab(const std::string& name) {
    for (const char* known : {"detail", "lists", "criteria", "districts", "reconcile"})
        if (name == known) {
            requested_tab_ = name;
            settings_.show_right = true;
            return true;
        }
    return false;
}

// The planner filter mutes the units it leaves out on the map; recomputed only when the filter,
// the data or the date change.
void Workspace::sync_planner_filter() {
    planner_.sync_data(state_.data_version());
    const uint64_t now[3] = {planner_.version(), state_.data_version(),
                             static_cast<uint64_t>(state_.date().days)};
    if (std::equal(now, now + 3, filter_synced_)) return;
    std::copy(now, now + 3, filter_synced_);
    std::vector<uint8_t> pass = planner_.map_mask(state_.dataset(), state_.states());
    if (std::all_of(pass.begin(), pass.end(), [](uint8_t p) { return p != 0; })) pass.clear();
    state_.set_filter_mask(std::move(pass));
}

void Workspace::draw_menu() {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu(tr("Tệp", "File"))) {
        if (ImGui::MenuItem(tr("Mở…", "Open…"), "Ctrl+O")) request_open();
        if (ImGui::BeginMenu(tr("Mở gần đây", "Open recent"), !settings_.recent.empty())) {
            for (const std::string& r : settings_.recent)
                if (ImGui::MenuItem(r.c_str())) open(r);
            ImGui::EndMenu();
        }
        ImGui::Separator();
        if (ImGui::MenuItem(tr("Nhập bảng…", "Import table…"), "Ctrl+I", false, state_.has_data())) import_.open();
        const bool can_undo = last_import_ && !loader_.busy() &&
                              state_.data_path() == last_import_->target.dataset;
        if (ImGui::MenuItem(tr("Hoàn tác nhập", "Undo import"), nullptr, false, can_undo)) undo_last_import();
        if (ImGui::MenuItem(tr("Tạo biểu mẫu nhập (XLSX)…", "Write an import form (XLSX)…"), nullptr, false,
                            state_.has_data()))
            request_template();
        ImGui::Separator();
        if (ImGui::MenuItem(tr("Xuất ảnh bản đồ…", "Export map image…"), "Ctrl+E", false, state_.has_data()))
            export_.open();
        ImGui::Separator();
        if (ImGui::MenuItem(tr("Thoát", "Quit"), "Ctrl+Q")) quit_ = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr("Xem", "View"))) {
        ImGui::MenuItem(tr("Bảng bên trái", "Left panel"), nullptr, &settings_.show_left);
        ImGui::MenuItem(tr("Chi tiết (bên phải)", "Detail (right)"), nullptr, &settings_.show_right);
        ImGui::MenuItem(tr("Dòng thời gian và biểu đồ", "Timeline and chart"), nullptr, &settings_.show_bottom);
        ImGui::MenuItem(tr("Nhãn tên", "Labels"), nullptr, &settings_.show_labels);
        ImGui::Separator();
        if (ImGui::MenuItem(tr("Xem toàn bộ", "Fit to data"), "Home")) state_.request_view({});
        if (ImGui::MenuItem(tr("Chế độ trình chiếu", "Briefing mode"), "F11", false, state_.has_data()))
            start_briefing();
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr("Ngôn ngữ", "Language"))) {
        if (ImGui::MenuItem("Tiếng Việt", nullptr, state_.lang() == Lang::Vi)) {
            state_.set_lang(Lang::Vi);
            settings_.lang = "vi";
        }
        if (ImGui::MenuItem("English", nullptr, state_.lang() == Lang::En)) {
            state_.set_lang(Lang::En);
            settings_.lang = "en";
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(tr("Trợ giúp", "Help"))) {
        ImGui::TextUnformatted(tr("Kéo: di chuyển · Con lăn, +/-: phóng to, thu nhỏ · Home: toàn bộ\n"
                                  "Nhấp: chọn · Ctrl+nhấp: thêm/bớt · Shift+kéo: chọn theo vùng · Esc: bỏ chọn\n"
                                  "Phím cách: chạy/dừng · ←/→: lùi/tiến một bước · PageUp/PageDown: một năm\n"
                                  "Ctrl+F: tìm · Ctrl+O: mở tệp · Ctrl+I: nhập bảng · kéo thả tệp vào cửa sổ để mở",
                                  "Drag: pan · Wheel, +/-: zoom · Home: fit\n"
                                  "Click: select · Ctrl+click: add/remove · Shift+drag: box select · Esc: clear\n"
                                  "Space: play/pause · ←/→: step back/forward · PageUp/PageDown: a year\n"
                                  "Ctrl+F: search · Ctrl+O: open · Ctrl+I: import a table · drop a file on the window to open it"));
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

void Workspace::draw_open_popup() {
    if (open_popup_) {
        ImGui::OpenPopup("##open");
        open_popup_ = false;
        if (!open_path_[0] && !state_.data_path().empty())
            std::snprintf(open_path_, sizeof open_path_, "%s", state_.data_path().c_str());
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 44, 0), ImGuiCond_Always);
    if (!ImGui::BeginPopupModal("##open", nullptr, ImGuiWindowFlags_NoTitleBar)) return;
    ImGui::TextUnformatted(tr("Mở bộ dữ liệu (.gpkg) hoặc ranh giới (GeoJSON, Shapefile, GeoPackage…)",
                              "Open a dataset (.gpkg) or boundaries (GeoJSON, Shapefile, GeoPackage…)"));
    ImGui::SetNextItemWidth(-1);
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter = ImGui::InputText("##path", open_path_, sizeof open_path_, ImGuiInputTextFlags_EnterReturnsTrue);
    if (!open_browser_.available())
        note(tr("Không có hộp chọn tệp: cài gói zenity (sudo apt-get install zenity) để duyệt thư mục.",
                "No file chooser: install the zenity package (sudo apt-get install zenity) to browse folders."));
    if (!settings_.recent.empty()) {
        note(tr("Gần đây", "Recent"));
        for (const std::string& r : settings_.recent)
            if (ImGui::Selectable(r.c_str())) std::snprintf(open_path_, sizeof open_path_, "%s", r.c_str());
    }
    if (enter || ImGui::Button(tr("Mở", "Open"))) {
        settings_.last_dir = folder_of(open_path_);
        open(open_path_);
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Hủy", "Cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void Workspace::request_open() {
    if (open_browser_.running()) return;
    if (!open_browser_.available()) {
        open_popup_ = true;
        return;
    }
    FileRequest request;
    request.title = tr("Mở bộ dữ liệu hoặc ranh giới", "Open a dataset or boundaries");
    request.start = !settings_.last_dir.empty() ? settings_.last_dir : folder_of(state_.data_path());
    request.filters = {{tr("Bộ dữ liệu và ranh giới", "Datasets and boundaries"),
                        {"*.gpkg", "*.geojson", "*.json", "*.shp", "*.fgb", "*.kml", "*.gml", "*.gz", "*.zip"}},
                       {tr("Tất cả tệp", "All files"), {"*"}}};
    if (!open_browser_.start(request)) {
        set_message(open_browser_.error(), true);
        open_popup_ = true;
    }
}

void Workspace::request_template() {
    if (template_browser_.running() || !state_.has_data()) return;
    // "bieu-mau_Lạng Sơn_2025-12-31.xlsx" in the chooser's folder.
    const std::string title = state_.dataset().info.title.empty() ? "ntm" : state_.dataset().info.title;
    const std::string name = "bieu-mau_" + title + "_" + state_.date().iso() + ".xlsx";
    const std::string folder = !settings_.last_dir.empty() ? settings_.last_dir : home_dir() + "/";
    if (!template_browser_.available()) {
        write_template(folder + name);  // no chooser: the remembered folder, and say where
        return;
    }
    FileRequest request;
    request.title = tr("Lưu biểu mẫu nhập", "Save the import form");
    request.start = folder + name;
    request.save = true;
    request.filters = {{tr("Bảng tính Excel (XLSX)", "Excel workbook (XLSX)"), {"*.xlsx"}}};
    if (!template_browser_.start(request)) set_message(template_browser_.error(), true);
}

void Workspace::write_template(const std::string& path) {
    try {
        const io::AnnexTemplateSummary s = io::write_annex_template(path, state_.dataset(), state_.date());
        char buf[768];
        std::snprintf(buf, sizeof buf,
                      tr("Đã ghi biểu mẫu %s: %d đơn vị, %d tiêu chí (bộ %s). Đánh dấu x ở tiêu chí đạt rồi Tệp > Nhập bảng…",
                         "Wrote the form %s: %d units, %d criteria (%s set). Mark met criteria with x, then File > Import table…"),
                      path.c_str(), s.units, s.criteria, s.criteria_set.c_str());
        set_message(buf, false);
    } catch (const std::exception& e) {
        set_message(e.what(), true);
    }
}

void Workspace::poll_browsers() {
    switch (open_browser_.poll()) {
        case FileBrowser::Outcome::Chosen:
            settings_.last_dir = folder_of(open_browser_.path());
            open(open_browser_.path());
            break;
        case FileBrowser::Outcome::Failed:
            set_message(open_browser_.error(), true);
            open_popup_ = true;  // the typed path still works
            break;
        default: break;
    }
    switch (template_browser_.poll()) {
        case FileBrowser::Outcome::Chosen: {
            std::string path = template_browser_.path();
            if (path.size() < 5 || path.compare(path.size() - 5, 5, ".xlsx") != 0) path += ".xlsx";
            settings_.last_dir = folder_of(path);
            write_template(path);
            break;
        }
        case FileBrowser::Outcome::Failed: set_message(template_browser_.error(), true); break;
        default: break;
    }
}

void Workspace::undo_last_import() {
    if (!last_import_) return;
    try {
        undo_import(*last_import_);
        const std::string reopen = last_import_->target.reopen_on_undo;
        after_load_message_ = last_import_->target.backup.empty()
                                  ? std::string(tr("Đã hoàn tác nhập: mở lại ", "Import undone: reopened ")) + reopen +
                                        tr(" (bộ dữ liệu mới vẫn ở ", " (the new dataset stays at ") +
                                        last_import_->target.dataset + ")"
                                  : std::string(tr("Đã hoàn tác nhập: ", "Import undone: ")) + reopen +
                                        tr(" trở lại như trước khi nhập", " is back as it was before the import");
        open(reopen);
        last_import_.reset();
    } catch (const std::exception& e) {
        set_message(e.what(), true);
    }
}

void Workspace::draw_missing_data(float x, float y, float w, float h) {
    if (begin_panel(tr("Chưa có kết quả đánh giá", "No assessments yet"), x, y, w, h)) {
        const Dataset& ds = state_.dataset();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(tr("Bộ dữ liệu này mới có ranh giới các đơn vị: chưa có kết quả đánh giá tiêu chí nào, "
                                  "nên bản đồ tô màu xám (chưa có dữ liệu) và chưa có biểu đồ tiến độ.",
                                  "This dataset has the units' boundaries only: no criteria assessments yet, so the "
                                  "map is grey (no data) and there is no progress chart."));
        ImGui::PopTextWrapPos();
        char buf[256];
        std::snprintf(buf, sizeof buf,
                      tr("Có: %zu đơn vị · kết quả tiêu chí: 0 · quyết định công nhận: %zu · sự kiện: %zu",
                         "Has: %zu units · criteria results: 0 · recognitions: %zu · events: %zu"),
                      ds.units.size(), ds.recognitions.size(), ds.events.size());
        note(buf);
        ImGui::Spacing();
        ImGui::TextUnformatted(tr("Thêm dữ liệu bằng một trong hai cách:", "Add data in one of two ways:"));
        if (ImGui::Button(tr("Nhập bảng kết quả…", "Import a results table…"))) import_.open();
        ImGui::SameLine();
        note(tr("bảng tổng hợp của tỉnh, huyện (XLSX, ODS, CSV): đơn vị theo mã hoặc tên, mỗi tiêu chí một cột",
                "the province's or district's summary table (XLSX, ODS, CSV): units by code or name, a column per "
                "criterion"));
        if (ImGui::Button(tr("Tạo biểu mẫu để điền…", "Write a form to fill…"))) request_template();
        ImGui::SameLine();
        const std::string form =
            std::string(tr("biểu mẫu XLSX với các đơn vị và bộ tiêu chí ngày ", "an XLSX form with the units and criteria in force on ")) +
            format_date(state_.date()) + tr(", điền rồi nhập lại", "; fill it in, then import it");
        note(form);
    }
    ImGui::End();
}

void Workspace::draw_status_bar(float y, float height) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 2));
    if (begin_panel("##status", 0, y, io.DisplaySize.x, height,
                    ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar)) {
        // The data's size and CRS at the right; the message in what is left, cut with "…" and
        // whole on hover rather than running under the right part.
        std::string right;
        if (state_.has_data())
            right = std::to_string(state_.dataset().units.size()) + " " + tr("đơn vị", "units") + " · " +
                    state_.geometry().crs_name;
        const float right_w = right.empty() ? 0 : ImGui::CalcTextSize(right.c_str()).x;
        const float right_x = io.DisplaySize.x - right_w - ImGui::GetStyle().WindowPadding.x;
        std::string text;
        if (loader_.busy()) {
            char buf[64];
            std::snprintf(buf, sizeof buf, " %.0f %%", loader_.progress() * 100);
            text = std::string(tr("Đang mở ", "Opening ")) + loader_.source() + " — " + loader_.stage() + buf;
        } else {
            text = message_;
        }
        if (!text.empty()) {
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float room = std::max(0.0f, right_x - at.x - ImGui::GetFontSize());
            const ImU32 colour = message_is_error_ && !loader_.busy() ? IM_COL32(200, 30, 30, 255)
                                                                      : ImGui::GetColorU32(ImGuiCol_Text);
            ImGui::PushStyleColor(ImGuiCol_Text, colour);
            ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), at, ImVec2(at.x + room, at.y + ImGui::GetTextLineHeight()),
                                      at.x + room, at.x + room, text.c_str(), nullptr, nullptr);
            ImGui::PopStyleColor();
            ImGui::Dummy(ImVec2(room, ImGui::GetTextLineHeight()));
            if (ImGui::IsItemHovered() && ImGui::CalcTextSize(text.c_str()).x > room)
                ImGui::SetTooltip("%s", text.c_str());
        }
        if (!right.empty()) {
            ImGui::SameLine(right_x);
            ImGui::TextDisabled("%s", right.c_str());
        }
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

void Workspace::render(float framebuffer_scale, int framebuffer_height) {
    // The palette (high contrast for projectors) changes every fill, not only those of a date.
    if (palette_version() != palette_version_) {
        palette_version_ = palette_version();
        map_.invalidate_colours();
    }
    map_.render(state_, framebuffer_scale, framebuffer_height);
    if (views_export_dir_) {
        // Blocks while it draws; the GL context is current here, between frames.
        try {
            render::MapExporter exporter(state_.dataset(), state_.geometry());
            if (!state_.data()->district_rings.empty()) exporter.set_district_outlines(state_.data()->district_rings);
            render::ExportOptions base;
            base.vietnamese = state_.lang() == Lang::Vi;
            const auto files = export_briefing_views(exporter, views_store_.views(), *views_export_dir_, base);
            char buf[256];
            std::snprintf(buf, sizeof buf, tr("Đã xuất %zu ảnh vào %s", "Exported %zu images to %s"), files.size(),
                          views_export_dir_->c_str());
            views_panel_.set_export_message(buf, false);
            set_message(buf, false);
        } catch (const std::exception& e) {
            views_panel_.set_export_message(e.what(), true);
            set_message(e.what(), true);
        }
        views_export_dir_.reset();
    }
}

}  // namespace ntm::ui
