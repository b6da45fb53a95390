// `workflow result` long-polls for the close event: an empty answer that did not wait must not be re-asked at once.
#include "fake_gateway.hpp"

#include <doctest/doctest.h>

#include "temporal/api/enums/v1/event_type.pb.h"

namespace wsv = temporal::api::workflowservice::v1;

using namespace twctl;
using namespace twctl::testing;
namespace enums = temporal::api::enums::v1;

namespace {

wsv::GetWorkflowExecutionHistoryResponse empty_page() {
  wsv::GetWorkflowExecutionHistoryResponse r;
  r.set_next_page_token("again");
  return r;
}

wsv::GetWorkflowExecutionHistoryResponse completed_page() {
  wsv::GetWorkflowExecutionHistoryResponse r;
  auto* e = r.mutable_history()->add_events();
  e->set_event_id(5);
  e->set_event_type(enums::EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
  return r;
}

// Runs `workflow result` with each long poll taking `poll_takes` of (fake) time; returns the pauses made.
std::vector<std::chrono::milliseconds> pauses_for(std::chrono::milliseconds poll_takes) {
  FakeCluster c;
  c.then(empty_page());
  c.then(empty_page());
  c.then(completed_page());
  std::istringstream in;
  std::ostringstream out, err;
  CancelToken cancel;
  Context ctx(in, out, err, cancel);
  auto clock = TimePoint(std::chrono::seconds(1'700'000'000));
  size_t calls_seen = 0;
  ctx.now = [&] {
    // Time moves by one poll whenever a call was made since the clock was last read.
    if (c.calls.size() != calls_seen) clock += poll_takes;
    calls_seen = c.calls.size();
    return clock;
  };
  std::vector<std::chrono::milliseconds> pauses;
  ctx.pause = [&](std::chrono::milliseconds d) {
    pauses.push_back(d);
    return true;
  };
  ctx.gateway_factory = [&](const client::ConnectionOptions&, CancelToken&) { return std::make_unique<FakeGateway>(c); };
  CHECK(cli::run({"workflow", "result", "-w", "w-1", "-r", "r-1"}, ctx) == 0);
  CHECK(c.requests<wsv::GetWorkflowExecutionHistoryRequest>().size() == 3);
  return pauses;
}

}  // namespace

TEST_CASE("workflow result: an empty long-poll answer that came back at once is re-asked after a pause") {
  auto pauses = pauses_for(std::chrono::milliseconds(0));
  CHECK(pauses == std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(250), std::chrono::milliseconds(250)});
}

TEST_CASE("workflow result: an empty long-poll answer after a real wait is re-asked at once") {
  CHECK(pauses_for(std::chrono::seconds(20)).empty());
}
