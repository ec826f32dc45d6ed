#include "geo/label_placement.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ntm::geo {

struct LabelPlacer::Impl {
    const MapGeometry& geometry;
    const std::vector<LabelAnchor>& anchors;
    const PickingIndex& picking;
    std::vector<double> area;       // per unit
    std::vector<Vec2> centroid;     // per unit, area-weighted
    std::vector<Bounds> part_bounds;  // per unit: bounds of the part its anchor lies in
    // Built on first use: a name is only ever tested in units big enough to hold it.
    mutable std::vector<std::unique_ptr<ShapeIndex>> index;
    mutable std::vector<uint32_t> mark;  // group membership of the name being placed
    mutable uint32_t stamp = 0;

    Impl(const MapGeometry& g, const std::vector<LabelAnchor>& a, const PickingIndex& p)
        : geometry(g), anchors(a), picking(p) {
        const size_t n = g.shapes.size();
        area.resize(n);
        centroid.resize(n);
        part_bounds.resize(n);
        index.resize(n);
        mark.assign(n, 0);
        for (size_t u = 0; u < n; ++u) {
            const MultiPolygon& s = g.shapes[u];
            area[u] = geo::area(s);
            centroid[u] = area_centroid(s);
            const int part = u < a.size() ? a[u].part : -1;
            if (part >= 0 && part < static_cast<int>(s.parts.size()))
                for (const Vec2& v : s.parts[part].outer) part_bounds[u].add(v);
        }
    }

    const ShapeIndex& shape(int u) const {
        if (!index[u]) index[u] = std::make_unique<ShapeIndex>(geometry.shapes[u]);
        return *index[u];
    }

    bool fits_unit(int u, Vec2 w, Vec2 size, double mpp, double slack) const {
        const double W = size.x * mpp, H = size.y * mpp;
        const int n = std::max(1, static_cast<int>(std::ceil(W / H - 1e-9)));
        const double step = W / n;
        const double need = slack * std::hypot(step / 2, H / 2);
        const ShapeIndex& s = shape(u);
        // The ends first: they are the ones that leave the polygon.
        for (int k = 0; k < n; ++k) {
            const int i = k % 2 == 0 ? k / 2 : n - 1 - k / 2;
            const Vec2 c{w.x - W / 2 + step * (i + 0.5), w.y};
            if (s.signed_distance(c, need * 2) < need) return false;
        }
        return true;
    }

    bool in_group(Vec2 w, const PlacementOptions& o) const {
        const int u = picking.unit_at(w, o.eligible);
        return u >= 0 && mark[u] == stamp;
    }

    bool fits_group(Vec2 w, Vec2 size, double mpp, const PlacementOptions& o) const {
        const double W = size.x * mpp, H = size.y * mpp;
        const int cols = std::max(2, static_cast<int>(std::ceil(W / H)) + 1);
        for (double fy : {0.0, -0.4, 0.4})
            for (int i = 0; i < cols; ++i) {
                const double fx = -0.47 + 0.94 * i / (cols - 1);
                if (!in_group({w.x + fx * W, w.y + fy * H}, o)) return false;
            }
        return true;
    }

    // The share of a 3-row grid of sample points over the box that falls in the group (marked) or,
    // for one unit, in that unit: how much of a name that spills still lies over its own place.
    double inside_share(const PlaceName& name, Vec2 w, Vec2 size, double mpp, const PlacementOptions& o) const {
        const double W = size.x * mpp, H = size.y * mpp;
        const int cols = std::max(3, static_cast<int>(std::ceil(2 * W / H)) + 1);
        int in = 0, all = 0;
        for (double fy : {0.0, -0.4, 0.4})
            for (int i = 0; i < cols; ++i) {
                const Vec2 p{w.x + (-0.47 + 0.94 * i / (cols - 1)) * W, w.y + fy * H};
                ++all;
                if (name.units.size() > 1) in += in_group(p, o);
                else in += picking.unit_at(p, o.eligible) == name.units[0];
            }
        return all ? double(in) / all : 0;
    }

    // Marks the members of `name` for in_group(); returns whether any is valid.
    void mark_group(const PlaceName& name) const {
        if (++stamp == 0) {
            std::fill(mark.begin(), mark.end(), 0);
            stamp = 1;
        }
        for (int u : name.units)
            if (u >= 0 && u < static_cast<int>(mark.size())) mark[u] = stamp;
    }

