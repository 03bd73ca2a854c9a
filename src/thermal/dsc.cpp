#include "solyte/thermal/dsc.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/curve_ops.hpp"
#include "core/format_number.hpp"
#include "solyte/error.hpp"

namespace solyte::thermal {

namespace {

namespace d = solyte::detail;

std::string num(double v) { return solyte::detail::format_number(v, 4); }

// Robust quadratic in T: least squares, then refits without the rows further than 3 MAD-σ
// from it, ten times. Returns the fitted values and the final residual scale.
std::pair<std::vector<double>, double> robust_quadratic(std::span<const double> x,
                                                        std::span<const double> y) {
  const std::size_t n = x.size();
  const auto [lo_it, hi_it] = std::minmax_element(x.begin(), x.end());
  const double mid = 0.5 * (*lo_it + *hi_it), half = std::max(0.5 * (*hi_it - *lo_it), 1e-12);
  std::vector<char> use(n, 1);
  std::vector<double> fit(n);
  double scale = 0;
  for (int it = 0; it < 10; ++it) {
    std::size_t m = 0;
    for (char u : use) m += u;
    if (m < 3) break;
    Eigen::MatrixXd a(static_cast<Eigen::Index>(m), 3);
    Eigen::VectorXd b(static_cast<Eigen::Index>(m));
    Eigen::Index row = 0;
    for (std::size_t k = 0; k < n; ++k) {
      if (!use[k]) continue;
      const double u = (x[k] - mid) / half;
      a(row, 0) = 1;
      a(row, 1) = u;
      a(row, 2) = u * u;
      b(row++) = y[k];
    }
    const Eigen::Vector3d c = a.colPivHouseholderQr().solve(b);
    std::vector<double> r(n);
    for (std::size_t k = 0; k < n; ++k) {
      const double u = (x[k] - mid) / half;
      fit[k] = c(0) + c(1) * u + c(2) * u * u;
      r[k] = y[k] - fit[k];
    }
    std::vector<double> kept;
    for (std::size_t k = 0; k < n; ++k)
      if (use[k]) kept.push_back(r[k]);
    scale = d::mad_sigma(kept);
    bool changed = false;
    for (std::size_t k = 0; k < n; ++k) {
      const char u = std::abs(r[k]) <= 3 * scale ? 1 : 0;
      changed = changed || u != use[k];
      use[k] = u;
    }
    if (!changed) break;
  }
  return {fit, scale};
}

struct Run {
  std::size_t begin, end;  // rows [begin, end) relative to the segment
  int sign;
};

}  // namespace

std::string_view to_string(ScanDirection d) {
  switch (d) {
    case ScanDirection::heating:
      return "heating";
    case ScanDirection::cooling:
      return "cooling";
    case ScanDirection::isothermal:
      return "isothermal";
  }
  return "heating";
}

std::string_view to_string(EventDirection d) {
  return d == EventDirection::endothermic ? "endothermic" : "exothermic";
}

DscAnalysis analyse_dsc(std::span<const double> t, std::span<const double> temp,
                        std::span<const double> q, const DscOptions& o) {
  const std::size_t n = temp.size();
  if (q.size() != n) throw InvalidArgument("dsc: temperature and heat flow differ in length");
  if (!t.empty() && t.size() != n)
    throw InvalidArgument("dsc: time and temperature differ in length");
  if (n < 10) throw InvalidArgument("dsc: at least 10 rows are needed");
  for (std::size_t k = 0; k < n; ++k)
    if (!std::isfinite(temp[k]) || !std::isfinite(q[k]) || (!t.empty() && !std::isfinite(t[k])))
      throw InvalidArgument("dsc: non-finite value at row " + std::to_string(k + 1));
  if (!o.exo_up)
    throw InvalidArgument(
        "dsc: the sign convention of the heat flow is not known; say whether exo is up or down");
  if (o.heating_rate_k_per_s && !(*o.heating_rate_k_per_s > 0))
    throw InvalidArgument("dsc: the heating rate must be > 0");
  if (!(o.min_relative_height >= 0 && o.min_relative_height < 1))
    throw InvalidArgument("dsc: the minimum relative height must lie in [0, 1)");
  if (!(o.detection_sigma > 0) || !(o.baseline_window_k > 0))
    throw InvalidArgument("dsc: the detection threshold and the baseline window must be > 0");
  for (const auto& w : o.windows_k)
    if (!(w.first != w.second) || !std::isfinite(w.first) || !std::isfinite(w.second))
      throw InvalidArgument("dsc: an event window needs two different temperatures");

  DscAnalysis a;
  a.exo_up = *o.exo_up;
  std::vector<double> qe(n);  // endothermic up
  for (std::size_t k = 0; k < n; ++k) qe[k] = a.exo_up ? -q[k] : q[k];

  // Segments: monotonic runs of T with a 1 K hysteresis.
  {
    std::size_t begin = 0, ext = 0;
    int dir = 0;
    auto close = [&](std::size_t end, int direction) {
      DscSegment s;
      s.begin = begin;
      s.end = end;
      s.t_start_k = temp[begin];
      s.t_end_k = temp[end - 1];
      s.direction = std::abs(s.t_end_k - s.t_start_k) < o.min_segment_span_k
                        ? ScanDirection::isothermal
                        : (direction >= 0 ? ScanDirection::heating : ScanDirection::cooling);
      a.segments.push_back(s);
    };
    for (std::size_t k = 1; k < n; ++k) {
      if (dir == 0) {
        if (std::abs(temp[k] - temp[begin]) > 1.0) {
          dir = temp[k] > temp[begin] ? 1 : -1;
          ext = k;
        }
        continue;
      }
      if ((dir > 0 && temp[k] >= temp[ext]) || (dir < 0 && temp[k] <= temp[ext])) {
        ext = k;
      } else if (std::abs(temp[ext] - temp[k]) > 1.0) {
        close(ext + 1, dir);
        begin = ext;
        dir = -dir;
        ext = k;
      }
    }
    close(n, dir);
  }

  for (std::size_t si = 0; si < a.segments.size(); ++si) {
    DscSegment& seg = a.segments[si];
    const std::size_t m = seg.end - seg.begin;
    a.noise_w_per_g.push_back(0);
    if (seg.direction == ScanDirection::isothermal || m < 10) {
      seg.direction = ScanDirection::isothermal;
      continue;
    }
    const auto ts = temp.subspan(seg.begin, m);
    const auto ys = std::span<const double>(qe).subspan(seg.begin, m);
    if (!t.empty()) {
      try {
        seg.rate_k_per_s = std::abs(d::fit_line(t.subspan(seg.begin, m), ts).slope);
        seg.rate_source = "time column";
      } catch (const NumericalError&) {
      }
    }
    if (!seg.rate_k_per_s && o.heating_rate_k_per_s) {
      seg.rate_k_per_s = *o.heating_rate_k_per_s;
      seg.rate_source = "given";
    }
    const double span = std::abs(seg.t_end_k - seg.t_start_k);
    std::vector<double> steps;
    for (std::size_t k = 0; k + 1 < m; ++k) steps.push_back(std::abs(ts[k + 1] - ts[k]));
    const double step = std::max(d::median(steps), 1e-9);
    const double skip = o.edge_skip_k > 0 ? o.edge_skip_k : std::max(5.0, 0.1 * span);
    const double min_width = o.min_width_k > 0 ? o.min_width_k : 3 * step;
    const double h = o.smoothing_k > 0 ? o.smoothing_k : 2 * step;
    auto progress = [&](std::size_t k) { return std::abs(ts[k] - seg.t_start_k); };

    const auto [fit, scale] = robust_quadratic(ts, ys);
    const double noise = d::noise_sigma(ys);
    // A floor of 1e-5 of the signal keeps exact (synthetic) data from a zero threshold.
    double qmax = 0;
    for (double v : ys) qmax = std::max(qmax, std::abs(v));
    const double sigma = std::max({scale, noise, 1e-5 * qmax, 1e-300});
    a.noise_w_per_g.back() = noise;
    const auto sm = d::smooth(ts, ys, h, 2, 5);
    std::vector<double> r(m);
    for (std::size_t k = 0; k < m; ++k) r[k] = sm[k].value - fit[k];

    // Event limits: detected runs, or the given windows.
    std::vector<Run> runs;
    std::vector<char> given;
    if (o.windows_k.empty()) {
      const double th = o.detection_sigma * sigma;
      std::size_t k = 0;
      while (k < m) {
        if (progress(k) < skip || span - progress(k) < skip || std::abs(r[k]) <= th) {
          ++k;
          continue;
        }
        const int sign = r[k] > 0 ? 1 : -1;
        std::size_t e = k;
        while (e < m && sign * r[e] > th) ++e;
        std::size_t b = k;
        while (b > 0 && sign * r[b - 1] > sigma) --b;
        std::size_t f = e;
        while (f < m && sign * r[f] > sigma) ++f;
        if (!runs.empty() && runs.back().sign == sign && b <= runs.back().end) {
          runs.back().end = std::max(runs.back().end, f);
        } else {
          if (!runs.empty() && b < runs.back().end) b = runs.back().end;  // opposite sign: split
          runs.push_back({b, f, sign});
        }
        k = std::max(f, k + 1);
      }
      std::erase_if(runs, [&](const Run& run) {
        return run.end <= run.begin + 2 || std::abs(ts[run.end - 1] - ts[run.begin]) < min_width;
      });
      given.assign(runs.size(), 0);
    } else {
      for (const auto& w : o.windows_k) {
        const double lo = std::min(w.first, w.second), hi = std::max(w.first, w.second);
        const double seg_lo = std::min(seg.t_start_k, seg.t_end_k),
                     seg_hi = std::max(seg.t_start_k, seg.t_end_k);
        if (lo < seg_lo || hi > seg_hi) continue;
        std::size_t b = m, f = 0;
        for (std::size_t k = 0; k < m; ++k)
          if (ts[k] >= lo && ts[k] <= hi) {
            b = std::min(b, k);
            f = std::max(f, k + 1);
          }
        if (b + 3 > f) continue;
        double big = 0;
        for (std::size_t k = b; k < f; ++k)
          if (std::abs(r[k]) > std::abs(big)) big = r[k];
        runs.push_back({b, f, big >= 0 ? 1 : -1});
      }
      given.assign(runs.size(), 1);
    }

    // One event from run ri, its baseline fitted beside it outside the other runs.
    auto make_event = [&](std::size_t ri) {
      const Run& run = runs[ri];
      DscEvent ev;
      ev.segment = si;
      ev.window_given = given[ri] != 0;
      ev.direction = run.sign > 0 ? EventDirection::endothermic : EventDirection::exothermic;
      ev.start_k = ts[run.begin];
      ev.stop_k = ts[run.end - 1];
      // Integration baseline: rows within the window before and after, outside other events.
      std::vector<double> bx, by;
      const double w = o.baseline_window_k;
      for (std::size_t k = 0; k < m; ++k) {
        const double p = progress(k);
        const bool before = p < progress(run.begin) && p >= progress(run.begin) - w;
        const bool after = p > progress(run.end - 1) && p <= progress(run.end - 1) + w;
        if (!before && !after) continue;
        bool inside_other = false;
        for (std::size_t rj = 0; rj < runs.size(); ++rj)
          if (rj != ri && k >= runs[rj].begin && k < runs[rj].end) inside_other = true;
        if (inside_other) continue;
        bx.push_back(ts[k]);
        by.push_back(ys[k]);
      }
      ev.baseline_points = bx.size();
      double b0 = 0, b1 = 0;
      bool have_line = false;
      if (bx.size() >= 2) {
        try {
          const auto line = d::fit_line(bx, by);
          b0 = line.intercept;
          b1 = line.slope;
          have_line = true;
        } catch (const NumericalError&) {
        }
      }
      if (!have_line) {
        // Fall back on the detection baseline through the limits.
        const double y0 = fit[run.begin], y1 = fit[run.end - 1];
        const double dx = ts[run.end - 1] - ts[run.begin];
        b1 = dx != 0 ? (y1 - y0) / dx : 0;
        b0 = y0 - b1 * ts[run.begin];
        ev.message =
            "too few rows beside the event for the baseline; the detection baseline is used; ";
      }
      ev.baseline_intercept_w_per_g = b0;
      ev.baseline_slope_w_per_g_k = b1;
      std::vector<double> x(m), xs(m);
      for (std::size_t k = 0; k < m; ++k) {
        x[k] = ys[k] - (b0 + b1 * ts[k]);
        xs[k] = sm[k].value - (b0 + b1 * ts[k]);
      }
      const double sign = run.sign;
      std::size_t pk = run.begin;
      for (std::size_t k = run.begin; k < run.end; ++k)
        if (sign * x[k] > sign * x[pk]) pk = k;
      ev.peak_k = ts[pk];
      if (pk > run.begin && pk + 1 < run.end) {  // vertex of the parabola through 3 points
        const double x0 = ts[pk - 1], x1 = ts[pk], x2 = ts[pk + 1];
        const double y0 = x[pk - 1], y1 = x[pk], y2 = x[pk + 1];
        const double den = (x0 - x1) * (x0 - x2) * (x1 - x2);
        if (den != 0) {
          const double aa = (x2 * (y1 - y0) + x1 * (y0 - y2) + x0 * (y2 - y1)) / den;
          const double bb = (x2 * x2 * (y0 - y1) + x1 * x1 * (y2 - y0) + x0 * x0 * (y1 - y2)) / den;
          if (aa * sign < 0)
            ev.peak_k = std::clamp(-bb / (2 * aa), std::min(x0, x2), std::max(x0, x2));
        }
      }
      ev.peak_excess_w_per_g = std::max(0.0, sign * x[pk]);
      // Tangents at the steepest points of the leading and trailing edges, in scan order: the
      // slope of sign·x against progress is largest before the peak and most negative after it.
      const double dir = seg.direction == ScanDirection::heating ? 1.0 : -1.0;
      std::optional<std::size_t> lead, trail;
      for (std::size_t k = run.begin; k < run.end; ++k) {
        const double g = sign * dir * sm[k].slope - sign * dir * b1;  // d(sign·x)/d(progress)
        if (k <= pk && g > 0 && (!lead || g > sign * dir * (sm[*lead].slope - b1))) lead = k;
        if (k >= pk && g < 0 && (!trail || g < sign * dir * (sm[*trail].slope - b1))) trail = k;
      }
      auto hit_zero = [&](std::size_t k) {
        const double slope = sm[k].slope - b1;  // dx/dT
        return ts[k] - xs[k] / slope;
      };
      if (lead)
        ev.onset_k = hit_zero(*lead);
      else
        ev.message += "no rising edge for the onset tangent; ";
      if (trail)
        ev.end_k = hit_zero(*trail);
      else
        ev.message += "no falling edge for the end tangent; ";
      // Enthalpy.
      if (!t.empty()) {
        const auto tt = t.subspan(seg.begin, m);
        ev.enthalpy_j_per_g = d::trapezoid(tt, x, run.begin, run.end);
      } else if (seg.rate_k_per_s) {
        double integral = 0;  // ∫ x d(progress)
        for (std::size_t k = run.begin; k + 1 < run.end; ++k)
          integral += 0.5 * (x[k] + x[k + 1]) * std::abs(ts[k + 1] - ts[k]);
        ev.enthalpy_j_per_g = integral / *seg.rate_k_per_s;
      } else {
        ev.message += "no time column and no heating rate: no enthalpy; ";
      }
      return ev;
    };
    // Detected runs whose excess over their own baseline does not reach the threshold were
    // curvature of the detection baseline, not events: drop them and refit the neighbours.
    std::vector<DscEvent> found;
    for (int pass = 0; pass < 5; ++pass) {
      found.clear();
      std::vector<Run> kept;
      std::vector<char> kept_given;
      for (std::size_t ri = 0; ri < runs.size(); ++ri) {
        DscEvent ev = make_event(ri);
        if (!given[ri] && ev.peak_excess_w_per_g < o.detection_sigma * sigma) continue;
        found.push_back(ev);
        kept.push_back(runs[ri]);
        kept_given.push_back(given[ri]);
      }
      const bool same = kept.size() == runs.size();
      runs = std::move(kept);
      given = std::move(kept_given);
      if (same) break;
    }
    double largest = 0;
    for (const auto& ev : found) largest = std::max(largest, ev.peak_excess_w_per_g);
    for (auto& ev : found)
      if (ev.window_given || ev.peak_excess_w_per_g >= o.min_relative_height * largest)
        a.events.push_back(std::move(ev));
  }
  bool any = false;
  for (const auto& s : a.segments) any = any || s.direction != ScanDirection::isothermal;
  if (!any)
    a.notes.push_back("no heating or cooling segment spans " + num(o.min_segment_span_k) + " K");
  return a;
}

DscAnalysis analyse_dsc(const Measurement& m, const DscOptions& o,
                        std::optional<double> sample_mass_kg) {
  const auto& temp = m.require(Quantity::temperature).values;
  std::vector<double> q;
  if (const Column* c = m.find(Quantity::specific_heat_flow)) {
    q = c->values;
  } else if (const Column* w = m.find(Quantity::heat_flow)) {
    const auto mass = sample_mass_kg ? sample_mass_kg : m.meta.sample_mass_kg;
    if (!mass || !(*mass > 0))
      throw InvalidArgument(m.label() +
                            ": the heat flow is in W; the sample mass is needed for W/g");
    for (double v : w->values) q.push_back(v / (*mass * 1e3));
  } else {
    m.require(Quantity::specific_heat_flow);  // throws, naming the columns present
  }
  DscOptions opt = o;
  if (!opt.exo_up) opt.exo_up = m.meta.exo_up;
  if (!opt.heating_rate_k_per_s && m.meta.heating_rate_k_per_s)
    opt.heating_rate_k_per_s = m.meta.heating_rate_k_per_s;
  const Column* t = m.find(Quantity::time);
  auto a =
      analyse_dsc(t ? std::span<const double>(t->values) : std::span<const double>{}, temp, q, opt);
  if (!o.heating_rate_k_per_s && m.meta.heating_rate_k_per_s)
    for (auto& s : a.segments)
      if (s.rate_source == "given") s.rate_source = "record";
  return a;
}

}  // namespace solyte::thermal
