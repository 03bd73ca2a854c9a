// solyte sites — a space group's data from spglib's database and, for a given position, its
// Wyckoff letter, multiplicity, site symmetry and orbit (docs/methods.md §4c).
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "commands.hpp"
#include "output.hpp"
#include "solyte/error.hpp"
#include "solyte/units.hpp"
#include "solyte/xtal/space_group.hpp"
#include "solyte/xtal/wyckoff.hpp"

namespace solyte::cli {

namespace {

struct SitesCliOptions {
  std::string spacegroup, position;
  GlobalOptions out;
};

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

// "0.125", "1/4", "-1/3".
double parse_coordinate(const std::string& text) {
  const std::string t = trim(text);
  const auto slash = t.find('/');
  if (slash == std::string::npos) return parse_number(t, "--position coordinate");
  const double num = parse_number(t.substr(0, slash), "--position numerator");
  const double den = parse_number(t.substr(slash + 1), "--position denominator");
  if (den == 0) throw InvalidArgument("--position coordinate '" + t + "' divides by zero");
  return num / den;
}

// "x,y,z" or "LABEL:x,y,z" (e.g. "24g:0.12,0,0.5"; the label is checked against the result).
xtal::Fractional parse_position(const std::string& text, std::string& label) {
  std::string coords = text;
  if (const auto colon = text.find(':'); colon != std::string::npos) {
    label = trim(text.substr(0, colon));
    coords = text.substr(colon + 1);
  }
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= coords.size(); ++i)
    if (i == coords.size() || coords[i] == ',') {
      parts.push_back(coords.substr(start, i - start));
      start = i + 1;
    }
  if (parts.size() != 3)
    throw InvalidArgument("--position '" + text +
                          "' needs three fractional coordinates x,y,z (e.g. 0.12,0,0.5 or "
                          "1/4,0,1/2), optionally after a label: 24g:0.12,0,0.5");
  return {parse_coordinate(parts[0]), parse_coordinate(parts[1]), parse_coordinate(parts[2])};
}

void run(const SitesCliOptions& o) {
  const Format format = parse_format(o.out.format);
  const xtal::SpaceGroup g = xtal::find_space_group(o.spacegroup);

  Table gt;
  gt.title = "Space group (spglib database)";
  gt.headers = {"number",      "hall_number", "symbol",      "full_symbol",      "setting",
                "hall_symbol", "choice",      "schoenflies", "crystal_system",   "point_group",
                "lattice",     "order",       "centring",    "point_group_order"};
  gt.add_row({static_cast<long long>(g.number), static_cast<long long>(g.hall_number),
              g.international_short, g.international_full, g.international, g.hall_symbol, g.choice,
              g.schoenflies, std::string(xtal::to_string(g.crystal_system)), g.point_group,
              std::string(1, g.lattice_type), static_cast<long long>(g.order()),
              static_cast<long long>(g.centring_count),
              static_cast<long long>(g.point_group_order)});
  std::vector<Table> tables = {gt};
  nlohmann::json doc;
  doc["space_group"] = to_json(gt).at(0);
  std::string footer;

  if (o.position.empty()) {
    try {
      Table wt;
      wt.title = "Wyckoff positions (classes derived from the operations; letters from spglib)";
      wt.headers = {"wyckoff",       "multiplicity",        "letter",
                    "site_symmetry", "site_symmetry_order", "free_parameters",
                    "representative"};
      doc["wyckoff_positions"] = nlohmann::json::array();
      for (const auto& w : xtal::wyckoff_positions(g)) {
        wt.add_row({w.label(), static_cast<long long>(w.multiplicity), w.letter, w.site_symmetry,
                    static_cast<long long>(w.site_symmetry_order),
                    static_cast<long long>(w.free_parameters), w.representative});
        doc["wyckoff_positions"].push_back({{"wyckoff", w.label()},
                                            {"multiplicity", w.multiplicity},
                                            {"letter", w.letter},
                                            {"site_symmetry", w.site_symmetry},
                                            {"site_symmetry_order", w.site_symmetry_order},
                                            {"free_parameters", w.free_parameters},
                                            {"representative", w.representative},
                                            {"example", w.example}});
      }
      tables.push_back(wt);
    } catch (const NumericalError& e) {
      footer += std::string("note: no Wyckoff table: ") + e.what() + "\n";
    }
    Table ot;
    ot.title = "Symmetry operations of the conventional cell (x' = R x + t)";
    ot.headers = {"op", "xyz"};
    long long k = 0;
    for (const auto& op : g.operations) ot.add_row({++k, xtal::to_xyz(op)});
    tables.push_back(ot);
    doc["operations"] = nlohmann::json::array();
    for (const auto& op : g.operations)
      doc["operations"].push_back(
          {{"xyz", xtal::to_xyz(op)}, {"rotation", op.rotation}, {"translation", op.translation}});
    footer += "Give --position x,y,z for the Wyckoff letter and orbit of a position.\n";
  } else {
    std::string expected;
    const xtal::Fractional p = parse_position(o.position, expected);
    const xtal::WyckoffSite s = xtal::wyckoff_site(g, p);
    if (!expected.empty() && expected != s.label())
      throw InvalidArgument("--position " + o.position + " is Wyckoff position " + s.label() +
                            " of " + g.international_short + ", not " + expected);
    Table st;
    st.title = "Wyckoff position";
    st.headers = {
        "x", "y", "z", "wyckoff", "multiplicity", "letter", "site_symmetry", "site_symmetry_order"};
    st.digits = 8;
    st.add_row({s.position[0], s.position[1], s.position[2], s.label(),
                static_cast<long long>(s.multiplicity), s.letter, s.site_symmetry,
                static_cast<long long>(s.site_symmetry_order)});
    Table ot;
    ot.title = "Orbit (fractional coordinates in the conventional cell, in [0, 1))";
    ot.headers = {"index", "x", "y", "z"};
    ot.digits = 8;
    long long k = 0;
    for (const auto& q : s.orbit) ot.add_row({++k, q[0], q[1], q[2]});
    tables.push_back(st);
    tables.push_back(ot);
    doc["site"] = to_json(st).at(0);
    doc["orbit"] = s.orbit;
  }
  write_output(o.out.output, render(format, tables, doc, footer));
}

}  // namespace

