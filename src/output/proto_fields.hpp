#pragma once
// A protobuf message as flat "path  value" rows for text output (`workflow show --detailed`).

#include "core/time_format.hpp"
#include "output/render.hpp"

#include <string>
#include <string_view>

namespace google::protobuf {
class EnumDescriptor;
class EnumValueDescriptor;
class Message;
}  // namespace google::protobuf

namespace twctl::output {

struct FieldOptions {
  TimeFormat time_format = TimeFormat::Iso;
  TimePoint now;
  bool shorthand = true;  // payloads as their JSON values
};

// Every set field, sorted by path: nested messages as dotted paths (JSON names: "activityType.name"), repeated
// fields and payload lists indexed ("input[0]"), map entries by key ("memo.fields.owner"); payloads as one-line
// JSON, timestamps and durations as people read them, enums by their short name, bytes in base64.
Card message_fields(const google::protobuf::Message& m, const FieldOptions& opts);

// "TASK_QUEUE_KIND_NORMAL" of enum TaskQueueKind → "Normal" (the type's prefix dropped, words capitalised).
std::string enum_short_name(const google::protobuf::EnumValueDescriptor& v);
// The same from the enum's short name ("WorkflowExecutionStatus") and the value's name.
std::string enum_short_name(std::string_view enum_name, std::string_view value_name);
// The same for a value of `e` by number; the number itself when `e` has no such value.
std::string enum_short_name(const google::protobuf::EnumDescriptor& e, int number);
// UPPER_SNAKE_CASE without `prefix` in PascalCase: ("EVENT_TYPE_TIMER_FIRED", "EVENT_TYPE_") -> "TimerFired".
std::string pascal_case(std::string_view upper_snake, std::string_view prefix);

}  // namespace twctl::output
