// Reading instrument files of every technique — impedance, CV/LSV, galvanostatic cycling,
// diffraction, Raman/IR/NMR spectra, DSC — into Measurement records (core/measurement.hpp).
// This is the one front door: the format is detected from the content, not the extension.
//
//   for (const auto& m : solyte::io::read_measurements("cv.mpr"))
//     std::cout << m.meta.format << " " << solyte::to_string(m.meta.technique) << " "
//               << m.size() << " points\n";
//
// Failures: ParseError naming file, line (or byte offset) and what was expected;
// std::system_error when the file cannot be opened. A file that is valid but holds no data
// gives an empty result with a warning, never a failure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "solyte/core/measurement.hpp"
#include "solyte/io/read_spectra.hpp"

namespace solyte::io {

/// Every record in the file at `path` (several for files holding several sweeps, cycles or
/// scans). Impedance records carry frequency, z_real and z_imag columns.
std::vector<Measurement> read_measurements(const std::string& path,
                                           const ReadOptions& options = {});

/// Same, from bytes already in memory; `name` is used in messages.
std::vector<Measurement> read_measurements_from_bytes(std::string_view bytes,
                                                      const std::string& name,
                                                      const ReadOptions& options = {});

/// Name of the format the content would be read as ("biologic-mpt", "delimited", …), or
/// "unknown". Never throws.
std::string detect_measurement_format(std::string_view bytes);

/// One supported format, for `solyte info --formats` and docs/formats.md.
struct FormatInfo {
  std::string name;         ///< "biologic-mpt"
  std::string description;  ///< "BioLogic EC-Lab text export (.mpt)"
};
std::vector<FormatInfo> supported_formats();

}  // namespace solyte::io
