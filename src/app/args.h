#pragma once
// A command's options as parsed by CLI11, in command-line order, and the helpers that declare
// them (so every command spells --data, --date, --lang and the boundary read options alike).
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"

namespace CLI {
class App;
class Option;
class ParseError;
}  // namespace CLI

namespace ntm::app {

class Args {
public:
    Args() = default;
    // `items` are (name without dashes, value) in command-line order; `flags` the switches given.
    Args(std::vector<std::pair<std::string, std::string>> items, const std::vector<std::string>& flags = {},
         std::vector<std::string> positional = {});

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
    // Parsed --date (YYYY-MM-DD); throws ntm::Error "--date: 'x' is not a date (use YYYY-MM-DD)".
    std::optional<Date> date(const std::string& name = "date") const;
    int integer(const std::string& name, int fallback) const;

private:
    std::map<std::string, std::string> values_;
    std::set<std::string> flags_set_;
    std::vector<std::string> positional_;
    std::vector<std::pair<std::string, std::string>> items_;
};

// --- declaring options on a command (see commands.h for the pattern) -------------------------
// An option with a value, e.g. value(c, "--title", "TEXT", "the map's title"); it may be given
// more than once (Args::get keeps the last, Args::get_all has them all).
CLI::Option* value(CLI::App* command, const std::string& name, const std::string& type, const std::string& help);
// A switch without a value.
CLI::Option* flag(CLI::App* command, const std::string& name, const std::string& help);
// A YYYY-MM-DD option, checked while parsing.
CLI::Option* date_value(CLI::App* command, const std::string& name, const std::string& help);
// One of a fixed list of words, checked while parsing: "--format: 'x' is not one of text, csv, json".
CLI::Option* choice_value(CLI::App* command, const std::string& name, const std::vector<std::string>& choices,
                          const std::string& help);
// --lang vi|en.
CLI::Option* lang_value(CLI::App* command);
// The positional arguments of a command ("SOURCE", "FILE..."); without one, any is an error.
CLI::Option* positionals(CLI::App* command, const std::string& name, const std::string& help);
// How to read a boundary file: --layer, --code-field, ... --source-crs, and --display-crs.
void read_options(CLI::App* command);
// Where the data comes from: --data D or --boundaries SOURCE (not both), and the read options.
void data_options(CLI::App* command);

// The options `command` was given, after CLI11 parsed them. Throws ntm::Error naming the first
// unknown option ("summary: unknown option --bogus"), stray argument, option missing its value
// or value that is not UTF-8 text.
Args parsed_args(const CLI::App& command, const std::string& label);

// A CLI11 parse error as the one line the tool prints ("--date needs a value").
std::string parse_error_message(const CLI::ParseError& e);

}  // namespace ntm::app
