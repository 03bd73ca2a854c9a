// The Wyckoff positions of a space group derived from its operations (docs/methods.md §4c).
//
// Exact arithmetic on the grid of points with coordinates k/24: every operation maps the grid onto
// itself when its translations are multiples of 1/24, so orbits and stabilisers of grid points are
// computed with integers. A point's Wyckoff position is the class of points whose stabilisers are
// conjugate to its stabiliser S; those points are the points of g·Fix(S) (g in the group, lattice
// translates included) whose stabiliser has the order of S.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <numeric>
#include <string>
#include <tuple>
#include <vector>

#include "solyte/error.hpp"
#include "solyte/xtal/wyckoff.hpp"

namespace solyte::xtal {

namespace {

constexpr int kN = 24;  // grid divisions per cell edge
constexpr int kPoints = kN * kN * kN;

using IVec = std::array<long long, 3>;

struct IntOp {
  std::array<std::array<int, 3>, 3> r{};
  IVec t{};  // translation in grid units
};

int index_of(const IVec& p) { return static_cast<int>((p[0] * kN + p[1]) * kN + p[2]); }
IVec point_of(int idx) { return {idx / (kN * kN), (idx / kN) % kN, idx % kN}; }
long long mod(long long v) { return ((v % kN) + kN) % kN; }

IVec apply_raw(const IntOp& op, const IVec& p) {
  IVec q{};
  for (int i = 0; i < 3; ++i) {
    q[i] = op.t[i];
    for (int j = 0; j < 3; ++j) q[i] += op.r[i][j] * p[j];
  }
  return q;
}

IVec apply(const IntOp& op, const IVec& p) {
  IVec q = apply_raw(op, p);
  for (auto& v : q) v = mod(v);
  return q;
}

long long gcd3(long long a, long long b, long long c) {
  return std::gcd(std::gcd(std::llabs(a), std::llabs(b)), std::llabs(c));
}

IVec primitive(IVec v) {
  const long long g = gcd3(v[0], v[1], v[2]);
  if (g > 1)
    for (auto& x : v) x /= g;
  // Sign: first non-zero component positive.
  for (auto x : v)
    if (x != 0) {
      if (x < 0)
        for (auto& y : v) y = -y;
      break;
    }
  return v;
}

IVec cross(const IVec& a, const IVec& b) {
  return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}

bool is_zero(const IVec& v) { return v[0] == 0 && v[1] == 0 && v[2] == 0; }

// The fixed space of a stabiliser: the point p and the rows of (R − I) of its operations; rank 3 →
// the point, rank 2 → a line along `direction`, rank 1 → a plane with `normal`.
struct FixedSpace {
  IVec p{};
  int dimension = 0;
  IVec direction{}, normal{};
};

FixedSpace fixed_space(const IVec& p, const std::vector<const IntOp*>& stabiliser) {
  std::vector<IVec> rows;
  for (const IntOp* op : stabiliser)
    for (int i = 0; i < 3; ++i) {
      IVec row{op->r[i][0], op->r[i][1], op->r[i][2]};
      row[i] -= 1;
      if (!is_zero(row)) rows.push_back(row);
    }
  FixedSpace f;
  f.p = p;
  if (rows.empty()) {
    f.dimension = 3;
    return f;
  }
  const IVec first = rows.front();
  IVec dir{};
  for (const IVec& r : rows) {
    const IVec c = cross(first, r);
    if (!is_zero(c)) {
      dir = c;
      break;
    }
  }
  if (is_zero(dir)) {  // all rows parallel: a plane
    f.dimension = 2;
    f.normal = primitive(first);
    return f;
  }
  // Rank 3 when some row leaves the plane spanned by `first` and the row that gave `dir`.
  for (const IVec& r : rows)
    if (r[0] * dir[0] + r[1] * dir[1] + r[2] * dir[2] != 0) {
      f.dimension = 0;
      return f;
    }
  f.dimension = 1;
  f.direction = primitive(dir);
  return f;
}

// Grid points of Fix(S) + lattice (in the cell, grid units).
std::vector<IVec> grid_points_of(const FixedSpace& f) {
  std::vector<IVec> out;
  if (f.dimension == 0) {
    out.push_back(f.p);
  } else if (f.dimension == 1) {
    for (int k = 0; k < kN; ++k)
      out.push_back({mod(f.p[0] + k * f.direction[0]), mod(f.p[1] + k * f.direction[1]),
                     mod(f.p[2] + k * f.direction[2])});
  } else if (f.dimension == 2) {
    // The normal is primitive, so n·Z³ = Z and the plane's translates by the lattice are the points
    // with n·(X − p) ≡ 0 modulo kN.
    for (int idx = 0; idx < kPoints; ++idx) {
      const IVec x = point_of(idx);
      long long s = 0;
      for (int i = 0; i < 3; ++i) s += f.normal[i] * (x[i] - f.p[i]);
      if (mod(s) == 0) out.push_back(x);
    }
  }
  return out;
}

std::string fraction(long long num, long long den) {
  num = ((num % den) + den) % den;
  if (num == 0) return "0";
  const long long g = std::gcd(num, den);
  return std::to_string(num / g) + "/" + std::to_string(den / g);
}

// "c·v + o" for a coordinate that depends on the free coordinate v with rational coefficient cn/cd
// and offset on/kN (reduced modulo 1).
std::string linear(long long cn, long long cd, char v, long long offset_num, long long offset_den) {
  if (cd < 0) {
    cn = -cn;
    cd = -cd;
  }
  const long long g = std::gcd(std::llabs(cn), cd);
  cn /= g;
  cd /= g;
  std::string s;
  if (cn != 0) {
    if (cn < 0) s += "-";
    if (std::llabs(cn) != 1) s += std::to_string(std::llabs(cn));
    s += v;
    if (cd != 1) s += "/" + std::to_string(cd);
  }
  const std::string o = fraction(offset_num, offset_den);
  if (o != "0") s += (s.empty() ? "" : "+") + o;
  return s.empty() ? "0" : s;
}

std::string representative_text(const FixedSpace& f) {
  const char names[3] = {'x', 'y', 'z'};
  std::array<std::string, 3> c;
  if (f.dimension == 3) return "x,y,z";
  if (f.dimension == 0) {
    for (int i = 0; i < 3; ++i) c[i] = fraction(f.p[i], kN);
  } else if (f.dimension == 1) {
    // Free: the first coordinate along which the line moves by a unit step (else the first along
    // which it moves); X_j = p_j + (v_j/v_i)(X_i − p_i).
    int i = -1;
    for (int k = 0; k < 3 && i < 0; ++k)
      if (std::llabs(f.direction[k]) == 1) i = k;
    for (int k = 0; k < 3 && i < 0; ++k)
      if (f.direction[k] != 0) i = k;
    for (int j = 0; j < 3; ++j) {
      if (j == i) {
        c[j] = std::string(1, names[i]);
      } else if (f.direction[j] == 0) {
        c[j] = fraction(f.p[j], kN);
      } else {
        // offset = p_j − (v_j/v_i) p_i, over kN·v_i.
        c[j] = linear(f.direction[j], f.direction[i], names[i],
                      f.p[j] * f.direction[i] - f.direction[j] * f.p[i], kN * f.direction[i]);
      }
    }
  } else {
    // Dependent: the last coordinate with a unit normal component (else the last non-zero); n·X =
    // n·p gives X_j = (n·p − Σ_{i≠j} n_i X_i)/n_j.
    int j = -1;
    for (int k = 2; k >= 0 && j < 0; --k)
      if (std::llabs(f.normal[k]) == 1) j = k;
    for (int k = 2; k >= 0 && j < 0; --k)
      if (f.normal[k] != 0) j = k;
    const long long np = f.normal[0] * f.p[0] + f.normal[1] * f.p[1] + f.normal[2] * f.p[2];
    for (int k = 0; k < 3; ++k) c[k] = std::string(1, names[k]);
    std::string s;
    for (int k = 0; k < 3; ++k) {
      if (k == j || f.normal[k] == 0) continue;
      const std::string term = linear(-f.normal[k], f.normal[j], names[k], 0, 1);
      s += (s.empty() || term[0] == '-' ? "" : "+") + term;
    }
    const std::string o = fraction(f.normal[j] > 0 ? np : -np, kN * std::llabs(f.normal[j]));
    if (o != "0") s += (s.empty() ? "" : "+") + o;
    c[j] = s.empty() ? "0" : s;
  }
  return c[0] + "," + c[1] + "," + c[2];
}

// The image g·F of a fixed space under an operation: point R p + t, direction R v, normal n R⁻¹
// (R⁻¹ = adj R / det R, an integer matrix since det R = ±1).
FixedSpace image(const IntOp& op, const FixedSpace& f) {
  FixedSpace g = f;
  const IVec q = apply(op, f.p);
  g.p = q;
  if (f.dimension == 1) {
    IVec d{};
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j) d[i] += op.r[i][j] * f.direction[j];
    g.direction = primitive(d);
  } else if (f.dimension == 2) {
    const auto& r = op.r;
    long long adj[3][3];
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j) {
        const int a = (j + 1) % 3, b = (j + 2) % 3, c = (i + 1) % 3, d = (i + 2) % 3;
        adj[i][j] =
            static_cast<long long>(r[a][c]) * r[b][d] - static_cast<long long>(r[a][d]) * r[b][c];
      }
    IVec n{};
    for (int j = 0; j < 3; ++j)
      for (int i = 0; i < 3; ++i) n[j] += f.normal[i] * adj[i][j];
    g.normal = primitive(n);
  }
  return g;
}

