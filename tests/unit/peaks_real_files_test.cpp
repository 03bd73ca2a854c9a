// The band analysis on the real spectra of ../shared/data (skipped when absent).
//  * Bruker OPUS .dpt IR of SCH-176 (transmittance, headerless columns): as absorbance, the C–H
//    stretching region shows the methylene pair, antisymmetric at 2926 and symmetric at
//    2853 cm⁻¹ ± 10 (R. M. Silverstein, F. X. Webster, D. J. Kiemle, Spectrometric Identification
//    of Organic Compounds, 7th ed. (2005), ch. 2); the fit must find both there with finite
//    errors.
//  * Raman of PD-01-02 (199–1298 cm⁻¹, header 'Wave'/'#Intensity', descending axis): the strongest
//    band is at 462 cm⁻¹ (regression value of this library, checked by eye on the file), found by
//    detection and by a pseudo-Voigt fit over 420–510 cm⁻¹ with a SNIP baseline.
//  * rampy's hydrous glass Raman ac8014 (headerless): the O–H stretching band of the water in
//    the glass, whose maximum lies near 3550–3600 cm⁻¹ (Le Losq et al., Am. Mineral. 97, 779
//    (2012), the rameau calibration set); above a straight baseline the maximum must fall in
//    3500–3650 cm⁻¹ and the band-area ratio of its upper half to its lower shoulder be > 1 with
//    a finite error.
#include <gtest/gtest.h>

#include <cmath>

#include "solyte/io/read_measurements.hpp"
#include "solyte/peaks/analysis.hpp"
#include "test_support.hpp"

using namespace solyte;
using namespace solyte::peaks;

TEST(PeaksRealFiles, InfraredMethyleneStretches) {
  const auto path = test::shared_data("raman_ir_dsc/chemotion_ir_bruker/SCH-176.0.dpt");
  SOLYTE_REQUIRE_SHARED(path);
  const auto m = io::read_measurements(path.string()).at(0);
  ASSERT_GE(m.columns.size(), 2u);
  const auto& x = m.columns[0].values;
  std::vector<double> absorbance;
  for (double t : m.columns[1].values) absorbance.push_back(-std::log10(t));
  PeakAnalysisOptions o;
  o.range = {{2800, 3000}};
  o.baseline = {
      .method = BaselineMethod::polynomial, .degree = 1, .anchors = {{2800, 2815}, {2985, 3000}}};
  o.positions = {2853, 2926};
  const auto a = analyse_peaks(x, absorbance, o);
  ASSERT_TRUE(a.fit);
  ASSERT_EQ(a.fit->peaks.size(), 2u);
  EXPECT_NEAR(a.fit->peaks[0].peak.center, 2853, 10);
  EXPECT_NEAR(a.fit->peaks[1].peak.center, 2926, 10);
  for (const auto& p : a.fit->peaks) {
    EXPECT_GT(p.peak.area, 0);
    EXPECT_TRUE(std::isfinite(p.area_err) && p.area_err > 0);
    EXPECT_LT(p.area_err, 0.2 * p.peak.area);
  }
}

TEST(PeaksRealFiles, RamanStrongestBand) {
  const auto path = test::shared_data("raman_ir_dsc/chemotion_raman/PD-01-02_Average_1.txt");
  SOLYTE_REQUIRE_SHARED(path);
  const auto m = io::read_measurements(path.string()).at(0);
  const auto& x = m.columns.at(0).values;  // 'Wave', descending
  const auto& y = m.require(Quantity::intensity).values;
  ASSERT_GT(x.front(), x.back());
  PeakAnalysisOptions o;
  o.range = {{420, 510}};
  o.baseline = {
      .method = BaselineMethod::polynomial, .degree = 1, .anchors = {{420, 430}, {500, 510}}};
  o.detect.max_peaks = 1;
  const auto a = analyse_peaks(x, y, o);
  ASSERT_EQ(a.detected.size(), 1u);
  EXPECT_NEAR(a.detected[0].x, 462, 1.5);
  ASSERT_TRUE(a.fit && a.fit->report.usable());
  EXPECT_NEAR(a.fit->peaks[0].peak.center, 462, 1.5);
  EXPECT_GT(a.fit->peaks[0].total_fwhm, 10);
  EXPECT_LT(a.fit->peaks[0].total_fwhm, 40);
}

TEST(PeaksRealFiles, GlassWaterBand) {
  const auto path = test::shared_data("raman_ir_dsc/rampy_glass_raman/ac8014.txt");
  SOLYTE_REQUIRE_SHARED(path);
  const auto m = io::read_measurements(path.string()).at(0);
  const auto& x = m.columns.at(0).values;
  const auto& y = m.columns.at(1).values;
  // Between 3100 and 3800 cm⁻¹ the band sits on a background falling from ≈ 2000 to ≈ 950
  // counts: a straight baseline through both ends.
  PeakAnalysisOptions o;
  o.range = {{3100, 3800}};
  o.baseline = {
      .method = BaselineMethod::polynomial, .degree = 1, .anchors = {{3100, 3180}, {3760, 3800}}};
  o.fit = false;
  o.ratios = {{{3450, 3700}, {3200, 3450}}};  // the band's upper half over its lower shoulder
  const auto a = analyse_peaks(x, y, o);
  std::size_t top = 0;
  for (std::size_t i = 0; i < a.x.size(); ++i)
    if (a.corrected[i] > a.corrected[top]) top = i;
  EXPECT_GT(a.x[top], 3500);
  EXPECT_LT(a.x[top], 3650);
  ASSERT_EQ(a.ratios.size(), 1u);
  EXPECT_GT(a.ratios[0].numerator, 0);
  EXPECT_GT(a.ratios[0].ratio, 1);  // the maximum is in the upper half
  EXPECT_TRUE(std::isfinite(a.ratios[0].ratio_err));
  EXPECT_LT(a.ratios[0].ratio_err, 0.05 * a.ratios[0].ratio);
}
