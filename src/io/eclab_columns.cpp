#include "io/eclab_columns.hpp"

#include <array>
#include <limits>
#include <optional>

#include "io/text_table.hpp"

namespace solyte::io::detail {

namespace {

// EC-Lab's own column names (the mpt header; the mpr reader names its columns
// the same way). `rank` orders columns that could both give the quantity: the
// first-ranked one present wins, the others stay Quantity::other under their
// own names.
struct KnownColumn {
  std::string_view name;
  Quantity quantity;
  double scale;
  double offset;
  int rank;
};

constexpr double kMilliampHourInCoulomb = 3.6;  // 1 mA·h = 1e-3 A · 3600 s

constexpr KnownColumn kKnown[] = {
    {"time/s", Quantity::time, 1.0, 0.0, 0},
    {"Ewe/V", Quantity::potential, 1.0, 0.0, 0},
    {"<Ewe>/V", Quantity::potential, 1.0, 0.0, 1},
    {"<Ewe/V>", Quantity::potential, 1.0, 0.0, 1},
    {"Ecell/V", Quantity::potential, 1.0, 0.0, 2},
    {"I/mA", Quantity::current, 1e-3, 0.0, 0},
    {"<I>/mA", Quantity::current, 1e-3, 0.0, 1},
    {"(Q-Qo)/mA.h", Quantity::charge, kMilliampHourInCoulomb, 0.0, 0},
    {"(Q-Qo)/C", Quantity::charge, 1.0, 0.0, 1},
    {"P/W", Quantity::power, 1.0, 0.0, 0},
    {"Pwe/W", Quantity::power, 1.0, 0.0, 0},
    {"freq/Hz", Quantity::frequency, 1.0, 0.0, 0},
    {"Re(Z)/Ohm", Quantity::z_real, 1.0, 0.0, 0},
    {"-Im(Z)/Ohm", Quantity::z_imag, -1.0, 0.0, 0},  // EC-Lab stores −Z''
    {"|Z|/Ohm", Quantity::z_modulus, 1.0, 0.0, 0},
    {"Phase(Z)/deg", Quantity::z_phase, 1.0, 0.0, 0},
    {"cycle number", Quantity::cycle, 1.0, 0.0, 0},
    {"Ns", Quantity::step, 1.0, 0.0, 0},
    {"Temperature/\u00B0C", Quantity::temperature, 1.0, 273.15, 0},
    {"Temperature/K", Quantity::temperature, 1.0, 0.0, 0},
};

const KnownColumn* known(std::string_view name) {
  for (const auto& k : kKnown)
    if (k.name == name) return &k;
  return nullptr;
}

struct TechniqueName {
  std::string_view name;  // lower case
  Technique technique;
};

constexpr TechniqueName kTechniques[] = {
    {"potentio electrochemical impedance spectroscopy", Technique::impedance},
    {"galvano electrochemical impedance spectroscopy", Technique::impedance},
    {"staircase potentio electrochemical impedance spectroscopy", Technique::impedance},
    {"peis", Technique::impedance},
    {"geis", Technique::impedance},
    {"cyclic voltammetry", Technique::cyclic_voltammetry},
    {"cv", Technique::cyclic_voltammetry},
    {"cva", Technique::cyclic_voltammetry},
    {"cyclic voltammetry advanced", Technique::cyclic_voltammetry},
    {"linear sweep voltammetry", Technique::linear_sweep},
    {"lsv", Technique::linear_sweep},
    {"galvanostatic cycling with potential limitation", Technique::galvanostatic},
    {"gcpl", Technique::galvanostatic},
    {"chronopotentiometry", Technique::chronopotentiometry},
    {"cp", Technique::chronopotentiometry},
    {"chronoamperometry / chronocoulometry", Technique::chronoamperometry},
    {"chronoamperometry", Technique::chronoamperometry},
    {"ca", Technique::chronoamperometry},
    {"open circuit voltage", Technique::open_circuit},
    {"ocv", Technique::open_circuit},
};

}  // namespace

Technique eclab_technique(std::string_view name) {
  std::string lower = ascii_lower(name);
  while (!lower.empty() && (lower.back() == ' ' || lower.back() == '\r')) lower.pop_back();
  for (const auto& t : kTechniques)
    if (t.name == lower) return t.technique;
  return Technique::other;
}

Measurement eclab_record(const std::vector<std::string>& names,
                         std::vector<std::vector<double>> values, Technique technique) {
  // Which column carries each quantity: the best-ranked known name present.
  std::vector<const KnownColumn*> role(names.size(), nullptr);
  std::array<int, 32> best_rank;
  best_rank.fill(std::numeric_limits<int>::max());
  std::array<int, 32> best_column;
  best_column.fill(-1);
  for (std::size_t k = 0; k < names.size(); ++k) {
    const KnownColumn* c = known(names[k]);
    if (!c) continue;
    const auto q = static_cast<std::size_t>(c->quantity);
    if (c->rank < best_rank[q]) {
      best_rank[q] = c->rank;
      best_column[q] = static_cast<int>(k);
    }
  }
  for (std::size_t k = 0; k < names.size(); ++k) {
    const KnownColumn* c = known(names[k]);
    if (c && best_column[static_cast<std::size_t>(c->quantity)] == static_cast<int>(k)) role[k] = c;
  }

  Measurement m;
  m.columns.reserve(names.size());
  for (std::size_t k = 0; k < names.size(); ++k) {
    std::vector<double>& v = values[k];
    if (const KnownColumn* c = role[k]) {
      if (c->scale != 1.0 || c->offset != 0.0)
        for (double& x : v) x = c->scale * x + c->offset;
      m.add(c->quantity, std::move(v), names[k]);
      continue;
    }
    Column& col = m.add(Quantity::other, std::move(v), names[k]);
    col.name = names[k];
    const auto slash = names[k].find('/');
    col.unit = slash == std::string::npos ? std::string() : names[k].substr(slash + 1);
  }
  const bool impedance =
      m.has(Quantity::frequency) && ((m.has(Quantity::z_real) && m.has(Quantity::z_imag)) ||
                                     (m.has(Quantity::z_modulus) && m.has(Quantity::z_phase)));
  m.meta.technique = impedance ? Technique::impedance : technique;
  return m;
}

}  // namespace solyte::io::detail
