// Starting values of circuit parameters from the shape of the spectrum: the high-frequency
// intercept, the arcs (maxima of −Z'' with their apex frequency, diameter and depression), the
// low-frequency tail (slope of log(−Z'') against log ω) and an inductive Z'' > 0 at the top. Each
// element of the circuit gets a target (resistance scale R, angular frequency ω, exponent α) from
// the role it plays, and its parameters follow from the target.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "solyte/constants.hpp"
#include "solyte/eis/circuit_fit.hpp"
#include "solyte/error.hpp"

namespace solyte::eis {

namespace {

struct Arc {
  std::size_t index = 0;  // apex, in ascending-frequency order
  std::size_t hf_valley = 0;
  bool closed_hf = false;
  bool from_slope = false;  // found in −dZ'/d ln ω, not as a maximum of −Z''
  double omega = 0, height = 0, diameter = 0, alpha = 0.85, prominence = 0;
};

struct Features {
  double r_hf = 0, r_dc = 0, scale = 1, l_hf = 0;
  double omega_min = 1, omega_max = 1;
  double omega_low = 1;  // lowest frequency of the arcs: where a capacitive tail takes over
  double tail_x = 0, tail_alpha = 0.9;
  std::vector<Arc> arcs;  // high to low frequency
};

struct Target {
  double r = 1, omega = 1, alpha = 0.85;
};

constexpr double kQuarterPi = constants::pi / 4;

// For a ZARC the apex height is (R/2)·tan(απ/4), so α follows from height and diameter.
double alpha_from_arc(double height, double diameter) {
  if (!(diameter > 0)) return 0.85;
  return std::clamp(std::atan(2 * height / diameter) / kQuarterPi, 0.4, 1.0);
}

struct Peak {
  std::size_t index = 0, lf_valley = 0, hf_valley = 0;
  double omega = 0, prominence = 0;  // prominence relative to the signal's maximum
};

// Interior points of [from, n) highest among two neighbours on each side, with their
// topographic prominence: the height above the higher of the two lowest points met on the way
// to a higher point (or to the end) on either side, which are the valleys returned. Maxima
// standing out by 5 % of the signal's maximum are kept (5 % of their own height when `local`,
// for maxima on a sloping background). The apex frequency comes from the parabola through the
// three highest points in log ω.
std::vector<Peak> find_peaks(const std::vector<double>& s, const std::vector<double>& w,
                             std::size_t from = 0, bool local = false) {
  const std::size_t n = s.size();
  from = std::max<std::size_t>(from, 1);
  if (from + 1 >= n) return {};
  const double s_max = *std::max_element(s.begin() + static_cast<long>(from), s.end());
  std::vector<Peak> out;
  for (std::size_t k = from; k + 1 < n; ++k) {
    if (!(s[k] > 0)) continue;
    bool top = true;
    for (std::size_t j = k >= from + 2 ? k - 2 : from - 1; j <= std::min(n - 1, k + 2) && top; ++j)
      if (j != k && (s[j] > s[k] || (s[j] == s[k] && j < k))) top = false;
    if (!top) continue;
    Peak pk;
    pk.index = pk.lf_valley = pk.hf_valley = k;
    for (std::size_t j = k; j-- > from - 1 && s[j] <= s[k];)
      if (s[j] < s[pk.lf_valley]) pk.lf_valley = j;
    for (std::size_t j = k + 1; j < n && s[j] <= s[k]; ++j)
      if (s[j] < s[pk.hf_valley]) pk.hf_valley = j;
    // Valleys below zero (noise, or inductive points) count as zero.
    const double prominence = s[k] - std::max({s[pk.lf_valley], s[pk.hf_valley], 0.0});
    const double level = local ? s[k] : s_max;
    if (!(prominence >= 0.05 * level)) continue;
    pk.prominence = prominence / level;
    pk.omega = w[k];
    const double l0 = std::log(w[k - 1]), l1 = std::log(w[k]), l2 = std::log(w[k + 1]);
    const double d1 = (s[k] - s[k - 1]) / (l1 - l0), d2 = (s[k + 1] - s[k]) / (l2 - l1);
    const double curv = (d2 - d1) / (0.5 * (l2 - l0));
    if (curv < 0) pk.omega = std::exp(std::clamp(0.5 * (l0 + l1) - d1 / curv, l0, l2));
    out.push_back(pk);
  }
  return out;
}

Features analyse(std::span<const double> f, std::span<const std::complex<double>> z,
                 std::size_t wanted_arcs) {
  const std::size_t n = f.size();
  std::vector<std::size_t> idx(n);
  std::iota(idx.begin(), idx.end(), 0);
  std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return f[a] < f[b]; });
  std::vector<double> w(n), zr(n), y(n);
  for (std::size_t k = 0; k < n; ++k) {
    w[k] = 2 * constants::pi * f[idx[k]];
    zr[k] = z[idx[k]].real();
    y[k] = -z[idx[k]].imag();
  }
  Features ft;
  ft.omega_min = w.front();
  ft.omega_max = w.back();
  for (std::size_t k = 0; k < n; ++k) ft.scale = std::max(ft.scale, std::abs(z[idx[k]]));
  if (ft.scale == 1) ft.scale = std::max(std::abs(zr.back()), 1e-300);
  // Tail: −Z'' ∝ ω^(−α) over the lowest points.
  const std::size_t k_tail = std::min<std::size_t>(5, std::max<std::size_t>(2, n / 3));
  bool positive = true;
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (std::size_t k = 0; k < k_tail; ++k) {
    if (!(y[k] > 0)) positive = false;
    if (!positive) break;
    const double lx = std::log(w[k]), ly = std::log(y[k]);
    sx += lx;
    sy += ly;
    sxx += lx * lx;
    sxy += lx * ly;
  }
  const double kk = static_cast<double>(k_tail), den = kk * sxx - sx * sx;
  if (positive && den > 0) {
    const double slope = (kk * sxy - sx * sy) / den;
    if (slope < -0.1) {
      ft.tail_x = y.front();
      ft.tail_alpha = std::clamp(-slope, 0.2, 1.0);
    }
  }

