#pragma once
// The desktop window: GLFW with an OpenGL 3.3 core context (glad), Dear ImGui with fonts found
// through fontconfig and sized to the monitor's content scale, the workspace's panels, file drops,
// full screen for briefing mode, and captures (`--screenshot`: a few frames, then the window to a
// PNG). The command line (src/app/gui.cpp) parses the options into AppWindowOptions.
#include <optional>
#include <string>

#include "core/date.h"
#include "ui/settings.h"

namespace ntm::ui {

struct AppWindowOptions {
    Settings settings;        // loaded; saved back on exit (not after a capture)
    std::string config_path;  // where settings are saved
    std::string cache_dir;    // prepared copies of slow text sources ("" none)
    std::string source;       // what to open first
    int width = 1280, height = 800;
    bool size_given = false;  // --size: never maximised
    std::optional<Date> date;
    std::optional<std::string> select;  // a unit code to select
    std::optional<std::string> tab;     // right panel tab to show
    bool briefing = false;
    std::optional<std::string> import_table;  // open File ▸ Import table… on this table
    std::optional<std::string> screenshot;  // capture to this PNG and exit
    int frames = 10;                        // at least this many frames before a capture
};

// Runs the window until it is closed; returns the exit code. Throws ntm::Error (one line) when
// the window cannot open, a capture's data cannot be loaded, or an option names nothing.
int run_app_window(AppWindowOptions options);

}  // namespace ntm::ui
