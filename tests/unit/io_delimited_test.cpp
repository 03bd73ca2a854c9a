// Delimited-text reader: delimiter and header detection, column names, sign normalisation,
// comma decimals, layouts, and every kind of damage. Synthetic tables are written here with
// values whose expected reading is exact (or a closed form: |Z|·e^{iφ}); real files are
// checked against their own first/last rows and point counts (counted with awk/wc).
#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <string>

#include "solyte/error.hpp"
#include "solyte/io/read_spectra.hpp"
#include "test_support.hpp"

using solyte::ParseError;
using solyte::Spectrum;
using solyte::io::ColumnLayout;
using solyte::io::read_spectra;
using solyte::io::read_spectra_from_bytes;

namespace {

Spectrum read_one(const std::string& text, const solyte::io::ReadOptions& opt = {}) {
  auto v = read_spectra_from_bytes(text, "s.csv", opt);
  EXPECT_EQ(v.size(), 1u);
  solyte::validate(v.at(0), 3);
  return v.at(0);
}

// Expects a ParseError at `line`:`column` whose text contains `needle`.
void expect_error(const std::string& text, std::size_t line, std::size_t column,
                  const std::string& needle, const solyte::io::ReadOptions& opt = {}) {
  try {
    read_spectra_from_bytes(text, "s.csv", opt);
    ADD_FAILURE() << "no ParseError for:\n" << text;
  } catch (const ParseError& e) {
    EXPECT_EQ(e.file(), "s.csv");
    EXPECT_EQ(e.line(), line) << e.what();
    EXPECT_EQ(e.column(), column) << e.what();
    EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
  }
}

const std::string kRows =
    "1e6,100,-50\n"
    "1e5,200,-150\n"
    "1e4,900,-400\n"
    "1e3,1500,-100\n";

}  // namespace

TEST(IoDelimited, CsvWithHeader) {
  const Spectrum s = read_one("freq/Hz,Z'/Ohm,Z''/Ohm\n" + kRows);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s.frequency_hz[1], 1e5);
  EXPECT_EQ(s.impedance_ohm[2], std::complex<double>(900, -400));
  EXPECT_EQ(s.meta.format, "delimited");
  EXPECT_EQ(s.meta.source_file, "s.csv");
  EXPECT_TRUE(s.meta.warnings.empty());
}

TEST(IoDelimited, HeaderlessTsvWithCrlfAndIncreasingFrequency) {
  const Spectrum s = read_one("1e3\t1500\t-100\r\n1e4\t900\t-400\r\n1e5\t200\t-150\r\n");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s.frequency_hz[0], 1e3);
  EXPECT_EQ(s.impedance_ohm[2], std::complex<double>(200, -150));
}

TEST(IoDelimited, WhitespaceAndSemicolonWithCommaDecimals) {
  Spectrum s = read_one("1,5e6  100,5  -50,25\n1,5e5 200 -150\n1,5e4\t900\t-400,0\n");
  EXPECT_EQ(s.frequency_hz[0], 1.5e6);
  EXPECT_EQ(s.impedance_ohm[0], std::complex<double>(100.5, -50.25));
  s = read_one("Frequenz;Re(Z);-Im(Z)\n1,5e6;100,5;50,25\n1,5e5;200;150\n1,5e4;900;400\n");
  EXPECT_EQ(s.impedance_ohm[0], std::complex<double>(100.5, -50.25));
  EXPECT_TRUE(s.meta.warnings.empty());
  // A trailing delimiter (spreadsheet exports) adds no column.
  s = read_one("f;Z';Z'';\n1;2;-3;\n2;3;-4;\n3;4;-5;\n");
  EXPECT_EQ(s.impedance_ohm[2], std::complex<double>(4, -5));
}

TEST(IoDelimited, HeaderNamesChooseTheColumns) {
  // Gamry-like: index and time first, Zmod/Zphz after; a units line under the names.
  const Spectrum s = read_one(
      "Pt\tTime\tFreq\tZreal\tZimag\tZmod\tZphz\n"
      "#\ts\tHz\tohm\tohm\tohm\t\xC2\xB0\n"
      "0\t1\t1e6\t100\t-50\t111.8\t-26.6\n"
      "1\t2\t1e5\t200\t-150\t250\t-36.9\n"
      "2\t3\t1e4\t900\t-400\t984.9\t-24.0\n");
  EXPECT_EQ(s.frequency_hz[0], 1e6);
  EXPECT_EQ(s.impedance_ohm[1], std::complex<double>(200, -150));
}