  // Arcs as maxima of −Z''; overlapping arcs and arcs beside a steep capacitive tail show no
  // maximum there, but still one in −dZ'/d ln ω, to which a nearly capacitive tail adds only
  // cos(απ/2) of its size. For a ZARC that maximum is αR/(2(1 + cos(απ/2))) at the apex.
  for (const Peak& pk : find_peaks(y, w)) {
    const std::size_t k = pk.index, a = pk.lf_valley, b = pk.hf_valley;
    Arc arc;
    arc.index = k;
    arc.height = y[k];
    arc.omega = pk.omega;
    arc.prominence = pk.prominence;
    arc.hf_valley = b;
    arc.closed_hf = b != k && y[b] < 0.5 * y[k];
    const bool closed_lf = a != k && y[a] < 0.5 * y[k];
    double d = 0;
    if (closed_lf && arc.closed_hf)
      d = zr[a] - zr[b];
    else if (closed_lf)
      d = 2 * (zr[a] - zr[k]);
    else if (arc.closed_hf)
      d = 2 * (zr[k] - zr[b]);
    if (d > 0) {
      arc.diameter = d;
      arc.alpha = alpha_from_arc(y[k], d);
    } else {
      arc.diameter = 2 * y[k] / std::tan(arc.alpha * kQuarterPi);
    }
    ft.arcs.push_back(arc);
  }
  // With a capacitive tail, below the first minimum of |Z''|/Z' met from the low-frequency end
  // the tail dominates, whose own −dZ'/d ln ω is large and bends with noise: maxima there are
  // not arcs.
  std::size_t phase_min = 0;
  if (ft.tail_x > 0) {
    auto ratio = [&](std::size_t k) { return zr[k] > 0 ? std::abs(y[k]) / zr[k] : INFINITY; };
    for (std::size_t k = 1; k + 1 < n; ++k) {
      bool low = ratio(k) < 0.5 * ratio(0);
      for (std::size_t j = k >= 2 ? k - 2 : 0; j <= std::min(n - 1, k + 2) && low; ++j)
        low = ratio(j) >= ratio(k);
      if (low) {
        phase_min = k;
        break;
      }
    }
  }
  ft.omega_low = w[phase_min];
  // Only when the maxima of −Z'' are fewer than the circuit's blocks: the derivative is noisier.
  if (n >= 5 && ft.arcs.size() < wanted_arcs) {
    std::vector<double> g(n, 0.0);
    for (std::size_t k = 1; k + 1 < n; ++k)
      g[k] = -(zr[k + 1] - zr[k - 1]) / std::log(w[k + 1] / w[k - 1]);
    std::vector<double> gs = g;
    for (std::size_t k = 2; k + 2 < n; ++k) gs[k] = 0.25 * g[k - 1] + 0.5 * g[k] + 0.25 * g[k + 1];
    for (const Peak& pk : find_peaks(gs, w, phase_min, true)) {
      bool known = false;
      for (const Arc& a : ft.arcs) known = known || std::abs(std::log10(a.omega / pk.omega)) < 0.5;
      if (known) continue;
      Arc arc;
      arc.index = pk.index;
      arc.omega = pk.omega;
      arc.alpha = 0.85;
      arc.diameter = 2 * (1 + std::cos(arc.alpha * 2 * kQuarterPi)) * gs[pk.index] / arc.alpha;
      arc.height = arc.diameter / 2 * std::tan(arc.alpha * kQuarterPi);
      arc.prominence = pk.prominence;
      arc.hf_valley = pk.hf_valley;
      arc.from_slope = true;
      ft.arcs.push_back(arc);
    }
  }
  std::sort(ft.arcs.begin(), ft.arcs.end(),
            [](const Arc& a, const Arc& b) { return a.omega > b.omega; });

