#include "cli/flags.hpp"
#include "cli/select.hpp"
#include "cli/workflow/workflow.hpp"
#include "ops/workflow/list.hpp"
#include "temporal/api/workflow/v1/message.pb.h"

namespace twctl::cli::workflow {

void add_list(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::ListOptions>();
  auto* cmd = group.add_subcommand("list", "List workflow executions");
  cmd->add_option("-q,--query", opts->query, "Visibility query, e.g. \"WorkflowType='SayHello'\"");
  cmd->add_option("--limit", opts->limit, "Stop after this many executions (0: all)");
  cmd->add_option("--page-size", opts->page_size, "Executions per request (0: the server's default)");
  add_record_output(*cmd, &temporal::api::workflow::v1::WorkflowExecutionInfo::descriptor,
                    {"status", "execution.workflowId", "type.name", "startTime"});
  set_help(*cmd,
           "Streams executions page by page; -o jsonl prints one execution per line. --fields picks fields of each "
           "execution by their path in -o json (WorkflowExecutionInfo).",
           {"twctl workflow list \\\n    --query \"ExecutionStatus='Running'\" \\\n    --limit 20",
            "twctl workflow list \\\n    --output jsonl",
            "twctl workflow list \\\n    --fields execution.workflowId,status,historyLength \\\n    --output tsv"});
  bind(*cmd, sel, opts, ops::workflow::list);
}

}  // namespace twctl::cli::workflow
