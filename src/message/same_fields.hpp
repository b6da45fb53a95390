#pragma once
// A reflective copy for "the same fields in another message": the API repeats a start request's fields in
// SignalWithStartWorkflowExecutionRequest, NewWorkflowExecutionInfo (a schedule's action) and others. Copying
// by field name and type instead of by hand means a field the API adds to both is carried over, and one the
// target lacks is reported instead of dropped silently.

#include <string>
#include <vector>

namespace google::protobuf {
class Message;
}

namespace twctl::message {

// Copies every field set in `from` into the field of `to` with the same name and type (for messages and enums,
// the same type name). Returns the names of the set fields `to` has no such field for (nothing copied for those).
std::vector<std::string> copy_same_fields(const google::protobuf::Message& from, google::protobuf::Message& to);

}  // namespace twctl::message
