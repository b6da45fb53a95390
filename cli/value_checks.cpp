#include "cli/value_checks.hpp"

#include "cli/meta.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace twctl::cli {

namespace {

// Flags that carry an ID or a name the server holds to limit.maxIDLength: by where completion finds their
// values, and the few that have no such source.
bool is_limited_id(const CLI::App& cmd, const CLI::Option* opt) {
  const auto* r = registry_of(cmd);
  const auto* meta = r ? r->find(opt) : nullptr;
  switch (meta ? meta->values : Values::None) {
    case Values::WorkflowId:
    case Values::RunId:
    case Values::WorkflowType:
    case Values::Namespace:
    case Values::TaskQueue:
    case Values::QueryName:
    case Values::SignalName:
    case Values::UpdateName:
    case Values::BatchJobId:
    case Values::ActivityId:
    case Values::ActivityType:
    case Values::DeploymentName:
    case Values::BuildId:
    case Values::ScheduleId:  // the server holds schedule IDs to the same limit (and derives workflow IDs from them)
      return true;
    default:
      break;
  }
  static const std::set<std::string> names{"update-id",   "update-name", "signal-name", "first-execution-run-id",
                                           "update-first-execution-run-id", "identity"};
  const auto& l = opt->get_lnames();
  return std::any_of(l.begin(), l.end(), [](const std::string& n) { return names.count(n) > 0; });
}

CLI::Validator at_most(size_t limit) {
  return CLI::Validator(
      [limit](std::string& v) {
        if (v.size() <= limit) return std::string();
        return fmt::format("the value is {} bytes long; the server accepts at most {} (limit.maxIDLength)", v.size(),
                           limit);
      },
      "", "max-id-length");
}

bool takes_value(const CLI::Option* opt) { return opt->get_type_size() != 0 && opt->get_expected_min() > 0; }

// The option named `name` ("--x" or "-x") in `at` or one of its parents (flags fall through to them).
const CLI::Option* find_flag(const CLI::App& at, const std::string& name) {
  for (const CLI::App* a = &at; a; a = a->get_parent()) {
    for (const auto* opt : a->get_options()) {
      if (opt->check_name(name)) return opt;
    }
  }
  return nullptr;
}

std::string nearest_flag(const CLI::App& at, const std::string& typed) {
  auto bare = [](std::string s) {
    s.erase(std::remove(s.begin(), s.end(), '-'), s.end());
    return s;
  };
  std::string best;
  // Close enough to be a typo: two edits at most, and fewer than half the word's letters.
  size_t best_distance = std::min<size_t>(3, (bare(typed).size() + 1) / 2);
  for (const CLI::App* a = &at; a; a = a->get_parent()) {
    for (const auto* opt : a->get_options()) {
      for (const auto& l : opt->get_lnames()) {
        auto name = "--" + l;
        auto d = std::min(edit_distance(typed, name), edit_distance(bare(typed), bare(name)));
        if (d < best_distance) {
          best_distance = d;
          best = name;
        }
      }
    }
  }
  return best;
}

bool is_number(const std::string& s) {
  return s.size() > 1 && s.find_first_not_of("0123456789.", 1) == std::string::npos;
}

}  // namespace

CLI::Validator non_empty() {
  return CLI::Validator([](std::string& v) { return v.empty() ? std::string("the value is empty") : std::string(); },
                        "", "non-empty");
}

void add_value_checks(CLI::App& cmd) {
  for (auto* opt : cmd.get_options()) {
    if (!takes_value(opt)) continue;
    const auto* r = registry_of(cmd);
    const auto* meta = r ? r->find(opt) : nullptr;  // not flag_meta: it would build an enum's choices
    bool is_enum = meta && (!meta->choices.empty() || meta->lazy_choices);
    if (!is_enum) opt->check(non_empty());  // enum flags check it first
    if (is_limited_id(cmd, opt)) opt->check(at_most(kMaxIdLength));
  }
  for (auto* sub : cmd.get_subcommands({})) add_value_checks(*sub);
}

std::string unknown_flag_message(const CLI::App& at, const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    const auto& a = args[i];
    if (a == "--") break;
    if (a.size() < 2 || a[0] != '-' || is_number(a)) continue;
    bool is_long = a[1] == '-';
    auto eq = a.find('=');
    std::string name = is_long ? a.substr(0, eq) : a.substr(0, 2);
    const auto* opt = find_flag(at, name);
    if (!opt) {
      auto msg = fmt::format("unknown flag {}", name);
      if (is_long) {
        if (auto near = nearest_flag(at, name); !near.empty()) msg += fmt::format(" (did you mean {}?)", near);
      }
      return msg;
    }
    i += value_words(at, a);
  }
  return {};
}

std::string conversion_message(const CLI::App& at, const CLI::ParseError& e) {
  // CLI11's "Could not convert: --limit = abc": the flag, the value and what the flag takes.
  if (!dynamic_cast<const CLI::ConversionError*>(&e)) return {};
  std::string what = e.what();
  constexpr std::string_view prefix = "Could not convert: ";
  auto eq = what.find(" = ");
  if (what.rfind(prefix, 0) != 0 || eq == std::string::npos) return {};
  std::string name = what.substr(prefix.size(), eq - prefix.size());
  std::string value = what.substr(eq + 3);
  const auto* opt = find_flag(at, name);
  std::string type = opt ? opt->get_type_name() : "";
  bool digits = !value.empty() && value.find_first_not_of("0123456789", value[0] == '-' ? 1 : 0) == std::string::npos &&
                value != "-";
  if (type == "INT" || type == "UINT") {
    if (digits) return fmt::format("{} {} is out of range", name, value);
    return fmt::format("{} takes a whole number, not \"{}\"", name, value);
  }
  if (type == "FLOAT") return fmt::format("{} takes a number, not \"{}\"", name, value);
  return fmt::format("{}: \"{}\" is not a value it takes", name, value);
}

size_t value_words(const CLI::App& at, const std::string& arg) {
  if (arg.size() < 2 || arg[0] != '-') return 0;
  bool is_long = arg[1] == '-';
  auto eq = arg.find('=');
  const auto* opt = find_flag(at, is_long ? arg.substr(0, eq) : arg.substr(0, 2));
  // The value is the next word unless attached (--x=v, -xV, -x=v).
  bool attached = is_long ? eq != std::string::npos : arg.size() > 2;
  return opt && takes_value(opt) && !attached ? 1 : 0;
}

}  // namespace twctl::cli
