#pragma once
// One function per command of the command line; each returns the process exit code.
#include <string>
#include <vector>

namespace ntm::app {

int run_summary(const std::vector<std::string>& args);
int run_check(const std::vector<std::string>& args);
int run_import(const std::vector<std::string>& args);
int run_demo(const std::vector<std::string>& args);

}  // namespace ntm::app
