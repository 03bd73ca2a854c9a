// solyte entropy — configurational (lattice-gas) entropy of mobile cations over partially
// occupied sites, and migration entropy from two Arrhenius prefactors (METHODS.md §4).
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "output.hpp"
#include "solyte/error.hpp"
#include "solyte/transport/arrhenius.hpp"
#include "solyte/units.hpp"
#include "solyte/xtal/site_entropy.hpp"
#include "solyte/xtal/space_group.hpp"
#include "solyte/xtal/wyckoff.hpp"

namespace solyte::cli {

namespace {

struct ConfigOptions {
  std::vector<std::string> sites;
  std::string spacegroup;
  std::vector<std::string> ratios;
  std::string cations;
  GlobalOptions out;
};

struct MigrationOptions {
  std::vector<std::string> ln_sigma0;
  std::vector<std::string> err;
  GlobalOptions out;
};

struct SiteSpec {
  std::string label;
  double multiplicity = 0;
  std::optional<double> occupancy;
};

// "24h:0.008", "24:0.008", "24h" (with --ratio). The multiplicity is the leading number of
// the label (the Wyckoff multiplicity); a letter after it is kept as the label. With a space
// group, the letter decides: "h:0.008" and "24h:0.008" both take 24 from the group's table,
// and a number that disagrees with it is an error.
SiteSpec parse_site(const std::string& text, const std::vector<xtal::WyckoffPosition>* table,
                    const std::string& group_name) {
  SiteSpec s;
  const auto colon = text.find(':');
  if (colon != std::string::npos)
    s.occupancy = parse_number(text.substr(colon + 1), "the occupancy of site '" + text + "'");
  std::string label = text.substr(0, colon);
  while (!label.empty() && label.front() == ' ') label.erase(label.begin());
  while (!label.empty() && label.back() == ' ') label.pop_back();
  std::size_t k = 0;
  while (k < label.size() && ((label[k] >= '0' && label[k] <= '9') || label[k] == '.')) ++k;
  if (table != nullptr) {
    const xtal::WyckoffPosition* w = xtal::find_wyckoff_position(*table, label);
    if (w == nullptr) {
      std::string letters;
      for (const auto& p : *table) letters += (letters.empty() ? "" : ", ") + p.label();
      throw InvalidArgument("site '" + text + "': " + group_name + " has no Wyckoff position '" +
                            label + "'; its positions are " + letters);
    }
    s.label = w->label();
    s.multiplicity = w->multiplicity;
    return s;
  }
  if (k == 0)
    throw InvalidArgument(
        "site '" + text +
        "' has no multiplicity: write it as 24h:0.008 "
        "(Wyckoff multiplicity and letter) or 24:0.008; for Wyckoff letters alone "
        "(h:0.008) give --spacegroup");
  for (std::size_t i = k; i < label.size(); ++i)
    if (!((label[i] >= 'a' && label[i] <= 'z') || (label[i] >= 'A' && label[i] <= 'Z')))
      throw InvalidArgument("site '" + text +
                            "': expected a multiplicity and an optional "
                            "Wyckoff letter before ':', e.g. 24h");
  s.multiplicity = parse_number(label.substr(0, k), "the multiplicity of site '" + text + "'");
  s.label = label;
  return s;
}

void run_config(const ConfigOptions& o) {
  const Format format = parse_format(o.out.format);
  std::vector<xtal::WyckoffPosition> table;
  std::string group_name;
  if (!o.spacegroup.empty()) {
    const xtal::SpaceGroup g = xtal::find_space_group(o.spacegroup);
    table = xtal::wyckoff_positions(g);
    group_name = g.international_short;
  }
  std::vector<SiteSpec> specs;
  for (const auto& s : o.sites)
    specs.push_back(parse_site(s, o.spacegroup.empty() ? nullptr : &table, group_name));
  std::optional<double> cations;
  if (!o.cations.empty()) cations = parse_number(o.cations, "--cations");

  std::vector<xtal::SiteSet> sets;
  const bool from_ratio = !o.ratios.empty();
  if (from_ratio) {
    if (!cations)
      throw InvalidArgument("--ratio needs --cations (cations per cell) to fix the occupancies");
    for (const auto& s : specs)
      if (s.occupancy)
        throw InvalidArgument("site '" + s.label +
                              "' has an occupancy and --ratio is given; "
                              "give occupancies (24h:0.008) or --ratio with bare sites (24h), "
                              "not both");
    std::vector<double> m, r;
    for (const auto& s : specs) m.push_back(s.multiplicity);
    for (const auto& x : o.ratios) r.push_back(parse_number(x, "--ratio"));
    const auto c = xtal::occupancies_from_ratios(m, r, *cations);
    for (std::size_t i = 0; i < specs.size(); ++i)
      sets.push_back({specs[i].label, specs[i].multiplicity, c[i]});
  } else {
    for (const auto& s : specs) {
      if (!s.occupancy)
        throw InvalidArgument("site '" + s.label + "' has no occupancy: write " + s.label +
                              ":0.075, or give --ratio and --cations");
      sets.push_back({s.label, s.multiplicity, *s.occupancy});
    }
  }
  const auto e = xtal::configurational_entropy(sets, cations);

  Table st;
  st.title = "Site sets";
  st.headers = {"site", "multiplicity", "occupancy", "cations_per_cell", "S_kB_per_cell"};
  st.digits = 6;
  for (std::size_t i = 0; i < sets.size(); ++i)
    st.add_row({sets[i].label, sets[i].multiplicity, sets[i].occupancy,
                sets[i].multiplicity * sets[i].occupancy, e.s_set_kb[i]});
  Table et;
  et.title = "Configurational entropy (ideal lattice gas)";
  et.headers = {"cations_per_cell", "S_kB_per_cell", "S_kB_per_cation", "S_J_per_mol_K_cell",
                "S_J_per_mol_K_cation"};
  et.digits = 6;
  et.add_row({e.cations_per_cell, e.s_per_cell_kb, e.s_per_cation_kb, e.s_per_cell_j_per_mol_k,
              e.s_per_cation_j_per_mol_k});
  nlohmann::json doc;
  doc["sites"] = to_json(st);
  doc["entropy"] = to_json(et).at(0);
  doc["occupancies_from"] = from_ratio ? "ratio" : "given";
  doc["multiplicities_from"] =
      o.spacegroup.empty() ? "site labels" : "Wyckoff positions of " + group_name;
  if (!e.note.empty()) doc["note"] = e.note;
  std::string footer =
      "S/k_B = -sum_i m_i [c ln c + (1-c) ln(1-c)] per cell; per cation divided by the cations "
      "per cell; J/(mol K) = k_B x N_A (docs/methods.md §4b).\n";
  if (!e.note.empty()) footer += "note: " + e.note + "\n";
  write_output(o.out.output, render(format, {st, et}, doc, footer));
}

void run_migration(const MigrationOptions& o) {
  const Format format = parse_format(o.out.format);
  if (o.ln_sigma0.size() != 2)
    throw InvalidArgument("--ln-sigma0 needs two values A,B (dS = S_A - S_B), got " +
                          std::to_string(o.ln_sigma0.size()));
  if (!o.err.empty() && o.err.size() != 2)
    throw InvalidArgument("--err needs two values (errors of ln sigma0 of A and B), got " +
                          std::to_string(o.err.size()));
  transport::Regime a, b;
  a.ln_sigma0 = parse_number(o.ln_sigma0[0], "ln sigma0 of A");
  b.ln_sigma0 = parse_number(o.ln_sigma0[1], "ln sigma0 of B");
  if (!o.err.empty()) {
    a.ln_sigma0_err = parse_number(o.err[0], "the error of ln sigma0 of A");
    b.ln_sigma0_err = parse_number(o.err[1], "the error of ln sigma0 of B");
    if (a.ln_sigma0_err < 0 || b.ln_sigma0_err < 0)
      throw InvalidArgument("--err: standard errors cannot be negative");
  }
  const auto s = transport::migration_entropy(a, b);
  Table t;
  t.title = "Migration entropy (A - B)";
  t.headers = {"ln_sigma0_A", "ln_sigma0_B",    "dS_kB",
               "dS_err_kB",   "dS_J_per_mol_K", "dS_err_J_per_mol_K"};
  t.digits = 6;
  const double R = s.delta_s_kb != 0 ? s.delta_s_j_per_mol_k / s.delta_s_kb : 0;
  t.add_row({a.ln_sigma0, b.ln_sigma0, s.delta_s_kb,
             o.err.empty() ? Cell{} : Cell{s.delta_s_kb_err}, s.delta_s_j_per_mol_k,
             o.err.empty() ? Cell{} : Cell{s.delta_s_kb_err * R}});
  nlohmann::json doc;
  doc["migration_entropy"] = to_json(t).at(0);
  const std::string footer =
      "dS/k_B = ln sigma0(A) - ln sigma0(B): both prefactors from the same fit form (sigmaT or "
      "sigma), equal carrier density, jump distance and attempt frequency assumed "
      "(docs/methods.md §4).\n";
  write_output(o.out.output, render(format, {t}, doc, footer));
}

}  // namespace

void register_entropy(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "entropy",
      "Configurational entropy of mobile cations on partially occupied sites, and "
      "migration entropy from Arrhenius prefactors");
  cmd->require_subcommand(1);
  cmd->footer(
      "Examples:\n"
      "  solyte entropy config --sites 24h:0.008,24g:0.075 --cations 2\n"
      "  solyte entropy migration --ln-sigma0 26.29,15.04");

