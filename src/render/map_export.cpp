#include "render/map_export.h"

#include <glad/gl.h>
#include <imgui.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>

#include "core/error.h"
#include "core/filters.h"
#include "core/map_colours.h"
#include "core/selection.h"
#include "core/state.h"
#include "core/statistics.h"
#include "core/text.h"
#include "geo/district_outlines.h"
#include "geo/label_anchor.h"
#include "geo/label_placement.h"
#include "geo/outlying_units.h"
#include "geo/picking.h"
#include "render/framebuffer.h"
#include "render/gl_objects.h"
#include "render/imgui_painter.h"
#include "render/map_labels.h"
#include "render/map_renderer.h"

namespace fs = std::filesystem;

namespace ntm::render {
namespace {

// Largest tile (pixels) and strip buffer (bytes) of an automatic tiling: a multisampled tile of
// 2 Mpx costs about 40 MB on llvmpipe; hd and smaller exports are one tile.
constexpr long kTileArea = 1920L * 1088L;
constexpr int kTileSide = 4096;
constexpr long kStripBytes = 64L << 20;
// Other districts' fills in a district export: 60 % of the way to a light grey, so they read as
// context and stay apart from the district's own light colours (no data is nearly white).
constexpr float kMutedAmount = 0.6f;
constexpr int kMutedGrey = 220;

std::string errno_text() { return std::strerror(errno); }

void write_text_file(const std::string& path, const std::string& text) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) throw Error(path + ": cannot be created (" + errno_text() + ")");
    const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    if (std::fclose(f) != 0 || !ok) {
        std::remove(path.c_str());
        throw Error(path + ": cannot be written (" + errno_text() + ")");
    }
}

std::string xml_escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string replace_extension(const std::string& path, const char* ext) {
    return fs::path(path).replace_extension(ext).string();
}

Rgb mute(Rgb c) {
    auto m = [](uint8_t v) { return static_cast<uint8_t>(std::lround(v + (kMutedGrey - v) * kMutedAmount)); };
    return {m(c.r), m(c.g), m(c.b)};
}

// NTM_EXPORT_TIMING=1: seconds per stage of an export on stderr (a glFinish before each GL
// stage's mark, so the GPU's work is counted where it was issued).
struct StageMarks {
    bool on = std::getenv("NTM_EXPORT_TIMING") != nullptr;
    std::chrono::steady_clock::time_point last = std::chrono::steady_clock::now();
    std::clock_t last_cpu = std::clock();
    void mark(const char* what, bool gl = false) {
        if (!on) return;
        if (gl) glFinish();
        const auto now = std::chrono::steady_clock::now();
        const std::clock_t cpu = std::clock();
        std::fprintf(stderr, "timing:   %-26s %.3f s   (CPU %.3f s)\n", what, std::chrono::duration<double>(now - last).count(),
                     double(cpu - last_cpu) / CLOCKS_PER_SEC);
        last = now;
        last_cpu = cpu;
    }
};

// Restores the ImGui context that was current when it was made.
struct ImGuiContextSwitch {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    explicit ImGuiContextSwitch(ImGuiContext* next) { ImGui::SetCurrentContext(next); }
    ~ImGuiContextSwitch() { ImGui::SetCurrentContext(previous); }
};

}  // namespace

// -------------------------------------------------------------------------------------------------

std::optional<ExportSize> export_preset(const std::string& name) {
    if (name == "hd") return ExportSize{1920, 1080, 96};
    if (name == "4k") return ExportSize{3840, 2160, 96};
    if (name == "a4-300") return ExportSize{3508, 2480, 300};
    if (name == "a3-300") return ExportSize{4961, 3508, 300};
    return std::nullopt;
}

ExportSize parse_export_size(const std::string& text) {
    std::string t = text;
    const std::string times = "×";
    if (const size_t p = t.find(times); p != std::string::npos) t.replace(p, times.size(), "x");
    const size_t x = t.find_first_of("xX");
    auto number = [](const std::string& s, int& out) {
        if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos) return false;
        out = std::stoi(s);
        return true;
    };
    ExportSize size;
    if (x == std::string::npos || !number(t.substr(0, x), size.width) || !number(t.substr(x + 1), size.height))
        throw Error("--size: '" + text + "' is not a size (use WIDTHxHEIGHT, e.g. 1920x1080)");
    if (size.width < 16 || size.height < 16 || size.width > kMaxExportSide || size.height > kMaxExportSide)
        throw Error("--size: " + text + " is outside 16.." + std::to_string(kMaxExportSide) + " pixels per side");
    return size;
}

float decoration_scale(int width, int height, double dpi) {
    const double by_size = std::min(width, height) / 720.0;
    return static_cast<float>(std::min(std::max(dpi / 96.0, by_size), kMaxDecorationScale));
}

std::string file_slug(const std::string& name) {
    const std::string key = fold_search_key(name);
    std::string out;
    for (char c : key) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum) out += c;
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "unit" : out;
}

