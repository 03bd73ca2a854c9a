// What the columns of BioLogic EC-Lab files mean, shared by the text export
// (.mpt) and the binary file (.mpr): both name a column the same way ("Ewe/V",
// "<I>/mA", "(Q-Qo)/mA.h",
// "-Im(Z)/Ohm"), so that the two files of one measurement give the same record.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "solyte/core/measurement.hpp"

namespace solyte::io::detail {

/// Technique of an EC-Lab technique name: the long name on line 4 of an .mpt
/// ("Cyclic Voltammetry", "Potentio Electrochemical Impedance Spectroscopy") or
/// the short one of an .mpr settings module ("CV", "PEIS"). Technique::other
/// when not known.
Technique eclab_technique(std::string_view name);

/// A record from EC-Lab columns: `names` as the files write them, `values[k]`
/// the numbers of column k in the file's unit. Known names become quantities in
/// library units (time, potential from Ewe/V, else <Ewe>/V, else Ecell/V;
/// current from I/mA, else <I>/mA; charge from (Q-Qo); frequency and impedance;
/// cycle number; Ns as step; temperature); the others are kept as
/// Quantity::other under their full name with the unit after the first '/'. A
/// file with impedance columns is an impedance record whatever `technique`
/// says.
Measurement eclab_record(const std::vector<std::string>& names,
                         std::vector<std::vector<double>> values, Technique technique);

}  // namespace solyte::io::detail
