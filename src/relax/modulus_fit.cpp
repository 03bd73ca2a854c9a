#include "solyte/relax/modulus_fit.hpp"

#include "relax/fit_window.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "solyte/constants.hpp"
#include "solyte/eis/representations.hpp"
#include "solyte/error.hpp"

namespace solyte::relax {

namespace {

constexpr double kTwoPi = 2.0 * constants::pi;
constexpr double kShapeLow = 0.05;

using detail::uses_alpha;
using detail::uses_beta;
using detail::uses_gamma;
using ModulusData = detail::WindowedData;

struct Start {
  double m_inf, tau, shape;
};

// Peak of M'' (parabola through the top three points in log f), its full width at half
// maximum in decades (a Debye peak is 1.144 decades wide), and M'' max.
Start data_start(const ModulusData& d) {
  std::size_t k = 0;
  for (std::size_t i = 1; i < d.f.size(); ++i)
    if (d.modulus[i].imag() > d.modulus[k].imag()) k = i;
  const double top = d.modulus[k].imag();
  double log_fp = std::log10(d.f[k]);
  if (k > 0 && k + 1 < d.f.size()) {
    const double x0 = std::log10(d.f[k - 1]), x1 = log_fp, x2 = std::log10(d.f[k + 1]);
    const double y0 = d.modulus[k - 1].imag(), y1 = top, y2 = d.modulus[k + 1].imag();
    const double den = (x0 - x1) * (x0 - x2) * (x1 - x2);
    const double a = (x2 * (y1 - y0) + x1 * (y0 - y2) + x0 * (y2 - y1)) / den;
    const double b = (x2 * x2 * (y0 - y1) + x1 * x1 * (y2 - y0) + x0 * x0 * (y1 - y2)) / den;
    if (a < 0) log_fp = std::clamp(-b / (2 * a), x0, x2);
  }
  auto crossing = [&](int dir) -> std::optional<double> {
    for (long i = static_cast<long>(k); i >= 0 && i < static_cast<long>(d.f.size()); i += dir) {
      const long j = i + dir;
      if (j < 0 || j >= static_cast<long>(d.f.size())) break;
      const double yi = d.modulus[static_cast<std::size_t>(i)].imag();
      const double yj = d.modulus[static_cast<std::size_t>(j)].imag();
      if (yj <= top / 2 && yi > top / 2) {
        const double xi = std::log10(d.f[static_cast<std::size_t>(i)]);
        const double xj = std::log10(d.f[static_cast<std::size_t>(j)]);
        return xi + (top / 2 - yi) * (xj - xi) / (yj - yi);
      }
    }
    return std::nullopt;
  };
  const auto lo = crossing(-1), hi = crossing(+1);
  double width = 1.144 / 0.7;
  if (lo && hi)
    width = *hi - *lo;
  else if (lo)
    width = 2 * (log_fp - *lo);
  else if (hi)
    width = 2 * (*hi - log_fp);
  const double shape = std::clamp(1.144 / std::max(width, 1e-3), 0.2, 0.99);
  // Peak height of M''/M∞ is 1/2 for Debye and ≈ 0.5·β^0.85 for KWW (0.323 at β = 0.6).
  const double m_inf = top / (0.5 * std::pow(shape, 0.85));
  return {m_inf, 1.0 / (kTwoPi * std::pow(10.0, log_fp)), shape};
}

fit::FitReport run_fit(const ModulusData& d, const ModulusFitOptions& o, const Start& st) {
  const RelaxationModel model = o.model;
  std::vector<fit::Parameter> p = {
      {.name = "M_inf", .unit = "", .value = st.m_inf, .transform = fit::Transform::log},
      {.name = "tau", .unit = "s", .value = st.tau, .transform = fit::Transform::log}};
  const double shape0 = std::clamp(st.shape, kShapeLow + 0.01, 0.99);
  if (uses_alpha(model))
    p.push_back({.name = "alpha",
                 .value = shape0,
                 .transform = fit::Transform::logistic,
                 .lower = kShapeLow,
                 .upper = 1.0});
  if (uses_gamma(model))
    p.push_back({.name = "gamma",
                 .value = model == RelaxationModel::havriliak_negami ? 0.9 : shape0,
                 .transform = fit::Transform::logistic,
                 .lower = kShapeLow,
                 .upper = 1.0});
  if (uses_beta(model))
    p.push_back({.name = "beta",
                 .value = shape0,
                 .transform = fit::Transform::logistic,
                 .lower = kShapeLow,
                 .upper = 1.0});
  const std::size_t n = d.f.size();
  double top = 0;
  for (const auto& m : d.modulus) top = std::max(top, std::abs(m.imag()));
  std::vector<double> scale(n, top > 0 ? top : 1.0);
  if (o.weight == ModulusWeight::proportional)
    for (std::size_t i = 0; i < n; ++i) scale[i] = std::max(std::abs(d.modulus[i]), 1e-300);
  const std::size_t nres = o.fit_real_part ? 2 * n : n;
  auto residuals = [&, model](std::span<const double> v, std::span<double> r) {
    Shape sh;
    std::size_t k = 2;
    if (uses_alpha(model)) sh.alpha = v[k++];
    if (uses_gamma(model)) sh.gamma = v[k++];
    if (uses_beta(model)) sh.beta = v[k++];
    for (std::size_t i = 0; i < n; ++i) {
      const auto m = electric_modulus(model, v[0], v[1], sh, d.omega[i]);
      r[i] = (m.imag() - d.modulus[i].imag()) / scale[i];
      if (o.fit_real_part) r[n + i] = (m.real() - d.modulus[i].real()) / scale[i];
    }
  };
  return fit::least_squares(residuals, nres, std::move(p));
}

}  // namespace

ModulusFitResult fit_modulus(const Spectrum& s, const PelletGeometry& g,
                             const ModulusFitOptions& o) {
  const ModulusData d = detail::windowed_data(s, g, o.f_min_hz, o.f_max_hz, 5, "modulus fit");
  Start start = data_start(d);
  if (o.tau_guess_s) start.tau = *o.tau_guess_s;
  if (o.beta_guess) start.shape = *o.beta_guess;

  // Multi-start: the data-driven shape first; a broad and a narrow peak if that fit is poor
  // (RMS misfit above 2 % of the peak) or did not converge.
  fit::FitReport best = run_fit(d, o, start);
  auto rms = [](const fit::FitReport& r) {
    return std::sqrt(r.chi2 / static_cast<double>(std::max<std::size_t>(r.n_residuals, 1)));
  };
  if (!best.usable() || rms(best) > 0.02) {
    for (double shape : {0.5, 0.85, 0.35}) {
      Start alt = start;
      alt.shape = shape;
      alt.m_inf = start.m_inf * std::pow(start.shape, 0.85) / std::pow(shape, 0.85);
      const auto r = run_fit(d, o, alt);
      if ((r.usable() && !best.usable()) || (r.usable() == best.usable() && r.chi2 < best.chi2))
        best = r;
    }
  }

  ModulusFitResult out;
  out.model = o.model;
  out.n_points = d.f.size();
  out.f_min_hz = d.f.front();
  out.f_max_hz = d.f.back();
  out.report = best;
  out.m_inf = best.at("M_inf").value;
  out.m_inf_err = best.at("M_inf").stderr;
  out.tau_s = best.at("tau").value;
  out.tau_err_s = best.at("tau").stderr;
  if (uses_alpha(o.model)) {
    out.shape.alpha = best.at("alpha").value;
    out.shape_err.alpha = best.at("alpha").stderr;
  }
  if (uses_gamma(o.model)) {
    out.shape.gamma = best.at("gamma").value;
    out.shape_err.gamma = best.at("gamma").stderr;
  }
  if (uses_beta(o.model)) {
    out.shape.beta = best.at("beta").value;
    out.shape_err.beta = best.at("beta").stderr;
    out.coupling_n = 1.0 - out.shape.beta;
  } else {
    out.shape_err.beta = 0;
  }
  out.mean_tau_s = mean_relaxation_time(o.model, out.tau_s, out.shape);
  if (std::isfinite(out.mean_tau_s))
    out.sigma_dc_s_per_m = constants::vacuum_permittivity_f_per_m / (out.m_inf * out.mean_tau_s);

  // Peak of the fitted M'': a log grid over ±3 decades around 1/(2πτ), then golden section.
  auto m2 = [&](double log_f) {
    return electric_modulus(o.model, out.m_inf, out.tau_s, out.shape,
                            kTwoPi * std::pow(10.0, log_f))
        .imag();
  };
  const double centre = std::log10(1.0 / (kTwoPi * out.tau_s));
  double best_x = centre, best_y = -1;
  for (int i = -60; i <= 60; ++i) {
    const double x = centre + 0.05 * i, y = m2(x);
    if (y > best_y) {
      best_y = y;
      best_x = x;
    }
  }
  double a = best_x - 0.05, b = best_x + 0.05;
  const double phi = (std::sqrt(5.0) - 1) / 2;
  for (int it = 0; it < 60; ++it) {
    const double c = b - phi * (b - a), e = a + phi * (b - a);
    if (m2(c) > m2(e))
      b = e;
    else
      a = c;
  }
  out.peak_frequency_hz = std::pow(10.0, (a + b) / 2);
  out.peak_height = m2((a + b) / 2);
  out.message = std::string(fit::to_string(best.status)) + ": " + best.message;
  if (out.peak_frequency_hz < out.f_min_hz || out.peak_frequency_hz > out.f_max_hz) {
    out.peak_outside_window = true;
    out.message +=
        "; the fitted M'' peak lies outside the fitted window, so tau and the shape "
        "rest on one flank only (narrow the window to the relaxation of interest)";
  }
  return out;
}

ModulusScaling modulus_scaling(const std::vector<Spectrum>& spectra,
                               const std::vector<PelletGeometry>& geometries) {
  if (spectra.size() != geometries.size())
    throw InvalidArgument("modulus scaling: one geometry per spectrum is needed");
  if (spectra.empty()) throw InvalidArgument("modulus scaling: no spectra");
  ModulusScaling out;
  out.common_low = -std::numeric_limits<double>::infinity();
  out.common_high = std::numeric_limits<double>::infinity();
  for (std::size_t k = 0; k < spectra.size(); ++k) {
    const ModulusData d =
        detail::windowed_data(spectra[k], geometries[k], {}, {}, 5, "modulus master curve");
    ScaledCurve c;
    c.label = spectra[k].label();
    c.temperature_k = spectra[k].meta.temperature_k.value_or(0.0);
    std::size_t top = 0;
    for (std::size_t i = 1; i < d.f.size(); ++i)
      if (d.modulus[i].imag() > d.modulus[top].imag()) top = i;
    c.f_max_hz = d.f[top];
    c.m2_max = d.modulus[top].imag();
    if (!(c.m2_max > 0))
      throw NumericalError(c.label + ": M'' has no positive maximum; no master curve");
    for (std::size_t i = 0; i < d.f.size(); ++i) {
      c.f_scaled.push_back(d.f[i] / c.f_max_hz);
      c.m2_scaled.push_back(d.modulus[i].imag() / c.m2_max);
    }
    out.common_low = std::max(out.common_low, std::log10(c.f_scaled.front()));
    out.common_high = std::min(out.common_high, std::log10(c.f_scaled.back()));
    out.curves.push_back(std::move(c));
  }
  // Collapse: on a grid over the common range, each curve's log10(M''/M''max) (linear
  // interpolation in log f) against the mean of all curves.
  if (out.curves.size() < 2 || !(out.common_high > out.common_low)) return out;
  auto value_at = [](const ScaledCurve& c, double lx) {
    for (std::size_t i = 0; i + 1 < c.f_scaled.size(); ++i) {
      const double x0 = std::log10(c.f_scaled[i]), x1 = std::log10(c.f_scaled[i + 1]);
      if (lx >= x0 && lx <= x1) {
        const double y0 = std::log10(std::max(c.m2_scaled[i], 1e-12));
        const double y1 = std::log10(std::max(c.m2_scaled[i + 1], 1e-12));
        return x1 > x0 ? y0 + (lx - x0) * (y1 - y0) / (x1 - x0) : y0;
      }
    }
    return std::log10(std::max(c.m2_scaled.back(), 1e-12));
  };
  const int grid = 50;
  double ss = 0;
  std::size_t count = 0;
  for (int g = 0; g <= grid; ++g) {
    const double lx = out.common_low + (out.common_high - out.common_low) * g / grid;
    std::vector<double> ys;
    for (const auto& c : out.curves) ys.push_back(value_at(c, lx));
    const double mean = std::accumulate(ys.begin(), ys.end(), 0.0) / static_cast<double>(ys.size());
    for (double y : ys) {
      ss += (y - mean) * (y - mean);
      ++count;
    }
  }
  out.collapse_rms = std::sqrt(ss / static_cast<double>(count));
  return out;
}

}  // namespace solyte::relax
