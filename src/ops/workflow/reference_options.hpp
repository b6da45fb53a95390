#pragma once
// The workflow-reference option set: -w/--workflow-id and -r/--run-id. Plain data, as every option set: the
// CLI binds it without seeing protobuf types.

#include <string>

namespace twctl::ops::workflow {

struct WorkflowRef {
  std::string workflow_id;
  std::string run_id;
};

}  // namespace twctl::ops::workflow