TEST(IoDelimited, CommentsPreambleQuotesAndNames) {
  const Spectrum s = read_one(
      "# exported by hand\n"
      "# sample: pellet A\n"
      "\"Frequency (Hz)\",\"Z' (Ohm)\",\"-Z'' (Ohm)\",\"notes\"\n"
      "\"1e6\",\"100\",\"50\",\"1\"\n"
      "\"1e5\",\"200\",\"150\",\"2\"\n"
      "\"1e4\",\"900\",\"400\",\"3\"\n");
  EXPECT_EQ(s.impedance_ohm[0], std::complex<double>(100, -50));
  EXPECT_TRUE(s.meta.warnings.empty());
}

TEST(IoDelimited, ChiStyleDoubleQuoteMeansDoublePrime) {
  const Spectrum s = read_one(
      "Freq/Hz, Z'/ohm, Z\"/ohm, Z/ohm, Phase/deg\n\n"
      "1e3, 3, -4, 5, -53.13\n1e2, 6, -8, 10, -53.13\n1e1, 9, -12, 15, -53.13\n");
  EXPECT_EQ(s.impedance_ohm[1], std::complex<double>(6, -8));
}

TEST(IoDelimited, PositiveImaginaryPartIsNegatedWithAWarning) {
  const Spectrum s = read_one("f,Zre,Zim\n1e6,100,50\n1e5,200,150\n1e4,900,-1\n");
  EXPECT_EQ(s.impedance_ohm[0], std::complex<double>(100, -50));
  EXPECT_EQ(s.impedance_ohm[2], std::complex<double>(900, 1));  // the inductive point stays so
  ASSERT_EQ(s.meta.warnings.size(), 1u);
  EXPECT_NE(s.meta.warnings[0].find("negated"), std::string::npos);
  // An explicit "-Z''" header that holds mostly positive values after negation is
  // normalised the same way.
  const Spectrum t = read_one("f,Z',-Z''\n1e6,100,-50\n1e5,200,-150\n1e4,900,-400\n");
  EXPECT_EQ(t.impedance_ohm[0], std::complex<double>(100, -50));
  EXPECT_EQ(t.meta.warnings.size(), 1u);
  // Exactly half positive is not a majority: nothing changes.
  const Spectrum u = read_one("f,Z',Z''\n4,1,1\n3,1,-1\n2,1,1\n1,1,-1\n");
  EXPECT_EQ(u.impedance_ohm[0].imag(), 1.0);
  EXPECT_TRUE(u.meta.warnings.empty());
}

TEST(IoDelimited, ModulusAndPhase) {
  // Z = |Z|·(cos φ + i sin φ); |Z| = 100 and φ = −30° give (50√3, −50).
  Spectrum s =
      read_one("Freq [Hz]   |Z| [Ohm]   Phase [deg]\n1e3 100 -30\n1e2 100 -30\n1e1 100 -30\n");
  EXPECT_NEAR(s.impedance_ohm[0].real(), 50 * std::sqrt(3.0), 1e-9);
  EXPECT_NEAR(s.impedance_ohm[0].imag(), -50, 1e-9);
  s = read_one("f,Zmod,Phase (rad)\n1e3,100,-0.5235987755982988\n1e2,1,-1\n1e1,1,-1\n");
  EXPECT_NEAR(s.impedance_ohm[0].imag(), -50, 1e-9);
  // A file storing −phase (positive for a capacitor) is normalised with a warning.
  s = read_one("freq,mod,theta\n1e3,100,30\n1e2,100,30\n1e1,100,30\n");
  EXPECT_NEAR(s.impedance_ohm[0].imag(), -50, 1e-9);
  EXPECT_EQ(s.meta.warnings.size(), 1u);
}

TEST(IoDelimited, ColumnLayoutOverridesTheHeader) {
  const std::string text = "a,b,c\n1e3,100,50\n1e2,200,150\n1e1,300,250\n";
  Spectrum s = read_one(text, {.columns = ColumnLayout::real_neg_imag});
  EXPECT_EQ(s.impedance_ohm[0], std::complex<double>(100, -50));
  EXPECT_TRUE(s.meta.warnings.empty());
  // With the caller saying "−Z''", negative values stay as given (inductive data).
  s = read_one("1e3,100,-50\n1e2,200,-150\n1e1,300,-250\n",
               {.columns = ColumnLayout::real_neg_imag});
  EXPECT_EQ(s.impedance_ohm[0], std::complex<double>(100, 50));
  s = read_one("1e3,100,-30\n1e2,100,-30\n1e1,100,-30\n", {.columns = ColumnLayout::modulus_phase});
  EXPECT_NEAR(s.impedance_ohm[0].imag(), -50, 1e-9);
  s = read_one("Freq,Zmod,Zphz\n1e3,100,-50\n1e2,200,-150\n1e1,300,-250\n",
               {.columns = ColumnLayout::real_imag});
  EXPECT_EQ(s.impedance_ohm[0], std::complex<double>(100, -50));
}

