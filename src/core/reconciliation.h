#pragma once
// Reported against computed: each published figure (ReportedFigure) beside the same figure
// computed from the dataset's observations on the date it describes, with differences beyond
// the figure's own rounding flagged.
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/state.h"

namespace ntm {

// The figure names of ReportedFigure::figure (see records.h):
//   xa_total                         xã in scope
//   band:LO-HI:count|percent         xã with LO..HI criteria met ("band:19:count" when LO == HI);
//                                    any closed range, not only the configured bands
//   average_criteria                 average criteria met per xã with data
//   xa_standard_count|percent        xã meeting every criterion (đạt chuẩn)
//   xa_advanced_count|percent        xã recognised as advanced (nâng cao)
//   xa_model_count|percent           xã recognised as model (kiểu mẫu)
// Percentages are of all xã in scope, as in provincial reports.
struct FigureName {
    enum What { XaTotal, Band, Standard, Advanced, Model, Average, Unknown };
    What what = Unknown;
    int lo = 0, hi = 0;    // Band only
    bool percent = false;  // a percentage rather than a count
};
FigureName parse_figure_name(const std::string& figure);
// "band:15-18:count", "band:19:percent" (measure is "count" or "percent").
std::string band_figure_name(int lo, int hi, const std::string& measure);

struct ReconciliationRow {
    Date date;
    std::string scope;   // "province:20", "district:183"
    std::string figure;
    double reported = 0;
    double computed = 0;
    double difference = 0;  // computed - reported
    double tolerance = 0;   // half a unit of the reported value's last decimal
    bool flagged = false;   // |difference| > tolerance
    std::string source;
};

// The figure computed from the dataset for a scope on a date; nullopt for an unknown figure
// name or a scope the dataset does not cover ("national", another province, unknown district).
std::optional<double> compute_figure(const Dataset& dataset, const AttainmentIndex& index, Date date,
                                     const std::string& scope, const std::string& figure);

// One row per reported figure the dataset can compute (province scope of this dataset — also
// written "province" — and district scopes); national and unknown figures are left out. Sorted
// by date, scope, then the order of the reported figures.
std::vector<ReconciliationRow> reconcile(const Dataset& dataset, const AttainmentIndex& index);
std::vector<ReconciliationRow> reconcile(const Dataset& dataset);

// Half a unit of the last decimal the value was reported with (28.18 -> 0.005, 51 -> 0.5).
double rounding_tolerance(double reported);

}  // namespace ntm
