#include "render/decorations.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <set>

#include "core/format.h"
#include "core/lineage.h"
#include "core/text.h"
#include "core/unit.h"

namespace ntm::render {
namespace {

// Colours of the composition (ImGui's ABGR packing through IM_COL32).
const ImU32 kText = IM_COL32(31, 31, 31, 255);
const ImU32 kMuted = IM_COL32(85, 85, 85, 255);
const ImU32 kWarning = IM_COL32(176, 0, 32, 255);
const ImU32 kGood = IM_COL32(0, 110, 50, 255);  // a met criterion: dark green, readable on white
const ImU32 kSwatchBorder = IM_COL32(120, 120, 120, 255);

std::string count_text(int count, bool vietnamese) { return count < 0 ? "—" : format_count(count, vietnamese); }
const ImU32 kBoxBorder = IM_COL32(200, 200, 200, 255);
const ImU32 kBoxFill = IM_COL32(255, 255, 255, 240);
const ImU32 kDark = IM_COL32(40, 40, 40, 255);
const ImU32 kWhite = IM_COL32(255, 255, 255, 255);
const ImU32 kHatch = IM_COL32(120, 120, 120, 255);  // MapStyle::hatch

ImU32 colour(Rgb c) { return IM_COL32(c.r, c.g, c.b, 255); }

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// "Huyện Cao Lộc" -> "huyện Cao Lộc" in the middle of a sentence (the type words start with an
// ASCII capital).
std::string lower_type_word(const std::string& name) {
    const std::string key = fold_search_key(name);
    for (const char* type : {"huyen ", "thanh pho ", "thi xa ", "quan ", "tinh ", "xa ", "phuong "})
        if (starts_with(key, type) && !name.empty() && name[0] >= 'A' && name[0] <= 'Z') {
            std::string out = name;
            out[0] = static_cast<char>(out[0] - 'A' + 'a');
            return out;
        }
    return name;
}

// A district's English form: "Huyện Cao Lộc" -> "Cao Lộc district".
std::string english_district(const std::string& name) {
    const std::string key = fold_search_key(name);
    struct Type { const char* key; size_t bytes; const char* en; };
    // Byte lengths of the Vietnamese type words with their trailing space.
    const Type types[] = {{"huyen ", std::string("Huyện ").size(), " district"},
                          {"thanh pho ", std::string("Thành phố ").size(), " city"},
                          {"thi xa ", std::string("Thị xã ").size(), " town"},
                          {"quan ", std::string("Quận ").size(), " district"}};
    for (const Type& t : types)
        if (starts_with(key, t.key) && name.size() > t.bytes) return name.substr(t.bytes) + t.en;
    return name;
}

// A dataset title that is a file's stem ("langson_communes_2025") is shown as it is; a place
// name gets "tỉnh" / "province" unless it already says what it is.
bool looks_like_file_name(const std::string& title) {
    return title.find_first_of("_/\\.") != std::string::npos;
}

std::string province_place(const std::string& title, bool vi) {
    if (title.empty() || looks_like_file_name(title)) return title;
    const std::string key = fold_search_key(title);
    if (starts_with(key, "tinh ") || starts_with(key, "thanh pho ") || key == "viet nam")
        return vi ? lower_type_word(title) : title;
    return vi ? "tỉnh " + title : title + " province";
}

// A dataset's source as people read it: its text when it is one ("Dữ liệu minh họa do NTM Atlas
// tạo; ..."), else — the files it was made from — their names as boundaries, and that there are
// no assessments when there are none, so a boundary-only map does not pass for results.
std::string default_source(const Dataset& dataset, bool vi) {
    const std::string& text = dataset.info.source;
    std::vector<std::string> items;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(", ", start);
        if (end == std::string::npos) end = text.size();
        std::string item = text.substr(start, end - start);
        if (!item.empty()) items.push_back(item);
        start = end + 2;
    }
    bool paths = !items.empty();
    for (const std::string& item : items)
        paths = paths && item.find(' ') == std::string::npos && item.find_first_of("/.") != std::string::npos;
    if (!paths) return text;
    std::string files;
    for (const std::string& item : items) {
        const size_t slash = item.find_last_of('/');
        files += (files.empty() ? "" : ", ") + (slash == std::string::npos ? item : item.substr(slash + 1));
    }
    const bool assessed = dataset.last_data_date().has_value();
    if (vi) return "ranh giới hành chính " + files + (assessed ? "" : " (chưa có số liệu đánh giá nông thôn mới)");
    return "administrative boundaries " + files + (assessed ? "" : " (no new-rural assessments)");
}

// ---------------------------------------------------------------------------------------------
// Layout

ImVec2 measure(ImFont* font, float px, const std::string& text, float wrap = 0) {
    if (text.empty() || !font) return ImVec2(0, 0);
    return font->CalcTextSizeA(px, FLT_MAX, wrap, text.data(), text.data() + text.size());
}

void put_text(ImDrawList* list, ImFont* font, float px, ImVec2 at, ImU32 col, const std::string& text,
              float wrap = 0) {
    if (text.empty() || !font) return;
    list->AddText(font, px, ImVec2(std::round(at.x), std::round(at.y)), col, text.data(),
                  text.data() + text.size(), wrap);
}

struct Sizes {
    float s = 1;
    float body, title, small, note, pad, gap;
    float swatch_w, swatch_h, inner, row_gap;
    float scale_bar_max, scale_bar_h, arrow_w, arrow_h;
    explicit Sizes(float scale) : s(scale) {
        body = kDecorBasePx * s;
        title = kDecorBasePx * kLargeFontFactor * s;
        small = 12.5f * s;
        note = 14.0f * s;
        pad = 22 * s;
        gap = 8 * s;
        swatch_w = 30 * s;
        swatch_h = 18 * s;
        inner = 12 * s;
        row_gap = 6 * s;
        scale_bar_max = 170 * s;
        scale_bar_h = 8 * s;
        arrow_w = 24 * s;
        arrow_h = 40 * s;
    }
};

struct LegendPlan {
    float label_wrap = 0, label_w = 0, count_w = 0, percent_w = 0;
    float title_h = 0, header_h = 0, note_h = 0;
    std::vector<float> row_h;
    float width = 0, height = 0;
};

struct Plan {
    DecorationLayout layout;
    Sizes z{1};
    float title_px = 0;
    float title_h = 0, date_h = 0, note_h = 0, no_data_h = 0, source_h = 0;
    LegendPlan legend;
    float scale_block_h = 0;
    float line_h = 0;        // one table row
    float stats_label_w = 0;  // the key figures' left column
};

// The key figures' box: a title, then label / value rows.
float stats_height(const DecorationData& d, const Plan& p) {
    if (d.stats.empty()) return 0;
    return 2 * p.z.inner + p.line_h * (1 + d.stats.size()) + 4 * p.z.s;
}
// The lagging table's box with `rows` rows.
float lagging_height(const Plan& p, size_t rows) {
    return 2 * p.z.inner + p.line_h * (1 + rows) + 4 * p.z.s;
}
// Rows of the lagging table that fit in `h` (none when fewer than three do: a stub reads as noise).
size_t lagging_rows_for(const DecorationData& d, const Plan& p, float h) {
    if (d.lagging.empty() || h <= 0) return 0;
    const float per = p.line_h;
    const long n = static_cast<long>(std::floor((h - lagging_height(p, 0)) / per));
    if (n < std::min<long>(3, static_cast<long>(d.lagging.size()))) return 0;
    return std::min<size_t>(static_cast<size_t>(n), d.lagging.size());
}

LegendPlan plan_legend(const DecorationData& d, const UiFonts& f, const Sizes& z) {
    LegendPlan p;
    p.label_wrap = 190 * z.s;
    bool any_percent = false;
    for (const LegendRow& r : d.legend) {
        const ImVec2 size = measure(f.regular, z.body, r.label, p.label_wrap);
        p.label_w = std::max(p.label_w, size.x);
        p.row_h.push_back(std::max(z.swatch_h, size.y) + z.row_gap);
        p.count_w = std::max(p.count_w, measure(f.regular, z.body, count_text(r.count, d.vietnamese)).x);
        if (r.percent >= 0) {
            any_percent = true;
            p.percent_w = std::max(p.percent_w, measure(f.regular, z.body, format_percent(r.percent, d.vietnamese)).x);
        }
    }
    p.count_w = std::max(p.count_w, measure(f.regular, z.small, d.count_header).x);
    if (any_percent) p.percent_w = std::max(p.percent_w, measure(f.regular, z.small, d.percent_header).x);
    const float columns = z.swatch_w + 10 * z.s + p.label_w + 16 * z.s + p.count_w +
                          (any_percent ? 14 * z.s + p.percent_w : 0);
    const float title_w = measure(f.bold, z.body, d.legend_title).x;
    p.width = 2 * z.inner + std::max(columns, title_w);
    p.title_h = measure(f.bold, z.body, d.legend_title, p.width - 2 * z.inner).y;
    p.header_h = measure(f.regular, z.small, "Ag").y;
    p.note_h = measure(f.regular, z.small, d.legend_note, p.width - 2 * z.inner).y;
    float rows = 0;
    for (float h : p.row_h) rows += h;
    p.height = 2 * z.inner + p.title_h + 4 * z.s + p.header_h + 4 * z.s + rows +
               (d.legend_note.empty() ? 0 : 4 * z.s + p.note_h);
    return p;
}

Plan make_plan(const DecorationData& d, const UiFonts& f, const PixelRect& frame, float scale,
               unsigned elements) {
    Plan p;
    p.z = Sizes(scale > 0 ? scale : 1);
    const Sizes& z = p.z;
    DecorationLayout& L = p.layout;
    L.frame = frame;
    L.scale = z.s;

    const bool title = elements & kDecorTitle, date = elements & kDecorDate;
    const bool note = (elements & kDecorIllustrative) && d.illustrative;
    const bool legend = (elements & kDecorLegend) && !d.legend.empty();
    const bool scale_bar = elements & kDecorScaleBar, north = elements & kDecorNorthArrow;
    const bool source = (elements & kDecorSource) && !d.source_line.empty();
    if (!(title || date || note || legend || scale_bar || north || source)) {
        const float m = std::min(frame.w, frame.h) * 0.02f;
        L.map_area = {frame.x + m, frame.y + m, frame.w - 2 * m, frame.h - 2 * m};
        return p;
    }
    const float avail = std::max(1.0f, frame.w - 2 * z.pad);

    // Header: title (shrunk up to 28 %, then wrapped), date line, illustrative note.
    float y = frame.y + z.pad;
    if (title && !d.title.empty()) {
        p.title_px = z.title;
        const float w = measure(f.large, p.title_px, d.title).x;
        if (w > avail) p.title_px = std::max(0.72f * z.title, z.title * avail / w);
        p.title_h = measure(f.large, p.title_px, d.title, avail).y;
        y += p.title_h + 4 * z.s;
    }
    if (date && !d.date_line.empty()) {
        p.date_h = measure(f.regular, z.body, d.date_line, avail).y;
        y += p.date_h + 3 * z.s;
    }
    if (note && !d.illustrative_note.empty()) {
        p.note_h = measure(f.bold, z.note, d.illustrative_note, avail).y;
        y += p.note_h + 3 * z.s;
    }
    if ((elements & kDecorNoData) && !d.no_data_note.empty()) {
        p.no_data_h = measure(f.bold, z.body * 1.2f, d.no_data_note, avail).y;
        y += p.no_data_h + 3 * z.s;
    }
    if (y > frame.y + z.pad) {
        L.header = {frame.x + z.pad, frame.y + z.pad, avail, y - (frame.y + z.pad)};
        y += 10 * z.s;
    }
    const float top = y;

    // Footer: the source line, wrapped.
    float bottom = frame.bottom() - z.pad;
    if (source) {
        p.source_h = measure(f.regular, z.small, d.source_line, avail).y;
        L.footer = {frame.x + z.pad, frame.bottom() - 0.75f * z.pad - p.source_h, avail, p.source_h};
        bottom = L.footer.y - 10 * z.s;
    }

    // Legend, scale bar, north arrow.
    if (legend) p.legend = plan_legend(d, f, z);
    const float small_h = measure(f.regular, z.small, "Ag").y;
    p.scale_block_h = small_h + 3 * z.s + z.scale_bar_h + (d.dpi > 0 ? 4 * z.s + small_h : 0);
    const float arrow_block_h = measure(f.bold, z.body, "N").y + 2 * z.s + z.arrow_h;
    const float scale_w = scale_bar ? z.scale_bar_max : 0, arrow_w = north ? z.arrow_w : 0;
    const float tools_w = scale_w + (scale_bar && north ? 24 * z.s : 0) + arrow_w;
    const float tools_h = std::max(scale_bar ? p.scale_block_h : 0, north ? arrow_block_h : 0);
    const bool any_tool = scale_bar || north;
    p.line_h = measure(f.regular, z.body, "Ag").y + 3 * z.s;
    const bool stats = (elements & kDecorStats) && !d.stats.empty();
    const bool lagging = (elements & kDecorLagging) && !d.lagging.empty();
    for (const auto& kv : d.stats) p.stats_label_w = std::max(p.stats_label_w, measure(f.regular, z.body, kv.first).x);

    if (legend || any_tool) {
        const bool landscape = frame.w >= frame.h;
        if (landscape) {
            const float col_w = std::max(legend ? p.legend.width : 0, tools_w);
            float col_x = frame.right() - z.pad - col_w;
            float cy = top;
            if (legend) {
                L.legend = {col_x, cy, col_w, p.legend.height};
                cy += p.legend.height + 18 * z.s;
            }
            if (north) L.north_arrow = {col_x + col_w - z.arrow_w - 4 * z.s, cy, z.arrow_w, arrow_block_h};
            if (scale_bar)
                L.scale_bar = {col_x, cy + (tools_h - p.scale_block_h),
                               col_w - (north ? z.arrow_w + 28 * z.s : 0), p.scale_block_h};
            cy += tools_h + (any_tool ? 12 * z.s : 0);
            // A map narrower than its area leaves room on its right: the key figures and the
            // table get a column of their own there, full height.
            float map_right = col_x - 16 * z.s;
            if ((stats || lagging) && d.map_aspect > 0) {
                const float need = (bottom - top) * d.map_aspect + 16 * z.s;
                const float room = map_right - (frame.x + z.pad) - need;
                if (room >= col_w + 20 * z.s) {
                    map_right -= col_w + 20 * z.s;
                    cy = top;
                    col_x = map_right + 16 * z.s;
                }
            }
            if (stats && cy + stats_height(d, p) <= bottom) {
                L.stats = {col_x, cy, col_w, stats_height(d, p)};
                cy += L.stats.h + 14 * z.s;
            }
            if (lagging) {
                L.lagging_rows = lagging_rows_for(d, p, bottom - cy);
                if (L.lagging_rows > 0) L.lagging = {col_x, cy, col_w, lagging_height(p, L.lagging_rows)};
            }
            L.map_area = {frame.x + z.pad, top, map_right - (frame.x + z.pad), bottom - top};
        } else {
            // The band: the legend with the scale bar and north arrow under it | the key figures
            // over the lagging table, in the rest of the width.
            const float left_w = std::max(legend ? p.legend.width : 0, tools_w);
            const float left_h = (legend ? p.legend.height : 0) + (legend && any_tool ? 14 * z.s : 0) + tools_h;
            const float middle_x = frame.x + z.pad + left_w + 24 * z.s, middle_w = frame.right() - z.pad - middle_x;
            const bool middle = (stats || lagging) && middle_w > 260 * z.s;
            const float stats_h = middle && stats ? stats_height(d, p) : 0;
            const float table_h = middle && lagging ? lagging_height(p, std::min<size_t>(8, d.lagging.size())) : 0;
            const float band_h = std::max(left_h, stats_h + (stats_h > 0 && table_h > 0 ? 10 * z.s : 0) + table_h);
            const float band_y = bottom - band_h;
            const float bx = frame.x + z.pad;
            if (legend) L.legend = {bx, band_y, p.legend.width, p.legend.height};
            const float tools_y = band_y + band_h - tools_h;
            if (north) L.north_arrow = {bx + left_w - z.arrow_w - 4 * z.s, tools_y + tools_h - arrow_block_h, z.arrow_w, arrow_block_h};
            if (scale_bar)
                L.scale_bar = {bx, tools_y + tools_h - p.scale_block_h,
                               std::max(20 * z.s, std::min(z.scale_bar_max, left_w - (north ? z.arrow_w + 28 * z.s : 0))),
                               p.scale_block_h};
            if (middle) {
                float my = band_y;
                if (stats_h > 0) {
                    L.stats = {middle_x, my, middle_w, stats_h};
                    my += stats_h + 10 * z.s;
                }
                if (table_h > 0) {
                    L.lagging_rows = lagging_rows_for(d, p, band_y + band_h - my);
                    if (L.lagging_rows > 0) L.lagging = {middle_x, my, middle_w, lagging_height(p, L.lagging_rows)};
                }
            }
            L.map_area = {frame.x + z.pad, top, avail, band_y - 14 * z.s - top};
        }
    } else {
        L.map_area = {frame.x + z.pad, top, avail, bottom - top};
    }
    L.map_area.w = std::max(1.0f, L.map_area.w);
    L.map_area.h = std::max(1.0f, L.map_area.h);
    return p;
}

// ---------------------------------------------------------------------------------------------
// Drawing

void draw_swatch(ImDrawList* list, ImVec2 a, ImVec2 b, const LegendRow& row, float s) {
    list->AddRectFilled(a, b, colour(row.colour));
    if (row.hatched) {
        // The map's hatching: stripes along x + y = const on screen ("\" going down-right).
        list->PushClipRect(a, b, true);
        const float period = std::max(2.0f, std::round(8 * s));
        const float h = b.y - a.y;
        for (float x = a.x - h; x < b.x + period; x += period)
            list->AddLine(ImVec2(x, a.y), ImVec2(x + h, b.y), kHatch, 1.41f * s);
        list->PopClipRect();
    }
    list->AddRect(a, b, kSwatchBorder, 0, 0, std::max(1.0f, s));
}

void draw_legend(ImDrawList* list, const UiFonts& f, const DecorationData& d, const Plan& p) {
    const Sizes& z = p.z;
    const LegendPlan& lp = p.legend;
    const PixelRect& r = p.layout.legend;
    list->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), kBoxFill, 4 * z.s);
    list->AddRect(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), kBoxBorder, 4 * z.s, 0, std::max(1.0f, z.s));
    const float x0 = r.x + z.inner, x1 = r.right() - z.inner;
    float y = r.y + z.inner;
    put_text(list, f.bold, z.body, ImVec2(x0, y), kText, d.legend_title, x1 - x0);
    y += lp.title_h + 4 * z.s;
    const bool any_percent = lp.percent_w > 0;
    const float percent_right = x1;
    const float count_right = any_percent ? x1 - lp.percent_w - 14 * z.s : x1;
    auto right_text = [&](ImFont* font, float px, float right, float top, ImU32 col, const std::string& text) {
        put_text(list, font, px, ImVec2(right - measure(font, px, text).x, top), col, text);
    };
    right_text(f.regular, z.small, count_right, y, kMuted, d.count_header);
    if (any_percent) right_text(f.regular, z.small, percent_right, y, kMuted, d.percent_header);
    y += lp.header_h + 4 * z.s;
    const float body_h = measure(f.regular, z.body, "Ag").y;
    for (size_t i = 0; i < d.legend.size(); ++i) {
        const LegendRow& row = d.legend[i];
        const float h = lp.row_h[i] - z.row_gap;
        const float sy = y + (std::min(h, body_h) - z.swatch_h) / 2;  // centred on the first line
        draw_swatch(list, ImVec2(x0, sy), ImVec2(x0 + z.swatch_w, sy + z.swatch_h), row, z.s);
        const float ty = y + (std::min(h, body_h) - body_h) / 2;
        put_text(list, f.regular, z.body, ImVec2(x0 + z.swatch_w + 10 * z.s, ty), kText, row.label, lp.label_wrap);
        right_text(f.regular, z.body, count_right, ty, kText, count_text(row.count, d.vietnamese));
        if (row.percent >= 0) right_text(f.regular, z.body, percent_right, ty, kText, format_percent(row.percent, d.vietnamese));
        y += lp.row_h[i];
    }
    if (!d.legend_note.empty()) {
        list->AddLine(ImVec2(x0, y), ImVec2(x1, y), kBoxBorder, std::max(1.0f, z.s));
        y += 4 * z.s;
        put_text(list, f.regular, z.small, ImVec2(x0, y), kMuted, d.legend_note, x1 - x0);
    }
}

