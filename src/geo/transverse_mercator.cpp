#include "geo/transverse_mercator.h"

#include <cmath>

namespace ntm::geo {
namespace {

struct Series {
    double e = 0;          // eccentricity
    double scale = 0;      // k0 · A, A the rectifying radius
    double alpha[7] = {};  // alpha[1..6]
};

Series series(const TransverseMercator& p) {
    Series s;
    const double f = 1 / p.inverse_flattening;
    const double n = f / (2 - f), n2 = n * n, n3 = n2 * n, n4 = n3 * n, n5 = n4 * n, n6 = n5 * n;
    s.e = std::sqrt(f * (2 - f));
    s.scale = p.k0 * p.a / (1 + n) * (1 + n2 / 4 + n4 / 64 + n6 / 256);
    s.alpha[1] = n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180 - 127 * n5 / 288 + 7891 * n6 / 37800;
    s.alpha[2] = 13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440 + 281 * n5 / 630 - 1983433 * n6 / 1935360;
    s.alpha[3] = 61 * n3 / 240 - 103 * n4 / 140 + 15061 * n5 / 26880 + 167603 * n6 / 181440;
    s.alpha[4] = 49561 * n4 / 161280 - 179 * n5 / 168 + 6601661 * n6 / 7257600;
    s.alpha[5] = 34729 * n5 / 80640 - 3418889 * n6 / 1995840;
    s.alpha[6] = 212378941 * n6 / 319334400;
    return s;
}

inline Vec2 project(const Series& s, const TransverseMercator& p, Vec2 lonlat) {
    constexpr double kDeg = M_PI / 180;
    const double phi = lonlat.y * kDeg, lambda = (lonlat.x - p.lon0) * kDeg;
    // Conformal latitude χ through τ' = tan χ = sinh(atanh sin φ − e atanh(e sin φ)).
    const double sin_phi = std::sin(phi);
    const double q = std::atanh(sin_phi) - s.e * std::atanh(s.e * sin_phi);
    const double tau = std::sinh(q);
    const double sec_chi = std::sqrt(1 + tau * tau);  // 1 / cos χ = cosh q
    const double sin_l = std::sin(lambda), cos_l = std::cos(lambda);
    // Spherical transverse Mercator of (χ, λ): ξ' = atan2(tan χ, cos λ), η' = atanh(cos χ sin λ).
    const double u = tau, v = cos_l;  // tan ξ' = u / v
    const double w = sin_l / sec_chi;  // tanh η'
    const double xi = std::atan2(u, v);
    const double eta = std::atanh(w);
    // sin/cos 2ξ' and sinh/cosh 2η' algebraically, then multiples by recurrence.
    const double r2 = u * u + v * v;
    const double s2 = 2 * u * v / r2, c2 = (v * v - u * u) / r2;
    const double d = 1 - w * w;
    const double sh2 = 2 * w / d, ch2 = (1 + w * w) / d;
    double sj_prev = 0, sj = s2, cj_prev = 1, cj = c2;        // sin, cos of 2jξ'
    double shj_prev = 0, shj = sh2, chj_prev = 1, chj = ch2;  // sinh, cosh of 2jη'
    double dxi = 0, deta = 0;
    for (int j = 1; j <= 6; ++j) {
        dxi += s.alpha[j] * sj * chj;
        deta += s.alpha[j] * cj * shj;
        const double sn = 2 * c2 * sj - sj_prev, cn = 2 * c2 * cj - cj_prev;
        const double shn = 2 * ch2 * shj - shj_prev, chn = 2 * ch2 * chj - chj_prev;
        sj_prev = sj, sj = sn, cj_prev = cj, cj = cn;
        shj_prev = shj, shj = shn, chj_prev = chj, chj = chn;
    }
    return {p.false_easting + s.scale * (eta + deta), p.false_northing + s.scale * (xi + dxi)};
}

}  // namespace

void TransverseMercator::forward(std::vector<Vec2>& points) const {
    const Series s = series(*this);
    for (Vec2& v : points) v = project(s, *this, v);
}

Vec2 TransverseMercator::forward(Vec2 lonlat) const { return project(series(*this), *this, lonlat); }

}  // namespace ntm::geo
