#include "ops/workflow/history.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "ops/paging.hpp"
#include "ops/workflow/common.hpp"

#include "temporal/api/enums/v1/event_type.pb.h"

#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::ops::workflow {

namespace enums = temporal::api::enums::v1;
namespace wsv = temporal::api::workflowservice::v1;

namespace {

// A history page's size is asked in batches of events (the server's default is 1,000), and a batch can hold
// hundreds of events: a default page of a history that scheduled activities in rounds held ~10,000 events
// (~13 MB decoded), twice while the next was fetched. So the first page asks for kFirstPageBatches, and each
// next one for as many batches as keep it near kPageBytes, judged from the page before.
constexpr int kFirstPageBatches = 100;
constexpr int kMinPageBatches = 10;
constexpr int kMaxPageBatches = 1000;
constexpr double kPageBytes = 256 << 10;  // on the wire; decoded, a page takes several times more

wsv::GetWorkflowExecutionHistoryRequest history_request(const Context& ctx, const WorkflowExecution& ex) {
  wsv::GetWorkflowExecutionHistoryRequest req;
  req.set_namespace_(ctx.namespace_());
  *req.mutable_execution() = ex;
  return req;
}

}  // namespace

int next_history_page_size(int asked, size_t page_bytes) {
  if (page_bytes == 0) return kMaxPageBatches;
  auto scaled = static_cast<double>(asked) * kPageBytes / static_cast<double>(page_bytes);
  return static_cast<int>(std::clamp(scaled, double{kMinPageBatches}, double{kMaxPageBatches}));
}

std::optional<HistoryEvent> close_event(Context& ctx, const WorkflowExecution& ex) {
  auto req = history_request(ctx, ex);
  req.set_history_event_filter_type(enums::HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT);
  auto resp = client::call<wsv::GetWorkflowExecutionHistoryResponse>(ctx.gateway(), req);
  if (resp.history().events_size() == 0) return std::nullopt;
  return resp.history().events(resp.history().events_size() - 1);
}

namespace {

wsv::GetWorkflowExecutionHistoryReverseRequest reverse_request(Context& ctx, const WorkflowExecution& ex) {
  wsv::GetWorkflowExecutionHistoryReverseRequest req;
  req.set_namespace_(ctx.namespace_());
  *req.mutable_execution() = ex;
  return req;
}

}  // namespace

std::optional<HistoryEvent> last_event(Context& ctx, const WorkflowExecution& ex) {
  auto req = reverse_request(ctx, ex);
  req.set_maximum_page_size(1);
  auto resp = client::call<wsv::GetWorkflowExecutionHistoryReverseResponse>(ctx.gateway(), req);
  if (resp.history().events_size() == 0) return std::nullopt;
  return resp.history().events(0);
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
      auto resp = client::call<wsv::GetWorkflowExecutionHistoryResponse>(ctx.gateway(), req);
      if (resp.history().events_size() > 0) {
        close = resp.history().events(resp.history().events_size() - 1);
      } else {
        // The long poll expired with nothing new: poll again from where it left off.
        req.set_next_page_token(resp.next_page_token());
        pause_before_repoll(ctx, asked);
      }
    }
    if (follow && close->event_type() == enums::EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW) {
      ex.set_run_id(close->workflow_execution_continued_as_new_event_attributes().new_execution_run_id());
      continue;
    }
    return *close;
  }
}

HistoryEvent follow_history(Context& ctx, WorkflowExecution& ex, const std::function<void(const HistoryEvent&)>& fn) {
  std::optional<HistoryEvent> close;
  follow_events(
      ctx, ex,
      [&](const HistoryEvent& e) {
        fn(e);
        if (is_close_event(e)) close = e;
        return true;
      },
      {});
  if (!close) throw Error(ErrorKind::General, "the history of run " + ex.run_id() + " ended without a close event");
  return *close;
}

namespace {

// The events of each page in turn (a forward or a reverse history request), pages fetched one ahead when
// `ahead` says the next will be wanted.
template <typename Resp, typename Req>
void each_event(Context& ctx, Req req, const std::function<bool(const HistoryEvent&)>& fn,
                const std::function<bool(int)>& ahead) {
  req.set_maximum_page_size(kFirstPageBatches);
  for_each_page<Resp>(
      ctx, std::move(req),
      [&](const Resp& resp) {
        for (const auto& e : resp.history().events()) {
          if (!fn(e)) return false;
        }
        return true;
      },
      [&](const Resp& resp) { return ahead && ahead(resp.history().events_size()); },
      [](auto& req, const Resp& resp) {
        req.set_maximum_page_size(next_history_page_size(req.maximum_page_size(), resp.ByteSizeLong()));
      });
}

}  // namespace

void for_each_event(Context& ctx, const WorkflowExecution& ex, const std::function<bool(const HistoryEvent&)>& fn,
                    const std::function<bool(int)>& ahead) {
  each_event<wsv::GetWorkflowExecutionHistoryResponse>(ctx, history_request(ctx, ex), fn, ahead);
}

void for_each_event_reverse(Context& ctx, const WorkflowExecution& ex,
                            const std::function<bool(const HistoryEvent&)>& fn, const std::function<bool(int)>& ahead) {
  each_event<wsv::GetWorkflowExecutionHistoryReverseResponse>(ctx, reverse_request(ctx, ex), fn, ahead);
}

void follow_events(Context& ctx, WorkflowExecution& ex, const std::function<bool(const HistoryEvent&)>& fn,
                   const FollowHooks& hooks) {
  for (;;) {
    auto req = history_request(ctx, ex);
    req.set_wait_new_event(true);
    req.set_skip_archival(true);
    std::optional<HistoryEvent> last;
    // While the run is open every answer carries a page token: the next call waits for what comes after it
    // (or answers empty when the server's poll interval ends). A closed run's last page has none.
    for (;;) {
      if (ctx.cancel.cancelled()) throw Error(ErrorKind::Interrupted, "interrupted");
      auto asked = ctx.now();
      auto resp = client::call<wsv::GetWorkflowExecutionHistoryResponse>(ctx.gateway(), req);
      for (const auto& e : resp.history().events()) {
        if (!fn(e)) return;
      }
      if (resp.history().events_size() > 0) {
        last = resp.history().events(resp.history().events_size() - 1);
        if (hooks.page_done) hooks.page_done();
      }
      if (resp.next_page_token().empty()) break;
      if (resp.history().events_size() == 0) pause_before_repoll(ctx, asked);
      req.set_next_page_token(resp.next_page_token());
    }
    if (!last || last->event_type() != enums::EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW) return;
    ex.set_run_id(last->workflow_execution_continued_as_new_event_attributes().new_execution_run_id());
    if (hooks.moved) hooks.moved(ex);
  }
}

}  // namespace twctl::ops::workflow