  // The resistance left to arcs without a maximum: Z' where the phase is closest to zero,
  // below the lowest arc found (the total of the arcs before a capacitive tail takes over).
  {
    std::size_t best = 0;
    double best_ratio = INFINITY;
    const double top = ft.arcs.empty() ? w.back() : ft.arcs.back().omega;
    for (std::size_t k = 0; k < n; ++k)
      if (w[k] <= top && zr[k] > 0) {
        const double ratio = std::abs(y[k]) / zr[k];
        if (ratio < best_ratio) {
          best_ratio = ratio;
          best = k;
        }
      }
    ft.r_dc = zr[best];
  }

  // R∞ from the high-frequency foot of the first arc, where a depressed arc leaves the axis at the
  // angle απ/2 (Z − R∞ ≈ (iω)^(−α)/Q there); without a foot, from the apex of a symmetric arc,
  // which lies over its centre: R∞ = Z'(apex) − diameter/2.
  const double zr_min = *std::min_element(zr.begin(), zr.end());
  if (ft.arcs.empty()) {
    ft.r_hf = zr_min;
  } else {
    const Arc& a = ft.arcs.front();
    const std::size_t b = a.hf_valley;
    ft.r_hf = a.closed_hf ? zr[b] - std::max(y[b], 0.0) / std::tan(a.alpha * 2 * kQuarterPi)
                          : zr[a.index] - a.diameter / 2;
  }
  ft.r_hf = std::clamp(ft.r_hf, 0.0, std::max(zr_min, 0.0));
  if (-y.back() > 0) ft.l_hf = -y.back() / ft.omega_max;

  return ft;
}

enum class Role { resistive, inductive, tail, block };

Role role_of(const Circuit::Node& node) {
  if (node.kind != Circuit::NodeKind::element) return Role::block;
  switch (node.type) {
    case ElementType::R:
      return Role::resistive;
    case ElementType::L:
    case ElementType::La:
      return Role::inductive;
    case ElementType::C:
    case ElementType::CPE:
    case ElementType::W:
    case ElementType::Wo:
    case ElementType::TLM:
      return Role::tail;
    default:
      return Role::block;
  }
}

