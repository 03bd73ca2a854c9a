// A crystal structure from a CIF block (core dictionary: cell, symmetry, atom sites;
// docs/methods.md §9a).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <numbers>
#include <string>

#include "core/number_parse.hpp"
#include "solyte/error.hpp"
#include "solyte/xtal/cif.hpp"
#include "solyte/xtal/formula.hpp"

namespace solyte::xtal {

namespace {

[[noreturn]] void fail_at(const std::string& source, const CifValue& v, const std::string& what) {
  throw ParseError(source, v.line, v.column, what);
}

// The first of `tags` present as a single item.
const CifValue* find_any(const CifBlock& b, std::initializer_list<std::string_view> tags) {
  for (auto t : tags)
    if (const CifValue* v = b.find(t); v != nullptr && !v->is_null()) return v;
  return nullptr;
}

std::optional<std::size_t> column_any(const CifLoop& loop,
                                      std::initializer_list<std::string_view> tags) {
  for (auto t : tags)
    if (auto c = loop.column(t)) return c;
  return std::nullopt;
}

const CifLoop* loop_any(const CifBlock& b, std::initializer_list<std::string_view> tags) {
  for (auto t : tags)
    if (const CifLoop* l = b.find_loop(t)) return l;
  return nullptr;
}

// Element and charge from a type symbol or label: "Ca2+" → Ca, +2; "F1-" → F, −1; "CA1" → Ca; "O" →
// O; "Ow" → O (no element "Ow"); "D" → H (deuterium scatters X-rays as hydrogen).
bool element_of(const std::string& text, std::string& element, int& charge) {
  std::size_t k = 0;
  while (k < text.size() && !std::isalpha(static_cast<unsigned char>(text[k]))) ++k;
  if (k != 0 || text.empty()) return false;
  std::string one(1, static_cast<char>(std::toupper(static_cast<unsigned char>(text[0]))));
  std::string two = one;
  if (text.size() > 1 && std::isalpha(static_cast<unsigned char>(text[1])))
    two += static_cast<char>(std::tolower(static_cast<unsigned char>(text[1])));
  std::size_t used = 0;
  if (two.size() == 2 && find_element(two) != nullptr) {
    element = two;
    used = 2;
  } else if (find_element(one) != nullptr) {
    element = one;
    used = 1;
  } else if (one == "D" || one == "T") {
    element = "H";
    used = 1;
  } else {
    return false;
  }
  // Charge: "2+", "+2", "+", "1-", "-1", "-".
  charge = 0;
  const std::string rest = text.substr(used);
  if (!rest.empty() &&
      (rest.find('+') != std::string::npos || rest.find('-') != std::string::npos)) {
    const int sign = rest.find('-') != std::string::npos ? -1 : 1;
    int digits = 0;
    bool any = false;
    for (char c : rest)
      if (std::isdigit(static_cast<unsigned char>(c))) {
        digits = digits * 10 + (c - '0');
        any = true;
      }
    charge = sign * (any ? digits : 1);
  }
  return true;
}

double to_double(const CifValue& v, const std::string& source, const std::string& what) {
  return cif_number(v, source, what).value;
}

}  // namespace

CifNumber cif_number(const CifValue& v, const std::string& source, const std::string& what) {
  if (v.is_null())
    fail_at(source, v, what + " as a number (found '" + v.text + "', which means no value)");
  std::string_view t = detail::trim(v.text);
  CifNumber out;
  std::string_view mantissa = t;
  if (!t.empty() && t.back() == ')') {
    const auto open = t.find('(');
    if (open == std::string_view::npos) fail_at(source, v, what + " as a number such as 5.6402(3)");
    const std::string_view su = t.substr(open + 1, t.size() - open - 2);
    mantissa = t.substr(0, open);
    if (su.empty() || !std::all_of(su.begin(), su.end(), [](char c) {
          return std::isdigit(static_cast<unsigned char>(c));
        }))
      fail_at(source, v,
              what +
                  " with a standard uncertainty of digits in parentheses, "
                  "e.g. 5.6402(3)");
    // The uncertainty counts units of the mantissa's last decimal, scaled by its exponent.
    std::string_view digits = mantissa;
    int exponent = 0;
    if (const auto e = mantissa.find_first_of("eE"); e != std::string_view::npos) {
      digits = mantissa.substr(0, e);
      const auto ev = detail::parse_double(mantissa.substr(e + 1));
      if (!ev) fail_at(source, v, what + " as a number such as 1.23e-4(5)");
      exponent = static_cast<int>(*ev);
    }
    const auto dot = digits.find('.');
    const int decimals =
        dot == std::string_view::npos ? 0 : static_cast<int>(digits.size() - dot - 1);
    out.su = std::stod(std::string(su)) * std::pow(10.0, exponent - decimals);
  }
  const auto value = detail::parse_double(mantissa);
  if (!value || !std::isfinite(*value))
    fail_at(source, v, what + " as a number (found '" + v.text + "')");
  out.value = *value;
  return out;
}

CrystalStructure structure_from_cif(std::string_view text, const std::string& source,
                                    std::string_view block_name) {
  return structure_from_cif(parse_cif(text, source), block_name);
}

CrystalStructure structure_from_cif(const CifDocument& doc, std::string_view block_name) {
  const std::string& src = doc.source;
  const CifBlock* block = nullptr;
  if (!block_name.empty()) {
    std::string names;
    for (const auto& b : doc.blocks) {
      std::string a = b.name, c(block_name);
      for (char& ch : a) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      for (char& ch : c) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (a == c) block = &b;
      names += (names.empty() ? "" : ", ") + ("data_" + b.name);
    }
    if (block == nullptr)
      throw ParseError(src, 0, 0,
                       "a block data_" + std::string(block_name) + " (the file has " + names + ")");
  } else {
    for (const auto& b : doc.blocks)
      if (b.find("_cell_length_a") != nullptr) {
        block = &b;
        break;
      }
    if (block == nullptr)
      throw ParseError(src, doc.blocks.front().line, 1,
                       "a data block with a unit cell (_cell_length_a); none of the " +
                           std::to_string(doc.blocks.size()) + " blocks has one");
  }
  const CifBlock& b = *block;
  CrystalStructure s;
  s.name = b.name;
  const std::string in_block = " in data_" + b.name;

  // --- cell
  // ---------------------------------------------------------------------------
  double len[3], ang[3] = {90, 90, 90};
  const char* len_tags[3] = {"_cell_length_a", "_cell_length_b", "_cell_length_c"};
  const char* ang_tags[3] = {"_cell_angle_alpha", "_cell_angle_beta", "_cell_angle_gamma"};
  for (int i = 0; i < 3; ++i) {
    const CifValue* v = b.find(len_tags[i]);
    if (v == nullptr) throw ParseError(src, b.line, 1, std::string(len_tags[i]) + in_block);
    len[i] = to_double(*v, src, len_tags[i]);
    if (!(len[i] > 0)) fail_at(src, *v, std::string(len_tags[i]) + " > 0 Å");
    const CifValue* a = b.find(ang_tags[i]);
    if (a == nullptr || a->is_null()) {
      s.warnings.push_back(std::string(ang_tags[i]) + " absent; taken as 90°");
    } else {
      ang[i] = to_double(*a, src, ang_tags[i]);
      if (!(ang[i] > 0 && ang[i] < 180))
        fail_at(src, *a, std::string(ang_tags[i]) + " between 0 and 180°");
    }
  }
  try {
    s.cell = UnitCell(len[0], len[1], len[2], ang[0], ang[1], ang[2]);
  } catch (const InvalidArgument& e) {
    throw ParseError(src, b.find("_cell_angle_alpha") ? b.find("_cell_angle_alpha")->line : b.line,
                     1, std::string("a valid cell: ") + e.what());
  }

  // --- symmetry
  // -----------------------------------------------------------------------
  const CifValue* hall = find_any(b, {"_space_group_name_hall", "_symmetry_space_group_name_hall"});
  const CifValue* hm = find_any(
      b, {"_space_group_name_h-m_alt", "_symmetry_space_group_name_h-m", "_space_group_name_h-m"});
  const CifValue* number = find_any(b, {"_space_group_it_number", "_symmetry_int_tables_number"});
  const CifLoop* ops_loop =
      loop_any(b, {"_space_group_symop_operation_xyz", "_symmetry_equiv_pos_as_xyz"});
  if (ops_loop != nullptr) {
    const std::size_t c =
        *column_any(*ops_loop, {"_space_group_symop_operation_xyz", "_symmetry_equiv_pos_as_xyz"});
    std::vector<SymmetryOperation> ops;
    for (const auto& row : ops_loop->rows) {
      try {
        ops.push_back(parse_xyz_operation(row[c].text));
      } catch (const InvalidArgument& e) {
        fail_at(src, row[c], std::string("a symmetry operation in x,y,z form: ") + e.what());
      }
    }
    try {
      s.group = space_group_from_operations(ops);
    } catch (const Error& e) {
      throw ParseError(src, ops_loop->line, 1,
                       std::string("symmetry operations forming a space group: ") + e.what());
    }
    // Names given beside the operations are checked, not used.
    for (const CifValue* name : {hall, hm, number}) {
      if (name == nullptr) continue;
      try {
        const SpaceGroup named = find_space_group(name->text);
        if (named.number != s.group.number)
          s.warnings.push_back("line " + std::to_string(name->line) + ": the file names '" +
                               name->text + "' (No. " + std::to_string(named.number) +
                               ") but its operations are those of " + s.group.international_short +
                               " (No. " + std::to_string(s.group.number) +
                               "); the operations are used");
      } catch (const InvalidArgument&) {
        s.warnings.push_back("line " + std::to_string(name->line) + ": space-group name '" +
                             name->text + "' not recognised; the operations are used");
      }
    }
  } else {
    const CifValue* name = hall != nullptr ? hall : (hm != nullptr ? hm : number);
    if (name == nullptr)
      throw ParseError(src, b.line, 1,
                       "the symmetry" + in_block +
                           ": _space_group_symop_operation_xyz (or "
                           "_symmetry_equiv_pos_as_xyz), a "
                           "Hall symbol, a Hermann-Mauguin symbol or a space-group number");
    try {
      s.group = find_space_group(name->text);
    } catch (const InvalidArgument& e) {
      fail_at(src, *name, std::string("a space group spglib knows: ") + e.what());
    }
  }

  // --- atom sites
  // ---------------------------------------------------------------------
  const CifLoop* atoms = b.find_loop("_atom_site_fract_x");
  const CifValue* single_x = b.find("_atom_site_fract_x");
  if (atoms == nullptr && single_x != nullptr)
    fail_at(src, *single_x,
            "atom sites in a loop_ (a single _atom_site_fract_x item is not "
            "supported)");
  if (atoms == nullptr) {
    if (b.find_loop("_atom_site_cartn_x") != nullptr)
      throw ParseError(src, b.find_loop("_atom_site_cartn_x")->line, 1,
                       "fractional coordinates _atom_site_fract_x/y/z "
                       "(Cartesian ones are not read)");
    s.warnings.push_back("no atom sites" + in_block + "; cell and symmetry only");
    return s;
  }
  const auto cx = atoms->column("_atom_site_fract_x"), cy = atoms->column("_atom_site_fract_y"),
             cz = atoms->column("_atom_site_fract_z");
  if (!cy || !cz)
    throw ParseError(src, atoms->line, 1,
                     "_atom_site_fract_y and _atom_site_fract_z in the "
                     "atom-site loop of line " +
                         std::to_string(atoms->line));
  const auto c_label = atoms->column("_atom_site_label");
  const auto c_type = atoms->column("_atom_site_type_symbol");
  const auto c_occ = atoms->column("_atom_site_occupancy");
  const auto c_u = atoms->column("_atom_site_u_iso_or_equiv");
  const auto c_b = atoms->column("_atom_site_b_iso_or_equiv");
  const auto c_mult = atoms->column("_atom_site_symmetry_multiplicity");
  if (!c_label && !c_type)
    throw ParseError(src, atoms->line, 1,
                     "_atom_site_label or _atom_site_type_symbol in the "
                     "atom-site loop (what atoms "
                     "are these?)");
  const double eight_pi2 = 8 * std::numbers::pi * std::numbers::pi;
  for (std::size_t r = 0; r < atoms->rows.size(); ++r) {
    const auto& row = atoms->rows[r];
    AtomSite a;
    a.label = c_label ? row[*c_label].text : row[*c_type].text + std::to_string(r + 1);
    for (const auto& other : s.sites)
      if (other.label == a.label)
        fail_at(src, row[c_label ? *c_label : *c_type],
                "a unique atom-site label ('" + a.label + "' is used twice)");
    const CifValue& type_value = c_type && !row[*c_type].is_null() ? row[*c_type] : row[*c_label];
    a.type_symbol = type_value.text;
    if (!element_of(a.type_symbol, a.element, a.charge))
      fail_at(src, type_value,
              "an element symbol at the start of '" + a.type_symbol + "' (atom " + a.label + ")");
    const std::string atom = " of atom " + a.label;
    a.position = {to_double(row[*cx], src, "_atom_site_fract_x" + atom),
                  to_double(row[*cy], src, "_atom_site_fract_y" + atom),
                  to_double(row[*cz], src, "_atom_site_fract_z" + atom)};
    if (c_occ && !row[*c_occ].is_null()) {
      a.occupancy = to_double(row[*c_occ], src, "_atom_site_occupancy" + atom);
      if (!(a.occupancy > 0) || a.occupancy > 1 + 1e-6)
        fail_at(src, row[*c_occ],
                "an occupancy in (0, 1]" + atom + " (found " + row[*c_occ].text + ")");
    }
    if (c_u && !row[*c_u].is_null()) {
      a.u_iso_a2 = to_double(row[*c_u], src, "_atom_site_U_iso_or_equiv" + atom);
    } else if (c_b && !row[*c_b].is_null()) {
      a.u_iso_a2 = to_double(row[*c_b], src, "_atom_site_B_iso_or_equiv" + atom) / eight_pi2;
    }
    if (a.u_iso_a2 && *a.u_iso_a2 < 0)
      s.warnings.push_back("atom " + a.label + " has a negative isotropic displacement parameter");
    s.sites.push_back(std::move(a));
    if (c_mult && !row[*c_mult].is_null()) {
      const double m = to_double(row[*c_mult], src, "_atom_site_symmetry_multiplicity" + atom);
      const std::size_t n = orbit(s.group, s.sites.back().position, 1e-4).size();
      if (std::abs(m - static_cast<double>(n)) > 1e-9)
        s.warnings.push_back("line " + std::to_string(row[*c_mult].line) + ": atom " +
                             s.sites.back().label + " has multiplicity " + row[*c_mult].text +
                             " in the file but an orbit of " + std::to_string(n) +
                             " positions under the operations");
    }
  }

  // --- anisotropic displacement parameters
  // --------------------------------------------
  if (const CifLoop* an = b.find_loop("_atom_site_aniso_label")) {
    const std::size_t cl = *an->column("_atom_site_aniso_label");
    const char* names[6] = {"11", "22", "33", "12", "13", "23"};
    std::optional<std::size_t> cols[6];
    bool is_b = false;
    for (int i = 0; i < 6; ++i) {
      cols[i] = an->column(std::string("_atom_site_aniso_u_") + names[i]);
      if (!cols[i]) {
        cols[i] = an->column(std::string("_atom_site_aniso_b_") + names[i]);
        is_b = is_b || cols[i].has_value();
      }
      if (!cols[i])
        throw ParseError(src, an->line, 1,
                         std::string("_atom_site_aniso_U_") + names[i] +
                             " in the aniso loop of line " + std::to_string(an->line));
    }
    for (const auto& row : an->rows) {
      AtomSite* site = nullptr;
      for (auto& a : s.sites)
        if (a.label == row[cl].text) site = &a;
      if (site == nullptr)
        fail_at(src, row[cl],
                "an atom-site label of the atom-site loop ('" + row[cl].text + "' is not one)");
      std::array<double, 6> u{};
      for (int i = 0; i < 6; ++i)
        u[i] = to_double(row[*cols[i]], src,
                         std::string(is_b ? "_atom_site_aniso_B_" : "_atom_site_aniso_U_") +
                             names[i] + " of atom " + site->label) /
               (is_b ? eight_pi2 : 1.0);
      site->u_aniso_a2 = u;
      if (!site->u_iso_a2) site->u_iso_a2 = u_equivalent(u, s.cell);
    }
  }
  return s;
}

}  // namespace solyte::xtal