void draw_scale_bar(ImDrawList* list, const UiFonts& f, const DecorationData& d, const Plan& p) {
    const Sizes& z = p.z;
    const PixelRect& r = p.layout.scale_bar;
    if (!(d.metres_per_pixel > 0) || r.w <= 0) return;
    const double length = nice_scale_length(r.w * d.metres_per_pixel);
    const float px = float(length / d.metres_per_pixel);
    const float small_h = measure(f.regular, z.small, "Ag").y;
    const float x0 = std::round(r.x), y0 = std::round(r.y + small_h + 3 * z.s);
    const float y1 = y0 + std::round(z.scale_bar_h);
    const float mid = std::round(x0 + px / 2), x1 = std::round(x0 + px);
    list->AddRectFilled(ImVec2(x0, y0), ImVec2(mid, y1), kDark);
    list->AddRectFilled(ImVec2(mid, y0), ImVec2(x1, y1), kWhite);
    list->AddRect(ImVec2(x0, y0), ImVec2(x1, y1), kDark, 0, 0, std::max(1.0f, z.s));
    put_text(list, f.regular, z.small, ImVec2(x0 - measure(f.regular, z.small, "0").x / 2, r.y), kText, "0");
    const std::string label = format_distance(length, d.vietnamese);
    put_text(list, f.regular, z.small, ImVec2(x1 - measure(f.regular, z.small, label).x / 2, r.y), kText, label);
    if (d.dpi > 0) {
        // Representative fraction at the print size the PNG records, to 2 significant digits.
        const double denominator = d.metres_per_pixel * d.dpi / 0.0254;
        const double magnitude = std::pow(10.0, std::floor(std::log10(denominator)) - 1);
        const long long rounded = std::llround(std::round(denominator / magnitude) * magnitude);
        const std::string text = (d.vietnamese ? "Tỷ lệ 1:" : "Scale 1:") + format_count(rounded, d.vietnamese);
        put_text(list, f.regular, z.small, ImVec2(x0, y1 + 4 * z.s), kMuted, text);
    }
}

