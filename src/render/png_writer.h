#pragma once
// PNG output with the resolution recorded (pHYs), written atomically.
#include <cstdint>
#include <string>
#include <vector>

namespace ntm::render {

struct Image {
    int width = 0, height = 0;
    std::vector<uint8_t> rgba;  // top row first, 4 bytes per pixel
};

// Writes `image` to a temporary file beside `path` and renames it over `path` when complete.
// `dpi` > 0 records the resolution so word processors place the image at its intended size.
// Throws ntm::Error naming the file on failure; a good file already at `path` is left intact.
void write_png(const std::string& path, const Image& image, double dpi = 0);

// Reads an 8-bit RGB or RGBA PNG (tests and image comparisons). Throws ntm::Error.
Image read_png(const std::string& path, double* dpi = nullptr);

}  // namespace ntm::render
