#pragma once
// Everything the panels share, without GL or ImGui, so the UI's logic is testable: the loaded
// data, the date and its playback, the selection, hover, the highlighted band, event filters,
// the language and requests to move the map. Panels read it and change it; the map view turns
// its versions into GPU updates (colours when the date changes, flags when the selection does).
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/records.h"
#include "core/state.h"
#include "core/statistics.h"
#include "geo/geometry.h"
#include "geo/label_anchor.h"
#include "geo/picking.h"

namespace ntm::ui {

enum class Lang { Vi, En };

// The language of every ui string; set from AppState::set_lang.
Lang current_lang();
void set_current_lang(Lang lang);
// The string for the current language (both literals, so text stays where it is used).
const char* tr(const char* vi, const char* en);

// A district's label: its name and where it goes (inside one of its communes).
struct DistrictLabel {
    std::string name;
    geo::LabelAnchor anchor;
    int version = 0;  // the boundary version of its units
};

// What was loaded, kept together (and never moved once built) so the references into it stay
// valid: the attainment index's to the dataset, the picking index's and the renderer's to the
// geometry.
struct LoadedData {
    LoadedData() = default;
    LoadedData(const LoadedData&) = delete;  // the indexes point into this object
    LoadedData& operator=(const LoadedData&) = delete;

    Dataset dataset;
    geo::MapGeometry geometry;  // parallel to dataset.units, display CRS metres
    std::string path;           // what the user opened (dataset or boundary source)
    // Derived once on the loader thread (see prepare_derived).
    std::vector<std::string> district_groups;   // per unit: its district key ("" none)
    // District outlines dissolved with GEOS, for files whose neighbours do not share vertices
    // (else empty: the renderer dissolves district_groups itself, per level of detail).
    std::vector<geo::Ring> district_rings;
    std::vector<geo::LabelAnchor> unit_anchors;  // per unit
    std::vector<DistrictLabel> district_labels;
    geo::PickingIndex picking;

    // Fills the derived members from dataset and geometry (seconds on the national file).
    void prepare_derived(int threads = 2);
};

enum class PlayStep { Month, Year };

// A request to move the map, consumed by the map view.
struct ViewRequest {
    enum class Kind { Fit, Unit, District, Bounds } kind = Kind::Fit;
    int unit = -1;
    std::string district_code;
    geo::Bounds bounds;
    double seconds = 0;  // > 0: the map glides there over this time (briefing transitions)
};

class AppState {
public:
    AppState();

    // --- data ---------------------------------------------------------------------------
    // Takes the data, resets selection and filters, keeps the date when it lies in the new
    // span (else the span's last date), and asks the map to fit.
    void set_data(std::unique_ptr<LoadedData> data);
    bool has_data() const { return data_ != nullptr; }
    const Dataset& dataset() const;  // an empty dataset when none is loaded
    const geo::MapGeometry& geometry() const;
    // The same geometry, shared, for holders that may outlive a reload (the renderer's workers).
    std::shared_ptr<const geo::MapGeometry> shared_geometry() const;
    // The loaded data with its derived indexes, or null.
    const LoadedData* data() const { return data_.get(); }
    // The unit under a world point, or -1.
    int unit_at(geo::Vec2 world) const;
    const std::string& data_path() const;
    uint64_t data_version() const { return data_version_; }

    // --- date and playback --------------------------------------------------------------
    Date date() const { return date_; }
    // Clamped to [first_date(), last_date()].
    void set_date(Date date);
    Date first_date() const { return first_; }
    Date last_date() const { return last_; }
    // The data spans one day (or has no dates): nothing to slide through or play.
    bool single_date() const { return first_ == last_; }
    // Distinct dates of criteria assessments: a chart over time needs two.
    int assessment_dates() const { return assessment_dates_; }
    // Moves by whole months or years to the end of that month (or to the same day for years),
    // clamped to the span. Returns true when the date changed.
    bool step(PlayStep unit, int count);
    bool playing() const { return playing_; }
    void set_playing(bool on);
    PlayStep play_step() const { return play_step_; }
    void set_play_step(PlayStep s) { play_step_ = s; }
    double play_speed() const { return play_speed_; }  // steps per second
    void set_play_speed(double steps_per_second);
    // Advances playback by `seconds` of wall time; stops at the last date. True when the date
    // changed.
    bool advance(double seconds);

