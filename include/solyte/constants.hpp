// Physical constants, CODATA 2018 exact or recommended values (NIST SP 961, 2019).
#pragma once

namespace solyte::constants {

inline constexpr double pi = 3.14159265358979323846;
/// Boltzmann constant in eV/K (CODATA 2018, exact via e and k).
inline constexpr double boltzmann_ev_per_k = 8.617333262e-5;
/// Boltzmann constant in J/K (CODATA 2018, exact).
inline constexpr double boltzmann_j_per_k = 1.380649e-23;
/// Vacuum permittivity ε0 in F/m (CODATA 2018).
inline constexpr double vacuum_permittivity_f_per_m = 8.8541878128e-12;
/// Avogadro constant in 1/mol (CODATA 2018, exact).
inline constexpr double avogadro_per_mol = 6.02214076e23;
/// Elementary charge in C (CODATA 2018, exact).
inline constexpr double elementary_charge_c = 1.602176634e-19;
/// Faraday constant in C/mol (CODATA 2018).
inline constexpr double faraday_c_per_mol = 96485.33212;
/// Molar gas constant R = N_A·k_B in J/(mol·K).
inline constexpr double gas_constant_j_per_mol_k = avogadro_per_mol * boltzmann_j_per_k;
/// 0 °C in kelvin (definition of the Celsius scale).
inline constexpr double zero_celsius_k = 273.15;

}  // namespace solyte::constants
