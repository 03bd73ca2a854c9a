// Recursive-descent parser of circuit strings (grammar in include/solyte/eis/circuit.hpp).
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "solyte/eis/circuit.hpp"

namespace solyte::eis {

namespace {

struct Symbol {
  std::string_view text;
  ElementType type;
};

// The symbols of both dialects. P (RelaxIS) and Q (EC-Lab, ZView) are constant phase elements;
// RelaxIS' R, C, L, W mean the same as impedance.py's.
constexpr Symbol kSymbols[] = {
    {"R", ElementType::R},     {"C", ElementType::C},       {"L", ElementType::L},
    {"CPE", ElementType::CPE}, {"P", ElementType::CPE},     {"Q", ElementType::CPE},
    {"W", ElementType::W},     {"Wo", ElementType::Wo},     {"Ws", ElementType::Ws},
    {"G", ElementType::G},     {"Gs", ElementType::Gs},     {"La", ElementType::La},
    {"K", ElementType::K},     {"Zarc", ElementType::Zarc}, {"RQ", ElementType::RQ},
    {"HN", ElementType::HN},   {"TLM", ElementType::TLM},
};

std::string known_symbols() {
  std::string s;
  for (const auto& k : kSymbols) s += (s.empty() ? "" : ", ") + std::string(k.text);
  return s;
}

}  // namespace

// Builds the node tree while it reads; positions are 0-based inside, 1-based in messages.
class CircuitParser {
 public:
  explicit CircuitParser(std::string_view text) : text_(text) {}

  Circuit run() {
    skip_spaces();
    if (at_end()) fail(pos_, "expected an element (the circuit is empty)");
    const std::size_t root = parse_series(Context::top);
    skip_spaces();
    if (!at_end()) {
      if (peek() == ')') fail(pos_, "expected '-' or the end of the circuit (unbalanced ')')");
      fail(pos_, "expected '-' or the end of the circuit");
    }
    c_.root_ = root;
    c_.source_ = std::string(text_);
    finish();
    return std::move(c_);
  }

