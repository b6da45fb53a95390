#pragma once
// Protobuf messages as JSON: the protobuf JSON mapping (camelCase names, enums by name, int64 as strings),
// with Temporal payloads shown as their JSON values when `shorthand` is on.

#include <nlohmann/json.hpp>

namespace google::protobuf {
class Message;
}

namespace twctl::output {

nlohmann::ordered_json proto_to_json(const google::protobuf::Message& m, bool shorthand);

}  // namespace twctl::output
