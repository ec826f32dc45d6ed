#include "render/map_renderer.h"

#include <glad/gl.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <limits>
#include <utility>

#include "core/error.h"
#include "geo/district_outlines.h"
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

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// A GL buffer that grows by appending (doubling its capacity, copying on the GPU side). Uses
// the copy targets only, so it never disturbs the element buffer of a bound vertex array.
class GrowBuffer {
public:
    GrowBuffer() = default;
    ~GrowBuffer() { release(); }
    GrowBuffer(const GrowBuffer&) = delete;
    GrowBuffer& operator=(const GrowBuffer&) = delete;

    // Appends `bytes`; returns true when the buffer object changed (vertex arrays must rebind).
    bool append(const void* data, size_t bytes) {
        if (bytes == 0) return false;
        bool replaced = false;
        if (used_ + bytes > capacity_) {
            // The first block gets exactly its size (a level prepared whole never grows).
            const size_t capacity = capacity_ == 0 ? bytes : std::max(used_ + bytes, 2 * capacity_);
            GLuint fresh = 0;
            glGenBuffers(1, &fresh);
            glBindBuffer(GL_COPY_WRITE_BUFFER, fresh);
            glBufferData(GL_COPY_WRITE_BUFFER, GLsizeiptr(capacity), nullptr, GL_STATIC_DRAW);
            if (used_ > 0) {
                glBindBuffer(GL_COPY_READ_BUFFER, id_);
                glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_COPY_WRITE_BUFFER, 0, 0, GLsizeiptr(used_));
                glBindBuffer(GL_COPY_READ_BUFFER, 0);
            }
            release();
            id_ = fresh;
            capacity_ = capacity;
            replaced = true;
        }
        glBindBuffer(GL_COPY_WRITE_BUFFER, id_);
        glBufferSubData(GL_COPY_WRITE_BUFFER, GLintptr(used_), GLsizeiptr(bytes), data);
        glBindBuffer(GL_COPY_WRITE_BUFFER, 0);
        used_ += bytes;
        return replaced;
    }
    void release() {
        if (id_) glDeleteBuffers(1, &id_);
        id_ = 0;
        used_ = capacity_ = 0;
    }
    GLuint id() const { return id_; }
    size_t capacity() const { return capacity_; }

private:
    GLuint id_ = 0;
    size_t used_ = 0, capacity_ = 0;
};

// Index ranges to draw (consecutive ranges merged into one).
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
        if (!counts.empty() &&
            reinterpret_cast<size_t>(offsets.back()) / sizeof(uint32_t) + size_t(counts.back()) == first)
            counts.back() += GLsizei(end - first);
        else {
            counts.push_back(GLsizei(end - first));
            offsets.push_back(reinterpret_cast<const void*>(size_t(first) * sizeof(uint32_t)));
        }
        total += end - first;
    }
    void draw(GLenum mode) const {
        if (counts.size() == 1)
            glDrawElements(mode, counts[0], GL_UNSIGNED_INT, offsets[0]);
        else if (!counts.empty())
            glMultiDrawElements(mode, counts.data(), GL_UNSIGNED_INT, offsets.data(), GLsizei(counts.size()));
    }
};

// Wide-line segments (x0, y0, x1, y1 relative to an origin) on the GPU.
struct LineSet {
    gl::VertexArray vao;
    gl::Buffer buffer{GL_ARRAY_BUFFER};
    size_t vertices = 0;
    geo::Vec2 origin;
    // Runs of consecutive segments with their bounds (relative to origin): consecutive segments
    // follow one polyline, so runs are compact and a zoomed-in view draws only the few it meets
    // (full-detail district lines of the whole country are ~1 M segments).
    static constexpr size_t kRunVertices = 2048;
    std::vector<geo::Bounds> run_bounds;
    std::vector<GLint> first;
    std::vector<GLsizei> count;
    void set(const std::vector<float>& lines) {
        vertices = lines.size() / 2;
        run_bounds.clear();
        for (size_t v = 0; v < vertices; v += kRunVertices) {
            geo::Bounds b;
            for (size_t i = v; i < std::min(vertices, v + kRunVertices); ++i) b.add(geo::Vec2{lines[2 * i], lines[2 * i + 1]});
            run_bounds.push_back(b);
        }
        glBindVertexArray(0);
        buffer.data(lines.size() * sizeof(float), lines.data());
        vao.bind();
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
        glBindVertexArray(0);
        glBindBuffer(GL_ARRAY_BUFFER, 0);
    }
};

