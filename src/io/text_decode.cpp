#include "io/text_decode.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace solyte::io::detail {

namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time: most of an instrument file is digits and separators.
    if (n - i >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((w & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (n - i < len) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

std::string latin1_to_utf8(std::string_view s) {
  std::size_t high = 0;
  for (char ch : s) high += static_cast<unsigned char>(ch) >> 7;
  std::string out(s.size() + high, '\0');
  char* p = out.data();
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      *p++ = ch;
    } else {  // U+0080–U+00FF: two bytes
      *p++ = static_cast<char>(0xC0 | (c >> 6));
      *p++ = static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::string utf16_to_utf8(std::string_view s, bool big_endian) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t units = s.size() / 2;  // a dangling odd byte is dropped
  auto unit = [&](std::size_t k) -> std::uint32_t {
    const std::uint32_t a = p[2 * k], b = p[2 * k + 1];
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  std::string out;
  out.reserve(units);
  for (std::size_t k = 0; k < units; ++k) {
    std::uint32_t u = unit(k);
    if (u >= 0xD800 && u <= 0xDBFF && k + 1 < units) {
      const std::uint32_t low = unit(k + 1);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        ++k;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) u = 0xFFFD;  // lone surrogate
    append_utf8(out, u);
  }
  return out;
}

// UTF-16 without a BOM: ASCII text leaves every other byte zero. Checked on the first
// characters only; real text of such files starts with ASCII headers or digits.
int utf16_without_bom(std::string_view s) {
  const std::size_t n = std::min<std::size_t>(s.size() & ~std::size_t{1}, 64);
  if (n < 8) return 0;
  bool le = true, be = true;
  for (std::size_t i = 0; i < n; i += 2) {
    const bool z0 = s[i] == '\0', z1 = s[i + 1] == '\0';
    le = le && !z0 && z1;
    be = be && z0 && !z1;
  }
  return le ? 1 : (be ? 2 : 0);
}

}  // namespace

DecodedText decode_text(std::string_view bytes) {
  auto starts = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
  if (starts("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    if (is_valid_utf8(bytes)) return {std::string(bytes), TextEncoding::utf8_bom};
    return {latin1_to_utf8(bytes), TextEncoding::latin1};
  }
  if (starts("\xFF\xFE")) return {utf16_to_utf8(bytes.substr(2), false), TextEncoding::utf16le};
  if (starts("\xFE\xFF")) return {utf16_to_utf8(bytes.substr(2), true), TextEncoding::utf16be};
  if (const int w = utf16_without_bom(bytes); w != 0)
    return {utf16_to_utf8(bytes, w == 2), w == 2 ? TextEncoding::utf16be : TextEncoding::utf16le};
  if (is_valid_utf8(bytes)) return {std::string(bytes), TextEncoding::utf8};
  return {latin1_to_utf8(bytes), TextEncoding::latin1};
}

bool looks_binary(std::string_view text) {
  const std::size_t n = std::min<std::size_t>(text.size(), 8192);
  std::size_t control = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0) return true;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F)
      ++control;
  }
  // A stray control byte in a text file is damage to report at its line, not a sign of a
  // binary format; binary files are full of them.
  return control * 50 > n;
}

}  // namespace solyte::io::detail
