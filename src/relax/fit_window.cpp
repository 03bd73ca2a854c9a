#include "relax/fit_window.hpp"

#include <algorithm>
#include <numeric>
#include <string>

#include "solyte/constants.hpp"
#include "solyte/eis/representations.hpp"
#include "solyte/error.hpp"

namespace solyte::relax::detail {

WindowedData windowed_data(const Spectrum& s, const PelletGeometry& g,
                           std::optional<double> f_min_hz, std::optional<double> f_max_hz,
                           std::size_t min_points, std::string_view what) {
  if (f_min_hz && f_max_hz && !(*f_min_hz < *f_max_hz))
    throw InvalidArgument(std::string(what) + " window: fmin must be below fmax");
  const auto rep = eis::representations(s, g);
  std::vector<std::size_t> order(rep.frequency_hz.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return rep.frequency_hz[a] < rep.frequency_hz[b];
  });
  WindowedData d;
  for (std::size_t i : order) {
    const double f = rep.frequency_hz[i];
    if ((f_min_hz && f < *f_min_hz) || (f_max_hz && f > *f_max_hz)) continue;
    d.f.push_back(f);
    d.omega.push_back(2.0 * constants::pi * f);
    d.modulus.push_back(rep.modulus[i]);
    d.permittivity.push_back(rep.permittivity[i]);
  }
  if (d.f.size() < min_points)
    throw InvalidArgument(s.label() + ": " + std::to_string(d.f.size()) +
                          " points in the fit window; a " + std::string(what) + " needs at least " +
                          std::to_string(min_points));
  return d;
}

}  // namespace solyte::relax::detail
