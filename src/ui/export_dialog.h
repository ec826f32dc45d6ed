#pragma once
// The Export dialog (preset, size, DPI, title, decorations on/off, language, output path) and the
// one-key screenshot of the current view (F12). Both render with render::MapExporter in the
// app's own OpenGL context, into an offscreen framebuffer, so the PNG is what the `export`
// command writes for the same options: decorations, pHYs, world file and .prj, temporary file
// renamed into place. The result is a message saying where the file went (or what failed).
//
// Not wired here: the workspace opens the dialog (menu, Ctrl+E), calls draw() every frame between
// ImGui::NewFrame() and ImGui::Render(), and calls screenshot() on F12 with the map view's camera
// and size and the folder the user chose once (kept in its settings).
#include <memory>
#include <string>

#include "render/camera.h"
#include "ui/app_state.h"

namespace ntm::render {
class MapExporter;
}

namespace ntm::ui {

class ExportDialog {
public:
    ExportDialog();
    ~ExportDialog();
    ExportDialog(const ExportDialog&) = delete;
    ExportDialog& operator=(const ExportDialog&) = delete;

    // Drops the exporter (it refers to the loaded data): call before other data replaces it.
    void release();

    // Shows the dialog from the next draw(); the language follows the app's.
    void open();
    bool is_open() const { return open_; }

    // ImGui code of the dialog (a modal popup), call every frame; exports when asked, on this
    // thread, in the current GL context (the map view's framebuffer binding and viewport are
    // restored afterwards). `current_view` is the map view's camera, whose visible rectangle
    // (of the view's size given by `view_width` x `view_height` pixels) the export shows when
    // "current view" is ticked.
    void draw(AppState& state, const render::Camera& current_view, int view_width, int view_height);

    // The current view as the map view shows it (`width` x `height` pixels, the view's size, at
    // 96 dpi, with or without decorations as last chosen in the dialog), written to a new file
    // "ntm-atlas_YYYY-MM-DD_HHMMSS.png" in `dir` (made when missing). Returns the message (also
    // kept in message()): "Đã lưu ảnh: PATH (W×H, 96 dpi)" or the error.
    std::string screenshot(AppState& state, const render::Camera& current_view, int width, int height,
                           const std::string& dir);

    // The last export's outcome, for the status bar: where the file went, or the error.
    const std::string& message() const { return message_; }
    bool message_is_error() const { return message_is_error_; }

private:
    render::MapExporter& exporter(const AppState& state);
    bool run_export(AppState& state, const render::Camera& view, int view_w, int view_h, int width, int height,
                    double dpi, bool use_view, const std::string& path);

    std::unique_ptr<render::MapExporter> exporter_;
    uint64_t exporter_data_version_ = 0;

    bool open_ = false, open_requested_ = false;
    int preset_ = 0;  // index into the dialog's presets; the last one is "custom"
    int width_ = 1920, height_ = 1080, dpi_ = 96;
    char title_[512] = {};
    char path_[1024] = {};
    bool decorations_ = true;
    bool current_view_ = false;
    int lang_ = 0;  // 0 vi, 1 en
    std::string message_;
    bool message_is_error_ = false;
};

}  // namespace ntm::ui
