// NETZSCH Proteus export, as written by Proteus 6–8 ("#FORMAT: NETZSCH5"):
//   #KEY:   ;value          header entries (#DECIMAL: COMMA|POINT, #SEPARATOR: SEMICOLON|…,
//                           #SAMPLE MASS /mg, #EXO: +1|-1, #RANGE and #SEG. n: the temperature
//                           programme "start°C/rate(K/min)/end°C", #SEGMENT: Sk/n exported)
//   ##name/unit;name/unit   the column header
//   rows                    separated and decimal-marked as the header says
// "#EXO: +1" is read as exothermic effects plotted upwards (exo_up), "-1" as downwards: the
// sign convention of the exported DSC signal as Proteus states it.
#include "io/netzsch_csv.hpp"

#include <cmath>
#include <cstring>

#include "core/number_parse.hpp"
#include "io/diffraction_record.hpp"
#include "io/numeric_rows.hpp"
#include "io/quantity_names.hpp"
#include "io/text_table.hpp"
#include "solyte/error.hpp"

namespace solyte::io::detail {

namespace {

struct Programme {
  std::vector<double> temperatures_c;   // the programme's temperatures in order
  std::vector<double> rates_k_per_min;  // one per dynamic step, between them
};

std::optional<double> comma_number(std::string_view s) {
  double v = 0;
  if (parse_field(solyte::detail::trim(s), true, v) && std::isfinite(v)) return v;
  return std::nullopt;
}

// "-80°C/10,0(K/min)/200°C" → temperatures {−80, 200}, rates {10}.
Programme parse_programme(std::string_view text) {
  Programme p;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = i;
    while (j < text.size() && (std::strchr("+-0123456789,.eE", text[j]) != nullptr)) ++j;
    if (j == i) {
      ++i;
      continue;
    }
    const auto v = comma_number(text.substr(i, j - i));
    const std::string_view rest = text.substr(j);
    if (v && (rest.substr(0, 3) == "°C" || rest.substr(0, 2) == "\xC2\xB0"))
      p.temperatures_c.push_back(*v);
    else if (v && rest.substr(0, 7) == "(K/min)")
      p.rates_k_per_min.push_back(*v);
    i = j;
  }
  return p;
}

}  // namespace

bool is_netzsch_csv(const std::vector<TextLine>& lines) {
  for (std::size_t i = 0; i < lines.size() && i < 10; ++i) {
    const std::string_view t = lines[i].text;
    if (t.substr(0, 12) == "#EXPORTTYPE:") return true;
    if (t.substr(0, 8) == "#FORMAT:" && t.find("NETZSCH") != std::string_view::npos) return true;
  }
  return false;
}

