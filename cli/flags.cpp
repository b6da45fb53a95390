#include "cli/flags.hpp"

namespace twctl::cli {

CLI::Option* add_repeatable(CLI::App& cmd, const std::string& names, std::vector<std::string>& into,
                            const std::string& help) {
  return cmd.add_option(names, into, help)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

void add_workflow_ref(CLI::App& cmd, ops::workflow::WorkflowRef& ref) {
  cmd.add_option("-w,--workflow-id", ref.workflow_id, "Workflow ID")->required();
  cmd.add_option("-r,--run-id", ref.run_id, "Run ID (default: the latest run)");
}

void add_payload_input(CLI::App& cmd, payload::Input& input) {
  add_repeatable(cmd, "-i,--input", input.inputs, "Input value as JSON; repeat for more arguments");
  add_repeatable(cmd, "--input-file", input.files, "File holding one JSON input; repeat for more arguments");
}

void set_help(CLI::App& cmd, const std::string& description, const std::vector<std::string>& examples) {
  std::string footer = description.empty() ? "" : description + "\n";
  if (!examples.empty()) {
    footer += "\nExamples:\n";
    for (const auto& e : examples) footer += "  " + e + "\n";
  }
  cmd.footer(footer);
}

}  // namespace twctl::cli
