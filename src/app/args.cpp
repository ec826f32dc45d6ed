#include "app/args.h"

#include "core/error.h"

namespace ntm::app {

Args::Args(const std::vector<std::string>& argv, const std::set<std::string>& flags) {
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.rfind("--", 0) != 0 || a.size() == 2) {
            positional_.push_back(a);
            continue;
        }
        std::string name = a.substr(2), value;
        const size_t eq = name.find('=');
        if (eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        } else if (flags.count(name)) {
            flags_set_.insert(name);
            order_.push_back(name);
            continue;
        } else {
            if (i + 1 >= argv.size()) throw Error("option --" + name + " needs a value");
            value = argv[++i];
        }
        values_[name] = value;
        order_.push_back(name);
        items_.emplace_back(name, value);
    }
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

std::optional<Date> Args::date(const std::string& name) const {
    const auto text = get(name);
    if (!text) return std::nullopt;
    const auto d = parse_date(*text);
    if (!d) throw Error("--" + name + ": '" + *text + "' is not a date (use YYYY-MM-DD)");
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

void Args::allow_only(const std::string& command, const std::set<std::string>& known) const {
    for (const std::string& name : order_)
        if (!known.count(name)) throw Error(command + ": unknown option --" + name);
}

}  // namespace ntm::app
