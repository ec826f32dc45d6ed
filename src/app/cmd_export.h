#pragma once
// Shared by `export` and `atlas`: the image options, checked before any data is read, and the
// checks of output paths.
#include <string>

#include "app/args.h"
#include "core/dataset.h"
#include "io/dataset_file.h"
#include "render/map_export.h"

namespace ntm::app {

// Declares the options both commands accept besides their own (data, size, title, source, ...).
void add_export_options(CLI::App* command);

// --size / --preset / --dpi / --lang / --title / --source / --map-only / --date, checked.
// Throws ntm::Error with a one-line message naming the option.
render::ExportOptions parse_export_options(const Args& args, const std::string& command);

// Index into dataset.districts() of --district's NAME|CODE (with or without diacritics);
// throws ntm::Error naming the text and some districts when there is none.
// The district named by `text` among the districts in force on `date`, as an index into
// Dataset::districts(); throws ntm::Error naming examples.
int resolve_district(const Dataset& dataset, const std::string& text, const std::string& command, Date date);
// Without --date, the data's last date with assessments; warns on stderr when the date is after
// them (the map then shows the last known state) or when there are none.
void apply_default_date(const Args& args, const Dataset& dataset, render::ExportOptions& o);

// The output folder exists (made when missing) and is writable; throws ntm::Error otherwise.
void prepare_out_dir(const std::string& dir, const std::string& command);
// The folder of an output file exists and is writable and the name ends in .png.
void check_out_file(const std::string& path, const std::string& command);

// District outlines dissolved with GEOS for data whose neighbours do not share vertices (the
// 2009 census communes), as the app draws them; otherwise the renderer dissolves them itself.
void use_dissolved_outlines_if_needed(render::MapExporter& exporter, const io::DatasetFile& data);

// "out.png (1920×1080, 96 dpi)"
std::string describe_written(const std::string& path, const render::ExportResult& result);

// "warning: PATH: no xã shown has an assessment on DATE (the map says ...)" on stderr when the
// image's xã have no data on its date although the dataset has assessments (a dataset with none
// at all is warned about once, by apply_default_date).
void warn_if_no_data(const Dataset& dataset, const std::string& path, const render::ExportResult& result, Date date);

}  // namespace ntm::app
