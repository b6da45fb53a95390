// The RPC table and its rules: every RPC is found from its request type, and retry and long-poll decisions
// reproduce the per-RPC lists the gateway used to spell out.
#include "client/rpc.hpp"
#include "core/error.hpp"
#include "message/schema.hpp"

#include <doctest/doctest.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/generated_message_reflection.h>

#include "grpc/health/v1/health.pb.h"
#include "temporal/api/operatorservice/v1/request_response.pb.h"
#include "temporal/api/operatorservice/v1/service.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"
#include "temporal/api/workflowservice/v1/service.pb.h"

using namespace twctl;
using namespace twctl::client;
namespace wsv = temporal::api::workflowservice::v1;
namespace osv = temporal::api::operatorservice::v1;

TEST_CASE("rpc: a request type finds its service, method path and response type") {
  const auto& start = rpc_for(wsv::StartWorkflowExecutionRequest());
  CHECK(start.path == "/temporal.api.workflowservice.v1.WorkflowService/StartWorkflowExecution");
  CHECK(start.service == "WorkflowService");
  CHECK(start.name == "StartWorkflowExecution");
  CHECK(start.response == schema::find(typeid(wsv::StartWorkflowExecutionResponse)));
  CHECK(start.request == schema::find("temporal.api.workflowservice.v1.StartWorkflowExecutionRequest"));
  CHECK(rpc_for(osv::ListSearchAttributesRequest()).path ==
        "/temporal.api.operatorservice.v1.OperatorService/ListSearchAttributes");
  CHECK(rpc_for(grpc::health::v1::HealthCheckRequest()).path == "/grpc.health.v1.Health/Check");
  CHECK(rpc_for(wsv::PauseWorkflowExecutionRequest()).name == "PauseWorkflowExecution");
  CHECK(rpc_for(wsv::CountSchedulesRequest()).name == "CountSchedules");
}

TEST_CASE("rpc: the name rule finds every method of the services' descriptors, unary, with its answer type") {
  namespace gp = google::protobuf;
  // twctl itself never builds the service files (rpc.cpp): the test does, to hold the rule against them.
  gp::internal::AssignDescriptors(&descriptor_table_temporal_2fapi_2fworkflowservice_2fv1_2fservice_2eproto);
  gp::internal::AssignDescriptors(&descriptor_table_temporal_2fapi_2foperatorservice_2fv1_2fservice_2eproto);
  gp::internal::AssignDescriptors(&descriptor_table_grpc_2fhealth_2fv1_2fhealth_2eproto);
  const auto* pool = gp::DescriptorPool::generated_pool();
  int methods = 0;
  for (const char* name : {"temporal.api.workflowservice.v1.WorkflowService",
                           "temporal.api.operatorservice.v1.OperatorService", "grpc.health.v1.Health"}) {
    const auto* service = pool->FindServiceByName(name);
    REQUIRE(service != nullptr);
    for (int i = 0; i < service->method_count(); ++i) {
      const auto* m = service->method(i);
      if (service->name() == "Health" && m->name() == "Watch") continue;  // a stream twctl never calls
      CAPTURE(m->full_name());
      CHECK_FALSE(m->client_streaming());
      CHECK_FALSE(m->server_streaming());
      std::unique_ptr<gp::Message> req(
          gp::MessageFactory::generated_factory()->GetPrototype(m->input_type())->New());
      const auto& rpc = rpc_for(*req);
      CHECK(rpc.path == "/" + service->full_name() + "/" + m->name());
      CHECK(rpc.service == service->name());
      CHECK(rpc.name == m->name());
      CHECK(rpc.request == schema::find(m->input_type()->full_name()));
      CHECK(rpc.response == schema::find(m->output_type()->full_name()));
      CHECK(rpc.response != nullptr);
      ++methods;
    }
  }
  CHECK(methods > 100);  // 136 in API v1.63.5: the services were found
}

TEST_CASE("rpc: a message no RPC takes, or the wrong response type, is an error") {
  CHECK_THROWS_AS(rpc_for(wsv::StartWorkflowExecutionResponse()), Error);
  wsv::DescribeWorkflowExecutionResponse wrong;
  CHECK_THROWS_WITH_AS(rpc_for(wsv::StartWorkflowExecutionRequest(), &wrong),
                       doctest::Contains("StartWorkflowExecution answers with"), Error);
  wsv::StartWorkflowExecutionResponse right;
  CHECK_NOTHROW(rpc_for(wsv::StartWorkflowExecutionRequest(), &right));
}

namespace {

template <typename Req>
bool repeatable(const Req& req) {
  return is_repeatable(rpc_for(req), req);
}
template <typename Req>
bool long_poll(const Req& req) {
  return is_long_poll(rpc_for(req), req);
}
template <typename Req>
Req with_request_id() {
  Req r;
  r.set_request_id("r-1");
  return r;
}

}  // namespace

