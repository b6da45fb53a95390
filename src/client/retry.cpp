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

  wsv::StartWorkflowExecutionResponse start_workflow(const wsv::StartWorkflowExecutionRequest& req) override {
    return run("StartWorkflowExecution", !req.request_id().empty(), [&] { return inner_->start_workflow(req); });
  }
  wsv::DescribeWorkflowExecutionResponse describe_workflow(const wsv::DescribeWorkflowExecutionRequest& req) override {
    return run("DescribeWorkflowExecution", true, [&] { return inner_->describe_workflow(req); });
  }
  wsv::QueryWorkflowResponse query_workflow(const wsv::QueryWorkflowRequest& req) override {
    return run("QueryWorkflow", true, [&] { return inner_->query_workflow(req); });
  }
  wsv::RequestCancelWorkflowExecutionResponse cancel_workflow(
      const wsv::RequestCancelWorkflowExecutionRequest& req) override {
    return run("RequestCancelWorkflowExecution", !req.request_id().empty(),
               [&] { return inner_->cancel_workflow(req); });
  }
  wsv::GetWorkflowExecutionHistoryResponse get_history(const wsv::GetWorkflowExecutionHistoryRequest& req) override {
    return run("GetWorkflowExecutionHistory", true, [&] { return inner_->get_history(req); });
  }
  wsv::ListWorkflowExecutionsResponse list_workflows(const wsv::ListWorkflowExecutionsRequest& req) override {
    return run("ListWorkflowExecutions", true, [&] { return inner_->list_workflows(req); });
  }

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