namespace {

// District groups for MapRenderer::set_district_groups (the app's map view draws the same), or
// none when the dataset has fewer than two districts or its neighbours do not share vertices
// (then a dissolve would draw every unit edge as a district line). The check looks at the units
// of one small district only, so it costs next to nothing on the national map.
std::vector<std::string> export_district_groups(const Dataset& dataset, const geo::MapGeometry& geometry,
                                                Date date, const std::vector<int>& islands) {
    if (dataset.districts(date).size() < 2) return {};
    // Units of another boundary version are in no group: their edges are not outlines.
    std::vector<std::string> groups(dataset.units.size(), geo::kNoGroup);
    for (size_t u = 0; u < dataset.units.size(); ++u)
        if (dataset.in_force(static_cast<int>(u), date)) groups[u] = district_key(dataset.units[u]);
    // Islands shown in an inset draw no province outline on the main map.
    for (int u : islands) groups[u] = geo::kNoGroup;
    if (!geo::neighbours_share_vertices(geometry, groups)) return {};
    return groups;
}

// Where an inset of outlying units goes in the map area: the bottom-right corner, about two
// fifths of the height; the mainland is fitted into the part to its left when that costs at most
// 15 % of its scale, else into the whole area (the inset then covers a corner of it).
struct InsetPlan {
    PixelRect main, inset;
};

InsetPlan plan_inset(const PixelRect& area, const geo::Bounds& mainland, const geo::Bounds& islands, float s) {
    InsetPlan p;
    p.main = area;
    const float gap = 12 * s;
    const double aspect = std::clamp(islands.width() / std::max(islands.height(), 1.0), 0.2, 5.0);
    float ih = area.h * 0.42f, iw = static_cast<float>(ih * aspect);
    if (iw > area.w * 0.3f) {
        iw = area.w * 0.3f;
        ih = static_cast<float>(iw / aspect);
    }
    p.inset = {std::round(area.right() - iw - gap), std::round(area.bottom() - ih - gap), std::round(iw), std::round(ih)};
    const double needed = area.h * mainland.width() / std::max(mainland.height(), 1.0);
    const float left_w = p.inset.x - gap - area.x;
    if (left_w >= 0.85 * std::min<double>(needed, area.w)) p.main.w = left_w;
    return p;
}

}  // namespace

// -------------------------------------------------------------------------------------------------

struct MapExporter::Impl {
    const Dataset& dataset;
    const geo::MapGeometry& geometry;
    AttainmentIndex index;
    MapRenderer renderer;
    std::vector<District> districts;
    int outlines_version = -1;  // the boundary version whose district outlines the renderer has
    std::vector<geo::Ring> district_rings;

    std::unique_ptr<ImGuiPainter> painter;
    std::unique_ptr<ImFontAtlas> atlas;
    ImGuiContext* imgui = nullptr;
    std::string font_key;
    UiFonts fonts;

    std::unique_ptr<Framebuffer> target;
    std::unique_ptr<Framebuffer> map_target;  // the map area, multisampled (see render)
    GLuint read_fbo = 0;

    // For the names on the map, made on the first export that draws them.
    int threads = 2;
    std::vector<geo::LabelAnchor> anchors;
    std::unique_ptr<geo::PickingIndex> picking;
    std::unique_ptr<geo::LabelPlacer> placer;

    Impl(const Dataset& d, const geo::MapGeometry& g) : dataset(d), geometry(g), index(d), districts(d.districts()) {}