void draw_north_arrow(ImDrawList* list, const UiFonts& f, const DecorationData& d, const Plan& p) {
    const Sizes& z = p.z;
    const PixelRect& r = p.layout.north_arrow;
    const ImVec2 label = measure(f.bold, z.body, d.north_label);
    const float cx = r.x + r.w / 2;
    put_text(list, f.bold, z.body, ImVec2(cx - label.x / 2, r.y), kText, d.north_label);
    const float top = r.y + label.y + 2 * z.s, bottom = r.bottom();
    const ImVec2 tip(cx, top), left(r.x, bottom), right(r.right(), bottom),
        notch(cx, bottom - z.arrow_h * 0.28f);
    list->AddTriangleFilled(tip, left, notch, kDark);
    list->AddTriangleFilled(tip, notch, right, kWhite);
    const ImVec2 outline[] = {tip, right, notch, left};
    list->AddPolyline(outline, 4, kDark, ImDrawFlags_Closed, std::max(1.0f, 1.2f * z.s));
}

void draw_box(ImDrawList* list, const PixelRect& r, const Sizes& z) {
    list->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), kBoxFill, 4 * z.s);
    list->AddRect(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), kBoxBorder, 4 * z.s, 0, std::max(1.0f, z.s));
}

// `text` cut to `width` pixels with an ellipsis (whole UTF-8 characters).
std::string fit_text(ImFont* font, float px, const std::string& text, float width) {
    if (measure(font, px, text).x <= width) return text;
    std::string out = text;
    while (!out.empty()) {
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
        if (!out.empty()) out.pop_back();  // the last character's lead (or only) byte
        if (measure(font, px, out + "…").x <= width) return out + "…";
    }
    return "";
}

