// Space-group lookup on spglib's database (docs/methods.md §4c). spglib is the only source of
// symbols and operations; this file converts its types into solyte's plain structs and does
// the symbol matching.
#include "solyte/xtal/space_group.hpp"

#include <spglib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "solyte/error.hpp"
#include "xtal/invariant_lattice.hpp"

namespace solyte::xtal {

namespace {

constexpr int kHallCount = 530;

// The first Hall number of each ITA number in spglib's ordering (spglib's own default).
const std::array<int, 231>& default_hall_numbers() {
  static const std::array<int, 231> table = [] {
    std::array<int, 231> t{};
    for (int h = kHallCount; h >= 1; --h) {
      const SpglibSpacegroupType s = spg_get_spacegroup_type(h);
      if (s.number >= 1 && s.number <= 230) t[s.number] = h;
    }
    return t;
  }();
  return table;
}

CrystalSystem system_of(int number) {
  if (number <= 2) return CrystalSystem::triclinic;
  if (number <= 15) return CrystalSystem::monoclinic;
  if (number <= 74) return CrystalSystem::orthorhombic;
  if (number <= 142) return CrystalSystem::tetragonal;
  if (number <= 167) return CrystalSystem::trigonal;
  if (number <= 194) return CrystalSystem::hexagonal;
  return CrystalSystem::cubic;
}

std::string trimmed(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// Hermann–Mauguin symbols compare without spaces and underscores ("P 1 2_1/c 1" = "P121/c1").
std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '_' && c != '\t') out += c;
  return out;
}

// Hall symbols compare with runs of blanks collapsed to one space.
std::string collapse(std::string_view s) {
  std::string out;
  for (char c : trimmed(s)) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() == ' ') continue;
      c = ' ';
    }
    out += c;
  }
  return out;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool parse_int(std::string_view s, int& out) {
  if (s.empty() || s.size() > 4) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  out = std::atoi(std::string(s).c_str());
  return true;
}

// Levenshtein distance, for "did you mean" suggestions.
std::size_t distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

double reduce_translation(double t) {
  t -= std::floor(t);
  if (t > 1 - 1e-12) t = 0;
  return t;
}

bool is_identity_rotation(const SymmetryOperation& op) {
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      if (op.rotation[i][j] != (i == j ? 1 : 0)) return false;
  return true;
}

// Stores the operations (translations reduced to [0, 1)) with the centring
// count and the point-group order that follow from them.
void set_operations(SpaceGroup& g, std::vector<SymmetryOperation> ops) {
  int centring = 0;
  for (auto& op : ops) {
    for (double& t : op.translation) t = reduce_translation(t);
    if (is_identity_rotation(op)) ++centring;
  }
  g.operations = std::move(ops);
  g.centring_count = std::max(centring, 1);
  g.point_group_order = g.order() / g.centring_count;
}

void fill_type(SpaceGroup& g, const SpglibSpacegroupType& s) {
  g.number = s.number;
  g.hall_number = s.hall_number;
  g.international_short = s.international_short;
  g.international_full = s.international_full;
  g.international = s.international;
  g.hall_symbol = s.hall_symbol;
  g.choice = s.choice;
  g.schoenflies = s.schoenflies;
  g.point_group = trimmed(s.pointgroup_international);
  g.crystal_system = system_of(s.number);
  const std::string hall = trimmed(g.hall_symbol);
  g.lattice_type = hall.empty() ? 'P' : (hall[0] == '-' && hall.size() > 1 ? hall[1] : hall[0]);
}

SymmetryOperation compose(const SymmetryOperation& a, const SymmetryOperation& b) {
  SymmetryOperation c;  // a∘b: x → Ra(Rb x + tb) + ta
  for (int i = 0; i < 3; ++i) {
    c.translation[i] = a.translation[i];
    for (int j = 0; j < 3; ++j) {
      c.translation[i] += a.rotation[i][j] * b.translation[j];
      for (int k = 0; k < 3; ++k) c.rotation[i][j] += a.rotation[i][k] * b.rotation[k][j];
    }
  }
  return c;
}

