// Chemical-formula parser and molar mass (docs/methods.md §5).
//
// A recursive-descent parser over bytes; positions in messages count UTF-8 code points from 1
// so that they match what the user sees ("CuSO4·5H2O" has '·' at position 6).
#include "solyte/xtal/formula.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

#include "core/number_parse.hpp"
#include "solyte/error.hpp"

namespace solyte::xtal {

namespace {

constexpr std::string_view kMiddleDot = "\xC2\xB7";     // U+00B7 MIDDLE DOT
constexpr std::string_view kBulletOp = "\xE2\x88\x99";  // U+2219 BULLET OPERATOR
constexpr std::string_view kDotOp = "\xE2\x8B\x85";     // U+22C5 DOT OPERATOR

std::string count_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  std::vector<FormulaTerm> parse() {
    std::vector<FormulaTerm> all;
    skip_blanks();
    if (at_end()) fail(0, "the formula is empty");
    while (true) {
      // A part: optional leading multiplier, then a sequence of elements and groups.
      skip_blanks();
      double multiplier = 1;
      if (starts_number()) multiplier = read_count("multiplier");
      skip_blanks();
      const std::size_t part_start = pos_;
      auto part = sequence(0);
      if (part.empty()) fail(part_start, "expected an element symbol or a group, found " + found());
      for (auto& t : part) add(all, t.symbol, t.count * multiplier);
      skip_blanks();
      if (at_end()) break;
      if (!consume_adduct_separator())
        fail(pos_, "unexpected " + found() +
                       (is_closing(text_[pos_]) ? " (no matching opening bracket)" : ""));
    }
    return all;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;

  bool at_end() const { return pos_ >= text_.size(); }
  static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
  static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }
  static bool is_opening(char c) { return c == '(' || c == '[' || c == '{'; }
  static bool is_closing(char c) { return c == ')' || c == ']' || c == '}'; }
  static char closing_for(char c) { return c == '(' ? ')' : c == '[' ? ']' : '}'; }

  bool starts_number() const {
    if (at_end()) return false;
    if (is_digit(text_[pos_])) return true;
    return text_[pos_] == '.' && pos_ + 1 < text_.size() && is_digit(text_[pos_ + 1]);
  }

