#pragma once
// Many single calls from a file, one JSON object a line (`workflow start --from-file`, `workflow signal
// --from-file`): the file is streamed, never loaded; at most --concurrency calls are in flight, at most --rps
// begin each second; stdout gets one JSON result a line as each call ends:
//   {"line": N, "workflowId": ..., "runId": ..., "status": "started"|"already-started"|"signaled"|"failed",
//    "error": ..., "kind": ...}
// A line that is not a JSON object, has an unknown key or a bad value, or whose call fails, is that line's
// failure, not the command's. The command fails (usage, exit 2, nothing sent) only when the file cannot be read
// or its first line is not a JSON object. Exit 0 when every line succeeded, batch_failed (11) otherwise,
// interrupted (130) after Ctrl-C (no new line is read; the calls in flight are cancelled and reported).

#include "app/context.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace twctl::ops {

inline constexpr int kDefaultConcurrency = 16;

struct BulkOptions {
  std::string from_file;    // "" when not given; "-" for standard input
  int concurrency = -1;     // calls in flight at most; -1: not given (kDefaultConcurrency)
  double rps = 0;           // calls begun per second at most; 0: no limit
  std::string resume_from;  // a results file of an earlier run: its succeeded lines are skipped

  bool given() const { return !from_file.empty(); }
};

// Without --from-file, --concurrency and --resume-from (and --rps, when it is `rps_flag`) are usage errors.
void check_not_bulk(const BulkOptions& opts, bool rps_flag);

// What one line's call ended with.
struct LineOutcome {
  std::string workflow_id;
  std::string run_id;
  std::string status;  // "started", "already-started", "signaled"
};

// One line made ready: built on the reading thread (its parser throws a usage Error for an unknown key or a bad
// value), then sent on a worker thread (`send` throws Error on failure).
struct LineCall {
  std::string workflow_id;  // for the result of a failed call
  std::string run_id;
  std::function<LineOutcome()> send;
};
using LineParser = std::function<LineCall(const nlohmann::json& line)>;

// Validates the options (usage errors name the flag), reads --resume-from, checks the first line, then runs
// every line. `what` names the calls in the summary ("workflow starts").
int run_bulk(const BulkOptions& opts, Context& ctx, const LineParser& parse, std::string_view what);

// Whether a result's status counts as success ("started", "already-started", "signaled").
bool succeeded(std::string_view status);

// `workflow-id`, `workflowId` → "workflow-id": a line's key as the flag it stands for; "" for a key that is
// neither a flag's long name nor its camelCase form.
std::string flag_for_key(std::string_view key);

}  // namespace twctl::ops
