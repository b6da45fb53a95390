#pragma once
// What the standalone-activity commands share (their .cpp files only: it names generated types).

#include "ops/activity/standalone.hpp"
#include "ops/workflow/common.hpp"

#include <string>

#include "temporal/api/activity/v1/message.pb.h"

namespace twctl::ops::activity {

// -a is given (and -r only with it).
void check_ref(const StandaloneRef& ref);

// An outcome as the workflow commands show one: COMPLETED with the result, or FAILED / CANCELED / TERMINATED /
// TIMED_OUT (from the failure's kind) with the failure.
workflow::Outcome outcome_of(const temporal::api::activity::v1::ActivityExecutionOutcome& o);

// "Running", "Completed", … for an ActivityExecutionStatus.
std::string status_text(int activity_execution_status);

}  // namespace twctl::ops::activity
