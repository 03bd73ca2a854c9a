// Peak search and profile fitting of powder patterns (docs/methods.md §9d; methods and sources in
// xtal/pattern_fit.hpp).
#include "solyte/xtal/pattern_fit.hpp"

#include <ceres/jet.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>
#include <tuple>

#include "solyte/error.hpp"

namespace solyte::xtal {

namespace {

void check_inputs(std::span<const double> x, std::span<const double> y,
                  std::span<const double> sigma) {
  if (x.size() != y.size())
    throw InvalidArgument("2θ and intensity have different lengths (" + std::to_string(x.size()) +
                          " and " + std::to_string(y.size()) + ")");
  if (!sigma.empty() && sigma.size() != x.size())
    throw InvalidArgument("sigma must be empty or as long as the intensities");
  if (x.size() < 5) throw InvalidArgument("a pattern needs at least 5 points");
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
      throw InvalidArgument("non-finite value at point " + std::to_string(i + 1));
    if (i > 0 && !(x[i] > x[i - 1]))
      throw InvalidArgument("2θ must increase (point " + std::to_string(i + 1) + ")");
    if (!sigma.empty() && !(sigma[i] > 0))
      throw InvalidArgument("sigma must be positive (point " + std::to_string(i + 1) + ")");
  }
}

bool looks_like_counts(std::span<const double> y) {
  return std::all_of(y.begin(), y.end(),
                     [](double v) { return v >= 0 && std::abs(v - std::round(v)) < 1e-9; });
}

double median_step(std::span<const double> x) {
  std::vector<double> d(x.size() - 1);
  for (std::size_t i = 1; i < x.size(); ++i) d[i - 1] = x[i] - x[i - 1];
  std::nth_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(d.size() / 2), d.end());
  return d[d.size() / 2];
}

// Savitzky–Golay, quadratic, 5 points: (−3, 12, 17, 12, −3)/35; the two points at each end are
// kept.
std::vector<double> smooth5(std::span<const double> y) {
  std::vector<double> s(y.begin(), y.end());
  for (std::size_t i = 2; i + 2 < y.size(); ++i)
    s[i] = (-3 * y[i - 2] + 12 * y[i - 1] + 17 * y[i] + 12 * y[i + 1] - 3 * y[i + 2]) / 35;
  return s;
}

// Robust noise of y from second differences: for white noise Var(Δ²y) = 6σ².
double robust_noise(std::span<const double> y) {
  std::vector<double> d;
  for (std::size_t i = 1; i + 1 < y.size(); ++i)
    d.push_back(std::abs(y[i + 1] - 2 * y[i] + y[i - 1]));
  std::nth_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(d.size() / 2), d.end());
  return std::max(1.4826 * d[d.size() / 2] / std::sqrt(6.0), 1e-300);
}

std::vector<double> noise_of(std::span<const double> y, std::span<const double> sigma) {
  std::vector<double> s(y.size());
  if (!sigma.empty()) {
    s.assign(sigma.begin(), sigma.end());
  } else if (looks_like_counts(y)) {
    for (std::size_t i = 0; i < y.size(); ++i) s[i] = std::sqrt(std::max(y[i], 1.0));
  } else {
    std::fill(s.begin(), s.end(), robust_noise(y));
  }
  return s;
}

// The Gaussian part of a pseudo-Voigt is evaluated only within |u| ≤ 16.5 Γ: beyond, its
// exponent −4 ln2 u²/Γ² < −754 lies below −745.13, where exp() of a double underflows to exactly
// 0 (the smallest subnormal is 2^−1074 = e^−744.4). So the cut drops nothing: the model and its
// derivatives are bit for bit those without it. The Lorentzian
// part has no such cut (its tail, Γ/(2πu²), carries a fraction ≈ 1/(πk) of the area beyond ±kΓ
// and belongs to the model); it costs no exp.
constexpr double kGaussianCutFwhm = 16.5;

