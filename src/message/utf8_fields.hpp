#pragma once
// The last guard before a request goes on the wire: protobuf string fields must be UTF-8, or gRPC's
// serialisation fails with a log line and the call with a vague error. Values are checked where they enter
// (flags, files, settings); this catches any path that was missed, and names the field.

#include <string>

namespace google::protobuf {
class Message;
}

namespace twctl::message {

// "" or "<field path> is not valid UTF-8 (byte N)", e.g. "workflow_id …", "memo.fields[k] …".
std::string invalid_utf8_field(const google::protobuf::Message& msg);

}  // namespace twctl::message
