// Layout of IviumSoft files (.idf: one measurement; .ids: a data set, the measurements one
// after the other). Ivium publishes no specification; what is read here was established on
// the two files of pyimpspec's test set (data.idf, data.ids), with pyimpspec's and Galv's
// readers as a cross-check of the column order:
//
//   16 zero bytes (at the start of the file only), then sections, each a 4-byte
//   little-endian length word, a line break and key=value lines (CR LF or LF):
//     Peaks=false …                               analysis switches
//     starttime=… timing=51 timing.time[1]=…      run information
//     Method=Impedance Technique=Constant E Title=… Frequencies=29 Frequencies.freq[1]=…
//     Report.Process data=instrument : …␜␞channel : 0␜␞…   (FS RS between the items)
//     Mconfig=0
//   then the data objects, one value per line, padded with blanks:
//     2                 number of objects
//     Data Objects
//     0                 object type
//     primary_data
//     3                 columns
//     29                rows
//     rows of blank-separated numbers; for impedance Z' (Ω), Z'' (Ω), f (Hz)
//     7 osc_data …      the recorded waveforms of every frequency (not read)
//   and two empty length words.
//
// The section lengths are not used: in the public files they disagree with the text (the
// files were anonymised after they were written), so the sections are found by their lines.
#include "io/ivium_idf.hpp"

#include <cmath>

#include "core/number_parse.hpp"
#include "io/column_table.hpp"
#include "io/impedance_records.hpp"
#include "io/numeric_block.hpp"
#include "io/text_decode.hpp"
#include "io/text_table.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

using solyte::detail::trim;

constexpr std::size_t kMagicZeros = 16;

bool printable(std::string_view s) {
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c > 0x7E) return false;
  }
  return true;
}

// A settings line "key=value" whose key is plain text (the binary length words between the sections
// are not).
bool setting(std::string_view line, std::string_view& key, std::string_view& value) {
  const std::string_view t = trim(line);
  const std::size_t eq = t.find('=');
  if (eq == std::string_view::npos || eq == 0) return false;
  key = trim(t.substr(0, eq));
  value = trim(t.substr(eq + 1));
  return !key.empty() && printable(key);
}

// Values are Latin-1 or UTF-8; the report items are separated by FS RS.
std::string value_text(std::string_view raw) {
  std::string s = decode_text(raw).text;
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0x1C && i + 1 < s.size() && s[i + 1] == '\x1E') {
      out += "; ";
      ++i;
    } else {
      out += c < 0x20 ? ' ' : s[i];
    }
  }
  return std::string(trim(out));
}

std::size_t count_on_line(const TextLine& line, const std::string& file, std::string_view what,
                          double most) {
  const auto v = solyte::detail::parse_double(line.text);
  if (!v || *v < 0 || *v != std::floor(*v) || *v > most)
    throw ParseError(file, line.number, 1,
                     "expected the " + std::string(what) + " (a whole number), found " +
                         quote_for_message(trim(line.text)));
  return static_cast<std::size_t>(*v);
}

struct Settings {
  std::vector<std::pair<std::string, std::string>> header;
  std::string method;
  std::size_t method_line = 0;
};