void draw_stats(ImDrawList* list, const UiFonts& f, const DecorationData& d, const Plan& p) {
    const Sizes& z = p.z;
    const PixelRect& r = p.layout.stats;
    draw_box(list, r, z);
    const float x0 = r.x + z.inner, x1 = r.right() - z.inner;
    float y = r.y + z.inner;
    put_text(list, f.bold, z.body, ImVec2(x0, y), kText, d.stats_title);
    y += p.line_h + 4 * z.s;
    for (const auto& [label, value] : d.stats) {
        const float vw = measure(f.regular, z.body, value).x;
        put_text(list, f.regular, z.body, ImVec2(x0, y), kMuted, fit_text(f.regular, z.body, label, x1 - x0 - vw - 10 * z.s));
        put_text(list, f.regular, z.body, ImVec2(x1 - vw, y), kText, value);
        y += p.line_h;
    }
}

void draw_lagging(ImDrawList* list, const UiFonts& f, const DecorationData& d, const Plan& p) {
    const Sizes& z = p.z;
    const PixelRect& r = p.layout.lagging;
    draw_box(list, r, z);
    const float x0 = r.x + z.inner, x1 = r.right() - z.inner;
    float y = r.y + z.inner;
    put_text(list, f.bold, z.body, ImVec2(x0, y), kText, fit_text(f.bold, z.body, d.lagging_title, x1 - x0));
    y += p.line_h + 4 * z.s;
    const size_t n = std::min(p.layout.lagging_rows, d.lagging.size());
    float name_w = 0, value_w = 0;
    for (size_t i = 0; i < n; ++i) {
        name_w = std::max(name_w, measure(f.regular, z.body, d.lagging[i].name).x);
        value_w = std::max(value_w, measure(f.regular, z.body, d.lagging[i].value).x);
    }
    const float place_x = x0 + name_w + 12 * z.s, place_w = x1 - value_w - 12 * z.s - place_x;
    for (size_t i = 0; i < n; ++i) {
        const auto& row = d.lagging[i];
        put_text(list, f.regular, z.body, ImVec2(x0, y), kText, fit_text(f.regular, z.body, row.name, x1 - x0 - value_w - 10 * z.s));
        if (place_w > 60 * z.s && !row.place.empty())
            put_text(list, f.regular, z.small, ImVec2(place_x, y + (z.body - z.small) * 0.6f), kMuted,
                     fit_text(f.regular, z.small, row.place, place_w));
        const ImU32 tone = row.tone == DecorationData::Tone::Good    ? kGood
                           : row.tone == DecorationData::Tone::Muted ? kMuted
                                                                     : kWarning;
        put_text(list, f.regular, z.body, ImVec2(x1 - measure(f.regular, z.body, row.value).x, y), tone, row.value);
        y += p.line_h;
    }
}

}  // namespace

