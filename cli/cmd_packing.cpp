// solyte packing — cell volume, density, touching-sphere anion size and the free volume per
// cation for fcc/bcc/hcp/sc anion lattices (METHODS.md §5, the paper's Table 1).
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "commands.hpp"
#include "output.hpp"
#include "solyte/error.hpp"
#include "solyte/units.hpp"
#include "solyte/xtal/formula.hpp"
#include "solyte/xtal/packing.hpp"
#include "xtal_input.hpp"

namespace solyte::cli {

namespace {

struct PackingCliOptions {
  std::vector<std::string> lattice, a, c, z, formula, molar_mass;
  GlobalOptions out;
};

// A list given once applies to every set; otherwise it must have one entry per set.
const std::string& pick(const std::vector<std::string>& v, std::size_t i) {
  return v.size() == 1 ? v[0] : v[i];
}

void check_count(const std::vector<std::string>& v, std::size_t n, const char* name) {
  if (!v.empty() && v.size() != 1 && v.size() != n)
    throw InvalidArgument(std::string(name) + " has " + std::to_string(v.size()) + " values for " +
                          std::to_string(n) + " sets; give one value for all or one per set");
}

std::string pct(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f %%", 100 * x);
  return buf;
}

void run(const PackingCliOptions& o) {
  const Format format = parse_format(o.out.format);
  std::size_t n = std::max({o.lattice.size(), o.a.size(), o.z.size()});
  check_count(o.lattice, n, "--lattice");
  check_count(o.a, n, "--a");
  check_count(o.z, n, "--z");
  check_count(o.formula, n, "--formula");
  check_count(o.molar_mass, n, "--molar-mass");
  if (o.formula.empty() == o.molar_mass.empty())
    throw InvalidArgument(
        "give the compound with --formula (e.g. NaCB11H12) or its molar mass "
        "with --molar-mass (g/mol), one of the two");

  std::vector<xtal::AnionLattice> lattices;
  for (std::size_t i = 0; i < n; ++i)
    lattices.push_back(xtal::parse_anion_lattice(pick(o.lattice, i)));
  const auto hcp_count = static_cast<std::size_t>(
      std::count(lattices.begin(), lattices.end(), xtal::AnionLattice::hcp));
  if (!o.c.empty() && o.c.size() != hcp_count)
    throw InvalidArgument("--c gives " + std::to_string(o.c.size()) + " values but there are " +
                          std::to_string(hcp_count) +
                          " hcp sets; c is used for hcp only, one value per hcp set");

  Table t;
  t.title = "Anion packing (touching hard-sphere anions, one per formula unit)";
  t.headers = {"set",
               "lattice",
               "a_A",
               "c_A",
               "Z",
               "M_g_per_mol",
               "V_A3",
               "V_per_Z_A3",
               "rho_g_per_cm3",
               "R_anion_A",
               "V_anion_A3",
               "V_free_per_Z_A3",
               "packing_fraction",
               "formula",
               "note"};
  t.digits = 6;
  std::vector<xtal::Packing> results;
  std::vector<std::string> labels;
  std::size_t next_c = 0;
  for (std::size_t i = 0; i < n; ++i) {
    xtal::PackingInput in;
    in.lattice = lattices[i];
    in.a_angstrom = parse_length_angstrom(pick(o.a, i), "--a");
    if (in.lattice == xtal::AnionLattice::hcp && !o.c.empty())
      in.c_angstrom = parse_length_angstrom(o.c[next_c++], "--c");
    in.z = parse_number(pick(o.z, i), "--z");
    std::string formula;
    if (!o.formula.empty()) {
      formula = pick(o.formula, i);
      in.molar_mass_g_per_mol = xtal::molar_mass_g_per_mol(formula);
    } else {
      in.molar_mass_g_per_mol = parse_number(pick(o.molar_mass, i), "--molar-mass");
    }
    const auto p = xtal::anion_packing(in);
    std::string label = std::string(xtal::to_string(p.lattice));
    if (std::count(lattices.begin(), lattices.end(), p.lattice) > 1)
      label += "#" + std::to_string(i + 1);
    labels.push_back(label);
    t.add_row({label, std::string(xtal::to_string(p.lattice)), p.a_angstrom, p.c_angstrom, p.z,
               in.molar_mass_g_per_mol, p.volume_a3, p.volume_per_formula_a3, p.density_g_per_cm3,
               p.anion_radius_a, p.anion_volume_a3, p.free_volume_per_formula_a3,
               p.packing_fraction, formula, p.note});
    results.push_back(p);
  }

  std::vector<Table> tables = {t};
  nlohmann::json doc;
  doc["packing"] = to_json(t);
  std::string footer =
      "R_anion: half the nearest anion-anion distance (fcc a*sqrt2/4, bcc a*sqrt3/4, hcp "
      "min(a, sqrt(a^2/3 + c^2/4))/2, sc a/2); V_free_per_Z = (V - Z*V_anion)/Z; "
      "rho = Z*M/(N_A*V). Nothing is rounded on the way (docs/methods.md §5).\n";
  if (n > 1) {
    Table cmp;
    cmp.title = "Free volume per formula unit, set B against set A";
    cmp.headers = {
        "A", "B", "V_free_A_A3", "V_free_B_A3", "dV_free_A3", "dV_over_V_B_pct", "dV_over_V_A_pct"};
    cmp.digits = 6;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) {
        const auto d = xtal::compare_free_volume(results[i], results[j]);
        cmp.add_row({labels[i], labels[j], results[i].free_volume_per_formula_a3,
                     results[j].free_volume_per_formula_a3, d.difference_a3, 100 * d.fraction_of_b,
                     100 * d.fraction_of_a});
        const bool more = d.difference_a3 >= 0;
        footer += labels[j] + " vs " + labels[i] + ": " + labels[i] + " has " +
                  pct(std::abs(d.fraction_of_b)) + (more ? " less" : " more") +
                  " free volume than " + labels[j] + " ((B-A)/B); " + labels[j] + " has " +
                  pct(std::abs(d.fraction_of_a)) + (more ? " more" : " less") + " than " +
                  labels[i] + " (B/A - 1).\n";
      }
    tables.push_back(cmp);
    doc["comparison"] = to_json(cmp);
  }
  write_output(o.out.output, render(format, tables, doc, footer));
}

}  // namespace

