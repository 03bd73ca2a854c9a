// Simulated powder patterns (docs/methods.md §9c; formulas in xtal/pattern.hpp).
#include "solyte/xtal/pattern.hpp"

#include <cmath>
#include <numbers>
#include <string>

#include "solyte/error.hpp"

namespace solyte::xtal {

namespace {

void check_finite(double v, const char* what) {
  if (!std::isfinite(v)) throw InvalidArgument(std::string(what) + " must be finite");
}

}  // namespace

std::pair<double, double> ProfileWidths::at(double two_theta_deg) const {
  const double th = two_theta_deg * std::numbers::pi / 360;
  const double g2 = caglioti_fwhm2(gauss, two_theta_deg);
  if (!(g2 > 0))
    throw InvalidArgument("Caglioti U, V, W give a Gaussian width² of " + std::to_string(g2) +
                          " deg² at 2θ = " + std::to_string(two_theta_deg) +
                          "°; it must be positive");
  const double l = x * std::tan(th) + y / std::cos(th);
  if (!(l >= 0))
    throw InvalidArgument(
        "X, Y give a negative Lorentzian width at 2θ = " + std::to_string(two_theta_deg) + "°");
  return {std::sqrt(g2), l};
}

double kalpha2_two_theta_deg(double two_theta1_deg, const Radiation& r) {
  const double s = r.lambda2 / r.lambda1 * std::sin(two_theta1_deg * std::numbers::pi / 360);
  if (!(s <= 1)) throw InvalidArgument("the Kα2 component of this line is beyond 180°");
  return 2 * std::asin(s) * 180 / std::numbers::pi;
}

double chebyshev_background(double x, std::span<const double> c, double x_min, double x_max) {
  if (c.empty()) return 0;
  if (!(x_max > x_min)) throw InvalidArgument("background range must have max > min");
  const double t = 2 * (x - x_min) / (x_max - x_min) - 1;
  // Clenshaw's recurrence for Σ c_j T_j(t).
  double b1 = 0, b2 = 0;
  for (std::size_t j = c.size(); j-- > 1;) {
    const double b0 = 2 * t * b1 - b2 + c[j];
    b2 = b1;
    b1 = b0;
  }
  return t * b1 - b2 + c[0];
}

std::vector<double> uniform_grid(double from, double to, double step) {
  if (!(step > 0) || !std::isfinite(step)) throw InvalidArgument("grid step must be positive");
  if (!(to >= from)) throw InvalidArgument("grid end must not be below its start");
  const auto n = static_cast<std::size_t>(std::floor((to - from) / step + 1e-3)) + 1;
  if (n > 10'000'000) throw InvalidArgument("grid of more than 10 million points");
  std::vector<double> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = from + static_cast<double>(i) * step;
  return out;
}

std::vector<PatternLine> pattern_lines(std::span<const PowderLine> lines) {
  std::vector<PatternLine> out;
  out.reserve(lines.size());
  for (const auto& l : lines) out.push_back({l.d_angstrom, l.intensity.value_or(1.0)});
  return out;
}

std::vector<double> simulate_pattern(std::span<const double> x, std::span<const PowderLine> lines,
                                     const PatternModel& m) {
  const auto pl = pattern_lines(lines);
  return simulate_pattern(x, pl, m);
}

std::vector<double> simulate_pattern(std::span<const double> x, std::span<const PatternLine> lines,
                                     const PatternModel& m) {
  const Radiation& r = m.radiation;
  if (!(r.lambda1 > 0) || !(r.lambda2 > 0)) throw InvalidArgument("wavelengths must be positive");
  if (!(r.ratio >= 0) || !std::isfinite(r.ratio))
    throw InvalidArgument("Kα2/Kα1 ratio must be >= 0");
  check_finite(m.zero_shift_deg, "zero shift");
  check_finite(m.scale, "scale");
  for (double c : m.background) check_finite(c, "background coefficient");
  std::vector<double> y(x.size(), 0.0);
  if (x.empty()) return y;
  double lo = x.front(), hi = x.back();
  if (m.background_range_deg) {
    lo = m.background_range_deg->first;
    hi = m.background_range_deg->second;
  }
  if (!m.background.empty()) {
    if (!(hi > lo)) throw InvalidArgument("background range must have max > min");
    for (std::size_t i = 0; i < x.size(); ++i)
      y[i] = chebyshev_background(x[i], m.background, lo, hi);
  }
  for (const PatternLine& line : lines) {
    if (!(line.d_angstrom > 0)) throw InvalidArgument("line spacing must be positive");
    for (int k = 0; k < (r.ratio > 0 ? 2 : 1); ++k) {
      const double lambda = k == 0 ? r.lambda1 : r.lambda2;
      const double s = lambda / (2 * line.d_angstrom);
      if (s >= 1) continue;  // beyond 180°
      const double centre = 2 * std::asin(s) * 180 / std::numbers::pi;
      const auto [g, l] = m.profile.at(centre);
      const auto [fwhm, eta] = tch_pseudo_voigt(g, l);
      const double area = m.scale * line.intensity * (k == 0 ? 1.0 : r.ratio);
      const double at = centre + m.zero_shift_deg;
      for (std::size_t i = 0; i < x.size(); ++i) y[i] += area * pseudo_voigt(x[i] - at, fwhm, eta);
    }
  }
  return y;
}

}  // namespace solyte::xtal
