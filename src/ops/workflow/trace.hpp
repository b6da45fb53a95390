#pragma once

#include "app/context.hpp"
#include "ops/workflow/reference_options.hpp"
#include "output/style.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace twctl::ops::workflow {

struct TraceOptions {
  WorkflowRef ref;
  int depth = -1;                 // levels of children to expand; -1: all
  std::vector<std::string> fold;  // statuses whose children are not fetched (default: completed, canceled, terminated)
  bool no_fold = false;
  int concurrency = 10;           // runs of one level fetched at once
};

// One run in the tree of a workflow and its child workflows.
struct TraceNode {
  std::string workflow_id;
  std::string run_id;
  std::string type;
  std::string status;   // RUNNING, PAUSED, COMPLETED, FAILED, CANCELED, TERMINATED, TIMED_OUT, CONTINUED_AS_NEW; STARTING
                        // for a child initiated but not started yet; NOT_FOUND for a child deleted since
  std::string failure;  // failure text of a failed run (or a terminated run's reason)
  bool expanded = false;  // false when its children were not fetched (folded, or below --depth)
  std::vector<TraceNode> children;
};

// An indented tree with box-drawing characters, one line per run: "Type  workflow-id  run-id  Status[: failure]".
std::string render_trace(const TraceNode& root, const output::Style& style);
// Nested objects: {workflowId, runId, type, status, failure?, expanded, children: [...]}.
nlohmann::ordered_json trace_json(const TraceNode& root);

// Prints the tree once; on a terminal with text output it is redrawn every second until the root closes.
// Exit 0 while the root runs or when it completed (or continued as new); workflow_failed (3) when it closed
// otherwise, after printing the tree.
int trace(const TraceOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
