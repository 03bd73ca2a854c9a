#include "io/diffraction_record.hpp"

#include <cmath>
#include <cstdio>
#include <utility>

#include "solyte/error.hpp"

namespace solyte::io::detail {

Measurement make_pattern(std::vector<double> two_theta, std::vector<double> intensity,
                         std::vector<double> sigma, std::string two_theta_name,
                         std::string intensity_name) {
  Measurement m;
  m.meta.technique = Technique::diffraction;
  m.add(Quantity::two_theta, std::move(two_theta), std::move(two_theta_name));
  m.add(Quantity::intensity, std::move(intensity), std::move(intensity_name));
  if (!sigma.empty()) m.add(Quantity::intensity_sigma, std::move(sigma), "esd");
  return m;
}

std::vector<double> stepped_axis(double start, double step, std::size_t n) {
  std::vector<double> x(n);
  // Multiplying rather than accumulating keeps the last point exact to the file's start and
  // step, as the instruments' own exports compute it.
  for (std::size_t i = 0; i < n; ++i) x[i] = start + static_cast<double>(i) * step;
  return x;
}

namespace {
bool plausible_wavelength(double a) { return std::isfinite(a) && a > 0.01 && a < 10.0; }

std::string number_text(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}
}  // namespace

void set_wavelengths(RecordMetadata& meta, double alpha1, double alpha2, double ratio,
                     std::string_view where) {
  auto note = [&](std::string_view what, double v) {
    meta.warnings.push_back(std::string(where) + ": " + std::string(what) + " " + number_text(v) +
                            " Å is not a plausible X-ray or neutron wavelength; ignored");
  };
  if (std::isfinite(alpha1) && alpha1 > 0) {
    if (plausible_wavelength(alpha1))
      meta.wavelength_angstrom = alpha1;
    else
      note("wavelength", alpha1);
  }
  if (!meta.wavelength_angstrom) return;
  if (std::isfinite(alpha2) && alpha2 > 0) {
    if (!plausible_wavelength(alpha2)) {
      note("second wavelength", alpha2);
      return;
    }
    meta.wavelength2_angstrom = alpha2;
    if (std::isfinite(ratio) && ratio >= 0 && ratio <= 1) meta.kalpha2_ratio = ratio;
  }
}

std::vector<Measurement> patterns_or_fail(std::vector<Measurement> patterns,
                                          const std::vector<std::string>& skipped,
                                          const std::string& file, std::string_view expected) {
  if (patterns.empty())
    throw ParseError(file, 0, 0,
                     "expected " + std::string(expected) + "; the file holds only " +
                         (skipped.empty() ? std::string("other scans") : skipped.front()));
  for (const auto& s : skipped)
    patterns.front().meta.warnings.push_back(s + " is not a 2θ pattern; not read");
  return patterns;
}

void add_header_number(RecordMetadata& meta, std::string key, double value, std::string_view unit) {
  std::string text = number_text(value);
  if (!unit.empty()) text += " " + std::string(unit);
  meta.header.emplace_back(std::move(key), std::move(text));
}

void add_header_text(RecordMetadata& meta, std::string key, std::string value) {
  if (value.empty()) return;
  meta.header.emplace_back(std::move(key), std::move(value));
}

}  // namespace solyte::io::detail
