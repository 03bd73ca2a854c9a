#include "solyte/study/manifest.hpp"

#include <glob.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <set>
#include <toml++/toml.h>

#include "solyte/error.hpp"
#include "solyte/io/file_bytes.hpp"

namespace solyte::study {

namespace {

constexpr std::pair<MeasurementKind, std::string_view> kKinds[] = {
    {MeasurementKind::impedance, "impedance"}, {MeasurementKind::modulus, "modulus"},
    {MeasurementKind::diffraction, "diffraction"}, {MeasurementKind::infrared, "infrared"},
    {MeasurementKind::raman, "raman"},         {MeasurementKind::nmr, "nmr"},
    {MeasurementKind::cv, "cv"},               {MeasurementKind::ccd, "ccd"},
    {MeasurementKind::dsc, "dsc"},
};

constexpr std::string_view kEntryKinds[] = {"packing", "entropy", "ema", "comparison"};

struct Context {
  const std::string& name;
  const std::string& base_dir;
};

std::size_t line_of(const toml::node& n) { return n.source().begin.line; }
std::size_t column_of(const toml::node& n) { return n.source().begin.column; }

[[noreturn]] void fail(const Context& c, const toml::node& at, const std::string& what) {
  throw ParseError(c.name, line_of(at), column_of(at), what);
}

std::string number_text(double v) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

// A scalar or an array of scalars as the text an option parser expects.
std::string value_text(const Context& c, const std::string& key, const toml::node& n) {
  if (const auto* s = n.as_string()) return s->get();
  if (const auto* i = n.as_integer()) return std::to_string(i->get());
  if (const auto* f = n.as_floating_point()) return number_text(f->get());
  if (const auto* b = n.as_boolean()) return b->get() ? "true" : "false";
  if (const auto* a = n.as_array()) {
    std::string out;
    for (const auto& e : *a) {
      if (e.is_array() || e.is_table())
        fail(c, e, "expected a number or text in the list '" + key + "'");
      out += (out.empty() ? "" : ",") + value_text(c, key, e);
    }
    return out;
  }
  fail(c, n, "expected a number, text, true/false or a list for '" + key + "'");
}

bool valid_sample_name(std::string_view s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.';
  });
}

std::vector<std::string> expand(const Context& c, const toml::node& at,
                                const std::string& pattern) {
  namespace fs = std::filesystem;
  const fs::path p = fs::path(pattern).is_absolute() ? fs::path(pattern)
                                                     : fs::path(c.base_dir) / pattern;
  glob_t g{};
  const int rc = ::glob(p.string().c_str(), GLOB_ERR, nullptr, &g);
  std::vector<std::string> out;
  if (rc == 0)
    for (std::size_t i = 0; i < g.gl_pathc; ++i)
      if (fs::is_regular_file(g.gl_pathv[i])) out.emplace_back(g.gl_pathv[i]);
  globfree(&g);
  if (out.empty())
    fail(c, at, "no file matches '" + pattern + "' (looked in " + p.parent_path().string() +
                    ")");
  return out;
}

Options options_of(const Context& c, const toml::table& t,
                   std::initializer_list<std::string_view> skip) {
  Options o;
  for (const auto& [k, v] : t) {
    const std::string key(k.str());
    if (std::find(skip.begin(), skip.end(), key) != skip.end()) continue;
    if (v.is_table()) fail(c, v, "expected a value for '" + key + "', found a table");
    if (v.is_array_of_tables())
      fail(c, v, "expected a value for '" + key + "', found a list of tables");
    o.items.push_back({key, value_text(c, key, v), line_of(v)});
  }
  return o;
}

MeasurementSpec measurement_of(const Context& c, MeasurementKind kind, const toml::table& t) {
  MeasurementSpec m;
  m.kind = kind;
  m.line = line_of(t);
  const toml::node* files = t.get("files");
  if (!files) fail(c, t, "expected 'files = \"…\"' in this " + std::string(to_string(kind)) +
                             " entry (a path or glob, or a list of them)");
  std::vector<const toml::node*> nodes;
  if (const auto* a = files->as_array()) {
    for (const auto& e : *a) nodes.push_back(&e);
  } else {
    nodes.push_back(files);
  }
  std::set<std::string> seen;
  for (const toml::node* n : nodes) {
    const auto* s = n->as_string();
    if (!s) fail(c, *n, "expected a file path or glob (text) in 'files'");
    m.patterns.push_back(s->get());
    for (auto& f : expand(c, *n, s->get()))
      if (seen.insert(f).second) m.files.push_back(f);
  }
  std::sort(m.files.begin(), m.files.end());
  if (const toml::node* run = t.get("run")) {
    const auto* s = run->as_string();
    const std::string v = s ? s->get() : "";
    if (v == "heating") m.run = ThermalRun::heating;
    else if (v == "cooling") m.run = ThermalRun::cooling;
    else fail(c, *run, "expected run = \"heating\" or \"cooling\"");
  }
  m.options = options_of(c, t, {"files", "run"});
  return m;
}

