// Circuit fits (eis/circuit_fit). Round trips through sim::simulate_circuit: R0-p(R1,CPE1),
// clean and with 1 % noise, from no starting values and from starting values off by a factor
// of 10; parameters over 12 decades; bounds, fixed parameters, weightings, windows, the
// iteration limit as a status; batches identical on one and two threads; a temperature series
// of pellet spectra (sim/pellet_impedance) whose fitted bulk resistances give back the
// activation energy of the simulation.
// Closed form: with 1 % relative noise and modulus weighting each residual is N(0, 0.01²), so
// the reduced χ² is 1e-4 within its spread √(2/(n − p)).
#include <gtest/gtest.h>

#include <cmath>

#include "solyte/eis/circuit_fit.hpp"
#include "solyte/error.hpp"
#include "solyte/sim/circuit_elements.hpp"
#include "solyte/sim/pellet_impedance.hpp"
#include "solyte/transport/arrhenius.hpp"

using namespace solyte;
using namespace solyte::eis;

namespace {

const std::vector<double> kTruth = {20.0, 1e4, 3e-9, 0.85};  // R0, R1, CPE1_Q, CPE1_alpha

// 60 points, 0.1 Hz – 10 MHz, log-spaced, high to low.
std::vector<double> sixty_points() {
  std::vector<double> f;
  for (int i = 0; i < 60; ++i) f.push_back(std::pow(10.0, 7.0 - 8.0 * i / 59.0));
  return f;
}

Spectrum rq_spectrum(double noise, std::uint64_t seed = 11) {
  return sim::simulate_circuit(Circuit::parse("R0-p(R1,CPE1)"), kTruth, sixty_points(),
                               {.relative = noise, .seed = seed});
}

std::vector<ParameterValue> scaled_guess(const Circuit& c, double factor) {
  // Positive parameters times `factor`; the exponent, bounded to (0, 1), divided by 10.
  std::vector<ParameterValue> g;
  for (std::size_t i = 0; i < c.parameter_count(); ++i) {
    const bool exponent = c.parameters()[i].name.ends_with("alpha");
    g.push_back({c.parameters()[i].name, exponent ? kTruth[i] / 10 : kTruth[i] * factor});
  }
  return g;
}

}  // namespace

TEST(EisCircuitFit, CleanSpectrumFromTheData) {
  const auto c = Circuit::parse("R0-p(R1,CPE1)");
  const auto r = fit_circuit(rq_spectrum(0), c);
  ASSERT_TRUE(r.report.usable()) << r.report.message;
  EXPECT_EQ(r.start, "data");
  for (std::size_t i = 0; i < kTruth.size(); ++i)
    EXPECT_NEAR(r.report.parameters[i].value, kTruth[i], 1e-7 * kTruth[i])
        << c.parameters()[i].name;
  EXPECT_LT(r.rms_relative, 1e-8);
  EXPECT_EQ(r.n_points, 60u);
  EXPECT_EQ(r.report.n_residuals, 120u);
  // The data-derived start is already close: within 20 % everywhere.
  for (std::size_t i = 0; i < kTruth.size(); ++i)
    EXPECT_NEAR(r.start_values[i], kTruth[i], 0.2 * kTruth[i]) << c.parameters()[i].name;
}

TEST(EisCircuitFit, CleanSpectrumFromStartsOffByTen) {
  const auto c = Circuit::parse("R0-p(R1,CPE1)");
  const auto s = rq_spectrum(0);
  for (double factor : {10.0, 0.1}) {
    CircuitFitOptions o{.guess = scaled_guess(c, factor)};
    const auto r = fit_circuit(s, c, o);
    ASSERT_TRUE(r.report.usable()) << r.report.message;
    for (std::size_t i = 0; i < kTruth.size(); ++i)
      EXPECT_NEAR(r.report.parameters[i].value, kTruth[i], 1e-7 * kTruth[i])
          << "factor " << factor << " " << c.parameters()[i].name;
  }
}

