// Powder lines: allowed reflections, hkl families, structure factors and intensities
// (docs/methods.md §9b; formulas and sources in xtal/powder_lines.hpp).
#include "solyte/xtal/powder_lines.hpp"

#include <xraylib/xraylib.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <set>
#include <string>

#include "solyte/error.hpp"
#include "solyte/xtal/formula.hpp"

namespace solyte::xtal {

namespace {

constexpr double kPi = std::numbers::pi;
// hc in keV·Å (CODATA 2018: h c = 1.239841984… × 10⁻⁶ eV·m).
constexpr double kHcKevAngstrom = 12.398419843320026;

using Hkl = std::array<int, 3>;

Hkl times(const Hkl& h, const std::array<std::array<int, 3>, 3>& r) {
  Hkl out{};
  for (int j = 0; j < 3; ++j)
    for (int i = 0; i < 3; ++i) out[j] += h[i] * r[i][j];
  return out;
}

Hkl negate(const Hkl& h) { return {-h[0], -h[1], -h[2]}; }

std::vector<std::array<std::array<int, 3>, 3>> point_rotations(const SpaceGroup& g) {
  std::vector<std::array<std::array<int, 3>, 3>> out;
  for (const auto& op : g.operations)
    if (std::find(out.begin(), out.end(), op.rotation) == out.end()) out.push_back(op.rotation);
  return out;
}

void check_options(const PowderLinesOptions& o) {
  if (!(o.wavelength_angstrom > 0) || !std::isfinite(o.wavelength_angstrom))
    throw InvalidArgument("wavelength must be positive, got " +
                          std::to_string(o.wavelength_angstrom) + " Å");
  if (!(o.two_theta_min_deg >= 0) || !(o.two_theta_max_deg < 180) ||
      !(o.two_theta_min_deg < o.two_theta_max_deg))
    throw InvalidArgument("2θ range must satisfy 0 <= min < max < 180°, got " +
                          std::to_string(o.two_theta_min_deg) + " to " +
                          std::to_string(o.two_theta_max_deg) + "°");
  if (!(o.merge_tolerance_deg >= 0)) throw InvalidArgument("merge tolerance must be >= 0");
}

struct Family {
  Hkl rep{};
  int multiplicity = 0;
  double d = 0;
  bool friedel_in_orbit = true;  // −h is a point-group image of h
};

// The allowed families of the cell and group within the 2θ range.
std::vector<Family> allowed_families(const UnitCell& cell, const SpaceGroup& group,
                                     const PowderLinesOptions& o) {
  check_options(o);
  const double s_max = std::sin(o.two_theta_max_deg * kPi / 360) / o.wavelength_angstrom;
  const double d_min = 1 / (2 * s_max);
  const auto rotations = point_rotations(group);
  const Matrix3& g = cell.metric();
  int lim[3];
  for (int i = 0; i < 3; ++i) lim[i] = static_cast<int>(std::floor(std::sqrt(g[i][i]) / d_min)) + 1;
  std::set<Hkl> seen;
  std::vector<Family> out;
  for (int h = -lim[0]; h <= lim[0]; ++h)
    for (int k = -lim[1]; k <= lim[1]; ++k)
      for (int l = -lim[2]; l <= lim[2]; ++l) {
        const Hkl hkl{h, k, l};
        if ((h == 0 && k == 0 && l == 0) || seen.count(hkl)) continue;
        const double d = cell.d_spacing(h, k, l);
        if (d < d_min * (1 - 1e-12)) continue;
        std::set<Hkl> proper;  // the point-group orbit
        for (const auto& r : rotations) proper.insert(times(hkl, r));
        std::set<Hkl> family = proper;
        for (const Hkl& x : proper) family.insert(negate(x));
        seen.insert(family.begin(), family.end());
        const double tth = 2 * std::asin(o.wavelength_angstrom / (2 * d)) * 180 / kPi;
        if (tth < o.two_theta_min_deg || tth > o.two_theta_max_deg) continue;
        if (systematically_absent(group, hkl)) continue;
        Family f;
        f.rep = *family.rbegin();
        f.multiplicity = static_cast<int>(family.size());
        f.d = d;
        f.friedel_in_orbit = proper.count(negate(hkl)) != 0;
        out.push_back(f);
      }
  return out;
}

// Families in lines: sorted by 2θ, merged within the tolerance.
std::vector<PowderLine> to_lines(const std::vector<Family>& fams,
                                 const std::vector<std::optional<double>>& f2,
                                 const PowderLinesOptions& o) {
  std::vector<std::size_t> order(fams.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return fams[a].d != fams[b].d ? fams[a].d > fams[b].d : fams[a].rep > fams[b].rep;
  });
  std::vector<PowderLine> lines;
  for (std::size_t i : order) {
    const double tth = bragg_two_theta_deg(fams[i].d, o.wavelength_angstrom);
    if (lines.empty() || std::abs(tth - lines.back().two_theta_deg) > o.merge_tolerance_deg) {
      PowderLine line;
      line.two_theta_deg = tth;
      line.d_angstrom = fams[i].d;
      line.lp = lorentz_polarisation(tth);
      lines.push_back(line);
    }
    PowderLine& line = lines.back();
    line.families.push_back({fams[i].rep, fams[i].multiplicity, f2[i]});
    line.multiplicity += fams[i].multiplicity;
    if (f2[i])
      line.intensity = line.intensity.value_or(0) + fams[i].multiplicity * *f2[i] * line.lp;
  }
  double top = 0;
  for (const auto& l : lines)
    if (l.intensity) top = std::max(top, *l.intensity);
  if (top > 0)
    for (auto& l : lines)
      if (l.intensity) l.relative_intensity = 100 * *l.intensity / top;
  return lines;
}

int atomic_number(const AtomSite& site) {
  const Element* e = find_element(site.element);
  if (e == nullptr)
    throw InvalidArgument("atom " + site.label + ": unknown element '" + site.element + "'");
  if (e->z > 98)
    throw InvalidArgument("atom " + site.label + ": xraylib has no form factor for " +
                          site.element + " (Z = " + std::to_string(e->z) + " > 98)");
  return e->z;
}

}  // namespace

