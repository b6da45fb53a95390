#pragma once
// The connection flags (global, accepted before or after the subcommand), as the official CLI spells them.

#include "config/settings.hpp"

#include <CLI/CLI.hpp>

namespace twctl::cli {

// Everything in ConnectionFlags except --address and -n/--namespace, which app.cpp defines with the other
// global flags.
void add_connection_flags(CLI::App& app, twctl::config::ConnectionFlags& flags);

}  // namespace twctl::cli
