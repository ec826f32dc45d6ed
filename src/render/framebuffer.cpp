#include "render/framebuffer.h"

#include <glad/gl.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "render/gl_objects.h"

namespace ntm::render {

namespace {

void check_complete(const char* which) {
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    if (status == GL_FRAMEBUFFER_COMPLETE) return;
    char code[16];
    std::snprintf(code, sizeof code, "0x%04x", status);
    throw Error(std::string("the ") + which + " framebuffer is incomplete (status " + code + ")");
}

const char* const kResolveVertex = R"glsl(#version 330 core
void main() {  // one triangle covering the viewport
    gl_Position = vec4(float((gl_VertexID & 1) * 4 - 1), float((gl_VertexID & 2) * 2 - 1), 0.0, 1.0);
}
)glsl";

const char* const kResolveFragment = R"glsl(#version 330 core
uniform sampler2DMS u_samples;
uniform int u_count;
out vec4 o_colour;
void main() {
    ivec2 p = ivec2(gl_FragCoord.xy);
    vec4 sum = vec4(0.0);
    for (int i = 0; i < u_count; ++i) sum += texelFetch(u_samples, p, i);
    o_colour = sum / float(u_count);
}
)glsl";

}  // namespace

struct Framebuffer::ResolvePass {
    gl::Program program{"multisample resolve", kResolveVertex, nullptr, kResolveFragment};
    gl::VertexArray vao;
    GLint samples_uniform = program.uniform("u_samples"), count_uniform = program.uniform("u_count");
};

int Framebuffer::max_size() {
    GLint renderbuffer = 0, texture = 0, viewport[2] = {0, 0};
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &renderbuffer);
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &texture);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
    return std::min({renderbuffer, texture, viewport[0], viewport[1]});
}

Framebuffer::Framebuffer(int width, int height, int samples) : width_(width), height_(height) {
    const int limit = max_size();
    if (width < 1 || height < 1 || width > limit || height > limit)
        throw Error("image size " + std::to_string(width) + "x" + std::to_string(height) +
                    " is outside what this OpenGL implementation can render in one piece (1.." +
                    std::to_string(limit) + " per side)");
    GLint max_samples = 1;
    glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
    samples_ = std::clamp(samples, 1, std::max(1, int(max_samples)));

    try {
        glGenTextures(1, &texture_);
        glBindTexture(GL_TEXTURE_2D, texture_);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                     nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
        glBindTexture(GL_TEXTURE_2D, 0);
        glGenFramebuffers(1, &resolve_fbo_);
        glBindFramebuffer(GL_FRAMEBUFFER, resolve_fbo_);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
        check_complete("resolve");

        if (samples_ > 1) {
            glGenTextures(1, &multisample_tex_);
            glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, multisample_tex_);
            glTexImage2DMultisample(GL_TEXTURE_2D_MULTISAMPLE, samples_, GL_RGBA8, width, height, GL_TRUE);
            glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, 0);
            glGenFramebuffers(1, &multisample_fbo_);
            glBindFramebuffer(GL_FRAMEBUFFER, multisample_fbo_);
            glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D_MULTISAMPLE, multisample_tex_, 0);
            check_complete("multisampled");
            resolve_pass_ = std::make_unique<ResolvePass>();
        }
        gl::check("creating a framebuffer");
    } catch (...) {
        release();
        throw;
    }
    bind();
}

Framebuffer::~Framebuffer() { release(); }

Framebuffer::Framebuffer(Framebuffer&& o) noexcept
    : width_(o.width_),
      height_(o.height_),
      samples_(o.samples_),
      texture_(std::exchange(o.texture_, 0)),
      resolve_fbo_(std::exchange(o.resolve_fbo_, 0)),
      multisample_tex_(std::exchange(o.multisample_tex_, 0)),
      multisample_fbo_(std::exchange(o.multisample_fbo_, 0)),
      resolve_pass_(std::move(o.resolve_pass_)) {}

