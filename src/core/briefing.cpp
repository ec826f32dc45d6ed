#include "core/briefing.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/format.h"

namespace ntm {

bool operator==(const BriefingView& a, const BriefingView& b) {
    return a.title == b.title && a.date == b.date && a.focus == b.focus && a.extent == b.extent &&
           a.district_code == b.district_code && a.highlighted_band == b.highlighted_band &&
           a.highlighted_criterion == b.highlighted_criterion && a.compare_date == b.compare_date;
}

// --- The list -------------------------------------------------------------------------------

int BriefingViews::create(BriefingView view, int index) {
    if (index >= 0 && index < size()) {
        views_.insert(views_.begin() + index, std::move(view));
        return index;
    }
    views_.push_back(std::move(view));
    return size() - 1;
}

bool BriefingViews::replace(int index, BriefingView view) {
    if (index < 0 || index >= size()) return false;
    views_[static_cast<size_t>(index)] = std::move(view);
    return true;
}

bool BriefingViews::rename(int index, std::string title) {
    if (index < 0 || index >= size()) return false;
    views_[static_cast<size_t>(index)].title = std::move(title);
    return true;
}

int BriefingViews::move_up(int index) {
    if (index < 0 || index >= size()) return -1;
    if (index == 0) return 0;
    std::swap(views_[static_cast<size_t>(index)], views_[static_cast<size_t>(index - 1)]);
    return index - 1;
}

int BriefingViews::move_down(int index) {
    if (index < 0 || index >= size()) return -1;
    if (index == size() - 1) return index;
    std::swap(views_[static_cast<size_t>(index)], views_[static_cast<size_t>(index + 1)]);
    return index + 1;
}

bool BriefingViews::remove(int index) {
    if (index < 0 || index >= size()) return false;
    views_.erase(views_.begin() + index);
    return true;
}

std::string default_view_title(const Dataset& dataset, const BriefingView& view, bool vi) {
    std::string scope;
    if (view.focus == ViewFocus::District) {
        for (const District& d : dataset.districts())
            if (d.code == view.district_code || d.name == view.district_code) scope = d.name;
        if (scope.empty()) scope = view.district_code;
    } else if (view.focus == ViewFocus::Extent) {
        scope = vi ? "Vùng đã chọn" : "Selected area";
    } else {
        const std::string& t = dataset.info.title;
        scope = t.empty() ? std::string(vi ? "Toàn tỉnh" : "Whole province")
                          : (vi ? "Toàn tỉnh " + t : t + " province");
    }
    return scope + " — " + format_date(view.date, vi);
}

// --- Stepping -------------------------------------------------------------------------------

int clamp_slide(int index, int count) {
    if (count <= 0) return -1;
    return std::clamp(index, 0, count - 1);
}

int next_slide(int current, int count) {
    if (count <= 0) return -1;
    if (current < 0) return 0;
    return clamp_slide(current + 1, count);
}

int previous_slide(int current, int count) {
    if (count <= 0) return -1;
    if (current < 0) return 0;
    return clamp_slide(current - 1, count);
}

int slide_for_number(int number, int count) { return clamp_slide(number - 1, count); }

SlideCommand SlideKeys::press(BriefingKey key, int current, int count, bool playing, int digit) {
    using K = SlideCommand::Kind;
    auto go = [&](int index) { return index < 0 ? SlideCommand{} : SlideCommand{K::Go, index}; };
    if (key != BriefingKey::Digit && key != BriefingKey::Backspace && key != BriefingKey::Enter &&
        key != BriefingKey::Escape)
        typed_.clear();
    switch (key) {
    case BriefingKey::Right:
    case BriefingKey::Down:
    case BriefingKey::PageDown:
    case BriefingKey::Space:
        if (playing) return {K::PausePlayback, -1};
        return go(next_slide(current, count));
    case BriefingKey::Left:
    case BriefingKey::Up:
    case BriefingKey::PageUp:
        if (playing) return {K::PausePlayback, -1};
        return go(previous_slide(current, count));
    case BriefingKey::Home: return go(clamp_slide(0, count));
    case BriefingKey::End: return go(clamp_slide(count - 1, count));
    case BriefingKey::Digit:
        if (digit >= 0 && digit <= 9 && typed_.size() < 4) typed_ += static_cast<char>('0' + digit);
        return {};
    case BriefingKey::Backspace:
        if (!typed_.empty()) typed_.pop_back();
        return {};
    case BriefingKey::Enter: {
        if (typed_.empty()) return {};
        const int number = std::stoi(typed_);
        typed_.clear();
        return go(slide_for_number(number, count));
    }
    case BriefingKey::Escape:
        if (!typed_.empty()) {
            typed_.clear();
            return {};
        }
        return {K::Exit, -1};
    case BriefingKey::Play: return {K::TogglePlayback, -1};
    case BriefingKey::Contrast: return {K::ToggleContrast, -1};
    case BriefingKey::Other: break;
    }
    return {};
}

// --- Headline cards -------------------------------------------------------------------------

namespace {

std::string signed_number(double value, int decimals, bool vi) {
    const double rounded = std::round(value * std::pow(10.0, decimals)) / std::pow(10.0, decimals);
    if (rounded == 0) return format_decimal(0, decimals, vi);
    return (rounded > 0 ? "+" : "") + format_decimal(rounded, decimals, vi);
}

const TargetStatus* find_target(const ScopeTargets& t, const char* id) {
    for (const TargetStatus& s : t.targets)
        if (s.id == id) return &s;
    return nullptr;
}

}  // namespace

std::string HeadlineCard::value_text(bool vi) const {
    if (no_data && id != "standard") return "—";  // 0 would read as a result
    if (!count) return format_decimal(value, 2, vi);
    std::string text = format_count(static_cast<long long>(std::llround(value)), vi);
    if (of > 0) text += "/" + format_count(of, vi);
    return text;
}

std::string HeadlineCard::percent_text(bool vi) const {
    if (percent < 0) return "";
    const std::string p = format_percent(percent, vi);
    if (id == "standard") return p + (vi ? " số xã" : " of xã");
    if (id == "advanced")
        return (vi ? "nâng cao và kiểu mẫu: " : "advanced and model: ") + p +
               (vi ? " số xã đạt chuẩn" : " of xã at standard");
    return p + (vi ? " số xã đạt chuẩn" : " of xã at standard");
}

std::string HeadlineCard::target_text(bool vi) const {
    if (no_data) return vi ? "Chưa có dữ liệu đánh giá" : "No assessments yet";
    if (!target) return "";
    std::string rule;
    switch (target->rule) {
    case TargetRule::AtLeast: rule = "≥ " + format_percent(target->target, vi, 0); break;
    case TargetRule::About: rule = (vi ? "khoảng " : "about ") + format_percent(target->target, vi, 0); break;
    case TargetRule::None: rule = vi ? "không còn xã nào" : "none left"; break;
    }
    const bool known = target->percent ? target->denominator > 0 : true;
    std::string status = !known ? (vi ? "chưa tính được" : "not computable")
                                : target->met ? (vi ? "đạt" : "met") : (vi ? "chưa đạt" : "not met");
    return (vi ? "Mục tiêu " : "Target ") + std::to_string(target->year) + ": " + rule + " · " + status;
}

std::string HeadlineCard::change_text(bool vi) const {
    if (!compare_date) return "";
    const std::string since = vi ? " so với " + format_date(*compare_date, true)
                                 : " since " + format_date(*compare_date, false);
    std::string text;
    if (count) {
        const long long d = std::llround(change);
        if (d == 0) {
            text = vi ? "không đổi" : "unchanged";
        } else {
            text = signed_number(change, 0, vi) + (vi ? " xã" : " xã");
        }
    } else {
        text = std::round(change * 100) == 0 ? std::string(vi ? "không đổi" : "unchanged")
                                             : signed_number(change, 2, vi);
    }
    if (percent >= 0 && std::round(percent_change * 100) != 0)
        text += " (" + signed_number(percent_change, 2, vi) + (vi ? " điểm %)" : " points)");
    return text + since;
}

std::vector<HeadlineCard> headline_cards(const Summary& now, const Summary* before) {
    const ScopeTargets targets = programme_targets(now);
    const ScopeTargets targets_before = before ? programme_targets(*before) : ScopeTargets{};
    // Counts out of 19 and out of 10 do not compare: across a change of set only the shares
    // at standard and the level counts get a change.
    const bool same_set = before && before->criteria_set == now.criteria_set;
    std::vector<HeadlineCard> cards;
    auto add = [&](const char* id, std::string vi, std::string en, double value, double value_before,
                   const char* target_id) {
        HeadlineCard c;
        c.id = id;
        c.label_vi = std::move(vi);
        c.label_en = std::move(en);
        c.value = value;
        if (target_id) {
            if (const TargetStatus* t = find_target(targets, target_id)) c.target = *t;
        }
        if (before) {
            c.compare_date = before->date;
            c.change = value - value_before;
        }
        cards.push_back(std::move(c));
        return &cards.back();
    };
    auto share_of = [](const ScopeTargets& t, const char* id) {
        const TargetStatus* s = find_target(t, id);
        return s ? s->value : 0.0;
    };
    const int b_standard = before ? before->at_standard : 0;

    HeadlineCard* c = add("standard", "Xã đạt chuẩn nông thôn mới", "Xã at the NTM standard",
                          now.at_standard, b_standard, "standard");
    c->of = now.xa_total;
    c->percent = now.xa_total ? 100.0 * now.at_standard / now.xa_total : 0;
    if (before) c->percent_change = c->percent - (before->xa_total ? 100.0 * b_standard / before->xa_total : 0);

    c = add("average", "Bình quân tiêu chí/xã", "Average criteria per xã", now.average_criteria,
            before ? before->average_criteria : 0, nullptr);
    c->count = false;
    if (!same_set) c->compare_date.reset();

    if (now.has_level(Level::Advanced)) {
        c = add("advanced", "Xã nông thôn mới nâng cao", "Advanced NTM xã", now.advanced,
                before ? before->advanced : 0, "advanced");
        c->percent = share_of(targets, "advanced");
        if (before) c->percent_change = c->percent - share_of(targets_before, "advanced");
    }
    if (now.has_level(Level::Model)) {
        c = add("model", "Xã nông thôn mới kiểu mẫu", "Model NTM xã", now.model,
                before ? before->model : 0, "model");
        c->percent = share_of(targets, "model");
        if (before) c->percent_change = c->percent - share_of(targets_before, "model");
    }
    if (now.has_level(Level::Modern)) {
        c = add("modern", "Xã nông thôn mới hiện đại", "Modern NTM xã", now.modern,
                before ? before->modern : 0, "modern");
        c->of = now.xa_total;
        c->percent = now.xa_total ? 100.0 * now.modern / now.xa_total : 0;
        if (before)
            c->percent_change = c->percent - (before->xa_total ? 100.0 * before->modern / before->xa_total : 0);
    }
    if (now.threshold > 0) {
        c = add("below_threshold", "Xã dưới " + std::to_string(now.threshold) + " tiêu chí",
                "Xã below " + std::to_string(now.threshold) + " criteria", now.below_threshold,
                before ? before->below_threshold : 0, "below_threshold");
        if (!same_set) c->compare_date.reset();
    }
    if (now.xa_with_data == 0)
        for (HeadlineCard& card : cards) {
            card.no_data = true;
            card.target.reset();  // neither met nor missed
            card.percent = -1;
        }
    return cards;
}

std::vector<HeadlineCard> headline_cards(const Dataset& dataset, const std::vector<UnitState>& states,
                                         Date date, const AttainmentIndex* index,
                                         std::optional<Date> compare_date, const UnitFilter& in_scope) {
    const Summary now = summarize(dataset, states, date, in_scope);
    if (!index || !compare_date) return headline_cards(now, nullptr);
    const Summary before = summarize(dataset, index->states(*compare_date), *compare_date, in_scope);
    return headline_cards(now, &before);
}

// --- Playback -------------------------------------------------------------------------------

namespace {

int months_between(Date a, Date b) { return (b.year() - a.year()) * 12 + (b.month() - a.month()); }

}  // namespace

void Playback::start(Date from, Date to, double months_per_second) {
    from_ = std::min(from, to);
    to_ = std::max(from, to);
    months_per_second_ = months_per_second > 0 ? months_per_second : 12;
    position_ = 0;
    started_ = playing_ = true;
}

void Playback::resume() {
    if (!started_) return;
    if (finished()) position_ = 0;
    playing_ = true;
}

double Playback::total_months() const { return std::max(0, months_between(from_, to_)); }

bool Playback::advance(double seconds) {
    if (!playing_ || seconds <= 0) return false;
    const Date before = date();
    position_ = std::min(total_months(), position_ + seconds * months_per_second_);
    if (position_ >= total_months()) playing_ = false;
    return date() != before;
}

Date Playback::date() const {
    if (!started_ || position_ <= 0) return from_;
    if (position_ >= total_months()) return to_;
    const int whole = static_cast<int>(std::floor(position_));
    if (whole <= 0) return from_;
    const Date d = add_months(from_, whole);
    const Date end = last_day_of_month(d.year(), d.month());
    return std::min(end, to_);
}

double Playback::progress() const {
    const double total = total_months();
    return total > 0 ? std::clamp(position_ / total, 0.0, 1.0) : (started_ ? 1.0 : 0.0);
}

// --- Transitions ----------------------------------------------------------------------------

double ease_in_out(double t) {
    t = std::clamp(t, 0.0, 1.0);
    // Cubic ease in and out: 4t³ for the first half, mirrored for the second.
    return t < 0.5 ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3) / 2;
}

