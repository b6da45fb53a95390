#pragma once

#include "core/context.hpp"
#include "ops/workflow/common.hpp"

namespace twctl::ops::workflow {

struct ShowOptions {
  WorkflowRef ref;
};

// Streams the event history page by page: a table, {"events": [...]} in json, one event per line in jsonl.
// Payloads in JSON keep their protobuf form (as the official CLI does, so the output replays in the SDKs).
int show(const ShowOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
