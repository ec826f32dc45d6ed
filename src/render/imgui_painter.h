#pragma once
// Draws Dear ImGui draw data (ImDrawData) with a small OpenGL 3.3 program of its own into the
// currently bound framebuffer, showing any pixel window of the draw data's coordinate space: so
// an export taller or wider than one framebuffer can paint its text and symbols tile by tile.
// The app draws its own UI with imgui_impl_opengl3; this is for offscreen composition.
//
// Needs a current OpenGL 3.3 core context with the functions loaded for its whole life.
#include <memory>

struct ImDrawData;
struct ImFontAtlas;

namespace ntm::render {

class ImGuiPainter {
public:
    // Compiles the program; throws ntm::Error on failure.
    ImGuiPainter();
    ~ImGuiPainter();
    ImGuiPainter(const ImGuiPainter&) = delete;
    ImGuiPainter& operator=(const ImGuiPainter&) = delete;

    // Builds `atlas` if needed, uploads its pixels into a texture owned by the painter (replacing
    // the previous one) and sets the atlas' TexID to it, so draw commands using the atlas'
    // fonts find it. Call again after the atlas changes.
    void upload_font_atlas(ImFontAtlas& atlas);

    // Draws `data` into the bound framebuffer, whose viewport must be width x height pixels:
    // the framebuffer's top-left pixel shows the draw data's point (offset_x, offset_y)
    // (draw-data coordinates are pixels, y down). Texture ids are GL texture names. Leaves
    // blending and the scissor test disabled.
    void draw(const ImDrawData& data, int width, int height, float offset_x = 0,
              float offset_y = 0);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ntm::render