Extent interpolate_extent(const Extent& a, const Extent& b, double t) {
    if (!a.valid()) return b;
    if (!b.valid()) return a;
    t = std::clamp(t, 0.0, 1.0);
    if (t <= 0) return a;
    if (t >= 1) return b;
    const double cx = (a.min_x + a.max_x) / 2 + ((b.min_x + b.max_x) / 2 - (a.min_x + a.max_x) / 2) * t;
    const double cy = (a.min_y + a.max_y) / 2 + ((b.min_y + b.max_y) / 2 - (a.min_y + a.max_y) / 2) * t;
    const double w = a.width() * std::pow(b.width() / a.width(), t);
    const double h = a.height() * std::pow(b.height() / a.height(), t);
    return {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
}

Date interpolate_date(Date a, Date b, double t) {
    t = std::clamp(t, 0.0, 1.0);
    return Date{a.days + static_cast<int32_t>(std::lround((b.days - a.days) * t))};
}

void Transition::start(const Extent& from_extent, Date from_date, const Extent& to_extent, Date to_date,
                       double duration_seconds) {
    from_extent_ = from_extent;
    to_extent_ = to_extent;
    from_date_ = from_date;
    to_date_ = to_date;
    duration_ = std::max(0.0, duration_seconds);
    elapsed_ = 0;
    started_ = true;
}

void Transition::advance(double seconds) {
    if (started_ && seconds > 0) elapsed_ = std::min(duration_, elapsed_ + seconds);
}

double Transition::t() const {
    if (!started_ || duration_ <= 0) return 1;
    return ease_in_out(elapsed_ / duration_);
}

Extent Transition::extent() const { return interpolate_extent(from_extent_, to_extent_, t()); }
Date Transition::date() const { return interpolate_date(from_date_, to_date_, t()); }

}  // namespace ntm
