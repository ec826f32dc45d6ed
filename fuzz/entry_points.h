#pragma once
// The code each fuzz target runs on one input, shared by the libFuzzer targets (fuzz/*_fuzz.cpp,
// built with -DNTM_FUZZ=ON) and by the regression test that feeds every file of fuzz/corpus/ and
// fuzz/regressions/ to them in the normal suite (tests/robustness/fuzz_regressions_test.cpp).
//
// An input may be refused with ntm::Error (that is the point of a bad input); anything else
// escaping — another exception type, a crash, a sanitizer report, or a broken promise checked
// here (output that is not UTF-8, a views file that does not read back) — is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ntm::fuzz {

// The news text reader: check_news_text, then parse_news against the demo dataset.
void news(const std::uint8_t* data, std::size_t size);
// The table reader through GDAL's drivers on a /vsimem/ file: .xlsx when the bytes are a zip
// archive, else .csv; read_text_table, then read_attainment_table against the demo dataset.
void table(const std::uint8_t* data, std::size_t size);
// The text decoders: the first byte picks UTF-8, CP1258, TCVN3, VNI or detection, the rest is
// the text; decoded text must be valid UTF-8 and NFC-clean, and encodes back without a crash.
void text(const std::uint8_t* data, std::size_t size);
// The views file: parse_views_json; what parses must write and read back.
void views(const std::uint8_t* data, std::size_t size);
// The dataset opener: load_dataset on a /vsimem/ GeoPackage.
void dataset(const std::uint8_t* data, std::size_t size);

struct Target {
    const char* name;
    void (*run)(const std::uint8_t*, std::size_t);
};
// Every target by name, as the fuzz/corpus/<name>/ folders are named.
const std::vector<Target>& targets();

}  // namespace ntm::fuzz
