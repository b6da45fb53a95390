#include "ops/workflow/from_file.hpp"

#include "core/error.hpp"
#include "core/ids.hpp"
#include "ops/bulk.hpp"
#include "ops/outcome.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <string_view>

#include "temporal/api/enums/v1/workflow.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace wsv = temporal::api::workflowservice::v1;
namespace enums = temporal::api::enums::v1;
using nlohmann::json;

namespace {

Error bad(std::string_view key, std::string_view problem) {
  return usage_error(fmt::format("\"{}\": {}", key, problem));
}

// A string (a number is taken as its text: "priority-key": 2); not empty, and an ID or a name not over the
// server's length limit.
std::string text(const json& v, std::string_view key, bool id = false) {
  std::string s;
  if (v.is_string()) s = v.get<std::string>();
  else if (v.is_number()) s = v.dump();
  else throw bad(key, "a string");
  if (s.empty()) throw bad(key, "the value is empty");
  if (id && s.size() > kMaxIdLength) {
    throw bad(key, fmt::format("{} bytes long; the server takes at most {} (limit.maxIDLength)", s.size(), kMaxIdLength));
  }
  return s;
}
std::string id_text(const json& v, std::string_view key) { return text(v, key, true); }

std::vector<std::string> texts(const json& v, std::string_view key) {
  if (!v.is_array()) return {text(v, key)};
  std::vector<std::string> out;
  for (const auto& e : v) out.push_back(text(e, key));
  return out;
}

// {"k": value} (or ["k=JSON", ...]) → "k=JSON" strings, as the repeatable KEY=JSON flags take them.
std::vector<std::string> key_json(const json& v, std::string_view key) {
  std::vector<std::string> out;
  if (v.is_object()) {
    for (const auto& [k, value] : v.items()) out.push_back(k + "=" + value.dump());
    return out;
  }
  if (v.is_array()) return texts(v, key);
  throw bad(key, "an object of KEY: value (or an array of \"KEY=JSON\" strings)");
}

std::vector<std::string> arguments(const json& v, std::string_view key) {
  if (!v.is_array()) throw bad(key, "an array, one element per argument (as repeated --input)");
  std::vector<std::string> out;
  for (const auto& e : v) out.push_back(e.dump());
  return out;
}

bool boolean(const json& v, std::string_view key) {
  if (!v.is_boolean()) throw bad(key, "true or false");
  return v.get<bool>();
}

std::vector<std::string> files(const json& v, std::string_view key) {
  auto out = texts(v, key);
  if (std::find(out.begin(), out.end(), "-") != out.end()) throw bad(key, "standard input cannot be read for each line");
  return out;
}

template <class Opts>
using Setter = std::function<void(Opts&, const json&, std::string_view)>;

// The payload-input keys, shared: a line's input replaces the flags' input and input files both.
template <class Opts>
void add_input_keys(std::map<std::string, Setter<Opts>, std::less<>>& keys) {
  keys["input"] = [](Opts& o, const json& v, std::string_view k) {
    o.input.inputs = arguments(v, k);
    o.input.files.clear();
  };
  keys["input-file"] = [](Opts& o, const json& v, std::string_view k) {
    o.input.files = files(v, k);
    o.input.inputs.clear();
  };
  keys["input-meta"] = [](Opts& o, const json& v, std::string_view k) { o.input.meta = texts(v, k); };
  keys["input-base64"] = [](Opts& o, const json& v, std::string_view k) { o.input.base64 = boolean(v, k); };
  keys["headers"] = [](Opts& o, const json& v, std::string_view k) { o.headers = key_json(v, k); };
}

const std::map<std::string, Setter<StartOptions>, std::less<>>& start_keys() {
  static const auto keys = [] {
    std::map<std::string, Setter<StartOptions>, std::less<>> k;
    using O = StartOptions;
    using V = const json&;
    using K = std::string_view;
    k["workflow-id"] = [](O& o, V v, K key) { o.workflow_id = id_text(v, key); };
    k["type"] = k["name"] = [](O& o, V v, K key) { o.type = id_text(v, key); };
    k["task-queue"] = [](O& o, V v, K key) { o.task_queue = id_text(v, key); };
    k["execution-timeout"] = [](O& o, V v, K key) { o.execution_timeout = text(v, key); };
    k["run-timeout"] = [](O& o, V v, K key) { o.run_timeout = text(v, key); };
    k["task-timeout"] = [](O& o, V v, K key) { o.task_timeout = text(v, key); };
    k["memo"] = [](O& o, V v, K key) { o.memo = key_json(v, key); };
    k["search-attribute"] = [](O& o, V v, K key) { o.search_attributes = key_json(v, key); };
    k["static-summary"] = [](O& o, V v, K key) { o.static_summary = text(v, key); };
    k["static-details"] = [](O& o, V v, K key) { o.static_details = text(v, key); };
    k["priority-key"] = [](O& o, V v, K key) { o.priority_key = text(v, key); };
    k["fairness-key"] = [](O& o, V v, K key) { o.fairness_key = text(v, key); };
    k["fairness-weight"] = [](O& o, V v, K key) { o.fairness_weight = text(v, key); };
    k["id-reuse-policy"] = [](O& o, V v, K key) { o.id_reuse_policy = text(v, key); };
    k["id-conflict-policy"] = [](O& o, V v, K key) { o.id_conflict_policy = text(v, key); };
    k["fail-existing"] = [](O& o, V v, K key) { o.fail_existing = boolean(v, key); };
    k["start-delay"] = [](O& o, V v, K key) { o.start_delay = text(v, key); };
    k["cron"] = [](O& o, V v, K key) { o.cron = text(v, key); };
    add_input_keys<O>(k);
    return k;
  }();
  return keys;
}

const std::map<std::string, Setter<SignalOptions>, std::less<>>& signal_keys() {
  static const auto keys = [] {
    std::map<std::string, Setter<SignalOptions>, std::less<>> k;
    using O = SignalOptions;
    using V = const json&;
    using K = std::string_view;
    k["workflow-id"] = [](O& o, V v, K key) { o.target.ref.workflow_id = id_text(v, key); };
    k["run-id"] = [](O& o, V v, K key) { o.target.ref.run_id = id_text(v, key); };
    k["name"] = k["type"] = [](O& o, V v, K key) { o.name = id_text(v, key); };
    add_input_keys<O>(k);
    return k;
  }();
  return keys;
}

template <class Opts>
Opts apply(const json& line, const Opts& defaults, const std::map<std::string, Setter<Opts>, std::less<>>& keys) {
  if (!line.is_object()) throw usage_error("the line is not a JSON object");
  Opts out = defaults;
  std::map<std::string, std::string, std::less<>> seen;  // flag → the key that gave it
  for (const auto& [key, value] : line.items()) {
    auto flag = flag_for_key(key);
    auto it = keys.find(flag);
    if (it == keys.end()) {
      throw usage_error(fmt::format("unknown key \"{}\" (keys are the flags' long names or their camelCase forms: "
                                    "\"task-queue\" or \"taskQueue\")",
                                    key));
    }
    if (auto [was, fresh] = seen.emplace(flag, key); !fresh) {
      throw usage_error(fmt::format("\"{}\" and \"{}\" are the same key", was->second, key));
    }
    it->second(out, value, key);
  }
  return out;
}

}  // namespace

