#include "cli/flags.hpp"

namespace twctl::cli {

CLI::Option* add_repeatable(CLI::App& cmd, const std::string& names, std::vector<std::string>& into,
                            const std::string& help) {
  return cmd.add_option(names, into, help)->allow_extra_args(false)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

void add_workflow_ref(CLI::App& cmd, ops::workflow::WorkflowRef& ref) {
  values_from(cmd, cmd.add_option("-w,--workflow-id", ref.workflow_id, "Workflow ID"), Values::WorkflowId)->required();
  values_from(cmd, cmd.add_option("-r,--run-id", ref.run_id, "Run ID (default: the latest run)"), Values::RunId);
}

void add_target(CLI::App& cmd, ops::workflow::Target& t) {
  values_from(cmd, cmd.add_option("-w,--workflow-id", t.ref.workflow_id, "Workflow ID (or -q for a batch)"),
              Values::WorkflowId);
  values_from(cmd, cmd.add_option("-r,--run-id", t.ref.run_id, "Run ID (default: the latest run)"), Values::RunId);
  cmd.add_option("-q,--query", t.query, "Act on every workflow this visibility query matches, as a batch job");
  cmd.add_option("--reason", t.reason, "Why, recorded by the server");
  cmd.add_flag("-y,--yes", t.yes, "Start a batch without asking");
  cmd.add_option("--rps", t.rps, "Batch: at most this many operations per second");
  cmd.add_flag("--wait", t.wait, "Batch: wait for the job to finish and exit non-zero unless every execution succeeded");
}

void add_payload_input(CLI::App& cmd, payload::Input& input, const std::string& prefix) {
  std::string what = prefix == "input" ? "Input" : prefix == "signal-input" ? "Signal input" : "Update input";
  std::string names = (prefix == "input" ? "-i,--" : "--") + prefix;
  add_repeatable(cmd, names, input.inputs, what + " value as JSON; repeat for more arguments");
  values_from(cmd,
              add_repeatable(cmd, "--" + prefix + "-file", input.files,
                             what + " from a file (\"-\": standard input), one argument per file; repeatable"),
              Values::File);
  add_repeatable(cmd, "--" + prefix + "-meta", input.meta,
                 what + " metadata KEY=VALUE (e.g. encoding=json/protobuf); repeatable");
  cmd.add_flag("--" + prefix + "-base64", input.base64, what + " values are base64-encoded bytes");
}

void add_headers(CLI::App& cmd, std::vector<std::string>& headers) {
  add_repeatable(cmd, "--headers", headers, "Header KEY=JSON; repeatable");
}

void set_help(CLI::App& cmd, const std::string& description, const std::vector<std::string>& examples) {
  if (auto* r = registry_of(cmd)) r->command(&cmd) = {description, examples};
  std::string footer = description.empty() ? "" : description + "\n";
  if (!examples.empty()) {
    footer += "\nExamples:\n";
    for (const auto& e : examples) footer += "  " + e + "\n";
  }
  cmd.footer(footer);
}

}  // namespace twctl::cli
