#pragma once
// Flag helpers every command uses (option sets that bind a whole group of flags live in cli/options/).

#include "cli/meta.hpp"
#include "cli/options/payload_input.hpp"
#include "cli/options/record_output.hpp"
#include "cli/options/workflow_reference.hpp"
#include "cli/options/workflow_target.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace twctl::cli {

// --headers KEY=JSON (repeatable): headers passed to the workflow (and its interceptors).
void add_headers(CLI::App& cmd, std::vector<std::string>& headers);

// A repeatable flag: every occurrence is one value, never split on spaces or commas.
CLI::Option* add_repeatable(CLI::App& cmd, const std::string& names, std::vector<std::string>& into,
                            const std::string& help);

// Examples and a description under the help text, one flag per line; recorded for the man pages too.
void set_help(CLI::App& cmd, const std::string& description, const std::vector<std::string>& examples);

}  // namespace twctl::cli
