// What the modulus and permittivity fits share: the spectrum's representations sorted by
// frequency and cut to the fit window, and which exponents a model fits.
#pragma once

#include <complex>
#include <optional>
#include <string_view>
#include <vector>

#include "solyte/core/spectrum.hpp"
#include "solyte/relax/relaxation_functions.hpp"

namespace solyte::relax::detail {

struct WindowedData {
  std::vector<double> f, omega;                    ///< ascending frequency, Hz and rad/s
  std::vector<std::complex<double>> modulus;       ///< M' + iM''
  std::vector<std::complex<double>> permittivity;  ///< (ε', ε'')
};

/// Throws InvalidArgument naming the spectrum when fewer than `min_points` remain, or for an
/// inverted window.
WindowedData windowed_data(const Spectrum& s, const PelletGeometry& g,
                           std::optional<double> f_min_hz, std::optional<double> f_max_hz,
                           std::size_t min_points, std::string_view what);

inline bool uses_alpha(RelaxationModel m) {
  return m == RelaxationModel::cole_cole || m == RelaxationModel::havriliak_negami;
}
inline bool uses_gamma(RelaxationModel m) {
  return m == RelaxationModel::cole_davidson || m == RelaxationModel::havriliak_negami;
}
inline bool uses_beta(RelaxationModel m) { return m == RelaxationModel::kww; }

}  // namespace solyte::relax::detail
