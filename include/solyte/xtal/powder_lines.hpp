// Powder diffraction lines of a crystal: positions, d-spacings, hkl families with their
// multiplicities, structure factors from xraylib's atomic form factors, Lorentz–polarisation factor
// and relative intensities (METHODS.md §9; docs/methods.md §9b).
//
//   using namespace solyte::xtal;
//   CrystalStructure s = io::read_structure("NaCl.cif");
//   std::vector<PowderLine> lines = powder_lines(s, {.wavelength_angstrom = 1.5406});
//   lines[1].two_theta_deg;            // 31.7043 (200)
//   lines[1].relative_intensity;       // 100
//   // Positions only, from a cell and a group (bcc Im-3m, a = 7.882 Å: 110 at 15.8885°):
//   auto pos = powder_line_positions(UnitCell::cubic(7.882), find_space_group("Im-3m"), {});
//
// Formulas (International Tables Vol. C, 3rd ed. 2004, §6.2 and §2.5; B. D. Cullity, Elements of
// X-ray Diffraction, 2nd ed. 1978, ch. 4):
//   Bragg           2θ = 2 asin(λ / 2d), d from the metric (UnitCell::d_spacing)
//   structure       F(h) = Σ_sites (occ_j f_j(s) / n_j) Σ_(R,t) exp(2πi h·(R x_j + t)) T_j(hR)
//                   over all operations of the conventional cell (n_j = site-symmetry order, so
//                   each atom of the orbit counts once), s = sin θ/λ = 1/(2d)
//   form factor     f_j(s) = FF_Rayl(Z, s) of xraylib (T. Schoonjans et al., Spectrochim. Acta
//                   B 66 (2011) 776; neutral atoms, J. H. Hubbell & I. Øverbø, J. Phys. Chem.
//                   Ref. Data 8 (1979) 69); with `anomalous`, + f'(E) + i f''(E) from xraylib's
//                   Atomic_Factors at E = hc/λ (f' = Fi, f'' = −Fii: Kissel's anomalous
//                   scattering factors)
//   displacement    T = exp(−B s²), B = 8π² U_iso; anisotropic T = exp(−2π² Σ U_ij h'_i h'_j
//                   a*_i a*_j) with h' = hR for each image (so every image gets its rotated U)
//   absences        h is absent when some operation with hR = h has h·t ∉ ℤ (then the terms of
//                   F cancel for any structure): the group's operations, no extinction table
//   family          {hR, −hR : R in the point group} (Laue class, Friedel's law); its size is
//                   the multiplicity m; with anomalous terms in an acentric group the mean of
//                   |F(h)|² and |F(−h)|² is used
//   intensity       I = m |F|² LP,  LP = (1 + cos² 2θ) / (sin² θ cos θ) (unpolarised beam, no
//                   monochromator), summed over families at the same 2θ; relative to the
//                   strongest line in range = 100
//
// Failures: InvalidArgument for a wavelength ≤ 0, a range outside (0°, 180°) or empty, an element
// xraylib has no form factor for, or no reflection in range (empty result is not an error: no
// lines).
#pragma once

#include <array>
#include <complex>
#include <optional>
#include <vector>

#include "solyte/xtal/structure.hpp"

namespace solyte::xtal {

struct PowderLinesOptions {
  double wavelength_angstrom = 1.5406;  ///< Cu Kα1 (METHODS.md §9)
  double two_theta_min_deg = 5;
  double two_theta_max_deg = 90;
  bool anomalous = false;  ///< add f' + i f'' (xraylib Fi, Fii) at E = hc/λ
  /// Families whose 2θ differ by less than this share one line, degrees.
  double merge_tolerance_deg = 1e-5;
};

struct HklFamily {
  std::array<int, 3> hkl{};  ///< representative: the largest (h, k, l) of the family
  int multiplicity = 0;
  std::optional<double> f_squared;  ///< |F|² in electrons², per reflection of the family
};

struct PowderLine {
  double two_theta_deg = 0;
  double d_angstrom = 0;
  std::vector<HklFamily> families;           ///< one or more (e.g. 333 and 511 in cubic groups)
  int multiplicity = 0;                      ///< sum over the families
  double lp = 0;                             ///< Lorentz–polarisation factor at 2θ
  std::optional<double> intensity;           ///< Σ m |F|² LP (electrons²)
  std::optional<double> relative_intensity;  ///< 100 × intensity / strongest
};

/// Lines of `structure` in the range, by increasing 2θ, with intensities.
std::vector<PowderLine> powder_lines(const CrystalStructure& structure,
                                     const PowderLinesOptions& options = {});

/// Lines allowed by `group` for `cell` (positions, d, families, multiplicities; no intensities).
std::vector<PowderLine> powder_line_positions(const UnitCell& cell, const SpaceGroup& group,
                                              const PowderLinesOptions& options = {});

/// True when (h k l) is systematically absent in `group` (see above).
bool systematically_absent(const SpaceGroup& group, const std::array<int, 3>& hkl);

/// F(hkl) in electrons (see above); `wavelength_angstrom` only matters with `anomalous`.
std::complex<double> structure_factor(const CrystalStructure& structure,
                                      const std::array<int, 3>& hkl, double wavelength_angstrom,
                                      bool anomalous = false);

/// Neutral-atom form factor f0(s) of element `z` (1–98) from xraylib, s = sin θ/λ in 1/Å.
double atomic_form_factor(int z, double s_per_angstrom);

/// (1 + cos² 2θ) / (sin² θ cos θ) at 2θ in degrees.
double lorentz_polarisation(double two_theta_deg);

/// 2θ in degrees of spacing d at wavelength λ (both Å); InvalidArgument when λ > 2d.
double bragg_two_theta_deg(double d_angstrom, double wavelength_angstrom);

}  // namespace solyte::xtal
