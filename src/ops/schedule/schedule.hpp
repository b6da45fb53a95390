#pragma once
// `twctl schedule …`: create, update, describe, list, count, delete, toggle, trigger, backfill and
// list-matching-times, over the WorkflowService schedule RPCs.

#include "app/context.hpp"
#include "ops/schedule/options.hpp"

namespace temporal::api::workflowservice::v1 {
class CreateScheduleRequest;
class UpdateScheduleRequest;
class DescribeScheduleResponse;
}  // namespace temporal::api::workflowservice::v1

namespace twctl::ops::schedule {

// Validate every flag and build the request; send nothing (usage errors name the flag).
temporal::api::workflowservice::v1::CreateScheduleRequest build_create_request(const CreateOptions& opts, Context& ctx);
// `current` is the schedule read first, used with --keep-unspecified only (may be null otherwise).
temporal::api::workflowservice::v1::UpdateScheduleRequest build_update_request(
    const UpdateOptions& opts, const temporal::api::workflowservice::v1::DescribeScheduleResponse* current,
    Context& ctx);

int create(const CreateOptions& opts, Context& ctx);
int update(const UpdateOptions& opts, Context& ctx);
int remove(const ScheduleRef& opts, Context& ctx);
int toggle(const ToggleOptions& opts, Context& ctx);
int trigger(const TriggerOptions& opts, Context& ctx);
int backfill(const BackfillOptions& opts, Context& ctx);

// A card: spec in words, state, policies, action, next times, recent actions, running workflows, counts.
int describe(const ScheduleRef& opts, Context& ctx);
int list(const ListOptions& opts, Context& ctx);
int count(const CountOptions& opts, Context& ctx);
int matching_times(const MatchingTimesOptions& opts, Context& ctx);

// The schedule ID, checked not empty.
const std::string& schedule_id(const ScheduleRef& ref);

}  // namespace twctl::ops::schedule
