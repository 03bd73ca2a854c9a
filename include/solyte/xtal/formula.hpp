// Chemical formulas: parsing, composition and molar mass from standard atomic weights.
//
//   auto f = solyte::xtal::parse_formula("Na3(CB11H12)(B12H12)");
//   double m = solyte::xtal::molar_mass_g_per_mol(f);          // g/mol
//   double m2 = solyte::xtal::molar_mass_g_per_mol("NaCB11H12");   // 166.0068 g/mol
//
// Syntax: element symbols (capital letter, optional small letter: "Co" is cobalt, "CO" carbon
// and oxygen), each followed by an optional count that may be decimal ("Li6.4La3Zr1.4Ta0.6O12");
// groups in (), [] or {} with a multiplier after the closing bracket, nested to any depth
// ("Ca(OH)2", "K4[Fe(CN)6]"); adducts joined by '·' or '*' with a leading multiplier
// ("CuSO4·5H2O"). Blanks between parts are ignored. Isotope labels (D, ¹³C) and charges are
// not part of the syntax.
//
// Atomic weights: IUPAC CIAAW, "Standard atomic weights of the elements 2021" (T. Prohaska et
// al., Pure Appl. Chem. 94 (2022) 573–600, doi 10.1515/pac-2019-0603): the standard atomic
// weight where it is a single value (Na 22.98976928), and the conventional value of the same
// report where the standard atomic weight is an interval (H 1.008, Li 6.94, B 10.81,
// C 12.011, N 14.007, O 15.999, Mg 24.305, Si 28.085, S 32.06, Cl 35.45, Ar 39.95, Br 79.904,
// Tl 204.38, Pb 207.2). With this set M(NaCB11H12) = 166.00676928 g/mol, the 166.0068 of
// METHODS.md §5. Elements without a standard atomic weight (no stable isotope and no
// characteristic terrestrial composition: Tc, Pm, Po–Ac, Np and beyond) are recognised by the
// parser but have no molar mass: give it directly.
//
// Failures: InvalidArgument naming the 1-based character position for an unknown element
// symbol, a missing or mismatched bracket, a zero count, or any other unexpected character;
// molar_mass_g_per_mol throws InvalidArgument for an element without a standard atomic weight.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace solyte::xtal {

/// One element of the periodic table (Z = 1…118).
struct Element {
  int z = 0;
  std::string_view symbol;
  /// IUPAC 2021 standard atomic weight, or the conventional value when the standard is an
  /// interval; empty for elements without one.
  std::optional<double> atomic_weight;
  bool interval = false;  ///< the standard atomic weight is an interval [a, b]
};

/// All 118 elements in order of Z.
std::span<const Element> elements();
/// The element with this symbol (case-sensitive: "Co", not "CO"), or nullptr.
const Element* find_element(std::string_view symbol);

/// Amount of one element in a formula (total over all groups; may be fractional).
struct FormulaTerm {
  std::string symbol;
  double count = 0;
};

struct Formula {
  std::string text;                ///< as given
  std::vector<FormulaTerm> terms;  ///< one per element, in order of first appearance
  /// Total count of `symbol` (0 when absent).
  double count(std::string_view symbol) const;
};

/// Parses `text`; throws InvalidArgument naming the position of the first error.
Formula parse_formula(std::string_view text);

/// Molar mass in g/mol from the atomic weights above; throws InvalidArgument for an element
/// without a standard atomic weight.
double molar_mass_g_per_mol(const Formula& formula);
double molar_mass_g_per_mol(std::string_view formula_text);

/// Hill notation (C, then H, then the others alphabetically; without C all alphabetically),
/// counts of 1 omitted: "NaCB11H12" → "CH12B11Na".
std::string hill_notation(const Formula& formula);

}  // namespace solyte::xtal
