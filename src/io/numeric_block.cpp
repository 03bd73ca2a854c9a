#include "io/numeric_block.hpp"

#include <algorithm>

#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

constexpr Delimiter kDelimiters[] = {Delimiter::tab, Delimiter::semicolon, Delimiter::comma,
                                     Delimiter::whitespace};

struct Shape {
  std::size_t fields = 0;
  std::size_t numeric = 0;
  bool first_numeric = false;
};

Shape shape_of(std::string_view line, Delimiter d, std::vector<std::string_view>& scratch) {
  split_fields(line, d, scratch);
  Shape s;
  s.fields = scratch.size();
  double v = 0;
  for (std::size_t k = 0; k < scratch.size(); ++k) {
    if (parse_field(scratch[k], comma_decimal(d), v)) {
      ++s.numeric;
      if (k == 0) s.first_numeric = true;
    }
  }
  return s;
}

}  // namespace

// Stops at the first field that is not a number, since most lines tried under a wrong
// delimiter fail at once.
bool numeric_row(std::string_view line, Delimiter d, std::vector<std::string_view>& scratch,
                 std::size_t& fields) {
  // Without its separator a line is one field under that delimiter: not a row. Checking that
  // first makes trying the wrong delimiters on a long file cost a memchr per line.
  if (d != Delimiter::whitespace) {
    const char sep = d == Delimiter::tab ? '\t' : (d == Delimiter::semicolon ? ';' : ',');
    if (line.find(sep) == std::string_view::npos) {
      fields = is_blank(line) ? 0 : 1;
      return false;
    }
  } else {
    std::size_t b = 0, e = line.size();
    auto blank = [](char c) {
      return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
    };
    while (b < e && blank(line[b])) ++b;
    while (e > b && blank(line[e - 1])) --e;
    std::size_t k = b;
    while (k < e && !blank(line[k])) ++k;
    if (k == e) {  // no blank inside: one field at most
      fields = e > b ? 1 : 0;
      return false;
    }
  }
  split_fields(line, d, scratch);
  fields = scratch.size();
  if (fields < 2) return false;
  double v = 0;
  for (std::string_view f : scratch)
    if (!parse_field(f, comma_decimal(d), v)) return false;
  return true;
}

namespace {

// Longest run of consecutive numeric lines with one field count; long enough runs stop the
// scan early, so choosing a delimiter costs a few dozen lines, not the whole file.
std::size_t numeric_run_score(const std::vector<TextLine>& lines, Delimiter d,
                              std::vector<std::string_view>& scratch) {
  constexpr std::size_t enough = 20;
  std::size_t best = 0, run = 0, count = 0;
  for (const auto& line : lines) {
    if (is_blank(line.text)) continue;
    std::size_t fields = 0;
    if (!numeric_row(line.text, d, scratch, fields)) {
      run = 0;
      continue;
    }
    run = (fields == count) ? run + 1 : 1;
    count = fields;
    best = std::max(best, run);
    if (best >= enough) break;
  }
  return best;
}

}  // namespace

Delimiter choose_delimiter(const std::vector<TextLine>& lines, std::size_t& score) {
  std::vector<std::string_view> scratch;
  Delimiter best = Delimiter::whitespace;
  score = 0;
  for (Delimiter d : kDelimiters) {
    const std::size_t s = numeric_run_score(lines, d, scratch);
    if (s > score) {  // ties keep the earlier, more specific delimiter
      score = s;
      best = d;
    }
  }
  return best;
}

Block find_block(const std::vector<TextLine>& lines, Delimiter d, const std::string& file,
                 std::string_view no_table_message, std::size_t min_rows) {
  std::vector<std::string_view> scratch;
  std::size_t run = 0, count = 0, run_start = 0;
  std::size_t first_numeric = lines.size();
  Block block;
  bool found = false;
  for (std::size_t i = 0; i < lines.size() && !found; ++i) {
    if (is_blank(lines[i].text)) continue;
    std::size_t fields = 0;
    if (!numeric_row(lines[i].text, d, scratch, fields)) {
      run = 0;
      continue;
    }
    if (first_numeric == lines.size()) first_numeric = i;
    if (run > 0 && fields == count) {
      ++run;
    } else {
      run = 1;
      count = fields;
      run_start = i;
    }
    if (run >= min_rows) {
      block = {run_start, count, lines[run_start].number};
      found = true;
    }
  }
  if (!found) {
    if (first_numeric == lines.size())
      throw ParseError(file, 0, 0, std::string(no_table_message));
    split_fields(lines[first_numeric].text, d, scratch);
    block = {first_numeric, scratch.size(), lines[first_numeric].number};
  }
  for (std::size_t i = block.start; i-- > 0;) {
    if (is_blank(lines[i].text)) continue;
    const Shape s = shape_of(lines[i].text, d, scratch);
    const bool damaged_row = (s.fields >= 2 && s.first_numeric) ||
                             (s.fields == block.fields && 2 * s.numeric >= s.fields);
    if (!damaged_row) break;
    block.start = i;
  }
  return block;
}


}  // namespace solyte::io::detail
