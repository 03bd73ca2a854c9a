// Reading a table of DC conductivities against temperature: the one `solyte conductivity`
// writes (CSV, TSV or JSON), or a user's own CSV with a header.
//
//   auto pts = solyte::io::read_conductivity_table("sigma.csv");
//   auto fit = solyte::transport::fit_arrhenius(pts);
//
// Columns (header names, case-insensitive): temperature T_K (or T_C); conductivity
// sigma_dc_S_per_cm (or sigma_S_per_cm, sigma_S_per_m); optional sigma_err_S_per_cm /
// sigma_err_S_per_m, run (heating|cooling), file. Rows whose conductivity cell is empty (no
// plateau) are skipped and counted in `skipped`. JSON: an array of such objects, or an
// object with such an array under "results".
// Failures: ParseError naming file, line and column (missing column, non-numeric cell).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "solyte/transport/arrhenius.hpp"

namespace solyte::io {

struct ConductivityTable {
  std::vector<transport::ConductivityPoint> points;
  std::size_t skipped = 0;   ///< rows without a conductivity value
};

ConductivityTable read_conductivity_table(const std::string& path);
ConductivityTable read_conductivity_table_from_bytes(std::string_view bytes,
                                                     const std::string& name);

/// True when the bytes look like such a table (JSON, or a header naming a temperature and a
/// conductivity column) rather than a spectrum.
bool looks_like_conductivity_table(std::string_view bytes);

}  // namespace solyte::io
