#include "ui/headless_gl.h"

#include <GLFW/glfw3.h>

#include <cstdlib>
#include <string>

#include "core/error.h"
#include "render/gl_context.h"

namespace ntm::ui {

struct HeadlessGl::Impl {
    std::unique_ptr<render::OffscreenContext> egl;
    GLFWwindow* window = nullptr;
    bool glfw_initialised = false;
    ~Impl() {
        egl.reset();
        if (window) glfwDestroyWindow(window);
        if (glfw_initialised) glfwTerminate();
    }
};

namespace {
std::string glfw_error;
void on_glfw_error(int, const char* description) { glfw_error = description ? description : "unknown GLFW error"; }
}  // namespace

HeadlessGl::HeadlessGl() : impl_(std::make_unique<Impl>()) {
    std::string egl_reason = "EGL skipped (NTM_HEADLESS=glfw)";
    const char* force = std::getenv("NTM_HEADLESS");
    if (!(force && std::string(force) == "glfw")) try {
        impl_->egl = std::make_unique<render::OffscreenContext>();
        kind_ = "EGL surfaceless";
        return;
    } catch (const Error& e) {
        egl_reason = e.what();
    }
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) throw Error(egl_reason + "; no $DISPLAY for a hidden window either");

    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) throw Error(egl_reason + "; and GLFW cannot start: " + glfw_error);
    impl_->glfw_initialised = true;
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    impl_->window = glfwCreateWindow(64, 64, "ntm-atlas export", nullptr, nullptr);
    if (!impl_->window) throw Error(egl_reason + "; and no hidden window: " + glfw_error);
    glfwMakeContextCurrent(impl_->window);
    render::load_gl_functions(reinterpret_cast<render::GlProcLoader>(glfwGetProcAddress));
    kind_ = "hidden GLFW window";
}

HeadlessGl::~HeadlessGl() = default;

}  // namespace ntm::ui
