// workflow trace: the tree of a workflow and its child workflows, recursively.
#include "ops/workflow/trace.hpp"

#include "ops/workflow/common.hpp"

#include "core/error.hpp"
#include "ops/parallel.hpp"
#include "ops/workflow/history.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <set>

#include "temporal/api/enums/v1/event_type.pb.h"
#include "temporal/api/enums/v1/workflow.pb.h"

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace enums = temporal::api::enums::v1;
namespace wsv = temporal::api::workflowservice::v1;

namespace {

std::string lower_alnum(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// --fold values, case-insensitive, repeatable or comma-separated: running, completed, failed, canceled,
// terminated, timedout, continuedasnew. Returned as the status words TraceNode uses.
std::set<std::string> fold_statuses(const TraceOptions& o) {
  if (o.no_fold) return {};
  if (o.fold.empty()) return {"COMPLETED", "CANCELED", "TERMINATED"};
  std::set<std::string> out;
  for (const auto& flag : o.fold) {
    size_t start = 0;
    while (start <= flag.size()) {
      auto end = flag.find(',', start);
      if (end == std::string::npos) end = flag.size();
      auto word = lower_alnum(std::string_view(flag).substr(start, end - start));
      start = end + 1;
      if (word.empty()) continue;
      if (word == "running") out.insert("RUNNING");
      else if (word == "paused") out.insert("PAUSED");
      else if (word == "completed") out.insert("COMPLETED");
      else if (word == "failed") out.insert("FAILED");
      else if (word == "canceled" || word == "cancelled") out.insert("CANCELED");
      else if (word == "terminated") out.insert("TERMINATED");
      else if (word == "timedout") out.insert("TIMED_OUT");
      else if (word == "continuedasnew" || word == "continueasnew") out.insert("CONTINUED_AS_NEW");
      else {
        throw usage_error("--fold: unknown status \"" + flag +
                          "\" (running, paused, completed, failed, canceled, terminated, timedout, continuedasnew)");
      }
    }
  }
  return out;
}

// WORKFLOW_EXECUTION_STATUS_TIMED_OUT → TIMED_OUT, as `workflow result -o json` names statuses.
std::string status_word(int status) {
  auto name = enums::WorkflowExecutionStatus_Name(static_cast<enums::WorkflowExecutionStatus>(status));
  std::string_view prefix = "WORKFLOW_EXECUTION_STATUS_";
  return name.rfind(prefix, 0) == 0 ? name.substr(prefix.size()) : "UNKNOWN";
}

class Tracer {
 public:
  Tracer(Context& ctx, const TraceOptions& o) : ctx_(ctx), o_(o), fold_(fold_statuses(o)) {}

  // The root: described, then (unless at the depth limit) its children, level by level: the runs of one level
  // are fetched side by side, --concurrency at a time.
  TraceNode root() {
    TraceNode n;
    n.workflow_id = o_.ref.workflow_id;
    n.run_id = o_.ref.run_id;
    fill(n, 0);
    std::vector<TraceNode*> level{&n};
    for (int depth = 1;; ++depth) {
      std::vector<TraceNode*> next;
      for (auto* parent : level) {
        for (auto& c : parent->children) {
          if (c.status.empty()) next.push_back(&c);
        }
      }
      if (next.empty()) return n;
      // Each call fills its own node only; the vectors holding them are not touched until the level is done.
      for_each_parallel(next.size(), o_.concurrency, [&](size_t i) { fill(*next[i], depth); });
      level = std::move(next);
    }
  }

 private:
  // Describes the run of `n` (workflow and run ID set), then, unless it is folded or at the depth limit,
  // lists its children (their own runs are described by the next level).
  void fill(TraceNode& n, int level) {
    if (ctx_.cancel.cancelled()) throw Error(ErrorKind::Interrupted, "interrupted");
    wsv::DescribeWorkflowExecutionRequest req;
    req.set_namespace_(ctx_.namespace_());
    req.mutable_execution()->set_workflow_id(n.workflow_id);
    req.mutable_execution()->set_run_id(n.run_id);
    wsv::DescribeWorkflowExecutionResponse resp;
    try {
      resp = client::call<wsv::DescribeWorkflowExecutionResponse>(ctx_.gateway(), req);
    } catch (const Error& e) {
      // A child deleted, or past the namespace's retention: the parent's tree is still worth showing.
      if (level == 0 || e.kind() != ErrorKind::NotFound) throw;
      n.status = "NOT_FOUND";
      return;
    }
    const auto& info = resp.workflow_execution_info();
    n.run_id = info.execution().run_id();
    n.type = info.type().name();
    n.status = status_word(info.status());
    if (!is_open(info.status())) {
      if (auto close = close_event(ctx_, info.execution())) {
        auto o = outcome_of(*close);
        n.failure = o.has_failure ? failure_text(o.failure) : o.reason;
      }
    }
    bool folded = level > 0 && fold_.count(n.status) > 0;
    bool deep_enough = o_.depth >= 0 && level >= o_.depth;
    if (folded || deep_enough) return;
    n.expanded = true;
    n.children = children(info.execution(), resp);
  }

  // Children in the order they started (ChildWorkflowExecutionStarted events), then those the describe answer
  // lists as pending that have not started yet (status STARTING: no run to describe).
  std::vector<TraceNode> children(const WorkflowExecution& ex, const wsv::DescribeWorkflowExecutionResponse& resp) {
    std::vector<TraceNode> out;
    for_each_event(ctx_, ex, [&](const HistoryEvent& e) {
      if (e.event_type() == enums::EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED) {
        const auto& a = e.child_workflow_execution_started_event_attributes();
        TraceNode c;
        c.workflow_id = a.workflow_execution().workflow_id();
        c.run_id = a.workflow_execution().run_id();
        c.type = a.workflow_type().name();
        out.push_back(std::move(c));
      }
      return true;
    }, [](int) { return true; });
    for (const auto& p : resp.pending_children()) {
      bool seen = std::any_of(out.begin(), out.end(), [&](const auto& c) { return c.workflow_id == p.workflow_id(); });
      if (seen) continue;
      TraceNode c;
      c.workflow_id = p.workflow_id();
      c.run_id = p.run_id();
      c.type = p.workflow_type_name();
      if (c.run_id.empty()) c.status = "STARTING";
      out.push_back(std::move(c));
    }
    return out;
  }

  Context& ctx_;
  const TraceOptions& o_;
  std::set<std::string> fold_;
};

std::string node_line(const TraceNode& n, const output::Style& style) {
  std::string line = fmt::format("{}  {}", n.type.empty() ? "?" : style.bold(n.type), n.workflow_id);
  if (!n.run_id.empty()) line += "  " + n.run_id;
  line += "  " + style.status(pascal_name(n.status, ""));
  if (!n.failure.empty()) line += ": " + n.failure;
  return line;
}

void render_children(const TraceNode& n, const std::string& prefix, const output::Style& style, std::string& out) {
  for (size_t i = 0; i < n.children.size(); ++i) {
    bool last = i + 1 == n.children.size();
    out += prefix + (last ? "└─ " : "├─ ") + node_line(n.children[i], style) + "\n";
    render_children(n.children[i], prefix + (last ? "   " : "│  "), style, out);
  }
}

// Moves the cursor back over `lines` lines and clears from there to the end of the screen.
std::string erase_lines(size_t lines) { return lines == 0 ? "" : fmt::format("\x1b[{}F\x1b[J", lines); }

}  // namespace

std::string render_trace(const TraceNode& root, const output::Style& style) {
  std::string out = node_line(root, style) + "\n";
  render_children(root, "", style, out);
  return out;
}

nlohmann::ordered_json trace_json(const TraceNode& n) {
  nlohmann::ordered_json j{{"workflowId", n.workflow_id}, {"runId", n.run_id}, {"type", n.type}, {"status", n.status}};
  if (!n.failure.empty()) j["failure"] = n.failure;
  j["expanded"] = n.expanded;
  j["children"] = nlohmann::ordered_json::array();
  for (const auto& c : n.children) j["children"].push_back(trace_json(c));
  return j;
}

int trace(const TraceOptions& opts, Context& ctx) {
  if (opts.depth < -1) throw usage_error("--depth must be -1 (every level) or more");
  if (opts.concurrency < 1 || opts.concurrency > 1024) throw usage_error("--concurrency must be from 1 to 1024");
  Tracer tracer(ctx, opts);  // validates --fold before anything is sent
  auto& out = ctx.printer();
  bool live = out.text() && ctx.stdout_tty;
  size_t drawn = 0;
  for (;;) {
    auto root = tracer.root();
    if (out.text()) {
      auto text = render_trace(root, out.style());
      out.write(erase_lines(drawn) + text);
      drawn = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
    } else if (out.json()) {
      out.document(trace_json(root));
    }
    bool open = root.status == "RUNNING" || root.status == "PAUSED";
    if (open && live) {
      if (!ctx.pause(std::chrono::seconds(1))) throw Error(ErrorKind::Interrupted, "interrupted");
      continue;
    }
    if (open || root.status == "COMPLETED" || root.status == "CONTINUED_AS_NEW") return 0;
    std::string what = root.status == "FAILED"       ? "failed"
                       : root.status == "TIMED_OUT"  ? "timed out"
                       : root.status == "CANCELED"   ? "was canceled"
                       : root.status == "TERMINATED" ? "was terminated"
                                                     : "closed with status " + root.status;
    Error err(ErrorKind::WorkflowFailed, "workflow " + what + (root.failure.empty() ? "" : ": " + root.failure));
    err.details = {{"status", root.status}};
    throw err;
  }
}

}  // namespace twctl::ops::workflow
