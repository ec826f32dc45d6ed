#include "render/map_renderer.h"

#include <glad/gl.h>

#include <algorithm>
#include <limits>

#include "core/error.h"
#include "render/gl_objects.h"
#include "render/shaders.h"

namespace ntm::render {

namespace {

constexpr int kTableWidth = 256;  // texels per row of the unit table (see shaders.h)

struct ViewUniforms {
    GLint center = -1, scale = -1, units = -1;
    void locate(const gl::Program& p) {
        center = p.uniform("u_center");
        scale = p.uniform("u_scale");
        units = p.uniform("u_units");
    }
};

struct LineUniforms {
    ViewUniforms view;
    GLint colour = -1, viewport = -1, half_width = -1;
    void locate(const gl::Program& p) {
        view.locate(p);
        colour = p.uniform("u_colour");
        viewport = p.uniform("u_viewport");
        half_width = p.uniform("u_half_width");
    }
};

void set_colour(GLint location, Rgb c, float alpha = 1.0f) {
    glUniform4f(location, c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, alpha);
}

}  // namespace

struct MapRenderer::Impl {
    gl::Program fill, thin_line, wide_unit_line, wide_plain_line;
    ViewUniforms fill_view;
    GLint hatch_colour = -1, hatch_period = -1, hatch_width = -1, highlight = -1;
    LineUniforms thin, wide_unit, wide_plain;

    gl::VertexArray fill_vao, outline_vao, district_vao;
    gl::Buffer positions{GL_ARRAY_BUFFER}, unit_ids{GL_ARRAY_BUFFER};
    gl::Buffer triangles{GL_ELEMENT_ARRAY_BUFFER}, segments{GL_ELEMENT_ARRAY_BUFFER};
    gl::Buffer district_lines{GL_ARRAY_BUFFER};
    gl::Texture unit_table;

    size_t units = 0, vertices = 0, triangle_indices = 0, segment_indices = 0;
    size_t district_vertices = 0;
    size_t gpu_bytes = 0;
    std::vector<uint32_t> triangle_first;  // per unit, into the triangle indices; units + 1
    std::vector<uint32_t> segment_first;   // per unit, into the segment indices; units + 1
    std::vector<float> unit_box;           // per unit: min x, min y, max x, max y (relative)

    // Index ranges of the units to draw this frame (consecutive units merged into one range).
    struct Ranges {
        std::vector<GLsizei> counts;
        std::vector<const void*> offsets;
        size_t total = 0;
        void clear() {
            counts.clear();
            offsets.clear();
            total = 0;
        }
        void add(uint32_t first, uint32_t end) {
            if (end <= first) return;
            const void* offset = reinterpret_cast<const void*>(size_t(first) * sizeof(uint32_t));
            if (!counts.empty() &&
                reinterpret_cast<size_t>(offsets.back()) / sizeof(uint32_t) + size_t(counts.back()) == first)
                counts.back() += GLsizei(end - first);
            else {
                counts.push_back(GLsizei(end - first));
                offsets.push_back(offset);
            }
            total += end - first;
        }
        void draw(GLenum mode) const {
            if (counts.size() == 1)
                glDrawElements(mode, counts[0], GL_UNSIGNED_INT, offsets[0]);
            else if (!counts.empty())
                glMultiDrawElements(mode, counts.data(), GL_UNSIGNED_INT, offsets.data(),
                                    GLsizei(counts.size()));
        }
    };
    Ranges visible_triangles, visible_segments, selected_segments;
    geo::Vec2 origin;
    geo::Bounds bounds;
    geo::Vec2 district_origin;

    std::vector<Rgb> colours;
    std::vector<uint8_t> flags;
    bool table_dirty = true;
    int table_rows = 0;  // rows of the allocated texture
    std::vector<uint8_t> table;

    MapStyle style;

    Impl()
        : fill("map fill", shaders::fill_vertex, nullptr, shaders::fill_fragment),
          thin_line("map outline", shaders::unit_line_vertex, nullptr, shaders::flat_fragment),
          wide_unit_line("map wide outline", shaders::unit_line_vertex,
                         shaders::wide_line_geometry, shaders::flat_fragment),
          wide_plain_line("map district outline", shaders::plain_line_vertex,
                          shaders::wide_line_geometry, shaders::flat_fragment) {
        fill_view.locate(fill);
        hatch_colour = fill.uniform("u_hatch_colour");
        hatch_period = fill.uniform("u_hatch_period");
        hatch_width = fill.uniform("u_hatch_width");
        highlight = fill.uniform("u_highlight");
        thin.locate(thin_line);
        wide_unit.locate(wide_unit_line);
        wide_plain.locate(wide_plain_line);

        unit_table.bind(GL_TEXTURE_2D);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
        glBindTexture(GL_TEXTURE_2D, 0);
        gl::check("creating the map renderer");
    }

