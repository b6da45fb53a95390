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

  wsv::StartWorkflowExecutionResponse start_workflow(const wsv::StartWorkflowExecutionRequest& req) override {
    return call<wsv::StartWorkflowExecutionResponse>(opts_.call_timeout, [&](auto* ctx, auto* resp) {
      return stub_->StartWorkflowExecution(ctx, req, resp);
    });
  }
  wsv::DescribeWorkflowExecutionResponse describe_workflow(const wsv::DescribeWorkflowExecutionRequest& req) override {
    return call<wsv::DescribeWorkflowExecutionResponse>(opts_.call_timeout, [&](auto* ctx, auto* resp) {
      return stub_->DescribeWorkflowExecution(ctx, req, resp);
    });
  }
  wsv::QueryWorkflowResponse query_workflow(const wsv::QueryWorkflowRequest& req) override {
    return call<wsv::QueryWorkflowResponse>(opts_.call_timeout, [&](auto* ctx, auto* resp) {
      return stub_->QueryWorkflow(ctx, req, resp);
    });
  }
  wsv::RequestCancelWorkflowExecutionResponse cancel_workflow(
      const wsv::RequestCancelWorkflowExecutionRequest& req) override {
    return call<wsv::RequestCancelWorkflowExecutionResponse>(opts_.call_timeout, [&](auto* ctx, auto* resp) {
      return stub_->RequestCancelWorkflowExecution(ctx, req, resp);
    });
  }
  wsv::GetWorkflowExecutionHistoryResponse get_history(const wsv::GetWorkflowExecutionHistoryRequest& req) override {
    auto timeout = req.wait_new_event() ? std::chrono::duration_cast<std::chrono::milliseconds>(kLongPollTimeout)
                                        : opts_.call_timeout;
    return call<wsv::GetWorkflowExecutionHistoryResponse>(timeout, [&](auto* ctx, auto* resp) {
      return stub_->GetWorkflowExecutionHistory(ctx, req, resp);
    });
  }
  wsv::ListWorkflowExecutionsResponse list_workflows(const wsv::ListWorkflowExecutionsRequest& req) override {
    return call<wsv::ListWorkflowExecutionsResponse>(opts_.call_timeout, [&](auto* ctx, auto* resp) {
      return stub_->ListWorkflowExecutions(ctx, req, resp);
    });
  }

 private:
  template <typename Resp, typename Fn>
  Resp call(std::chrono::milliseconds timeout, Fn&& fn) {
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
