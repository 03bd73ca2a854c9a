// KWW transform (METHODS.md §7; numerics in docs/methods.md §7a).
//
// References, each with its source:
//  - ../shared/reference/kww/kww_reference.csv (mpmath, 34 digits, contour rotation; see the
//    README beside it): every row when the file is present, and 22 of its rows copied below
//    so that the test never skips entirely.
//  - Off-grid values: mpmath 1.3.0, run for this test with the script below (34 digits; each
//    point integrated on two rotated paths, θ = π/4 and θ = π/3 (β > 0.5) or π/2.5, which
//    agree to < 1e-24; the one point where they did not was recomputed at 40 digits with
//    breakpoints at every power of ten, θ = π/2 and π/2.5, agreement 2e-41):
//      python3 kww_mpmath.py 11 48 0.3 1.0 -4 4        set A: random β, log-uniform x
//      python3 kww_mpmath.py 12 24 0.3 1.0 -3 1        set B: around the method switches
//      python3 kww_mpmath.py 14 6 0.95 0.999999 -2 2   set D: near Debye
//      python3 kww_mpmath.py 13 14 0.05 0.3 -12 6      set C: β below the target range
//    kww_mpmath.py:
//      import random, sys
//      from mpmath import mp, mpf, quad, exp, expj, inf, pi, nstr
//      mp.dps = 34
//      def F(b, x, th):   # C + iS on the path s = r e^{i th}
//          e, eb = expj(th), expj(b * th)
//          cut = sorted({mpf(0), 1 / x, mpf(1), (40 / mp.cos(b * th)) ** (1 / b)})
//          return e * quad(lambda r: exp(1j * x * e * r - r**b * eb), cut + [inf],
//                          maxdegree=12)
//      seed, n, b0, b1, lx0, lx1 = sys.argv[1:]
//      random.seed(int(seed))
//      for i in range(int(n)):
//          b = mpf('%.6f' % random.uniform(float(b0), float(b1)))
//          x = mpf('%.6e' % 10 ** random.uniform(float(lx0), float(lx1)))
//          v, w = F(b, x, pi / 4), F(b, x, pi / (3 if b > 0.5 else 2.5))
//          ok = max(abs(v.real / w.real - 1), abs(v.imag / w.imag - 1)) < 1e-24
//          print('{%s, %s, %s, %s},%s' % (nstr(b, 8), nstr(x, 8), nstr(v.real, 20),
//                nstr(v.imag, 20), '' if ok else '  // angles disagree'))
//  - Closed forms: β = 1 (Debye), x = 0 (Γ(1 + 1/β)), ⟨τ⟩ = τΓ(1/β)/β, Φ(t).
//  - M'' peaks: METHODS.md §7 (β = 0.60 and 0.66, five digits) and the paper's peak
//    frequencies f = x_p/(2πτ): 27.75 Hz (β = 0.66, τ = 4.66 ms), 31.63 Hz (0.60, 3.94 ms).
//  - Between the references: each series against the quadrature, an independent method, on a
//    dense (β, x) sweep across the switch points; and the result against Boost.Math's
//    Ooura–Mori Fourier quadrature (a third method) on another sweep.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/math/quadrature/ooura_fourier_integrals.hpp>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <limits>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "relax/kww_detail.hpp"
#include "solyte/error.hpp"
#include "solyte/relax/kww.hpp"

using namespace solyte;
using namespace solyte::relax;

