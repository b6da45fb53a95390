#pragma once
// The narrow gateway to the cluster: the RPCs twctl uses, in proto types. The real one speaks gRPC; tests use a
// fake that records requests. Failures are thrown as twctl::Error with a kind (see client/status.hpp).

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl {

class CancelToken;

namespace client {

namespace wsv = temporal::api::workflowservice::v1;

class Gateway {
 public:
  virtual ~Gateway() = default;

  virtual wsv::StartWorkflowExecutionResponse start_workflow(const wsv::StartWorkflowExecutionRequest& req) = 0;
  virtual wsv::DescribeWorkflowExecutionResponse describe_workflow(
      const wsv::DescribeWorkflowExecutionRequest& req) = 0;
  virtual wsv::QueryWorkflowResponse query_workflow(const wsv::QueryWorkflowRequest& req) = 0;
  virtual wsv::RequestCancelWorkflowExecutionResponse cancel_workflow(
      const wsv::RequestCancelWorkflowExecutionRequest& req) = 0;
  // With req.wait_new_event() set this is a long poll: the server answers when an event arrives or after
  // its own poll interval (with no events and a page token to poll again).
  virtual wsv::GetWorkflowExecutionHistoryResponse get_history(const wsv::GetWorkflowExecutionHistoryRequest& req) = 0;
  virtual wsv::ListWorkflowExecutionsResponse list_workflows(const wsv::ListWorkflowExecutionsRequest& req) = 0;
};

// How to reach the cluster. Resolved from flags and environment before the gateway is made.
struct ConnectionOptions {
  std::string address = "localhost:7233";
  std::string namespace_ = "default";
  std::string identity;
  // Bound on each unary call; long polls get their own longer bound.
  std::chrono::milliseconds call_timeout{std::chrono::seconds(30)};
  // End of the whole command (--command-timeout), if any.
  std::optional<std::chrono::system_clock::time_point> deadline;
};

std::unique_ptr<Gateway> make_grpc_gateway(const ConnectionOptions& opts, CancelToken& cancel);

}  // namespace client
}  // namespace twctl
