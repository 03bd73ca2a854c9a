// Impedance records of any reader (columns frequency, z_real, z_imag or
// z_modulus, z_phase plus whatever else the file has): splitting a table that
// holds several sweeps, and turning a record into a Spectrum for read_spectra.
#pragma once

#include <string>
#include <vector>

#include "solyte/core/measurement.hpp"
#include "solyte/core/spectrum.hpp"

namespace solyte::io::detail {

/// Splits an impedance record where its cycle column changes or its frequency
/// turns back (a new sweep starts at the other end); every column is sliced
/// alike and index_in_file counts the sweeps from `first_index`. A record
/// without a frequency column is returned unchanged; an empty one gives an
/// empty list.
std::vector<Measurement> split_impedance_sweeps(Measurement m, std::size_t first_index = 0);

/// The record as a list: split into sweeps when it is a non-empty impedance record, else
/// alone.
std::vector<Measurement> records_of(Measurement m);

/// True when the record holds a frequency and Z' and Z'' (or |Z| and phase)
/// columns.
bool is_impedance_record(const Measurement& m);

/// The record as a spectrum (Z from Z'/Z'' or |Z|/phase). Throws ParseError
/// naming `file` and the record when it has fewer than 3 points, a non-positive
/// or repeated frequency or frequencies that are not monotonic.
Spectrum spectrum_from_record(const Measurement& m, const std::string& file);

}  // namespace solyte::io::detail
