#pragma once
// PNG output with the resolution recorded (pHYs), written atomically.
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

// libpng's handles, declared here so that only png_writer.cpp includes <png.h>.
struct png_struct_def;
struct png_info_def;

namespace ntm::render {

struct Image {
    int width = 0, height = 0;
    std::vector<uint8_t> rgba;  // top row first, 4 bytes per pixel
};

// Rows streamed into a PNG file as they are rendered (exports far larger than memory), 8 bits per
// channel, RGB or RGBA, with the resolution in pHYs when `dpi` > 0. Writes `path` itself: callers
// give a temporary name and rename it when finish() returns. Throws ntm::Error (without the path).
class PngRowWriter {
public:
    PngRowWriter(const std::string& path, int width, int height, double dpi, bool alpha = false);
    ~PngRowWriter();
    PngRowWriter(const PngRowWriter&) = delete;
    PngRowWriter& operator=(const PngRowWriter&) = delete;

    // `count` rows, top first, each width × (3 or 4) bytes.
    void rows(const uint8_t* data, int count);
    // Ends the PNG and closes the file, reporting a failed write (disk full).
    void finish();

private:
    size_t row_bytes_;
    FILE* file_ = nullptr;
    ::png_struct_def* png_ = nullptr;
    ::png_info_def* info_ = nullptr;
};

// Writes `image` to a temporary file beside `path` and renames it over `path` when complete.
// `dpi` > 0 records the resolution so word processors place the image at its intended size.
// Throws ntm::Error naming the file on failure; a good file already at `path` is left intact.
void write_png(const std::string& path, const Image& image, double dpi = 0);

// Reads an 8-bit RGB or RGBA PNG (tests and image comparisons). Throws ntm::Error.
Image read_png(const std::string& path, double* dpi = nullptr);

}  // namespace ntm::render
