#include "transport/segmentation.hpp"

#include <algorithm>
#include <limits>

namespace solyte::transport::detail {

std::vector<std::vector<Segment>> optimal_partitions(std::span<const double> x,
                                                     std::span<const double> y,
                                                     std::span<const double> w,
                                                     std::size_t max_segments,
                                                     std::size_t min_points) {
  const std::size_t n = x.size();
  const std::size_t m = std::max<std::size_t>(2, min_points);
  const std::size_t kmax = max_segments;
  std::vector<std::vector<Segment>> out(kmax);
  if (kmax == 0 || n == 0) return out;
  out[0] = {{0, n - 1}};
  if (kmax == 1) return out;

  constexpr double inf = std::numeric_limits<double>::infinity();
  constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
  // best[k][j]: least total χ² of points 0…j in k+1 segments; from[k][j]: start of the last.
  std::vector<std::vector<double>> best(kmax, std::vector<double>(n, inf));
  std::vector<std::vector<std::size_t>> from(kmax, std::vector<std::size_t>(n, none));
  auto can_start = [&](std::size_t i) { return i == 0 || x[i] != x[i - 1]; };
  auto can_end = [&](std::size_t j) { return j + 1 == n || x[j + 1] != x[j]; };

  // Starts in increasing order: when start i is processed, every segment ending at i−1 has
  // been seen, so best[·][i−1] is final.
  for (std::size_t i = 0; i < n; ++i) {
    if (!can_start(i)) continue;
    double sw = 0, mx = 0, my = 0, cxx = 0, cxy = 0, cyy = 0;
    for (std::size_t j = i; j < n; ++j) {
      const double wj = w.empty() ? 1.0 : w[j];
      sw += wj;
      const double dx = x[j] - mx, dy = y[j] - my;
      mx += wj / sw * dx;
      my += wj / sw * dy;
      cxx += wj * dx * (x[j] - mx);
      cxy += wj * dx * (y[j] - my);
      cyy += wj * dy * (y[j] - my);
      if (j - i + 1 < m || x[j] == x[i] || !can_end(j) || !(cxx > 0)) continue;
      const double cost = std::max(0.0, cyy - cxy * cxy / cxx);
      if (i == 0) {
        if (cost < best[0][j]) best[0][j] = cost, from[0][j] = 0;
        continue;
      }
      for (std::size_t k = 1; k < kmax; ++k) {
        if (best[k - 1][i - 1] == inf) continue;
        const double c = best[k - 1][i - 1] + cost;
        if (c < best[k][j]) best[k][j] = c, from[k][j] = i;
      }
    }
  }

  for (std::size_t k = 1; k < kmax; ++k) {
    if (best[k][n - 1] == inf) continue;
    std::vector<Segment> part(k + 1);
    std::size_t end = n - 1;
    for (std::size_t s = k + 1; s-- > 0;) {
      const std::size_t start = from[s][end];
      part[s] = {start, end};
      if (s > 0) end = start - 1;
    }
    out[k] = std::move(part);
  }
  return out;
}

}  // namespace solyte::transport::detail
