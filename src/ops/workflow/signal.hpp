#pragma once

#include "app/context.hpp"
#include "ops/bulk.hpp"
#include "ops/workflow/target_options.hpp"
#include "payload/input.hpp"

namespace temporal::api::workflowservice::v1 {
class SignalWorkflowExecutionRequest;
}

namespace twctl::ops::workflow {

struct SignalOptions {
  Target target;
  std::string name;
  payload::Input input;
  std::vector<std::string> headers;
  BulkOptions bulk;  // --from-file, --concurrency, --resume-from (the rate limit is the target's --rps)
};

// The request for one workflow (-w, -r); a usage Error naming the flag for a bad value. Sends nothing.
temporal::api::workflowservice::v1::SignalWorkflowExecutionRequest build_signal_request(const SignalOptions& opts,
                                                                                          Context& ctx);

int signal(const SignalOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
