#pragma once
// Export of every prepared view as a PNG for the printed handout, through the export code
// (render::MapExporter): "01-toan-tinh-lang-son.png", "02-huyen-cao-loc.png", ... in slide order.
#include <string>
#include <vector>

#include "core/briefing.h"
#include "render/map_export.h"

namespace ntm::ui {

// "01-<slug of the title>.png" for slide `index` (0-based) of `count`: the number has at least
// two digits (three from 100 views on) so the files sort in slide order; an empty slug gives
// "view".
std::string briefing_png_name(int index, int count, const std::string& title);

// The export options of one view: `base` (size, dpi, language, decorations...) with the view's
// date, title (its default title when empty), district (index into Dataset::districts()) or
// extent.
render::ExportOptions export_options_for(const Dataset& dataset, const BriefingView& view,
                                         const render::ExportOptions& base);

// Writes every view into `out_dir` (created when missing) and returns the paths in order.
// Needs the exporter's GL context current. Throws ntm::Error naming the view and the file when
// one fails (the files written before it stay).
std::vector<std::string> export_briefing_views(render::MapExporter& exporter, const BriefingViews& views,
                                               const std::string& out_dir,
                                               const render::ExportOptions& base = {});

}  // namespace ntm::ui
