// Conductivity of a mixture of phases: bounds and effective-medium estimates
// (METHODS.md §6; docs/methods.md §6).
//
//   using namespace solyte::transport;
//   std::vector<MediumPhase> p = {{.volume_fraction = 0.92, .sigma_s_per_m = 0.4},     // 4 mS/cm
//                                 {.volume_fraction = 0.08, .sigma_s_per_m = 4e-5}};   // 4e-4
//                                 mS/cm
//   double s = bruggeman_conductivity(p);              // 0.35201 S/m = 3.5201 mS/cm
//   double u = maxwell_garnett_conductivity(p, 0);     // 3.5385 mS/cm (bcc phase as host)
//   for (auto& e : effective_medium_estimates(p)) std::cout << e.method << " " << e.sigma_s_per_m;
//
// With φ_i the volume fractions (Σ φ_i = 1) and σ_i the phase conductivities:
//   parallel      σ = Σ φ_i σ_i                      Wiener upper bound (slabs along the field)
//   series        1/σ = Σ φ_i/σ_i                    Wiener lower bound (slabs across it)
//     O. Wiener, Abh. Math.-Phys. Kl. Sächs. Ges. Wiss. 32 (1912) 509.
//   Maxwell-Garnett, host h with the other phases as isolated spheres (discs in 2-D):
//     (σ − σ_h)/(σ + (d−1)σ_h) = Σ_{i≠h} φ_i (σ_i − σ_h)/(σ_i + (d−1)σ_h)
//     J. C. Maxwell Garnett, Phil. Trans. R. Soc. Lond. A 203 (1904) 385. For two phases in
//     3-D it equals the Hashin–Shtrikman bound (upper with the better conductor as host;
//     Z. Hashin, S. Shtrikman, J. Appl. Phys. 33 (1962) 3125).
//   Bruggeman symmetric (random mixture, every phase treated alike), dimension d = 3 or 2:
//     Σ_i φ_i (σ_i − σ)/(σ_i + (d−1)σ) = 0
//     D. A. G. Bruggeman, Ann. Phys. (Leipzig) 416 (1935) 636; R. Landauer, AIP Conf. Proc.
//     40 (1978) 2 (review). With an insulating second phase σ = σ_1 (dφ_1 − 1)/(d − 1): the
//     conductor percolates at φ_1 = 1/d (1/3 in 3-D, 1/2 in 2-D) and σ = 0 below.
//   Lichtenecker   ln σ = Σ φ_i ln σ_i   (K. Lichtenecker, Phys. Z. 27 (1926) 115), empirical.
// Two phases: Bruggeman is the positive root of (d−1)σ² − bσ − σ_1σ_2 = 0,
// b = (dφ_1 − 1)σ_1 + (dφ_2 − 1)σ_2, evaluated without cancellation; more phases: the unique
// root of the left side (decreasing in σ) bracketed in [min σ_i, max σ_i].
//
// Units: σ in S/m in and out (any unit works as long as all phases share it); fractions are
// fractions (not %). Densities in volume_fractions_from_weight_fractions in any one unit.
// Failures: InvalidArgument for no phases, a fraction outside [0, 1], fractions that do not
// sum to 1 (within 1e-6), a negative or non-finite σ, a dimension other than 2 or 3, a
// Maxwell-Garnett host index out of range or with zero fraction, non-positive densities.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace solyte::transport {

struct MediumPhase {
  double volume_fraction = 0;  ///< φ in [0, 1]
  double sigma_s_per_m = 0;    ///< σ ≥ 0 (0 = insulator)
};

/// Wiener upper bound Σ φ_i σ_i.
double parallel_conductivity(std::span<const MediumPhase> phases);
/// Wiener lower bound (Σ φ_i/σ_i)⁻¹; 0 when a phase with φ > 0 insulates.
double series_conductivity(std::span<const MediumPhase> phases);
/// Maxwell-Garnett with phases[host] as the continuous matrix; dimension 3 (spheres) or 2.
double maxwell_garnett_conductivity(std::span<const MediumPhase> phases, std::size_t host,
                                    int dimension = 3);
/// Symmetric Bruggeman effective medium; dimension 3 or 2.
double bruggeman_conductivity(std::span<const MediumPhase> phases, int dimension = 3);
/// Lichtenecker's logarithmic rule Π σ_i^φ_i; 0 when a phase with φ > 0 insulates.
double lichtenecker_conductivity(std::span<const MediumPhase> phases);
/// Percolation threshold of the symmetric Bruggeman medium, 1/d.
double bruggeman_percolation_threshold(int dimension = 3);

/// φ_i = (w_i/ρ_i) / Σ_j (w_j/ρ_j) from weight fractions (summing to 1) and densities.
std::vector<double> volume_fractions_from_weight_fractions(std::span<const double> weight_fractions,
                                                           std::span<const double> densities);

struct EffectiveMediumEstimate {
  std::string method;               ///< parallel, series, maxwell-garnett, bruggeman-3d, …
  std::optional<std::size_t> host;  ///< Maxwell-Garnett: index of the host phase
  double sigma_s_per_m = 0;
  std::string note;  ///< what the estimate assumes, in words
};

/// Every estimate above: parallel, series, Maxwell-Garnett (3-D) with each phase of non-zero
/// fraction as host, Bruggeman 3-D and 2-D, Lichtenecker, in that order.
std::vector<EffectiveMediumEstimate> effective_medium_estimates(
    std::span<const MediumPhase> phases);

}  // namespace solyte::transport
