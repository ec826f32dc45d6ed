#!/usr/bin/env python3
"""Simplifies a commune boundary GeoJSON whose neighbours share their vertices exactly, without
opening gaps or overlaps between neighbours: every ring is cut into arcs at the junctions (points
where three or more edges meet), each shared arc is simplified once (Douglas-Peucker) and used by
both its rings. Parts that collapse are dropped. Keeps the properties code, name, fullName.

Used once to make langson_communes_2025_simplified.geojson (see README.md):
  python3 simplify_boundaries.py ../../../shared/data/boundaries/langson_communes_2025.geojson \
      langson_communes_2025_simplified.geojson 0.0003
Check the result with: ogrinfo -dialect sqlite -sql "SELECT code FROM ... WHERE NOT ST_IsValid(geometry)"
"""
import json
import sys
from collections import defaultdict

KEEP = ("code", "name", "fullName")


def clean_ring(ring):
    pts = [tuple(p) for p in ring]
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts = pts[:-1]
    out = []
    for p in pts:
        if not out or out[-1] != p:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def dp(points, tol):
    """Douglas-Peucker keeping both ends."""
    if len(points) <= 2:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, best_i = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            if norm == 0:
                d = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                d = abs(dy * (px - ax) - dx * (py - ay)) / norm
            if d > best:
                best, best_i = d, i
        if best_i >= 0 and best > tol:
            keep[best_i] = True
            stack.append((a, best_i))
            stack.append((best_i, b))
    return [p for p, k in zip(points, keep) if k]


def ring_area(r):
    s = 0.0
    for i in range(len(r)):
        x1, y1 = r[i]
        x2, y2 = r[(i + 1) % len(r)]
        s += x1 * y2 - x2 * y1
    return s / 2


def main(src, dst, tol):
    data = json.load(open(src, encoding="utf-8"))
    rings = []  # (feature, part, ring index, points)
    neighbours = defaultdict(set)
    for fi, f in enumerate(data["features"]):
        geom = f["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        for pi, poly in enumerate(polys):
            for ri, ring in enumerate(poly):
                pts = clean_ring(ring)
                rings.append((fi, pi, ri, pts))
                for i in range(len(pts)):
                    a, b = pts[i], pts[(i + 1) % len(pts)]
                    neighbours[a].add(b)
                    neighbours[b].add(a)
    junction = {p for p, n in neighbours.items() if len(n) != 2}

    cache = {}

    def simplify_arc(arc):
        key = tuple(arc)
        rev = tuple(reversed(arc))
        if key in cache:
            return cache[key]
        if rev in cache:
            return list(reversed(cache[rev]))
        canon = min(key, rev)
        s = dp(list(canon), tol)
        cache[canon] = s
        return s if canon == key else list(reversed(s))

    out_rings = defaultdict(list)  # (feature, part) -> [ring, ...] with ring 0 the exterior
    for fi, pi, ri, pts in rings:
        if len(pts) < 3:
            continue
        cuts = [i for i, p in enumerate(pts) if p in junction]
        if not cuts:
            # A ring with no junction (an island, or a ring shared whole with one enclave): anchor
            # it at its smallest point, the same for both rings that share it, and cut it in two.
            start = pts.index(min(pts))
            pts = pts[start:] + pts[:start]
            far = max(range(len(pts)), key=lambda i: (pts[i][0] - pts[0][0]) ** 2 + (pts[i][1] - pts[0][1]) ** 2)
            cuts = [0, far]
        else:
            pts = pts[cuts[0]:] + pts[:cuts[0]]
            cuts = [c - cuts[0] if c >= cuts[0] else c - cuts[0] + len(pts) for c in cuts]
            cuts.sort()
        result = []
        bounds = cuts + [len(pts)]
        for a, b in zip(bounds, bounds[1:]):
            arc = pts[a:b + 1] if b < len(pts) else pts[a:] + [pts[0]]
            s = simplify_arc(arc)
            result.extend(s[:-1])
        if len(set(result)) < 3 or abs(ring_area(result)) < 1e-9:
            continue
        result.append(result[0])
        out_rings[(fi, pi, ri)] = result

    features = []
    for fi, f in enumerate(data["features"]):
        geom = f["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        parts = []
        for pi, poly in enumerate(polys):
            if (fi, pi, 0) not in out_rings:
                continue  # the exterior collapsed: drop the part
            part = [out_rings[(fi, pi, 0)]]
            for ri in range(1, len(poly)):
                if (fi, pi, ri) in out_rings:
                    part.append(out_rings[(fi, pi, ri)])
            parts.append([[[round(x, 6), round(y, 6)] for x, y in r] for r in part])
        props = {k: f["properties"].get(k) for k in KEEP}
        features.append({"type": "Feature", "properties": props,
                         "geometry": {"type": "MultiPolygon", "coordinates": parts}})
    out = {"type": "FeatureCollection", "name": "langson_communes_2025_simplified",
           "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
           "features": features}
    with open(dst, "w", encoding="utf-8") as fh:
        json.dump(out, fh, ensure_ascii=False, separators=(",", ":"))
        fh.write("\n")
    n_in = sum(len(r[3]) for r in rings)
    n_out = sum(len(r) - 1 for r in out_rings.values())
    print(f"{len(features)} units, {n_in} -> {n_out} vertices, {len(junction)} junctions", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]))
