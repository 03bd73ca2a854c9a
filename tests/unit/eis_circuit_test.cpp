// Circuit strings (eis/circuit): the grammar of both dialects, the error columns, element formulas
// and their derivatives. References: every element against its closed form written here with
// std::complex (the formulas of docs/methods.md §8: impedance.py's elements.py and the papers cited
// there); series and parallel combinations against Z = ΣZ_i and 1/Z = Σ1/Z_i; derivatives against
// central differences (relative step 1e-5).
#include <gtest/gtest.h>

#include <cmath>
#include <complex>

#include "eis/circuit_jacobian.hpp"
#include "solyte/eis/circuit.hpp"
#include "solyte/sim/circuit_elements.hpp"

using namespace solyte;
using namespace solyte::eis;
using cd = std::complex<double>;

namespace {

const double kPi = 3.14159265358979323846;

// A dual number with one derivative: enough to check that Circuit::evaluate is generic in its
// scalar type (the library instantiates it with ceres::Jet), independently of Ceres.
struct Dual {
  double a = 0, v = 0;
  Dual() = default;
  Dual(double x, double dx = 0) : a(x), v(dx) {}
};
Dual operator+(Dual x, Dual y) { return {x.a + y.a, x.v + y.v}; }
Dual operator-(Dual x, Dual y) { return {x.a - y.a, x.v - y.v}; }
Dual operator-(Dual x) { return {-x.a, -x.v}; }
Dual operator*(Dual x, Dual y) { return {x.a * y.a, x.v * y.a + x.a * y.v}; }
Dual operator/(Dual x, Dual y) { return {x.a / y.a, (x.v * y.a - x.a * y.v) / (y.a * y.a)}; }
Dual operator+(double x, Dual y) { return Dual(x) + y; }
Dual operator*(Dual x, double y) { return x * Dual(y); }
Dual operator*(double x, Dual y) { return Dual(x) * y; }
Dual operator/(double x, Dual y) { return Dual(x) / y; }
bool operator<(Dual x, double y) { return x.a < y; }
bool operator>(Dual x, double y) { return x.a > y; }
bool operator>=(Dual x, double y) { return x.a >= y; }
bool operator==(Dual x, double y) { return x.a == y; }
Dual exp(Dual x) { return {std::exp(x.a), std::exp(x.a) * x.v}; }
Dual log(Dual x) { return {std::log(x.a), x.v / x.a}; }
Dual sqrt(Dual x) { return {std::sqrt(x.a), x.v / (2 * std::sqrt(x.a))}; }
Dual cos(Dual x) { return {std::cos(x.a), -std::sin(x.a) * x.v}; }
Dual sin(Dual x) { return {std::sin(x.a), std::cos(x.a) * x.v}; }
Dual abs(Dual x) { return x.a < 0 ? -x : x; }
Dual atan2(Dual y, Dual x) {
  return {std::atan2(y.a, x.a), (x.a * y.v - y.a * x.v) / (x.a * x.a + y.a * y.a)};
}

std::string syntax_error(const std::string& text, std::size_t* column = nullptr) {
  try {
    (void)Circuit::parse(text);
  } catch (const CircuitSyntaxError& e) {
    if (column) *column = e.column();
    return e.what();
  }
  return "";
}

cd z_of(const std::string& circuit, std::vector<double> p, double f) {
  return Circuit::parse(circuit).impedance(p, std::vector<double>{f})[0];
}

}  // namespace

TEST(EisCircuit, ParsesImpedancePySyntax) {
  const auto c = Circuit::parse("R0-p(R1,C1)-p(R2-Wo1,C2)");
  EXPECT_EQ(c.to_string(), "R0-p(R1,C1)-p(R2-Wo1,C2)");
  std::vector<std::string> names;
  for (const auto& p : c.parameters()) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"R0", "R1", "C1", "R2", "Wo1_R", "Wo1_tau", "C2"}));
  EXPECT_EQ(c.parameters()[2].unit, "F");
  EXPECT_EQ(c.parameters()[5].unit, "s");
  // impedance.py's positional names are aliases.
  EXPECT_EQ(c.index_of("Wo1_1"), 5u);
  EXPECT_EQ(c.index_of("R1_0"), 1u);
  EXPECT_FALSE(c.find("R9"));
  EXPECT_THROW(c.index_of("R9"), InvalidArgument);
}

