#include "ops/workflow/history.hpp"

#include "core/error.hpp"
#include "ops/workflow/common.hpp"

#include "temporal/api/enums/v1/event_type.pb.h"

namespace twctl::ops::workflow {

namespace enums = temporal::api::enums::v1;
namespace wsv = temporal::api::workflowservice::v1;

namespace {

// A long poll that comes back empty sooner than this did not wait: the server answers at once when the call's
// deadline (--command-timeout) leaves it no time to. Polling again at once would flood it until its rate limit
// answers instead of the deadline.
constexpr auto kShortPoll = std::chrono::seconds(1);
constexpr auto kShortPollPause = std::chrono::milliseconds(200);

wsv::GetWorkflowExecutionHistoryRequest history_request(const Context& ctx, const WorkflowExecution& ex) {
  wsv::GetWorkflowExecutionHistoryRequest req;
  req.set_namespace_(ctx.globals.connection.namespace_);
  *req.mutable_execution() = ex;
  return req;
}

}  // namespace

std::optional<HistoryEvent> close_event(Context& ctx, const WorkflowExecution& ex) {
  auto req = history_request(ctx, ex);
  req.set_history_event_filter_type(enums::HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT);
  auto resp = ctx.gateway().get_history(req);
  if (resp.history().events_size() == 0) return std::nullopt;
  return resp.history().events(resp.history().events_size() - 1);
}

HistoryEvent wait_for_close(Context& ctx, WorkflowExecution& ex, bool follow) {
  for (;;) {
    auto req = history_request(ctx, ex);
    req.set_history_event_filter_type(enums::HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT);
    req.set_wait_new_event(true);
    req.set_skip_archival(true);
    std::optional<HistoryEvent> close;
    while (!close) {
      if (ctx.cancel.cancelled()) throw Error(ErrorKind::Interrupted, "interrupted");
      auto asked = ctx.now();
      auto resp = ctx.gateway().get_history(req);
      if (resp.history().events_size() > 0) {
        close = resp.history().events(resp.history().events_size() - 1);
      } else {
        // The long poll expired with nothing new: poll again from where it left off.
        req.set_next_page_token(resp.next_page_token());
        if (ctx.now() - asked < kShortPoll && !ctx.pause(kShortPollPause)) {
          throw Error(ErrorKind::Interrupted, "interrupted");
        }
      }
    }
    if (follow && close->event_type() == enums::EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW) {
      ex.set_run_id(close->workflow_execution_continued_as_new_event_attributes().new_execution_run_id());
      continue;
    }
    return *close;
  }
}

void for_each_event(Context& ctx, const WorkflowExecution& ex, const std::function<bool(const HistoryEvent&)>& fn) {
  auto req = history_request(ctx, ex);
  for (;;) {
    auto resp = ctx.gateway().get_history(req);
    for (const auto& e : resp.history().events()) {
      if (!fn(e)) return;
    }
    if (resp.next_page_token().empty()) return;
    req.set_next_page_token(resp.next_page_token());
  }
}

}  // namespace twctl::ops::workflow
