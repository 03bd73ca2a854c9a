// Forward model of a pellet's impedance spectra over a temperature series, for round-trip
// tests and the demo.
//
//   solyte::sim::ConductivityLaw law{.sigma_ref_s_per_m = 0.4, .t_ref_k = 298.15,
//                                    .ea_ev = {0.671, 0.205}, .crossover_k = {298.15}};
//   solyte::sim::PelletCell cell{.geometry = PelletGeometry::from_diameter(10e-3, 0.5e-3)};
//   auto s = solyte::sim::simulate_pellet(cell, law.sigma_s_per_m(253.15),
//                                         solyte::sim::log_frequencies(1e-2, 7e7, 10));
//
// Circuit: bulk R_b ‖ (C_b or CPE_b), optional grain boundary R_gb ‖ CPE_gb, blocking
// electrode CPE_el in series (Z_CPE = 1/(Q(iω)^α), METHODS.md §8). R_b = K/σ_bulk with
// K = L/A; C_b = ε_r ε0 A/L (for a CPE, Q chosen so that the CPE and an ideal C_b give
// the same relaxation frequency 1/(2π R_b C_b)). Noise: Gaussian, relative to |Z|, on Re
// and Im independently, from a seeded generator (same seed → same spectrum).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "solyte/core/spectrum.hpp"
#include "solyte/transport/arrhenius.hpp"

namespace solyte::sim {

/// σ(T) with one or more Arrhenius regimes and optional jumps.
/// Regime i applies between crossover_k[i-1] and crossover_k[i]; the curve is continuous at
/// crossovers; a jump multiplies σ by 10^decades for every T above its temperature.
/// The curve is anchored so that σ(t_ref_k) = sigma_ref_s_per_m.
struct Jump {
  double temperature_k = 0;
  double decades = 0;
};
struct ConductivityLaw {
  transport::ArrheniusForm form = transport::ArrheniusForm::sigma_t;
  double sigma_ref_s_per_m = 0.1;
  double t_ref_k = 298.15;
  std::vector<double> ea_ev{0.3};        ///< from low to high temperature
  std::vector<double> crossover_k;       ///< ascending, size ea_ev.size() − 1
  std::vector<Jump> jumps;

  /// σ in S/m at T (K). Throws InvalidArgument when the law is inconsistent.
  double sigma_s_per_m(double t_k) const;
};

struct PelletCell {
  PelletGeometry geometry = PelletGeometry::from_diameter(10e-3, 0.5e-3);
  double bulk_permittivity = 20.0;       ///< ε_r of the bulk
  double bulk_alpha = 1.0;               ///< 1 → ideal capacitor
  std::optional<double> gb_resistance_ratio;   ///< R_gb / R_b; none → no grain boundary
  double gb_capacitance_f = 1e-9;        ///< relaxation of R_gb ‖ CPE_gb as for an ideal C
  double gb_alpha = 0.85;
  std::optional<double> electrode_q;     ///< blocking CPE Q in F·s^(α−1); none → no electrode
  double electrode_alpha = 0.9;
  double series_resistance_ohm = 0.0;
};

struct Noise {
  double relative = 0.0;   ///< standard deviation relative to |Z|
  std::uint64_t seed = 1;
};

/// Log-spaced frequencies from f_max down to f_min (Hz), `per_decade` points per decade,
/// both ends included; descending like most instruments.
std::vector<double> log_frequencies(double f_min_hz, double f_max_hz, int per_decade);

/// One spectrum for bulk conductivity sigma_bulk (S/m). The metadata carries the geometry and
/// technique; the caller sets the temperature. Throws InvalidArgument on non-positive input.
Spectrum simulate_pellet(const PelletCell& cell, double sigma_bulk_s_per_m,
                         const std::vector<double>& frequencies_hz, const Noise& noise = {});

/// Spectra at each temperature, σ from `law`, metadata temperature set; noise seeds differ
/// per spectrum (seed + index).
std::vector<Spectrum> simulate_temperature_series(const PelletCell& cell,
                                                  const ConductivityLaw& law,
                                                  const std::vector<double>& temperatures_k,
                                                  const std::vector<double>& frequencies_hz,
                                                  const Noise& noise = {});

/// The cell's impedance at angular frequency ω without noise (exposed for tests).
std::complex<double> pellet_impedance(const PelletCell& cell, double sigma_bulk_s_per_m,
                                      double omega_rad_s);

}  // namespace solyte::sim