TEST(EisCircuit, ParsesRelaxisSyntax) {
  // Adjacent bracket groups are in parallel, '-' is series, P is a CPE (Q, alpha); elements without
  // labels are numbered per symbol, as RelaxIS numbers its parameters.
  const auto c = Circuit::parse("R-(R)(P)-P");
  EXPECT_EQ(c.to_string(), "R1-p(R2,P1)-P2");
  std::vector<std::string> names;
  for (const auto& p : c.parameters()) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"R1", "R2", "P1_Q", "P1_alpha", "P2_Q", "P2_alpha"}));
  EXPECT_EQ(Circuit::parse("(R)(P)-(R)(P)-P").to_string(), "p(R1,P1)-p(R2,P2)-P3");
  // Nested groups flatten: a series inside a series is one series.
  EXPECT_EQ(Circuit::parse("R-(R-C)").to_string(), "R1-R2-C1");
  // Mixed labelled and unlabelled elements: numbers skip labels in use.
  EXPECT_EQ(Circuit::parse("R1-R-R").to_string(), "R1-R2-R3");
  EXPECT_EQ(Circuit::parse(" R0 - p( R1 , CPE1 ) ").to_string(), "R0-p(R1,CPE1)");
  EXPECT_EQ(Circuit::parse("R_0-p(R_1,Q_1)").to_string(), "R_0-p(R_1,Q_1)");
}

TEST(EisCircuit, SyntaxErrorsNameTheColumn) {
  std::size_t col = 0;
  const std::string msg = syntax_error("R0-p(R1,,C1)", &col);
  EXPECT_EQ(col, 9u);
  EXPECT_NE(msg.find("column 9: expected an element"), std::string::npos) << msg;
  EXPECT_NE(msg.find("\n          ^"), std::string::npos) << msg;  // caret under column 9
  syntax_error("R0-p(R1", &col);
  EXPECT_EQ(col, 8u);
  EXPECT_NE(syntax_error("R0-p(R1").find("expected ')' to close the 'p(' at column 4"),
            std::string::npos);
  syntax_error("R0-X1", &col);
  EXPECT_EQ(col, 4u);
  EXPECT_NE(syntax_error("R0-X1").find("'X' is not one"), std::string::npos);
  syntax_error("R1-R1", &col);
  EXPECT_EQ(col, 4u);
  syntax_error("R0-p(R1,C1))", &col);
  EXPECT_EQ(col, 12u);
  syntax_error("(R-C", &col);
  EXPECT_EQ(col, 5u);
  syntax_error("", &col);
  EXPECT_EQ(col, 1u);
  syntax_error("R0-", &col);
  EXPECT_EQ(col, 4u);
  syntax_error("R0C1", &col);
  EXPECT_EQ(col, 3u);
  syntax_error("(R)(P", &col);
  EXPECT_EQ(col, 6u);
  // A circuit error is a bad argument (exit code 2 in the tool).
  EXPECT_THROW(Circuit::parse("p(,R1)"), InvalidArgument);
}

TEST(EisCircuit, ElementsMatchTheirClosedForms) {
  const double f = 37.0, w = 2 * kPi * f;
  const cd j(0, 1), iw(0, w);
  auto near = [](cd a, cd b) { return std::abs(a - b) <= 1e-12 * std::abs(b); };
  EXPECT_TRUE(near(z_of("R1", {12.5}, f), 12.5));
  EXPECT_TRUE(near(z_of("C1", {2e-6}, f), 1.0 / (iw * 2e-6)));
  EXPECT_TRUE(near(z_of("L1", {3e-4}, f), iw * 3e-4));
  EXPECT_TRUE(near(z_of("CPE1", {2e-6, 0.8}, f), 1.0 / (2e-6 * std::pow(iw, 0.8))));
  EXPECT_TRUE(near(z_of("P1", {2e-6, 0.8}, f), 1.0 / (2e-6 * std::pow(iw, 0.8))));
  EXPECT_TRUE(near(z_of("W1", {40.0}, f), 40.0 * (1.0 - j) / std::sqrt(w)));
  const cd s = std::sqrt(iw * 0.7);
  EXPECT_TRUE(near(z_of("Wo1", {30.0, 0.7}, f), 30.0 / (s * std::tanh(s))));
  EXPECT_TRUE(near(z_of("Ws1", {30.0, 0.7}, f), 30.0 * std::tanh(s) / s));
  const cd g = std::sqrt(1.0 + iw * 2e-3);
  EXPECT_TRUE(near(z_of("G1", {50.0, 2e-3}, f), 50.0 / g));
  EXPECT_TRUE(near(z_of("Gs1", {50.0, 2e-3, 1.7}, f), 50.0 / (g * std::tanh(1.7 * g))));
  EXPECT_TRUE(near(z_of("La1", {1e-3, 0.7}, f), 1e-3 * std::pow(iw, 0.7)));
  EXPECT_TRUE(near(z_of("K1", {80.0, 1e-3}, f), 80.0 / (1.0 + iw * 1e-3)));
  EXPECT_TRUE(near(z_of("Zarc1", {80.0, 1e-3, 0.75}, f), 80.0 / (1.0 + std::pow(iw * 1e-3, 0.75))));
  EXPECT_TRUE(
      near(z_of("RQ1", {80.0, 3e-5, 0.75}, f), 80.0 / (1.0 + 80.0 * 3e-5 * std::pow(iw, 0.75))));
  EXPECT_TRUE(near(z_of("HN1", {80.0, 1e-3, 0.75, 0.6}, f),
                   80.0 / std::pow(1.0 + std::pow(iw * 1e-3, 0.75), 0.6)));
  const cd zs = 1.0 / (3e-5 * std::pow(iw, 0.8));
  EXPECT_TRUE(near(z_of("TLM1", {120.0, 3e-5, 0.8}, f),
                   std::sqrt(120.0 * zs) / std::tanh(std::sqrt(120.0 / zs))));
  // An ideal capacitor has no real part at all (α = 1 is exact).
  EXPECT_EQ(z_of("CPE1", {2e-6, 1.0}, f).real(), 0.0);
  // Far beyond the diffusion time the finite Warburgs are semi-infinite (coth, tanh → 1).
  const double tau = 1e4;
  const cd s_big = std::sqrt(iw * tau);
  EXPECT_TRUE(near(z_of("Wo1", {30.0, tau}, f), 30.0 / s_big));
}

