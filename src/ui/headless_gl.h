#pragma once
// An OpenGL 3.3 context for commands that render without showing anything (export, atlas):
// EGL on Mesa's surfaceless platform, which needs no display server; when that fails and
// $DISPLAY is set, a hidden GLFW window (NTM_HEADLESS=glfw skips EGL, to test that path).
// Current on the constructing thread for its life.
#include <memory>
#include <string>

namespace ntm::ui {

class HeadlessGl {
public:
    // Throws ntm::Error with both reasons when neither way works.
    HeadlessGl();
    ~HeadlessGl();
    HeadlessGl(const HeadlessGl&) = delete;
    HeadlessGl& operator=(const HeadlessGl&) = delete;

    // "EGL surfaceless" or "hidden GLFW window", for logs.
    const std::string& kind() const { return kind_; }

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string kind_;
};

}  // namespace ntm::ui
