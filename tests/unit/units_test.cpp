// Unit parsing at the CLI boundary (DESIGN.md "Units"). Reference values are closed forms:
// 1 mm = 1e-3 m, T[K] = T[°C] + 273.15 (definition of the Celsius scale).
#include "solyte/units.hpp"

#include <gtest/gtest.h>

#include "solyte/error.hpp"

using namespace solyte;

TEST(Units, Lengths) {
  EXPECT_DOUBLE_EQ(parse_length_m("0.5mm"), 0.5e-3);
  EXPECT_DOUBLE_EQ(parse_length_m("10 mm"), 10e-3);
  EXPECT_DOUBLE_EQ(parse_length_m("2.1e-3 m"), 2.1e-3);
  EXPECT_DOUBLE_EQ(parse_length_m("0.21cm"), 0.21e-2);
  EXPECT_DOUBLE_EQ(parse_length_m("500 \xC2\xB5m"), 500e-6);
  EXPECT_DOUBLE_EQ(parse_length_m("500um"), 500e-6);
}

TEST(Units, Temperatures) {
  EXPECT_DOUBLE_EQ(parse_temperature_k("25C"), 298.15);
  EXPECT_DOUBLE_EQ(parse_temperature_k("298.15K"), 298.15);
  EXPECT_DOUBLE_EQ(parse_temperature_k("-30 \xC2\xB0" "C"), 243.15);
  EXPECT_DOUBLE_EQ(parse_temperature_k("+25C"), 298.15);
  EXPECT_DOUBLE_EQ(parse_temperature_k("140degC"), 413.15);
  EXPECT_DOUBLE_EQ(parse_temperature_k("25 \xC2\xB0 C"), 298.15);
}

TEST(Units, FrequencyAndArea) {
  EXPECT_DOUBLE_EQ(parse_frequency_hz("1 MHz"), 1e6);
  EXPECT_DOUBLE_EQ(parse_frequency_hz("10mHz"), 10e-3);
  EXPECT_DOUBLE_EQ(parse_frequency_hz("1e3"), 1e3);
  EXPECT_DOUBLE_EQ(parse_area_m2("0.785 cm2"), 0.785e-4);
  EXPECT_DOUBLE_EQ(parse_area_m2("78.5mm^2"), 78.5e-6);
}

TEST(Units, RejectsAmbiguousAndBadValues) {
  EXPECT_THROW(parse_length_m("0.5"), InvalidArgument);        // no unit
  EXPECT_THROW(parse_length_m("0.5 furlong"), InvalidArgument);
  EXPECT_THROW(parse_length_m("-1mm"), InvalidArgument);
  EXPECT_THROW(parse_length_m("mm"), InvalidArgument);
  EXPECT_THROW(parse_temperature_k("25"), InvalidArgument);    // °C or K?
  EXPECT_THROW(parse_temperature_k("-300C"), InvalidArgument); // below 0 K
  EXPECT_THROW(parse_temperature_k("25F"), InvalidArgument);
  EXPECT_THROW(parse_frequency_hz("0 Hz"), InvalidArgument);
  EXPECT_THROW(parse_length_m("nan mm"), InvalidArgument);
  try {
    parse_temperature_k("25");
  } catch (const InvalidArgument& e) {
    EXPECT_NE(std::string(e.what()).find("298.15K"), std::string::npos) << e.what();
  }
}

TEST(Units, Conductivity) {
  EXPECT_DOUBLE_EQ(parse_conductivity_s_per_m("4mS/cm"), 0.4);
  EXPECT_DOUBLE_EQ(parse_conductivity_s_per_m("1e-3 S/cm"), 0.1);
  EXPECT_DOUBLE_EQ(parse_conductivity_s_per_m("0.4 S/m"), 0.4);
  EXPECT_THROW(parse_conductivity_s_per_m("4"), InvalidArgument);
  EXPECT_THROW(parse_conductivity_s_per_m("4 mS"), InvalidArgument);
}
