// Forward models of circuits, for round-trip tests of the fits, the DRT and friends. The
// element formulas are those of eis/circuit_elements.hpp; whole circuits are given as strings
// (eis/circuit.hpp) to simulate_circuit.
//
//   auto c = solyte::eis::Circuit::parse("R0-p(R1,CPE1)");
//   auto s1 = solyte::sim::simulate_circuit(c, std::vector<double>{10, 1e4, 3e-9, 0.85},
//                                           log_frequencies(0.1, 1e7, 7), {.relative = 0.01});
//
//   using namespace solyte::sim;
//   const double q = zarc_q_from_tau(100, 1e-3, 0.9);             // R = 100 Ω, τ0 = 1 ms
//   auto s = make_spectrum(log_frequencies(1e-2, 1e6, 10), [&](double w) {
//     return 10.0 + zarc_impedance(100, q, 0.9, w);                // R∞ + R‖CPE
//   }, {.relative = 0.005, .seed = 7});
//
// Conventions: ω in rad/s, Z in Ω with Z'' < 0 for capacitive response (METHODS.md §1, §8).
// Every function throws InvalidArgument for non-positive or non-finite parameters.
#pragma once

#include <complex>
#include <functional>
#include <vector>

#include "solyte/core/spectrum.hpp"
#include "solyte/eis/circuit.hpp"
#include "solyte/sim/pellet_impedance.hpp"

namespace solyte::sim {

/// R ‖ C: Z = R/(1 + iωτ), τ = RC (s). R > 0, τ > 0, ω ≥ 0.
std::complex<double> rc_impedance(double r_ohm, double tau_s, double omega_rad_s);

/// R ‖ CPE (ZARC, Cole–Cole): Z = R/(1 + R·Q·(iω)^α) with (iω)^α = ω^α·e^{iπα/2};
/// Q in F·s^(α−1), 0 < α ≤ 1 (α = 1 is R ‖ C with C = Q).
std::complex<double> zarc_impedance(double r_ohm, double q, double alpha, double omega_rad_s);

/// Q of a ZARC whose characteristic time τ0 = (R·Q)^(1/α) is given: Q = τ0^α/R.
double zarc_q_from_tau(double r_ohm, double tau_s, double alpha);

/// The exact DRT of a ZARC, Ω per unit ln τ (the Cole–Cole distribution of relaxation
/// times, K. S. Cole and R. H. Cole, J. Chem. Phys. 9 (1941) 341, with their α = 1 − ours):
/// γ(ln τ) = (R/2π)·sin((1−α)π)/(cosh(α·ln(τ/τ0)) − cos((1−α)π)), ∫ γ d ln τ = R.
/// For α = 1 (a delta function) it returns 0 except at τ = τ0 (+inf there).
double zarc_drt(double r_ohm, double tau0_s, double alpha, double tau_s);

/// A spectrum with Z(f_i) = impedance(2π f_i) at the given frequencies (Hz, > 0, strictly
/// monotonic, order kept), plus the simulators' noise (relative to |Z|, Gaussian on Re and
/// Im, seeded; see pellet_impedance.hpp). Metadata: technique impedance, format "simulated".
/// Throws InvalidArgument for bad frequencies or a non-finite impedance.
Spectrum make_spectrum(const std::vector<double>& frequencies_hz,
                       const std::function<std::complex<double>(double omega_rad_s)>& impedance,
                       const Noise& noise = {});

/// The spectrum of circuit `c` with parameters `p` (natural units, circuit order) at the
/// given frequencies, with noise as make_spectrum adds it. Metadata: format "simulated".
/// Throws InvalidArgument for a wrong number of parameters or bad frequencies.
Spectrum simulate_circuit(const eis::Circuit& c, std::span<const double> p,
                          const std::vector<double>& frequencies_hz, const Noise& noise = {});

}  // namespace solyte::sim
