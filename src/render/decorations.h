#pragma once
// The composition around a map — title, date line, legend with counts and percentages, scale
// bar, north arrow, source line and the "Dữ liệu minh họa" note — shared by the app's map view and
// the exports, so what the user sees is what the PNG shows.
//
// Two steps: make_decoration_data() turns the domain (dataset, summary on a date, language) into
// text and legend rows; layout_decorations() / draw_decorations() place them in a frame of
// pixels and draw them into an ImGui draw list (any draw list whose current texture is the atlas
// holding `fonts`). Sizes are in pixels at 96 dpi times `scale` (dpi / 96 for print exports, the
// monitor's content scale in the app).
#include <cstdint>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/palette.h"
#include "core/state.h"
#include "core/statistics.h"
#include "render/camera.h"
#include "render/fonts.h"

struct ImDrawList;

namespace ntm::render {

struct LegendRow {
    std::string label;     // "19", "15–18", ..., "Chưa có dữ liệu", "Không áp dụng (phường, thị trấn)"
    int count = 0;         // < 0: no count to give (no assessments at all), drawn "—"
    double percent = -1;   // of xã in scope; < 0: not shown (not-applicable row)
    Rgb colour;
    bool hatched = false;  // drawn with the map's not-applicable hatching
    int band = -1;         // index into CriteriaSet::bands, -1 for the other rows
};

struct DecorationData {
    bool vietnamese = true;    // false: English (numbers and dates as core/format.h writes them)
    std::string title;         // "Kết quả xây dựng nông thôn mới — tỉnh Lạng Sơn, ngày 31/07/2020"
    std::string date_line;     // "Số liệu đến ngày 31/07/2020 · Bộ tiêu chí 2021-2025 (19 tiêu chí)"
    std::string legend_title;  // "Số tiêu chí đạt"
    std::string count_header, percent_header;  // "Số lượng", "Tỷ lệ"
    std::vector<LegendRow> legend;             // bands top first, then no data, not applicable
    std::string legend_note;   // "181 xã · bình quân 11,66 tiêu chí/xã"
    std::string source_line;   // "Nguồn: ... · Hệ tọa độ: ..."
    bool illustrative = false;
    std::string illustrative_note;  // "Dữ liệu minh họa — không phải số liệu chính thức"
    std::string north_label;        // "B" (Bắc) / "N"
    // Key figures under the legend ("Đạt chuẩn nông thôn mới", "51 xã · 28,18 %").
    std::string stats_title;
    std::vector<std::pair<std::string, std::string>> stats;
    // The xã with the fewest criteria met (add_lagging_rows), as many as the page has room for.
    enum class Tone { Warning, Good, Muted };  // the value's colour: red, green, grey
    struct TableRow {
        std::string name, place, value;  // "Xã Ba Sơn", "Huyện Cao Lộc", "5/19"
        Tone tone = Tone::Warning;
    };
    std::string lagging_title;  // "Xã đạt ít tiêu chí nhất"
    std::vector<TableRow> lagging;
    // Said on the map when no xã shown has an assessment on the date: "Chưa có dữ liệu đánh giá"
    // (an all-grey map must not read as results); empty otherwise.
    std::string no_data_note;

    // Set by the caller for the frame being drawn: ground metres per frame pixel in the display
    // CRS (Camera::metres_per_pixel) for the scale bar, and the print resolution (0: none) for
    // the representative fraction "1:250.000" under it.
    double metres_per_pixel = 0;
    double dpi = 0;
    // Width / height of what the map shows (0: unknown): a map narrower than its area gives the
    // key figures and the lagging table a column of their own.
    double map_aspect = 0;