  auto c = std::make_shared<ConfigOptions>();
  auto* config = cmd->add_subcommand(
      "config", "Lattice-gas entropy per cell and per cation over partially occupied site sets");
  config
      ->add_option("--sites,-s", c->sites,
                   "Site sets MULTIPLICITY[LETTER]:OCCUPANCY, e.g. 24h:0.008,24g:0.075 or "
                   "24:0.008,24:0.075; bare 24h,24g with --ratio")
      ->delimiter(',')
      ->required();
  config
      ->add_option("--ratio", c->ratios,
                   "Occupancy ratios c_i/c_last (one fewer than the site sets) instead of "
                   "occupancies; needs --cations")
      ->delimiter(',');
  config->add_option("--spacegroup,-g", c->spacegroup,
                     "Space group whose Wyckoff letters name the sites (Im-3m, 229, ...); the "
                     "multiplicity then comes from the group's Wyckoff table");
  config->add_option("--cations,-n", c->cations,
                     "Mobile cations per cell (default: the sum of multiplicity x occupancy)");
  add_output_options(config, c->out);
  config->footer(
      "S/k_B = -sum_i m_i [c_i ln c_i + (1-c_i) ln(1-c_i)] per cell (ideal lattice gas), per "
      "cation divided by --cations. The multiplicity is the leading number of the Wyckoff "
      "label (24h -> 24), or with --spacegroup the multiplicity of the letter in the group's "
      "Wyckoff table (h or 24h -> 24 in Im-3m; a number that disagrees is an error). "
      "Occupancies are fractions in (0, 1).\n"
      "Output: a table of the site sets (site, multiplicity, occupancy, cations_per_cell, "
      "S_kB_per_cell) and the totals (cations_per_cell, S_kB_per_cell, S_kB_per_cation, "
      "S_J_per_mol_K_cell, S_J_per_mol_K_cation).\n"
      "Examples:\n"
      "  solyte entropy config --sites 24h:0.008,24g:0.075 --cations 2     # 3.7557 k_B per Na\n"
      "  solyte entropy config --sites 24h,24g --ratio 0.11 --cations 2    # 3.7729 k_B per Na\n"
      "  solyte entropy config --spacegroup Im-3m --sites h:0.008,g:0.075 --cations 2\n"
      "  solyte entropy config --sites 24:0.008,24:0.075 -f json");
  config->callback([c] { run_config(*c); });