void init_element(ElementType type, const Target& t, double* p) {
  const double r = t.r, w = t.omega, a = std::clamp(t.alpha, 0.3, 0.98);
  switch (type) {
    case ElementType::R:
      p[0] = r;
      return;
    case ElementType::C:
      p[0] = 1 / (w * r);
      return;
    case ElementType::L:
      p[0] = r / w;
      return;
    case ElementType::CPE:
      p[0] = 1 / (r * std::pow(w, a));
      p[1] = a;
      return;
    case ElementType::W:
      p[0] = r * std::sqrt(w);
      return;
    case ElementType::Wo:
    case ElementType::Ws:
    case ElementType::G:
    case ElementType::K:
      p[0] = r;
      p[1] = 1 / w;
      return;
    case ElementType::Gs:
      p[0] = r;
      p[1] = 1 / w;
      p[2] = 1;
      return;
    case ElementType::La:
      p[0] = r / std::pow(w, a);
      p[1] = a;
      return;
    case ElementType::Zarc:
      p[0] = r;
      p[1] = 1 / w;
      p[2] = a;
      return;
    case ElementType::RQ:
    case ElementType::TLM:
      p[0] = r;
      p[1] = 1 / (r * std::pow(w, a));
      p[2] = a;
      return;
    case ElementType::HN:
      p[0] = r;
      p[1] = 1 / w;
      p[2] = a;
      p[3] = 0.9;
      return;
  }
}

// Within a block: parallel branches share the target; in a series branch the resistive and arc-like
// parts share its resistance, capacitive parts sit a decade lower in frequency and inductive ones a
// decade higher.
void init_node(const Circuit& c, std::size_t index, const Target& t, std::vector<double>& v) {
  const Circuit::Node& node = c.nodes()[index];
  if (node.kind == Circuit::NodeKind::element) {
    init_element(node.type, t, v.data() + node.first_parameter);
    return;
  }
  if (node.kind == Circuit::NodeKind::parallel) {
    for (std::size_t ch : node.children) init_node(c, ch, t, v);
    return;
  }
  std::size_t sharing = 0;
  for (std::size_t ch : node.children) {
    const Role r = role_of(c.nodes()[ch]);
    sharing += r == Role::resistive || r == Role::block;
  }
  for (std::size_t ch : node.children) {
    Target u = t;
    switch (role_of(c.nodes()[ch])) {
      case Role::resistive:
      case Role::block:
        u.r = t.r / static_cast<double>(std::max<std::size_t>(sharing, 1));
        break;
      case Role::tail:
        u.omega = t.omega / 10;
        break;
      case Role::inductive:
        u.r = 1e-3 * t.r;
        u.omega = 10 * t.omega;
        break;
    }
    init_node(c, ch, u, v);
  }
}

}  // namespace

