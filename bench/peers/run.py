#!/usr/bin/python3
"""Side-by-side: NTM Atlas `export` against Mapnik 3.1 (python3-mapnik: its own GeoJSON and
Shapefile readers, AGG), whole process from start to PNG written, interleaved runs, medians,
ratios and peak memory (GNU /usr/bin/time -v). Not part of CI: run it by hand.

usage: bench/peers/run.py --ntm BUILD/ntm-atlas [--runs 5] [--work /tmp/ntm-peers]
                          [--data ../shared/data] [--only SUBSTRING] [--cold-shaders]

Inputs are made once in --work from ../shared/data/boundaries: the Lạng Sơn 2025 GeoJSON and the
national GeoJSON (decompressed), each with an integer `band` = code mod 5 so that Mapnik draws the
same five fill classes; the national Shapefile (ogr2ogr); and prepared datasets
(`ntm-atlas import`). Both programs read the same files. Mapnik draws in the display CRS NTM Atlas
chose (read from the .prj NTM writes), so both reproject.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def ensure_mapnik():
    try:
        import mapnik  # noqa: F401
        return
    except ImportError:
        pass
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.check_call(sudo + ["apt-get", "install", "-y", "--no-install-recommends", "python3-mapnik"],
                          env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))


def timed(cmd):
    """(seconds, peak MiB) of one run of `cmd` under GNU time -v; raises on failure."""
    r = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        raise RuntimeError("failed (%d): %s\n%s" % (r.returncode, " ".join(cmd), r.stderr[-2000:]))
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", r.stderr)
    h, m, s = wall.groups()
    seconds = (int(h) if h else 0) * 3600 + int(m) * 60 + float(s)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1))
    return seconds, rss / 1024.0


def prepare(ntm, data, work):
    os.makedirs(work, exist_ok=True)
    b = os.path.join(data, "boundaries")
    ls = os.path.join(work, "langson.geojson")
    vn = os.path.join(work, "vn.geojson")
    shp = os.path.join(work, "vn.shp")

    def banded(src, dst):
        if os.path.exists(dst):
            return
        layer = re.search(r"^1: (\S+)", subprocess.check_output(["ogrinfo", "-so", "-q", src], text=True), re.M)
        subprocess.check_call(["ogr2ogr", "-f", "GeoJSON", "-dialect", "SQLite", "-sql",
                               'SELECT *, CAST(code AS INTEGER) %% 5 AS band FROM "%s"' % layer.group(1),
                               dst + ".tmp.geojson", src])
        os.rename(dst + ".tmp.geojson", dst)

    banded(os.path.join(b, "langson_communes_2025.geojson"), ls)
    banded("/vsigzip/" + os.path.join(b, "vn_communes_2025.geojson.gz"), vn)
    if not os.path.exists(shp):
        subprocess.check_call(["ogr2ogr", "-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", shp, vn])
    for src, gpkg in ((ls, "langson.gpkg"), (vn, "vn.gpkg")):
        out = os.path.join(work, gpkg)
        if not os.path.exists(out):
            subprocess.check_call([ntm, "import", "--out", out, "--boundaries", src], stdout=subprocess.DEVNULL)
    return ls, vn, shp


def map_srs(ntm, source, work):
    """The display CRS NTM Atlas picks for `source`, as a PROJ string for Mapnik."""
    png = os.path.join(work, "srs.png")
    subprocess.check_call([ntm, "export", "--boundaries", source, "--out", png, "--size", "64x64"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    from osgeo import osr
    srs = osr.SpatialReference()
    srs.ImportFromWkt(open(os.path.join(work, "srs.prj")).read())
    return srs.ExportToProj4()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ntm", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default="/tmp/ntm-peers")
    ap.add_argument("--data", default=os.path.join(HERE, "..", "..", "..", "shared", "data"))
    ap.add_argument("--only", default="")
    ap.add_argument("--cold-shaders", action="store_true", help="empty Mesa's shader cache before every NTM run")
    a = ap.parse_args()
    ensure_mapnik()
    ntm = os.path.abspath(a.ntm)
    ls, vn, shp = prepare(ntm, a.data, a.work)
    srs_ls, srs_vn = map_srs(ntm, ls, a.work), map_srs(ntm, vn, a.work)
    renderer = os.path.join(HERE, "mapnik_render.py")
    sizes = {"1920×1080": ("1920", "1080", "96", 1.0), "3840×2160": ("3840", "2160", "96", 1.0),
             "A4 300 dpi": ("3508", "2480", "300", 300 / 96.0)}
    # (workload, NTM input, Mapnik input, Mapnik srs)
    workloads = [
        ("Lạng Sơn 2025 GeoJSON, first open", ls, ls, srs_ls),
        ("Lạng Sơn 2025 prepared dataset", os.path.join(a.work, "langson.gpkg"), ls, srs_ls),
        ("Việt Nam 2025 Shapefile", shp, shp, srs_vn),
        ("Việt Nam 2025 prepared dataset", os.path.join(a.work, "vn.gpkg"), shp, srs_vn),
        ("Việt Nam 2025 GeoJSON, first open", vn, vn, srs_vn),
    ]
    cache = os.path.join(a.work, "cache")
    rows = []
    for name, ntm_in, mapnik_in, srs in workloads:
        for size_name, (w, h, dpi, scale) in sizes.items():
            label = "%s, %s" % (name, size_name)
            if a.only and a.only not in label:
                continue
            if size_name != "1920×1080" and "first open" in name and "Việt Nam" in name:
                continue  # the first open is about reading: one size is enough
            flag = "--data" if ntm_in.endswith(".gpkg") else "--boundaries"
            out_n, out_m = os.path.join(a.work, "ntm.png"), os.path.join(a.work, "mapnik.png")
            ntm_cmd = [ntm, "export", flag, ntm_in, "--out", out_n, "--size", w + "x" + h, "--dpi", dpi]
            mapnik_cmd = ["/usr/bin/python3", renderer, mapnik_in, out_m, w, h, srs, str(scale)]
            tn, tm, mn, mm = [], [], [], []
            for _ in range(a.runs):  # interleaved, so drifts in machine load hit both
                # A first open is a first open: NTM Atlas's prepared-dataset cache is emptied.
                # Mesa's shader cache beside it is kept, as on any machine after its first GL
                # program (--cold-shaders empties it too; llvmpipe then compiles every shader).
                shutil.rmtree(os.path.join(cache, "ntm-atlas"), ignore_errors=True)
                if a.cold_shaders:
                    shutil.rmtree(cache, ignore_errors=True)
                env_cmd = ["env", "XDG_CACHE_HOME=" + cache] + ntm_cmd
                s, m = timed(env_cmd)
                tn.append(s), mn.append(m)
                s, m = timed(mapnik_cmd)
                tm.append(s), mm.append(m)
            n_med, m_med = statistics.median(tn), statistics.median(tm)
            ratio = m_med / n_med
            verdict = "%.2f× faster" % ratio if ratio >= 1 else "%.2f× slower" % (1 / ratio)
            rows.append((label, n_med, m_med, verdict, max(mn), max(mm)))
            print("%-50s NTM %6.2f s  Mapnik %6.2f s  %-13s  peak MiB %4.0f / %4.0f" % rows[-1], flush=True)
    print("\n| workload | NTM Atlas | Mapnik | ratio | peak MiB NTM / Mapnik |\n|---|---|---|---|---|")
    for label, n, m, verdict, pn, pm in rows:
        print("| %s | %.2f s | %.2f s | **%s** | %.0f / %.0f |" % (label, n, m, verdict, pn, pm))
    print("\n%d interleaved runs each, medians; peak = largest maximum resident set size." % a.runs)


if __name__ == "__main__":
    sys.exit(main())
