// argv → options, with no I/O and nothing run.
#include "cli/app.hpp"
#include "ops/workflow/list.hpp"
#include "ops/workflow/query.hpp"
#include "ops/workflow/show.hpp"
#include "ops/workflow/start.hpp"

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>

using namespace twctl;

template <typename T>
const T& options_of(const cli::CommandTree& tree) {
  return *std::any_cast<std::shared_ptr<T>>(tree.selected.options);
}

TEST_CASE("parse: workflow start binds every flag, with short forms and repeatable inputs") {
  auto tree = cli::parse({"workflow", "start", "--type", "SayHello", "-t", "hello-tasks", "-w", "w1", "-i", "\"a\"",
                          "-i", "[1,2]", "--execution-timeout", "1h", "--memo", "k=1", "--memo", "j=\"x\"",
                          "--id-conflict-policy", "UseExisting"});
  CHECK(tree->selected.command == "workflow start");
  const auto& o = options_of<ops::workflow::StartCommandOptions>(*tree);
  CHECK(o.type == "SayHello");
  CHECK(o.task_queue == "hello-tasks");
  CHECK(o.workflow_id == "w1");
  CHECK(o.input.inputs == std::vector<std::string>{"\"a\"", "[1,2]"});
  CHECK(o.execution_timeout == "1h");
  CHECK(o.task_timeout == "10s");
  CHECK(o.memo == std::vector<std::string>{"k=1", "j=\"x\""});
  CHECK(o.id_conflict_policy == "UseExisting");
}

TEST_CASE("parse: enum flag values match without regard to case and become the canonical spelling") {
  auto tree = cli::parse({"workflow", "start", "--type", "X", "-t", "q", "--id-conflict-policy", "useexisting",
                          "--id-reuse-policy", "REJECTDUPLICATE"});
  const auto& o = options_of<ops::workflow::StartCommandOptions>(*tree);
  CHECK(o.id_conflict_policy == "UseExisting");
  CHECK(o.id_reuse_policy == "RejectDuplicate");
}

TEST_CASE("parse: --name is an alias of --type for start, and --type of --name for query") {
  auto start = cli::parse({"workflow", "start", "--name", "X", "-t", "q"});
  CHECK(options_of<ops::workflow::StartCommandOptions>(*start).type == "X");
  auto query = cli::parse({"workflow", "query", "-w", "w", "--type", "count"});
  CHECK(options_of<ops::workflow::QueryOptions>(*query).name == "count");
}

TEST_CASE("parse: workflow show binds -f/--follow, --reverse and --detailed; --reverse excludes --follow") {
  auto follow = cli::parse({"workflow", "show", "-w", "w1", "-f", "--detailed"});
  const auto& f = options_of<ops::workflow::ShowOptions>(*follow);
  CHECK(f.ref.workflow_id == "w1");
  CHECK(f.follow);
  CHECK(f.detailed);
  CHECK_FALSE(f.reverse);
  auto reverse = cli::parse({"workflow", "show", "-w", "w1", "--reverse"});
  CHECK(options_of<ops::workflow::ShowOptions>(*reverse).reverse);
  CHECK_FALSE(options_of<ops::workflow::ShowOptions>(*reverse).follow);
  CHECK_THROWS_AS(cli::parse({"workflow", "show", "-w", "w1", "--reverse", "--follow"}), CLI::ParseError);
  CHECK_THROWS_AS(cli::parse({"workflow", "show", "-w", "w1", "-f", "--reverse"}), CLI::ParseError);
}

TEST_CASE("parse: global flags are accepted before and after the subcommand") {
  auto before = cli::parse({"--address", "h:1", "-n", "ns", "workflow", "list", "--limit", "5"});
  CHECK(before->globals.address == "h:1");
  CHECK(before->globals.namespace_ == "ns");
  auto after = cli::parse({"workflow", "list", "-o", "jsonl", "--address", "h:2", "--page-size", "3"});
  CHECK(after->globals.output == "jsonl");
  CHECK(after->globals.address == "h:2");
  CHECK(options_of<ops::workflow::ListOptions>(*after).page_size == 3);
}

TEST_CASE("parse: missing required flags, unknown flags and bad enum values are parse errors") {
  CHECK_THROWS_AS(cli::parse({"workflow", "execute", "--type", "X"}), CLI::ParseError);
  CHECK_THROWS_AS(cli::parse({"workflow", "describe"}), CLI::ParseError);
  CHECK_THROWS_AS(cli::parse({"workflow", "list", "--bogus"}), CLI::ParseError);
  CHECK_THROWS_AS(cli::parse({"workflow", "list", "-o", "yaml"}), CLI::ParseError);
  CHECK_THROWS_AS(cli::parse({"workflow", "start", "--type", "X", "-t", "q", "--id-reuse-policy", "Sometimes"}),
                  CLI::ParseError);
  CHECK_THROWS_AS(cli::parse({"workflow"}), CLI::ParseError);
  CHECK_THROWS_AS(cli::parse({"workflow", "frobnicate"}), CLI::ParseError);
}

TEST_CASE("parse: globals resolve flag, then environment, then default") {
  std::istringstream in;
  std::ostringstream out, err;
  CancelToken cancel;
  Context ctx(in, out, err, cancel);
  ctx.env = [](std::string_view name) -> std::optional<std::string> {
    if (name == "TEMPORAL_ADDRESS") return std::string("env-host:7233");
    if (name == "TEMPORAL_NAMESPACE") return std::string("env-ns");
    return std::nullopt;
  };
  cli::RawGlobals raw;
  auto g = cli::resolve_globals(raw, ctx);
  CHECK(g.connection.address == "env-host:7233");
  CHECK(g.connection.namespace_ == "env-ns");
  raw.address = "flag-host:1";
  CHECK(cli::resolve_globals(raw, ctx).connection.address == "flag-host:1");
  ctx.env = [](std::string_view) { return std::optional<std::string>(); };
  auto defaults = cli::resolve_globals(cli::RawGlobals{}, ctx);
  CHECK(defaults.connection.address == "localhost:7233");
  CHECK(defaults.connection.namespace_ == "default");
}

TEST_CASE("parse: colour is on for a terminal unless NO_COLOR, and never in JSON") {
  std::istringstream in;
  std::ostringstream out, err;
  CancelToken cancel;
  Context ctx(in, out, err, cancel);
  ctx.stdout_tty = true;
  CHECK(cli::resolve_globals(cli::RawGlobals{}, ctx).color);
  cli::RawGlobals json;
  json.output = "json";
  json.color = "always";
  CHECK_FALSE(cli::resolve_globals(json, ctx).color);
  ctx.env = [](std::string_view name) -> std::optional<std::string> {
    if (name == "NO_COLOR") return std::string("1");
    return std::nullopt;
  };
  CHECK_FALSE(cli::resolve_globals(cli::RawGlobals{}, ctx).color);
  ctx.stdout_tty = false;
  ctx.env = [](std::string_view) { return std::optional<std::string>(); };
  CHECK_FALSE(cli::resolve_globals(cli::RawGlobals{}, ctx).color);
}
