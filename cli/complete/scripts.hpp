#pragma once
// The completion scripts for bash, zsh and fish. Each only asks `twctl __complete` (cli/complete/complete.hpp)
// for the candidates, so commands and flags added to the tree complete without touching them.

#include <string>
#include <string_view>
#include <vector>

namespace twctl::cli {

const std::vector<std::string>& completion_shells();  // bash, zsh, fish

// The script for `shell` (one of completion_shells()); "" for another name.
std::string completion_script(std::string_view shell);

// Where each script is installed, below the prefix, and its file name.
std::string completion_install_path(std::string_view shell);

}  // namespace twctl::cli