double lorentz_polarisation(double two_theta_deg) {
  const double tt = two_theta_deg * kPi / 180, th = tt / 2;
  const double c2 = std::cos(tt);
  return (1 + c2 * c2) / (std::sin(th) * std::sin(th) * std::cos(th));
}

double bragg_two_theta_deg(double d, double lambda) {
  if (!(d > 0) || !(lambda > 0)) throw InvalidArgument("d and wavelength must be positive");
  const double x = lambda / (2 * d);
  if (x > 1)
    throw InvalidArgument("no Bragg angle: wavelength " + std::to_string(lambda) +
                          " Å is longer than 2d = " + std::to_string(2 * d) + " Å");
  return 2 * std::asin(x) * 180 / kPi;
}

double atomic_form_factor(int z, double s) {
  if (z < 1 || z > 98) throw InvalidArgument("xraylib form factors cover Z = 1 to 98");
  if (!(s >= 0) || !std::isfinite(s)) throw InvalidArgument("sin(theta)/lambda must be >= 0");
  xrl_error* err = nullptr;
  const double f = FF_Rayl(z, s, &err);
  if (err != nullptr) {
    const std::string msg = err->message;
    xrl_error_free(err);
    throw NumericalError("xraylib FF_Rayl(" + std::to_string(z) + ", " + std::to_string(s) +
                         "): " + msg);
  }
  return f;
}

bool systematically_absent(const SpaceGroup& group, const Hkl& hkl) {
  for (const auto& op : group.operations) {
    if (times(hkl, op.rotation) != hkl) continue;
    const double phase =
        hkl[0] * op.translation[0] + hkl[1] * op.translation[1] + hkl[2] * op.translation[2];
    if (std::abs(phase - std::round(phase)) > 1e-6) return true;
  }
  return false;
}