    // The group's best position (its centroid when inside it, else the member anchor nearest it)
    // first, then the other members' anchors by distance; world coordinates.
    std::vector<Vec2> group_positions(const PlaceName& name, const PlacementOptions& o) const {
        double a = 0;
        Vec2 c{0, 0};
        for (int u : name.units) {
            if (u < 0 || u >= static_cast<int>(area.size()) || area[u] <= 0) continue;
            if (o.eligible && (u >= static_cast<int>(o.eligible->size()) || !(*o.eligible)[u])) continue;
            a += area[u];
            c.x += area[u] * centroid[u].x;
            c.y += area[u] * centroid[u].y;
        }
        std::vector<Vec2> out;
        if (!(a > 0)) return out;
        c = {c.x / a, c.y / a};
        if (in_group(c, o)) out.push_back(c);
        std::vector<std::pair<double, Vec2>> members;
        for (int u : name.units) {
            if (u < 0 || u >= static_cast<int>(anchors.size()) || !anchors[u].valid()) continue;
            if (o.eligible && (u >= static_cast<int>(o.eligible->size()) || !(*o.eligible)[u])) continue;
            const Vec2 p = anchors[u].point;
            members.push_back({std::hypot(p.x - c.x, p.y - c.y), p});
        }
        std::sort(members.begin(), members.end(), [](const auto& x, const auto& y) {
            return x.first < y.first || (x.first == y.first && (x.second.x < y.second.x));
        });
        for (const auto& m : members) out.push_back(m.second);
        return out;
    }

    Bounds area_of(const ScreenFrame& f, const PlacementOptions& o) const {
        return o.area.empty() ? Bounds{0, 0, f.width, f.height} : o.area;
    }

    std::vector<Vec2> positions(const PlaceName& name, Vec2 size, const ScreenFrame& f,
                                const PlacementOptions& o) const {
        std::vector<Vec2> out;
        if (!(size.x > 0 && size.y > 0) || name.units.empty() || !(f.metres_per_pixel > 0)) return out;
        const double mpp = f.metres_per_pixel;
        const Bounds screen = area_of(f, o);
        auto on_screen = [&](Vec2 s) {
            return s.x - size.x / 2 >= screen.min_x && s.x + size.x / 2 <= screen.max_x &&
                   s.y - size.y / 2 >= screen.min_y && s.y + size.y / 2 <= screen.max_y;
        };
        if (name.units.size() > 1) {
            mark_group(name);
            // A few positions suffice for a group (each test costs a dozen point lookups).
            const int wanted = std::min(o.max_positions, 4);
            int tested = 0;
            for (const Vec2& w : group_positions(name, o)) {
                const Vec2 s = f.to_screen(w);
                if (!on_screen(s)) continue;
                if (++tested > 4 * wanted) break;
                if (fits_group(w, size, mpp, o)) out.push_back(s);
                if (static_cast<int>(out.size()) >= wanted) break;
            }
            return out;
        }
        const int u = name.units.front();
        if (u < 0 || u >= static_cast<int>(anchors.size()) || !anchors[u].valid()) return out;
        if (o.eligible && (u >= static_cast<int>(o.eligible->size()) || !(*o.eligible)[u])) return out;
        const LabelAnchor& a = anchors[u];
        const double H = size.y * mpp, W = size.x * mpp;
        const double need = o.fit_slack * H / 2;
        if (a.radius < need) return out;  // the pole is the roomiest point: nowhere fits
        const Vec2 pole = f.to_screen(a.point);
        if (on_screen(pole) && fits_unit(u, a.point, size, mpp, o.fit_slack)) out.push_back(pole);
        if (o.max_positions <= 1) return out;
        // A grid over the visible part of the anchor's part, nearest the pole first.
        Bounds b = part_bounds[u];
        const Vec2 lo = f.to_world({screen.min_x + size.x / 2, screen.max_y - size.y / 2});
        const Vec2 hi = f.to_world({screen.max_x - size.x / 2, screen.min_y + size.y / 2});
        b = {std::max(b.min_x + W / 2, lo.x), std::max(b.min_y + H / 2, lo.y), std::min(b.max_x - W / 2, hi.x),
             std::min(b.max_y - H / 2, hi.y)};
        if (b.empty() || b.min_y > b.max_y) return out;
        const double step = std::max({H * 0.75, b.width() / 8, b.height() / 8});
        std::vector<std::pair<double, Vec2>> grid;
        for (double y = b.min_y + std::fmod(b.height(), step) / 2; y <= b.max_y; y += step)
            for (double x = b.min_x + std::fmod(b.width(), step) / 2; x <= b.max_x; x += step)
                grid.push_back({std::hypot(x - a.point.x, y - a.point.y), {x, y}});
        std::sort(grid.begin(), grid.end(), [](const auto& p, const auto& q) {
            return p.first < q.first || (p.first == q.first && (p.second.y < q.second.y ||
                                                                (p.second.y == q.second.y && p.second.x < q.second.x)));
        });
        const ShapeIndex& s = shape(u);
        for (const auto& g : grid) {
            if (g.first < H) continue;  // the pole is already in
            if (s.signed_distance(g.second, need * 2) < need) continue;
            if (!fits_unit(u, g.second, size, mpp, o.fit_slack)) continue;
            out.push_back(f.to_screen(g.second));
            if (static_cast<int>(out.size()) >= o.max_positions) break;
        }
        return out;
    }
};

