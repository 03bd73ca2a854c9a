// The one shape every powder-pattern reader produces, so that pattern fitting sees the same
// record whatever the instrument wrote (docs/formats.md § Diffraction records):
//   columns  two_theta [deg], intensity [a.u.], and intensity_sigma when the file gives an esd;
//   meta     technique = diffraction, wavelength_angstrom (Kα1 or the single λ),
//            wavelength2_angstrom and kalpha2_ratio when stated, two_theta_step_deg,
//            time_per_step_s, intensity_unit ("counts", "counts/s"), header entries.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// A pattern record from its columns (all of one length, finite); `sigma` empty when the file
/// has no esd. `two_theta_name` and `intensity_name` are the file's names, for `solyte info`.
Measurement make_pattern(std::vector<double> two_theta, std::vector<double> intensity,
                         std::vector<double> sigma = {}, std::string two_theta_name = "2Theta",
                         std::string intensity_name = "Intensity");

/// x_i = start + i·step, i = 0 … n−1.
std::vector<double> stepped_axis(double start, double step, std::size_t n);

/// Records the wavelengths a file states, in Å. alpha1 ≤ 0 or alpha2 ≤ 0 (how the formats say
/// "not stated") leave the field unset, and the ratio is kept only with a Kα2; a ratio of 0
/// means the file says the beam holds no Kα2 (monochromated). Values outside 0.01–10 Å are
/// ignored with a warning naming `where`.
void set_wavelengths(RecordMetadata& meta, double alpha1, double alpha2, double ratio,
                     std::string_view where);

/// The records of a file that can also hold scans that are not 2θ patterns (rocking curves,
/// other axes), each described in `skipped`: throws ParseError(file, "expected <expected>; the
/// file holds only <first skipped>") when no pattern was read, else notes every skipped scan
/// in a warning on the first record.
std::vector<Measurement> patterns_or_fail(std::vector<Measurement> patterns,
                                          const std::vector<std::string>& skipped,
                                          const std::string& file, std::string_view expected);

/// Appends a header entry whose value is a number (10 significant digits) and its unit.
void add_header_number(RecordMetadata& meta, std::string key, double value,
                       std::string_view unit = {});

/// Appends a header entry unless the value is empty.
void add_header_text(RecordMetadata& meta, std::string key, std::string value);

}  // namespace solyte::io::detail
