#include "ui/app_window.h"

#include <glad/gl.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <string>

#include "core/error.h"
#include "render/fonts.h"
#include "render/framebuffer.h"
#include "render/gl_context.h"
#include "render/png_writer.h"
#include "ui/workspace.h"

namespace ntm::ui {
namespace {

std::string g_glfw_error;

void on_glfw_error(int, const char* description) { g_glfw_error = description ? description : ""; }

void on_drop(GLFWwindow* window, int count, const char** paths) {
    auto* workspace = static_cast<Workspace*>(glfwGetWindowUserPointer(window));
    if (workspace && count > 0) workspace->open(paths[0]);
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

int run_app_window(AppWindowOptions o) {
    const std::optional<std::string>& screenshot = o.screenshot;
    GlfwSession glfw;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    if (o.settings.window_maximized && !screenshot && !o.size_given) glfwWindowHint(GLFW_MAXIMIZED, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(o.width, o.height, "NTM Atlas", nullptr, nullptr);
    if (!window) throw Error("cannot open an OpenGL 3.3 window (" + g_glfw_error + ")");
    glfwMakeContextCurrent(window);
    // A capture shows no hover: the pointer (the middle of a virtual screen) rests on the status bar.
    if (screenshot) glfwSetCursorPos(window, 4, o.height - 4);
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
    // The light style's fields are white: in a dialog (white too) a field, a check box or a
    // radio button would not show without a border.
    ImGui::GetStyle().FrameBorderSize = 1.0f;
    ImGui::GetStyle().ScaleAllSizes(ui_scale);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    int exit_code = 0;
    {
        Workspace workspace(o.settings, o.cache_dir);
        workspace.set_fonts(fonts, &room_fonts);
        glfwSetWindowUserPointer(window, &workspace);
        glfwSetDropCallback(window, on_drop);
        workspace.open(o.source);
        if (screenshot) {
            // A capture shows the data, so wait for it (the window stays responsive otherwise).
            workspace.finish_loading();
            if (!workspace.state().has_data()) throw Error(workspace.message());
        }
        if (o.tab && !workspace.show_tab(*o.tab))
            throw Error("--tab must be detail, lists, criteria, districts or reconcile, not '" + *o.tab + "'");
        auto apply_start_options = [&] {
            if (o.date) workspace.state().set_date(*o.date);
            if (const auto& code = o.select) {
                // Codes are reused across boundary versions: the unit in force on the date shown.
                const Dataset& ds = workspace.state().dataset();
                int unit = ds.find_unit(*code, workspace.state().date());
                if (unit < 0) unit = ds.find_unit(*code);
                if (unit < 0) throw Error("--select: no unit with code '" + *code + "' in " + o.source);
                workspace.state().select_unit(unit);
            }
            if (o.briefing) workspace.start_briefing();
            if (o.import_table) workspace.open_import(*o.import_table);
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
            // An error inside a frame (a panel, a background job's result) is reported in the
            // status bar; the window and what it shows stay. Captures fail loudly instead.
            try {
                workspace.frame(screenshot ? 0.0 : seconds);
            } catch (const std::exception& e) {
                if (screenshot) throw;
                ImGui::ErrorCheckEndFrameRecover(nullptr);  // close what the panel left open
                workspace.report_error(e.what());
            }
            if (!screenshot) full_screen.set(workspace.briefing());
            ImGui::Render();

            int fb_w = 0, fb_h = 0;
            glfwGetFramebufferSize(window, &fb_w, &fb_h);
            glViewport(0, 0, fb_w, fb_h);
            glClearColor(0.96f, 0.96f, 0.95f, 1);
            glClear(GL_COLOR_BUFFER_BIT);
            const float fb_scale = io.DisplaySize.x > 0 ? fb_w / io.DisplaySize.x : 1.0f;
            try {
                workspace.render(fb_scale, fb_h);
            } catch (const std::exception& e) {
                if (screenshot) throw;
                workspace.report_error(e.what());
            }
            glViewport(0, 0, fb_w, fb_h);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

            // A capture waits (within reason) for the finer geometry its view needs.
            if (screenshot && frame + 1 >= o.frames && (!workspace.busy() || frame >= o.frames + 600)) {
                render::write_png(*screenshot, render::read_back_buffer(fb_w, fb_h));
                std::cout << "screenshot written to " << *screenshot << " (" << fb_w << "×" << fb_h << ")\n";
                break;
            }
            glfwSwapBuffers(window);
        }
        if (!screenshot) {
            Settings& s = workspace.settings();
            s.window_maximized = glfwGetWindowAttrib(window, GLFW_MAXIMIZED) == GLFW_TRUE;
            if (!s.window_maximized) glfwGetWindowSize(window, &s.window_width, &s.window_height);
            s.play_step = workspace.state().play_step() == PlayStep::Year ? "year" : "month";
            s.play_speed = workspace.state().play_speed();
            if (!save_settings(s, o.config_path))
                std::cerr << "ntm-atlas: could not save settings to " << o.config_path << "\n";
        }
        glfwSetWindowUserPointer(window, nullptr);
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    return exit_code;
}

}  // namespace ntm::ui
