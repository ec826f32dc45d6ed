#include "render/png_writer.h"

#include <png.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "core/error.h"

namespace ntm::render {
namespace {

struct FileCloser {
    void operator()(FILE* f) const { if (f) std::fclose(f); }
};
using File = std::unique_ptr<FILE, FileCloser>;

[[noreturn]] void png_fail(png_structp, png_const_charp message) { throw Error(message); }
void png_warn(png_structp, png_const_charp) {}

}  // namespace

PngRowWriter::PngRowWriter(const std::string& path, int width, int height, double dpi, bool alpha)
    : row_bytes_(size_t(width) * (alpha ? 4 : 3)) {
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) throw Error(std::string("cannot be created (") + std::strerror(errno) + ")");
    png_ = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, png_fail, png_warn);
    info_ = png_ ? png_create_info_struct(png_) : nullptr;
    if (!info_) throw Error("out of memory");
    png_init_io(png_, file_);
    png_set_IHDR(png_, info_, png_uint_32(width), png_uint_32(height), 8,
                 alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (dpi > 0) {
        const auto ppm = static_cast<png_uint_32>(std::lround(dpi / 0.0254));
        png_set_pHYs(png_, info_, ppm, ppm, PNG_RESOLUTION_METER);
    }
    // Maps are large flat areas: the Sub filter with a fast zlib level compresses them well at a
    // fraction of the cost of adaptive filtering.
    png_set_filter(png_, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
    png_set_compression_level(png_, 2);
    png_write_info(png_, info_);
}

PngRowWriter::~PngRowWriter() {
    if (png_) png_destroy_write_struct(&png_, info_ ? &info_ : nullptr);
    if (file_) std::fclose(file_);
}

void PngRowWriter::rows(const uint8_t* data, int count) {
    for (int r = 0; r < count; ++r) png_write_row(png_, const_cast<png_bytep>(data + size_t(r) * row_bytes_));
}

void PngRowWriter::finish() {
    png_write_end(png_, info_);
    const bool flushed = std::fflush(file_) == 0;
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!flushed || !closed) throw Error(std::string("cannot be written (") + std::strerror(errno) + ")");
}

void write_png(const std::string& path, const Image& image, double dpi) {
    if (image.width <= 0 || image.height <= 0 ||
        image.rgba.size() != size_t(image.width) * size_t(image.height) * 4)
        throw Error(path + ": cannot write an empty or inconsistent image");
    const std::string tmp = path + ".tmp-" + std::to_string(getpid());
    try {
        {
            PngRowWriter png(tmp, image.width, image.height, dpi, true);
            png.rows(image.rgba.data(), image.height);
            png.finish();
        }
        std::filesystem::rename(tmp, path);
    } catch (const Error& e) {
        std::remove(tmp.c_str());
        throw Error(path + ": " + e.what());
    } catch (const std::filesystem::filesystem_error& e) {
        std::remove(tmp.c_str());
        throw Error(path + ": cannot be written (" + e.code().message() + ")");
    }
}

Image read_png(const std::string& path, double* dpi) {
    File f(std::fopen(path.c_str(), "rb"));
    if (!f) throw Error(path + ": no such file");
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, png_fail, png_warn);
    png_infop info = png_create_info_struct(png);
    struct Guard {
        png_structp* p; png_infop* i;
        ~Guard() { png_destroy_read_struct(p, i, nullptr); }
    } guard{&png, &info};
    Image image;
    try {
        png_init_io(png, f.get());
        png_read_info(png, info);
        png_set_expand(png);
        png_set_strip_16(png);
        png_set_gray_to_rgb(png);
        png_set_add_alpha(png, 0xff, PNG_FILLER_AFTER);
        png_read_update_info(png, info);
        image.width = static_cast<int>(png_get_image_width(png, info));
        image.height = static_cast<int>(png_get_image_height(png, info));
        image.rgba.resize(size_t(image.width) * image.height * 4);
        for (int y = 0; y < image.height; ++y) png_read_row(png, image.rgba.data() + size_t(y) * image.width * 4, nullptr);
        if (dpi) {
            png_uint_32 x = 0, yres = 0;
            int unit = 0;
            *dpi = png_get_pHYs(png, info, &x, &yres, &unit) && unit == PNG_RESOLUTION_METER ? x * 0.0254 : 0;
        }
    } catch (const Error& e) {
        throw Error(path + ": not a readable PNG (" + e.what() + ")");
    }
    return image;
}

}  // namespace ntm::render
