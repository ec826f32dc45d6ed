#include "geo/label_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace ntm::geo {

std::vector<PlacedLabel> layout_labels(const std::vector<LabelCandidate>& candidates,
                                       const LabelLayoutOptions& options) {
    std::vector<PlacedLabel> placed;
    const double vw = options.viewport_width, vh = options.viewport_height;
    const double pad = std::max(0.0, options.padding);
    if (!(vw > 0) || !(vh > 0) || candidates.empty()) return placed;

    // Candidates that could be placed at all, in placement order.
    std::vector<size_t> order;
    order.reserve(candidates.size());
    double size_sum = 0;
    for (size_t i = 0; i < candidates.size(); ++i) {
        const LabelCandidate& c = candidates[i];
        if (!(c.width > 0) || !(c.height > 0) || !std::isfinite(c.anchor.x) ||
            !std::isfinite(c.anchor.y) || !std::isfinite(c.priority))
            continue;
        const double hw = c.width / 2, hh = c.height / 2;
        if (c.anchor.x - hw < 0 || c.anchor.x + hw > vw || c.anchor.y - hh < 0 || c.anchor.y + hh > vh)
            continue;  // off the viewport, even partly
        if (c.fit_radius > 0 && hw * hw + hh * hh > c.fit_radius * c.fit_radius) continue;
        order.push_back(i);
        size_sum += std::max(c.width, c.height);
    }
    if (order.empty()) return placed;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const LabelCandidate &ca = candidates[a], &cb = candidates[b];
        if (ca.priority != cb.priority) return ca.priority > cb.priority;
        const double aa = ca.width * ca.height, ab = cb.width * cb.height;
        if (aa != ab) return aa > ab;
        if (ca.id != cb.id) return ca.id < cb.id;
        return a < b;
    });

    // Buckets about the size of an average label (plus padding); at most 256 x 256.
    LabelOccupancy occupancy(vw, vh, pad, std::max({size_sum / double(order.size()) + pad, vw / 256, vh / 256, 1.0}));
    placed.reserve(order.size());
    for (size_t i : order) {
        const LabelCandidate& c = candidates[i];
        const Bounds box{c.anchor.x - c.width / 2, c.anchor.y - c.height / 2, c.anchor.x + c.width / 2,
                         c.anchor.y + c.height / 2};
        if (!occupancy.free(box)) continue;
        occupancy.add(box);
        placed.push_back({c.id, i, box});
    }
    return placed;
}

LabelOccupancy::LabelOccupancy(double viewport_width, double viewport_height, double padding, double cell)
    : vw_(viewport_width), vh_(viewport_height), pad_(std::max(0.0, padding)) {
    cell_ = cell > 0 ? cell : std::max({vw_, vh_, 64.0}) / 64;
    cols_ = std::clamp(static_cast<int>(std::ceil(vw_ / cell_)), 1, 4096);
    rows_ = std::clamp(static_cast<int>(std::ceil(vh_ / cell_)), 1, 4096);
    buckets_.resize(size_t(cols_) * rows_);
}

int LabelOccupancy::col(double x) const { return std::clamp(static_cast<int>(std::floor(x / cell_)), 0, cols_ - 1); }
int LabelOccupancy::row(double y) const { return std::clamp(static_cast<int>(std::floor(y / cell_)), 0, rows_ - 1); }

bool LabelOccupancy::free(const Bounds& box) const {
    if (!(box.min_x >= 0 && box.min_y >= 0 && box.max_x <= vw_ && box.max_y <= vh_)) return false;
    // Another box conflicts when it comes closer than the padding: test against this box grown
    // by it; kept boxes sit in the buckets their unpadded box touches.
    const Bounds grown{box.min_x - pad_, box.min_y - pad_, box.max_x + pad_, box.max_y + pad_};
    for (int y = row(grown.min_y), y1 = row(grown.max_y); y <= y1; ++y)
        for (int x = col(grown.min_x), x1 = col(grown.max_x); x <= x1; ++x)
            for (uint32_t k : buckets_[size_t(y) * cols_ + x]) {
                const Bounds& o = boxes_[k];
                if (o.min_x < grown.max_x && o.max_x > grown.min_x && o.min_y < grown.max_y && o.max_y > grown.min_y)
                    return false;
            }
    return true;
}

void LabelOccupancy::add(const Bounds& box) {
    const uint32_t k = static_cast<uint32_t>(boxes_.size());
    boxes_.push_back(box);
    for (int y = row(box.min_y), y1 = row(box.max_y); y <= y1; ++y)
        for (int x = col(box.min_x), x1 = col(box.max_x); x <= x1; ++x) buckets_[size_t(y) * cols_ + x].push_back(k);
}

}  // namespace ntm::geo