TEST(EisCircuitFit, NoisySpectrumRecoveredWithinItsErrors) {
  const auto c = Circuit::parse("R0-p(R1,CPE1)");
  const auto s = rq_spectrum(0.01);
  for (int variant = 0; variant < 3; ++variant) {
    CircuitFitOptions o;
    if (variant == 1) o.guess = scaled_guess(c, 10.0);
    if (variant == 2) o.guess = scaled_guess(c, 0.1);
    const auto r = fit_circuit(s, c, o);
    ASSERT_TRUE(r.report.usable()) << r.report.message;
    for (std::size_t i = 0; i < kTruth.size(); ++i) {
      const auto& p = r.report.parameters[i];
      EXPECT_TRUE(std::isfinite(p.stderr) && p.stderr > 0) << p.name;
      EXPECT_LT(std::abs(p.value - kTruth[i]), 4 * p.stderr) << p.name << " variant " << variant;
    }
    const double spread = std::sqrt(2.0 / (120 - 4));
    EXPECT_NEAR(r.report.reduced_chi2 / 1e-4, 1.0, 4 * spread);
  }
}

TEST(EisCircuitFit, SameOptimumFromEveryStart) {
  // Noise moves the optimum, not the convergence: all three starts agree to 1e-6.
  const auto c = Circuit::parse("R0-p(R1,CPE1)");
  const auto s = rq_spectrum(0.01, 5);
  const auto a = fit_circuit(s, c);
  const auto b = fit_circuit(s, c, {.guess = scaled_guess(c, 10.0)});
  for (std::size_t i = 0; i < kTruth.size(); ++i)
    EXPECT_NEAR(a.report.parameters[i].value, b.report.parameters[i].value,
                1e-6 * std::abs(a.report.parameters[i].value));
  EXPECT_NEAR(a.report.chi2, b.report.chi2, 1e-9 * a.report.chi2);
}

TEST(EisCircuitFit, ParametersOverTwelveDecades) {
  // R ~ 1e9 Ω beside C ~ 1e-12 F and a 1 Ω series resistor: the log scale converges from
  // starts a decade off, and the errors stay defined.
  const auto c = Circuit::parse("R0-p(R1,C1)-p(R2,CPE2)");
  const std::vector<double> truth = {1.0, 2e9, 3e-12, 5e7, 4e-9, 0.8};
  const auto s = sim::simulate_circuit(c, truth, sim::log_frequencies(1e-3, 1e7, 8),
                                       {.relative = 0.002, .seed = 3});
  std::vector<ParameterValue> g;
  for (std::size_t i = 0; i < truth.size(); ++i)
    g.push_back({c.parameters()[i].name, i == 5 ? 0.6 : truth[i] * (i % 2 ? 10.0 : 0.1)});
  const auto r = fit_circuit(s, c, {.guess = g});
  ASSERT_TRUE(r.report.usable()) << r.report.message;
  for (std::size_t i = 1; i < truth.size(); ++i) {
    const auto& p = r.report.parameters[i];
    EXPECT_TRUE(std::isfinite(p.stderr) && p.stderr > 0) << p.name;
    EXPECT_LT(std::abs(p.value - truth[i]), 4 * p.stderr) << p.name;
  }
}

TEST(EisCircuitFit, OptimumOnTheBoundIsHeldThere) {
  // An ideal capacitor fitted as a CPE: α runs to its bound 1 and is held on it, exactly.
  const auto s =
      sim::simulate_circuit(Circuit::parse("R0-p(R1,C1)"), std::vector<double>{10, 1e3, 1e-8},
                            sim::log_frequencies(1, 1e7, 10), {.relative = 0.001, .seed = 2});
  const auto c = Circuit::parse("R0-p(R1,CPE1)");
  const auto r = fit_circuit(s, c);
  ASSERT_TRUE(r.report.usable()) << r.report.message;
  const auto& a = r.report.at("CPE1_alpha");
  if (a.at_bound) {
    EXPECT_EQ(a.value, 1.0);
  } else {
    EXPECT_LT(a.value, 1.0);
  }
  EXPECT_NEAR(a.value, 1.0, 2e-3);
  EXPECT_NEAR(r.report.at("CPE1_Q").value, 1e-8, 2e-10);
  // Held or not, the error of α is defined (its curvature), as RelaxIS reports it.
  EXPECT_TRUE(std::isfinite(a.stderr));
}