std::string DecorationData::all_text() const {
    std::string out = title + date_line + legend_title + count_header + percent_header +
                      legend_note + source_line + illustrative_note + north_label + no_data_note;
    for (const LegendRow& r : legend) out += r.label;
    out += stats_title + lagging_title;
    for (const auto& [k, v] : stats) out += k + v;
    for (const TableRow& r : lagging) out += r.name + r.place + r.value;
    out += "0123456789 ,.%:–—·kmTỷlệScale…";
    return out;
}

double nice_scale_length(double max_metres) {
    if (!(max_metres > 0)) return 0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(max_metres)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * magnitude <= max_metres * (1 + 1e-9)) return step * magnitude;
    return magnitude / 2;
}

std::string format_distance(double metres, bool vi) {
    if (metres >= 1000) {
        const double km = metres / 1000;
        const bool whole = std::fabs(km - std::round(km)) < 1e-9;
        return format_decimal(km, whole ? 0 : (std::fabs(km * 10 - std::round(km * 10)) < 1e-9 ? 1 : 2), vi) + " km";
    }
    const bool whole = std::fabs(metres - std::round(metres)) < 1e-9;
    return format_decimal(metres, whole ? 0 : 1, vi) + " m";
}

std::string default_title(const Dataset& dataset, Date date, bool vi, const std::string& scope_name) {
    // A dataset of several provinces (its units grouped by province) is no "tỉnh": its title as is.
    const bool national = !dataset.versions.empty() && dataset.grouping_on(date) == Grouping::Province;
    const std::string province = national ? dataset.info.title : province_place(dataset.info.title, vi);
    std::string place;
    if (!scope_name.empty())
        place = vi ? lower_type_word(scope_name) : english_district(scope_name);
    if (!province.empty()) place += (place.empty() ? "" : ", ") + province;
    if (vi)
        return "Kết quả xây dựng nông thôn mới" + (place.empty() ? "" : " — " + place) + ", ngày " +
               format_date(date, vi);
    return "New rural development results" + (place.empty() ? "" : " — " + place) + ", " +
           format_date(date, vi);
}

