#include "io/byte_reader.hpp"

#include <cstring>

#include "solyte/error.hpp"

namespace solyte::io::detail {

void ByteReader::fail_at(std::size_t at, std::string_view message) const {
  throw ParseError(file_, 0, 0, "byte " + std::to_string(at) + ": " + std::string(message));
}

void ByteReader::require(std::size_t n, std::string_view what) const {
  if (n <= remaining()) return;
  fail("expected " + std::string(what) + " (" + std::to_string(n) +
       " bytes), but the file ends at byte " + std::to_string(bytes_.size()) + " (truncated?)");
}

void ByteReader::seek(std::size_t at, std::string_view what) {
  if (at > bytes_.size())
    fail("expected " + std::string(what) + " at byte " + std::to_string(at) +
         ", but the file ends at byte " + std::to_string(bytes_.size()) + " (truncated?)");
  pos_ = at;
}

void ByteReader::skip(std::size_t n, std::string_view what) {
  require(n, what);
  pos_ += n;
}

namespace {
template <class T>
T load_le(const char* p) {
  // The formats are little-endian and so are the machines solyte targets (x86-64, ARM64);
  // memcpy avoids unaligned access.
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
}  // namespace

std::uint16_t ByteReader::u16(std::string_view what) {
  require(2, what);
  const auto v = load_le<std::uint16_t>(bytes_.data() + pos_);
  pos_ += 2;
  return v;
}

std::uint32_t ByteReader::u32(std::string_view what) {
  require(4, what);
  const auto v = load_le<std::uint32_t>(bytes_.data() + pos_);
  pos_ += 4;
  return v;
}

std::int32_t ByteReader::i32(std::string_view what) {
  require(4, what);
  const auto v = load_le<std::int32_t>(bytes_.data() + pos_);
  pos_ += 4;
  return v;
}

float ByteReader::f32(std::string_view what) {
  require(4, what);
  const auto v = load_le<float>(bytes_.data() + pos_);
  pos_ += 4;
  return v;
}

double ByteReader::f64(std::string_view what) {
  require(8, what);
  const auto v = load_le<double>(bytes_.data() + pos_);
  pos_ += 8;
  return v;
}

std::string ByteReader::text(std::size_t width, std::string_view what) {
  require(width, what);
  std::string_view field = bytes_.substr(pos_, width);
  pos_ += width;
  field = field.substr(0, field.find('\0'));
  while (!field.empty() && (field.back() == ' ' || field.back() == '\t')) field.remove_suffix(1);
  std::string out;
  for (char ch : field) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\t' || c == '\r' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    if (c < 0x20 || c == 0x7F) continue;
    if (c < 0x80) {
      out.push_back(ch);
    } else {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace solyte::io::detail