namespace {

// Issue 5 asks for 1e-10. The implementation reaches ~1e-14 (docs/methods.md §7a); the
// tighter bound guards against regressions without depending on the last digits of libm.
constexpr double kTarget = 1e-10;
constexpr double kRegression = 1e-12;

struct Ref {
  double beta, x, c, s;
};

double rel(double got, double want) { return std::abs(got / want - 1.0); }

std::string sci(double v) {
  std::ostringstream s;
  s << std::scientific << std::setprecision(2) << v;
  return s.str();
}

// Rows of ../shared/reference/kww/kww_reference.csv (beta, x, C, S), copied verbatim.
const std::vector<Ref> kGridRows = {
    {0.30, 1.0e-4, 9.2545839149899042588, 0.12908604605470151568},
    {0.30, 0.056234132519034908039, 2.1560750490474590383, 2.2116499663328998124},
    {0.30, 1.7782794100389228012, 0.091326678474841441294, 0.27760925744181391431},
    {0.30, 1.0e+4, 2.4308113376965241673e-6, 9.505842581820106958e-5},
    {0.50, 5.6234132519034908039e-4, 1.9999620556915311678, 6.7477971887455220568e-3},
    {0.50, 0.017782794100389228012, 1.9646517560076259853, 0.20491499344835470229},
    {0.50, 0.3162277660168379332, 0.78439064464090723132, 0.73635569647036817748},
    {0.50, 316.2277660168379332, 1.065252010266027715e-4, 3.050926022308775153e-3},
    {0.60, 1.0e-4, 1.5045752882516250472, 4.6302630534107047814e-4},
    {0.60, 0.17782794100389228012, 1.1547148575474430771, 0.5353894042772643889},
    {0.60, 0.56234132519034908039, 0.56275395655492872243, 0.59078051029588871144},
    {0.60, 5.6234132519034908039, 0.034726120156244139544, 0.14271142735907339927},
    {0.66, 3.162277660168379332e-3, 1.3435603154148210459, 9.8551199594146466377e-3},
    {0.66, 0.1, 1.2610909196633203311, 0.28302927346098854345},
    {0.66, 1.0, 0.34861740199559239886, 0.48683626927818390482},
    {0.66, 1.7782794100389228012e+3, 3.110582038410859499e-6, 5.6048477177565483677e-4},
    {0.80, 3.162277660168379332e-4, 1.1330028198826669754, 5.2546776842348444696e-4},
    {0.80, 0.1, 1.1062830191902294662, 0.16135391653597419113},
    {0.80, 0.56234132519034908039, 0.69027644684473454694, 0.51293089080133558204},
    {0.80, 100.0, 2.1980648007354784331e-4, 9.9241198289769579871e-3},
    {1.00, 1.0e-3, 0.999999000000999999, 9.99999000000999999e-4},
    {1.00, 3.162277660168379332e+3, 9.9999990000001e-8, 3.1622773439406449379e-4},
};

// Off-grid references from kww_mpmath.py (see the top of this file).
const std::vector<Ref> kOffGrid = {
    // set A: beta in [0.3, 1), x in [1e-4, 1e4]
    {0.616666, 3.007316, 0.084013549943154076045, 0.23991222163636543786},
    {0.946947, 0.5311297, 0.76865181029543184444, 0.43684055364064371297},
    {0.655489, 5.001251, 0.041654734635187509203, 0.16340520472039236576},
    {0.429262, 1.245286, 0.18555350699265333087, 0.39324453125096973086},
    {0.740918, 220.7064, 0.000069251560767626770584, 0.0045000657688139260834},
    {0.365886, 0.026743, 2.9983030976711815201, 1.3771098574842949504},
    {0.363469, 300.0242, 0.00018080863637349633331, 0.0030293153224882871257},
    {0.785407, 0.0002162931, 1.1483415740455953743, 0.00037843995117905201586},
    {0.987535, 5224.711, 4.0538469774587230126e-8, 0.0001913973439053982563},
    {0.757746, 8.404302, 0.017958938577297381441, 0.1089478264687615304},
    {0.410246, 0.0001318275, 3.1041317476917048044, 0.0064008082084299577828},
    {0.669867, 0.0002995083, 1.3226745221170282004, 0.00088251800617442093373},
    {0.433146, 0.008620731, 2.6592840439444875168, 0.25915433392041567642},
    {0.321058, 0.514607, 0.3492945169623191656, 0.68342456082552809052},
    {0.608372, 548.8037, 0.000028240848336220820414, 0.0018017246378943152215},
    {0.663387, 13.25359, 0.00933309004237423841, 0.068693410076725097987},
    {0.649841, 19.93408, 0.0049788747181132687782, 0.046562275450231324272},
    {0.620131, 0.01679976, 1.4389707917303291862, 0.067010908380050242939},
    {0.998359, 9237.047, 1.1888813328582667323e-8, 0.00010825967485984171032},
    {0.888151, 45.97026, 0.00067740635007383098326, 0.0216132228448053616},
    {0.520694, 0.006875863, 1.8572785702457498226, 0.06485076800691587101},
    {0.502328, 0.0003645759, 1.9829851999448286296, 0.0042545397782773091719},
    {0.836402, 0.1596609, 1.0468409276701413243, 0.22261692700666742809},
    {0.892609, 0.1236256, 1.0331536702959849643, 0.15219784613603640981},
    {0.97063, 600.4518, 3.3024426395663658094e-6, 0.0016652537723440026171},
    {0.300381, 0.004761451, 7.0720716992226605628, 2.4519253646303430073},
    {0.93719, 0.5753051, 0.73446304101558709405, 0.45703891053857951588},
    {0.986251, 0.1511455, 0.98246492282878498289, 0.15144177577792126561},
    {0.351127, 10.85524, 0.012758083731599926404, 0.065418693330420491291},
    {0.844958, 0.01439477, 1.0916009344763540428, 0.020706696342805438974},
    {0.361001, 0.04578097, 2.4034003485778971145, 1.5240782085454975744},
    {0.974853, 115.9643, 0.000082801163758209485201, 0.0086192939023635230126},
    {0.382594, 0.009356288, 3.5124032652458162639, 0.66244044068627140022},
    {0.370732, 0.0003014028, 4.1571132426087957821, 0.035928937451424663242},
    {0.857915, 0.002638913, 1.0817296221668228852, 0.003657562396733239349},
    {0.691507, 0.3796637, 0.82441854950269786004, 0.5411359030375107849},
    {0.433479, 71.63969, 0.0010711665481955623691, 0.01248859426325490385},
    {0.391677, 14.1163, 0.0094882001839795122437, 0.054119924416443917409},
    {0.381556, 0.2322977, 0.83255938040366043908, 0.98858515474266727379},
    {0.449006, 0.01439991, 2.4123604501225581678, 0.3217928824032159936},
    {0.97965, 267.4804, 0.00001551640724439376166, 0.0037380323385306972397},
    {0.512902, 1199.281, 0.000013763400127558035489, 0.00082032842237097570857},
    {0.447497, 0.1426255, 1.2746692152412591218, 0.92180167960144309461},
    {0.898064, 13.63595, 0.0064460954098475552384, 0.071750184175332138596},
    {0.370233, 8211.331, 2.0507386087000336199e-6, 0.00011859452259267358455},
    {0.44927, 0.01164717, 2.4341282073687614498, 0.26606788207674837238},
    {0.840883, 0.04281968, 1.0915078382800980991, 0.06211853592479989339},
    {0.507427, 0.0003865346, 1.947012987571642279, 0.0042484670636497891242},
    // set B: beta in [0.3, 1), x in [1e-3, 10]
    {0.632199, 0.4264715, 0.72936605950339146139, 0.59518933860741320059},
    {0.766487, 0.003718788, 1.1699325351350155138, 0.0069845730388830457688},
    {0.307602, 0.03155135, 3.1209623987763072297, 2.4475717695452972305},
    {0.491834, 1.743381, 0.14279898045715965922, 0.32555457911089757433},
    {0.783415, 0.2545823, 0.9891196875858118292, 0.37141211228307442381},
    {0.690733, 0.4418596, 0.74912832030635145867, 0.55513340395867038128},
    {0.401712, 0.05757304, 2.0572091837227317041, 1.1317505821779773437},
    {0.413587, 4.206219, 0.043890948205440685205, 0.15600082093291549003},
    {0.341177, 1.884866, 0.096027002620266922668, 0.27463442655142905433},
    {0.352227, 0.5594767, 0.35132416365384522577, 0.64391623715557763484},
    {0.5359, 0.0415391, 1.6892473166971844981, 0.30445304434625823025},
    {0.889682, 0.001186908, 1.0589270180315866916, 0.0015097813337089982675},
    {0.342549, 4.572298, 0.03528442806025619516, 0.13552797534058474094},
    {0.656248, 0.002311596, 1.3519226627324306259, 0.0073642527622190823807},
    {0.990994, 6.121419, 0.026197951132312726793, 0.15869391463511482759},
    {0.378769, 0.04929768, 2.2697615856925108755, 1.3282490676950176956},
    {0.394549, 0.01778946, 3.0080487117113911432, 0.81787814129667504294},
    {0.735016, 0.004509169, 1.2109528882985079775, 0.0096364026166908325456},
    {0.787784, 0.001604772, 1.1457589225216746758, 0.002783788798035375426},
    {0.41985, 1.831431, 0.1183420615916002208, 0.2985441638466922432},
    {0.580363, 0.04735446, 1.5189679324523715527, 0.23986528911229281889},
    {0.71718, 0.08073707, 1.204709785172675494, 0.18009128254914966771},
    {0.569207, 0.001324273, 1.6173409757343918413, 0.0078489742562836488059},
    {0.808429, 7.410296, 0.02139678947963154361, 0.12482881704515706326},
    // set D: beta in [0.95, 1), x in [1e-2, 1e2]
    {0.955341, 6.46163, 0.024362202239812239305, 0.14918393219424610423},
    {0.982601, 57.73106, 0.0003191108920013349747, 0.017307184948342169466},
    {0.963555, 0.1054635, 1.0039043410522619034, 0.11175797077497812604},
    {0.986702, 4.303285, 0.051473863409486680331, 0.21932669275418110047},
    {0.965149, 5.456731, 0.033272328945371705801, 0.17525997621398331348},
    {0.969833, 12.88446, 0.006330365550252994956, 0.076803347829167053165},
    // set C: beta in [0.05, 0.3), x in [1e-12, 1e6]
    {0.114752, 2.160946, 0.030224346811697528834, 0.19650841802769998551},
    {0.22102, 1941.113, 0.00002529904372770587369, 0.00043811837659530851634},
    {0.096431, 1.412716e-8, 275420.52180973757287, 297278.89168380811},
    {0.08679, 1.129621e-8, 548341.18051804292575, 806198.90078995400422},
    {0.233506, 2.207163e-10, 37.049561835780732813, 0.000015193080089861182202},
    {0.182829, 7.08493e-9, 272.63062088258539509, 0.12189188420273757446},
    {0.123664, 5.867403e-5, 461.55763745957821545, 734.28070200873209728},
    {0.259414, 0.08937965, 1.4144848033711861145, 2.1466721766539992684},
    {0.086678, 4820.867, 8.161201886549455185e-6, 0.00013156232335172620452},
    {0.252435, 322.7328, 0.00020444275638342831958, 0.002546120918998118227},
    {0.256591, 25.43916, 0.0041071640751275156905, 0.027159481916170462875},
    {0.287331, 194.0305, 0.000365722375798370411, 0.0043025846681808596072},
    {0.114177, 1990.225, 0.000023924642869968274323, 0.00033950031156791325008},
    // set C, recomputed with finer breakpoints (the two angles agree to 2e-41)
    {0.053608, 9.227061e-8, 209005.0336194967488697, 1071389.888456700476985},
};

// Checks C and S (and so x·S, x·C) of one reference point; returns the larger error.
double check(const Ref& r, const std::string& where) {
  const auto t = kww_transform(r.beta, r.x);
  const double e = std::max(rel(t.c, r.c), rel(t.s, r.s));
  EXPECT_LE(e, kTarget) << where << ": beta " << r.beta << ", x " << r.x << ": C " << t.c << " vs "
                        << r.c << ", S " << t.s << " vs " << r.s;
  return e;
}

}  // namespace

