#include "client/retry.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace twctl::client {

namespace {

using std::chrono::milliseconds;

class RetryingGateway final : public Gateway {
 public:
  RetryingGateway(std::unique_ptr<Gateway> inner, RetryPolicy policy, RetryHooks hooks)
      : inner_(std::move(inner)), policy_(policy), hooks_(std::move(hooks)) {
    if (!hooks_.random) {
      hooks_.random = [gen = std::mt19937_64(std::random_device{}())]() mutable {
        return std::uniform_real_distribution<double>(0.0, 1.0)(gen);
      };
    }
  }

  // One line per RPC: whether a failed attempt may be repeated. Reads always; writes only when the server
  // de-duplicates them (a request ID or update ID); the rest would fail or act twice on a repeat.
#define TWCTL_RPC(method, Rpc, Req, Resp, repeatable)                                     \
  wsv::Resp method(const wsv::Req& req) override {                                       \
    return run(#Rpc, repeatable, [&] { return inner_->method(req); });                   \
  }
  TWCTL_RPC(start_workflow, StartWorkflowExecution, StartWorkflowExecutionRequest, StartWorkflowExecutionResponse, !req.request_id().empty())
  TWCTL_RPC(describe_workflow, DescribeWorkflowExecution, DescribeWorkflowExecutionRequest, DescribeWorkflowExecutionResponse, true)
  TWCTL_RPC(query_workflow, QueryWorkflow, QueryWorkflowRequest, QueryWorkflowResponse, true)
  TWCTL_RPC(cancel_workflow, RequestCancelWorkflowExecution, RequestCancelWorkflowExecutionRequest, RequestCancelWorkflowExecutionResponse, !req.request_id().empty())
  TWCTL_RPC(get_history, GetWorkflowExecutionHistory, GetWorkflowExecutionHistoryRequest, GetWorkflowExecutionHistoryResponse, true)
  TWCTL_RPC(get_history_reverse, GetWorkflowExecutionHistoryReverse, GetWorkflowExecutionHistoryReverseRequest, GetWorkflowExecutionHistoryReverseResponse, true)
  TWCTL_RPC(list_workflows, ListWorkflowExecutions, ListWorkflowExecutionsRequest, ListWorkflowExecutionsResponse, true)
  TWCTL_RPC(count_workflows, CountWorkflowExecutions, CountWorkflowExecutionsRequest, CountWorkflowExecutionsResponse, true)
  TWCTL_RPC(signal_workflow, SignalWorkflowExecution, SignalWorkflowExecutionRequest, SignalWorkflowExecutionResponse, !req.request_id().empty())
  TWCTL_RPC(signal_with_start, SignalWithStartWorkflowExecution, SignalWithStartWorkflowExecutionRequest, SignalWithStartWorkflowExecutionResponse, !req.request_id().empty())
  TWCTL_RPC(terminate_workflow, TerminateWorkflowExecution, TerminateWorkflowExecutionRequest, TerminateWorkflowExecutionResponse, false)
  TWCTL_RPC(delete_workflow, DeleteWorkflowExecution, DeleteWorkflowExecutionRequest, DeleteWorkflowExecutionResponse, false)
  TWCTL_RPC(reset_workflow, ResetWorkflowExecution, ResetWorkflowExecutionRequest, ResetWorkflowExecutionResponse, !req.request_id().empty())
  TWCTL_RPC(update_workflow, UpdateWorkflowExecution, UpdateWorkflowExecutionRequest, UpdateWorkflowExecutionResponse, !req.request().meta().update_id().empty())
  TWCTL_RPC(poll_update, PollWorkflowExecutionUpdate, PollWorkflowExecutionUpdateRequest, PollWorkflowExecutionUpdateResponse, true)
  TWCTL_RPC(execute_multi_operation, ExecuteMultiOperation, ExecuteMultiOperationRequest, ExecuteMultiOperationResponse, false)
  TWCTL_RPC(start_batch, StartBatchOperation, StartBatchOperationRequest, StartBatchOperationResponse, false)
  TWCTL_RPC(describe_batch, DescribeBatchOperation, DescribeBatchOperationRequest, DescribeBatchOperationResponse, true)
  TWCTL_RPC(list_batches, ListBatchOperations, ListBatchOperationsRequest, ListBatchOperationsResponse, true)
  TWCTL_RPC(stop_batch, StopBatchOperation, StopBatchOperationRequest, StopBatchOperationResponse, false)
  TWCTL_RPC(get_system_info, GetSystemInfo, GetSystemInfoRequest, GetSystemInfoResponse, true)
  TWCTL_RPC(list_namespaces, ListNamespaces, ListNamespacesRequest, ListNamespacesResponse, true)
#undef TWCTL_RPC

 private:
  template <typename Fn>
  auto run(std::string_view rpc, bool repeatable, Fn&& fn) -> decltype(fn()) {
    std::optional<std::chrono::system_clock::time_point> first_failure;
    for (int attempt = 1;; ++attempt) {
      try {
        auto resp = fn();
        reached_ = true;
        return resp;
      } catch (const Error& e) {
        // Any answer from the server, even an error, shows it is there.
        if (e.grpc_code && e.kind() != ErrorKind::Unavailable) reached_ = true;
        if (!repeatable || !is_transient(e) || attempt >= policy_.max_attempts) throw;
        auto budget = reached_ ? policy_.max_elapsed : policy_.max_elapsed_unreached;
        auto wait = backoff(policy_, attempt);
        double factor = 1.0 + policy_.jitter * (2.0 * hooks_.random() - 1.0);
        wait = milliseconds(static_cast<int64_t>(std::llround(static_cast<double>(wait.count()) * factor)));
        auto now = hooks_.now();
        if (!first_failure) first_failure = now;
        auto resume = now + wait;
        if (resume - *first_failure > budget) throw;
        if (hooks_.deadline && resume >= *hooks_.deadline) throw;
        if (hooks_.log) {
          hooks_.log(fmt::format("retrying {} in {}ms (attempt {} of {} failed): {}", rpc, wait.count(), attempt,
                                 policy_.max_attempts, e.what()));
        }
        if (!hooks_.sleep(wait)) throw Error(ErrorKind::Interrupted, "interrupted");
      }
    }
  }

  std::unique_ptr<Gateway> inner_;
  RetryPolicy policy_;
  RetryHooks hooks_;
  bool reached_ = false;
};

}  // namespace

bool is_transient(const Error& e) {
  if (e.kind() == ErrorKind::ResourceExhausted) return e.cause != "message_too_large";
  if (e.kind() != ErrorKind::Unavailable) return false;
  return e.cause == "refused" || e.cause == "reset" || e.cause == "unavailable";
}

std::chrono::milliseconds backoff(const RetryPolicy& p, int retry) {
  double ms = static_cast<double>(p.initial_backoff.count()) * std::pow(p.multiplier, std::max(0, retry - 1));
  return milliseconds(static_cast<int64_t>(std::min(ms, static_cast<double>(p.max_backoff.count()))));
}

std::unique_ptr<Gateway> with_retries(std::unique_ptr<Gateway> inner, RetryPolicy policy, RetryHooks hooks) {
  return std::make_unique<RetryingGateway>(std::move(inner), policy, std::move(hooks));
}

}  // namespace twctl::client
