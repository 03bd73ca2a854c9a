// An impedance spectrum of one sample at one temperature, with what is known about it.
//
//   solyte::Spectrum s;
//   s.frequency_hz = {1e6, 1e5, 1e4};
//   s.impedance_ohm = {{1e3, -2e3}, {5e3, -1e3}, {6e3, -5e2}};   // Z'' < 0: capacitive
//   s.meta.geometry = solyte::PelletGeometry::from_diameter(10e-3, 0.5e-3);
//   s.meta.temperature_k = 298.15;
//
// Conventions (METHODS.md §1): Z* = Z' + iZ'', capacitive response has Z'' < 0; readers
// normalise files that store −Z''. Frequencies are positive and strictly monotonic (either
// direction). Everything is SI.
#pragma once

#include <complex>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "solyte/core/metadata.hpp"

namespace solyte {

/// Metadata of a spectrum; readers set technique = impedance.
using SpectrumMetadata = RecordMetadata;

struct Spectrum {
  std::vector<double> frequency_hz;                ///< Hz, > 0, strictly monotonic
  std::vector<std::complex<double>> impedance_ohm; ///< Ω, Z' + iZ''
  SpectrumMetadata meta{.technique = Technique::impedance};

  std::size_t size() const { return frequency_hz.size(); }
  /// A name for messages: "file" or "file#2" when the file holds several spectra.
  std::string label() const;
};

/// Throws InvalidArgument when the spectrum breaks the conventions above (sizes differ,
/// fewer than `min_points` points, a frequency ≤ 0 or not finite, frequencies not strictly
/// monotonic, a non-finite impedance). The message names the spectrum and the point.
void validate(const Spectrum& s, std::size_t min_points = 1);

/// Copy of `s` with points ordered by increasing frequency.
Spectrum sorted_by_frequency(const Spectrum& s);

}  // namespace solyte
