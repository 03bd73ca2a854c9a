// Bounds-checked reading of little-endian binary files (Bruker RAW, STOE RAW): every read
// names what it expected, so a truncated or damaged file gives a ParseError with the byte
// offset instead of a read past the end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace solyte::io::detail {

class ByteReader {
 public:
  /// `bytes` must outlive the reader; `file` is used in messages.
  ByteReader(std::string_view bytes, const std::string& file) : bytes_(bytes), file_(file) {}

  std::size_t offset() const { return pos_; }
  std::size_t size() const { return bytes_.size(); }
  std::size_t remaining() const { return bytes_.size() - pos_; }
  bool at_end() const { return pos_ >= bytes_.size(); }

  /// Moves to absolute offset `at`; throws ParseError when it lies beyond the end.
  void seek(std::size_t at, std::string_view what);
  /// Skips `n` bytes; throws ParseError when fewer remain.
  void skip(std::size_t n, std::string_view what);

  std::uint16_t u16(std::string_view what);
  std::uint32_t u32(std::string_view what);
  std::int32_t i32(std::string_view what);
  float f32(std::string_view what);
  double f64(std::string_view what);
  /// A fixed-width text field: up to the first NUL, trailing blanks removed, Latin-1
  /// transcoded to UTF-8, control characters dropped.
  std::string text(std::size_t width, std::string_view what);

  /// Throws unless `n` more bytes are available (for arrays read in one go).
  void require(std::size_t n, std::string_view what) const;

  /// ParseError "byte N: <message>" at the current (or given) offset.
  [[noreturn]] void fail(std::string_view message) const { fail_at(pos_, message); }
  [[noreturn]] void fail_at(std::size_t at, std::string_view message) const;

 private:
  std::string_view bytes_;
  const std::string& file_;
  std::size_t pos_ = 0;
};

}  // namespace solyte::io::detail
