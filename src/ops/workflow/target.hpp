#pragma once
// One workflow (-w, -r) or every workflow a visibility query matches (-q: a server-side batch job), for the
// commands that act on workflows: signal, cancel, terminate, delete, reset.

#include "core/context.hpp"
#include "ops/workflow/common.hpp"

#include <functional>
#include <string>
#include <string_view>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

struct Target {
  WorkflowRef ref;
  std::string query;
  std::string reason;
  bool yes = false;
  double rps = 0;
  bool wait = false;

  bool batch() const { return !query.empty(); }
};

// Usage errors for flag combinations: exactly one of -w and -q; -r, --rps and --wait only where they mean
// something; --reason only where the single-workflow call records one (`reason_with_id`).
void validate_target(const Target& t, bool reason_with_id);

// The reason recorded when none is given: "Requested from twctl by <user>".
std::string default_reason(const Context& ctx);

using BatchOperation = std::function<void(temporal::api::workflowservice::v1::StartBatchOperationRequest&)>;

// Confirms (a prompt on a terminal, --yes otherwise), starts the batch job, prints its ID, and with --wait
// follows it to the end (progress on stderr) and fails with batch_failed unless every execution succeeded.
int run_batch(const Target& t, Context& ctx, std::string_view verb, const BatchOperation& set_operation);

}  // namespace twctl::ops::workflow