Framebuffer& Framebuffer::operator=(Framebuffer&& o) noexcept {
    if (this != &o) {
        release();
        width_ = o.width_;
        height_ = o.height_;
        samples_ = o.samples_;
        texture_ = std::exchange(o.texture_, 0);
        resolve_fbo_ = std::exchange(o.resolve_fbo_, 0);
        multisample_tex_ = std::exchange(o.multisample_tex_, 0);
        multisample_fbo_ = std::exchange(o.multisample_fbo_, 0);
        resolve_pass_ = std::move(o.resolve_pass_);
    }
    return *this;
}

void Framebuffer::release() {
    if (multisample_fbo_) glDeleteFramebuffers(1, &multisample_fbo_);
    if (multisample_tex_) glDeleteTextures(1, &multisample_tex_);
    if (resolve_fbo_) glDeleteFramebuffers(1, &resolve_fbo_);
    if (texture_) glDeleteTextures(1, &texture_);
    multisample_fbo_ = multisample_tex_ = resolve_fbo_ = texture_ = 0;
    resolve_pass_.reset();
}

void Framebuffer::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, multisample_fbo_ ? multisample_fbo_ : resolve_fbo_);
    glViewport(0, 0, width_, height_);
}

void Framebuffer::resolve() const { resolve(width_, height_); }

void Framebuffer::resolve(int width, int height) const {
    if (!multisample_fbo_) return;
    // The state this changes, restored after.
    GLint program = 0, vao = 0, active = 0, bound = 0, viewport[4] = {};
    glGetIntegerv(GL_CURRENT_PROGRAM, &program);
    glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &vao);
    glGetIntegerv(GL_ACTIVE_TEXTURE, &active);
    glGetIntegerv(GL_VIEWPORT, viewport);
    const GLboolean blend = glIsEnabled(GL_BLEND), scissor = glIsEnabled(GL_SCISSOR_TEST);
    glActiveTexture(GL_TEXTURE0);
    glGetIntegerv(GL_TEXTURE_BINDING_2D_MULTISAMPLE, &bound);

    glBindFramebuffer(GL_READ_FRAMEBUFFER, multisample_fbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolve_fbo_);
    glViewport(0, 0, width, height);
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);
    resolve_pass_->program.use();
    glUniform1i(resolve_pass_->samples_uniform, 0);
    glUniform1i(resolve_pass_->count_uniform, samples_);
    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, multisample_tex_);
    resolve_pass_->vao.bind();
    glDrawArrays(GL_TRIANGLES, 0, 3);

    glBindTexture(GL_TEXTURE_2D_MULTISAMPLE, GLuint(bound));
    glActiveTexture(GLenum(active));
    glBindVertexArray(GLuint(vao));
    glUseProgram(GLuint(program));
    glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
    if (blend) glEnable(GL_BLEND);
    if (scissor) glEnable(GL_SCISSOR_TEST);
}

Image Framebuffer::read_pixels() const {
    resolve();
    glBindFramebuffer(GL_FRAMEBUFFER, resolve_fbo_);
    Image image;
    image.width = width_;
    image.height = height_;
    const size_t row = size_t(width_) * 4;
    image.rgba.resize(row * size_t(height_));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glPixelStorei(GL_PACK_ROW_LENGTH, 0);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    gl::check("reading pixels back");
    // OpenGL returns the bottom row first; images are top row first.
    std::vector<uint8_t> swap(row);
    for (int top = 0, bottom = height_ - 1; top < bottom; ++top, --bottom) {
        uint8_t* a = image.rgba.data() + row * size_t(top);
        uint8_t* b = image.rgba.data() + row * size_t(bottom);
        std::memcpy(swap.data(), a, row);
        std::memcpy(a, b, row);
        std::memcpy(b, swap.data(), row);
    }
    bind();
    return image;
}

Image read_back_buffer(int width, int height) {
    Image image;
    image.width = width;
    image.height = height;
    image.rgba.resize(static_cast<size_t>(width) * height * 4);
    std::vector<uint8_t> rows(image.rgba.size());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
    const size_t stride = static_cast<size_t>(width) * 4;
    for (int y = 0; y < height; ++y)
        std::copy_n(rows.data() + (height - 1 - y) * stride, stride, image.rgba.data() + y * stride);
    for (size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;
    return image;
}

}  // namespace ntm::render
