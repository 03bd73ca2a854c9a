// Anion packing (METHODS.md §5; docs/methods.md §5).
#include "solyte/xtal/packing.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <string>

#include "solyte/constants.hpp"
#include "solyte/error.hpp"

namespace solyte::xtal {

namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

void require_positive(double v, const char* what) {
  if (!std::isfinite(v) || !(v > 0))
    throw InvalidArgument(std::string("anion packing: ") + what + " = " + num(v) +
                          "; it must be positive and finite");
}

// Ideal hcp: c/a = √(8/3), so that the spheres of neighbouring layers touch as they do in a
// layer.
double ideal_hcp_c(double a) { return a * std::sqrt(8.0 / 3.0); }

}  // namespace

std::string_view to_string(AnionLattice lattice) {
  switch (lattice) {
    case AnionLattice::fcc:
      return "fcc";
    case AnionLattice::bcc:
      return "bcc";
    case AnionLattice::hcp:
      return "hcp";
    case AnionLattice::sc:
      return "sc";
  }
  return "?";
}

AnionLattice parse_anion_lattice(std::string_view name) {
  std::string n;
  for (char c : name) n.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (n == "fcc" || n == "ccp") return AnionLattice::fcc;
  if (n == "bcc") return AnionLattice::bcc;
  if (n == "hcp") return AnionLattice::hcp;
  if (n == "sc" || n == "simple-cubic" || n == "pc") return AnionLattice::sc;
  throw InvalidArgument("unknown anion lattice '" + std::string(name) +
                        "'; use fcc, bcc, hcp or sc");
}

int lattice_sites(AnionLattice lattice) {
  switch (lattice) {
    case AnionLattice::fcc:
      return 4;
    case AnionLattice::bcc:
      return 2;
    case AnionLattice::hcp:
      return 2;
    case AnionLattice::sc:
      return 1;
  }
  return 0;
}

double density_g_per_cm3(double z, double molar_mass_g_per_mol, double volume_a3) {
  require_positive(z, "Z");
  require_positive(molar_mass_g_per_mol, "molar mass (g/mol)");
  require_positive(volume_a3, "cell volume (Å³)");
  constexpr double kCm3PerA3 = 1e-24;
  return z * molar_mass_g_per_mol / (constants::avogadro_per_mol * volume_a3 * kCm3PerA3);
}

double touching_sphere_radius(AnionLattice lattice, double a, std::optional<double> c) {
  require_positive(a, "a (Å)");
  switch (lattice) {
    case AnionLattice::fcc:
      return a * std::numbers::sqrt2 / 4;
    case AnionLattice::bcc:
      return a * std::numbers::sqrt3 / 4;
    case AnionLattice::sc:
      return a / 2;
    case AnionLattice::hcp: {
      const double cc = c ? *c : ideal_hcp_c(a);
      require_positive(cc, "c (Å)");
      // In-plane neighbours at a; neighbours in the adjacent layer at √(a²/3 + c²/4).
      return std::min(a, std::sqrt(a * a / 3 + cc * cc / 4)) / 2;
    }
  }
  return 0;
}

double sphere_volume(double radius) {
  return 4.0 / 3.0 * std::numbers::pi * radius * radius * radius;
}

Packing anion_packing(const PackingInput& in) {
  require_positive(in.a_angstrom, "a (Å)");
  require_positive(in.z, "Z");
  require_positive(in.molar_mass_g_per_mol, "molar mass (g/mol)");
  if (in.c_angstrom && in.lattice != AnionLattice::hcp)
    throw InvalidArgument("anion packing: c is used only for hcp; a " +
                          std::string(to_string(in.lattice)) + " cell has c = a");
  Packing p;
  p.lattice = in.lattice;
  p.a_angstrom = in.a_angstrom;
  p.z = in.z;
  p.sites = lattice_sites(in.lattice);
  const double a = in.a_angstrom;
  if (in.lattice == AnionLattice::hcp) {
    p.c_angstrom = in.c_angstrom ? *in.c_angstrom : ideal_hcp_c(a);
    require_positive(p.c_angstrom, "c (Å)");
    if (!in.c_angstrom)
      p.note = "hcp without c: the ideal c = sqrt(8/3)·a = " + num(p.c_angstrom) + " Å is used";
    p.volume_a3 = std::numbers::sqrt3 / 2 * a * a * p.c_angstrom;
  } else {
    p.c_angstrom = a;
    p.volume_a3 = a * a * a;
  }
  p.volume_per_formula_a3 = p.volume_a3 / in.z;
  p.density_g_per_cm3 = density_g_per_cm3(in.z, in.molar_mass_g_per_mol, p.volume_a3);
  p.anion_radius_a = touching_sphere_radius(in.lattice, a, p.c_angstrom);
  p.anion_volume_a3 = sphere_volume(p.anion_radius_a);
  p.free_volume_per_formula_a3 = (p.volume_a3 - in.z * p.anion_volume_a3) / in.z;
  p.packing_fraction = in.z * p.anion_volume_a3 / p.volume_a3;
  if (in.z != p.sites) {
    if (!p.note.empty()) p.note += "; ";
    p.note += "Z = " + num(in.z) + " differs from the " + std::to_string(p.sites) +
              " anion sites of a " + std::string(to_string(in.lattice)) +
              " cell; free volume and packing fraction count Z anions per cell (one per "
              "formula unit)";
  }
  if (p.packing_fraction > 1)
    p.note += std::string(p.note.empty() ? "" : "; ") +
              "the anion spheres overfill the cell (packing fraction > 1): Z is too large "
              "for this lattice";
  return p;
}

FreeVolumeComparison compare_free_volume(const Packing& a, const Packing& b) {
  FreeVolumeComparison r;
  r.difference_a3 = b.free_volume_per_formula_a3 - a.free_volume_per_formula_a3;
  r.fraction_of_b = r.difference_a3 / b.free_volume_per_formula_a3;
  r.fraction_of_a = r.difference_a3 / a.free_volume_per_formula_a3;
  return r;
}

}  // namespace solyte::xtal
