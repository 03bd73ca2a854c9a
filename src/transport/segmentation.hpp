// Optimal partition of an ordered sequence of points into contiguous straight-line segments
// (segmented least squares), private to the transport domain.
//
// For every segment count k the partition minimising Σ χ²(segment) is found exactly by
// dynamic programming (R. Bellman, Commun. ACM 4(6), 284, 1961; B. Jackson et al., IEEE
// Signal Process. Lett. 12(2), 105, 2005): O(k·n²) time, O(k·n) memory. Segment costs are
// updated point by point with West's weighted update of means and co-moments (D. H. D. West,
// Commun. ACM 22(9), 532, 1979), so no O(n²) cost table is stored.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace solyte::transport::detail {

struct Segment {
  std::size_t first = 0, last = 0;  ///< inclusive indices
};

/// x must be monotonic with equal values adjacent (points sorted by temperature); y the
/// ordinates, w the weights (empty → 1). Returns, for k = 1…max_segments, the optimal
/// partition into k segments (empty when none is feasible). Every segment of a partition
/// with k ≥ 2 has at least max(2, min_points) points and two distinct x, and no boundary
/// separates equal x values. k = 1 is always the whole range (the caller guarantees two
/// distinct x), whatever min_points.
std::vector<std::vector<Segment>> optimal_partitions(std::span<const double> x,
                                                     std::span<const double> y,
                                                     std::span<const double> w,
                                                     std::size_t max_segments,
                                                     std::size_t min_points);

}  // namespace solyte::transport::detail