DecorationData make_decoration_data(const Dataset& dataset, const Summary& summary, Date date, bool vi,
                                    const std::string& scope_name, const std::string& title_override,
                                    const std::string& crs_name, const std::string& source_override) {
    DecorationData d;
    d.vietnamese = vi;
    d.title = title_override.empty() ? default_title(dataset, date, vi, scope_name) : title_override;
    const CriteriaSet& set = dataset.criteria_on(date);
    d.date_line = vi ? "Số liệu đến ngày " + format_date(date, vi) + " · " + set.short_label_vi() +
                           ", Quyết định " + set.decision
                     : "Data as of " + format_date(date, vi) + " · " + set.short_label_en() + ", Decision " +
                           set.decision;
    // A date after the last assessment shows that state, and says since when nothing is known.
    if (const auto last = dataset.last_data_date(); last && date > *last)
        d.date_line += vi ? " · đánh giá mới nhất ngày " + format_date(*last, vi)
                          : " · latest assessment " + format_date(*last, vi);
    // Boundaries without dates and no assessment: the date is a bound of the boundaries' period
    // (default_date), and the map says that it is not known.
    if (const std::string note = undated_boundaries_note(dataset, date, vi); !note.empty())
        d.date_line += " · " + note;
    d.legend_title = vi ? "Số tiêu chí đạt (xã)" : "Criteria met (communes)";
    d.count_header = vi ? "Số lượng" : "Count";
    d.percent_header = vi ? "Tỷ lệ" : "Share";

    const int band_count = static_cast<int>(set.bands.size());
    for (int b = 0; b < band_count; ++b) {
        LegendRow row;
        row.label = set.bands[b].label;
        // Without any assessment a band has no count and no share: "0" or "0,00 %" would read
        // as a result.
        row.count = summary.xa_with_data == 0 ? -1
                    : b < static_cast<int>(summary.bands.size()) ? summary.bands[b].count : 0;
        row.percent = summary.xa_with_data == 0 ? -1
                      : b < static_cast<int>(summary.bands.size()) ? summary.bands[b].percent : 0;
        row.colour = band_colour(b, band_count);
        row.band = b;
        d.legend.push_back(row);
    }
    const int no_data = summary.xa_total - summary.xa_with_data;
    if (no_data > 0) {
        LegendRow row;
        row.label = vi ? "Chưa có dữ liệu" : "No data";
        row.count = no_data;
        row.percent = summary.xa_total ? 100.0 * no_data / summary.xa_total : 0;
        row.colour = no_data_colour();
        d.legend.push_back(row);
    }
    if (summary.not_applicable > 0) {
        LegendRow row;
        row.label = not_applicable_label(summary, vi);
        row.count = summary.not_applicable;
        row.colour = not_applicable_colour();
        row.hatched = true;
        d.legend.push_back(row);
    }
    const std::string average = format_decimal(summary.average_criteria, 2, vi);
    // Only phường / thị trấn in scope: the commune criteria do not apply; "0 xã" or "chưa có"
    // would read as a commune without results.
    const bool none_apply = summary.xa_total == 0 && summary.not_applicable > 0;
    if (none_apply)
        d.legend_note = vi ? "Bộ tiêu chí xã: không áp dụng" : "Commune criteria: not applicable";
    else if (vi)
        d.legend_note = "Tổng số: " + format_count(summary.xa_total, vi) + " xã" +
                        (summary.xa_with_data > 0 ? " · bình quân " + average + " tiêu chí/xã" : "");
    else
        d.legend_note = "Total: " + format_count(summary.xa_total, vi) + " communes" +
                        (summary.xa_with_data > 0 ? " · average " + average + " criteria per commune" : "");

    const std::string source = source_override.empty() ? default_source(dataset, vi) : source_override;
    const bool said = starts_with(fold_search_key(source), "nguon") || starts_with(fold_search_key(source), "source");
    d.source_line = (said ? "" : vi ? "Nguồn: " : "Source: ") + (source.empty() ? std::string("NTM Atlas") : source);
    if (!crs_name.empty()) d.source_line += (vi ? " · Hệ tọa độ: " : " · Coordinate system: ") + crs_name;
    if (!source.empty()) d.source_line += " · NTM Atlas";
    d.illustrative = dataset.info.illustrative;
    d.illustrative_note = vi ? "Dữ liệu minh họa — không phải số liệu chính thức"
                             : "Illustrative data (Dữ liệu minh họa) — not official figures";
    d.north_label = vi ? "B" : "N";
    if (summary.xa_with_data > 0) {
        const auto share = [&](int n) {
            return format_count(n, vi) + (vi ? " xã · " : " · ") + format_percent(100.0 * n / summary.xa_total, vi);
        };
        d.stats_title = vi ? "Kết quả chính" : "Key figures";
        d.stats.push_back({vi ? "Đạt chuẩn NTM" : "At the standard", share(summary.at_standard)});
        if (summary.has_level(Level::Advanced))
            d.stats.push_back({vi ? "NTM nâng cao" : "Advanced", share(summary.advanced)});
        if (summary.has_level(Level::Model))
            d.stats.push_back({vi ? "NTM kiểu mẫu" : "Model", share(summary.model)});
        if (summary.has_level(Level::Modern))
            d.stats.push_back({vi ? "NTM hiện đại" : "Modern", share(summary.modern)});
        if (summary.threshold > 0)
            d.stats.push_back({(vi ? "Dưới " : "Below ") + std::to_string(summary.threshold) +
                                   (vi ? " tiêu chí" : " criteria"),
                               share(summary.below_threshold)});
    }
    if (summary.xa_with_data == 0 && summary.units_total > 0) {
        // Nothing assessed: what the map does show, so the space reads as information, not as 0.
        d.stats_title = vi ? "Đơn vị trên bản đồ" : "Units on the map";
        d.stats.push_back({vi ? "Tổng số đơn vị" : "All units", format_count(summary.units_total, vi)});
        if (!none_apply)
            d.stats.push_back({vi ? "Xã (áp dụng bộ tiêu chí)" : "Communes (criteria apply)", format_count(summary.xa_total, vi)});
        if (summary.not_applicable > 0)
            d.stats.push_back({not_applicable_label(summary, vi), format_count(summary.not_applicable, vi)});
        d.stats.push_back({vi ? "Đánh giá nông thôn mới" : "New-rural assessments",
                           none_apply ? (vi ? "không áp dụng" : "not applicable") : vi ? "chưa có" : "none yet"});
        const std::string& version = dataset.versions.empty() ? std::string() : dataset.versions[dataset.version_on(date)].name;
        if (!version.empty()) d.stats.push_back({vi ? "Ranh giới" : "Boundaries", version});
    }
    if (summary.xa_total > 0 && summary.xa_with_data == 0)
        d.no_data_note = vi ? "Chưa có dữ liệu đánh giá ngày " + format_date(date, vi)
                            : "No assessment data on " + format_date(date, vi);
    return d;
}

