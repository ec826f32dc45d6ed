#!/usr/bin/python3
"""Renders one boundary file with Mapnik the way `ntm-atlas export --map-only` draws it:
five fill classes by the integer attribute `band` (0..4, anything else: "no data"), 0.3 px
outlines, the whole layer fitted into WIDTH×HEIGHT, AGG, PNG. Run as its own process so that
`/usr/bin/time -v` measures start to PNG written, like the ntm-atlas side.

usage: mapnik_render.py SOURCE.{geojson,shp} OUT.png WIDTH HEIGHT MAP_SRS [SCALE]
"""
import sys

import mapnik

# Five band colours and "no data" (the colours do not change the cost of drawing).
BAND_COLOURS = ["#1a9850", "#91cf60", "#fee08b", "#fc8d59", "#d73027"]
NO_DATA = "#f0f0f0"


def main():
    source, out, width, height, map_srs = sys.argv[1:6]
    scale = float(sys.argv[6]) if len(sys.argv) > 6 else 1.0
    m = mapnik.Map(int(width), int(height), map_srs)
    m.background = mapnik.Color("white")
    style = mapnik.Style()
    for band, colour in enumerate(BAND_COLOURS + [NO_DATA]):
        rule = mapnik.Rule()
        rule.filter = mapnik.Expression("[band] = %d" % band if band < 5 else "[band] < 0 or [band] > 4")
        fill = mapnik.PolygonSymbolizer()
        fill.fill = mapnik.Color(colour)
        rule.symbols.append(fill)
        line = mapnik.LineSymbolizer()
        line.stroke = mapnik.Color("#505050")
        line.stroke_width = 0.3
        rule.symbols.append(line)
        style.rules.append(rule)
    m.append_style("units", style)
    layer = mapnik.Layer("units", "+proj=longlat +datum=WGS84 +no_defs")
    if source.endswith(".shp"):
        layer.datasource = mapnik.Shapefile(file=source)
    else:
        layer.datasource = mapnik.Datasource(type="geojson", file=source)
    layer.styles.append("units")
    m.layers.append(layer)
    m.zoom_all()
    image = mapnik.Image(m.width, m.height)
    mapnik.render(m, image, scale)
    image.save(out, "png")


if __name__ == "__main__":
    main()
