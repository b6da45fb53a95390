#pragma once
// The payload-input option set.

#include "payload/input.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace twctl::cli {

// --<prefix> (repeatable; -i too for "input"), --<prefix>-file (repeatable, "-" for standard input),
// --<prefix>-meta KEY=VALUE (repeatable), --<prefix>-base64.
void add_payload_input(CLI::App& cmd, payload::Input& input, const std::string& prefix = "input");

}  // namespace twctl::cli
