#pragma once
// A small deterministic random stream (splitmix64) and a text hash (FNV-1a): the demo data must
// come out identical on every machine and library version, which <random>'s distributions do not
// promise.
#include <cstdint>
#include <string>

namespace ntm {

// The splitmix64 finaliser: mixes every bit of `z` into every bit of the result (also a good
// hash for integer keys of open-addressing tables).
inline uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

class Rng {
public:
    explicit Rng(uint64_t seed) : state_(seed) {}
    uint64_t next() { return mix64(state_ += 0x9E3779B97F4A7C15ull); }
    double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    int range(int lo, int hi) {  // inclusive
        return lo + static_cast<int>(next() % static_cast<uint64_t>(hi - lo + 1));
    }
    bool chance(double p) { return uniform() < p; }

private:
    uint64_t state_;
};

inline uint64_t hash_text(const std::string& text) {
    uint64_t h = 0xCBF29CE484222325ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 0x100000001B3ull;
    }
    return h;
}

}  // namespace ntm