TEST(IoDelimited, ExtraColumnsAndTemperatureColumn) {
  const Spectrum s = read_one(
      "Freq/Hz\tRe(Z)/Ohm\t-Im(Z)/Ohm\tTemperature/\xC2\xB0"
      "C\tI/mA\n"
      "1e3\t1\t1\t24.5\t0.1\n1e2\t2\t2\t25.5\t0.1\n1e1\t3\t3\t25.0\t0.1\n");
  ASSERT_TRUE(s.meta.temperature_k);
  EXPECT_NEAR(*s.meta.temperature_k, 298.15, 1e-9);
  EXPECT_EQ(s.meta.temperature_source, solyte::TemperatureSource::file);
  EXPECT_EQ(s.impedance_ohm[1], std::complex<double>(2, -2));
}

TEST(IoDelimited, HeaderlessWithMoreColumnsWarns) {
  const Spectrum s = read_one("1e3,1,-1,7\n1e2,2,-2,7\n1e1,3,-3,7\n");
  EXPECT_EQ(s.impedance_ohm[2], std::complex<double>(3, -3));
  ASSERT_EQ(s.meta.warnings.size(), 1u);
  EXPECT_NE(s.meta.warnings[0].find("no column header"), std::string::npos);
}

TEST(IoDelimited, DamagedRowsAreParseErrors) {
  expect_error("f,Z',Z''\n1e6,100,-50\n1e5,abc,-150\n1e4,900,-400\n", 3, 2,
               "expected a number for Z' (field 2), found 'abc'");
  expect_error("1e6,100,-50\n1e5,200,-150\n1e4,900,-400\n1e3,7\n1e2,1,1\n", 4, 3,
               "expected 3 comma-separated fields");
  // Truncated last line, no final newline.
  expect_error(kRows + "1e2,15", 5, 3, "truncated");
  expect_error(kRows + "1e2,15,-1,9\n", 5, 4, "found 4");
  expect_error(kRows + "1e2,,-1\n", 5, 2, "found an empty field");
  // Damage in the first rows is reported, not skipped as a preamble.
  expect_error("1e6,100,-50\nx,200,-150\n1e4,900,-400\n1e3,1500,-100\n1e2,1,1\n", 2, 1,
               "expected a number for frequency (field 1), found 'x'");
  expect_error("1e6,100\n1e5,200,-150\n1e4,900,-400\n1e3,1500,-100\n", 1, 3, "truncated");
}

TEST(IoDelimited, NonFiniteAndNonPositiveValues) {
  expect_error("f,Z',Z''\n1e6,100,-50\n1e5,nan,-150\n1e4,900,-400\n", 3, 2, "finite number");
  expect_error("f,Z',Z''\n1e6,100,-50\n1e5,200,-inf\n1e4,900,-400\n", 3, 3, "finite number");
  expect_error("f,Z',Z''\n1e6,100,-50\n0,200,-150\n1e4,900,-400\n", 3, 1, "positive frequency");
  expect_error("1e6,100,-50\n-1e5,200,-150\n1e4,900,-400\n", 2, 1, "positive frequency");
  expect_error("f,Zmod,phase\n1e6,100,-50\n1e5,-2,-1\n1e4,9,-4\n", 3, 2, "non-negative |Z|");
  expect_error("1e999,100,-50\n1e5,200,-150\n1e4,900,-400\n", 1, 1, "finite");
}

TEST(IoDelimited, FrequenciesMustBeMonotonic) {
  expect_error(kRows + "1e6,100,-50\n1e5,200,-150\n1e4,900,-400\n", 5, 1,
               "split it into one file per sweep");
  expect_error("1e6,100,-50\n1e5,200,-150\n1e5,900,-400\n", 3, 1, "strictly decreasing");
}

TEST(IoDelimited, EmptyOrTooShortFiles) {
  expect_error("", 0, 0, "empty file");
  expect_error(" \n\t\r\n", 0, 0, "empty file");
  expect_error("hello\nworld\n", 0, 0, "no table of numbers");
  expect_error("f,Z',Z''\n1e6,100,-50\n1e5,200,-150\n", 3, 0, "at least 3 data points");
  expect_error("1e6,100\n", 1, 0, "at least 3 columns");
  expect_error("freq,a,b\n1e6,100,-50\n1e5,200,-150\n1e4,900,-400\n", 1, 0, "either Z' and Z''");
}

