#include "relax/drt_peaks.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "solyte/constants.hpp"

namespace solyte::relax::detail {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Height, relative to the tallest maximum, below which a maximum is a rounding-level or
// far-off ripple rather than a process (noise-free spectra leave chains of them ~1e-7 high).
constexpr double kNegligible = 1e-3;

// Index of the smallest value of g in [lo, hi].
std::size_t argmin(const std::vector<double>& g, std::size_t lo, std::size_t hi) {
  std::size_t best = lo;
  for (std::size_t i = lo + 1; i <= hi; ++i)
    if (g[i] < g[best]) best = i;
  return best;
}

// Where g crosses `level` between fine-grid points a and b (g[a] > level ≥ g[b] or the
// reverse), by linear interpolation in y.
double crossing(const std::vector<double>& y, const std::vector<double>& g, std::size_t a,
                std::size_t b, double level) {
  const double t = (g[a] - level) / (g[a] - g[b]);
  return y[a] + t * (y[b] - y[a]);
}

}  // namespace

std::vector<DrtPeak> find_peaks(const RbfGrid& grid, std::span<const double> x, double total_ohm,
                                double min_prominence) {
  std::vector<DrtPeak> peaks;
  if (grid.ln_tau.empty() || x.size() != grid.ln_tau.size() ||
      *std::max_element(x.begin(), x.end()) <= 0)
    return peaks;
  const double step = grid.spacing / 10;
  const double margin = 4 / grid.epsilon;  // φ(4/ε) = e^{-16}
  const double y0 = grid.ln_tau.front() - margin;
  const auto count =
      static_cast<std::size_t>(std::ceil((grid.ln_tau.back() + margin - y0) / step)) + 1;
  std::vector<double> y(count), g(count);
  for (std::size_t i = 0; i < count; ++i) {
    y[i] = y0 + step * static_cast<double>(i);
    g[i] = grid.gamma(x, y[i]);
  }
  const double gmax = *std::max_element(g.begin(), g.end());
  if (!(gmax > 0)) return peaks;

  std::vector<std::size_t> maxima;
  for (std::size_t i = 1; i + 1 < count; ++i)
    if (g[i] > g[i - 1] && g[i] >= g[i + 1]) maxima.push_back(i);

  // Merge the least prominent maximum into its neighbour until all are prominent enough.
  // Prominence: height above the higher of the two bounding minima, relative to the height
  // of the neighbour across that minimum (the peak it would merge into), because the ripples
  // a regularised inversion leaves beside a peak scale with that peak.
  while (maxima.size() > 1) {
    std::size_t worst = 0;
    double worst_ratio = kInf;
    bool worst_drops_right = false;
    for (std::size_t j = 0; j < maxima.size(); ++j) {
      const double left =
          j == 0 ? g[argmin(g, 0, maxima[j])] : g[argmin(g, maxima[j - 1], maxima[j])];
      const double right = j + 1 == maxima.size() ? g[argmin(g, maxima[j], count - 1)]
                                                  : g[argmin(g, maxima[j], maxima[j + 1])];
      // Merge across the higher saddle; an outer side has no neighbour to merge into.
      bool drop_right = right >= left;
      if (j == 0) drop_right = true;
      if (j + 1 == maxima.size()) drop_right = false;
      const double saddle = drop_right ? right : left;
      const double neighbour = g[maxima[drop_right ? j + 1 : j - 1]];
      // Maxima below kNegligible of the tallest are merged whatever their shape.
      const double ratio = g[maxima[j]] < kNegligible * gmax
                               ? 0.0
                               : (g[maxima[j]] - saddle) / std::max(neighbour, g[maxima[j]]);
      if (ratio < worst_ratio) {
        worst_ratio = ratio;
        worst = j;
        worst_drops_right = drop_right;
      }
    }
    if (worst_ratio >= min_prominence) break;
    // The merged peak keeps the higher of the two maxima.
    const std::size_t other = worst_drops_right ? worst + 1 : worst - 1;
    if (g[maxima[worst]] > g[maxima[other]]) maxima[other] = maxima[worst];
    maxima.erase(maxima.begin() + static_cast<std::ptrdiff_t>(worst));
  }

  std::vector<std::size_t> minima;  // between consecutive maxima
  for (std::size_t j = 0; j + 1 < maxima.size(); ++j)
    minima.push_back(argmin(g, maxima[j], maxima[j + 1]));

  const double ln10 = std::log(10.0);
  for (std::size_t j = 0; j < maxima.size(); ++j) {
    const std::size_t i = maxima[j];
    const std::size_t lo = j == 0 ? 0 : minima[j - 1];
    const std::size_t hi = j + 1 == maxima.size() ? count - 1 : minima[j];
    // Vertex of the parabola through the maximum and its neighbours.
    double y_peak = y[i];
    const double denom = g[i - 1] - 2 * g[i] + g[i + 1];
    if (denom < 0) y_peak += 0.5 * step * (g[i - 1] - g[i + 1]) / denom;
    DrtPeak p;
    p.tau_s = std::exp(y_peak);
    p.frequency_hz = 1 / (2 * constants::pi * p.tau_s);
    p.gamma_ohm = std::max(g[i], grid.gamma(x, y_peak));
    const double y_low = j == 0 ? -kInf : y[lo];
    const double y_high = j + 1 == maxima.size() ? kInf : y[hi];
    p.tau_low_s = j == 0 ? 0.0 : std::exp(y_low);
    p.tau_high_s = j + 1 == maxima.size() ? kInf : std::exp(y_high);
    double r = 0;
    for (std::size_t m = 0; m < grid.ln_tau.size(); ++m) {
      if (x[m] > 0) r += x[m] * grid.phi_integral(grid.ln_tau[m], y_low, y_high);
    }
    p.resistance_ohm = r;
    p.share = total_ohm > 0 ? r / total_ohm : 0.0;
    // Half-height crossings inside the peak's bounds.
    const double half = p.gamma_ohm / 2;
    std::size_t a = i, b = i;
    while (a > lo && g[a] > half) --a;
    while (b < hi && g[b] > half) ++b;
    p.at_edge =
        y_peak < grid.ln_tau.front() + grid.spacing || y_peak > grid.ln_tau.back() - grid.spacing;
    // At the edge, γ falls beyond the grid only because the basis ends: no width.
    if (!p.at_edge && g[a] <= half && g[b] <= half)
      p.fwhm_decades = (crossing(y, g, b - 1, b, half) - crossing(y, g, a + 1, a, half)) / ln10;
    peaks.push_back(p);
  }
  return peaks;
}

}  // namespace solyte::relax::detail
