// `task-queue config get | set`: a task queue's rate limits and fairness weights.
#include "core/error.hpp"
#include "core/number.hpp"
#include "core/time_format.hpp"
#include "ops/taskqueue/taskqueue.hpp"
#include "output/proto_json.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "client/gateway.hpp"
#include "temporal/api/enums/v1/task_queue.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::taskqueue {

namespace enums = temporal::api::enums::v1;
namespace tq = temporal::api::taskqueue::v1;
namespace wsv = temporal::api::workflowservice::v1;

namespace {

constexpr size_t kMaxFairnessKeyBytes = 64;

bool is_default(std::string_view s) {
  return s.size() == 7 && std::equal(s.begin(), s.end(), "default", [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

std::string queue_name(const std::string& name) {
  auto first = name.find_first_not_of(" \t");
  auto last = name.find_last_not_of(" \t");
  if (first == std::string::npos) throw usage_error("--task-queue must not be empty");
  return name.substr(first, last - first + 1);
}

enums::TaskQueueType type_of(const std::string& text) {
  if (text.empty()) throw usage_error("--task-queue-type is required");
  return static_cast<enums::TaskQueueType>(enum_number(kConfigTaskQueueType, text));
}

wsv::DescribeTaskQueueResponse read_config(const std::string& queue, enums::TaskQueueType type, Context& ctx) {
  wsv::DescribeTaskQueueRequest req;
  req.set_namespace_(ctx.namespace_());
  req.mutable_task_queue()->set_name(queue);
  req.mutable_task_queue()->set_kind(enums::TASK_QUEUE_KIND_NORMAL);
  req.set_task_queue_type(type);
  req.set_report_config(true);
  return client::call<wsv::DescribeTaskQueueResponse>(ctx.gateway(), req);
}

std::vector<std::string> limit_row(std::string_view setting, const tq::RateLimitConfig& c, const Context& ctx,
                                   bool present) {
  if (!present || !c.has_rate_limit()) return {std::string(setting), "Not Set", "", "", ""};
  const auto& m = c.metadata();
  return {std::string(setting), fmt::format("{:.2f} rps", c.rate_limit().requests_per_second()), m.reason(),
          m.update_identity(),
          m.has_update_time() ? format_time(m.update_time(), ctx.globals.time_format, ctx.now()) : ""};
}

void print_config(const tq::TaskQueueConfig& c, bool present, Context& ctx) {
  auto& out = ctx.printer();
  if (out.json()) {
    out.document(output::proto_to_json(c, ctx.globals.shorthand_payloads));
    return;
  }
  if (!out.text()) return;
  output::Table t{{{"Setting"}, {"Value"}, {"Reason"}, {"UpdatedBy"}, {"UpdatedTime"}}, {}};
  t.rows.push_back(limit_row("Queue Rate Limit", c.queue_rate_limit(), ctx, present && c.has_queue_rate_limit()));
  t.rows.push_back(limit_row("Fairness Key Rate Limit Default", c.fairness_keys_rate_limit_default(), ctx,
                             present && c.has_fairness_keys_rate_limit_default()));
  std::string text = output::render_table(t, true, out.style());
  if (present && !c.fairness_weight_overrides().empty()) {
    output::Table w{{{"FairnessKey"}, {"Weight", true}}, {}};
    std::map<std::string, float> sorted(c.fairness_weight_overrides().begin(), c.fairness_weight_overrides().end());
    for (const auto& [k, v] : sorted) w.rows.push_back({k, fmt::format("{}", v)});
    text += '\n';
    text += out.style().magenta("Fairness Weight Overrides:");
    text += '\n';
    text += output::render_table(w, true, out.style());
  }
  out.write(text);
}

// --queue-rps-limit / --fairness-key-rps-limit-default: a number (≥ 0) or "default" (removes the limit).
void set_limit(wsv::UpdateTaskQueueConfigRequest::RateLimitUpdate* u, std::string_view flag, const std::string& value,
               const std::string& reason, Context& ctx) {
  if (!is_default(value)) {
    auto v = parse_real(value);
    if (!v || *v < 0) {
      throw usage_error(fmt::format("invalid value \"{}\" for {}: a number of requests per second (0 or more) or "
                                    "\"default\"",
                                    value, flag));
    }
    if (*v == 0) {
      ctx.err << "WARNING: " << flag << " 0 stops all dispatch from this task queue until the limit is changed.\n";
    }
    u->mutable_rate_limit()->set_requests_per_second(static_cast<float>(*v));
  }
  u->set_reason(reason);
}

// A server older than fairness weights (before 1.30) drops the unknown fields and answers as if all went well:
// compare what came back with what was asked, so that weights are never dropped without a word.
void check_weights_applied(const wsv::UpdateTaskQueueConfigRequest& req, const tq::TaskQueueConfig& now) {
  std::vector<std::string> missing;
  std::map<std::string, float> asked(req.set_fairness_weight_overrides().begin(),
                                     req.set_fairness_weight_overrides().end());
  for (const auto& [key, weight] : asked) {
    auto it = now.fairness_weight_overrides().find(key);
    if (it == now.fairness_weight_overrides().end() || it->second != weight) missing.push_back(key);
  }
  if (missing.empty()) return;
  throw Error(ErrorKind::Unsupported,
              fmt::format("the server did not apply --fairness-key-weight for {} (it may not support fairness weights); "
                          "the other settings shown above were applied",
                          fmt::join(missing, ", ")));
}

}  // namespace

int config_get(const ConfigGetOptions& opts, Context& ctx) {
  auto queue = queue_name(opts.task_queue);
  auto type = type_of(opts.type);
  auto resp = read_config(queue, type, ctx);
  print_config(resp.config(), resp.has_config(), ctx);
  return 0;
}

int config_set(const ConfigSetOptions& opts, Context& ctx) {
  auto queue = queue_name(opts.task_queue);
  auto type = type_of(opts.type);
  if (type == enums::TASK_QUEUE_TYPE_WORKFLOW) {
    if (!opts.queue_rps_limit.empty()) throw usage_error("--queue-rps-limit cannot be set on workflow task queues");
    if (!opts.queue_rps_limit_reason.empty()) {
      throw usage_error("--queue-rps-limit-reason cannot be set on workflow task queues");
    }
  }
  if (!opts.queue_rps_limit_reason.empty() && opts.queue_rps_limit.empty()) {
    throw usage_error("--queue-rps-limit-reason needs --queue-rps-limit");
  }
  if (!opts.fairness_key_rps_limit_reason.empty() && opts.fairness_key_rps_limit_default.empty()) {
    throw usage_error("--fairness-key-rps-limit-reason needs --fairness-key-rps-limit-default");
  }
  if (opts.fairness_key_weight_clear_all && !opts.fairness_key_weights.empty()) {
    throw usage_error("--fairness-key-weight-clear-all and --fairness-key-weight cannot be used together");
  }

  wsv::UpdateTaskQueueConfigRequest req;
  req.set_namespace_(ctx.namespace_());
  req.set_identity(ctx.identity());
  req.set_task_queue(queue);
  req.set_task_queue_type(type);
  std::set<std::string> keys;
  for (const auto& kv : opts.fairness_key_weights) {
    auto eq = kv.find('=');
    if (eq == std::string::npos) {
      throw usage_error(fmt::format("--fairness-key-weight {}: expected KEY=WEIGHT or KEY=default", kv));
    }
    auto key = kv.substr(0, eq);
    auto value = kv.substr(eq + 1);
    if (key.empty() || value.empty()) {
      throw usage_error(fmt::format("--fairness-key-weight {}: the key and the weight must not be empty", kv));
    }
    if (key.size() > kMaxFairnessKeyBytes) {
      throw usage_error(fmt::format("--fairness-key-weight: key {} is longer than {} bytes", key, kMaxFairnessKeyBytes));
    }
    if (!keys.insert(key).second) throw usage_error(fmt::format("--fairness-key-weight: key {} is given twice", key));
    if (is_default(value)) {
      req.add_unset_fairness_weight_overrides(key);
      continue;
    }
    auto w = parse_real(value);
    if (!w || *w <= 0) {
      throw usage_error(fmt::format("--fairness-key-weight {}: the weight must be a number above 0 or \"default\"", kv));
    }
    (*req.mutable_set_fairness_weight_overrides())[key] = static_cast<float>(*w);
  }
  if (opts.queue_rps_limit.empty() && opts.fairness_key_rps_limit_default.empty() && opts.fairness_key_weights.empty() &&
      !opts.fairness_key_weight_clear_all) {
    throw usage_error("nothing to set: give --queue-rps-limit, --fairness-key-rps-limit-default, "
                      "--fairness-key-weight or --fairness-key-weight-clear-all");
  }
  if (!opts.queue_rps_limit.empty()) {
    set_limit(req.mutable_update_queue_rate_limit(), "--queue-rps-limit", opts.queue_rps_limit,
              opts.queue_rps_limit_reason, ctx);
  }
  if (!opts.fairness_key_rps_limit_default.empty()) {
    set_limit(req.mutable_update_fairness_key_rate_limit_default(), "--fairness-key-rps-limit-default",
              opts.fairness_key_rps_limit_default, opts.fairness_key_rps_limit_reason, ctx);
  }
  if (opts.fairness_key_weight_clear_all) {
    auto current = read_config(queue, type, ctx);
    std::map<std::string, float> sorted(current.config().fairness_weight_overrides().begin(),
                                        current.config().fairness_weight_overrides().end());
    for (const auto& [k, w] : sorted) req.add_unset_fairness_weight_overrides(k);
    if (ctx.printer().text()) ctx.err << "Unsetting " << sorted.size() << " fairness weight override(s)\n";
    if (sorted.empty() && opts.queue_rps_limit.empty() && opts.fairness_key_rps_limit_default.empty()) {
      // Nothing to change: the answer is the config as it is.
      print_config(current.config(), current.has_config(), ctx);
      return 0;
    }
  }
  auto resp = client::call<wsv::UpdateTaskQueueConfigResponse>(ctx.gateway(), req);
  if (ctx.printer().text()) ctx.err << "Task queue configuration updated.\n";
  print_config(resp.config(), resp.has_config(), ctx);
  check_weights_applied(req, resp.config());
  return 0;
}

}  // namespace twctl::ops::taskqueue
