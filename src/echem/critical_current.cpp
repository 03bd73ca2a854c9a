#include "solyte/echem/critical_current.hpp"

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

// Rows [begin, end) of one constant-current stretch.
struct Stretch {
  std::size_t begin, end;
  double current_a;
};

std::vector<Stretch> stretches_from_current(std::span<const double> i, double rest, double tol) {
  std::vector<Stretch> out;
  const std::size_t n = i.size();
  std::size_t k = 0;
  while (k < n) {
    if (std::abs(i[k]) <= rest) {
      ++k;
      continue;
    }
    const double ref = i[k];
    std::size_t j = k + 1;
    while (j < n && std::abs(i[j]) > rest && (i[j] > 0) == (ref > 0) &&
           std::abs(i[j] - ref) <= tol * std::abs(ref))
      ++j;
    std::vector<double> part(i.begin() + static_cast<std::ptrdiff_t>(k),
                             i.begin() + static_cast<std::ptrdiff_t>(j));
    out.push_back({k, j, d::median(std::move(part))});
    k = j;
  }
  return out;
}

// Splits stretches longer than `duration` into sweeps: a new sweep starts at the first row
// later than its start + duration (1e-6 relative slack for rounding of the time stamps).
std::vector<Stretch> split_by_duration(const std::vector<Stretch>& in, std::span<const double> t,
                                       double duration) {
  std::vector<Stretch> out;
  for (const auto& s : in) {
    std::size_t b = s.begin;
    for (std::size_t k = s.begin + 1; k < s.end; ++k)
      if (t[k] - t[b] > duration * (1 + 1e-6)) {
        out.push_back({b, k, s.current_a});
        b = k;
      }
    out.push_back({b, s.end, s.current_a});
  }
  return out;
}

// Time-weighted median of |V| over the rows of a sweep with t in [a, b) (or [a, b]). Each row
// stands for half the time to its neighbours: recorders that log on a change of voltage put
// many rows into spikes and few into plateaus, and a median over rows would follow the spikes.
class Window {
 public:
  Window(std::span<const double> t, std::span<const double> v) : t_(t), v_(v), w_(t.size()) {
    const std::size_t n = t.size();
    for (std::size_t k = 0; k < n; ++k) {
      const double lo = k > 0 ? t[k - 1] : t[k], hi = k + 1 < n ? t[k + 1] : t[k];
      w_[k] = 0.5 * (hi - lo);
    }
    if (n == 1) w_[0] = 1;
  }
  double median(double a, double b, bool closed) const {
    const auto lo =
        static_cast<std::size_t>(std::lower_bound(t_.begin(), t_.end(), a) - t_.begin());
    const auto hi = static_cast<std::size_t>((closed ? std::upper_bound(t_.begin(), t_.end(), b)
                                                     : std::lower_bound(t_.begin(), t_.end(), b)) -
                                             t_.begin());
    values_.clear();
    weights_.clear();
    for (std::size_t k = lo; k < hi; ++k) {
      values_.push_back(std::abs(v_[k]));
      weights_.push_back(w_[k]);
    }
    const double m = d::weighted_median(values_, weights_);
    return std::isfinite(m) ? m : d::median(values_);  // rows at one instant: plain median
  }
  std::size_t count(double a, double b) const {
    return static_cast<std::size_t>(std::upper_bound(t_.begin(), t_.end(), b) -
                                    std::lower_bound(t_.begin(), t_.end(), a));
  }

 private:
  std::span<const double> t_, v_;
  std::vector<double> w_;
  mutable std::vector<double> values_, weights_;
};

