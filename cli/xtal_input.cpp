#include "xtal_input.hpp"

#include <cmath>
#include <string_view>

#include "solyte/error.hpp"
#include "solyte/io/read_measurements.hpp"
#include "solyte/io/read_structure.hpp"
#include "solyte/units.hpp"

namespace solyte::cli {

namespace {

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

double parse_length_angstrom(const std::string& text, const std::string& what) {
  std::string t = trim(text);
  for (std::string_view suffix :
       {"angstrom", "Angstrom", "Ang", "\xC3\x85" /* Å */, "\xE2\x84\xAB" /* Å sign */, "A"}) {
    if (ends_with(t, suffix)) {
      t = trim(t.substr(0, t.size() - suffix.size()));
      break;
    }
  }
  double v = 0;
  bool plain = true;
  try {
    v = parse_number(t, what);
  } catch (const InvalidArgument&) {
    plain = false;
  }
  if (!plain) {
    try {
      v = parse_length_m(text) * 1e10;
    } catch (const InvalidArgument&) {
      throw InvalidArgument("cannot read " + what + " from '" + text +
                            "'; write Å as a bare number or with A/Å (10.066, 10.066A), or "
                            "another length unit (1.0066nm)");
    }
  }
  if (!(v > 0)) throw InvalidArgument(what + " '" + text + "' must be positive");
  return v;
}

xtal::UnitCell parse_cell(const std::vector<std::string>& v, const xtal::SpaceGroup& g) {
  std::vector<double> x;
  for (std::size_t i = 0; i < v.size(); ++i)
    x.push_back(i < 3 ? parse_length_angstrom(v[i], "--cell length")
                      : parse_number(v[i], "--cell angle"));
  return xtal::cell_from_parameters(x, g);
}

std::pair<double, double> parse_range_deg(const std::string& text, const std::string& what) {
  const auto colon = text.find(':');
  if (colon == std::string::npos)
    throw InvalidArgument(what + " '" + text + "': write MIN:MAX in degrees 2θ, e.g. 5:90");
  const double lo = parse_number(text.substr(0, colon), what + " minimum");
  const double hi = parse_number(text.substr(colon + 1), what + " maximum");
  if (!(lo < hi)) throw InvalidArgument(what + " '" + text + "': MIN must be below MAX");
  return {lo, hi};
}

double parse_wavelength_angstrom(const std::string& text) {
  const std::string t = trim(text);
  // Kα1 of Cu: 1.5406 Å and Kα2 1.5444 Å as METHODS.md §9 uses them; the other lines from
  // International Tables Vol. C (2004) Table 4.2.2.1 (Hölzer et al. 1997 for Cu, Co, Cr, Fe).
  struct Line {
    const char* name;
    double lambda;
  };
  static const Line lines[] = {{"CuKa1", 1.5406},  {"CuKa2", 1.5444},  {"CuKa", 1.5418},
                               {"MoKa1", 0.70932}, {"CoKa1", 1.78896}, {"CrKa1", 2.28970},
                               {"FeKa1", 1.93604}, {"AgKa1", 0.55941}};
  for (const auto& l : lines) {
    std::string a = l.name, b = t;
    for (char& c : a) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : b) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (a == b) return l.lambda;
  }
  return parse_length_angstrom(t, "--wavelength");
}

StructureInput load_structure(const std::string& cif, const std::string& block,
                              const std::vector<std::string>& cell, const std::string& spacegroup) {
  StructureInput in;
  if (!cif.empty()) {
    if (!cell.empty() || !spacegroup.empty())
      throw InvalidArgument("give --cif, or --cell with --spacegroup, not both");
    in.structure = io::read_structure(cif, block);
    in.has_atoms = !in.structure.sites.empty();
    in.source = cif;
    return in;
  }
  if (cell.empty() || spacegroup.empty())
    throw InvalidArgument("give a structure: --cif FILE, or --cell A[,B,C…] with --spacegroup G");
  in.structure.group = xtal::find_space_group(spacegroup);
  in.structure.cell = parse_cell(cell, in.structure.group);
  in.structure.name = in.structure.group.international_short;
  in.source = "cell + space group";
  return in;
}

PatternInput load_pattern(const std::string& path,
                          const std::optional<std::pair<double, double>>& range) {
  PatternInput p;
  p.source = path;
  for (const Measurement& m : io::read_measurements(path)) {
    const Column* x = m.find(Quantity::two_theta);
    const Column* y = m.find(Quantity::intensity);
    if (x == nullptr || y == nullptr) continue;
    const Column* s = m.find(Quantity::intensity_sigma);
    for (std::size_t i = 0; i < m.size(); ++i) {
      if (range && (x->values[i] < range->first || x->values[i] > range->second)) continue;
      p.two_theta.push_back(x->values[i]);
      p.intensity.push_back(y->values[i]);
      if (s != nullptr) p.sigma.push_back(s->values[i]);
    }
    if (m.meta.wavelength_angstrom) {
      xtal::Radiation r = xtal::Radiation::monochromatic(*m.meta.wavelength_angstrom);
      if (m.meta.wavelength2_angstrom && m.meta.kalpha2_ratio) {
        r.lambda2 = *m.meta.wavelength2_angstrom;
        r.ratio = *m.meta.kalpha2_ratio;
      }
      p.radiation = r;
    }
    if (p.two_theta.size() < 5)
      throw InvalidArgument(path + ": fewer than 5 points" +
                            (range ? std::string(" in the --range given") : std::string()));
    return p;
  }
  throw InvalidArgument(path + ": no record with 2θ and intensity columns (found " +
                        "none the readers name two_theta and intensity)");
}

}  // namespace solyte::cli
