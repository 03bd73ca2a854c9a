// One 29-point spectrum written by pyimpspec's fixtures in several instrument formats
// (GPL-3.0, read from ../shared/data): every format read through read_spectra must give the
// same spectrum, to the digits each format prints. data.mpt (8 significant digits) is the
// reference.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "solyte/io/read_measurements.hpp"
#include "solyte/io/read_spectra.hpp"
#include "test_support.hpp"

TEST(IoSameSpectrum, EveryFormatGivesTheSameSpectrum) {
  const auto dir = solyte::test::shared_data("eis_vendor_formats/pyimpspec_same_spectrum");
  SOLYTE_REQUIRE_SHARED(dir / "data.mpt");
  const auto ref = solyte::io::read_spectra((dir / "data.mpt").string()).at(0);
  ASSERT_EQ(ref.size(), 29u);
  struct Case {
    const char* file;
    const char* format;
    double rel;                // relative agreement the file's printed digits allow
    std::size_t spectra = 1;  // the .ids data set holds the measurement twice
  };
  const Case cases[] = {
      {"data.dta", "gamry-dta", 1e-6},    // Gamry prints 7 significant digits
      {"data.z", "zplot", 1e-6},          // 1.090092E+02: 7 digits
      {"data.dfr", "autolab-dfr", 1e-7},  // full doubles (vs the 8 digits of data.mpt)
      {"data.i2b", "delimited", 1e-7},    // full doubles
      {"data.P00", "delimited", 5e-4},    // 11.210e+01 for 112.0578: 4 digits, zero-padded
      // 1.09009E+02: 6 significant digits, within 5·10⁻⁶ of the value relative to itself
      // (mantissa 1.00000 at worst; so also relative to |Z| for Z' and Z''), plus the 5·10⁻⁸
      // of data.mpt's 8 digits.
      {"data.idf", "ivium-idf", 5.05e-6},
      {"data.ids", "ivium-idf", 5.05e-6, 2},
      {"data.pssession", "palmsens-pssession", 1e-7},  // full doubles (JSON)
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    const auto v = solyte::io::read_spectra((dir / c.file).string());
    ASSERT_EQ(v.size(), c.spectra);
    for (const auto& s : v) {
      EXPECT_EQ(s.meta.format, c.format);
      ASSERT_EQ(s.size(), ref.size());
      for (std::size_t i = 0; i < s.size(); ++i) {
        EXPECT_NEAR(s.frequency_hz[i], ref.frequency_hz[i], c.rel * ref.frequency_hz[i]) << i;
        const double scale = std::abs(ref.impedance_ohm[i]);
        EXPECT_NEAR(s.impedance_ohm[i].real(), ref.impedance_ohm[i].real(), c.rel * scale) << i;
        EXPECT_NEAR(s.impedance_ohm[i].imag(), ref.impedance_ohm[i].imag(), c.rel * scale) << i;
      }
    }
  }
}