// The primary_data object of the measurement whose settings are `s`; `i` indexes the line after
// "Data Objects" and is left after the table.
Measurement read_primary_data(const std::vector<TextLine>& lines, std::size_t& i, const Settings& s,
                              const std::string& file) {
  const std::size_t objects_line = lines[i - 1].number;
  std::string_view key, value;
  while (i < lines.size() && trim(lines[i].text) != "primary_data") {
    if (setting(lines[i].text, key, value)) break;
    ++i;
  }
  if (i >= lines.size() || trim(lines[i].text) != "primary_data")
    throw ParseError(file, objects_line, 0,
                     "expected a 'primary_data' object after 'Data Objects'" +
                         std::string(i >= lines.size() ? ", but the file ends" : ""));
  if (i + 2 >= lines.size())
    throw ParseError(file, lines[i].number, 0,
                     "expected the column and row counts of primary_data, but "
                     "the file ends");
  const std::size_t n_columns = count_on_line(lines[i + 1], file, "column count", 64);
  const std::size_t n_rows = count_on_line(lines[i + 2], file, "row count", 1e8);
  const bool impedance = s.method == "Impedance";
  if (impedance && n_columns != 3)
    throw ParseError(file, lines[i + 1].number, 1,
                     "expected 3 columns (Z', Z'', frequency) in the primary_data of an "
                     "impedance measurement, found " +
                         std::to_string(n_columns));
  if (n_columns == 0)
    throw ParseError(file, lines[i + 1].number, 1, "expected at least one primary_data column");
  const std::size_t first = i + 3;
  if (lines.size() - first < n_rows)
    throw ParseError(file, lines.back().number, 0,
                     "expected " + std::to_string(n_rows) + " rows of primary_data from line " +
                         std::to_string(lines[i].number + 3) + ", but the file ends (truncated?)");
  std::vector<TableColumn> columns(n_columns);
  if (impedance) {
    columns[0] = {.source_name = "Z'/Ohm", .quantity = Quantity::z_real};
    columns[1] = {.source_name = "Z''/Ohm", .quantity = Quantity::z_imag};
    columns[2] = {.source_name = "freq/Hz", .quantity = Quantity::frequency};
  } else {
    for (std::size_t k = 0; k < n_columns; ++k)
      columns[k].source_name = "column " + std::to_string(k + 1);
  }
  for (std::size_t r = first; r < first + n_rows; ++r)
    if (is_blank(lines[r].text))
      throw ParseError(file, lines[r].number, 1,
                       "expected row " + std::to_string(r - first + 1) + " of " +
                           std::to_string(n_rows) + " of primary_data, found an empty line");
  std::vector<std::vector<double>> values;
  read_table_rows(lines, first, first + n_rows, Delimiter::whitespace,
                  comma_decimal(Delimiter::whitespace), columns, file, values);
  if (impedance)
    for (std::size_t r = 0; r < n_rows; ++r)
      if (!(values[2][r] > 0))
        throw ParseError(
            file, lines[first + r].number, 3,
            "expected a positive frequency (field 3), found " + std::to_string(values[2][r]));
  Measurement m = table_record(columns, std::move(values));
  i = first + n_rows;
  m.meta.format = "ivium-idf";
  m.meta.header = s.header;
  m.meta.technique_name = s.method;
  if (impedance) {
    m.meta.technique = Technique::impedance;
  } else {
    m.meta.technique = Technique::other;
    m.meta.warnings.push_back("Ivium method '" + s.method + "': the meaning of the " +
                              std::to_string(n_columns) +
                              " primary_data columns is not known; they are kept as 'column 1' …");
  }
  return m;
}

}  // namespace

bool is_ivium_idf(std::string_view bytes) {
  if (bytes.size() < kMagicZeros + 5) return false;
  for (std::size_t i = 0; i < kMagicZeros; ++i)
    if (bytes[i] != '\0') return false;
  const char after = bytes[kMagicZeros + 4];
  return after == '\r' || after == '\n';
}

std::vector<Measurement> read_ivium_idf(std::string_view bytes, const std::string& file) {
  if (!is_ivium_idf(bytes))
    throw ParseError(file, 1, 0,
                     "expected the IviumSoft file header (16 zero bytes, a "
                     "section length and a "
                     "line break)");
  const std::vector<TextLine> lines = split_lines(bytes);
  std::vector<Measurement> out;
  Settings s;
  std::string_view key, value;
  std::size_t i = 0;
  while (i < lines.size()) {
    if (trim(lines[i].text) == "Data Objects") {
      if (s.method.empty())
        throw ParseError(file, lines[i].number, 0,
                         "expected the settings of the measurement (a "
                         "'Method=' line) before "
                         "'Data Objects'");
      ++i;
      for (Measurement& m : records_of(read_primary_data(lines, i, s, file)))
        out.push_back(std::move(m));
      s = Settings{};
      // The other objects (osc_data) run up to the next measurement's settings.
      while (i < lines.size() && !setting(lines[i].text, key, value)) ++i;
      continue;
    }
    if (setting(lines[i].text, key, value)) {
      if (key == "Method") {
        s.method = value_text(value);
        s.method_line = lines[i].number;
      }
      if (key.find('[') == std::string_view::npos && !value.empty())
        s.header.emplace_back(std::string(key), value_text(value));
    }
    ++i;
  }
  if (!s.method.empty())
    throw ParseError(file, lines.back().number, 0,
                     "expected 'Data Objects' after the settings of the measurement whose "
                     "'Method=' is on line " +
                         std::to_string(s.method_line) + ", but the file ends (truncated?)");
  if (out.empty())
    throw ParseError(file, lines.empty() ? 0 : lines.back().number, 0,
                     "expected at least one measurement (settings with 'Method=' and "
                     "'Data Objects')");
  for (std::size_t k = 0; k < out.size(); ++k) out[k].meta.index_in_file = k;
  return out;
}

}  // namespace solyte::io::detail
