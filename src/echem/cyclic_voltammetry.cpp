#include "solyte/echem/cyclic_voltammetry.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/curve_ops.hpp"
#include "core/format_number.hpp"
#include "solyte/error.hpp"

namespace solyte::echem {

namespace {

namespace d = solyte::detail;

std::string num(double v) { return solyte::detail::format_number(v, 4); }

std::string window_text(std::pair<double, double> w) { return num(w.first) + ":" + num(w.second); }

void check_finite(std::span<const double> v, const char* what) {
  for (std::size_t i = 0; i < v.size(); ++i)
    if (!std::isfinite(v[i]))
      throw InvalidArgument(std::string("cv: non-finite ") + what + " at row " +
                            std::to_string(i + 1));
}

// Upward crossing of f = 0 that starts the excursion containing index s: the last index j < s
// with f[j] < 0 (then f > 0 on (j, s]); if f[s] < 0, the first crossing after s. Returns the
// interpolated x, or nullopt.
std::optional<double> crossing_into(std::span<const double> x, const std::vector<double>& f,
                                    std::size_t from, std::size_t s) {
  auto interp = [&](std::size_t lo, std::size_t hi) {
    const double df = f[hi] - f[lo];
    return df == 0 ? x[hi] : x[lo] + (x[hi] - x[lo]) * (0 - f[lo]) / df;
  };
  if (f[s] >= 0) {
    std::size_t j = s;
    while (j > from && f[j - 1] >= 0) --j;
    if (j == from) return std::nullopt;  // already above at the start of the search
    return interp(j - 1, j);
  }
  for (std::size_t j = s + 1; j < f.size(); ++j)
    if (f[j] >= 0) return interp(j - 1, j);
  return std::nullopt;
}

struct Smoothed {
  std::vector<double> value, slope;
};

Smoothed smooth_current(std::span<const double> e, std::span<const double> i, double h) {
  Smoothed s;
  const auto sm = d::smooth(e, i, h, 3, 7);
  for (const auto& p : sm) {
    s.value.push_back(p.value);
    s.slope.push_back(p.slope);
  }
  return s;
}

// Index of the maximum slope among rows with e in (lo, hi].
std::optional<std::size_t> steepest(std::span<const double> e, const Smoothed& s, double lo,
                                    double hi) {
  std::optional<std::size_t> best;
  for (std::size_t k = 0; k < e.size(); ++k)
    if (e[k] > lo && e[k] <= hi && (!best || s.slope[k] > s.slope[*best])) best = k;
  return best;
}

}  // namespace

std::string_view to_string(SweepDirection d) {
  return d == SweepDirection::anodic ? "anodic" : "cathodic";
}

std::string_view reversibility(double ratio) {
  if (ratio > cathodic_excess_ratio) return "cathodic excess";
  if (ratio >= reversible_ratio) return "reversible";
  if (ratio <= irreversible_ratio) return "irreversible";
  return "partly reversible";
}

std::string_view to_string(EdgeMethod m) {
  switch (m) {
    case EdgeMethod::tangent:
      return "tangent";
    case EdgeMethod::threshold:
      return "threshold";
    case EdgeMethod::deviation:
      return "deviation";
  }
  return "tangent";
}

std::optional<EdgeMethod> edge_method_from_string(std::string_view name) {
  if (name == "tangent") return EdgeMethod::tangent;
  if (name == "threshold") return EdgeMethod::threshold;
  if (name == "deviation") return EdgeMethod::deviation;
  return std::nullopt;
}

std::vector<Sweep> split_sweeps(std::span<const double> e, std::span<const double> t,
                                std::span<const double> cycle, double min_reversal_v) {
  const std::size_t n = e.size();
  if (n < 3) throw InvalidArgument("cv: at least 3 rows are needed");
  if (!t.empty() && t.size() != n) throw InvalidArgument("cv: time and potential differ in length");
  if (!cycle.empty() && cycle.size() != n)
    throw InvalidArgument("cv: cycle and potential differ in length");
  if (!(min_reversal_v > 0)) throw InvalidArgument("cv: the reversal threshold must be > 0");
  check_finite(e, "potential");
  check_finite(t, "time");
  std::vector<Sweep> out;
  std::size_t begin = 0, ext = 0;
  int dir = 0;  // +1 anodic, −1 cathodic, 0 not yet known
  auto close = [&](std::size_t end, int direction) {
    Sweep s;
    s.begin = begin;
    s.end = end;
    s.direction = direction >= 0 ? SweepDirection::anodic : SweepDirection::cathodic;
    s.e_start_v = e[begin];
    s.e_end_v = e[end - 1];
    out.push_back(s);
  };
  for (std::size_t k = 1; k < n; ++k) {
    if (dir == 0) {
      if (std::abs(e[k] - e[begin]) > min_reversal_v) {
        dir = e[k] > e[begin] ? 1 : -1;
        ext = k;
      } else if ((e[k] - e[begin]) * (e[ext] - e[begin]) >= 0 &&
                 std::abs(e[k] - e[begin]) > std::abs(e[ext] - e[begin])) {
        ext = k;
      }
      continue;
    }
    if ((dir > 0 && e[k] >= e[ext]) || (dir < 0 && e[k] <= e[ext])) {
      ext = k;
    } else if (std::abs(e[ext] - e[k]) > min_reversal_v) {
      close(ext + 1, dir);
      begin = ext;  // the vertex belongs to both sweeps
      dir = -dir;
      ext = k;
    }
  }
  close(n, dir == 0 ? 1 : dir);
  int c = 1;
  bool seen_anodic = false;
  for (auto& s : out) {
    if (s.direction == SweepDirection::anodic) {
      if (seen_anodic) ++c;
      seen_anodic = true;
    }
    // The first row is the vertex shared with the previous sweep: take the cycle after it.
    const std::size_t row = s.end - s.begin > 1 ? s.begin + 1 : s.begin;
    s.cycle = cycle.empty() ? c : static_cast<int>(std::lround(cycle[row]));
    if (!t.empty() && s.end - s.begin >= 3) {
      try {
        s.scan_rate_v_per_s = std::abs(
            d::fit_line(t.subspan(s.begin, s.end - s.begin), e.subspan(s.begin, s.end - s.begin))
                .slope);
      } catch (const NumericalError&) {
      }
    }
  }
  return out;
}

EdgeResult edge_potential(std::span<const double> e, std::span<const double> i_raw,
                          EdgeMethod method, const EdgeOptions& o, std::optional<double> area_m2) {
  const std::size_t n = e.size();
  if (i_raw.size() != n) throw InvalidArgument("cv: potential and current differ in length");
  if (n < 10) throw InvalidArgument("cv: an edge needs a sweep of at least 10 points");
  check_finite(e, "potential");
  check_finite(i_raw, "current");
  std::vector<double> current(i_raw.begin(), i_raw.end());
  const std::size_t despiked = o.despike ? d::hampel(current, 5, 5.0) : 0;
  const std::span<const double> i = current;
  if (!(o.smoothing_v > 0)) throw InvalidArgument("cv: the smoothing half-width must be > 0");
  if (!(o.baseline_width_v > 0)) throw InvalidArgument("cv: the baseline width must be > 0");
  if (!(o.deviation_k > 0)) throw InvalidArgument("cv: the deviation factor k must be > 0");
  EdgeResult r;
  r.method = method;
  r.despiked = despiked;
  const double e0 = *std::min_element(e.begin(), e.end());
  const double e1 = *std::max_element(e.begin(), e.end());
  const Smoothed s = smooth_current(e, i, o.smoothing_v);
  double lo = e0, hi = e1;
  if (o.search_window_v) {
    lo = std::min(o.search_window_v->first, o.search_window_v->second);
    hi = std::max(o.search_window_v->first, o.search_window_v->second);
  }
  // The start of an anodic sweep carries the capacitive turn-around; the baseline is not
  // sought there.
  const double skip = std::max(0.05 * (e1 - e0), 2 * o.smoothing_v);

  if (o.baseline_window_v) {
    r.baseline_window_v = {std::min(o.baseline_window_v->first, o.baseline_window_v->second),
                           std::max(o.baseline_window_v->first, o.baseline_window_v->second)};
    r.baseline_window_auto = false;
  } else {
    const auto first = steepest(e, s, std::max(lo, e0 + skip), hi);
    const double top = first ? e[*first] - o.smoothing_v : e1;
    const double w = o.baseline_width_v;
    // Candidate windows from the rise downwards; the highest one that is about as flat as the
    // flattest (within twice its range, plus 4σ of noise, plus 0.1 % of the sweep's current
    // span) is taken, so that the baseline sits just below the rise.
    const double noise = d::noise_sigma(i);
    const auto [i_lo, i_hi] = std::minmax_element(s.value.begin(), s.value.end());
    std::vector<std::pair<double, double>> candidates;  // (start, range of smoothed current)
    for (double a = top - w; a >= e0 + skip - 1e-12; a -= w / 4) {
      double mn = std::numeric_limits<double>::infinity(), mx = -mn;
      std::size_t count = 0;
      for (std::size_t k = 0; k < n; ++k)
        if (e[k] >= a && e[k] <= a + w) {
          mn = std::min(mn, s.value[k]);
          mx = std::max(mx, s.value[k]);
          ++count;
        }
      if (count >= 5) candidates.emplace_back(a, mx - mn);
    }
    std::optional<double> best_a;
    if (!candidates.empty()) {
      double flattest = std::numeric_limits<double>::infinity();
      for (const auto& c : candidates) flattest = std::min(flattest, c.second);
      const double accept = 2 * flattest + 4 * noise + 1e-3 * (*i_hi - *i_lo);
      for (const auto& c : candidates)
        if (c.second <= accept) {
          best_a = c.first;
          break;
        }
    }
    if (!best_a) {
      best_a = e0 + skip;
      r.message = "sweep too short for a baseline window of " + num(w) + " V below the rise; ";
    }
    r.baseline_window_v = {*best_a, *best_a + w};
  }
  std::vector<double> be, bi;
  for (std::size_t k = 0; k < n; ++k)
    if (e[k] >= r.baseline_window_v.first && e[k] <= r.baseline_window_v.second) {
      be.push_back(e[k]);
      bi.push_back(i[k]);
    }
  if (be.size() < 3)
    throw InvalidArgument("cv: the baseline window " + window_text(r.baseline_window_v) +
                          " V holds " + std::to_string(be.size()) + " points, at least 3 needed");
  d::Line base;
  try {
    base = d::fit_line(be, bi);
  } catch (const NumericalError&) {
    throw InvalidArgument("cv: the baseline window " + window_text(r.baseline_window_v) +
                          " V spans no potential");
  }
  r.baseline_intercept_a = base.intercept;
  r.baseline_slope_a_per_v = base.slope;
  r.baseline_rms_a = base.rms;

  const auto st = steepest(e, s, std::max(lo, r.baseline_window_v.second), hi);
  if (!st) {
    r.message += "no point above the baseline window to look for the rise";
    return r;
  }
  const std::size_t k = *st;
  r.steepest_v = e[k];
  r.steepest_current_a = s.value[k];
  r.steepest_slope_a_per_v = s.slope[k];
  if (e1 - r.steepest_v < o.smoothing_v)
    r.message += "the steepest rise is at the end of the sweep: the edge may lie beyond it; ";

  // Rows in ascending potential for the crossing searches.
  const auto order = d::ascending_order(e);
  std::vector<double> es(n), f(n);
  std::size_t ks = 0, from = 0;
  for (std::size_t j = 0; j < n; ++j) {
    es[j] = e[order[j]];
    if (order[j] == k) ks = j;
  }
  switch (method) {
    case EdgeMethod::tangent: {
      const double m = r.steepest_slope_a_per_v, c = base.slope;
      if (!(m > c)) {
        r.message += "the current never rises faster than the baseline";
        return r;
      }
      r.edge_v = (base.intercept - r.steepest_current_a + m * r.steepest_v) / (m - c);
      return r;
    }
    case EdgeMethod::threshold: {
      if (o.threshold_a) {
        r.criterion_a = *o.threshold_a;
      } else {
        if (!area_m2 || !(*area_m2 > 0))
          throw InvalidArgument(
              "cv: the threshold method needs the electrode area (or a current threshold)");
        r.criterion_a = o.threshold_a_per_m2 * *area_m2;
      }
      for (std::size_t j = 0; j < n; ++j) f[j] = s.value[order[j]] - r.criterion_a;
      break;
    }
    case EdgeMethod::deviation: {
      r.criterion_a = o.deviation_k * base.rms;
      for (std::size_t j = 0; j < n; ++j)
        f[j] = s.value[order[j]] - base.value(es[j]) - r.criterion_a;
      while (from < n && es[from] < r.baseline_window_v.first) ++from;
      break;
    }
  }
  r.edge_v = crossing_into(es, f, from, ks);
  if (!r.edge_v)
    r.message += f[ks] >= 0 ? "the criterion already holds at the lower end of the search"
                            : "the current never meets the criterion";
  return r;
}

CvAnalysis analyse_cv(std::span<const double> t, std::span<const double> e,
                      std::span<const double> i, std::span<const double> cycle,
                      const CvOptions& o) {
  if (i.size() != e.size()) throw InvalidArgument("cv: potential and current differ in length");
  check_finite(i, "current");
  if (o.area_m2 && !(*o.area_m2 > 0)) throw InvalidArgument("cv: the electrode area must be > 0");
  if (o.methods.empty()) throw InvalidArgument("cv: no edge method requested");
  CvAnalysis a;
  a.area_m2 = o.area_m2;
  a.sweeps = split_sweeps(e, t, cycle, o.min_reversal_v);

  std::vector<int> present;
  for (std::size_t k = 0; k < a.sweeps.size(); ++k) {
    const Sweep& sw = a.sweeps[k];
    if (sw.direction != SweepDirection::anodic) continue;
    if (std::find(present.begin(), present.end(), sw.cycle) == present.end())
      present.push_back(sw.cycle);
  }
  if (o.cycle && std::find(present.begin(), present.end(), *o.cycle) == present.end()) {
    std::string list;
    for (int c : present) list += (list.empty() ? "" : ", ") + std::to_string(c);
    throw InvalidArgument("cv: no anodic sweep in cycle " + std::to_string(*o.cycle) +
                          " (cycles with one: " + (list.empty() ? "none" : list) + ")");
  }
  for (int c : present) {
    if (o.cycle && c != *o.cycle) continue;
    CvCycle cy;
    cy.cycle = c;
    std::size_t best = 0;
    double width = -1;
    for (std::size_t k = 0; k < a.sweeps.size(); ++k) {
      const Sweep& sw = a.sweeps[k];
      if (sw.direction == SweepDirection::anodic && sw.cycle == c &&
          sw.e_end_v - sw.e_start_v > width) {
        width = sw.e_end_v - sw.e_start_v;
        best = k;
      }
    }
    cy.anodic = a.sweeps[best];
    if (best + 1 < a.sweeps.size()) cy.reverse = a.sweeps[best + 1];
    const auto span_e = e.subspan(cy.anodic.begin, cy.anodic.end - cy.anodic.begin);
    const auto span_i = i.subspan(cy.anodic.begin, cy.anodic.end - cy.anodic.begin);
    if (span_e.size() < 10) {
      cy.notes.push_back("anodic sweep of " + std::to_string(span_e.size()) +
                         " points: too short for an edge");
    } else {
      for (EdgeMethod m : o.methods)
        cy.edges.push_back(edge_potential(span_e, span_i, m, o.edge, o.area_m2));
    }

    // Peaks on the anodic sweep (maxima) and its return (minima).
    auto find = [&](const Sweep& sw) {
      const auto se = e.subspan(sw.begin, sw.end - sw.begin);
      const auto raw = i.subspan(sw.begin, sw.end - sw.begin);
      if (se.size() < 10) return;
      std::vector<double> si(raw.begin(), raw.end());
      if (o.edge.despike) d::hampel(si, 5, 5.0);
      const double noise = d::noise_sigma(si);
      const auto sm = d::smooth(se, si, o.edge.smoothing_v, 2, 5);
      const double sign = sw.direction == SweepDirection::anodic ? 1.0 : -1.0;
      std::vector<double> v;
      for (const auto& p : sm) v.push_back(sign * p.value);
      const auto [mn, mx] = std::minmax_element(v.begin(), v.end());
      const double floor =
          std::max(o.peak_min_relative_prominence * (*mx - *mn), o.peak_min_snr * noise);
      for (const auto& m : d::maxima(v, floor)) {
        if (!(v[m.index] > 0)) continue;  // an anodic peak has i > 0, a cathodic one i < 0
        if (std::abs(se[m.index] - se.front()) < o.edge.smoothing_v ||
            std::abs(se[m.index] - se.back()) < o.edge.smoothing_v)
          continue;  // a vertex, not a peak
        cy.peaks.push_back({sw.direction, se[m.index], sm[m.index].value, m.prominence});
      }
    };
    find(cy.anodic);
    if (cy.reverse) find(*cy.reverse);

    // Charge balance over the window (of an anodic sweep long enough for an edge).
    if (span_e.size() < 10) {
      // already noted
    } else if (!t.empty() && cy.reverse) {
      std::optional<double> first_edge;
      for (const auto& ed : cy.edges)
        if (ed.edge_v) {
          first_edge = ed.edge_v;
          break;
        }
      ChargeBalance q;
      const double vertex = cy.anodic.e_end_v;
      if (o.charge_window_v)
        q.window_v = {std::min(o.charge_window_v->first, o.charge_window_v->second),
                      std::max(o.charge_window_v->first, o.charge_window_v->second)};
      else
        q.window_v = {first_edge ? std::min(*first_edge, vertex) : cy.anodic.e_start_v, vertex};
      // Charge of one sign only: anodic current on the anodic sweep, cathodic current on the
      // return (an oxidation that continues on the return does not count as returned charge).
      auto charge = [&](const Sweep& sw, double sign) {
        double qc = 0;
        for (std::size_t k = sw.begin; k + 1 < sw.end; ++k) {
          const double em = 0.5 * (e[k] + e[k + 1]);
          if (em < q.window_v.first || em > q.window_v.second) continue;
          const double a = std::max(sign * i[k], 0.0), b = std::max(sign * i[k + 1], 0.0);
          qc += 0.5 * (a + b) * std::abs(t[k + 1] - t[k]);
        }
        return qc;
      };
      q.anodic_c = charge(cy.anodic, 1.0);
      q.cathodic_c = charge(*cy.reverse, -1.0);
      if (q.anodic_c > 0) {
        q.ratio = q.cathodic_c / q.anodic_c;
        cy.charge = q;
      } else {
        cy.notes.push_back("no anodic charge in the window " + window_text(q.window_v) +
                           " V: no charge ratio");
      }
    } else if (t.empty()) {
      cy.notes.push_back("no time column: no charges");
    } else {
      cy.notes.push_back("the record ends during this anodic sweep (at " + num(cy.anodic.e_end_v) +
                         " V): no return sweep, no charge ratio");
    }
    a.cycles.push_back(std::move(cy));
  }
  if (a.cycles.empty()) a.notes.push_back("the record holds no anodic sweep");
  return a;
}

CvAnalysis analyse_cv(const Measurement& m, const CvOptions& o) {
  const auto& e = m.require(Quantity::potential).values;
  const auto& i = m.require(Quantity::current).values;
  const Column* t = m.find(Quantity::time);
  const Column* c = m.find(Quantity::cycle);
  CvOptions opt = o;
  if (!opt.area_m2 && m.meta.electrode_area_m2) opt.area_m2 = m.meta.electrode_area_m2;
  return analyse_cv(t ? std::span<const double>(t->values) : std::span<const double>{}, e, i,
                    c ? std::span<const double>(c->values) : std::span<const double>{}, opt);
}

}  // namespace solyte::echem
