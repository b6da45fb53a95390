#pragma once
// Acting on the target of the single-workflow-or-batch option set: its checks, and the batch job.

#include "app/context.hpp"
#include "ops/workflow/target_options.hpp"

#include <functional>
#include <string>
#include <string_view>


namespace temporal::api::workflowservice::v1 {
class StartBatchOperationRequest;
}

namespace twctl::ops::workflow {

// Usage errors for flag combinations: exactly one of -w and -q; -r, --rps and --wait only where they mean
// something; --reason only where the single-workflow call records one (`reason_with_id`).
void validate_target(const Target& t, bool reason_with_id);

// The reason recorded when none is given: "Requested from twctl by <user>".
std::string default_reason(const Context& ctx);

using BatchOperation = std::function<void(temporal::api::workflowservice::v1::StartBatchOperationRequest&)>;

// What a batch's query selects: workflows (CountWorkflowExecutions validates it) or standalone activities
// (CountActivityExecutions).
enum class BatchOf { Workflows, Activities };

// Confirms (a prompt on a terminal, --yes otherwise), starts the batch job, prints its ID, and with --wait
// follows it to the end (progress on stderr) and fails with batch_failed unless every execution succeeded.
int run_batch(const Target& t, Context& ctx, std::string_view verb, const BatchOperation& set_operation,
              BatchOf of = BatchOf::Workflows);

}  // namespace twctl::ops::workflow
