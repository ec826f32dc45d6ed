#pragma once
// A window-less OpenGL 3.3 core context (EGL on Mesa's surfaceless platform) for exports, the
// command line and tests. Nothing else in render/ depends on who made the current context: the
// GUI makes its own with GLFW and calls load_gl_functions() with GLFW's loader.
#include <string>

namespace ntm::render {

// Loads the OpenGL 3.3 core entry points (glad) for the context current on this thread, through
// `get_proc_address` (e.g. glfwGetProcAddress, eglGetProcAddress). Throws ntm::Error when the
// context does not provide OpenGL 3.3. Keeps the driver it finds loaded to the end of the process.
using GlProc = void (*)();
using GlProcLoader = GlProc (*)(const char* name);
void load_gl_functions(GlProcLoader get_proc_address);

// "renderer | version" of the current context, for logs and error messages.
std::string gl_description();

class OffscreenContext {
public:
    // Creates the context and makes it current on the calling thread. Throws ntm::Error with the
    // reason (no EGL, no surfaceless platform, no OpenGL 3.3 core, ...) when it cannot.
    OffscreenContext();
    ~OffscreenContext();
    OffscreenContext(const OffscreenContext&) = delete;
    OffscreenContext& operator=(const OffscreenContext&) = delete;

    void make_current();     // on the calling thread (throws ntm::Error)
    void release_current();  // leaves no context current on the calling thread

private:
    void destroy();
    void* display_ = nullptr;  // EGLDisplay
    void* context_ = nullptr;  // EGLContext
};

}  // namespace ntm::render
