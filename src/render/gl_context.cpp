#include "render/gl_context.h"

#include <glad/gl.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <dlfcn.h>
#include <link.h>

#include <cstring>
#include <map>
#include <mutex>
#include <string>

#include "core/error.h"

namespace ntm::render {
namespace {

const char* egl_error_name(EGLint error) {
    switch (error) {
        case EGL_SUCCESS: return "EGL_SUCCESS";
        case EGL_NOT_INITIALIZED: return "EGL_NOT_INITIALIZED";
        case EGL_BAD_ACCESS: return "EGL_BAD_ACCESS";
        case EGL_BAD_ALLOC: return "EGL_BAD_ALLOC";
        case EGL_BAD_ATTRIBUTE: return "EGL_BAD_ATTRIBUTE";
        case EGL_BAD_CONTEXT: return "EGL_BAD_CONTEXT";
        case EGL_BAD_CONFIG: return "EGL_BAD_CONFIG";
        case EGL_BAD_CURRENT_SURFACE: return "EGL_BAD_CURRENT_SURFACE";
        case EGL_BAD_DISPLAY: return "EGL_BAD_DISPLAY";
        case EGL_BAD_SURFACE: return "EGL_BAD_SURFACE";
        case EGL_BAD_MATCH: return "EGL_BAD_MATCH";
        case EGL_BAD_PARAMETER: return "EGL_BAD_PARAMETER";
        case EGL_BAD_NATIVE_PIXMAP: return "EGL_BAD_NATIVE_PIXMAP";
        case EGL_BAD_NATIVE_WINDOW: return "EGL_BAD_NATIVE_WINDOW";
        case EGL_CONTEXT_LOST: return "EGL_CONTEXT_LOST";
        default: return "unknown EGL error";
    }
}

[[noreturn]] void fail(const std::string& what) {
    throw Error("cannot create an offscreen OpenGL context: " + what + " (" +
                egl_error_name(eglGetError()) + ")");
}

bool has_extension(const char* list, const char* name) {
    if (!list) return false;
    const size_t n = std::strlen(name);
    for (const char* p = list; (p = std::strstr(p, name)) != nullptr; p += n)
        if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return true;
    return false;
}

// eglTerminate ends every context on a display, and Mesa hands out one EGLDisplay for the
// surfaceless platform, so displays are terminated only when their last context goes.
std::mutex display_mutex;
std::map<EGLDisplay, int> display_users;

GlProc egl_loader(const char* name) { return reinterpret_cast<GlProc>(eglGetProcAddress(name)); }

// The driver a context loads (Mesa's llvmpipe and LLVM, through libEGL or libGLX) would be
// unloaded when the display ends and loaded again for the next context; keeping every loaded
// object mapped saves that and lets LeakSanitizer name the driver's own one-off allocations at
// exit (.ci/lsan.supp) instead of reporting them from an "<unknown module>".
void keep_loaded_objects() {
    dl_iterate_phdr(
        [](dl_phdr_info* info, size_t, void*) {
            if (info->dlpi_name && *info->dlpi_name) dlopen(info->dlpi_name, RTLD_LAZY | RTLD_NOLOAD | RTLD_NODELETE);
            return 0;
        },
        nullptr);
}

}  // namespace

void load_gl_functions(GlProcLoader get_proc_address) {
    const int version = gladLoadGL(reinterpret_cast<GLADloadfunc>(get_proc_address));
    if (version == 0) throw Error("cannot load OpenGL functions for the current context");
    if (GLAD_VERSION_MAJOR(version) < 3 ||
        (GLAD_VERSION_MAJOR(version) == 3 && GLAD_VERSION_MINOR(version) < 3))
        throw Error("OpenGL 3.3 is required, the context provides " +
                    std::to_string(GLAD_VERSION_MAJOR(version)) + "." +
                    std::to_string(GLAD_VERSION_MINOR(version)) + " (" + gl_description() + ")");
    keep_loaded_objects();
}

std::string gl_description() {
    if (!glGetString) return "OpenGL not loaded";
    const GLubyte* renderer = glGetString(GL_RENDERER);
    const GLubyte* version = glGetString(GL_VERSION);
    return std::string(renderer ? reinterpret_cast<const char*>(renderer) : "?") + " | " +
           (version ? reinterpret_cast<const char*>(version) : "?");
}

OffscreenContext::OffscreenContext() {
    const char* client_extensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
    if (!has_extension(client_extensions, "EGL_EXT_platform_base"))
        fail("EGL_EXT_platform_base is not supported by libEGL");
    if (!has_extension(client_extensions, "EGL_MESA_platform_surfaceless"))
        fail("EGL_MESA_platform_surfaceless is not supported (install Mesa's libegl-mesa0 and "
             "libgl1-mesa-dri)");
    auto get_platform_display = reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(
        eglGetProcAddress("eglGetPlatformDisplayEXT"));
    if (!get_platform_display) fail("eglGetPlatformDisplayEXT is missing");

    EGLDisplay display =
        get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (display == EGL_NO_DISPLAY) fail("no surfaceless EGL display");
    EGLint major = 0, minor = 0;
    if (!eglInitialize(display, &major, &minor)) fail("eglInitialize failed");
    {
        std::lock_guard<std::mutex> lock(display_mutex);
        ++display_users[display];
    }
    display_ = display;

    try {
        const char* extensions = eglQueryString(display, EGL_EXTENSIONS);
        if (!has_extension(extensions, "EGL_KHR_surfaceless_context"))
            fail("EGL_KHR_surfaceless_context is not supported");
        if (!eglBindAPI(EGL_OPENGL_API)) fail("desktop OpenGL is not available through EGL");

        // Rendering goes to framebuffer objects; the config only has to allow desktop GL.
        const EGLint config_attributes[] = {EGL_SURFACE_TYPE,    EGL_PBUFFER_BIT,
                                            EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
                                            EGL_RED_SIZE,        8,
                                            EGL_GREEN_SIZE,      8,
                                            EGL_BLUE_SIZE,       8,
                                            EGL_ALPHA_SIZE,      8,
                                            EGL_NONE};
        EGLConfig config = nullptr;
        EGLint count = 0;
        if (!eglChooseConfig(display, config_attributes, &config, 1, &count) || count < 1)
            fail("no EGL config supports desktop OpenGL");

        const EGLint context_attributes[] = {EGL_CONTEXT_MAJOR_VERSION,
                                             3,
                                             EGL_CONTEXT_MINOR_VERSION,
                                             3,
                                             EGL_CONTEXT_OPENGL_PROFILE_MASK,
                                             EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                             EGL_NONE};
        EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, context_attributes);
        if (context == EGL_NO_CONTEXT) fail("no OpenGL 3.3 core context");
        context_ = context;
        make_current();
        load_gl_functions(egl_loader);
    } catch (...) {
        destroy();
        throw;
    }
}

OffscreenContext::~OffscreenContext() { destroy(); }

void OffscreenContext::destroy() {
    if (!display_) return;
    EGLDisplay display = static_cast<EGLDisplay>(display_);
    if (context_) {
        if (eglGetCurrentContext() == static_cast<EGLContext>(context_))
            eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(display, static_cast<EGLContext>(context_));
        context_ = nullptr;
    }
    std::lock_guard<std::mutex> lock(display_mutex);
    if (--display_users[display] == 0) {
        display_users.erase(display);
        eglTerminate(display);
    }
    display_ = nullptr;
}

void OffscreenContext::make_current() {
    if (!eglMakeCurrent(static_cast<EGLDisplay>(display_), EGL_NO_SURFACE, EGL_NO_SURFACE,
                        static_cast<EGLContext>(context_)))
        throw Error(std::string("cannot make the offscreen OpenGL context current: ") +
                    "eglMakeCurrent without a surface failed (" + egl_error_name(eglGetError()) +
                    ")");
}

void OffscreenContext::release_current() {
    eglMakeCurrent(static_cast<EGLDisplay>(display_), EGL_NO_SURFACE, EGL_NO_SURFACE,
                   EGL_NO_CONTEXT);
}

}  // namespace ntm::render
