// Prints every example of the command tree, one per line ("twctl workflow start ..."; line continuations
// joined), for scripts/fuzz --seeds: the seeds of fuzz_cli and fuzz_complete.

#include "cli/app.hpp"
#include "cli/docs/man.hpp"
#include "cli/meta.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <string>

int main() {
  using namespace twctl::cli;
  auto tree = build_tree();
  for (const auto* cmd : visible_commands(*tree->app)) {
    for (auto e : command_meta(*cmd).examples) {
      for (size_t at; (at = e.find("\\\n")) != std::string::npos;) e.replace(at, 2, " ");
      std::cout << e << "\n";
    }
  }
  return std::cout ? 0 : 1;
}