TEST(RelaxKww, SharedReferenceGrid) {
  const std::filesystem::path path =
      std::filesystem::path(SOLYTE_SHARED_REFERENCE_DIR) / "kww" / "kww_reference.csv";
  if (!std::filesystem::exists(path))
    GTEST_SKIP() << "shared reference absent (" << path.string()
                 << "); RelaxKww.GridRowsCopied checks 22 of its rows";
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  ASSERT_EQ(line, "beta,j,log10_x,x,C,S,Mprime_over_Minf,Mdprime_over_Minf");
  std::size_t rows = 0;
  double worst = 0;
  while (std::getline(in, line)) {
    std::vector<double> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) f.push_back(std::strtod(cell.c_str(), nullptr));
    ASSERT_EQ(f.size(), 8u) << line;
    const Ref r{f[0], f[3], f[4], f[5]};
    worst = std::max(worst, check(r, "grid row " + std::to_string(rows + 1)));
    // The modulus columns are x·S and x·C.
    const auto m = kww_modulus(1.0, 1.0, r.beta, r.x);
    EXPECT_LE(rel(m.real(), f[6]), kTarget) << line;
    EXPECT_LE(rel(m.imag(), f[7]), kTarget) << line;
    ++rows;
  }
  EXPECT_EQ(rows, 198u);
  EXPECT_LE(worst, kRegression);
  RecordProperty("max_relative_error", sci(worst));
}