// Value and derivatives of the unit-area pseudo-Voigt η L(u; Γ) + (1 − η) G(u; Γ) of
// xtal/profile.hpp at offset u: ∂/∂u, ∂/∂Γ through Ceres' dual numbers on the templated shapes,
// ∂/∂η = L − G.
struct PseudoVoigtJet {
  double value = 0, du = 0, dfwhm = 0, deta = 0;
};

double pseudo_voigt_cut(double u, double fwhm, double eta) {
  if (std::abs(u) > kGaussianCutFwhm * fwhm) return eta * lorentzian(u, fwhm);
  return pseudo_voigt(u, fwhm, eta);
}

PseudoVoigtJet pseudo_voigt_jet(double u, double fwhm, double eta) {
  using Jet = ceres::Jet<double, 2>;
  const Jet ju(u, 0), jg(fwhm, 1);
  const Jet l = lorentzian(ju, jg);
  const Jet g = std::abs(u) > kGaussianCutFwhm * fwhm ? Jet(0.0) : gaussian(ju, jg);
  return {.value = eta * l.a + (1.0 - eta) * g.a,
          .du = eta * l.v[0] + (1.0 - eta) * g.v[0],
          .dfwhm = eta * l.v[1] + (1.0 - eta) * g.v[1],
          .deta = l.a - g.a};
}

}  // namespace

std::vector<double> snip_background(std::span<const double> x, std::span<const double> y,
                                    double width_deg) {
  check_inputs(x, y, {});
  if (!(width_deg > 0)) throw InvalidArgument("SNIP width must be positive");
  const double step = median_step(x);
  const int m = std::max(1, static_cast<int>(std::lround(width_deg / step)));
  const double offset = std::min(0.0, *std::min_element(y.begin(), y.end()));
  // LLS operator: v = ln(ln(√(y + 1) + 1) + 1) compresses the dynamic range (Morháč 1997).
  const std::vector<double> ys = smooth5(y);
  std::vector<double> v(y.size());
  for (std::size_t i = 0; i < y.size(); ++i)
    v[i] = std::log(std::log(std::sqrt(std::max(ys[i] - offset, 0.0) + 1) + 1) + 1);
  const auto n = static_cast<int>(y.size());
  std::vector<double> w(v);
  for (int p = 1; p <= m; ++p) {
    for (int i = p; i < n - p; ++i) w[i] = std::min(v[i], 0.5 * (v[i - p] + v[i + p]));
    v = w;
  }
  std::vector<double> b(y.size());
  for (std::size_t i = 0; i < y.size(); ++i) {
    const double e = std::exp(std::exp(v[i]) - 1) - 1;
    b[i] = e * e - 1 + offset;
  }
  return b;
}

