#pragma once
// Thin move-only owners of OpenGL objects. They need a current context with the GL functions
// loaded (see gl_context.h) when created, used and destroyed.
#include <glad/gl.h>

#include <string>
#include <utility>

namespace ntm::render::gl {

// Throws ntm::Error naming `what` when glGetError reports an error (drains the error queue).
void check(const char* what);

class Buffer {
public:
    Buffer() = default;
    explicit Buffer(GLenum target);
    ~Buffer();
    Buffer(Buffer&& o) noexcept : id_(std::exchange(o.id_, 0)), target_(o.target_) {}
    Buffer& operator=(Buffer&& o) noexcept;

    // Binds and (re)allocates with `bytes` of `data` (may be null).
    void data(size_t bytes, const void* data, GLenum usage = GL_STATIC_DRAW);
    void bind() const { glBindBuffer(target_, id_); }
    GLuint id() const { return id_; }

private:
    GLuint id_ = 0;
    GLenum target_ = GL_ARRAY_BUFFER;
};

class VertexArray {
public:
    VertexArray();
    ~VertexArray();
    VertexArray(VertexArray&& o) noexcept : id_(std::exchange(o.id_, 0)) {}
    VertexArray& operator=(VertexArray&& o) noexcept;
    void bind() const { glBindVertexArray(id_); }
    GLuint id() const { return id_; }

private:
    GLuint id_ = 0;
};

class Texture {
public:
    Texture();
    ~Texture();
    Texture(Texture&& o) noexcept : id_(std::exchange(o.id_, 0)) {}
    Texture& operator=(Texture&& o) noexcept;
    void bind(GLenum target) const { glBindTexture(target, id_); }
    GLuint id() const { return id_; }

private:
    GLuint id_ = 0;
};

class Program {
public:
    Program() = default;
    // Compiles and links; `geometry` may be null. Throws ntm::Error with the compiler's log,
    // naming the program `name`.
    Program(const char* name, const char* vertex, const char* geometry, const char* fragment);
    ~Program();
    Program(Program&& o) noexcept : id_(std::exchange(o.id_, 0)) {}
    Program& operator=(Program&& o) noexcept;

    void use() const { glUseProgram(id_); }
    GLint uniform(const char* name) const { return glGetUniformLocation(id_, name); }
    GLuint id() const { return id_; }

private:
    GLuint id_ = 0;
};

}  // namespace ntm::render::gl
