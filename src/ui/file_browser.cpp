#include "ui/file_browser.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

extern char** environ;

namespace ntm::ui {

std::vector<std::string> zenity_arguments(const FileRequest& r, const std::string& program) {
    std::vector<std::string> args = {program, "--file-selection"};
    if (!r.title.empty()) args.push_back("--title=" + r.title);
    if (r.save) {
        args.push_back("--save");
        args.push_back("--confirm-overwrite");
    }
    if (!r.start.empty()) args.push_back("--filename=" + r.start);
    for (const FileFilter& f : r.filters) {
        std::string spec = f.name + " |";
        for (const std::string& p : f.patterns) spec += " " + p;
        args.push_back("--file-filter=" + spec);
    }
    return args;
}

std::string folder_of(const std::string& path) {
    const size_t slash = path.rfind('/');
    return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

FileBrowser::~FileBrowser() {
    if (pid_ > 0) {
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }
    if (fd_ >= 0) ::close(fd_);
}

bool FileBrowser::available() const {
    if (program_.find('/') != std::string::npos) return ::access(program_.c_str(), X_OK) == 0;
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    size_t begin = 0;
    while (begin <= dirs.size()) {
        size_t end = dirs.find(':', begin);
        if (end == std::string::npos) end = dirs.size();
        const std::string dir = dirs.substr(begin, end - begin);
        const std::string file = (dir.empty() ? "." : dir) + "/" + program_;
        struct stat st {};
        if (::stat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(file.c_str(), X_OK) == 0) return true;
        begin = end + 1;
    }
    return false;
}

bool FileBrowser::start(const FileRequest& request) {
    if (pid_ > 0) return false;
    error_.clear();
    path_.clear();
    output_.clear();
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
        error_ = std::string("pipe: ") + std::strerror(errno);
        return false;
    }
    const std::vector<std::string> args = zenity_arguments(request, program_);
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
    // GTK's warnings are not the user's business; the exit status says what happened.
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    const int rc = posix_spawnp(&pid, program_.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipe_fds[1]);
    if (rc != 0) {
        ::close(pipe_fds[0]);
        error_ = program_ + ": " + std::strerror(rc);
        return false;
    }
    ::fcntl(pipe_fds[0], F_SETFL, ::fcntl(pipe_fds[0], F_GETFL) | O_NONBLOCK);
    fd_ = pipe_fds[0];
    pid_ = pid;
    return true;
}

FileBrowser::Outcome FileBrowser::poll() {
    if (pid_ <= 0) return Outcome::None;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fd_, buf, sizeof buf);
        if (n > 0) {
            output_.append(buf, static_cast<size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        break;  // EOF or EAGAIN
    }
    int status = 0;
    const pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == 0) return Outcome::None;
    // Whatever is left in the pipe after the exit.
    for (ssize_t n; (n = ::read(fd_, buf, sizeof buf)) > 0;) output_.append(buf, static_cast<size_t>(n));
    finish_child(done == pid_ ? status : -1);
    if (!error_.empty()) return Outcome::Failed;
    return path_.empty() ? Outcome::Cancelled : Outcome::Chosen;
}

void FileBrowser::finish_child(int status) {
    ::close(fd_);
    fd_ = -1;
    pid_ = -1;
    // zenity: 0 chosen, 1 cancelled or closed, anything else a failure (no display: 255 or a signal).
    if (status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        while (!output_.empty() && (output_.back() == '\n' || output_.back() == '\r')) output_.pop_back();
        path_ = output_;
        if (path_.empty()) error_ = program_ + " chose nothing";
    } else if (status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 1) {
        path_.clear();
    } else if (status >= 0 && WIFEXITED(status)) {
        error_ = program_ + " ended with status " + std::to_string(WEXITSTATUS(status)) + " (is a display available?)";
    } else {
        error_ = program_ + " was stopped";
    }
}

}  // namespace ntm::ui
