#include "cli/complete/commands.hpp"

#include "cli/complete/complete.hpp"
#include "cli/complete/scripts.hpp"
#include "cli/docs/man.hpp"
#include "cli/flags.hpp"
#include "cli/select.hpp"
#include "core/error.hpp"
#include "ops/help/exit_codes.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

namespace twctl::cli {

namespace {

struct ScriptOptions {
  std::string shell;
};

int print_script(const ScriptOptions& opts, Context& ctx) {
  ctx.out << completion_script(opts.shell);
  return 0;
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << text;
  if (!f.flush()) throw Error(ErrorKind::General, "cannot write " + path.string());
}

// The date in the man pages: SOURCE_DATE_EPOCH when set (reproducible builds), else today.
std::string page_date(const Context& ctx) {
  auto t = std::chrono::system_clock::to_time_t(ctx.now());
  if (auto epoch = ctx.env("SOURCE_DATE_EPOCH"); epoch && !epoch->empty()) t = std::stoll(*epoch);
  return fmt::format("{:%Y-%m-%d}", fmt::gmtime(t));
}

int generate(const std::vector<std::string>& args, Context& ctx) {
  if (args.size() != 2) throw usage_error("usage: twctl __generate man|bash|zsh|fish <path>");
  const auto& what = args[0];
  std::filesystem::path to = args[1];
  if (what == "man") {
    auto tree = build_tree();
    for (const auto& page : man_pages(*tree->app, page_date(ctx))) write_file(to / page.file, page.text);
    return 0;
  }
  auto script = completion_script(what);
  if (script.empty()) throw usage_error("__generate: unknown kind \"" + what + "\"");
  write_file(to, script);
  return 0;
}

}  // namespace

void add_completion(CLI::App& root, Selection& sel) {
  auto* group = root.add_subcommand("completion", "Print a shell completion script");
  group->require_subcommand(1);
  set_help(*group,
           "Completes commands, flags, enum values, files, and live values from the cluster: workflow IDs for -w, "
           "namespaces, task queues, and query, signal and update names of the workflow given with -w.",
           {"source <(twctl completion bash)"});
  for (const auto& shell : completion_shells()) {
    auto opts = std::make_shared<ScriptOptions>(ScriptOptions{shell});
    auto* cmd = group->add_subcommand(shell, "Print the " + shell + " completion script");
    std::string example = shell == "bash"  ? "source <(twctl completion bash)"
                          : shell == "zsh" ? "twctl completion zsh > \"${fpath[1]}/_twctl\""
                                           : "twctl completion fish | source";
    set_help(*cmd, "Prints the script; installed packages put it in " + completion_install_path(shell) + ".",
             {example});
    bind(*cmd, sel, opts, print_script);
  }
}

void add_help_topics(CLI::App& root, Selection& sel) {
  auto* group = root.add_subcommand("help", "Reference topics");
  group->require_subcommand(1);
  set_help(*group, "Topics beyond each command's --help.", {"twctl help exit-codes"});
  auto opts = std::make_shared<ops::help::ExitCodesOptions>();
  auto* cmd = group->add_subcommand("exit-codes", "Print what each exit code means");
  set_help(*cmd, "The exit codes are API: scripts may branch on them. -o json prints them as an array.",
           {"twctl help exit-codes", "twctl help exit-codes \\\n    --output json"});
  bind(*cmd, sel, opts, ops::help::exit_codes);
}

std::optional<int> run_hidden(const std::vector<std::string>& args, Context& ctx) {
  if (args.empty()) return std::nullopt;
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "__complete") {
    Completion c;
    try {
      c = complete(rest, ctx);
    } catch (const std::exception&) {
      c = {};  // completion never prints errors
    }
    ctx.out << format(c);
    return 0;
  }
  if (args[0] == "__generate") {
    try {
      return generate(rest, ctx);
    } catch (const Error& e) {
      ctx.err << "Error: " << e.what() << "\n";
      return exit_code(e.kind());
    } catch (const std::exception& e) {
      ctx.err << "Error: " << e.what() << "\n";
      return exit_code(ErrorKind::General);
    }
  }
  return std::nullopt;
}

}  // namespace twctl::cli