TEST(IoDelimited, RealFiles) {
  using solyte::test::test_data;
  // impedance.py exampleData.csv: headerless, increasing f, 66 rows.
  auto v = read_spectra(test_data("io/delimited/exampleData.csv").string());
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].size(), 66u);
  EXPECT_DOUBLE_EQ(v[0].frequency_hz[0], 3.1622999999999998e-03);
  EXPECT_DOUBLE_EQ(v[0].impedance_ohm[0].real(), 4.949989776405060160e-02);
  EXPECT_DOUBLE_EQ(v[0].impedance_ohm[0].imag(), -2.043869854441892481e-02);

  // CH Instruments: preamble, "Z\"/ohm" header, comma+space delimiter, 73 rows.
  v = read_spectra(test_data("io/delimited/exampleDataCHInstruments.txt").string());
  EXPECT_EQ(v[0].size(), 73u);
  EXPECT_EQ(v[0].frequency_hz.front(), 9.961e4);
  EXPECT_EQ(v[0].impedance_ohm.front(), std::complex<double>(98.91, -2.748));
  EXPECT_EQ(v[0].impedance_ohm.back(), std::complex<double>(5685, -15860));

  // Autolab: UTF-8 BOM, quoted blank-separated header above comma-separated rows, 41 rows.
  v = read_spectra(test_data("io/delimited/exampleDataAutolab.txt").string());
  EXPECT_EQ(v[0].size(), 41u);
  EXPECT_EQ(v[0].frequency_hz.back(), 0.1);
  EXPECT_DOUBLE_EQ(v[0].impedance_ohm.front().real(), 0.013785863964281);
  EXPECT_DOUBLE_EQ(v[0].impedance_ohm.back().imag(), -0.00390292888845954);

  // pyDRTtools LIB_data.txt: blank-separated with trailing blanks, 107 rows.
  v = read_spectra(test_data("io/delimited/LIB_data.txt").string());
  EXPECT_EQ(v[0].size(), 107u);
  EXPECT_DOUBLE_EQ(v[0].impedance_ohm.front().imag(), 0.00318273902);  // inductive point kept

  // bayes-drt Gamry-style table: Latin-1, preamble, names + units lines, leading tabs; the
  // name holds "2065C" (a process temperature) and "500C" (the measurement): last wins.
  v = read_spectra(test_data("io/delimited/PDAC_COM3_02109_Contact10_2065C_500C.txt").string(),
                   {.temperature_from_name = true});
  EXPECT_EQ(v[0].size(), 106u);
  EXPECT_DOUBLE_EQ(v[0].frequency_hz.front(), 1.000020e6);
  EXPECT_EQ(v[0].impedance_ohm.front(), std::complex<double>(1.798840e3, -4.575437e2));
  EXPECT_DOUBLE_EQ(*v[0].meta.temperature_k, 773.15);
  EXPECT_EQ(v[0].meta.temperature_source, solyte::TemperatureSource::file_name);
  ASSERT_EQ(v[0].meta.warnings.size(), 1u);
  EXPECT_NE(v[0].meta.warnings[0].find("several temperatures"), std::string::npos);
}

// A "temperature" key in the preamble gives the temperature (solyte's synthetic files write
// "# temperature_K: …"); the unit comes from the key or the value, never guessed.
TEST(IoDelimited, PreambleTemperature) {
  const std::string table = "f,zre,zim\n1000,1,-1\n100,2,-1\n10,3,-1\n";
  auto s = read_one("# temperature_K: 173.15\n" + table);
  ASSERT_TRUE(s.meta.temperature_k);
  EXPECT_DOUBLE_EQ(*s.meta.temperature_k, 173.15);
  EXPECT_EQ(s.meta.temperature_source, solyte::TemperatureSource::file);
  s = read_one("Temperature [\xC2\xB0" "C] = -30\n" + table);
  ASSERT_TRUE(s.meta.temperature_k);
  EXPECT_DOUBLE_EQ(*s.meta.temperature_k, 243.15);
  s = read_one("temperature: 25 C\n" + table);
  ASSERT_TRUE(s.meta.temperature_k);
  EXPECT_DOUBLE_EQ(*s.meta.temperature_k, 298.15);
  s = read_one("temperature: 25\n" + table);   // no unit: ignored, with a warning
  EXPECT_FALSE(s.meta.temperature_k);
  EXPECT_FALSE(s.meta.warnings.empty());
  s = read_one("# Temperature controller: Novotherm\n" + table);   // not a temperature
  EXPECT_FALSE(s.meta.temperature_k);
}
