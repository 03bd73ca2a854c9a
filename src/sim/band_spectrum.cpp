#include "solyte/sim/band_spectrum.hpp"

#include <algorithm>
#include <cmath>

#include "sim/curve_noise.hpp"
#include "sim/synthetic_record.hpp"
#include "solyte/error.hpp"

namespace solyte::sim {

std::vector<double> linear_grid(double first, double last, std::size_t n) {
  if (n < 2) throw InvalidArgument("a grid needs at least 2 points");
  if (!std::isfinite(first) || !std::isfinite(last))
    throw InvalidArgument("grid ends must be finite");
  std::vector<double> g(n);
  for (std::size_t i = 0; i < n; ++i)
    g[i] = first + (last - first) * static_cast<double>(i) / static_cast<double>(n - 1);
  g.back() = last;
  return g;
}

Measurement simulate_band_spectrum(const BandSpectrum& s, std::span<const double> x) {
  if (x.empty()) throw InvalidArgument("simulate_band_spectrum: empty grid");
  for (double v : x)
    if (!std::isfinite(v)) throw InvalidArgument("simulate_band_spectrum: non-finite grid value");
  const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
  const double mid = 0.5 * (*lo + *hi), half = 0.5 * (*hi - *lo);
  std::vector<double> y = peaks::evaluate(std::span<const peaks::Peak>(s.bands), x);
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double u = half > 0 ? (x[i] - mid) / half : 0.0;
    double p = 1;
    for (double c : s.baseline) {
      y[i] += c * p;
      p *= u;
    }
  }
  detail::add_gaussian_noise(y, s.noise_sigma, s.seed);
  Measurement m = detail::synthetic_record(s.technique);
  m.add(s.x_quantity, std::vector<double>(x.begin(), x.end()));
  m.add(Quantity::intensity, std::move(y));
  return m;
}

}  // namespace solyte::sim
