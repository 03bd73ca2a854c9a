// Reader for BioLogic EC-Lab binary files (.mpr) of every technique.
// docs/formats.md § EC-Lab .mpr.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// True when the bytes start with the "BIO-LOGIC MODULAR FILE" banner.
bool is_biologic_mpr(std::string_view bytes);

/// The data module as records (impedance techniques: one record per sweep),
/// columns named as in the .mpt export; settings and log modules into
/// meta.header, technique from the settings module. A data module of no points
/// gives one record of empty columns. `warnings` receives what was noticed
/// (unknown column IDs skipped, empty data module). Throws ParseError naming
/// the byte offset for a damaged or truncated file, or for an unknown column
/// whose width cannot be inferred.
std::vector<Measurement> read_biologic_mpr(std::string_view bytes, const std::string& file,
                                           std::vector<std::string>& warnings);

}  // namespace solyte::io::detail
