#pragma once
// Reading a run's history: the close event (now, or waiting for it), and page-by-page iteration.

#include "app/context.hpp"

#include <cstddef>
#include <functional>
#include <optional>

#include "temporal/api/common/v1/message.pb.h"
#include "temporal/api/history/v1/message.pb.h"

namespace twctl::ops::workflow {

// Batches of events to ask for in the history page after one of `page_bytes` on the wire that answered a
// request for `asked` batches: as many as keep a page near 256 KiB on the wire (10 to 1,000). Reading a history
// through starts at 100: a batch can hold hundreds of events, and the server's default of 1,000 batches made
// pages of ~13 MB decoded.
int next_history_page_size(int asked, size_t page_bytes);

using temporal::api::common::v1::WorkflowExecution;
using temporal::api::history::v1::HistoryEvent;

// The close event of a closed run, or nothing if it is still open. One call.
std::optional<HistoryEvent> close_event(Context& ctx, const WorkflowExecution& ex);

// The run's last event, open or closed, at once (GetWorkflowExecutionHistoryReverse, one event): a closed run's
// close event without the long poll that the close-event filter makes of an open run.
std::optional<HistoryEvent> last_event(Context& ctx, const WorkflowExecution& ex);

// Long-polls until the run closes and returns its close event. With `follow`, a run that continued as new is
// followed to the new run until one closes otherwise; `ex.run_id` is updated to the run that closed.
HistoryEvent wait_for_close(Context& ctx, WorkflowExecution& ex, bool follow);

// Long-polls the whole history as it grows and calls `fn` for each event as it arrives, following
// continue-as-new into the new run (whose events start again at 1), until a run closes otherwise; returns that
// close event, with `ex.run_id` set to the run that closed.
HistoryEvent follow_history(Context& ctx, WorkflowExecution& ex, const std::function<void(const HistoryEvent&)>& fn);

// Calls `fn` for each event, page by page. `fn` returns false to stop. `ahead(n)`, when given, says whether the
// page after one of n events will be wanted: then it is fetched while `fn` handles this one (two pages held at
// most; ops/paging.hpp). Without it (a search that stops early) each page is fetched only when asked for.
void for_each_event(Context& ctx, const WorkflowExecution& ex, const std::function<bool(const HistoryEvent&)>& fn,
                    const std::function<bool(int)>& ahead = {});

// The same, newest event first (GetWorkflowExecutionHistoryReverse).
void for_each_event_reverse(Context& ctx, const WorkflowExecution& ex,
                            const std::function<bool(const HistoryEvent&)>& fn,
                            const std::function<bool(int)>& ahead = {});

// What following a history reports besides its events.
struct FollowHooks {
  // After each answer that carried events: the moment to flush them to the reader.
  std::function<void()> page_done;
  // The run continued as new and `ex.run_id` is now the new run's.
  std::function<void(const WorkflowExecution& ex)> moved;
};

// Calls `fn` for each event of the run as it is written, long-polling for new ones until the run closes; a run
// that continued as new is followed into the new run, so `ex.run_id` ends as the last run's. `ex.run_id` must
// name a run (a page token is bound to the run it was read from). `fn` returns false to stop.
void follow_events(Context& ctx, WorkflowExecution& ex, const std::function<bool(const HistoryEvent&)>& fn,
                   const FollowHooks& hooks);

}  // namespace twctl::ops::workflow
