#include "io/impedance_rows.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "io/text_table.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {
// Compact form of a value for messages ("1e+04").
std::string format_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string where(const FieldRef& at) {
  std::string s = at.column.empty() ? std::string() : std::string(at.column) + " ";
  return s + "(field " + std::to_string(at.field) + ")";
}
}  // namespace

void fail_not_a_number(const FieldRef& at, std::string_view found) {
  throw ParseError(*at.file, at.line, at.field,
                   "expected a number for " + where(at) + ", found " +
                       (found.empty() ? std::string("an empty field") : quote_for_message(found)));
}

void check_value(const FieldRef& at, double value, bool is_frequency) {
  if (!std::isfinite(value))
    throw ParseError(
        *at.file, at.line, at.field,
        "expected a finite number for " + where(at) + ", found " + format_number(value));
  if (is_frequency && !(value > 0))
    throw ParseError(*at.file, at.line, at.field,
                     "expected a positive frequency for " + where(at) + ", found " +
                         format_number(value) + " Hz");
}

void fail_field_count(const std::string& file, std::size_t line, std::size_t expected,
                      std::size_t found, std::string_view delimiter, std::size_t reference_line) {
  std::string msg = "expected " + std::to_string(expected) + " " + std::string(delimiter) +
                    "-separated fields as on line " + std::to_string(reference_line) + ", found " +
                    std::to_string(found);
  if (found < expected) msg += " (truncated or damaged line?)";
  throw ParseError(file, line, std::min(found, expected) + 1, msg);
}

void require_monotonic(const std::vector<ImpedanceRow>& rows, const std::string& file,
                       std::size_t frequency_field) {
  int direction = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const double prev = rows[i - 1].frequency_hz, f = rows[i].frequency_hz;
    const int step = f > prev ? 1 : (f < prev ? -1 : 0);
    if (step != 0 && (direction == 0 || step == direction)) {
      direction = step;
      continue;
    }
    const char* order = direction > 0 ? "increasing" : (direction < 0 ? "decreasing" : "monotonic");
    std::string msg = std::string("expected strictly ") + order + " frequencies, found " +
                      format_number(f) + " Hz after " + format_number(prev) + " Hz (line " +
                      std::to_string(rows[i - 1].line) + ")";
    if (step != 0)
      msg += "; the file seems to hold several sweeps: split it into one file per sweep";
    throw ParseError(file, rows[i].line, frequency_field, msg);
  }
}

std::vector<std::vector<ImpedanceRow>> split_sweeps(const std::vector<ImpedanceRow>& rows,
                                                    const std::string& file,
                                                    std::size_t frequency_field) {
  std::vector<std::vector<ImpedanceRow>> sweeps;
  int direction = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const ImpedanceRow& r = rows[i];
    bool start_new = sweeps.empty();
    if (!start_new) {
      const ImpedanceRow& prev = sweeps.back().back();
      const int step =
          r.frequency_hz > prev.frequency_hz ? 1 : (r.frequency_hz < prev.frequency_hz ? -1 : 0);
      if (r.group != prev.group) {
        start_new = true;
      } else if (step == 0) {
        throw ParseError(file, r.line, frequency_field,
                         "expected a new frequency, found " + format_number(r.frequency_hz) +
                             " Hz again (as on line " + std::to_string(prev.line) + ")");
      } else if (direction != 0 && step != direction) {
        start_new = true;  // the sweep restarts
      } else {
        direction = step;
      }
    }
    if (start_new) {
      sweeps.emplace_back();
      direction = 0;
    }
    sweeps.back().push_back(r);
  }
  return sweeps;
}

void require_points(const std::vector<ImpedanceRow>& rows, const std::string& file,
                    std::size_t fallback_line) {
  if (rows.size() >= kMinPoints) return;
  const std::size_t line = rows.empty() ? fallback_line : rows.back().line;
  throw ParseError(file, line, 0,
                   "expected at least " + std::to_string(kMinPoints) +
                       " data points in a spectrum, found " + std::to_string(rows.size()));
}

Spectrum make_spectrum(const std::vector<ImpedanceRow>& rows) {
  Spectrum s;
  s.frequency_hz.reserve(rows.size());
  s.impedance_ohm.reserve(rows.size());
  double t_sum = 0.0;
  bool all_t = !rows.empty();
  for (const auto& r : rows) {
    s.frequency_hz.push_back(r.frequency_hz);
    s.impedance_ohm.push_back(r.z);
    if (std::isnan(r.temperature_k)) all_t = false;
    t_sum += r.temperature_k;
  }
  if (all_t) {
    const double t = t_sum / static_cast<double>(rows.size());
    if (std::isfinite(t) && t > 0) {
      s.meta.temperature_k = t;
      s.meta.temperature_source = TemperatureSource::file;
    }
  }
  return s;
}

void fail_negative_modulus(const std::string& file, std::size_t line, int column) {
  throw ParseError(file, line, static_cast<std::size_t>(column) + 1,
                   "expected a non-negative |Z| in field " + std::to_string(column + 1));
}

}  // namespace solyte::io::detail
