#pragma once
// Settings remembered between runs, in $XDG_CONFIG_HOME/ntm-atlas/settings.ini (or
// ~/.config/...): a plain key = value file written atomically. Unknown keys are kept out of the
// way, bad values fall back to defaults, a missing file means defaults.
#include <string>
#include <vector>

namespace ntm::ui {

struct Settings {
    int window_width = 1600, window_height = 900;
    bool window_maximized = false;
    std::string lang = "vi";                 // "vi" or "en"
    std::string last_data;                   // dataset or boundary source last opened
    std::string last_dir;                    // folder the file chooser starts in (ends in '/')
    std::vector<std::string> recent;         // most recent first, at most kMaxRecent
    bool show_left = true, show_right = true, show_bottom = true;  // panel columns
    float left_width = 330, right_width = 460, bottom_height = 300;  // in font-size units × 1
    bool show_labels = true;
    std::string screenshot_dir;              // F12 target, chosen once
    std::string play_step = "month";         // "month" or "year"
    double play_speed = 4;                   // steps per second

    static constexpr size_t kMaxRecent = 8;
    void add_recent(const std::string& path);  // moves it to the front, trims the list
};

// The settings file path for the current user ("" when neither XDG_CONFIG_HOME nor HOME is set).
std::string settings_path();
// The user's folders: $HOME (else "."), the cache for prepared copies of slow text sources
// ($XDG_CACHE_HOME/ntm-atlas or ~/.cache/ntm-atlas; "" when neither is set), and where F12
// screenshots go until the user chooses (~/Pictures/NTM Atlas).
std::string home_dir();
std::string cache_dir();
std::string default_screenshot_dir();
// Reads `path`; missing or unreadable files give the defaults.
Settings load_settings(const std::string& path);
// Writes to a temporary file and renames it; returns false (and leaves the old file) on failure.
bool save_settings(const Settings& settings, const std::string& path);

}  // namespace ntm::ui
