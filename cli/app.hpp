#pragma once
// The command tree (CLI11) and the one entry point shared by main and the tests: argv in, exit code out.

#include "config/settings.hpp"
#include "app/context.hpp"

#include <any>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace twctl::cli {

// Global flags as typed; resolved against the environment and the profile into GlobalOptions after parsing.
struct RawGlobals {
  std::string address;
  std::string namespace_;
  std::string output = "text";
  std::string time_format = "relative";
  std::string color = "auto";
  std::string command_timeout;
  bool no_json_shorthand_payloads = false;
  bool verbose = false;
  // The other connection flags (--api-key, --tls*, --profile, ...); address and namespace are above.
  twctl::config::ConnectionFlags connection;
};

// What parsing selected: the command's path ("workflow start"), its options (a shared_ptr to the command's
// option struct, for parse-only tests), and the action to run after parsing.
struct Selection {
  std::string command;
  std::any options;
  std::function<int(Context&)> run;
};

// A fresh tree per invocation: no static option storage.
struct CommandTree {
  std::unique_ptr<CLI::App> app;
  RawGlobals globals;
  Selection selected;
};

std::unique_ptr<CommandTree> build_tree();

// Parses `args` (without the program name), resolves globals, runs the selected command, and maps every
// error to its exit code. Writes only to ctx's streams.
int run(const std::vector<std::string>& args, Context& ctx);

// Parse only (for tests): throws CLI::ParseError or twctl::Error; runs nothing.
std::unique_ptr<CommandTree> parse(const std::vector<std::string>& args);
// The arguments as CLI11's parse takes them (reversed), with `-X=value` split into `-X value`.
std::vector<std::string> cli11_args(const std::vector<std::string>& args);

GlobalOptions resolve_globals(const RawGlobals& raw, const Context& ctx);

}  // namespace twctl::cli
