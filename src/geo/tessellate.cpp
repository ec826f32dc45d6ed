#include "geo/tessellate.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <exception>
#include <limits>
#include <string>
#include <thread>

#include "core/error.h"
#include "geo/ear_clip.h"

namespace ntm::geo {
namespace {

// Where the triangulation goes.
struct Sink {
    std::vector<float>* xy = nullptr;
    std::vector<uint32_t>* unit = nullptr;  // optional per-vertex unit index
    std::vector<uint32_t>* triangles = nullptr;
    uint32_t current_unit = 0;
    std::vector<double> part_xy;  // scratch: one part's vertices, as drawn
    std::vector<std::pair<uint32_t, uint32_t>> rings;
};

uint32_t add_vertex(Sink& sink, float x, float y) {
    const size_t index = sink.xy->size() / 2;
    if (index >= std::numeric_limits<uint32_t>::max())
        throw Error("map geometry too large: more than 4 294 967 295 mesh vertices");
    sink.xy->push_back(x);
    sink.xy->push_back(y);
    if (sink.unit) sink.unit->push_back(sink.current_unit);
    return static_cast<uint32_t>(index);
}

// Number of vertices of `ring` worth drawing: a closing duplicate is ignored, and rings of
// fewer than three vertices are dropped.
size_t usable_size(const Ring& ring) {
    size_t n = ring.size();
    if (n >= 2 && ring.front().x == ring.back().x && ring.front().y == ring.back().y) --n;
    return n >= 3 ? n : 0;
}

// Tessellates `shape` into `sink`; appends its ring segments to `segments` when given.
void tessellate_into(const MultiPolygon& shape, Vec2 origin, Sink& sink, std::vector<uint32_t>* segments) {
    for (const Polygon& part : shape.parts) {
        if (usable_size(part.outer) == 0) continue;
        sink.part_xy.clear();
        sink.rings.clear();
        const uint32_t base = static_cast<uint32_t>(sink.xy->size() / 2);
        auto contour = [&](const Ring& ring) {
            const size_t n = usable_size(ring);
            if (n == 0) return;
            const uint32_t first = static_cast<uint32_t>(sink.part_xy.size() / 2);
            for (size_t i = 0; i < n; ++i) {
                // The triangulation sees exactly the float coordinates that will be drawn.
                const float x = static_cast<float>(ring[i].x - origin.x);
                const float y = static_cast<float>(ring[i].y - origin.y);
                add_vertex(sink, x, y);
                sink.part_xy.push_back(x);
                sink.part_xy.push_back(y);
            }
            sink.rings.emplace_back(first, first + static_cast<uint32_t>(n));
            if (segments) {
                for (uint32_t i = 0; i < n; ++i) {
                    segments->push_back(base + first + i);
                    segments->push_back(base + first + (i + 1 == n ? 0 : i + 1));
                }
            }
        };
        contour(part.outer);
        for (const Ring& hole : part.holes) contour(hole);
        ear_clip(sink.part_xy, sink.rings, base, *sink.triangles);
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

void run_chunk(const MapGeometry& geometry, Vec2 origin,
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
            tessellate_into(geometry.shapes[u], origin, sink, &chunk.segments);
        } catch (const Error& e) {
            throw Error("cannot tessellate unit " + std::to_string(u) + ": " + e.what());
        }
    }
}

}  // namespace

Mesh tessellate(const MultiPolygon& shape, Vec2 origin) {
    Mesh mesh;
    Sink sink;
    sink.xy = &mesh.xy;
    sink.triangles = &mesh.indices;
    tessellate_into(shape, origin, sink, nullptr);
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
        for (size_t i; (i = next.fetch_add(1)) < chunks.size();) {
            try {
                run_chunk(geometry, mesh.origin, include, chunks[i]);
            } catch (...) {
                chunks[i].error = std::current_exception();
            }
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
