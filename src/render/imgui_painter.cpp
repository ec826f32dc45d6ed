#include "render/imgui_painter.h"

#include <glad/gl.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "core/error.h"
#include "render/gl_objects.h"

namespace ntm::render {
namespace {

const char* const kVertex = R"glsl(#version 330 core
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_colour;
uniform mat4 u_projection;
out vec2 v_uv;
out vec4 v_colour;
void main() {
    v_uv = a_uv;
    v_colour = a_colour;
    gl_Position = u_projection * vec4(a_position, 0.0, 1.0);
}
)glsl";

const char* const kFragment = R"glsl(#version 330 core
in vec2 v_uv;
in vec4 v_colour;
uniform sampler2D u_texture;
out vec4 o_colour;
void main() {
    o_colour = v_colour * texture(u_texture, v_uv);
}
)glsl";

GLuint texture_name(ImTextureID id) {
    return static_cast<GLuint>(reinterpret_cast<intptr_t>(id));
}

}  // namespace

struct ImGuiPainter::Impl {
    gl::Program program{"imgui painter", kVertex, nullptr, kFragment};
    GLint projection = program.uniform("u_projection");
    GLint sampler = program.uniform("u_texture");
    gl::VertexArray vao;
    gl::Buffer vertices{GL_ARRAY_BUFFER};
    gl::Buffer indices{GL_ELEMENT_ARRAY_BUFFER};
    gl::Texture font_texture;
    bool has_font = false;
};

ImGuiPainter::ImGuiPainter() : impl_(std::make_unique<Impl>()) {
    Impl& m = *impl_;
    m.vao.bind();
    m.vertices.bind();
    m.indices.bind();
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                          reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert),
                          reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert),
                          reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    gl::check("creating the ImGui painter");
}

ImGuiPainter::~ImGuiPainter() = default;

void ImGuiPainter::upload_font_atlas(ImFontAtlas& atlas) {
    Impl& m = *impl_;
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
    if (!pixels || width <= 0 || height <= 0) throw Error("the font atlas could not be built");
    m.font_texture = gl::Texture();
    m.font_texture.bind(GL_TEXTURE_2D);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    glBindTexture(GL_TEXTURE_2D, 0);
    gl::check("uploading the font atlas");
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(m.font_texture.id())));
    m.has_font = true;
}

void ImGuiPainter::draw(const ImDrawData& data, int width, int height, float offset_x,
                        float offset_y) {
    if (width <= 0 || height <= 0 || data.CmdListsCount == 0) return;
    Impl& m = *impl_;

    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);

    // Orthographic: draw-data x in [offset_x, offset_x + width] -> clip -1..1, y down.
    const float l = offset_x, r = offset_x + float(width);
    const float t = offset_y, b = offset_y + float(height);
    const float projection[16] = {2.0f / (r - l),    0, 0, 0,
                                  0, 2.0f / (t - b),    0, 0,
                                  0, 0,                -1, 0,
                                  (r + l) / (l - r), (t + b) / (b - t), 0, 1};
    m.program.use();
    glUniformMatrix4fv(m.projection, 1, GL_FALSE, projection);
    glUniform1i(m.sampler, 0);
    glActiveTexture(GL_TEXTURE0);
    m.vao.bind();

    const GLenum index_type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList* list = data.CmdLists[n];
        m.vertices.data(size_t(list->VtxBuffer.Size) * sizeof(ImDrawVert), list->VtxBuffer.Data,
                        GL_STREAM_DRAW);
        m.indices.data(size_t(list->IdxBuffer.Size) * sizeof(ImDrawIdx), list->IdxBuffer.Data,
                       GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback || cmd.ElemCount == 0) continue;
            // The clip rectangle in framebuffer pixels (y up), clamped to the target.
            const float x0 = std::max(cmd.ClipRect.x - offset_x, 0.0f);
            const float y0 = std::max(cmd.ClipRect.y - offset_y, 0.0f);
            const float x1 = std::min(cmd.ClipRect.z - offset_x, float(width));
            const float y1 = std::min(cmd.ClipRect.w - offset_y, float(height));
            if (x1 <= x0 || y1 <= y0) continue;
            const GLint sx = GLint(x0), sy = GLint(y0);
            const GLint ex = GLint(std::ceil(x1)), ey = GLint(std::ceil(y1));
            glScissor(sx, height - ey, ex - sx, ey - sy);
            glBindTexture(GL_TEXTURE_2D, texture_name(cmd.GetTexID()));
            glDrawElementsBaseVertex(
                GL_TRIANGLES, GLsizei(cmd.ElemCount), index_type,
                reinterpret_cast<void*>(size_t(cmd.IdxOffset) * sizeof(ImDrawIdx)),
                GLint(cmd.VtxOffset));
        }
    }

    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glUseProgram(0);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_BLEND);
    gl::check("painting ImGui draw data");
}

}  // namespace ntm::render