std::vector<PeakCandidate> find_peaks(std::span<const double> x, std::span<const double> y,
                                      std::span<const double> sigma, const PeakSearchOptions& o) {
  check_inputs(x, y, sigma);
  if (!(o.min_significance > 0)) throw InvalidArgument("peak significance must be positive");
  const std::vector<double> bkg = snip_background(x, y, o.background_width_deg);
  const std::vector<double> s = smooth5(y);
  const std::vector<double> noise = noise_of(y, sigma);
  std::vector<double> net(y.size());
  for (std::size_t i = 0; i < y.size(); ++i) net[i] = s[i] - bkg[i];

  // A peak is a local maximum of the smoothed data itself (the tail of a strong line is a
  // maximum of the net signal where the clipped background dips, but not of the data) that
  // stands out from the lower of its two sides within the clipping width, and above the
  // background, by min_significance noise deviations.
  const auto half_window = static_cast<std::size_t>(
      std::max(2.0, std::round(o.background_width_deg / median_step(x) / 2)));
  std::vector<PeakCandidate> c;
  for (std::size_t i = 2; i + 2 < y.size(); ++i) {
    if (!(net[i] > net[i - 1] && net[i] >= net[i + 1])) continue;
    if (!(s[i] > s[i - 1] && s[i] >= s[i + 1])) continue;
    const double sig = net[i] / noise[i];
    if (sig < o.min_significance) continue;
    // Topographic prominence: on each side, the lowest data before a higher point (or the end
    // of the window); a bump on the flank of a stronger line has a shallow dip on one side.
    double left = s[i], right = s[i];
    for (std::size_t k = i; k-- > (i > half_window ? i - half_window : 0);) {
      if (s[k] > s[i]) break;
      left = std::min(left, s[k]);
    }
    for (std::size_t k = i + 1; k <= std::min(y.size() - 1, i + half_window); ++k) {
      if (s[k] > s[i]) break;
      right = std::min(right, s[k]);
    }
    if ((s[i] - std::max(left, right)) / noise[i] < o.min_significance) continue;
    PeakCandidate p;
    p.two_theta_deg = x[i];
    p.height = net[i];
    p.significance = sig;
    p.index = i;
    // Half-height crossings, linearly interpolated.
    const double half = net[i] / 2;
    std::size_t l = i, r = i;
    while (l > 0 && net[l] > half) --l;
    while (r + 1 < y.size() && net[r] > half) ++r;
    if (net[l] <= half && net[r] <= half && l < i && r > i) {
      const double xl = x[l] + (half - net[l]) / (net[l + 1] - net[l]) * (x[l + 1] - x[l]);
      const double xr = x[r - 1] + (net[r - 1] - half) / (net[r - 1] - net[r]) * (x[r] - x[r - 1]);
      p.fwhm_deg = xr - xl;
    }
    c.push_back(p);
  }
  // The higher of maxima closer than min_separation.
  std::sort(c.begin(), c.end(), [](const auto& a, const auto& b) { return a.height > b.height; });
  std::vector<PeakCandidate> kept;
  // A maximum within half the width of a higher one is noise on that peak (broad lines).
  for (const auto& p : c) {
    const bool near = std::any_of(kept.begin(), kept.end(), [&](const auto& q) {
      return std::abs(q.two_theta_deg - p.two_theta_deg) <
             std::max(o.min_separation_deg, 0.5 * q.fwhm_deg);
    });
    if (!near && (kept.empty() || p.height >= o.min_relative_height * kept.front().height))
      kept.push_back(p);
  }
  // Broad humps (clipping artefacts beside strong lines, amorphous bumps) are not Bragg peaks of
  // this pattern: their width is compared with the median width of the most significant half.
  if (o.max_width_ratio > 0 && kept.size() >= 3) {
    std::vector<PeakCandidate> by_sig = kept;
    std::sort(by_sig.begin(), by_sig.end(),
              [](const auto& a, const auto& b) { return a.significance > b.significance; });
    std::vector<double> widths;
    for (std::size_t i = 0; i < (by_sig.size() + 1) / 2; ++i)
      if (by_sig[i].fwhm_deg > 0) widths.push_back(by_sig[i].fwhm_deg);
    if (!widths.empty()) {
      std::nth_element(widths.begin(),
                       widths.begin() + static_cast<std::ptrdiff_t>(widths.size() / 2),
                       widths.end());
      const double limit = o.max_width_ratio * widths[widths.size() / 2];
      std::erase_if(kept, [&](const PeakCandidate& p) { return p.fwhm_deg > limit; });
    }
  }
  if (o.radiation.ratio > 0) {
    const double step = median_step(x);
    std::vector<PeakCandidate> primary;
    for (const auto& p : kept) {  // by decreasing height
      const bool companion = std::any_of(primary.begin(), primary.end(), [&](const auto& q) {
        const double s2 = o.radiation.lambda2 / o.radiation.lambda1 *
                          std::sin(q.two_theta_deg * std::numbers::pi / 360);
        if (s2 >= 1) return false;
        const double x2 = 2 * std::asin(s2) * 180 / std::numbers::pi;
        const double tol = std::max(0.5 * q.fwhm_deg, 3 * step);
        return std::abs(p.two_theta_deg - x2) < tol &&
               p.height < (o.radiation.ratio + 0.35) * q.height;
      });
      if (!companion) primary.push_back(p);
    }
    kept = std::move(primary);
  }
  std::sort(kept.begin(), kept.end(),
            [](const auto& a, const auto& b) { return a.two_theta_deg < b.two_theta_deg; });
  return kept;
}

