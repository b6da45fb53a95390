// The command tree is the one source of truth for help, man pages and completion: these checks keep it complete.
#include "cli/app.hpp"
#include "cli/docs/man.hpp"
#include "cli/meta.hpp"

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

using namespace twctl::cli;

namespace {

std::string path(const CLI::App* app) {
  std::string p;
  for (auto* a = app; a; a = a->get_parent()) p = p.empty() ? a->get_name() : a->get_name() + " " + p;
  return p;
}

bool has_visible_subcommands(const CLI::App* app) {
  for (const auto* s : app->get_subcommands({})) {
    if (!s->get_group().empty()) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("command tree: every command has a summary, and every command that runs has an example") {
  auto tree = build_tree();
  auto commands = visible_commands(*tree->app);
  REQUIRE(commands.size() > 20);
  for (const auto* cmd : commands) {
    INFO(path(cmd));
    CHECK_FALSE(cmd->get_description().empty());
    CHECK(cmd->get_description().back() != '.');
    if (!has_visible_subcommands(cmd)) CHECK_FALSE(command_meta(*cmd).examples.empty());
  }
}

TEST_CASE("command tree: no flag name is defined twice on a command or over a global flag") {
  auto tree = build_tree();
  auto commands = visible_commands(*tree->app);
  commands.insert(commands.begin(), tree->app.get());
  for (const auto* cmd : commands) {
    std::map<std::string, std::string> owner;  // "-w" → the command that defines it
    for (const auto* a = cmd; a; a = a->get_parent()) {
      for (const auto* opt : a->get_options()) {
        std::vector<std::string> names;
        for (const auto& s : opt->get_snames()) names.push_back("-" + s);
        for (const auto& l : opt->get_lnames()) names.push_back("--" + l);
        for (const auto& n : names) {
          if (n == "-h" || n == "--help") continue;  // CLI11's own, once per command
          INFO(path(cmd), ": ", n, " defined by ", owner[n], " and by ", path(a));
          CHECK(owner.count(n) == 0);
          owner[n] = path(a);
        }
      }
    }
  }
}

TEST_CASE("command tree: every flag that checks a set of values records it as an enum (cli::one_of)") {
  auto tree = build_tree();
  auto commands = visible_commands(*tree->app);
  commands.insert(commands.begin(), tree->app.get());
  for (const auto* cmd : commands) {
    for (const auto* opt : cmd->get_options()) {
      auto* o = const_cast<CLI::Option*>(opt);
      bool set_check = false;
      for (int i = 0;; ++i) {
        try {
          auto desc = o->get_validator(i)->get_description();
          if (!desc.empty() && desc.front() == '{') set_check = true;
        } catch (const CLI::OptionNotFound&) {
          break;
        }
      }
      INFO(path(cmd), " ", opt->get_name(), ": declare the values with cli::one_of(cmd, opt, values)");
      if (set_check) CHECK_FALSE(flag_meta(*cmd, opt).choices.empty());
    }
  }
}

TEST_CASE("command tree: the flag helpers record where values come from") {
  auto tree = build_tree();
  auto& app = *tree->app;
  auto* query = app.get_subcommand("workflow")->get_subcommand("query");
  CHECK(flag_meta(*query, query->get_option("--workflow-id")).values == Values::WorkflowId);
  CHECK(flag_meta(*query, query->get_option("--name")).values == Values::QueryName);
  CHECK(flag_meta(*query, query->get_option("--input-file")).values == Values::File);
  CHECK(flag_meta(app, app.get_option("--namespace")).values == Values::Namespace);
  CHECK(flag_meta(app, app.get_option("--profile")).values == Values::Profile);
  CHECK(flag_meta(app, app.get_option("--output")).choices ==
        std::vector<std::string>{"text", "json", "jsonl", "tsv", "none"});
  CHECK(flag_meta(app, app.get_option("--address")).env == std::vector<std::string>{"TEMPORAL_ADDRESS"});
  CHECK(flag_meta(app, app.get_option("--tls-cert-path")).env ==
        std::vector<std::string>{"TEMPORAL_TLS_CLIENT_CERT_PATH", "TEMPORAL_TLS_CERT"});
}

TEST_CASE("man pages: one per command, with every section, examples, the environment and the exit codes") {
  auto tree = build_tree();
  auto pages = man_pages(*tree->app, "2026-01-01");
  REQUIRE(pages.size() == visible_commands(*tree->app).size() + 1);
  CHECK(pages.front().file == "twctl.1");
  const ManPage* start = nullptr;
  for (const auto& p : pages) {
    INFO(p.file);
    for (auto section : {".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS", ".SH EXAMPLES",
                         ".SH ENVIRONMENT", ".SH FILES", ".SH EXIT STATUS", ".SH SEE ALSO"}) {
      CHECK(p.text.find(section) != std::string::npos);
    }
    if (p.file == "twctl-workflow-start.1") start = &p;
  }
  REQUIRE(start);
  CHECK(start->text.find(".TH \"TWCTL\\-WORKFLOW\\-START\" 1 \"2026-01-01\"") == 0);
  CHECK(start->text.find("twctl\\-workflow\\-start \\- Start a workflow execution and print its IDs") !=
        std::string::npos);
  CHECK(start->text.find(".SH EXAMPLES\n") != std::string::npos);
  CHECK(start->text.find("\\fB\\-t\\fR, \\fB\\-\\-task\\-queue\\fR \\fITEXT\\fR") != std::string::npos);
  CHECK(start->text.find("One of: AllowDuplicate") != std::string::npos);
  CHECK(start->text.find(".B TEMPORAL_ADDRESS\n") != std::string::npos);
  CHECK(start->text.find(".B 130\ninterrupted:") != std::string::npos);
  CHECK(start->text.find(".SH SEE ALSO\n.BR twctl (1),\n.BR twctl\\-workflow (1)\n") != std::string::npos);
}

namespace {

// Shell words of an example up to its first pipe or redirection; nullopt for one that expands variables.
std::optional<std::vector<std::string>> shell_words(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (c == quote) {
        quote = 0;
      } else if (quote == '"' && c == '\\' && i + 1 < line.size()) {
        word += line[++i];
      } else {
        if (quote == '"' && c == '$') return std::nullopt;
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == '\\' && i + 1 < line.size()) {
      word += line[++i];
      in_word = true;
    } else if (c == '$') {
      return std::nullopt;
    } else if (c == '|' || c == '>' || c == '<' || c == ';' || c == '&') {
      break;
    } else if (c == ' ' || c == '\n' || c == '\t') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

// What parsing on `tree` selects: the command, or the error and its message.
std::string outcome(CommandTree& tree, const std::vector<std::string>& args) {
  try {
    auto reversed = cli11_args(args);
    tree.app->parse(reversed);
    return "ran " + tree.selected.command;
  } catch (const CLI::ParseError& e) {
    return std::string("failed: ") + e.what();
  }
}

std::vector<std::string> names(const CLI::App& app) {
  std::vector<std::string> out;
  for (const auto* s : app.get_subcommands({})) out.push_back(s->get_name());
  return out;
}

}  // namespace

TEST_CASE("command tree: a tree built for a command line parses it as the whole tree does") {
  auto whole = build_tree();
  std::vector<std::vector<std::string>> lines = {
      {"--version"},
      {"-n", "workflow", "bogus"},           // a group's name as a flag's value
      {"workflow", "list", "-q", "start"},   // a command's name as a flag's value
      {"--namespace", "schedule", "schedule", "list"},
      {"workflow"},
      {"workflow", "bogus"},
      {"workflow", "pause", "-w", "w", "--reason", "r"},
      {"workflow", "unpause", "-w", "w", "--reason", "r"},
      {"workflow", "execute-update-with-start", "--type", "T", "-t", "q", "-w", "w", "--update-name", "u"},
      {"operator", "namespace", "describe", "-n", "x"},
      {"settings"},
      {},
  };
  for (const auto* cmd : visible_commands(*whole->app)) {
    for (auto e : command_meta(*cmd).examples) {
      for (size_t at; (at = e.find("\\\n")) != std::string::npos;) e.replace(at, 2, " ");  // continuations
      auto words = shell_words(e);
      if (!words || words->empty() || words->front() != "twctl") continue;
      lines.emplace_back(words->begin() + 1, words->end());
    }
  }
  REQUIRE(lines.size() > 150);
  size_t ran = 0;
  for (const auto& args : lines) {
    std::string shown;
    for (const auto& a : args) shown += " " + a;
    INFO("twctl", shown);
    auto expected = outcome(*build_tree(), args);
    auto partial = build_tree_for(args);
    CHECK_FALSE(partial->whole);
    CHECK(outcome(*partial, args) == expected);
    if (expected.rfind("ran ", 0) == 0) ++ran;
  }
  CHECK(ran > 100);
}

TEST_CASE("command tree: only the commands a line names are built; --version builds none") {
  auto t = build_tree_for({"workflow", "describe", "-w", "x"});
  CHECK(names(*t->app) == std::vector<std::string>{"workflow"});
  CHECK(names(*t->app->get_subcommand("workflow")) == std::vector<std::string>{"describe"});
  // pause and unpause are added together
  t = build_tree_for({"workflow", "unpause"});
  CHECK(names(*t->app->get_subcommand("workflow")) == std::vector<std::string>{"pause", "unpause"});
  // A group with no command named has all of them (its help and suggestions list them).
  t = build_tree_for({"workflow", "--help"});
  CHECK(names(*t->app->get_subcommand("workflow")).size() == names(*build_tree()->app->get_subcommand("workflow")).size());
  t = build_tree_for({"--version"});
  CHECK(names(*t->app).empty());
  t = build_tree_for({"--version", "--help"});
  CHECK(names(*t->app) == names(*build_tree()->app));
  t = build_tree(Reach::root_only());
  CHECK(names(*t->app).empty());
  CHECK(t->app->get_option_no_throw("--namespace") != nullptr);
}
