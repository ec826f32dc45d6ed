#pragma once
// Screen-space label placement: which labels to draw so that no two overlap.
//
// Greedy: candidates are taken by priority (higher first), then by larger box area, then by
// lower id, then by input position, and each is kept when its box stays inside the viewport,
// fits its radius (if it has one) and keeps the padding from every box already kept. Kept boxes
// live in a uniform grid of buckets, so each test looks at a handful of neighbours: thousands of
// candidates take well under a millisecond. The result depends only on the input.
#include <cstdint>
#include <vector>

#include "geo/geometry.h"

namespace ntm::geo {

struct LabelCandidate {
    int id = 0;               // the caller's (for example the unit index); not required unique
    Vec2 anchor;              // centre of the label box, in pixels (x right, y down or up)
    double width = 0;         // box size in pixels; candidates with a size <= 0 are rejected
    double height = 0;
    double priority = 0;      // higher is placed first
    double fit_radius = 0;    // > 0: rejected unless the box lies within the circle of this radius
                              // around the anchor (the anchor's radius in pixels, so a label
                              // only shows when it fits inside its polygon)
};

struct LabelLayoutOptions {
    double viewport_width = 0;   // boxes must lie within [0, width] x [0, height]
    double viewport_height = 0;
    double padding = 0;          // the smallest gap kept between two boxes, in pixels
};

struct PlacedLabel {
    int id = 0;
    size_t candidate = 0;  // index into the candidates
    Bounds box;            // in pixels, without padding
};

// The accepted labels, in the order they were accepted (the placement order above). No two
// boxes are closer than the padding (boxes exactly `padding` apart are allowed).
std::vector<PlacedLabel> layout_labels(const std::vector<LabelCandidate>& candidates,
                                       const LabelLayoutOptions& options);

// The boxes kept so far, in a uniform grid of buckets about `cell` pixels wide: free() looks at
// a handful of neighbours. layout_labels() uses it; so does label_placement.h, which tries
// several positions and sizes per name and so cannot list every candidate up front.
class LabelOccupancy {
public:
    // `cell` <= 0: a cell of 1/64 of the larger side.
    LabelOccupancy(double viewport_width, double viewport_height, double padding, double cell = 0);
    // Inside [0, width] x [0, height] and at least `padding` from every box added.
    bool free(const Bounds& box) const;
    void add(const Bounds& box);
    size_t size() const { return boxes_.size(); }

private:
    int col(double x) const;
    int row(double y) const;
    double vw_, vh_, pad_, cell_;
    int cols_ = 1, rows_ = 1;
    std::vector<Bounds> boxes_;
    std::vector<std::vector<uint32_t>> buckets_;
};

}  // namespace ntm::geo
