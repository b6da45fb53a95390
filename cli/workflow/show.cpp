#include "cli/flags.hpp"
#include "cli/select.hpp"
#include "cli/workflow/workflow.hpp"
#include "ops/workflow/show.hpp"
#include "temporal/api/history/v1/message.pb.h"

namespace twctl::cli::workflow {

void add_show(CLI::App& group, Selection& sel) {
  auto opts = std::make_shared<ops::workflow::ShowOptions>();
  auto* cmd = group.add_subcommand("show", "Show a workflow execution's event history");
  add_workflow_ref(*cmd, opts->ref);
  auto* follow = cmd->add_flag("-f,--follow", opts->follow,
                               "Wait for new events and print them as they come, until the run closes; a run that "
                               "continues as new is followed into the new run");
  cmd->add_flag("--reverse", opts->reverse, "Newest event first (not with --follow)")->excludes(follow);
  cmd->add_flag("--detailed", opts->detailed, "Text output: every event as a card of all its fields");
  cmd->add_option("--limit", opts->limit,
                  "Print at most this many events, then stop reading the history (with --reverse: the newest)");
  one_of_enum(*cmd,
              add_repeatable(*cmd, "--event-type", opts->event_types,
                             "Only events of this type (e.g. ActivityTaskFailed); repeatable"),
              ops::workflow::kEventType);
  set_help(*cmd,
           "Streams the history page by page; memory does not grow with its length. The text table's Details "
           "column names what each event is about (activity type and ID, signal, update, timer, child workflow, "
           "failure).",
           {"twctl workflow show \\\n    --workflow-id hello-1",
            "twctl workflow show \\\n    --workflow-id hello-1 \\\n    --follow \\\n    --output jsonl",
            "twctl workflow show \\\n    --workflow-id hello-1 \\\n    --reverse \\\n    --detailed",
            "twctl workflow show \\\n    --workflow-id hello-1 \\\n    --event-type ActivityTaskFailed \\\n    --limit 5"});
  add_record_output(*cmd, &temporal::api::history::v1::HistoryEvent::descriptor, {"eventId", "eventTime", "eventType"});
  bind(*cmd, sel, opts, ops::workflow::show);
}

}  // namespace twctl::cli::workflow
