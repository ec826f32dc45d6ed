#pragma once
// The desktop's own file chooser for Open, Import and Save: `zenity --file-selection` (Debian
// package zenity, GTK's chooser with places, recent files and type filters) run as a child
// process. The frame never waits for it: poll() reads its answer without blocking. When zenity
// is not installed the caller falls back to a typed path and says how to get the chooser.
#include <string>
#include <sys/types.h>
#include <vector>

namespace ntm::ui {

struct FileFilter {
    std::string name;                   // "Bảng (XLSX, ODS, CSV)"
    std::vector<std::string> patterns;  // "*.xlsx", "*.csv"
};

struct FileRequest {
    std::string title;
    std::string start;  // a folder (ending in '/') or a file name to propose
    std::vector<FileFilter> filters;
    bool save = false;  // choose a new file name (asks before replacing one)
};

// The zenity command line for a request (program name first).
std::vector<std::string> zenity_arguments(const FileRequest& request, const std::string& program = "zenity");

// The folder of a chosen path, with a trailing '/' ("" for a bare name).
std::string folder_of(const std::string& path);

class FileBrowser {
public:
    // `program`: the zenity to run (tests pass a stand-in script).
    explicit FileBrowser(std::string program = "zenity") : program_(std::move(program)) {}
    ~FileBrowser();
    FileBrowser(const FileBrowser&) = delete;
    FileBrowser& operator=(const FileBrowser&) = delete;

    // zenity (or the stand-in) is an executable on PATH.
    bool available() const;
    // Starts the chooser; false when one is open already or it could not start (see error()).
    bool start(const FileRequest& request);
    bool running() const { return pid_ > 0; }

    enum class Outcome { None, Chosen, Cancelled, Failed };
    // Called every frame: reads what the chooser wrote, never blocking. Chosen once, with
    // path(); Failed with error() (no display, zenity crashed).
    Outcome poll();
    const std::string& path() const { return path_; }
    const std::string& error() const { return error_; }

private:
    void finish_child(int status);

    std::string program_;
    pid_t pid_ = -1;
    int fd_ = -1;
    std::string output_, path_, error_;
};

}  // namespace ntm::ui