template <class F>
void each_table(const Context& c, const toml::node& n, const std::string& what, F&& f) {
  if (const auto* t = n.as_table()) {
    f(*t);
  } else if (const auto* a = n.as_array()) {
    for (const auto& e : *a) {
      const auto* t = e.as_table();
      if (!t) fail(c, e, "expected a table in '" + what + "'");
      f(*t);
    }
  } else {
    fail(c, n, "expected a table ([" + what + "]) or tables ([[" + what + "]])");
  }
}

SampleSpec sample_of(const Context& c, const toml::table& t) {
  SampleSpec s;
  s.line = line_of(t);
  const auto* name = t.get("name") ? t.get("name")->as_string() : nullptr;
  if (!name) fail(c, t, "expected 'name = \"…\"' in this [[sample]]");
  s.name = name->get();
  if (!valid_sample_name(s.name))
    fail(c, *t.get("name"), "expected a sample name of letters, digits, '-', '_' or '.', found '" +
                                s.name + "'");
  for (const auto& [k, v] : t) {
    const std::string key(k.str());
    const auto kind = measurement_kind_from_string(key);
    if (!kind) continue;
    each_table(c, v, "sample." + key,
               [&](const toml::table& m) { s.measurements.push_back(measurement_of(c, *kind, m)); });
  }
  std::vector<std::string_view> skip{"name"};
  for (const auto& [kind, n] : kKinds) skip.push_back(n);
  Options props;
  for (const auto& [k, v] : t) {
    const std::string key(k.str());
    if (std::find(skip.begin(), skip.end(), key) != skip.end()) continue;
    if (v.is_table() || v.is_array_of_tables()) {
      std::string kinds;
      for (const auto& [kk, kn] : kKinds) kinds += (kinds.empty() ? "" : ", ") + std::string(kn);
      fail(c, v, "unknown measurement '" + key + "' in sample '" + s.name + "'; known: " + kinds);
    }
    props.items.push_back({key, value_text(c, key, v), line_of(v)});
  }
  s.properties = std::move(props);
  return s;
}

double number_of(const Context& c, const toml::node& n, const std::string& what) {
  if (const auto* i = n.as_integer()) return static_cast<double>(i->get());
  if (const auto* f = n.as_floating_point()) return f->get();
  fail(c, n, "expected a number for '" + what + "'");
}

PaperValue paper_of(const Context& c, const toml::table& t) {
  PaperValue p;
  p.line = line_of(t);
  auto text = [&](const char* key, bool required) -> std::string {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) fail(c, t, std::string("expected '") + key + " = \"…\"' in this [[paper]] row");
      return {};
    }
    const auto* s = n->as_string();
    if (!s) fail(c, *n, std::string("expected text for '") + key + "'");
    return s->get();
  };
  p.quantity = text("quantity", true);
  p.result = text("result", true);
  p.unit = text("unit", false);
  p.source = text("source", false);
  const toml::node* v = t.get("value");
  if (!v) fail(c, t, "expected 'value = …' in this [[paper]] row");
  p.value = number_of(c, *v, "value");
  if (const toml::node* tol = t.get("tolerance")) {
    if (const auto* s = tol->as_string()) {
      std::string txt = s->get();
      if (txt.empty() || txt.back() != '%')
        fail(c, *tol, "expected a tolerance as a number or a percentage (\"5%\")");
      txt.pop_back();
      double pct = 0;
      const auto r = std::from_chars(txt.data(), txt.data() + txt.size(), pct);
      if (r.ec != std::errc() || r.ptr != txt.data() + txt.size() || !(pct >= 0))
        fail(c, *tol, "expected a tolerance as a number or a percentage (\"5%\")");
      p.tolerance = pct / 100.0;
      p.relative = true;
    } else {
      p.tolerance = number_of(c, *tol, "tolerance");
    }
  }
  for (const auto& [k, vv] : t) {
    const std::string key(k.str());
    if (key != "quantity" && key != "result" && key != "value" && key != "tolerance" &&
        key != "unit" && key != "source")
      fail(c, vv, "unknown key '" + key +
                      "' in [[paper]]; expected quantity, result, value, tolerance, unit, source");
  }
  return p;
}

}  // namespace

std::string_view to_string(MeasurementKind k) {
  for (const auto& [kind, name] : kKinds)
    if (kind == k) return name;
  return "impedance";
}