    // Every character the decorations may draw, for building a font atlas with only those glyphs.
    std::string all_text() const;
};

// Builds the decorations of `summary` (from summarize() over the units shown, on `date`).
// `scope_name` names a district when the map is zoomed to one ("Huyện Cao Lộc"), else "".
// `title_override` replaces the default title when not empty. `crs_name` (MapGeometry::crs_name)
// goes into the source line when not empty. `source_override` replaces the dataset's source
// (a dataset made from files names them: "Nguồn: ranh giới hành chính x.geojson (chưa có ...)").
DecorationData make_decoration_data(const Dataset& dataset, const Summary& summary, Date date,
                                    bool vietnamese, const std::string& scope_name = "",
                                    const std::string& title_override = "",
                                    const std::string& crs_name = "",
                                    const std::string& source_override = "");

// Fills data.lagging from rank_lagging() (fewest criteria first), at most `max_rows`, and only xã
// that miss at least one criterion.
void add_lagging_rows(DecorationData& data, const Dataset& dataset, const std::vector<UnitRank>& ranked,
                      const std::vector<UnitState>& states, size_t max_rows = 12);

// A single unit's page (atlas pages after the reform): the table holds, for an xã with an
// assessment on `date`, its criteria checklist ("1. Quy hoạch" — "Đạt" / "Chưa đạt", title "Tiêu
// chí ngày 01/12/2026: đạt 6/10"); otherwise, when the lineage names the units it was formed
// from, those units and how they stood the day before (title "Hình thành từ (tiêu chí ngày
// 30/06/2025)", rows "Xã Mai Pha", "Huyện Cao Lộc", "19/19" / "không áp dụng" / "—").
// Nothing when the data holds neither.
void add_unit_rows(DecorationData& data, const Dataset& dataset, const AttainmentIndex& index,
                   const std::vector<UnitState>& states, int unit, Date date);

// The default title: "Kết quả xây dựng nông thôn mới — tỉnh Lạng Sơn, ngày 31/07/2020",
// "... — huyện Cao Lộc, tỉnh Lạng Sơn, ngày ..."; English "New rural development results —
// Lạng Sơn province, 2020-07-31". Dates, counts and percentages come from core/format.h.
std::string default_title(const Dataset& dataset, Date date, bool vietnamese,
                          const std::string& scope_name = "");

// The scale bar's length: the longest 1-2-5 × 10^k metres not longer than max_metres (> 0).
double nice_scale_length(double max_metres);
// "500 m", "2 km", "1,5 km" (vi) / "1.5 km" (en)
std::string format_distance(double metres, bool vietnamese);

enum DecorationElement : unsigned {
    kDecorTitle = 1,         // title
    kDecorDate = 2,          // the date line under the title
    kDecorLegend = 4,
    kDecorScaleBar = 8,
    kDecorNorthArrow = 16,
    kDecorSource = 32,
    kDecorIllustrative = 64,  // drawn only when DecorationData::illustrative
    kDecorNoData = 128,       // the no-data note under the title, drawn only when there is one
    kDecorStats = 256,        // key figures under the legend
    kDecorLagging = 512,      // the table of lagging xã, in the space left
    kDecorAll = 1023,
};

struct PixelRect {
    float x = 0, y = 0, w = 0, h = 0;  // top-left corner and size, pixels, y down
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    bool empty() const { return !(w > 0 && h > 0); }
};

struct DecorationLayout {
    PixelRect frame;
    PixelRect map_area;  // where the map goes: fit the camera into it (fit_camera_in)
    PixelRect header, legend, scale_bar, north_arrow, footer;  // empty when not drawn
    PixelRect stats, lagging;
    size_t lagging_rows = 0;  // rows of data.lagging that fit
    float scale = 1;
};

// Where everything goes in `frame`: a header with the title and date line across the top, a
// footer with the source and illustrative note, and the legend, north arrow, scale bar, key
// figures and the lagging-xã table in a column on the right (landscape frames) or a band along
// the bottom (portrait frames); the table takes the rows the space left can hold, so the page
// has no large empty area; the map area is what is left. With no elements the map area is the frame less a small margin.
DecorationLayout layout_decorations(const DecorationData& data, const UiFonts& fonts,
                                    const PixelRect& frame, float scale, unsigned elements);

// Draws the elements into `list` at the layout's places (layout_decorations() of the same
// arguments) and returns that layout.
DecorationLayout draw_decorations(ImDrawList* list, const UiFonts& fonts,
                                  const DecorationData& data, const PixelRect& frame, float scale,
                                  unsigned elements = kDecorAll);

// Paints the frame outside the layout's map area with `paper` (so the map stops at its area and
// never runs under the title or the legend) and draws a thin neatline around the map area.
// Exports call it before draw_decorations(); the app's map view, whose map fills its panel,
// does not.
void draw_map_frame(ImDrawList* list, const DecorationLayout& layout, Rgb paper = {255, 255, 255});

// The camera that shows all of `bounds` as large as possible inside `area` of a frame_w x
// frame_h viewport (keeping `margin_px` free on every side of the area), centred in the area.
Camera fit_camera_in(const geo::Bounds& bounds, const PixelRect& area, int frame_w, int frame_h,
                     double margin_px);

// Font size in pixels of the body text at `scale`: UiFonts made with this base size draw the
// decorations 1:1 (exports build their atlas so; the app's fonts are scaled).
constexpr float kDecorBasePx = 15.0f;

}  // namespace ntm::render