TEST_CASE("rpc: reads are repeated; writes only with a request ID or an update ID") {
  // Reads, always.
  CHECK(repeatable(wsv::DescribeWorkflowExecutionRequest()));
  CHECK(repeatable(wsv::QueryWorkflowRequest()));
  CHECK(repeatable(wsv::GetWorkflowExecutionHistoryRequest()));
  CHECK(repeatable(wsv::GetWorkflowExecutionHistoryReverseRequest()));
  CHECK(repeatable(wsv::ListWorkflowExecutionsRequest()));
  CHECK(repeatable(wsv::CountWorkflowExecutionsRequest()));
  CHECK(repeatable(wsv::PollWorkflowExecutionUpdateRequest()));
  CHECK(repeatable(wsv::DescribeBatchOperationRequest()));
  CHECK(repeatable(wsv::ListBatchOperationsRequest()));
  CHECK(repeatable(wsv::GetSystemInfoRequest()));
  CHECK(repeatable(wsv::ListNamespacesRequest()));
  CHECK(repeatable(osv::ListSearchAttributesRequest()));
  CHECK(repeatable(grpc::health::v1::HealthCheckRequest()));
  // Writes the server de-duplicates by request ID: only with one.
  CHECK_FALSE(repeatable(wsv::StartWorkflowExecutionRequest()));
  CHECK(repeatable(with_request_id<wsv::StartWorkflowExecutionRequest>()));
  CHECK_FALSE(repeatable(wsv::RequestCancelWorkflowExecutionRequest()));
  CHECK(repeatable(with_request_id<wsv::RequestCancelWorkflowExecutionRequest>()));
  CHECK(repeatable(with_request_id<wsv::SignalWorkflowExecutionRequest>()));
  CHECK(repeatable(with_request_id<wsv::SignalWithStartWorkflowExecutionRequest>()));
  CHECK(repeatable(with_request_id<wsv::ResetWorkflowExecutionRequest>()));
  CHECK(repeatable(with_request_id<wsv::PauseWorkflowExecutionRequest>()));
  // An update by its update ID.
  wsv::UpdateWorkflowExecutionRequest update;
  CHECK_FALSE(repeatable(update));
  update.mutable_request()->mutable_meta()->set_update_id("u-1");
  CHECK(repeatable(update));
  // Never: no key to de-duplicate by.
  CHECK_FALSE(repeatable(wsv::TerminateWorkflowExecutionRequest()));
  CHECK_FALSE(repeatable(wsv::DeleteWorkflowExecutionRequest()));
  CHECK_FALSE(repeatable(wsv::StartBatchOperationRequest()));
  CHECK_FALSE(repeatable(wsv::StopBatchOperationRequest()));
  wsv::ExecuteMultiOperationRequest multi;
  multi.add_operations()->mutable_start_workflow()->set_request_id("r-1");
  CHECK_FALSE(repeatable(multi));
  // Operator calls: reads repeat; an upsert too (the same settings again); the other writes never.
  CHECK(repeatable(wsv::DescribeNamespaceRequest()));
  CHECK(repeatable(wsv::GetClusterInfoRequest()));
  CHECK(repeatable(osv::ListClustersRequest()));
  CHECK(repeatable(osv::AddOrUpdateRemoteClusterRequest()));
  CHECK_FALSE(repeatable(osv::RemoveRemoteClusterRequest()));
  CHECK_FALSE(repeatable(wsv::RegisterNamespaceRequest()));
  CHECK_FALSE(repeatable(wsv::UpdateNamespaceRequest()));
  CHECK_FALSE(repeatable(osv::DeleteNamespaceRequest()));
  CHECK_FALSE(repeatable(osv::AddSearchAttributesRequest()));
  CHECK_FALSE(repeatable(osv::RemoveSearchAttributesRequest()));
  // A worker's poll hands a task out: a repeat after a lost answer would strand it.
  CHECK_FALSE(repeatable(wsv::PollWorkflowTaskQueueRequest()));
  CHECK_FALSE(repeatable(wsv::PollActivityTaskQueueRequest()));
  CHECK_FALSE(repeatable(wsv::PollNexusTaskQueueRequest()));
}

TEST_CASE("rpc: long polls get the long deadline") {
  wsv::GetWorkflowExecutionHistoryRequest history;
  CHECK_FALSE(long_poll(history));
  history.set_wait_new_event(true);
  CHECK(long_poll(history));
  CHECK(long_poll(wsv::UpdateWorkflowExecutionRequest()));
  CHECK(long_poll(wsv::PollWorkflowExecutionUpdateRequest()));
  CHECK(long_poll(wsv::ExecuteMultiOperationRequest()));
  CHECK(long_poll(wsv::PollActivityExecutionRequest()));
  wsv::DescribeActivityExecutionRequest activity;
  CHECK_FALSE(long_poll(activity));
  activity.set_long_poll_token("t");
  CHECK(long_poll(activity));
  CHECK_FALSE(long_poll(wsv::DescribeWorkflowExecutionRequest()));
  CHECK_FALSE(long_poll(wsv::StartWorkflowExecutionRequest()));
  CHECK_FALSE(long_poll(wsv::ListWorkflowExecutionsRequest()));
  CHECK_FALSE(long_poll(wsv::GetWorkflowExecutionHistoryReverseRequest()));
}
