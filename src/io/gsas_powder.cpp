// GSAS powder data (GSAS manual, Larson & Von Dreele, LAUR 86-748, "Powder data files"):
//   line 1       title
//   (line 2)     "Instrument parameter file: NAME" (optional)
//   '#' lines    comments; "# key = value" pairs are kept (11-BM writes the calibrated
//                wavelength and the temperature so)
//   BANK IBANK NCHAN NREC BINTYP BCOEF1 BCOEF2 BCOEF3 BCOEF4 TYPE
//     BINTYP CONST (or CONS): constant step, BCOEF1 = first 2θ and BCOEF2 = step, both in
//     centidegrees; TYPE (default STD):
//     STD   10 fields of 8 columns per record: NCTR in columns 1–2 (blank = 1), count in 3–8
//     ESD   5 pairs of 8-column fields per record: value, esd
//     FXY   free format: 2θ (centidegrees), value, one point per line
//     FXYE  free format: 2θ (centidegrees), value, esd
// Time-of-flight and energy-dispersive banks (BINTYP TIME_MAP, SLOG, RALF, or EDS) are not 2θ
// patterns and are refused. The STD counter numbers are not used: no esd is made from them.
#include "io/gsas_powder.hpp"

#include <cmath>
#include <cstdlib>

#include "core/number_parse.hpp"
#include "io/diffraction_record.hpp"
#include "io/numeric_rows.hpp"
#include "io/text_table.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

constexpr std::size_t kLookAhead = 60;  // lines before the first BANK

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool is_bank_line(std::string_view t) {
  if (!starts_with(t, "BANK")) return false;
  t.remove_prefix(4);
  t = solyte::detail::trim(t);
  return !t.empty() && t[0] >= '0' && t[0] <= '9';
}

struct Bank {
  std::size_t line_index = 0;  // index into lines of the BANK line
  std::size_t number = 0;
  std::size_t nchan = 0;
  std::string bintyp, type;
  double bcoef1 = 0, bcoef2 = 0;
};

Bank parse_bank(const TextLine& line, std::size_t index, const std::string& file) {
  std::vector<std::string_view> t;
  split_fields(line.text, Delimiter::whitespace, t);
  auto integer = [&](std::size_t k, std::string_view what) {
    double v = 0;
    if (k >= t.size() || !parse_field(t[k], false, v) || v < 0 || v != std::floor(v) || v > 1e9)
      throw ParseError(file, line.number, k + 1,
                       "expected " + std::string(what) + " in field " + std::to_string(k + 1) +
                           " of the BANK line" +
                           (k < t.size() ? ", found " + quote_for_message(t[k]) : std::string()));
    return static_cast<std::size_t>(v);
  };
  Bank b;
  b.line_index = index;
  b.number = integer(1, "the bank number");
  b.nchan = integer(2, "the number of points (NCHAN)");
  if (t.size() < 5)
    throw ParseError(
        file, line.number, 0,
        "expected BANK IBANK NCHAN NREC BINTYP …, found " + std::to_string(t.size()) + " fields");
  b.bintyp = std::string(t[4]);
  if (b.bintyp == "CONST" || b.bintyp == "CONS") {
    auto coefficient = [&](std::size_t k) {
      double v = 0;
      if (k >= t.size() || !parse_field(t[k], false, v) || !std::isfinite(v))
        throw ParseError(file, line.number, k + 1,
                         "expected BCOEF" + std::to_string(k - 4) + " (centidegrees) in field " +
                             std::to_string(k + 1) + " of the BANK line");
      return v;
    };
    b.bcoef1 = coefficient(5);
    b.bcoef2 = coefficient(6);
  }
  b.type = "STD";
  for (std::size_t k = 5; k < t.size(); ++k)
    if (t[k] == "STD" || t[k] == "ESD" || t[k] == "FXY" || t[k] == "FXYE" || t[k] == "ALT")
      b.type = std::string(t[k]);
  return b;
}

// The 8-column field k of a fixed-format record, or empty past the end of the line.
std::string_view fixed_field(std::string_view line, std::size_t start, std::size_t width) {
  if (start >= line.size()) return {};
  return line.substr(start, width);
}

