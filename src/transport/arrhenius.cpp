// Arrhenius regimes, transitions and derived quantities (METHODS.md §3–4, docs/methods.md).
#include "solyte/transport/arrhenius.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <numbers>
#include <optional>
#include <string>
#include <vector>

#include "solyte/constants.hpp"
#include "solyte/error.hpp"
#include "transport/line_fit.hpp"
#include "transport/segmentation.hpp"

namespace solyte::transport {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kLn10 = std::numbers::ln10;
// σ in S/m ↔ S/cm (the field's unit for ln σ0): σ[S/cm] = σ[S/m] / 100.
const double kLn100 = std::log(100.0);
// Residual level (in ln σ) below which a fit counts as exact; keeps ln(SSE/n) finite for
// noise-free data so the criterion then prefers the fewest segments. 1e-9 in ln σ is far
// below any measurement and far above the rounding of ln, exp and the centred sums.
constexpr double kExactResidual = 1e-9;

std::string num(double v, int precision = 6) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, precision);
  return std::string(buf, r.ptr);
}

std::string point_name(std::size_t i, const ConductivityPoint& p) {
  std::string s = "point " + std::to_string(i + 1);
  if (!p.label.empty()) s += " (" + p.label + ")";
  return s;
}

void add_note(std::string& note, const std::string& sentence) {
  if (!note.empty()) note += ' ';
  note += sentence;
}

void validate_options(const ArrheniusOptions& o) {
  if (o.max_segments < 1) throw InvalidArgument("arrhenius: max_segments must be at least 1");
  if (!(o.breakpoint_parameters >= 0) || !std::isfinite(o.breakpoint_parameters))
    throw InvalidArgument("arrhenius: breakpoint_parameters must be finite and ≥ 0");
  if (!(o.jump_threshold_decades >= 0) || !std::isfinite(o.jump_threshold_decades))
    throw InvalidArgument("arrhenius: jump_threshold_decades must be finite and ≥ 0");
  if (!(o.reference_temperature_k > 0) || !std::isfinite(o.reference_temperature_k))
    throw InvalidArgument("arrhenius: reference_temperature_k must be positive and finite");
  if (!(o.superionic_threshold_s_per_m > 0) || !std::isfinite(o.superionic_threshold_s_per_m))
    throw InvalidArgument("arrhenius: superionic_threshold_s_per_m must be positive and finite");
}

void validate_point(std::size_t i, const ConductivityPoint& p) {
  if (!std::isfinite(p.temperature_k) || !(p.temperature_k > 0))
    throw InvalidArgument("arrhenius: " + point_name(i, p) + " has temperature " +
                          num(p.temperature_k) + " K; temperatures must be positive and finite");
  if (!std::isfinite(p.sigma_s_per_m) || !(p.sigma_s_per_m > 0))
    throw InvalidArgument("arrhenius: " + point_name(i, p) + " has conductivity " +
                          num(p.sigma_s_per_m) +
                          " S/m; conductivities must be positive and finite");
  if (p.sigma_err_s_per_m && (!std::isfinite(*p.sigma_err_s_per_m) || *p.sigma_err_s_per_m < 0))
    throw InvalidArgument("arrhenius: " + point_name(i, p) + " has conductivity error " +
                          num(*p.sigma_err_s_per_m) + " S/m; errors must be finite and ≥ 0");
}

/// ln σ with σ in S/cm.
double ln_sigma_scm(const ConductivityPoint& p) { return std::log(p.sigma_s_per_m) - kLn100; }

/// The fitted ordinate: ln(σT) (σ in S/cm, T in K) or ln σ (S/cm).
double ordinate(ArrheniusForm form, const ConductivityPoint& p) {
  const double ls = ln_sigma_scm(p);
  return form == ArrheniusForm::sigma_t ? ls + std::log(p.temperature_k) : ls;
}

/// A fitted regime line with the factor that scales (XᵀWX)⁻¹ into its covariance.
struct Line {
  detail::LineFit fit;
  double scale = 1;  // Birge ratio² (reduced χ²) when n > 2; see docs/methods.md
  double var_value(double x) const { return scale * fit.var_value(x); }
};

