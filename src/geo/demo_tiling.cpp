#include "geo/demo_tiling.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "core/random.h"
#include "core/error.h"

namespace ntm::geo {
namespace {

// ---- local isotropic metric -------------------------------------------------------------------
// x = (lon - lon0) * cos(lat0), y = lat - lat0: near Lạng Sơn a degree of latitude and a scaled
// degree of longitude are the same length, so Voronoi cells and Lloyd steps are not stretched.

constexpr double kLon0 = 106.73;
constexpr double kLat0 = 21.895;
constexpr double kCosLat0 = 0.9278687996903184;  // cos(21.895°), fixed so no libm is involved
constexpr double kGrid = 1e7;                    // snap to 1e-7 degrees (about 1 cm)

Vec2 to_local(double lon, double lat) { return {(lon - kLon0) * kCosLat0, lat - kLat0}; }
Vec2 to_degrees(Vec2 p) { return {p.x / kCosLat0 + kLon0, p.y + kLat0}; }

Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
Vec2 operator-(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
Vec2 operator*(Vec2 a, double k) { return {a.x * k, a.y * k}; }
double dot(Vec2 a, Vec2 b) { return a.x * b.x + a.y * b.y; }
double cross(Vec2 a, Vec2 b) { return a.x * b.y - a.y * b.x; }
double length(Vec2 a) { return std::sqrt(dot(a, a)); }

// ---- the province and its districts ------------------------------------------------------------

// A convex, province-like outline inside Lạng Sơn's real extent (21.32–22.47 °N,
// 106.09–107.37 °E), counter-clockwise, as (longitude, latitude).
const double kOutline[][2] = {
    {106.32, 21.32}, {106.75, 21.35}, {107.20, 21.40},  {107.33, 21.47},
    {107.37, 21.60}, {106.72, 22.35}, {106.45, 22.465}, {106.28, 22.33},
    {106.14, 22.05}, {106.09, 21.72}, {106.12, 21.45},
};

struct DistrictPlace {
    const char* code;
    double lon, lat;  // roughly the real district's centre
    double area_km2;  // roughly the real district's area
};

const DistrictPlace kDistricts[] = {
    {"178", 106.760, 21.850, 79},    // Thành phố Lạng Sơn
    {"180", 106.480, 22.270, 995},   // Tràng Định (north)
    {"181", 106.290, 22.030, 1093},  // Bình Gia (north-west)
    {"182", 106.660, 22.080, 563},   // Văn Lãng (north-east)
    {"183", 106.760, 21.860, 637},   // Cao Lộc (around the city: its site is the city centre)
    {"184", 106.520, 21.860, 549},   // Văn Quan (centre)
    {"185", 106.240, 21.800, 699},   // Bắc Sơn (west)
    {"186", 106.330, 21.510, 806},   // Hữu Lũng (south-west)
    {"187", 106.600, 21.640, 704},   // Chi Lăng (south-centre)
    {"188", 106.980, 21.690, 986},   // Lộc Bình (south-east)
    {"189", 107.180, 21.520, 1187},  // Đình Lập (far south-east)
};

const char* const kCity = "178";      // Thành phố Lạng Sơn
const char* const kCityHost = "183";  // Cao Lộc, which surrounds it



// ---- convex cells with labelled edges ---------------------------------------------------------

// A convex polygon, counter-clockwise. label[k] names what the edge v[k] -> v[k+1] lies on: the
// index of the neighbouring site whose bisector cut it, or -1 for the parent's boundary.
struct Cell {
    std::vector<Vec2> v;
    std::vector<int> label;
    bool empty() const { return v.size() < 3; }
};

// Keeps the part of `cell` where dot(n, p) <= c; new edges along the line get `line_label`.
Cell clip(const Cell& cell, Vec2 n, double c, int line_label) {
    Cell out;
    const size_t size = cell.v.size();
    for (size_t k = 0; k < size; ++k) {
        const Vec2 p = cell.v[k], q = cell.v[(k + 1) % size];
        const int e = cell.label[k];
        const double dp = dot(n, p) - c, dq = dot(n, q) - c;
        if (dp <= 0) {
            if (dq <= 0) {
                out.v.push_back(p);
                out.label.push_back(e);
            } else if (dp == 0) {
                out.v.push_back(p);  // leaves along the line
                out.label.push_back(line_label);
            } else {
                out.v.push_back(p);
                out.label.push_back(e);
                out.v.push_back(p + (q - p) * (dp / (dp - dq)));
                out.label.push_back(line_label);
            }
        } else if (dq < 0) {
            out.v.push_back(p + (q - p) * (dp / (dp - dq)));
            out.label.push_back(e);
        }
        // dq == 0 with p outside: q itself is emitted as the next edge's start.
    }
    if (out.v.size() < 3) return {};
    return out;
}

double cell_area(const Cell& c) {
    double twice = 0;
    for (size_t k = 0, n = c.v.size(); k < n; ++k) twice += cross(c.v[k], c.v[(k + 1) % n]);
    return twice / 2;
}

Vec2 cell_centroid(const Cell& c) {
    // Relative to the first vertex, for accuracy.
    const Vec2 o = c.v.front();
    double twice = 0, cx = 0, cy = 0;
    for (size_t k = 0, n = c.v.size(); k < n; ++k) {
        const Vec2 a = c.v[k] - o, b = c.v[(k + 1) % n] - o;
        const double w = cross(a, b);
        twice += w;
        cx += (a.x + b.x) * w;
        cy += (a.y + b.y) * w;
    }
    if (twice == 0) return o;
    return {o.x + cx / (3 * twice), o.y + cy / (3 * twice)};
}

bool cell_contains(const Cell& c, Vec2 p) {
    for (size_t k = 0, n = c.v.size(); k < n; ++k)
        if (cross(c.v[(k + 1) % n] - c.v[k], p - c.v[k]) < 0) return false;
    return !c.empty();
}

// Distance from p to the nearest edge line of a convex cell (negative outside).
double inner_distance(const Cell& c, Vec2 p) {
    double nearest = 1e300;
    for (size_t k = 0, n = c.v.size(); k < n; ++k) {
        const Vec2 edge = c.v[(k + 1) % n] - c.v[k];
        const double len = length(edge);
        if (len > 0) nearest = std::min(nearest, cross(edge, p - c.v[k]) / len);
    }
    return nearest;
}

// ---- power diagrams ---------------------------------------------------------------------------

struct Site {
    Vec2 p;
    double weight = 0;   // power distance: |x - p|^2 - weight
    double target = 0;   // wanted area
    bool fixed = false;  // not moved by Lloyd steps
};

// The power cell of every site, clipped to `parent`.
std::vector<Cell> power_cells(const Cell& parent, const std::vector<Site>& sites) {
    std::vector<Cell> cells;
    cells.reserve(sites.size());
    for (size_t i = 0; i < sites.size(); ++i) {
        Cell c = parent;
        for (size_t j = 0; j < sites.size() && !c.empty(); ++j) {
            if (j == i) continue;
            const Vec2 a = sites[i].p, b = sites[j].p;
            // |x-a|^2 - wa <= |x-b|^2 - wb  <=>  2 x.(b-a) <= |b|^2 - |a|^2 + wa - wb
            const Vec2 n = (b - a) * 2.0;
            const double c0 = dot(b, b) - dot(a, a) + sites[i].weight - sites[j].weight;
            c = clip(c, n, c0, static_cast<int>(j));
        }
        cells.push_back(std::move(c));
    }
    return cells;
}

// Adjusts weights (Newton steps on each cell's area) and, with `lloyd`, moves sites to their
// cells' centroids, so that the cells get their target areas and round shapes.
void fit_power_diagram(const Cell& parent, std::vector<Site>& sites, int iterations, bool lloyd) {
    if (sites.size() < 2) return;
    for (int it = 0; it < iterations; ++it) {
        const std::vector<Cell> cells = power_cells(parent, sites);
        std::vector<double> step(sites.size(), 0);
        for (size_t i = 0; i < sites.size(); ++i) {
            const Cell& c = cells[i];
            if (c.empty()) {
                // Lost its cell: grow its weight to the nearest site's distance.
                double nearest = 1e300;
                for (size_t j = 0; j < sites.size(); ++j)
                    if (j != i) nearest = std::min(nearest, length(sites[j].p - sites[i].p));
                step[i] = 0.5 * nearest * nearest;
                continue;
            }
            // d(area)/d(weight) = sum over edges shared with j of length / (2 |p_i - p_j|).
            double derivative = 0;
            for (size_t k = 0, n = c.v.size(); k < n; ++k) {
                const int j = c.label[k];
                if (j < 0) continue;
                const double d = length(sites[j].p - sites[i].p);
                if (d > 0) derivative += length(c.v[(k + 1) % n] - c.v[k]) / (2 * d);
            }
            if (derivative > 0) step[i] = 0.5 * (sites[i].target - cell_area(c)) / derivative;
        }
        double mean = 0;
        for (size_t i = 0; i < sites.size(); ++i) {
            sites[i].weight += step[i];
            mean += sites[i].weight;
        }
        mean /= static_cast<double>(sites.size());
        for (Site& s : sites) s.weight -= mean;
        if (lloyd)
            for (size_t i = 0; i < sites.size(); ++i)
                if (!cells[i].empty() && !sites[i].fixed) sites[i].p = cell_centroid(cells[i]);
    }
}

// ---- topology: weld, split T-junctions, snap --------------------------------------------------

constexpr double kWeld = 1e-9;  // local units (about a tenth of a millimetre)

class Topology {
public:
    // Adds a ring (local coordinates); returns its index.
    size_t add(const std::vector<Vec2>& ring) {
        std::vector<int> ids;
        for (Vec2 p : ring) ids.push_back(vertex(p));
        rings_.push_back(dedupe(ids));
        return rings_.size() - 1;
    }

    // Inserts into every edge the vertices of other rings that lie on it.
    void split_t_junctions() {
        for (std::vector<int>& ring : rings_) {
            std::vector<int> out;
            const size_t n = ring.size();
            for (size_t k = 0; k < n; ++k) {
                const int a = ring[k], b = ring[(k + 1) % n];
                out.push_back(a);
                const Vec2 pa = points_[a], ab = points_[b] - pa;
                const double len2 = dot(ab, ab);
                if (len2 == 0) continue;
                std::vector<std::pair<double, int>> on_edge;
                for (size_t v = 0; v < points_.size(); ++v) {
                    const int id = static_cast<int>(v);
                    if (id == a || id == b) continue;
                    const Vec2 ap = points_[v] - pa;
                    const double t = dot(ap, ab) / len2;
                    if (t <= 0 || t >= 1) continue;
                    const double dist = std::abs(cross(ab, ap)) / std::sqrt(len2);
                    if (dist > kWeld) continue;
                    if (std::find(ring.begin(), ring.end(), id) != ring.end()) continue;
                    on_edge.push_back({t, id});
                }
                std::sort(on_edge.begin(), on_edge.end());
                for (const auto& [t, id] : on_edge) out.push_back(id);
            }
            ring = dedupe(out);
        }
    }

    // The rings in degrees on the 1e-7° grid; vertices that land on the same grid point merge.
    std::vector<Ring> snapped() const {
        std::vector<Vec2> snapped_points;
        std::vector<int> remap;
        std::map<std::pair<int64_t, int64_t>, int> grid;
        for (Vec2 p : points_) {
            const Vec2 d = to_degrees(p);
            const std::pair<int64_t, int64_t> key{std::llround(d.x * kGrid),
                                                  std::llround(d.y * kGrid)};
            auto it = grid.find(key);
            if (it == grid.end()) {
                it = grid.emplace(key, static_cast<int>(snapped_points.size())).first;
                snapped_points.push_back({static_cast<double>(key.first) / kGrid,
                                          static_cast<double>(key.second) / kGrid});
            }
            remap.push_back(it->second);
        }
        std::vector<Ring> out;
        for (const std::vector<int>& ring : rings_) {
            std::vector<int> ids;
            for (int id : ring) ids.push_back(remap[id]);
            Ring r;
            for (int id : dedupe(ids)) r.push_back(snapped_points[id]);
            out.push_back(std::move(r));
        }
        return out;
    }

private:
    int vertex(Vec2 p) {
        for (size_t i = 0; i < points_.size(); ++i)
            if (std::abs(points_[i].x - p.x) <= kWeld && std::abs(points_[i].y - p.y) <= kWeld)
                return static_cast<int>(i);
        points_.push_back(p);
        return static_cast<int>(points_.size() - 1);
    }

    static std::vector<int> dedupe(const std::vector<int>& ids) {
        std::vector<int> out;
        for (int id : ids)
            if (out.empty() || out.back() != id) out.push_back(id);
        while (out.size() > 1 && out.front() == out.back()) out.pop_back();
        return out;
    }

    std::vector<Vec2> points_;
    std::vector<std::vector<int>> rings_;
};

}  // namespace

DemoTiling build_demo_tiling(const ntm::Dataset& dataset) {
    constexpr int kDistrictCount = sizeof kDistricts / sizeof kDistricts[0];
    auto district_index = [&](const std::string& code) {
        for (int i = 0; i < kDistrictCount; ++i)
            if (code == kDistricts[i].code) return i;
        return -1;
    };
    // Units per district.
    std::vector<std::vector<int>> members(kDistrictCount);
    for (size_t u = 0; u < dataset.units.size(); ++u) {
        const std::string& code = dataset.units[u].district_code;
        const int d = district_index(code);
        if (d < 0)
            throw ntm::Error("demo tiling: unit " + dataset.units[u].code + " is in district '" +
                             code + "', which is not one of Lạng Sơn's 11 districts");
        members[d].push_back(static_cast<int>(u));
    }
    // The city is drawn as a cluster inside Cao Lộc's cell, which surrounds it as in reality
    // (a district cell of its own would be a sliver between its larger neighbours).
    const int city = district_index(kCity);
    const int host = district_index(kCityHost);
    const bool hosted = !members[city].empty() && !members[host].empty();

    Cell province;
    for (const auto& lonlat : kOutline) {
        province.v.push_back(to_local(lonlat[0], lonlat[1]));
        province.label.push_back(-1);
    }
    const double province_area = cell_area(province);

    // District cells: fixed sites at the real centres, weights fitted to the real areas (only
    // districts with units take part).
    std::vector<int> present;
    std::vector<double> km2(kDistrictCount, 0);
    double total_km2 = 0;
    for (int d = 0; d < kDistrictCount; ++d) {
        if (members[d].empty()) continue;
        total_km2 += kDistricts[d].area_km2;
        if (hosted && d == city) {
            km2[host] += kDistricts[d].area_km2;
            continue;
        }
        km2[d] += kDistricts[d].area_km2;
        present.push_back(d);
    }
    std::vector<Site> district_sites;
    for (int d : present)
        district_sites.push_back({to_local(kDistricts[d].lon, kDistricts[d].lat), 0,
                                  province_area * km2[d] / total_km2});
    fit_power_diagram(province, district_sites, 300, false);
    std::vector<Cell> district_cells = power_cells(province, district_sites);

    // Commune cells inside each district cell.
    std::vector<Cell> unit_cells(dataset.units.size());
    for (size_t k = 0; k < present.size(); ++k) {
        const int d = present[k];
        Cell parent = district_cells[k];
        if (parent.empty())
            throw ntm::Error(std::string("demo tiling: district ") + kDistricts[d].code +
                             " got no area");
        for (int& l : parent.label) l = -1;
        std::vector<int> units = members[d];
        const std::vector<int> city_units =
            hosted && d == host ? members[city] : std::vector<int>{};
        units.insert(units.end(), city_units.begin(), city_units.end());
        if (units.size() == 1) {
            unit_cells[units[0]] = parent;
            continue;
        }
        const double parent_area = cell_area(parent);
        Rng rng(hash_text(std::string("demo-tiling/") + kDistricts[d].code));
        auto kind_weight = [&](int u) {
            const UnitKind kind = dataset.units[u].kind;
            return kind == UnitKind::Phuong    ? 0.12
                   : kind == UnitKind::ThiTran ? 0.3
                                               : 0.7 + 0.6 * rng.uniform();
        };
        // Target areas: the district's own units share its area by kind; the city's units share
        // the city's area.
        const double own_area =
            parent_area * (km2[d] - (city_units.empty() ? 0 : kDistricts[city].area_km2)) / km2[d];
        std::vector<double> target(units.size());
        {
            double own_weight = 0, city_weight = 0;
            for (size_t i = 0; i < units.size(); ++i) {
                target[i] = kind_weight(units[i]);
                (i < members[d].size() ? own_weight : city_weight) += target[i];
            }
            for (size_t i = 0; i < units.size(); ++i)
                target[i] *= i < members[d].size() ? own_area / own_weight
                                                   : (parent_area - own_area) / city_weight;
        }

        // Seeds: wards and townships near the district's centre, xã anywhere in the cell; the
        // city's units on two rings around the city centre (fixed: only their weights move).
        Bounds box;
        for (Vec2 p : parent.v) box.add(p);
        const Vec2 centre = cell_contains(parent, district_sites[k].p) ? district_sites[k].p
                                                                       : cell_centroid(parent);
        std::vector<Site> sites;
        for (size_t i = 0; i < members[d].size(); ++i) {
            const bool urban = dataset.units[units[i]].kind != UnitKind::Xa;
            Vec2 p;
            for (int attempt = 0; attempt < 1000; ++attempt) {
                if (urban) {
                    const double r = 0.15 * std::sqrt(parent_area);
                    p = centre + Vec2{(rng.uniform() - 0.5) * r, (rng.uniform() - 0.5) * r};
                } else {
                    p = {box.min_x + rng.uniform() * box.width(),
                         box.min_y + rng.uniform() * box.height()};
                }
                if (cell_contains(parent, p)) break;
                p = centre;
            }
            sites.push_back({p, 0, target[i], false});
        }
        if (!city_units.empty()) {
            // Centred on the real city centre, moved inwards if needed so that the host's cells
            // go all round it (the host stays one piece).
            const double radius = std::sqrt((parent_area - own_area) / 3.14159265358979);
            Vec2 c = to_local(kDistricts[city].lon, kDistricts[city].lat);
            const Vec2 middle = cell_centroid(parent);
            for (int step = 0; step < 100 && inner_distance(parent, c) < 2.0 * radius; ++step)
                c = c + (middle - c) * 0.1;
            size_t wards = 0, others = 0;
            for (int u : city_units) wards += dataset.units[u].kind == UnitKind::Xa ? 0 : 1;
            others = city_units.size() - wards;
            size_t ward = 0, other = 0;
            for (size_t i = members[d].size(); i < units.size(); ++i) {
                const bool is_ward = dataset.units[units[i]].kind != UnitKind::Xa;
                Vec2 p = c;
                if (is_ward && ward++ > 0) {  // the first ward in the middle, the others around it
                    const double a = 6.283185307179586 * static_cast<double>(ward - 2) /
                                     static_cast<double>(wards - 1);
                    p = c + Vec2{std::cos(a), std::sin(a)} * (0.25 * radius);
                } else if (!is_ward) {
                    const double a = 0.5 + 6.283185307179586 * static_cast<double>(other++) /
                                               static_cast<double>(others);
                    p = c + Vec2{std::cos(a), std::sin(a)} * (0.7 * radius);
                }
                sites.push_back({p, 0, target[i], true});
            }
        }
        fit_power_diagram(parent, sites, 150, true);
        std::vector<Cell> cells = power_cells(parent, sites);
        for (size_t i = 0; i < units.size(); ++i) {
            if (cells[i].empty())
                throw ntm::Error("demo tiling: unit " + dataset.units[units[i]].code +
                                 " got no area");
            unit_cells[units[i]] = std::move(cells[i]);
        }
    }

    // Shared vertices: weld, split T-junctions, snap.
    Topology topology;
    for (const Cell& c : unit_cells) topology.add(c.v);
    const size_t outline_index = topology.add(province.v);
    topology.split_t_junctions();
    std::vector<Ring> rings = topology.snapped();

    DemoTiling tiling;
    for (size_t u = 0; u < dataset.units.size(); ++u) {
        Ring& r = rings[u];
        if (signed_area(r) < 0) std::reverse(r.begin(), r.end());
        MultiPolygon shape;
        shape.parts.push_back(Polygon{std::move(r), {}});
        tiling.shapes.push_back(std::move(shape));
    }
    tiling.outline = std::move(rings[outline_index]);
    if (signed_area(tiling.outline) < 0) std::reverse(tiling.outline.begin(), tiling.outline.end());
    return tiling;
}

std::vector<MultiPolygon> make_demo_tiling(const ntm::Dataset& dataset) {
    return build_demo_tiling(dataset).shapes;
}

}  // namespace ntm::geo
