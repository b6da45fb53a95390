// `twctl batch list | describe | terminate`: the server-side batch jobs that -q starts.
#include "cli/batch/batch.hpp"

#include "cli/flags.hpp"
#include "cli/select.hpp"
#include "ops/workflow/batch.hpp"
#include "temporal/api/batch/v1/message.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::cli::batch {

void add_group(CLI::App& root, Selection& sel) {
  auto* group = root.add_subcommand("batch", "List, describe and stop batch jobs");
  group->require_subcommand(1);

  auto list = std::make_shared<ops::workflow::BatchListOptions>();
  auto* list_cmd = group->add_subcommand("list", "List batch jobs");
  list_cmd->add_option("--limit", list->limit, "Stop after this many jobs (0: all)");
  set_help(*list_cmd, "Lists the namespace's batch jobs, newest first.", {"twctl batch list \\\n    --limit 10"});
  add_record_output(*list_cmd, &temporal::api::batch::v1::BatchOperationInfo::descriptor,
                    {"jobId", "state", "startTime", "closeTime"});
  bind(*list_cmd, sel, list, ops::workflow::batch_list);

  auto describe = std::make_shared<ops::workflow::BatchDescribeOptions>();
  auto* describe_cmd = group->add_subcommand("describe", "Show a batch job's state and progress");
  values_from(*describe_cmd, describe_cmd->add_option("--job-id", describe->job_id, "Batch job ID"), Values::BatchJobId)
      ->required();
  set_help(*describe_cmd, "Shows the job's state and how many executions it has done and failed.",
           {"twctl batch describe \\\n    --job-id 5f1c...."});
  add_record_output(*describe_cmd, &temporal::api::workflowservice::v1::DescribeBatchOperationResponse::descriptor,
                    {"jobId", "state", "operationType", "completeOperationCount", "failureOperationCount",
                     "totalOperationCount", "startTime", "closeTime", "reason"});
  bind(*describe_cmd, sel, describe, ops::workflow::batch_describe);

  auto terminate = std::make_shared<ops::workflow::BatchTerminateOptions>();
  auto* terminate_cmd = group->add_subcommand("terminate", "Stop a running batch job");
  values_from(*terminate_cmd, terminate_cmd->add_option("--job-id", terminate->job_id, "Batch job ID"),
              Values::BatchJobId)
      ->required();
  terminate_cmd->add_option("--reason", terminate->reason, "Why, recorded by the server")->required();
  set_help(*terminate_cmd, "Stops the job; executions it already handled stay as they are.",
           {"twctl batch terminate \\\n    --job-id 5f1c.... \\\n    --reason \"wrong query\""});
  bind(*terminate_cmd, sel, terminate, ops::workflow::batch_terminate);
}

}  // namespace twctl::cli::batch
