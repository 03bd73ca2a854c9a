// Indexing of fitted powder lines against a given cell and space group: every observed position
// gets the nearest allowed reflection, then the cell parameters free in the crystal system (and a
// zero shift) are refined by least squares on 2θ (docs/methods.md §9e).
//
//   using namespace solyte::xtal;
//   IndexResult r = index_lines(positions_deg, UnitCell::cubic(4.157), find_space_group("Pm-3m"),
//                               {.wavelength_angstrom = 1.5406});
//   r.cell.a();           // refined a, Å (r.cell_err[0] its standard error)
//   r.lines[3].families;  // hkl of the 4th observed line
//
// Model: 2θ_calc = 2 asin(λ / 2d(hkl; cell)) + zero (+ displacement: −2s cos θ / R in radians,
// given as the coefficient D of D·cos θ in degrees when refine_displacement). Free cell
// parameters by system: cubic a; tetragonal and hexagonal (also trigonal in hexagonal axes) a, c;
// rhombohedral axes a, α; orthorhombic a, b, c; monoclinic a, b, c, β (unique axis b); triclinic
// all six. Assignment: the allowed line (powder_line_positions of the starting cell over the
// observed range ± tolerance) nearest to each observation, within `tolerance_deg`; lines left
// unassigned are reported, not fitted. Assignment and refinement alternate until the assignment
// stops changing (at most 5 rounds).
//
// Failures: InvalidArgument for a wavelength ≤ 0, tolerance ≤ 0, a non-finite position, or fewer
// assigned lines than free parameters + 1 (the refinement would not be determined). A refinement
// that does not converge is reported in `fit.status`.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <vector>

#include "solyte/fit/least_squares.hpp"
#include "solyte/xtal/powder_lines.hpp"

namespace solyte::xtal {

struct IndexOptions {
  double wavelength_angstrom = 1.5406;
  double tolerance_deg = 0.15;       ///< largest |2θ_obs − 2θ_calc| for an assignment
  bool refine_zero = true;           ///< refine a zero shift (degrees)
  bool refine_displacement = false;  ///< refine D in D·cos θ (sample displacement), degrees
};

struct IndexedLine {
  double two_theta_obs_deg = 0;
  std::optional<double> two_theta_calc_deg;  ///< empty when unassigned
  double d_obs_angstrom = 0;                 ///< from 2θ_obs − zero
  std::vector<HklFamily> families;           ///< assigned reflection(s)
  int multiplicity = 0;
  double residual_deg = 0;  ///< obs − calc (0 when unassigned)
};

struct IndexResult {
  std::vector<IndexedLine> lines;    ///< in the order given
  UnitCell cell{1, 1, 1};            ///< refined
  std::array<double, 6> cell_err{};  ///< standard errors of a, b, c, α, β, γ (0 = not refined)
  double zero_shift_deg = 0, zero_shift_err = 0;
  double displacement_deg = 0, displacement_err = 0;
  std::size_t assigned = 0;
  double rms_deg = 0;                        ///< of the assigned residuals
  std::vector<std::string> free_parameters;  ///< e.g. {"a", "zero"}
  fit::FitReport fit;
};

IndexResult index_lines(std::span<const double> two_theta_deg, const UnitCell& start,
                        const SpaceGroup& group, const IndexOptions& options = {});

}  // namespace solyte::xtal