    void upload_table() {
        const int rows = int(std::max<size_t>(1, (units + kTableWidth - 1) / kTableWidth));
        table.assign(size_t(rows) * kTableWidth * 4, 0);
        const Rgb missing = no_data_colour();
        for (size_t u = 0; u < units; ++u) {
            const Rgb c = u < colours.size() ? colours[u] : missing;
            uint8_t* t = &table[4 * u];
            t[0] = c.r;
            t[1] = c.g;
            t[2] = c.b;
            t[3] = u < flags.size() ? flags[u] : 0;
        }
        unit_table.bind(GL_TEXTURE_2D);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        if (rows != table_rows) {
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8UI, kTableWidth, rows, 0, GL_RGBA_INTEGER,
                         GL_UNSIGNED_BYTE, table.data());
            table_rows = rows;
        } else {
            glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, kTableWidth, rows, GL_RGBA_INTEGER,
                            GL_UNSIGNED_BYTE, table.data());
        }
        gl::check("uploading the unit colour table");
        table_dirty = false;
    }

    // Binds the shared vertex attributes (position, unit id) on the bound vertex array.
    void bind_vertex_attributes(GLenum unit_type) {
        positions.bind();
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
        unit_ids.bind();
        glEnableVertexAttribArray(1);
        glVertexAttribIPointer(1, 1, unit_type, 0, nullptr);
    }

    void set_view(const ViewUniforms& u, const Camera& camera, geo::Vec2 relative_to, int w,
                  int h) {
        // The subtraction happens in double so that only small offsets reach float.
        glUniform2f(u.center, float(camera.center.x - relative_to.x),
                    float(camera.center.y - relative_to.y));
        glUniform2f(u.scale, float(2.0 / (w * camera.metres_per_pixel)),
                    float(2.0 / (h * camera.metres_per_pixel)));
        if (u.units >= 0) glUniform1i(u.units, 0);
    }

    void set_line(const LineUniforms& u, Rgb colour, float width_px, int w, int h) {
        set_colour(u.colour, colour);
        if (u.viewport >= 0) glUniform2f(u.viewport, float(w), float(h));
        if (u.half_width >= 0) glUniform1f(u.half_width, 0.5f * width_px);
    }
};

MapRenderer::MapRenderer() : impl_(std::make_unique<Impl>()) {}
MapRenderer::~MapRenderer() = default;
MapRenderer::MapRenderer(MapRenderer&&) noexcept = default;
MapRenderer& MapRenderer::operator=(MapRenderer&&) noexcept = default;

void MapRenderer::upload(const geo::MapGeometry& geometry, int threads) {
    upload(geo::tessellate_map(geometry, threads));
}