PeakFitReport fit_peaks(std::span<const double> x, std::span<const double> y,
                        std::span<const double> sigma, std::span<const PeakCandidate> starts_in,
                        const PeakFitOptions& o) {
  check_inputs(x, y, sigma);
  const Radiation& rad = o.radiation;
  if (!(rad.lambda1 > 0) || !(rad.lambda2 > 0) || !(rad.ratio >= 0))
    throw InvalidArgument("radiation: wavelengths must be positive and the Kα2 ratio >= 0");
  if (!(o.window_fwhm > 0) || !(o.default_fwhm_deg > 0) ||
      !(o.default_eta > 0 && o.default_eta < 1))
    throw InvalidArgument("peak-fit window, default FWHM and default η must be positive (η < 1)");
  if (o.passes < 1) throw InvalidArgument("peak fits need at least one pass");
  if (starts_in.empty()) return {};
  std::vector<PeakCandidate> starts(starts_in.begin(), starts_in.end());
  std::sort(starts.begin(), starts.end(),
            [](const auto& a, const auto& b) { return a.two_theta_deg < b.two_theta_deg; });
  for (auto& s : starts) {
    if (s.two_theta_deg < x.front() || s.two_theta_deg > x.back())
      throw InvalidArgument("peak start at " + std::to_string(s.two_theta_deg) +
                            "° lies outside the pattern (" + std::to_string(x.front()) + " to " +
                            std::to_string(x.back()) + "°)");
    if (!(s.fwhm_deg > 0)) s.fwhm_deg = o.default_fwhm_deg;
  }
  const bool counts = looks_like_counts(y);
  std::vector<double> w(y.size());
  for (std::size_t i = 0; i < y.size(); ++i)
    w[i] = !sigma.empty() ? 1 / sigma[i] : (counts ? 1 / std::sqrt(std::max(y[i], 1.0)) : 1.0);
  const bool doublet = rad.ratio > 0;
  auto second = [&](double x1) {
    const double s = rad.lambda2 / rad.lambda1 * std::sin(x1 * std::numbers::pi / 360);
    return s < 1 ? 2 * std::asin(s) * 180 / std::numbers::pi : 180.0;
  };
  // d(x_2)/d(x_1) = (λ2/λ1) cos θ1 / cos θ2 (differentiating 2 asin((λ2/λ1) sin θ1)); 0 where
  // the Kα2 component is pinned at 180°.
  auto second_slope = [&](double x1, double x2) {
    if (!(x2 < 180)) return 0.0;
    return rad.lambda2 / rad.lambda1 * std::cos(x1 * std::numbers::pi / 360) /
           std::cos(x2 * std::numbers::pi / 360);
  };
  // Start values of the local backgrounds: SNIP clipped wider than the broadest start.
  double widest = o.default_fwhm_deg;
  for (const auto& st : starts) widest = std::max(widest, st.fwhm_deg);
  const std::vector<double> bkg =
      snip_background(x, y, std::max({0.5, 10 * o.default_fwhm_deg, 3 * widest}));

  // Windows: each peak's ±window_fwhm·FWHM (plus its Kα2 companion); overlapping ones merge.
  struct Range {
    double lo, hi;
    std::vector<std::size_t> members;
  };
  std::vector<Range> ranges;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const double half = o.window_fwhm * starts[k].fwhm_deg;
    const double lo = starts[k].two_theta_deg - half;
    const double hi = (doublet ? second(starts[k].two_theta_deg) : starts[k].two_theta_deg) + half;
    if (!ranges.empty() && lo <= ranges.back().hi) {
      ranges.back().hi = std::max(ranges.back().hi, hi);
      ranges.back().members.push_back(k);
    } else {
      ranges.push_back({lo, hi, {k}});
    }
  }

  // One pass over the windows. From the second pass on, each window starts from the previous
  // pass's peaks and sees the other windows' peaks as a fixed contribution, so that the tails of
  // broad neighbours are not absorbed by its background or widths.
  auto line_model = [&](const FittedPeak& f, double x2, double xi) {
    double m = f.area * pseudo_voigt_cut(xi - f.two_theta_deg, f.fwhm_deg, f.eta);
    if (doublet) m += f.area * rad.ratio * pseudo_voigt_cut(xi - x2, f.fwhm_deg, f.eta);
    return m;
  };
  auto fit_pass = [&](const PeakFitReport* prev) {
    PeakFitReport report;
    for (std::size_t wi = 0; wi < ranges.size(); ++wi) {
      const Range& rg = ranges[wi];
      const auto first =
          static_cast<std::size_t>(std::lower_bound(x.begin(), x.end(), rg.lo) - x.begin());
      const auto last =
          static_cast<std::size_t>(std::upper_bound(x.begin(), x.end(), rg.hi) - x.begin());
      const std::size_t n = last - first;
      const std::size_t np = rg.members.size();
      PeakWindow win;
      win.from_deg = x[first];
      win.to_deg = x[last - 1];
      win.centre_deg = 0.5 * (win.from_deg + win.to_deg);
      if (n < 4 * np + 2 + 1) {
        win.fit.status = fit::FitStatus::failed;
        win.fit.message = "window holds " + std::to_string(n) + " points, too few for " +
                          std::to_string(np) + " peak(s)";
        report.windows.push_back(std::move(win));
        continue;
      }
      std::vector<double> external(n, 0.0);
      if (prev != nullptr)
        for (const FittedPeak& f : prev->peaks)
          if (f.window != wi) {
            const double x2 = doublet ? second(f.two_theta_deg) : 0;
            for (std::size_t i = 0; i < n; ++i) external[i] += line_model(f, x2, x[first + i]);
          }
      std::vector<fit::Parameter> p;
      for (std::size_t j = 0; j < np; ++j) {
        const PeakCandidate& s = starts[rg.members[j]];
        const std::string id = std::to_string(j + 1);
        const double g = s.fwhm_deg;
        double h = s.height;
        if (!(h > 0)) {
          const auto i = static_cast<std::size_t>(
              std::lower_bound(x.begin(), x.end(), s.two_theta_deg) - x.begin());
          h = std::max(y[std::min(i, y.size() - 1)] - bkg[std::min(i, y.size() - 1)], 1e-12);
        }
        p.push_back({.name = "x" + id,
                     .unit = "deg",
                     .value = s.two_theta_deg,
                     .transform = fit::Transform::logistic,
                     .lower = s.two_theta_deg - g,
                     .upper = s.two_theta_deg + g});
        p.push_back({.name = "area" + id,
                     .value = h * pseudo_voigt_integral_breadth(g, o.default_eta),
                     .transform = fit::Transform::log});
        p.push_back({.name = "fwhm" + id,
                     .unit = "deg",
                     .value = g,
                     .transform = fit::Transform::logistic,
                     .lower = g / 5,
                     .upper = 5 * g});
        p.push_back({.name = "eta" + id,
                     .value = o.default_eta,
                     .transform = fit::Transform::logistic,
                     .lower = 0,
                     .upper = 1});
      }
      if (prev != nullptr && prev->windows[wi].fit.usable()) {
        for (std::size_t j = 0; j < np; ++j) {
          const FittedPeak& f = prev->peaks[prev->windows[wi].peaks[j]];
          auto inside = [](const fit::Parameter& q, double v) {
            return std::min(std::max(v, q.lower + 1e-6 * (q.upper - q.lower)),
                            q.upper - 1e-6 * (q.upper - q.lower));
          };
          p[4 * j].value = inside(p[4 * j], f.two_theta_deg);
          p[4 * j + 1].value = f.area;
          p[4 * j + 2].value = inside(p[4 * j + 2], f.fwhm_deg);
          p[4 * j + 3].value = inside(p[4 * j + 3], f.eta);
        }
      }
      const double b_lo = bkg[first], b_hi = bkg[last - 1];
      const double span = std::max(win.to_deg - win.from_deg, 1e-12);
      p.push_back({.name = "b0", .value = 0.5 * (b_lo + b_hi)});
      p.push_back({.name = "b1", .unit = "per deg", .value = (b_hi - b_lo) / span});
      const double xc = win.centre_deg;
      // Residuals (y − external − model)·w and, when asked, their exact derivatives with respect
      // to (x_p, A_p, Γ_p, η_p)… b0, b1; the Kα2 positions once per evaluation.
      const std::size_t np_all = 4 * np + 2;
      std::vector<double> x2(np), dx2(np);
      win.fit = fit::least_squares(
          [&](std::span<const double> v, std::span<double> r, std::span<double> jac) {
            if (doublet)
              for (std::size_t j = 0; j < np; ++j) {
                x2[j] = second(v[4 * j]);
                dx2[j] = second_slope(v[4 * j], x2[j]);
              }
            const bool with_jacobian = !jac.empty();
            for (std::size_t i = 0; i < n; ++i) {
              const double xi = x[first + i];
              double m = v[4 * np] + v[4 * np + 1] * (xi - xc);
              if (!with_jacobian) {
                for (std::size_t j = 0; j < np; ++j) {
                  const double x1 = v[4 * j], a = v[4 * j + 1], g = v[4 * j + 2], e = v[4 * j + 3];
                  m += a * pseudo_voigt_cut(xi - x1, g, e);
                  if (doublet) m += a * rad.ratio * pseudo_voigt_cut(xi - x2[j], g, e);
                }
                r[i] = (y[first + i] - external[i] - m) * w[first + i];
                continue;
              }
              const std::span<double> row = jac.subspan(i * np_all, np_all);
              const double dr = -w[first + i];  // ∂r/∂model
              for (std::size_t j = 0; j < np; ++j) {
                const double x1 = v[4 * j], a = v[4 * j + 1], g = v[4 * j + 2], e = v[4 * j + 3];
                const PseudoVoigtJet p1 = pseudo_voigt_jet(xi - x1, g, e);
                m += a * p1.value;
                double d_x = -a * p1.du, d_a = p1.value, d_g = a * p1.dfwhm, d_e = a * p1.deta;
                if (doublet) {
                  const PseudoVoigtJet p2 = pseudo_voigt_jet(xi - x2[j], g, e);
                  const double ar = a * rad.ratio;
                  m += ar * p2.value;
                  d_x -= ar * p2.du * dx2[j];
                  d_a += rad.ratio * p2.value;
                  d_g += ar * p2.dfwhm;
                  d_e += ar * p2.deta;
                }
                row[4 * j] = dr * d_x;
                row[4 * j + 1] = dr * d_a;
                row[4 * j + 2] = dr * d_g;
                row[4 * j + 3] = dr * d_e;
              }
              row[4 * np] = dr;
              row[4 * np + 1] = dr * (xi - xc);
              r[i] = (y[first + i] - external[i] - m) * w[first + i];
            }
          },
          n, p, o.solver);
      if (win.fit.usable()) ++report.converged_windows;
      const auto& fp = win.fit.parameters;
      win.background0 = fp[4 * np].value;
      win.background1 = fp[4 * np + 1].value;
      for (std::size_t j = 0; j < np; ++j) {
        FittedPeak f;
        f.two_theta_deg = fp[4 * j].value;
        f.two_theta_err = fp[4 * j].stderr;
        f.area = fp[4 * j + 1].value;
        f.area_err = fp[4 * j + 1].stderr;
        f.fwhm_deg = fp[4 * j + 2].value;
        f.fwhm_err = fp[4 * j + 2].stderr;
        f.eta = fp[4 * j + 3].value;
        f.eta_err = fp[4 * j + 3].stderr;
        f.integral_breadth_deg = pseudo_voigt_integral_breadth(f.fwhm_deg, f.eta);
        f.height = f.area / f.integral_breadth_deg;
        std::tie(f.fwhm_gauss_deg, f.fwhm_lorentz_deg) = split_pseudo_voigt(f.fwhm_deg, f.eta);
        f.window = report.windows.size();
        win.peaks.push_back(report.peaks.size());
        report.peaks.push_back(f);
      }
      report.windows.push_back(std::move(win));
    }
    return report;
  };
  PeakFitReport report = fit_pass(nullptr);
  for (int pass = 1; pass < o.passes; ++pass) report = fit_pass(&report);
  return report;
}

}  // namespace solyte::xtal
