// `task-queue describe`: who polls a task queue and how far behind it is.
#include "core/duration.hpp"
#include "core/error.hpp"
#include "core/time_format.hpp"
#include "ops/taskqueue/taskqueue.hpp"
#include "ops/wait.hpp"
#include "output/proto_fields.hpp"
#include "output/proto_json.hpp"

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
using json = nlohmann::ordered_json;

namespace {

constexpr int kAllTypes[] = {enums::TASK_QUEUE_TYPE_WORKFLOW, enums::TASK_QUEUE_TYPE_ACTIVITY,
                             enums::TASK_QUEUE_TYPE_NEXUS};

// What one look at the queue returned: the enhanced answer, or one answer per partition in legacy mode; and
// the config per type when asked for.
struct Seen {
  wsv::DescribeTaskQueueResponse enhanced;
  std::vector<wsv::DescribeTaskQueueResponse> partitions;  // legacy: index = partition
  std::vector<std::pair<int, wsv::DescribeTaskQueueResponse>> configs;
};

// The validated flags: the requests to send.
struct Plan {
  std::optional<wsv::DescribeTaskQueueRequest> enhanced;
  std::vector<wsv::DescribeTaskQueueRequest> partitions;
  std::vector<wsv::DescribeTaskQueueRequest> configs;
  std::optional<std::chrono::nanoseconds> wait;
};

std::string type_text(int t) { return output::enum_short_name(*enums::TaskQueueType_descriptor(), t); }

std::string type_json(int t) {
  const auto* v = enums::TaskQueueType_descriptor()->FindValueByNumber(t);
  return v == nullptr ? std::to_string(t) : v->name();
}

// The message's JSON fields after those `into` has.
void append(json& into, const google::protobuf::Message& m, bool shorthand) {
  auto fields = output::proto_to_json(m, shorthand);
  for (auto& [k, v] : fields.items()) into[k] = v;
}

std::string build_id_text(const std::string& id) { return id.empty() ? "UNVERSIONED" : id; }

std::string rate_text(double r) { return fmt::format("{:.2f}", r); }

// A google.protobuf.Duration in the protobuf JSON mapping ("90s", "1.5s").
std::string duration_json(const google::protobuf::Duration& d) {
  if (d.nanos() == 0) return fmt::format("{}s", d.seconds());
  auto frac = fmt::format("{:09d}", std::abs(d.nanos()));
  while (frac.back() == '0') frac.pop_back();
  return fmt::format("{}.{}s", d.seconds(), frac);
}

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

// Build IDs in a stable order: unversioned first, then by name; types by number.
std::vector<std::string> build_ids(const wsv::DescribeTaskQueueResponse& r) {
  std::vector<std::string> ids;
  for (const auto& [id, info] : r.versions_info()) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::map<int, const tq::TaskQueueTypeInfo*> types_of(const tq::TaskQueueVersionInfo& info) {
  std::map<int, const tq::TaskQueueTypeInfo*> out;
  for (const auto& [type, t] : info.types_info()) out[type] = &t;
  return out;
}

std::string section(const output::Style& style, std::string_view title) {
  return style.magenta(std::string(title)) + "\n";
}

std::string rate_limit_text(const tq::RateLimitConfig& c) {
  if (!c.has_rate_limit()) return "Not Set";
  return fmt::format("{:.2f} rps", c.rate_limit().requests_per_second());
}

std::string overrides_text(const tq::TaskQueueConfig& c) {
  std::map<std::string, float> sorted(c.fairness_weight_overrides().begin(), c.fairness_weight_overrides().end());
  std::vector<std::string> parts;
  for (const auto& [k, w] : sorted) parts.push_back(fmt::format("{}={}", k, w));
  return parts.empty() ? "-" : fmt::format("{}", fmt::join(parts, ", "));
}

std::string effective_text(const wsv::DescribeTaskQueueResponse& r) {
  if (!r.has_effective_rate_limit()) return "-";
  const auto& e = r.effective_rate_limit();
  const auto* v = enums::RateLimitSource_descriptor()->FindValueByNumber(e.rate_limit_source());
  return fmt::format("{:.2f} rps ({})", e.requests_per_second(), v == nullptr ? "?" : output::enum_short_name(*v));
}

std::string config_table(const Seen& s, const output::Style& style) {
  output::Table t{{{"TaskQueueType"},
                   {"QueueRateLimit"},
                   {"FairnessKeyRateLimitDefault"},
                   {"FairnessWeightOverrides"},
                   {"EffectiveRateLimit"}},
                  {}};
  for (const auto& [type, r] : s.configs) {
    const auto& c = r.config();
    t.rows.push_back({type_text(type), rate_limit_text(c.queue_rate_limit()),
                      rate_limit_text(c.fairness_keys_rate_limit_default()), overrides_text(c), effective_text(r)});
  }
  return section(style, "Task Queue Configuration:") + output::render_table(t, true, style);
}

json configs_json(const Seen& s, bool shorthand) {
  json arr = json::array();
  for (const auto& [type, r] : s.configs) {
    json item{{"taskQueueType", type_json(type)}, {"config", output::proto_to_json(r.config(), shorthand)}};
    if (r.has_effective_rate_limit()) {
      item["effectiveRateLimit"] = output::proto_to_json(r.effective_rate_limit(), shorthand);
    }
    arr.push_back(std::move(item));
  }
  return arr;
}

void print_enhanced(const DescribeOptions& opts, const Seen& s, Context& ctx) {
  auto& out = ctx.printer();
  const auto& r = s.enhanced;
  auto ids = build_ids(r);
  bool shorthand = ctx.globals.shorthand_payloads;
  if (out.json()) {
    json reach = nullptr, stats = nullptr, pollers = json::array();
    if (opts.report_reachability) {
      reach = json::array();
      for (const auto& id : ids) {
        const auto* v = enums::BuildIdTaskReachability_descriptor()->FindValueByNumber(
            r.versions_info().at(id).task_reachability());
        reach.push_back({{"buildId", id}, {"reachability", v == nullptr ? "" : v->name()}});
      }
    }
    if (!opts.disable_stats) stats = json::array();
    for (const auto& id : ids) {
      for (const auto& [type, info] : types_of(r.versions_info().at(id))) {
        for (const auto& poller : info->pollers()) {
          json p{{"buildId", id}, {"taskQueueType", type_json(type)}};
          append(p, poller, shorthand);
          pollers.push_back(std::move(p));
        }
        if (!opts.disable_stats) {
          const auto& st = info->stats();
          stats.push_back({{"buildId", id},
                           {"taskQueueType", type_json(type)},
                           {"approximateBacklogCount", st.approximate_backlog_count()},
                           {"approximateBacklogAge", duration_json(st.approximate_backlog_age())},
                           {"backlogIncreaseRate", st.tasks_add_rate() - st.tasks_dispatch_rate()},
                           {"tasksAddRate", st.tasks_add_rate()},
                           {"tasksDispatchRate", st.tasks_dispatch_rate()}});
        }
      }
    }
    json doc{{"reachability", reach}, {"pollers", pollers}, {"stats", stats}};
    if (opts.report_config) doc["config"] = configs_json(s, shorthand);
    out.document(doc);
    return;
  }
  if (!out.text()) return;
  const auto& style = out.style();
  std::string text;
  if (opts.report_reachability) {
    output::Table t{{{"BuildID"}, {"Reachability"}}, {}};
    for (const auto& id : ids) {
      const auto* v = enums::BuildIdTaskReachability_descriptor()->FindValueByNumber(
          r.versions_info().at(id).task_reachability());
      t.rows.push_back({build_id_text(id), v == nullptr ? "" : output::enum_short_name(*v)});
    }
    text += section(style, "Task Reachability:") + output::render_table(t, true, style) + "\n";
  }
  if (!opts.disable_stats) {
    output::Table t{{{"BuildID"},
                     {"TaskQueueType"},
                     {"ApproximateBacklogCount", true},
                     {"ApproximateBacklogAge", true},
                     {"BacklogIncreaseRate", true},
                     {"TasksAddRate", true},
                     {"TasksDispatchRate", true}},
                    {}};
    for (const auto& id : ids) {
      for (const auto& [type, info] : types_of(r.versions_info().at(id))) {
        const auto& st = info->stats();
        t.rows.push_back({build_id_text(id), type_text(type), std::to_string(st.approximate_backlog_count()),
                          format_duration(st.approximate_backlog_age()),
                          rate_text(st.tasks_add_rate() - st.tasks_dispatch_rate()), rate_text(st.tasks_add_rate()),
                          rate_text(st.tasks_dispatch_rate())});
      }
    }
    text += section(style, "Task Queue Statistics:") + output::render_table(t, true, style) + "\n";
  }
  output::Table t{{{"BuildID"}, {"TaskQueueType"}, {"Identity"}, {"LastAccessTime"}, {"RatePerSecond", true}}, {}};
  for (const auto& id : ids) {
    for (const auto& [type, info] : types_of(r.versions_info().at(id))) {
      for (const auto& p : info->pollers()) {
        t.rows.push_back({build_id_text(id), type_text(type), p.identity(),
                          format_time(p.last_access_time(), ctx.globals.time_format, ctx.now()),
                          rate_text(p.rate_per_second())});
      }
    }
  }
  text += section(style, "Pollers:") + output::render_table(t, true, style);
  if (opts.report_config) text += "\n" + config_table(s, style);
  out.write(text);
}

void print_legacy(const DescribeOptions& opts, const Seen& s, Context& ctx) {
  auto& out = ctx.printer();
  bool shorthand = ctx.globals.shorthand_payloads;
  const auto& first = s.partitions.at(0);
  if (out.json()) {
    json queues = json::array(), pollers = json::array();
    for (size_t i = 0; i < s.partitions.size(); ++i) {
      const auto& r = s.partitions[i];
      json q{{"partition", i}};
      append(q, r.task_queue_status(), shorthand);
      queues.push_back(std::move(q));
      for (const auto& poller : r.pollers()) {
        json p{{"partition", i}};
        append(p, poller, shorthand);
        pollers.push_back(std::move(p));
      }
    }
    json doc{{"taskQueues", queues}, {"pollers", pollers}};
    if (opts.report_config && first.has_config()) doc["config"] = output::proto_to_json(first.config(), shorthand);
    if (first.has_versioning_info()) doc["versioningInfo"] = output::proto_to_json(first.versioning_info(), shorthand);
    out.document(doc);
    return;
  }
  if (!out.text()) return;
  const auto& style = out.style();
  output::Table pollers{{{"Partition", true}, {"Identity"}, {"LastAccessTime"}, {"RatePerSecond", true}}, {}};
  output::Table queues{{{"Partition", true},
                        {"BacklogCountHint", true},
                        {"ReadLevel", true},
                        {"AckLevel", true},
                        {"RatePerSecond", true}},
                       {}};
  for (size_t i = 0; i < s.partitions.size(); ++i) {
    const auto& r = s.partitions[i];
    for (const auto& p : r.pollers()) {
      pollers.rows.push_back({std::to_string(i), p.identity(),
                              format_time(p.last_access_time(), ctx.globals.time_format, ctx.now()),
                              rate_text(p.rate_per_second())});
    }
    const auto& st = r.task_queue_status();
    queues.rows.push_back({std::to_string(i), std::to_string(st.backlog_count_hint()), std::to_string(st.read_level()),
                           std::to_string(st.ack_level()), rate_text(st.rate_per_second())});
  }
  std::string text = section(style, "Pollers:") + output::render_table(pollers, true, style) + "\n" +
                     section(style, "Partitions:") + output::render_table(queues, true, style);
  if (opts.report_config && first.has_config()) {
    Seen c;
    c.configs.emplace_back(opts.type_legacy.empty() ? enums::TASK_QUEUE_TYPE_WORKFLOW
                                                    : enum_number(kTaskQueueTypeLegacy, opts.type_legacy),
                           first);
    text += "\n" + config_table(c, style);
  }
  out.write(text);
}

void print(const DescribeOptions& opts, const Seen& s, Context& ctx) {
  if (opts.legacy_mode) print_legacy(opts, s, ctx);
  else print_enhanced(opts, s, ctx);
}

}  // namespace

int describe(const DescribeOptions& opts, Context& ctx) {
  auto p = plan(opts, ctx);
  if (!opts.require_pollers) {
    print(opts, fetch(p, ctx), ctx);
    return 0;
  }
  Seen seen;
  if (!p.wait) {
    seen = fetch(p, ctx);
    print(opts, seen, ctx);
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
  if (fetched) print(opts, seen, ctx);
  if (result.done) return 0;
  Error e(ErrorKind::DeadlineExceeded, fmt::format("no poller on task queue {} within {} ({} checks; the last: {})",
                                                   opts.task_queue, format_duration(*p.wait), result.attempts,
                                                   result.last));
  e.cause = "no_pollers";
  throw e;
}

}  // namespace twctl::ops::taskqueue
