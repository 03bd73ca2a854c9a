// Command-line forms shared by the commands that take circuits (fit, simulate): NAME=VALUE
// lists, NAME=LOW:HIGH bounds, parameter vectors by name or position, and units made fit for
// column headers.
#pragma once

#include <string>
#include <vector>

#include "solyte/eis/circuit.hpp"
#include "solyte/eis/circuit_fit.hpp"

namespace solyte::cli {

/// "R1=1e4" items (values in SI units). Throws InvalidArgument naming `option` and the item.
std::vector<eis::ParameterValue> parse_assignments(const std::vector<std::string>& items,
                                                   const std::string& option);

/// "CPE1_alpha=0.5:1" items; "inf" and "-inf" allowed. Throws InvalidArgument.
std::vector<eis::ParameterBounds> parse_bounds(const std::vector<std::string>& items);

/// A value for every parameter of `c`: all items NAME=VALUE (each parameter once), or all
/// plain numbers in circuit order. Throws InvalidArgument listing the parameters.
std::vector<double> parameter_vector(const eis::Circuit& c, const std::vector<std::string>& items);

/// "S*s^a" → "S_s^a", "" → "" : a unit to append to a column header after '_'.
std::string header_unit(const std::string& unit);

/// Column header for a parameter: "R1_Ohm", "CPE1_alpha", "CPE1_Q_S_s^a".
std::string parameter_header(const eis::CircuitParameter& p, const std::string& suffix = "");

}  // namespace solyte::cli
