#include "cli/app.hpp"

#include "cli/activity/activity.hpp"
#include "cli/batch/batch.hpp"
#include "cli/complete/commands.hpp"
#include "cli/config/config.hpp"
#include "cli/config/connection_flags.hpp"
#include "cli/flags.hpp"
#include "cli/meta.hpp"
#include "cli/options/record_output.hpp"
#include "cli/operator/operator.hpp"
#include "cli/schedule/schedule.hpp"
#include "cli/taskqueue/taskqueue.hpp"
#include "cli/value_checks.hpp"
#include "cli/worker/worker.hpp"
#include "cli/workflow/workflow.hpp"
#include "config/connection.hpp"
#include "config/mask.hpp"
#include "core/duration.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <ostream>

namespace twctl::cli {

namespace {

void add_global_flags(CLI::App& app, RawGlobals& g) {
  const std::string group = "Global options";
  app.add_option("--address", g.address, "Cluster address host:port (default: localhost:7233)")
      ->group(group);
  values_from(app, app.add_option("-n,--namespace", g.namespace_, "Namespace (default: default)"),
              Values::Namespace)
      ->group(group);
  one_of(app,
         app.add_option("-o,--output", g.output,
                        "Output format: text, json, jsonl, tsv (commands that print records) or none"),
         {"text", "json", "jsonl", "tsv", "none"})
      ->capture_default_str()
      ->group(group);
  one_of(app, app.add_option("--time-format", g.time_format, "Times in text output: relative, iso or raw"),
         {"relative", "iso", "raw"})
      ->capture_default_str()
      ->group(group);
  one_of(app,
         app.add_option("--color", g.color, "Colour in text output: auto, always or never (NO_COLOR turns auto off)"),
         {"auto", "always", "never"})
      ->capture_default_str()
      ->group(group);
  app.add_option("--command-timeout", g.command_timeout, "Bound on the whole command, e.g. 30s (default and 0: none)")
      ->group(group);
  app.add_flag("--no-json-shorthand-payloads", g.no_json_shorthand_payloads,
               "Show payloads in JSON as {metadata, data} instead of their JSON values")
      ->group(group);
  app.add_flag("--verbose", g.verbose, "Diagnostics on stderr: the connection made, each retry")->group(group);
  add_connection_flags(app, g.connection);
}

// Secrets as typed, before the settings are resolved: so that even a usage error never echoes them.
std::vector<std::string> typed_secrets(const std::vector<std::string>& args, const Context& ctx) {
  std::vector<std::string> out;
  for (size_t i = 0; i < args.size(); ++i) {
    for (std::string_view flag : {"--api-key", "--tls-key-data", "--codec-auth"}) {
      const auto& a = args[i];
      if (a == flag && i + 1 < args.size()) out.push_back(args[i + 1]);
      if (a.size() > flag.size() + 1 && a.compare(0, flag.size(), flag) == 0 && a[flag.size()] == '=') {
        out.push_back(a.substr(flag.size() + 1));
      }
    }
  }
  for (auto name : {"TEMPORAL_API_KEY", "TEMPORAL_TLS_CLIENT_KEY_DATA", "TEMPORAL_TLS_KEY_DATA", "TEMPORAL_CODEC_AUTH"}) {
    if (auto v = ctx.env(name); v && !v->empty()) out.push_back(*v);
  }
  return out;
}

// The "Error: ..." line, and in JSON modes a JSON object too, so scripts need not parse prose.
// Secrets are redacted from both, whatever quoted them. A list cut short says so: "partial": true.
void report(const Error& e, Context& ctx, output::OutputMode mode, const std::vector<std::string>& secrets) {
  // The message may quote what was typed, which need not be UTF-8: such bytes are shown as \xFF.
  auto message = printable_utf8(twctl::config::redact(e.what(), secrets));
  bool partial = ctx.output_partial();
  ctx.out.flush();  // what was printed comes first in a terminal (std::cerr is not tied to std::cout)
  ctx.err << "Error: " << message << (partial ? " (the output on stdout is incomplete)" : "") << "\n";
  if (mode == output::OutputMode::Json || mode == output::OutputMode::Jsonl) {
    nlohmann::ordered_json j{{"code", exit_code(e.kind())}, {"kind", kind_name(e.kind())}, {"message", message}};
    if (partial) j["partial"] = true;
    if (!e.cause.empty()) j["cause"] = e.cause;
    if (e.grpc_code) j["grpcStatus"] = {{"code", *e.grpc_code}, {"name", e.grpc_code_name}};
    if (!e.details.is_null()) j["details"] = e.details;
    // The cause and details may hold bytes that are not UTF-8: they become U+FFFD, as in every other JSON
    // output (a strict dump would throw here, inside the handler, and end the process).
    auto text = nlohmann::ordered_json{{"error", j}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    ctx.err << twctl::config::redact(text, secrets) << "\n";
  }
  ctx.err.flush();
}

output::OutputMode parse_mode(const std::string& s) {
  if (s == "json") return output::OutputMode::Json;
  if (s == "jsonl") return output::OutputMode::Jsonl;
  if (s == "tsv") return output::OutputMode::Tsv;
  if (s == "none") return output::OutputMode::None;
  return output::OutputMode::Text;
}

std::string command_path(const CLI::App* app) {
  std::string path;
  for (auto* a = app; a; a = a->get_parent()) path = path.empty() ? a->get_name() : a->get_name() + " " + path;
  return path;
}

// The deepest subcommand the user named, for "see --help" hints.
const CLI::App* deepest(const CLI::App* app) {
  for (;;) {
    auto subs = app->get_subcommands();
    if (subs.empty()) return app;
    app = subs.front();
  }
}

// CLI11 reports a mistyped command as "A subcommand is required" or as an unexpected argument; say which
// word was not a command, and suggest the nearest one.
std::string unknown_command_message(const CLI::App& parent, const std::vector<std::string>& args) {
  // The first word after the parent's own path that is not a flag.
  std::vector<std::string> path;
  for (auto* a = &parent; a->get_parent(); a = a->get_parent()) path.insert(path.begin(), a->get_name());
  size_t matched = 0;
  for (size_t i = 0; i < args.size(); ++i) {
    const auto& arg = args[i];
    if (arg == "--") break;
    if (!arg.empty() && arg[0] == '-') {
      i += value_words(parent, arg);  // a flag's value is not a command
      continue;
    }
    if (matched < path.size() && arg == path[matched]) {
      ++matched;
      continue;
    }
    if (matched < path.size()) return {};
    std::string best;
    size_t best_distance = 3;
    for (const auto* sub : parent.get_subcommands({})) {
      auto d = edit_distance(arg, sub->get_name());
      if (sub->get_name().rfind(arg, 0) == 0) d = 1;
      if (d < best_distance) {
        best_distance = d;
        best = sub->get_name();
      }
    }
    auto msg = fmt::format("unknown command \"{}\" for \"{}\"", arg, command_path(&parent));
    if (!best.empty()) msg += fmt::format(" (did you mean \"{}\"?)", best);
    return msg;
  }
  return {};
}

}  // namespace

bool Reach::named(std::string_view name) const {
  if (root_only_) return false;
  if (!words_) return true;
  return std::any_of(words_->begin(), words_->end(), [&](const std::string& w) { return w == name; });
}

void add_reachable(CLI::App& group, Selection& sel, const Reach& reach, const std::vector<Adder>& adders) {
  auto wanted = [&](const Adder& a) {
    return std::any_of(a.names.begin(), a.names.end(), [&](std::string_view n) { return reach.named(n); });
  };
  const bool all = reach.whole() || std::none_of(adders.begin(), adders.end(), wanted);
  for (const auto& a : adders) {
    if (all || wanted(a)) a.add(group, sel);
  }
}

std::unique_ptr<CommandTree> build_tree(const Reach& reach) {
  auto tree = std::make_unique<CommandTree>();
  tree->app = std::make_unique<RootApp>("twctl: a fast command-line client for Temporal clusters", "twctl");
  auto& app = *tree->app;
  app.fallthrough();  // global flags are accepted after the subcommand too
  app.require_subcommand(1);
  app.set_version_flag("--version", "twctl " TWCTL_VERSION);
  add_global_flags(app, tree->globals);
  set_help(app,
           "Commands, flags and environment variables follow the official temporal CLI. Data goes to stdout "
           "(-o text, json, jsonl, tsv or none; --fields picks fields); diagnostics and errors go to stderr, and "
           "the exit code says what went wrong (twctl help exit-codes).",
           {"twctl workflow start \\\n    --type SayHello \\\n    --task-queue hello-tasks \\\n"
            "    --workflow-id hello-1",
            "twctl workflow list \\\n    --query \"ExecutionStatus='Running'\" \\\n    --output jsonl"});
  std::vector<Adder> groups = {
      {{"workflow"}, [&](CLI::App& a, Selection& s) { workflow::add_group(a, s, reach.within_group()); }},
      {{"batch"}, batch::add_group},
      {{"operator"}, operator_::add_group},
      {{"schedule"}, schedule::add_group},
      {{"task-queue"}, taskqueue::add_group},
      {{"worker"}, worker::add_group},
      {{"activity"}, activity::add_group},
      {{"config"}, config::add_group},
      {{"settings"}, config::add_settings},
      {{"completion"}, add_completion},
      {{"help"}, add_help_topics},
  };
  auto named = [&](const Adder& g) { return reach.named(g.names[0]); };
  const bool version_only = !reach.whole() && reach.named("--version") && !reach.named("-h") &&
                            !reach.named("--help") && !reach.named("--help-all") &&
                            std::none_of(groups.begin(), groups.end(), named);
  // `twctl --version` needs no command.
  if (!version_only && !reach.is_root_only()) add_reachable(app, tree->selected, reach, groups);
  add_value_checks(app);
  tree->whole = reach.whole();
  return tree;
}

std::unique_ptr<CommandTree> build_tree_for(const std::vector<std::string>& args) { return build_tree(Reach(args)); }

std::vector<std::string> cli11_args(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  out.reserve(args.size() + 2);
  bool flags = true;
  for (const auto& a : args) {
    if (a == "--") flags = false;
    // -n=NS means -n NS, as in the official CLI (CLI11 would take "=NS" as the value).
    if (flags && a.size() >= 3 && a[0] == '-' && a[1] != '-' && a[2] == '=') {
      out.push_back(a.substr(0, 2));
      out.push_back(a.substr(3));
    } else {
      out.push_back(a);
    }
  }
  return {out.rbegin(), out.rend()};
}

namespace {

// Parses `args` on the tree they reach. When that parse fails or asks for help (not for --version), `tree`
// becomes the whole tree and the parse is made again on it: its message, suggestions and help see every command.
void parse_into(std::unique_ptr<CommandTree>& tree, const std::vector<std::string>& args) {
  tree = build_tree_for(args);
  try {
    auto reversed = cli11_args(args);
    tree->app->parse(reversed);
    return;
  } catch (const CLI::CallForVersion&) {
    throw;
  } catch (const CLI::ParseError&) {
  }
  tree = build_tree();
  auto reversed = cli11_args(args);
  tree->app->parse(reversed);
}

}  // namespace

std::unique_ptr<CommandTree> parse(const std::vector<std::string>& args) {
  std::unique_ptr<CommandTree> tree;
  parse_into(tree, args);
  return tree;
}

GlobalOptions resolve_globals(const RawGlobals& raw, const Context& ctx) {
  GlobalOptions g;
  auto flags = raw.connection;
  flags.address = raw.address;
  flags.namespace_ = raw.namespace_;
  g.settings = twctl::config::resolve(flags, ctx.env, ctx.env_names());
  g.connection = twctl::config::to_connection_options(g.settings);
  g.secrets = twctl::config::secrets(g.settings);
  g.verbose = raw.verbose;
  if (!raw.command_timeout.empty()) {
    // 0 means no bound, as in the official CLI; so does one past the clock's range.
    auto d = std::chrono::duration_cast<std::chrono::system_clock::duration>(
        parse_duration("--command-timeout", raw.command_timeout));
    auto now = ctx.now();
    if (d.count() > 0 && d < std::chrono::system_clock::time_point::max() - now) g.connection.deadline = now + d;
  }
  g.output = parse_mode(raw.output);
  g.time_format = raw.time_format == "iso" ? TimeFormat::Iso : raw.time_format == "raw" ? TimeFormat::Raw
                                                                                        : TimeFormat::Relative;
  bool no_color = ctx.env("NO_COLOR").has_value() || ctx.env("TERM").value_or("") == "dumb";
  g.color = g.output == output::OutputMode::Text &&
            (raw.color == "always" || (raw.color == "auto" && ctx.stdout_tty && !no_color));
  g.shorthand_payloads = !raw.no_json_shorthand_payloads;
  return g;
}

int run(const std::vector<std::string>& args, Context& ctx) {
  if (auto code = run_hidden(args, ctx)) return *code;
  // The tree of the last command line is kept until the next one (or the thread's end): main ends the process
  // without tearing it down, which takes about as long as building it.
  static thread_local std::unique_ptr<CommandTree> tree;
  tree.reset();
  try {
    parse_into(tree, args);
  } catch (const CLI::CallForHelp&) {
    auto& app = *tree->app;
    const auto* at = deepest(&app);
    ctx.out << at->help(at->get_parent() ? command_path(at->get_parent()) : "");
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    auto& app = *tree->app;
    const auto* at = deepest(&app);
    ctx.out << at->help(at->get_parent() ? command_path(at->get_parent()) : "", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion& e) {
    ctx.out << e.what() << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    auto& app = *tree->app;
    std::string message = e.what();
    const auto* at = deepest(&app);
    const bool group = !at->get_subcommands({}).empty();
    if (auto command = group ? unknown_command_message(*at, args) : ""; !command.empty()) {
      message = command;
    } else if (auto flag = unknown_flag_message(*at, args); !flag.empty()) {
      message = flag;  // before a missing flag or command: a mistyped flag is usually why one is missing
    } else if (auto conversion = conversion_message(*at, e); !conversion.empty()) {
      message = conversion;
    } else if (group && at->get_subcommands().empty() && at->get_require_subcommand_min() > 0) {
      std::string names;
      for (const auto* sub : at->get_subcommands({})) names += (names.empty() ? "" : ", ") + sub->get_name();
      message = fmt::format("\"{}\" needs a command: {}", command_path(at), names);
    }
    Error err = usage_error(message);
    report(err, ctx, parse_mode(tree->globals.output), typed_secrets(args, ctx));
    ctx.err << "Run '" << command_path(deepest(&app)) << " --help' for usage.\n";
    return exit_code(ErrorKind::Usage);
  }

  auto& app = *tree->app;
  output::OutputMode mode = parse_mode(tree->globals.output);
  auto secrets = typed_secrets(args, ctx);
  try {
    ctx.globals = resolve_globals(tree->globals, ctx);
    secrets.insert(secrets.end(), ctx.globals.secrets.begin(), ctx.globals.secrets.end());
    if (!tree->selected.run) throw usage_error("no command given");
    // --fields and -o tsv are checked against the record type before the command runs: nothing is sent.
    ctx.globals.records = resolve_record_output(*deepest(&app), ctx.globals.output);
    return tree->selected.run(ctx);
  } catch (const Error& e) {
    report(e, ctx, mode, secrets);
    return exit_code(e.kind());
  } catch (const std::exception& e) {
    report(Error(ErrorKind::General, e.what()), ctx, mode, secrets);
    return exit_code(ErrorKind::General);
  }
}

}  // namespace twctl::cli