    // Names are placed on the map snapped to a grid of a quarter pixel (vertices move by at most
    // 0.18 px, far below what changes whether a name fits): anchors and the picking index of the
    // national map then cost a small fraction of full detail. Units shown in the inset get the
    // inset's (finer) grid. Rebuilt when a later export needs finer grids.
    geo::MapGeometry label_geometry;
    double label_step = 0, label_inset_step = 0;
    std::vector<int> label_islands;
    const geo::LabelPlacer& label_placer(double metres_per_pixel, double inset_metres_per_pixel,
                                         const std::vector<int>& islands) {
        const double step = 0.25 * metres_per_pixel, inset_step = 0.25 * inset_metres_per_pixel;
        if (!placer || step < label_step || (!islands.empty() && inset_step < label_inset_step) ||
            islands != label_islands) {
            StageMarks m;
            placer.reset();
            picking.reset();
            label_step = step;
            label_inset_step = islands.empty() ? 0 : inset_step;
            label_islands = islands;
            const geo::Bounds all = geometry.bounds();
            const geo::Vec2 origin = all.empty() ? geo::Vec2{} : geo::Vec2{all.min_x, all.min_y};
            const geo::SnapGrid grid{origin, step}, inset_grid{origin, islands.empty() ? step : inset_step};
            std::vector<uint8_t> in_inset(geometry.shapes.size(), 0);
            for (int u : islands) in_inset[u] = 1;
            label_geometry.shapes.assign(geometry.shapes.size(), {});
            for (size_t u = 0; u < geometry.shapes.size(); ++u)
                label_geometry.shapes[u] = geo::snap_shape(geometry.shapes[u], in_inset[u] ? inset_grid : grid);
            m.mark("  (snapping)");
            label_geometry.crs_wkt = geometry.crs_wkt;
            label_geometry.crs_name = geometry.crs_name;
            // Each anchor to within a quarter pixel (or the usual 0.1 % of the unit's size when
            // finer): the poles of communes a few pixels wide are found in a few steps.
            anchors.assign(label_geometry.shapes.size(), {});
            std::atomic<size_t> next{0};
            auto worker = [&] {
                for (size_t u; (u = next.fetch_add(1)) < label_geometry.shapes.size();) {
                    const geo::MultiPolygon& shape = label_geometry.shapes[u];
                    const geo::Bounds b = shape.bounds();
                    const double size = b.empty() ? 0 : std::sqrt(b.width() * b.height());
                    geo::AnchorOptions options;
                    if (size > 0) options.relative_precision = std::max(options.relative_precision,
                                                                        (in_inset[u] ? inset_step : step) / size);
                    anchors[u] = geo::label_anchor(shape, options);
                }
            };
            std::vector<std::thread> pool;
            for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
            worker();
            for (std::thread& t : pool) t.join();
            m.mark("  (anchors)");
            picking = std::make_unique<geo::PickingIndex>(label_geometry);
            m.mark("  (picking)");
            placer = std::make_unique<geo::LabelPlacer>(label_geometry, anchors, *picking);
        }
        return *placer;
    }
    ~Impl() {
        if (imgui) ImGui::DestroyContext(imgui);
        if (read_fbo) glDeleteFramebuffers(1, &read_fbo);
    }

    void ensure_fonts(float base_px, const std::string& text) {
        std::set<char32_t> glyphs;
        size_t pos = 0;
        char32_t cp = 0;
        while (pos < text.size())
            if (next_code_point(text, pos, cp)) glyphs.insert(cp);
        std::string key = std::to_string(std::lround(base_px * 100)) + ":";
        for (char32_t g : glyphs) append_utf8(key, g);
        if (key == font_key && atlas) return;
        if (!painter) painter = std::make_unique<ImGuiPainter>();
        if (!atlas) atlas = std::make_unique<ImFontAtlas>();
        atlas->Clear();
        std::string glyph_text;
        for (char32_t g : glyphs) append_utf8(glyph_text, g);
        fonts = add_ui_fonts_for_text(*atlas, base_px, glyph_text);
        painter->upload_font_atlas(*atlas);
        atlas->ClearTexData();
        font_key = key;
        if (!imgui) {
            ImGuiContext* previous = ImGui::GetCurrentContext();
            imgui = ImGui::CreateContext(atlas.get());
            ImGui::SetCurrentContext(imgui);
            ImGuiIO& io = ImGui::GetIO();
            io.IniFilename = nullptr;
            io.LogFilename = nullptr;
            io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
            ImGui::SetCurrentContext(previous);
        }
    }

    // A low quantile (the 25th percentile) of the shown units' sizes (sqrt of their bounds' area).
    std::vector<double> unit_sizes;
    double small_unit_size(const std::vector<uint8_t>& shown) {
        if (unit_sizes.empty())
            for (const auto& shape : geometry.shapes) {
                const geo::Bounds b = shape.bounds();
                unit_sizes.push_back(b.empty() ? 0 : std::sqrt(b.width() * b.height()));
            }
        std::vector<double> sizes;
        for (size_t u = 0; u < unit_sizes.size() && u < shown.size(); ++u)
            if (shown[u] && unit_sizes[u] > 0) sizes.push_back(unit_sizes[u]);
        if (sizes.empty()) return 0;
        std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 4, sizes.end());
        return sizes[sizes.size() / 4];
    }

    // The inset's part of one tile (ox, oy: the tile's top-left in the image; tw x th its size):
    // the islands alone, through the inset's own camera, into the inset rectangle.
    void draw_inset(const ExportResult& r, const geo::Bounds& islands, const std::vector<uint8_t>& inset_flags,
                    const std::vector<uint8_t>& main_flags, const MapStyle& style, int ox, int oy, int tw, int th,
                    float s) {
        const PixelRect& in = r.inset;
        const int x0 = std::max(ox, int(in.x)), x1 = std::min(ox + tw, int(in.right()));
        const int y0 = std::max(oy, int(in.y)), y1 = std::min(oy + th, int(in.bottom()));
        if (x0 >= x1 || y0 >= y1) return;
        const Camera ic = fit_camera_in(islands, in, r.width, r.height, 6.0 * s);
        Camera c = ic;
        c.center = ic.screen_to_world({(x0 + x1) / 2.0, (y0 + y1) / 2.0}, r.width, r.height);
        // The islands' own outlines, without the mainland's district or province lines.
        MapStyle inset_style = style;
        inset_style.draw_outlines = true;
        inset_style.district_width_px = 0;
        renderer.set_style(inset_style);
        renderer.set_unit_flags(inset_flags);
        glViewport(x0 - ox, th - (y1 - oy), x1 - x0, y1 - y0);
        renderer.draw(c, x1 - x0, y1 - y0);
        glViewport(0, 0, tw, th);
        renderer.set_unit_flags(main_flags);
        renderer.set_style(style);
    }

    using Sink = std::function<void(const uint8_t* rgb, int first_row, int rows)>;
    ExportResult render(const ExportOptions& o, const Sink& sink);
};