TEST(RelaxKww, GridRowsCopied) {
  double worst = 0;
  for (const auto& r : kGridRows) worst = std::max(worst, check(r, "copied grid row"));
  EXPECT_LE(worst, kRegression);
}

TEST(RelaxKww, OffGridMpmath) {
  double worst = 0;
  for (const auto& r : kOffGrid) worst = std::max(worst, check(r, "off-grid"));
  EXPECT_LE(worst, kRegression);
  RecordProperty("max_relative_error", sci(worst));
}

// Between the reference points: wherever a series answers, it must agree with the
// quadrature. The quadrature's own error is ≲ 1e-13 there, except S for x ≲ 1e-3 at
// β ≥ 1/2 (S ≪ C, ~1e-12), which the tolerance allows.
TEST(RelaxKww, SeriesAgreeWithQuadratureAcrossSwitches) {
  int low = 0, high = 0;
  double worst = 0;
  for (double beta = 0.30; beta < 1.0; beta += 0.0173) {
    for (double lx = -4.0; lx <= 4.0; lx += 0.0137) {
      const double x = std::pow(10.0, lx);
      const auto q = detail::kww_quadrature(beta, x);
      for (const auto& series :
           {detail::kww_low_x_series(beta, x), detail::kww_high_x_series(beta, x)}) {
        if (!series) continue;
        const double e = std::max(rel(series->c, q.c), rel(series->s, q.s));
        worst = std::max(worst, e);
        EXPECT_LE(e, 1e-11) << "beta " << beta << ", x " << x;
      }
      low += detail::kww_low_x_series(beta, x).has_value();
      high += detail::kww_high_x_series(beta, x).has_value();
    }
  }
  // Both series must take part, or the test would compare nothing.
  EXPECT_GT(low, 1000);
  EXPECT_GT(high, 1000);
  RecordProperty("max_series_vs_quadrature", sci(worst));
}