double criterion_value(InformationCriterion c, double sse, std::size_t n, double p) {
  const double dn = static_cast<double>(n), dp = p;
  const double base = dn * std::log(sse / dn);
  switch (c) {
    case InformationCriterion::bic:
      return base + dp * std::log(dn);
    case InformationCriterion::aic:
      return base + 2 * dp;
    case InformationCriterion::aicc:
      if (dn <= dp + 1) return kNaN;  // small-sample correction undefined
      return base + 2 * dp + 2 * dp * (dp + 1) / (dn - dp - 1);
  }
  return kNaN;
}

const char* criterion_name(InformationCriterion c) {
  switch (c) {
    case InformationCriterion::bic:
      return "BIC";
    case InformationCriterion::aic:
      return "AIC";
    case InformationCriterion::aicc:
      return "AICc";
  }
  return "criterion";
}

/// One piece of the fitted σ(T) model over the measured range: ln σ[S/cm] = a + b/T − s·ln T
/// with s = 1 for a σT line and 0 otherwise.
struct Piece {
  enum Kind { regime, crossover_gap, interpolated_gap };
  double t_lo = 0, t_hi = 0;
  double a = 0, b = 0;
  bool ln_t = false;
  Kind kind = regime;
  std::size_t regime_index = 0;  // for regime/crossover_gap: the line; for gaps: the lower one

  double ln_sigma(double t) const { return a + b / t - (ln_t ? std::log(t) : 0.0); }
  /// Temperature of the maximum of ln σ on [t_lo, t_hi]: ln σ(T) has at most one stationary
  /// point, at T = −b when s = 1 (d/dT = −b/T² − s/T).
  double argmax() const {
    if (!ln_t) return b < 0 ? t_hi : t_lo;
    if (b < 0) return std::clamp(-b, t_lo, t_hi);
    return t_lo;
  }
};

Piece line_piece(ArrheniusForm form, const Line& l, double t_lo, double t_hi, Piece::Kind kind,
                 std::size_t index) {
  return {t_lo, t_hi, l.fit.intercept, l.fit.slope, form == ArrheniusForm::sigma_t, kind, index};
}

/// Mean ln σ[S/cm] of the points measured at exactly temperature t (reruns may repeat it).
double mean_ln_sigma_at(const std::vector<ConductivityPoint>& pts, double t) {
  double s = 0;
  int k = 0;
  for (const auto& p : pts)
    if (p.temperature_k == t) s += ln_sigma_scm(p), ++k;
  return s / k;
}

}  // namespace

