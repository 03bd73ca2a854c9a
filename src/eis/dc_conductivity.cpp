#include "solyte/eis/dc_conductivity.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <utility>

#include "solyte/eis/representations.hpp"
#include "solyte/error.hpp"

namespace solyte::eis {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::string format_hz(double f) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g Hz", f);
  return buf;
}

std::string format_short(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// Least-squares slope of y against x over [lo, hi]; +inf when undefined.
double line_slope(const std::vector<double>& x, const std::vector<double>& y, std::size_t lo,
                  std::size_t hi) {
  const double m = static_cast<double>(hi - lo + 1);
  double mx = 0, my = 0;
  for (std::size_t j = lo; j <= hi; ++j) {
    mx += x[j];
    my += y[j];
  }
  mx /= m;
  my /= m;
  double sxx = 0, sxy = 0;
  for (std::size_t j = lo; j <= hi; ++j) {
    sxx += (x[j] - mx) * (x[j] - mx);
    sxy += (x[j] - mx) * (y[j] - my);
  }
  return sxx > 0 ? sxy / sxx : kInf;
}

// Indices [lo, hi] around i within [first, last]: every point within `half_decades` of x[i],
// and at least `min_half` points on each side where the band allows.
std::pair<std::size_t, std::size_t> span_around(const std::vector<double>& x, std::size_t i,
                                                std::size_t first, std::size_t last,
                                                double half_decades, std::size_t min_half) {
  std::size_t lo = i, hi = i;
  while (lo > first && (x[i] - x[lo - 1] <= half_decades + 1e-9 || i - lo < min_half)) --lo;
  while (hi < last && (x[hi + 1] - x[i] <= half_decades + 1e-9 || hi - i < min_half)) ++hi;
  return {lo, hi};
}

// Arc intercept: scanning from high to low frequency, −Z'' rises over an arc, falls into a
// valley and rises again on the electrode spike. The lowest-frequency valley that follows a
// real arc (at least 20 % below the arc's apex) gives the total resistance. Without a spike,
// a closed arc ends at the lowest frequency.
void arc_intercept(const Spectrum& sorted, const PelletGeometry& g, DcConductivity& out) {
  const std::size_t n = sorted.size();
  if (n < 5) return;
  std::vector<double> v(n);   // −Z'' at ascending frequency
  for (std::size_t i = 0; i < n; ++i) v[i] = -sorted.impedance_ohm[i].imag();
  double apex = -kInf;
  std::optional<std::size_t> valley;
  for (std::size_t k = n - 1; k-- > 1;) {
    apex = std::max(apex, v[k + 1]);
    const bool local_min = v[k] <= v[k + 1] && v[k] <= v[k - 1];
    if (local_min && apex > 0 && v[k] < 0.8 * apex && sorted.impedance_ohm[k].real() > 0) {
      valley = k;
      apex = v[k];  // a further valley must follow a new arc rising above this one
    }
  }
  if (!valley) {
    const double top = *std::max_element(v.begin(), v.end());
    if (top > 0 && v[0] < 0.1 * top && sorted.impedance_ohm[0].real() > 0) valley = 0;
  }
  if (!valley) return;
  const double r = sorted.impedance_ohm[*valley].real();
  out.arc_resistance_ohm = r;
  out.arc_sigma_s_per_m = g.cell_constant_per_m() / r;
  out.arc_frequency_hz = sorted.frequency_hz[*valley];
}

}  // namespace

std::string_view to_string(PlateauQuality q) {
  switch (q) {
    case PlateauQuality::good: return "good";
    case PlateauQuality::narrow: return "narrow";
    case PlateauQuality::sloped: return "sloped";
    case PlateauQuality::none: return "none";
  }
  return "none";
}

std::vector<double> log_slopes(const std::vector<double>& frequency_hz,
                               const std::vector<double>& sigma_real,
                               std::size_t half_window) {
  const std::size_t n = frequency_hz.size();
  std::vector<double> slope(n, kInf);
  if (n < 2) return slope;
  const std::size_t w = std::max<std::size_t>(half_window, 1);
  std::vector<double> x(n), y(n);
  std::vector<char> ok(n);
  for (std::size_t i = 0; i < n; ++i) {
    ok[i] = sigma_real[i] > 0 && std::isfinite(sigma_real[i]);
    x[i] = std::log10(frequency_hz[i]);
    y[i] = ok[i] ? std::log10(sigma_real[i]) : 0.0;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t lo = i >= w ? i - w : 0;
    const std::size_t hi = std::min(n - 1, i + w);
    // Any non-positive σ' in the window (inductive or noisy point) breaks the plateau there.
    if (std::all_of(ok.begin() + static_cast<std::ptrdiff_t>(lo),
                    ok.begin() + static_cast<std::ptrdiff_t>(hi) + 1, [](char c) { return c; }))
      slope[i] = line_slope(x, y, lo, hi);
  }
  return slope;
}