    // State on the current date (recomputed lazily when the date or data change).
    const std::vector<UnitState>& states() const;
    // 1 per unit of the boundary version in force on the date (every unit with one version).
    const std::vector<uint8_t>& in_force_mask() const;
    int version() const;  // the boundary version in force on the date
    const Summary& summary() const;
    const AttainmentIndex* index() const { return index_.get(); }
    // Bumped whenever the fills on the map change (date or data).
    uint64_t colour_version() const { return colour_version_; }

    // --- selection, hover, highlight ----------------------------------------------------
    const std::set<int>& selection() const { return selection_; }
    int primary_unit() const { return primary_; }  // the unit the detail panel shows, or -1
    void select_unit(int unit, bool add = false);  // add: ctrl/shift-click toggles
    void select_units(const std::vector<int>& units, bool add = false);
    void clear_selection();
    int hovered_unit() const { return hovered_; }
    void set_hovered_unit(int unit);
    // Band highlighted from the legend (-1 none). Clicking the same band again clears it.
    int highlighted_band() const { return highlighted_band_; }
    void toggle_highlighted_band(int band);
    // Units highlighted by a planner tool (e.g. the xã missing a criterion), with what it is
    // ("Thiếu tiêu chí 5. Thủy lợi"); empty label and units: none.
    void set_highlighted_units(std::vector<int> units, std::string label);
    const std::vector<int>& highlighted_units() const { return highlighted_units_; }
    const std::string& highlighted_units_label() const { return highlighted_units_label_; }
    // The planner filter on the map: 1 per unit that passes, empty when every unit does. Units
    // that do not pass are drawn muted. Changes the fills, so bumps colour_version().
    void set_filter_mask(std::vector<uint8_t> pass);
    const std::vector<uint8_t>& filter_mask() const { return filter_mask_; }
    // Units that take the highlight on the map: hovered, plus those in the highlighted band,
    // plus the highlighted units.
    std::vector<uint8_t> highlight_mask() const;
    // Bumped whenever selection, hover or highlight change (map flags need an update).
    uint64_t flag_version() const { return flag_version_; }

    // --- events -------------------------------------------------------------------------
    bool event_kind_shown(EventKind kind) const { return kinds_shown_[static_cast<int>(kind)]; }
    void set_event_kind_shown(EventKind kind, bool on) { kinds_shown_[static_cast<int>(kind)] = on; }
    // Indices into dataset().events passing the kind filter, by start date.
    std::vector<int> visible_events() const;
    // Events that concern `unit`: naming it, or naming its district.
    std::vector<int> events_of_unit(int unit) const;
    // Clicking an event: sets the date to its start and selects the units it concerns (all
    // units of the districts it names, when it names no unit).
    void activate_event(int event);

    // --- map requests -------------------------------------------------------------------
    void request_view(ViewRequest request) { view_request_ = std::move(request); }
    std::optional<ViewRequest> take_view_request();

    // --- language -----------------------------------------------------------------------
    Lang lang() const { return current_lang(); }
    void set_lang(Lang lang) { set_current_lang(lang); }

    // Units of a district (by code, or by name when the data has no codes).
    std::vector<int> units_of_district(const std::string& district_code) const;
    // Bounds of those units (empty Bounds when none).
    geo::Bounds bounds_of_units(const std::vector<int>& units) const;

private:
    void refresh_state() const;

    std::shared_ptr<LoadedData> data_;
    std::unique_ptr<AttainmentIndex> index_;
    mutable std::vector<uint8_t> in_force_;
    uint64_t data_version_ = 0;

    Date date_, first_, last_;
    int assessment_dates_ = 0;
    bool playing_ = false;
    PlayStep play_step_ = PlayStep::Month;
    double play_speed_ = 4.0;
    double play_accumulator_ = 0;

    mutable bool state_dirty_ = true;
    mutable std::vector<UnitState> states_;
    mutable Summary summary_;
    uint64_t colour_version_ = 0;

    std::set<int> selection_;
    int primary_ = -1;
    int hovered_ = -1;
    int highlighted_band_ = -1;
    std::vector<int> highlighted_units_;
    std::vector<uint8_t> filter_mask_;
    std::string highlighted_units_label_;
    uint64_t flag_version_ = 0;

    std::array<bool, 7> kinds_shown_;
    std::optional<ViewRequest> view_request_;
};

}  // namespace ntm::ui