// A third, independent method between the reference points: Boost.Math's Ooura–Mori
// double-exponential Fourier quadrature on the real axis (ooura_fourier_cos/sin), which
// agrees with the mpmath points to ~1e-14 but costs 5–60 µs per pair. Its own error grows
// for C at large x (C ≪ S), hence the range.
TEST(RelaxKww, AgreesWithBoostOouraFourierBetweenGridPoints) {
  boost::math::quadrature::ooura_fourier_cos<double> cosine;
  boost::math::quadrature::ooura_fourier_sin<double> sine;
  double worst = 0;
  for (double beta = 0.31; beta < 1.0; beta += 0.0937) {
    const auto f = [beta](double s) { return std::exp(-std::pow(s, beta)); };
    for (double lx = -3.0; lx <= 2.0; lx += 0.0713) {
      const double x = std::pow(10.0, lx);
      const auto t = kww_transform(beta, x);
      const double e =
          std::max(rel(t.c, cosine.integrate(f, x).first), rel(t.s, sine.integrate(f, x).first));
      worst = std::max(worst, e);
      EXPECT_LE(e, 1e-11) << "beta " << beta << ", x " << x;
    }
  }
  RecordProperty("max_vs_boost_ooura", sci(worst));
}

TEST(RelaxKww, DebyeClosedForm) {
  for (double x : {0.0, 1e-300, 1e-8, 1e-3, 0.5, 1.0, 2.0, 1e3, 1e8, 1e200}) {
    const auto t = kww_transform(1.0, x);
    const double c = x <= 1 ? 1 / (1 + x * x) : (1 / (x * x)) / (1 + 1 / (x * x));
    const double s = x <= 1 ? x / (1 + x * x) : (1 / x) / (1 + 1 / (x * x));
    EXPECT_NEAR(t.c, c, 1e-15 * c) << x;
    EXPECT_NEAR(t.s, s, 1e-15 * s) << x;
  }
  // Continuity into β = 1: |∂F/∂β| is O(1), so β = 1 − 1e-9 is Debye to ~1e-8.
  for (double x : {1e-3, 0.3, 1.0, 3.0, 1e3}) {
    const auto near = kww_transform(1.0 - 1e-9, x);
    const auto debye = kww_transform(1.0, x);
    EXPECT_LE(rel(near.c, debye.c), 1e-7) << x;
    EXPECT_LE(rel(near.s, debye.s), 1e-7) << x;
  }
}