DcConductivity dc_conductivity(const Spectrum& s, const PelletGeometry& g,
                               const PlateauOptions& options) {
  validate(s, 1);
  if (!(options.slope_tolerance > 0))
    throw InvalidArgument("plateau slope tolerance must be positive");
  if (options.min_points < 2) throw InvalidArgument("a plateau needs at least 2 points");
  const Spectrum sorted = (s.size() > 1 && s.frequency_hz[0] > s.frequency_hz[1])
                              ? sorted_by_frequency(s)
                              : s;
  std::vector<double> sigma;
  real_conductivity(sorted, g, sigma);
  const std::vector<double> slope =
      log_slopes(sorted.frequency_hz, sigma, options.slope_half_window);
  const std::size_t n = sorted.size();

  DcConductivity out;
  // Candidate bands: maximal runs of points with |slope| within tolerance.
  std::vector<PlateauBand> bands;
  for (std::size_t i = 0; i < n;) {
    if (!(std::abs(slope[i]) <= options.slope_tolerance)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j + 1 < n && std::abs(slope[j + 1]) <= options.slope_tolerance) ++j;
    if (j - i + 1 >= options.min_points) {
      PlateauBand b{i, j, sorted.frequency_hz[i], sorted.frequency_hz[j], 0};
      b.width_decades = std::log10(b.f_high_hz / b.f_low_hz);
      bands.push_back(b);
    }
    i = j + 1;
  }
  arc_intercept(sorted, g, out);
  if (bands.empty()) {
    out.message = "no plateau: |dlog sigma'/dlog f| never stays below " +
                  format_short(options.slope_tolerance) + " over " +
                  std::to_string(options.min_points) +
                  " consecutive points; sigma' keeps changing over the measured range";
    return out;
  }
  std::size_t chosen = bands.size();
  if (options.prefer_lowest)  // bands are in ascending frequency
    for (std::size_t k = 0; k < bands.size() && chosen == bands.size(); ++k)
      if (bands[k].width_decades >= options.min_width_decades) chosen = k;
  if (chosen == bands.size()) {
    chosen = 0;
    for (std::size_t k = 1; k < bands.size(); ++k)
      if (bands[k].width_decades > bands[chosen].width_decades) chosen = k;
  }
  const PlateauBand band = bands[chosen];
  for (std::size_t k = 0; k < bands.size(); ++k)
    if (k != chosen) out.other_bands.push_back(bands[k]);

  // The flattest point is located on a smoother slope (a line over ±half a decade) so that
  // noise does not pick a random point of a wide band; σ_DC is the geometric mean of σ' over
  // ±a quarter decade around it, where both the polarisation and the dispersion corrections
  // are smallest.
  std::vector<double> x(n), y(n);
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = std::log10(sorted.frequency_hz[i]);
    y[i] = sigma[i] > 0 ? std::log10(sigma[i]) : 0.0;
  }
  std::size_t flat = band.first;
  double flat_slope = kInf;
  for (std::size_t i = band.first; i <= band.last; ++i) {
    const auto [lo, hi] =
        span_around(x, i, band.first, band.last, 0.5, options.slope_half_window);
    const double si = line_slope(x, y, lo, hi);
    if (std::abs(si) < std::abs(flat_slope)) {
      flat_slope = si;
      flat = i;
    }
  }
  const auto [lo, hi] = span_around(x, flat, band.first, band.last, 0.25, 1);
  const double m = static_cast<double>(hi - lo + 1);
  double log_mean = 0;
  for (std::size_t i = lo; i <= hi; ++i) log_mean += std::log(sigma[i]);
  log_mean /= m;
  double log_ss = 0;
  for (std::size_t i = lo; i <= hi; ++i)
    log_ss += (std::log(sigma[i]) - log_mean) * (std::log(sigma[i]) - log_mean);
  const double sigma_dc = std::exp(log_mean);
  // Standard error of the mean of ln σ' over the window (scatter and residual curvature).
  const double log_se = m > 1 ? std::sqrt(log_ss / (m - 1) / m) : 0.0;

  const auto first = sigma.begin() + static_cast<std::ptrdiff_t>(band.first);
  const auto last = sigma.begin() + static_cast<std::ptrdiff_t>(band.last) + 1;
  const auto [mn, mx] = std::minmax_element(first, last);
  out.sigma_s_per_m = sigma_dc;
  out.sigma_err_s_per_m = sigma_dc * log_se;
  out.band = band;
  out.n_points = band.last - band.first + 1;
  out.spread = (*mx - *mn) / sigma_dc;
  out.flattest_slope = flat_slope;
  out.flattest_frequency_hz = sorted.frequency_hz[flat];
  out.open_low = band.first == 0;
  out.open_high = band.last == n - 1;
  out.quality = band.width_decades < options.min_width_decades ? PlateauQuality::narrow
                : std::abs(flat_slope) > options.flat_tolerance ? PlateauQuality::sloped
                                                                : PlateauQuality::good;
  out.message = "plateau " + format_hz(band.f_low_hz) + " – " + format_hz(band.f_high_hz);
  if (out.quality == PlateauQuality::narrow)
    out.message += " (narrow: under " + format_short(options.min_width_decades) + " decades)";
  if (out.quality == PlateauQuality::sloped) {
    char buf[96];
    std::snprintf(buf, sizeof buf, " (sloped: dlog sigma'/dlog f = %.2f at its flattest)",
                  flat_slope);
    out.message += buf;
  }
  if (out.open_high) out.message += "; reaches the highest frequency";
  if (out.open_low) out.message += "; reaches the lowest frequency";
  return out;
}

}  // namespace solyte::eis
