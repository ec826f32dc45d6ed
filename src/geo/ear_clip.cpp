#include "geo/ear_clip.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ntm::geo {
namespace {

constexpr int32_t kNone = -1;

struct Node {
    uint32_t vertex;  // into the caller's xy
    double x, y;
    int32_t prev, next;                  // ring
    int32_t prev_z = kNone, next_z = kNone;  // z-order list
    uint32_t z = 0;
};

// cross > 0: p, q, r turn left (counter-clockwise, y up). Outer rings are made counter-clockwise
// and holes clockwise, so a convex corner has cross > 0.
double cross(const Node& p, const Node& q, const Node& r) {
    return (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
}

class EarClipper {
public:
    EarClipper(const std::vector<double>& xy, uint32_t base, std::vector<uint32_t>& out)
        : xy_(xy), base_(base), out_(out) {}

    void run(const std::vector<std::pair<uint32_t, uint32_t>>& rings) {
        if (rings.empty()) return;
        size_t total = 0;
        for (const auto& r : rings) total += r.second - r.first;
        nodes_.reserve(total + 2 * rings.size() + 16);
        int32_t outer = ring(rings[0].first, rings[0].second, true);
        if (outer == kNone || node(outer).next == node(outer).prev) return;
        if (rings.size() > 1) outer = join_holes(rings, outer);
        if (outer == kNone) return;
        if (total > 80) {
            double x0 = std::numeric_limits<double>::infinity(), y0 = x0, x1 = -x0, y1 = -x0;
            for (const Node& n : nodes_) {
                x0 = std::min(x0, n.x), y0 = std::min(y0, n.y);
                x1 = std::max(x1, n.x), y1 = std::max(y1, n.y);
            }
            min_x_ = x0, min_y_ = y0;
            const double size = std::max(x1 - x0, y1 - y0);
            inv_size_ = size > 0 ? 32767.0 / size : 0;
            hashed_ = true;
        }
        clip(outer, 0);
    }

private:
    Node& node(int32_t i) { return nodes_[size_t(i)]; }
    bool same_point(int32_t a, int32_t b) { return node(a).x == node(b).x && node(a).y == node(b).y; }
    double turn(int32_t p, int32_t q, int32_t r) { return cross(node(p), node(q), node(r)); }

    int32_t insert(uint32_t v, int32_t last) {
        const int32_t i = static_cast<int32_t>(nodes_.size());
        nodes_.push_back(Node{base_ + v, xy_[2 * size_t(v)], xy_[2 * size_t(v) + 1], i, i});
        if (last != kNone) {
            Node& n = node(i);
            n.next = node(last).next;
            n.prev = last;
            node(node(last).next).prev = i;
            node(last).next = i;
        }
        return i;
    }

    void remove(int32_t i) {
        Node& n = node(i);
        node(n.next).prev = n.prev;
        node(n.prev).next = n.next;
        if (n.prev_z != kNone) node(n.prev_z).next_z = n.next_z;
        if (n.next_z != kNone) node(n.next_z).prev_z = n.prev_z;
    }

    // A circular list of the ring's vertices, counter-clockwise when `ccw`, else clockwise.
    int32_t ring(uint32_t first, uint32_t end, bool ccw) {
        double area = 0;
        for (uint32_t i = first, j = end - 1; i < end; j = i++)
            area += (xy_[2 * size_t(j)] - xy_[2 * size_t(i)]) * (xy_[2 * size_t(i) + 1] + xy_[2 * size_t(j) + 1]);
        // area > 0: the ring runs counter-clockwise.
        int32_t last = kNone;
        if ((area > 0) == ccw)
            for (uint32_t i = first; i < end; ++i) last = insert(i, last);
        else
            for (uint32_t i = end; i-- > first;) last = insert(i, last);
        if (last != kNone && same_point(last, node(last).next)) {
            const int32_t next = node(last).next;
            remove(last);
            last = next;
        }
        return filter(last, kNone);
    }

    // Removes repeated and collinear vertices between start and end; returns a remaining vertex.
    int32_t filter(int32_t start, int32_t end) {
        if (start == kNone) return start;
        if (end == kNone) end = start;
        int32_t p = start;
        bool again;
        do {
            again = false;
            const int32_t n = node(p).next;
            if (same_point(p, n) || turn(node(p).prev, p, n) == 0) {
                remove(p);
                p = end = node(p).prev;
                if (p == node(p).next) break;
                again = true;
            } else {
                p = n;
            }
        } while (again || p != end);
        return end;
    }

    void emit(int32_t a, int32_t b, int32_t c) {
        out_.push_back(node(a).vertex);
        out_.push_back(node(b).vertex);
        out_.push_back(node(c).vertex);
    }

    static bool in_triangle(const Node& a, const Node& b, const Node& c, double px, double py) {
        const Node p{0, px, py, 0, 0};
        const double d1 = cross(a, b, p), d2 = cross(b, c, p), d3 = cross(c, a, p);
        return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
    }

    // Another vertex blocks the ear when it is inside the triangle and not convex.
    bool blocks(int32_t p, int32_t a, int32_t b, int32_t c) {
        const Node& n = node(p);
        return in_triangle(node(a), node(b), node(c), n.x, n.y) && turn(n.prev, p, n.next) <= 0;
    }

    bool is_ear(int32_t ear) {
        const int32_t a = node(ear).prev, c = node(ear).next;
        if (turn(a, ear, c) <= 0) return false;
        for (int32_t p = node(c).next; p != a; p = node(p).next)
            if (blocks(p, a, ear, c)) return false;
        return true;
    }

    bool is_ear_hashed(int32_t ear) {
        const int32_t a = node(ear).prev, c = node(ear).next;
        if (turn(a, ear, c) <= 0) return false;
        const Node &A = node(a), &B = node(ear), &C = node(c);
        const uint32_t lo = z_order(std::min({A.x, B.x, C.x}), std::min({A.y, B.y, C.y}));
        const uint32_t hi = z_order(std::max({A.x, B.x, C.x}), std::max({A.y, B.y, C.y}));
        for (int32_t p = B.prev_z; p != kNone && node(p).z >= lo; p = node(p).prev_z)
            if (p != a && p != c && blocks(p, a, ear, c)) return false;
        for (int32_t p = B.next_z; p != kNone && node(p).z <= hi; p = node(p).next_z)
            if (p != a && p != c && blocks(p, a, ear, c)) return false;
        return true;
    }

    uint32_t z_order(double fx, double fy) const {
        uint32_t x = static_cast<uint32_t>((fx - min_x_) * inv_size_);
        uint32_t y = static_cast<uint32_t>((fy - min_y_) * inv_size_);
        auto spread = [](uint32_t v) {
            v = (v | (v << 8)) & 0x00FF00FF;
            v = (v | (v << 4)) & 0x0F0F0F0F;
            v = (v | (v << 2)) & 0x33333333;
            v = (v | (v << 1)) & 0x55555555;
            return v;
        };
        return spread(x) | (spread(y) << 1);
    }

    // Links the ring's vertices in z-order.
    void index(int32_t start) {
        std::vector<int32_t> ring;
        int32_t p = start;
        do {
            node(p).z = z_order(node(p).x, node(p).y);
            ring.push_back(p);
            p = node(p).next;
        } while (p != start);
        std::sort(ring.begin(), ring.end(), [&](int32_t a, int32_t b) { return node(a).z < node(b).z; });
        for (size_t i = 0; i < ring.size(); ++i) {
            node(ring[i]).prev_z = i ? ring[i - 1] : kNone;
            node(ring[i]).next_z = i + 1 < ring.size() ? ring[i + 1] : kNone;
        }
    }

    // pass 0: plain ears; 1: after filtering; 2: after curing local crossings; 3: split.
    void clip(int32_t ear, int pass) {
        if (ear == kNone) return;
        if (pass == 0 && hashed_) index(ear);
        int32_t stop = ear;
        while (node(ear).prev != node(ear).next) {
            const int32_t prev = node(ear).prev, next = node(ear).next;
            if (hashed_ ? is_ear_hashed(ear) : is_ear(ear)) {
                emit(prev, ear, next);
                remove(ear);
                ear = stop = node(next).next;  // skipping a corner makes fewer slivers
                continue;
            }
            ear = next;
            if (ear == stop) {
                if (pass == 0) clip(filter(ear, kNone), 1);
                else if (pass == 1) clip(cure_crossings(filter(ear, kNone)), 2);
                else split(ear);
                return;
            }
        }
    }

    static int sign(double v) { return (v > 0) - (v < 0); }
    bool on_segment(int32_t p, int32_t q, int32_t r) {
        const Node &P = node(p), &Q = node(q), &R = node(r);
        return Q.x <= std::max(P.x, R.x) && Q.x >= std::min(P.x, R.x) && Q.y <= std::max(P.y, R.y) &&
               Q.y >= std::min(P.y, R.y);
    }
    bool crosses(int32_t p1, int32_t q1, int32_t p2, int32_t q2) {
        const int o1 = sign(turn(p1, q1, p2)), o2 = sign(turn(p1, q1, q2));
        const int o3 = sign(turn(p2, q2, p1)), o4 = sign(turn(p2, q2, q1));
        if (o1 != o2 && o3 != o4) return true;
        return (o1 == 0 && on_segment(p1, p2, q1)) || (o2 == 0 && on_segment(p1, q2, q1)) ||
               (o3 == 0 && on_segment(p2, p1, q2)) || (o4 == 0 && on_segment(p2, q1, q2));
    }

    // Where a ring crosses itself next to a vertex (a, p, p.next, b with a-p crossing p.next-b),
    // cuts the triangle a, p, b and drops p and p.next.
    int32_t cure_crossings(int32_t start) {
        if (start == kNone) return start;
        int32_t p = start;
        do {
            const int32_t a = node(p).prev, pn = node(p).next, b = node(pn).next;
            if (!same_point(a, b) && crosses(a, p, pn, b) && locally_inside(a, b) && locally_inside(b, a)) {
                emit(a, p, b);
                remove(p);
                remove(pn);
                p = start = b;
            }
            p = node(p).next;
        } while (p != start && node(p).next != node(p).prev);
        return filter(p, kNone);
    }

    // The diagonal a-b starts into the inside of the ring at a.
    bool locally_inside(int32_t a, int32_t b) {
        const int32_t ap = node(a).prev, an = node(a).next;
        return turn(ap, a, an) > 0 ? turn(a, b, an) <= 0 && turn(a, ap, b) <= 0
                                   : turn(a, b, ap) > 0 || turn(a, an, b) > 0;
    }

    bool middle_inside(int32_t a, int32_t b) {
        const double px = (node(a).x + node(b).x) / 2, py = (node(a).y + node(b).y) / 2;
        bool inside = false;
        int32_t p = a;
        do {
            const Node &P = node(p), &N = node(P.next);
            if ((P.y > py) != (N.y > py) && N.y != P.y && px < (N.x - P.x) * (py - P.y) / (N.y - P.y) + P.x)
                inside = !inside;
            p = P.next;
        } while (p != a);
        return inside;
    }

    bool crosses_ring(int32_t a, int32_t b) {
        int32_t p = a;
        do {
            const int32_t n = node(p).next;
            const uint32_t va = node(a).vertex, vb = node(b).vertex;
            if (node(p).vertex != va && node(n).vertex != va && node(p).vertex != vb && node(n).vertex != vb &&
                crosses(p, n, a, b))
                return true;
            p = n;
        } while (p != a);
        return false;
    }

    bool valid_diagonal(int32_t a, int32_t b) {
        const uint32_t vb = node(b).vertex;
        if (node(node(a).next).vertex == vb || node(node(a).prev).vertex == vb || crosses_ring(a, b)) return false;
        if (locally_inside(a, b) && locally_inside(b, a) && middle_inside(a, b) &&
            (turn(node(a).prev, a, node(b).prev) != 0 || turn(a, node(b).prev, b) != 0))
            return true;
        return same_point(a, b) && turn(node(a).prev, a, node(a).next) > 0 &&
               turn(node(b).prev, b, node(b).next) > 0;
    }

    // Joins a to b by a diagonal, making two rings; returns the copy of b in the second.
    int32_t link(int32_t a, int32_t b) {
        const int32_t an = node(a).next, bp = node(b).prev;
        const int32_t a2 = static_cast<int32_t>(nodes_.size());
        nodes_.push_back(node(a));
        const int32_t b2 = static_cast<int32_t>(nodes_.size());
        nodes_.push_back(node(b));
        node(a2).prev_z = node(a2).next_z = node(b2).prev_z = node(b2).next_z = kNone;
        node(a).next = b;
        node(b).prev = a;
        node(a2).next = an;
        node(an).prev = a2;
        node(b2).next = a2;
        node(a2).prev = b2;
        node(bp).next = b2;
        node(b2).prev = bp;
        return b2;
    }

    void split(int32_t start) {
        int32_t a = start;
        do {
            for (int32_t b = node(node(a).next).next; b != node(a).prev; b = node(b).next) {
                if (node(a).vertex != node(b).vertex && valid_diagonal(a, b)) {
                    int32_t c = link(a, b);
                    a = filter(a, node(a).next);
                    c = filter(c, node(c).next);
                    clip(a, 0);
                    clip(c, 0);
                    return;
                }
            }
            a = node(a).next;
        } while (a != start);
        // No diagonal at all: what is left has no area worth drawing.
    }

    int32_t join_holes(const std::vector<std::pair<uint32_t, uint32_t>>& rings, int32_t outer) {
        std::vector<int32_t> lefts;
        for (size_t h = 1; h < rings.size(); ++h) {
            const int32_t start = ring(rings[h].first, rings[h].second, false);
            if (start == kNone) continue;
            if (start == node(start).next) continue;
            int32_t left = start, p = start;
            do {
                if (node(p).x < node(left).x || (node(p).x == node(left).x && node(p).y < node(left).y)) left = p;
                p = node(p).next;
            } while (p != start);
            lefts.push_back(left);
        }
        std::sort(lefts.begin(), lefts.end(), [&](int32_t a, int32_t b) {
            return node(a).x < node(b).x || (node(a).x == node(b).x && node(a).y < node(b).y);
        });
        for (int32_t hole : lefts) {
            const int32_t bridge = find_bridge(hole, outer);
            if (bridge == kNone) continue;  // a hole outside the ring: nothing to cut out
            const int32_t back = link(bridge, hole);
            filter(back, node(back).next);
            outer = filter(bridge, node(bridge).next);
        }
        return outer;
    }

    // An outer vertex visible from the hole's leftmost vertex: the nearest crossing of a ray to
    // the left gives an edge; its left end unless a reflex vertex lies in the triangle between.
    int32_t find_bridge(int32_t hole, int32_t outer) {
        const double hx = node(hole).x, hy = node(hole).y;
        double qx = -std::numeric_limits<double>::infinity();
        int32_t m = kNone, p = outer;
        do {
            const Node &P = node(p), &N = node(P.next);
            if (hy <= P.y && hy >= N.y && N.y != P.y) {
                const double x = P.x + (hy - P.y) * (N.x - P.x) / (N.y - P.y);
                if (x <= hx && x > qx) {
                    qx = x;
                    m = P.x < N.x ? p : P.next;
                    if (x == hx) return m;
                }
            }
            p = P.next;
        } while (p != outer);
        if (m == kNone) return kNone;
        const int32_t stop = m;
        const Node a{0, hy < node(m).y ? hx : qx, hy, 0, 0}, c{0, hy < node(m).y ? qx : hx, hy, 0, 0};
        const Node mid = node(m);
        double best = std::numeric_limits<double>::infinity();
        p = m;
        do {
            const Node& P = node(p);
            if (hx >= P.x && P.x >= mid.x && hx != P.x && in_triangle(a, mid, c, P.x, P.y)) {
                const double tan = std::abs(hy - P.y) / (hx - P.x);
                if (locally_inside(p, hole) &&
                    (tan < best || (tan == best && (P.x > node(m).x || (P.x == node(m).x && sector_inside(m, p)))))) {
                    m = p;
                    best = tan;
                }
            }
            p = P.next;
        } while (p != stop);
        return m;
    }

    bool sector_inside(int32_t m, int32_t p) {
        return turn(node(m).prev, m, node(p).prev) > 0 && turn(node(p).next, m, node(m).next) > 0;
    }

    const std::vector<double>& xy_;
    uint32_t base_;
    std::vector<uint32_t>& out_;
    std::vector<Node> nodes_;
    bool hashed_ = false;
    double min_x_ = 0, min_y_ = 0, inv_size_ = 0;
};

}  // namespace

void ear_clip(const std::vector<double>& xy, const std::vector<std::pair<uint32_t, uint32_t>>& rings,
              uint32_t index_base, std::vector<uint32_t>& triangles) {
    EarClipper(xy, index_base, triangles).run(rings);
}

}  // namespace ntm::geo