TEST(RelaxKww, ZeroFrequencyClosedForm) {
  // C(0) = ∫ e^{−s^β} ds = Γ(1 + 1/β): 2 at β = 1/2, 24 at β = 1/4, 1 at β = 1.
  EXPECT_DOUBLE_EQ(kww_transform(0.5, 0.0).c, 2.0);
  EXPECT_DOUBLE_EQ(kww_transform(0.25, 0.0).c, 24.0);
  EXPECT_DOUBLE_EQ(kww_transform(1.0, 0.0).c, 1.0);
  EXPECT_EQ(kww_transform(0.6, 0.0).s, 0.0);
  // And the transform tends to it, with S ≈ x·Γ(2/β)/β, the first term of the low-x
  // series. "Small" depends on β: the moments Γ((n+1)/β)/β grow so fast for small β that
  // at β = 0.05 the limit is reached only for x ≲ 1e-45.
  for (const auto& [beta, x] : {std::pair{0.05, 1e-80}, {0.3, 1e-20}, {0.6, 1e-12}, {0.9, 1e-9}}) {
    const auto zero = kww_transform(beta, 0.0);
    const auto small = kww_transform(beta, x);
    EXPECT_LE(rel(small.c, zero.c), 1e-15) << beta;
    EXPECT_LE(rel(small.s, x * std::tgamma(2 / beta) / beta), 1e-14) << beta;
  }
}

