#pragma once
// Print-quality, georeferenced PNG exports of a dataset's map on a date: the map fills coloured
// by core's paint_units(), the decorations of decorations.h, any size (tiled beyond the GPU's
// framebuffer limit and streamed to the PNG strip by strip, so memory stays bounded), the
// resolution in pHYs, and a world file (.pgw) plus .prj beside the image.
//
// A MapExporter needs a current OpenGL 3.3 context with the functions loaded for its whole life
// (OffscreenContext on the command line, the app's own context in the app). It uploads the
// geometry once, so an atlas or a series of frames re-uses it.
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/date.h"
#include "geo/geometry.h"
#include "render/camera.h"
#include "render/decorations.h"
#include "render/map_labels.h"
#include "render/png_writer.h"

namespace ntm::render {

struct ExportSize {
    int width = 0, height = 0;
    double dpi = 96;
};

// hd 1920x1080, 4k 3840x2160 (96 dpi); a4-300 3508x2480 and a3-300 4961x3508 (landscape, 300 dpi).
// nullopt for an unknown name.
std::optional<ExportSize> export_preset(const std::string& name);
// "1920x1080" (also "1920X1080", "1920×1080"); throws ntm::Error for anything else or a side
// outside 16..kMaxExportSide.
ExportSize parse_export_size(const std::string& text);
constexpr int kMaxExportSide = 32768;
// Text and line widths scale with dpi / 96 up to this factor (1200 dpi): beyond it glyphs would
// not fit a font atlas texture.
constexpr double kMaxDecorationScale = 12.5;
// The text and line scale of a width x height export at `dpi`: dpi / 96, and at least the short
// side / 720, because a screen-resolution image is shrunk when placed in a report and its text
// must still read there (HD: 1.5, so legend text is about 22 px); capped at kMaxDecorationScale.
float decoration_scale(int width, int height, double dpi);

struct ExportOptions {
    int width = 1920, height = 1080;
    double dpi = 96;            // recorded in pHYs; text and line widths scale with dpi / 96
                                // (capped at kMaxDecorationScale)
    Date date;                  // the state shown
    int district = -1;          // index into Dataset::districts() to zoom to (others muted), -1: all
    // Or a unit to zoom to (index into Dataset::units), drawn with its neighbours muted: the
    // pages of an atlas of communes, where there are no districts (after July 2025).
    int unit = -1;
    // A world rectangle (display CRS metres) to show fitted into the map area instead of the
    // units' (or the district's) bounds: the app's current view.
    std::optional<geo::Bounds> view;
    std::string title;          // replaces the default title when not empty
    std::string source;         // the map's source line (--source); empty: the dataset's
    bool vietnamese = true;     // false: English text
    bool decorations = true;    // false: the map alone (--map-only)
    // Xã outlined as highlighted (a briefing view's): those in this band (index into the
    // criteria set's bands, -1 none) or missing this criterion (its number, 0 none).
    int highlight_band = -1;
    int highlight_criterion = 0;
    int samples = 4;            // multisampling
    int max_tile = 0;           // > 0: largest tile side (tests force tiling with small values)
    bool world_file = true;     // write FILE.pgw and FILE.prj beside FILE.png
    // The .prj's text (WKT of the display CRS, e.g. io::prj_wkt(geometry.crs_wkt)); empty: the
    // geometry's crs_wkt as it is. No .prj is written when both are empty.
    std::string prj;
    bool labels = true;         // names on the map (with the decorations)
};

struct ExportResult {
    int width = 0, height = 0;
    double dpi = 0;
    Camera camera;               // of the whole image
    PixelRect map_area;          // where the map shows (the rest is decorations and paper)
    DecorationLayout layout;     // where the decorations went (empty without them)
    // Units far out at sea (geo::outlying_units) drawn in `inset` instead of the main map, on
    // whole-map exports; the world file describes the main map only.
    std::vector<int> islands;
    PixelRect inset;
    int tiles = 0;               // framebuffer passes
    DecorationData decorations;  // what the legend and title say
    std::vector<MapLabel> label_names;  // the names that could show
    std::vector<DrawnLabel> labels;     // those drawn, with their boxes in image pixels
    Summary summary;             // the statistics the legend shows
    // World file lines: x size of a pixel, rotation, rotation, -y size, x and y of the centre of
    // the top-left pixel, in the display CRS.
    std::array<double, 6> world{};
};


class MapExporter {
public:
    // Uploads `geometry` (parallel to dataset.units) with `threads` tessellation threads. Both
    // must outlive the exporter.
    MapExporter(const Dataset& dataset, const geo::MapGeometry& geometry, int threads = 2);
    ~MapExporter();
    MapExporter(const MapExporter&) = delete;
    MapExporter& operator=(const MapExporter&) = delete;

    // District outlines to draw instead of those the renderer dissolves from the districts
    // (io::dissolve_group_outlines, for files whose neighbours do not share vertices).
    void set_district_outlines(std::vector<geo::Ring> rings);

    // Writes the PNG (via a temporary file renamed over `path` when complete; a good file at
    // `path` is left alone on failure) and, when options.world_file, `path` with .pgw and .prj
    // and GDAL's `path`.aux.xml holding the CRS (GDAL's PNG driver does not read .prj files).
    // Throws ntm::Error naming the file.
    ExportResult export_png(const ExportOptions& options, const std::string& path);
    // The same image in memory (tests, previews); still tiled as export_png() would.
    Image render_image(const ExportOptions& options, ExportResult* result = nullptr);

    const Dataset& dataset() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// "Lạng Sơn" -> "lang-son" (fold_search_key, non-alphanumerics to single dashes), for file names.
std::string file_slug(const std::string& name);

}  // namespace ntm::render
