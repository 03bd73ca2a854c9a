// RelaxIS 3 projects through the front door (the public reader is
// include/solyte/io/relaxis_project.hpp). docs/formats.md § RelaxIS .eis3.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// True when the bytes start with the SQLite 3 header.
bool is_sqlite(std::string_view bytes);

/// Every spectrum of the project as an impedance record (meta.sample = its name; group, fit
/// model and fit window in meta.header). Throws ParseError for a database that is not a
/// RelaxIS project.
std::vector<Measurement> read_relaxis_records(std::string_view bytes, const std::string& file);

}  // namespace solyte::io::detail