void register_packing(CLI::App& app) {
  auto o = std::make_shared<PackingCliOptions>();
  auto* cmd = app.add_subcommand(
      "packing",
      "Cell volume, density, anion radius and free volume per cation of an anion lattice");
  cmd->add_option("--lattice,-l", o->lattice,
                  "Anion lattice: fcc, bcc, hcp or sc; a list compares sets")
      ->delimiter(',')
      ->required();
  cmd->add_option("--a,-a", o->a,
                  "Cell edge a in Å (bare number = Å; 10.066A, '10.066 Å' and 1.0066nm work too)")
      ->delimiter(',')
      ->required();
  cmd->add_option("--c,-c", o->c,
                  "Cell edge c of hcp sets in Å, one per hcp set (default: ideal "
                  "c = sqrt(8/3)*a)")
      ->delimiter(',');
  cmd->add_option("--z,-z", o->z, "Formula units (= anions) per cell")->delimiter(',')->required();
  cmd->add_option("--formula", o->formula,
                  "Chemical formula for the molar mass (IUPAC 2021 atomic weights), e.g. NaCB11H12")
      ->delimiter(',');
  cmd->add_option("--molar-mass", o->molar_mass, "Molar mass in g/mol instead of --formula")
      ->delimiter(',');
  add_output_options(cmd, o->out);
  cmd->footer(
      "Each list (--lattice, --a, --z, --formula) takes one value for all sets or one per set; "
      "with several sets a second table compares the free volume per formula unit both ways: "
      "(B-A)/B and B/A - 1.\n"
      "Output columns: set, lattice, a_A, c_A, Z, M_g_per_mol, V_A3, V_per_Z_A3, "
      "rho_g_per_cm3, R_anion_A, V_anion_A3, V_free_per_Z_A3, packing_fraction, formula, note.\n"
      "Examples:\n"
      "  solyte packing --lattice fcc --a 10.066 --z 4 --formula NaCB11H12\n"
      "  solyte packing --lattice fcc,bcc --a 10.066,7.882 --z 4,2 --formula NaCB11H12\n"
      "  solyte packing --lattice hcp --a 7.1A --c 11.6A --z 2 --molar-mass 166.0068 -f json");
  cmd->callback([o] { run(*o); });
}

}  // namespace solyte::cli
