// `task-queue describe`: who polls a task queue and how far behind it is.
#include "core/duration.hpp"
#include "core/error.hpp"
#include "core/time_format.hpp"
#include "ops/taskqueue/describe_view.hpp"
#include "ops/wait.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>

#include "client/gateway.hpp"
#include "temporal/api/enums/v1/task_queue.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

// ENHANCED mode and the legacy status are deprecated in the API but are what the official CLI sends, and what
// alone reports pollers and stats per build ID and reachability; the server 1.32 answers them.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace twctl::ops::taskqueue {

namespace enums = temporal::api::enums::v1;
namespace tq = temporal::api::taskqueue::v1;
namespace wsv = temporal::api::workflowservice::v1;

namespace {

constexpr int kAllTypes[] = {enums::TASK_QUEUE_TYPE_WORKFLOW, enums::TASK_QUEUE_TYPE_ACTIVITY,
                             enums::TASK_QUEUE_TYPE_NEXUS};

// The validated flags: the requests to send.
struct Plan {
  std::optional<wsv::DescribeTaskQueueRequest> enhanced;
  std::vector<wsv::DescribeTaskQueueRequest> partitions;
  std::vector<wsv::DescribeTaskQueueRequest> configs;
  std::optional<std::chrono::nanoseconds> wait;
};

// Partition 0 is the queue's own name; the others are /_sys/<name>/<p> (the server's naming of partitions).
std::string partition_name(const std::string& queue, int p) {
  return p == 0 ? queue : fmt::format("/_sys/{}/{}", queue, p);
}

void not_with_legacy(bool given, std::string_view flag) {
  if (given) throw usage_error(fmt::format("{} is not used with --legacy-mode", flag));
}

Plan plan(const DescribeOptions& opts, const Context& ctx) {
  if (opts.task_queue.empty()) throw usage_error("--task-queue must not be empty");
  Plan p;
  if (!opts.wait.empty()) {
    if (!opts.require_pollers) throw usage_error("--wait needs --require-pollers");
    p.wait = parse_duration("--wait", opts.wait);
  }
  std::vector<int> types;
  for (const auto& t : opts.types) {
    int n = enum_number(kTaskQueueType, t);
    if (std::find(types.begin(), types.end(), n) == types.end()) types.push_back(n);
  }
  if (opts.legacy_mode) {
    not_with_legacy(!opts.types.empty(), "--task-queue-type (use --task-queue-type-legacy)");
    not_with_legacy(!opts.select_build_ids.empty(), "--select-build-id");
    not_with_legacy(opts.select_unversioned, "--select-unversioned");
    not_with_legacy(opts.select_all_active, "--select-all-active");
    not_with_legacy(opts.report_reachability, "--report-reachability");
    not_with_legacy(opts.disable_stats, "--disable-stats");
    int partitions = opts.partitions_legacy == -1 ? 1 : opts.partitions_legacy;
    if (partitions < 1) throw usage_error("--partitions-legacy must be at least 1");
    int type = opts.type_legacy.empty() ? enums::TASK_QUEUE_TYPE_WORKFLOW
                                        : enum_number(kTaskQueueTypeLegacy, opts.type_legacy);
    for (int i = 0; i < partitions; ++i) {
      wsv::DescribeTaskQueueRequest req;
      req.set_namespace_(ctx.namespace_());
      req.mutable_task_queue()->set_name(partition_name(opts.task_queue, i));
      req.mutable_task_queue()->set_kind(enums::TASK_QUEUE_KIND_NORMAL);
      req.set_task_queue_type(static_cast<enums::TaskQueueType>(type));
      req.set_include_task_queue_status(true);
      req.set_report_config(opts.report_config && i == 0);
      p.partitions.push_back(std::move(req));
    }
    return p;
  }
  if (!opts.type_legacy.empty()) throw usage_error("--task-queue-type-legacy needs --legacy-mode");
  if (opts.partitions_legacy != -1) throw usage_error("--partitions-legacy needs --legacy-mode");

  wsv::DescribeTaskQueueRequest req;
  req.set_namespace_(ctx.namespace_());
  req.mutable_task_queue()->set_name(opts.task_queue);
  req.mutable_task_queue()->set_kind(enums::TASK_QUEUE_KIND_NORMAL);
  req.set_api_mode(enums::DESCRIBE_TASK_QUEUE_MODE_ENHANCED);
  if (!opts.select_build_ids.empty() || opts.select_unversioned || opts.select_all_active) {
    auto* v = req.mutable_versions();
    for (const auto& id : opts.select_build_ids) {
      if (id.empty()) throw usage_error("--select-build-id must not be empty");
      v->add_build_ids(id);
    }
    v->set_unversioned(opts.select_unversioned);
    v->set_all_active(opts.select_all_active);
  }
  for (int t : types) req.add_task_queue_types(static_cast<enums::TaskQueueType>(t));
  req.set_report_pollers(true);
  req.set_report_task_reachability(opts.report_reachability);
  req.set_report_stats(!opts.disable_stats);
  p.enhanced = std::move(req);

  // ENHANCED mode has no config: the current API's DEFAULT mode reports it, one type per call.
  if (opts.report_config) {
    if (types.empty()) types.assign(std::begin(kAllTypes), std::end(kAllTypes));
    for (int t : types) {
      wsv::DescribeTaskQueueRequest c;
      c.set_namespace_(ctx.namespace_());
      c.mutable_task_queue()->set_name(opts.task_queue);
      c.mutable_task_queue()->set_kind(enums::TASK_QUEUE_KIND_NORMAL);
      c.set_task_queue_type(static_cast<enums::TaskQueueType>(t));
      c.set_report_config(true);
      p.configs.push_back(std::move(c));
    }
  }
  return p;
}

Seen fetch(const Plan& p, Context& ctx) {
  Seen s;
  if (p.enhanced) s.enhanced = client::call<wsv::DescribeTaskQueueResponse>(ctx.gateway(), *p.enhanced);
  for (const auto& req : p.partitions) {
    s.partitions.push_back(client::call<wsv::DescribeTaskQueueResponse>(ctx.gateway(), req));
  }
  for (const auto& req : p.configs) {
    s.configs.emplace_back(req.task_queue_type(), client::call<wsv::DescribeTaskQueueResponse>(ctx.gateway(), req));
  }
  return s;
}

size_t poller_count(const Seen& s) {
  size_t n = 0;
  for (const auto& [id, info] : s.enhanced.versions_info()) {
    for (const auto& [type, t] : info.types_info()) n += static_cast<size_t>(t.pollers_size());
  }
  for (const auto& r : s.partitions) n += static_cast<size_t>(r.pollers_size());
  return n;
}

}  // namespace

int describe(const DescribeOptions& opts, Context& ctx) {
  auto p = plan(opts, ctx);
  if (!opts.require_pollers) {
    print_describe(opts, fetch(p, ctx), ctx);
    return 0;
  }
  Seen seen;
  if (!p.wait) {
    seen = fetch(p, ctx);
    print_describe(opts, seen, ctx);
    if (poller_count(seen) > 0) return 0;
    Error e(ErrorKind::NotFound, fmt::format("no poller on task queue {}", opts.task_queue));
    e.cause = "no_pollers";
    throw e;
  }
  bool fetched = false;
  auto result = wait_with_backoff(ctx, *p.wait, "no poller yet", [&](std::string& last) {
    seen = fetch(p, ctx);
    fetched = true;
    if (poller_count(seen) > 0) return true;
    last = "no poller";
    return false;
  });
  if (fetched) print_describe(opts, seen, ctx);
  if (result.done) return 0;
  Error e(ErrorKind::DeadlineExceeded, fmt::format("no poller on task queue {} within {} ({} checks; the last: {})",
                                                   opts.task_queue, format_duration(*p.wait), result.attempts,
                                                   result.last));
  e.cause = "no_pollers";
  throw e;
}

}  // namespace twctl::ops::taskqueue
