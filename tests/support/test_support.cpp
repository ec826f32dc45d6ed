#include "support/test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace ntm::test {

std::string shared_data(const std::string& relative) {
    const fs::path p = fs::path(NTM_SHARED_DATA_DIR) / relative;
    return fs::exists(p) ? p.lexically_normal().string() : std::string();
}

std::string temp_dir(const std::string& hint) {
    static std::atomic<int> counter{0};
    const fs::path p = fs::temp_directory_path() /
                       ("ntm-test-" + hint + "-" + std::to_string(getpid()) + "-" +
                        std::to_string(counter++));
    fs::remove_all(p);
    fs::create_directories(p);
    return p.string();
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

CommandResult run_cli(const std::string& args) {
    const std::string dir = temp_dir("cli");
    const std::string out = dir + "/out", err = dir + "/err";
    const std::string cmd = std::string("'") + NTM_BINARY + "' " + args + " >'" + out + "' 2>'" +
                            err + "' </dev/null";
    const int status = std::system(cmd.c_str());
    CommandResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file(out);
    r.err = read_file(err);
    fs::remove_all(dir);
    return r;
}

}  // namespace ntm::test