TEST(EisCircuitFit, AnElementTheDataDoNotNeedGetsNoError) {
  // A series CPE fitted to a spectrum without a tail runs to Q → ∞ (a short): it has no effect
  // on the residuals, gets no standard error, and the other parameters keep theirs.
  const auto c = Circuit::parse("R0-p(R1,CPE1)-CPE2");
  const auto r = fit_circuit(rq_spectrum(0.002), c);
  ASSERT_TRUE(r.report.usable()) << r.report.message;
  EXPECT_FALSE(std::isfinite(r.report.at("CPE2_Q").stderr));
  EXPECT_GT(r.report.at("CPE2_Q").value, 1e3);
  for (const char* name : {"R0", "R1", "CPE1_Q", "CPE1_alpha"}) {
    EXPECT_TRUE(std::isfinite(r.report.at(name).stderr)) << name;
    EXPECT_LT(r.report.at(name).rel_err, 0.1) << name;
  }
  EXPECT_NE(r.report.message.find("no separate effect on the residuals"), std::string::npos)
      << r.report.message;
}

TEST(EisCircuitFit, FixedParametersAndBounds) {
  const auto c = Circuit::parse("R0-p(R1,CPE1)");
  const auto s = rq_spectrum(0.005);
  const auto r = fit_circuit(s, c, {.fixed = {{"R0", 25.0}}});
  ASSERT_TRUE(r.report.usable());
  EXPECT_EQ(r.report.at("R0").value, 25.0);
  EXPECT_TRUE(r.report.at("R0").fixed);
  EXPECT_EQ(r.report.n_free, 3u);
  EXPECT_EQ(r.report.covariance.size(), 3u);
  // A bound that excludes the truth holds the optimum on it.
  const auto b = fit_circuit(s, c, {.bounds = {{"CPE1_alpha", 0.5, 0.8}}});
  ASSERT_TRUE(b.report.usable()) << b.report.message;
  EXPECT_LE(b.report.at("CPE1_alpha").value, 0.8);
  EXPECT_NEAR(b.report.at("CPE1_alpha").value, 0.8, 1e-3);
  // Bounds over decades keep the log scale (log-logistic) and are honoured.
  const auto d = fit_circuit(s, c, {.bounds = {{"R1", 1e2, 5e3}}});
  EXPECT_LE(d.report.at("R1").value, 5e3);
  EXPECT_THROW(fit_circuit(s, c, {.bounds = {{"R1", 5e3, 1e2}}}), InvalidArgument);
  EXPECT_THROW(fit_circuit(s, c, {.bounds = {{"R1", 1.0, INFINITY}}}), InvalidArgument);
}

TEST(EisCircuitFit, WeightingsAndWindow) {
  const auto c = Circuit::parse("R0-p(R1,CPE1)");
  const auto s = rq_spectrum(0.01, 7);
  for (auto w : {Weighting::unit, Weighting::modulus, Weighting::proportional}) {
    const auto r = fit_circuit(s, c, {.weighting = w});
    ASSERT_TRUE(r.report.usable()) << to_string(w);
    EXPECT_LT(std::abs(r.report.at("R1").value - 1e4), 4 * r.report.at("R1").stderr)
        << to_string(w);
  }
  // σ = |Z| given per point is the modulus weighting.
  std::vector<double> sigma;
  for (const auto& z : s.impedance_ohm) sigma.push_back(std::abs(z));
  const auto m = fit_circuit(s, c, {.weighting = Weighting::modulus});
  const auto g = fit_circuit(s, c, {.weighting = Weighting::sigma, .sigma_ohm = sigma});
  EXPECT_NEAR(g.report.chi2, m.report.chi2, 1e-9 * m.report.chi2);
  EXPECT_NEAR(g.report.at("R1").value, m.report.at("R1").value, 1e-6 * 1e4);
  // The window keeps only its points, ends included.
  const auto win = fit_circuit(s, c, {.f_min_hz = 1.0, .f_max_hz = 1e5});
  EXPECT_GE(win.f_min_hz, 1.0);
  EXPECT_LE(win.f_max_hz, 1e5);
  EXPECT_LT(win.n_points, s.size());
  EXPECT_EQ(win.frequency_hz.size(), win.n_points);
  EXPECT_EQ(parse_weighting("proportional"), Weighting::proportional);
  EXPECT_THROW(parse_weighting("inverse"), InvalidArgument);
}

