// Bounds-checked little/big-endian reads from the bytes of a binary instrument
// file: every read past the end is a ParseError naming the file, the byte
// offset and what was expected.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "solyte/error.hpp"

namespace solyte::io::detail {

class ByteReader {
 public:
  ByteReader(std::string_view bytes, const std::string& file) : bytes_(bytes), file_(&file) {}

  std::size_t size() const { return bytes_.size(); }
  std::string_view bytes() const { return bytes_; }
  const std::string& file() const { return *file_; }

  /// Throws unless `count` bytes from `offset` are in the file.
  void need(std::size_t offset, std::size_t count, std::string_view what) const {
    if (offset > bytes_.size() || count > bytes_.size() - offset) fail_end(offset, count, what);
  }
  [[noreturn]] void fail(std::size_t offset, const std::string& expected) const {
    throw ParseError(*file_, 0, 0, "at byte " + std::to_string(offset) + ": " + expected);
  }
  [[noreturn]] void fail_end(std::size_t offset, std::size_t count, std::string_view what) const {
    fail(offset, "expected " + std::string(what) + " (" + std::to_string(count) +
                     " bytes), but the file ends at byte " + std::to_string(bytes_.size()) +
                     " (truncated?)");
  }

  std::uint8_t u8(std::size_t at, std::string_view what) const {
    need(at, 1, what);
    return static_cast<std::uint8_t>(bytes_[at]);
  }
  std::uint16_t u16le(std::size_t at, std::string_view what) const {
    need(at, 2, what);
    return static_cast<std::uint16_t>(b(at) | (b(at + 1) << 8));
  }
  std::uint16_t u16be(std::size_t at, std::string_view what) const {
    need(at, 2, what);
    return static_cast<std::uint16_t>((b(at) << 8) | b(at + 1));
  }
  std::int16_t i16be(std::size_t at, std::string_view what) const {
    return static_cast<std::int16_t>(u16be(at, what));
  }
  /// A 6-byte big-endian unsigned integer (Zahner Thales files).
  std::uint64_t u48be(std::size_t at, std::string_view what) const {
    need(at, 6, what);
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < 6; ++i) v = (v << 8) | b(at + i);
    return v;
  }
  std::uint32_t u32le(std::size_t at, std::string_view what) const {
    need(at, 4, what);
    return b(at) | (b(at + 1) << 8) | (b(at + 2) << 16) |
           (static_cast<std::uint32_t>(b(at + 3)) << 24);
  }
  std::uint32_t u32be(std::size_t at, std::string_view what) const {
    need(at, 4, what);
    return (static_cast<std::uint32_t>(b(at)) << 24) | (b(at + 1) << 16) | (b(at + 2) << 8) |
           b(at + 3);
  }
  float f32le(std::size_t at, std::string_view what) const {
    return std::bit_cast<float>(u32le(at, what));
  }
  double f64le(std::size_t at, std::string_view what) const {
    need(at, 8, what);
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | b(at + static_cast<std::size_t>(i));
    return std::bit_cast<double>(v);
  }
  double f64be(std::size_t at, std::string_view what) const {
    need(at, 8, what);
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < 8; ++i) v = (v << 8) | b(at + i);
    return std::bit_cast<double>(v);
  }
  /// A string of one length byte and that many characters (Delphi "short
  /// string").
  std::string_view pascal(std::size_t at, std::string_view what) const {
    const std::size_t n = u8(at, what);
    need(at + 1, n, what);
    return bytes_.substr(at + 1, n);
  }

 private:
  std::uint32_t b(std::size_t at) const { return static_cast<unsigned char>(bytes_[at]); }
  std::string_view bytes_;
  const std::string* file_;
};

}  // namespace solyte::io::detail