void add_lagging_rows(DecorationData& d, const Dataset& dataset, const std::vector<UnitRank>& ranked,
                      const std::vector<UnitState>& states, size_t max_rows) {
    d.lagging_title = d.vietnamese ? "Xã đạt ít tiêu chí nhất" : "Communes with the fewest criteria";
    d.lagging.clear();
    for (const UnitRank& r : ranked) {
        if (d.lagging.size() >= max_rows) break;
        const Unit& u = dataset.units[r.unit];
        const int set = r.criteria_set >= 0 ? r.criteria_set : states[r.unit].criteria_set;
        const int size = set >= 0 ? dataset.criteria_set(set).size() : 0;
        if (r.count >= size) break;  // ranked fewest first: the rest meet every criterion, they don't lag
        d.lagging.push_back({u.full_name(), u.district_name, std::to_string(r.count) + "/" + std::to_string(size)});
    }
}

void add_unit_rows(DecorationData& d, const Dataset& dataset, const AttainmentIndex& index,
                   const std::vector<UnitState>& states, int unit, Date date) {
    const bool vi = d.vietnamese;
    d.lagging.clear();
    d.lagging_title.clear();
    if (unit < 0 || unit >= int(dataset.units.size())) return;
    const Unit& u = dataset.units[unit];
    const UnitState& st = states[unit];
    if (u.assessed() && st.has_data && st.criteria_set >= 0) {
        const CriteriaSet& set = dataset.criteria_set(st.criteria_set);
        d.lagging_title = (vi ? "Tiêu chí ngày " + format_date(date, vi) + ": đạt "
                              : "Criteria on " + format_date(date, vi) + ": ") +
                          std::to_string(st.count) + "/" + std::to_string(set.size()) + (vi ? "" : " met");
        for (const Criterion& c : set.criteria) {
            const bool met = c.number >= 1 && c.number <= int(st.met.size()) && st.met[c.number - 1];
            d.lagging.push_back({std::to_string(c.number) + ". " + (vi ? c.name_vi : c.name_en), "",
                                 met ? (vi ? "Đạt" : "Met") : (vi ? "Chưa đạt" : "Not met"),
                                 met ? DecorationData::Tone::Good : DecorationData::Tone::Warning});
        }
        return;
    }
    const std::optional<Formation> f = formation(dataset, index, unit);
    if (!f || f->predecessors.empty()) return;
    const Date before{f->date.days - 1};
    d.lagging_title = vi ? "Hình thành từ (tiêu chí ngày " + format_date(before, vi) + ")"
                         : "Formed from (criteria on " + format_date(before, vi) + ")";
    for (const PredecessorState& p : f->predecessors) {
        const Unit& pu = dataset.units[p.unit];
        DecorationData::TableRow row{pu.full_name(), pu.district_name, "", DecorationData::Tone::Muted};
        if (!pu.assessed()) {
            row.value = vi ? "không áp dụng" : "not applicable";
        } else if (!p.before.has_data || p.before.criteria_set < 0) {
            row.value = "—";
        } else {
            const int size = dataset.criteria_set(p.before.criteria_set).size();
            row.value = std::to_string(p.before.count) + "/" + std::to_string(size);
            row.tone = p.before.count >= size ? DecorationData::Tone::Good : DecorationData::Tone::Warning;
        }
        d.lagging.push_back(std::move(row));
    }
}

