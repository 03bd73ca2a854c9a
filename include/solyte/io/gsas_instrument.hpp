// GSAS instrument parameter files (.prm, .ins, .inst): the wavelengths and zero shift of a
// constant-wavelength diffractometer, for patterns whose data file does not state them.
//
//   auto banks = solyte::io::read_gsas_instrument("11bm_gsas.prm");
//   double lambda = *banks.front().wavelength_angstrom;   // 0.413909 Å at 11-BM
//   solyte::io::apply_instrument(pattern, banks.front()); // fills missing wavelengths
//
// Failures: ParseError naming file and line; std::system_error when the file cannot be read.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "solyte/core/measurement.hpp"

namespace solyte::io {

/// One bank of an instrument parameter file (records "INS  n ICONS", "INS  n HTYPE" …).
struct GsasInstrument {
  int bank = 1;
  std::string type;                            ///< HTYPE, e.g. "PXCR" (powder, X-ray, CW)
  std::optional<double> wavelength_angstrom;   ///< ICONS λ1, Å
  std::optional<double> wavelength2_angstrom;  ///< ICONS λ2 (0 in the file: none), Å
  std::optional<double> kalpha2_ratio;         ///< ICONS KRATIO, only with a λ2
  double zero_deg = 0.0;                       ///< ICONS zero shift, converted from centidegrees
  std::optional<double> polarization;          ///< ICONS POLA
  /// Every record of the bank as (key, rest of the line), in file order.
  std::vector<std::pair<std::string, std::string>> records;
};

/// True when the content is a GSAS instrument parameter file ("INS   BANK" records).
bool is_gsas_instrument(std::string_view bytes);

/// The banks of the file at `path`, from the bytes in `bytes` (named `name` in messages).
std::vector<GsasInstrument> read_gsas_instrument(const std::string& path);
std::vector<GsasInstrument> read_gsas_instrument_from_bytes(std::string_view bytes,
                                                            const std::string& name);

/// Copies the instrument's wavelengths into a diffraction record that has none (a warning
/// notes a file value that differs by more than 1e-5 Å, which is kept). Throws InvalidArgument
/// for a record without a two_theta column.
void apply_instrument(Measurement& pattern, const GsasInstrument& instrument);

}  // namespace solyte::io