MapExporter::MapExporter(const Dataset& dataset, const geo::MapGeometry& geometry, int threads)
    : impl_(std::make_unique<Impl>(dataset, geometry)) {
    impl_->threads = threads;
    if (geometry.shapes.size() != dataset.units.size())
        throw Error("the map has " + std::to_string(geometry.shapes.size()) + " shapes for " +
                    std::to_string(dataset.units.size()) + " units");
    // Shared without a copy (7.1 M vertices for the national map): the caller keeps `geometry`
    // alive for the exporter's life.
    impl_->renderer.upload(std::shared_ptr<const geo::MapGeometry>(&geometry, [](const geo::MapGeometry*) {}), {},
                           threads);
}

void MapExporter::set_district_outlines(std::vector<geo::Ring> rings) {
    impl_->district_rings = std::move(rings);
    impl_->outlines_version = -1;
}

MapExporter::~MapExporter() = default;

const Dataset& MapExporter::dataset() const { return impl_->dataset; }

ExportResult MapExporter::Impl::render(const ExportOptions& o, const Sink& sink) {
    const int W = o.width, H = o.height;
    if (W < 1 || H < 1 || W > kMaxExportSide || H > kMaxExportSide)
        throw Error("image size " + std::to_string(W) + "x" + std::to_string(H) + " is outside 1.." +
                    std::to_string(kMaxExportSide) + " pixels per side");
    if (!(o.dpi > 0)) throw Error("the resolution must be positive (not " + std::to_string(o.dpi) + " dpi)");
    if (o.district >= static_cast<int>(districts.size())) throw Error("no district number " + std::to_string(o.district));
    const float s = decoration_scale(W, H, o.dpi);

    ExportResult result;
    result.width = W;
    result.height = H;
    result.dpi = o.dpi;
    StageMarks marks;

    // State, statistics and colours on the date; the district in focus, the others muted.
    const std::vector<UnitState> states = index.states(o.date);
    std::vector<uint8_t> in_scope(dataset.units.size(), 1);
    std::string scope_name;
    if (o.unit >= static_cast<int>(dataset.units.size())) throw Error("no unit number " + std::to_string(o.unit));
    if (o.district >= 0) {
        const std::string key = district_key(districts[o.district]);
        for (size_t u = 0; u < dataset.units.size(); ++u) in_scope[u] = district_key(dataset.units[u]) == key;
        scope_name = districts[o.district].name;
    } else if (o.unit >= 0) {
        std::fill(in_scope.begin(), in_scope.end(), 0);
        in_scope[o.unit] = 1;
        scope_name = dataset.units[o.unit].full_name();
    }
    const bool focused = o.district >= 0 || o.unit >= 0;
    result.summary = summarize(dataset, states, o.date,
                               focused ? UnitFilter([&](int u) { return in_scope[u] != 0; }) : UnitFilter());
    if (o.district >= 0) {
        result.summary.scope_code = districts[o.district].code;
        result.summary.scope_name = scope_name;
    } else if (o.unit >= 0) {
        result.summary.scope_code = dataset.units[o.unit].code;
        result.summary.scope_name = scope_name;
    }
    UnitPaint paint = paint_units(dataset, states, o.date);
    std::vector<uint8_t> flags(dataset.units.size(), 0);
    geo::Bounds focus;
    for (size_t u = 0; u < dataset.units.size(); ++u) {
        if (paint.hidden[u]) {
            flags[u] |= kUnitHidden;  // another boundary version
        } else if (in_scope[u]) {
            if (paint.not_applicable[u]) flags[u] |= kUnitHatched;
            focus.add(geometry.shapes[u].bounds());
        } else {
            paint.fill[u] = mute(paint.fill[u]);
        }
    }
    // A view's highlight is drawn as the selection outline: in print, a lighter fill would read
    // as another band.
    std::vector<int> outlined;
    if (o.highlight_band >= 0) outlined = units_in_band(dataset, states, o.highlight_band);
    if (o.highlight_criterion > 0)
        for (int u : units_missing_criterion(dataset, states, o.highlight_criterion)) outlined.push_back(u);
    for (int u : outlined)
        if (in_scope[u]) flags[u] |= kUnitSelected;
    if (focus.empty()) focus = renderer.bounds();
    const bool fixed_view = o.view && !o.view->empty();
    if (fixed_view) focus = *o.view;
    // Units far out at sea (Hoàng Sa, Trường Sa on the national map) go into an inset, so the
    // mainland fills the map; only on whole-map exports.
    std::vector<uint8_t> shown(dataset.units.size(), 0);
    for (size_t u = 0; u < shown.size(); ++u) shown[u] = !paint.hidden[u];
    std::vector<int> islands;
    if (!focused && !fixed_view) islands = geo::outlying_units(geometry, &shown);
    geo::Bounds island_bounds, mainland;
    std::vector<uint8_t> inset_flags;
    if (!islands.empty()) {
        std::vector<uint8_t> is_island(dataset.units.size(), 0);
        for (int u : islands) {
            is_island[u] = 1;
            island_bounds.add(geometry.shapes[u].bounds());
        }
        for (size_t u = 0; u < shown.size(); ++u)
            if (shown[u] && !is_island[u]) mainland.add(geometry.shapes[u].bounds());
        inset_flags = flags;
        for (size_t u = 0; u < flags.size(); ++u) {
            if (is_island[u]) flags[u] |= kUnitHidden;
            else inset_flags[u] |= kUnitHidden;
        }
        focus = mainland;
    }
    result.islands = islands;
    renderer.set_unit_colours(paint.fill);
    renderer.set_unit_flags(flags);
    const int version = dataset.version_on(o.date);
    if (outlines_version != version) {
        if (!district_rings.empty()) renderer.set_district_outlines(district_rings, true);
        else renderer.set_district_groups(
            export_district_groups(dataset, geometry, o.date, focused || fixed_view ? geo::outlying_units(geometry, &shown) : islands));
        outlines_version = version;
    }

    marks.mark("states, colours, outlines");
    MapStyle style;
    style.pixel_scale = s;
    // A whole number of pixels per hatch stripe, so tiles that start on multiples of it continue
    // the stripes seamlessly.
    const int period = std::max(1, static_cast<int>(std::lround(8.0 * s)));
    style.hatch_period_px = period / s;

    // Decorations and the map area.
    const PixelRect frame{0, 0, float(W), float(H)};
    DecorationLayout layout;
    PixelRect main_area;  // the map area less the inset, when there is one
    ImDrawData* draw_data = nullptr;
    std::unique_ptr<ImGuiContextSwitch> imgui_switch;
    if (o.decorations) {
        result.decorations = make_decoration_data(dataset, result.summary, o.date, o.vietnamese, scope_name, o.title,
                                                  geometry.crs_name, o.source);
        result.decorations.dpi = o.dpi >= 150 ? o.dpi : 0;
        if (o.unit >= 0)
            add_unit_rows(result.decorations, dataset, index, states, o.unit, o.date);
        else if (result.summary.xa_with_data > 0)
            add_lagging_rows(result.decorations, dataset,
                             rank_lagging(dataset, states, focused ? UnitFilter([&](int u) { return in_scope[u] != 0; })
                                                                   : UnitFilter()),
                             states, 30);
        // Names: at overview the districts' (or provinces') and every commune's where it fits;
        // zoomed to a district or a unit, the names of what is in focus.
        if (o.labels) {
            MapLabelRequest request;
            request.date = o.date;
            if (focused) request.in_scope = in_scope;
            request.groups = !focused;
            const float pt_px = 96.0f / 72.0f * s;
            request.unit_px = kUnitLabelPt * pt_px;
            request.group_px = kGroupLabelPt * pt_px;
            request.province_px = kProvinceLabelPt * pt_px;
            if (o.unit >= 0) request.in_scope.clear();  // a commune's page names its neighbours too
            result.label_names = map_label_names(dataset, request);
            for (MapLabel& l : result.label_names)
                if (o.unit >= 0 && l.units.size() == 1 && l.units[0] == o.unit) {
                    l.bold = true;  // the page's commune first, larger
                    l.px = request.group_px * 1.25f;
                    l.priority = 3;
                }
        }
        if (!focus.empty() && focus.height() > 0) result.decorations.map_aspect = focus.width() / focus.height();
        ensure_fonts(kDecorBasePx * s, result.decorations.all_text() + map_label_text(result.label_names));
        layout = layout_decorations(result.decorations, fonts, frame, s, kDecorAll);
        main_area = layout.map_area;
        if (!islands.empty()) {
            const InsetPlan plan = plan_inset(layout.map_area, mainland, island_bounds, s);
            main_area = plan.main;
            result.inset = plan.inset;
        }
        result.camera = fit_camera_in(focus, main_area, W, H, fixed_view ? 0 : 8.0 * s);
        result.decorations.metres_per_pixel = result.camera.metres_per_pixel;
        if (!result.label_names.empty()) {
            std::vector<uint8_t> eligible(dataset.units.size(), 0);
            for (size_t u = 0; u < eligible.size(); ++u) eligible[u] = !paint.hidden[u];
            geo::PlacementOptions placement;
            placement.padding = 3.0 * s;
            const PixelRect& m = main_area;
            placement.area = {m.x + 2 * s, m.y + 2 * s, m.right() - 2 * s, m.bottom() - 2 * s};
            for (int u : islands) eligible[u] = 0;
            placement.eligible = &eligible;
            if (!result.inset.empty()) {
                const PixelRect& r = result.inset;
                placement.keep_clear.push_back({r.x - 4 * s, r.y - 4 * s, r.right() + 4 * s, r.bottom() + 4 * s});
            }
            const geo::ScreenFrame screen{result.camera.center, result.camera.metres_per_pixel, double(W), double(H)};
            const double inset_mpp =
                islands.empty() ? 0 : fit_camera_in(island_bounds, result.inset, W, H, 6.0 * s).metres_per_pixel;
            const geo::LabelPlacer& names_placer = label_placer(result.camera.metres_per_pixel, inset_mpp, islands);
            marks.mark("label anchors, index");
            result.labels = place_map_labels(names_placer, result.label_names, fonts.regular, fonts.bold, screen,
                                             placement);
            if (!islands.empty()) {
                // The islands' own names, inside the inset.
                std::vector<uint8_t> only(dataset.units.size(), 0);
                for (int u : islands) only[u] = 1;
                const Camera ic = fit_camera_in(island_bounds, result.inset, W, H, 6.0 * s);
                const PixelRect& r = result.inset;
                placement.area = {r.x + 2 * s, r.y + 2 * s, r.right() - 2 * s, r.bottom() - 2 * s};
                placement.eligible = &only;
                placement.keep_clear.clear();
                std::vector<MapLabel> names;
                std::vector<size_t> origin;  // index of each in result.label_names
                for (size_t i = 0; i < result.label_names.size(); ++i)
                    if (result.label_names[i].units.size() == 1 && only[result.label_names[i].units[0]]) {
                        // Archipelagos are named whole ("Đặc khu Trường Sa"), over the sea if need be.
                        result.label_names[i].text = dataset.units[result.label_names[i].units[0]].full_name();
                        result.label_names[i].may_spill = true;
                        names.push_back(result.label_names[i]);
                        origin.push_back(i);
                    }
                const geo::ScreenFrame inset_screen{ic.center, ic.metres_per_pixel, double(W), double(H)};
                for (DrawnLabel d : place_map_labels(names_placer, names, fonts.regular, fonts.bold, inset_screen, placement)) {
                    d.label = origin[d.label];
                    result.labels.push_back(std::move(d));
                }
            }
        }

        marks.mark("decorations, labels");
        imgui_switch = std::make_unique<ImGuiContextSwitch>(imgui);
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(float(W), float(H));
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        draw_map_frame(ImGui::GetBackgroundDrawList(), layout);
        if (!result.inset.empty()) {
            const PixelRect& r = result.inset;
            const float w = std::max(1.0f, std::round(1.5f * s));
            ImGui::GetBackgroundDrawList()->AddRect(ImVec2(r.x - w / 2, r.y - w / 2), ImVec2(r.right() + w / 2, r.bottom() + w / 2),
                                                    IM_COL32(90, 90, 90, 255), 0, 0, w);
        }
        draw_map_labels(ImGui::GetBackgroundDrawList(), fonts.regular, fonts.bold, result.label_names, result.labels,
                        1.6f * s);
        draw_decorations(ImGui::GetBackgroundDrawList(), fonts, result.decorations, frame, s, kDecorAll);
        ImGui::Render();
        draw_data = ImGui::GetDrawData();
        marks.mark("decoration drawing lists");
    } else {
        const float m = fixed_view ? 0.0f : 0.02f * std::min(W, H);
        layout.map_area = {m, m, W - 2 * m, H - 2 * m};
        main_area = layout.map_area;
        if (!islands.empty()) {
            const InsetPlan plan = plan_inset(layout.map_area, mainland, island_bounds, s);
            main_area = plan.main;
            result.inset = plan.inset;
        }
        result.camera = fit_camera_in(focus, main_area, W, H, 0);
    }
    result.map_area = o.decorations ? layout.map_area : frame;
    if (o.decorations) result.layout = layout;
    // Commune outlines only where communes are wider than a few lines apart: a quarter of the
    // units shown narrower than 8 px would turn the deltas into dark blobs, so then only the
    // district (province) outlines are drawn.
    style.draw_outlines = small_unit_size(shown) / result.camera.metres_per_pixel >= 8.0 * std::max(1.0f, s / 1.5f);
    if (!style.draw_outlines) style.district_width_px = 1.6f;  // the district (province) lines alone: lighter
    renderer.set_style(style);
    const double mpp = result.camera.metres_per_pixel;
    const geo::Vec2 corner = result.camera.screen_to_world({0.5, 0.5}, W, H);
    result.world = {mpp, 0, 0, -mpp, corner.x, corner.y};

    // Tiles: columns from the left, strips from the bottom, both starting on multiples of the
    // hatch period (see above); strips are produced top first for the PNG.
    const int max_side = std::max(period, std::min(Framebuffer::max_size(), o.max_tile > 0 ? o.max_tile : kTileSide));
    int tile_w = W;
    if (tile_w > max_side) tile_w = std::max(period, max_side / period * period);
    const long area = o.max_tile > 0 ? long(max_side) * max_side : kTileArea;
    const long rows_cap = std::min<long>({long(max_side), std::max(1L, area / tile_w), std::max(1L, kStripBytes / (long(W) * 3))});
    int tile_h = H;
    if (tile_h > rows_cap) tile_h = std::max(period, int(rows_cap) / period * period);

    // With decorations, only the map area is drawn multisampled (the decorations' shapes and text
    // carry their own anti-aliasing, and the frame covers everything outside the map area in
    // paper): into a framebuffer the size of the map area's part of a tile, resolved and copied
    // into a single-sampled tile for the decorations. On llvmpipe this saves most of the cost of
    // clearing, drawing into and resolving a multisampled tile, and its memory.
    const bool split = o.decorations && o.samples > 1;
    const int map_x0 = std::clamp(int(std::floor(layout.map_area.x)), 0, W);
    const int map_y0 = std::clamp(int(std::floor(layout.map_area.y)), 0, H);
    const int map_x1 = std::clamp(int(std::ceil(layout.map_area.right())), 0, W);
    const int map_y1 = std::clamp(int(std::ceil(layout.map_area.bottom())), 0, H);
    const int tile_samples = split ? 1 : std::max(1, o.samples);
    if (!target || target->width() != tile_w || target->height() != tile_h || target->samples() != tile_samples) {
        target.reset();
        target = std::make_unique<Framebuffer>(tile_w, tile_h, tile_samples);
    }
    if (split) {
        // Its corner moves down and left to a multiple of the hatch period (so the stripes stay
        // where a whole tile would put them): up to a period more than the map area.
        const int mw = std::min(tile_w, map_x1 - map_x0 + period), mh = std::min(tile_h, map_y1 - map_y0 + period);
        if (mw > 0 && mh > 0 &&
            (!map_target || map_target->width() != mw || map_target->height() != mh || map_target->samples() < 2)) {
            map_target.reset();
            map_target = std::make_unique<Framebuffer>(mw, mh, o.samples);
        }
    }
    if (!read_fbo) glGenFramebuffers(1, &read_fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, read_fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, target->texture(), 0);
    gl::check("preparing the export read-back");

    std::vector<uint8_t> strip(size_t(W) * size_t(tile_h) * 3);
    std::vector<uint8_t> tile(size_t(tile_w) * size_t(tile_h) * 4);
    const int strips = (H + tile_h - 1) / tile_h;
    for (int k = strips - 1; k >= 0; --k) {
        const int bottom_up0 = k * tile_h, bottom_up1 = std::min(H, (k + 1) * tile_h);
        const int th = bottom_up1 - bottom_up0;
        const int oy = H - bottom_up1;  // top row of the strip, top-down
        for (int ox = 0; ox < W; ox += tile_w) {
            const int tw = std::min(tile_w, W - ox);
            Camera camera = result.camera;
            camera.center = result.camera.screen_to_world({ox + tw / 2.0, oy + th / 2.0}, W, H);
            if (split) {
                target->bind();
                glViewport(0, 0, tw, th);
                glDisable(GL_SCISSOR_TEST);
                glClearColor(1, 1, 1, 1);
                glClear(GL_COLOR_BUFFER_BIT);
                // The map area's part of this tile, in the tile's GL pixels (bottom-up).
                const int x0 = std::max(map_x0, ox) - ox, x1 = std::min(map_x1, ox + tw) - ox;
                const int top = std::max(map_y0, oy) - oy, bottom = std::min(map_y1, oy + th) - oy;
                if (map_target && x0 < x1 && top < bottom) {
                    const int lx = x0 / period * period, by = (th - bottom) / period * period;
                    const int mw = std::min(x1 - lx, map_target->width()), mh = std::min(th - top - by, map_target->height());
                    const int mox = ox + lx, moy = oy + th - by - mh;  // its top-left in the image
                    Camera map_camera = result.camera;
                    map_camera.center = result.camera.screen_to_world({mox + mw / 2.0, moy + mh / 2.0}, W, H);
                    map_target->bind();
                    glViewport(0, 0, mw, mh);
                    marks.mark("framebuffer", true);
                    renderer.draw(map_camera, mw, mh);
                    marks.mark("map drawing", true);
                    if (!result.inset.empty())
                        draw_inset(result, island_bounds, inset_flags, flags, style, mox, moy, mw, mh, s);
                    map_target->resolve(mw, mh);
                    glBindFramebuffer(GL_READ_FRAMEBUFFER, map_target->resolved_framebuffer());
                    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target->resolved_framebuffer());
                    glBlitFramebuffer(0, 0, mw, mh, lx, by, lx + mw, by + mh, GL_COLOR_BUFFER_BIT, GL_NEAREST);
                    marks.mark("map resolve, copy", true);
                }
                target->bind();
                glViewport(0, 0, tw, th);
                if (draw_data) painter->draw(*draw_data, tw, th, float(ox), float(oy));
                marks.mark("decorations", true);
            } else {
                target->bind();
                glViewport(0, 0, tw, th);
                marks.mark("framebuffer", true);
                renderer.draw(camera, tw, th);
                marks.mark("map drawing", true);
                if (!result.inset.empty()) draw_inset(result, island_bounds, inset_flags, flags, style, ox, oy, tw, th, s);
                if (draw_data) painter->draw(*draw_data, tw, th, float(ox), float(oy));
                marks.mark("inset, decorations", true);
            }
            target->resolve();
            glBindFramebuffer(GL_READ_FRAMEBUFFER, read_fbo);
            glPixelStorei(GL_PACK_ALIGNMENT, 1);
            glPixelStorei(GL_PACK_ROW_LENGTH, 0);
            glReadPixels(0, 0, tw, th, GL_RGBA, GL_UNSIGNED_BYTE, tile.data());
            gl::check("reading an export tile back");
            marks.mark("resolve, read-back");
            ++result.tiles;
            for (int r = 0; r < th; ++r) {  // GL rows are bottom first
                const uint8_t* src = tile.data() + size_t(th - 1 - r) * size_t(tw) * 4;
                uint8_t* dst = strip.data() + (size_t(r) * size_t(W) + size_t(ox)) * 3;
                for (int x = 0; x < tw; ++x) {
                    dst[3 * x] = src[4 * x];
                    dst[3 * x + 1] = src[4 * x + 1];
                    dst[3 * x + 2] = src[4 * x + 2];
                }
            }
        }
        sink(strip.data(), oy, th);
        marks.mark("PNG rows");
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return result;
}

