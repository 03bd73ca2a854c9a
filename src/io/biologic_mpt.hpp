// Reader for BioLogic EC-Lab (and BT-Lab) text exports, .mpt, of impedance techniques
// (PEIS, GEIS and impedance steps of modular sequences). docs/formats.md § EC-Lab.
#pragma once

#include <string>
#include <vector>

#include "io/text_table.hpp"
#include "solyte/core/spectrum.hpp"

namespace solyte::io::detail {

/// True when the first line is the EC-Lab/BT-Lab text-export banner.
bool is_biologic_mpt(const std::vector<TextLine>& lines);

/// Every sweep in the file, split where "cycle number" changes or the frequency restarts.
/// Throws ParseError for files of other techniques or damaged tables.
std::vector<Spectrum> read_biologic_mpt(const std::vector<TextLine>& lines,
                                        const std::string& file);

}  // namespace solyte::io::detail