ArrheniusResult fit_arrhenius(std::span<const ConductivityPoint> points,
                              const ArrheniusOptions& options) {
  validate_options(options);
  for (std::size_t i = 0; i < points.size(); ++i) validate_point(i, points[i]);

  ArrheniusResult r;
  r.form = options.form;
  r.points.assign(points.begin(), points.end());
  std::stable_sort(r.points.begin(), r.points.end(),
                   [](const auto& a, const auto& b) { return a.temperature_k < b.temperature_k; });
  const auto& pts = r.points;
  const std::size_t n = pts.size();
  std::size_t distinct = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (i == 0 || pts[i].temperature_k != pts[i - 1].temperature_k) ++distinct;
  if (distinct < 2)
    throw NumericalError("arrhenius: " + std::to_string(n) + " point(s) at " +
                         std::to_string(distinct) +
                         " distinct temperature(s); a line needs at least 2 temperatures");

  // Weights 1/var(y) with var(y) = (σ_err/σ)² (first-order propagation through ln; T exact).
  std::size_t with_err = 0, zero_err = 0;
  for (const auto& p : pts) {
    if (p.sigma_err_s_per_m) ++with_err;
    if (p.sigma_err_s_per_m && *p.sigma_err_s_per_m == 0) ++zero_err;
  }
  r.weighted = options.use_weights && with_err == n && zero_err == 0;
  if (options.use_weights && with_err > 0 && with_err < n)
    add_note(r.note, "Only " + std::to_string(with_err) + " of " + std::to_string(n) +
                         " points carry a conductivity error; the fit is unweighted.");
  if (options.use_weights && with_err == n && zero_err > 0)
    add_note(r.note, std::to_string(zero_err) +
                         " point(s) have a zero conductivity error; the fit is unweighted.");

  std::vector<double> x(n), y(n), w;
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = 1.0 / pts[i].temperature_k;
    y[i] = ordinate(options.form, pts[i]);
  }
  double w_mean = 1;
  if (r.weighted) {
    w.resize(n);
    w_mean = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double rel = *pts[i].sigma_err_s_per_m / pts[i].sigma_s_per_m;
      w[i] = 1.0 / (rel * rel);
      w_mean += w[i] / static_cast<double>(n);
    }
  }

  // Segmented fits for every count, then the count by the information criterion.
  const std::size_t m = std::max<std::size_t>(2, options.min_points_per_segment);
  if (n < options.min_points_per_segment)
    add_note(r.note, "Only " + std::to_string(n) + " points, fewer than " +
                         std::to_string(options.min_points_per_segment) +
                         " per segment; a single line is fitted.");
  const auto partitions =
      detail::optimal_partitions(x, y, w, options.max_segments, options.min_points_per_segment);
  auto fit_segment = [&](const detail::Segment& s) {
    const std::size_t len = s.last - s.first + 1;
    return detail::fit_line(
        std::span(x).subspan(s.first, len), std::span(y).subspan(s.first, len),
        w.empty() ? std::span<const double>{} : std::span<const double>(w).subspan(s.first, len));
  };
  const double sse_floor = static_cast<double>(n) * kExactResidual * kExactResidual * w_mean;
  r.criterion_values.assign(options.max_segments, kNaN);
  for (std::size_t k = 1; k <= options.max_segments; ++k) {
    const auto& part = partitions[k - 1];
    if (part.empty() || (k > 1 && n < k * m)) continue;
    double sse = 0;  // recomputed from residuals: the DP's updated sums are less exact
    for (const auto& s : part) sse += fit_segment(s).chi2;
    // k lines (2 parameters each) and k − 1 breakpoints, each charged breakpoint_parameters.
    const double p =
        2.0 * static_cast<double>(k) + options.breakpoint_parameters * static_cast<double>(k - 1);
    r.criterion_values[k - 1] = criterion_value(options.criterion, std::max(sse, sse_floor), n, p);
  }

  auto fit_lines = [&](const std::vector<detail::Segment>& part) {
    std::vector<Line> out;
    for (const auto& s : part) {
      Line l{fit_segment(s), 1.0};
      const std::size_t np = s.last - s.first + 1;
      if (np > 2)
        l.scale = l.fit.chi2 / static_cast<double>(np - 2);
      else if (!r.weighted)
        l.scale = kNaN;
      out.push_back(l);
    }
    return out;
  };
  // The smallest criterion value wins; ties go to fewer segments.
  std::size_t chosen = 0;
  for (std::size_t k = 1; k <= options.max_segments; ++k) {
    const double v = r.criterion_values[k - 1];
    if (!std::isnan(v) && (chosen == 0 || v < r.criterion_values[chosen - 1])) chosen = k;
  }
  if (chosen == 0) {
    chosen = 1;
    add_note(r.note, std::string(criterion_name(options.criterion)) + " is undefined for " +
                         std::to_string(n) + " points; a single line is fitted.");
  }
  // A boundary must be supported by the data: neighbouring regimes whose slopes and whose
  // levels at the gap both agree within 3 standard errors are one regime. This matters for
  // precise data with small systematic deviations (noise-free simulations, smooth real
  // curves), where the criterion alone may cut a straight line.
  std::vector<detail::Segment> part = partitions[chosen - 1];
  std::size_t merged = 0;
  for (bool again = true; again && part.size() > 1;) {
    again = false;
    const std::vector<Line> ls = fit_lines(part);
    double weakest = 3.0;
    std::size_t at = part.size();
    for (std::size_t i = 0; i + 1 < part.size(); ++i) {
      const Line& L = ls[i];
      const Line& U = ls[i + 1];
      const double slope_err =
          std::sqrt(L.scale * L.fit.var_slope() + U.scale * U.fit.var_slope());
      const double x_mid = 0.5 * (x[part[i].last] + x[part[i + 1].first]);
      const double level_err = std::sqrt(L.var_value(x_mid) + U.var_value(x_mid));
      if (!(slope_err > 0) || !(level_err > 0)) continue;   // NaN or exact: keep the cut
      const double d_slope = std::abs(U.fit.slope - L.fit.slope);
      const double d_level = std::abs(U.fit.value(x_mid) - L.fit.value(x_mid));
      double z = std::max(d_slope / slope_err, d_level / level_err);
      // Too alike to matter: activation energies closer than min_regime_contrast_ev and no
      // step at the gap are one regime however small the scatter (systematic deviations of
      // a fraction of a percent in σ make tiny but "significant" differences).
      if (d_slope * constants::boltzmann_ev_per_k < options.min_regime_contrast_ev &&
          d_level / kLn10 < 0.1 * options.jump_threshold_decades)
        z = 0;
      if (z < weakest) {
        weakest = z;
        at = i;
      }
    }
    if (at < part.size()) {
      part[at].last = part[at + 1].last;
      part.erase(part.begin() + static_cast<std::ptrdiff_t>(at) + 1);
      ++merged;
      again = true;
    }
  }
  if (merged > 0)
    add_note(r.note, std::to_string(merged) +
                         " regime boundary(ies) chosen by the criterion were dropped: the "
                         "neighbouring lines agree in slope and level within 3 standard errors "
                         "or differ by less than the minimum regime contrast.");
  const std::vector<Line> lines = fit_lines(part);

  // Regimes of the chosen partition.
  bool undefined_errors = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& s = part[i];
    const Line& l = lines[i];
    if (std::isnan(l.scale)) undefined_errors = true;
    Regime g;
    g.first = s.first;
    g.last = s.last;
    g.n_points = s.last - s.first + 1;
    g.t_min_k = pts[s.first].temperature_k;
    g.t_max_k = pts[s.last].temperature_k;
    g.ea_ev = -l.fit.slope * constants::boltzmann_ev_per_k;
    g.ea_err_ev = std::sqrt(l.scale * l.fit.var_slope()) * constants::boltzmann_ev_per_k;
    g.ln_sigma0 = l.fit.intercept;
    g.ln_sigma0_err = std::sqrt(l.scale * l.fit.var_intercept());
    g.r_squared = l.fit.r_squared();
    r.regimes.push_back(g);
  }
  if (undefined_errors)
    add_note(r.note,
             "A regime with only 2 points and no conductivity errors has undefined standard "
             "errors (NaN).");

  // Transitions between consecutive regimes.
  for (std::size_t i = 0; i + 1 < r.regimes.size(); ++i) {
    const Regime& lo = r.regimes[i];
    const Regime& hi = r.regimes[i + 1];
    const Line& L = lines[i];
    const Line& U = lines[i + 1];
    Transition t;
    t.t_below_k = pts[lo.last].temperature_k;
    t.t_above_k = pts[hi.first].temperature_k;
    // The ln T of the σT form cancels in the difference, so both forms give Δ ln σ directly.
    auto delta = [&](double xv) { return (U.fit.value(xv) - L.fit.value(xv)) / kLn10; };
    auto delta_err = [&](double xv) {
      return std::sqrt(U.var_value(xv) + L.var_value(xv)) / kLn10;
    };
    const double x_mid = 0.5 * (1.0 / t.t_below_k + 1.0 / t.t_above_k);
    const double d_mid = delta(x_mid), e_mid = delta_err(x_mid);
    const bool significant = std::isnan(e_mid) || std::abs(d_mid) > 3 * e_mid;
    if (std::abs(d_mid) > options.jump_threshold_decades && significant) {
      t.kind = TransitionKind::jump;
      t.temperature_k = 1.0 / x_mid;
      t.jump_decades = d_mid;
      t.jump_err_decades = e_mid;
    } else {
      t.kind = TransitionKind::crossover;
      const double db = L.fit.slope - U.fit.slope;
      const double x_cross = db != 0 ? (U.fit.intercept - L.fit.intercept) / db : kNaN;
      const double t_cross = 1.0 / x_cross;
      if (std::isfinite(x_cross) && x_cross > 0 && t_cross >= lo.t_min_k && t_cross <= hi.t_max_k) {
        t.temperature_k = t_cross;
        t.jump_decades = delta(x_cross);
        t.jump_err_decades = delta_err(x_cross);
      } else {
        t.temperature_k = 1.0 / x_mid;
        t.jump_decades = d_mid;
        t.jump_err_decades = e_mid;
        add_note(r.note, "The lines of regimes " + std::to_string(i + 1) + " and " +
                             std::to_string(i + 2) +
                             " do not intersect within the measured range; their crossover "
                             "is reported at the midpoint of the gap.");
      }
    }
    const ThermalRun run0 = pts[lo.first].run;
    bool same_run = true;
    for (std::size_t j = lo.first; j <= hi.last; ++j) same_run = same_run && pts[j].run == run0;
    t.run = same_run ? run0 : ThermalRun::unknown;
    r.transitions.push_back(t);
  }

  // Piecewise model of σ(T) over the measured range: regime lines on their ranges; in a gap,
  // the two lines up to their crossover when it lies in the gap, else linear interpolation in
  // (1/T, ln σ) between the bracketing measured points.
  std::vector<Piece> pieces;
  for (std::size_t i = 0; i < r.regimes.size(); ++i) {
    const Regime& g = r.regimes[i];
    pieces.push_back(line_piece(r.form, lines[i], g.t_min_k, g.t_max_k, Piece::regime, i));
    if (i + 1 == r.regimes.size()) break;
    const Transition& t = r.transitions[i];
    if (t.kind == TransitionKind::crossover && t.temperature_k > t.t_below_k &&
        t.temperature_k < t.t_above_k) {
      pieces.push_back(
          line_piece(r.form, lines[i], t.t_below_k, t.temperature_k, Piece::crossover_gap, i));
      pieces.push_back(line_piece(r.form, lines[i + 1], t.temperature_k, t.t_above_k,
                                  Piece::crossover_gap, i + 1));
    } else {
      const double x1 = 1.0 / t.t_below_k, x2 = 1.0 / t.t_above_k;
      const double l1 = mean_ln_sigma_at(pts, t.t_below_k);
      const double l2 = mean_ln_sigma_at(pts, t.t_above_k);
      Piece p;
      p.t_lo = t.t_below_k;
      p.t_hi = t.t_above_k;
      p.b = (l2 - l1) / (x2 - x1);
      p.a = l1 - p.b * x1;
      p.kind = Piece::interpolated_gap;
      p.regime_index = i;
      pieces.push_back(p);
    }
  }
  auto to_s_per_m = [](double ln_sigma_scm_value) { return std::exp(ln_sigma_scm_value + kLn100); };

  // σ at the reference temperature.
  {
    const double tr = options.reference_temperature_k;
    const double t_first = pieces.front().t_lo, t_last = pieces.back().t_hi;
    if (tr < t_first || tr > t_last) {
      const bool below = tr < t_first;
      const std::size_t gi = below ? 0 : r.regimes.size() - 1;
      const Regime& g = r.regimes[gi];
      r.sigma_ref_s_per_m = to_s_per_m(
          line_piece(r.form, lines[gi], g.t_min_k, g.t_max_k, Piece::regime, gi).ln_sigma(tr));
      r.sigma_ref_extrapolated = true;
      add_note(r.note, "σ at " + num(tr) + " K is extrapolated from regime " +
                           std::to_string(gi + 1) + " (measured " + num(t_first) + "–" +
                           num(t_last) + " K).");
    } else {
      for (const auto& p : pieces) {
        if (tr < p.t_lo || tr > p.t_hi) continue;
        r.sigma_ref_s_per_m = to_s_per_m(p.ln_sigma(tr));
        if (p.kind == Piece::interpolated_gap)
          add_note(r.note, "σ at " + num(tr) + " K lies in the gap between regimes " +
                               std::to_string(p.regime_index + 1) + " and " +
                               std::to_string(p.regime_index + 2) +
                               " and is interpolated between the measured points at " +
                               num(p.t_lo) + " and " + num(p.t_hi) + " K.");
        break;
      }
    }
  }

  // Lowest temperature where σ reaches the superionic threshold.
  {
    const double target = std::log(options.superionic_threshold_s_per_m) - kLn100;
    const std::string thr = num(options.superionic_threshold_s_per_m * 10) + " mS/cm";
    bool reached_anywhere = false, below_somewhere = false;
    for (const auto& p : pieces) {
      const double t_peak = p.argmax();
      const double g_lo = p.ln_sigma(p.t_lo) - target, g_peak = p.ln_sigma(t_peak) - target;
      if (g_lo < 0) below_somewhere = true;
      if (g_lo >= 0) {
        if (!below_somewhere) break;  // already at or above at the lowest temperature
        r.t_superionic_k = p.t_lo;    // a step up at the piece boundary
        reached_anywhere = true;
        break;
      }
      if (g_peak < 0) continue;
      // ln σ rises on [t_lo, t_peak] from below to at/above the target: bisection.
      double a = p.t_lo, b = t_peak;
      for (int it = 0; it < 200 && b - a > 1e-12 * b; ++it) {
        const double c = 0.5 * (a + b);
        (p.ln_sigma(c) - target < 0 ? a : b) = c;
      }
      r.t_superionic_k = b;
      reached_anywhere = true;
      break;
    }
    if (!reached_anywhere) {
      const double t_first = pieces.front().t_lo, t_last = pieces.back().t_hi;
      if (!below_somewhere)
        add_note(r.note, "σ is at or above " + thr +
                             " already at the lowest measured "
                             "temperature (" +
                             num(t_first) +
                             " K); no superionic onset within "
                             "the measured range.");
      else
        add_note(r.note, "σ stays below " + thr + " everywhere in the measured range (" +
                             num(t_first) + "–" + num(t_last) + " K).");
    }
  }
  return r;
}

