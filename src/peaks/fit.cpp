#include "solyte/peaks/fit.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>

#include "peaks/chebyshev.hpp"
#include "solyte/error.hpp"

namespace solyte::peaks {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Where each quantity of a peak lives in the parameter vector (−1: not a parameter).
struct Slots {
  int center = -1, area = -1, fwhm = -1, eta = -1, lorentz = -1;
};

fit::Parameter param(std::string name, double value, fit::Transform t, bool fixed = false) {
  fit::Parameter p;
  p.name = std::move(name);
  p.value = value;
  p.transform = t;
  p.fixed = fixed;
  return p;
}

struct Layout {
  std::vector<fit::Parameter> params;
  std::vector<Slots> slots;  // per peak; width slots point at the group leader's
  int background_begin = -1, background_count = 0;
  int model_begin = -1, model_count = 0;
};

// A width on a logistic scale between a quarter of the sampling step and twice the data span:
// a peak can neither collapse below the sampling nor grow into a background.
fit::Parameter width_param(std::string name, double value, double step, double span, bool fixed) {
  const double lower = 0.25 * step, upper = 2 * span;
  auto p = param(std::move(name), fixed ? value : std::clamp(value, lower * 1.001, upper * 0.999),
                 fit::Transform::logistic, fixed);
  p.lower = lower;
  p.upper = upper;
  return p;
}

Layout make_layout(std::span<const PeakStart> starts, const PeakFitOptions& o, double lo, double hi,
                   double step, std::span<const double> background_start) {
  Layout L;
  std::map<int, std::size_t> leader;  // width group → first peak
  for (std::size_t i = 0; i < starts.size(); ++i) {
    const PeakStart& s = starts[i];
    const Peak& p = s.peak;
    validate(p);
    const std::string tag = "p" + std::to_string(i + 1) + ".";
    Slots sl;
    if (!(p.center > lo && p.center < hi))
      throw InvalidArgument("peak " + std::to_string(i + 1) + " starts at " +
                            std::to_string(p.center) + ", outside the data (" + std::to_string(lo) +
                            " … " + std::to_string(hi) + ")");
    sl.center = static_cast<int>(L.params.size());
    if (s.fix_center) {
      L.params.push_back(param(tag + "center", p.center, fit::Transform::none, true));
    } else {
      auto c = param(tag + "center", p.center, fit::Transform::logistic);
      c.lower = s.center_window > 0 ? std::max(lo, p.center - s.center_window) : lo;
      c.upper = s.center_window > 0 ? std::min(hi, p.center + s.center_window) : hi;
      L.params.push_back(c);
    }
    sl.area = static_cast<int>(L.params.size());
    if (!s.allow_negative && !(p.area > 0))
      throw InvalidArgument("peak " + std::to_string(i + 1) +
                            " must start with a positive area (or allow a negative one)");
    L.params.push_back(
        param(tag + "area", p.area, s.allow_negative ? fit::Transform::none : fit::Transform::log));
    if (!o.width_model) {
      const auto it = s.width_group >= 0 ? leader.find(s.width_group) : leader.end();
      if (it != leader.end()) {
        if (starts[it->second].peak.shape != p.shape)
          throw InvalidArgument("width group " + std::to_string(s.width_group) +
                                " mixes shapes (peaks " + std::to_string(it->second + 1) + " and " +
                                std::to_string(i + 1) + ")");
        const Slots& ls = L.slots[it->second];
        sl.fwhm = ls.fwhm;
        sl.eta = ls.eta;
        sl.lorentz = ls.lorentz;
      } else {
        if (s.width_group >= 0) leader[s.width_group] = i;
        double g = p.fwhm, l = p.lorentz_fwhm;
        if (p.shape == Shape::voigt) {  // widths must start positive
          if (!(g > 0)) g = 1e-3 * l;
          if (!(l > 0)) l = 1e-3 * g;
        }
        sl.fwhm = static_cast<int>(L.params.size());
        L.params.push_back(width_param(tag + "fwhm", g, step, hi - lo, s.fix_widths));
        if (p.shape == Shape::pseudo_voigt) {
          sl.eta = static_cast<int>(L.params.size());
          auto e = param(tag + "eta", std::clamp(p.eta, 1e-3, 1 - 1e-3), fit::Transform::logistic,
                         s.fix_widths || s.fix_eta);
          if (e.fixed) e.value = p.eta;
          e.lower = 0;
          e.upper = 1;
          L.params.push_back(e);
        }
        if (p.shape == Shape::voigt) {
          sl.lorentz = static_cast<int>(L.params.size());
          L.params.push_back(width_param(tag + "lorentz_fwhm", l, step, hi - lo, s.fix_widths));
        }
      }
    }
    L.slots.push_back(sl);
  }
  if (o.background_degree >= 0) {
    L.background_begin = static_cast<int>(L.params.size());
    L.background_count = o.background_degree + 1;
    for (int k = 0; k <= o.background_degree; ++k)
      L.params.push_back(param("b" + std::to_string(k),
                               background_start[static_cast<std::size_t>(k)],
                               fit::Transform::none));
  }
  if (o.width_model) {
    if (!o.width_model->widths) throw InvalidArgument("width model without a widths function");
    L.model_begin = static_cast<int>(L.params.size());
    L.model_count = static_cast<int>(o.width_model->parameters.size());
    for (auto p : o.width_model->parameters) {
      p.name = "w." + p.name;
      L.params.push_back(p);
    }
  }
  return L;
}

// The peaks described by the natural parameter vector v.
void build(const Layout& L, std::span<const PeakStart> starts, const PeakFitOptions& o,
           std::span<const double> v, std::vector<Peak>& out) {
  out.resize(starts.size());
  for (std::size_t i = 0; i < starts.size(); ++i) {
    Peak& p = out[i];
    const Slots& s = L.slots[i];
    p = starts[i].peak;
    p.center = v[static_cast<std::size_t>(s.center)];
    p.area = v[static_cast<std::size_t>(s.area)];
    if (o.width_model) {
      const auto w =
          o.width_model->widths(p.center, v.subspan(static_cast<std::size_t>(L.model_begin),
                                                    static_cast<std::size_t>(L.model_count)));
      p.fwhm = w.fwhm;
      p.eta = w.eta;
      p.lorentz_fwhm = w.lorentz_fwhm;
    } else {
      p.fwhm = v[static_cast<std::size_t>(s.fwhm)];
      if (s.eta >= 0) p.eta = v[static_cast<std::size_t>(s.eta)];
      if (s.lorentz >= 0) p.lorentz_fwhm = v[static_cast<std::size_t>(s.lorentz)];
    }
  }
}

}  // namespace

