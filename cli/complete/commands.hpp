#pragma once
// `twctl completion bash|zsh|fish`, `twctl help exit-codes`, and the two hidden entry points the shells and
// the build use: `twctl __complete <words...>` and `twctl __generate man|bash|zsh|fish <path>`.

#include "cli/app.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace twctl::cli {

void add_completion(CLI::App& root, Selection& sel);
void add_help_topics(CLI::App& root, Selection& sel);

// The hidden entry points, handled before parsing (their words are not twctl's flags); nullopt for other argv.
std::optional<int> run_hidden(const std::vector<std::string>& args, Context& ctx);

}  // namespace twctl::cli
