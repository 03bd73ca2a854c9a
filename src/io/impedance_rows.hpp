// Rows of (f, Z) read from a table, and the checks every reader applies before they become
// spectra: finite values, positive frequencies, monotonic sweeps, enough points.
#pragma once

#include <complex>
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "solyte/core/spectrum.hpp"

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

/// Frequencies and impedances of the rows; the mean row temperature (when every row has
/// one) as a file temperature.
Spectrum make_spectrum(const std::vector<ImpedanceRow>& rows);

}  // namespace solyte::io::detail
