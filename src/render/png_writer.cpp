#include "render/png_writer.h"

#include <png.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
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

void write_png(const std::string& path, const Image& image, double dpi) {
    if (image.width <= 0 || image.height <= 0 ||
        image.rgba.size() != size_t(image.width) * size_t(image.height) * 4)
        throw Error(path + ": cannot write an empty or inconsistent image");
    const std::string tmp = path + ".tmp-" + std::to_string(getpid());
    try {
        {
            File f(std::fopen(tmp.c_str(), "wb"));
            if (!f) throw Error("cannot be created");
            png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, png_fail, png_warn);
            png_infop info = png_create_info_struct(png);
            struct Guard {
                png_structp* p; png_infop* i;
                ~Guard() { png_destroy_write_struct(p, i); }
            } guard{&png, &info};
            png_init_io(png, f.get());
            png_set_IHDR(png, info, image.width, image.height, 8, PNG_COLOR_TYPE_RGB_ALPHA,
                         PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
            if (dpi > 0) {
                const auto ppm = static_cast<png_uint_32>(std::lround(dpi / 0.0254));
                png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER);
            }
            png_set_compression_level(png, 3);  // large maps: speed matters more than bytes
            png_write_info(png, info);
            for (int y = 0; y < image.height; ++y)
                png_write_row(png, image.rgba.data() + size_t(y) * image.width * 4);
            png_write_end(png, info);
            if (std::fflush(f.get()) != 0) throw Error("cannot be written (disk full?)");
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