double fixed_number(std::string_view field, const std::string& file, const TextLine& line,
                    std::size_t column, std::string_view what) {
  double v = 0;
  if (!parse_field(field, false, v) || !std::isfinite(v))
    throw ParseError(file, line.number, column,
                     "expected " + std::string(what) + " in the field at column " +
                         std::to_string(column) + ", found " +
                         (field.empty() ? std::string("nothing (truncated line?)")
                                        : quote_for_message(field)));
  return v;
}

// STD and ESD banks: fixed-width records until NCHAN values are read.
void read_fixed(const std::vector<TextLine>& lines, std::size_t from, std::size_t to, const Bank& b,
                const std::string& file, std::vector<double>& y, std::vector<double>& e,
                bool& counters_used) {
  const bool esd = b.type == "ESD";
  const std::size_t per_line = esd ? 5 : 10, width = esd ? 16 : 8;
  std::size_t last_line = lines[b.line_index].number;
  for (std::size_t i = from; i < to && y.size() < b.nchan; ++i) {
    std::string_view t = lines[i].text;
    while (!t.empty() && (t.back() == '\r' || t.back() == ' ')) t.remove_suffix(1);
    if (t.empty()) continue;
    last_line = lines[i].number;
    for (std::size_t k = 0; k < per_line && y.size() < b.nchan; ++k) {
      const std::string_view field = fixed_field(t, k * width, width);
      if (is_blank(field)) break;
      // A short last field (a cut line) leaves an empty part, which is then reported.
      auto part = [&](std::size_t from, std::size_t n) {
        return from < field.size() ? field.substr(from, n) : std::string_view();
      };
      if (esd) {
        y.push_back(fixed_number(part(0, 8), file, lines[i], k * width + 1, "a value"));
        e.push_back(fixed_number(part(8, 8), file, lines[i], k * width + 9, "an esd"));
        if (e.back() < 0)
          throw ParseError(file, lines[i].number, k * width + 9, "expected a non-negative esd");
      } else {
        const std::string_view nctr = part(0, 2);
        if (!is_blank(nctr)) {
          const double n = fixed_number(nctr, file, lines[i], k * width + 1, "a counter number");
          counters_used = counters_used || n != 1;
        }
        y.push_back(fixed_number(part(2, 6), file, lines[i], k * width + 3, "a count"));
      }
    }
  }
  if (y.size() < b.nchan)
    throw ParseError(file, last_line, 0,
                     "expected " + std::to_string(b.nchan) + " points in BANK " +
                         std::to_string(b.number) + " (line " +
                         std::to_string(lines[b.line_index].number) + "), found " +
                         std::to_string(y.size()) + " (truncated file?)");
}

}  // namespace

bool is_gsas_powder(const std::vector<TextLine>& lines) {
  for (std::size_t i = 1; i < lines.size() && i < kLookAhead; ++i)
    if (is_bank_line(lines[i].text)) return true;
  return false;
}

