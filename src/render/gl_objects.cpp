#include "render/gl_objects.h"

#include <vector>

#include "core/error.h"

namespace ntm::render::gl {

namespace {

const char* gl_error_name(GLenum error) {
    switch (error) {
        case GL_INVALID_ENUM: return "GL_INVALID_ENUM";
        case GL_INVALID_VALUE: return "GL_INVALID_VALUE";
        case GL_INVALID_OPERATION: return "GL_INVALID_OPERATION";
        case GL_INVALID_FRAMEBUFFER_OPERATION: return "GL_INVALID_FRAMEBUFFER_OPERATION";
        case GL_OUT_OF_MEMORY: return "GL_OUT_OF_MEMORY";
        default: return "unknown OpenGL error";
    }
}

GLuint compile(const char* program, GLenum stage, const char* source) {
    const GLuint shader = glCreateShader(stage);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        GLint length = 0;
        glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
        std::vector<char> log(size_t(length > 0 ? length : 1), '\0');
        glGetShaderInfoLog(shader, GLsizei(log.size()), nullptr, log.data());
        glDeleteShader(shader);
        const char* kind = stage == GL_VERTEX_SHADER     ? "vertex"
                           : stage == GL_GEOMETRY_SHADER ? "geometry"
                                                         : "fragment";
        throw Error(std::string("cannot compile the ") + kind + " shader of '" + program +
                    "': " + log.data());
    }
    return shader;
}

}  // namespace

void check(const char* what) {
    GLenum first = glGetError();
    if (first == GL_NO_ERROR) return;
    while (glGetError() != GL_NO_ERROR) {
    }
    throw Error(std::string("OpenGL error in ") + what + ": " + gl_error_name(first));
}

Buffer::Buffer(GLenum target) : target_(target) { glGenBuffers(1, &id_); }
Buffer::~Buffer() {
    if (id_) glDeleteBuffers(1, &id_);
}
Buffer& Buffer::operator=(Buffer&& o) noexcept {
    if (this != &o) {
        if (id_) glDeleteBuffers(1, &id_);
        id_ = std::exchange(o.id_, 0);
        target_ = o.target_;
    }
    return *this;
}
void Buffer::data(size_t bytes, const void* data, GLenum usage) {
    bind();
    glBufferData(target_, GLsizeiptr(bytes), data, usage);
}

VertexArray::VertexArray() { glGenVertexArrays(1, &id_); }
VertexArray::~VertexArray() {
    if (id_) glDeleteVertexArrays(1, &id_);
}
VertexArray& VertexArray::operator=(VertexArray&& o) noexcept {
    if (this != &o) {
        if (id_) glDeleteVertexArrays(1, &id_);
        id_ = std::exchange(o.id_, 0);
    }
    return *this;
}

Texture::Texture() { glGenTextures(1, &id_); }
Texture::~Texture() {
    if (id_) glDeleteTextures(1, &id_);
}
Texture& Texture::operator=(Texture&& o) noexcept {
    if (this != &o) {
        if (id_) glDeleteTextures(1, &id_);
        id_ = std::exchange(o.id_, 0);
    }
    return *this;
}

Program::Program(const char* name, const char* vertex, const char* geometry,
                 const char* fragment) {
    GLuint shaders[3] = {0, 0, 0};
    try {
        shaders[0] = compile(name, GL_VERTEX_SHADER, vertex);
        if (geometry) shaders[1] = compile(name, GL_GEOMETRY_SHADER, geometry);
        shaders[2] = compile(name, GL_FRAGMENT_SHADER, fragment);
    } catch (...) {
        for (GLuint s : shaders)
            if (s) glDeleteShader(s);
        throw;
    }
    id_ = glCreateProgram();
    for (GLuint s : shaders)
        if (s) glAttachShader(id_, s);
    glLinkProgram(id_);
    for (GLuint s : shaders)
        if (s) {
            glDetachShader(id_, s);
            glDeleteShader(s);
        }
    GLint ok = GL_FALSE;
    glGetProgramiv(id_, GL_LINK_STATUS, &ok);
    if (!ok) {
        GLint length = 0;
        glGetProgramiv(id_, GL_INFO_LOG_LENGTH, &length);
        std::vector<char> log(size_t(length > 0 ? length : 1), '\0');
        glGetProgramInfoLog(id_, GLsizei(log.size()), nullptr, log.data());
        glDeleteProgram(id_);
        id_ = 0;
        throw Error(std::string("cannot link the shader program '") + name + "': " + log.data());
    }
}
Program::~Program() {
    if (id_) glDeleteProgram(id_);
}
Program& Program::operator=(Program&& o) noexcept {
    if (this != &o) {
        if (id_) glDeleteProgram(id_);
        id_ = std::exchange(o.id_, 0);
    }
    return *this;
}

}  // namespace ntm::render::gl
