#include "core/files.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace twctl {

std::string open_file(const std::string& path, std::ifstream& in) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) return "does not exist";
  if (std::filesystem::is_directory(status)) return "is a directory";
  in.open(path, std::ios::binary);
  if (!in) return fmt::format("cannot be read ({})", std::strerror(errno));
  return {};
}

std::string read_whole_file(const std::string& path, std::string& contents) {
  std::ifstream in;
  if (auto p = open_file(path, in); !p.empty()) return p;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return fmt::format("cannot be read ({})", std::strerror(errno));
  contents = text.str();
  return {};
}

std::string read_input_file(std::string_view flag, const std::string& path) {
  std::string text;
  if (auto p = read_whole_file(path, text); !p.empty()) {
    throw usage_error(fmt::format("{} {}: the file {}", flag, path, p));
  }
  return text;
}

}  // namespace twctl
