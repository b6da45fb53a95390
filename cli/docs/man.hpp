#pragma once
// Man pages from the command tree: twctl(1) and one page per command (twctl-workflow-start(1), ...), with the
// options grouped as in --help, the examples and description given to set_help, the environment variables from
// the flag registry, and the exit status from core/error.cpp's table.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace twctl::cli {

struct ManPage {
  std::string file;  // "twctl-workflow-start.1"
  std::string text;  // man(7) source
};

// Every visible command of the tree rooted at `root`, the root first. `date` goes into .TH.
std::vector<ManPage> man_pages(const CLI::App& root, const std::string& date);

// The visible commands below `app`, depth first (the generator, completion and the completeness test share it).
std::vector<const CLI::App*> visible_commands(const CLI::App& app);

}  // namespace twctl::cli