 private:
  enum class Context { top, parallel, group };

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }
  void skip_spaces() {
    while (!at_end() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  [[noreturn]] void fail(std::size_t pos, const std::string& expected) const {
    throw CircuitSyntaxError(std::string(text_), pos + 1, expected);
  }

  std::size_t add(Circuit::Node node) {
    c_.nodes_.push_back(std::move(node));
    return c_.nodes_.size() - 1;
  }

  // A composite node of `kind` from its parts; nested nodes of the same kind are flattened (a
  // series inside a series is one series), and a single part is returned as it is.
  std::size_t combine(Circuit::NodeKind kind, const std::vector<std::size_t>& parts,
                      std::size_t column) {
    if (parts.size() == 1) return parts[0];
    Circuit::Node node{.kind = kind, .column = column};
    for (std::size_t p : parts) {
      const Circuit::Node& child = c_.nodes_[p];
      if (child.kind == kind)
        node.children.insert(node.children.end(), child.children.begin(), child.children.end());
      else
        node.children.push_back(p);
    }
    return add(std::move(node));
  }

  std::string after_term(Context ctx) const {
    switch (ctx) {
      case Context::top:
        return "expected '-' or the end of the circuit";
      case Context::parallel:
        return "expected '-', ',' or ')'";
      case Context::group:
        return "expected '-' or ')'";
    }
    return "";
  }

  std::size_t parse_series(Context ctx) {
    const std::size_t column = pos_ + 1;
    std::vector<std::size_t> parts{parse_term(ctx)};
    for (;;) {
      skip_spaces();
      if (peek() != '-') break;
      ++pos_;
      skip_spaces();
      parts.push_back(parse_term(ctx));
    }
    return combine(Circuit::NodeKind::series, parts, column);
  }

  std::size_t parse_term(Context ctx) {
    skip_spaces();
    const std::size_t start = pos_;
    if (at_end()) fail(pos_, "expected an element (the circuit ends here)");
    const char ch = peek();
    if (ch == 'p') {
      std::size_t q = pos_ + 1;
      while (q < text_.size() && std::isspace(static_cast<unsigned char>(text_[q]))) ++q;
      if (q < text_.size() && text_[q] == '(') {
        pos_ = q + 1;
        return parse_parallel(start);
      }
    }
    if (ch == '(') return parse_groups(start);
    if (std::isalpha(static_cast<unsigned char>(ch))) return parse_element();
    (void)ctx;
    fail(pos_, "expected an element");
  }

  // p( series , series … ) — the '(' is consumed.
  std::size_t parse_parallel(std::size_t start) {
    std::vector<std::size_t> parts{parse_series(Context::parallel)};
    for (;;) {
      skip_spaces();
      if (peek() == ',') {
        ++pos_;
        parts.push_back(parse_series(Context::parallel));
        continue;
      }
      if (peek() == ')') {
        ++pos_;
        break;
      }
      if (at_end())
        fail(pos_, "expected ')' to close the 'p(' at column " + std::to_string(start + 1));
      fail(pos_, after_term(Context::parallel));
    }
    return combine(Circuit::NodeKind::parallel, parts, start + 1);
  }

  // ( series )( series )… — adjacent groups in parallel.
  std::size_t parse_groups(std::size_t start) {
    std::vector<std::size_t> parts;
    for (;;) {
      const std::size_t open = pos_;
      ++pos_;  // '('
      parts.push_back(parse_series(Context::group));
      skip_spaces();
      if (peek() != ')') {
        if (at_end())
          fail(pos_, "expected ')' to close the '(' at column " + std::to_string(open + 1));
        fail(pos_, after_term(Context::group));
      }
      ++pos_;
      skip_spaces();
      if (peek() != '(') break;
    }
    return combine(Circuit::NodeKind::parallel, parts, start + 1);
  }

  std::size_t parse_element() {
    const std::size_t start = pos_;
    while (!at_end() && std::isalpha(static_cast<unsigned char>(peek()))) ++pos_;
    const std::string_view symbol = text_.substr(start, pos_ - start);
    const Symbol* found = nullptr;
    for (const auto& k : kSymbols)
      if (k.text == symbol) found = &k;
    if (!found)
      fail(start, "expected an element; '" + std::string(symbol) +
                      "' is not one (known: " + known_symbols() + ")");
    const std::size_t label_start = pos_;
    while (!at_end() && (std::isdigit(static_cast<unsigned char>(peek())) || peek() == '_')) ++pos_;
    Circuit::Node node{
        .kind = Circuit::NodeKind::element, .type = found->type, .column = start + 1};
    if (pos_ > label_start) node.label = std::string(text_.substr(start, pos_ - start));
    symbols_.push_back(std::string(symbol));
    const std::size_t index = add(std::move(node));
    element_order_.push_back(index);
    return index;
  }

  // Labels, parameters, the admittance flags and the scratch depth.
  void finish() {
    std::set<std::string> used;
    for (std::size_t k = 0; k < element_order_.size(); ++k) {
      const auto& n = c_.nodes_[element_order_[k]];
      if (n.label.empty()) continue;
      if (!used.insert(n.label).second)
        fail(n.column - 1, "expected a label not used before ('" + n.label + "' appears twice)");
    }
    std::map<std::string, int> counter;
    for (std::size_t k = 0; k < element_order_.size(); ++k) {
      auto& n = c_.nodes_[element_order_[k]];
      if (!n.label.empty()) continue;
      std::string label;
      do label = symbols_[k] + std::to_string(++counter[symbols_[k]]);
      while (used.count(label));
      used.insert(label);
      n.label = label;
    }
    for (std::size_t index : element_order_) {
      auto& n = c_.nodes_[index];
      n.first_parameter = c_.parameters_.size();
      const ElementInfo& info = element_info(n.type);
      for (std::size_t j = 0; j < info.parameters.size(); ++j) {
        const auto& pi = info.parameters[j];
        CircuitParameter p;
        p.name = pi.suffix.empty() ? n.label : n.label + "_" + std::string(pi.suffix);
        p.alias = n.label + "_" + std::to_string(j);
        p.unit = std::string(pi.unit);
        p.element = n.label;
        p.type = n.type;
        p.index_in_element = j;
        p.transform = pi.transform;
        p.lower = pi.lower;
        p.upper = pi.upper;
        c_.parameters_.push_back(std::move(p));
      }
    }
    mark(c_.root_, false);
    c_.depth_ = std::max<std::size_t>(1, need(c_.root_));
  }

  void mark(std::size_t index, bool admittance) {
    auto& n = c_.nodes_[index];
    n.admittance = admittance;
    const bool child_admittance = n.kind == Circuit::NodeKind::parallel;
    for (std::size_t ch : n.children) mark(ch, child_admittance);
  }

  // Scratch columns Circuit::eval_node uses below a node.
  std::size_t need(std::size_t index) const {
    const auto& n = c_.nodes_[index];
    if (n.kind == Circuit::NodeKind::element) return 0;
    std::size_t d = need(n.children[0]);
    for (std::size_t c = 1; c < n.children.size(); ++c) d = std::max(d, 1 + need(n.children[c]));
    return d;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  Circuit c_;
  std::vector<std::size_t> element_order_;
  std::vector<std::string> symbols_;
};

Circuit Circuit::parse(std::string_view text) { return CircuitParser(text).run(); }

}  // namespace solyte::eis