void check_options(const CcdOptions& o) {
  if (!(o.area_m2 > 0) || !std::isfinite(o.area_m2))
    throw InvalidArgument("ccd: the electrode area must be > 0 (give --area)");
  auto fraction = [](double f, const char* what) {
    if (!(f > 0 && f < 1))
      throw InvalidArgument(std::string("ccd: ") + what + " must lie in (0, 1)");
  };
  fraction(o.drop_fraction, "the drop fraction");
  fraction(o.current_tolerance, "the current tolerance");
  if (!(o.transient_fraction >= 0 && o.transient_fraction < 1))
    throw InvalidArgument("ccd: the transient fraction must lie in [0, 1)");
  for (double v : {o.drop_window_s, o.persist_s, o.short_duration_s, o.rest_current_a})
    if (!(v >= 0) || !std::isfinite(v))
      throw InvalidArgument("ccd: windows and the rest current must be >= 0");
  if (!(o.short_voltage_v >= 0) || !std::isfinite(o.short_voltage_v))
    throw InvalidArgument("ccd: the short voltage must be >= 0");
  if (o.sweep_duration_s && !(*o.sweep_duration_s > 0))
    throw InvalidArgument("ccd: the sweep duration must be > 0");
  if (o.constant_current_a &&
      (!(*o.constant_current_a != 0) || !std::isfinite(*o.constant_current_a)))
    throw InvalidArgument("ccd: the constant current must be non-zero and finite");
}

}  // namespace

std::string_view to_string(CellEventKind k) {
  return k == CellEventKind::penetration ? "penetration" : "short";
}

