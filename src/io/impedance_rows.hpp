// Rows of (f, Z) read from a table, and the checks every reader applies before they become
// spectra: finite values, positive frequencies, monotonic sweeps, enough points.
#pragma once

#include <complex>
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "io/column_names.hpp"
#include "solyte/core/spectrum.hpp"
#include "solyte/units.hpp"

namespace solyte::io::detail {

struct ImpedanceRow {
  double frequency_hz = 0.0;
  std::complex<double> z;
  double temperature_k = std::numeric_limits<double>::quiet_NaN();  ///< NaN: none in the row
  double group = 0.0;    ///< e.g. EC-Lab "cycle number"; a change starts a new sweep
  std::size_t line = 0;  ///< 1-based line in the file
};

/// Fewest points a spectrum may have (three are needed for any arc).
inline constexpr std::size_t kMinPoints = 3;

/// Where in the file a value came from, for messages.
struct FieldRef {
  const std::string* file;
  std::size_t line;
  std::size_t field;        ///< 1-based field index
  std::string_view column;  ///< column name as the file or the layout gives it
};

/// Throws ParseError ("expected a number for <column> (field N), found '…'").
[[noreturn]] void fail_not_a_number(const FieldRef& at, std::string_view found);
/// Throws unless `value` is finite; for the frequency also unless it is > 0.
void check_value(const FieldRef& at, double value, bool is_frequency);
/// Throws ParseError: "expected N fields …, found M" at the first missing/extra field.
[[noreturn]] void fail_field_count(const std::string& file, std::size_t line, std::size_t expected,
                                   std::size_t found, std::string_view delimiter,
                                   std::size_t reference_line);

/// Throws ParseError: "expected a non-negative |Z| in field N".
[[noreturn]] void fail_negative_modulus(const std::string& file, std::size_t line, int column);

/// Throws unless frequencies are strictly monotonic; the message suggests that a file
/// holding several sweeps be split.
void require_monotonic(const std::vector<ImpedanceRow>& rows, const std::string& file,
                       std::size_t frequency_field);

/// Splits rows into sweeps where `group` changes or the frequency turns back (a new sweep
/// restarts at the other end). A repeated frequency is an error.
std::vector<std::vector<ImpedanceRow>> split_sweeps(const std::vector<ImpedanceRow>& rows,
                                                    const std::string& file,
                                                    std::size_t frequency_field);

/// Throws unless the sweep has kMinPoints points; `fallback_line` is used when it is empty.
void require_points(const std::vector<ImpedanceRow>& rows, const std::string& file,
                    std::size_t fallback_line);

/// One row from the columns `map` names. `value(column, is_frequency)` returns the checked
/// number in that column; `a_col`/`b_col` are Z'/Z'' or |Z|/phase (`polar`, phase scaled by
/// `to_rad`). Throws ParseError for a negative |Z|.
template <class Value>
ImpedanceRow row_from_columns(const Value& value, const ColumnMap& map, int a_col, int b_col,
                              bool polar, double to_rad, const std::string& file,
                              std::size_t line);

/// Frequencies and impedances of the rows; the mean row temperature (when every row has
/// one) as a file temperature.
Spectrum make_spectrum(const std::vector<ImpedanceRow>& rows);

// Shared by the EC-Lab and Novocontrol readers, whose columns are found by name.
template <class Value>
ImpedanceRow row_from_columns(const Value& value, const ColumnMap& map, int a_col, int b_col,
                              bool polar, double to_rad, const std::string& file,
                              std::size_t line) {
  ImpedanceRow r;
  r.line = line;
  r.frequency_hz = value(map.frequency, true);
  const double a = value(a_col, false), b = value(b_col, false);
  if (polar) {
    if (a < 0) fail_negative_modulus(file, line, a_col);
    r.z = std::polar(a, (map.phase_negated ? -b : b) * to_rad);
  } else {
    r.z = {a, map.imag_negated ? -b : b};   // files that store −Z'' say so in the header
  }
  if (map.temperature >= 0) {
    const double t = value(map.temperature, false);
    r.temperature_k = map.temperature_kelvin ? t : celsius_to_kelvin(t);
  }
  return r;
}

}  // namespace solyte::io::detail