TEST(RelaxKww, ModulusPeakMatchesMethods) {
  // METHODS.md §7, five digits.
  const auto p60 = kww_modulus_peak(0.60);
  EXPECT_NEAR(p60.x_peak, 0.78299, 5e-6);
  EXPECT_NEAR(p60.height, 0.32300, 5e-6);
  const auto p66 = kww_modulus_peak(0.66);
  EXPECT_NEAR(p66.x_peak, 0.81248, 5e-6);
  EXPECT_NEAR(p66.height, 0.35180, 5e-6);
  // The paper's M'' peak frequencies f = x_p/(2πτ), four digits.
  const double two_pi = 2 * std::acos(-1.0);
  EXPECT_NEAR(p66.x_peak / (two_pi * 4.66e-3), 27.75, 0.005);
  EXPECT_NEAR(p60.x_peak / (two_pi * 3.94e-3), 31.63, 0.005);
  // Debye: x·C = x/(1+x²) peaks at x = 1 with height 1/2.
  const auto p1 = kww_modulus_peak(1.0);
  EXPECT_DOUBLE_EQ(p1.x_peak, 1.0);
  EXPECT_DOUBLE_EQ(p1.height, 0.5);
  // A maximum: the height is x·C(x) there and exceeds its neighbours.
  for (double beta : {0.05, 0.2, 0.45, 0.75, 0.999}) {
    const auto p = kww_modulus_peak(beta);
    const auto at = [beta](double x) { return x * kww_transform(beta, x).c; };
    EXPECT_NEAR(p.height, at(p.x_peak), 1e-15 * p.height) << beta;
    EXPECT_GE(p.height, at(p.x_peak * 1.01)) << beta;
    EXPECT_GE(p.height, at(p.x_peak / 1.01)) << beta;
    EXPECT_GT(p.height, 0.0);
  }
  // Near β = 1 the peak approaches Debye's.
  EXPECT_NEAR(kww_modulus_peak(0.999).x_peak, 1.0, 5e-3);
}

TEST(RelaxKww, MeanRelaxationTimeClosedForm) {
  EXPECT_DOUBLE_EQ(kww_mean_tau(1e-3, 1.0), 1e-3);
  EXPECT_NEAR(kww_mean_tau(1e-3, 0.5), 2e-3, 1e-18);  // Γ(2)/0.5 = 2
  EXPECT_NEAR(kww_mean_tau(2.0, 0.25), 48.0, 1e-13);  // Γ(4)/0.25 = 24
  EXPECT_NEAR(kww_mean_tau(1.0, 0.6), std::tgamma(1 / 0.6) / 0.6, 1e-15);
  // ⟨τ⟩/τ = C(0), the area under Φ.
  EXPECT_DOUBLE_EQ(kww_mean_tau(1.0, 0.66), kww_transform(0.66, 0.0).c);
}