// One level of detail on the GPU: whatever units of it have been uploaded.
struct Level {
    double tolerance = 0;
    bool planned_complete = false;  // the plan prepares this level whole
    bool complete = false;          // every unit is resident
    gl::VertexArray vao;
    GrowBuffer positions, ids, triangles, segments;
    size_t vertices = 0, triangle_indices = 0, segment_indices = 0;
    // Per unit, valid where resident: index ranges [first, end) into triangles and segments.
    std::vector<uint32_t> tri_first, tri_end, seg_first, seg_end;
    std::vector<uint8_t> resident, tiny;
    size_t resident_units = 0, tiny_units = 0;
    // Simplified shapes of a complete level (district outlines are dissolved from them).
    std::shared_ptr<const geo::MapGeometry> geometry;
    std::unique_ptr<LineSet> district;  // built for the current outlines when first drawn
    uint64_t last_used = 0;
    Ranges fill, outline, selected, tiny_fill;  // this frame

    void reset_units(size_t units) {
        tri_first.assign(units, 0);
        tri_end.assign(units, 0);
        seg_first.assign(units, 0);
        seg_end.assign(units, 0);
        resident.assign(units, 0);
        tiny.assign(units, 0);
        resident_units = tiny_units = 0;
    }
    void clear() {
        positions.release();
        ids.release();
        triangles.release();
        segments.release();
        vertices = triangle_indices = segment_indices = 0;
        std::fill(resident.begin(), resident.end(), 0);
        std::fill(tiny.begin(), tiny.end(), 0);
        resident_units = tiny_units = 0;
        complete = false;
        geometry.reset();
        district.reset();
    }
    size_t bytes() const {
        return positions.capacity() + ids.capacity() + triangles.capacity() + segments.capacity() +
               (district ? district->vertices * 2 * sizeof(float) : 0);
    }
};

enum class OutlineSource { None, Lines, Groups };

}  // namespace

struct MapRenderer::Impl {
    gl::Program fill, thin_line, wide_unit_line, wide_plain_line;
    ViewUniforms fill_view;
    GLint hatch_colour = -1, hatch_period = -1, hatch_width = -1, highlight = -1;
    LineUniforms thin, wide_unit, wide_plain;
    gl::Texture unit_table;

    // The map.
    std::shared_ptr<const geo::MapGeometry> geometry;  // null when uploaded from a mesh
    std::shared_ptr<const geo::LodPlan> plan;
    size_t units = 0;
    bool narrow_ids = true;  // unit ids as 16 bits
    std::vector<std::unique_ptr<Level>> levels;
    uint64_t frame = 0;

    // District outlines.
    OutlineSource outline_source = OutlineSource::None;
    std::vector<geo::Ring> outline_lines;
    bool outline_closed = true;
    std::vector<std::string> outline_groups;
    std::shared_ptr<const std::vector<geo::Ring>> full_outline;  // groups dissolved at full detail
    size_t outline_segments_given = 0;

    // Background preparation.
    std::future<geo::LevelBatch> job;
    std::future<std::vector<geo::Ring>> outline_job;
    // Jobs for a map that was replaced: left to finish on their own (they hold their own
    // references to that map's geometry), so loading new data never waits for them.
    std::vector<std::future<geo::LevelBatch>> abandoned_jobs;
    std::vector<std::future<std::vector<geo::Ring>>> abandoned_outline_jobs;
    bool lacking = false;  // the last draw() lacked geometry
    bool background_failed = false;  // a level could not be prepared: stop trying

    std::vector<Rgb> colours;
    std::vector<uint8_t> flags;
    bool table_dirty = true;
    int table_rows = 0;  // rows of the allocated texture
    std::vector<uint8_t> table;

