#pragma once
// Shared helpers for the test suites: paths to real data, temporary folders, running the CLI.
#include <string>

namespace ntm::test {

// ../shared/data/<relative>, or "" when ../shared is absent (callers GTEST_SKIP with a message).
std::string shared_data(const std::string& relative);
// A fresh empty directory under the system temp dir, unique per call.
std::string temp_dir(const std::string& hint);

struct CommandResult {
    int exit_code = -1;
    std::string out, err;
};
// Runs the ntm-atlas binary with the given argument string (shell-quoted by the caller).
CommandResult run_cli(const std::string& args);
std::string read_file(const std::string& path);

}  // namespace ntm::test

#define NTM_REQUIRE_SHARED(var, relative)                                               \
    const std::string var = ::ntm::test::shared_data(relative);                         \
    if (var.empty()) GTEST_SKIP() << "../shared/data/" relative " is absent; skipping"