// The plainest text among the images of a class's fixed space: no fractional coefficient, fewest
// minus signs, shortest, then letters before digits (x,2x,1/4 before 2y,y,1/4).
std::string plainest_representative(const std::vector<IntOp>& ops, const FixedSpace& f) {
  auto key = [](const std::string& t) {
    int fractional = 0, minus = 0;
    for (std::size_t i = 0; i + 1 < t.size(); ++i)
      if ((t[i] == 'x' || t[i] == 'y' || t[i] == 'z') && t[i + 1] == '/') ++fractional;
    for (char c : t) minus += c == '-';
    std::string order = t;
    for (char& c : order)
      if (c >= 'x' && c <= 'z') c = static_cast<char>(c - 'x' + '!');  // before digits
    return std::make_tuple(fractional, minus, t.size(), order);
  };
  std::string best = representative_text(f);
  for (const auto& op : ops) {
    const std::string t = representative_text(image(op, f));
    if (key(t) < key(best)) best = t;
  }
  return best;
}

// The grid point that founded the class: its stabiliser is exactly S.
Fractional example_point(const FixedSpace& f) {
  return {f.p[0] / double(kN), f.p[1] / double(kN), f.p[2] / double(kN)};
}

}  // namespace

std::vector<WyckoffPosition> wyckoff_positions(const SpaceGroup& group) {
  if (group.operations.empty()) throw InvalidArgument("space group has no operations");
  std::vector<IntOp> ops;
  for (const auto& op : group.operations) {
    IntOp o;
    o.r = op.rotation;
    for (int i = 0; i < 3; ++i) {
      const double t = op.translation[i] * kN;
      o.t[i] = std::llround(t);
      if (std::abs(t - static_cast<double>(o.t[i])) > 1e-6)
        throw NumericalError("operation " + to_xyz(op) +
                             " has a translation that is not a multiple of 1/24; Wyckoff "
                             "positions are derived for settings whose translations are");
    }
    ops.push_back(o);
  }
  const int order = group.order();

  // Stabiliser order of every grid point, from its orbit.
  std::vector<int> stab(kPoints, 0);
  for (int idx = 0; idx < kPoints; ++idx) {
    if (stab[idx] != 0) continue;
    const IVec p = point_of(idx);
    std::vector<int> images;
    images.reserve(ops.size());
    for (const auto& op : ops) images.push_back(index_of(apply(op, p)));
    std::sort(images.begin(), images.end());
    images.erase(std::unique(images.begin(), images.end()), images.end());
    const int s = order / static_cast<int>(images.size());
    for (int q : images) stab[q] = s;
  }

  // Classes: scan the grid; an unclaimed special point founds a class, which claims every point of
  // the images of its fixed space with the same stabiliser order.
  std::vector<int> owner(kPoints, -1);
  std::vector<WyckoffPosition> out;
  for (int idx = 0; idx < kPoints; ++idx) {
    if (owner[idx] >= 0 || stab[idx] == 1) continue;
    const IVec p = point_of(idx);
    std::vector<const IntOp*> s;
    for (const auto& op : ops) {
      const IVec q = apply_raw(op, p);
      if (mod(q[0]) == p[0] && mod(q[1]) == p[1] && mod(q[2]) == p[2]) s.push_back(&op);
    }
    const FixedSpace f = fixed_space(p, s);
    const int id = static_cast<int>(out.size());
    for (const IVec& x : grid_points_of(f))
      for (const auto& op : ops) {
        const int q = index_of(apply(op, x));
        if (stab[q] == stab[idx] && owner[q] < 0) owner[q] = id;
      }
    WyckoffPosition w;
    w.multiplicity = order / stab[idx];
    w.site_symmetry_order = stab[idx];
    w.free_parameters = f.dimension;
    w.representative = plainest_representative(ops, f);
    w.example = example_point(f);
    out.push_back(std::move(w));
  }

  // Letters from spglib, then the general position.
  for (auto& w : out) {
    const WyckoffSite site = wyckoff_site(group, w.example);
    if (site.multiplicity != w.multiplicity)
      throw NumericalError("Wyckoff derivation: multiplicity mismatch at " + w.representative);
    w.letter = site.letter;
    w.site_symmetry = site.site_symmetry;
  }
  const Fractional general{0.0731, 0.1597, 0.2833};
  const WyckoffSite g = wyckoff_site(group, general);
  WyckoffPosition w;
  w.letter = g.letter;
  w.multiplicity = order;
  w.site_symmetry_order = 1;
  w.site_symmetry = g.site_symmetry;
  w.free_parameters = 3;
  w.representative = "x,y,z";
  w.example = g.position;
  out.push_back(w);

  // Letter order (α, the 27th letter of Pmmm, sorts after z as its UTF-8 bytes do).
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.letter.size() != b.letter.size() ? a.letter.size() < b.letter.size()
                                              : a.letter < b.letter;
  });
  std::string found;
  for (const auto& w : out) found += " " + w.label() + ":" + w.representative;
  // spglib 2.0.2 names two distinct classes with one letter in four monoclinic settings of other
  // cell choices (Hall 68, 79, 96, 100); the classes are exact, their letters are not.
  for (std::size_t i = 1; i < out.size(); ++i)
    if (out[i].letter == out[i - 1].letter)
      throw NumericalError("Wyckoff positions of " + group.international + " (Hall " +
                           std::to_string(group.hall_number) + "): spglib gives the letter '" +
                           out[i].letter + "' to two different classes, " +
                           out[i - 1].representative + " and " + out[i].representative +
                           "; use the group's default setting (found" + found + ")");
  for (std::size_t i = 0; i < out.size(); ++i) {
    const std::string expected =
        i < 26 ? std::string(1, static_cast<char>('a' + i)) : std::string("\xCE\xB1");
    if (out[i].letter != expected)
      throw NumericalError("Wyckoff derivation for " + group.international_short + " (Hall " +
                           std::to_string(group.hall_number) +
                           ") found letters that do not run "
                           "from a to the general position's without gaps or repeats (position " +
                           std::to_string(i + 1) + " is '" + out[i].letter + "'; found" + found +
                           ")");
  }
  return out;
}

const WyckoffPosition* find_wyckoff_position(const std::vector<WyckoffPosition>& positions,
                                             std::string_view label) {
  std::size_t k = 0;
  while (k < label.size() && label[k] >= '0' && label[k] <= '9') ++k;
  const std::string_view letter = label.substr(k);
  for (const auto& w : positions) {
    if (w.letter != letter) continue;
    if (k > 0 && std::to_string(w.multiplicity) != label.substr(0, k))
      throw InvalidArgument("Wyckoff position " + std::string(label) + ": letter " + w.letter +
                            " has multiplicity " + std::to_string(w.multiplicity) + " (" +
                            w.label() + ")");
    return &w;
  }
  return nullptr;
}

}  // namespace solyte::xtal
