#include "solyte/core/measurement.hpp"

#include <cmath>
#include <utility>

#include "solyte/error.hpp"

namespace solyte {

namespace {

struct QuantityInfo {
  Quantity q;
  std::string_view name;
  std::string_view unit;
};

constexpr QuantityInfo kQuantities[] = {
    {Quantity::other, "other", ""},
    {Quantity::time, "time", "s"},
    {Quantity::potential, "potential", "V"},
    {Quantity::current, "current", "A"},
    {Quantity::charge, "charge", "C"},
    {Quantity::power, "power", "W"},
    {Quantity::frequency, "frequency", "Hz"},
    {Quantity::z_real, "z_real", "Ohm"},
    {Quantity::z_imag, "z_imag", "Ohm"},
    {Quantity::z_modulus, "z_modulus", "Ohm"},
    {Quantity::z_phase, "z_phase", "deg"},
    {Quantity::cycle, "cycle", ""},
    {Quantity::step, "step", ""},
    {Quantity::temperature, "temperature", "K"},
    {Quantity::two_theta, "two_theta", "deg"},
    {Quantity::intensity, "intensity", "a.u."},
    {Quantity::intensity_sigma, "intensity_sigma", "a.u."},
    {Quantity::wavenumber, "wavenumber", "1/cm"},
    {Quantity::chemical_shift, "chemical_shift", "ppm"},
    {Quantity::heat_flow, "heat_flow", "W"},
    {Quantity::specific_heat_flow, "specific_heat_flow", "W/g"},
    {Quantity::mass, "mass", "kg"},
};

const QuantityInfo& info(Quantity q) {
  for (const auto& i : kQuantities)
    if (i.q == q) return i;
  return kQuantities[0];
}

}  // namespace

std::string_view to_string(Quantity q) { return info(q).name; }
std::string_view unit_of(Quantity q) { return info(q).unit; }

std::optional<Quantity> quantity_from_string(std::string_view name) {
  for (const auto& i : kQuantities)
    if (i.q != Quantity::other && i.name == name) return i.q;
  return std::nullopt;
}

const Column* Measurement::find(Quantity q) const {
  for (const auto& c : columns)
    if (c.quantity == q) return &c;
  return nullptr;
}

const Column& Measurement::require(Quantity q) const {
  if (const Column* c = find(q)) return *c;
  std::string have;
  for (const auto& c : columns)
    have += (have.empty() ? "" : ", ") +
            (c.source_name.empty() ? c.name : c.source_name);
  throw InvalidArgument(label() + ": no " + std::string(to_string(q)) + " column (" +
                        std::string(to_string(meta.technique)) + " record with columns " +
                        (have.empty() ? std::string("none") : have) + ")");
}

std::string Measurement::label() const {
  std::string name = meta.source_file.empty() ? std::string("<record>") : meta.source_file;
  if (meta.index_in_file > 0) name += "#" + std::to_string(meta.index_in_file + 1);
  return name;
}

Column& Measurement::add(Quantity q, std::vector<double> values, std::string source_name) {
  Column c;
  c.quantity = q;
  c.name = std::string(to_string(q));
  c.unit = std::string(unit_of(q));
  c.source_name = std::move(source_name);
  c.values = std::move(values);
  columns.push_back(std::move(c));
  return columns.back();
}

void validate(const Measurement& m) {
  const std::size_t n = m.size();
  for (const auto& c : m.columns) {
    if (c.values.size() != n)
      throw InvalidArgument(m.label() + ": column '" + c.name + "' has " +
                            std::to_string(c.values.size()) + " values, expected " +
                            std::to_string(n) + " as in column '" + m.columns.front().name + "'");
    if (c.quantity == Quantity::other) continue;
    for (std::size_t i = 0; i < n; ++i)
      if (!std::isfinite(c.values[i]))
        throw InvalidArgument(m.label() + ": column '" + c.name + "' holds a non-finite value at row " +
                              std::to_string(i + 1));
  }
}

Measurement to_measurement(const Spectrum& s) {
  Measurement m;
  m.meta = s.meta;
  m.meta.technique = Technique::impedance;
  std::vector<double> re(s.size()), im(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    re[i] = s.impedance_ohm[i].real();
    im[i] = s.impedance_ohm[i].imag();
  }
  m.add(Quantity::frequency, s.frequency_hz);
  m.add(Quantity::z_real, std::move(re));
  m.add(Quantity::z_imag, std::move(im));
  return m;
}

}  // namespace solyte
