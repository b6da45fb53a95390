// Live completion values for activities and worker deployments.
#include "ops/activity/standalone_common.hpp"
#include "ops/complete/values.hpp"
#include "ops/workflow/common.hpp"
#include "output/proto_fields.hpp"

#include <fmt/format.h>

#include <set>

#include "temporal/api/enums/v1/deployment.pb.h"
#include "temporal/api/enums/v1/workflow.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::complete {

namespace enums = temporal::api::enums::v1;
namespace wsv = temporal::api::workflowservice::v1;

namespace {

wsv::DescribeWorkflowExecutionResponse describe(const workflow::WorkflowRef& ref, Context& ctx) {
  wsv::DescribeWorkflowExecutionRequest req;
  req.set_namespace_(ctx.namespace_());
  *req.mutable_execution() = workflow::to_proto(ref);
  return client::call<wsv::DescribeWorkflowExecutionResponse>(ctx.gateway(), req);
}

wsv::ListActivityExecutionsResponse recent_standalone(Context& ctx) {
  wsv::ListActivityExecutionsRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_page_size(200);
  return client::call<wsv::ListActivityExecutionsResponse>(ctx.gateway(), req);
}

}  // namespace

std::vector<Candidate> activity_ids(const workflow::WorkflowRef& ref, Context& ctx) {
  std::vector<Candidate> out;
  if (!ref.workflow_id.empty()) {
    auto resp = describe(ref, ctx);  // kept: a range-for over a temporary's member would outlive it
    for (const auto& a : resp.pending_activities()) {
      out.push_back({a.activity_id(), fmt::format("{}, {}", a.activity_type().name(),
                                                  output::pascal_case(enums::PendingActivityState_Name(a.state()),
                                                                      "PENDING_ACTIVITY_STATE_"))});
    }
    return out;
  }
  std::set<std::string> seen;
  auto recent = recent_standalone(ctx);
  for (const auto& a : recent.executions()) {
    if (!seen.insert(a.activity_id()).second) continue;
    out.push_back({a.activity_id(), fmt::format("{}, {}", a.activity_type().name(), activity::status_text(a.status()))});
  }
  return out;
}

std::vector<Candidate> activity_types(const workflow::WorkflowRef& ref, Context& ctx) {
  std::vector<Candidate> out;
  std::set<std::string> seen;
  auto add = [&](const std::string& type) {
    if (!type.empty() && seen.insert(type).second) out.push_back({type, ""});
  };
  if (!ref.workflow_id.empty()) {
    auto resp = describe(ref, ctx);
    for (const auto& a : resp.pending_activities()) add(a.activity_type().name());
  } else {
    auto recent = recent_standalone(ctx);
    for (const auto& a : recent.executions()) add(a.activity_type().name());
  }
  return out;
}

std::vector<Candidate> deployment_names(Context& ctx) {
  wsv::ListWorkerDeploymentsRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_page_size(200);
  std::vector<Candidate> out;
  auto resp = client::call<wsv::ListWorkerDeploymentsResponse>(ctx.gateway(), req);
  for (const auto& d : resp.worker_deployments()) {
    const auto& current = d.routing_config().current_deployment_version().build_id();
    out.push_back({d.name(), current.empty() ? std::string() : "current: " + current});
  }
  return out;
}

std::vector<Candidate> build_ids(const std::string& deployment_name, Context& ctx) {
  wsv::DescribeWorkerDeploymentRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_deployment_name(deployment_name);
  auto resp = client::call<wsv::DescribeWorkerDeploymentResponse>(ctx.gateway(), req);
  std::vector<Candidate> out;
  for (const auto& v : resp.worker_deployment_info().version_summaries()) {
    out.push_back({v.deployment_version().build_id(),
                   output::enum_short_name(*enums::WorkerDeploymentVersionStatus_descriptor(), v.status())});
  }
  return out;
}

}  // namespace twctl::ops::complete