bool same_set(std::span<const SymmetryOperation> a, std::span<const SymmetryOperation> b) {
  if (a.size() != b.size()) return false;
  for (const auto& x : a)
    if (std::none_of(b.begin(), b.end(), [&](const auto& y) { return same_operation(x, y); }))
      return false;
  return true;
}

int determinant(const std::array<std::array<int, 3>, 3>& r) {
  return r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1]) -
         r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0]) +
         r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
}

// "1/2", "0.5", "1", "" (= 1) → value; false when the text is not a number or
// fraction.
bool parse_factor(std::string_view s, double& out) {
  if (s.empty()) {
    out = 1;
    return true;
  }
  const auto slash = s.find('/');
  auto number = [](std::string_view t, double& v) {
    if (t.empty()) return false;
    for (char c : t)
      if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.') return false;
    v = std::atof(std::string(t).c_str());
    return true;
  };
  if (slash == std::string_view::npos) return number(s, out);
  double num = 0, den = 0;
  if (!number(s.substr(0, slash), num) || !number(s.substr(slash + 1), den) || den == 0)
    return false;
  out = num / den;
  return true;
}

}  // namespace

bool same_operation(const SymmetryOperation& a, const SymmetryOperation& b, double tolerance) {
  if (a.rotation != b.rotation) return false;
  for (int i = 0; i < 3; ++i) {
    double d = std::abs(a.translation[i] - b.translation[i]);
    d -= std::floor(d);
    if (std::min(d, 1 - d) > tolerance) return false;
  }
  return true;
}

SymmetryOperation parse_xyz_operation(std::string_view text) {
  const std::string what = "symmetry operation '" + std::string(text) + "'";
  std::vector<std::string> parts(1);
  for (char c : text) {
    if (c == ',')
      parts.emplace_back();
    else if (c != ' ' && c != '\t')
      parts.back() += c;
  }
  if (parts.size() != 3)
    throw InvalidArgument(what +
                          ": expected three comma-separated components such as "
                          "-y+1/2,x,z");
  SymmetryOperation op;
  for (int i = 0; i < 3; ++i) {
    const std::string& p = parts[static_cast<std::size_t>(i)];
    if (p.empty())
      throw InvalidArgument(what + ": component " + std::to_string(i + 1) + " is empty");
    // Terms: [sign] [factor[*]] variable, or [sign] constant.
    std::size_t k = 0;
    bool any_term = false;
    while (k < p.size()) {
      double sign = 1;
      if (p[k] == '+' || p[k] == '-') {
        sign = p[k] == '-' ? -1 : 1;
        ++k;
      } else if (any_term) {
        throw InvalidArgument(what + ": expected + or - before '" + p.substr(k) + "'");
      }
      std::size_t e = k;
      while (e < p.size() && p[e] != '+' && p[e] != '-') ++e;
      std::string term = p.substr(k, e - k);
      k = e;
      if (term.empty())
        throw InvalidArgument(what + ": a sign without a term in component " +
                              std::to_string(i + 1));
      const char last = static_cast<char>(std::tolower(static_cast<unsigned char>(term.back())));
      if (last == 'x' || last == 'y' || last == 'z') {
        std::string factor = term.substr(0, term.size() - 1);
        if (!factor.empty() && factor.back() == '*') factor.pop_back();
        double f = 0;
        if (!parse_factor(factor, f) || std::abs(f - std::round(f)) > 1e-9)
          throw InvalidArgument(what + ": '" + term + "' is not an integer multiple of " +
                                std::string(1, last));
        op.rotation[i][last - 'x'] += static_cast<int>(sign * std::round(f));
      } else {
        double f = 0;
        if (!parse_factor(term, f))
          throw InvalidArgument(what + ": '" + term +
                                "' is neither a coordinate (x, y, z) nor a number or fraction");
        op.translation[i] += sign * f;
      }
      any_term = true;
    }
  }
  for (double& t : op.translation) t = reduce_translation(t);
  if (determinant(op.rotation) != 1 && determinant(op.rotation) != -1)
    throw InvalidArgument(what + ": its rotation part has determinant " +
                          std::to_string(determinant(op.rotation)) + ", not +1 or -1");
  return op;
}

