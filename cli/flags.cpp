#include "cli/flags.hpp"

namespace twctl::cli {

CLI::Option* add_repeatable(CLI::App& cmd, const std::string& names, std::vector<std::string>& into,
                            const std::string& help) {
  return cmd.add_option(names, into, help)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

void add_headers(CLI::App& cmd, std::vector<std::string>& headers) {
  add_repeatable(cmd, "--headers", headers, "Header KEY=JSON; repeatable");
}

void set_help(CLI::App& cmd, const std::string& description, const std::vector<std::string>& examples) {
  if (auto* r = registry_of(cmd)) {
    auto& meta = r->command(&cmd);  // keeps what else was recorded (a record type)
    meta.description = description;
    meta.examples = examples;
  }
  std::string footer = description.empty() ? "" : description + "\n";
  if (!examples.empty()) {
    footer += "\nExamples:\n";
    for (const auto& e : examples) footer += "  " + e + "\n";
  }
  cmd.footer(footer);
}

}  // namespace twctl::cli
