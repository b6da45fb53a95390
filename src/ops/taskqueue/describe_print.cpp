// `task-queue describe`'s output: tables for people, the official CLI's document shape for json.
#include "core/duration.hpp"
#include "core/time_format.hpp"
#include "ops/taskqueue/describe_view.hpp"
#include "output/proto_fields.hpp"
#include "output/proto_json.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>

#include "temporal/api/enums/v1/task_queue.pb.h"

// The legacy status is deprecated in the API but is what --legacy-mode shows, as the official CLI does.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace twctl::ops::taskqueue {

namespace enums = temporal::api::enums::v1;
namespace tq = temporal::api::taskqueue::v1;
namespace wsv = temporal::api::workflowservice::v1;
using json = nlohmann::ordered_json;

namespace {

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

// Partition 0's versioning info: the current and ramping deployment versions; empty fields left out.
output::Card versioning_card(const tq::TaskQueueVersioningInfo& v, const Context& ctx) {
  output::Card card;
  auto add = [&](std::string name, std::string value) {
    if (!value.empty()) card.emplace_back(std::move(name), std::move(value));
  };
  add("CurrentVersionDeploymentName", v.current_deployment_version().deployment_name());
  add("CurrentVersionBuildID", v.current_deployment_version().build_id());
  add("RampingVersionDeploymentName", v.ramping_deployment_version().deployment_name());
  add("RampingVersionBuildID", v.ramping_deployment_version().build_id());
  if (v.ramping_version_percentage() != 0) add("RampingVersionPercentage", fmt::format("{}%", v.ramping_version_percentage()));
  if (v.has_update_time()) add("UpdateTime", format_time(v.update_time(), ctx.globals.time_format, ctx.now()));
  if (card.empty()) card.emplace_back("CurrentVersion", "unversioned workers");
  return card;
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
  if (first.has_versioning_info()) {
    text += "\n" + section(style, "Versioning Info:") + output::render_card(versioning_card(first.versioning_info(), ctx),
                                                                           style);
  }
  out.write(text);
}

}  // namespace

void print_describe(const DescribeOptions& opts, const Seen& s, Context& ctx) {
  if (opts.legacy_mode) print_legacy(opts, s, ctx);
  else print_enhanced(opts, s, ctx);
}

}  // namespace twctl::ops::taskqueue
