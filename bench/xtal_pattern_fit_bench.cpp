// Speed of the powder-pattern peak search and profile fits (xtal/pattern_fit.hpp) on a synthetic
// scan of the size and kind the milled-NaCB11H12 study records: a bcc Im-3m phase (a = 7.882 Å)
// with 6 % of an fcc Fm-3m phase (a = 10.066 Å), 10–60° 2θ in 0.02° steps (2501 points), Cu
// Kα1/Kα2, the lab instrument's Caglioti widths with Lorentzian size broadening Y = 0.4° (lines
// ≈ 0.45° wide, so the fit windows of neighbouring lines merge), ≈ 2·10⁵ counts in the strongest
// line, counting noise. Figures: docs/performance.md.
//
// The phases stand in for the salt by heavy-atom models with the same lattices and groups (I at
// the anion sites 2a resp. 4a, Na over 6b with occupancy 1/3 resp. at 4b), so that the line
// intensities fall off with angle as in a measured pattern.
//
//   xtal_pattern_fit_bench                          runs the benchmarks
//   xtal_pattern_fit_bench --write-pattern=FILE     writes the scan as a CSV file that
//                                                   `solyte xrd peaks FILE` reads, and exits
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "solyte/sim/powder_pattern.hpp"
#include "solyte/xtal/pattern_fit.hpp"
#include "solyte/xtal/powder_lines.hpp"
#include "solyte/xtal/space_group.hpp"
#include "solyte/xtal/structure.hpp"

using namespace solyte;

namespace {

struct Scan {
  std::vector<double> x, y, s;
};

xtal::CrystalStructure phase(double a, const char* group, bool bcc) {
  xtal::CrystalStructure c{.name = bcc ? "bcc" : "fcc",
                           .cell = xtal::UnitCell::cubic(a),
                           .group = xtal::find_space_group(group)};
  c.sites.push_back({.label = "I", .element = "I", .position = {0, 0, 0}, .u_iso_a2 = 0.03});
  if (bcc)
    c.sites.push_back({.label = "Na",
                       .element = "Na",
                       .position = {0, 0.5, 0.5},
                       .occupancy = 1.0 / 3,
                       .u_iso_a2 = 0.05});
  else
    c.sites.push_back(
        {.label = "Na", .element = "Na", .position = {0.5, 0.5, 0.5}, .u_iso_a2 = 0.05});
  return c;
}

const Scan& scan() {
  static const Scan s = [] {
    const xtal::PowderLinesOptions range{.two_theta_min_deg = 9, .two_theta_max_deg = 61};
    std::vector<xtal::PatternLine> lines;
    auto add = [&](const xtal::CrystalStructure& c, double fraction) {
      const auto pl = xtal::pattern_lines(xtal::powder_lines(c, range));
      double sum = 0;
      for (const auto& l : pl) sum += l.intensity;
      for (auto l : pl) {
        l.intensity *= fraction / sum;
        lines.push_back(l);
      }
    };
    add(phase(7.882, "Im-3m", true), 0.94);
    add(phase(10.066, "Fm-3m", false), 0.06);
    xtal::PatternModel m{
        .profile = {.gauss = {.u = 0.002, .v = -0.005, .w = 0.006}, .x = 0, .y = 0.4},
        .scale = 1,
        .background = {600, -250, 60}};
    const auto grid = xtal::uniform_grid(10, 60, 0.02);
    // Scale so that the strongest point holds about 2·10⁵ counts above the background.
    const auto shape = xtal::simulate_pattern(grid, lines, {.profile = m.profile});
    double top = 0;
    for (double v : shape) top = std::max(top, v);
    m.scale = 2e5 / top;
    const Measurement r = sim::simulate_powder_scan(grid, lines, m, {.counting = true, .seed = 11});
    return Scan{grid, r.require(Quantity::intensity).values,
                r.require(Quantity::intensity_sigma).values};
  }();
  return s;
}

void BM_FindPeaks2501(benchmark::State& state) {
  const Scan& s = scan();
  for (auto _ : state) {
    auto c = xtal::find_peaks(s.x, s.y, {}, {.radiation = {}});
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(BM_FindPeaks2501)->Unit(benchmark::kMillisecond);

void BM_FitPeaks2501(benchmark::State& state) {
  const Scan& s = scan();
  const auto found = xtal::find_peaks(s.x, s.y, {}, {.radiation = {}});
  std::size_t windows = 0;
  for (auto _ : state) {
    auto r = xtal::fit_peaks(s.x, s.y, {}, found, {.radiation = {}});
    windows = r.windows.size();
    benchmark::DoNotOptimize(r);
  }
  state.counters["lines"] = static_cast<double>(found.size());
  state.counters["windows"] = static_cast<double>(windows);
}
BENCHMARK(BM_FitPeaks2501)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  const std::string flag = "--write-pattern=";
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], flag.c_str(), flag.size()) != 0) continue;
    const Scan& s = scan();
    std::FILE* f = std::fopen(argv[i] + flag.size(), "w");
    if (f == nullptr) {
      std::perror(argv[i] + flag.size());
      return 1;
    }
    std::fprintf(f, "2theta[deg],intensity,sigma\n");
    for (std::size_t k = 0; k < s.x.size(); ++k)
      std::fprintf(f, "%.10g,%.10g,%.10g\n", s.x[k], s.y[k], s.s[k]);
    return std::fclose(f) == 0 ? 0 : 1;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
