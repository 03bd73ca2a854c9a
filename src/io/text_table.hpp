// Splitting decoded text into numbered lines and fields, the common ground of the text readers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace solyte::io::detail {

/// One line of a file, without its line break; `number` is 1-based.
struct TextLine {
  std::string_view text;
  std::size_t number = 0;
};

/// Splits at '\n' (a preceding '\r' stays and is trimmed with the other blanks later);
/// text with no '\n' at all is split at '\r' (old Mac files). Views into `text`.
std::vector<TextLine> split_lines(std::string_view text);

/// True when the line holds nothing but blanks.
bool is_blank(std::string_view line);

enum class Delimiter { tab, semicolon, comma, whitespace };

/// "tab", "semicolon", "comma", "whitespace" (for messages).
std::string_view delimiter_name(Delimiter d);

/// Fields of one line: the line is trimmed, split at `d` (runs of blanks for whitespace),
/// each field trimmed and stripped of enclosing double quotes; the empty field after a
/// final delimiter ("1;2;3;") is dropped. Writes views into `line` to `out`.
void split_fields(std::string_view line, Delimiter d, std::vector<std::string_view>& out);

/// Column names of a blank-separated header where a unit written apart stays with its name:
/// "Freq. [Hz]  Z' (Ohm)" → {"Freq. [Hz]", "Z' (Ohm)"}. A leading comment mark (#, %, //)
/// is skipped.
void split_header_words(std::string_view line, std::vector<std::string_view>& out);

/// Strips a leading comment mark (#, %, //, ;) and blanks from a header line.
std::string_view strip_comment_mark(std::string_view line);

/// Parses a whole field as a number (comma as decimal mark when `comma_decimal`).
/// NaN and infinity parse; callers that need finite values check.
bool parse_field(std::string_view field, bool comma_decimal, double& value);

/// A field as it should appear in an error message: quoted, shortened, control
/// characters replaced.
std::string quote_for_message(std::string_view field);

/// Lower-case ASCII copy.
std::string ascii_lower(std::string_view s);

}  // namespace solyte::io::detail
