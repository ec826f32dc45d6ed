#include "io/crs.h"

#include <ogr_spatialref.h>

#include <cmath>
#include <cstdio>

#include "core/error.h"
#include "io/gdal_session.h"

namespace ntm::io {

DisplayCrs choose_display_crs(const geo::Bounds& e) {
    const geo::Vec2 c = e.center();
    // Lạng Sơn's extent (about 21.32–22.47 °N, 106.09–107.37 °E) with a margin.
    if (c.x > 105.9 && c.x < 107.6 && c.y > 21.1 && c.y < 22.7 && e.width() < 3 && e.height() < 3)
        return {"EPSG:9215", "EPSG:9215 VN-2000 / TM-3 107-15",
                "the data lies in Lạng Sơn: the province's own VN-2000 TM-3 zone"};
    char def[200];
    const double lon0 = std::round(c.x * 100) / 100;
    std::snprintf(def, sizeof def,
                  "+proj=tmerc +lat_0=0 +lon_0=%.2f +k=0.9999 +x_0=500000 +y_0=0 +datum=WGS84 "
                  "+units=m +no_defs",
                  lon0);
    char name[120], reason[160];
    std::snprintf(name, sizeof name, "Transverse Mercator, central meridian %.2f °E (WGS 84)", lon0);
    std::snprintf(reason, sizeof reason,
                  "the data lies outside Lạng Sơn: transverse Mercator centred on its middle");
    return {def, name, reason};
}

std::unique_ptr<OGRSpatialReference> make_srs(const std::string& definition, const std::string& what) {
    ensure_gdal();
    GdalErrorCapture capture;
    auto srs = std::make_unique<OGRSpatialReference>();
    if (srs->SetFromUserInput(definition.c_str()) != OGRERR_NONE)
        throw Error(what + ": CRS '" + definition + "' is not understood" +
                    (capture.message().empty() ? "" : " (" + capture.message() + ")"));
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

std::string srs_name(const OGRSpatialReference& srs) {
    const char* name = srs.GetName();
    const char* auth = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    std::string out;
    if (auth && code) out = std::string(auth) + ":" + code + " ";
    if (name && std::string(name) != "unknown") return out + name;
    // A CRS built from a PROJ string (our own transverse Mercator) has no name: describe it.
    if (srs.IsProjected()) {
        const char* method = srs.GetAttrValue("PROJECTION");
        const char* geog = srs.GetAttrValue("GEOGCS");
        char buf[200];
        std::snprintf(buf, sizeof buf, "%s, central meridian %.2f °E (%s)",
                      method ? method : "projected", srs.GetProjParm(SRS_PP_CENTRAL_MERIDIAN, 0.0),
                      geog && std::string(geog) != "unknown" ? geog : "WGS 84");
        std::string text = buf;
        for (char& c : text) c = c == '_' ? ' ' : c;
        return out + text;
    }
    return out + "unnamed CRS";
}

std::string srs_wkt(const OGRSpatialReference& srs) {
    char* wkt = nullptr;
    const char* options[] = {"FORMAT=WKT2_2019", nullptr};
    srs.exportToWkt(&wkt, options);
    std::string out = wkt ? wkt : "";
    CPLFree(wkt);
    return out;
}

void TransformDeleter::operator()(OGRCoordinateTransformation* t) const {
    OGRCoordinateTransformation::DestroyCT(t);
}

Transform make_transform(const OGRSpatialReference& from, const OGRSpatialReference& to) {
    GdalErrorCapture capture;
    Transform t(OGRCreateCoordinateTransformation(&from, &to));
    if (!t)
        throw Error("cannot transform from " + srs_name(from) + " to " + srs_name(to) +
                    (capture.message().empty() ? "" : " (" + capture.message() + ")"));
    return t;
}

bool transform_points(OGRCoordinateTransformation& t, std::vector<geo::Vec2>& points) {
    if (points.empty()) return true;
    std::vector<double> xs(points.size()), ys(points.size());
    for (size_t i = 0; i < points.size(); ++i) {
        xs[i] = points[i].x;
        ys[i] = points[i].y;
    }
    std::vector<int> ok(points.size());
    const bool all = t.Transform(static_cast<int>(points.size()), xs.data(), ys.data(), nullptr,
                                 ok.data()) != 0;
    for (size_t i = 0; i < points.size(); ++i) points[i] = {xs[i], ys[i]};
    return all;
}

bool within_series_reach(const geo::TransverseMercator& tm, const std::vector<geo::Vec2>& ring) {
    for (const geo::Vec2& v : ring)
        if (!(std::abs(v.x - tm.lon0) <= kSeriesReach && std::abs(v.y) <= 84)) return false;
    return true;
}

std::optional<geo::TransverseMercator> series_projection(const OGRSpatialReference& from, const OGRSpatialReference& to,
                                                         const std::vector<geo::Vec2>& check) {
    const auto wgs84 = make_srs("EPSG:4326", "WGS 84");
    if (!from.IsSame(wgs84.get()) || !to.IsProjected() || !to.IsSameGeogCS(wgs84.get())) return std::nullopt;
    const char* method = to.GetAttrValue("PROJECTION");
    if (!method || std::string(method) != SRS_PT_TRANSVERSE_MERCATOR) return std::nullopt;
    if (std::abs(to.GetLinearUnits() - 1.0) > 1e-12 || to.GetProjParm(SRS_PP_LATITUDE_OF_ORIGIN, 0.0) != 0.0)
        return std::nullopt;
    OGRErr err = OGRERR_NONE;
    geo::TransverseMercator tm;
    tm.a = to.GetSemiMajor(&err);
    if (err != OGRERR_NONE) return std::nullopt;
    tm.inverse_flattening = to.GetInvFlattening(&err);
    if (err != OGRERR_NONE || !(tm.inverse_flattening > 1)) return std::nullopt;
    tm.lon0 = to.GetProjParm(SRS_PP_CENTRAL_MERIDIAN, 0.0);
    tm.k0 = to.GetProjParm(SRS_PP_SCALE_FACTOR, 1.0);
    tm.false_easting = to.GetProjParm(SRS_PP_FALSE_EASTING, 0.0);
    tm.false_northing = to.GetProjParm(SRS_PP_FALSE_NORTHING, 0.0);
    // The parameters as read must give PROJ's answer (axis order, units, a parameter missed).
    std::vector<geo::Vec2> sample;
    for (const geo::Vec2& v : check)
        if (within_series_reach(tm, {v})) sample.push_back(v);
    if (sample.empty()) return std::nullopt;
    std::vector<geo::Vec2> by_proj = sample;
    if (!transform_points(*make_transform(from, to), by_proj)) return std::nullopt;
    tm.forward(sample);
    for (size_t i = 0; i < sample.size(); ++i)
        if (!(std::hypot(sample[i].x - by_proj[i].x, sample[i].y - by_proj[i].y) <= 1e-3)) return std::nullopt;
    return tm;
}

}  // namespace ntm::io

namespace ntm::io {

geo::MapGeometry project_lonlat(std::vector<geo::MultiPolygon> shapes) {
    geo::Bounds extent;
    for (const geo::MultiPolygon& s : shapes) extent.add(s.bounds());
    const DisplayCrs display = choose_display_crs(extent);
    const auto src = make_srs("EPSG:4326", "WGS 84");
    const auto dst = make_srs(display.definition, "display CRS");
    Transform t = make_transform(*src, *dst);
    for (geo::MultiPolygon& s : shapes)
        for (geo::Polygon& p : s.parts) {
            transform_points(*t, p.outer);
            for (geo::Ring& h : p.holes) transform_points(*t, h);
        }
    geo::MapGeometry g;
    g.shapes = std::move(shapes);
    g.crs_wkt = srs_wkt(*dst);
    g.crs_name = display.name;
    return g;
}

}  // namespace ntm::io
