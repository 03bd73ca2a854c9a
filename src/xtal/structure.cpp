// Crystal structures: equivalent displacement parameter and the atoms of the conventional cell.
#include "solyte/xtal/structure.hpp"

#include <cmath>
#include <string>

#include "solyte/error.hpp"

namespace solyte::xtal {

double u_equivalent(const std::array<double, 6>& u, const UnitCell& cell) {
  // U_ij in CIF order U11 U22 U33 U12 U13 U23.
  const double m[3][3] = {{u[0], u[3], u[4]}, {u[3], u[1], u[5]}, {u[4], u[5], u[2]}};
  const Matrix3& g = cell.metric();
  const Matrix3& gs = cell.reciprocal_metric();
  double sum = 0;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) sum += m[i][j] * std::sqrt(gs[i][i] * gs[j][j]) * g[i][j];
  return sum / 3;
}

std::vector<CellAtom> expand_sites(const CrystalStructure& s, double tolerance) {
  std::vector<CellAtom> out;
  std::vector<double> occupancy_at;  // total occupancy at each distinct position
  std::vector<Fractional> distinct;
  for (std::size_t k = 0; k < s.sites.size(); ++k) {
    for (const Fractional& p : orbit(s.group, s.sites[k].position, tolerance)) {
      out.push_back({k, p});
      std::size_t at = distinct.size();
      for (std::size_t i = 0; i < distinct.size(); ++i) {
        bool same = true;
        for (int c = 0; c < 3 && same; ++c) {
          double d = std::abs(distinct[i][c] - p[c]);
          d = std::min(d, 1 - d);
          same = d <= tolerance;
        }
        if (same) {
          at = i;
          break;
        }
      }
      if (at == distinct.size()) {
        distinct.push_back(p);
        occupancy_at.push_back(0);
      }
      occupancy_at[at] += s.sites[k].occupancy;
      if (occupancy_at[at] > 1 + 1e-3)
        throw InvalidArgument("site " + s.sites[k].label +
                              " shares a position with other sites and the occupancies there "
                              "add up to " +
                              std::to_string(occupancy_at[at]) + ", more than 1");
    }
  }
  return out;
}

}  // namespace solyte::xtal
