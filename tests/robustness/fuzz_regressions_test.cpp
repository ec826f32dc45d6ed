// Every file kept from fuzzing — the minimised corpus (fuzz/corpus/<target>/) and the inputs that
// once crashed or broke a promise (fuzz/regressions/<target>/) — through the same entry point the
// libFuzzer target runs, in the normal suite: a crash or sanitizer report fails the test, and so
// does any exception other than ntm::Error (the entry points catch that one).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "entry_points.h"

namespace fs = std::filesystem;

namespace ntm::fuzz {
void PrintTo(const Target& t, std::ostream* os) { *os << t.name; }
}  // namespace ntm::fuzz

namespace {

std::vector<fs::path> files_under(const fs::path& dir) {
    std::vector<fs::path> out;
    if (!fs::is_directory(dir)) return out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file()) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

class FuzzInputs : public ::testing::TestWithParam<ntm::fuzz::Target> {};

TEST_P(FuzzInputs, EveryKeptInputRunsClean) {
    const ntm::fuzz::Target& t = GetParam();
    const fs::path root = NTM_FUZZ_DIR;
    const auto corpus = files_under(root / "corpus" / t.name);
    EXPECT_FALSE(corpus.empty()) << "no seed corpus in fuzz/corpus/" << t.name;
    auto inputs = corpus;
    for (const fs::path& p : files_under(root / "regressions" / t.name)) inputs.push_back(p);
    for (const fs::path& p : inputs) {
        std::ifstream in(p, std::ios::binary);
        const std::string bytes{std::istreambuf_iterator<char>(in), {}};
        SCOPED_TRACE(p.string());
        EXPECT_NO_THROW(t.run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
    }
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzInputs, ::testing::ValuesIn(ntm::fuzz::targets()),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
