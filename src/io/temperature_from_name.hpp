// Temperatures written into file names by the people who measured them ("s04147-140deg",
// "spectrum_20_-10C", "run_298K"). The public entry point is io::temperature_from_name.
#pragma once

#include <string_view>
#include <vector>

namespace solyte::io::detail {

/// Every temperature (K) in the base name, in order of appearance; empty when there is none.
std::vector<double> temperatures_in_name(std::string_view base_name);

/// The part of a path after its last '/' or '\\'.
std::string_view base_name(std::string_view path);

}  // namespace solyte::io::detail
