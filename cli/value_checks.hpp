#pragma once
// Checks that hold for every flag of the tree, attached once after the tree is built instead of command by
// command: an explicit empty value is a usage error (a script's unset variable must not silently become the
// default or reach the server), and an ID or name longer than the server accepts names the limit.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace twctl::cli {

// "the value is empty" for "", nothing otherwise. Enum flags (cli/meta.hpp's one_of) run it before their own
// check, so that an empty value is told as such rather than as not one of the choices.
CLI::Validator non_empty();

// Adds the checks to every option of `root` and its subcommands that takes a value.
void add_value_checks(CLI::App& root);

// "unknown flag --workflowid (did you mean --workflow-id?)" when `args` hold a flag that neither the command
// `at` nor its parents define; "" otherwise. Reported before any other parse error, since a mistyped flag is
// usually why a required one is missing.
std::string unknown_flag_message(const CLI::App& at, const std::vector<std::string>& args);

// A one-line message for a value CLI11 could not convert (a number out of range or not a number), naming the
// flag and what it takes; empty for any other parse error.
std::string conversion_message(const CLI::App& at, const CLI::ParseError& e);

// How many of the words after `arg` (a flag as typed, "--x", "--x=v", "-x") are its value: 1 for a known flag
// that takes a value not attached to it, 0 otherwise.
size_t value_words(const CLI::App& at, const std::string& arg);

}  // namespace twctl::cli
