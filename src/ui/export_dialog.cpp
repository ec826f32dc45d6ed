#include "ui/export_dialog.h"
#include "ui/widgets.h"

#include <glad/gl.h>
#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "core/error.h"
#include "io/crs_wkt.h"
#include "render/map_export.h"
#include "ui/settings.h"

namespace fs = std::filesystem;

namespace ntm::ui {
namespace {

struct PresetChoice {
    const char* id;
    const char* label_vi;
    const char* label_en;
};
const PresetChoice kPresets[] = {
    {"hd", "HD 1920×1080 (96 dpi)", "HD 1920×1080 (96 dpi)"},
    {"4k", "4K 3840×2160 (96 dpi)", "4K 3840×2160 (96 dpi)"},
    {"a4-300", "A4 ngang 300 dpi (3508×2480)", "A4 landscape 300 dpi (3508×2480)"},
    {"a3-300", "A3 ngang 300 dpi (4961×3508)", "A3 landscape 300 dpi (4961×3508)"},
    {nullptr, "Tùy chọn", "Custom"},
};
constexpr int kPresetCount = sizeof kPresets / sizeof kPresets[0];

// Saves and restores what the map view and ImGui's backend expect to find bound.
struct GlBindingGuard {
    GLint draw_fbo = 0, read_fbo = 0, viewport[4] = {0, 0, 0, 0};
    GlBindingGuard() {
        glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw_fbo);
        glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read_fbo);
        glGetIntegerv(GL_VIEWPORT, viewport);
    }
    ~GlBindingGuard() {
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, GLuint(draw_fbo));
        glBindFramebuffer(GL_READ_FRAMEBUFFER, GLuint(read_fbo));
        glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
    }
};

std::string describe(const std::string& path, const render::ExportResult& r) {
    char text[64];
    std::snprintf(text, sizeof text, " (%d×%d, %g dpi)", r.width, r.height, r.dpi);
    return path + text;
}

}  // namespace

ExportDialog::ExportDialog() = default;
ExportDialog::~ExportDialog() = default;

void ExportDialog::open() { open_requested_ = true; }

render::MapExporter& ExportDialog::exporter(const AppState& state) {
    if (!exporter_ || exporter_data_version_ != state.data_version()) {
        exporter_.reset();
        exporter_ = std::make_unique<render::MapExporter>(state.dataset(), state.geometry());
        if (state.data() && !state.data()->district_rings.empty())
            exporter_->set_district_outlines(state.data()->district_rings);
        exporter_data_version_ = state.data_version();
    }
    return *exporter_;
}

bool ExportDialog::run_export(AppState& state, const render::Camera& view, int view_w, int view_h, int width,
                              int height, double dpi, bool use_view, const std::string& path) {
    try {
        if (!state.has_data()) throw Error(tr("chưa mở dữ liệu nào", "no data is open"));
        if (width < 16 || height < 16 || width > render::kMaxExportSide || height > render::kMaxExportSide)
            throw Error(std::string(tr("kích thước phải trong khoảng 16..", "the size must be within 16..")) +
                        std::to_string(render::kMaxExportSide) + " px");
        if (dpi < 10 || dpi > 2400) throw Error(tr("DPI phải trong khoảng 10..2400", "DPI must be within 10..2400"));
        const std::string ext = fs::path(path).extension().string();
        if (ext != ".png" && ext != ".PNG") throw Error(path + tr(": tên tệp phải có đuôi .png", ": the file name must end in .png"));
        render::ExportOptions o;
        o.width = width;
        o.height = height;
        o.dpi = dpi;
        o.date = state.date();
        o.title = title_;
        o.vietnamese = lang_ == 0;
        o.decorations = decorations_;
        if (use_view && view_w > 0 && view_h > 0) o.view = view.visible(view_w, view_h);
        if (!state.geometry().crs_wkt.empty()) o.prj = io::prj_wkt(state.geometry().crs_wkt);
        const fs::path parent = fs::path(path).parent_path();
        if (!parent.empty() && !fs::is_directory(parent))
            throw Error(parent.string() + tr(": thư mục không tồn tại", ": the folder does not exist"));
        render::ExportResult result;
        {
            GlBindingGuard guard;
            result = exporter(state).export_png(o, path);
        }
        message_ = std::string(tr("Đã lưu ảnh: ", "Image saved: ")) + describe(path, result);
        message_is_error_ = false;
        return true;
    } catch (const std::exception& e) {
        message_ = std::string(tr("Không xuất được ảnh: ", "Export failed: ")) + e.what();
        message_is_error_ = true;
        return false;
    }
}

void ExportDialog::release() { exporter_.reset(); }

