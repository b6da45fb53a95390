#pragma once
// A gateway that records requests and answers with canned responses or errors; for command tests only.
// The end-to-end suite always talks to the real server.

#include "cli/app.hpp"
#include "client/gateway.hpp"
#include "core/context.hpp"
#include "core/error.hpp"

#include <google/protobuf/message.h>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace twctl::testing {

namespace wsv = temporal::api::workflowservice::v1;

// What the fake cluster was asked, and what it answers. Methods are named as on client::Gateway.
struct FakeCluster {
  std::vector<std::pair<std::string, std::shared_ptr<google::protobuf::Message>>> calls;
  std::map<std::string, std::deque<std::shared_ptr<google::protobuf::Message>>> queued;  // one per call
  std::map<std::string, std::shared_ptr<google::protobuf::Message>> standing;  // when nothing is queued
  std::optional<Error> fail_with;
  // Per method, one entry per call: an error to throw, or nothing to answer as usual; then answers as usual.
  std::map<std::string, std::deque<std::optional<Error>>> fail_next;
  int gateways_made = 0;

  // Every request made to `method`, in order.
  template <typename Req>
  std::vector<Req> requests(const std::string& method) const {
    std::vector<Req> out;
    for (const auto& [m, req] : calls) {
      if (m == method) out.push_back(static_cast<const Req&>(*req));
    }
    return out;
  }
  // The answer `method` gives whenever nothing is queued for it (made empty on first use).
  template <typename Resp>
  Resp& answer(const std::string& method) {
    auto& slot = standing[method];
    if (!slot) slot = std::make_shared<Resp>();
    return static_cast<Resp&>(*slot);
  }
  // Queues one answer for the next call of `method`.
  template <typename Resp>
  void then(const std::string& method, Resp resp) {
    queued[method].push_back(std::make_shared<Resp>(std::move(resp)));
  }

  template <typename Resp, typename Req>
  Resp call(const std::string& method, const Req& req) {
    calls.emplace_back(method, std::make_shared<Req>(req));
    if (fail_with) throw *fail_with;
    if (auto f = fail_next.find(method); f != fail_next.end() && !f->second.empty()) {
      auto e = f->second.front();
      f->second.pop_front();
      if (e) throw *e;
    }
    auto& q = queued[method];
    if (!q.empty()) {
      auto resp = static_cast<Resp&>(*q.front());
      q.pop_front();
      return resp;
    }
    auto it = standing.find(method);
    return it == standing.end() ? Resp() : static_cast<Resp&>(*it->second);
  }
};

#define TWCTL_FAKE(method, Req, Resp) \
  wsv::Resp method(const wsv::Req& r) override { return c_.call<wsv::Resp>(#method, r); }

class FakeGateway : public client::Gateway {
 public:
  explicit FakeGateway(FakeCluster& c) : c_(c) {}

  TWCTL_FAKE(start_workflow, StartWorkflowExecutionRequest, StartWorkflowExecutionResponse)
  TWCTL_FAKE(describe_workflow, DescribeWorkflowExecutionRequest, DescribeWorkflowExecutionResponse)
  TWCTL_FAKE(query_workflow, QueryWorkflowRequest, QueryWorkflowResponse)
  TWCTL_FAKE(cancel_workflow, RequestCancelWorkflowExecutionRequest, RequestCancelWorkflowExecutionResponse)
  TWCTL_FAKE(get_history, GetWorkflowExecutionHistoryRequest, GetWorkflowExecutionHistoryResponse)
  TWCTL_FAKE(list_workflows, ListWorkflowExecutionsRequest, ListWorkflowExecutionsResponse)
  TWCTL_FAKE(get_history_reverse, GetWorkflowExecutionHistoryReverseRequest, GetWorkflowExecutionHistoryReverseResponse)
  TWCTL_FAKE(count_workflows, CountWorkflowExecutionsRequest, CountWorkflowExecutionsResponse)
  TWCTL_FAKE(signal_workflow, SignalWorkflowExecutionRequest, SignalWorkflowExecutionResponse)
  TWCTL_FAKE(signal_with_start, SignalWithStartWorkflowExecutionRequest, SignalWithStartWorkflowExecutionResponse)
  TWCTL_FAKE(terminate_workflow, TerminateWorkflowExecutionRequest, TerminateWorkflowExecutionResponse)
  TWCTL_FAKE(delete_workflow, DeleteWorkflowExecutionRequest, DeleteWorkflowExecutionResponse)
  TWCTL_FAKE(reset_workflow, ResetWorkflowExecutionRequest, ResetWorkflowExecutionResponse)
  TWCTL_FAKE(update_workflow, UpdateWorkflowExecutionRequest, UpdateWorkflowExecutionResponse)
  TWCTL_FAKE(poll_update, PollWorkflowExecutionUpdateRequest, PollWorkflowExecutionUpdateResponse)
  TWCTL_FAKE(execute_multi_operation, ExecuteMultiOperationRequest, ExecuteMultiOperationResponse)
  TWCTL_FAKE(start_batch, StartBatchOperationRequest, StartBatchOperationResponse)
  TWCTL_FAKE(describe_batch, DescribeBatchOperationRequest, DescribeBatchOperationResponse)
  TWCTL_FAKE(list_batches, ListBatchOperationsRequest, ListBatchOperationsResponse)
  TWCTL_FAKE(stop_batch, StopBatchOperationRequest, StopBatchOperationResponse)
  TWCTL_FAKE(get_system_info, GetSystemInfoRequest, GetSystemInfoResponse)
  TWCTL_FAKE(list_namespaces, ListNamespacesRequest, ListNamespacesResponse)

 private:
  FakeCluster& c_;
};

#undef TWCTL_FAKE

// Runs argv through the same entry point as main, with captured streams and a fake cluster.
struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

// `setup` may change the context before the run (a terminal's width, say).
inline Run run_cli(FakeCluster& cluster, std::vector<std::string> args,
                   std::vector<std::pair<std::string, std::string>> env = {}, std::string stdin_text = {},
                   const std::function<void(Context&)>& setup = {}) {
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  CancelToken cancel;
  Context ctx(in, out, err, cancel);
  ctx.env = [env](std::string_view name) -> std::optional<std::string> {
    for (const auto& [k, v] : env) {
      if (k == name) return v;
    }
    return std::nullopt;
  };
  ctx.now = [] { return TimePoint(std::chrono::seconds(1'700'000'100)); };
  ctx.pause = [](std::chrono::milliseconds) { return true; };  // polls and retries do not wait in tests
  ctx.gateway_factory = [&cluster](const client::ConnectionOptions&, CancelToken&) {
    ++cluster.gateways_made;
    return std::make_unique<FakeGateway>(cluster);
  };
  if (setup) setup(ctx);
  Run r;
  r.code = cli::run(args, ctx);
  r.out = out.str();
  r.err = err.str();
  return r;
}

}  // namespace twctl::testing
