#include "geo/tessellate.h"

#include <GL/glu.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <exception>
#include <limits>
#include <string>
#include <thread>

#include "core/error.h"

namespace ntm::geo {
namespace {

// Where the tessellator's output goes. Vertex data handed to GLU is (vertex index + 1) cast to a
// pointer: GLU treats a null combine result as "no vertex made", so index 0 must not be null.
struct Sink {
    std::vector<float>* xy = nullptr;
    std::vector<uint32_t>* unit = nullptr;  // optional per-vertex unit index
    std::vector<uint32_t>* triangles = nullptr;
    uint32_t current_unit = 0;

    GLenum mode = GL_TRIANGLES;
    std::vector<uint32_t> primitive;  // vertices of the current begin/end primitive
    GLenum error = 0;
};

void* encode(size_t index) { return reinterpret_cast<void*>(static_cast<uintptr_t>(index) + 1); }
uint32_t decode(void* data) { return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(data) - 1); }

uint32_t add_vertex(Sink& sink, float x, float y) {
    const size_t index = sink.xy->size() / 2;
    if (index >= std::numeric_limits<uint32_t>::max())
        throw Error("map geometry too large: more than 4 294 967 295 mesh vertices");
    sink.xy->push_back(x);
    sink.xy->push_back(y);
    if (sink.unit) sink.unit->push_back(sink.current_unit);
    return static_cast<uint32_t>(index);
}

extern "C" {

static void GLAPIENTRY on_begin(GLenum type, void* user) {
    Sink& sink = *static_cast<Sink*>(user);
    sink.mode = type;
    sink.primitive.clear();
}

static void GLAPIENTRY on_vertex(void* vertex, void* user) {
    static_cast<Sink*>(user)->primitive.push_back(decode(vertex));
}

static void GLAPIENTRY on_end(void* user) {
    Sink& sink = *static_cast<Sink*>(user);
    const std::vector<uint32_t>& p = sink.primitive;
    std::vector<uint32_t>& out = *sink.triangles;
    // With an edge-flag callback installed GLU emits only GL_TRIANGLES; fans and strips are
    // handled anyway in case an implementation differs.
    if (sink.mode == GL_TRIANGLES) {
        out.insert(out.end(), p.begin(), p.end() - static_cast<std::ptrdiff_t>(p.size() % 3));
    } else if (sink.mode == GL_TRIANGLE_FAN) {
        for (size_t i = 2; i < p.size(); ++i) out.insert(out.end(), {p[0], p[i - 1], p[i]});
    } else if (sink.mode == GL_TRIANGLE_STRIP) {
        for (size_t i = 2; i < p.size(); ++i) {
            if (i % 2 == 0)
                out.insert(out.end(), {p[i - 2], p[i - 1], p[i]});
            else
                out.insert(out.end(), {p[i - 1], p[i - 2], p[i]});
        }
    }
    sink.primitive.clear();
}

static void GLAPIENTRY on_edge_flag(GLboolean, void*) {}

static void GLAPIENTRY on_combine(GLdouble coords[3], void* /*data*/[4], GLfloat /*weight*/[4],
                                  void** out, void* user) {
    Sink& sink = *static_cast<Sink*>(user);
    try {
        *out = encode(add_vertex(sink, static_cast<float>(coords[0]),
                                 static_cast<float>(coords[1])));
    } catch (...) {
        // Exceptions must not cross GLU's C frames; leaving *out null makes GLU report
        // GLU_TESS_NEED_COMBINE_CALLBACK, which the caller turns into an error.
        sink.error = GLU_OUT_OF_MEMORY;
    }
}

static void GLAPIENTRY on_error(GLenum error, void* user) {
    Sink& sink = *static_cast<Sink*>(user);
    if (!sink.error) sink.error = error;
}

}  // extern "C"

// One GLU tessellator, configured for odd-winding triangulation in the z = 0 plane.
class Tessellator {
public:
    Tessellator() : tess_(gluNewTess()) {
        if (!tess_) throw Error("cannot create the GLU tessellator (out of memory)");
        gluTessProperty(tess_, GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
        gluTessNormal(tess_, 0, 0, 1);
        gluTessCallback(tess_, GLU_TESS_BEGIN_DATA, reinterpret_cast<_GLUfuncptr>(on_begin));
        gluTessCallback(tess_, GLU_TESS_VERTEX_DATA, reinterpret_cast<_GLUfuncptr>(on_vertex));
        gluTessCallback(tess_, GLU_TESS_END_DATA, reinterpret_cast<_GLUfuncptr>(on_end));
        gluTessCallback(tess_, GLU_TESS_EDGE_FLAG_DATA,
                        reinterpret_cast<_GLUfuncptr>(on_edge_flag));
        gluTessCallback(tess_, GLU_TESS_COMBINE_DATA, reinterpret_cast<_GLUfuncptr>(on_combine));
        gluTessCallback(tess_, GLU_TESS_ERROR_DATA, reinterpret_cast<_GLUfuncptr>(on_error));
    }
    ~Tessellator() { gluDeleteTess(tess_); }
    Tessellator(const Tessellator&) = delete;
    Tessellator& operator=(const Tessellator&) = delete;

    GLUtesselator* get() const { return tess_; }

private:
    GLUtesselator* tess_;
};

// Number of vertices of `ring` worth drawing: a closing duplicate is ignored, and rings of
// fewer than three vertices are dropped.
size_t usable_size(const Ring& ring) {
    size_t n = ring.size();
    if (n >= 2 && ring.front().x == ring.back().x && ring.front().y == ring.back().y) --n;
    return n >= 3 ? n : 0;
}

// Tessellates `shape` into `sink`; appends its ring segments to `segments` when given.
void tessellate_into(Tessellator& tessellator, const MultiPolygon& shape, Vec2 origin, Sink& sink,
                     std::vector<uint32_t>* segments) {
    GLUtesselator* tess = tessellator.get();
    std::vector<GLdouble> coords;
    for (const Polygon& part : shape.parts) {
        size_t total = usable_size(part.outer);
        if (total == 0) continue;
        for (const Ring& hole : part.holes) total += usable_size(hole);
        coords.assign(total * 3, 0.0);  // must outlive gluTessEndPolygon: no reallocation

        sink.error = 0;
        size_t c = 0;
        gluTessBeginPolygon(tess, &sink);
        auto contour = [&](const Ring& ring) {
            const size_t n = usable_size(ring);
            if (n == 0) return;
            const uint32_t first = static_cast<uint32_t>(sink.xy->size() / 2);
            gluTessBeginContour(tess);
            for (size_t i = 0; i < n; ++i) {
                // GLU sees exactly the float coordinates that will be drawn.
                const float x = static_cast<float>(ring[i].x - origin.x);
                const float y = static_cast<float>(ring[i].y - origin.y);
                const uint32_t index = add_vertex(sink, x, y);
                GLdouble* p = &coords[3 * c++];
                p[0] = x;
                p[1] = y;
                gluTessVertex(tess, p, encode(index));
            }
            gluTessEndContour(tess);
            if (segments) {
                for (uint32_t i = 0; i < n; ++i) {
                    segments->push_back(first + i);
                    segments->push_back(first + (i + 1 == n ? 0 : i + 1));
                }
            }
        };
        contour(part.outer);
        for (const Ring& hole : part.holes) contour(hole);
        gluTessEndPolygon(tess);
        if (sink.error) {
            const GLubyte* text = gluErrorString(sink.error);
            throw Error(std::string("GLU tessellator: ") +
                        (text ? reinterpret_cast<const char*>(text) : "error " +
                                                                          std::to_string(sink.error)));
        }
    }
}

// A contiguous range of units tessellated by one worker, with vertex indices local to it.
struct Chunk {
    size_t first_unit = 0, end_unit = 0;
    std::vector<float> xy;
    std::vector<uint32_t> unit, triangles, segments;
    std::vector<uint32_t> vertex_first, triangle_first, segment_first;  // per unit, local
    std::exception_ptr error;
};

void run_chunk(Tessellator& tessellator, const MapGeometry& geometry, Vec2 origin,
               const std::vector<uint8_t>& include, Chunk& chunk) {
    Sink sink;
    sink.xy = &chunk.xy;
    sink.unit = &chunk.unit;
    sink.triangles = &chunk.triangles;
    for (size_t u = chunk.first_unit; u < chunk.end_unit; ++u) {
        chunk.vertex_first.push_back(static_cast<uint32_t>(chunk.xy.size() / 2));
        chunk.triangle_first.push_back(static_cast<uint32_t>(chunk.triangles.size()));
        chunk.segment_first.push_back(static_cast<uint32_t>(chunk.segments.size()));
        sink.current_unit = static_cast<uint32_t>(u);
        if (!include.empty() && !include[u]) continue;
        try {
            tessellate_into(tessellator, geometry.shapes[u], origin, sink, &chunk.segments);
        } catch (const Error& e) {
            throw Error("cannot tessellate unit " + std::to_string(u) + ": " + e.what());
        }
    }
}

}  // namespace

Mesh tessellate(const MultiPolygon& shape, Vec2 origin) {
    Tessellator tessellator;
    Mesh mesh;
    Sink sink;
    sink.xy = &mesh.xy;
    sink.triangles = &mesh.indices;
    tessellate_into(tessellator, shape, origin, sink, nullptr);
    return mesh;
}

double mesh_area(const Mesh& mesh) {
    double total = 0;
    for (size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const float* a = &mesh.xy[2 * size_t(mesh.indices[t])];
        const float* b = &mesh.xy[2 * size_t(mesh.indices[t + 1])];
        const float* c = &mesh.xy[2 * size_t(mesh.indices[t + 2])];
        total += std::abs((double(b[0]) - a[0]) * (double(c[1]) - a[1]) -
                          (double(c[0]) - a[0]) * (double(b[1]) - a[1])) /
                 2;
    }
    return total;
}

MapMesh tessellate_map(const MapGeometry& geometry, int threads) {
    const Bounds bounds = geometry.bounds();
    return tessellate_map(geometry, bounds.empty() ? Vec2{} : bounds.center(), nullptr, threads);
}

MapMesh tessellate_map(const MapGeometry& geometry, Vec2 origin, const std::vector<uint32_t>* subset,
                       int threads) {
    MapMesh mesh;
    const size_t units = geometry.shapes.size();
    std::vector<uint8_t> include;  // empty: every unit
    if (subset) {
        include.assign(units, 0);
        for (uint32_t u : *subset)
            if (u < units) {
                include[u] = 1;
                mesh.bounds.add(geometry.shapes[u].bounds());
            }
    } else {
        mesh.bounds = geometry.bounds();
    }
    mesh.origin = origin;

    // Split the units into contiguous chunks of similar vertex counts; workers take chunks in
    // turn. More chunks than threads balances uneven units; the output order is fixed.
    std::vector<size_t> vertices(units);
    size_t total_vertices = 0;
    for (size_t u = 0; u < units; ++u)
        total_vertices += vertices[u] = include.empty() || include[u] ? geometry.shapes[u].vertex_count() : 0;
    threads = std::max(1, threads);
    const size_t target_chunks = threads == 1 ? 1 : size_t(threads) * 8;
    const size_t per_chunk = std::max<size_t>(1, total_vertices / target_chunks);
    std::vector<Chunk> chunks;
    for (size_t u = 0; u < units;) {
        Chunk chunk;
        chunk.first_unit = u;
        size_t n = 0;
        while (u < units && (n == 0 || n + vertices[u] <= per_chunk)) n += vertices[u++];
        chunk.end_unit = u;
        chunks.push_back(std::move(chunk));
    }

    std::atomic<size_t> next{0};
    auto worker = [&]() {
        try {
            Tessellator tessellator;
            for (size_t i; (i = next.fetch_add(1)) < chunks.size();) {
                try {
                    run_chunk(tessellator, geometry, mesh.origin, include, chunks[i]);
                } catch (...) {
                    chunks[i].error = std::current_exception();
                }
            }
        } catch (...) {
            // The tessellator could not be created: leave the chunks to the other workers,
            // or report below if no worker ran them.
        }
    };
    const size_t extra = std::min<size_t>(size_t(threads) - 1, chunks.empty() ? 0 : chunks.size() - 1);
    std::vector<std::thread> pool;
    for (size_t t = 0; t < extra; ++t) pool.emplace_back(worker);
    worker();
    for (std::thread& t : pool) t.join();

    size_t nv = 0, nt = 0, ns = 0;
    for (const Chunk& c : chunks) {
        if (c.error) std::rethrow_exception(c.error);
        if (c.triangle_first.size() != c.end_unit - c.first_unit)
            throw Error("cannot create the GLU tessellator (out of memory)");
        nv += c.xy.size();
        nt += c.triangles.size();
        ns += c.segments.size();
    }
    if (nv / 2 >= std::numeric_limits<uint32_t>::max())
        throw Error("map geometry too large: more than 4 294 967 295 mesh vertices");

    mesh.xy.reserve(nv);
    mesh.unit.reserve(nv / 2);
    mesh.triangles.reserve(nt);
    mesh.segments.reserve(ns);
    mesh.vertex_first.reserve(units + 1);
    mesh.triangle_first.reserve(units + 1);
    mesh.segment_first.reserve(units + 1);
    for (Chunk& c : chunks) {
        const uint32_t base = static_cast<uint32_t>(mesh.xy.size() / 2);
        const uint32_t tri_base = static_cast<uint32_t>(mesh.triangles.size());
        const uint32_t seg_base = static_cast<uint32_t>(mesh.segments.size());
        for (uint32_t f : c.vertex_first) mesh.vertex_first.push_back(base + f);
        for (uint32_t f : c.triangle_first) mesh.triangle_first.push_back(tri_base + f);
        for (uint32_t f : c.segment_first) mesh.segment_first.push_back(seg_base + f);
        mesh.xy.insert(mesh.xy.end(), c.xy.begin(), c.xy.end());
        mesh.unit.insert(mesh.unit.end(), c.unit.begin(), c.unit.end());
        for (uint32_t i : c.triangles) mesh.triangles.push_back(base + i);
        for (uint32_t i : c.segments) mesh.segments.push_back(base + i);
        c = Chunk{};  // release as we go
    }
    mesh.vertex_first.push_back(static_cast<uint32_t>(mesh.xy.size() / 2));
    mesh.triangle_first.push_back(static_cast<uint32_t>(mesh.triangles.size()));
    mesh.segment_first.push_back(static_cast<uint32_t>(mesh.segments.size()));
    return mesh;
}

std::vector<float> ring_segments(const std::vector<Ring>& rings, Vec2 origin, bool closed) {
    std::vector<float> out;
    for (const Ring& ring : rings) {
        size_t n = ring.size();
        if (closed && n >= 2 && ring.front().x == ring.back().x && ring.front().y == ring.back().y) --n;
        if (n < 2) continue;
        // A closed ring of n >= 3 points has n edges; a polyline (or two-point ring) n - 1.
        const size_t edges = closed && n >= 3 ? n : n - 1;
        for (size_t i = 0; i < edges; ++i) {
            const Vec2 a = ring[i], b = ring[(i + 1) % n];
            out.insert(out.end(), {static_cast<float>(a.x - origin.x), static_cast<float>(a.y - origin.y),
                                   static_cast<float>(b.x - origin.x), static_cast<float>(b.y - origin.y)});
        }
    }
    return out;
}

}  // namespace ntm::geo