TEST(EisCircuitFit, NonConvergenceIsAStatus) {
  const auto c = Circuit::parse("R0-p(R1,CPE1)");
  const auto r =
      fit_circuit(rq_spectrum(0), c,
                  {.guess = scaled_guess(c, 10.0), .multistart = false, .max_iterations = 1});
  EXPECT_EQ(r.report.status, fit::FitStatus::max_iterations);
  EXPECT_FALSE(r.report.usable());
  EXPECT_NE(r.report.message.find("iteration limit"), std::string::npos);
}

TEST(EisCircuitFit, MultiStartRescuesAHopelessStart) {
  // Starting four decades off in both arcs: the first run stalls in a poor optimum, the
  // seeded fallback finds the truth.
  const auto c = Circuit::parse("R0-p(R1,C1)-p(R2,C2)");
  const std::vector<double> truth = {10, 1e3, 1e-9, 1e5, 1e-6};
  const auto s = sim::simulate_circuit(c, truth, sim::log_frequencies(1e-2, 1e7, 8));
  const std::vector<ParameterValue> bad = {
      {"R0", 10}, {"R1", 1e7}, {"C1", 1e-5}, {"R2", 0.1}, {"C2", 1e-13}};
  const auto single = fit_circuit(s, c, {.guess = bad, .multistart = false});
  const auto multi = fit_circuit(s, c, {.guess = bad});
  EXPECT_LE(multi.report.chi2, single.report.chi2);
  EXPECT_LT(multi.rms_relative, 1e-6);
  // The two blocks are interchangeable: either labelling of the two arcs is the truth.
  const double r1 = multi.report.at("R1").value, r2 = multi.report.at("R2").value;
  EXPECT_NEAR(std::min(r1, r2), 1e3, 1e-3 * 1e3);
  EXPECT_NEAR(std::max(r1, r2), 1e5, 1e-3 * 1e5);
  // The same fit twice gives the same numbers (the fallback is seeded).
  const auto again = fit_circuit(s, c, {.guess = bad});
  EXPECT_EQ(again.report.chi2, multi.report.chi2);
}

TEST(EisCircuitFit, BadInputIsRefused) {
  const auto c = Circuit::parse("R0-p(R1,CPE1)");
  const auto s = rq_spectrum(0);
  try {
    fit_circuit(s, c, {.guess = {{"R5", 1.0}}});
    FAIL() << "an unknown name must be refused";
  } catch (const InvalidArgument& e) {
    EXPECT_NE(std::string(e.what()).find("R0, R1, CPE1_Q, CPE1_alpha"), std::string::npos)
        << e.what();
  }
  EXPECT_THROW(fit_circuit(s, c, {.guess = {{"R1", -3.0}}}), InvalidArgument);
  EXPECT_THROW(fit_circuit(s, c, {.f_min_hz = 1e6, .f_max_hz = 2e6}), InvalidArgument);  // 2 points
  EXPECT_THROW(fit_circuit(s, c, {.f_min_hz = 1e3, .f_max_hz = 1e2}), InvalidArgument);
  EXPECT_THROW(fit_circuit(s, c, {.weighting = Weighting::sigma, .sigma_ohm = {1.0}}),
               InvalidArgument);
  EXPECT_THROW(
      fit_circuit(s, c, {.fixed = {{"R0", 1}, {"R1", 1}, {"CPE1_Q", 1}, {"CPE1_alpha", 1}}}),
      InvalidArgument);
  EXPECT_THROW(fit_circuit(s, c, {.start = {1.0, 2.0}}), InvalidArgument);
  EXPECT_THROW(initial_guess(c, std::vector<double>{1, 2}, std::vector<std::complex<double>>{1, 2}),
               InvalidArgument);
}