StartOptions start_line(const json& line, const StartOptions& defaults) {
  auto o = apply(line, defaults, start_keys());
  if (o.type.empty()) throw usage_error("no workflow type: give \"type\" on the line or --type");
  if (o.task_queue.empty()) throw usage_error("no task queue: give \"task-queue\" on the line or --task-queue");
  return o;
}

SignalOptions signal_line(const json& line, const SignalOptions& defaults) {
  auto o = apply(line, defaults, signal_keys());
  if (o.target.ref.workflow_id.empty()) throw usage_error("no workflow ID: give \"workflow-id\" on the line or -w");
  if (o.name.empty()) throw usage_error("no signal name: give \"name\" on the line or --name");
  return o;
}

int start_from_file(const StartCommandOptions& opts, Context& ctx) {
  if (!opts.workflow_id.empty()) {
    throw usage_error("--workflow-id cannot be every line's default with --from-file: give \"workflow-id\" on each "
                      "line (without one, a line's workflow gets a random UUID)");
  }
  if (std::find(opts.input.files.begin(), opts.input.files.end(), "-") != opts.input.files.end()) {
    throw usage_error("--input-file -: standard input cannot be read for each line of --from-file");
  }
  const StartOptions& defaults = opts;
  auto parse = [&](const json& line) {
    auto req = build_start_request(start_line(line, defaults), ctx);
    LineCall call;
    call.workflow_id = req.workflow_id();
    call.send = [req = std::move(req), &ctx]() -> LineOutcome {
      try {
        auto resp = call_change<wsv::StartWorkflowExecutionResponse>(
            ctx, req, check_with(ctx, "workflow describe -w " + req.workflow_id()));
        // Only UseExisting returns a run that was there before (a server without `started` starts them all).
        bool existing = !resp.started() &&
                        req.workflow_id_conflict_policy() == enums::WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING;
        return {req.workflow_id(), resp.run_id(), existing ? "already-started" : "started"};
      } catch (const Error& e) {
        // Running (or closed, when the reuse policy refuses another run): this line's work is done.
        if (e.kind() != ErrorKind::AlreadyExists) throw;
        std::string run_id;
        if (e.details.is_array()) {
          for (const auto& d : e.details) {
            if (d.is_object() && d.contains("runId") && d["runId"].is_string()) run_id = d["runId"].get<std::string>();
          }
        }
        return {req.workflow_id(), run_id, "already-started"};
      }
    };
    return call;
  };
  return run_bulk(opts.bulk, ctx, parse, "workflow start(s)");
}

int signal_from_file(const SignalOptions& opts, Context& ctx) {
  if (opts.target.batch()) throw usage_error("-q/--query and --from-file cannot be used together");
  if (opts.target.wait) throw usage_error("--wait is for batches: it cannot be used with --from-file");
  if (opts.target.yes) throw usage_error("--yes is for batches: it cannot be used with --from-file");
  if (!opts.target.reason.empty()) throw usage_error("--reason is for batches: it cannot be used with --from-file");
  if (std::find(opts.input.files.begin(), opts.input.files.end(), "-") != opts.input.files.end()) {
    throw usage_error("--input-file -: standard input cannot be read for each line of --from-file");
  }
  auto bulk = opts.bulk;
  bulk.rps = opts.target.rps;
  auto parse = [&](const json& line) {
    auto o = signal_line(line, opts);
    auto req = build_signal_request(o, ctx);
    LineCall call;
    call.workflow_id = o.target.ref.workflow_id;
    call.run_id = o.target.ref.run_id;
    call.send = [req = std::move(req), &ctx]() -> LineOutcome {
      const auto& ex = req.workflow_execution();
      call_change<wsv::SignalWorkflowExecutionResponse>(
          ctx, req,
          check_with(ctx, "workflow show -w " + ex.workflow_id(),
                     " (a WorkflowExecutionSignaled event " + req.signal_name() + " near the end?)"));
      return {ex.workflow_id(), ex.run_id(), "signaled"};
    };
    return call;
  };
  return run_bulk(bulk, ctx, parse, "signal(s)");
}

}  // namespace twctl::ops::workflow
