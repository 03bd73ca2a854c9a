// The table of circuit elements: symbols, parameters, units and default bounds. Formulas are in
// include/solyte/eis/circuit_elements.hpp; sources in docs/methods.md §8.
#include "solyte/eis/circuit_elements.hpp"

#include <cmath>
#include <string>

#include "solyte/constants.hpp"
#include "solyte/error.hpp"

namespace solyte::eis {

namespace {

using fit::Transform;

// Exponents stay inside (0, 1) through a logistic map; everything else is positive and optimised on
// a log scale.
constexpr ElementParameterInfo kExponent{"alpha", "",  Transform::logistic,
                                         0.0,     1.0, "exponent, 1 = ideal"};

constexpr ElementParameterInfo kR[] = {{"", "Ohm", Transform::log, 0, 0, "resistance"}};
constexpr ElementParameterInfo kC[] = {{"", "F", Transform::log, 0, 0, "capacitance"}};
constexpr ElementParameterInfo kL[] = {{"", "H", Transform::log, 0, 0, "inductance"}};
constexpr ElementParameterInfo kCpe[] = {
    {"Q", "S*s^a", Transform::log, 0, 0, "CPE coefficient (F s^(alpha-1))"}, kExponent};
constexpr ElementParameterInfo kW[] = {
    {"", "Ohm*s^-1/2", Transform::log, 0, 0, "Warburg coefficient A_W"}};
constexpr ElementParameterInfo kWarburgFinite[] = {
    {"R", "Ohm", Transform::log, 0, 0, "diffusion resistance Z0"},
    {"tau", "s", Transform::log, 0, 0, "diffusion time L^2/D"}};
constexpr ElementParameterInfo kG[] = {{"R", "Ohm", Transform::log, 0, 0, "Gerischer resistance"},
                                       {"tau", "s", Transform::log, 0, 0, "Gerischer time"}};
constexpr ElementParameterInfo kGs[] = {{"R", "Ohm", Transform::log, 0, 0, "Gerischer resistance"},
                                        {"tau", "s", Transform::log, 0, 0, "Gerischer time"},
                                        {"phi", "", Transform::log, 0, 0, "finite-length factor"}};
constexpr ElementParameterInfo kLa[] = {
    {"L", "H*s^(a-1)", Transform::log, 0, 0, "modified inductance"}, kExponent};
constexpr ElementParameterInfo kK[] = {{"R", "Ohm", Transform::log, 0, 0, "resistance"},
                                       {"tau", "s", Transform::log, 0, 0, "time constant RC"}};
constexpr ElementParameterInfo kZarc[] = {{"R", "Ohm", Transform::log, 0, 0, "resistance"},
                                          {"tau", "s", Transform::log, 0, 0, "characteristic time"},
                                          kExponent};
constexpr ElementParameterInfo kRq[] = {{"R", "Ohm", Transform::log, 0, 0, "resistance"},
                                        {"Q", "S*s^a", Transform::log, 0, 0, "CPE coefficient"},
                                        kExponent};
constexpr ElementParameterInfo kHn[] = {
    {"R", "Ohm", Transform::log, 0, 0, "resistance"},
    {"tau", "s", Transform::log, 0, 0, "characteristic time"},
    kExponent,
    {"beta", "", Transform::logistic, 0.0, 1.0, "asymmetry exponent"}};
constexpr ElementParameterInfo kTlm[] = {
    {"R", "Ohm", Transform::log, 0, 0, "ionic resistance along the pore"},
    {"Q", "S*s^a", Transform::log, 0, 0, "interfacial CPE coefficient"},
    kExponent};

const ElementInfo kElements[] = {
    {ElementType::R, "R", "resistor", kR},
    {ElementType::C, "C", "capacitor", kC},
    {ElementType::L, "L", "inductor", kL},
    {ElementType::CPE, "CPE", "constant phase element", kCpe},
    {ElementType::W, "W", "semi-infinite Warburg", kW},
    {ElementType::Wo, "Wo", "finite-space (open) Warburg", kWarburgFinite},
    {ElementType::Ws, "Ws", "finite-length (short) Warburg", kWarburgFinite},
    {ElementType::G, "G", "Gerischer", kG},
    {ElementType::Gs, "Gs", "finite-length Gerischer", kGs},
    {ElementType::La, "La", "modified inductance", kLa},
    {ElementType::K, "K", "RC element with its time constant", kK},
    {ElementType::Zarc, "Zarc", "R parallel to a CPE, with tau", kZarc},
    {ElementType::RQ, "RQ", "R parallel to a CPE, with Q", kRq},
    {ElementType::HN, "HN", "Havriliak-Negami relaxation", kHn},
    {ElementType::TLM, "TLM", "simple transmission line (blocking pore)", kTlm},
};

}  // namespace

const ElementInfo& element_info(ElementType type) {
  return kElements[static_cast<std::size_t>(type)];
}

std::span<const ElementInfo> all_elements() { return kElements; }

std::complex<double> element_impedance(ElementType type, std::span<const double> parameters,
                                       double omega_rad_s) {
  const ElementInfo& info = element_info(type);
  if (parameters.size() != info.parameters.size())
    throw InvalidArgument(std::string(info.symbol) + " takes " +
                          std::to_string(info.parameters.size()) + " parameters, " +
                          std::to_string(parameters.size()) + " given");
  if (!(omega_rad_s >= 0) || !std::isfinite(omega_rad_s))
    throw InvalidArgument("angular frequency must be finite and ≥ 0");
  FrequencyGrid g;
  g.omega = {omega_rad_s};
  g.log_omega = {std::log(omega_rad_s)};
  g.inv_sqrt_omega = {1 / std::sqrt(omega_rad_s)};
  Cplx<double> z;
  element_column(type, parameters.data(), g, false, &z);
  return {z.re, z.im};
}

FrequencyGrid FrequencyGrid::from_hz(std::span<const double> frequency_hz) {
  FrequencyGrid g;
  g.omega.reserve(frequency_hz.size());
  for (std::size_t i = 0; i < frequency_hz.size(); ++i) {
    const double f = frequency_hz[i];
    if (!std::isfinite(f) || f <= 0)
      throw InvalidArgument("frequency " + std::to_string(i + 1) + " must be finite and > 0");
    const double w = 2 * constants::pi * f;
    g.omega.push_back(w);
    g.log_omega.push_back(std::log(w));
    g.inv_sqrt_omega.push_back(1.0 / std::sqrt(w));
  }
  return g;
}

}  // namespace solyte::eis
