// STOE RAW_1.06 (src/io/stoe_raw.cpp): the corpus file against its own .xyd export, point by
// point, and the header checks that guard the layout.
#include <gtest/gtest.h>

#include <cstring>

#include "pattern_support.hpp"

namespace {

using solyte::Quantity;
using solyte::test::read_shared;
using solyte::test::values;

const char* kRaw = "xrd/chemotion_DUT52Zr/LA_P-37cd_DUT-52Zr_act_EtOH.raw";

TEST(IoStoeRaw, CorpusFileAgreesWithItsXyd) {
  const auto path = solyte::test::shared_data(kRaw);
  SOLYTE_REQUIRE_SHARED(path);
  const auto raw = read_shared(kRaw);
  ASSERT_EQ(raw.size(), 1u);
  const auto& m = raw.front();
  // INVENTORY.md: activated DUT-52(Zr), 2704 points; the .xyd runs 5.000–45.545° by 0.015°.
  EXPECT_EQ(m.meta.format, "stoe-raw");
  EXPECT_EQ(m.size(), 2704u);
  EXPECT_DOUBLE_EQ(values(m, Quantity::two_theta).front(), 5.0);
  EXPECT_NEAR(values(m, Quantity::two_theta).back(), 45.545, 1e-5);
  EXPECT_NEAR(*m.meta.two_theta_step_deg, 0.015, 1e-7);
  EXPECT_NEAR(*m.meta.wavelength_angstrom, 1.540598, 1e-7);  // Cu Kα1, stored as float32
  EXPECT_EQ(m.meta.sample, "LA_P-37cd_DUT-52(Zr)_act_EtOH");
  EXPECT_EQ(values(m, Quantity::intensity).front(), 1800);
  // The .xyd writes 2θ with 3 decimals.
  solyte::test::expect_same_points(
      m, read_shared("xrd/chemotion_DUT52Zr/LA_P-37cd_DUT-52Zr_act_EtOH.xyd").front(),
      Quantity::two_theta, [](std::size_t) { return 5e-4 + 1e-9; }, 1.0, 0.0);
}

TEST(IoStoeRaw, DamagedHeaderOrTruncationIsAParseErrorAtItsByte) {
  const auto path = solyte::test::shared_data(kRaw);
  SOLYTE_REQUIRE_SHARED(path);
  const std::string bytes = solyte::test::bytes_of(path);
  auto e = solyte::test::parse_error_of(
      [&] { solyte::io::read_measurements_from_bytes(bytes.substr(0, 0x40900), "t.raw"); });
  EXPECT_NE(e.expected().find("truncated"), std::string::npos) << e.what();
  std::string damaged = bytes;
  const float end = 60.0f;  // 2θ end no longer start + (n − 1)·step
  std::memcpy(damaged.data() + 0x40634, &end, 4);
  e = solyte::test::parse_error_of(
      [&] { solyte::io::read_measurements_from_bytes(damaged, "d.raw"); });
  EXPECT_NE(e.expected().find("byte"), std::string::npos) << e.what();
  std::string other = bytes;
  other[7] = '9';  // RAW_1.09: a layout not known here
  e = solyte::test::parse_error_of(
      [&] { solyte::io::read_measurements_from_bytes(other, "v.raw"); });
  EXPECT_NE(e.expected().find("only RAW_1.06"), std::string::npos) << e.what();
}

}  // namespace