void MapRenderer::upload(const geo::MapMesh& mesh) {
    const size_t n = mesh.unit_count();
    if (mesh.vertex_first.size() != n + 1 || mesh.segment_first.size() != n + 1 ||
        mesh.unit.size() != mesh.vertex_count() || mesh.triangles.size() % 3 != 0 ||
        mesh.segments.size() % 2 != 0 || (n > 0 && (mesh.vertex_first.back() != mesh.vertex_count() ||
                                                     mesh.triangle_first.back() != mesh.triangles.size() ||
                                                     mesh.segment_first.back() != mesh.segments.size())))
        throw Error("inconsistent map mesh: per-unit ranges do not match the vertex and index arrays");
    Impl& m = *impl_;
    m.units = mesh.unit_count();
    m.vertices = mesh.vertex_count();
    m.triangle_indices = mesh.triangles.size();
    m.segment_indices = mesh.segments.size();
    m.triangle_first = mesh.triangle_first;
    m.segment_first = mesh.segment_first;
    m.origin = mesh.origin;
    m.bounds = mesh.bounds;
    m.unit_box.assign(m.units * 4, 0.0f);
    for (size_t u = 0; u < m.units; ++u) {
        float* box = &m.unit_box[4 * u];
        box[0] = box[1] = std::numeric_limits<float>::max();
        box[2] = box[3] = std::numeric_limits<float>::lowest();
        for (uint32_t v = mesh.vertex_first[u]; v < mesh.vertex_first[u + 1]; ++v) {
            box[0] = std::min(box[0], mesh.xy[2 * size_t(v)]);
            box[1] = std::min(box[1], mesh.xy[2 * size_t(v) + 1]);
            box[2] = std::max(box[2], mesh.xy[2 * size_t(v)]);
            box[3] = std::max(box[3], mesh.xy[2 * size_t(v) + 1]);
        }
    }

    // Unit ids as 16 bits when they fit: a quarter less vertex memory for the usual maps.
    const bool narrow = m.units <= std::numeric_limits<uint16_t>::max() + size_t(1);
    const GLenum unit_type = narrow ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;

    glBindVertexArray(0);
    m.positions.data(mesh.xy.size() * sizeof(float), mesh.xy.data());
    if (narrow) {
        std::vector<uint16_t> ids(mesh.unit.begin(), mesh.unit.end());
        m.unit_ids.data(ids.size() * sizeof(uint16_t), ids.data());
    } else {
        m.unit_ids.data(mesh.unit.size() * sizeof(uint32_t), mesh.unit.data());
    }
    m.fill_vao.bind();
    m.bind_vertex_attributes(unit_type);
    m.triangles.data(mesh.triangles.size() * sizeof(uint32_t), mesh.triangles.data());
    m.outline_vao.bind();
    m.bind_vertex_attributes(unit_type);
    m.segments.data(mesh.segments.size() * sizeof(uint32_t), mesh.segments.data());
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    gl::check("uploading the map geometry");
    m.gpu_bytes = mesh.xy.size() * sizeof(float) + m.vertices * (narrow ? 2 : 4) +
                  (m.triangle_indices + m.segment_indices) * sizeof(uint32_t);

    m.colours.clear();
    m.flags.clear();
    m.table_dirty = true;
}

void MapRenderer::set_unit_colours(const std::vector<Rgb>& fill) {
    impl_->colours = fill;
    impl_->table_dirty = true;
}

void MapRenderer::set_unit_flags(const std::vector<uint8_t>& flags) {
    impl_->flags = flags;
    impl_->table_dirty = true;
}

void MapRenderer::set_unit_flag(size_t unit, uint8_t flag, bool on) {
    Impl& m = *impl_;
    if (unit >= m.units) return;
    if (m.flags.size() < m.units) m.flags.resize(m.units, 0);
    const uint8_t before = m.flags[unit];
    m.flags[unit] = on ? uint8_t(before | flag) : uint8_t(before & ~flag);
    if (m.flags[unit] == before) return;
    m.table_dirty = true;
}

const std::vector<uint8_t>& MapRenderer::unit_flags() const { return impl_->flags; }

void MapRenderer::set_district_outlines(const std::vector<geo::Ring>& rings, bool closed) {
    Impl& m = *impl_;
    geo::Bounds b;
    for (const geo::Ring& r : rings)
        for (geo::Vec2 p : r) b.add(p);
    m.district_origin = b.empty() ? geo::Vec2{} : b.center();
    const std::vector<float> lines = geo::ring_segments(rings, m.district_origin, closed);
    m.district_vertices = lines.size() / 2;
    glBindVertexArray(0);
    m.district_lines.data(lines.size() * sizeof(float), lines.data());
    m.district_vao.bind();
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    gl::check("uploading district outlines");
}

void MapRenderer::set_style(const MapStyle& style) { impl_->style = style; }
const MapStyle& MapRenderer::style() const { return impl_->style; }
size_t MapRenderer::unit_count() const { return impl_->units; }
const geo::Bounds& MapRenderer::bounds() const { return impl_->bounds; }

MapRendererStats MapRenderer::stats() const {
    const Impl& m = *impl_;
    MapRendererStats s;
    s.units = m.units;
    s.vertices = m.vertices;
    s.triangles = m.triangle_indices / 3;
    s.outline_segments = m.segment_indices / 2;
    s.district_segments = m.district_vertices / 2;
    s.gpu_bytes = m.gpu_bytes + m.district_vertices * 2 * sizeof(float);
    return s;
}

