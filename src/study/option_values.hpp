// Reading analysis options from a manifest the way the command line reads its flags: values
// with units ("10mm", "25C", "4mS/cm"), numbers, choices. Errors name the manifest line.
#pragma once

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "solyte/study/manifest.hpp"

namespace solyte::study::detail {

class OptionReader {
 public:
  /// `line` is where the entry starts: errors about an absent key point there.
  OptionReader(const Options& options, const std::string& manifest, std::string what,
               std::size_t line = 0)
      : options_(options), manifest_(manifest), what_(std::move(what)), line_(line) {}

  /// Throws ParseError at the first key not in `known` (a misspelt option never passes
  /// silently).
  void allow_only(std::initializer_list<std::string_view> known) const;

  std::optional<double> number(std::string_view key) const;
  std::optional<long> integer(std::string_view key) const;
  std::optional<bool> flag(std::string_view key) const;
  std::optional<std::string> text(std::string_view key) const;
  std::optional<double> length_m(std::string_view key) const;
  std::optional<double> area_m2(std::string_view key) const;
  std::optional<double> temperature_k(std::string_view key) const;
  std::optional<double> mass_kg(std::string_view key) const;
  std::optional<double> conductivity_s_per_m(std::string_view key) const;
  /// "A:B" with both ends read by `value` (units as the command line takes them).
  std::optional<std::pair<double, double>> range(
      std::string_view key, const std::function<double(std::string_view)>& value) const;
  /// Any value read by `value` (e.g. parse_current_a).
  std::optional<double> quantity(std::string_view key,
                                 const std::function<double(std::string_view)>& value) const;
  /// A comma-separated list of numbers.
  std::vector<double> numbers(std::string_view key) const;
  /// One of `choices`, else ParseError listing them.
  std::optional<std::string> choice(std::string_view key,
                                    std::initializer_list<std::string_view> choices) const;

  /// ParseError at the line of `key` (or of the entry when the key is absent).
  [[noreturn]] void fail(std::string_view key, const std::string& expected) const;

 private:
  template <class F>
  auto convert(std::string_view key, F&& f) const -> std::optional<decltype(f(std::string()))>;

  const Options& options_;
  const std::string& manifest_;
  std::string what_;
  std::size_t line_ = 0;
};

}  // namespace solyte::study::detail
