// Reader for BioLogic EC-Lab (and BT-Lab) text exports, .mpt: every technique
// as records (read_biologic_mpt_records), and impedance techniques (PEIS, GEIS
// and impedance steps of modular sequences) as spectra with the checks
// read_spectra promises. docs/formats.md § EC-Lab.
#pragma once

#include <string>
#include <vector>

#include "io/text_table.hpp"
#include "solyte/core/measurement.hpp"
#include "solyte/core/spectrum.hpp"

namespace solyte::io::detail {

/// True when the first line is the EC-Lab/BT-Lab text-export banner.
bool is_biologic_mpt(const std::vector<TextLine>& lines);

/// Every sweep in the file, split where "cycle number" changes or the frequency
/// restarts. Throws ParseError for files of other techniques or damaged tables.
std::vector<Spectrum> read_biologic_mpt(const std::vector<TextLine>& lines,
                                        const std::string& file);

/// Every column of the table as a record (impedance techniques: one record per
/// sweep, split where "cycle number" changes or the frequency restarts), named
/// and converted as in io/eclab_columns.hpp; the header's "key : value" lines
/// and settings into meta.header, the technique from line 4, the electrode area
/// and a thermostat temperature when stated. Throws ParseError naming line and
/// field for a damaged row.
std::vector<Measurement> read_biologic_mpt_records(const std::vector<TextLine>& lines,
                                                   const std::string& file);

}  // namespace solyte::io::detail
