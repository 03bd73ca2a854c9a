// The four complex representations of an impedance spectrum and the loss tangent
// (METHODS.md §1).
//
//   auto t = solyte::eis::representations(spectrum, geometry);
//   double sigma_real = t.conductivity_s_per_m[0].real();   // σ' at the first frequency
//
// With ω = 2πf, K = L/A and C0 = ε0·A/L:
//   Y* = 1/Z*                         admittance, S
//   σ* = K·Y*                         complex conductivity, S/m   (σ' = K·Z'/|Z|²)
//   ε* = σ*/(iωε0)                    relative permittivity, dimensionless
//   M* = 1/ε* = iωC0·Z*               electric modulus, dimensionless (M'' = ωC0·Z')
//   tan δ = ε''/ε' = −Z'/Z''          loss tangent
// Sources: Macdonald & Barsoukov, Impedance Spectroscopy, 3rd ed. (2018), §2.1.2.3;
// Kremer & Schönhals, Broadband Dielectric Spectroscopy (2003), ch. 1.
// Sign convention: ε* = ε' − iε'' with ε'' > 0 for loss; σ* = σ' + iσ''; M* = M' + iM''.
// Failures: InvalidArgument for an invalid spectrum or geometry; a point with Z = 0 gives
// InvalidArgument (its admittance is infinite).
#pragma once

#include <complex>
#include <vector>

#include "solyte/core/spectrum.hpp"

namespace solyte::eis {

enum class Representation { impedance, admittance, conductivity, permittivity, modulus };

struct Representations {
  std::vector<double> frequency_hz;
  std::vector<std::complex<double>> impedance_ohm;
  std::vector<std::complex<double>> admittance_s;
  std::vector<std::complex<double>> conductivity_s_per_m;   ///< σ' + iσ''
  std::vector<std::complex<double>> permittivity;           ///< ε' − iε'' stored as (ε', ε'')
  std::vector<std::complex<double>> modulus;                ///< M' + iM''
  std::vector<double> loss_tangent;                         ///< ε''/ε'
};

/// All representations of `s` for a pellet of geometry `g`.
Representations representations(const Spectrum& s, const PelletGeometry& g);

/// σ'(f) alone, S/m (the quantity the DC plateau is read from). No allocation beyond `out`.
void real_conductivity(const Spectrum& s, const PelletGeometry& g, std::vector<double>& out);

}  // namespace solyte::eis
