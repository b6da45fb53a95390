#pragma once
// `workflow start-update-with-start` and `execute-update-with-start`: send an update to a workflow, starting it
// first if it is not running, in one ExecuteMultiOperation call.

#include "app/context.hpp"
#include "ops/workflow/start.hpp"
#include "ops/workflow/update.hpp"

namespace twctl::ops::workflow {

struct UpdateWithStartOptions {
  StartOptions start;         // -w and --id-conflict-policy are required
  UpdateStartOptions update;  // ref.workflow_id comes from the start; name, update_id, input: --update-*
};

// Waits until the update is accepted (or rejected); exit update_failed if it was rejected.
int start_update_with_start(const UpdateWithStartOptions& opts, Context& ctx);
// Waits for the update's result; exit update_failed if it was rejected or its handler failed.
int execute_update_with_start(const UpdateWithStartOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