std::vector<Measurement> read_netzsch_csv(const std::vector<TextLine>& lines,
                                          const std::string& file) {
  Measurement m;
  std::size_t h = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view t = lines[i].text;
    if (t.substr(0, 2) == "##") {
      h = i;
      break;
    }
    if (t.empty() || t[0] != '#') continue;
    const auto colon = t.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view value = t.substr(colon + 1);
    if (const auto semi = value.find(';'); semi != std::string_view::npos)
      value = value.substr(semi + 1);
    m.meta.header.emplace_back(std::string(solyte::detail::trim(t.substr(1, colon - 1))),
                               std::string(solyte::detail::trim(value)));
  }
  if (h == lines.size())
    throw ParseError(file, 0, 0, "expected a '##'-marked column header line (##Temp./°C;…)");
  auto header = [&](std::string_view key) -> const std::string* {
    for (const auto& [k, v] : m.meta.header)
      if (k == key) return &v;
    return nullptr;
  };
  const std::string* sep = header("SEPARATOR");
  const std::string* dec = header("DECIMAL");
  Delimiter d = Delimiter::semicolon;
  if (sep && *sep == "COMMA") d = Delimiter::comma;
  if (sep && *sep == "TAB") d = Delimiter::tab;
  if (d == Delimiter::comma && dec && *dec == "COMMA")
    throw ParseError(file, lines[h].number, 0,
                     "the header says comma for both the separator and the decimal mark");

  std::vector<std::string_view> fields;
  split_fields(lines[h].text.substr(2), d, fields);
  std::vector<std::string> names(fields.begin(), fields.end());
  if (names.size() < 2)
    throw ParseError(file, lines[h].number, 0,
                     "expected two or more " + std::string(delimiter_name(d)) +
                         "-separated column names, found " + std::to_string(names.size()));
  NumericRows rows =
      read_numeric_rows(lines, h + 1, lines.size(), d, names.size(), file, names, lines[h].number);
  for (std::size_t k = 0; k < names.size(); ++k) {
    const QuantityMatch q = identify_quantity(names[k], false);
    std::vector<double>& v = rows.columns[k];
    if (q.scale != 1.0 || q.offset != 0.0)
      for (double& x : v) x = q.scale * x + q.offset;
    Column& c = m.add(q.quantity, std::move(v), names[k]);
    if (q.quantity == Quantity::other) {
      c.name = q.name.empty() ? names[k] : q.name;
      c.unit = q.unit;
    }
    if (!q.warning.empty()) m.meta.warnings.push_back(q.warning);
  }
  m.meta.format = "netzsch-csv";
  m.meta.technique_name = header("MTYPE") ? *header("MTYPE") : std::string();
  m.meta.technique = (m.has(Quantity::heat_flow) || m.has(Quantity::specific_heat_flow))
                         ? Technique::dsc
                         : Technique::other;
  if (const std::string* s = header("SAMPLE"); s && !s->empty())
    m.meta.sample = *s;
  else if (const std::string* id = header("IDENTITY"))
    m.meta.sample = *id;
  for (const auto& [k, v] : m.meta.header) {
    if (k.rfind("SAMPLE MASS", 0) != 0) continue;
    const auto mass = comma_number(v);
    const double to_kg =
        k.find("/mg") != std::string::npos ? 1e-6 : (k.find("/g") != std::string::npos ? 1e-3 : 0);
    if (mass && *mass > 0 && to_kg > 0)
      m.meta.sample_mass_kg = *mass * to_kg;
    else if (!mass || *mass < 0)
      m.meta.warnings.push_back("header entry '" + k + "' gives no sample mass ('" + v + "')");
  }
  if (const std::string* exo = header("EXO")) {
    if (*exo == "+1" || *exo == "1") m.meta.exo_up = true;
    if (*exo == "-1") m.meta.exo_up = false;
  }
  // The exported segment's programme: "#SEGMENT: S4/4" points at "#SEG. 4"; else "#RANGE".
  const std::string* programme = header("RANGE");
  if (const std::string* seg = header("SEGMENT"); seg && seg->size() > 1 && (*seg)[0] == 'S') {
    const std::string n = seg->substr(
        1, seg->find('/') == std::string::npos ? std::string::npos : seg->find('/') - 1);
    if (const std::string* s = header("SEG. " + n)) programme = s;
  }
  if (programme) {
    const Programme p = parse_programme(*programme);
    if (p.rates_k_per_min.size() == 1 && p.temperatures_c.size() == 2 &&
        p.temperatures_c[1] != p.temperatures_c[0] && p.rates_k_per_min[0] > 0) {
      const bool up = p.temperatures_c[1] > p.temperatures_c[0];
      m.meta.heating_rate_k_per_s = (up ? 1.0 : -1.0) * p.rates_k_per_min[0] / 60.0;
      m.meta.run = up ? ThermalRun::heating : ThermalRun::cooling;
    } else if (p.rates_k_per_min.size() > 1) {
      m.meta.warnings.push_back("the temperature programme '" + *programme +
                                "' has several steps; no single heating rate is recorded");
    }
  }
  std::vector<Measurement> out;
  out.push_back(std::move(m));
  return out;
}

bool is_netzsch_binary(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 512);
  static constexpr char kUtf16[] = "N\0E\0T\0Z\0S\0C\0H\0";
  return head.find(std::string_view(kUtf16, sizeof kUtf16 - 1)) != std::string_view::npos;
}

std::vector<Measurement> refuse_netzsch_binary(std::string_view, const std::string& file) {
  throw ParseError(file, 0, 0,
                   "this is a NETZSCH Proteus binary file (.ngb-*), which is not read; export the "
                   "curves from Proteus as ASCII/CSV (Extras → Export data) and read that file");
}

}  // namespace solyte::io::detail
