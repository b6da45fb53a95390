#include "ops/bulk_files.hpp"

#include "core/error.hpp"
#include "core/files.hpp"
#include "ops/bulk.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace twctl::ops {

namespace {

bool is_blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
}

bool read_line(std::istream& in, std::string& text) {
  if (!std::getline(in, text)) return false;
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return true;
}

}  // namespace

void LineSource::check_first_line() {
  while (auto item = read()) {
    pending_.push_back(*item);
    if (is_blank(item->text)) continue;
    auto j = nlohmann::json::parse(item->text, nullptr, false);
    if (!j.is_object()) {
      throw usage_error(fmt::format("--from-file {}: line {} is not a JSON object (one object a line, keyed by the "
                                    "flags' long names); nothing was sent",
                                    name_, item->line));
    }
    break;
  }
}

std::optional<LineSource::Item> LineSource::next() {
  if (!pending_.empty()) {
    Item item = std::move(pending_.front());
    pending_.pop_front();
    return item;
  }
  return read();
}

std::optional<LineSource::Item> LineSource::read() {
  Item item;
  if (!read_line(in_, item.text)) {
    if (in_.bad()) throw Error(ErrorKind::General, fmt::format("--from-file {}: reading failed after line {}", name_, line_));
    return std::nullopt;
  }
  item.line = ++line_;
  return item;
}

std::unique_ptr<LineSource> open_lines(const std::string& path, std::istream& stdin_stream) {
  if (path == "-") return std::make_unique<LineSource>("(standard input)", stdin_stream);
  auto file = std::make_unique<std::ifstream>();
  if (auto p = open_file(path, *file); !p.empty()) {
    throw usage_error(fmt::format("--from-file {}: the file {}", path, p));
  }
  auto& in = *file;
  return std::make_unique<LineSource>(path, in, std::move(file));
}

LineSet read_resume_file(const std::string& path) {
  std::ifstream in;
  if (auto p = open_file(path, in); !p.empty()) throw usage_error(fmt::format("--resume-from {}: the file {}", path, p));
  LineSet done;
  std::string text;
  for (size_t n = 1; read_line(in, text); ++n) {
    if (is_blank(text)) continue;
    auto j = nlohmann::json::parse(text, nullptr, false);
    bool result = j.is_object() && j.contains("line") && j["line"].is_number_unsigned() && j.contains("status") &&
                  j["status"].is_string();
    if (!result) {
      if (in.eof()) break;  // the last line, cut short (no newline): the run that wrote it was killed mid-line
      throw usage_error(fmt::format("--resume-from {}: line {} is not a result of --from-file (an object with "
                                    "\"line\" and \"status\")",
                                    path, n));
    }
    if (succeeded(j["status"].get<std::string>())) done.insert(j["line"].get<size_t>());
  }
  if (in.bad()) throw usage_error(fmt::format("--resume-from {}: the file cannot be read", path));
  return done;
}

std::optional<size_t> count_lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::array<char, 1 << 16> buf{};
  size_t lines = 0;
  char last = '\n';
  while (in.read(buf.data(), buf.size()) || in.gcount() > 0) {
    auto n = static_cast<size_t>(in.gcount());
    lines += static_cast<size_t>(std::count(buf.data(), buf.data() + n, '\n'));
    last = buf[n - 1];
  }
  return lines + (last == '\n' ? 0 : 1);
}

}  // namespace twctl::ops