RunComparison compare_runs(std::span<const ConductivityPoint> heating,
                           std::span<const ConductivityPoint> cooling,
                           const ArrheniusOptions& options) {
  auto tagged = [](std::span<const ConductivityPoint> in, ThermalRun run, const char* name) {
    std::vector<ConductivityPoint> out(in.begin(), in.end());
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (out[i].run == ThermalRun::unknown) out[i].run = run;
      if (out[i].run != run)
        throw InvalidArgument(std::string("compare_runs: ") + point_name(i, out[i]) + " of the " +
                              name + " run is marked " + std::string(to_string(out[i].run)));
    }
    return out;
  };
  const auto h = tagged(heating, ThermalRun::heating, "heating");
  const auto c = tagged(cooling, ThermalRun::cooling, "cooling");
  RunComparison out{fit_arrhenius(h, options), fit_arrhenius(c, options), {}};

  // Pair jumps one to one, closest pairs first.
  std::vector<double> th, tc;
  for (const auto& t : out.heating.transitions)
    if (t.kind == TransitionKind::jump) th.push_back(t.temperature_k);
  for (const auto& t : out.cooling.transitions)
    if (t.kind == TransitionKind::jump) tc.push_back(t.temperature_k);
  std::vector<bool> used_h(th.size()), used_c(tc.size());
  for (std::size_t pairs = std::min(th.size(), tc.size()); pairs-- > 0;) {
    std::size_t bi = 0, bj = 0;
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < th.size(); ++i)
      for (std::size_t j = 0; j < tc.size(); ++j)
        if (!used_h[i] && !used_c[j] && std::abs(th[i] - tc[j]) < best)
          best = std::abs(th[i] - tc[j]), bi = i, bj = j;
    used_h[bi] = used_c[bj] = true;
    out.hysteresis.push_back({th[bi], tc[bj], th[bi] - tc[bj]});
  }
  std::sort(out.hysteresis.begin(), out.hysteresis.end(),
            [](const auto& a, const auto& b) { return a.t_heating_k < b.t_heating_k; });
  return out;
}

MigrationEntropy migration_entropy(const Regime& a, const Regime& b) {
  MigrationEntropy m;
  m.delta_s_kb = a.ln_sigma0 - b.ln_sigma0;
  m.delta_s_kb_err = std::hypot(a.ln_sigma0_err, b.ln_sigma0_err);
  m.delta_s_j_per_mol_k = m.delta_s_kb * constants::gas_constant_j_per_mol_k;
  return m;
}

const Regime& regime_at(const ArrheniusResult& r, double t_k) {
  if (r.regimes.empty()) throw NumericalError("regime_at: the result has no regimes");
  if (!std::isfinite(t_k)) throw InvalidArgument("regime_at: temperature must be finite");
  const Regime* best = nullptr;
  double best_d = std::numeric_limits<double>::infinity();
  for (const auto& g : r.regimes) {
    if (t_k >= g.t_min_k && t_k <= g.t_max_k) return g;
    const double d = t_k < g.t_min_k ? g.t_min_k - t_k : t_k - g.t_max_k;
    if (d < best_d) best_d = d, best = &g;
  }
  return *best;
}

}  // namespace solyte::transport