TEST(EisCircuit, SeriesAndParallelCombine) {
  const double f = 1234.0, w = 2 * kPi * f;
  const cd iw(0, w);
  const cd r0 = 10, r1 = 100, c1 = 1.0 / (iw * 1e-7), r2 = 50, l1 = iw * 1e-5;
  const cd cpe = 1.0 / (1e-6 * std::pow(iw, 0.9));
  const cd expected = r0 + 1.0 / (1.0 / r1 + 1.0 / c1) + 1.0 / (1.0 / (r2 + l1) + 1.0 / cpe);
  const cd got = z_of("R0-p(R1,C1)-p(R2-L1,CPE1)", {10, 100, 1e-7, 50, 1e-5, 1e-6, 0.9}, f);
  EXPECT_NEAR(std::abs(got - expected), 0.0, 1e-12 * std::abs(expected));
  // Three branches, and a parallel block inside a parallel block.
  const cd three = 1.0 / (1.0 / r1 + 1.0 / c1 + 1.0 / r2);
  EXPECT_NEAR(std::abs(z_of("p(R1,C1,R2)", {100, 1e-7, 50}, f) - three), 0.0, 1e-12);
  EXPECT_NEAR(std::abs(z_of("p(R1,p(C1,R2))", {100, 1e-7, 50}, f) - three), 0.0, 1e-12);
  // RelaxIS: (R)(C) is R parallel to C.
  EXPECT_NEAR(std::abs(z_of("R-(R)(C)", {10, 100, 1e-7}, f) - (r0 + 1.0 / (1.0 / r1 + 1.0 / c1))),
              0.0, 1e-12);
}

TEST(EisCircuit, SimulatorElementsAreTheCircuitElements) {
  // sim/circuit_elements.hpp evaluates through the same element formulas.
  for (double f : {1e-2, 1.0, 1e3, 1e6}) {
    const double w = 2 * kPi * f;
    const cd a = sim::zarc_impedance(1e4, 2e-9, 0.8, w);
    const cd b = z_of("RQ1", {1e4, 2e-9, 0.8}, f);
    EXPECT_NEAR(std::abs(a - b), 0.0, 1e-12 * std::abs(b));
    EXPECT_NEAR(std::abs(sim::rc_impedance(300, 1e-3, w) - z_of("K1", {300, 1e-3}, f)), 0.0,
                1e-12 * 300);
  }
}

namespace {

// Derivatives of Z with respect to every parameter of `c` at `p`: from the generic evaluation with
// a dual number, and from the fits' chain rule over Jet-differentiated elements
// (eis/circuit_jacobian.hpp). Returns [parameter][frequency] pairs (dual, chain).
std::vector<std::vector<std::pair<cd, cd>>> analytic_derivatives(const Circuit& c,
                                                                 const std::vector<double>& p,
                                                                 const std::vector<double>& f) {
  const auto grid = FrequencyGrid::from_hz(f);
  detail::CircuitDerivatives cdv(c, grid);
  cdv.evaluate(p.data(), true);
  std::vector<Cplx<Dual>> zj(f.size()), sj(c.scratch_size(f.size()));
  std::vector<std::vector<std::pair<cd, cd>>> out(p.size());
  for (std::size_t k = 0; k < p.size(); ++k) {
    std::vector<Dual> pj(p.begin(), p.end());
    pj[k].v = 1;
    c.evaluate(pj.data(), grid, zj.data(), sj.data());
    for (std::size_t i = 0; i < f.size(); ++i)
      out[k].push_back({cd(zj[i].re.v, zj[i].im.v), cd(cdv.dz(k)[i].re, cdv.dz(k)[i].im)});
  }
  // The values of both evaluations agree too.
  const auto z = c.impedance(p, f);
  for (std::size_t i = 0; i < f.size(); ++i)
    EXPECT_NEAR(std::abs(cd(cdv.z()[i].re, cdv.z()[i].im) - z[i]), 0.0, 1e-12 * std::abs(z[i]));
  return out;
}

}  // namespace

