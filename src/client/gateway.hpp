#pragma once
// The narrow gateway to the cluster: the RPCs twctl uses, in proto types. The real one speaks gRPC; tests use a
// fake that records requests. Failures are thrown as twctl::Error with a kind (see client/status.hpp).

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
  virtual wsv::GetWorkflowExecutionHistoryReverseResponse get_history_reverse(
      const wsv::GetWorkflowExecutionHistoryReverseRequest& req) = 0;
  virtual wsv::CountWorkflowExecutionsResponse count_workflows(const wsv::CountWorkflowExecutionsRequest& req) = 0;
  virtual wsv::SignalWorkflowExecutionResponse signal_workflow(const wsv::SignalWorkflowExecutionRequest& req) = 0;
  virtual wsv::SignalWithStartWorkflowExecutionResponse signal_with_start(
      const wsv::SignalWithStartWorkflowExecutionRequest& req) = 0;
  virtual wsv::TerminateWorkflowExecutionResponse terminate_workflow(
      const wsv::TerminateWorkflowExecutionRequest& req) = 0;
  virtual wsv::DeleteWorkflowExecutionResponse delete_workflow(const wsv::DeleteWorkflowExecutionRequest& req) = 0;
  virtual wsv::ResetWorkflowExecutionResponse reset_workflow(const wsv::ResetWorkflowExecutionRequest& req) = 0;
  // Waits (long-poll bound) until the update reaches the requested stage.
  virtual wsv::UpdateWorkflowExecutionResponse update_workflow(const wsv::UpdateWorkflowExecutionRequest& req) = 0;
  virtual wsv::PollWorkflowExecutionUpdateResponse poll_update(const wsv::PollWorkflowExecutionUpdateRequest& req) = 0;
  virtual wsv::ExecuteMultiOperationResponse execute_multi_operation(
      const wsv::ExecuteMultiOperationRequest& req) = 0;
  virtual wsv::StartBatchOperationResponse start_batch(const wsv::StartBatchOperationRequest& req) = 0;
  virtual wsv::DescribeBatchOperationResponse describe_batch(const wsv::DescribeBatchOperationRequest& req) = 0;
  virtual wsv::ListBatchOperationsResponse list_batches(const wsv::ListBatchOperationsRequest& req) = 0;
  virtual wsv::StopBatchOperationResponse stop_batch(const wsv::StopBatchOperationRequest& req) = 0;
  virtual wsv::GetSystemInfoResponse get_system_info(const wsv::GetSystemInfoRequest& req) = 0;
  virtual wsv::ListNamespacesResponse list_namespaces(const wsv::ListNamespacesRequest& req) = 0;
};

// TLS as the SDKs configure it: PEM paths or inline data (data wins over a path), a server name override, and
// a switch that turns server certificate verification off (as Go's InsecureSkipVerify does).
struct TlsOptions {
  bool enabled = false;
  std::string cert_path, cert_data;
  std::string key_path, key_data;
  std::string ca_path, ca_data;
  std::string server_name;
  bool disable_host_verification = false;
};

// A remote codec server (POST <endpoint>/encode and /decode); empty endpoint: no codec.
struct CodecOptions {
  std::string endpoint;
  std::string auth;  // sent as Authorization
  std::vector<std::pair<std::string, std::string>> headers;
};

// How to reach the cluster. Resolved from flags, environment and profile (config/settings) before the
// gateway is made.
struct ConnectionOptions {
  std::string address = "localhost:7233";
  std::string namespace_ = "default";
  std::string identity;
  std::string api_key;    // sent as "authorization: Bearer <key>"; turns TLS on
  std::string authority;  // :authority header override
  TlsOptions tls;
  std::vector<std::pair<std::string, std::string>> metadata;  // --grpc-meta, lower-case keys
  CodecOptions codec;
  // Bound on each unary call; long polls get their own longer bound.
  std::chrono::milliseconds call_timeout{std::chrono::seconds(30)};
  // Bound on establishing the connection (TCP and TLS) before the first call.
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(10)};
  // End of the whole command (--command-timeout), if any.
  std::optional<std::chrono::system_clock::time_point> deadline;
  // A problem found while resolving the settings (unreadable profile file, unknown profile): reported when a
  // command first needs the cluster, so commands that do not connect still run.
  std::string problem;
  // Diagnostics for --verbose (each retry, the connection made); null when quiet. Never given secrets.
  std::function<void(std::string_view)> log;
};

std::unique_ptr<Gateway> make_grpc_gateway(const ConnectionOptions& opts, CancelToken& cancel);

}  // namespace client
}  // namespace twctl