void MapRenderer::draw(const Camera& camera, int w, int h) {
    Impl& m = *impl_;
    const MapStyle& st = m.style;
    if (w <= 0 || h <= 0 || !(camera.metres_per_pixel > 0)) return;
    if (m.table_dirty) m.upload_table();

    glDisable(GL_BLEND);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    if (st.clear_background) {
        // Clear only this viewport: the map may be one panel of a larger window.
        GLint viewport[4];
        glGetIntegerv(GL_VIEWPORT, viewport);
        glEnable(GL_SCISSOR_TEST);
        glScissor(viewport[0], viewport[1], viewport[2], viewport[3]);
        glClearColor(st.background.r / 255.0f, st.background.g / 255.0f,
                     st.background.b / 255.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        glDisable(GL_SCISSOR_TEST);
    }

    glActiveTexture(GL_TEXTURE0);
    m.unit_table.bind(GL_TEXTURE_2D);
    const float scale = st.pixel_scale > 0 ? st.pixel_scale : 1.0f;
    // Units outside the view (with room for the widest line) or hidden are not drawn at all:
    // on llvmpipe every triangle costs, even one the clipper throws away.
    const float outline_width = st.outline_width_px * scale;
    const float widest = std::max({outline_width, st.selection_width_px * scale, 1.0f});
    const geo::Bounds view = camera.visible(w, h);
    const double pad = (widest + 2.0) * camera.metres_per_pixel;
    const float view_box[4] = {float(view.min_x - m.origin.x - pad), float(view.min_y - m.origin.y - pad),
                               float(view.max_x - m.origin.x + pad), float(view.max_y - m.origin.y + pad)};
    m.visible_triangles.clear();
    m.visible_segments.clear();
    m.selected_segments.clear();
    for (size_t u = 0; u < m.units; ++u) {
        const float* box = &m.unit_box[4 * u];
        if (box[0] > view_box[2] || box[2] < view_box[0] || box[1] > view_box[3] ||
            box[3] < view_box[1])
            continue;
        const uint8_t flags = u < m.flags.size() ? m.flags[u] : 0;
        if (flags & kUnitHidden) continue;
        m.visible_triangles.add(m.triangle_first[u], m.triangle_first[u + 1]);
        m.visible_segments.add(m.segment_first[u], m.segment_first[u + 1]);
        if (flags & kUnitSelected) m.selected_segments.add(m.segment_first[u], m.segment_first[u + 1]);
    }

    if (m.visible_triangles.total > 0) {
        m.fill.use();
        m.set_view(m.fill_view, camera, m.origin, w, h);
        set_colour(m.hatch_colour, st.hatch, st.hatch_opacity);
        glUniform1f(m.hatch_period, std::max(1.0f, st.hatch_period_px * scale));
        glUniform1f(m.hatch_width, st.hatch_width_px * scale);
        set_colour(m.highlight, st.highlight, st.highlight_amount);
        m.fill_vao.bind();
        m.visible_triangles.draw(GL_TRIANGLES);
    }

    if (st.draw_outlines && outline_width > 0 && m.visible_segments.total > 0) {
        m.outline_vao.bind();
        if (outline_width <= 1.01f) {
            // Core-profile lines of width 1: the cheapest outline there is.
            m.thin_line.use();
            m.set_view(m.thin.view, camera, m.origin, w, h);
            m.set_line(m.thin, st.outline, 1.0f, w, h);
        } else {
            m.wide_unit_line.use();
            m.set_view(m.wide_unit.view, camera, m.origin, w, h);
            m.set_line(m.wide_unit, st.outline, outline_width, w, h);
        }
        m.visible_segments.draw(GL_LINES);
    }

    if (m.district_vertices > 0 && st.district_width_px > 0) {
        m.wide_plain_line.use();
        m.set_view(m.wide_plain.view, camera, m.district_origin, w, h);
        m.set_line(m.wide_plain, st.district_outline, st.district_width_px * scale, w, h);
        m.district_vao.bind();
        glDrawArrays(GL_LINES, 0, GLsizei(m.district_vertices));
    }

    if (m.selected_segments.total > 0 && st.selection_width_px > 0) {
        m.wide_unit_line.use();
        m.set_view(m.wide_unit.view, camera, m.origin, w, h);
        m.set_line(m.wide_unit, st.selection, st.selection_width_px * scale, w, h);
        m.outline_vao.bind();
        m.selected_segments.draw(GL_LINES);
    }

    glBindVertexArray(0);
    glUseProgram(0);
    glBindTexture(GL_TEXTURE_2D, 0);
}

}  // namespace ntm::render
