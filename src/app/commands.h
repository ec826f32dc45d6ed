#pragma once
// One function per command of the command line; each returns the process exit code.
#include <string>
#include <vector>

namespace ntm::app {

int run_summary(const std::vector<std::string>& args);
int run_check(const std::vector<std::string>& args);
int run_import(const std::vector<std::string>& args);
int run_demo(const std::vector<std::string>& args);
int run_lagging(const std::vector<std::string>& args);
int run_export(const std::vector<std::string>& args);  // cmd_export.cpp
int run_atlas(const std::vector<std::string>& args);   // cmd_atlas.cpp
int run_import_news(const std::vector<std::string>& args);  // cmd_import_news.cpp
int run_lineage(const std::vector<std::string>& args);      // cmd_lineage.cpp
// The desktop app (no command, or options only).
int run_gui(const std::vector<std::string>& args);

}  // namespace ntm::app