std::vector<Measurement> read_gsas_powder(const std::vector<TextLine>& lines,
                                          const std::string& file) {
  std::vector<Bank> banks;
  std::vector<std::pair<std::string, std::string>> comments;
  std::string title =
      lines.empty() ? std::string() : std::string(solyte::detail::trim(lines[0].text));
  std::string instrument;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::string_view t = lines[i].text;
    if (is_bank_line(t)) {
      banks.push_back(parse_bank(lines[i], i, file));
    } else if (banks.empty() && i == 1 && ascii_lower(t.substr(0, 4)) == "inst" &&
               t.find(':') != std::string_view::npos) {
      instrument = std::string(solyte::detail::trim(t.substr(t.find(':') + 1)));
    } else if (banks.empty() && starts_with(t, "#")) {
      std::string_view c = solyte::detail::trim(t.substr(1));
      const auto eq = c.find('=');
      if (eq != std::string_view::npos && eq > 0)
        comments.emplace_back(std::string(solyte::detail::trim(c.substr(0, eq))),
                              std::string(solyte::detail::trim(c.substr(eq + 1))));
    }
  }
  if (banks.empty()) throw ParseError(file, 0, 0, "expected a BANK line");

  std::optional<double> wavelength, temperature;
  for (const auto& [k, v] : comments) {
    const std::string key = ascii_lower(k);
    double x = 0;
    if (key.find("wavelength") != std::string::npos && parse_field(v, false, x)) wavelength = x;
    if (key == "temp (k)" && parse_field(v, false, x) && x > 0) temperature = x;
  }

  std::vector<Measurement> out;
  for (std::size_t b = 0; b < banks.size(); ++b) {
    const Bank& bank = banks[b];
    const TextLine& bank_line = lines[bank.line_index];
    if (bank.bintyp != "CONST" && bank.bintyp != "CONS")
      throw ParseError(file, bank_line.number, 5,
                       "expected a constant-wavelength bank (BINTYP CONST), found '" + bank.bintyp +
                           "' (time-of-flight data are not read)");
    if (bank.type == "ALT")
      throw ParseError(file, bank_line.number, 0,
                       "the ALT data layout is not read; expected STD, ESD, FXY or FXYE");
    const std::size_t from = bank.line_index + 1;
    const std::size_t to = b + 1 < banks.size() ? banks[b + 1].line_index : lines.size();
    std::vector<double> x, y, e;
    bool counters_used = false;
    std::vector<std::string> warnings;
    if (bank.type == "FXY" || bank.type == "FXYE") {
      const std::size_t cols = bank.type == "FXYE" ? 3 : 2;
      // Data end at a comment line (GSAS allows comments before the next BANK).
      std::size_t end = from;
      while (end < to && !starts_with(lines[end].text, "#")) ++end;
      NumericRows rows = read_numeric_rows(lines, from, end, Delimiter::whitespace, cols, file,
                                           {"2θ (centidegrees)", "intensity", "esd"},
                                           from < lines.size() ? lines[from].number : 0);
      if (rows.lines.empty())
        throw ParseError(file, bank_line.number, 0, "expected data rows after the BANK line");
      require_monotonic_column(rows, 0, file, "2θ");
      x = std::move(rows.columns[0]);
      for (double& v : x) v /= 100.0;
      y = std::move(rows.columns[1]);
      if (cols == 3) {
        e = std::move(rows.columns[2]);
        for (std::size_t i = 0; i < e.size(); ++i)
          if (e[i] < 0)
            throw ParseError(file, rows.lines[i], 3, "expected a non-negative esd in field 3");
      }
      if (x.size() != bank.nchan)
        warnings.push_back("the BANK line says " + std::to_string(bank.nchan) + " points; " +
                           std::to_string(x.size()) + " rows were read");
    } else {
      if (!(bank.bcoef2 > 0))
        throw ParseError(file, bank_line.number, 7, "expected a positive 2θ step (BCOEF2)");
      read_fixed(lines, from, to, bank, file, y, e, counters_used);
      x = stepped_axis(bank.bcoef1 / 100.0, bank.bcoef2 / 100.0, y.size());
    }
    Measurement m = make_pattern(std::move(x), std::move(y), std::move(e), "2θ", "intensity");
    m.meta.format = "gsas-powder";
    m.meta.index_in_file = b;
    m.meta.technique_name = "GSAS " + bank.type + " bank " + std::to_string(bank.number);
    if (bank.type == "STD" || bank.type == "ESD") m.meta.two_theta_step_deg = bank.bcoef2 / 100.0;
    if (wavelength) set_wavelengths(m.meta, *wavelength, 0, -1, "comment lines");
    if (temperature) {
      m.meta.temperature_k = temperature;
      m.meta.temperature_source = TemperatureSource::file;
    }
    add_header_text(m.meta, "title", title);
    add_header_text(m.meta, "instrument_parameter_file", instrument);
    for (const auto& [k, v] : comments) add_header_text(m.meta, k, v);
    add_header_text(m.meta, "bank", std::string(solyte::detail::trim(bank_line.text)));
    if (counters_used)
      warnings.push_back(
          "the STD records give counter numbers (NCTR) other than 1; they are "
          "not used (no esd column)");
    m.meta.warnings = std::move(warnings);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace solyte::io::detail
