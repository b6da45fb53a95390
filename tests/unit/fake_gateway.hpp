#pragma once
// A gateway that records requests and answers with canned responses or errors; for command tests only.
// The end-to-end suite always talks to the real server.

#include "cli/app.hpp"
#include "client/gateway.hpp"
#include "core/context.hpp"
#include "core/error.hpp"

#include <deque>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace twctl::testing {

namespace wsv = temporal::api::workflowservice::v1;

struct FakeCluster {
  std::vector<wsv::StartWorkflowExecutionRequest> starts;
  std::vector<wsv::DescribeWorkflowExecutionRequest> describes;
  std::vector<wsv::QueryWorkflowRequest> queries;
  std::vector<wsv::RequestCancelWorkflowExecutionRequest> cancels;
  std::vector<wsv::GetWorkflowExecutionHistoryRequest> history_requests;
  std::vector<wsv::ListWorkflowExecutionsRequest> lists;

  wsv::StartWorkflowExecutionResponse start_response;
  wsv::DescribeWorkflowExecutionResponse describe_response;
  wsv::QueryWorkflowResponse query_response;
  std::deque<wsv::GetWorkflowExecutionHistoryResponse> history_responses;
  std::deque<wsv::ListWorkflowExecutionsResponse> list_responses;
  std::optional<Error> fail_with;
  int gateways_made = 0;

  size_t calls() const {
    return starts.size() + describes.size() + queries.size() + cancels.size() + history_requests.size() +
           lists.size();
  }
};

class FakeGateway : public client::Gateway {
 public:
  explicit FakeGateway(FakeCluster& c) : c_(c) {}

  wsv::StartWorkflowExecutionResponse start_workflow(const wsv::StartWorkflowExecutionRequest& r) override {
    c_.starts.push_back(r);
    check();
    return c_.start_response;
  }
  wsv::DescribeWorkflowExecutionResponse describe_workflow(const wsv::DescribeWorkflowExecutionRequest& r) override {
    c_.describes.push_back(r);
    check();
    return c_.describe_response;
  }
  wsv::QueryWorkflowResponse query_workflow(const wsv::QueryWorkflowRequest& r) override {
    c_.queries.push_back(r);
    check();
    return c_.query_response;
  }
  wsv::RequestCancelWorkflowExecutionResponse cancel_workflow(const wsv::RequestCancelWorkflowExecutionRequest& r) override {
    c_.cancels.push_back(r);
    check();
    return {};
  }
  wsv::GetWorkflowExecutionHistoryResponse get_history(const wsv::GetWorkflowExecutionHistoryRequest& r) override {
    c_.history_requests.push_back(r);
    check();
    if (c_.history_responses.empty()) return {};
    auto resp = c_.history_responses.front();
    c_.history_responses.pop_front();
    return resp;
  }
  wsv::ListWorkflowExecutionsResponse list_workflows(const wsv::ListWorkflowExecutionsRequest& r) override {
    c_.lists.push_back(r);
    check();
    if (c_.list_responses.empty()) return {};
    auto resp = c_.list_responses.front();
    c_.list_responses.pop_front();
    return resp;
  }

 private:
  void check() {
    if (c_.fail_with) throw *c_.fail_with;
  }
  FakeCluster& c_;
};

// Runs argv through the same entry point as main, with captured streams and a fake cluster.
struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

inline Run run_cli(FakeCluster& cluster, std::vector<std::string> args,
                   std::vector<std::pair<std::string, std::string>> env = {}) {
  std::istringstream in;
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
  ctx.sleep = [](std::chrono::milliseconds) { return true; };  // retries do not wait in tests
  ctx.gateway_factory = [&cluster](const client::ConnectionOptions&, CancelToken&) {
    ++cluster.gateways_made;
    return std::make_unique<FakeGateway>(cluster);
  };
  Run r;
  r.code = cli::run(args, ctx);
  r.out = out.str();
  r.err = err.str();
  return r;
}

}  // namespace twctl::testing
