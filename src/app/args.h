#pragma once
// Command-line options: `--name value` pairs, `--flag` switches and positional arguments.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"

namespace ntm::app {

class Args {
public:
    // `flags` are the options that take no value. Throws ntm::Error on an option missing its value.
    Args(const std::vector<std::string>& argv, const std::set<std::string>& flags);

    // The last value given for `name` (an option given twice keeps its last value).
    std::optional<std::string> get(const std::string& name) const;
    // Every value given for `name`, in command-line order.
    std::vector<std::string> get_all(const std::string& name) const;
    // Every option with a value, in command-line order: for options that apply to the one
    // before them (`import --boundaries A --valid-to D --boundaries B ...`).
    const std::vector<std::pair<std::string, std::string>>& options() const { return items_; }
    std::string get_or(const std::string& name, const std::string& fallback) const;
    bool has(const std::string& name) const;
    const std::vector<std::string>& positional() const { return positional_; }
    // Parsed --date (YYYY-MM-DD); throws ntm::Error "--date: 'x' is not a date (YYYY-MM-DD)".
    std::optional<Date> date(const std::string& name = "date") const;
    int integer(const std::string& name, int fallback) const;
    // Throws ntm::Error naming the first option not in `known` (and not a flag).
    void allow_only(const std::string& command, const std::set<std::string>& known) const;

private:
    std::map<std::string, std::string> values_;
    std::set<std::string> flags_set_;
    std::vector<std::string> positional_;
    std::vector<std::string> order_;
    std::vector<std::pair<std::string, std::string>> items_;
};

}  // namespace ntm::app
