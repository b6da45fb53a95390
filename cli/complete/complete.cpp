#include "cli/complete/complete.hpp"

#include "cli/app.hpp"
#include "cli/meta.hpp"
#include "cli/options/record_output.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

namespace twctl::cli {

namespace {

using ops::complete::Candidate;

constexpr auto kLiveBudget = std::chrono::milliseconds(300);

bool hidden(const CLI::App* app) { return app->get_group().empty(); }
// A flag (--yes, --detailed) has a type size of 1 in CLI11 but expects no value: the word after it is not its.
bool takes_value(const CLI::Option* opt) { return opt->get_type_size_max() > 0 && opt->get_expected_max() > 0; }
bool repeatable(const CLI::Option* opt) {
  return opt->get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll || opt->get_expected_max() > 1;
}

// The option `name` ("-w", "--workflow-id") on `app` or, as global flags fall through, on a parent.
CLI::Option* find_option(CLI::App* app, const std::string& name) {
  for (auto* a = app; a; a = a->get_parent()) {
    if (auto* opt = a->get_option_no_throw(name)) return opt;
  }
  return nullptr;
}

CLI::App* find_subcommand(CLI::App* app, const std::string& name) {
  for (auto* sub : app->get_subcommands({})) {
    if (sub->check_name(name) && !hidden(sub)) return sub;
  }
  return nullptr;
}

// One line of text: completion lines cannot hold tabs or newlines.
std::string one_line(std::string s) {
  if (auto nl = s.find('\n'); nl != std::string::npos) s.resize(nl);
  for (auto& c : s) {
    if (c == '\t') c = ' ';
  }
  return s;
}

std::vector<Candidate> with_prefix(std::vector<Candidate> all, const std::string& prefix) {
  std::vector<Candidate> out;
  for (auto& c : all) {
    if (c.value.rfind(prefix, 0) == 0) out.push_back(std::move(c));
  }
  return out;
}

// What the words before the one being completed say: the command, the values given, the global flags to
// connect with, and a flag still waiting for its value.
struct Walk {
  CLI::App* command = nullptr;
  std::map<const CLI::Option*, std::string> values;
  std::set<const CLI::Option*> seen;
  std::vector<std::string> global_args;
  CLI::Option* pending = nullptr;
  bool positional_only = false;  // after "--"
  size_t positionals = 0;        // words of the command that were neither flags nor subcommands
};

Walk walk(CLI::App& root, const std::vector<std::string>& words) {
  Walk w;
  w.command = &root;
  auto remember = [&](CLI::Option* opt, const std::string& name, const std::string* value) {
    w.seen.insert(opt);
    if (value) w.values[opt] = *value;
    if (root.get_option_no_throw(name) == opt) {
      w.global_args.push_back(value ? name + "=" + *value : name);
    }
  };
  std::string pending_name;
  for (const auto& word : words) {
    if (w.pending) {
      remember(w.pending, pending_name, &word);
      w.pending = nullptr;
      continue;
    }
    if (word == "--") {
      w.positional_only = true;
      continue;
    }
    if (!w.positional_only && word.size() > 1 && word[0] == '-') {
      auto eq = word.find('=');
      std::string name = word.substr(0, eq);
      auto* opt = find_option(w.command, name);
      if (!opt) continue;
      if (eq != std::string::npos) {
        std::string value = word.substr(eq + 1);
        remember(opt, name, &value);
      } else if (takes_value(opt)) {
        w.pending = opt;
        pending_name = name;
      } else {
        remember(opt, name, nullptr);
      }
      continue;
    }
    if (auto* sub = find_subcommand(w.command, word)) {
      w.command = sub;
      w.positionals = 0;
    } else {
      ++w.positionals;
    }
  }
  return w;
}

// The command's flags, then its parents' (each command has its own -h, offered once).
std::vector<Candidate> flags(const Walk& w, const std::string& prefix) {
  std::vector<Candidate> out;
  std::set<std::string> named;
  bool shorts = prefix.rfind("--", 0) != 0;
  auto add = [&](const std::string& name, const std::string& help) {
    if (named.insert(name).second) out.push_back({name, help});
  };
  for (const CLI::App* a = w.command; a; a = a->get_parent()) {
    for (const auto* opt : a->get_options()) {
      if (opt->get_group().empty() || (w.seen.count(opt) && !repeatable(opt))) continue;
      auto help = one_line(opt->get_description());
      for (const auto& l : opt->get_lnames()) add("--" + l, help);
      if (shorts) {
        for (const auto& s : opt->get_snames()) add("-" + s, help);
      }
    }
  }
  return with_prefix(std::move(out), prefix);
}

// Resolves the connection from the global flags on the line (and the environment and profile, as a command
// would), bounded so that completion never hangs.
void connect_as_typed(const Walk& w, Context& ctx) {
  auto tree = build_tree(Reach::root_only());
  tree->app->require_subcommand(0);
  auto reversed = cli11_args(w.global_args);
  tree->app->parse(reversed);
  ctx.globals = resolve_globals(tree->globals, ctx);
  auto& c = ctx.globals.connection;
  c.log = nullptr;
  auto bound = ctx.now() + kLiveBudget;
  if (!c.deadline || *c.deadline > bound) c.deadline = bound;
  c.connect_timeout = std::min(c.connect_timeout, std::chrono::duration_cast<std::chrono::milliseconds>(kLiveBudget));
  c.call_timeout = std::min(c.call_timeout, std::chrono::duration_cast<std::chrono::milliseconds>(kLiveBudget));
}

std::string given(const Walk& w, const char* name) {
  auto* opt = find_option(w.command, name);
  auto it = opt ? w.values.find(opt) : w.values.end();
  return it == w.values.end() ? std::string() : it->second;
}

Completion values(const Walk& w, const CLI::Option* opt, const std::string& prefix, Context& ctx) {
  namespace oc = ops::complete;
  auto meta = flag_meta(*w.command, opt);
  Completion c;
  if (!meta.choices.empty()) {
    for (const auto& v : meta.choices) c.candidates.push_back({v, ""});
    c.candidates = with_prefix(std::move(c.candidates), prefix);
    return c;
  }
  try {
    switch (meta.values) {
      case Values::None:
        return c;
      case Values::File:
        c.directive = kDirectiveDefault;
        return c;
      case Values::Directory:
        c.directive = kDirectiveDirs;
        return c;
      case Values::ConfigProp:
        c.candidates = oc::config_props();
        break;
      case Values::FieldPath: {
        // A comma-separated list: the last entry is completed, the ones before it kept.
        auto comma = prefix.rfind(',');
        auto head = comma == std::string::npos ? std::string() : prefix.substr(0, comma + 1);
        for (const auto& p : record_field_paths(*w.command)) c.candidates.push_back({head + p, ""});
        c.directive |= kDirectiveNoSpace;
        break;
      }
      case Values::Profile:
        connect_as_typed(w, ctx);
        c.candidates = oc::profiles(ctx);
        break;
      case Values::WorkflowId:
        connect_as_typed(w, ctx);
        c.candidates = oc::workflow_ids(prefix, ctx);
        break;
      case Values::RunId: {
        auto id = given(w, "--workflow-id");
        if (id.empty()) return c;
        connect_as_typed(w, ctx);
        c.candidates = oc::run_ids(id, ctx);
        break;
      }
      case Values::WorkflowType:
        connect_as_typed(w, ctx);
        c.candidates = oc::workflow_types(prefix, ctx);
        break;
      case Values::BatchJobId:
        connect_as_typed(w, ctx);
        c.candidates = oc::batch_jobs(ctx);
        break;
      case Values::Namespace:
        connect_as_typed(w, ctx);
        c.candidates = oc::namespaces(ctx);
        break;
      case Values::TaskQueue:
        connect_as_typed(w, ctx);
        c.candidates = oc::task_queues(ctx);
        break;
      case Values::WorkerInstanceKey:
        connect_as_typed(w, ctx);
        c.candidates = oc::worker_instance_keys(ctx);
        break;
      case Values::NexusEndpoint:
        connect_as_typed(w, ctx);
        c.candidates = oc::nexus_endpoints(ctx);
        break;
      case Values::ScheduleId:
        connect_as_typed(w, ctx);
        c.candidates = oc::schedule_ids(ctx);
        break;
      case Values::SearchAttribute:
        connect_as_typed(w, ctx);
        c.candidates = oc::custom_search_attributes(ctx);
        break;
      case Values::RemoteCluster:
        connect_as_typed(w, ctx);
        c.candidates = oc::remote_clusters(ctx);
        break;
      case Values::ActivityId:
      case Values::ActivityType: {
        ops::workflow::WorkflowRef ref{given(w, "--workflow-id"), given(w, "--run-id")};
        connect_as_typed(w, ctx);
        c.candidates = meta.values == Values::ActivityId ? oc::activity_ids(ref, ctx) : oc::activity_types(ref, ctx);
        break;
      }
      case Values::DeploymentName:
        connect_as_typed(w, ctx);
        c.candidates = oc::deployment_names(ctx);
        break;
      case Values::BuildId: {
        auto name = given(w, "--deployment-name");
        if (name.empty()) name = given(w, "--versioning-override-deployment-name");
        if (name.empty()) return c;
        connect_as_typed(w, ctx);
        c.candidates = oc::build_ids(name, ctx);
        break;
      }
      case Values::QueryName:
      case Values::SignalName:
      case Values::UpdateName: {
        ops::workflow::WorkflowRef ref{given(w, "--workflow-id"), given(w, "--run-id")};
        if (ref.workflow_id.empty()) return c;
        connect_as_typed(w, ctx);
        auto kind = meta.values == Values::QueryName    ? oc::Handler::Query
                    : meta.values == Values::SignalName ? oc::Handler::Signal
                                                        : oc::Handler::Update;
        c.candidates = oc::handler_names(ref, kind, ctx);
        break;
      }
    }
  } catch (const std::exception&) {
    c.candidates.clear();  // no connection, no such workflow, too slow: nothing to offer, and no message
  }
  c.candidates = with_prefix(std::move(c.candidates), prefix);
  return c;
}

}  // namespace

Completion complete(const std::vector<std::string>& words, Context& ctx) {
  std::vector<std::string> before(words.begin(), words.empty() ? words.end() : words.end() - 1);
  std::string current = words.empty() ? "" : words.back();
  // The commands the words before the cursor name are enough to complete a command's flags and values. Where
  // the cursor is at a command name, every command of that group is needed. The partial tree has them all
  // unless a word names one of them (as a flag's value: the walk did not enter it); then the groups the words
  // name are built whole, or the whole tree at the root.
  auto tree = build_tree_for(before);
  auto w = walk(*tree->app, before);
  auto subcommands = w.command->get_subcommands({});
  auto named = [&](const CLI::App* c) {
    return std::find(before.begin(), before.end(), c->get_name()) != before.end();
  };
  if (std::any_of(subcommands.begin(), subcommands.end(), named)) {
    tree = w.command->get_parent() == nullptr ? build_tree() : build_tree(Reach::whole_groups(before));
    w = walk(*tree->app, before);
  }

  if (w.pending) return values(w, w.pending, current, ctx);
  if (!w.positional_only && current.rfind("--", 0) == 0 && current.find('=') != std::string::npos) {
    auto eq = current.find('=');
    auto* opt = find_option(w.command, current.substr(0, eq));
    if (!opt || !takes_value(opt)) return {};
    auto c = values(w, opt, current.substr(eq + 1), ctx);
    for (auto& cand : c.candidates) cand.value = current.substr(0, eq + 1) + cand.value;
    return c;
  }
  Completion c;
  if (!w.positional_only && !current.empty() && current[0] == '-') {
    c.candidates = flags(w, current);
    return c;
  }
  // A command's next positional argument (`operator namespace describe NAME`) completes as its flag would.
  size_t index = 0;
  for (const auto* opt : w.command->get_options()) {
    if (!opt->get_positional()) continue;
    if (index++ == w.positionals) return values(w, opt, current, ctx);
  }
  for (const auto* sub : w.command->get_subcommands({})) {
    if (!hidden(sub)) c.candidates.push_back({sub->get_name(), one_line(sub->get_description())});
  }
  c.candidates = with_prefix(std::move(c.candidates), current);
  return c;
}

std::string format(const Completion& c) {
  std::string out;
  for (const auto& cand : c.candidates) {
    out += cand.value;
    if (!cand.description.empty()) out += "\t" + one_line(cand.description);
    out += "\n";
  }
  return out + ":" + std::to_string(c.directive) + "\n";
}

}  // namespace twctl::cli