DecorationLayout layout_decorations(const DecorationData& data, const UiFonts& fonts, const PixelRect& frame,
                                    float scale, unsigned elements) {
    return make_plan(data, fonts, frame, scale, elements).layout;
}

DecorationLayout draw_decorations(ImDrawList* list, const UiFonts& fonts, const DecorationData& d,
                                  const PixelRect& frame, float scale, unsigned elements) {
    const Plan p = make_plan(d, fonts, frame, scale, elements);
    const DecorationLayout& L = p.layout;
    const Sizes& z = p.z;
    if (!L.header.empty()) {
        float y = L.header.y;
        if (p.title_h > 0) {
            put_text(list, fonts.large, p.title_px, ImVec2(L.header.x, y), kText, d.title, L.header.w);
            y += p.title_h + 4 * z.s;
        }
        if (p.date_h > 0) {
            put_text(list, fonts.regular, z.body, ImVec2(L.header.x, y), kMuted, d.date_line, L.header.w);
            y += p.date_h + 3 * z.s;
        }
        if (p.note_h > 0) {
            put_text(list, fonts.bold, z.note, ImVec2(L.header.x, y), kWarning, d.illustrative_note, L.header.w);
            y += p.note_h + 3 * z.s;
        }
        if (p.no_data_h > 0)
            put_text(list, fonts.bold, z.body * 1.2f, ImVec2(L.header.x, y), kWarning, d.no_data_note, L.header.w);
    }
    if (!L.legend.empty()) draw_legend(list, fonts, d, p);
    if (!L.scale_bar.empty()) draw_scale_bar(list, fonts, d, p);
    if (!L.north_arrow.empty()) draw_north_arrow(list, fonts, d, p);
    if (!L.stats.empty()) draw_stats(list, fonts, d, p);
    if (!L.lagging.empty()) draw_lagging(list, fonts, d, p);
    if (!L.footer.empty()) put_text(list, fonts.regular, z.small, ImVec2(L.footer.x, L.footer.y), kMuted, d.source_line, L.footer.w);
    return L;
}

void draw_map_frame(ImDrawList* list, const DecorationLayout& L, Rgb paper) {
    const PixelRect& f = L.frame;
    const PixelRect& m = L.map_area;
    if (m.empty()) return;
    // Whole pixels, so the neatline is crisp and the map's edge pixels are not half covered.
    const float x0 = std::floor(m.x), y0 = std::floor(m.y), x1 = std::ceil(m.right()), y1 = std::ceil(m.bottom());
    const ImU32 c = colour(paper);
    list->AddRectFilled(ImVec2(f.x, f.y), ImVec2(f.right(), y0), c);
    list->AddRectFilled(ImVec2(f.x, y1), ImVec2(f.right(), f.bottom()), c);
    list->AddRectFilled(ImVec2(f.x, y0), ImVec2(x0, y1), c);
    list->AddRectFilled(ImVec2(x1, y0), ImVec2(f.right(), y1), c);
    const float w = std::max(1.0f, std::round(L.scale));
    list->AddRect(ImVec2(x0 - w / 2, y0 - w / 2), ImVec2(x1 + w / 2, y1 + w / 2), kSwatchBorder, 0, 0, w);
}

Camera fit_camera_in(const geo::Bounds& bounds, const PixelRect& area, int frame_w, int frame_h, double margin_px) {
    Camera camera = Camera::fit(bounds, std::max(1, int(std::floor(area.w))), std::max(1, int(std::floor(area.h))),
                                margin_px);
    if (bounds.empty()) return camera;
    const geo::Vec2 c = bounds.center();
    const double area_cx = area.x + area.w / 2.0, area_cy = area.y + area.h / 2.0;
    camera.center = {c.x - (area_cx - frame_w / 2.0) * camera.metres_per_pixel,
                     c.y + (area_cy - frame_h / 2.0) * camera.metres_per_pixel};
    return camera;
}

}  // namespace ntm::render