Image MapExporter::render_image(const ExportOptions& options, ExportResult* result) {
    Image image;
    image.width = options.width;
    image.height = options.height;
    image.rgba.assign(size_t(options.width) * size_t(options.height) * 4, 255);
    ExportResult r = impl_->render(options, [&](const uint8_t* rgb, int first, int rows) {
        for (size_t i = 0, n = size_t(rows) * size_t(options.width); i < n; ++i) {
            uint8_t* dst = image.rgba.data() + (size_t(first) * size_t(options.width) + i) * 4;
            dst[0] = rgb[3 * i];
            dst[1] = rgb[3 * i + 1];
            dst[2] = rgb[3 * i + 2];
        }
    });
    if (result) *result = std::move(r);
    return image;
}

ExportResult MapExporter::export_png(const ExportOptions& options, const std::string& path) {
    const std::string suffix = ".tmp-" + std::to_string(getpid());
    const std::string tmp = path + suffix;
    const std::string pgw = replace_extension(path, ".pgw"), prj = replace_extension(path, ".prj");
    std::vector<std::string> temporaries{tmp};
    try {
        ExportResult result;
        {
            PngRowWriter png(tmp, options.width, options.height, options.dpi);
            result = impl_->render(options, [&](const uint8_t* rgb, int, int rows) { png.rows(rgb, rows); });
            png.finish();
        }
        if (options.world_file) {
            char text[512];
            std::snprintf(text, sizeof text, "%.10f\n%.10f\n%.10f\n%.10f\n%.10f\n%.10f\n", result.world[0],
                          result.world[1], result.world[2], result.world[3], result.world[4], result.world[5]);
            temporaries.push_back(pgw + suffix);
            write_text_file(pgw + suffix, text);
            const std::string& wkt = options.prj.empty() ? impl_->geometry.crs_wkt : options.prj;
            if (!wkt.empty()) {
                temporaries.push_back(prj + suffix);
                write_text_file(prj + suffix, wkt + "\n");
            }
            // GDAL's PNG driver reads the world file but not the .prj: the CRS also goes into
            // GDAL's own side file, so gdalinfo, QGIS and GDAL-based tools know it.
            const std::string aux = path + ".aux.xml";
            if (!wkt.empty()) {
                temporaries.push_back(aux + suffix);
                write_text_file(aux + suffix, "<PAMDataset>\n  <SRS>" + xml_escape(wkt) + "</SRS>\n</PAMDataset>\n");
            }
            fs::rename(pgw + suffix, pgw);
            if (!wkt.empty()) {
                fs::rename(prj + suffix, prj);
                fs::rename(aux + suffix, aux);
            } else {  // stale ones would misplace the new image
                std::remove(prj.c_str());
                std::remove(aux.c_str());
            }
        }
        fs::rename(tmp, path);
        return result;
    } catch (const Error& e) {
        for (const std::string& t : temporaries) std::remove(t.c_str());
        const std::string what = e.what();
        throw Error(what.rfind(path, 0) == 0 ? what : path + ": " + what);
    } catch (const fs::filesystem_error& e) {
        for (const std::string& t : temporaries) std::remove(t.c_str());
        throw Error(path + ": cannot be written (" + e.code().message() + ")");
    }
}

}  // namespace ntm::render
