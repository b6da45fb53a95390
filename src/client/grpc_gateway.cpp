#include "client/gateway.hpp"
#include "client/status.hpp"
#include "core/cancel.hpp"

#include <fmt/format.h>
#include <grpc/support/log.h>
#include <grpcpp/grpcpp.h>

#include "temporal/api/workflowservice/v1/service.grpc.pb.h"

namespace twctl::client {

namespace {

using Service = wsv::WorkflowService;
constexpr int kMaxReceiveBytes = 256 * 1024 * 1024;  // histories reach 50 MiB; list pages can be large too
constexpr auto kLongPollTimeout = std::chrono::seconds(70);  // the server answers a long poll within ~20 s

// gRPC core writes its own log lines to stderr; a CLI reports errors itself.
void silent_log(gpr_log_func_args*) {}

class GrpcGateway final : public Gateway {
 public:
  GrpcGateway(const ConnectionOptions& opts, CancelToken& cancel) : opts_(opts), cancel_(cancel) {
    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(kMaxReceiveBytes);
    args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 30'000);
    args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 15'000);
    args.SetString(GRPC_ARG_PRIMARY_USER_AGENT_STRING, "twctl/" TWCTL_VERSION);
    // One attempt per call: failures are reported at once, with their cause.
    args.SetInt(GRPC_ARG_ENABLE_RETRIES, 0);
    channel_ = grpc::CreateCustomChannel(opts.address, grpc::InsecureChannelCredentials(), args);
    stub_ = Service::NewStub(channel_);
  }

// One line per RPC: the gateway method, the stub method, and whether the call may wait (long poll).
#define TWCTL_RPC(method, Rpc, Req, Resp, waits)                                    \
  wsv::Resp method(const wsv::Req& req) override {                                 \
    return call<wsv::Resp>(waits, [&](auto* ctx, auto* resp) { return stub_->Rpc(ctx, req, resp); }); \
  }

  TWCTL_RPC(start_workflow, StartWorkflowExecution, StartWorkflowExecutionRequest, StartWorkflowExecutionResponse, false)
  TWCTL_RPC(describe_workflow, DescribeWorkflowExecution, DescribeWorkflowExecutionRequest,
            DescribeWorkflowExecutionResponse, false)
  TWCTL_RPC(query_workflow, QueryWorkflow, QueryWorkflowRequest, QueryWorkflowResponse, false)
  TWCTL_RPC(cancel_workflow, RequestCancelWorkflowExecution, RequestCancelWorkflowExecutionRequest,
            RequestCancelWorkflowExecutionResponse, false)
  TWCTL_RPC(get_history, GetWorkflowExecutionHistory, GetWorkflowExecutionHistoryRequest,
            GetWorkflowExecutionHistoryResponse, req.wait_new_event())
  TWCTL_RPC(get_history_reverse, GetWorkflowExecutionHistoryReverse, GetWorkflowExecutionHistoryReverseRequest,
            GetWorkflowExecutionHistoryReverseResponse, false)
  TWCTL_RPC(list_workflows, ListWorkflowExecutions, ListWorkflowExecutionsRequest, ListWorkflowExecutionsResponse,
            false)
  TWCTL_RPC(count_workflows, CountWorkflowExecutions, CountWorkflowExecutionsRequest,
            CountWorkflowExecutionsResponse, false)
  TWCTL_RPC(signal_workflow, SignalWorkflowExecution, SignalWorkflowExecutionRequest,
            SignalWorkflowExecutionResponse, false)
  TWCTL_RPC(signal_with_start, SignalWithStartWorkflowExecution, SignalWithStartWorkflowExecutionRequest,
            SignalWithStartWorkflowExecutionResponse, false)
  TWCTL_RPC(terminate_workflow, TerminateWorkflowExecution, TerminateWorkflowExecutionRequest,
            TerminateWorkflowExecutionResponse, false)
  TWCTL_RPC(delete_workflow, DeleteWorkflowExecution, DeleteWorkflowExecutionRequest,
            DeleteWorkflowExecutionResponse, false)
  TWCTL_RPC(reset_workflow, ResetWorkflowExecution, ResetWorkflowExecutionRequest, ResetWorkflowExecutionResponse,
            false)
  TWCTL_RPC(update_workflow, UpdateWorkflowExecution, UpdateWorkflowExecutionRequest,
            UpdateWorkflowExecutionResponse, true)
  TWCTL_RPC(poll_update, PollWorkflowExecutionUpdate, PollWorkflowExecutionUpdateRequest,
            PollWorkflowExecutionUpdateResponse, true)
  TWCTL_RPC(execute_multi_operation, ExecuteMultiOperation, ExecuteMultiOperationRequest,
            ExecuteMultiOperationResponse, true)
  TWCTL_RPC(start_batch, StartBatchOperation, StartBatchOperationRequest, StartBatchOperationResponse, false)
  TWCTL_RPC(describe_batch, DescribeBatchOperation, DescribeBatchOperationRequest, DescribeBatchOperationResponse,
            false)
  TWCTL_RPC(list_batches, ListBatchOperations, ListBatchOperationsRequest, ListBatchOperationsResponse, false)
  TWCTL_RPC(stop_batch, StopBatchOperation, StopBatchOperationRequest, StopBatchOperationResponse, false)
  TWCTL_RPC(get_system_info, GetSystemInfo, GetSystemInfoRequest, GetSystemInfoResponse, false)
#undef TWCTL_RPC

 private:
  template <typename Resp, typename Fn>
  Resp call(bool waits, Fn&& fn) {
    auto timeout = waits ? std::chrono::duration_cast<std::chrono::milliseconds>(kLongPollTimeout) : opts_.call_timeout;
    grpc::ClientContext ctx;
    auto deadline = std::chrono::system_clock::now() + timeout;
    bool command_bound = false;
    if (opts_.deadline && *opts_.deadline < deadline) {
      deadline = *opts_.deadline;
      command_bound = true;
    }
    ctx.set_deadline(deadline);
    ctx.AddMetadata("client-name", "twctl");
    ctx.AddMetadata("client-version", TWCTL_VERSION);
    ctx.AddMetadata("temporal-namespace", opts_.namespace_);
    CancelToken::Registration on_cancel(cancel_, [&ctx] { ctx.TryCancel(); });
    Resp resp;
    grpc::Status status = fn(&ctx, &resp);
    if (!status.ok()) {
      auto err = from_status(status, opts_.address, cancel_.cancelled());
      if (command_bound && err.kind() == ErrorKind::DeadlineExceeded) {
        Error timed_out(ErrorKind::DeadlineExceeded, "the command timed out (--command-timeout)");
        timed_out.grpc_code = err.grpc_code;
        timed_out.grpc_code_name = err.grpc_code_name;
        throw timed_out;
      }
      throw err;
    }
    return resp;
  }

  ConnectionOptions opts_;
  CancelToken& cancel_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<Service::Stub> stub_;
};

}  // namespace

std::unique_ptr<Gateway> make_grpc_gateway(const ConnectionOptions& opts, CancelToken& cancel) {
  gpr_set_log_function(silent_log);
  return std::make_unique<GrpcGateway>(opts, cancel);
}

}  // namespace twctl::client
