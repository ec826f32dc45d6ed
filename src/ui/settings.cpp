#include "ui/settings.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/csv.h"
#include "core/error.h"
#include "core/text.h"

namespace ntm::ui {
namespace {

bool parse_bool(const std::string& v, bool fallback) {
    if (v == "1" || v == "true") return true;
    if (v == "0" || v == "false") return false;
    return fallback;
}

template <typename T>
T parse_number(const std::string& v, T fallback, T lo, T hi) {
    std::istringstream in(v);
    T x{};
    if (!(in >> x) || !in.eof() || x < lo || x > hi) return fallback;
    return x;
}

void make_dirs(const std::string& dir) {
    for (size_t i = 1; i <= dir.size(); ++i)
        if (i == dir.size() || dir[i] == '/') ::mkdir(dir.substr(0, i).c_str(), 0755);
}

}  // namespace

void Settings::add_recent(const std::string& path) {
    if (path.empty()) return;
    recent.erase(std::remove(recent.begin(), recent.end(), path), recent.end());
    recent.insert(recent.begin(), path);
    if (recent.size() > kMaxRecent) recent.resize(kMaxRecent);
}

std::string home_dir() {
    const char* home = std::getenv("HOME");
    return home && *home ? home : ".";
}

std::string cache_dir() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/ntm-atlas";
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/ntm-atlas";
    return "";
}

std::string default_screenshot_dir() { return home_dir() + "/Pictures/NTM Atlas"; }

std::string settings_path() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg && *xdg) return std::string(xdg) + "/ntm-atlas/settings.ini";
    const char* home = std::getenv("HOME");
    if (home && *home) return std::string(home) + "/.config/ntm-atlas/settings.ini";
    return "";
}

Settings load_settings(const std::string& path) {
    Settings s;
    std::ifstream in(path);
    std::string line;
    while (in && std::getline(in, line)) {
        const size_t eq = line.find('=');
        if (line.empty() || line[0] == '#' || eq == std::string::npos) continue;
        const std::string key = trim(line.substr(0, eq));
        const std::string value = trim(line.substr(eq + 1));
        if (key == "window_width") s.window_width = parse_number(value, s.window_width, 320, 16384);
        else if (key == "window_height") s.window_height = parse_number(value, s.window_height, 240, 16384);
        else if (key == "window_maximized") s.window_maximized = parse_bool(value, s.window_maximized);
        else if (key == "lang") s.lang = value == "en" ? "en" : "vi";
        else if (key == "last_data") s.last_data = value;
        else if (key == "last_dir") s.last_dir = value;
        else if (key == "recent" && !value.empty() && s.recent.size() < Settings::kMaxRecent)
            s.recent.push_back(value);
        else if (key == "show_left") s.show_left = parse_bool(value, s.show_left);
        else if (key == "show_right") s.show_right = parse_bool(value, s.show_right);
        else if (key == "show_bottom") s.show_bottom = parse_bool(value, s.show_bottom);
        else if (key == "left_width") s.left_width = parse_number(value, s.left_width, 150.f, 2000.f);
        else if (key == "right_width") s.right_width = parse_number(value, s.right_width, 150.f, 2000.f);
        else if (key == "bottom_height") s.bottom_height = parse_number(value, s.bottom_height, 100.f, 2000.f);
        else if (key == "show_labels") s.show_labels = parse_bool(value, s.show_labels);
        else if (key == "screenshot_dir") s.screenshot_dir = value;
        else if (key == "play_step") s.play_step = value == "year" ? "year" : "month";
        else if (key == "play_speed") s.play_speed = parse_number(value, s.play_speed, 0.25, 30.0);
    }
    return s;
}

bool save_settings(const Settings& s, const std::string& path) {
    if (path.empty()) return false;
    const size_t slash = path.rfind('/');
    if (slash != std::string::npos) make_dirs(path.substr(0, slash));
    std::ostringstream out;
    out << "# NTM Atlas settings (written by the app)\n"
            << "window_width = " << s.window_width << "\n"
            << "window_height = " << s.window_height << "\n"
            << "window_maximized = " << (s.window_maximized ? 1 : 0) << "\n"
            << "lang = " << s.lang << "\n"
            << "last_data = " << s.last_data << "\n"
            << "last_dir = " << s.last_dir << "\n";
        for (const std::string& r : s.recent) out << "recent = " << r << "\n";
        out << "show_left = " << s.show_left << "\n"
            << "show_right = " << s.show_right << "\n"
            << "show_bottom = " << s.show_bottom << "\n"
            << "left_width = " << s.left_width << "\n"
            << "right_width = " << s.right_width << "\n"
            << "bottom_height = " << s.bottom_height << "\n"
            << "show_labels = " << s.show_labels << "\n"
            << "screenshot_dir = " << s.screenshot_dir << "\n"
            << "play_step = " << s.play_step << "\n"
            << "play_speed = " << s.play_speed << "\n";
    try {
        write_file_atomically(path, out.str());
        return true;
    } catch (const Error&) {
        return false;
    }
}

}  // namespace ntm::ui
