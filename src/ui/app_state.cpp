#include "ui/app_state.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <set>

#include "core/filters.h"
#include "io/district_dissolve.h"

namespace ntm::ui {
namespace {

// Read by the loader thread for its progress text while the UI thread may switch it.
std::atomic<Lang> g_lang{Lang::Vi};

const Dataset& empty_dataset() {
    static const Dataset empty;
    return empty;
}

const geo::MapGeometry& empty_geometry() {
    static const geo::MapGeometry empty;
    return empty;
}

}  // namespace

Lang current_lang() { return g_lang; }
void set_current_lang(Lang lang) { g_lang = lang; }
const char* tr(const char* vi, const char* en) { return g_lang == Lang::Vi ? vi : en; }

AppState::AppState() {
    kinds_shown_.fill(true);
    date_ = first_ = last_ = today_local();
}

void AppState::set_data(std::unique_ptr<LoadedData> data) {
    data_ = std::move(data);
    index_ = data_ ? std::make_unique<AttainmentIndex>(data_->dataset) : nullptr;
    ++data_version_;
    const Dataset& ds = dataset();
    const auto first = ds.first_date();
    const auto last = ds.last_date();
    if (first && last) {
        first_ = *first;
        last_ = *last;
    } else {
        first_ = last_ = default_date(ds);  // no dates at all: today, whose criteria set applies
    }
    std::set<int> dates;
    for (const Observation& o : ds.observations) dates.insert(o.date.days);
    assessment_dates_ = static_cast<int>(dates.size());
    // New data opens on its last date with assessments (not today, not the last event).
    date_ = std::clamp(default_date(ds), first_, last_);
    selection_.clear();
    primary_ = hovered_ = highlighted_band_ = -1;
    highlighted_units_.clear();
    highlighted_units_label_.clear();
    filter_mask_.clear();
    playing_ = false;
    play_accumulator_ = 0;
    state_dirty_ = true;
    ++colour_version_;
    ++flag_version_;
    view_request_ = ViewRequest{};
}

void LoadedData::prepare_derived(int threads) {
    district_groups.assign(dataset.units.size(), {});
    std::map<std::string, std::vector<int>> members;
    std::map<std::string, std::string> names;
    for (size_t u = 0; u < dataset.units.size(); ++u) {
        const Unit& unit = dataset.units[u];
        std::string key = district_key(unit);
        if (key.empty() || dataset.versions[unit.version].grouping == Grouping::None) continue;
        // Keys per version: a district code of 2020 is no group of the 2025 units.
        if (dataset.versions.size() > 1) key = dataset.versions[unit.version].id + "|" + key;
        members[key].push_back(static_cast<int>(u));
        names[key] = unit.district_name.empty() ? key : unit.district_name;
        district_groups[u] = std::move(key);
    }
    district_rings = io::district_outlines_if_unshared(dataset, geometry);
    unit_anchors = geo::label_anchors(geometry, threads);
    district_labels.clear();
    for (const auto& [key, units] : members) {
        DistrictLabel label{names[key], geo::group_label_anchor(geometry, unit_anchors, units),
                            dataset.units[units.front()].version};
        if (label.anchor.valid()) district_labels.push_back(std::move(label));
    }
    picking = geo::PickingIndex(geometry);
}

const Dataset& AppState::dataset() const { return data_ ? data_->dataset : empty_dataset(); }
const geo::MapGeometry& AppState::geometry() const {
    return data_ ? data_->geometry : empty_geometry();
}
std::shared_ptr<const geo::MapGeometry> AppState::shared_geometry() const {
    if (!data_) return nullptr;
    return std::shared_ptr<const geo::MapGeometry>(data_, &data_->geometry);
}

int AppState::unit_at(geo::Vec2 world) const {
    if (!data_ || data_->picking.unit_count() != data_->geometry.shapes.size()) return -1;
    return data_->picking.unit_at(world, &in_force_mask());
}

const std::string& AppState::data_path() const {
    static const std::string none;
    return data_ ? data_->path : none;
}

void AppState::set_date(Date date) {
    date = std::clamp(date, first_, last_);
    if (date == date_) return;
    date_ = date;
    state_dirty_ = true;
    ++colour_version_;
}

bool AppState::step(PlayStep unit, int count) {
    const Date before = date_;
    Date next;
    if (unit == PlayStep::Month) {
        // Month ends are where reports look, so month steps land on them: forward from the
        // middle of a month, the first step reaches that month's end.
        const bool at_month_end = date_ == last_day_of_month(date_.year(), date_.month());
        const int shift = count > 0 && !at_month_end ? count - 1 : count;
        const Date moved = add_months(Date::from_ymd(date_.year(), date_.month(), 1), shift);
        next = last_day_of_month(moved.year(), moved.month());
    } else {
        next = add_months(date_, 12 * count);
    }
    set_date(next);
    return date_ != before;
}

void AppState::set_playing(bool on) {
    if (on && date_ >= last_) set_date(first_);  // play from the start after the end
    playing_ = on && !single_date();  // one day has nothing to play through
    play_accumulator_ = 0;
}

void AppState::set_play_speed(double steps_per_second) {
    play_speed_ = std::clamp(steps_per_second, 0.25, 30.0);
}

bool AppState::advance(double seconds) {
    if (!playing_) return false;
    play_accumulator_ += seconds * play_speed_;
    bool changed = false;
    while (play_accumulator_ >= 1.0) {
        play_accumulator_ -= 1.0;
        changed |= step(play_step_, 1);
        if (date_ >= last_) {
            playing_ = false;
            play_accumulator_ = 0;
            break;
        }
    }
    return changed;
}

void AppState::refresh_state() const {
    if (!state_dirty_) return;
    if (index_) {
        states_ = index_->states(date_);
        summary_ = summarize(dataset(), states_, date_);
        in_force_.assign(states_.size(), 0);
        for (size_t u = 0; u < states_.size(); ++u) in_force_[u] = states_[u].in_force;
    } else {
        states_.clear();
        in_force_.clear();
        summary_ = Summary{};
    }
    state_dirty_ = false;
}

const std::vector<UnitState>& AppState::states() const {
    refresh_state();
    return states_;
}

const std::vector<uint8_t>& AppState::in_force_mask() const {
    refresh_state();
    return in_force_;
}

int AppState::version() const { return dataset().version_on(date_); }

const Summary& AppState::summary() const {
    refresh_state();
    return summary_;
}

void AppState::select_unit(int unit, bool add) {
    const int n = static_cast<int>(dataset().units.size());
    if (unit < 0 || unit >= n) {
        if (!add) clear_selection();
        return;
    }
    if (!add) {
        selection_ = {unit};
        primary_ = unit;
    } else if (selection_.erase(unit)) {
        if (primary_ == unit) primary_ = selection_.empty() ? -1 : *selection_.begin();
    } else {
        selection_.insert(unit);
        primary_ = unit;
    }
    ++flag_version_;
}

void AppState::select_units(const std::vector<int>& units, bool add) {
    if (!add) selection_.clear();
    const int n = static_cast<int>(dataset().units.size());
    for (int u : units)
        if (u >= 0 && u < n) selection_.insert(u);
    primary_ = units.size() == 1 && !selection_.empty() ? units.front()
               : selection_.count(primary_)            ? primary_
                                                       : -1;
    ++flag_version_;
}

void AppState::clear_selection() {
    if (selection_.empty() && primary_ < 0) return;
    selection_.clear();
    primary_ = -1;
    ++flag_version_;
}

void AppState::set_hovered_unit(int unit) {
    if (unit == hovered_) return;
    hovered_ = unit;
    ++flag_version_;
}

void AppState::toggle_highlighted_band(int band) {
    highlighted_band_ = highlighted_band_ == band ? -1 : band;
    ++flag_version_;
}

void AppState::set_filter_mask(std::vector<uint8_t> pass) {
    if (pass == filter_mask_) return;
    filter_mask_ = std::move(pass);
    ++colour_version_;
}

void AppState::set_highlighted_units(std::vector<int> units, std::string label) {
    highlighted_units_ = std::move(units);
    highlighted_units_label_ = std::move(label);
    ++flag_version_;
}

std::vector<uint8_t> AppState::highlight_mask() const {
    const auto& st = states();
    std::vector<uint8_t> mask(dataset().units.size(), 0);
    for (size_t u = 0; u < mask.size(); ++u) {
        if (highlighted_band_ >= 0 && u < st.size() && dataset().units[u].assessed() &&
            st[u].has_data && st[u].band == highlighted_band_)
            mask[u] = 1;
    }
    for (int u : highlighted_units_)
        if (u >= 0 && u < static_cast<int>(mask.size())) mask[u] = 1;
    if (hovered_ >= 0 && hovered_ < static_cast<int>(mask.size())) mask[hovered_] = 1;
    return mask;
}

std::vector<int> AppState::visible_events() const {
    const auto& events = dataset().events;
    std::vector<int> out;
    for (size_t i = 0; i < events.size(); ++i)
        if (event_kind_shown(events[i].kind)) out.push_back(static_cast<int>(i));
    std::stable_sort(out.begin(), out.end(),
                     [&](int a, int b) { return events[a].start < events[b].start; });
    return out;
}

std::vector<int> AppState::events_of_unit(int unit) const {
    const Dataset& ds = dataset();
    std::vector<int> out;
    if (unit < 0 || unit >= static_cast<int>(ds.units.size())) return out;
    const Unit& u = ds.units[unit];
    for (size_t i = 0; i < ds.events.size(); ++i) {
        const Event& e = ds.events[i];
        const bool names_unit =
            std::find(e.unit_codes.begin(), e.unit_codes.end(), u.code) != e.unit_codes.end();
        const bool names_district =
            !u.district_code.empty() &&
            std::find(e.district_codes.begin(), e.district_codes.end(), u.district_code) !=
                e.district_codes.end();
        if (names_unit || names_district) out.push_back(static_cast<int>(i));
    }
    std::stable_sort(out.begin(), out.end(),
                     [&](int a, int b) { return ds.events[a].start < ds.events[b].start; });
    return out;
}

void AppState::activate_event(int event) {
    const Dataset& ds = dataset();
    if (event < 0 || event >= static_cast<int>(ds.events.size())) return;
    const Event& e = ds.events[event];
    set_date(e.start);
    std::vector<int> units;
    for (const std::string& code : e.unit_codes) {
        const int u = ds.find_unit(code);
        if (u >= 0) units.push_back(u);
    }
    if (units.empty())
        for (const std::string& d : e.district_codes) {
            const auto in_district = units_of_district(d);
            units.insert(units.end(), in_district.begin(), in_district.end());
        }
    if (units.empty()) return;
    select_units(units);
    const geo::Bounds b = bounds_of_units(units);
    if (!b.empty()) request_view({ViewRequest::Kind::Bounds, -1, "", b});
}

std::optional<ViewRequest> AppState::take_view_request() {
    auto r = std::move(view_request_);
    view_request_.reset();
    return r;
}

std::vector<int> AppState::units_of_district(const std::string& district_code) const {
    std::vector<int> out;
    const auto& units = dataset().units;
    for (size_t u = 0; u < units.size(); ++u) {
        const Unit& unit = units[u];
        if (!district_code.empty() && district_key(unit) == district_code) out.push_back(static_cast<int>(u));
    }
    return out;
}

geo::Bounds AppState::bounds_of_units(const std::vector<int>& units) const {
    geo::Bounds b;
    const auto& shapes = geometry().shapes;
    for (int u : units)
        if (u >= 0 && u < static_cast<int>(shapes.size())) b.add(shapes[u].bounds());
    return b;
}

}  // namespace ntm::ui
