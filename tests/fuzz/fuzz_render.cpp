// The renderers fed with messages as a server could send them: the input's first byte picks a command and its
// output mode, the rest is parsed as the binary protobuf answer (ParseFromArray) that the local cluster gives
// that command. Text cards and tables (output/render), the history table and cards (ops/workflow/history_text),
// protobuf JSON (output/json_text), JSON with payload shorthand (output/proto_json). An input that is no valid
// message of that type still runs the command, against an empty answer.

#include "harness.hpp"
#include "ops/workflow/history_text.hpp"
#include "output/json_text.hpp"
#include "output/proto_json.hpp"

#include <memory>

#include "temporal/api/history/v1/message.pb.h"
#include "temporal/api/operatorservice/v1/request_response.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace {

namespace wsv = temporal::api::workflowservice::v1;
namespace osv = temporal::api::operatorservice::v1;
namespace gp = google::protobuf;

struct Case {
  std::vector<std::string> args;
  std::function<std::unique_ptr<gp::Message>()> make;
};

template <typename M>
std::unique_ptr<gp::Message> make() {
  return std::make_unique<M>();
}

const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      {{"workflow", "describe", "-w", "w"}, make<wsv::DescribeWorkflowExecutionResponse>},
      {{"workflow", "describe", "-w", "w", "-o", "json"}, make<wsv::DescribeWorkflowExecutionResponse>},
      {{"workflow", "describe", "-w", "w", "--raw"}, make<wsv::DescribeWorkflowExecutionResponse>},
      {{"workflow", "show", "-w", "w", "-r", "r"}, make<wsv::GetWorkflowExecutionHistoryResponse>},
      {{"workflow", "show", "-w", "w", "-r", "r", "--detailed"}, make<wsv::GetWorkflowExecutionHistoryResponse>},
      {{"workflow", "show", "-w", "w", "-r", "r", "-o", "json"}, make<wsv::GetWorkflowExecutionHistoryResponse>},
      {{"workflow", "show", "-w", "w", "-r", "r", "-o", "jsonl"}, make<wsv::GetWorkflowExecutionHistoryResponse>},
      {{"workflow", "result", "-w", "w", "-r", "r"}, make<wsv::GetWorkflowExecutionHistoryResponse>},
      {{"workflow", "result", "-w", "w", "-r", "r", "-o", "json"}, make<wsv::GetWorkflowExecutionHistoryResponse>},
      {{"workflow", "list"}, make<wsv::ListWorkflowExecutionsResponse>},
      {{"workflow", "list", "-o", "json"}, make<wsv::ListWorkflowExecutionsResponse>},
      {{"workflow", "count"}, make<wsv::CountWorkflowExecutionsResponse>},
      {{"workflow", "query", "-w", "w", "--type", "q"}, make<wsv::QueryWorkflowResponse>},
      {{"schedule", "describe", "-s", "s"}, make<wsv::DescribeScheduleResponse>},
      {{"schedule", "describe", "-s", "s", "-o", "json"}, make<wsv::DescribeScheduleResponse>},
      {{"schedule", "list"}, make<wsv::ListSchedulesResponse>},
      {{"task-queue", "describe", "-t", "q"}, make<wsv::DescribeTaskQueueResponse>},
      {{"task-queue", "describe", "-t", "q", "-o", "json"}, make<wsv::DescribeTaskQueueResponse>},
      {{"batch", "describe", "--job-id", "j"}, make<wsv::DescribeBatchOperationResponse>},
      {{"operator", "namespace", "describe", "-n", "ns"}, make<wsv::DescribeNamespaceResponse>},
      {{"operator", "search-attribute", "list"}, make<osv::ListSearchAttributesResponse>},
      {{"operator", "cluster", "describe"}, make<wsv::GetClusterInfoResponse>},
      {{"worker", "list"}, make<wsv::ListWorkersResponse>},
      {{"workflow", "trace", "-w", "w"}, make<wsv::DescribeWorkflowExecutionResponse>},
  };
  return all;
}

// One history event straight into the history table and cards, and both JSON writers.
void render_event(const uint8_t* data, size_t size, bool detailed) {
  using namespace twctl;
  temporal::api::history::v1::HistoryEvent e;
  if (!e.ParseFromArray(data, static_cast<int>(size))) return;
  std::string json;
  output::append_json(e, json);
  output::append_json(e, json, {2, 4});
  (void)output::proto_to_json(e, true).dump();
  (void)output::proto_to_json(e, false).dump();
  std::istringstream in;
  std::ostringstream out, err;
  CancelToken cancel;
  Context ctx(in, out, err, cancel);
  ctx.now = [] { return TimePoint(std::chrono::seconds(1'700'000'000)); };
  ops::workflow::HistoryText text(ctx, detailed);
  text.add(e);
  text.add(e);
  text.flush();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace twctl;
  if (size == 0) return 0;
  const auto& all = cases();
  size_t pick = data[0] % (all.size() + 2);
  if (pick >= all.size()) {
    render_event(data + 1, size - 1, pick == all.size());
    return 0;
  }
  const auto& c = all[pick];
  auto answer = c.make();
  if (!answer->ParseFromArray(data + 1, static_cast<int>(size - 1))) answer->Clear();
  fuzz::LocalCluster cluster;
  cluster.canned.push_back(answer.get());
  fuzz::Invocation inv;
  inv.args = c.args;
  auto o = fuzz::run_cli(inv, cluster);
  fuzz::check_outcome(o, inv);
  return 0;
}
