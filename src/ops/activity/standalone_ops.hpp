#pragma once
// pause | unpause | reset | update-options of one standalone activity (-a without -w). For the .cpp files of
// ops/activity only: it names generated types.

#include "ops/activity/activity.hpp"

#include "temporal/api/activity/v1/message.pb.h"
#include "google/protobuf/field_mask.pb.h"

namespace twctl::ops::activity {

int pause_standalone(const PauseOptions& opts, Context& ctx);
int unpause_standalone(const UnpauseOptions& opts, Context& ctx);
int reset_standalone(const ResetOptions& opts, Context& ctx);
// The options it has now.
temporal::api::activity::v1::ActivityOptions update_standalone(const WorkflowActivities& t,
                                                               const temporal::api::activity::v1::ActivityOptions& o,
                                                               const google::protobuf::FieldMask& mask,
                                                               bool restore_original, Context& ctx);

}  // namespace twctl::ops::activity