  void skip_blanks() {
    while (!at_end() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
  }

  bool consume_adduct_separator() {
    for (auto sep : {std::string_view("*"), kMiddleDot, kBulletOp, kDotOp})
      if (text_.substr(pos_, sep.size()) == sep) {
        pos_ += sep.size();
        return true;
      }
    return false;
  }

  // 1-based position in code points of byte offset `byte`.
  std::size_t column(std::size_t byte) const {
    std::size_t col = 1;
    for (std::size_t i = 0; i < byte && i < text_.size(); ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
    return col;
  }

  // The code point at pos_, quoted, for messages.
  std::string found() const {
    if (at_end()) return "the end";
    std::size_t n = 1;
    while (pos_ + n < text_.size() && (static_cast<unsigned char>(text_[pos_ + n]) & 0xC0) == 0x80)
      ++n;
    return "'" + std::string(text_.substr(pos_, n)) + "'";
  }

  [[noreturn]] void fail(std::size_t byte, const std::string& what,
                         const std::string& after = {}) const {
    throw InvalidArgument("formula '" + std::string(text_) + "': " + what + " at position " +
                          std::to_string(column(byte)) + after);
  }

  static void add(std::vector<FormulaTerm>& terms, const std::string& symbol, double count) {
    for (auto& t : terms)
      if (t.symbol == symbol) {
        t.count += count;
        return;
      }
    terms.push_back({symbol, count});
  }

  double read_count(const char* what) {
    const std::size_t start = pos_;
    std::size_t end = pos_;
    while (end < text_.size() && is_digit(text_[end])) ++end;
    if (end < text_.size() && text_[end] == '.' && end + 1 < text_.size() &&
        is_digit(text_[end + 1])) {
      ++end;
      while (end < text_.size() && is_digit(text_[end])) ++end;
    }
    const auto v = detail::parse_double(text_.substr(start, end - start));
    if (!v || !std::isfinite(*v)) fail(start, std::string("cannot read the ") + what);
    if (!(*v > 0)) fail(start, std::string("a ") + what + " must be positive");
    pos_ = end;
    return *v;
  }

  // Elements and groups until the end, an adduct separator or a closing bracket.
  std::vector<FormulaTerm> sequence(int depth) {
    std::vector<FormulaTerm> terms;
    while (true) {
      skip_blanks();
      if (at_end()) return terms;
      const char c = text_[pos_];
      if (is_upper(c)) {
        const std::size_t start = pos_;
        std::size_t n = 1;
        if (pos_ + 1 < text_.size() && is_lower(text_[pos_ + 1])) n = 2;
        const std::string symbol(text_.substr(pos_, n));
        const Element* e = find_element(symbol);
        if (!e) {
          std::string hint;
          const std::string second =
              n == 2 ? std::string(1, static_cast<char>(symbol[1] - 'a' + 'A')) : "";
          if (n == 2 && find_element(symbol.substr(0, 1)) && find_element(second))
            hint = " (a small letter continues a symbol; for two elements write " +
                   symbol.substr(0, 1) + second + ")";
          fail(start, "unknown element '" + symbol + "'", hint);
        }
        pos_ += n;
        double count = 1;
        if (starts_number()) count = read_count("count");
        add(terms, symbol, count);
      } else if (is_opening(c)) {
        const std::size_t open = pos_;
        ++pos_;
        auto inner = sequence(depth + 1);
        skip_blanks();
        if (at_end()) fail(open, std::string("unclosed '") + c + "'");
        if (text_[pos_] != closing_for(c)) {
          const std::string where = " (inside the '" + std::string(1, c) + "' at position " +
                                    std::to_string(column(open)) + ")";
          if (is_closing(text_[pos_]))
            fail(pos_, std::string("'") + text_[pos_] + "' does not match", where);
          fail(pos_, "unexpected " + found(), where);
        }
        if (inner.empty()) fail(open, "empty group");
        ++pos_;
        double count = 1;
        if (starts_number()) count = read_count("group multiplier");
        for (auto& t : inner) add(terms, t.symbol, t.count * count);
      } else if (is_closing(c)) {
        if (depth == 0) fail(pos_, std::string("'") + c + "' without a matching opening bracket");
        return terms;
      } else if (is_lower(c)) {
        fail(pos_, "element symbols start with a capital letter, found " + found());
      } else if (starts_number()) {
        fail(pos_, "a number must follow an element or a closing bracket, found " + found());
      } else {
        return terms;  // adduct separator or an unexpected character: the caller decides
      }
    }
  }
};

}  // namespace

double Formula::count(std::string_view symbol) const {
  for (const auto& t : terms)
    if (t.symbol == symbol) return t.count;
  return 0;
}

Formula parse_formula(std::string_view text) {
  Formula f;
  f.text = std::string(text);
  f.terms = Parser(text).parse();
  return f;
}

double molar_mass_g_per_mol(const Formula& formula) {
  if (formula.terms.empty()) throw InvalidArgument("molar mass: the formula has no elements");
  double m = 0;
  for (const auto& t : formula.terms) {
    const Element* e = find_element(t.symbol);
    if (!e) throw InvalidArgument("molar mass: unknown element '" + t.symbol + "'");
    if (!e->atomic_weight)
      throw InvalidArgument(
          "molar mass of '" + formula.text + "': " + t.symbol +
          " has no standard atomic weight (IUPAC 2021 gives none for this radioactive "
          "element); "
          "give the molar mass directly");
    m += t.count * *e->atomic_weight;
  }
  return m;
}

double molar_mass_g_per_mol(std::string_view formula_text) {
  return molar_mass_g_per_mol(parse_formula(formula_text));
}

std::string hill_notation(const Formula& formula) {
  std::vector<FormulaTerm> terms = formula.terms;
  const bool has_carbon = formula.count("C") > 0;
  auto rank = [&](const std::string& s) {
    if (has_carbon && s == "C") return 0;
    if (has_carbon && s == "H") return 1;
    return 2;
  };
  std::stable_sort(terms.begin(), terms.end(), [&](const FormulaTerm& x, const FormulaTerm& y) {
    const int rx = rank(x.symbol), ry = rank(y.symbol);
    return rx != ry ? rx < ry : x.symbol < y.symbol;
  });
  std::string out;
  for (const auto& t : terms) out += t.symbol + (t.count == 1 ? "" : count_text(t.count));
  return out;
}

}  // namespace solyte::xtal