TEST(RelaxKww, RelaxationFunction) {
  EXPECT_EQ(kww_relaxation(0.6, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(kww_relaxation(0.6, 1.0), std::exp(-1.0));
  EXPECT_DOUBLE_EQ(kww_relaxation(0.5, 4.0), std::exp(-2.0));
  EXPECT_DOUBLE_EQ(kww_relaxation(1.0, 3.0), std::exp(-3.0));
  EXPECT_EQ(kww_relaxation(0.3, 1e300), 0.0);
}

TEST(RelaxKww, ModulusHelper) {
  const double m_inf = 0.05, tau = 4.66e-3, beta = 0.66;
  for (double f : {1.0, 27.75, 1e3}) {
    const double omega = 2 * std::acos(-1.0) * f;
    const auto m = kww_modulus(m_inf, tau, beta, omega);
    const double x = omega * tau;
    const auto t = kww_transform(beta, x);
    EXPECT_DOUBLE_EQ(m.real(), m_inf * x * t.s);
    EXPECT_DOUBLE_EQ(m.imag(), m_inf * x * t.c);
  }
  EXPECT_EQ(kww_modulus(0.05, 1e-3, 0.6, 0.0), std::complex<double>(0.0, 0.0));
  // At high frequency M'/M∞ = x·S → 1 − Γ(1+β)cos(πβ/2)x^{−β} and
  // M''/M∞ = x·C → Γ(1+β)sin(πβ/2)x^{−β} (first terms of the high-x series; the next ones
  // are smaller by x^{−β} = 6e-8).
  const double x = 1e12, a = std::tgamma(1.6) * std::pow(x, -0.6);
  const auto high = kww_modulus(1.0, 1.0, 0.6, x);
  EXPECT_NEAR(high.real(), 1 - a * std::cos(0.3 * std::acos(-1.0)), 1e-15);
  EXPECT_NEAR(high.imag(), a * std::sin(0.3 * std::acos(-1.0)), 1e-7 * high.imag());
}

TEST(RelaxKww, PositiveAndFiniteEverywhere) {
  // C > 0 and S > 0 for x > 0 (e^{−s^β} is completely monotone for β ≤ 1), and never NaN,
  // over the whole supported range including extreme x.
  for (double beta : {0.05, 0.07, 0.1, 0.2, 0.3, 0.45, 0.5, 0.55, 0.7, 0.9, 0.99, 1 - 1e-12}) {
    for (double lx = -300; lx <= 300; lx += 1.7) {
      const double x = std::pow(10.0, lx);
      const auto t = kww_transform(beta, x);
      ASSERT_TRUE(std::isfinite(t.c) && std::isfinite(t.s)) << beta << " " << x;
      ASSERT_GE(t.c, 0.0) << beta << " " << x;
      ASSERT_GT(t.s, 0.0) << beta << " " << x;
      if (lx > -20 && lx < 20) {
        ASSERT_GT(t.c, 0.0) << beta << " " << x;
      }
    }
  }
  // Largest finite x: S = 1/x to rounding, C underflows to 0 but is not NaN.
  const double big = std::numeric_limits<double>::max();
  const auto t = kww_transform(0.6, big);
  EXPECT_NEAR(t.s * big, 1.0, 1e-15);
  EXPECT_EQ(t.c, 0.0);
}

TEST(RelaxKww, ThreadSafe) {
  std::vector<std::pair<double, double>> pts;
  for (double beta : {0.07, 0.3, 0.55, 0.66, 0.8})
    for (double lx = -5; lx <= 5; lx += 0.25) pts.emplace_back(beta, std::pow(10.0, lx));
  std::vector<KwwTransform> serial;
  for (const auto& [b, x] : pts) serial.push_back(kww_transform(b, x));
  std::vector<std::vector<KwwTransform>> parallel(4);
  std::vector<std::thread> threads;
  for (auto& out : parallel)
    threads.emplace_back([&pts, &out] {
      for (int rep = 0; rep < 20; ++rep) {
        out.clear();
        for (const auto& [b, x] : pts) out.push_back(kww_transform(b, x));
      }
    });
  for (auto& th : threads) th.join();
  for (const auto& out : parallel)
    for (std::size_t i = 0; i < pts.size(); ++i) {
      EXPECT_EQ(out[i].c, serial[i].c);
      EXPECT_EQ(out[i].s, serial[i].s);
    }
}

TEST(RelaxKww, BadInputThrows) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  for (double beta : {0.0, -0.5, 0.04, 1.0000001, 2.0, nan, inf}) {
    EXPECT_THROW(kww_transform(beta, 1.0), InvalidArgument) << beta;
    EXPECT_THROW(kww_relaxation(beta, 1.0), InvalidArgument) << beta;
    EXPECT_THROW(kww_mean_tau(1.0, beta), InvalidArgument) << beta;
    EXPECT_THROW(kww_modulus(1.0, 1.0, beta, 1.0), InvalidArgument) << beta;
    EXPECT_THROW(kww_modulus_peak(beta), InvalidArgument) << beta;
  }
  for (double x : {-1e-300, -1.0, nan, inf, -inf}) {
    EXPECT_THROW(kww_transform(0.6, x), InvalidArgument) << x;
    EXPECT_THROW(kww_relaxation(0.6, x), InvalidArgument) << x;
  }
  EXPECT_THROW(kww_mean_tau(0.0, 0.6), InvalidArgument);
  EXPECT_THROW(kww_mean_tau(-1.0, 0.6), InvalidArgument);
  EXPECT_THROW(kww_mean_tau(inf, 0.6), InvalidArgument);
  EXPECT_THROW(kww_modulus(1.0, 0.0, 0.6, 1.0), InvalidArgument);
  EXPECT_THROW(kww_modulus(1.0, 1e-3, 0.6, -1.0), InvalidArgument);
  EXPECT_THROW(kww_modulus(nan, 1e-3, 0.6, 1.0), InvalidArgument);
  EXPECT_THROW(kww_modulus(1.0, 1e300, 0.6, 1e300), InvalidArgument);  // ωτ overflows
}
