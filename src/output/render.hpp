#pragma once
// Renderers return strings; printing is a separate step (and tests compare exact text).

#include "output/style.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

namespace twctl::output {

// A card: one "Name  value" row per field, names padded to the longest, two-space indent.
using Card = std::vector<std::pair<std::string, std::string>>;
std::string render_card(const Card& card, const Style& style = Style());

struct Column {
  std::string title;
  bool right = false;         // numbers are right-aligned
  bool status_color = false;  // colour the cell as a status word
  size_t width = 0;           // grows to fit; kept between pages of a streamed table
};

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;
};

// Two spaces before every column. The header is printed when `header` is set, so a table streamed page by
// page prints it once. Column widths grow to fit this page and are remembered for the next one; the last
// column is not padded.
std::string render_table(Table& table, bool header, const Style& style = Style());

// A JSON object as "dotted.path: value" lines sorted by path (array items as path[i]); strings unquoted, other
// values as one-line JSON. Empty objects and arrays print as {} and [].
std::string render_flat(const nlohmann::ordered_json& j);

// Display width of UTF-8 text (code points; no wide-character tables).
size_t display_width(const std::string& s);

}  // namespace twctl::output