TEST(EisCircuit, ElementDerivativesMatchCentralDifferences) {
  // Each element alone, in series with a resistor and in parallel with one (so both its impedance
  // and its admittance form are differentiated); central differences with a relative step of 1e-5
  // are good to ~1e-9 of |Z|/p here.
  const std::vector<std::pair<std::string, std::vector<double>>> elements = {
      {"C1", {1e-6}},
      {"L1", {1e-3}},
      {"CPE1", {1e-6, 0.85}},
      {"W1", {40}},
      {"Wo1", {30, 0.2}},
      {"Ws1", {20, 0.5}},
      {"G1", {15, 1e-3}},
      {"Gs1", {12, 2e-3, 1.5}},
      {"La1", {1e-4, 0.7}},
      {"K1", {25, 1e-3}},
      {"Zarc1", {60, 2e-4, 0.8}},
      {"RQ1", {70, 3e-5, 0.75}},
      {"HN1", {45, 1e-3, 0.8, 0.6}},
      {"TLM1", {90, 2e-5, 0.8}}};
  const std::vector<double> f = {0.3, 50.0, 2e3, 1e5};
  for (const auto& [e, values] : elements)
    for (const std::string& form : {e, "R9-" + e, "p(R9," + e + ")"}) {
      const auto c = Circuit::parse(form);
      std::vector<double> p = values;
      if (form != e) p.insert(p.begin(), 33.0);
      const auto an = analytic_derivatives(c, p, f);
      for (std::size_t k = 0; k < p.size(); ++k) {
        auto plus = p, minus = p;
        const double h = 1e-5 * p[k];
        plus[k] += h;
        minus[k] -= h;
        const auto zp = c.impedance(plus, f), zm = c.impedance(minus, f);
        for (std::size_t i = 0; i < f.size(); ++i) {
          const cd numeric = (zp[i] - zm[i]) / (2 * h);
          const double tol = 1e-6 * std::abs(numeric) + 1e-9 * std::abs(zp[i]) / p[k];
          EXPECT_NEAR(std::abs(an[k][i].first - numeric), 0.0, tol)
              << form << " " << c.parameters()[k].name << " f=" << f[i];
          EXPECT_NEAR(std::abs(an[k][i].second - an[k][i].first), 0.0,
                      1e-11 * std::abs(an[k][i].first) + 1e-300)
              << form << " " << c.parameters()[k].name << " f=" << f[i];
        }
      }
    }
}

TEST(EisCircuit, TreeDerivativesAgreeBetweenBothDifferentiations) {
  // Every element once, with nested parallel blocks: the dual-number evaluation of the whole tree
  // and the chain rule agree to rounding (their parts were checked against central differences
  // above).
  const auto c = Circuit::parse(
      "R0-p(R1,CPE1)-p(R2-Wo1,C2)-Ws1-G1-Gs1-La1-K1-"
      "Zarc1-RQ1-HN1-TLM1-L1-W1-p(C3,p(R3,L2))");
  const std::vector<double> p = {5,    100,  1e-6, 0.85, 40,   30,   0.2,  1e-4, 20,   0.5,
                                 15,   1e-3, 12,   2e-3, 1.5,  1e-4, 0.7,  25,   1e-3, 60,
                                 2e-4, 0.8,  70,   3e-5, 0.75, 45,   1e-3, 0.8,  0.6,  90,
                                 2e-5, 0.8,  2e-6, 5,    1e-7, 35,   3e-3};
  ASSERT_EQ(p.size(), c.parameter_count());
  const auto an = analytic_derivatives(c, p, {1e-2, 3.0, 470.0, 9e4, 2e6});
  for (std::size_t k = 0; k < p.size(); ++k)
    for (const auto& [dual, chain] : an[k])
      EXPECT_NEAR(std::abs(chain - dual), 0.0, 1e-10 * std::abs(dual) + 1e-300)
          << c.parameters()[k].name;
}

TEST(EisCircuit, EvaluationRejectsBadInput) {
  const auto c = Circuit::parse("R0-p(R1,C1)");
  EXPECT_THROW(c.impedance(std::vector<double>{1, 2}, std::vector<double>{1.0}), InvalidArgument);
  EXPECT_THROW(c.impedance(std::vector<double>{1, 2, 3}, std::vector<double>{0.0}),
               InvalidArgument);
  EXPECT_THROW(c.impedance(std::vector<double>{1, 2, 3}, std::vector<double>{NAN}),
               InvalidArgument);
}
