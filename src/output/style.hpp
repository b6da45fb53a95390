#pragma once
// ANSI colour for text output, on only when asked (--color) or when stdout is a terminal and NO_COLOR is unset.

#include <string>
#include <string_view>

namespace twctl::output {

class Style {
 public:
  explicit Style(bool enabled = false) : enabled_(enabled) {}
  bool enabled() const { return enabled_; }

  std::string bold(std::string_view s) const { return wrap("1", s); }
  std::string red(std::string_view s) const { return wrap("31", s); }
  std::string green(std::string_view s) const { return wrap("32", s); }
  std::string yellow(std::string_view s) const { return wrap("33", s); }
  std::string blue(std::string_view s) const { return wrap("34", s); }
  std::string magenta(std::string_view s) const { return wrap("35", s); }

  // Colour for a status or event type word: failed/terminated red, timed out yellow, canceled magenta,
  // completed green, started/running blue.
  std::string status(std::string_view s) const;

 private:
  std::string wrap(std::string_view code, std::string_view s) const {
    if (!enabled_) return std::string(s);
    return "\x1b[" + std::string(code) + "m" + std::string(s) + "\x1b[0m";
  }
  bool enabled_;
};

}  // namespace twctl::output