void register_sites(CLI::App& app) {
  auto o = std::make_shared<SitesCliOptions>();
  auto* cmd = app.add_subcommand(
      "sites", "Space-group data and Wyckoff position (letter, multiplicity, orbit) of a site");
  cmd->add_option("--spacegroup,-g", o->spacegroup,
                  "Space group: number 1-230, Hermann-Mauguin symbol (Im-3m, 'I m -3 m', P2_1/c, "
                  "Fd-3m:2), Hall symbol ('-I 4 2 3') or 'hall N' (1-530)")
      ->required();
  cmd->add_option("--position,-p", o->position,
                  "Fractional coordinates x,y,z (0.12,0,0.5 or 1/4,0,1/2), optionally labelled "
                  "and checked: 24g:0.12,0,0.5");
  add_output_options(cmd, o->out);
  cmd->footer(
      "A number or short symbol selects spglib's default setting of the type (the first Hall "
      "setting: unique axis b, hexagonal axes for R, origin choice 1); other settings by "
      "suffix (Fd-3m:2, R-3m:R), full symbol or Hall symbol. Without --position the "
      "group's Wyckoff positions (one representative each, in the x,y,z form) and the "
      "operations of the conventional cell are listed.\n"
      "Examples:\n"
      "  solyte sites --spacegroup Im-3m\n"
      "  solyte sites --spacegroup Im-3m --position 0.12,0,0.5\n"
      "  solyte sites --spacegroup 225 --position 1/4,1/4,1/4 -f json\n"
      "  solyte sites -g 'P 1 2_1/n 1' -p 4e:0.1,0.2,0.3");
  cmd->callback([o] { run(*o); });
}

}  // namespace solyte::cli
