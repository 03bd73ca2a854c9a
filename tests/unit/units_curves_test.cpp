// Unit parsing for the curve commands (cv, ccd, ccd-protocol, dsc). Reference values are the
// SI definitions: 1 mAh = 3.6 C, 1 cm² = 1e-4 m², 1 mg = 1e-6 kg, 1 min = 60 s.
#include <gtest/gtest.h>

#include "solyte/error.hpp"
#include "solyte/units.hpp"

using namespace solyte;

TEST(UnitsCurves, CurrentsAndDensities) {
  EXPECT_DOUBLE_EQ(parse_current_a("0.4mA"), 0.4e-3);
  EXPECT_DOUBLE_EQ(parse_current_a("-30 \xC2\xB5"
                                   "A"),
                   -30e-6);
  EXPECT_DOUBLE_EQ(parse_current_a("5nA"), 5e-9);
  EXPECT_DOUBLE_EQ(parse_current_density_a_per_m2("0.12mA/cm2"), 1.2);
  EXPECT_DOUBLE_EQ(parse_current_density_a_per_m2("10 uA/cm^2"), 0.1);
  EXPECT_DOUBLE_EQ(parse_current_density_a_per_m2("0.24 mA/cm\xC2\xB2"), 2.4);
  EXPECT_THROW(parse_current_a("0.4"), InvalidArgument);
  EXPECT_THROW(parse_current_density_a_per_m2("-1mA/cm2"), InvalidArgument);
  EXPECT_THROW(parse_current_density_a_per_m2("1mA"), InvalidArgument);
}

TEST(UnitsCurves, PotentialsAndDurations) {
  EXPECT_DOUBLE_EQ(parse_potential_v("4.14"), 4.14);
  EXPECT_DOUBLE_EQ(parse_potential_v("50mV"), 0.05);
  EXPECT_DOUBLE_EQ(parse_duration_s("1h"), 3600);
  EXPECT_DOUBLE_EQ(parse_duration_s("30 min"), 1800);
  EXPECT_DOUBLE_EQ(parse_duration_s("500ms"), 0.5);
  EXPECT_THROW(parse_duration_s("10"), InvalidArgument);
  EXPECT_THROW(parse_duration_s("0s"), InvalidArgument);
}

TEST(UnitsCurves, CapacitiesLoadingsMassesRates) {
  EXPECT_DOUBLE_EQ(parse_specific_capacity_c_per_kg("120mAh/g"), 432000);
  EXPECT_DOUBLE_EQ(parse_areal_mass_kg_per_m2("2mg/cm2"), 0.02);
  EXPECT_NEAR(parse_areal_capacity_c_per_m2("0.24mAh/cm2"), 8640, 1e-9);
  EXPECT_DOUBLE_EQ(parse_mass_kg("5.21mg"), 5.21e-6);
  EXPECT_DOUBLE_EQ(parse_rate_k_per_s("10K/min"), 10.0 / 60);
  EXPECT_DOUBLE_EQ(parse_rate_k_per_s("10 \xC2\xB0"
                                      "C/min"),
                   10.0 / 60);
  EXPECT_THROW(parse_rate_k_per_s("10"), InvalidArgument);
  EXPECT_THROW(parse_mass_kg("5 lb"), InvalidArgument);
}

TEST(UnitsCurves, CRates) {
  EXPECT_DOUBLE_EQ(parse_c_rate("C/2"), 0.5);
  EXPECT_DOUBLE_EQ(parse_c_rate("1C"), 1);
  EXPECT_DOUBLE_EQ(parse_c_rate("C"), 1);
  EXPECT_DOUBLE_EQ(parse_c_rate("0.5C"), 0.5);
  EXPECT_DOUBLE_EQ(parse_c_rate("C/10"), 0.1);
  EXPECT_THROW(parse_c_rate("2"), InvalidArgument);
  EXPECT_THROW(parse_c_rate("C/0"), InvalidArgument);
  EXPECT_THROW(parse_c_rate("-1C"), InvalidArgument);
}
