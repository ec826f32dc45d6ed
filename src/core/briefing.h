#pragma once
// Briefing mode's logic, without GL, ImGui or files: prepared views ("slides") and their list,
// stepping through them with a presenter's keys, the headline cards of a date against the
// 2021–2025 targets (Decision 263/QĐ-TTg, from planner.h), playback of progress over the years
// and the eased transition between two views.
#include <optional>
#include <string>
#include <vector>

#include "core/dataset.h"
#include "core/date.h"
#include "core/planner.h"
#include "core/statistics.h"

namespace ntm {

// A map extent in the display CRS (metres), as core sees it; the ui converts to geo::Bounds
// (core does not depend on geo).
struct Extent {
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    bool valid() const { return max_x > min_x && max_y > min_y; }
    double width() const { return max_x - min_x; }
    double height() const { return max_y - min_y; }
    friend bool operator==(const Extent& a, const Extent& b) {
        return a.min_x == b.min_x && a.min_y == b.min_y && a.max_x == b.max_x && a.max_y == b.max_y;
    }
};

// What a view centres the map on.
enum class ViewFocus {
    All,       // the whole dataset (fit)
    Extent,    // BriefingView::extent
    District,  // BriefingView::district_code (its units' bounds; cards show the district)
};

// One prepared view.
struct BriefingView {
    std::string title;                 // "Toàn tỉnh đến 31/12/2024" (any UTF-8)
    Date date;                         // the state shown
    ViewFocus focus = ViewFocus::All;
    Extent extent;                     // when focus == Extent
    std::string district_code;         // when focus == District (code, or name without codes)
    int highlighted_band = -1;         // index into CriteriaSet::bands, -1 none
    int highlighted_criterion = 0;     // criterion number: the xã missing it are highlighted; 0 none
    std::optional<Date> compare_date;  // the cards' "change since" date

    friend bool operator==(const BriefingView& a, const BriefingView& b);
};

// The ordered list of views, with the edits of the views panel. Indices are 0-based; every edit
// with an index out of range does nothing and returns false (or -1).
class BriefingViews {
public:
    const std::vector<BriefingView>& views() const { return views_; }
    int size() const { return static_cast<int>(views_.size()); }
    bool empty() const { return views_.empty(); }
    const BriefingView& at(int index) const { return views_.at(static_cast<size_t>(index)); }

    // Appends (or inserts before `index` when 0 <= index < size()); returns the new view's index.
    int create(BriefingView view, int index = -1);
    bool replace(int index, BriefingView view);  // keeps the position
    bool rename(int index, std::string title);
    // Returns the view's new index (unchanged at the top / bottom), or -1 when out of range.
    int move_up(int index);
    int move_down(int index);
    bool remove(int index);
    void clear() { views_.clear(); }

    friend bool operator==(const BriefingViews& a, const BriefingViews& b) { return a.views_ == b.views_; }

private:
    std::vector<BriefingView> views_;
};

// A default title for a new view: "Toàn tỉnh Lạng Sơn — 31/12/2024", "Huyện Cao Lộc — ...".
std::string default_view_title(const Dataset& dataset, const BriefingView& view, bool vietnamese);

// --- Stepping ---------------------------------------------------------------------------------
// Slide positions are 0-based indices; numbers shown to people are 1-based. With no slides every
// function returns -1.
int next_slide(int current, int count);      // clamps at the last slide
int previous_slide(int current, int count);  // clamps at the first
int clamp_slide(int index, int count);
// Slide number (1-based, as typed) to an index, clamped to the slides there are.
int slide_for_number(int number, int count);

// The keys briefing mode listens to (the ui maps the window system's keys to these).
enum class BriefingKey {
    Right, Left, Down, Up, PageDown, PageUp, Space, Home, End,
    Digit,      // 0–9 (with the digit)
    Enter, Backspace, Escape,
    Play,       // P: start or pause playback of progress over the years
    Contrast,   // C: toggle the high-contrast palette
    Other,
};

struct SlideCommand {
    enum class Kind {
        None,           // nothing to do (or a digit was buffered)
        Go,             // show slide `index`
        PausePlayback,  // a next/previous key while playback runs pauses it where it is
        TogglePlayback,
        ToggleContrast,
        Exit,
    } kind = Kind::None;
    int index = -1;
    friend bool operator==(const SlideCommand& a, const SlideCommand& b) {
        return a.kind == b.kind && a.index == b.index;
    }
};

// Key presses to commands, with the digits typed so far:
//   Right, Down, PageDown, Space → next slide; Left, Up, PageUp → previous; Home/End → first/last;
//   digits then Enter → that slide (clamped); Backspace drops a digit; Escape clears typed digits,
//   or exits when none are typed; P plays/pauses; C toggles contrast.
// While `playing`, next and previous keys only pause the playback (a clicker's first press stops
// the animation where it is; the next press moves on). Going to the slide already shown still
// returns Go (the view is restored, e.g. after panning).
class SlideKeys {
public:
    SlideCommand press(BriefingKey key, int current, int count, bool playing = false, int digit = 0);
    const std::string& typed() const { return typed_; }  // digits typed so far, shown on screen
    void reset() { typed_.clear(); }

private:
    std::string typed_;
};

// --- Headline cards ---------------------------------------------------------------------------
struct HeadlineCard {
    std::string id;  // "standard", "average", "advanced", "model", "below_threshold"
    std::string label_vi, label_en;
    double value = 0;         // count of xã, or the average criteria per xã
    int of = 0;               // "n of N" denominator (xã in scope) for "standard", else 0
    double percent = -1;      // share shown beside the value (standard: of xã; advanced/model: of
                              // xã at standard), < 0: none
    bool count = true;        // false for the average (a decimal)
    std::optional<TargetStatus> target;  // from targets_263() when the card has a target
    std::optional<Date> compare_date;
    double change = 0;        // value now minus value on compare_date (when compare_date)
    double percent_change = 0;  // percentage points (when percent >= 0 and compare_date)
    bool no_data = false;     // no xã in scope has an assessment: nothing to compare with targets

