#pragma once
// Flag groups shared by several commands, defined once.

#include "cli/meta.hpp"
#include "ops/workflow/common.hpp"
#include "ops/workflow/target.hpp"
#include "payload/payload.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace twctl::cli {

// -w/--workflow-id (required) and -r/--run-id.
void add_workflow_ref(CLI::App& cmd, ops::workflow::WorkflowRef& ref);

// One workflow or a batch: -w/--workflow-id, -r/--run-id, -q/--query, --reason, -y/--yes, --rps, --wait.
void add_target(CLI::App& cmd, ops::workflow::Target& target);

// The payload-input family: --<prefix> (repeatable; -i too for "input"), --<prefix>-file (repeatable, "-" for
// standard input), --<prefix>-meta KEY=VALUE (repeatable), --<prefix>-base64.
void add_payload_input(CLI::App& cmd, payload::Input& input, const std::string& prefix = "input");

// --headers KEY=JSON (repeatable): headers passed to the workflow (and its interceptors).
void add_headers(CLI::App& cmd, std::vector<std::string>& headers);

// A repeatable flag: every occurrence is one value, never split on spaces or commas.
CLI::Option* add_repeatable(CLI::App& cmd, const std::string& names, std::vector<std::string>& into,
                            const std::string& help);

// Examples and a description under the help text, one flag per line; recorded for the man pages too.
void set_help(CLI::App& cmd, const std::string& description, const std::vector<std::string>& examples);

}  // namespace twctl::cli
