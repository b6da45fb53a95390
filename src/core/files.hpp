#pragma once
// Files named on the command line (inputs, descriptions, TLS material): read whole, and what is wrong said in
// words with the flag and path, so that a directory is not reported as "not valid JSON".

#include <fstream>
#include <string>
#include <string_view>

namespace twctl {

// Opens `path` for reading (to stream it); returns "" or the problem, as read_whole_file says it.
std::string open_file(const std::string& path, std::ifstream& in);

// Reads `path` into `contents`; returns "" or the problem: "does not exist", "is a directory",
// "cannot be read (Permission denied)".
std::string read_whole_file(const std::string& path, std::string& contents);

// The file's text, or a usage error "<flag> <path>: the file <problem>".
std::string read_input_file(std::string_view flag, const std::string& path);

}  // namespace twctl