    MapStyle style;
    MapLodSettings lod;
    MapRendererStats last;  // per-draw figures of the last draw()

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
        plan = std::make_shared<const geo::LodPlan>();
        gl::check("creating the map renderer");
    }

    ~Impl() { wait_for_jobs(); }

    void wait_for_jobs() {
        if (job.valid()) job.wait();
        if (outline_job.valid()) outline_job.wait();
        job = {};
        outline_job = {};
        abandoned_jobs.clear();  // a std::async future waits for its job when destroyed
        abandoned_outline_jobs.clear();
    }

    void abandon_jobs() {
        if (job.valid()) abandoned_jobs.push_back(std::move(job));
        if (outline_job.valid()) abandoned_outline_jobs.push_back(std::move(outline_job));
        job = {};
        outline_job = {};
    }

    // Drops abandoned jobs that have finished (their results, or errors, are of no use).
    void reap_abandoned() {
        auto done = [](auto& f) { return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready; };
        abandoned_jobs.erase(std::remove_if(abandoned_jobs.begin(), abandoned_jobs.end(), done), abandoned_jobs.end());
        abandoned_outline_jobs.erase(
            std::remove_if(abandoned_outline_jobs.begin(), abandoned_outline_jobs.end(), done),
            abandoned_outline_jobs.end());
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

    // --- the map and its levels --------------------------------------------------------------

    void reset_map(std::shared_ptr<const geo::MapGeometry> g, std::shared_ptr<const geo::LodPlan> p) {
        abandon_jobs();
        lacking = background_failed = false;
        geometry = std::move(g);
        plan = std::move(p);
        units = plan->unit_count();
        narrow_ids = units <= size_t(std::numeric_limits<uint16_t>::max()) + 1;
        levels.clear();
        for (size_t k = 0; k < plan->level_count(); ++k) {
            auto level = std::make_unique<Level>();
            level->tolerance = plan->tolerance[k];
            level->planned_complete = plan->complete[k] != 0;
            level->reset_units(units);
            levels.push_back(std::move(level));
        }
        full_outline.reset();
        colours.clear();
        flags.clear();
        table_dirty = true;
        last = MapRendererStats{};
    }

    void bind_attributes(Level& level) {
        level.vao.bind();
        glBindBuffer(GL_ARRAY_BUFFER, level.positions.id());
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
        glBindBuffer(GL_ARRAY_BUFFER, level.ids.id());
        glEnableVertexAttribArray(1);
        glVertexAttribIPointer(1, 1, narrow_ids ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT, 0, nullptr);
        glBindVertexArray(0);
        glBindBuffer(GL_ARRAY_BUFFER, 0);
    }

    // Appends the units `which` (ascending) of `mesh` to level `k`.
    void append(size_t k, const geo::MapMesh& mesh, const std::vector<uint32_t>& which,
                const std::vector<uint32_t>& tiny_units, bool complete,
                std::shared_ptr<const geo::MapGeometry> simplified) {
        const size_t n = mesh.unit_count();
        if (n != units || mesh.vertex_first.size() != n + 1 || mesh.segment_first.size() != n + 1 ||
            mesh.unit.size() != mesh.vertex_count() || mesh.triangles.size() % 3 != 0 ||
            mesh.segments.size() % 2 != 0 ||
            (n > 0 && (mesh.vertex_first.back() != mesh.vertex_count() ||
                       mesh.triangle_first.back() != mesh.triangles.size() ||
                       mesh.segment_first.back() != mesh.segments.size())))
            throw Error("inconsistent map mesh: per-unit ranges do not match the vertex and index arrays");
        if (k >= levels.size()) throw Error("map geometry for a level the renderer does not have");
        if (mesh.vertex_count() > 0 && (mesh.origin.x != plan->origin.x || mesh.origin.y != plan->origin.y))
            throw Error("map geometry prepared for another plan (its origin differs)");
        Level& level = *levels[k];
        const size_t base = level.vertices;
        if (base + mesh.vertex_count() >= std::numeric_limits<uint32_t>::max())
            throw Error("map level too large: more than 4 294 967 295 vertices");

        glBindVertexArray(0);
        bool rebind = level.positions.append(mesh.xy.data(), mesh.xy.size() * sizeof(float));
        if (narrow_ids) {
            const std::vector<uint16_t> ids(mesh.unit.begin(), mesh.unit.end());
            rebind |= level.ids.append(ids.data(), ids.size() * sizeof(uint16_t));
        } else {
            rebind |= level.ids.append(mesh.unit.data(), mesh.unit.size() * sizeof(uint32_t));
        }
        const uint32_t b = uint32_t(base);
        auto shifted = [b](const std::vector<uint32_t>& v) {
            std::vector<uint32_t> out(v);
            if (b)
                for (uint32_t& i : out) i += b;
            return out;
        };
        level.triangles.append(shifted(mesh.triangles).data(), mesh.triangles.size() * sizeof(uint32_t));
        level.segments.append(shifted(mesh.segments).data(), mesh.segments.size() * sizeof(uint32_t));
        if (rebind) bind_attributes(level);

        const uint32_t t0 = uint32_t(level.triangle_indices), s0 = uint32_t(level.segment_indices);
        for (uint32_t u : which) {
            if (u >= units) continue;
            level.tri_first[u] = t0 + mesh.triangle_first[u];
            level.tri_end[u] = t0 + mesh.triangle_first[u + 1];
            level.seg_first[u] = s0 + mesh.segment_first[u];
            level.seg_end[u] = s0 + mesh.segment_first[u + 1];
            if (!level.resident[u]) ++level.resident_units;
            level.resident[u] = 1;
            if (level.tiny[u]) --level.tiny_units;
            level.tiny[u] = 0;
        }
        for (uint32_t u : tiny_units)
            if (u < units && !level.tiny[u]) {
                level.tiny[u] = 1;
                ++level.tiny_units;
            }
        level.vertices += mesh.vertex_count();
        level.triangle_indices += mesh.triangles.size();
        level.segment_indices += mesh.segments.size();
        level.complete = complete || level.resident_units == units;
        if (simplified && complete) level.geometry = std::move(simplified);
        if (level.complete) level.district.reset();  // dissolve again from the level's own shapes
        gl::check("uploading the map geometry");
    }

    void add_batch(geo::LevelBatch batch) {
        std::shared_ptr<const geo::MapGeometry> simplified;
        if (batch.complete && !batch.geometry.shapes.empty())
            simplified = std::make_shared<const geo::MapGeometry>(std::move(batch.geometry));
        append(batch.level, batch.mesh, batch.units, batch.tiny, batch.complete, std::move(simplified));
    }

    size_t choose_level(const Camera& camera) const {
        if (levels.size() <= 1) return 0;
        return plan->level_for(camera.metres_per_pixel, lod.pixel_tolerance > 0 ? lod.pixel_tolerance : 1.0);
    }

    // Units whose bounds meet `view` grown by `pad` and that are not hidden.
    void visible_units(const geo::Bounds& view, double pad, std::vector<uint32_t>& out) const {
        out.clear();
        for (size_t u = 0; u < units; ++u) {
            const geo::Bounds& b = plan->unit_bounds[u];
            if (b.empty() || b.min_x > view.max_x + pad || b.max_x < view.min_x - pad ||
                b.min_y > view.max_y + pad || b.max_y < view.min_y - pad)
                continue;
            if (u < flags.size() && (flags[u] & kUnitHidden)) continue;
            out.push_back(uint32_t(u));
        }
    }

    // What level k lacks for `visible`: every unit when the plan prepares it whole.
    std::vector<uint32_t> lacking_units(size_t k, const std::vector<uint32_t>& visible) const {
        const Level& level = *levels[k];
        if (level.complete || !geometry) return {};
        if (level.planned_complete) {
            std::vector<uint32_t> all(units);
            for (size_t u = 0; u < units; ++u) all[u] = uint32_t(u);
            return all;
        }
        std::vector<uint32_t> out;
        for (uint32_t u : visible)
            if (!level.resident[u]) out.push_back(u);
        return out;
    }

    // Drops levels not drawn lately while over budget; never `keep` or the coarsest complete
    // level (the fallback of Background mode).
    void enforce_budget(size_t keep) {
        size_t total = 0;
        for (const auto& l : levels) total += l->bytes();
        size_t fallback = levels.size();
        for (size_t k = levels.size(); k-- > 0;)
            if (levels[k]->complete) {
                fallback = k;
                break;
            }
        while (total > lod.gpu_budget_bytes) {
            size_t victim = levels.size();
            for (size_t k = 0; k < levels.size(); ++k) {
                if (k == keep || k == fallback || levels[k]->bytes() == 0) continue;
                if (victim == levels.size() || levels[k]->last_used < levels[victim]->last_used) victim = k;
            }
            if (victim == levels.size()) break;
            total -= levels[victim]->bytes();
            levels[victim]->clear();
        }
        // A partial level that alone outgrew the budget starts again from what is visible.
        Level& current = *levels[keep];
        if (total > lod.gpu_budget_bytes && !current.planned_complete && keep != fallback) current.clear();
    }

    // Prepares on this thread what level k lacks for `visible`.
    void prepare_now(size_t k, const std::vector<uint32_t>& visible) {
        enforce_budget(k);
        const std::vector<uint32_t> need = lacking_units(k, visible);
        if (need.empty()) return;
        add_batch(geo::prepare_level(*geometry, *plan, k, levels[k]->planned_complete ? std::vector<uint32_t>{} : need,
                                     lod.threads));
    }

    // Background mode: takes finished work, starts new work for what level k lacks.
    void poll_background(size_t k, const std::vector<uint32_t>& visible) {
        reap_abandoned();
        if (job.valid() && job.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
            geo::LevelBatch batch;
            try {
                batch = job.get();
            } catch (...) {
                // Said once (the caller reports it); the map keeps drawing from what it has.
                background_failed = true;
                throw;
            }
            if (batch.level < levels.size()) {
                enforce_budget(batch.level);
                add_batch(std::move(batch));
            }
        }
        if (background_failed) {
            lacking = false;
            return;
        }
        std::vector<uint32_t> need = lacking_units(k, visible);
        lacking = !need.empty();
        if (need.empty() || job.valid()) return;
        if (levels[k]->planned_complete) need.clear();
        job = std::async(std::launch::async,
                         [g = geometry, p = plan, k, need = std::move(need), threads = lod.threads]() {
                             return geo::prepare_level(*g, *p, k, need, threads);
                         });
    }

    // --- district outlines ----------------------------------------------------------------

    void invalidate_outlines() {
        for (auto& l : levels) l->district.reset();
    }

    // The polylines to draw at level k, or nullptr while they are being computed (Background).
    bool outline_polylines(size_t k, std::vector<geo::Ring>& lines, bool& closed) {
        Level& level = *levels[k];
        const bool snap = level.tolerance > 0;
        const geo::SnapGrid grid = plan->grid(k);
        if (outline_source == OutlineSource::Lines) {
            closed = outline_closed;
            lines = snap ? geo::snap_lines(outline_lines, grid, outline_closed) : outline_lines;
            return true;
        }
        closed = false;
        if (level.geometry) {
            lines = geo::district_outlines(*level.geometry, outline_groups);
            return true;
        }
        if (!geometry) {
            lines.clear();
            return true;
        }
        if (!full_outline) {
            if (lod.preparation == Preparation::Background) {
                if (!outline_job.valid())
                    outline_job = std::async(std::launch::async, [g = geometry, groups = outline_groups]() {
                        return geo::district_outlines(*g, groups);
                    });
                if (outline_job.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
                    lacking = true;
                    return false;
                }
                try {
                    full_outline = std::make_shared<const std::vector<geo::Ring>>(outline_job.get());
                } catch (...) {
                    full_outline = std::make_shared<const std::vector<geo::Ring>>();  // none, said once
                    throw;
                }
            } else {
                full_outline = std::make_shared<const std::vector<geo::Ring>>(
                    geo::district_outlines(*geometry, outline_groups));
            }
        }
        lines = snap ? geo::snap_lines(*full_outline, grid, false) : *full_outline;
        return true;
    }

    LineSet* district_lines(size_t k) {
        if (outline_source == OutlineSource::None) return nullptr;
        Level& level = *levels[k];
        if (!level.district) {
            std::vector<geo::Ring> lines;
            bool closed = false;
            if (!outline_polylines(k, lines, closed)) return nullptr;
            geo::Vec2 origin = plan->origin;
            if (units == 0) {
                geo::Bounds b;
                for (const geo::Ring& r : lines)
                    for (geo::Vec2 p : r) b.add(p);
                origin = b.empty() ? geo::Vec2{} : b.center();
            }
            level.district = std::make_unique<LineSet>();
            level.district->origin = origin;
            level.district->set(geo::ring_segments(lines, origin, closed));
            gl::check("uploading district outlines");
        }
        return level.district.get();
    }

    // --- drawing -----------------------------------------------------------------------------

    void set_view(const ViewUniforms& u, const Camera& camera, geo::Vec2 relative_to, int w, int h) {
        // The subtraction happens in double so that only small offsets reach float.
        glUniform2f(u.center, float(camera.center.x - relative_to.x), float(camera.center.y - relative_to.y));
        glUniform2f(u.scale, float(2.0 / (w * camera.metres_per_pixel)), float(2.0 / (h * camera.metres_per_pixel)));
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

void MapRenderer::upload(std::shared_ptr<const geo::MapGeometry> geometry, geo::MapLevels levels, int threads) {
    Impl& m = *impl_;
    if (!geometry) geometry = std::make_shared<const geo::MapGeometry>();
    if (levels.plan.empty()) {
        levels.plan = geo::plan_levels(*geometry, m.lod.levels);
    } else if (levels.plan.unit_count() != geometry->shapes.size()) {
        throw Error("map levels were planned for " + std::to_string(levels.plan.unit_count()) +
                    " units, the geometry has " + std::to_string(geometry->shapes.size()));
    }
    m.lod.threads = std::max(1, threads);
    m.reset_map(std::move(geometry), std::make_shared<const geo::LodPlan>(std::move(levels.plan)));
    for (geo::LevelBatch& batch : levels.batches) m.add_batch(std::move(batch));
}

void MapRenderer::upload(const geo::MapGeometry& geometry, int threads) {
    upload(std::make_shared<const geo::MapGeometry>(geometry), {}, threads);
}

void MapRenderer::upload(geo::MapGeometry&& geometry, int threads) {
    upload(std::make_shared<const geo::MapGeometry>(std::move(geometry)), {}, threads);
}

void MapRenderer::upload(const geo::MapMesh& mesh) {
    Impl& m = *impl_;
    auto plan = std::make_shared<geo::LodPlan>();
    const size_t n = mesh.unit_count();
    plan->origin = mesh.origin;
    plan->bounds = mesh.bounds;
    plan->unit_bounds.resize(n);
    plan->unit_vertices.resize(n);
    if (mesh.vertex_first.size() == n + 1 && mesh.vertex_first.back() == mesh.vertex_count())
        for (size_t u = 0; u < n; ++u) {
            for (uint32_t v = mesh.vertex_first[u]; v < mesh.vertex_first[u + 1]; ++v)
                plan->unit_bounds[u].add(geo::Vec2{mesh.origin.x + mesh.xy[2 * size_t(v)],
                                          mesh.origin.y + mesh.xy[2 * size_t(v) + 1]});
            plan->unit_vertices[u] = mesh.vertex_first[u + 1] - mesh.vertex_first[u];
        }
    plan->source_vertices = mesh.vertex_count();
    plan->tolerance = {0};
    plan->estimate = {mesh.vertex_count()};
    plan->complete = {1};
    m.reset_map(nullptr, std::move(plan));
    std::vector<uint32_t> all(n);
    for (size_t u = 0; u < n; ++u) all[u] = uint32_t(u);
    m.append(0, mesh, all, {}, true, nullptr);
}

void MapRenderer::add_batch(geo::LevelBatch batch) { impl_->add_batch(std::move(batch)); }

void MapRenderer::set_lod_settings(const MapLodSettings& settings) {
    impl_->lod = settings;
    impl_->lod.threads = std::max(1, settings.threads);
}
const MapLodSettings& MapRenderer::lod_settings() const { return impl_->lod; }
const geo::LodPlan& MapRenderer::lod_plan() const { return *impl_->plan; }
size_t MapRenderer::level_for(const Camera& camera) const { return impl_->choose_level(camera); }

bool MapRenderer::preparing() const {
    const Impl& m = *impl_;
    return m.lacking || m.job.valid() || m.outline_job.valid();
}

void MapRenderer::prepare(const Camera& camera, int w, int h) {
    Impl& m = *impl_;
    if (w <= 0 || h <= 0 || !(camera.metres_per_pixel > 0) || m.levels.empty()) return;
    const size_t k = m.choose_level(camera);
    std::vector<uint32_t> visible;
    m.visible_units(camera.visible(w, h), m.levels[k]->tolerance + 8 * camera.metres_per_pixel, visible);
    if (m.geometry) m.prepare_now(k, visible);
    m.levels[k]->last_used = ++m.frame;
    if (m.outline_source != OutlineSource::None) {
        const Preparation mode = m.lod.preparation;
        m.lod.preparation = Preparation::OnDraw;  // outlines too, on this thread
        m.district_lines(k);
        m.lod.preparation = mode;
    }
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
    m.outline_source = rings.empty() ? OutlineSource::None : OutlineSource::Lines;
    m.outline_lines = rings;
    m.outline_closed = closed;
    m.outline_groups.clear();
    m.full_outline.reset();
    m.outline_segments_given = geo::ring_segments(rings, {}, closed).size() / 4;
    m.invalidate_outlines();
}

void MapRenderer::set_district_groups(const std::vector<std::string>& groups) {
    Impl& m = *impl_;
    if (m.outline_job.valid()) m.outline_job.wait();
    m.outline_job = {};
    m.outline_source = groups.empty() ? OutlineSource::None : OutlineSource::Groups;
    m.outline_lines.clear();
    m.outline_groups = groups;
    m.full_outline.reset();
    m.outline_segments_given = 0;
    m.invalidate_outlines();
}

void MapRenderer::set_style(const MapStyle& style) { impl_->style = style; }
const MapStyle& MapRenderer::style() const { return impl_->style; }
size_t MapRenderer::unit_count() const { return impl_->units; }
const geo::Bounds& MapRenderer::bounds() const { return impl_->plan->bounds; }

MapRendererStats MapRenderer::stats() const {
    const Impl& m = *impl_;
    MapRendererStats s = m.last;
    s.units = m.units;
    s.vertices = s.triangles = s.outline_segments = s.gpu_bytes = 0;
    for (const auto& l : m.levels) {
        s.vertices += l->vertices;
        s.triangles += l->triangle_indices / 3;
        s.outline_segments += l->segment_indices / 2;
        s.gpu_bytes += l->bytes();
    }
    s.levels = m.levels.size();
    if (m.frame == 0) s.district_segments = m.outline_segments_given;
    return s;
}

void MapRenderer::draw(const Camera& camera, int w, int h) {
    Impl& m = *impl_;
    const MapStyle& st = m.style;
    if (w <= 0 || h <= 0 || !(camera.metres_per_pixel > 0)) return;
    const auto t_start = std::chrono::steady_clock::now();
    ++m.frame;

    // Which level, which units. Units outside the view (with room for the widest line and the
    // level's snapping) or hidden are not drawn at all: on llvmpipe every triangle costs, even
    // one the clipper throws away.
    const float scale = st.pixel_scale > 0 ? st.pixel_scale : 1.0f;
    const float outline_width = st.outline_width_px * scale;
    const float widest = std::max({outline_width, st.selection_width_px * scale, 1.0f});
    const size_t k = m.levels.empty() ? 0 : m.choose_level(camera);
    std::vector<uint32_t> visible;
    if (!m.levels.empty()) {
        const double pad = (widest + 2.0) * camera.metres_per_pixel + m.levels[k]->tolerance;
        m.visible_units(camera.visible(w, h), pad, visible);
        if (m.geometry) {
            if (m.lod.preparation == Preparation::OnDraw)
                m.prepare_now(k, visible);
            else
                m.poll_background(k, visible);
        }
        m.levels[k]->last_used = m.frame;
    }
    LineSet* district = m.levels.empty() || !(st.district_width_px > 0) ? nullptr : m.district_lines(k);
    m.last.prepare_ms = ms_since(t_start);
    if (m.table_dirty) m.upload_table();

    // Per unit: level k when it has the unit, else the nearest coarser level that does, else the
    // nearest finer one (only Background mode ever lacks units).
    for (auto& l : m.levels) {
        l->fill.clear();
        l->outline.clear();
        l->selected.clear();
        l->tiny_fill.clear();
    }
    size_t drawn = 0, fallback = 0;
    for (uint32_t u : visible) {
        Level* level = nullptr;
        if (m.levels[k]->resident[u]) {
            level = m.levels[k].get();
        } else {
            for (size_t j = k + 1; j < m.levels.size() && !level; ++j)
                if (m.levels[j]->resident[u]) level = m.levels[j].get();
            for (size_t j = k; j-- > 0 && !level;)
                if (m.levels[j]->resident[u]) level = m.levels[j].get();
            if (!level) continue;
            ++fallback;
            level->last_used = m.frame;
        }
        ++drawn;
        level->fill.add(level->tri_first[u], level->tri_end[u]);
        level->outline.add(level->seg_first[u], level->seg_end[u]);
        if (level->tiny[u]) level->tiny_fill.add(level->tri_first[u], level->tri_end[u]);
        if (u < m.flags.size() && (m.flags[u] & kUnitSelected))
            level->selected.add(level->seg_first[u], level->seg_end[u]);
    }

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
        glClearColor(st.background.r / 255.0f, st.background.g / 255.0f, st.background.b / 255.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        glDisable(GL_SCISSOR_TEST);
    }

    glActiveTexture(GL_TEXTURE0);
    m.unit_table.bind(GL_TEXTURE_2D);
    // Coarser levels first, so finer geometry (the level asked for) lies on top where they meet.
    auto each_level = [&](auto&& body) {
        for (size_t j = m.levels.size(); j-- > 0;) body(*m.levels[j]);
    };
    size_t triangles = 0;
    if (drawn > 0) {
        m.fill.use();
        m.set_view(m.fill_view, camera, m.plan->origin, w, h);
        set_colour(m.hatch_colour, st.hatch, st.hatch_opacity);
        glUniform1f(m.hatch_period, std::max(1.0f, st.hatch_period_px * scale));
        glUniform1f(m.hatch_width, st.hatch_width_px * scale);
        set_colour(m.highlight, st.highlight, st.highlight_amount);
        each_level([&](Level& l) {
            if (l.fill.total == 0) return;
            l.vao.bind();
            glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, l.triangles.id());
            l.fill.draw(GL_TRIANGLES);
            triangles += l.fill.total / 3;
        });
        // Units smaller than their level's cells are boxes that overlap their neighbours: on top.
        each_level([&](Level& l) {
            if (l.tiny_fill.total == 0) return;
            l.vao.bind();
            glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, l.triangles.id());
            l.tiny_fill.draw(GL_TRIANGLES);
        });
    }

    if (st.draw_outlines && outline_width > 0 && drawn > 0) {
        if (outline_width <= 1.01f) {
            // Core-profile lines of width 1: the cheapest outline there is.
            m.thin_line.use();
            m.set_view(m.thin.view, camera, m.plan->origin, w, h);
            m.set_line(m.thin, st.outline, 1.0f, w, h);
        } else {
            m.wide_unit_line.use();
            m.set_view(m.wide_unit.view, camera, m.plan->origin, w, h);
            m.set_line(m.wide_unit, st.outline, outline_width, w, h);
        }
        each_level([&](Level& l) {
            if (l.outline.total == 0) return;
            l.vao.bind();
            glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, l.segments.id());
            l.outline.draw(GL_LINES);
        });
    }

    m.last.district_segments = district ? district->vertices / 2 : 0;
    if (district && district->vertices > 0) {
        m.wide_plain_line.use();
        m.set_view(m.wide_plain.view, camera, district->origin, w, h);
        m.set_line(m.wide_plain, st.district_outline, st.district_width_px * scale, w, h);
        district->vao.bind();
        geo::Bounds view = camera.visible(w, h);
        const double pad = st.district_width_px * scale * camera.metres_per_pixel;  // half a line is enough
        view = {view.min_x - district->origin.x - pad, view.min_y - district->origin.y - pad,
                view.max_x - district->origin.x + pad, view.max_y - district->origin.y + pad};
        district->first.clear();
        district->count.clear();
        for (size_t r = 0; r < district->run_bounds.size(); ++r) {
            const geo::Bounds& b = district->run_bounds[r];
            if (b.max_x < view.min_x || b.min_x > view.max_x || b.max_y < view.min_y || b.min_y > view.max_y)
                continue;
            const size_t v0 = r * LineSet::kRunVertices;
            district->first.push_back(GLint(v0));
            district->count.push_back(GLsizei(std::min(LineSet::kRunVertices, district->vertices - v0)));
        }
        if (!district->first.empty())
            glMultiDrawArrays(GL_LINES, district->first.data(), district->count.data(),
                              GLsizei(district->first.size()));
    }

    if (st.selection_width_px > 0) {
        bool first = true;
        each_level([&](Level& l) {
            if (l.selected.total == 0) return;
            if (first) {
                m.wide_unit_line.use();
                m.set_view(m.wide_unit.view, camera, m.plan->origin, w, h);
                m.set_line(m.wide_unit, st.selection, st.selection_width_px * scale, w, h);
                first = false;
            }
            l.vao.bind();
            glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, l.segments.id());
            l.selected.draw(GL_LINES);
        });
    }

    glBindVertexArray(0);
    glUseProgram(0);
    glBindTexture(GL_TEXTURE_2D, 0);

    m.last.level = k;
    m.last.level_tolerance = m.levels.empty() ? 0 : m.levels[k]->tolerance;
    m.last.drawn_units = drawn;
    m.last.drawn_triangles = triangles;
    m.last.fallback_units = fallback;
}

}  // namespace ntm::render
