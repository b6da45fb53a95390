#pragma once

#include "app/context.hpp"
#include "ops/enum_flag.hpp"
#include "ops/workflow/reference_options.hpp"

#include <string>
#include <vector>

namespace twctl::ops::workflow {

struct ShowOptions {
  WorkflowRef ref;
  bool follow = false;    // -f: wait for new events until the run closes, into the runs it continues as
  bool reverse = false;   // newest first; not with follow
  bool detailed = false;  // text: every event as a card of all its fields, instead of a table row
  int limit = 0;          // print at most this many events (after --event-type), then stop reading; 0: all
  std::vector<std::string> event_types;  // only these (EventType names, PascalCase); none: every event
};

inline constexpr EnumFlag kEventType{"--event-type", "temporal.api.enums.v1.EventType"};

// Streams the event history page by page: a table (ID, Time, Type, Details), {"events": [...]} in json, one
// event per line in jsonl. Payloads in JSON keep their protobuf form (as the official CLI does, so the output
// replays in the SDKs). With `follow`, each event is printed as it arrives (flushed), and a run that continues
// as new is followed into the new one (said on stderr in text mode). --event-type filters on this side (the API
// cannot); --limit stops reading pages once enough events were printed (with --reverse: the last N).
int show(const ShowOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
