// What a column header means: frequency, Z', Z'', |Z|, phase or temperature, whatever the
// instrument calls it ("freq/Hz", "Zreal", "-Im(Z)/Ohm", "Zs''[ohm]", "Z\"/ohm", "Zphz").
#pragma once

#include <string_view>
#include <vector>

namespace solyte::io::detail {

enum class ImpedanceColumn { none, frequency, real, imag, modulus, phase, temperature };

enum class TemperatureUnit { unknown, celsius, kelvin };

struct ColumnMeaning {
  ImpedanceColumn quantity = ImpedanceColumn::none;
  bool negated = false;   ///< the column holds minus the quantity ("-Im(Z)", "-Z''")
  bool radians = false;   ///< a phase given in radians (degrees otherwise)
  bool specimen = false;  ///< Novocontrol specimen impedance "Zs'", preferred over "Z'"
  TemperatureUnit temperature_unit = TemperatureUnit::unknown;
};

/// Meaning of one header name, case- and blank-insensitive. Unknown names → ImpedanceColumn::none.
ColumnMeaning identify_column(std::string_view name);

/// 0-based indices of the columns a header names (−1 when absent); the first column of each
/// kind wins, except that a specimen pair (Zs', Zs'') wins over a plain one.
struct ColumnMap {
  int frequency = -1, real = -1, imag = -1, modulus = -1, phase = -1, temperature = -1;
  bool imag_negated = false, phase_negated = false, phase_radians = false;
  bool temperature_kelvin = false;
  int temperature_without_unit = -1;  ///< a temperature column whose unit is not stated

  bool has_cartesian() const { return real >= 0 && imag >= 0; }
  bool has_polar() const { return modulus >= 0 && phase >= 0; }
  bool has_impedance() const { return frequency >= 0 && (has_cartesian() || has_polar()); }
  bool recognises_anything() const {
    return frequency >= 0 || real >= 0 || imag >= 0 || modulus >= 0 || phase >= 0;
  }
};

ColumnMap map_columns(const std::vector<std::string_view>& names);

}  // namespace solyte::io::detail
