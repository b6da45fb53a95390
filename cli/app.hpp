#pragma once
// The command tree (CLI11) and the one entry point shared by main and the tests: argv in, exit code out.

#include "config/settings.hpp"
#include "app/context.hpp"

#include <any>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
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
  bool whole = true;  // false: built for one command line, so commands it cannot reach may be missing
};

// The parts of the command tree a command line can reach. A command is only selected by a word that is its
// name, so of a group's commands only those named by some word need building, or all of them when no word
// names any (help and suggestions then list them all). Building what cannot be reached is most of the start-up
// time of a one-shot command.
class Reach {
 public:
  static Reach whole_tree() { return Reach(); }
  // The root and its global flags, no command (completion parses the global flags on a line with it).
  static Reach root_only() {
    Reach r;
    r.root_only_ = true;
    return r;
  }
  explicit Reach(const std::vector<std::string>& words) : words_(&words) {}
  // The groups `words` name (all when none), each with every command: completion at a command name.
  static Reach whole_groups(const std::vector<std::string>& words) {
    Reach r(words);
    r.whole_groups_ = true;
    return r;
  }
  bool whole() const { return words_ == nullptr && !root_only_; }
  // What to build inside a group this reach builds.
  Reach within_group() const { return whole_groups_ ? Reach() : *this; }
  bool is_root_only() const { return root_only_; }
  bool named(std::string_view name) const;

 private:
  Reach() = default;
  const std::vector<std::string>* words_ = nullptr;
  bool root_only_ = false;
  bool whole_groups_ = false;
};

// One function that adds commands to a group, with the names of the commands it adds.
struct Adder {
  std::vector<std::string_view> names;
  std::function<void(CLI::App&, Selection&)> add;
};
// Calls the adders `reach` needs, in order (all of them for the whole tree).
void add_reachable(CLI::App& group, Selection& sel, const Reach& reach, const std::vector<Adder>& adders);

// The whole tree by default: completion, the generated docs, the tests that walk it.
std::unique_ptr<CommandTree> build_tree(const Reach& reach = Reach::whole_tree());
// Only what `args` can reach. A parse that fails or asks for help
// is made again on the whole tree, so that its message, suggestions and help see every command.
std::unique_ptr<CommandTree> build_tree_for(const std::vector<std::string>& args);

// Parses `args` (without the program name), resolves globals, runs the selected command, and maps every
// error to its exit code. Writes only to ctx's streams.
int run(const std::vector<std::string>& args, Context& ctx);

// Parse only (for tests): throws CLI::ParseError or twctl::Error; runs nothing.
std::unique_ptr<CommandTree> parse(const std::vector<std::string>& args);
// The arguments as CLI11's parse takes them (reversed), with `-X=value` split into `-X value`.
std::vector<std::string> cli11_args(const std::vector<std::string>& args);

GlobalOptions resolve_globals(const RawGlobals& raw, const Context& ctx);

}  // namespace twctl::cli