TEST(EisCircuitFit, BatchIsTheSameOnOneAndTwoThreads) {
  const auto c = Circuit::parse("R0-p(R1,CPE1)");
  std::vector<Spectrum> spectra;
  for (int k = 0; k < 6; ++k)
    spectra.push_back(rq_spectrum(0.01, 100 + static_cast<std::uint64_t>(k)));
  const auto one = fit_circuit_batch(spectra, c, {.threads = 1});
  const auto two = fit_circuit_batch(spectra, c, {.threads = 2});
  ASSERT_EQ(one.fits.size(), 6u);
  for (std::size_t k = 0; k < 6; ++k) {
    EXPECT_EQ(one.fits[k].report.chi2, two.fits[k].report.chi2);
    for (std::size_t i = 0; i < 4; ++i)
      EXPECT_EQ(one.fits[k].report.parameters[i].value, two.fits[k].report.parameters[i].value);
  }
  EXPECT_THROW(fit_circuit_batch({}, c), InvalidArgument);
}

TEST(EisCircuitFit, TemperatureSeriesGivesBackTheActivationEnergy) {
  // Pellet spectra (bulk R ‖ CPE and a blocking electrode) over −40 … 80 °C with one
  // Arrhenius regime of 0.45 eV; fitted in temperature order (given shuffled), each also
  // from its neighbour; σ = K/R_bulk back through the Arrhenius fit.
  sim::PelletCell cell;
  cell.bulk_alpha = 0.9;
  cell.electrode_q = 2e-6;
  sim::ConductivityLaw law{.sigma_ref_s_per_m = 1e-3, .t_ref_k = 298.15, .ea_ev = {0.45}};
  std::vector<double> temps;
  for (double t = 233.15; t <= 353.16; t += 20) temps.push_back(t);
  std::vector<double> shuffled = {temps[3], temps[0], temps[5], temps[1],
                                  temps[6], temps[2], temps[4]};
  auto spectra = sim::simulate_temperature_series(
      cell, law, shuffled, sim::log_frequencies(1e-2, 1e7, 8), {.relative = 0.003, .seed = 4});
  const auto c = Circuit::parse("p(R1,CPE1)-CPE2");
  const auto batch = fit_circuit_batch(spectra, c, {.threads = 2, .series = true});
  ASSERT_EQ(batch.order.size(), spectra.size());
  for (std::size_t k = 1; k < batch.order.size(); ++k)
    EXPECT_LT(*spectra[batch.order[k - 1]].meta.temperature_k,
              *spectra[batch.order[k]].meta.temperature_k);
  std::vector<transport::ConductivityPoint> points;
  for (std::size_t k = 0; k < spectra.size(); ++k) {
    const auto& r = batch.fits[k];
    ASSERT_TRUE(r.report.usable()) << r.report.message;
    const double t = *spectra[k].meta.temperature_k;
    const double r_bulk = cell.geometry.cell_constant_per_m() / law.sigma_s_per_m(t);
    EXPECT_NEAR(r.report.at("R1").value, r_bulk, 0.01 * r_bulk) << t;
    points.push_back(
        {.temperature_k = t,
         .sigma_s_per_m = cell.geometry.cell_constant_per_m() / r.report.at("R1").value});
  }
  const auto fit = transport::fit_arrhenius(points, {.max_segments = 1});
  ASSERT_EQ(fit.regimes.size(), 1u);
  EXPECT_NEAR(fit.regimes[0].ea_ev, 0.45, 0.005);
}
