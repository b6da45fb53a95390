// The helpers new commands build on: the reflective copy, enum flags from descriptors.
#include "core/error.hpp"
#include "message/same_fields.hpp"
#include "ops/enum_flag.hpp"
#include "ops/workflow/start_options.hpp"

#include <doctest/doctest.h>

#include "temporal/api/common/v1/message.pb.h"
#include "temporal/api/schedule/v1/message.pb.h"
#include "temporal/api/workflow/v1/message.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

using namespace twctl;
namespace wsv = temporal::api::workflowservice::v1;

TEST_CASE("copy_same_fields: a start request's fields reach signal-with-start and a schedule's action") {
  wsv::StartWorkflowExecutionRequest start;
  start.set_namespace_("ns");
  start.set_workflow_id("w-1");
  start.mutable_workflow_type()->set_name("SayHello");
  start.mutable_task_queue()->set_name("q");
  start.mutable_input()->add_payloads()->set_data("1");
  start.mutable_workflow_run_timeout()->set_seconds(30);
  start.set_identity("me");
  start.set_request_id("r-1");
  start.set_workflow_id_reuse_policy(temporal::api::enums::v1::WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE);
  (*start.mutable_memo()->mutable_fields())["k"].set_data("v");
  start.set_cron_schedule("@every 1m");

  wsv::SignalWithStartWorkflowExecutionRequest sws;
  CHECK(message::copy_same_fields(start, sws).empty());
  CHECK(sws.workflow_id() == "w-1");
  CHECK(sws.workflow_type().name() == "SayHello");
  CHECK(sws.input().payloads(0).data() == "1");
  CHECK(sws.workflow_run_timeout().seconds() == 30);
  CHECK(sws.workflow_id_reuse_policy() == start.workflow_id_reuse_policy());
  CHECK(sws.memo().fields().at("k").data() == "v");
  CHECK(sws.cron_schedule() == "@every 1m");

  // A schedule's action has no namespace, identity or request ID of its own: those are reported.
  temporal::api::workflow::v1::NewWorkflowExecutionInfo action;
  auto dropped = message::copy_same_fields(start, action);
  CHECK(dropped == std::vector<std::string>{"namespace", "identity", "request_id"});
  CHECK(action.cron_schedule() == "@every 1m");
  CHECK(action.workflow_id() == "w-1");
  CHECK(action.task_queue().name() == "q");
}

TEST_CASE("copy_same_fields: a field of the same name but another type is not copied") {
  // StartWorkflowExecutionResponse.run_id is a string like SignalWithStart's; `started` is a bool in both.
  wsv::StartWorkflowExecutionResponse from;
  from.set_run_id("run");
  from.set_started(true);
  wsv::DescribeWorkflowExecutionRequest to;  // has no run_id or started
  auto dropped = message::copy_same_fields(from, to);
  CHECK(dropped == std::vector<std::string>{"run_id", "started"});
}

TEST_CASE("copy_same_fields: a map field is copied between messages whose entry types differ") {
  // Memo.fields and Header.fields: both map<string, Payload>, with entry types Memo.FieldsEntry and
  // Header.FieldsEntry.
  temporal::api::common::v1::Memo memo;
  (*memo.mutable_fields())["k"].set_data("v");
  (*memo.mutable_fields())["j"].set_data("w");
  temporal::api::common::v1::Header header;
  CHECK(message::copy_same_fields(memo, header).empty());
  REQUIRE(header.fields().size() == 2);
  CHECK(header.fields().at("k").data() == "v");
  CHECK(header.fields().at("j").data() == "w");
}

TEST_CASE("enum flags: values come from the enum's descriptor, matched without regard to case") {
  auto values = ops::enum_values(ops::workflow::kIdConflictPolicy);
  CHECK(values == std::vector<std::string>{"Fail", "UseExisting", "TerminateExisting"});
  CHECK(ops::enum_values(ops::workflow::kIdReusePolicy) ==
        std::vector<std::string>{"AllowDuplicate", "AllowDuplicateFailedOnly", "RejectDuplicate", "TerminateIfRunning"});
  CHECK(ops::enum_number(ops::workflow::kIdConflictPolicy, "UseExisting") == 2);
  CHECK(ops::enum_number(ops::workflow::kIdConflictPolicy, "useexisting") == 2);
  CHECK_THROWS_WITH_AS(ops::enum_number(ops::workflow::kIdConflictPolicy, "Unspecified"),
                       "invalid value \"Unspecified\" for --id-conflict-policy: allowed values are Fail, UseExisting, "
                       "TerminateExisting",
                       Error);
}
