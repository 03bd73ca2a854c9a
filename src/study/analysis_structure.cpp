#include "study/analysis_structure.hpp"

#include <cmath>

#include "solyte/error.hpp"
#include "solyte/transport/effective_medium.hpp"
#include "solyte/units.hpp"
#include "solyte/xtal/formula.hpp"
#include "solyte/xtal/packing.hpp"
#include "solyte/xtal/site_entropy.hpp"
#include "study/option_values.hpp"

namespace solyte::study::detail {

namespace {

std::string what_of(const TaskInput& in) {
  return "[[" + in.entry->kind + "]] on line " + std::to_string(in.entry->line);
}

}  // namespace

Json run_packing(const TaskInput& in) {
  OptionReader r(in.options, in.manifest->path, what_of(in), in.entry->line);
  r.allow_only({"lattice", "a", "c", "z", "formula"});
  xtal::PackingInput p;
  const auto lattice = r.text("lattice");
  if (!lattice) r.fail("lattice", "expected lattice = \"fcc\", \"bcc\", \"hcp\" or \"sc\"");
  try {
    p.lattice = xtal::parse_anion_lattice(*lattice);
  } catch (const InvalidArgument& e) {
    r.fail("lattice", e.what());
  }
  const auto a = r.number("a"), z = r.number("z");
  const auto formula = r.text("formula");
  if (!a) r.fail("a", "expected the lattice parameter a in Å (a = 7.882)");
  if (!z) r.fail("z", "expected the formula units per cell (z = 2)");
  if (!formula) r.fail("formula", "expected the chemical formula (formula = \"NaCB11H12\")");
  p.a_angstrom = *a;
  p.z = *z;
  p.c_angstrom = r.number("c");
  try {
    p.molar_mass_g_per_mol = xtal::molar_mass_g_per_mol(*formula);
  } catch (const InvalidArgument& e) {
    r.fail("formula", e.what());
  }
  const auto k = xtal::anion_packing(p);
  Json out = Json::object();
  const std::string label =
      in.label.empty() ? std::string(xtal::to_string(p.lattice)) : in.label;
  add_row(out, "packing",
          {{"label", label}, {"lattice", std::string(xtal::to_string(k.lattice))},
           {"formula", *formula}, {"molar_mass_g_per_mol", p.molar_mass_g_per_mol},
           {"a_angstrom", k.a_angstrom}, {"c_angstrom", k.c_angstrom}, {"z", k.z},
           {"volume_a3", k.volume_a3}, {"volume_per_formula_a3", k.volume_per_formula_a3},
           {"density_g_per_cm3", k.density_g_per_cm3}, {"anion_radius_a", k.anion_radius_a},
           {"anion_volume_a3", k.anion_volume_a3},
           {"free_volume_per_formula_a3", k.free_volume_per_formula_a3},
           {"packing_fraction", k.packing_fraction}, {"note", k.note}});
  const std::string method = "touching hard-sphere anions on the " +
                             std::string(xtal::to_string(k.lattice)) + " lattice (METHODS §5)";
  add_scalar(out, "volume_A3", k.volume_a3, "Å³", method);
  add_scalar(out, "volume_per_z_A3", k.volume_per_formula_a3, "Å³", method);
  add_scalar(out, "density_g_per_cm3", k.density_g_per_cm3, "g/cm³", method);
  add_scalar(out, "anion_radius_A", k.anion_radius_a, "Å", method);
  add_scalar(out, "anion_volume_A3", k.anion_volume_a3, "Å³", method);
  add_scalar(out, "free_volume_per_z_A3", k.free_volume_per_formula_a3, "Å³", method);
  return out;
}

Json run_entropy(const TaskInput& in) {
  OptionReader r(in.options, in.manifest->path, what_of(in), in.entry->line);
  r.allow_only({"sites", "multiplicities", "occupancies", "ratios", "cations_per_cell"});
  const auto mult = r.numbers("multiplicities");
  if (mult.empty())
    r.fail("multiplicities", "expected the site multiplicities (multiplicities = [24, 24])");
  std::vector<std::string> labels;
  if (auto s = r.text("sites")) {
    std::string_view v = *s;
    while (!v.empty()) {
      const auto comma = v.find(',');
      labels.emplace_back(v.substr(0, comma));
      if (comma == std::string_view::npos) break;
      v.remove_prefix(comma + 1);
    }
    if (labels.size() != mult.size())
      r.fail("sites", "expected one site label per multiplicity (" + std::to_string(mult.size()) + ")");
  }
  const auto n = r.number("cations_per_cell");
  std::vector<double> occ = r.numbers("occupancies");
  const auto ratios = r.numbers("ratios");
  if (occ.empty() == ratios.empty())
    r.fail(occ.empty() ? "occupancies" : "ratios",
           "expected either occupancies = [...] or ratios = [...] with cations_per_cell");
  try {
    if (!ratios.empty()) {
      if (!n) r.fail("cations_per_cell", "occupancies from ratios need cations_per_cell");
      occ = xtal::occupancies_from_ratios(mult, ratios, *n);
    }
  } catch (const InvalidArgument& e) {
    r.fail("ratios", e.what());
  }
  if (occ.size() != mult.size())
    r.fail("occupancies", "expected one occupancy per multiplicity (" + std::to_string(mult.size()) + ")");
  std::vector<xtal::SiteSet> sets;
  for (std::size_t i = 0; i < mult.size(); ++i)
    sets.push_back({labels.empty() ? std::to_string(static_cast<int>(mult[i])) : labels[i],
                    mult[i], occ[i]});
  const auto e = xtal::configurational_entropy(sets, n);
  Json out = Json::object();
  const std::string label = in.label.empty() ? std::string("sites") : in.label;
  for (std::size_t i = 0; i < sets.size(); ++i)
    add_row(out, "site_entropy",
            {{"label", label}, {"site", sets[i].label}, {"multiplicity", sets[i].multiplicity},
             {"occupancy", sets[i].occupancy}, {"s_set_kb", e.s_set_kb[i]},
             {"s_per_cell_kb", e.s_per_cell_kb}, {"s_per_cation_kb", e.s_per_cation_kb},
             {"cations_per_cell", e.cations_per_cell}});
  const std::string method = "ideal lattice gas over the site sets (METHODS §4)";
  add_scalar(out, "s_per_cell_kB", e.s_per_cell_kb, "k_B", method);
  add_scalar(out, "s_per_cation_kB", e.s_per_cation_kb, "k_B", method);
  add_scalar(out, "s_per_cation_J_per_molK", e.s_per_cation_j_per_mol_k, "J/(mol K)", method);
  if (!e.note.empty()) add_note(out, e.note);
  return out;
}

Json run_ema(const TaskInput& in) {
  OptionReader r(in.options, in.manifest->path, what_of(in), in.entry->line);
  r.allow_only({"fractions", "sigma"});
  const auto phi = r.numbers("fractions");
  const auto sig_text = r.text("sigma");
  if (phi.empty()) r.fail("fractions", "expected volume fractions (fractions = [0.92, 0.08])");
  if (!sig_text) r.fail("sigma", "expected conductivities (sigma = [\"4mS/cm\", \"4e-4mS/cm\"])");
  std::vector<transport::MediumPhase> phases;
  std::string_view v = *sig_text;
  std::size_t i = 0;
  while (!v.empty()) {
    const auto comma = v.find(',');
    if (i >= phi.size()) r.fail("sigma", "expected one conductivity per fraction");
    try {
      phases.push_back({phi[i], parse_conductivity_s_per_m(v.substr(0, comma))});
    } catch (const InvalidArgument& e) {
      r.fail("sigma", e.what());
    }
    ++i;
    if (comma == std::string_view::npos) break;
    v.remove_prefix(comma + 1);
  }
  if (phases.size() != phi.size()) r.fail("sigma", "expected one conductivity per fraction");
  std::vector<transport::EffectiveMediumEstimate> est;
  try {
    est = transport::effective_medium_estimates(phases);
  } catch (const InvalidArgument& e) {
    r.fail("fractions", e.what());
  }
  Json out = Json::object();
  const std::string label = in.label.empty() ? std::string("mixture") : in.label;
  for (const auto& x : est) {
    std::string key = x.method;
    if (x.host) key += "_host" + std::to_string(*x.host + 1);
    add_row(out, "effective_medium",
            {{"label", label}, {"method", key}, {"sigma_s_per_cm", x.sigma_s_per_m * 0.01},
             {"note", x.note}});
    add_scalar(out, key + "_mS_per_cm", x.sigma_s_per_m * 10.0, "mS/cm", x.note);
  }
  return out;
}

}  // namespace solyte::study::detail