std::string to_xyz(const SymmetryOperation& op) {
  auto fraction = [](double t) {
    for (int den : {2, 3, 4, 6, 8, 12, 24}) {
      const double num = t * den;
      if (std::abs(num - std::round(num)) < 1e-9)
        return std::to_string(static_cast<long>(std::round(num))) + "/" + std::to_string(den);
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", t);
    return std::string(buf);
  };
  std::string out;
  for (int i = 0; i < 3; ++i) {
    std::string row;
    for (int j = 0; j < 3; ++j) {
      const int r = op.rotation[i][j];
      if (r == 0) continue;
      if (r < 0)
        row += "-";
      else if (!row.empty())
        row += "+";
      if (std::abs(r) != 1) row += std::to_string(std::abs(r));
      row += "xyz"[j];
    }
    if (op.translation[i] > 1e-12) row += "+" + fraction(op.translation[i]);
    if (row.empty()) row = "0";
    out += (i ? "," : "") + row;
  }
  return out;
}

std::string_view to_string(CrystalSystem s) {
  switch (s) {
    case CrystalSystem::triclinic:
      return "triclinic";
    case CrystalSystem::monoclinic:
      return "monoclinic";
    case CrystalSystem::orthorhombic:
      return "orthorhombic";
    case CrystalSystem::tetragonal:
      return "tetragonal";
    case CrystalSystem::trigonal:
      return "trigonal";
    case CrystalSystem::hexagonal:
      return "hexagonal";
    case CrystalSystem::cubic:
      return "cubic";
  }
  return "unknown";
}

SpaceGroup space_group_from_hall(int hall_number) {
  if (hall_number < 1 || hall_number > kHallCount)
    throw InvalidArgument("Hall number " + std::to_string(hall_number) +
                          " is outside spglib's range 1-530");
  const SpglibSpacegroupType s = spg_get_spacegroup_type(hall_number);
  if (s.number < 1 || s.number > 230)
    throw InvalidArgument("spglib has no space-group type for Hall number " +
                          std::to_string(hall_number));
  SpaceGroup g;
  fill_type(g, s);

  // 192 is the largest conventional-cell order (Fm-3m and the other F cubic groups).
  int rotations[192][3][3];
  double translations[192][3];
  const int n = spg_get_symmetry_from_database(rotations, translations, hall_number);
  if (n <= 0)
    throw InvalidArgument("spglib returned no operations for Hall number " +
                          std::to_string(hall_number));
  g.operations.resize(static_cast<std::size_t>(n));
  for (int k = 0; k < n; ++k) {
    auto& op = g.operations[static_cast<std::size_t>(k)];
    for (int i = 0; i < 3; ++i) {
      for (int j = 0; j < 3; ++j) op.rotation[i][j] = rotations[k][i][j];
      op.translation[i] = translations[k][i];
    }
  }
  set_operations(g, std::move(g.operations));
  return g;
}

SpaceGroup space_group(int number) {
  if (number < 1 || number > 230)
    throw InvalidArgument("space-group number " + std::to_string(number) + " is outside 1-230");
  return space_group_from_hall(default_hall_numbers()[static_cast<std::size_t>(number)]);
}

SpaceGroup find_space_group(std::string_view text_in) {
  const std::string text = trimmed(text_in);
  if (text.empty()) throw InvalidArgument("empty space-group symbol");
  int n = 0;
  if (parse_int(text, n)) return space_group(n);
  {
    const std::string l = lower(text);
    for (std::string_view prefix : {"hall:", "hall ", "hall", "h:", "h"}) {
      if (l.rfind(prefix, 0) == 0 && parse_int(trimmed(l.substr(prefix.size())), n))
        return space_group_from_hall(n);
    }
  }

  // Split a ":choice" suffix ("Fd-3m:2", "R-3:R").
  std::string symbol = text, choice;
  if (const auto colon = text.rfind(':'); colon != std::string::npos) {
    symbol = trimmed(text.substr(0, colon));
    choice = trimmed(text.substr(colon + 1));
  }
  const std::string key = squeeze(symbol);
  const std::string hall_key = collapse(text);

  // Passes: exact case, then case-insensitive (accepted only when it names one type). Within a
  // pass: a short symbol (its default setting, or the ":choice" one), then a full symbol, then
  // a Hall symbol. A text that reads as both a Hall symbol and a different type's
  // Hermann–Mauguin symbol ("P 4 2": Hall symbol of P422, squeezed P42 = P4_2) is taken as the
  // Hall symbol, since nobody spaces out a short symbol that way.
  for (int pass = 0; pass < 2; ++pass) {
    auto same = [pass](const std::string& a, const std::string& b) {
      return pass == 0 ? a == b : lower(a) == lower(b);
    };
    std::vector<int> short_hits, full_hits, hall_hits;  // Hall numbers
    for (int h = 1; h <= kHallCount; ++h) {
      const SpglibSpacegroupType s = spg_get_spacegroup_type(h);
      const bool choice_ok = choice.empty() || same(choice, s.choice);
      if (choice_ok && same(key, squeeze(s.international_short)) &&
          (!choice.empty() || default_hall_numbers()[static_cast<std::size_t>(s.number)] == h))
        short_hits.push_back(h);
      if (choice_ok && same(key, squeeze(s.international_full))) full_hits.push_back(h);
      if (same(hall_key, collapse(s.hall_symbol))) hall_hits.push_back(h);
    }
    auto type_of = [](int h) { return spg_get_spacegroup_type(h).number; };
    auto one_type = [&](const std::vector<int>& hits) {
      return std::all_of(hits.begin(), hits.end(),
                         [&](int h) { return type_of(h) == type_of(hits.front()); });
    };
    std::vector<int> hits = !short_hits.empty() ? short_hits : full_hits;
    if (!hall_hits.empty() &&
        (hits.empty() || (text.find(' ') != std::string::npos &&
                          type_of(hits.front()) != type_of(hall_hits.front()))))
      hits = hall_hits;
    if (hits.empty()) continue;
    // Several settings can share a full symbol (both origins of Fd-3m): the first is the
    // type's default.
    if (pass == 0 || one_type(hits)) return space_group_from_hall(hits.front());
  }

  // Suggestions: the closest short symbols.
  std::vector<std::pair<std::size_t, std::string>> near;
  for (int number = 1; number <= 230; ++number) {
    const SpglibSpacegroupType s =
        spg_get_spacegroup_type(default_hall_numbers()[static_cast<std::size_t>(number)]);
    const std::string cand = s.international_short;
    near.emplace_back(distance(lower(key), lower(squeeze(cand))), cand);
  }
  std::stable_sort(near.begin(), near.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string msg = "unknown space group '" + text +
                    "'; give a number 1-230, a Hermann-Mauguin symbol (Im-3m, P2_1/c, "
                    "Fd-3m:2), a Hall symbol (-I 4 2 3) or 'hall N' (1-530)";
  if (!near.empty() && near.front().first <= 2) {
    msg += "; close matches:";
    for (std::size_t i = 0; i < near.size() && i < 5 && near[i].first <= 2; ++i)
      msg += (i ? ", " : " ") + near[i].second;
  }
  throw InvalidArgument(msg);
}

SpaceGroup space_group_from_operations(std::span<const SymmetryOperation> operations) {
  if (operations.empty()) throw InvalidArgument("no symmetry operations given");
  if (operations.size() > 192)
    throw InvalidArgument(std::to_string(operations.size()) +
                          " symmetry operations: more than any space group has in its "
                          "conventional cell (192)");
  std::vector<SymmetryOperation> ops(operations.begin(), operations.end());
  for (auto& op : ops) {
    const int det = determinant(op.rotation);
    if (det != 1 && det != -1)
      throw InvalidArgument("symmetry operation " + to_xyz(op) + " has determinant " +
                            std::to_string(det) + ", not +1 or -1");
    for (double& t : op.translation) t = reduce_translation(t);
  }
  for (std::size_t i = 0; i < ops.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (same_operation(ops[i], ops[j]))
        throw InvalidArgument("symmetry operation " + to_xyz(ops[i]) + " is listed twice");
  if (std::none_of(ops.begin(), ops.end(), [](const auto& op) {
        return is_identity_rotation(op) &&
               std::all_of(op.translation.begin(), op.translation.end(),
                           [](double t) { return std::min(t, 1 - t) < 1e-6; });
      }))
    throw InvalidArgument("the symmetry operations do not include the identity x,y,z");
  // Closure: the product of any two operations is in the list (modulo lattice
  // translations).
  for (const auto& a : ops)
    for (const auto& b : ops) {
      const SymmetryOperation c = compose(a, b);
      if (std::none_of(ops.begin(), ops.end(),
                       [&](const auto& x) { return same_operation(c, x, 1e-4); }))
        throw InvalidArgument("the symmetry operations are not a group: " + to_xyz(a) + " after " +
                              to_xyz(b) + " gives " + to_xyz(c) + ", which is not in the list");
    }

  // spglib's identification of the type, then the database settings of that
  // type.
  std::vector<int> rot(9 * ops.size());
  std::vector<double> tr(3 * ops.size());
  for (std::size_t k = 0; k < ops.size(); ++k)
    for (int i = 0; i < 3; ++i) {
      tr[3 * k + i] = ops[k].translation[i];
      for (int j = 0; j < 3; ++j) rot[9 * k + 3 * i + j] = ops[k].rotation[i][j];
    }
  const Eigen::Matrix3d a = detail::invariant_lattice(ops);
  double lattice[3][3];
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) lattice[i][j] = a(i, j);
  const SpglibSpacegroupType type = spg_get_spacegroup_type_from_symmetry(
      reinterpret_cast<int(*)[3][3]>(rot.data()), reinterpret_cast<double(*)[3]>(tr.data()),
      static_cast<int>(ops.size()), lattice, 1e-5);
  if (type.number < 1 || type.number > 230)
    throw NumericalError("spglib could not identify the space-group type of these " +
                         std::to_string(ops.size()) + " operations");
  for (int h = 1; h <= kHallCount; ++h) {
    if (spg_get_spacegroup_type(h).number != type.number) continue;
    SpaceGroup g = space_group_from_hall(h);
    if (same_set(g.operations, ops)) return g;
  }
  SpaceGroup g;
  fill_type(g, type);
  g.hall_number = 0;
  g.international = g.international_short + " (non-standard setting)";
  g.hall_symbol.clear();
  g.choice.clear();
  set_operations(g, std::move(ops));
  // The centring letter of the database setting need not hold in another
  // setting.
  g.lattice_type = g.centring_count == 1 ? 'P' : g.lattice_type;
  return g;
}

UnitCell cell_from_parameters(std::span<const double> x, const SpaceGroup& g) {
  switch (x.size()) {
    case 1:
      return UnitCell::cubic(x[0]);
    case 2:
      return g.crystal_system == CrystalSystem::hexagonal ||
                     (g.crystal_system == CrystalSystem::trigonal && g.choice != "R")
                 ? UnitCell::hexagonal(x[0], x[1])
                 : UnitCell::tetragonal(x[0], x[1]);
    case 3:
      return UnitCell::orthorhombic(x[0], x[1], x[2]);
    case 4:
      return UnitCell::monoclinic(x[0], x[1], x[2], x[3]);
    case 6:
      return {x[0], x[1], x[2], x[3], x[4], x[5]};
    default:
      throw InvalidArgument(
          "a cell takes 1 (a), 2 (a,c), 3 (a,b,c), 4 (a,b,c,beta) or 6 values "
          "(a,b,c,alpha,beta,gamma), got " +
          std::to_string(x.size()));
  }
}

}  // namespace solyte::xtal