std::vector<double> initial_guess(const Circuit& c, std::span<const double> frequency_hz,
                                  std::span<const std::complex<double>> impedance_ohm) {
  if (frequency_hz.size() != impedance_ohm.size())
    throw InvalidArgument("initial_guess: frequencies and impedances differ in number");
  if (frequency_hz.size() < 3) throw InvalidArgument("initial_guess: needs at least 3 points");
  for (std::size_t i = 0; i < frequency_hz.size(); ++i)
    if (!(frequency_hz[i] > 0) || !std::isfinite(frequency_hz[i]) ||
        !std::isfinite(impedance_ohm[i].real()) || !std::isfinite(impedance_ohm[i].imag()))
      throw InvalidArgument("initial_guess: point " + std::to_string(i + 1) +
                            " has a non-finite or non-positive frequency or impedance");
  const Circuit::Node& root = c.nodes()[c.root()];
  std::vector<std::size_t> kids;
  if (root.kind == Circuit::NodeKind::series)
    kids = root.children;
  else
    kids.push_back(c.root());
  std::size_t n_res = 0, n_tail = 0, n_blocks = 0;
  for (std::size_t k : kids) {
    const Role r = role_of(c.nodes()[k]);
    n_res += r == Role::resistive;
    n_tail += r == Role::tail;
    n_blocks += r == Role::block;
  }
  const Features ft = analyse(frequency_hz, impedance_ohm, n_blocks);

  // Arcs for the blocks, in order of frequency: the most prominent ones when there are more arcs
  // than blocks; blocks without an arc share the remaining resistance at frequencies spread below
  // the arcs found.
  std::vector<Arc> arcs = ft.arcs;
  if (arcs.size() > n_blocks) {
    std::stable_sort(arcs.begin(), arcs.end(), [](const Arc& a, const Arc& b) {
      if (a.from_slope != b.from_slope) return !a.from_slope;
      return a.prominence > b.prominence;
    });
    arcs.resize(n_blocks);
    std::sort(arcs.begin(), arcs.end(),
              [](const Arc& a, const Arc& b) { return a.omega > b.omega; });
  }
  // Blocks without an arc share the resistance left, each placed in the middle (in log ω) of
  // the widest stretch of the spectrum without an arc, above the tail where there is one.
  double assigned = 0;
  for (const Arc& a : arcs) assigned += a.diameter;
  double rest = ft.r_dc - ft.r_hf - assigned;
  if (!(rest > 1e-2 * ft.r_dc)) rest = 0.1 * std::max(ft.r_dc, 1e-3 * ft.scale);
  const std::size_t missing = n_blocks - arcs.size();
  std::vector<Arc> placed = arcs;
  for (std::size_t j = 0; j < missing; ++j) {
    std::vector<double> edges = {ft.omega_max};
    for (const Arc& a : placed) edges.push_back(a.omega);
    edges.push_back(ft.omega_low);
    std::sort(edges.begin(), edges.end(), std::greater<>());
    std::size_t widest = 0;
    for (std::size_t e = 1; e + 1 < edges.size(); ++e)
      if (edges[e] / edges[e + 1] > edges[widest] / edges[widest + 1]) widest = e;
    Arc a;
    a.omega = std::sqrt(edges[widest] * edges[widest + 1]);
    a.diameter = rest / static_cast<double>(missing);
    placed.push_back(a);
  }
  std::sort(placed.begin(), placed.end(),
            [](const Arc& a, const Arc& b) { return a.omega > b.omega; });
  std::vector<Target> blocks;
  for (const Arc& a : placed) blocks.push_back({a.diameter, a.omega, a.alpha});

  std::vector<double> v(c.parameter_count(), 1.0);
  std::size_t next_block = 0;
  const double r_series =
      std::max(ft.r_hf, 1e-4 * ft.scale) / static_cast<double>(std::max<std::size_t>(n_res, 1));
  const double x_tail = (ft.tail_x > 0 ? ft.tail_x : 0.5 * ft.scale) /
                        static_cast<double>(std::max<std::size_t>(n_tail, 1));
  const double l_scale = ft.l_hf > 0 ? ft.l_hf * ft.omega_max : 1e-3 * ft.scale;
  for (std::size_t k : kids) {
    Target t;
    switch (role_of(c.nodes()[k])) {
      case Role::resistive:
        t = {r_series, ft.omega_max, 1};
        break;
      case Role::inductive:
        t = {l_scale, ft.omega_max, 0.9};
        break;
      case Role::tail:
        t = {x_tail, ft.omega_min, ft.tail_x > 0 ? ft.tail_alpha : 0.9};
        break;
      case Role::block:
        t = blocks[next_block++];
        break;
    }
    if (!(t.r > 0) || !std::isfinite(t.r)) t.r = ft.scale;
    if (!(t.omega > 0) || !std::isfinite(t.omega)) t.omega = std::sqrt(ft.omega_min * ft.omega_max);
    init_node(c, k, t, v);
  }
  return v;
}

}  // namespace solyte::eis
