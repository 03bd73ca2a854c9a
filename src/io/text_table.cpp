#include "io/text_table.hpp"

#include "core/number_parse.hpp"

namespace solyte::io::detail {

namespace {
bool is_blank_char(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// Same as detail::trim, without the per-character memchr of find_first_not_of: this runs
// on every field of every row.
std::string_view trim_blanks(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_blank_char(s[b])) ++b;
  while (e > b && is_blank_char(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string_view unquote(std::string_view field) {
  field = trim_blanks(field);
  if (field.size() >= 2 && field.front() == '"' && field.back() == '"')
    field = trim_blanks(field.substr(1, field.size() - 2));
  return field;
}
}  // namespace

std::vector<TextLine> split_lines(std::string_view text) {
  std::vector<TextLine> lines;
  const char sep = text.find('\n') != std::string_view::npos ? '\n' : '\r';
  std::size_t start = 0, number = 1;
  while (start < text.size()) {
    std::size_t end = text.find(sep, start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back({text.substr(start, end - start), number++});
    start = end + 1;
  }
  return lines;
}

bool is_blank(std::string_view line) {
  for (char c : line)
    if (!is_blank_char(c)) return false;
  return true;
}

std::string_view delimiter_name(Delimiter d) {
  switch (d) {
    case Delimiter::tab:
      return "tab";
    case Delimiter::semicolon:
      return "semicolon";
    case Delimiter::comma:
      return "comma";
    case Delimiter::whitespace:
      return "whitespace";
  }
  return "whitespace";
}

void split_fields(std::string_view line, Delimiter d, std::vector<std::string_view>& out) {
  out.clear();
  line = trim_blanks(line);
  if (line.empty()) return;
  if (d == Delimiter::whitespace) {
    std::size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && is_blank_char(line[i])) ++i;
      std::size_t j = i;
      while (j < line.size() && !is_blank_char(line[j])) ++j;
      if (j > i) out.push_back(unquote(line.substr(i, j - i)));
      i = j;
    }
    return;
  }
  const char sep = d == Delimiter::tab ? '\t' : (d == Delimiter::semicolon ? ';' : ',');
  std::size_t start = 0;
  while (true) {
    const std::size_t end = line.find(sep, start);
    out.push_back(unquote(line.substr(start, end == std::string_view::npos ? end : end - start)));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  if (out.size() > 1 && out.back().empty()) out.pop_back();
}

std::string_view strip_comment_mark(std::string_view line) {
  line = solyte::detail::trim(line);
  if (line.substr(0, 2) == "//") return solyte::detail::trim(line.substr(2));
  if (!line.empty() && (line[0] == '#' || line[0] == '%' || line[0] == ';'))
    return solyte::detail::trim(line.substr(1));
  return line;
}

void split_header_words(std::string_view line, std::vector<std::string_view>& out) {
  out.clear();
  line = strip_comment_mark(line);
  // Some exports quote the whole header line (Autolab: "  Freq (Hz)    Ampl …").
  if (line.size() >= 2 && line.front() == '"' && line.back() == '"')
    line = solyte::detail::trim(line.substr(1, line.size() - 2));
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_blank_char(line[i])) ++i;
    std::size_t j = i;
    while (j < line.size() && !is_blank_char(line[j])) ++j;
    if (j == i) break;
    const std::string_view word = line.substr(i, j - i);
    const bool is_unit = word.front() == '[' || word.front() == '(';
    if (is_unit && !out.empty()) {
      // Extend the previous name over the blanks up to the end of this unit.
      const std::string_view prev = out.back();
      const auto prev_start = static_cast<std::size_t>(prev.data() - line.data());
      out.back() = line.substr(prev_start, j - prev_start);
    } else {
      out.push_back(word);
    }
    i = j;
  }
  for (auto& w : out) w = unquote(w);
}

bool parse_field(std::string_view field, bool comma_decimal, double& value) {
  field = trim_blanks(field);
  if (field.empty()) return false;
  // Fast path for the common field without a comma: no copy, no second trim.
  if (!comma_decimal || field.find(',') == std::string_view::npos) {
    const auto [v, used] = solyte::detail::parse_leading_double(field);
    if (used == 0 || used != field.size()) return false;
    value = v;
    return true;
  }
  const auto parsed = solyte::detail::parse_double(field, comma_decimal);
  if (!parsed) return false;
  value = *parsed;
  return true;
}

std::string quote_for_message(std::string_view field) {
  constexpr std::size_t max_chars = 40;
  std::string out = "'";
  std::size_t n = 0;
  for (char c : field) {
    const auto u = static_cast<unsigned char>(c);
    if ((u & 0xC0) != 0x80 && n++ == max_chars) {  // never cut a UTF-8 sequence
      out += "...";
      break;
    }
    out.push_back(u < 0x20 || u == 0x7F ? '?' : c);
  }
  out += "'";
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace solyte::io::detail