    // "135/181", "11,66", "12" (vi) / "135/181", "11.66", "12" (en)
    std::string value_text(bool vietnamese) const;
    // "74,59 % số xã" / "74.59 % of xã"; "" when no percent
    std::string percent_text(bool vietnamese) const;
    // "Mục tiêu 2025: ≥ 80 % · đạt" / "Target 2025: ≥ 80 % · met"; "" without target;
    // "Chưa có dữ liệu đánh giá" / "No assessments yet" when no_data
    std::string target_text(bool vietnamese) const;
    // "+12 so với 31/12/2020" / "+12 since 2020-12-31"; "" without compare_date
    std::string change_text(bool vietnamese) const;
};

// The five cards for `now` (the summary on the shown date, over the scope shown), changes
// against `before` when given (the summary on the comparison date over the same scope).
std::vector<HeadlineCard> headline_cards(const Summary& now, const Summary* before = nullptr);
// The same from states: summarize() over `in_scope` on `date`, and on `compare_date` through
// `index` when both are given.
std::vector<HeadlineCard> headline_cards(const Dataset& dataset, const std::vector<UnitState>& states,
                                         Date date, const AttainmentIndex* index = nullptr,
                                         std::optional<Date> compare_date = std::nullopt,
                                         const UnitFilter& in_scope = nullptr);

// --- Playback and transitions -----------------------------------------------------------------
// Progress over the years: from `from` to `to` in month-end steps at `months_per_second`, paused
// and resumed anywhere. Pure time arithmetic; the ui sets the app's date to date().
class Playback {
public:
    void start(Date from, Date to, double months_per_second = 12);
    void pause() { playing_ = false; }
    void resume();            // from where it was paused (restarts when at the end)
    bool playing() const { return playing_; }
    bool finished() const { return started_ && position_ >= total_months(); }
    bool started() const { return started_; }
    void stop() { started_ = playing_ = false; }
    // Advances by `seconds`; true when date() changed. Stops playing at `to`.
    bool advance(double seconds);
    Date date() const;        // from, then month ends after it, then `to` exactly
    Date from() const { return from_; }
    Date to() const { return to_; }
    double progress() const;  // 0..1

private:
    double total_months() const;
    Date from_, to_;
    double months_per_second_ = 12;
    double position_ = 0;  // months since from_
    bool playing_ = false, started_ = false;
};

// Smooth start and stop: 0 → 0, 1 → 1, symmetric, monotone; t clamped to [0, 1].
double ease_in_out(double t);
// The extent part way from `a` to `b` at eased `t`: the centre moves linearly while the size
// changes geometrically, so zooming in or out feels even. t = 0 gives a, t = 1 gives b.
Extent interpolate_extent(const Extent& a, const Extent& b, double t);
// The date part way (rounded to a day); t = 0 gives a, t = 1 gives b.
Date interpolate_date(Date a, Date b, double t);

// A transition between two views over `duration` seconds.
class Transition {
public:
    void start(const Extent& from_extent, Date from_date, const Extent& to_extent, Date to_date,
               double duration_seconds = 1.2);
    // Jumps to the end (e.g. for screenshots); running() becomes false.
    void finish() { elapsed_ = duration_; }
    bool running() const { return started_ && elapsed_ < duration_; }
    bool started() const { return started_; }
    void advance(double seconds);
    double t() const;  // eased 0..1
    Extent extent() const;
    Date date() const;
    const Extent& target_extent() const { return to_extent_; }
    Date target_date() const { return to_date_; }

private:
    Extent from_extent_, to_extent_;
    Date from_date_, to_date_;
    double duration_ = 1.2, elapsed_ = 0;
    bool started_ = false;
};

}  // namespace ntm