std::string ExportDialog::screenshot(AppState& state, const render::Camera& current_view, int width, int height,
                                     const std::string& dir) {
    std::error_code ec;
    if (!dir.empty() && !fs::exists(dir, ec)) fs::create_directories(dir, ec);
    if (ec) {
        message_ = std::string(tr("Không tạo được thư mục ", "Cannot create the folder ")) + dir + " (" + ec.message() + ")";
        message_is_error_ = true;
        return message_;
    }
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char name[64];
    std::strftime(name, sizeof name, "ntm-atlas_%Y-%m-%d_%H%M%S.png", &tm);
    std::string path = (fs::path(dir.empty() ? "." : dir) / name).string();
    for (int n = 2; fs::exists(path, ec) && n < 100; ++n) {  // two shots in one second
        std::string numbered = name;
        numbered.insert(numbered.size() - 4, "-" + std::to_string(n));
        path = (fs::path(dir.empty() ? "." : dir) / numbered).string();
    }
    const int saved_lang = lang_;
    lang_ = state.lang() == Lang::En ? 1 : 0;
    run_export(state, current_view, width, height, std::max(16, width), std::max(16, height), 96, true, path);
    lang_ = saved_lang;
    return message_;
}

void ExportDialog::draw(AppState& state, const render::Camera& current_view, int view_width, int view_height) {
    if (open_requested_) {
        open_requested_ = false;
        open_ = true;
        lang_ = state.lang() == Lang::En ? 1 : 0;
        if (!path_[0]) {
            const std::string path =
                (fs::path(home_dir()) / ("ntm-atlas_" + state.date().iso() + ".png")).string();
            std::snprintf(path_, sizeof path_, "%s", path.c_str());
        }
        ImGui::OpenPopup("##export");
    }
    if (!open_) return;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 36, 0), ImGuiCond_Always);
    if (!ImGui::BeginPopupModal("##export", nullptr, ImGuiWindowFlags_NoTitleBar)) {
        open_ = false;
        return;
    }
    ImGui::TextUnformatted(tr("Xuất bản đồ ra ảnh PNG", "Export the map as a PNG"));
    ImGui::Separator();

    const bool vi = current_lang() == Lang::Vi;
    const float label_w = ImGui::GetFontSize() * 9;
    auto label = [&](const char* text) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(text);
        ImGui::SameLine(label_w);
        ImGui::SetNextItemWidth(-1);
    };

    label(tr("Cỡ ảnh", "Preset"));
    const char* current = vi ? kPresets[preset_].label_vi : kPresets[preset_].label_en;
    if (ImGui::BeginCombo("##preset", current)) {
        for (int i = 0; i < kPresetCount; ++i) {
            if (ImGui::Selectable(vi ? kPresets[i].label_vi : kPresets[i].label_en, i == preset_)) {
                preset_ = i;
                if (kPresets[i].id)
                    if (const auto p = render::export_preset(kPresets[i].id)) {
                        width_ = p->width;
                        height_ = p->height;
                        dpi_ = static_cast<int>(p->dpi);
                    }
            }
        }
        ImGui::EndCombo();
    }
    label(tr("Rộng × cao (px)", "Width × height (px)"));
    int size[2] = {width_, height_};
    if (ImGui::InputInt2("##size", size)) {
        width_ = size[0];
        height_ = size[1];
        preset_ = kPresetCount - 1;
    }
    label("DPI");
    if (ImGui::InputInt("##dpi", &dpi_)) preset_ = kPresetCount - 1;
    label(tr("Tiêu đề", "Title"));
    ImGui::InputTextWithHint("##title", tr("(mặc định: tên tỉnh và ngày)", "(default: province and date)"), title_,
                             sizeof title_);
    label(tr("Ngôn ngữ", "Language"));
    ImGui::RadioButton("Tiếng Việt", &lang_, 0);
    ImGui::SameLine();
    ImGui::RadioButton("English", &lang_, 1);
    ImGui::SetCursorPosX(label_w);
    ImGui::Checkbox(tr("Tiêu đề, chú giải, thước tỷ lệ, hướng bắc", "Title, legend, scale bar, north arrow"),
                    &decorations_);
    ImGui::SetCursorPosX(label_w);
    ImGui::Checkbox(tr("Khung nhìn hiện tại (thay vì toàn bản đồ)", "Current view (instead of the whole map)"),
                    &current_view_);
    label(tr("Lưu vào", "Save to"));
    ImGui::InputText("##path", path_, sizeof path_);
    note(tr("Kèm tệp .pgw và .prj để mở trong phần mềm GIS.",
                                 "A .pgw and .prj beside it place the image in GIS software."));

    ImGui::Separator();
    if (ImGui::Button(tr("Xuất ảnh", "Export"))) {
        if (run_export(state, current_view, view_width, view_height, width_, height_, dpi_, current_view_, path_)) {
            open_ = false;
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Đóng", "Close")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        open_ = false;
        ImGui::CloseCurrentPopup();
    }
    if (!message_.empty()) {
        if (message_is_error_) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(200, 30, 30, 255));
        ImGui::TextWrapped("%s", message_.c_str());
        if (message_is_error_) ImGui::PopStyleColor();
    }
    ImGui::EndPopup();
}

}  // namespace ntm::ui
