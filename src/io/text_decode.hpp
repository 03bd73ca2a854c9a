// Turning the bytes of an instrument text file into UTF-8, whatever the instrument wrote.
#pragma once

#include <string>
#include <string_view>

namespace solyte::io::detail {

enum class TextEncoding { utf8, utf8_bom, latin1, utf16le, utf16be };

struct DecodedText {
  std::string text;  ///< UTF-8, without byte-order mark
  TextEncoding encoding = TextEncoding::utf8;
};

/// Decodes `bytes`: UTF-8 with or without BOM is kept; UTF-16 LE/BE (with a BOM, or
/// recognised by its zero high bytes) is transcoded; anything that is not valid UTF-8 is
/// read as Latin-1 (what EC-Lab and many Windows programs write) and transcoded. Never
/// throws; undecodable UTF-16 units become U+FFFD.
DecodedText decode_text(std::string_view bytes);

/// True when decoded text is not plausibly a text file (NUL bytes or many control
/// characters in its first few kilobytes).
bool looks_binary(std::string_view text);

}  // namespace solyte::io::detail
