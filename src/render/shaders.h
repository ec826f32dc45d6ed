#pragma once
// GLSL 3.30 core sources of the map renderer, embedded so the binary is self-contained.
//
// Unit table: a GL_RGBA8UI texture, 256 texels wide, texel (u % 256, u / 256) for unit u:
// rgb = fill colour, a = UnitFlag bits (see map_renderer.h).

namespace ntm::render::shaders {

extern const char* const fill_vertex;     // a_position (vec2), a_unit (uint) -> flat colour, flags
extern const char* const fill_fragment;   // fill with hatching and highlight
extern const char* const unit_line_vertex;   // outline vertices of the unit mesh; hidden units dropped
extern const char* const plain_line_vertex;  // vertices of separate line sets (districts)
extern const char* const wide_line_geometry; // a line segment -> a screen-space quad, square caps
extern const char* const flat_fragment;      // u_colour

}  // namespace ntm::render::shaders
