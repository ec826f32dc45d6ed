#include "geo/district_outlines.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <unordered_map>

#include "core/random.h"

namespace ntm::geo {
namespace {

size_t table_size(size_t entries) {
    size_t capacity = 16;
    while (capacity < entries + entries / 2) capacity *= 2;
    return capacity;
}

// Quantised points packed into 64 bits (32 bits per axis, from the bounds' corner).
struct Quantiser {
    Vec2 anchor;
    double step = 1;
    uint64_t key(Vec2 p) const {
        const uint64_t x = uint64_t(std::llround((p.x - anchor.x) / step)) & 0xffffffffULL;
        const uint64_t y = uint64_t(std::llround((p.y - anchor.y) / step)) & 0xffffffffULL;
        return x << 32 | y;
    }
};

// Open-addressing set of undirected edges with a count and the end points of the first one.
class EdgeTable {
public:
    struct Slot {
        uint64_t a = 0, b = 0;  // a < b
        const Vec2* pa = nullptr;  // null: empty
        const Vec2* pb = nullptr;
        uint32_t count = 0;
    };
    void reset(size_t entries) {
        slots_.assign(table_size(entries), Slot{});
        mask_ = slots_.size() - 1;
    }
    // Counts the edge between the points at `pa` and `pb` (keys ka != kb).
    void add(uint64_t ka, uint64_t kb, const Vec2* pa, const Vec2* pb) {
        if (kb < ka) {
            std::swap(ka, kb);
            std::swap(pa, pb);
        }
        for (size_t i = mix64(ka * 0x9e3779b97f4a7c15ULL ^ kb) & mask_;; i = (i + 1) & mask_) {
            Slot& s = slots_[i];
            if (!s.pa) {
                s = Slot{ka, kb, pa, pb, 1};
                return;
            }
            if (s.a == ka && s.b == kb) {
                ++s.count;
                return;
            }
        }
    }
    const std::vector<Slot>& slots() const { return slots_; }

private:
    std::vector<Slot> slots_;
    size_t mask_ = 0;
};

template <class Ring_, class Fn>
void for_each_edge(const Ring_& ring, Fn&& fn) {
    size_t n = ring.size();
    if (n >= 2 && ring.front().x == ring.back().x && ring.front().y == ring.back().y) --n;
    if (n < 2) return;
    for (size_t i = 0; i < n; ++i) fn(&ring[i], &ring[(i + 1) % n]);
}

}  // namespace

double polyline_length(const std::vector<Ring>& lines) {
    double total = 0;
    for (const Ring& l : lines)
        for (size_t i = 1; i < l.size(); ++i) total += std::hypot(l[i].x - l[i - 1].x, l[i].y - l[i - 1].y);
    return total;
}

std::vector<Ring> district_outlines(const MapGeometry& geometry, const std::vector<std::string>& groups,
                                    double quantum, OutlineStats* stats) {
    std::unordered_map<std::string, int32_t> ids;
    std::vector<int32_t> numbers(geometry.shapes.size());
    for (size_t u = 0; u < numbers.size(); ++u) {
        const std::string& g = u < groups.size() ? groups[u] : std::string();
        numbers[u] = g == kNoGroup ? kNoGroupNumber : ids.emplace(g, int32_t(ids.size())).first->second;
    }
    return district_outlines(geometry, numbers, quantum, stats);
}

std::vector<Ring> district_outlines(const MapGeometry& geometry, const std::vector<int32_t>& groups,
                                    double quantum, OutlineStats* stats) {
    OutlineStats local;
    OutlineStats& st = stats ? *stats : local;
    st = OutlineStats{};
    const size_t units = geometry.shapes.size();
    const Bounds bounds = [&] {
        Bounds b;
        for (const MultiPolygon& s : geometry.shapes)
            for (const Polygon& p : s.parts) {
                for (Vec2 v : p.outer) b.add(v);
                for (const Ring& h : p.holes)
                    for (Vec2 v : h) b.add(v);
            }
        return b;
    }();
    if (bounds.empty()) return {};
    Quantiser q;
    q.anchor = {bounds.min_x, bounds.min_y};
    q.step = std::max({quantum, bounds.width() / 2e9, bounds.height() / 2e9, 1e-9});

    // Units by group, in order of first appearance.
    std::unordered_map<int32_t, size_t> slot_of;
    std::vector<std::vector<uint32_t>> members;
    for (size_t u = 0; u < units; ++u) {
        const int32_t g = u < groups.size() ? groups[u] : -1;
        if (g == kNoGroupNumber) continue;
        auto [it, added] = slot_of.emplace(g, members.size());
        if (added) members.emplace_back();
        members[it->second].push_back(uint32_t(u));
    }

    // Edges met once within their group bound the group's union.
    struct Edge {
        uint64_t a, b;
        const Vec2 *pa, *pb;
    };
    std::vector<Edge> candidates;
    EdgeTable table;
    for (const std::vector<uint32_t>& group : members) {
        size_t edges = 0;
        for (uint32_t u : group) edges += geometry.shapes[u].vertex_count();
        table.reset(edges);
        for (uint32_t u : group)
            for (const Polygon& p : geometry.shapes[u].parts) {
                auto add = [&](const Vec2* a, const Vec2* b) {
                    const uint64_t ka = q.key(*a), kb = q.key(*b);
                    if (ka == kb) return;
                    ++st.edges;
                    table.add(ka, kb, a, b);
                };
                for_each_edge(p.outer, add);
                for (const Ring& h : p.holes) for_each_edge(h, add);
            }
        for (const EdgeTable::Slot& s : table.slots())
            if (s.pa && s.count == 1) candidates.push_back({s.a, s.b, s.pa, s.pb});
    }
    table.reset(0);

    // An edge between two groups was a candidate in both: keep it once.
    std::vector<Edge> boundary;
    {
        EdgeTable seen;
        seen.reset(candidates.size());
        for (const Edge& e : candidates) seen.add(e.a, e.b, e.pa, e.pb);
        for (const EdgeTable::Slot& s : seen.slots())
            if (s.pa) boundary.push_back({s.a, s.b, s.pa, s.pb});
    }
    candidates.clear();
    candidates.shrink_to_fit();
    // Slot order is a hash order; sort for output that follows the map rather than the hash.
    std::sort(boundary.begin(), boundary.end(),
              [](const Edge& x, const Edge& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
    st.boundary_edges = boundary.size();

    // Vertices of the boundary graph.
    std::vector<uint64_t> vkeys;
    vkeys.reserve(boundary.size() * 2);
    for (const Edge& e : boundary) {
        vkeys.push_back(e.a);
        vkeys.push_back(e.b);
    }
    std::sort(vkeys.begin(), vkeys.end());
    vkeys.erase(std::unique(vkeys.begin(), vkeys.end()), vkeys.end());
    auto vertex_of = [&](uint64_t k) {
        return uint32_t(std::lower_bound(vkeys.begin(), vkeys.end(), k) - vkeys.begin());
    };
    const size_t nv = vkeys.size(), ne = boundary.size();
    std::vector<uint32_t> ea(ne), eb(ne);
    std::vector<const Vec2*> where(nv, nullptr);
    std::vector<uint32_t> first(nv + 1, 0);
    for (size_t e = 0; e < ne; ++e) {
        ea[e] = vertex_of(boundary[e].a);
        eb[e] = vertex_of(boundary[e].b);
        if (!where[ea[e]]) where[ea[e]] = boundary[e].pa;
        if (!where[eb[e]]) where[eb[e]] = boundary[e].pb;
        ++first[ea[e] + 1];
        ++first[eb[e] + 1];
    }
    for (size_t v = 0; v < nv; ++v) first[v + 1] += first[v];
    std::vector<uint32_t> incident(first[nv]);
    {
        std::vector<uint32_t> fill(first.begin(), first.end() - 1);
        for (size_t e = 0; e < ne; ++e) {
            incident[fill[ea[e]]++] = uint32_t(e);
            incident[fill[eb[e]]++] = uint32_t(e);
        }
    }
    auto degree = [&](uint32_t v) { return first[v + 1] - first[v]; };
    std::vector<uint8_t> used(ne, 0);
    auto next_edge = [&](uint32_t v) -> int64_t {
        for (uint32_t i = first[v]; i < first[v + 1]; ++i)
            if (!used[incident[i]]) return incident[i];
        return -1;
    };

    std::vector<Ring> lines;
    auto walk = [&](uint32_t start, uint32_t e) {
        Ring line{*where[start]};
        uint32_t v = start;
        for (;;) {
            used[e] = 1;
            v = ea[e] == v ? eb[e] : ea[e];
            line.push_back(*where[v]);
            if (degree(v) != 2 || v == start) break;
            const int64_t n = next_edge(v);
            if (n < 0) break;
            e = uint32_t(n);
        }
        lines.push_back(std::move(line));
    };
    for (uint32_t v = 0; v < nv; ++v)
        if (degree(v) != 2)
            for (int64_t e; (e = next_edge(v)) >= 0;) walk(v, uint32_t(e));
    for (size_t e = 0; e < ne; ++e)  // what is left are closed loops
        if (!used[e]) walk(ea[e], uint32_t(e));

    st.polylines = lines.size();
    st.length = polyline_length(lines);
    return lines;
}

bool neighbours_share_vertices(const MapGeometry& geometry, const std::vector<std::string>& groups,
                               double quantum) {
    // The smallest group (by vertices) of at least three units.
    std::map<std::string, std::pair<size_t, size_t>> size;  // group -> units, vertices
    const size_t n = std::min(groups.size(), geometry.shapes.size());
    for (size_t u = 0; u < n; ++u) {
        auto& s = size[groups[u]];
        ++s.first;
        s.second += geometry.shapes[u].vertex_count();
    }
    const std::string* sample = nullptr;
    size_t best = SIZE_MAX;
    for (const auto& [key, s] : size)
        if (s.first >= 3 && s.second < best) best = s.second, sample = &key;
    if (!sample) return true;  // nothing to judge by: trust the data
    std::map<std::array<long long, 4>, int> uses;
    size_t total = 0;
    auto key_of = [quantum](Vec2 p) { return std::make_pair(std::llround(p.x / quantum), std::llround(p.y / quantum)); };
    for (size_t u = 0; u < n; ++u) {
        if (groups[u] != *sample) continue;
        for (const Polygon& p : geometry.shapes[u].parts)
            for (size_t i = 0; i < p.outer.size(); ++i) {
                auto a = key_of(p.outer[i]), b = key_of(p.outer[(i + 1) % p.outer.size()]);
                if (a == b) continue;
                if (b < a) std::swap(a, b);
                ++uses[{a.first, a.second, b.first, b.second}];
                ++total;
            }
    }
    size_t shared = 0;
    for (const auto& [k, count] : uses) shared += count > 1 ? size_t(count) : 0;
    // Inside a group most edges are shared by two of its units; a third is a safe floor.
    return total > 0 && shared * 3 >= total;
}

}  // namespace ntm::geo
