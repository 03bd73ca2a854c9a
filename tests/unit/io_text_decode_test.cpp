// Text decoding of instrument files: UTF-8 (with/without BOM), Latin-1 fallback, UTF-16 with
// and without BOM. Reference bytes are the encodings' definitions (Unicode 15 §3.9, ISO 8859-1).
#include <gtest/gtest.h>

#include <string>

#include "io/text_decode.hpp"
#include "io/text_table.hpp"

using solyte::io::detail::decode_text;
using solyte::io::detail::looks_binary;
using solyte::io::detail::TextEncoding;

TEST(IoTextDecode, Utf8IsKeptAndBomRemoved) {
  const std::string utf8 =
      "Cs/\xC2\xB5"
      "F\t25 \xC2\xB0"
      "C\n";
  auto d = decode_text(utf8);
  EXPECT_EQ(d.encoding, TextEncoding::utf8);
  EXPECT_EQ(d.text, utf8);
  d = decode_text("\xEF\xBB\xBF" + utf8);
  EXPECT_EQ(d.encoding, TextEncoding::utf8_bom);
  EXPECT_EQ(d.text, utf8);
}

TEST(IoTextDecode, InvalidUtf8IsReadAsLatin1) {
  // EC-Lab writes µ as the single byte 0xB5 and ² as 0xB2.
  const auto d = decode_text(
      "Cs/\xB5"
      "F 0.001 cm\xB2");
  EXPECT_EQ(d.encoding, TextEncoding::latin1);
  EXPECT_EQ(d.text,
            "Cs/\xC2\xB5"
            "F 0.001 cm\xC2\xB2");
  // Overlong encodings and encoded surrogates are not UTF-8 either.
  EXPECT_EQ(decode_text("\xC0\xAF").encoding, TextEncoding::latin1);
  EXPECT_EQ(decode_text("\xED\xA0\x80").encoding, TextEncoding::latin1);
  EXPECT_EQ(decode_text("ab\xE2\x82").encoding, TextEncoding::latin1);  // cut sequence
}

TEST(IoTextDecode, Utf16WithBom) {
  const std::string le(
      "\xFF\xFE"
      "f\0=\0\xB5\0\x3D\xD8\x00\xDE",
      12);  // "f=µ😀"
  auto d = decode_text(le);
  EXPECT_EQ(d.encoding, TextEncoding::utf16le);
  EXPECT_EQ(d.text, "f=\xC2\xB5\xF0\x9F\x98\x80");
  const std::string be("\xFE\xFF\0f\0=\0\xB5", 8);
  d = decode_text(be);
  EXPECT_EQ(d.encoding, TextEncoding::utf16be);
  EXPECT_EQ(d.text, "f=\xC2\xB5");
}

TEST(IoTextDecode, Utf16DamageBecomesReplacementCharacter) {
  const std::string lone(
      "\xFF\xFE"
      "a\0\x00\xD8"
      "b\0"
      "c",
      9);  // lone high surrogate, odd byte
  const auto d = decode_text(lone);
  EXPECT_EQ(d.text,
            "a\xEF\xBF\xBD"
            "b");
}

TEST(IoTextDecode, Utf16WithoutBomIsRecognised) {
  const std::string ascii = "1e3,2,3\n1e2,4,5\n";
  std::string le;
  for (char c : ascii) {
    le.push_back(c);
    le.push_back('\0');
  }
  const auto d = decode_text(le);
  EXPECT_EQ(d.encoding, TextEncoding::utf16le);
  EXPECT_EQ(d.text, ascii);
}

TEST(IoTextDecode, BinaryDetection) {
  EXPECT_FALSE(looks_binary("1,2,3\r\n4,5,6\n"));
  EXPECT_TRUE(looks_binary(std::string("BIO\0LOGIC", 9)));
  std::string mostly_controls(200, '\x01');
  EXPECT_TRUE(looks_binary(mostly_controls));
  std::string one_stray = std::string(500, 'a') + '\x02';
  EXPECT_FALSE(looks_binary(one_stray));
}

TEST(IoTextDecode, LinesAcceptEveryLineEnding) {
  using solyte::io::detail::split_lines;
  auto lines = split_lines("a\r\nb\nc");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[2].text, "c");
  EXPECT_EQ(lines[2].number, 3u);
  lines = split_lines("a\rb\rc\r");  // classic Mac
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1].text, "b");
  lines = split_lines("a\r\r\nb\r\r\n");  // PowerSuite writes CR CR LF
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].number, 2u);
}
