// `twctl workflow update start | execute | result | describe`.
#include "cli/flags.hpp"
#include "cli/select.hpp"
#include "cli/workflow/workflow.hpp"
#include "ops/workflow/update.hpp"

namespace twctl::cli::workflow {

namespace {

void add_sending(CLI::App& cmd, ops::workflow::UpdateStartOptions& o) {
  add_workflow_ref(cmd, o.ref);
  values_from(cmd, cmd.add_option("--name,--type", o.name, "Update name"), Values::UpdateName)->required();
  cmd.add_option("--update-id", o.update_id, "Update ID, to de-duplicate retries (default: a random UUID)");
  cmd.add_option("--first-execution-run-id", o.first_execution_run_id,
                 "Only update a run of the chain that started with this run");
  add_payload_input(cmd, o.input);
  add_headers(cmd, o.headers);
}

void add_targeting(CLI::App& cmd, ops::workflow::UpdateRefOptions& o) {
  add_workflow_ref(cmd, o.ref);
  cmd.add_option("--update-id", o.update_id, "Update ID")->required();
}

}  // namespace

void add_update(CLI::App& group, Selection& sel) {
  auto* upd = group.add_subcommand("update", "Send updates to a workflow and read their outcomes");
  upd->require_subcommand(1);

  auto start = std::make_shared<ops::workflow::UpdateStartOptions>();
  auto* start_cmd = upd->add_subcommand("start", "Send an update and wait until the workflow accepts it");
  add_sending(*start_cmd, *start);
  one_of(*start_cmd, start_cmd->add_option("--wait-for-stage", start->wait_for_stage, "Stage to wait for: accepted"),
         {"accepted"})
      ->required();
  set_help(*start_cmd, "Returns once the update passed the workflow's validator; exits 12 if it was rejected.",
           {"twctl workflow update start \\\n    --workflow-id order-1 \\\n    --name add_item \\\n"
            "    --input '\"apple\"' \\\n    --wait-for-stage accepted"});
  bind(*start_cmd, sel, start, ops::workflow::update_start);

  auto execute = std::make_shared<ops::workflow::UpdateStartOptions>();
  auto* execute_cmd = upd->add_subcommand("execute", "Send an update and wait for its result");
  add_sending(*execute_cmd, *execute);
  set_help(*execute_cmd, "Prints the update's result; exits 12 if it was rejected or its handler failed.",
           {"twctl workflow update execute \\\n    --workflow-id order-1 \\\n    --name add_item \\\n"
            "    --input '\"apple\"'"});
  bind(*execute_cmd, sel, execute, ops::workflow::update_execute);

  auto result = std::make_shared<ops::workflow::UpdateRefOptions>();
  auto* result_cmd = upd->add_subcommand("result", "Wait for an update's outcome");
  add_targeting(*result_cmd, *result);
  set_help(*result_cmd, "Waits for the update to complete and prints its result; exits 12 if it failed.",
           {"twctl workflow update result \\\n    --workflow-id order-1 \\\n    --update-id u-1"});
  bind(*result_cmd, sel, result, ops::workflow::update_result);

  auto describe = std::make_shared<ops::workflow::UpdateRefOptions>();
  auto* describe_cmd = upd->add_subcommand("describe", "Show an update's stage and outcome without waiting");
  add_targeting(*describe_cmd, *describe);
  set_help(*describe_cmd, "Shows the stage the update reached and, once completed, its result or failure.",
           {"twctl workflow update describe \\\n    --workflow-id order-1 \\\n    --update-id u-1"});
  bind(*describe_cmd, sel, describe, ops::workflow::update_describe);
}

}  // namespace twctl::cli::workflow
