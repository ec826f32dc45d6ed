#include "app/args.h"

#include <CLI/CLI.hpp>

#include "core/error.h"
#include "core/text.h"

namespace ntm::app {

Args::Args(std::vector<std::pair<std::string, std::string>> items, const std::vector<std::string>& flags,
           std::vector<std::string> positional)
    : flags_set_(flags.begin(), flags.end()), positional_(std::move(positional)), items_(std::move(items)) {
    for (const auto& [name, value] : items_) values_[name] = value;
}

std::optional<std::string> Args::get(const std::string& name) const {
    const auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> Args::get_all(const std::string& name) const {
    std::vector<std::string> out;
    for (const auto& [n, v] : items_)
        if (n == name) out.push_back(v);
    return out;
}

std::string Args::get_or(const std::string& name, const std::string& fallback) const {
    return get(name).value_or(fallback);
}

bool Args::has(const std::string& name) const { return flags_set_.count(name) || values_.count(name); }

namespace {

// `--date --by unit`: CLI11 offers the next option as the value; say the value is missing.
std::string missing_value(const std::string& text) {
    return text.size() > 2 && text.compare(0, 2, "--") == 0 ? "needs a value (found the option " + text + ")" : "";
}

std::string date_error(const std::string& name, const std::string& text) {
    return name + ": '" + text + "' is not a date (use YYYY-MM-DD)";
}

}  // namespace

std::optional<Date> Args::date(const std::string& name) const {
    const auto text = get(name);
    if (!text) return std::nullopt;
    const auto d = parse_date(*text);
    if (!d) throw Error(date_error("--" + name, *text));
    return d;
}

int Args::integer(const std::string& name, int fallback) const {
    const auto text = get(name);
    if (!text) return fallback;
    try {
        size_t used = 0;
        const int v = std::stoi(*text, &used);
        if (used == text->size()) return v;
    } catch (const std::exception&) {
    }
    throw Error("--" + name + ": '" + *text + "' is not a whole number");
}

// --- declaring options ----------------------------------------------------------------------

CLI::Option* value(CLI::App* command, const std::string& name, const std::string& type, const std::string& help) {
    return command->add_option(name, help)->type_name(type)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

CLI::Option* flag(CLI::App* command, const std::string& name, const std::string& help) {
    return command->add_flag(name, help);
}

CLI::Option* date_value(CLI::App* command, const std::string& name, const std::string& help) {
    // Validators get the value without the option's name; CLI11 prefixes "--date: ".
    return value(command, name, "YYYY-MM-DD", help)
        ->check(CLI::Validator(
            [](std::string& text) {
                if (const std::string m = missing_value(text); !m.empty()) return m;
                return parse_date(text) ? std::string() : "'" + text + "' is not a date (use YYYY-MM-DD)";
            },
            ""));
}

CLI::Option* choice_value(CLI::App* command, const std::string& name, const std::vector<std::string>& choices,
                          const std::string& help) {
    std::string list, type;
    for (size_t i = 0; i < choices.size(); ++i) {
        list += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
        type += (i ? "|" : "") + choices[i];
    }
    return value(command, name, type, help)
        ->check(CLI::Validator(
            [choices, list](std::string& text) {
                if (const std::string m = missing_value(text); !m.empty()) return m;
                for (const std::string& c : choices)
                    if (text == c) return std::string();
                return "'" + text + "' is not one of " + list;
            },
            ""));
}

CLI::Option* lang_value(CLI::App* command) {
    return value(command, "--lang", "vi|en", "language of the text: vi (default) or en")
        ->check(CLI::Validator(
            [](std::string& text) {
                return text == "vi" || text == "en" ? std::string()
                                                    : "'" + text + "' is not a language (use vi or en)";
            },
            ""));
}

CLI::Option* positionals(CLI::App* command, const std::string& name, const std::string& help) {
    return command->add_option(name, help)->expected(-1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

void read_options(CLI::App* command) {
    value(command, "--layer", "L", "layer of a multi-layer source");
    value(command, "--code-field", "F", "field holding the unit code (default: detected)");
    value(command, "--name-field", "F", "field holding the unit name (default: detected)");
    value(command, "--kind-field", "F", "field holding the unit kind (xã, phường, thị trấn)");
    value(command, "--district-field", "F", "field holding the district name");
    value(command, "--district-code-field", "F", "field holding the district code");
    value(command, "--encoding", "E", "text encoding of the source (UTF-8, CP1258, TCVN3, VNI; default: detected)");
    value(command, "--source-crs", "CRS", "CRS of a source without one (e.g. EPSG:4756)");
    value(command, "--display-crs", "CRS", "CRS the map is drawn in (default: chosen for the area)");
}

void data_options(CLI::App* command) {
    CLI::Option* data = value(command, "--data", "D.gpkg", "a dataset made by `import` (default: the demo dataset)");
    CLI::Option* boundaries = value(command, "--boundaries", "SOURCE", "a boundary file instead of a dataset");
    data->excludes(boundaries);
    read_options(command);
}

// --- after parsing --------------------------------------------------------------------------

namespace {

std::string without_dashes(const std::string& name) { return name.substr(name.find_first_not_of('-')); }

// "--date" of an option named "-d,--date".
std::string long_name(const CLI::Option& o) {
    const auto& names = o.get_lnames();  // without their dashes
    return names.empty() ? o.get_name() : "--" + names.front();
}

}  // namespace

Args parsed_args(const CLI::App& command, const std::string& label) {
    std::set<std::string> names;
    for (const CLI::Option* o : command.get_options()) names.insert(long_name(*o));

    std::vector<std::pair<std::string, std::string>> items;
    std::vector<std::string> flags, positional;
    std::map<const CLI::Option*, size_t> next;
    for (const CLI::Option* o : command.parse_order()) {
        const size_t at = next[o]++;
        const std::string name = long_name(*o);
        if (o->get_positional()) {
            if (at < o->results().size()) positional.push_back(o->results()[at]);
            continue;
        }
        if (o->get_expected_max() == 0) {
            flags.push_back(without_dashes(name));
            continue;
        }
        if (at >= o->results().size()) continue;
        const std::string& v = o->results()[at];
        // `--title --out x.png`: CLI11 takes the next option as the value.
        if (v.size() > 2 && v.compare(0, 2, "--") == 0 && names.count(v.substr(0, v.find('='))))
            throw Error(label + ": " + name + " needs a value (found the option " + v.substr(0, v.find('=')) + ")");
        if (!is_valid_utf8(v)) throw Error(name + ": not valid UTF-8 text");
        items.emplace_back(without_dashes(name), v);
    }
    // Unknown options and stray words were kept aside (allow_extras) to be named here. After
    // "--" every word is an argument (a file named "-x"), for a command that takes arguments.
    bool takes_arguments = false;
    for (const CLI::Option* o : command.get_options()) takes_arguments |= o->get_positional();
    bool arguments_only = false;
    for (const std::string& extra : command.remaining()) {
        if (extra == "--" && !arguments_only) {
            arguments_only = true;
            continue;
        }
        if (arguments_only && takes_arguments) {
            positional.push_back(extra);
            continue;
        }
        if (!arguments_only && extra.size() > 1 && extra[0] == '-') {
            const std::string name = extra.substr(0, extra.find('='));
            std::string hint;
            if (name[1] != '-' && name.size() > 2) {
                const std::string as_long = "-" + name;
                for (const CLI::Option* o : command.get_options())
                    if (long_name(*o) == as_long) hint = " (options take two dashes: " + as_long + ")";
            }
            throw Error(label + ": unknown option " + name + hint);
        }
        throw Error(label + ": unexpected argument '" + extra + "'");
    }
    for (const std::string& p : positional)
        if (!is_valid_utf8(p)) throw Error(label + ": an argument is not valid UTF-8 text");
    return Args(std::move(items), flags, std::move(positional));
}

std::string parse_error_message(const CLI::ParseError& e) {
    const std::string what = e.what();
    // "--date: 1 required YYYY-MM-DD missing" and the like.
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
        const size_t colon = what.find(':');
        if (colon != std::string::npos) return what.substr(0, colon) + " needs a value";
    }
    // "--boundaries excludes --data"
    if (dynamic_cast<const CLI::ExcludesError*>(&e)) {
        const size_t at = what.find(" excludes ");
        if (at != std::string::npos)
            return "give " + what.substr(at + 10) + " or " + what.substr(0, at) + ", not both";
    }
    return what;
}

}  // namespace ntm::app
