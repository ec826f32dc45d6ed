#include "entry_points.h"

#include <cpl_vsi.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/text.h"
#include "io/dataset_file.h"
#include "io/gdal_session.h"
#include "io/news_import.h"
#include "io/tables.h"
#include "io/text_encoding.h"
#include "io/views_file.h"

#ifndef NTM_DEMO_DATASET
#error "NTM_DEMO_DATASET must name the demo dataset the news and table targets match against"
#endif

namespace ntm::fuzz {
namespace {

// A promise broken: report it and abort, so that libFuzzer keeps the input as a crash.
[[noreturn]] void broken(const std::string& what, std::string_view input) {
    std::fprintf(stderr, "fuzz: %s (input of %zu bytes)\n", what.c_str(), input.size());
    std::abort();
}

// The demo dataset of this build, or the one NTM_FUZZ_DATASET names (to fuzz from a build
// directory that has not made its own).
const Dataset& demo() {
    static const Dataset d = [] {
        const char* env = std::getenv("NTM_FUZZ_DATASET");
        return io::load_dataset(env && *env ? env : NTM_DEMO_DATASET).dataset;
    }();
    return d;
}

// The bytes as a /vsimem/ file for the length of a call (GDAL reads it without a copy).
class MemFile {
public:
    MemFile(const std::string& name, const std::uint8_t* data, std::size_t size) : path_("/vsimem/fuzz/" + name) {
        io::ensure_gdal();
        VSIFCloseL(VSIFileFromMemBuffer(path_.c_str(), const_cast<GByte*>(data), size, FALSE));
    }
    ~MemFile() {
        VSIUnlink(path_.c_str());
        io::take_gdal_messages();  // GDAL's messages outside a capture are kept: drop them per input
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// Runs fn, where ntm::Error is the expected way to refuse an input.
template <class F>
void refusing(F&& fn) {
    try {
        fn();
    } catch (const Error&) {
    }
}

}  // namespace

void news(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    refusing([&] {
        const std::string text = io::check_news_text(bytes, "fuzz.txt");
        if (!is_valid_utf8(text)) broken("check_news_text returned text that is not UTF-8", bytes);
        io::parse_news(text, "fuzz.txt", demo());
    });
}

void table(const std::uint8_t* data, std::size_t size) {
    const Dataset& d = demo();
    const bool zip = size >= 4 && data[0] == 'P' && data[1] == 'K' && data[2] == 3 && data[3] == 4;
    MemFile file(zip ? "t.xlsx" : "t.csv", data, size);
    refusing([&] {
        const io::TextTable t = io::read_text_table(file.path());
        for (const auto& row : t.rows)
            for (const std::string& cell : row)
                if (!is_valid_utf8(cell)) broken("read_text_table returned a cell that is not UTF-8", {});
    });
    refusing([&] { io::read_attainment_table(file.path(), d); });
}

void text(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return;
    static const char* const kEncodings[] = {"UTF-8", "CP1258", "TCVN3", "VNI"};
    const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    const unsigned pick = data[0] % 5;
    std::string encoding;
    if (pick == 4) {
        // Detection over the lines as samples, then the decoding it chose.
        std::vector<std::string> samples;
        for (size_t start = 0; start <= bytes.size();) {
            const size_t end = std::min(bytes.find('\n', start), bytes.size());
            samples.emplace_back(bytes.substr(start, end - start));
            start = end + 1;
        }
        encoding = io::detect_encoding(samples);
        if (io::canonical_encoding_name(encoding).empty()) broken("detect_encoding gave an unknown name: " + encoding, bytes);
    } else {
        encoding = kEncodings[pick];
    }
    refusing([&] {
        const std::string utf8 = io::decode_text(bytes, encoding);
        if (!is_valid_utf8(utf8)) broken("decode_text(" + encoding + ") returned text that is not UTF-8", bytes);
        if (!is_valid_utf8(io::clean_text(utf8))) broken("clean_text returned text that is not UTF-8", bytes);
        refusing([&] {
            const std::string back = io::encode_text(utf8, encoding);
            if (encoding == "UTF-8" && back != io::normalize_nfc(utf8)) broken("UTF-8 did not encode back to itself", bytes);
        });
    });
}

void views(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    refusing([&] {
        const io::ViewsFileContent v = io::parse_views_json(text, "fuzz.views.json");
        const std::string again = io::views_to_json(v.views, v.crs);
        try {
            const io::ViewsFileContent w = io::parse_views_json(again, "written");
            if (w.views.size() != v.views.size() || w.crs != v.crs || io::views_to_json(w.views, w.crs) != again) broken("views did not read back the same", text);
        } catch (const Error& e) {
            broken(std::string("views written do not read back: ") + e.what(), text);
        }
    });
}

void dataset(const std::uint8_t* data, std::size_t size) {
    MemFile file("d.gpkg", data, size);
    refusing([&] { io::load_dataset(file.path()); });
}

const std::vector<Target>& targets() {
    static const std::vector<Target> t = {
        {"news", news}, {"table", table}, {"text", text}, {"views", views}, {"dataset", dataset}};
    return t;
}

}  // namespace ntm::fuzz
