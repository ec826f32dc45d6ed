// `template`: the province's annex layout as a blank XLSX form for the units and the criteria set
// in force on a date, which `import --attainment` reads back.
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/commands.h"
#include "app/data_source.h"
#include "core/error.h"
#include "io/annex_template.h"

namespace ntm::app {

int run_template(const Args& args) {
    const auto out = args.get("out");
    if (!out) throw Error("template: --out FILE.xlsx is required");
    const io::DatasetFile data = open_data(args);
    const Date date = args.date("date").value_or(default_date(data.dataset));
    const io::AnnexTemplateSummary s = io::write_annex_template(*out, data.dataset, date);
    std::cout << "Wrote " << *out << ": " << s.units << " units";
    if (s.districts)
        std::cout << " in " << s.districts
                  << (data.dataset.grouping_on(date) == Grouping::Province ? " provinces" : " districts");
    std::cout << " (boundary version '" << s.version_id << "'), " << s.criteria << " criteria of the " << s.criteria_set
              << " set, for " << date.iso() << "\n";
    return 0;
}

void add_template_command(CommandTable& table) {
    CLI::App* c = table.add("template", "A blank annex form (XLSX) for the units and criteria in force on a date, "
                            "to fill and import", run_template);
    value(c, "--out", "FILE.xlsx", "the form to write (replaced only when complete)");
    data_options(c);
    date_value(c, "--date", "the report date (default: the data's last date with assessments)");
}

}  // namespace ntm::app
