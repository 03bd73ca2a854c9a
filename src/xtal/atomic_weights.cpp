// The periodic table with IUPAC standard atomic weights (docs/methods.md §5).
//
// Source: IUPAC Commission on Isotopic Abundances and Atomic Weights (CIAAW), "Standard
// atomic weights of the elements 2021 (IUPAC Technical Report)", T. Prohaska et al., Pure
// Appl. Chem. 94 (2022) 573–600, doi 10.1515/pac-2019-0603, Table 1 (standard atomic
// weights) and its conventional values for the fourteen elements whose standard atomic
// weight is an interval (marked `true` below; the interval is in the comment). The 2021
// report includes the changes of 2015–2021 (Ar and Pb became intervals; Hf 178.486,
// Ir 192.217, Yb 173.045; Al, Au, Co, F, Ho, Mn, Nb, Pa, Pr, Rh, Sc, Tb, Tm, Y from the
// 2016 and 2020 atomic-mass evaluations). Later revisions (2024: Gd, Lu, Zr) are not applied,
// so results match the cited table.
// Elements without a standard atomic weight (Tc, Pm, Po, At, Rn, Fr, Ra, Ac, Np and beyond)
// have none here either; the mass number of a "longest-lived isotope" is not an atomic weight.
#include <array>
#include <optional>

#include "solyte/xtal/formula.hpp"

namespace solyte::xtal {

namespace {

constexpr std::optional<double> kNone = std::nullopt;

// clang-format off
const std::array<Element, 118> kElements = {{
    {1, "H", 1.008, true},          // [1.00784, 1.00811]
    {2, "He", 4.002602, false},
    {3, "Li", 6.94, true},          // [6.938, 6.997]
    {4, "Be", 9.0121831, false},
    {5, "B", 10.81, true},          // [10.806, 10.821]
    {6, "C", 12.011, true},         // [12.0096, 12.0116]
    {7, "N", 14.007, true},         // [14.00643, 14.00728]
    {8, "O", 15.999, true},         // [15.99903, 15.99977]
    {9, "F", 18.998403162, false},
    {10, "Ne", 20.1797, false},
    {11, "Na", 22.98976928, false},
    {12, "Mg", 24.305, true},       // [24.304, 24.307]
    {13, "Al", 26.9815384, false},
    {14, "Si", 28.085, true},       // [28.084, 28.086]
    {15, "P", 30.973761998, false},
    {16, "S", 32.06, true},         // [32.059, 32.076]
    {17, "Cl", 35.45, true},        // [35.446, 35.457]
    {18, "Ar", 39.95, true},        // [39.792, 39.963]
    {19, "K", 39.0983, false},
    {20, "Ca", 40.078, false},
    {21, "Sc", 44.955907, false},
    {22, "Ti", 47.867, false},
    {23, "V", 50.9415, false},
    {24, "Cr", 51.9961, false},
    {25, "Mn", 54.938043, false},
    {26, "Fe", 55.845, false},
    {27, "Co", 58.933194, false},
    {28, "Ni", 58.6934, false},
    {29, "Cu", 63.546, false},
    {30, "Zn", 65.38, false},
    {31, "Ga", 69.723, false},
    {32, "Ge", 72.630, false},
    {33, "As", 74.921595, false},
    {34, "Se", 78.971, false},
    {35, "Br", 79.904, true},       // [79.901, 79.907]
    {36, "Kr", 83.798, false},
    {37, "Rb", 85.4678, false},
    {38, "Sr", 87.62, false},
    {39, "Y", 88.905838, false},
    {40, "Zr", 91.224, false},
    {41, "Nb", 92.90637, false},
    {42, "Mo", 95.95, false},
    {43, "Tc", kNone, false},
    {44, "Ru", 101.07, false},
    {45, "Rh", 102.90549, false},
    {46, "Pd", 106.42, false},
    {47, "Ag", 107.8682, false},
    {48, "Cd", 112.414, false},
    {49, "In", 114.818, false},
    {50, "Sn", 118.710, false},
    {51, "Sb", 121.760, false},
    {52, "Te", 127.60, false},
    {53, "I", 126.90447, false},
    {54, "Xe", 131.293, false},
    {55, "Cs", 132.90545196, false},
    {56, "Ba", 137.327, false},
    {57, "La", 138.90547, false},
    {58, "Ce", 140.116, false},
    {59, "Pr", 140.90766, false},
    {60, "Nd", 144.242, false},
    {61, "Pm", kNone, false},
    {62, "Sm", 150.36, false},
    {63, "Eu", 151.964, false},
    {64, "Gd", 157.25, false},
    {65, "Tb", 158.925354, false},
    {66, "Dy", 162.500, false},
    {67, "Ho", 164.930329, false},
    {68, "Er", 167.259, false},
    {69, "Tm", 168.934219, false},
    {70, "Yb", 173.045, false},
    {71, "Lu", 174.9668, false},
    {72, "Hf", 178.486, false},
    {73, "Ta", 180.94788, false},
    {74, "W", 183.84, false},
    {75, "Re", 186.207, false},
    {76, "Os", 190.23, false},
    {77, "Ir", 192.217, false},
    {78, "Pt", 195.084, false},
    {79, "Au", 196.966570, false},
    {80, "Hg", 200.592, false},
    {81, "Tl", 204.38, true},       // [204.382, 204.385]
    {82, "Pb", 207.2, true},        // [206.14, 207.94]
    {83, "Bi", 208.98040, false},
    {84, "Po", kNone, false},
    {85, "At", kNone, false},
    {86, "Rn", kNone, false},
    {87, "Fr", kNone, false},
    {88, "Ra", kNone, false},
    {89, "Ac", kNone, false},
    {90, "Th", 232.0377, false},
    {91, "Pa", 231.03588, false},
    {92, "U", 238.02891, false},
    {93, "Np", kNone, false},
    {94, "Pu", kNone, false},
    {95, "Am", kNone, false},
    {96, "Cm", kNone, false},
    {97, "Bk", kNone, false},
    {98, "Cf", kNone, false},
    {99, "Es", kNone, false},
    {100, "Fm", kNone, false},
    {101, "Md", kNone, false},
    {102, "No", kNone, false},
    {103, "Lr", kNone, false},
    {104, "Rf", kNone, false},
    {105, "Db", kNone, false},
    {106, "Sg", kNone, false},
    {107, "Bh", kNone, false},
    {108, "Hs", kNone, false},
    {109, "Mt", kNone, false},
    {110, "Ds", kNone, false},
    {111, "Rg", kNone, false},
    {112, "Cn", kNone, false},
    {113, "Nh", kNone, false},
    {114, "Fl", kNone, false},
    {115, "Mc", kNone, false},
    {116, "Lv", kNone, false},
    {117, "Ts", kNone, false},
    {118, "Og", kNone, false},
}};
// clang-format on

}  // namespace

std::span<const Element> elements() { return kElements; }

const Element* find_element(std::string_view symbol) {
  for (const auto& e : kElements)
    if (e.symbol == symbol) return &e;
  return nullptr;
}

}  // namespace solyte::xtal
