#include "ops/activity/standalone_common.hpp"

#include "core/error.hpp"
#include "output/proto_fields.hpp"

#include "temporal/api/enums/v1/activity.pb.h"

namespace twctl::ops::activity {

namespace enums = temporal::api::enums::v1;

void check_ref(const StandaloneRef& ref) {
  if (ref.activity_id.empty()) throw usage_error("--activity-id is required");
}

workflow::Outcome outcome_of(const temporal::api::activity::v1::ActivityExecutionOutcome& o) {
  workflow::Outcome out;
  if (o.has_result()) {
    out.status = "COMPLETED";
    out.has_result = true;
    out.result = o.result();
    return out;
  }
  const auto& f = o.failure();
  out.status = f.has_canceled_failure_info()     ? "CANCELED"
               : f.has_terminated_failure_info() ? "TERMINATED"
               : f.has_timeout_failure_info()    ? "TIMED_OUT"
                                                 : "FAILED";
  out.has_failure = true;
  out.failure = f;
  return out;
}

std::string status_text(int status) {
  return output::pascal_case(enums::ActivityExecutionStatus_Name(static_cast<enums::ActivityExecutionStatus>(status)),
                             "ACTIVITY_EXECUTION_STATUS_");
}

}  // namespace twctl::ops::activity
