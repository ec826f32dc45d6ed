#pragma once
// An offscreen RGBA8 render target: a multisampled colour texture (when samples > 1) that
// resolves into a single-sampled texture, which can be read back or shown by the UI. The resolve
// averages the samples in a fragment shader of its own: llvmpipe compiles its blit resolve anew
// in every process (~0.05 s), while an ordinary fragment shader comes from Mesa's shader cache.
// Needs a current OpenGL 3.3 context with the functions loaded.
#include <memory>

#include "render/png_writer.h"

namespace ntm::render {

class Framebuffer {
public:
    // `samples` <= 1 renders straight into the texture; larger values are clamped to what the
    // implementation supports. Throws ntm::Error when the size exceeds the implementation's
    // limits (see max_size()) or the framebuffer is incomplete.
    Framebuffer(int width, int height, int samples = 4);
    ~Framebuffer();
    Framebuffer(Framebuffer&& other) noexcept;
    Framebuffer& operator=(Framebuffer&& other) noexcept;
    Framebuffer(const Framebuffer&) = delete;
    Framebuffer& operator=(const Framebuffer&) = delete;

    // Binds as the draw and read framebuffer and sets the viewport to the whole target.
    void bind() const;
    // Copies the multisampled image into the texture (no-op when single-sampled).
    void resolve() const;
    // The same for the bottom-left width x height pixels only.
    void resolve(int width, int height) const;
    // GL name of the framebuffer whose colour attachment is the resolved texture.
    unsigned resolved_framebuffer() const { return resolve_fbo_; }
    // Resolves, then reads the pixels back, top row first. Leaves this framebuffer bound.
    Image read_pixels() const;

    int width() const { return width_; }
    int height() const { return height_; }
    int samples() const { return samples_; }
    unsigned texture() const { return texture_; }  // GL name of the resolved colour texture

    // Largest width or height a Framebuffer may have on the current context.
    static int max_size();

private:
    void release();
    int width_ = 0, height_ = 0, samples_ = 0;
    unsigned texture_ = 0, resolve_fbo_ = 0;          // single-sampled target
    unsigned multisample_tex_ = 0, multisample_fbo_ = 0;  // only when samples_ > 1
    struct ResolvePass;
    std::unique_ptr<ResolvePass> resolve_pass_;  // only when samples_ > 1
};

// The default framebuffer's back buffer (a window's), width x height from the bottom-left, as an
// opaque image with the top row first: for window captures.
Image read_back_buffer(int width, int height);

}  // namespace ntm::render