double PeakFitResult::background_at(double x) const {
  if (background.empty()) return 0;
  return detail::chebyshev_sum(background, detail::to_unit(x, x_lo, x_hi));
}

double PeakFitResult::area_sum_covariance(std::span<const std::size_t> a,
                                          std::span<const std::size_t> b) const {
  double c = 0;
  for (std::size_t i : a)
    for (std::size_t j : b) {
      const int fi = area_free_index.at(i), fj = area_free_index.at(j);
      if (fi < 0 || fj < 0) continue;
      c += report.covariance.at(static_cast<std::size_t>(fi)).at(static_cast<std::size_t>(fj));
    }
  return c;
}

double PeakFitResult::area_sum_err(std::span<const std::size_t> indices) const {
  const double v = area_sum_covariance(indices, indices);
  return v >= 0 ? std::sqrt(v) : kNaN;
}

PeakFitResult fit_peaks(std::span<const double> x, std::span<const double> y,
                        std::span<const PeakStart> starts, const PeakFitOptions& o,
                        std::span<const double> sigma) {
  const std::size_t n = x.size();
  if (y.size() != n)
    throw InvalidArgument("fit_peaks: x has " + std::to_string(n) + " values, y " +
                          std::to_string(y.size()));
  if (!sigma.empty() && sigma.size() != n)
    throw InvalidArgument("fit_peaks: sigma has " + std::to_string(sigma.size()) +
                          " values, expected " + std::to_string(n));
  if (starts.empty()) throw InvalidArgument("fit_peaks: no peak to fit");
  if (n < 3) throw InvalidArgument("fit_peaks: at least 3 points are needed");
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
      throw InvalidArgument("fit_peaks: non-finite value at point " + std::to_string(i + 1));
    if (!sigma.empty() && !(sigma[i] > 0 && std::isfinite(sigma[i])))
      throw InvalidArgument("fit_peaks: sigma must be > 0 at every point (point " +
                            std::to_string(i + 1) + ")");
  }
  if (o.background_degree > 10) throw InvalidArgument("fit_peaks: background degree above 10");
  const auto [lo_it, hi_it] = std::minmax_element(x.begin(), x.end());
  const double lo = *lo_it, hi = *hi_it;
  if (!(hi > lo)) throw InvalidArgument("fit_peaks: x does not span an interval");

  // Background start: least squares on y minus the starting peaks.
  std::vector<double> background_start;
  if (o.background_degree >= 0) {
    std::vector<Peak> p0;
    for (const auto& s : starts) p0.push_back(s.peak);
    auto rest = evaluate(std::span<const Peak>(p0), x);
    for (std::size_t i = 0; i < n; ++i) rest[i] = y[i] - rest[i];
    background_start = detail::chebyshev_fit(x, rest, {}, o.background_degree, lo, hi);
  }
  std::vector<double> gaps;
  {
    std::vector<double> sorted(x.begin(), x.end());
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i + 1 < n; ++i)
      if (sorted[i + 1] > sorted[i]) gaps.push_back(sorted[i + 1] - sorted[i]);
  }
  std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2),
                   gaps.end());
  const double step = gaps.empty() ? (hi - lo) : gaps[gaps.size() / 2];
  const Layout L = make_layout(starts, o, lo, hi, step, background_start);

  std::vector<Peak> work;
  std::vector<double> model(n);
  auto model_at = [&](std::span<const double> v, std::vector<double>& m) {
    build(L, starts, o, v, work);
    for (std::size_t i = 0; i < n; ++i) {
      double s = 0;
      if (L.background_count > 0)
        s = detail::chebyshev_sum(v.subspan(static_cast<std::size_t>(L.background_begin),
                                            static_cast<std::size_t>(L.background_count)),
                                  detail::to_unit(x[i], lo, hi));
      for (const auto& p : work) s += evaluate(p, x[i]);
      m[i] = s;
    }
  };
  auto residuals = [&](std::span<const double> v, std::span<double> r) {
    model_at(v, model);
    for (std::size_t i = 0; i < n; ++i) r[i] = (y[i] - model[i]) / (sigma.empty() ? 1.0 : sigma[i]);
  };

  PeakFitResult out;
  out.x_lo = lo;
  out.x_hi = hi;
  out.report = fit::least_squares(residuals, n, L.params, o.solver);
  // A bounded parameter that ends on its bound (η = 1, a width at its limit, a centre at the
  // edge of its window) makes JᵀJ singular and every error undefined: hold it there and refit
  // the others, so that their errors are defined; its own error is reported as undefined.
  {
    std::vector<fit::Parameter> params = L.params;
    bool any = false;
    for (std::size_t i = 0; i < params.size(); ++i) {
      auto& p = params[i];
      if (p.fixed || p.transform != fit::Transform::logistic) continue;
      const double v = out.report.parameters[i].value, tol = 1e-6 * (p.upper - p.lower);
      if (v - p.lower < tol || p.upper - v < tol) {
        p.fixed = true;
        p.value = v;
        out.at_bound.push_back(p.name);
        any = true;
      } else {
        p.value = v;
      }
    }
    if (any) {
      for (std::size_t i = 0; i < params.size(); ++i)
        if (!params[i].fixed) params[i].value = out.report.parameters[i].value;
      bool remaining = false;
      for (const auto& p : params) remaining = remaining || !p.fixed;
      if (remaining) {
        out.report = fit::least_squares(residuals, n, params, o.solver);
        std::string names;
        for (const auto& a : out.at_bound) names += (names.empty() ? "" : ", ") + a;
        out.report.message += " (at a bound, held there for the errors: " + names + ")";
      }
    }
  }
  const auto& rp = out.report.parameters;
  std::vector<double> v(rp.size());
  std::vector<int> free_of(rp.size(), -1);
  std::vector<double> stderr_of(rp.size(), 0.0);
  int k = 0;
  for (std::size_t i = 0; i < rp.size(); ++i) {
    v[i] = rp[i].value;
    if (!rp[i].fixed) {
      free_of[i] = k++;
      stderr_of[i] = rp[i].stderr;
    } else if (std::find(out.at_bound.begin(), out.at_bound.end(), rp[i].name) !=
               out.at_bound.end()) {
      stderr_of[i] = kNaN;
    }
  }
  out.model.resize(n);
  model_at(v, out.model);
  build(L, starts, o, v, work);

  // First-order propagation of the covariance to g(v).
  const auto& cov = out.report.covariance;
  auto propagate = [&](const std::function<double(std::span<const double>)>& g) {
    std::vector<double> grad(rp.size(), 0.0);
    bool any = false;
    for (std::size_t i = 0; i < rp.size(); ++i) {
      if (free_of[i] < 0) continue;
      const double s = stderr_of[i];
      const double h = std::isfinite(s) && s > 0 ? 1e-3 * s : 1e-6 * std::max(std::abs(v[i]), 1.0);
      auto vp = v, vm = v;
      vp[i] += h;
      vm[i] -= h;
      grad[i] = (g(vp) - g(vm)) / (2 * h);
      any = any || grad[i] != 0;
    }
    if (!any) return 0.0;
    double var = 0;
    for (std::size_t a = 0; a < rp.size(); ++a) {
      if (free_of[a] < 0 || grad[a] == 0) continue;
      for (std::size_t b = 0; b < rp.size(); ++b) {
        if (free_of[b] < 0 || grad[b] == 0) continue;
        var += grad[a] * grad[b] *
               cov[static_cast<std::size_t>(free_of[a])][static_cast<std::size_t>(free_of[b])];
      }
    }
    return var >= 0 ? std::sqrt(var) : kNaN;
  };
  auto own_err = [&](int slot) {
    return slot < 0 ? 0.0 : stderr_of[static_cast<std::size_t>(slot)];
  };

  std::vector<Peak> scratch;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    FittedPeak f;
    f.peak = work[i];
    const Slots& s = L.slots[i];
    f.center_err = own_err(s.center);
    f.area_err = own_err(s.area);
    auto field = [&, i](auto get) {
      return [&, i, get](std::span<const double> w) {
        build(L, starts, o, w, scratch);
        return get(scratch[i]);
      };
    };
    if (o.width_model) {
      f.fwhm_err = propagate(field([](const Peak& p) { return p.fwhm; }));
      f.eta_err = propagate(field([](const Peak& p) { return p.eta; }));
      f.lorentz_fwhm_err = propagate(field([](const Peak& p) { return p.lorentz_fwhm; }));
    } else {
      f.fwhm_err = own_err(s.fwhm);
      f.eta_err = own_err(s.eta);
      f.lorentz_fwhm_err = own_err(s.lorentz);
    }
    f.height = height(f.peak);
    f.height_err = propagate(field([](const Peak& p) { return p.area * unit_profile(p, 0.0); }));
    f.total_fwhm = total_fwhm(f.peak);
    f.total_fwhm_err = f.peak.shape == Shape::voigt ? propagate(field([](const Peak& p) {
      return voigt_fwhm(std::max(p.fwhm, 0.0), std::max(p.lorentz_fwhm, 0.0));
    }))
                                                    : f.fwhm_err;
    out.peaks.push_back(f);
    out.area_free_index.push_back(free_of[static_cast<std::size_t>(s.area)]);
  }
  for (int b = 0; b < L.background_count; ++b) {
    const auto idx = static_cast<std::size_t>(L.background_begin + b);
    out.background.push_back(v[idx]);
    out.background_err.push_back(stderr_of[idx]);
  }
  return out;
}

}  // namespace solyte::peaks
