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
    const double cell = std::max({size_sum / double(order.size()) + pad, vw / 256, vh / 256, 1.0});
    const int cols = std::max(1, static_cast<int>(std::ceil(vw / cell)));
    const int rows = std::max(1, static_cast<int>(std::ceil(vh / cell)));
    std::vector<std::vector<uint32_t>> buckets(size_t(cols) * rows);
    auto col = [&](double x) { return std::clamp(static_cast<int>(std::floor(x / cell)), 0, cols - 1); };
    auto row = [&](double y) { return std::clamp(static_cast<int>(std::floor(y / cell)), 0, rows - 1); };

    placed.reserve(order.size());
    for (size_t i : order) {
        const LabelCandidate& c = candidates[i];
        Bounds box{c.anchor.x - c.width / 2, c.anchor.y - c.height / 2, c.anchor.x + c.width / 2,
                   c.anchor.y + c.height / 2};
        // Another box conflicts when it comes closer than `pad`: test against this box grown
        // by `pad`; kept boxes sit in the buckets their unpadded box touches.
        const Bounds grown{box.min_x - pad, box.min_y - pad, box.max_x + pad, box.max_y + pad};
        const int x0 = col(grown.min_x), x1 = col(grown.max_x);
        const int y0 = row(grown.min_y), y1 = row(grown.max_y);
        bool clear = true;
        for (int y = y0; y <= y1 && clear; ++y)
            for (int x = x0; x <= x1 && clear; ++x)
                for (uint32_t k : buckets[size_t(y) * cols + x]) {
                    const Bounds& o = placed[k].box;
                    if (o.min_x < grown.max_x && o.max_x > grown.min_x && o.min_y < grown.max_y &&
                        o.max_y > grown.min_y) {
                        clear = false;
                        break;
                    }
                }
        if (!clear) continue;
        const uint32_t k = static_cast<uint32_t>(placed.size());
        placed.push_back({c.id, i, box});
        for (int y = row(box.min_y); y <= row(box.max_y); ++y)
            for (int x = col(box.min_x); x <= col(box.max_x); ++x) buckets[size_t(y) * cols + x].push_back(k);
    }
    return placed;
}

}  // namespace ntm::geo
