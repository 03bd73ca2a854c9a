// Peaks of a DRT γ(ln τ) given by Gaussian RBF coefficients (private to the library).
//
// γ is evaluated on a grid ten times finer than the RBF spacing, extended by 4/ε beyond the
// outer centres so that the tails are included. Local maxima are peaks; a maximum whose
// prominence (height above the higher of its two bounding minima) is below min_prominence
// times the height of the neighbour across that minimum is merged into that neighbour,
// least prominent first, until every peak stands out: the ripples that regularisation
// leaves beside a peak scale with that peak, not with the tallest one; maxima lower than
// 0.1 % of the tallest are merged as negligible. A peak's
// resistance is the exact integral of γ between its bounding minima (erf of each RBF), with
// −∞ and +∞ beyond the outermost peaks, so the resistances add up to ∫ γ d ln τ.
#pragma once

#include <span>
#include <vector>

#include "relax/drt_basis.hpp"
#include "solyte/relax/drt.hpp"

namespace solyte::relax::detail {

/// Peaks of γ = Σ x_m φ(y − y_m) (x in Ω), ascending τ. total_ohm = ∫ γ d ln τ for shares.
std::vector<DrtPeak> find_peaks(const RbfGrid& grid, std::span<const double> x, double total_ohm,
                                double min_prominence);

}  // namespace solyte::relax::detail