std::optional<MeasurementKind> measurement_kind_from_string(std::string_view name) {
  for (const auto& [kind, n] : kKinds)
    if (n == name) return kind;
  return std::nullopt;
}

const Option* Options::find(std::string_view key) const {
  for (const auto& o : items)
    if (o.key == key) return &o;
  return nullptr;
}

std::string Options::get(std::string_view key, std::string_view fallback) const {
  const Option* o = find(key);
  return o ? o->value : std::string(fallback);
}

std::optional<double> SampleSpec::number(std::string_view key, const std::string& manifest) const {
  const Option* o = properties.find(key);
  if (!o) return std::nullopt;
  double v = 0;
  const auto r = std::from_chars(o->value.data(), o->value.data() + o->value.size(), v);
  if (r.ec != std::errc() || r.ptr != o->value.data() + o->value.size())
    throw ParseError(manifest, o->line, 0,
                     "expected a number for '" + o->key + "', found '" + o->value + "'");
  return v;
}

const SampleSpec* Manifest::sample(std::string_view name) const {
  for (const auto& s : samples)
    if (s.name == name) return &s;
  return nullptr;
}

Options Manifest::options_for(MeasurementKind kind, const Options& own) const {
  Options merged = own;
  for (const auto& [k, d] : defaults)
    if (k == kind)
      for (const auto& o : d.items)
        if (!merged.has(o.key)) merged.items.push_back(o);
  return merged;
}

Manifest parse_manifest(std::string_view text, const std::string& name,
                        const std::string& base_dir) {
  const Context c{name, base_dir};
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    throw ParseError(name, e.source().begin.line, e.source().begin.column,
                     "valid TOML: " + std::string(e.description()));
  }
  Manifest m;
  m.path = name;
  m.base_dir = base_dir;
  for (const auto& [k, v] : root) {
    const std::string key(k.str());
    if (key == "study") {
      const auto* t = v.as_table();
      if (!t) fail(c, v, "expected a [study] table");
      for (const auto& [sk, sv] : *t) {
        const std::string skey(sk.str());
        const auto* s = sv.as_string();
        if ((skey != "title" && skey != "reference") || !s)
          fail(c, sv, "expected title = \"…\" or reference = \"…\" in [study], found '" + skey + "'");
        (skey == "title" ? m.title : m.reference) = s->get();
      }
    } else if (key == "defaults") {
      const auto* t = v.as_table();
      if (!t) fail(c, v, "expected [defaults.<measurement>] tables");
      for (const auto& [dk, dv] : *t) {
        const auto kind = measurement_kind_from_string(dk.str());
        const auto* dt = dv.as_table();
        if (!kind || !dt)
          fail(c, dv, "expected [defaults.<measurement>] with a measurement kind such as "
                      "impedance, cv or dsc, found '" + std::string(dk.str()) + "'");
        m.defaults.emplace_back(*kind, options_of(c, *dt, {}));
      }
    } else if (key == "sample") {
      each_table(c, v, "sample", [&](const toml::table& t) {
        SampleSpec s = sample_of(c, t);
        if (m.sample(s.name)) fail(c, t, "a second sample named '" + s.name + "'");
        m.samples.push_back(std::move(s));
      });
    } else if (key == "paper") {
      each_table(c, v, "paper", [&](const toml::table& t) { m.paper.push_back(paper_of(c, t)); });
    } else if (std::find(std::begin(kEntryKinds), std::end(kEntryKinds), key) !=
               std::end(kEntryKinds)) {
      each_table(c, v, key, [&](const toml::table& t) {
        Entry e;
        e.line = line_of(t);
        e.kind = key;
        if (key == "comparison") {
          const auto* kk = t.get("kind") ? t.get("kind")->as_string() : nullptr;
          if (!kk)
            fail(c, t, "expected kind = \"migration-entropy\", \"milling-series\" or "
                       "\"bond-length\" in [[comparison]]");
          e.kind = kk->get();
          e.options = options_of(c, t, {"kind"});
        } else {
          e.options = options_of(c, t, {});
        }
        m.entries.push_back(std::move(e));
      });
    } else {
      fail(c, v, "unknown section '" + key +
                     "'; expected study, defaults, sample, packing, entropy, ema, comparison "
                     "or paper");
    }
  }
  if (m.samples.empty() && m.entries.empty())
    throw ParseError(name, 0, 0, "expected at least one [[sample]] or study-level entry");
  return m;
}

Manifest load_manifest(const std::string& path) {
  const std::string text = io::read_file_bytes(path);
  std::filesystem::path dir = std::filesystem::absolute(path).parent_path();
  return parse_manifest(text, path, dir.string());
}

}  // namespace solyte::study
