// Space-group lookup on spglib's database (docs/methods.md §4c). spglib is the only source of
// symbols and operations; this file converts its types into solyte's plain structs and does
// the symbol matching.
#include "solyte/xtal/space_group.hpp"

#include <spglib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "solyte/error.hpp"

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

}  // namespace

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

  // 192 is the largest conventional-cell order (Fm-3m and the other F cubic groups).
  int rotations[192][3][3];
  double translations[192][3];
  const int n = spg_get_symmetry_from_database(rotations, translations, hall_number);
  if (n <= 0)
    throw InvalidArgument("spglib returned no operations for Hall number " +
                          std::to_string(hall_number));
  g.operations.resize(static_cast<std::size_t>(n));
  int centring = 0;
  for (int k = 0; k < n; ++k) {
    auto& op = g.operations[static_cast<std::size_t>(k)];
    bool identity = true;
    for (int i = 0; i < 3; ++i) {
      for (int j = 0; j < 3; ++j) {
        op.rotation[i][j] = rotations[k][i][j];
        identity = identity && rotations[k][i][j] == (i == j ? 1 : 0);
      }
      double t = translations[k][i] - std::floor(translations[k][i]);
      if (t > 1 - 1e-12) t = 0;
      op.translation[i] = t;
    }
    if (identity) ++centring;
  }
  g.centring_count = std::max(centring, 1);
  g.point_group_order = n / g.centring_count;
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

}  // namespace solyte::xtal
