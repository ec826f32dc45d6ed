#include "render/shaders.h"

namespace ntm::render::shaders {

// Vertex positions are float metres relative to the mesh origin; u_center is the camera centre
// relative to the same origin (subtracted in double on the CPU, so only small numbers reach the
// GPU) and u_scale turns metres into clip units (2 / viewport size in metres).

const char* const fill_vertex = R"glsl(#version 330 core
layout(location = 0) in vec2 a_position;
layout(location = 1) in uint a_unit;
uniform vec2 u_center;
uniform vec2 u_scale;
uniform usampler2D u_units;
flat out vec3 v_colour;
flat out uint v_flags;
const uint HIDDEN = 8u;
void main() {
    uvec4 entry = texelFetch(u_units, ivec2(int(a_unit & 255u), int(a_unit >> 8u)), 0);
    v_colour = vec3(entry.rgb) / 255.0;
    v_flags = entry.a;
    if ((entry.a & HIDDEN) != 0u) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // every vertex of the triangle: clipped away
        return;
    }
    gl_Position = vec4((a_position - u_center) * u_scale, 0.0, 1.0);
}
)glsl";

// Hatching: diagonal stripes in window pixels (so they keep their density at every zoom);
// u_hatch_period and u_hatch_width are in pixels along x.
const char* const fill_fragment = R"glsl(#version 330 core
flat in vec3 v_colour;
flat in uint v_flags;
uniform vec4 u_hatch_colour;   // rgb, a = opacity over the fill
uniform float u_hatch_period;
uniform float u_hatch_width;
uniform vec4 u_highlight;      // rgb, a = amount mixed into the fill
out vec4 o_colour;
const uint HIGHLIGHT = 1u;
const uint HATCHED = 4u;
void main() {
    vec3 colour = v_colour;
    if ((v_flags & HATCHED) != 0u &&
        mod(gl_FragCoord.x + gl_FragCoord.y, u_hatch_period) < u_hatch_width)
        colour = mix(colour, u_hatch_colour.rgb, u_hatch_colour.a);
    if ((v_flags & HIGHLIGHT) != 0u) colour = mix(colour, u_highlight.rgb, u_highlight.a);
    o_colour = vec4(colour, 1.0);
}
)glsl";

const char* const unit_line_vertex = R"glsl(#version 330 core
layout(location = 0) in vec2 a_position;
layout(location = 1) in uint a_unit;
uniform vec2 u_center;
uniform vec2 u_scale;
uniform usampler2D u_units;
const uint HIDDEN = 8u;
void main() {
    uint flags = texelFetch(u_units, ivec2(int(a_unit & 255u), int(a_unit >> 8u)), 0).a;
    if ((flags & HIDDEN) != 0u) {
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
        return;
    }
    gl_Position = vec4((a_position - u_center) * u_scale, 0.0, 1.0);
}
)glsl";

const char* const plain_line_vertex = R"glsl(#version 330 core
layout(location = 0) in vec2 a_position;
uniform vec2 u_center;
uniform vec2 u_scale;
void main() {
    gl_Position = vec4((a_position - u_center) * u_scale, 0.0, 1.0);
}
)glsl";

// Core profile allows no line width above 1, so wide lines are quads built here: the segment
// is taken to pixels, widened by u_half_width on each side and extended by u_half_width at both
// ends (square caps, which also close the gaps at the joins of a polyline).
const char* const wide_line_geometry = R"glsl(#version 330 core
layout(lines) in;
layout(triangle_strip, max_vertices = 4) out;
uniform vec2 u_viewport;     // pixels
uniform float u_half_width;  // pixels
void main() {
    if (gl_in[0].gl_Position.z > 1.5 || gl_in[1].gl_Position.z > 1.5) return;  // hidden unit
    vec2 half_viewport = 0.5 * u_viewport;
    vec2 a = gl_in[0].gl_Position.xy * half_viewport;
    vec2 b = gl_in[1].gl_Position.xy * half_viewport;
    vec2 d = b - a;
    float len = length(d);
    vec2 along = (len > 1e-6 ? d / len : vec2(1.0, 0.0)) * u_half_width;
    vec2 across = vec2(-along.y, along.x);
    gl_Position = vec4((a - along + across) / half_viewport, 0.0, 1.0);
    EmitVertex();
    gl_Position = vec4((a - along - across) / half_viewport, 0.0, 1.0);
    EmitVertex();
    gl_Position = vec4((b + along + across) / half_viewport, 0.0, 1.0);
    EmitVertex();
    gl_Position = vec4((b + along - across) / half_viewport, 0.0, 1.0);
    EmitVertex();
    EndPrimitive();
}
)glsl";

const char* const flat_fragment = R"glsl(#version 330 core
uniform vec4 u_colour;
out vec4 o_colour;
void main() {
    o_colour = u_colour;
}
)glsl";

}  // namespace ntm::render::shaders