std::complex<double> structure_factor(const CrystalStructure& s, const Hkl& hkl, double lambda,
                                      bool anomalous) {
  if (hkl == Hkl{0, 0, 0}) throw InvalidArgument("structure factor of (000) is not a reflection");
  const double d = s.cell.d_spacing(hkl[0], hkl[1], hkl[2]);
  const double stol = 1 / (2 * d);
  const Matrix3& gs = s.cell.reciprocal_metric();
  const double astar[3] = {std::sqrt(gs[0][0]), std::sqrt(gs[1][1]), std::sqrt(gs[2][2])};
  const double energy_kev = kHcKevAngstrom / lambda;
  std::map<int, std::complex<double>> f_of_z;
  std::complex<double> total = 0;
  for (const AtomSite& site : s.sites) {
    const int z = atomic_number(site);
    auto it = f_of_z.find(z);
    if (it == f_of_z.end()) {
      std::complex<double> f = atomic_form_factor(z, stol);
      if (anomalous) {
        // xraylib's Atomic_Factors gives f' = Fi and f'' = −Fii (Fii carries the opposite sign),
        // the convention in which f = f0 + f' + i f'' enters F = Σ f exp(+2πi h·x).
        double f0 = 0, fp = 0, fpp = 0;
        xrl_error* err = nullptr;
        Atomic_Factors(z, energy_kev, stol, 1.0, &f0, &fp, &fpp, &err);
        if (err != nullptr) {
          const std::string msg = err->message;
          xrl_error_free(err);
          throw NumericalError("xraylib anomalous factors of Z = " + std::to_string(z) + ": " +
                               msg);
        }
        f += std::complex<double>(fp, fpp);
      }
      it = f_of_z.emplace(z, f).first;
    }
    const std::size_t images = orbit(s.group, site.position, 1e-4).size();
    const double per_op = site.occupancy / static_cast<double>(s.group.order() / images);
    const double b_iso = site.u_iso_a2 ? 8 * kPi * kPi * *site.u_iso_a2 : 0.0;
    std::complex<double> sum = 0;
    for (const auto& op : s.group.operations) {
      double phase = 0;
      for (int i = 0; i < 3; ++i) {
        double x = op.translation[i];
        for (int j = 0; j < 3; ++j) x += op.rotation[i][j] * site.position[j];
        phase += hkl[i] * x;
      }
      double t = 1;
      if (site.u_aniso_a2) {
        const Hkl hr = times(hkl, op.rotation);
        const auto& u = *site.u_aniso_a2;
        const double uu[3][3] = {{u[0], u[3], u[4]}, {u[3], u[1], u[5]}, {u[4], u[5], u[2]}};
        double q = 0;
        for (int i = 0; i < 3; ++i)
          for (int j = 0; j < 3; ++j) q += uu[i][j] * hr[i] * hr[j] * astar[i] * astar[j];
        t = std::exp(-2 * kPi * kPi * q);
      } else {
        t = std::exp(-b_iso * stol * stol);
      }
      sum += t * std::polar(1.0, 2 * kPi * phase);
    }
    total += per_op * it->second * sum;
  }
  return total;
}

std::vector<PowderLine> powder_lines(const CrystalStructure& s, const PowderLinesOptions& o) {
  const std::vector<Family> fams = allowed_families(s.cell, s.group, o);
  std::vector<std::optional<double>> f2(fams.size());
  for (std::size_t i = 0; i < fams.size(); ++i) {
    const Hkl& h = fams[i].rep;
    double v = std::norm(structure_factor(s, h, o.wavelength_angstrom, o.anomalous));
    if (o.anomalous && !fams[i].friedel_in_orbit)
      v = 0.5 * (v + std::norm(structure_factor(s, negate(h), o.wavelength_angstrom, true)));
    f2[i] = v;
  }
  return to_lines(fams, f2, o);
}

std::vector<PowderLine> powder_line_positions(const UnitCell& cell, const SpaceGroup& group,
                                              const PowderLinesOptions& o) {
  const std::vector<Family> fams = allowed_families(cell, group, o);
  return to_lines(fams, std::vector<std::optional<double>>(fams.size()), o);
}

}  // namespace solyte::xtal
