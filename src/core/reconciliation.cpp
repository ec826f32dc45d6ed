#include "core/reconciliation.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numeric>

#include "core/statistics.h"

namespace ntm {
namespace {

bool parse_int(const std::string& s, int* out) {
    if (s.empty() || s.size() > 4) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    *out = std::atoi(s.c_str());
    return true;
}

}  // namespace

FigureName parse_figure_name(const std::string& figure) {
    FigureName f;
    auto measured = [&](const std::string& stem, FigureName::What what) {
        if (figure == stem + "_count") {
            f.what = what;
            return true;
        }
        if (figure == stem + "_percent") {
            f.what = what;
            f.percent = true;
            return true;
        }
        return false;
    };
    if (figure == "xa_total") f.what = FigureName::XaTotal;
    else if (figure == "average_criteria") f.what = FigureName::Average;
    else if (measured("xa_standard", FigureName::Standard) || measured("xa_advanced", FigureName::Advanced) ||
             measured("xa_model", FigureName::Model)) {
    } else if (figure.compare(0, 5, "band:") == 0) {
        const size_t colon = figure.find(':', 5);
        if (colon == std::string::npos) return f;
        const std::string range = figure.substr(5, colon - 5), measure = figure.substr(colon + 1);
        if (measure != "count" && measure != "percent") return f;
        const size_t dash = range.find('-');
        int lo = 0, hi = 0;
        if (dash == std::string::npos) {
            if (!parse_int(range, &lo)) return f;
            hi = lo;
        } else if (!parse_int(range.substr(0, dash), &lo) || !parse_int(range.substr(dash + 1), &hi)) {
            return f;
        }
        if (lo > hi) return f;
        f.what = FigureName::Band;
        f.lo = lo;
        f.hi = hi;
        f.percent = measure == "percent";
    }
    return f;
}

std::string band_figure_name(int lo, int hi, const std::string& measure) {
    const std::string range = lo == hi ? std::to_string(lo) : std::to_string(lo) + "-" + std::to_string(hi);
    return "band:" + range + ":" + measure;
}

double rounding_tolerance(double reported) {
    const double v = std::fabs(reported);
    for (int decimals = 0; decimals <= 6; ++decimals) {
        const double scaled = v * std::pow(10.0, decimals);
        if (std::fabs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled))
            return 0.5 * std::pow(10.0, -decimals) + 1e-9;
    }
    return 5e-7;
}

std::optional<double> compute_figure(const Dataset& dataset, const AttainmentIndex& index, Date date,
                                     const std::string& scope, const std::string& figure) {
    const FigureName name = parse_figure_name(figure);
    if (name.what == FigureName::Unknown) return std::nullopt;
    UnitFilter filter;
    if (scope == "province" || scope == "province:" + dataset.info.province_code) {
        filter = nullptr;
    } else if (scope.compare(0, 9, "district:") == 0) {
        const std::string code = scope.substr(9);
        bool known = false;
        for (const Unit& u : dataset.units) known = known || (!code.empty() && u.district_code == code);
        if (!known) return std::nullopt;
        filter = [&dataset, code](int u) { return dataset.units[u].district_code == code; };
    } else {
        return std::nullopt;
    }
    const std::vector<UnitState> states = index.states(date);
    const Summary s = summarize(dataset, states, date, filter);
    auto share = [&](int count) { return s.xa_total ? 100.0 * count / s.xa_total : 0.0; };
    int count = 0;
    switch (name.what) {
        case FigureName::XaTotal: return s.xa_total;
        case FigureName::Average: return s.average_criteria;
        case FigureName::Standard: count = s.at_standard; break;
        case FigureName::Advanced: count = s.advanced; break;
        case FigureName::Model: count = s.model; break;
        case FigureName::Band:
            for (size_t u = 0; u < dataset.units.size(); ++u) {
                if (filter && !filter(static_cast<int>(u))) continue;
                if (!dataset.units[u].assessed() || !states[u].has_data) continue;
                if (states[u].count >= name.lo && states[u].count <= name.hi) ++count;
            }
            break;
        case FigureName::Unknown: return std::nullopt;
    }
    return name.percent ? share(count) : count;
}

std::vector<ReconciliationRow> reconcile(const Dataset& dataset, const AttainmentIndex& index) {
    std::vector<size_t> order(dataset.reported.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const ReportedFigure &x = dataset.reported[a], &y = dataset.reported[b];
        if (x.date != y.date) return x.date < y.date;
        return x.scope < y.scope;
    });
    std::vector<ReconciliationRow> rows;
    for (size_t i : order) {
        const ReportedFigure& r = dataset.reported[i];
        const std::optional<double> computed = compute_figure(dataset, index, r.date, r.scope, r.figure);
        if (!computed) continue;
        ReconciliationRow row;
        row.date = r.date;
        row.scope = r.scope;
        row.figure = r.figure;
        row.reported = r.value;
        row.computed = *computed;
        row.difference = *computed - r.value;
        row.tolerance = rounding_tolerance(r.value);
        row.flagged = std::fabs(row.difference) > row.tolerance;
        row.source = r.source;
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<ReconciliationRow> reconcile(const Dataset& dataset) {
    const AttainmentIndex index(dataset);
    return reconcile(dataset, index);
}

}  // namespace ntm
