#include "ui/briefing_export.h"

#include <cstdio>
#include <filesystem>

#include "core/error.h"
#include "ui/briefing_mode.h"

namespace fs = std::filesystem;

namespace ntm::ui {

std::string briefing_png_name(int index, int count, const std::string& title) {
    const int width = count >= 100 ? (count >= 1000 ? 4 : 3) : 2;
    char number[16];
    std::snprintf(number, sizeof number, "%0*d", width, index + 1);
    std::string slug = title.empty() ? std::string() : render::file_slug(title);
    if (slug.empty()) slug = "view";
    if (slug.size() > 80) slug.resize(80);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    return std::string(number) + "-" + slug + ".png";
}

render::ExportOptions export_options_for(const Dataset& dataset, const BriefingView& view,
                                         const render::ExportOptions& base) {
    render::ExportOptions o = base;
    o.date = view.date;
    o.title = view.title.empty() ? default_view_title(dataset, view, base.vietnamese) : view.title;
    o.district = -1;
    o.view.reset();
    o.highlight_band = view.highlighted_band;
    o.highlight_criterion = view.highlighted_criterion;
    if (view.focus == ViewFocus::District) {
        const std::vector<District> districts = dataset.districts();
        for (size_t i = 0; i < districts.size(); ++i)
            if (districts[i].code == view.district_code || districts[i].name == view.district_code)
                o.district = static_cast<int>(i);
    } else if (view.focus == ViewFocus::Extent && view.extent.valid()) {
        o.view = to_bounds(view.extent);
    }
    return o;
}

std::vector<std::string> export_briefing_views(render::MapExporter& exporter, const BriefingViews& views,
                                               const std::string& out_dir, const render::ExportOptions& base) {
    std::error_code ec;
    fs::create_directories(out_dir, ec);
    if (ec) throw Error("cannot create the folder " + out_dir + ": " + ec.message());
    std::vector<std::string> files;
    const Dataset& dataset = exporter.dataset();
    for (int i = 0; i < views.size(); ++i) {
        const BriefingView& v = views.at(i);
        const render::ExportOptions o = export_options_for(dataset, v, base);
        const std::string path = (fs::path(out_dir) / briefing_png_name(i, views.size(), o.title)).string();
        try {
            exporter.export_png(o, path);
        } catch (const Error& e) {
            throw Error("view " + std::to_string(i + 1) + " (" + o.title + "): " + e.what());
        }
        files.push_back(path);
    }
    return files;
}

}  // namespace ntm::ui