LabelPlacer::LabelPlacer(const MapGeometry& geometry, const std::vector<LabelAnchor>& anchors,
                         const PickingIndex& picking)
    : impl_(std::make_unique<Impl>(geometry, anchors, picking)) {}

LabelPlacer::~LabelPlacer() = default;

bool LabelPlacer::fits_unit(int u, Vec2 world, Vec2 size, double mpp, double slack) const {
    if (u < 0 || u >= static_cast<int>(impl_->geometry.shapes.size()) || !(size.x > 0 && size.y > 0)) return false;
    return impl_->fits_unit(u, world, size, mpp, slack);
}

std::vector<Vec2> LabelPlacer::positions(const PlaceName& name, Vec2 size, const ScreenFrame& frame,
                                         const PlacementOptions& options) const {
    return impl_->positions(name, size, frame, options);
}

std::vector<PlacedName> LabelPlacer::place(const std::vector<PlaceName>& names, const ScreenFrame& frame,
                                           const PlacementOptions& options) const {
    std::vector<PlacedName> placed;
    if (!(frame.width > 0 && frame.height > 0) || names.empty()) return placed;
    std::vector<size_t> order(names.size());
    std::iota(order.begin(), order.end(), size_t(0));
    auto first_area = [&](size_t i) { return names[i].sizes.empty() ? 0.0 : names[i].sizes[0].x * names[i].sizes[0].y; };
    // Groups of equal priority: the smaller first, as a big one has more room to move to.
    std::vector<double> place_area(names.size(), 0);
    for (size_t i = 0; i < names.size(); ++i)
        if (names[i].units.size() > 1)
            for (int u : names[i].units)
                if (u >= 0 && u < static_cast<int>(impl_->area.size())) place_area[i] += impl_->area[u];
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (names[a].priority != names[b].priority) return names[a].priority > names[b].priority;
        if (place_area[a] != place_area[b]) return place_area[a] < place_area[b];
        if (first_area(a) != first_area(b)) return first_area(a) > first_area(b);
        if (names[a].id != names[b].id) return names[a].id < names[b].id;
        return a < b;
    });
    double typical = 0;
    for (const PlaceName& n : names)
        if (!n.sizes.empty()) typical += std::max(n.sizes[0].x, n.sizes[0].y);
    typical /= double(names.size());
    LabelOccupancy occupancy(frame.width, frame.height, options.padding,
                             std::max({typical + options.padding, frame.width / 256, frame.height / 256, 1.0}));
    for (const Bounds& b : options.keep_clear) occupancy.add(b);
    const Bounds area = impl_->area_of(frame, options);
    auto box_at = [](Vec2 c, Vec2 s) { return Bounds{c.x - s.x / 2, c.y - s.y / 2, c.x + s.x / 2, c.y + s.y / 2}; };
    auto inside = [&](const Bounds& b) {
        return b.min_x >= area.min_x && b.min_y >= area.min_y && b.max_x <= area.max_x && b.max_y <= area.max_y;
    };
    // Over the neighbours, for a name that fits nowhere inside (may_spill): at the group's best
    // positions (its centroid, then the members' anchors nearest it) or a unit's centroid and pole.
    auto spill = [&](size_t i) {
        const PlaceName& n = names[i];
        std::vector<Vec2> best;
        if (n.units.size() > 1) {
            impl_->mark_group(n);
            best = impl_->group_positions(n, options);
        } else if (const int u = n.units[0]; u >= 0 && u < static_cast<int>(impl_->anchors.size())) {
            if (impl_->area[u] > 0) best.push_back(impl_->centroid[u]);
            if (impl_->anchors[u].valid()) best.push_back(impl_->anchors[u].point);
        }
        // Which free box: the first (largest size, best position) unless it lies mostly over the
        // neighbours; then the first mostly over its own place, or else the one most over it
        // ("Thành phố Lạng Sơn" in two lines over the city rather than one long line over two
        // districts). Sizes below ~80 % (box area under 60 % of the first) only when the larger
        // ones stay mostly outside: a small name over its place, not an illegible one everywhere.
        const size_t tries = std::min(best.size(), size_t(std::max(1, options.max_positions)));
        constexpr double kMostly = 0.6, kPartly = 0.35;
        const double first_area = n.sizes.empty() ? 0 : n.sizes[0].x * n.sizes[0].y;
        double best_share = -1, chosen_share = -1;  // best_share may be raised to say "the first stands"
        size_t best_k = 0;
        Bounds best_box;
        bool first = true;
        auto consider_at = [&](size_t k, Vec2 w) {
            const Bounds b = box_at(frame.to_screen(w), n.sizes[k]);
            if (!inside(b) || !occupancy.free(b)) return;
            const double share = impl_->inside_share(n, w, n.sizes[k], frame.metres_per_pixel, options);
            if (share > best_share + 1e-9) {
                best_share = chosen_share = share;
                best_k = k;
                best_box = b;
            }
            if (first && share >= kPartly) best_share = std::max(best_share, kMostly);  // the first stands
            first = false;
        };
        auto consider = [&](size_t k, size_t j) { consider_at(k, best[j]); };
        for (int pass = 0; pass < 2 && best_share < (pass == 0 ? kMostly : kPartly); ++pass)
            for (size_t k = 0; k < n.sizes.size() && best_share < kMostly; ++k) {
                const bool large = n.sizes[k].x * n.sizes[k].y >= 0.6 * first_area;
                if (large != (pass == 0)) continue;
                for (size_t j = 0; j < tries && best_share < kMostly; ++j) consider(k, j);
            }
        // Crowded out at its best positions (nothing free, or only boxes mostly outside): the free
        // box most over its own place at any member's anchor, rather than no name at all.
        const double crowded = best_share;
        for (size_t j = tries; j < best.size() && crowded < kPartly && best_share < kMostly; ++j)
            for (size_t k = 0; k < n.sizes.size(); ++k) consider(k, j);
        // Still not mostly over its place: a grid over the whole place finds a free box that is,
        // when the neighbours' names took the spots near the anchors (the 2009 city of Lạng Sơn,
        // hemmed in by "Huyện Cao Lộc"). Larger sizes first.
        if (chosen_share < kMostly) {
            Bounds place;
            for (int u : n.units)
                if (u >= 0 && u < static_cast<int>(impl_->geometry.shapes.size())) place.add(impl_->geometry.shapes[u].bounds());
            best_share = chosen_share;
            constexpr int kGrid = 12;
            for (size_t k = 0; !place.empty() && k < n.sizes.size() && best_share < kMostly; ++k)
                for (int gy = 0; gy < kGrid && best_share < kMostly; ++gy)
                    for (int gx = 0; gx < kGrid && best_share < kMostly; ++gx)
                        consider_at(k, {place.min_x + (gx + 0.5) / kGrid * place.width(),
                                        place.min_y + (gy + 0.5) / kGrid * place.height()});
        }
        if (best_share >= 0) {
            occupancy.add(best_box);
            placed.push_back({n.id, i, best_k, best_box, true});
        }
    };
    // Names that spill wait until every name of their priority that fits inside is placed: a name
    // inside its own place never loses its spot to one drawn over the neighbours.
    std::vector<size_t> deferred;
    auto flush = [&] {
        for (size_t i : deferred) spill(i);
        deferred.clear();
    };
    for (size_t i : order) {
        const PlaceName& n = names[i];
        if (!deferred.empty() && names[deferred.front()].priority != n.priority) flush();
        bool done = false;
        for (size_t k = 0; k < n.sizes.size() && !done; ++k)
            for (const Vec2& p : impl_->positions(n, n.sizes[k], frame, options)) {
                const Bounds b = box_at(p, n.sizes[k]);
                if (!inside(b) || !occupancy.free(b)) continue;
                occupancy.add(b);
                placed.push_back({n.id, i, k, b, false});
                done = true;
                break;
            }
        if (!done && n.may_spill && !n.units.empty()) deferred.push_back(i);
    }
    flush();
    return placed;
}

std::vector<std::string> split_two_lines(const std::string& text) {
    const size_t mid = text.size() / 2;
    size_t best = std::string::npos;
    for (size_t i = 0; i < text.size(); ++i)
        if (text[i] == ' ' && (best == std::string::npos || (i > mid ? i - mid : mid - i) < (best > mid ? best - mid : mid - best)))
            best = i;
    if (best == std::string::npos || best == 0 || best + 1 >= text.size()) return {text};
    return {text.substr(0, best), text.substr(best + 1)};
}

}  // namespace ntm::geo
