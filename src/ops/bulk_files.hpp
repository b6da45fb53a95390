#pragma once
// The files of a bulk run (ops/bulk.hpp): the lines read one at a time (never the whole file), the line numbers
// an earlier results file says succeeded (--resume-from), and a line count for the progress line's ETA.

#include <algorithm>
#include <cstddef>
#include <deque>
#include <fstream>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace twctl::ops {

// Line numbers (from 1), one bit each.
class LineSet {
 public:
  void insert(size_t line) {
    if (line >= bits_.size()) bits_.resize(std::max(line + 1, bits_.size() * 2));
    if (!bits_[line]) ++size_;
    bits_[line] = true;
  }
  bool contains(size_t line) const { return line < bits_.size() && bits_[line]; }
  size_t size() const { return size_; }

 private:
  std::vector<bool> bits_;
  size_t size_ = 0;
};

class LineSource {
 public:
  struct Item {
    size_t line = 0;  // from 1
    std::string text;
  };

  // "-": standard input.
  LineSource(std::string name, std::istream& in, std::unique_ptr<std::ifstream> owned = nullptr)
      : name_(std::move(name)), in_(in), owned_(std::move(owned)) {}

  // The first line that is not blank must be a JSON object: a usage error naming the file and line otherwise
  // (a file of another kind given by mistake starts nothing). It is handed out again by next().
  void check_first_line();
  // The next line, blank ones included; nullopt at the end. A read error is an Error naming the file.
  std::optional<Item> next();

 private:
  std::string name_;
  std::istream& in_;
  std::unique_ptr<std::ifstream> owned_;
  std::optional<Item> read();

  size_t line_ = 0;
  std::deque<Item> pending_;  // the lines check_first_line read, handed out first
};

// --from-file: a usage error naming the flag and path when it cannot be opened.
std::unique_ptr<LineSource> open_lines(const std::string& path, std::istream& stdin_stream);

// --resume-from: the lines whose result succeeded. A usage error when the file cannot be read or a line is not
// a result (a last line cut short by a crash is ignored).
LineSet read_resume_file(const std::string& path);

// How many lines `path` has (for an ETA); nullopt when it cannot be read.
std::optional<size_t> count_lines(const std::string& path);

}  // namespace twctl::ops