CcdResult analyse_ccd(std::span<const double> t, std::span<const double> v,
                      std::span<const double> i, const CcdOptions& o) {
  check_options(o);
  const std::size_t n = v.size();
  if (t.size() != n) throw InvalidArgument("ccd: time and voltage differ in length");
  if (!i.empty() && i.size() != n)
    throw InvalidArgument("ccd: current and voltage differ in length");
  if (n < 3) throw InvalidArgument("ccd: at least 3 rows are needed");
  for (std::size_t k = 0; k < n; ++k) {
    if (!std::isfinite(t[k]) || !std::isfinite(v[k]) || (!i.empty() && !std::isfinite(i[k])))
      throw InvalidArgument("ccd: non-finite value at row " + std::to_string(k + 1));
    if (k > 0 && t[k] < t[k - 1])
      throw InvalidArgument("ccd: time runs backwards at row " + std::to_string(k + 1));
  }
  CcdResult r;
  std::vector<Stretch> parts;
  if (!i.empty()) {
    double imax = 0;
    for (double c : i) imax = std::max(imax, std::abs(c));
    if (!(imax > 0)) throw InvalidArgument("ccd: the current is zero throughout the record");
    r.rest_current_a = o.rest_current_a > 0 ? o.rest_current_a : 0.01 * imax;
    parts = stretches_from_current(i, r.rest_current_a, o.current_tolerance);
    r.current_source = "record";
    if (o.constant_current_a)
      r.notes.push_back("the record has a current column; the given constant current is not used");
  } else {
    if (!o.constant_current_a)
      throw InvalidArgument(
          "ccd: the record has no current column; give the applied current (--current)");
    parts.push_back({0, n, *o.constant_current_a});
    r.current_source = "constant (given)";
    if (!o.sweep_duration_s)
      r.notes.push_back("no current column and no sweep duration: the record is one sweep");
  }
  if (o.sweep_duration_s) parts = split_by_duration(parts, t, *o.sweep_duration_s);
  if (i.empty() && o.alternate)
    for (std::size_t k = 0; k < parts.size(); ++k)
      if (k % 2 == 1) parts[k].current_a = -parts[k].current_a;

  std::vector<double> dts;
  for (std::size_t k = 0; k + 1 < n; ++k)
    if (t[k + 1] > t[k]) dts.push_back(t[k + 1] - t[k]);
  const double dt = dts.empty() ? 0.0 : d::median(dts);

  std::size_t dropped = 0;
  for (const auto& p : parts) {
    if (p.end - p.begin < 3 || !(t[p.end - 1] > t[p.begin])) {
      ++dropped;
      continue;
    }
    CcdSweep s;
    s.begin = p.begin;
    s.end = p.end;
    s.t_start_s = t[p.begin];
    s.duration_s = t[p.end - 1] - t[p.begin];
    s.current_a = p.current_a;
    s.current_density_a_per_m2 = p.current_a / o.area_m2;
    const double jabs = std::abs(s.current_density_a_per_m2);
    s.charge_c_per_m2 = jabs * s.duration_s;
    const auto ts = t.subspan(p.begin, p.end - p.begin);
    const auto vs = v.subspan(p.begin, p.end - p.begin);
    std::vector<double> av(vs.size());
    for (std::size_t k = 0; k < vs.size(); ++k) av[k] = std::abs(vs[k]);
    s.mean_abs_v = d::trapezoid(ts, av, 0, av.size()) / s.duration_s;
    s.peak_abs_v = *std::max_element(av.begin(), av.end());
    s.transient_s = o.transient_fraction * s.duration_s;
    s.drop_window_s = o.drop_window_s > 0 ? o.drop_window_s : std::max(0.02 * s.duration_s, 3 * dt);
    s.persist_s = o.persist_s > 0 ? o.persist_s : 3 * s.drop_window_s;
    s.short_duration_s = o.short_duration_s > 0 ? o.short_duration_s : s.drop_window_s;
    const Window win(ts, vs);
    const double t0 = ts.front(), t1 = ts.back();
    s.plateau_abs_v = win.median(t0 + s.transient_s, t1, true);
    s.final_abs_v = win.median(t1 - s.drop_window_s, t1, true);
    s.asr_ohm_m2 = s.plateau_abs_v / jabs;

    // Events of this sweep, in time order.
    const std::size_t index = r.sweeps.size();
    const double w = s.drop_window_s;
    double resume = t0 + s.transient_s + w;  // B needs a full window after the transient
    bool shorted = false;
    // Candidate times at least w/20 apart: finer than any window, and a burst of rows logged
    // within a fraction of a second costs one evaluation.
    double last_tau = -std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k < ts.size() && !shorted; ++k) {
      const double tau = ts[k];
      if (tau < t0 + s.transient_s || tau - last_tau < w / 20) continue;
      last_tau = tau;
      // Short: |V| at ≈ 0 for S.
      if (tau + s.short_duration_s <= t1 && win.count(tau, tau + s.short_duration_s) >= 3 &&
          win.median(tau, tau + s.short_duration_s, true) <= o.short_voltage_v) {
        std::size_t at = k;
        while (at < ts.size() && av[at] > o.short_voltage_v) ++at;
        CellEvent e;
        e.kind = CellEventKind::short_circuit;
        e.sweep = index;
        e.time_s = ts[std::min(at, ts.size() - 1)];
        e.current_density_a_per_m2 = jabs;
        e.v_before = tau - w >= t0 ? win.median(std::max(t0, tau - w), tau, false) : av[k];
        e.v_after = win.median(tau, tau + s.short_duration_s, true);
        if (!std::isfinite(e.v_before)) e.v_before = av[k];
        e.drop = e.v_before > 0 ? 1 - e.v_after / e.v_before : 0;
        r.events.push_back(e);
        s.short_circuit = true;
        shorted = true;
        break;
      }
      // Sudden drop (the first of the sweep; a short is still looked for after it).
      if (s.penetration || tau < resume) continue;
      const double persist = std::min(s.persist_s, t1 - tau);
      if (persist < w || win.count(tau - w, tau) < 3 || win.count(tau, tau + persist) < 3) continue;
      const double before = win.median(tau - w, tau, false);
      const double after = win.median(tau, tau + persist, true);
      if (!(before > 0) || after > (1 - o.drop_fraction) * before) continue;
      const double mid = 0.5 * (before + after);
      std::size_t at = k;
      while (at + 1 < ts.size() && av[at] > mid) ++at;
      CellEvent e;
      e.sweep = index;
      e.time_s = ts[at];
      e.current_density_a_per_m2 = jabs;
      e.v_before = before;
      e.v_after = after;
      e.drop = 1 - after / before;
      if (after <= o.short_voltage_v) {
        e.kind = CellEventKind::short_circuit;
        s.short_circuit = true;
        shorted = true;
      } else {
        e.kind = CellEventKind::penetration;
        s.penetration = true;
      }
      r.events.push_back(e);
      resume = ts[at] + w;
    }
    r.sweeps.push_back(s);
  }
  if (dropped > 0)
    r.notes.push_back(std::to_string(dropped) +
                      " constant-current stretch(es) of fewer than 3 rows ignored");
  if (r.sweeps.empty()) throw InvalidArgument("ccd: the record holds no constant-current sweep");

  // Steps: consecutive sweeps of one |j|.
  for (std::size_t k = 0; k < r.sweeps.size(); ++k) {
    auto& s = r.sweeps[k];
    const double j = std::abs(s.current_density_a_per_m2);
    if (r.steps.empty() ||
        std::abs(j - r.steps.back().current_density_a_per_m2) > o.current_tolerance * j) {
      CcdStep st;
      st.first_sweep = k;
      st.current_density_a_per_m2 = j;
      r.steps.push_back(st);
    }
    s.step = r.steps.size() - 1;
    ++r.steps.back().sweeps;
  }
  for (auto& st : r.steps) {
    double j = 0, eta = 0, mean = 0, peak = 0;
    for (std::size_t k = st.first_sweep; k < st.first_sweep + st.sweeps; ++k) {
      const auto& s = r.sweeps[k];
      j += std::abs(s.current_density_a_per_m2);
      eta += s.plateau_abs_v;
      mean += s.mean_abs_v * s.duration_s;
      peak = std::max(peak, s.peak_abs_v);
      st.event = st.event || s.penetration || s.short_circuit;
    }
    double total = 0;
    for (std::size_t k = st.first_sweep; k < st.first_sweep + st.sweeps; ++k)
      total += r.sweeps[k].duration_s;
    const auto m = static_cast<double>(st.sweeps);
    st.current_density_a_per_m2 = j / m;
    st.overpotential_v = eta / m;
    st.asr_ohm_m2 = st.overpotential_v / st.current_density_a_per_m2;
    st.mean_abs_v = mean / total;
    st.peak_abs_v = peak;
  }
  for (auto& e : r.events) e.step = r.sweeps[e.sweep].step;
  if (!r.events.empty()) {
    r.penetration_ccd_a_per_m2 = r.events.front().current_density_a_per_m2;
    for (const auto& e : r.events)
      if (e.kind == CellEventKind::short_circuit) {
        r.short_ccd_a_per_m2 = e.current_density_a_per_m2;
        break;
      }
    const std::size_t first_step = r.events.front().step;
    for (std::size_t k = 0; k < first_step; ++k)
      if (!r.steps[k].event)
        r.last_stable_a_per_m2 =
            std::max(r.last_stable_a_per_m2.value_or(0.0), r.steps[k].current_density_a_per_m2);
  } else {
    double top = 0;
    for (const auto& st : r.steps) top = std::max(top, st.current_density_a_per_m2);
    r.last_stable_a_per_m2 = top;
    r.notes.push_back("no penetration and no short up to |j| = " + num(top * 0.1) + " mA/cm2");
  }
  return r;
}

CcdResult analyse_ccd(const Measurement& m, const CcdOptions& o) {
  const auto& t = m.require(Quantity::time).values;
  const auto& v = m.require(Quantity::potential).values;
  const Column* c = m.find(Quantity::current);
  CcdOptions opt = o;
  if (!(opt.area_m2 > 0) && m.meta.electrode_area_m2) opt.area_m2 = *m.meta.electrode_area_m2;
  return analyse_ccd(t, v, c ? std::span<const double>(c->values) : std::span<const double>{}, opt);
}

}  // namespace solyte::echem
