#pragma once
// Protobuf messages straight to JSON text, by reflection, without an intermediate document: the fast path for
// long streams (`workflow show -o json|jsonl`).
//
// The output is the protobuf JSON mapping as protobuf's own MessageToJsonString writes it with default options
// (JSON field names, enums by name, 64-bit integers as strings, RFC 3339 timestamps, "1.5s" durations, bytes
// in base64, fields at their default value left out), payloads in their protobuf form. protobuf's converter
// costs ~50 µs a history event (it re-reads the message through a type resolver and an object stream; a
// cached resolver does not help), which made `show` CPU-bound; this writer costs a few µs.

#include <string>
#include <string_view>

namespace google::protobuf {
class Message;
}

namespace twctl::schema {
struct Message;
}

namespace twctl::output {

struct JsonLayout {
  int indent = -1;  // spaces per level; -1: one line with no spaces
  int base = 0;     // spaces before every line after the first (the value is nested that deep)
  // Temporal payloads (Payload, Payloads) as their JSON values (payload::to_json with shorthand), as
  // proto_to_json(m, true) shows them, instead of their protobuf form.
  bool shorthand = false;
};

// Appends `m` as JSON to `out`. Pretty layout is nlohmann::json's dump(indent): "key": value, one member
// per line, "{}" and "[]" when empty.
// Generated Temporal API messages are read from their serialized form with the schema tables
// (message/schema.hpp), so no descriptor is registered or built; other messages by reflection.
void append_json(const google::protobuf::Message& m, std::string& out, JsonLayout layout = {});

// A serialized message of type `type` as JSON, read with its schema table (an Any's value, an error detail).
void append_json(const schema::Message& type, std::string_view bytes, std::string& out, JsonLayout layout = {});

// The same JSON by reflection alone: what the unit tests hold the schema path to.
void append_json_by_reflection(const google::protobuf::Message& m, std::string& out, JsonLayout layout = {});

}  // namespace twctl::output
