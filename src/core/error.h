#pragma once
// One error type for every user-facing failure: the message is the one line the CLI prints.
#include <stdexcept>
#include <string>

namespace ntm {

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace ntm
