#pragma once
// The Details column of `workflow show`: what an event is about in a few `key=value` pairs, e.g.
// "activityType=say_hello activityId=1", "signalName=add", "timerId=1 duration=5s", "failure=\"boom\"".

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "temporal/api/history/v1/message.pb.h"

namespace twctl::ops::workflow {

// A value as it appears after `key=`: bare when it is a plain word, JSON-quoted when it holds spaces, quotes,
// `=` or control characters (or is empty), so a line splits back into its pairs.
std::string detail_value(std::string_view value);

// Reads a history in order and says what each event is about. It remembers what the opening event of an
// activity, timer or update said, so that the later events of it (ActivityTaskCompleted, TimerFired,
// WorkflowExecutionUpdateCompleted) name it too; it forgets them when they close, so memory follows what is
// open, not the length of the history. Read newest first, later events name only what they carry.
class EventDetails {
 public:
  std::string operator()(const temporal::api::history::v1::HistoryEvent& e);

 private:
  std::unordered_map<int64_t, std::string> activities_;  // scheduled event ID → "activityType=… activityId=…"
  std::unordered_map<int64_t, std::string> timers_;      // started event ID → "duration=…"
  std::unordered_map<std::string, std::string> updates_;  // update ID → name
};

}  // namespace twctl::ops::workflow
