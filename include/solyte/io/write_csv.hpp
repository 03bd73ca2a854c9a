// Writing records as text files the readers accept: comment lines first ("# …", e.g. saying
// that a file is synthetic and from which parameters), then a header with units and the rows.
//
//   std::string text = solyte::io::spectrum_csv(s, {"SYNTHETIC spectrum", "temperature_K: 298.15"});
//
// Numbers are printed with 12 significant digits (round trips within 1e-12 relative).
#pragma once

#include <string>
#include <vector>

#include "solyte/core/measurement.hpp"
#include "solyte/core/spectrum.hpp"

namespace solyte::io {

/// "freq_Hz,Zre_ohm,Zim_ohm" and one row per point, after `comments` as "# " lines.
std::string spectrum_csv(const Spectrum& s, const std::vector<std::string>& comments = {});

/// The columns of `m` with their names and units ("time/s", "potential/V", … as
/// <name>/<unit>, which io::read_measurements maps back), after `comments` as "# " lines.
std::string measurement_csv(const Measurement& m, const std::vector<std::string>& comments = {});

/// Writes `content` to `path` through a temporary file and a rename (no half-written file);
/// creates the folder. Throws std::system_error.
void write_file_atomically(const std::string& path, const std::string& content);

}  // namespace solyte::io
