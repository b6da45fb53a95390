#include "output/render.hpp"

#include <algorithm>

namespace twctl::output {

size_t display_width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

namespace {

std::string pad(const std::string& s, size_t width, bool right) {
  auto w = display_width(s);
  if (w >= width) return s;
  std::string fill(width - w, ' ');
  return right ? fill + s : s + fill;
}

}  // namespace

std::string Style::status(std::string_view s) const {
  auto has = [&](std::string_view word) { return s.find(word) != std::string_view::npos; };
  if (has("Failed") || has("FAILED") || has("Terminated") || has("TERMINATED")) return red(s);
  if (has("TimedOut") || has("TIMED_OUT") || has("Timeout")) return yellow(s);
  if (has("Cancel") || has("CANCEL")) return magenta(s);
  if (has("Completed") || has("COMPLETED")) return green(s);
  if (has("Started") || has("Running") || has("RUNNING")) return blue(s);
  return std::string(s);
}

std::string render_card(const Card& card, const Style& style) {
  size_t width = 0;
  for (const auto& [name, value] : card) width = std::max(width, display_width(name));
  std::string out;
  for (const auto& [name, value] : card) {
    out += "  " + style.bold(pad(name, width, false)) + "  " + value + "\n";
  }
  return out;
}

std::string render_table(Table& table, bool header, const Style& style) {
  auto& cols = table.columns;
  // Without a header (--no-header) the titles take no room; a later page keeps the widths of the first.
  if (header) {
    for (auto& c : cols) c.width = std::max(c.width, display_width(c.title));
  }
  for (const auto& row : table.rows) {
    for (size_t i = 0; i < row.size() && i < cols.size(); ++i) {
      cols[i].width = std::max(cols[i].width, display_width(row[i]));
    }
  }
  auto line = [&](const std::vector<std::string>& cells, bool is_header) {
    std::string out;
    for (size_t i = 0; i < cols.size(); ++i) {
      const std::string& cell = i < cells.size() ? cells[i] : std::string();
      bool last = i + 1 == cols.size();
      std::string text = last && !cols[i].right ? cell : pad(cell, cols[i].width, cols[i].right);
      if (is_header) {
        text = style.magenta(text);
      } else if (cols[i].status_color) {
        // Colour the word, not its padding, so widths stay right.
        auto trimmed = text.find_last_not_of(' ');
        auto word = text.substr(0, trimmed == std::string::npos ? 0 : trimmed + 1);
        text = style.status(word) + text.substr(word.size());
      }
      out += "  " + text;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out;
  if (header) {
    std::vector<std::string> titles;
    for (const auto& c : cols) titles.push_back(c.title);
    out += line(titles, true);
  }
  for (const auto& row : table.rows) out += line(row, false);
  return out;
}

namespace {

void flatten(const nlohmann::ordered_json& j, const std::string& path, std::vector<std::pair<std::string, std::string>>& out) {
  if (j.is_object() && !j.empty()) {
    for (const auto& [k, v] : j.items()) flatten(v, path.empty() ? k : path + "." + k, out);
  } else if (j.is_array() && !j.empty()) {
    for (size_t i = 0; i < j.size(); ++i) flatten(j[i], path + "[" + std::to_string(i) + "]", out);
  } else {
    out.emplace_back(path, j.is_string() ? j.get<std::string>() : j.dump());
  }
}

}  // namespace

std::string render_flat(const nlohmann::ordered_json& j) {
  std::vector<std::pair<std::string, std::string>> lines;
  flatten(j, "", lines);
  std::stable_sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out;
  for (const auto& [path, value] : lines) out += path + ": " + value + "\n";
  return out;
}

}  // namespace twctl::output