  auto m = std::make_shared<MigrationOptions>();
  auto* migration = cmd->add_subcommand(
      "migration", "Migration entropy dS/k_B = ln sigma0(A) - ln sigma0(B) from two prefactors");
  migration
      ->add_option("--ln-sigma0", m->ln_sigma0,
                   "ln sigma0 of samples A and B (same fit form; sigma0 in S K/cm for sigmaT)")
      ->delimiter(',')
      ->required();
  migration->add_option("--err", m->err, "Standard errors of the two ln sigma0")->delimiter(',');
  add_output_options(migration, m->out);
  migration->footer(
      "From measured data, 'solyte arrhenius --compare A B' fits both samples and does the same "
      "(docs/cli.md). Negative values: write --ln-sigma0=-3.2,5.1.\n"
      "Output columns: ln_sigma0_A, ln_sigma0_B, dS_kB, dS_err_kB, dS_J_per_mol_K, "
      "dS_err_J_per_mol_K.\n"
      "Examples:\n"
      "  solyte entropy migration --ln-sigma0 26.29,15.04            # 11.25 k_B = 93.5 J/(mol K)\n"
      "  solyte entropy migration --ln-sigma0 26.29,15.04 --err 0.1,0.2 -f csv");
  migration->callback([m] { run_migration(*m); });
}

}  // namespace solyte::cli
