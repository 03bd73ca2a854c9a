// Indexing of observed lines against a cell, with cell refinement (docs/methods.md §9e).
#include "solyte/xtal/pattern_index.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "solyte/error.hpp"

namespace solyte::xtal {

namespace {

// Which of a, b, c, α, β, γ are free, and how the others follow (−1: free; else the index of the
// parameter it equals; −2: fixed at its start value).
struct Constraints {
  std::array<int, 6> rule{};
};

Constraints constraints_of(const SpaceGroup& g) {
  using C = Constraints;
  switch (g.crystal_system) {
    case CrystalSystem::cubic:
      return C{{-1, 0, 0, -2, -2, -2}};
    case CrystalSystem::tetragonal:
    case CrystalSystem::hexagonal:
      return C{{-1, 0, -1, -2, -2, -2}};
    case CrystalSystem::trigonal:
      if (g.choice == "R") return C{{-1, 0, 0, -1, 3, 3}};
      return C{{-1, 0, -1, -2, -2, -2}};
    case CrystalSystem::orthorhombic:
      return C{{-1, -1, -1, -2, -2, -2}};
    case CrystalSystem::monoclinic:
      return C{{-1, -1, -1, -2, -1, -2}};
    case CrystalSystem::triclinic:
      return C{{-1, -1, -1, -1, -1, -1}};
  }
  return C{{-1, -1, -1, -1, -1, -1}};
}

constexpr const char* kNames[6] = {"a", "b", "c", "alpha", "beta", "gamma"};

std::array<double, 6> params_of(const UnitCell& c) {
  return {c.a(), c.b(), c.c(), c.alpha_deg(), c.beta_deg(), c.gamma_deg()};
}

UnitCell cell_of(const std::array<double, 6>& v) { return {v[0], v[1], v[2], v[3], v[4], v[5]}; }

}  // namespace

IndexResult index_lines(std::span<const double> obs, const UnitCell& start, const SpaceGroup& group,
                        const IndexOptions& o) {
  if (!(o.wavelength_angstrom > 0)) throw InvalidArgument("wavelength must be positive");
  if (!(o.tolerance_deg > 0)) throw InvalidArgument("indexing tolerance must be positive");
  if (obs.empty()) throw InvalidArgument("no line positions to index");
  for (double t : obs)
    if (!std::isfinite(t) || !(t > 0 && t < 180))
      throw InvalidArgument("line position " + std::to_string(t) + "° is not in (0, 180)");
  const Constraints con = constraints_of(group);
  const double lo = *std::min_element(obs.begin(), obs.end());
  const double hi = *std::max_element(obs.begin(), obs.end());
  const double lambda = o.wavelength_angstrom;

  IndexResult r;
  r.cell = start;
  std::array<double, 6> cell = params_of(start);
  std::vector<int> assignment(obs.size(), -1), previous;
  std::vector<PowderLine> lines;
  auto calc = [&](const std::array<double, 6>& c, const PowderLine& l, double zero, double disp,
                  double& out) {
    const auto& h = l.families.front().hkl;
    const double d = cell_of(c).d_spacing(h[0], h[1], h[2]);
    const double s = lambda / (2 * d);
    if (!(s < 1)) return false;
    const double tth = 2 * std::asin(s) * 180 / std::numbers::pi;
    out = tth + zero + disp * std::cos(tth * std::numbers::pi / 360);
    return true;
  };
  for (int round = 0; round < 5; ++round) {
    lines = powder_line_positions(cell_of(cell), group,
                                  {.wavelength_angstrom = lambda,
                                   .two_theta_min_deg = std::max(0.0, lo - o.tolerance_deg - 2),
                                   .two_theta_max_deg = std::min(179.9, hi + o.tolerance_deg + 2)});
    previous = assignment;
    std::fill(assignment.begin(), assignment.end(), -1);
    for (std::size_t i = 0; i < obs.size(); ++i) {
      double best = o.tolerance_deg;
      for (std::size_t k = 0; k < lines.size(); ++k) {
        double t = 0;
        if (!calc(cell, lines[k], r.zero_shift_deg, r.displacement_deg, t)) continue;
        if (std::abs(obs[i] - t) <= best) {
          best = std::abs(obs[i] - t);
          assignment[i] = static_cast<int>(k);
        }
      }
    }
    std::vector<std::size_t> used;
    for (std::size_t i = 0; i < obs.size(); ++i)
      if (assignment[i] >= 0) used.push_back(i);
    std::vector<fit::Parameter> p;
    std::vector<int> slot;  // parameter index → cell slot (0–5), 6 zero, 7 displacement
    r.free_parameters.clear();
    for (int k = 0; k < 6; ++k)
      if (con.rule[k] == -1) {
        p.push_back({.name = kNames[k],
                     .unit = k < 3 ? "A" : "deg",
                     .value = cell[k],
                     .transform = k < 3 ? fit::Transform::log : fit::Transform::none});
        slot.push_back(k);
        r.free_parameters.push_back(kNames[k]);
      }
    if (o.refine_zero) {
      p.push_back({.name = "zero", .unit = "deg", .value = r.zero_shift_deg});
      slot.push_back(6);
      r.free_parameters.push_back("zero");
    }
    if (o.refine_displacement) {
      p.push_back({.name = "displacement", .unit = "deg", .value = r.displacement_deg});
      slot.push_back(7);
      r.free_parameters.push_back("displacement");
    }
    if (used.size() < p.size() + 1)
      throw InvalidArgument("only " + std::to_string(used.size()) + " of " +
                            std::to_string(obs.size()) + " lines match an allowed reflection of " +
                            group.international_short + " within " +
                            std::to_string(o.tolerance_deg) + "°; " + std::to_string(p.size() + 1) +
                            " are needed to refine " + std::to_string(p.size()) +
                            " parameters. Is the starting cell right?");
    auto unpack = [&](std::span<const double> v, std::array<double, 6>& c, double& zero,
                      double& disp) {
      c = cell;
      zero = r.zero_shift_deg;
      disp = r.displacement_deg;
      for (std::size_t j = 0; j < v.size(); ++j) {
        if (slot[j] < 6) c[slot[j]] = v[j];
        if (slot[j] == 6) zero = v[j];
        if (slot[j] == 7) disp = v[j];
      }
      for (int k = 0; k < 6; ++k)
        if (con.rule[k] >= 0) c[k] = c[con.rule[k]];
    };
    r.fit = fit::least_squares(
        [&](std::span<const double> v, std::span<double> res) {
          std::array<double, 6> c{};
          double zero = 0, disp = 0;
          unpack(v, c, zero, disp);
          for (std::size_t j = 0; j < used.size(); ++j) {
            double t = 0;
            res[j] = calc(c, lines[static_cast<std::size_t>(assignment[used[j]])], zero, disp, t)
                         ? obs[used[j]] - t
                         : 1e3;
          }
        },
        used.size(), p);
    std::vector<double> v;
    for (const auto& q : r.fit.parameters) v.push_back(q.value);
    unpack(v, cell, r.zero_shift_deg, r.displacement_deg);
    r.cell_err = {};
    for (std::size_t j = 0; j < slot.size(); ++j) {
      const double e = r.fit.parameters[j].stderr;
      if (slot[j] < 6) r.cell_err[slot[j]] = e;
      if (slot[j] == 6) r.zero_shift_err = e;
      if (slot[j] == 7) r.displacement_err = e;
    }
    for (int k = 0; k < 6; ++k)
      if (con.rule[k] >= 0) r.cell_err[k] = r.cell_err[con.rule[k]];
    if (assignment == previous) break;
  }
  r.cell = cell_of(cell);
  r.lines.clear();
  r.assigned = 0;
  double ss = 0;
  for (std::size_t i = 0; i < obs.size(); ++i) {
    IndexedLine l;
    l.two_theta_obs_deg = obs[i];
    const double t0 = obs[i] - r.zero_shift_deg;
    l.d_obs_angstrom = lambda / (2 * std::sin(t0 * std::numbers::pi / 360));
    if (assignment[i] >= 0) {
      const PowderLine& pl = lines[static_cast<std::size_t>(assignment[i])];
      double t = 0;
      calc(cell, pl, r.zero_shift_deg, r.displacement_deg, t);
      l.two_theta_calc_deg = t;
      l.families = pl.families;
      l.multiplicity = pl.multiplicity;
      l.residual_deg = obs[i] - t;
      ss += l.residual_deg * l.residual_deg;
      ++r.assigned;
    }
    r.lines.push_back(std::move(l));
  }
  r.rms_deg = r.assigned ? std::sqrt(ss / static_cast<double>(r.assigned)) : 0;
  return r;
}

}  // namespace solyte::xtal
