// The desktop app: a GLFW window with an OpenGL 3.3 core context (glad), Dear ImGui with a
// Vietnamese-capable font found through fontconfig, and the workspace's panels. `--screenshot`
// renders a few frames, writes the window to a PNG and exits.
#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "app/args.h"
#include "app/commands.h"
#include "app/data_source.h"
#include "core/error.h"
#include "render/fonts.h"
#include "render/gl_context.h"
#include "render/png_writer.h"
#include "ui/workspace.h"

namespace ntm::app {
namespace {

std::string g_glfw_error;

void on_glfw_error(int, const char* description) { g_glfw_error = description ? description : ""; }

void on_drop(GLFWwindow* window, int count, const char** paths) {
    auto* workspace = static_cast<ui::Workspace*>(glfwGetWindowUserPointer(window));
    if (workspace && count > 0) workspace->open(paths[0]);
}

std::string cache_dir() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/ntm-atlas";
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/ntm-atlas";
    return "";
}

// The whole window's back buffer as an image (top row first).
render::Image read_window(int width, int height) {
    render::Image image;
    image.width = width;
    image.height = height;
    image.rgba.resize(static_cast<size_t>(width) * height * 4);
    std::vector<uint8_t> rows(image.rgba.size());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
    const size_t stride = static_cast<size_t>(width) * 4;
    for (int y = 0; y < height; ++y)
        std::copy_n(rows.data() + (height - 1 - y) * stride, stride, image.rgba.data() + y * stride);
    for (size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;
    return image;
}

// Switches the window to the primary monitor's full screen and back to where it was.
class FullScreen {
public:
    explicit FullScreen(GLFWwindow* window) : window_(window) {}
    void set(bool on) {
        if (on == on_) return;
        on_ = on;
        GLFWmonitor* monitor = glfwGetPrimaryMonitor();
        const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
        if (on && mode) {
            glfwGetWindowPos(window_, &x_, &y_);
            glfwGetWindowSize(window_, &w_, &h_);
            glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
        } else if (!on) {
            glfwSetWindowMonitor(window_, nullptr, x_, y_, w_, h_, 0);
        }
    }

private:
    GLFWwindow* window_;
    bool on_ = false;
    int x_ = 0, y_ = 0, w_ = 1280, h_ = 800;
};

struct GlfwSession {
    GlfwSession() {
        glfwSetErrorCallback(on_glfw_error);
        if (!glfwInit())
            throw Error("cannot start the window system (" + g_glfw_error +
                        "); is a display available? Commands such as summary and export need none");
    }
    ~GlfwSession() { glfwTerminate(); }
};

}  // namespace

int run_gui(const std::vector<std::string>& argv) {
    const Args args(argv, {"briefing"});
    args.allow_only("the app", {"data", "boundaries", "lang", "date", "screenshot", "frames", "select", "size", "tab", "briefing"});
    const auto screenshot = args.get("screenshot");
    const int frames = args.integer("frames", 3);
    if (frames < 1 || frames > 100000) throw Error("--frames must be between 1 and 100000");
    const auto date = args.date("date");

    const std::string config = ui::settings_path();
    ui::Settings settings = ui::load_settings(config);
    if (const auto lang = args.get("lang")) {
        if (*lang != "vi" && *lang != "en") throw Error("--lang must be vi or en, not '" + *lang + "'");
        settings.lang = *lang;
    }
    int width = settings.window_width, height = settings.window_height;
    if (const auto size = args.get("size")) {
        if (std::sscanf(size->c_str(), "%dx%d", &width, &height) != 2 || width < 320 || height < 240 ||
            width > 16384 || height > 16384)
            throw Error("--size must be WIDTHxHEIGHT (at least 320x240), not '" + *size + "'");
    }

    // What to open: the command line, else (not for screenshots) the last file, else the demo.
    std::string source = args.get_or("data", args.get_or("boundaries", ""));
    if (source.empty() && !screenshot && !settings.last_data.empty() &&
        std::filesystem::exists(settings.last_data.rfind("/vsigzip/", 0) == 0 ? settings.last_data.substr(9)
                                                                               : settings.last_data))
        source = settings.last_data;
    if (source.empty()) source = default_dataset_path();

    GlfwSession glfw;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    if (settings.window_maximized && !screenshot && !args.has("size")) glfwWindowHint(GLFW_MAXIMIZED, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(width, height, "NTM Atlas", nullptr, nullptr);
    if (!window) throw Error("cannot open an OpenGL 3.3 window (" + g_glfw_error + ")");
    glfwMakeContextCurrent(window);
    glfwSwapInterval(screenshot ? 0 : 1);
    render::load_gl_functions(reinterpret_cast<render::GlProcLoader>(glfwGetProcAddress));

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the layout is ours, remembered in settings.ini
    float content_scale_x = 1, content_scale_y = 1;
    glfwGetWindowContentScale(window, &content_scale_x, &content_scale_y);
    const float ui_scale = std::clamp(content_scale_x, 1.0f, 4.0f);
    const render::UiFonts fonts = render::add_ui_fonts(*io.Fonts, 16.0f * ui_scale);
    const render::UiFonts room_fonts = render::add_ui_fonts(*io.Fonts, 40.0f * ui_scale);  // briefing
    ImGui::StyleColorsLight();
    ImGui::GetStyle().ScaleAllSizes(ui_scale);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    int exit_code = 0;
    {
        ui::Workspace workspace(settings, cache_dir());
        workspace.set_fonts(fonts, &room_fonts);
        glfwSetWindowUserPointer(window, &workspace);
        glfwSetDropCallback(window, on_drop);
        workspace.open(source);
        if (screenshot) {
            // A capture shows the data, so wait for it (the window stays responsive otherwise).
            workspace.finish_loading();
            if (!workspace.state().has_data()) throw Error(workspace.message());
        }
        if (const auto tab = args.get("tab"); tab && !workspace.show_tab(*tab))
            throw Error("--tab must be detail, lists, criteria, districts or reconcile, not '" + *tab + "'");
        auto apply_start_options = [&] {
            if (date) workspace.state().set_date(*date);
            if (const auto code = args.get("select")) {
                const int unit = workspace.state().dataset().find_unit(*code);
                if (unit < 0) throw Error("--select: no unit with code '" + *code + "' in " + source);
                workspace.state().select_unit(unit);
            }
            if (args.has("briefing")) workspace.start_briefing();
        };
        // Briefing mode fills the screen (not for captures, which keep --size).
        FullScreen full_screen(window);
        bool start_applied = false;
        auto last = std::chrono::steady_clock::now();
        for (int frame = 0; !glfwWindowShouldClose(window) && !workspace.quit_requested(); ++frame) {
            if (screenshot)
                glfwPollEvents();
            else
                glfwWaitEventsTimeout(workspace.busy() ? 1.0 / 60 : 0.25);
            if (!start_applied && workspace.state().has_data()) {
                apply_start_options();
                start_applied = true;
            }
            const auto now = std::chrono::steady_clock::now();
            const double seconds = std::chrono::duration<double>(now - last).count();
            last = now;

            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGui::NewFrame();
            if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false)) break;
            workspace.frame(screenshot ? 0.0 : seconds);
            if (!screenshot) full_screen.set(workspace.briefing());
            ImGui::Render();

            int fb_w = 0, fb_h = 0;
            glfwGetFramebufferSize(window, &fb_w, &fb_h);
            glViewport(0, 0, fb_w, fb_h);
            glClearColor(0.96f, 0.96f, 0.95f, 1);
            glClear(GL_COLOR_BUFFER_BIT);
            const float fb_scale = io.DisplaySize.x > 0 ? fb_w / io.DisplaySize.x : 1.0f;
            workspace.render(fb_scale, fb_h);
            glViewport(0, 0, fb_w, fb_h);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

            // A capture waits (within reason) for the finer geometry its view needs.
            if (screenshot && frame + 1 >= frames && (!workspace.busy() || frame >= frames + 600)) {
                render::write_png(*screenshot, read_window(fb_w, fb_h));
                std::cout << "screenshot written to " << *screenshot << " (" << fb_w << "×" << fb_h << ")\n";
                break;
            }
            glfwSwapBuffers(window);
        }
        if (!screenshot) {
            ui::Settings& s = workspace.settings();
            s.window_maximized = glfwGetWindowAttrib(window, GLFW_MAXIMIZED) == GLFW_TRUE;
            if (!s.window_maximized) glfwGetWindowSize(window, &s.window_width, &s.window_height);
            s.play_step = workspace.state().play_step() == ui::PlayStep::Year ? "year" : "month";
            s.play_speed = workspace.state().play_speed();
            if (!ui::save_settings(s, config)) std::cerr << "ntm-atlas: could not save settings to " << config << "\n";
        }
        glfwSetWindowUserPointer(window, nullptr);
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    return exit_code;
}

}  // namespace ntm::app
