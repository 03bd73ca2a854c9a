// Records of any technique as the command-line tool prints them: normalised column headers
// with units ("two_theta[deg]", "time[s]"), one table per record, and the output format a
// command should use when -o names a .csv, .tsv or .json file.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "commands.hpp"
#include "output.hpp"
#include "solyte/core/measurement.hpp"

namespace solyte::cli {

/// "two_theta[deg]", "intensity[a.u.]", "Sensit.[uV/mW]"; the bare name when there is no unit.
std::string column_header(const Column& c);

/// Every column of `m`, one row per point, headers from column_header; the title names the
/// record, its format and technique.
Table record_table(const Measurement& m);

/// Adds --technique NAME (impedance, raman, diffraction, … as core/metadata.hpp names them):
/// what a file holds when its content cannot tell, passed to the readers as a hint.
void add_technique_option(CLI::App* cmd, std::string& technique);

/// --format when it was given on the command line, else the -o file's extension (.csv, .tsv,
/// .json), else text.
Format output_format(const CLI::App& cmd, const GlobalOptions& g);

}  // namespace solyte::cli
