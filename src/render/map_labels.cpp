#include "render/map_labels.h"

#include <imgui.h>

#include <cfloat>
#include <cmath>
#include <map>

#include "core/filters.h"
#include "core/text.h"

namespace ntm::render {
namespace {

bool starts_with_key(const std::string& name, const char* key) { return fold_search_key(name).rfind(key, 0) == 0; }

// "Tỉnh Lạng Sơn" -> "Lạng Sơn", "Thành phố Hà Nội" -> "TP. Hà Nội".
std::string province_label(const std::string& name) {
    const std::string tinh = "Tỉnh ", thanh_pho = "Thành phố ";
    if (starts_with_key(name, "tinh ") && name.size() > tinh.size()) return name.substr(tinh.size());
    if (starts_with_key(name, "thanh pho ") && name.size() > thanh_pho.size())
        return "TP. " + name.substr(thanh_pho.size());
    return name;
}

ImVec2 text_size(ImFont* font, float px, const std::string& text) {
    return font->CalcTextSizeA(px, FLT_MAX, 0, text.data(), text.data() + text.size());
}

}  // namespace

std::vector<MapLabel> map_label_names(const Dataset& dataset, const MapLabelRequest& r) {
    std::vector<MapLabel> out;
    const size_t n = dataset.units.size();
    std::vector<uint8_t> shown(n, 0);
    for (size_t u = 0; u < n; ++u)
        shown[u] = dataset.in_force(static_cast<int>(u), r.date) && (r.in_scope.empty() || (u < r.in_scope.size() && r.in_scope[u]));
    if (r.groups) {
        const std::vector<District> groups = dataset.districts(r.date);
        if (groups.size() >= 2) {
            const bool provinces = dataset.grouping_on(r.date) == Grouping::Province;
            std::map<std::string, size_t> slot;
            for (const District& d : groups) {
                slot[district_key(d)] = out.size();
                MapLabel l;
                l.text = provinces ? province_label(d.name) : d.name;
                l.bold = true;
                l.px = provinces ? r.province_px : r.group_px;
                l.priority = 2;
                l.may_spill = true;
                out.push_back(std::move(l));
            }
            for (size_t u = 0; u < n; ++u) {
                if (!shown[u]) continue;
                const auto it = slot.find(district_key(dataset.units[u]));
                if (it != slot.end()) out[it->second].units.push_back(static_cast<int>(u));
            }
            std::vector<MapLabel> kept;
            for (MapLabel& l : out)
                if (!l.units.empty()) kept.push_back(std::move(l));
            out = std::move(kept);
        }
    }
    for (size_t u = 0; u < n; ++u) {
        if (!shown[u]) continue;
        MapLabel l;
        l.text = dataset.units[u].name;
        l.px = r.unit_px;
        l.priority = 1;
        l.units = {static_cast<int>(u)};
        out.push_back(std::move(l));
    }
    return out;
}

MeasuredLabels measure_map_labels(const std::vector<MapLabel>& labels, ImFont* regular, ImFont* bold) {
    MeasuredLabels m;
    m.names.reserve(labels.size());
    m.split.reserve(labels.size());
    for (size_t i = 0; i < labels.size(); ++i) {
        const MapLabel& l = labels[i];
        ImFont* font = l.bold ? bold : regular;
        geo::PlaceName p;
        p.id = static_cast<int>(i);
        p.units = l.units;
        p.priority = l.priority;
        p.may_spill = l.may_spill;
        m.split.push_back(geo::split_two_lines(l.text));
        m.variants.emplace_back();
        for (float scale : l.units.size() > 1 || l.may_spill ? std::vector<float>{1.0f, 0.8f, 0.65f} : std::vector<float>{1.0f, 0.85f}) {
            const float px = l.px * scale;
            const ImVec2 one = text_size(font, px, l.text);
            p.sizes.push_back({one.x, one.y});
            m.variants.back().push_back({false, scale});
            if (m.split.back().size() == 2) {
                const ImVec2 a = text_size(font, px, m.split.back()[0]), b = text_size(font, px, m.split.back()[1]);
                p.sizes.push_back({std::max(a.x, b.x), a.y + b.y});
                m.variants.back().push_back({true, scale});
            }
        }
        m.names.push_back(std::move(p));
    }
    return m;
}

std::vector<DrawnLabel> place_measured_labels(const geo::LabelPlacer& placer, const std::vector<MapLabel>& labels,
                                              const MeasuredLabels& m, const geo::ScreenFrame& frame,
                                              const geo::PlacementOptions& options) {
    std::vector<DrawnLabel> out;
    for (const geo::PlacedName& p : placer.place(m.names, frame, options)) {
        DrawnLabel d;
        d.label = p.name;
        const MeasuredLabels::Variant v = m.variants[p.name][p.size];
        d.lines = v.two_lines ? m.split[p.name] : std::vector<std::string>{labels[p.name].text};
        d.px = labels[p.name].px * v.scale;
        d.box = p.box;
        d.spilled = p.spilled;
        out.push_back(std::move(d));
    }
    return out;
}

std::vector<DrawnLabel> place_map_labels(const geo::LabelPlacer& placer, const std::vector<MapLabel>& labels,
                                         ImFont* regular, ImFont* bold, const geo::ScreenFrame& frame,
                                         const geo::PlacementOptions& options) {
    return place_measured_labels(placer, labels, measure_map_labels(labels, regular, bold), frame, options);
}

void draw_map_labels(ImDrawList* list, ImFont* regular, ImFont* bold, const std::vector<MapLabel>& labels,
                     const std::vector<DrawnLabel>& drawn, float halo_px, float offset_x, float offset_y) {
    // The halo: the text in white at two rings of eight offsets, then the text itself.
    const float h = std::max(1.0f, halo_px);
    std::vector<ImVec2> ring;
    for (float r : {h * 0.5f, h})
        for (int k = 0; k < 8; ++k)
            ring.push_back(ImVec2(r * std::cos(k * 0.785398f), r * std::sin(k * 0.785398f)));
    for (int pass = 0; pass < 2; ++pass)
        for (const DrawnLabel& d : drawn) {
            const MapLabel& l = labels[d.label];
            ImFont* font = l.bold ? bold : regular;
            const float px = d.px > 0 ? d.px : l.px;
            const ImU32 ink = l.bold ? IM_COL32(15, 15, 15, 255) : IM_COL32(40, 40, 40, 255);
            float y = static_cast<float>(d.box.min_y) + offset_y;
            for (const std::string& line : d.lines) {
                const ImVec2 size = text_size(font, px, line);
                // Each line centred in the box, on whole pixels.
                const float x = std::round(static_cast<float>(d.box.min_x + d.box.max_x) / 2 + offset_x - size.x / 2);
                const float yy = std::round(y);
                const char* b = line.data();
                const char* e = b + line.size();
                if (pass == 0)
                    for (const ImVec2& o : ring) list->AddText(font, px, ImVec2(x + o.x, yy + o.y), IM_COL32(255, 255, 255, 235), b, e);
                else
                    list->AddText(font, px, ImVec2(x, yy), ink, b, e);
                y += size.y;
            }
        }
}

std::string map_label_text(const std::vector<MapLabel>& labels) {
    std::string out;
    for (const MapLabel& l : labels) out += l.text;
    return out;
}

}  // namespace ntm::render
