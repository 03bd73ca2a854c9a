#include "solyte/core/metadata.hpp"

#include <cmath>
#include <utility>

#include "solyte/constants.hpp"
#include "solyte/error.hpp"

namespace solyte {

PelletGeometry PelletGeometry::from_diameter(double diameter_m, double thickness_m) {
  if (!(diameter_m > 0) || !std::isfinite(diameter_m))
    throw InvalidArgument("pellet diameter must be positive and finite");
  if (!(thickness_m > 0) || !std::isfinite(thickness_m))
    throw InvalidArgument("pellet thickness must be positive and finite");
  return {constants::pi * diameter_m * diameter_m / 4.0, thickness_m};
}

double PelletGeometry::vacuum_capacitance_f() const {
  return constants::vacuum_permittivity_f_per_m * area_m2 / thickness_m;
}

double PelletGeometry::diameter_m() const { return std::sqrt(4.0 * area_m2 / constants::pi); }

namespace {
constexpr std::pair<Technique, std::string_view> kTechniqueNames[] = {
    {Technique::impedance, "impedance"},
    {Technique::cyclic_voltammetry, "cyclic-voltammetry"},
    {Technique::linear_sweep, "linear-sweep"},
    {Technique::galvanostatic, "galvanostatic"},
    {Technique::chronopotentiometry, "chronopotentiometry"},
    {Technique::chronoamperometry, "chronoamperometry"},
    {Technique::open_circuit, "open-circuit"},
    {Technique::diffraction, "diffraction"},
    {Technique::raman, "raman"},
    {Technique::infrared, "infrared"},
    {Technique::nmr, "nmr"},
    {Technique::dsc, "dsc"},
    {Technique::other, "other"},
};
}  // namespace

std::string_view to_string(Technique t) {
  for (const auto& [tech, name] : kTechniqueNames)
    if (tech == t) return name;
  return "other";
}

std::optional<Technique> technique_from_string(std::string_view name) {
  for (const auto& [tech, n] : kTechniqueNames)
    if (n == name) return tech;
  return std::nullopt;
}

std::string_view to_string(TemperatureSource s) {
  switch (s) {
    case TemperatureSource::none: return "none";
    case TemperatureSource::file: return "file";
    case TemperatureSource::option: return "option";
    case TemperatureSource::file_name: return "file-name";
  }
  return "none";
}

std::string_view to_string(ThermalRun r) {
  switch (r) {
    case ThermalRun::unknown: return "unknown";
    case ThermalRun::heating: return "heating";
    case ThermalRun::cooling: return "cooling";
  }
  return "unknown";
}

}  // namespace solyte
